"""The SQLite store: private file, versioned schema, migrations, incremental writes, refusal of newer schemas."""

from __future__ import annotations

import sqlite3
import stat

import pytest

from footprint.errors import StoreError
from footprint.model import (
    Evidence,
    Finding,
    Kind,
    Outcome,
    Ownership,
    Probe,
    RemediationRef,
    ScanInfo,
    Severity,
    Status,
    utcnow,
)
from footprint.store import SCHEMA_VERSION, Store


def _info(scan_id: str = "s1") -> ScanInfo:
    return ScanInfo(scan_id, "test-margaret", utcnow(), None, "0.1.0", "cat-1", complete=False)


def _finding() -> Finding:
    return Finding(
        fingerprint="f" * 64,
        kind=Kind.PHONE,
        severity=Severity.HIGH,
        confidence=0.95,
        url="https://x.com/maggie",
        value="07700 900461",
        known_to_user=True,
        check="x",
        detector="phone",
        subject="phones: personal mobile",
        ownership=Ownership.SELF,
        evidence=Evidence("https://x.com/maggie", utcnow(), "a" * 64, "text me on 07700 900461", 200),
        remediation=(RemediationRef("lock-down-account", "Lock it", "https://example.org/help"),),
        reasons=("on your own site or account",),
    )


def test_database_is_private_and_versioned(tmp_path, profile):
    path = tmp_path / "deep" / "footprint.db"
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_each_record_is_committed_as_it_arrives(tmp_path, profile):
    path = tmp_path / "f.db"
    store = Store(path)
    store.begin_scan(_info(), profile, 3)
    probe = Probe("x", "https://x.com/maggie", "usernames", Ownership.SELF, "maggie")
    store.record("s1", Outcome(probe, Status.FOUND, "", 200), [_finding()])
    store.record("s1", Outcome(probe, Status.BLOCKED, "Cloudflare challenge"), [])
    # another connection sees it at once, before the scan is finished: Ctrl-C would lose nothing
    other = sqlite3.connect(path)
    assert other.execute("SELECT COUNT(*) FROM outcomes").fetchone()[0] == 2
    assert other.execute("SELECT status FROM scans").fetchone()[0] == "running"
    other.close()
    store.finish_scan("s1", utcnow(), interrupted=True)
    rows = store.scans(profile.key)
    assert len(rows) == 1 and rows[0].info.interrupted and rows[0].findings == 1
    found = store.findings("s1")
    assert found[0].value == "07700 900461" and found[0].remediation[0].id == "lock-down-account"
    assert [o.status for o in store.outcomes("s1")] == [Status.FOUND, Status.BLOCKED]
    store.close()


def test_a_store_from_before_any_schema_is_migrated(tmp_path):
    path = tmp_path / "old.db"
    sqlite3.connect(path).close()  # user_version 0: an empty, pre-schema file
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.scans() == []


def test_a_store_from_a_newer_footprint_is_refused(tmp_path):
    path = tmp_path / "new.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.close()
    with pytest.raises(StoreError, match="newer footprint"):
        Store(path)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(path)
