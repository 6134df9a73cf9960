"""The UK sources where addresses really leak, each scanned on loopback from its fixture world
(checks/fixtures/<id>/world.toml), and the bounded crawl of the person's own website (pages, PDFs, photos)."""

from __future__ import annotations

import base64
import dataclasses

import pytest

from footprint.api import ScanContext, run_scan
from footprint.fetch.http import HttpFetcher
from footprint.fetch.interface import FetchPolicy, Request
from footprint.handlers import CRAWL_MAX_PAGES, ScanState
from footprint.model import Kind, Status
from footprint.resources import checks_dir
from footprint.sampleworld.demo import demo_profile
from footprint.sampleworld.pdf import make_pdf
from footprint.sampleworld.server import Reply, Router, WorldServer
from footprint.sampleworld.sources import photo, source_worlds
from footprint.store import Store

WORLDS = source_worlds(checks_dir())
KEYS = {"companies_house": "test-key-0000"}  # the sources that need an API key run in their world tests
HTML = (("Content-Type", "text/html; charset=utf-8"),)


def scan(router, catalogue, guidance, only, profile=None, options=frozenset({"web_search"}), secrets=KEYS):  # type: ignore[no-untyped-def]
    server = WorldServer(router).start()
    try:
        policy = FetchPolicy(
            proxy=server.url, ca_bundle=server.ca_path, retries=0, read_timeout=3, deadline=8
        )
        fetcher = HttpFetcher(policy)
        ctx = ScanContext(
            catalogue,
            guidance,
            fetcher,
            Store(":memory:"),
            only_checks=only,
            options=options,
            state=ScanState(secrets=dict(secrets or {})),
        )
        result = run_scan(ctx, profile or demo_profile())
        fetcher.close()
        return result, list(server.requests)
    finally:
        server.stop()


def test_every_search_source_has_a_fixture_world(catalogue):
    searched = {c.id for c in catalogue.checks if c.handler in ("search", "rdap")}
    assert searched <= {w.source for w in WORLDS}, (
        f"sources without a world: {searched - {w.source for w in WORLDS}}"
    )


@pytest.mark.parametrize("world", WORLDS, ids=[w.source for w in WORLDS])
def test_source_world_reports_what_it_exposes_and_not_its_traps(world, catalogue, guidance):
    result, requests = scan(Router(pages=dict(world.pages)), catalogue, guidance, (world.source,))
    found = {(f.kind.value, f.key) for f in result.findings}
    missing = [e for e in world.expect if e not in found]
    wrong = [a for a in world.absent if a in found]
    assert not missing, f"{world.source}: not reported: {missing}; reported: {sorted(found)}"
    assert not wrong, f"{world.source}: reported a trap: {wrong}"
    fetched = {r.url for r in requests}
    unplanned = {u for u in fetched if u not in world.pages}
    assert not unplanned, f"{world.source} fetched pages its world does not have: {unplanned}"
    assert all(o.status is not Status.ERROR for o in result.outcomes), [o.reason for o in result.outcomes]


def test_web_search_sends_nothing_unless_asked(catalogue, guidance):
    result, requests = scan(Router(), catalogue, guidance, ("web-search",), options=frozenset())
    assert requests == [] and result.outcomes == ()


def test_a_search_that_needs_a_profile_field_says_so(catalogue, guidance):
    profile = dataclasses.replace(demo_profile(), council_sites=())
    result, requests = scan(Router(), catalogue, guidance, ("council-interests",), profile)
    (outcome,) = result.outcomes
    assert outcome.status is Status.SKIPPED and "council_sites" in outcome.reason and not requests


# --- the person's own website, crawled within bounds -----------------------------------------------------------

SITE = "https://www.maggieoduya.org.uk"


def own_site(extra: dict[str, Reply] | None = None, robots: str = "", pages: int = 3) -> Router:
    links = "".join(f'<a href="/news/{i}">News {i}</a>' for i in range(pages))
    home = f"""<html><head><title>Maggie Oduya for Millbrook</title></head><body>
    <h1>Maggie Oduya</h1><p>Your councillor for Millbrook ward, Brackenfield.</p>
    <a href="/leaflet.pdf">Download my leaflet</a> <a href="/photos/garden.jpg">My garden</a>
    <a href="/private/notes">Notes</a> <a href="https://elsewhere.example/x">Elsewhere</a>
    <a href="/style.css">css</a> {links}</body></html>"""
    router = Router(
        pages={
            f"{SITE}/": Reply(200, home.encode(), HTML),
            f"{SITE}/leaflet.pdf": Reply(
                200,
                make_pdf(
                    ["Vote Maggie Oduya on 7 May", "Write to me: 14 Larch Close, Millbrook BF4 7QT"],
                    {"Author": "Margaret Oduya", "Creator": "Microsoft Word"},
                ),
                (("Content-Type", "application/pdf"),),
            ),
            f"{SITE}/photos/garden.jpg": Reply(
                200, photo((53.80139, -1.54877), artist="Maggie Oduya"), (("Content-Type", "image/jpeg"),)
            ),
            f"{SITE}/private/notes": Reply(200, b"<p>Our twins Amara and Kofi</p>", HTML),
            f"{SITE}/robots.txt": Reply(200, robots.encode(), (("Content-Type", "text/plain"),)),
            **{f"{SITE}/news/{i}": Reply(200, f"<p>News item {i}</p>".encode(), HTML) for i in range(pages)},
        }
    )
    router.pages.update(extra or {})
    return router


def test_the_crawl_reads_linked_pdfs_and_photos_and_respects_robots(catalogue, guidance):
    profile = dataclasses.replace(
        demo_profile(),
        addresses=tuple(
            dataclasses.replace(a, latitude=53.80121, longitude=-1.54912) if not a.public else a
            for a in demo_profile().addresses
        ),
    )
    router = own_site(robots="User-agent: *\nDisallow: /private/\n")
    result, requests = scan(router, catalogue, guidance, ("own-website",), profile)
    fetched = {r.url for r in requests}
    assert f"{SITE}/leaflet.pdf" in fetched and f"{SITE}/photos/garden.jpg" in fetched
    assert f"{SITE}/private/notes" not in fetched, "robots.txt disallows it"
    assert not any("elsewhere.example" in u or u.endswith(".css") for u in fetched)
    by_url = {f.url: f for f in result.findings}
    pdf = by_url[f"{SITE}/leaflet.pdf"]
    assert pdf.kind is Kind.HOME_ADDRESS and pdf.key == "14 larch close bf47qt"
    geo = by_url[f"{SITE}/photos/garden.jpg"]
    assert geo.kind is Kind.GEO_LOCATION and "m from your home" in geo.subject


def test_the_crawl_stops_at_its_page_limit(catalogue, guidance):
    router = own_site(pages=CRAWL_MAX_PAGES + 20)
    result, requests = scan(router, catalogue, guidance, ("own-website",))
    pages = [
        r for r in requests if r.url.startswith(SITE) and not r.url.endswith(("robots.txt", "sitemap.xml"))
    ]
    assert len(pages) <= CRAWL_MAX_PAGES
    assert len([o for o in result.outcomes if o.probe.check_id == "own-website"]) <= CRAWL_MAX_PAGES


def test_a_sitemap_adds_pages_no_link_reaches(catalogue, guidance):
    sitemap = f"<urlset><url><loc>{SITE}/hidden-page</loc></url><url><loc>https://other.example/x</loc></url></urlset>"
    router = own_site(
        {
            f"{SITE}/sitemap.xml": Reply(200, sitemap.encode(), (("Content-Type", "application/xml"),)),
            f"{SITE}/hidden-page": Reply(200, b"<p>Call me on 07700 900461</p>", HTML),
        }
    )
    result, requests = scan(router, catalogue, guidance, ("own-website",))
    assert f"{SITE}/hidden-page" in {r.url for r in requests}
    assert "https://other.example/x" not in {r.url for r in requests}
    assert any(f.url == f"{SITE}/hidden-page" and f.kind is Kind.PHONE for f in result.findings)


def test_a_broken_pdf_is_a_note_not_a_crash(catalogue, guidance):
    router = own_site(
        {
            f"{SITE}/leaflet.pdf": Reply(
                200, b"%PDF-1.4\n1 0 obj << /Type /Cat", (("Content-Type", "application/pdf"),)
            )
        }
    )
    result, _ = scan(router, catalogue, guidance, ("own-website",))
    leaflet = next(o for o in result.outcomes if o.probe.url == f"{SITE}/leaflet.pdf")
    assert leaflet.status is Status.FOUND
    assert any("PDF could not be read" in n for n in leaflet.notes)


HIBP = (
    "https://haveibeenpwned.com/api/v3/breachedaccount/maggie.oduya.home%40example.org?truncateResponse=false"
)
BREACHES = b"""[{"Name":"ExampleShop","Title":"Example Shop","Domain":"shop.example","BreachDate":"2021-03-04",
"DataClasses":["Email addresses","Names","Phone numbers","Physical addresses"]}]"""


def test_breaches_are_read_only_with_a_key_and_the_key_is_sent(catalogue, guidance):
    router = Router(pages={HIBP: Reply(200, BREACHES, (("Content-Type", "application/json"),))})
    result, requests = scan(router, catalogue, guidance, ("breaches-hibp",))
    assert requests == [] and result.outcomes == ()
    result, requests = scan(router, catalogue, guidance, ("breaches-hibp",), secrets={"hibp": "test-key-123"})
    (request,) = requests
    assert dict(request.headers).get("hibp-api-key") == "test-key-123"
    (finding,) = result.findings
    assert finding.kind is Kind.EMAIL and "Example Shop breach" in finding.evidence.snippet
    assert any(r.id == "breach-response" for r in finding.remediation)


def test_a_refused_key_is_an_error_with_the_reason(catalogue, guidance):
    router = Router(pages={HIBP: Reply(401, b'{"statusCode":401}', (("Content-Type", "application/json"),))})
    result, _ = scan(router, catalogue, guidance, ("breaches-hibp",), secrets={"hibp": "bad"})
    (outcome,) = result.outcomes
    assert outcome.status is Status.ERROR and "refused the API key" in outcome.reason


def _world(source):  # type: ignore[no-untyped-def]
    return next(w for w in WORLDS if w.source == source)


def test_a_statement_the_council_removed_is_read_from_the_wayback_machine(catalogue, guidance):
    world = _world("democracy-club")
    result, requests = scan(Router(pages=dict(world.pages)), catalogue, guidance, ("democracy-club",))
    home = [f for f in result.findings if f.key == "14 larch close bf47qt"]
    assert home and all(f.url.startswith("https://web.archive.org/web/20190410093112/") for f in home), [
        f.url for f in home
    ]
    gone = [o for o in result.outcomes if o.probe.url.startswith("https://www.brackenfield.gov.uk/")]
    assert gone and all(o.status is not Status.FOUND for o in gone)
    # Only document addresses go to archive.org, never the person's name.
    archive = [r for r in requests if r.host.endswith("archive.org")]
    assert archive and not any("oduya" in r.path.lower() for r in archive)


def test_companies_house_api_is_not_used_without_a_key(catalogue, guidance):
    world = _world("companies-house-api")
    result, requests = scan(
        Router(pages=dict(world.pages)), catalogue, guidance, ("companies-house-api",), secrets={}
    )
    assert requests == [] and result.outcomes == ()


def test_companies_house_key_goes_to_companies_house_only(catalogue, guidance):
    world = _world("companies-house-api")
    result, requests = scan(Router(pages=dict(world.pages)), catalogue, guidance, ("companies-house-api",))
    expected = "Basic " + base64.b64encode(b"test-key-0000:").decode()
    assert requests and all(dict(r.headers).get("Authorization") == expected for r in requests)
    # The namesake's title names a Margaret Oduya; Adebayo Oduya's does not, so his appointments are not fetched.
    assert not any("Zq4mRt9KcVb2LwNx7HpYs1DfGaJ" in r.path for r in requests)


def test_an_api_key_is_not_sent_on_to_another_host():
    pages = {
        "https://api.example.gov.uk/search": Reply(
            302, b"", (("Location", "https://elsewhere.example/landing"),)
        ),
        "https://elsewhere.example/landing": Reply(200, b"ok", (("Content-Type", "text/plain"),)),
    }
    server = WorldServer(Router(pages=pages)).start()
    try:
        fetcher = HttpFetcher(FetchPolicy(proxy=server.url, ca_bundle=server.ca_path, retries=0, deadline=8))
        page = fetcher.fetch(
            Request("https://api.example.gov.uk/search", headers=(("Authorization", "Basic k"),))
        )
        fetcher.close()
    finally:
        server.stop()
    assert getattr(page, "status", None) == 200
    sent = {r.host: dict(r.headers).get("Authorization") for r in server.requests}
    assert sent == {"api.example.gov.uk": "Basic k", "elsewhere.example": None}
