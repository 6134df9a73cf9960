"""The evidence pack and the incident log: what a person hands to the police, checkable by anyone."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import stat
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.api import ScanContext, run_scan
from footprint.cli import app
from footprint.evidence import build_pack, verify_pack
from footprint.fetch.http import HttpFetcher
from footprint.fetch.interface import FetchPolicy
from footprint.model import Incident
from footprint.sampleworld.server import Reply
from footprint.store import Store

HTML = (("Content-Type", "text/html; charset=utf-8"),)
DOXX = b"""<html><body><article><p>Our new councillor Maggie Oduya lives at 14 Larch Close, Millbrook BF4 7QT.
Her mobile is 07700 900461. Go and tell her what you think.</p></article></body></html>"""
runner = CliRunner()


@pytest.fixture
def scanned(world, router, catalogue, guidance, tmp_path, profile):
    router.pages["https://forum.example/t/9"] = Reply(200, DOXX, HTML)
    policy = FetchPolicy(proxy=world.url, ca_bundle=world.ca_path, retries=0, read_timeout=3, deadline=6)
    fetcher = HttpFetcher(policy)
    db = tmp_path / "f.db"
    store = Store(db)
    ctx = ScanContext(catalogue, guidance, fetcher, store, only_checks=("watched-page",))
    profile = dataclasses.replace(profile, watch_urls=("https://forum.example/t/9",))
    result = run_scan(ctx, profile)
    store.add_incident(
        Incident(
            profile.key,
            dt.datetime(2026, 11, 20, 21, 30, tzinfo=dt.UTC),
            "Posted my address with a threat",
            "https://forum.example/t/9",
            reported_to="Police SPOC",
            reference="BP-1142",
        )
    )
    fetcher.close()
    yield store, result, db
    store.close()


def test_the_pack_holds_every_finding_its_page_and_the_incidents(scanned, tmp_path):
    store, result, _ = scanned
    pack_bytes = build_pack(store, result.info.id, "Margaret Oduya")
    path = tmp_path / "pack.zip"
    path.write_bytes(pack_bytes)
    with zipfile.ZipFile(path) as pack:
        manifest = json.loads(pack.read("manifest.json"))
        assert {f["kind"] for f in manifest["findings"]} >= {"home_address", "phone"}
        for finding in manifest["findings"]:
            body = pack.read(finding["page_file"])
            assert b"14 Larch Close" in body  # the page exactly as fetched
            assert finding["sha256"] in finding["page_file"]
        assert manifest["incidents"][0]["reference"] == "BP-1142"
        index = pack.read("index.html").decode()
        assert "Posted my address with a threat" in index and "<script" not in index.lower()
    assert verify_pack(path).ok


def test_a_changed_page_or_an_added_file_fails_verification(scanned, tmp_path):
    store, result, _ = scanned
    original = tmp_path / "pack.zip"
    original.write_bytes(build_pack(store, result.info.id))
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(original) as src, zipfile.ZipFile(tampered, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename.startswith("pages/"):
                data = data.replace(b"14 Larch Close", b"99 Other Road")
            dst.writestr(item, data)
        dst.writestr("extra.txt", b"planted")
    check = verify_pack(tampered)
    assert not check.ok
    text = "\n".join(check.problems)
    assert "pages/" in text and "does not match SHA256SUMS" in text and "extra.txt" in text


def test_cli_incidents_and_evidence_round_trip(scanned, tmp_path):
    _, result, db = scanned
    profile = tmp_path / "me.toml"
    profile.write_text('id = "test-margaret"\nname = "Margaret Oduya"\n')
    added = runner.invoke(
        app,
        [
            "incident",
            "add",
            str(profile),
            "--what",
            "Leaflet left on my car",
            "--when",
            "2026-11-21T08:15",
            "--where",
            "Larch Close",
            "--reported-to",
            "101",
            "--db",
            str(db),
        ],
    )
    assert added.exit_code == 0, added.output
    listed = runner.invoke(app, ["incident", "list", str(profile), "--db", str(db)])
    assert "Incidents recorded for Margaret Oduya: 2" in listed.output and "Leaflet" in listed.output
    out = tmp_path / "evidence" / "pack.zip"
    exported = runner.invoke(app, ["evidence", "export", "latest", "--out", str(out), "--db", str(db)])
    assert exported.exit_code == 0, exported.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with zipfile.ZipFile(out) as pack:
        manifest = json.loads(pack.read("manifest.json"))
    assert manifest["scan"]["id"] == result.info.id
    assert {i["what"] for i in manifest["incidents"]} == {
        "Posted my address with a threat",
        "Leaflet left on my car",
    }
    verified = runner.invoke(app, ["evidence", "verify", str(out)])
    assert verified.exit_code == 0 and "match" in verified.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["evidence", "export", "nope", "--out", "x.zip"], "no scan 'nope'"),
        (["incident", "add", "PROFILE", "--what", "x", "--when", "yesterday"], "is not a date"),
    ],
)
def test_bad_evidence_and_incident_input_is_a_clear_error(scanned, tmp_path, args, message):
    _, _, db = scanned
    profile = tmp_path / "me.toml"
    profile.write_text('name = "Margaret Oduya"\n')
    args = [str(profile) if a == "PROFILE" else str(tmp_path / a) if a.endswith(".zip") else a for a in args]
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_verify_refuses_what_is_not_a_pack(tmp_path):
    junk = tmp_path / "junk.zip"
    junk.write_bytes(b"not a zip")
    result = runner.invoke(app, ["evidence", "verify", str(junk)])
    assert result.exit_code == 1 and "not a readable zip" in result.output


def test_a_store_from_before_evidence_is_upgraded_in_place(tmp_path):
    """A history written by the previous schema opens, gains the evidence tables, and keeps its scans."""
    import sqlite3

    from footprint.store import MIGRATIONS

    path = tmp_path / "old.db"
    db = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:2]:
        step(db)
    db.execute("PRAGMA user_version = 2")
    db.close()
    with Store(path) as store:
        assert store.schema_version >= 3 and store.incidents("anyone") == []
    assert Path(path).exists()
