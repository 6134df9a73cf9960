"""Load and validate the catalogue of sources (checks/*.toml) and judge a fetched page against a site's rule."""

from __future__ import annotations

import functools
import hashlib
import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from footprint.errors import CatalogueError
from footprint.model import Ownership, Page, Status
from footprint.resources import checks_dir

# Challenge and anti-bot pages seen in front of real sites. Each is specific enough not to match an ordinary
# page that merely loads a bot-detection script.
CHALLENGE_MARKERS: tuple[tuple[str, str], ...] = (
    ("<title>just a moment...</title>", "Cloudflare browser challenge"),
    ("window._cf_chl_opt", "Cloudflare browser challenge"),
    ("attention required! | cloudflare", "Cloudflare block page"),
    ("cf-error-details", "Cloudflare error page"),
    ("captcha-delivery.com", "DataDome captcha"),
    ("px-captcha", "PerimeterX captcha"),
    ("_incapsula_resource", "Imperva/Incapsula challenge"),
    ("making sure you're not a bot", "Anubis proof-of-work challenge"),
    ("awswaf", "AWS WAF challenge"),
    ("pardon our interruption", "bot-detection interstitial"),
    ("<title>ddos-guard</title>", "DDoS-Guard challenge"),
    ('g-recaptcha" data-sitekey', "reCAPTCHA challenge"),
    ('class="h-captcha"', "hCaptcha challenge"),
)

RATE_LIMIT_MARKERS: tuple[str, ...] = (
    "too many requests",
    "rate limit exceeded",
    "you are being rate limited",
    "slow down, you're making too many requests",
)


@dataclass(frozen=True)
class PresenceRule:
    """When a page proves an account exists, proves it doesn't, or is a wall in front of it."""

    found_status: tuple[int, ...] = ()
    found_strings: tuple[str, ...] = ()
    not_found_status: tuple[int, ...] = ()
    not_found_strings: tuple[str, ...] = ()
    not_found_redirect: str | None = None
    blocked_strings: tuple[str, ...] = ()
    blocked_redirect: str | None = None


@dataclass(frozen=True)
class FollowStep:
    """One step of a search source: which links on the pages of the step before to fetch next."""

    link: str  # a regex searched in each absolute link URL
    text_has_name: bool = False  # the link's text must name the person (a member index, a results list)
    max: int = 5
    unwrap: str = ""  # a query parameter holding the real target (a search engine's redirect links)
    also: str = (
        ""  # a URL template; {url} is each matched link: fetched too (e.g. the Wayback Machine's copy)
    )


@dataclass(frozen=True)
class SearchSpec:
    """A source read by searching for the person: start URLs built from the profile, then links followed."""

    urls: tuple[str, ...]  # templates: {name} {first} {last} {locality} {council} {query}
    queries: tuple[str, ...] = ()  # for web search: each is filled from the profile, then put in {query}
    needs: tuple[str, ...] = ()  # profile fields without which the source is skipped
    follow: tuple[FollowStep, ...] = ()
    # A scan option that must be given (e.g. "web_search"): the source sends the name to a third party.
    opt_in: str = ""
    key: str = ""  # an API key the user gave (e.g. "companies_house"): without it the source is not used
    read_start: bool = (
        True  # read the search page itself; false where it only echoes the query (a search engine)
    )


@dataclass(frozen=True)
class Check:
    """One source in the catalogue. Username sites carry a URL template and rule; others name a handler."""

    id: str
    name: str
    category: str
    remediation: tuple[str, ...]
    url: str = ""
    probe_url: str = ""
    username_pattern: str = ""
    username_case: str = "keep"
    known_claimed: str = ""
    known_unclaimed: str = ""
    needs_browser: bool = False
    headers: tuple[tuple[str, str], ...] = ()
    handler: str | None = None
    ownership: Ownership = Ownership.SELF
    rule: PresenceRule = field(default_factory=PresenceRule)
    imported_from: str | None = None
    notes: str = ""
    path: str = ""
    search: SearchSpec | None = None

    def accepts(self, username: str) -> bool:
        return bool(self.username_pattern) and re.fullmatch(self.username_pattern, username) is not None

    def normalise(self, username: str) -> str:
        return username.lower() if self.username_case == "lower" else username

    def profile_url(self, username: str) -> str:
        return self.url.replace("{username}", quote(self.normalise(username), safe="@.-_~"))

    def fetch_url(self, username: str) -> str:
        template = self.probe_url or self.url
        return template.replace("{username}", quote(self.normalise(username), safe="@.-_~"))


@dataclass(frozen=True)
class Verdict:
    status: Status
    reason: str = ""


@dataclass(frozen=True)
class Catalogue:
    version: str
    checks: tuple[Check, ...]
    root: str

    def get(self, check_id: str) -> Check:
        for check in self.checks:
            if check.id == check_id:
                return check
        raise KeyError(check_id)

    @property
    def sites(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if c.handler is None)

    def match_profile_url(self, url: str) -> tuple[Check, str] | None:
        """The site and username a link points at ("https://www.github.com/maggie/" -> github, maggie), if
        it is a profile URL of a catalogue site; used to follow links from a confirmed profile."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().removeprefix("www.")
        path = parts.path.rstrip("/") or "/"
        for check, pattern in _profile_patterns(self):
            if (m := pattern.fullmatch(f"{host}{path}")) and check.accepts(unquote(m.group(1))):
                return check, unquote(m.group(1))
        return None


@functools.lru_cache(maxsize=8)
def _profile_patterns(catalogue: Catalogue) -> tuple[tuple[Check, re.Pattern[str]], ...]:
    """host+path patterns for every site's profile URL, with {username} as the one group."""
    patterns = []
    for check in catalogue.sites:
        parts = urlsplit(check.url.replace("{username}", "USERNAMEHERE"))
        host = (parts.hostname or "").lower().removeprefix("www.")
        path = (parts.path.rstrip("/") or "/").replace("USERNAMEHERE", "{username}")
        text = f"{host}{path}"
        if text.count("{username}") != 1:
            host_part = host.replace("usernamehere", "{username}")
            text = f"{host_part}{path}"
        if text.count("{username}") != 1:
            continue
        before, after = text.split("{username}")
        patterns.append(
            (check, re.compile(re.escape(before) + r"([^/?#]+)" + re.escape(after), re.IGNORECASE))
        )
    return tuple(patterns)


# --- judging a page ---------------------------------------------------------------------------------------


def _contains_any(body: str, needles: Iterable[str], username: str | None) -> str | None:
    for needle in needles:
        probe = needle.replace("{username}", username or "").lower()
        if probe and probe in body:
            return needle
    return None


def wall_verdict(page: Page) -> Verdict | None:
    """The walls checked before a site's own rules: 429 and challenge pages. Never `found`."""
    if page.status == 429:
        retry = page.header("retry-after")
        return Verdict(
            Status.RATE_LIMITED, "HTTP 429 Too Many Requests" + (f" (retry after {retry})" if retry else "")
        )
    head = page.text[:200_000].lower()
    for marker, label in CHALLENGE_MARKERS:
        if marker in head:
            return Verdict(Status.BLOCKED, f"{label} (HTTP {page.status})")
    return None


def rate_limit_page(page: Page) -> Verdict | None:
    """A short page that says it is rate-limiting, whatever its status. Checked after a site's positive evidence,
    so a profile whose bio happens to say "too many requests" is still found."""
    if len(page.body) >= 20_000 or page.status in (301, 302, 303, 307, 308, 404, 410):
        return None
    head = page.text.lower()
    for marker in RATE_LIMIT_MARKERS:
        if marker in head:
            return Verdict(Status.RATE_LIMITED, f"rate-limit page (HTTP {page.status}): '{marker}'")
    return None


def generic_verdict(page: Page) -> Verdict | None:
    """Every wall, for sources with no positive-evidence rule of their own."""
    return wall_verdict(page) or rate_limit_page(page)


def judge(check: Check, page: Page, username: str | None) -> Verdict:
    """Decide found / not_found / blocked / rate_limited / unknown. `found` needs positive evidence."""
    wall = wall_verdict(page)
    if wall is not None:
        return wall
    rule = check.rule
    body = page.text.lower()
    hops = page.redirects
    if rule.blocked_redirect and any(re.search(rule.blocked_redirect, hop) for hop in hops):
        return Verdict(Status.BLOCKED, f"redirected to a login wall ({hops[-1]})")
    marker = _contains_any(body, rule.blocked_strings, username)
    if marker:
        return Verdict(Status.BLOCKED, f"login wall or challenge: page contains '{marker}'")

    not_found: str | None = None
    if page.status in rule.not_found_status:
        not_found = f"HTTP {page.status}"
    elif rule.not_found_redirect and any(re.search(rule.not_found_redirect, hop) for hop in hops):
        not_found = "redirected away from the profile"
    else:
        marker = _contains_any(body, rule.not_found_strings, username)
        if marker:
            not_found = f"page says '{marker}'"

    found: str | None = None
    if page.status in rule.found_status:
        marker = _contains_any(body, rule.found_strings, username)
        if marker:
            found = marker

    if found and not_found:
        return Verdict(Status.UNKNOWN, f"page matched both rules ({not_found}; contains '{found}')")
    if found:
        return Verdict(Status.FOUND)
    limited = rate_limit_page(page)
    if limited is not None:
        return limited
    if not_found:
        return Verdict(Status.NOT_FOUND, not_found)
    if page.status in (401, 403):
        return Verdict(Status.BLOCKED, f"access denied (HTTP {page.status})")
    if page.status >= 500:
        return Verdict(Status.ERROR, f"server error (HTTP {page.status})")
    return Verdict(
        Status.UNKNOWN, f"page matched neither the found nor the not-found rule (HTTP {page.status})"
    )


# --- loading ----------------------------------------------------------------------------------------------


def entry_validator() -> Any:
    """The JSON Schema validator for entries: the packaged schema, read once per catalogue load."""
    import jsonschema

    schema = json.loads((checks_dir() / "schema.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def validate_entry(data: dict[str, Any], where: str, validator: Any = None) -> list[str]:
    """Schema and semantic problems with one entry, each as a readable sentence."""
    validator = validator or entry_validator()
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path)):
        path = ".".join(str(p) for p in error.absolute_path) or "(top level)"
        problems.append(f"{where}: {path}: {error.message}")
    if problems:
        return problems
    if "username_pattern" in data:
        try:
            re.compile(data["username_pattern"])
        except re.error as exc:
            problems.append(f"{where}: username_pattern: not a valid regex ({exc})")
    for section in ("not_found", "blocked"):
        pattern = data.get(section, {}).get("redirect")
        if pattern:
            try:
                re.compile(pattern)
            except re.error as exc:
                problems.append(f"{where}: {section}.redirect: not a valid regex ({exc})")
    if "handler" not in data and not problems:
        rx = data["username_pattern"]
        for key in ("known_claimed", "known_unclaimed"):
            if re.fullmatch(rx, data[key]) is None:
                problems.append(f"{where}: {key}: '{data[key]}' does not match username_pattern")
    return problems


def build_check(data: dict[str, Any]) -> Check:
    """A Check from an entry's data (already validated against the schema)."""
    return _build(data, Path(str(data.get("id", "entry"))))


def _build(data: dict[str, Any], path: Path) -> Check:
    found = data.get("found", {})
    not_found = data.get("not_found", {})
    blocked = data.get("blocked", {})
    rule = PresenceRule(
        found_status=tuple(found.get("status", ())),
        found_strings=tuple(found.get("strings", ())),
        not_found_status=tuple(not_found.get("status", ())),
        not_found_strings=tuple(not_found.get("strings", ())),
        not_found_redirect=not_found.get("redirect"),
        blocked_strings=tuple(blocked.get("strings", ())),
        blocked_redirect=blocked.get("redirect"),
    )
    return Check(
        id=data["id"],
        name=data["name"],
        category=data["category"],
        remediation=tuple(data["remediation"]),
        url=data.get("url", ""),
        probe_url=data.get("probe_url", ""),
        username_pattern=data.get("username_pattern", ""),
        username_case=data.get("username_case", "keep"),
        known_claimed=data.get("known_claimed", ""),
        known_unclaimed=data.get("known_unclaimed", ""),
        needs_browser=data.get("needs_browser", False),
        headers=tuple(sorted(data.get("headers", {}).items())),
        handler=data.get("handler"),
        ownership=Ownership(data.get("ownership", "self")),
        rule=rule,
        imported_from=data.get("imported_from"),
        notes=data.get("notes", ""),
        path=str(path),
        search=_search_spec(data.get("search")),
    )


def _search_spec(data: dict[str, Any] | None) -> SearchSpec | None:
    if not data:
        return None
    return SearchSpec(
        urls=tuple(data["urls"]),
        queries=tuple(data.get("queries", ())),
        needs=tuple(data.get("needs", ())),
        follow=tuple(
            FollowStep(
                link=step["link"],
                text_has_name=step.get("text_has_name", False),
                max=step.get("max", 5),
                unwrap=step.get("unwrap", ""),
                also=step.get("also", ""),
            )
            for step in data.get("follow", ())
        ),
        opt_in=data.get("opt_in", ""),
        key=data.get("key", ""),
        read_start=data.get("read_start", True),
    )


def entry_files(root: Path) -> list[Path]:
    return sorted(p for sub in ("sites", "sources") for p in (root / sub).glob("*.toml"))


def merge(base: Catalogue, extra: Catalogue) -> Catalogue:
    """The base catalogue plus another's entries (an imported one); an id the base already has is kept as is."""
    ids = {c.id for c in base.checks}
    added = tuple(c for c in extra.checks if c.id not in ids)
    return Catalogue(version=f"{base.version}+{extra.version}", checks=base.checks + added, root=base.root)


def load_catalogue(root: Path | None = None, remediation_ids: Iterable[str] | None = None) -> Catalogue:
    """Load every entry under root (default: the packaged catalogue). Any invalid entry fails the load."""
    root = root or checks_dir()
    problems, checks = check_catalogue(root, remediation_ids)
    if problems:
        shown = "\n  ".join(problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise CatalogueError(f"the catalogue at {root} has {len(problems)} problem(s):\n  {shown}{more}")
    meta_path = root / "catalogue.toml"
    base = "unversioned"
    if meta_path.is_file():
        base = str(tomllib.loads(meta_path.read_text(encoding="utf-8")).get("version", base))
    digest = hashlib.sha256()
    for path in entry_files(root):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return Catalogue(version=f"{base}+{digest.hexdigest()[:8]}", checks=tuple(checks), root=str(root))


def check_catalogue(
    root: Path, remediation_ids: Iterable[str] | None = None
) -> tuple[list[str], list[Check]]:
    """Every problem in the catalogue at root, and the checks that were valid."""
    if not root.is_dir():
        return [f"{root}: not a directory"], []
    files = entry_files(root)
    if not files:
        return [f"{root}: no entries found under sites/ or sources/"], []
    known_remediation = set(remediation_ids) if remediation_ids is not None else None
    validator = entry_validator()
    problems: list[str] = []
    checks: list[Check] = []
    seen: dict[str, Path] = {}
    for path in files:
        where = str(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            problems.append(f"{where}: not valid TOML ({exc})")
            continue
        entry_problems = validate_entry(data, where, validator)
        if entry_problems:
            problems.extend(entry_problems)
            continue
        if data["id"] in seen:
            problems.append(f"{where}: id '{data['id']}' is already used by {seen[data['id']]}")
            continue
        if path.stem != data["id"]:
            problems.append(f"{where}: the file name must be the id ('{data['id']}.toml')")
            continue
        if known_remediation is not None:
            for rid in data["remediation"]:
                if rid not in known_remediation:
                    problems.append(f"{where}: remediation: unknown id '{rid}'")
        seen[data["id"]] = path
        checks.append(_build(data, path))
    return problems, checks
