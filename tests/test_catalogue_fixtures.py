"""Every site's rule tells its own found fixture from its not-found fixture (offline, on the canned pages)."""

from __future__ import annotations

import dataclasses

import pytest

from footprint.catalogue import judge, load_catalogue
from footprint.fixtures import site_fixtures
from footprint.model import Status
from footprint.resources import checks_dir

CATALOGUE = load_catalogue()
SITES = [c for c in CATALOGUE.sites]


@pytest.mark.parametrize("check", SITES, ids=[c.id for c in SITES])
def test_rule_tells_found_from_not_found(check):
    fixtures = site_fixtures(checks_dir(), check.id)
    assert {"found", "not_found"} <= set(fixtures), f"{check.id} needs found.http and not_found.http fixtures"
    found = fixtures["found"].as_page(check.fetch_url(check.known_claimed))
    missing_url = check.fetch_url(check.known_unclaimed)
    redirects = tuple(v for k, v in fixtures["not_found"].headers if k.lower() == "location")
    missing = fixtures["not_found"].as_page(missing_url, redirects=redirects)
    assert judge(check, found, check.normalise(check.known_claimed)).status is Status.FOUND
    verdict = judge(check, missing, check.normalise(check.known_unclaimed))
    assert verdict.status is Status.NOT_FOUND, verdict.reason


@pytest.mark.parametrize("check", SITES, ids=[c.id for c in SITES])
def test_found_page_for_someone_else_is_not_found_for_this_username(check):
    """The found rule must be tied to the username, not just to 'a profile page'."""
    fixtures = site_fixtures(checks_dir(), check.id)
    page = fixtures["found"].as_page(check.fetch_url(check.known_unclaimed))
    assert judge(check, page, check.normalise(check.known_unclaimed)).status is not Status.FOUND


def test_every_site_through_the_real_fetcher_on_its_real_hostname(catalogue, guidance):
    """The same found/not-found pairs, fetched over HTTPS through the sample-world proxy: URL templates, probe URLs,
    request headers and redirects all take the path a real scan takes."""
    from footprint.api import ScanContext, judge_result
    from footprint.fetch.http import HttpFetcher
    from footprint.fetch.interface import FetchPolicy, Request
    from footprint.model import Ownership, Probe
    from footprint.sampleworld.replay import CatalogueWorld
    from footprint.sampleworld.server import serve
    from footprint.store import Store

    world = CatalogueWorld(catalogue, checks_dir())
    with serve(world) as server:
        fetcher = HttpFetcher(FetchPolicy(proxy=server.url, ca_bundle=server.ca_path, workers=8, retries=0))
        ctx = ScanContext(catalogue, guidance, fetcher, Store(":memory:"))  # type: ignore[arg-type]
        items = []
        for check in catalogue.sites:
            for username, expected in (
                (check.known_claimed, Status.FOUND),
                (check.known_unclaimed, Status.NOT_FOUND),
            ):
                probe = Probe(check.id, check.profile_url(username), "test", Ownership.SELF, username)
                items.append(((probe, expected), Request(check.fetch_url(username), check.headers)))
        results = list(fetcher.fetch_all(items))
        fetcher.close()
    assert len(results) == 2 * len(catalogue.sites)
    wrong = []
    for (probe, expected), result in results:
        outcome = judge_result(ctx, probe, result)
        if outcome.status is not expected:
            wrong.append(f"{probe.check_id}/{probe.username}: {outcome.status.value} ({outcome.reason})")
    assert not wrong, wrong
    sent_headers = {
        dict(r.headers).get("x-ig-app-id") for r in server.requests if r.host == "www.instagram.com"
    }
    assert sent_headers - {None}, "site-specific headers must be sent"


def test_walls_and_rate_limit_pages_are_never_found_or_not_found(catalogue):
    from footprint.catalogue import judge
    from footprint.fixtures import parse_http

    check = catalogue.get("github")
    cases = {
        b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: 30\r\n\r\nslow down": Status.RATE_LIMITED,
        b"HTTP/1.1 200 OK\r\n\r\n<h1>Too Many Requests</h1><p>octocat</p>": Status.RATE_LIMITED,
        b"HTTP/1.1 503 Service Unavailable\r\n\r\n<title>Just a moment...</title>": Status.BLOCKED,
        b"HTTP/1.1 200 OK\r\n\r\n<script src='https://geo.captcha-delivery.com/captcha/'></script>": Status.BLOCKED,
        b"HTTP/1.1 403 Forbidden\r\n\r\n<html>Access denied</html>": Status.BLOCKED,
        b"HTTP/1.1 500 Internal Server Error\r\n\r\noops": Status.ERROR,
        b"HTTP/1.1 200 OK\r\n\r\n<html>a page about something else</html>": Status.UNKNOWN,
    }
    for raw, expected in cases.items():
        page = parse_http(raw).as_page("https://github.com/octocat")
        assert judge(check, page, "octocat").status is expected, raw


def test_a_profile_that_mentions_rate_limits_is_still_found(catalogue):
    from footprint.catalogue import judge

    check = catalogue.get("github")
    found = site_fixtures(checks_dir(), "github")["found"]
    body = found.body.replace(b"</body>", b"<p>My talk: too many requests, too little time</p></body>")
    page = dataclasses.replace(found, body=body).as_page("https://github.com/octocat")
    assert judge(check, page, "octocat").status is Status.FOUND
