"""JavaScript-rendered pages through the system Chromium, with every request routed through the HTTP fetcher."""

from __future__ import annotations

import dataclasses
import os

import pytest

from footprint.api import ScanContext, run_scan
from footprint.fetch.browser import BrowserFetcher, RoutingFetcher, find_browser
from footprint.fetch.http import HttpFetcher
from footprint.fetch.interface import FailureKind, FetchFailure, FetchPolicy, Request
from footprint.model import Page, Status
from footprint.sampleworld.server import Reply
from footprint.store import Store

CHROMIUM = find_browser()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium on this machine (Debian: apt-get install chromium); browser tests skipped",
)
HTML = (("Content-Type", "text/html; charset=utf-8"),)


def test_ci_has_a_browser():
    """CI sets FOOTPRINT_REQUIRE_BROWSER so missing Chromium fails there instead of quietly skipping."""
    if os.environ.get("FOOTPRINT_REQUIRE_BROWSER") and CHROMIUM is None:
        pytest.fail("FOOTPRINT_REQUIRE_BROWSER is set but no Chromium was found")


SHELL = b"""<!DOCTYPE html><html><head><title>loading</title></head><body><div id="app">Loading...</div>
<script>
fetch('/api/profile.json').then(r => r.json()).then(p => {
  document.getElementById('app').innerHTML =
    '<h1>' + p.name + '</h1><p class="bio">' + p.bio + '</p><a href="https://x.com/' + p.handle + '">@' + p.handle + '</a>';
  document.title = p.name;
});
</script></body></html>"""
API = b'{"name": "Maggie Oduya", "handle": "maggieoduya", "bio": "Casework: text 07700 900461"}'


def policy(world, **changes) -> FetchPolicy:
    base = FetchPolicy(proxy=world.url, ca_bundle=world.ca_path, retries=0, read_timeout=10, deadline=20)
    return dataclasses.replace(base, **changes)


@needs_chromium
def test_js_rendered_page_is_read_after_scripts_run(world, router):
    router.pages["https://app.example/u/maggieoduya"] = Reply(200, SHELL, HTML)
    router.pages["https://app.example/api/profile.json"] = Reply(
        200, API, (("Content-Type", "application/json"),)
    )
    fetcher = BrowserFetcher(policy(world), CHROMIUM)
    try:
        page = fetcher.fetch(Request("https://app.example/u/maggieoduya", render=True))
    finally:
        fetcher.close()
    assert isinstance(page, Page), page
    text = page.body.decode()
    assert "07700 900461" in text and "Loading..." not in text
    assert page.status == 200 and page.final_url == "https://app.example/u/maggieoduya"
    # the browser's own request for the JSON went through footprint's fetcher and the proxy
    assert any(r.path == "/api/profile.json" and r.scheme == "https" for r in world.requests)


@needs_chromium
def test_scripts_cannot_make_the_browser_reach_private_addresses(world, router, dead_port):
    port = world.server_address[1]
    shell = f"""<html><body><p id="s">start</p><script>
    fetch('http://127.0.0.1:{port}/internal-secret').then(() => document.getElementById('s').textContent = 'leaked')
      .catch(() => document.getElementById('s').textContent = 'blocked');
    </script></body></html>""".encode()
    router.pages["https://app.example/evil"] = Reply(200, shell, HTML)
    fetcher = BrowserFetcher(policy(world), CHROMIUM)
    try:
        page = fetcher.fetch(Request("https://app.example/evil", render=True))
    finally:
        fetcher.close()
    assert isinstance(page, Page)
    assert '<p id="s">blocked</p>' in page.body.decode()
    assert not any("internal-secret" in r.path for r in world.requests)


@needs_chromium
def test_a_dead_site_in_the_browser_is_a_failure_not_a_crash(world, router):
    fetcher = BrowserFetcher(policy(world), CHROMIUM)
    try:
        result = fetcher.fetch(Request("https://unknown-host.example/", render=True))
        refused = fetcher.fetch(Request("http://10.0.0.1/", render=True))
    finally:
        fetcher.close()
    assert isinstance(result, Page) and result.status == 502  # the sample world's answer for unknown hosts
    assert isinstance(refused, FetchFailure) and refused.kind == FailureKind.REFUSED


def test_a_browser_that_will_not_start_fails_each_probe_with_a_reason(world, tmp_path):
    broken = tmp_path / "not-a-browser"
    broken.write_text("#!/bin/sh\nexit 1\n")
    broken.chmod(0o755)
    fetcher = BrowserFetcher(policy(world), str(broken))
    try:
        result = fetcher.fetch(Request("https://app.example/", render=True))
    finally:
        fetcher.close()
    assert isinstance(result, FetchFailure) and "could not be started" in result.reason


def _x_scan(world, router, catalogue, guidance, tmp_path, profile, browser: str | None):
    http = HttpFetcher(policy(world))
    fetcher = RoutingFetcher(
        http.policy, http, BrowserFetcher(http.policy, browser, http) if browser else None
    )
    check = catalogue.get("x-twitter")
    from footprint.fixtures import site_fixtures
    from footprint.resources import checks_dir
    from footprint.sampleworld.replay import reply_from

    found = reply_from(site_fixtures(checks_dir(), "x-twitter")["found"], check.known_claimed, "maggieoduya")
    # the real X page arrives as a script that builds the profile; the fixture's markup is what it builds
    markup = found.body.decode()
    shell = "<html><body><div id='root'></div><script>document.documentElement.innerHTML = %s;</script></body></html>"
    import json

    script_safe = json.dumps(markup).replace("</", "<\\/")
    router.pages[check.fetch_url("maggieoduya")] = Reply(200, (shell % script_safe).encode(), HTML)
    store = Store(tmp_path / f"f{bool(browser)}.db")
    ctx = ScanContext(
        catalogue, guidance, fetcher, store, browser_available=browser is not None, only_checks=("x-twitter",)
    )
    try:
        return run_scan(ctx, dataclasses.replace(profile, usernames=("maggieoduya",), accounts=()))
    finally:
        fetcher.close()
        store.close()


@needs_chromium
def test_needs_browser_site_is_rendered_and_judged(world, router, catalogue, guidance, tmp_path, profile):
    result = _x_scan(world, router, catalogue, guidance, tmp_path, profile, CHROMIUM)
    [outcome] = result.outcomes
    assert outcome.status is Status.FOUND, outcome.reason


def test_needs_browser_site_without_a_browser_is_skipped_with_a_reason(
    world, router, catalogue, guidance, tmp_path, profile
):
    result = _x_scan(world, router, catalogue, guidance, tmp_path, profile, None)
    [outcome] = result.outcomes
    assert outcome.status is Status.SKIPPED and "browser" in outcome.reason
    assert world.requests == []


@needs_chromium
def test_the_html_report_renders_in_chromium_with_hostile_content_inert(guidance, catalogue):
    """The report opened in a real browser with JavaScript on: its structure is there, and a hostile value
    (an <img onerror> in a scraped bio) is shown as text, never run."""
    from playwright.sync_api import sync_playwright

    from footprint.fetch.browser import CHROMIUM_ARGS
    from footprint.render import html as html_render
    from footprint.report import build_report
    from tests.test_golden import fixed_result

    report = build_report(fixed_result(), guidance, catalogue)
    page_html = html_render.render(report, guidance)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS), headless=True)
        try:
            page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
            dialogs: list[str] = []
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.route("**/*", lambda route: route.abort())
            page.set_content(page_html, wait_until="load")
            page.wait_for_timeout(300)
            assert dialogs == [], "scraped script ran"
            assert page.locator("img[onerror]").count() == 0
            assert "<img src=x onerror=alert(1)>" in page.inner_text("body")
            headings = page.locator("h2").all_inner_texts()
            assert any("Accounts" in h for h in headings) and any("help" in h.lower() for h in headings)
            assert page.evaluate("document.documentElement.scrollWidth") <= 390 + 2, (
                "no sideways scrolling on a phone"
            )
        finally:
            browser.close()


@needs_chromium
def test_the_report_prints_to_pdf(guidance, catalogue):
    from footprint.render import html as html_render
    from footprint.render import pdf
    from footprint.report import build_report
    from tests.test_golden import fixed_result

    page_html = html_render.render(build_report(fixed_result(), guidance, catalogue), guidance)
    document = pdf.render(page_html, CHROMIUM)
    assert document.startswith(b"%PDF") and len(document) > 5000
