"""`footprint checks import`: the peers' site lists (WhatsMyName, Sherlock, Maigret) become footprint entries
whose `found` needs positive evidence, marked as imported, and usable in a scan next to the built-in ones."""

from __future__ import annotations

import importlib.resources
import json
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from footprint.catalogue import build_check, judge, load_catalogue
from footprint.cli import app
from footprint.importer import convert, detect_format, load_file
from footprint.model import Page, Status, utcnow

DATA = Path(__file__).parent / "data"
RATE_LIMITED = """<html><head><title>Too Many Requests</title></head><body><h1>Slow down</h1>
<p>You have made too many requests recently. Please try again later.</p></body></html>"""


def peer_data(package: str) -> Path:
    return Path(str(importlib.resources.files(package).joinpath("resources/data.json")))


def page(url: str, status: int, body: str) -> Page:
    return Page(url, url, status, (("Content-Type", "text/html"),), body.encode(), utcnow(), "0" * 64, 0.1)


def test_wmn_entries_map_to_positive_rules():
    result = convert(load_file(DATA / "wmn-sample.json"))
    assert result.format == "wmn"
    by_name = {e["name"]: e for e in result.entries}
    assert set(by_name) == {"Natterbox", "Forgeline"}
    assert any("POST" in s for s in result.skipped) and any("NSFW" in s for s in result.skipped)
    natter = by_name["Natterbox"]
    assert natter["url"] == "https://natterbox.example/@{username}"
    assert natter["probe_url"] == "https://natterbox.example/api/users/{username}"
    assert natter["found"] == {"status": [200], "strings": ['"handle":']}
    assert natter["not_found"] == {"status": [404], "strings": ["user not found"]}
    assert natter["imported_from"] == "wmn" and natter["id"] == "wmn-natterbox"
    # same status for hit and miss: the miss is told by its string alone
    assert by_name["Forgeline"]["not_found"] == {"strings": ["There isn't a Forgeline account"]}


@pytest.mark.parametrize(
    ("package", "fmt", "at_least"), [("sherlock_project", "sherlock", 400), ("maigret", "maigret", 4000)]
)
def test_the_peers_own_lists_import_whole(package, fmt, at_least):
    data = load_file(peer_data(package))
    assert detect_format(data) == fmt
    result = convert(data)
    assert len(result.entries) >= at_least, result.skipped[:10]
    ids = [e["id"] for e in result.entries]
    assert len(ids) == len(set(ids))
    for entry in result.entries:
        assert entry["imported_from"] == fmt
        assert entry["found"]["strings"], "every imported found rule needs positive evidence"
    # what was left out says why: disabled, NSFW, POST-only, or an entry footprint's schema can't hold
    assert all(": " in reason for reason in result.skipped)


def test_a_rate_limit_page_is_never_found_on_an_imported_sherlock_site():
    """Sherlock reads a "message" site as claimed whenever its error text is absent, so a rate-limit page
    reads as an account (Sherlock #816). Imported into footprint, the same entries never do."""
    result = convert(load_file(peer_data("sherlock_project")))
    message_sites = [e for e in result.entries if "strings" in e["not_found"]]
    assert len(message_sites) > 50
    wrong = []
    for entry in message_sites:
        check = build_check(entry)
        url = check.fetch_url("maggieoduya")
        for status in (200, 429, 403):
            if judge(check, page(url, status, RATE_LIMITED), "maggieoduya").status is Status.FOUND:
                wrong.append(entry["name"])
    assert not wrong, wrong


def test_import_command_writes_a_private_catalogue_that_validates(tmp_path):
    runner = CliRunner()
    out = tmp_path / "imported"
    result = runner.invoke(app, ["checks", "import", str(peer_data("sherlock_project")), "--to", str(out)])
    assert result.exit_code == 0, result.output
    assert "Imported" in result.output and "left out" in result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    files = list((out / "sites").glob("*.toml"))
    assert len(files) >= 400 and all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files[:20])
    validated = runner.invoke(app, ["checks", "validate", str(out)])
    assert validated.exit_code == 0, validated.output
    assert len(load_catalogue(out).checks) == len(files)


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "not valid JSON"), ('{"hello": "world"}', "not a WhatsMyName, Sherlock or Maigret")],
)
def test_import_refuses_a_file_that_is_not_a_site_list(tmp_path, content, message):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    result = CliRunner().invoke(app, ["checks", "import", str(bad), "--to", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_a_scan_probes_imported_entries_and_marks_their_lower_trust(world, router, tmp_path):
    from footprint.sampleworld.server import Reply

    runner = CliRunner()
    out = tmp_path / "imported"
    assert (
        runner.invoke(app, ["checks", "import", str(DATA / "wmn-sample.json"), "--to", str(out)]).exit_code
        == 0
    )
    router.pages["https://natterbox.example/api/users/maggieoduya"] = Reply(
        200,
        json.dumps({"handle": "maggieoduya", "bio": "Call me on 07700 900461"}).encode(),
        (("Content-Type", "application/json"),),
    )
    router.pages["https://forgeline.example/maggieoduya"] = Reply(
        200, b"There isn't a Forgeline account by that name"
    )
    profile = tmp_path / "me.toml"
    profile.write_text(
        'name = "Margaret Oduya"\nusernames = ["maggieoduya"]\n[[phones]]\nnumber = "07700 900461"\n'
    )
    report_dir = tmp_path / "report"
    result = runner.invoke(
        app,
        [
            "scan",
            str(profile),
            "--out",
            str(report_dir),
            "--db",
            str(tmp_path / "f.db"),
            "--proxy",
            world.url,
            "--ca-bundle",
            world.ca_path,
            "--add-checks",
            str(out),
            "--only",
            "wmn-natterbox",
            "--only",
            "wmn-forgeline",
            "--no-browser",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads((report_dir / "report.json").read_text())
    accounts = {a["site"]: a for a in report["accounts"]}
    assert accounts["wmn-natterbox"]["status"] == "found"
    assert accounts["wmn-natterbox"]["trust"] == "imported from wmn: a lower-trust rule"
    assert accounts["wmn-natterbox"]["attribution"]["level"] == "confirmed"  # it shows her phone
    assert accounts["wmn-forgeline"]["status"] == "not_found"
    assert any(f["kind"] == "phone" for f in report["findings"])
