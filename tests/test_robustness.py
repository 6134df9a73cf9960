"""No false `found`, whatever a site throws back: challenge pages, rate limits, soft-404s, login walls, server
errors, slow answers and dropped connections. Every catalogue site is tried against every hostile page."""

from __future__ import annotations

import pytest

from footprint.catalogue import judge, load_catalogue
from footprint.fetch.http import HttpFetcher
from footprint.fetch.interface import FetchFailure, FetchPolicy, Request
from footprint.model import Page, Status, utcnow
from footprint.sampleworld.server import Reply

CATALOGUE = load_catalogue()
SITES = CATALOGUE.sites
USER = "maggieoduya"

CLOUDFLARE = """<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>
<div id="challenge-running">Checking if the site connection is secure</div>
<script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script>
<p>{user}</p></body></html>"""
DDOS_GUARD = """<html><head><title>DDoS-Guard</title></head><body>Checking your browser before accessing.
<script src="https://check.ddos-guard.net/check.js"></script> Requested: /{user}</body></html>"""
ANUBIS = """<!doctype html><html><head><title>Making sure you&#39;re not a bot!</title></head><body>
<h1 id="title">Making sure you're not a bot!</h1><p>Protected by Anubis From Techaro.</p>
<script id="anubis_challenge" type="application/json">{{"challenge":"x"}}</script>
<p>/{user}</p></body></html>"""
RATE_PAGE = """<html><head><title>Too Many Requests</title></head><body><h1>Whoa there!</h1>
<p>You have made too many requests recently. Please try again later. ({user})</p></body></html>"""
SOFT_404 = """<!DOCTYPE html><html><head><title>Page not found</title></head><body>
<h1>Sorry, this page isn't available.</h1><p>We looked everywhere for "{user}" but there is nobody by that name.
The link you followed may be broken, or the page may have been removed.</p><a href="/">Go back home</a>
</body></html>"""
LOGIN_WALL = """<html><head><title>Log in</title></head><body><form action="/login">
<input name="username" placeholder="Username"><input type="password"></form>
<p>Log in to see {user}'s profile</p></body></html>"""
SERVER_ERROR = """<html><head><title>Something went wrong</title></head><body><h1>500</h1>
<p>An error occurred while loading /{user}.</p></body></html>"""

HOSTILE = {
    "cloudflare-403": (403, CLOUDFLARE, ()),
    "cloudflare-503": (503, CLOUDFLARE, (("Server", "cloudflare"), ("cf-ray", "8a1b2c3d4e5f-LHR"))),
    "ddos-guard": (403, DDOS_GUARD, (("Server", "ddos-guard"),)),
    "anubis": (200, ANUBIS, ()),
    "429-retry-after": (429, RATE_PAGE, (("Retry-After", "120"),)),
    "429-bare": (429, RATE_PAGE, ()),
    "rate-limit-page-200": (200, RATE_PAGE, ()),
    "soft-404": (200, SOFT_404, ()),
    "login-wall-200": (200, LOGIN_WALL, ()),
    "server-error-500": (500, SERVER_ERROR, ()),
    "bad-gateway-502": (502, SERVER_ERROR, ()),
}


def _page(check, status, body, headers, redirects=()):  # type: ignore[no-untyped-def]
    url = check.fetch_url(USER)
    raw = body.format(user=USER).encode()
    return Page(
        url=url,
        final_url=url,
        status=status,
        headers=(("Content-Type", "text/html; charset=utf-8"), *headers),
        body=raw,
        fetched_at=utcnow(),
        sha256="0" * 64,
        elapsed=0.1,
        redirects=redirects,
    )


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_no_site_reads_a_hostile_page_as_found(name):
    status, body, headers = HOSTILE[name]
    wrong = []
    for check in SITES:
        verdict = judge(check, _page(check, status, body, headers), check.normalise(USER))
        if verdict.status is Status.FOUND:
            wrong.append(check.id)
    assert not wrong, f"{name} read as found on: {wrong}"


@pytest.mark.parametrize("name", ["cloudflare-403", "ddos-guard", "anubis", "429-retry-after", "429-bare"])
def test_walls_and_429s_are_never_a_clean_not_found(name):
    """A block must be reported as "couldn't tell", or the person is told they are clean when they are not."""
    status, body, headers = HOSTILE[name]
    wrong = []
    for check in SITES:
        verdict = judge(check, _page(check, status, body, headers), check.normalise(USER))
        if verdict.status not in (Status.BLOCKED, Status.RATE_LIMITED):
            wrong.append(f"{check.id}: {verdict.status.value}")
    assert not wrong, wrong


def test_a_redirect_to_a_login_page_is_never_found():
    wrong = []
    for check in SITES:
        host = check.fetch_url(USER).split("/")[2]
        redirects = (f"https://{host}/login?next=/{USER}",)
        verdict = judge(check, _page(check, 200, LOGIN_WALL, (), redirects), check.normalise(USER))
        if verdict.status is Status.FOUND:
            wrong.append(check.id)
    assert not wrong, wrong


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (Reply(200, b"<html>late</html>", delay=3.0), "timeout"),
        (Reply(200, b"", drop=True), "dropped"),
        (Reply(200, b"<html>" + b"x" * 2000, drip=1.0), "trickle"),
    ],
    ids=["slow", "reset", "trickle"],
)
def test_slow_dead_and_trickling_sites_are_errors_not_answers(world, router, reply, expected):
    """Through the real fetcher on loopback: a site that never answers in time, drops the connection, or
    trickles its body ends as a fetch failure (reported as `error`), within the deadline, never `found`."""
    checks = SITES[:6]
    for check in checks:
        router.hosts[check.fetch_url(USER).split("/")[2]] = lambda request, r=reply: r
    policy = FetchPolicy(proxy=world.url, ca_bundle=world.ca_path, retries=0, read_timeout=1, deadline=2)
    fetcher = HttpFetcher(policy)
    try:
        items = [(check.id, Request(check.fetch_url(USER), check.headers)) for check in checks]
        results = list(fetcher.fetch_all(items))
    finally:
        fetcher.close()
    assert len(results) == len(checks)
    for check_id, result in results:
        assert isinstance(result, FetchFailure), f"{check_id}: {expected} gave {result}"
