"""Named handlers for sources that are not username templates. Catalogue entries refer to them by name.

A handler plans a source's first probes from the profile, judges what comes back, and may ask for more pages
once it has read one (`follow`): the pages of a same-site crawl, the results of a search. Every page it asks for
is fetched by the same fetcher, under the same address guard, limits and politeness as any probe.
"""

from __future__ import annotations

import base64
import json
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, quote_plus, urlsplit
from urllib.robotparser import RobotFileParser

from footprint.catalogue import Check, Verdict, generic_verdict
from footprint.detect.interface import Document
from footprint.detect.subject import mentions
from footprint.domains import registered_domain
from footprint.model import Outcome, Ownership, Page, Probe, Profile, Status

CRAWL_MAX_PAGES = 40  # per website
CRAWL_MAX_DEPTH = 3
_CRAWL_SKIP = re.compile(
    r"\.(?:css|js|mjs|json|xml|rss|atom|zip|gz|mp3|mp4|mov|avi|webm|woff2?|ttf|ico|svg|gif|docx?|xlsx?|pptx?)(?:$|\?)",
    re.IGNORECASE,
)


@dataclass
class ScanState:
    """What handlers learn during a scan and share: robots.txt rules and how many pages each crawl has read."""

    robots: dict[str, RobotFileParser] = field(default_factory=dict)  # by "scheme://host"
    crawled: dict[str, int] = field(default_factory=dict)  # pages planned per site
    seen_urls: set[str] = field(default_factory=set)
    options: frozenset[str] = frozenset()  # opt-ins given on the command line, e.g. {"web_search"}
    secrets: dict[str, str] = field(
        default_factory=dict, repr=False
    )  # API keys the user gave, e.g. {"hibp": ...}

    def allowed(self, url: str, agent: str) -> bool:
        parts = urlsplit(url)
        rules = self.robots.get(f"{parts.scheme}://{parts.netloc}")
        return rules is None or rules.can_fetch(agent, url)


class Handler(ABC):
    """Plans a source's probes from the profile and judges what came back."""

    @abstractmethod
    def plan(self, check: Check, profile: Profile, state: ScanState) -> Iterator[Probe | Outcome]:
        """The probes this source needs for this person (or an Outcome saying why it is skipped)."""

    def follow(
        self, check: Check, outcome: Outcome, doc: Document, profile: Profile, state: ScanState
    ) -> list[Probe]:
        """More pages to read, now that this one is read. Most sources have none."""
        return []

    def document(self, check: Check, outcome: Outcome) -> Document | None:
        """The page as text for the detectors, when the handler knows better than extract.py (an API answer)."""
        return None

    def judge(self, check: Check, page: Page) -> Verdict:
        wall = generic_verdict(page)
        if wall is not None:
            return wall
        if 200 <= page.status < 300:
            return Verdict(Status.FOUND)
        if page.status in (404, 410):
            return Verdict(Status.NOT_FOUND, f"HTTP {page.status}: the page is gone")
        if page.status in (401, 403):
            return Verdict(Status.BLOCKED, f"access denied (HTTP {page.status})")
        if page.status >= 500:
            return Verdict(Status.ERROR, f"server error (HTTP {page.status})")
        return Verdict(Status.UNKNOWN, f"unexpected HTTP {page.status}")


def _site(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class OwnWebsites(Handler):
    """The person's own sites, crawled within bounds: pages, linked PDFs (text and metadata) and images (EXIF).

    Same registered domain only, robots.txt respected (read before the crawl), sitemap.xml used where present,
    at most CRAWL_MAX_PAGES pages a site and CRAWL_MAX_DEPTH links deep.
    """

    def plan(self, check: Check, profile: Profile, state: ScanState) -> Iterator[Probe]:
        for url in profile.websites:
            state.crawled[_site(url)] = state.crawled.get(_site(url), 0) + 1
            state.seen_urls.add(url.split("#")[0])
            yield Probe(check.id, url, "websites", Ownership.SELF, via="a website in your profile")

    def follow(
        self, check: Check, outcome: Outcome, doc: Document, profile: Profile, state: ScanState
    ) -> list[Probe]:
        probe = outcome.probe
        if probe.depth >= CRAWL_MAX_DEPTH or outcome.page is None:
            return []
        home = registered_domain(probe.url)
        probes = []
        for link in doc.links:
            url = link.split("#")[0]
            if url in state.seen_urls or _CRAWL_SKIP.search(urlsplit(url).path):
                continue
            if not home or registered_domain(url) != home:
                continue
            site = _site(url)
            if state.crawled.get(site, 0) >= CRAWL_MAX_PAGES:
                continue
            state.crawled[site] = state.crawled.get(site, 0) + 1
            state.seen_urls.add(url)
            probes.append(
                Probe(
                    check.id,
                    url,
                    "websites",
                    Ownership.SELF,
                    via="a page of your website",
                    linked_from=outcome.page.final_url,
                    depth=probe.depth + 1,
                )
            )
        return probes


class WatchedPages(Handler):
    """Pages the person knows mention them, written by other people (a doxxing post, a forum thread)."""

    def plan(self, check: Check, profile: Profile, state: ScanState) -> Iterator[Probe]:
        for url in profile.watch_urls:
            yield Probe(
                check.id, url, "watch_urls", Ownership.THIRD_PARTY, via="a page you asked footprint to watch"
            )


def _fill(template: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        template = template.replace("{" + key + "}", quote_plus(value))
    return template


def _street(profile: Profile) -> str:
    for address in profile.addresses:
        if not address.public:
            first = address.text.split(",")[0].strip()
            return re.sub(r"^(?:flat|apartment|unit)\s+\S+\s*", "", first, flags=re.IGNORECASE)
    return ""


class SearchSource(Handler):
    """A source read by searching for the person: people-search sites, Companies House, a council's member
    pages, candidate listings, a search engine (opt-in). Start URLs are built from the profile; links on each
    page that match the next step are followed. Every page is read as one that may be about a namesake."""

    def plan(self, check: Check, profile: Profile, state: ScanState) -> Iterator[Probe | Outcome]:
        spec = check.search
        if spec is None:
            return
        if spec.opt_in and spec.opt_in not in state.options:
            return  # not asked for: nothing is sent, and nothing is reported as skipped
        headers = self._auth(spec.key, state)
        if spec.key and not headers:
            return  # needs the user's API key, which was not given
        name = profile.name
        words = name.split()
        base = {"name": name, "first": words[0], "last": words[-1] if len(words) > 1 else ""}
        missing = [need for need in spec.needs if not getattr(profile, need)]
        if missing:
            probe = Probe(check.id, spec.urls[0], "search", check.ownership, via="a search for your name")
            fields = ", ".join(missing)
            yield Outcome(probe, Status.SKIPPED, f"needs {fields} in your profile to search {check.name}")
            return
        localities = profile.locality[:1] or ("",)
        councils = profile.council_sites or ("",)
        values = []
        for locality in localities:
            for council in councils:
                values.append({**base, "locality": locality, "council": council.rstrip("/")})
        queries = [self._query(q, profile) for q in spec.queries] if spec.queries else [""]
        for value in values:
            for query in (q for q in queries if q is not None):
                for template in spec.urls:
                    if "{council}" in template:
                        url = template.replace("{council}", value["council"])
                        url = _fill(url, {k: v for k, v in value.items() if k != "council"})
                    else:
                        url = _fill(template, {**value, "query": query} if query else value)
                    if url in state.seen_urls:
                        continue
                    state.seen_urls.add(url)
                    yield Probe(
                        check.id,
                        url,
                        "search",
                        check.ownership,
                        via="a search for your name",
                        headers=headers,
                    )

    @staticmethod
    def _auth(key_name: str, state: ScanState) -> tuple[tuple[str, str], ...]:
        """HTTP Basic auth with the user's API key as the user name (Companies House's scheme)."""
        key = state.secrets.get(key_name, "") if key_name else ""
        if not key:
            return ()
        token = base64.b64encode(f"{key}:".encode()).decode()
        return (("Authorization", f"Basic {token}"),)

    @staticmethod
    def _query(template: str, profile: Profile) -> str | None:
        """A web-search query from the profile ("{name} {street}"), or None when the profile lacks a part."""
        values = {
            "name": f'"{profile.name}"',
            "street": _street(profile),
            "postcode": next((a.postcode for a in profile.addresses if a.postcode and not a.public), ""),
            "phone": next((p.number for p in profile.phones if not p.public), ""),
            "school": next((f.school for f in profile.family if f.school), ""),
        }
        for key, value in values.items():
            if "{" + key + "}" in template:
                if not value:
                    return None
                template = template.replace("{" + key + "}", value)
        return template

    def follow(
        self, check: Check, outcome: Outcome, doc: Document, profile: Profile, state: ScanState
    ) -> list[Probe]:
        spec = check.search
        step = outcome.probe.step
        if spec is None or step >= len(spec.follow) or outcome.page is None:
            return []
        rule = spec.follow[step]
        pattern = re.compile(rule.link)
        texts = doc.link_texts if len(doc.link_texts) == len(doc.links) else ("",) * len(doc.links)
        probes: list[Probe] = []
        matched = 0
        for link, text in zip(doc.links, texts, strict=True):
            target = link
            if rule.unwrap:
                wrapped = parse_qs(urlsplit(link).query).get(rule.unwrap)
                if not wrapped:
                    continue
                target = wrapped[0]
            if not pattern.search(target) or target in state.seen_urls:
                continue
            if rule.text_has_name and not mentions(Document(url=link, text=text), profile):
                continue
            state.seen_urls.add(target)
            targets = [target]
            if rule.also:
                extra = rule.also.replace("{url}", quote_plus(target))
                if extra not in state.seen_urls:
                    state.seen_urls.add(extra)
                    targets.append(extra)
            matched += 1
            for url in targets:
                # An API key the search needed goes with its own result pages, never to another host.
                same_host = urlsplit(url).hostname == urlsplit(outcome.probe.url).hostname
                probes.append(
                    Probe(
                        check.id,
                        url,
                        "search",
                        check.ownership,
                        via=f"a result of searching {check.name} for your name",
                        linked_from=outcome.page.final_url,
                        depth=outcome.probe.depth + 1,
                        step=step + 1,
                        headers=outcome.probe.headers if same_host else (),
                    )
                )
            if matched >= rule.max:
                break
        return probes


# RDAP servers by top-level domain: a subset of IANA's bootstrap file (https://data.iana.org/rdap/dns.json),
# shipped with footprint so no lookup happens behind the user's back. `footprint rdap-bootstrap FILE` installs
# a fresh copy of IANA's file that the user downloaded.
RDAP_BOOTSTRAP = Path(__file__).parent / "rdap_bootstrap.json"


def rdap_servers(path: Path | None = None) -> dict[str, str]:
    from footprint.resources import user_rdap_bootstrap

    chosen = path or user_rdap_bootstrap()
    if chosen is None or not chosen.is_file():
        chosen = RDAP_BOOTSTRAP
    data = json.loads(chosen.read_text(encoding="utf-8"))
    servers: dict[str, str] = {}
    for tlds, urls in data.get("services", []):
        https = [u for u in urls if u.startswith("https://")] or urls
        for tld in tlds:
            servers[tld.lower()] = https[0] if https[0].endswith("/") else https[0] + "/"
    return servers


class DomainRegistration(Handler):
    """RDAP, the successor of WHOIS: who registered the person's website domains, if the registry shows it."""

    def plan(self, check: Check, profile: Profile, state: ScanState) -> Iterator[Probe | Outcome]:
        servers = rdap_servers()
        for site in profile.websites:
            domain = registered_domain(site)
            if not domain:
                continue
            tld = domain.rsplit(".", 1)[-1]
            server = servers.get(tld)
            if server is None:
                probe = Probe(check.id, site, "websites", Ownership.SELF, via=f"the domain {domain}")
                yield Outcome(
                    probe,
                    Status.SKIPPED,
                    f"no RDAP server is known for .{tld} (see `footprint rdap-bootstrap`)",
                )
                continue
            url = f"{server}domain/{domain}"
            if url not in state.seen_urls:
                state.seen_urls.add(url)
                # Self: the person gave the registrar these details and can hide them there.
                yield Probe(check.id, url, "websites", Ownership.SELF, via=f"the registration of {domain}")

    def judge(self, check: Check, page: Page) -> Verdict:
        if page.status == 404:
            return Verdict(Status.NOT_FOUND, "the registry has no record of this domain")
        return super().judge(check, page)


class Breaches(Handler):
    """Have I Been Pwned (opt-in, with the user's API key): the breaches each of the profile's emails is in."""

    API = "https://haveibeenpwned.com/api/v3/breachedaccount/{email}?truncateResponse=false"

    def plan(self, check: Check, profile: Profile, state: ScanState) -> Iterator[Probe]:
        key = state.secrets.get("hibp")
        if not key:
            return  # not asked for: nothing is sent
        for email in profile.emails:
            if email.public:
                continue
            url = self.API.replace("{email}", quote_plus(email.address.strip().lower()))
            yield Probe(
                check.id,
                url,
                "emails",
                Ownership.THIRD_PARTY,
                via=f"your email {email.address}",
                headers=(("hibp-api-key", key),),
            )

    def judge(self, check: Check, page: Page) -> Verdict:
        if page.status == 404:
            return Verdict(Status.NOT_FOUND, "not in any breach Have I Been Pwned knows of")
        if page.status == 401:
            return Verdict(Status.ERROR, "Have I Been Pwned refused the API key (check --hibp-key)")
        return super().judge(check, page)

    def document(self, check: Check, outcome: Outcome) -> Document | None:
        page = outcome.page
        if page is None:
            return None
        email = parse_qs(urlsplit("?e=" + urlsplit(outcome.probe.url).path.rsplit("/", 1)[-1]).query).get(
            "e", [""]
        )[0]
        try:
            breaches = json.loads(page.text)
        except ValueError:
            return Document(url=page.final_url, text="", problem="Have I Been Pwned's answer was not JSON")
        lines = []
        for breach in breaches if isinstance(breaches, list) else []:
            if not isinstance(breach, dict):
                continue
            exposed = ", ".join(str(c) for c in breach.get("DataClasses", []) if isinstance(c, str))
            title = str(breach.get("Title") or breach.get("Name") or "a breach")
            lines.append(
                f"{email} was in the {title} breach ({breach.get('BreachDate', 'date unknown')}): {exposed}"
            )
        return Document(url=page.final_url, text="\n".join(lines), confirmed=True)


HANDLERS: dict[str, Handler] = {
    "own_website": OwnWebsites(),
    "watched_page": WatchedPages(),
    "search": SearchSource(),
    "rdap": DomainRegistration(),
    "hibp": Breaches(),
}
