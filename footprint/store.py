"""The SQLite store: every scan with its outcomes and findings, written as they arrive so Ctrl-C loses nothing."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from footprint.errors import StoreError
from footprint.model import (
    Attribution,
    AttributionLevel,
    Evidence,
    Finding,
    Incident,
    Kind,
    Outcome,
    Ownership,
    Probe,
    Profile,
    RemediationRef,
    ScanInfo,
    Severity,
    Status,
)

SCHEMA_VERSION = 4


def default_db_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("footprint", appauthor=False)) / "footprint.db"


def _run(db: sqlite3.Connection, script: str) -> None:
    """Statement by statement: executescript() would commit and break the migration's transaction."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _migrate_0_to_1(db: sqlite3.Connection) -> None:
    _run(
        db,
        """
        CREATE TABLE profiles (
            key TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            first_scan_at TEXT NOT NULL
        );
        CREATE TABLE scans (
            id TEXT PRIMARY KEY,
            profile_key TEXT NOT NULL REFERENCES profiles(key),
            started_at TEXT NOT NULL,
            finished_at TEXT,
            status TEXT NOT NULL CHECK (status IN ('running', 'complete', 'interrupted')),
            footprint_version TEXT NOT NULL,
            catalogue_version TEXT NOT NULL,
            probes_planned INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX scans_by_profile ON scans(profile_key, started_at);
        CREATE TABLE outcomes (
            scan_id TEXT NOT NULL REFERENCES scans(id),
            seq INTEGER NOT NULL,
            check_id TEXT NOT NULL,
            url TEXT NOT NULL,
            username TEXT,
            origin TEXT NOT NULL,
            ownership TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            http_status INTEGER,
            final_url TEXT,
            fetched_at TEXT,
            sha256 TEXT,
            notes TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY (scan_id, seq)
        );
        CREATE TABLE findings (
            scan_id TEXT NOT NULL REFERENCES scans(id),
            fingerprint TEXT NOT NULL,
            kind TEXT NOT NULL,
            severity TEXT NOT NULL,
            confidence REAL NOT NULL,
            url TEXT NOT NULL,
            value TEXT NOT NULL,
            known_to_user INTEGER NOT NULL,
            check_id TEXT NOT NULL,
            detector TEXT NOT NULL,
            subject TEXT NOT NULL,
            ownership TEXT NOT NULL,
            fetched_at TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            snippet TEXT NOT NULL,
            http_status INTEGER,
            remediation TEXT NOT NULL,
            reasons TEXT NOT NULL,
            PRIMARY KEY (scan_id, fingerprint)
        );
        CREATE INDEX findings_by_fingerprint ON findings(fingerprint);
        """,
    )


def _migrate_1_to_2(db: sqlite3.Connection) -> None:
    """Where a probe's username came from, the page that linked to it, and whether a found account is theirs."""
    _run(
        db,
        """
        ALTER TABLE outcomes ADD COLUMN via TEXT NOT NULL DEFAULT '';
        ALTER TABLE outcomes ADD COLUMN linked_from TEXT;
        ALTER TABLE outcomes ADD COLUMN attribution TEXT;
        ALTER TABLE outcomes ADD COLUMN attribution_evidence TEXT NOT NULL DEFAULT '[]';
        """,
    )


def _migrate_2_to_3(db: sqlite3.Connection) -> None:
    """Evidence: the bodies of pages with findings (by SHA-256), screenshots, and incidents the person records."""
    _run(
        db,
        """
        CREATE TABLE bodies (
            sha256 TEXT PRIMARY KEY,
            content_type TEXT NOT NULL,
            size INTEGER NOT NULL,
            body BLOB NOT NULL
        );
        CREATE TABLE screenshots (
            scan_id TEXT NOT NULL REFERENCES scans(id),
            url TEXT NOT NULL,
            taken_at TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            png BLOB NOT NULL,
            PRIMARY KEY (scan_id, url)
        );
        CREATE TABLE incidents (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            profile_key TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            happened_at TEXT NOT NULL,
            what TEXT NOT NULL,
            place TEXT NOT NULL DEFAULT '',
            who TEXT NOT NULL DEFAULT '',
            links TEXT NOT NULL DEFAULT '[]',
            reported_to TEXT NOT NULL DEFAULT '',
            reference TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX incidents_by_profile ON incidents(profile_key, happened_at);
        """,
    )


def _migrate_3_to_4(db: sqlite3.Connection) -> None:
    """Rechecks: each finding's normalised key, the person's labels on findings, and the already-public ledger."""
    _run(
        db,
        """
        ALTER TABLE findings ADD COLUMN key TEXT NOT NULL DEFAULT '';
        CREATE TABLE labels (
            profile_key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            label TEXT NOT NULL CHECK (label IN ('fixed', 'accepted', 'false_positive', 'reported')),
            reference TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            labelled_at TEXT NOT NULL,
            PRIMARY KEY (profile_key, fingerprint)
        );
        CREATE TABLE ledger (
            profile_key TEXT NOT NULL,
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            place TEXT NOT NULL,
            scan_id TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (profile_key, kind, key, place)
        );
        """,
    )


# Each step takes the schema from version N to N+1. Never edit a released step: add the next one.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _migrate_0_to_1,
    _migrate_1_to_2,
    _migrate_2_to_3,
    _migrate_3_to_4,
)


def _ts(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z") if value else None


def _parse_ts(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


@dataclass(frozen=True)
class ScanRow:
    info: ScanInfo
    probes_planned: int
    findings: int
    outcomes: int


def _private_file(path: Path) -> None:
    """Create the database file readable by its owner alone, before SQLite writes anything into it."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)
    os.chmod(path, 0o600)


class Store:
    """One open database. Writes commit immediately: an interrupted scan keeps everything recorded so far."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            if str(path) != ":memory:":
                _private_file(path)
            self.db = sqlite3.connect(str(path), isolation_level=None)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA busy_timeout = 5000")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: cannot open the footprint database ({exc})") from None
        except OSError as exc:
            raise StoreError(f"{path}: cannot create the footprint database ({exc.strerror})") from None
        self._seq: dict[str, int] = {}

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer footprint (schema {version}; this one reads up to "
                f"{SCHEMA_VERSION}). Upgrade footprint, or use another --db."
            )
        for step in range(version, SCHEMA_VERSION):
            self.db.execute("BEGIN IMMEDIATE")
            try:
                # Another connection may have migrated while this one waited for the lock: read it again.
                if self.db.execute("PRAGMA user_version").fetchone()[0] > step:
                    self.db.execute("COMMIT")
                    continue
                MIGRATIONS[step](self.db)
                self.db.execute(f"PRAGMA user_version = {step + 1}")
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- writing ------------------------------------------------------------------------------------------

    def begin_scan(self, info: ScanInfo, profile: Profile, probes_planned: int) -> None:
        self.db.execute("BEGIN")
        self.db.execute(
            "INSERT INTO profiles (key, name, first_scan_at) VALUES (?, ?, ?) "
            "ON CONFLICT(key) DO UPDATE SET name = excluded.name",
            (profile.key, profile.name, _ts(info.started_at)),
        )
        self.db.execute(
            "INSERT INTO scans (id, profile_key, started_at, status, footprint_version, catalogue_version,"
            " probes_planned) VALUES (?, ?, ?, 'running', ?, ?, ?)",
            (
                info.id,
                profile.key,
                _ts(info.started_at),
                info.footprint_version,
                info.catalogue_version,
                probes_planned,
            ),
        )
        self.db.execute("COMMIT")
        self._seq[info.id] = 0

    def record(self, scan_id: str, outcome: Outcome, findings: Iterable[Finding]) -> None:
        """One probe's outcome and its findings, in one transaction."""
        seq = self._seq.get(scan_id, 0) + 1
        self._seq[scan_id] = seq
        page = outcome.page
        probe = outcome.probe
        self.db.execute("BEGIN")
        try:
            attribution = outcome.attribution
            self.db.execute(
                "INSERT INTO outcomes (scan_id, seq, check_id, url, username, origin, ownership, status, reason, "
                "http_status, final_url, fetched_at, sha256, notes, via, linked_from, attribution, "
                "attribution_evidence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    scan_id,
                    seq,
                    probe.check_id,
                    probe.url,
                    probe.username,
                    probe.origin,
                    probe.ownership.value,
                    outcome.status.value,
                    outcome.reason,
                    outcome.http_status,
                    page.final_url if page else None,
                    _ts(page.fetched_at) if page else None,
                    page.sha256 if page else None,
                    json.dumps(list(outcome.notes)),
                    probe.via,
                    probe.linked_from,
                    attribution.level.value if attribution else None,
                    json.dumps(list(attribution.evidence) if attribution else []),
                ),
            )
            findings = list(findings)
            if findings and page is not None:
                # The page as fetched, kept once per content hash: the evidence behind every finding on it.
                self.db.execute(
                    "INSERT OR IGNORE INTO bodies VALUES (?,?,?,?)",
                    (page.sha256, page.content_type or "application/octet-stream", len(page.body), page.body),
                )
            for f in findings:
                self.db.execute(
                    "INSERT OR IGNORE INTO findings VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        scan_id,
                        f.fingerprint,
                        f.kind.value,
                        f.severity.value,
                        f.confidence,
                        f.url,
                        f.value,
                        int(f.known_to_user),
                        f.check,
                        f.detector,
                        f.subject,
                        f.ownership.value,
                        _ts(f.evidence.fetched_at),
                        f.evidence.sha256,
                        f.evidence.snippet,
                        f.evidence.http_status,
                        json.dumps([[r.id, r.title, r.url] for r in f.remediation]),
                        json.dumps(list(f.reasons)),
                        f.key,
                    ),
                )
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    def finish_scan(self, scan_id: str, finished_at: dt.datetime, interrupted: bool) -> None:
        self.db.execute(
            "UPDATE scans SET finished_at = ?, status = ? WHERE id = ?",
            (_ts(finished_at), "interrupted" if interrupted else "complete", scan_id),
        )

    def add_screenshot(self, scan_id: str, url: str, png: bytes, taken_at: dt.datetime) -> str:
        digest = hashlib.sha256(png).hexdigest()
        self.db.execute(
            "INSERT OR REPLACE INTO screenshots VALUES (?,?,?,?,?)",
            (scan_id, url, _ts(taken_at), digest, png),
        )
        return digest

    def add_incident(self, incident: Incident) -> int:
        cursor = self.db.execute(
            "INSERT INTO incidents (profile_key, recorded_at, happened_at, what, place, who, links, reported_to,"
            " reference) VALUES (?,?,?,?,?,?,?,?,?)",
            (
                incident.profile_key,
                _ts(incident.recorded_at),
                _ts(incident.happened_at),
                incident.what,
                incident.place,
                incident.who,
                json.dumps(list(incident.links)),
                incident.reported_to,
                incident.reference,
            ),
        )
        return int(cursor.lastrowid or 0)

    # --- reading ------------------------------------------------------------------------------------------

    def first_seen(
        self, profile_key: str, fingerprints: Iterable[str]
    ) -> dict[str, tuple[dt.datetime, dt.datetime]]:
        """For each fingerprint: when a scan of this person first and last found it."""
        wanted = list(dict.fromkeys(fingerprints))
        out: dict[str, tuple[dt.datetime, dt.datetime]] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(
                "SELECT f.fingerprint, MIN(s.started_at), MAX(s.started_at) FROM findings f JOIN scans s ON"
                f" s.id = f.scan_id WHERE s.profile_key = ? AND f.fingerprint IN ({marks}) GROUP BY f.fingerprint",
                (profile_key, *chunk),
            )
            for fingerprint, first, last in rows:
                out[fingerprint] = (
                    _parse_ts(first) or dt.datetime.now(dt.UTC),
                    _parse_ts(last) or dt.datetime.now(dt.UTC),
                )
        return out

    def set_label(
        self, profile_key: str, fingerprint: str, label: str, reference: str = "", note: str = ""
    ) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO labels VALUES (?,?,?,?,?,?)",
            (profile_key, fingerprint, label, reference, note, _ts(dt.datetime.now(dt.UTC))),
        )

    def labels(self, profile_key: str) -> dict[str, tuple[str, str, str]]:
        """fingerprint -> (label, reference, note): labels carry forward to every later scan."""
        rows = self.db.execute(
            "SELECT fingerprint, label, reference, note FROM labels WHERE profile_key = ?", (profile_key,)
        )
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def add_to_ledger(self, profile_key: str, kind: str, key: str, place: str, scan_id: str) -> None:
        self.db.execute(
            "INSERT OR IGNORE INTO ledger VALUES (?,?,?,?,?,?)",
            (profile_key, kind, key, place, scan_id, _ts(dt.datetime.now(dt.UTC))),
        )

    def ledger(self, profile_key: str) -> dict[tuple[str, str], set[str]]:
        """(kind, key) -> the places (sites) where the item was already public when the baseline was taken."""
        out: dict[tuple[str, str], set[str]] = {}
        for kind, key, place in self.db.execute(
            "SELECT kind, key, place FROM ledger WHERE profile_key = ?", (profile_key,)
        ):
            out.setdefault((kind, key), set()).add(place)
        return out

    def checked_urls(self, scan_id: str) -> set[str]:
        """Every URL a scan got a clear answer from (found or not found), as probed and as finally fetched."""
        rows = self.db.execute(
            "SELECT url, final_url FROM outcomes WHERE scan_id = ? AND status IN ('found', 'not_found')",
            (scan_id,),
        )
        return {u for row in rows for u in row if u}

    def person(self, scan_id: str) -> str:
        row = self.db.execute(
            "SELECT p.name FROM scans s JOIN profiles p ON p.key = s.profile_key WHERE s.id = ?", (scan_id,)
        ).fetchone()
        return str(row[0]) if row else ""

    def body(self, sha256: str) -> tuple[str, bytes] | None:
        row = self.db.execute("SELECT content_type, body FROM bodies WHERE sha256 = ?", (sha256,)).fetchone()
        return (row[0], bytes(row[1])) if row else None

    def screenshots(self, scan_id: str) -> dict[str, tuple[str, bytes]]:
        rows = self.db.execute("SELECT url, sha256, png FROM screenshots WHERE scan_id = ?", (scan_id,))
        return {r[0]: (r[1], bytes(r[2])) for r in rows}

    def incidents(self, profile_key: str) -> list[Incident]:
        rows = self.db.execute(
            "SELECT id, profile_key, recorded_at, happened_at, what, place, who, links, reported_to, reference"
            " FROM incidents WHERE profile_key = ? ORDER BY happened_at, id",
            (profile_key,),
        )
        return [
            Incident(
                id=r[0],
                profile_key=r[1],
                recorded_at=_parse_ts(r[2]) or dt.datetime.now(dt.UTC),
                happened_at=_parse_ts(r[3]) or dt.datetime.now(dt.UTC),
                what=r[4],
                place=r[5],
                who=r[6],
                links=tuple(json.loads(r[7])),
                reported_to=r[8],
                reference=r[9],
            )
            for r in rows
        ]

    def scans(self, profile_key: str | None = None) -> list[ScanRow]:
        sql = (
            "SELECT s.id, s.profile_key, s.started_at, s.finished_at, s.footprint_version, s.catalogue_version,"
            " s.status, s.probes_planned,"
            " (SELECT COUNT(*) FROM findings f WHERE f.scan_id = s.id),"
            " (SELECT COUNT(*) FROM outcomes o WHERE o.scan_id = s.id)"
            " FROM scans s"
        )
        args: tuple[str, ...] = ()
        if profile_key:
            sql += " WHERE s.profile_key = ?"
            args = (profile_key,)
        rows = []
        for r in self.db.execute(sql + " ORDER BY s.started_at, s.rowid", args):
            info = ScanInfo(
                id=r[0],
                profile_key=r[1],
                started_at=_parse_ts(r[2]) or dt.datetime.now(dt.UTC),
                finished_at=_parse_ts(r[3]),
                footprint_version=r[4],
                catalogue_version=r[5],
                complete=r[6] == "complete",
                interrupted=r[6] == "interrupted",
            )
            rows.append(ScanRow(info, r[7], r[8], r[9]))
        return rows

    def findings(self, scan_id: str) -> list[Finding]:
        out = []
        for r in self.db.execute(
            "SELECT fingerprint, kind, severity, confidence, url, value, known_to_user, check_id, detector,"
            " subject, ownership, fetched_at, sha256, snippet, http_status, remediation, reasons, key"
            " FROM findings WHERE scan_id = ?",
            (scan_id,),
        ):
            out.append(
                Finding(
                    fingerprint=r[0],
                    kind=Kind(r[1]),
                    severity=Severity(r[2]),
                    confidence=r[3],
                    url=r[4],
                    value=r[5],
                    known_to_user=bool(r[6]),
                    check=r[7],
                    detector=r[8],
                    subject=r[9],
                    ownership=Ownership(r[10]),
                    evidence=Evidence(r[4], _parse_ts(r[11]) or dt.datetime.now(dt.UTC), r[12], r[13], r[14]),
                    remediation=tuple(RemediationRef(*x) for x in json.loads(r[15])),
                    reasons=tuple(json.loads(r[16])),
                    key=r[17],
                )
            )
        return out

    def outcomes(self, scan_id: str) -> list[Outcome]:
        out = []
        for r in self.db.execute(
            "SELECT check_id, url, username, origin, ownership, status, reason, http_status, notes, via,"
            " linked_from, attribution, attribution_evidence FROM outcomes WHERE scan_id = ? ORDER BY seq",
            (scan_id,),
        ):
            probe = Probe(r[0], r[1], r[3], Ownership(r[4]), r[2], via=r[9], linked_from=r[10])
            attribution = Attribution(AttributionLevel(r[11]), tuple(json.loads(r[12]))) if r[11] else None
            out.append(
                Outcome(
                    probe, Status(r[5]), r[6], r[7], None, tuple(json.loads(r[8])), attribution=attribution
                )
            )
        return out
