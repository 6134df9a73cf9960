"""A World that answers every catalogue site from its fixtures: the found page for the known-claimed username,
the not-found page for anyone else, and any page a scenario sets for a particular username."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from footprint.catalogue import Catalogue, Check
from footprint.fixtures import CannedResponse, site_fixtures
from footprint.sampleworld.server import Reply, WorldRequest, unknown_host


@dataclass(frozen=True)
class _Route:
    check: Check
    host: re.Pattern[str]
    pattern: re.Pattern[str]  # over host + path + query, so a username may sit in either


def _route(check: Check) -> _Route:
    template = (check.probe_url or check.url).split("://", 1)[1]
    host, slash, rest = template.partition("/")
    target = host.lower() + slash + rest
    regex = "^" + re.escape(target).replace(
        re.escape("{username}"), r"(?P<username>[^/?&#.]+(?:\.[^/?&#.]+)*?)"
    )
    host_regex = "^" + re.escape(host.lower()).replace(re.escape("{username}"), r"[^/]+") + "$"
    return _Route(check, re.compile(host_regex, re.I), re.compile(regex + "/?$", re.I))


def reply_from(canned: CannedResponse, recorded_for: str = "", username: str = "") -> Reply:
    """The canned response, re-addressed from the username it was recorded for to the one asked about."""
    headers = tuple(
        (k, v) for k, v in canned.headers if k.lower() not in ("content-length", "transfer-encoding")
    )
    body = canned.body
    if recorded_for and username and recorded_for.lower() != username.lower():
        # whole handles only: "facebook" in facebook.com/facebook is the handle once, the host never
        swap = re.compile(r"(?<![\w.-])" + re.escape(recorded_for) + r"(?![\w-]|\.\w)", re.I)
        body = swap.sub(lambda _: username, body.decode("utf-8", "replace")).encode("utf-8")
        headers = tuple((k, swap.sub(lambda _: username, v)) for k, v in headers)
    return Reply(canned.status, body, headers)


@dataclass
class CatalogueWorld:
    """Replays each site's fixtures on its real hostname and URL pattern."""

    catalogue: Catalogue
    checks_root: Path
    overrides: dict[tuple[str, str], Reply] = field(
        default_factory=dict
    )  # (check id, lower username) -> reply
    site_overrides: dict[str, Reply] = field(default_factory=dict)  # check id -> reply for any username

    def __post_init__(self) -> None:
        self._routes = [_route(c) for c in self.catalogue.sites]
        self._fixtures: dict[str, dict[str, CannedResponse]] = {}

    def fixtures(self, check_id: str) -> dict[str, CannedResponse]:
        if check_id not in self._fixtures:
            self._fixtures[check_id] = site_fixtures(self.checks_root, check_id)
        return self._fixtures[check_id]

    def match(self, request: WorldRequest) -> tuple[Check, str] | None:
        target = request.host + request.path
        for route in self._routes:
            found = route.pattern.match(target)
            if found:
                return route.check, unquote(found.group("username"))
        return None

    def __call__(self, request: WorldRequest) -> Reply:
        hit = self.match(request)
        if hit is None:
            if not any(r.host.match(request.host) for r in self._routes):
                return unknown_host(request)
            return Reply(404, b"<html><head><title>Not Found</title></head><body>Not Found</body></html>")
        check, username = hit
        key = (check.id, username.lower())
        if key in self.overrides:
            return self.overrides[key]
        if check.id in self.site_overrides:
            return self.site_overrides[check.id]
        fixtures = self.fixtures(check.id)
        if username.lower() == check.normalise(check.known_claimed).lower():
            return reply_from(fixtures["found"])
        return reply_from(fixtures["not_found"], check.normalise(check.known_unclaimed), username)
