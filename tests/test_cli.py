"""The CLI through typer's runner and as a real subprocess: exit codes, messages, files and their modes."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from footprint.cli import app
from footprint.resources import reports_dir
from footprint.sampleworld.server import Reply
from tests.conftest import DEMO_LIKE_PROFILE

runner = CliRunner()
FOOTPRINT = [sys.executable, "-m", "footprint"]


def without_proxy_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}


def run_footprint(command: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=without_proxy_env())


def scan_command(profile: Path, out: Path, world, *extra: str) -> list[str]:
    """`footprint scan` as a subprocess, reaching the sample world only through --proxy and --ca-bundle."""
    db = str(out.parent / "f.db")
    return [
        *FOOTPRINT,
        "scan",
        str(profile),
        "--out",
        str(out),
        "--db",
        db,
        "--proxy",
        world.url,
        "--ca-bundle",
        world.ca_path,
        *extra,
    ]


def test_profile_init_writes_a_private_template(tmp_path):
    target = tmp_path / "me.toml"
    result = runner.invoke(app, ["profile", "init", str(target)])
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert 'name = "Your Name"' in target.read_text()
    again = runner.invoke(app, ["profile", "init", str(target)])
    assert again.exit_code == 2 and "already exists" in again.output
    checked = runner.invoke(app, ["profile", "check", str(target)])
    assert checked.exit_code == 0 and "OK" in checked.output


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('name = "A"\nusernames = ["x",,]\n', "line 2"),
        ('name = "A"\nshoe_size = 9\n', "shoe_size"),
        ('name = "A"\n[[phones]]\nnumber = "99"\n', "phones[0].number"),
        ('usernames = ["a"]\n', "name: is required"),
    ],
)
def test_bad_profile_is_refused_with_exit_2_and_nothing_written(tmp_path, text, needle):
    profile = tmp_path / "bad.toml"
    profile.write_text(text)
    out, db = tmp_path / "out", tmp_path / "f.db"
    result = runner.invoke(app, ["scan", str(profile), "--out", str(out), "--db", str(db)])
    assert result.exit_code == 2
    assert needle in result.output and str(profile) in result.output
    assert "Traceback" not in result.output
    assert not out.exists() and not db.exists()


def test_checks_list_and_validate(catalogue):
    listed = runner.invoke(app, ["checks", "list"])
    assert listed.exit_code == 0 and "github" in listed.output
    valid = runner.invoke(app, ["checks", "validate"])
    assert valid.exit_code == 0, valid.output
    assert f"{len(catalogue.checks)} entries valid" in valid.output


def test_checks_validate_reports_a_broken_catalogue(tmp_path):
    root = tmp_path / "cat"
    (root / "sites").mkdir(parents=True)
    (root / "sites" / "bad.toml").write_text('id = "bad"\nname = "Bad"\ncategory = "nonsense"\n')
    (root / "sites" / "worse.toml").write_text("this is = = not toml")
    result = runner.invoke(app, ["checks", "validate", str(root)])
    assert result.exit_code == 1
    assert "bad.toml" in result.output and "worse.toml" in result.output and "not valid TOML" in result.output


def test_scan_through_proxy_with_ca_bundle_as_a_subprocess(world, router, tmp_path):
    """The real CLI, in its own process, reaching real hostnames only through --proxy and --ca-bundle."""
    router.pages["https://www.maggieoduya.org.uk/"] = Reply(
        200, b"<html><body><p>Call me: 07700 900461</p></body></html>"
    )
    profile = tmp_path / "me.toml"
    profile.write_text(DEMO_LIKE_PROFILE)
    out = tmp_path / "out"
    proc = run_footprint(scan_command(profile, out, world, "--only", "own-website", "--timeout", "3"), 60)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    report = json.loads((out / "report.json").read_text())
    assert [f["kind"] for f in report["findings"]] == ["phone"]
    assert stat.S_IMODE((out / "report.json").stat().st_mode) == 0o600
    assert stat.S_IMODE((out / "report.html").stat().st_mode) == 0o600
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert "Phone number" in proc.stdout
    hosts = {r.host for r in world.requests}
    assert hosts == {"www.maggieoduya.org.uk"}


def test_bad_options_are_clear(tmp_path):
    profile = tmp_path / "me.toml"
    profile.write_text(DEMO_LIKE_PROFILE)
    result = runner.invoke(
        app, ["scan", str(profile), "--out", str(tmp_path / "o"), "--ca-bundle", "/nope.pem"]
    )
    assert result.exit_code == 2 and "no such file" in result.output
    result = runner.invoke(app, ["scan", str(profile), "--out", str(tmp_path / "o"), "--only", "myspace"])
    assert result.exit_code == 2 and "no such check" in result.output


def test_ctrl_c_saves_what_was_found(world, router, tmp_path):
    router.pages["https://www.maggieoduya.org.uk/"] = Reply(200, b"<p>07700 900461</p>")
    router.pages["https://slow.example/"] = Reply(200, b"late", delay=30)
    profile = tmp_path / "me.toml"
    profile.write_text(
        DEMO_LIKE_PROFILE.replace(
            'usernames = ["maggieoduya"]',
            'usernames = ["maggieoduya"]\nwatch_urls = ["https://slow.example/"]',
        )
    )
    out = tmp_path / "out"
    proc = subprocess.Popen(
        scan_command(
            profile,
            out,
            world,
            "--only",
            "own-website",
            "--only",
            "watched-page",
            "--timeout",
            "60",
        ),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=without_proxy_env(),
        # (a shell without job control starts background commands with Ctrl-C ignored, and a child inherits
        # that: the scan must get Ctrl-C as a user's terminal gives it, however the tests were started)
        preexec_fn=_default_ctrl_c,
    )
    # Ctrl-C once the own website's phone is saved and the slow page is still being fetched (waiting for both, not
    # for a fixed time: on a busy machine reading the first page may take longer than any pause chosen here)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not (
        any(r.host == "slow.example" for r in world.requests) and _phone_saved(out.parent / "f.db")
    ):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert "Interrupted" in stderr
    report = json.loads((out / "report.json").read_text())
    assert report["scan"]["interrupted"] is True
    assert any(f["kind"] == "phone" for f in report["findings"])


def _default_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _phone_saved(db: Path) -> bool:
    """Whether the scan writing this database has saved a phone finding yet (it commits each one)."""
    if not db.exists():
        return False
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)) as conn:
            return conn.execute("SELECT 1 FROM findings WHERE kind = 'phone' LIMIT 1").fetchone() is not None
    except sqlite3.Error:
        return False  # (not created yet, or locked for a moment by the scan's own write)


def test_help_is_fast_to_import():
    """--help must not import the heavy modules (requests, bs4, jinja2, phonenumbers)."""
    code = (
        "import sys; from footprint import cli; "
        "heavy = [m for m in ('requests', 'bs4', 'jinja2', 'phonenumbers', 'footprint.api') if m in sys.modules]; "
        "print(heavy)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert proc.stdout.strip() == "[]", proc.stdout + proc.stderr


def test_demo_runs_end_to_end(tmp_path):
    out = tmp_path / "demo"
    proc = run_footprint([*FOOTPRINT, "demo", "--out", str(out)], 120)
    assert proc.returncode == 0, proc.stderr + proc.stdout
    report = json.loads((out / "report.json").read_text())
    schema = json.loads((reports_dir() / "report.schema.json").read_text())
    jsonschema.validate(report, schema)  # the public contract, checked on the demo's real output
    kinds = {f["kind"] for f in report["findings"]}
    assert {"home_address", "phone", "family_member", "child_school"} <= kinds
    assert report["findings"][0]["severity"] == "red_flag"
    statuses = {a["status"] for a in report["accounts"]}
    assert {"found", "not_found", "blocked", "rate_limited", "error"} <= statuses
    assert (out / "report.html").read_text().count("Not checked") >= 1
    assert Path(out / "footprint-demo.db").exists()


def test_a_profile_with_nothing_to_check_says_so(tmp_path):
    profile = tmp_path / "me.toml"
    profile.write_text('name = "Margaret Oduya"\n')
    out = tmp_path / "out"
    # A name alone is enough to search public records; with only username sites chosen there is nothing to do.
    args = ["scan", str(profile), "--out", str(out), "--db", str(tmp_path / "f.db"), "--only", "github"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "nothing to check" in result.output
    assert not out.exists()


def test_a_scan_where_nothing_could_be_checked_exits_1_with_a_hint(world, tmp_path):
    profile = tmp_path / "me.toml"
    profile.write_text(DEMO_LIKE_PROFILE)
    result = runner.invoke(
        app,
        [
            "scan",
            str(profile),
            "--out",
            str(tmp_path / "o"),
            "--db",
            str(tmp_path / "f.db"),
            "--proxy",
            world.url,
            "--ca-bundle",
            world.ca_path,
            "--only",
            "own-website",
        ],
    )  # the sample world knows no site here: every probe is an error
    assert result.exit_code == 1, result.output
    assert "No source could be checked" in result.output
    assert (tmp_path / "o" / "report.json").exists()
