"""One scan end to end over a fake web: plan -> fetch -> judge -> detect -> score -> store -> report."""

from __future__ import annotations

import dataclasses
import json
import threading

import jsonschema
import pytest

from footprint.api import ScanContext, detect, judge_result, run_scan
from footprint.fetch.http import HttpFetcher
from footprint.fetch.interface import FetchPolicy
from footprint.model import Kind, Outcome, Ownership, Probe, Severity, Status
from footprint.render import html
from footprint.render import json as json_render
from footprint.report import SCHEMA_VERSION, build_report
from footprint.resources import reports_dir
from footprint.sampleworld.server import Reply
from footprint.store import Store

HTML = (("Content-Type", "text/html; charset=utf-8"),)

OWN_SITE = b"""<!DOCTYPE html><html><head><title>Maggie for Millbrook</title></head><body>
<p>Campaign office 0113 496 0123. Text me on 07700 900 461.</p>
<p>Promoted by Margaret Oduya, 14 Larch Close, Millbrook, Brackenfield BF4 7QT.</p>
</body></html>"""

DOXX = b"""<!DOCTYPE html><html><body><div class="post">
She lives at <b>14 Larch Cl.</b>, bf47qt and her daughter goes to St Anne's Primary School.
<div class="sig">&lt;script&gt;alert('pwned')&lt;/script&gt;</div></div></body></html>"""


@pytest.fixture
def scan_env(world, router, catalogue, guidance, tmp_path):
    router.pages["https://www.maggieoduya.org.uk/"] = Reply(200, OWN_SITE, HTML)
    router.pages["https://forum.example/t/1"] = Reply(200, DOXX, HTML)
    router.pages["https://forum.example/gone"] = Reply(404, b"<h1>Thread not found</h1>", HTML)
    policy = FetchPolicy(proxy=world.url, ca_bundle=world.ca_path, retries=0, read_timeout=3, deadline=6)
    fetcher = HttpFetcher(policy)
    store = Store(tmp_path / "f.db")
    ctx = ScanContext(catalogue, guidance, fetcher, store, only_checks=("own-website", "watched-page"))
    yield ctx
    fetcher.close()
    store.close()


def test_full_scan_finds_ranks_and_stores(scan_env, profile):
    profile = dataclasses.replace(profile, watch_urls=("https://forum.example/t/1",))
    result = run_scan(scan_env, profile)
    assert result.info.complete and not result.info.interrupted
    kinds = {(f.kind, f.ownership, f.severity) for f in result.findings}
    assert (Kind.HOME_ADDRESS, Ownership.THIRD_PARTY, Severity.RED_FLAG) in kinds
    assert (Kind.CHILD_SCHOOL, Ownership.THIRD_PARTY, Severity.RED_FLAG) in kinds
    assert (Kind.HOME_ADDRESS, Ownership.SELF, Severity.HIGH) in kinds
    assert (Kind.PHONE, Ownership.SELF, Severity.HIGH) in kinds
    # the campaign office number is public = true: never an exposure
    assert not any("0113" in f.value for f in result.findings)
    # ranked: red flags first
    ranks = [f.severity.rank for f in result.findings]
    assert ranks == sorted(ranks, reverse=True)
    # red flags carry the evidence-first and police steps before anything else
    red = next(f for f in result.findings if f.severity is Severity.RED_FLAG)
    assert [r.id for r in red.remediation][:2] == ["capture-evidence", "report-to-police"]
    stored = scan_env.store.findings(result.info.id)
    assert {f.fingerprint for f in stored} == {f.fingerprint for f in result.findings}


def test_fingerprints_survive_a_rescan(scan_env, profile):
    first = run_scan(scan_env, profile)
    second = run_scan(dataclasses.replace(scan_env, cancel=threading.Event()), profile)
    assert {f.fingerprint for f in first.findings} == {f.fingerprint for f in second.findings}
    assert first.info.id != second.info.id


def test_report_json_contract(scan_env, profile, guidance, catalogue):
    profile = dataclasses.replace(
        profile, watch_urls=("https://forum.example/t/1", "https://forum.example/gone")
    )
    result = run_scan(scan_env, profile)
    report = json.loads(json_render.render(build_report(result, guidance, catalogue)))
    masked = json.loads(json_render.render(build_report(result, guidance, catalogue, mask=True)))
    schema = json.loads((reports_dir() / "report.schema.json").read_text())
    jsonschema.validate(report, schema)
    jsonschema.validate(masked, schema)
    assert report["schema_version"] == SCHEMA_VERSION
    finding = report["findings"][0]
    for key in (
        "kind",
        "severity",
        "confidence",
        "url",
        "value",
        "known_to_user",
        "check",
        "fingerprint",
        "evidence",
        "remediation",
    ):
        assert key in finding
    assert set(finding["evidence"]) >= {"fetched_at", "sha256", "snippet"}
    assert finding["evidence"]["fetched_at"].endswith("Z")
    assert all({"id", "title", "url"} <= set(r) for r in finding["remediation"])
    statuses = {a["url"]: a for a in report["accounts"]}
    gone = statuses["https://forum.example/gone"]
    assert gone["status"] == "not_found"
    for account in report["accounts"]:
        assert {"site", "url", "status"} <= set(account)
        if account["status"] not in ("found", "not_found"):
            assert account["reason"]
    scan = report["scan"]
    assert {"id", "started_at", "finished_at", "footprint_version", "catalogue_version", "counts"} <= set(
        scan
    )
    assert report["safety"]["red_flag"] is True


def test_hostile_scraped_text_stays_text_in_html(scan_env, profile, guidance, catalogue):
    profile = dataclasses.replace(profile, watch_urls=("https://forum.example/t/1",))
    result = run_scan(scan_env, profile)
    page = html.render(build_report(result, guidance, catalogue), guidance)
    assert "<script" not in page.lower()  # the report has no scripts of its own, and none from the page
    assert "&lt;script&gt;alert(" in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "http://" not in page.split("<body>")[0].replace("http-equiv", "")  # no external assets in <head>


def test_masked_report_hides_values_and_snippets(scan_env, profile, guidance, catalogue):
    profile = dataclasses.replace(profile, watch_urls=("https://forum.example/t/1",))
    result = run_scan(scan_env, profile)
    text = json_render.render(build_report(result, guidance, catalogue, mask=True))
    page = html.render(build_report(result, guidance, catalogue, mask=True), guidance)
    for secret in ("07700 900 461", "Larch", "BF4 7QT", "bf47qt", "St Anne", "Amara", "Devendra"):
        assert secret not in text and secret not in page, secret


def test_pages_that_are_not_about_the_person_are_not_read(scan_env, profile):
    probe = Probe("watched-page", "https://forum.example/t/1", "watch_urls", Ownership.THIRD_PARTY)
    outcome = Outcome(probe, Status.NOT_FOUND, "gone")
    assert detect(scan_env, outcome, profile).findings == []


def test_interrupted_scan_keeps_what_it_found(scan_env, profile, router):
    router.pages["https://slow.example/"] = Reply(200, b"late", delay=3)
    profile = dataclasses.replace(profile, watch_urls=("https://forum.example/t/1", "https://slow.example/"))
    seen = []

    def stop_after_first_finding(outcome, findings):
        seen.append(outcome)
        if findings:
            raise KeyboardInterrupt

    result = run_scan(scan_env, profile, on_result=stop_after_first_finding)
    assert result.info.interrupted and not result.info.complete
    assert result.findings
    rows = scan_env.store.scans(profile.key)
    assert rows[-1].info.interrupted and rows[-1].findings == len(result.findings)
    assert any(o.reason == "not checked: the scan was interrupted" for o in result.outcomes)


def test_fetch_failures_become_outcomes_with_reasons(scan_env, profile, dead_port):
    profile = dataclasses.replace(profile, watch_urls=("http://10.1.2.3/", "https://unknown-host.example/"))
    result = run_scan(scan_env, profile)
    by_url = {o.probe.url: o for o in result.outcomes}
    refused = by_url["http://10.1.2.3/"]
    assert refused.status is Status.SKIPPED and "private" in refused.reason
    assert by_url["https://unknown-host.example/"].status is Status.ERROR


def test_challenge_page_on_own_site_is_blocked_not_found(scan_env, profile, router):
    router.pages["https://www.maggieoduya.org.uk/"] = Reply(
        403, b"<html><head><title>Just a moment...</title></head><body>cf</body></html>", HTML
    )
    result = run_scan(scan_env, profile)
    own = next(o for o in result.outcomes if o.probe.check_id == "own-website")
    assert own.status is Status.BLOCKED and "Cloudflare" in own.reason
    assert result.findings == ()


def test_truncated_page_is_noted(scan_env, profile, router):
    router.pages["https://www.maggieoduya.org.uk/"] = Reply(
        200, chunk_body=b"<p>07700 900461</p>" + b" " * 8000, repeat=2000
    )
    ctx = dataclasses.replace(
        scan_env, fetcher=HttpFetcher(dataclasses.replace(scan_env.fetcher.policy, max_bytes=200_000))
    )
    result = run_scan(ctx, profile)
    own = next(o for o in result.outcomes if o.probe.check_id == "own-website")
    assert own.status is Status.FOUND and own.notes and "limit" in own.notes[0]
    assert any(f.kind is Kind.PHONE for f in result.findings)
    ctx.fetcher.close()


def test_judge_result_never_reads_a_wall_as_found(scan_env, catalogue):
    from footprint.fixtures import parse_http

    wall = parse_http(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><head><title>Just a moment...</title></head>"
        b"<body>octocat</body></html>"
    ).as_page("https://github.com/octocat")
    probe = Probe("github", "https://github.com/octocat", "usernames", Ownership.SELF, "octocat")
    assert judge_result(scan_env, probe, wall).status is Status.BLOCKED


def test_a_lapsed_campaign_domain_now_elsewhere_counts_as_someone_else(scan_env, profile, router):
    router.pages["https://www.maggieoduya.org.uk/"] = Reply(
        302, b"", (("Location", "https://parked-domains.example/maggie"),)
    )
    router.pages["https://parked-domains.example/maggie"] = Reply(
        200, b"<p>Maggie Oduya lives at 14 Larch Close, BF4 7QT</p>", HTML
    )
    result = run_scan(scan_env, profile)
    home = [f for f in result.findings if f.kind is Kind.HOME_ADDRESS]
    assert home and home[0].ownership is Ownership.THIRD_PARTY and home[0].severity is Severity.RED_FLAG


def test_a_watched_page_on_the_persons_own_domain_is_their_own(scan_env, profile, router):
    router.pages["https://www.maggieoduya.org.uk/contact"] = Reply(200, b"<p>Text me: 07700 900461</p>", HTML)
    profile = dataclasses.replace(
        profile,
        websites=("https://maggieoduya.org.uk",),
        watch_urls=("https://www.maggieoduya.org.uk/contact",),
    )
    result = run_scan(scan_env, profile)
    assert result.findings and all(f.ownership is Ownership.SELF for f in result.findings)


def test_a_page_that_breaks_a_detector_is_noted_and_the_scan_goes_on(scan_env, profile):
    from footprint.detect.interface import Detector

    class Exploding(Detector):
        id = "exploding"

        def detect(self, doc, profile):
            raise RecursionError("maximum recursion depth exceeded")

    ctx = dataclasses.replace(scan_env, detectors=(Exploding(),))
    profile = dataclasses.replace(profile, watch_urls=("https://forum.example/t/1",))
    result = run_scan(ctx, profile)
    assert result.info.complete
    noted = [o for o in result.outcomes if o.notes]
    assert len(noted) == 2 and "could not read this page" in noted[0].notes[0]


@pytest.mark.parametrize(
    "body",
    [
        b"<div>" * 50_000 + b"07700 900461" + b"</div>" * 50_000,
        b"<html><body>" + bytes(range(256)) * 400 + b"</body></html>",
        b"<p>" + b"14 " * 200_000 + b"Larch Close</p>",
        b'<script type="application/ld+json">' + b"[" * 5000 + b"]" * 5000 + b"</script>",
        b"\xff\xfe<\x00h\x00t\x00m\x00l\x00>",
    ],
    ids=["deeply-nested", "binary-junk", "number-storm", "deep-json", "utf16-bom"],
)
def test_hostile_pages_never_crash_a_scan(scan_env, profile, router, body):
    router.pages["https://www.maggieoduya.org.uk/"] = Reply(200, body, HTML)
    result = run_scan(scan_env, profile)
    assert result.info.complete
    own = next(o for o in result.outcomes if o.probe.check_id == "own-website")
    assert own.status is Status.FOUND
    if b"07700 900461" in body:  # even buried 50,000 elements deep, past where the parser gives up
        assert any(f.kind is Kind.PHONE for f in result.findings)
