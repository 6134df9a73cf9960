"""A party officer's audit of a slate: consent, bad rows, one per-site budget for all, resume, and a dashboard
that never shows an exposed value."""

from __future__ import annotations

import csv
import json
import stat
import threading
import time

from typer.testing import CliRunner

from footprint.cli import app
from footprint.sampleworld.server import Reply, WorldRequest

HTML = (("Content-Type", "text/html; charset=utf-8"),)
runner = CliRunner()
HEADER = [
    "id",
    "name",
    "locality",
    "usernames",
    "watch_urls",
    "phones",
    "home_address",
    "home_postcode",
    "consent_by",
    "consent_at",
    "consent_how",
]


def roster(tmp_path, rows):  # type: ignore[no-untyped-def]
    path = tmp_path / "slate.csv"
    with path.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def row(n: int, consent: bool = True, phone: str = "", watch: str = "") -> list[str]:
    return [
        f"cand-{n}",
        f"Candidate Number{n}",
        "Brackenfield",
        f"cand{n}x",
        watch,
        phone or f"07700 900{100 + n}",
        f"{n} Larch Close, Millbrook",
        "BF4 7QT",
        "Cand Self" if consent else "",
        "2026-11-01" if consent else "",
        "signed form" if consent else "",
    ]


def audit(world, tmp_path, path, *extra):  # type: ignore[no-untyped-def]
    out = tmp_path / "audit"
    args = [
        "audit",
        str(path),
        "--out",
        str(out),
        "--proxy",
        world.url,
        "--ca-bundle",
        world.ca_path,
        "--only",
        "watched-page",
        "--only",
        "github",
        *extra,
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return out, result


def test_a_slate_is_checked_with_consent_and_the_dashboard_shows_no_value(world, router, tmp_path):
    router.pages["https://forum.example/doxx"] = Reply(
        200,
        b"<p>Candidate Number1 of Brackenfield lives at 1 Larch Close, BF4 7QT. Call 07700 900101.</p>",
        HTML,
    )
    path = roster(
        tmp_path,
        [row(1, watch="https://forum.example/doxx"), row(2), row(3, consent=False), row(4, phone="12")],
    )
    out, result = audit(world, tmp_path, path)
    assert (
        "slate.csv row 5" in result.output and "not a phone number" in result.output
    )  # the bad row, by number
    dashboard = (out / "dashboard.html").read_text()
    table = list(csv.reader((out / "dashboard.csv").read_text().splitlines()))
    assert table[1][1] == "Candidate Number1"  # red flags first
    assert any(r[1] == "Candidate Number3" and r[3] == "skipped: no consent recorded" for r in table)
    for secret in ("07700 900101", "1 Larch Close", "BF4 7QT"):
        assert secret not in dashboard and secret not in (out / "dashboard.csv").read_text()
    report = json.loads((out / "candidates" / "cand-1" / "report.json").read_text())
    assert any(f["kind"] == "home_address" for f in report["findings"])
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert stat.S_IMODE((out / "dashboard.csv").stat().st_mode) == 0o600
    # an officer may override a missing consent, and the override is recorded
    out, _ = audit(
        world, tmp_path, roster(tmp_path, [row(3, consent=False)]), "--override-consent", "J. Officer"
    )
    recorded = list(csv.reader((out / "dashboard.csv").read_text().splitlines()))
    assert "on the authority of J. Officer" in recorded[1][-1]


def test_the_whole_slate_shares_one_budget_per_site(world, router, tmp_path):
    in_flight: dict[str, int] = {}
    peak: dict[str, int] = {}
    lock = threading.Lock()

    def slow_github(request: WorldRequest) -> Reply:
        with lock:
            in_flight[request.host] = in_flight.get(request.host, 0) + 1
            peak[request.host] = max(peak.get(request.host, 0), in_flight[request.host])
        time.sleep(0.15)
        with lock:
            in_flight[request.host] -= 1
        return Reply(404, b"<html><body>Not Found</body></html>", HTML)

    router.hosts["github.com"] = slow_github
    path = roster(tmp_path, [row(n) for n in range(1, 7)])
    audit(world, tmp_path, path, "--concurrency", "6")
    assert peak.get("github.com") == 1, peak


def test_an_interrupted_audit_resumes_without_reprobing(world, router, tmp_path):
    path = roster(tmp_path, [row(1), row(2)])
    audit(world, tmp_path, path)
    before = len(world.requests)
    path = roster(tmp_path, [row(1), row(2), row(3)])
    out, _ = audit(world, tmp_path, path, "--resume")
    probed = [r.url for r in world.requests[before:]]
    assert all("cand3x" in u for u in probed if "github.com" in u), probed
    table = list(csv.reader((out / "dashboard.csv").read_text().splitlines()))
    assert sum(1 for r in table[1:] if r[3].startswith("resumed")) == 2


def test_a_folder_of_profiles_is_a_roster_too(world, tmp_path):
    folder = tmp_path / "profiles"
    folder.mkdir()
    (folder / "a.toml").write_text(
        'id = "a"\nname = "Ada Example"\nusernames = ["adaexample9"]\n[consent]\nby = "Ada Example"\nat = "2026-11-02"\n'
    )
    (folder / "b.toml").write_text("name = \n")
    out, result = audit(world, tmp_path, folder)
    assert "b.toml" in result.output and "not valid TOML" in result.output
    assert (out / "candidates" / "a" / "report.html").exists()


def test_api_keys_reach_every_candidates_scan(world, router, tmp_path):
    """A party officer's Companies House key is used for each candidate, and sent to Companies House only."""
    path = roster(tmp_path, [row(1), row(2)])
    out = tmp_path / "audit"
    args = ["audit", str(path), "--out", str(out), "--proxy", world.url, "--ca-bundle", world.ca_path]
    args += ["--only", "companies-house-api", "--companies-house-key", "officer-key"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    searched = [r for r in world.requests if r.host == "api.company-information.service.gov.uk"]
    assert {r.path.split("q=")[1].split("&")[0] for r in searched} == {
        "Candidate+Number1",
        "Candidate+Number2",
    }
    assert all(dict(r.headers).get("Authorization", "").startswith("Basic ") for r in searched)
