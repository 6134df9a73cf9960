"""Rechecks over a fake web that changes between two scans: what is new, what persists, what was fixed, and
what someone else just released."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.cli import app
from footprint.sampleworld.server import Reply
from footprint.store import MIGRATIONS, SCHEMA_VERSION, Store

HTML = (("Content-Type", "text/html; charset=utf-8"),)
runner = CliRunner()
PROFILE = """
id = "recheck-test"
name = "Margaret Oduya"
locality = ["Brackenfield"]
websites = ["https://www.maggieoduya.org.uk/"]
watch_urls = ["https://forum.example/t/1", "https://news.example/story?utm_source=x"]
[[phones]]
number = "07700 900461"
[[addresses]]
text = "14 Larch Close, Millbrook, Brackenfield"
postcode = "BF4 7QT"
"""
SITE_WITH_PHONE = b"<html><body><h1>Maggie Oduya</h1><p>Text me on 07700 900461.</p></body></html>"
SITE_WITHOUT = b"<html><body><h1>Maggie Oduya</h1><p>Email the office.</p></body></html>"
FORUM_QUIET = b"<html><body><p>Maggie Oduya was elected in Brackenfield.</p></body></html>"
FORUM_DOXX = b"<html><body><p>Maggie Oduya lives at 14 Larch Close, BF4 7QT. Visit her.</p></body></html>"
NEWS = "<html><body><div class='ad'>{ad}</div><p>Cllr Maggie Oduya of Brackenfield: 07700 900461.</p></body></html>"
CHALLENGE = b"<html><head><title>Just a moment...</title></head><body><div id='challenge-running'>Checking</div></body></html>"


def set_world(router, site: bytes, forum: bytes, ad: str, blocked: bool) -> None:  # type: ignore[no-untyped-def]
    router.pages["https://www.maggieoduya.org.uk/"] = Reply(200, site, HTML)
    router.pages["https://forum.example/t/1"] = (
        Reply(403, CHALLENGE, HTML + (("Server", "cloudflare"),)) if blocked else Reply(200, forum, HTML)
    )
    router.pages["https://news.example/story?utm_source=x"] = Reply(200, NEWS.format(ad=ad).encode(), HTML)


def run(world, tmp_path: Path, *extra: str) -> tuple[int, dict]:  # type: ignore[type-arg]
    profile = tmp_path / "me.toml"
    profile.write_text(PROFILE)
    out = tmp_path / "out"
    args = [
        "scan",
        str(profile),
        "--out",
        str(out),
        "--db",
        str(tmp_path / "f.db"),
        "--proxy",
        world.url,
        "--ca-bundle",
        world.ca_path,
        "--no-browser",
        "--only",
        "own-website",
        "--only",
        "watched-page",
        *extra,
    ]
    result = runner.invoke(app, args)
    assert result.exit_code in (0, 3), result.output
    return result.exit_code, json.loads((out / "report.json").read_text())


def test_a_recheck_says_what_is_new_gone_unchanged_and_not_rechecked(world, router, tmp_path):
    set_world(router, SITE_WITH_PHONE, FORUM_QUIET, "Buy shoes", blocked=True)
    _, first = run(world, tmp_path)
    assert "comparison" not in first  # the first scan is the baseline
    set_world(router, SITE_WITHOUT, FORUM_DOXX, "Buy a car", blocked=False)
    _, second = run(world, tmp_path)
    comparison = second["comparison"]
    changes = {(c["change"], c["kind"], c["url"]) for c in comparison["changes"]}
    # someone else just released the home address: new, and a red-flag candidate shown first
    assert ("new", "home_address", "https://forum.example/t/1") in changes
    assert (
        comparison["changes"][0]["red_flag_candidate"] and comparison["changes"][0]["kind"] == "home_address"
    )
    # the phone was taken off her own site: gone
    assert ("resolved", "phone", "https://www.maggieoduya.org.uk/") in changes
    # the news page changed only its advert (and carries a tracking parameter): the same finding, not a new one
    assert ("persisting", "phone", "https://news.example/story?utm_source=x") in changes
    assert comparison["counts"]["new"] == 1 and comparison["red_flag_candidates"] == 1
    new = next(c for c in comparison["changes"] if c["change"] == "new")
    assert new["first_seen"] == second["scan"]["started_at"]


def test_a_site_blocked_now_is_not_gone(world, router, tmp_path):
    set_world(router, SITE_WITH_PHONE, FORUM_DOXX, "x", blocked=False)
    run(world, tmp_path)
    set_world(router, SITE_WITH_PHONE, FORUM_DOXX, "x", blocked=True)
    _, second = run(world, tmp_path)
    states = {(c["change"], c["url"]) for c in second["comparison"]["changes"]}
    assert ("unchecked", "https://forum.example/t/1") in states
    assert not any(change == "resolved" for change, _ in states)


def test_fail_on_alerts_on_new_findings_and_triage_labels_carry_forward(world, router, tmp_path):
    set_world(router, SITE_WITH_PHONE, FORUM_QUIET, "x", blocked=False)
    code, _ = run(world, tmp_path, "--fail-on", "high")
    assert code == 3  # a first scan's findings are all new
    code, _ = run(world, tmp_path, "--fail-on", "high")
    assert code == 0  # nothing new since
    set_world(router, SITE_WITH_PHONE, FORUM_DOXX, "x", blocked=False)
    code, report = run(world, tmp_path, "--fail-on", "red_flag")
    assert code == 3
    new = next(c for c in report["comparison"]["changes"] if c["change"] == "new")
    profile = tmp_path / "me.toml"
    labelled = runner.invoke(
        app,
        [
            "triage",
            str(profile),
            new["fingerprint"][:10],
            "reported",
            "--reference",
            "BP-77",
            "--db",
            str(tmp_path / "f.db"),
        ],
    )
    assert labelled.exit_code == 0, labelled.output
    runner.invoke(
        app, ["triage", str(profile), new["fingerprint"][:10], "accepted", "--db", str(tmp_path / "f.db")]
    )
    set_world(
        router, SITE_WITH_PHONE, FORUM_DOXX.replace(b"Visit her.", b"Visit her now."), "x", blocked=False
    )
    code, report = run(world, tmp_path, "--fail-on", "red_flag", "--against", report["scan"]["id"])
    changes = {c["fingerprint"]: c for c in report["comparison"]["changes"]}
    assert changes[new["fingerprint"]]["label"]["label"] == "accepted"
    assert code == 0


def test_history_and_diff(world, router, tmp_path):
    set_world(router, SITE_WITH_PHONE, FORUM_QUIET, "x", blocked=False)
    _, first = run(world, tmp_path)
    set_world(router, SITE_WITHOUT, FORUM_DOXX, "x", blocked=False)
    _, second = run(world, tmp_path)
    db = str(tmp_path / "f.db")
    listed = runner.invoke(app, ["history", str(tmp_path / "me.toml"), "--db", db])
    assert first["scan"]["id"] in listed.output and second["scan"]["id"] in listed.output
    compared = runner.invoke(app, ["diff", first["scan"]["id"], second["scan"]["id"], "--db", db])
    assert compared.exit_code == 0
    assert "1 new" in compared.output and "1 gone" in compared.output
    assert runner.invoke(app, ["diff", "nope", second["scan"]["id"], "--db", db]).exit_code == 2


@pytest.mark.parametrize("version", [1, 2, 3])
def test_an_older_store_opens_and_migrates(tmp_path, version):
    path = tmp_path / f"v{version}.db"
    db = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:version]:
        step(db)
    db.execute(f"PRAGMA user_version = {version}")
    db.execute("INSERT INTO profiles VALUES ('k', 'Margaret Oduya', '2026-01-01T00:00:00Z')")
    db.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.labels("k") == {} and store.ledger("k") == {}
