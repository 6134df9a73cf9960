"""Audit a whole slate of candidates for a party officer: with consent, with one politeness budget, resumable,
and without spreading anyone's data (the slate dashboard shows counts and steps, never an exposed value).

ROSTER is a folder of profile files (*.toml) or a CSV with one candidate a row. CSV columns use the profile's
field names; multi-value cells are separated by ";":

    id, name, other_names, date_of_birth, locality, usernames, websites, watch_urls, council_sites,
    phones, public_phones, emails, public_emails, home_address, home_postcode, family, consent_by, consent_at,
    consent_how

`family` cells are "Name:relation" entries ("Devendra Oduya:spouse;Amara Oduya:child"). A bad row is reported
by its row number and skipped; the rest go on.
"""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import json
import threading
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from footprint.api import ScanContext, run_scan
from footprint.catalogue import Catalogue
from footprint.errors import FootprintError, ProfileError
from footprint.fetch.interface import Fetcher
from footprint.guidance import Guidance
from footprint.handlers import ScanState
from footprint.model import Profile, Severity
from footprint.output import private_dir, write_private
from footprint.profile import load_profile, parse_profile
from footprint.recheck import as_report, compare, previous_scan, record_baseline
from footprint.report import build_report
from footprint.store import Store

STATE_FILE = "audit-state.json"


@dataclass(frozen=True)
class Candidate:
    where: str  # "roster.csv row 4" or the profile file's name
    profile: Profile | None = None
    error: str = ""


@dataclass
class Row:
    """One candidate's line on the dashboard: counts and steps, never an exposed value."""

    key: str
    name: str
    status: str  # "scanned", "skipped: no consent", "error: ...", "resumed"
    scan_id: str = ""
    by_severity: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)
    new: int = 0
    red_flag_candidates: int = 0
    actions: list[str] = field(default_factory=list)
    consent: str = ""


def _toml(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _cells(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(";") if part.strip()]


def profile_from_row(row: dict[str, str], where: str) -> Profile:
    """A CSV row as a profile: the same fields and the same checks as a profile file (errors name the row)."""
    lines = []
    for field_name in ("id", "name", "date_of_birth"):
        if (row.get(field_name) or "").strip():
            lines.append(f"{field_name} = {_toml(row[field_name].strip())}")
    for field_name in ("other_names", "locality", "usernames", "websites", "watch_urls", "council_sites"):
        if values := _cells(row.get(field_name)):
            lines.append(f"{field_name} = {_toml(values)}")
    tables = []
    for column, public in (("phones", False), ("public_phones", True)):
        tables += [
            f"[[phones]]\nnumber = {_toml(n)}\npublic = {str(public).lower()}"
            for n in _cells(row.get(column))
        ]
    for column, public in (("emails", False), ("public_emails", True)):
        tables += [
            f"[[emails]]\naddress = {_toml(e)}\npublic = {str(public).lower()}"
            for e in _cells(row.get(column))
        ]
    if (row.get("home_address") or "").strip():
        postcode = (row.get("home_postcode") or "").strip()
        tables.append(
            f'[[addresses]]\nlabel = "home"\ntext = {_toml(row["home_address"].strip())}\npostcode = {_toml(postcode)}'
        )
    for entry in _cells(row.get("family")):
        name, _, relation = entry.partition(":")
        tables.append(f"[[family]]\nname = {_toml(name.strip())}\nrelation = {_toml(relation.strip())}")
    if (row.get("consent_by") or "").strip():
        consent = {k: (row.get(f"consent_{k}") or "").strip() for k in ("by", "at", "how")}
        lines.append("[consent]\n" + "\n".join(f"{k} = {_toml(v)}" for k, v in consent.items() if v))
    # Tables come after plain keys; [consent] is a table too, so it goes last of the plain part.
    plain = [line for line in lines if not line.startswith("[consent]")]
    consent_part = [line for line in lines if line.startswith("[consent]")]
    return parse_profile("\n".join([*plain, *tables, *consent_part]) + "\n", where)


def load_roster(path: Path) -> list[Candidate]:
    """Every candidate in a roster; a broken one is kept as an error (by row or file) and the rest go on."""
    if path.is_dir():
        out = []
        for file in sorted(path.glob("*.toml")):
            try:
                out.append(Candidate(file.name, load_profile(file)))
            except ProfileError as exc:
                out.append(Candidate(file.name, error=str(exc)))
        return out
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise FootprintError(f"{path}: cannot read the roster ({exc})") from None
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames or "name" not in reader.fieldnames:
        raise FootprintError(f"{path}: a roster CSV needs a header row with at least a `name` column")
    candidates = []
    for number, row in enumerate(reader, start=2):  # row 1 is the header
        where = f"{path.name} row {number}"
        try:
            candidates.append(Candidate(where, profile_from_row(row, where)))
        except ProfileError as exc:
            candidates.append(Candidate(where, error=str(exc)))
    return candidates


@dataclass
class AuditSettings:
    out: Path
    db: Path
    catalogue: Catalogue
    guidance: Guidance
    fetcher: Fetcher
    concurrency: int = 4
    resume: bool = False
    override_consent_by: str = ""
    mask: bool = False
    only: tuple[str, ...] = ()
    on_progress: Callable[[str, str], None] | None = None  # (candidate name, event)
    secrets: dict[str, str] = field(default_factory=dict)  # API keys for the sources that need one


def _slug(profile: Profile) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in profile.key)[:60] or "candidate"


def _scan_one(candidate: Profile, settings: AuditSettings) -> Row:
    """One candidate: scan, compare with their previous scan, write their reports, keep only the counts."""
    store = Store(settings.db)  # one connection per thread: SQLite connections are not shared across threads
    try:
        ctx = ScanContext(
            settings.catalogue,
            settings.guidance,
            settings.fetcher,
            store,
            only_checks=settings.only,
            state=ScanState(secrets=dict(settings.secrets)),
        )
        result = run_scan(ctx, candidate)
        earlier = previous_scan(store, candidate.key, result.info.id)
        comparison = None
        if earlier is None:
            record_baseline(
                store, candidate.key, result.info.id, {c.id: c.category for c in settings.catalogue.checks}
            )
        else:
            comparison = compare(store, candidate.key, result.info.id, earlier)
        from footprint.render import html as html_render
        from footprint.render import json as json_render
        from footprint.render import markdown

        report = build_report(
            result,
            settings.guidance,
            settings.catalogue,
            mask=settings.mask,
            comparison=as_report(comparison) if comparison else None,
        )
        folder = private_dir(settings.out / "candidates" / _slug(candidate))
        write_private(folder / "report.html", html_render.render(report, settings.guidance))
        write_private(folder / "report.json", json_render.render(report))
        write_private(folder / "report.md", markdown.render(report))
        counts = report["scan"]["counts"]
        return Row(
            key=candidate.key,
            name=candidate.name,
            status="scanned" if result.info.complete else "interrupted",
            scan_id=result.info.id,
            by_severity=dict(counts["by_severity"]),
            by_kind={k: v for k, v in counts["by_kind"].items() if v},
            new=len(comparison.of("new")) if comparison else counts["findings"],
            red_flag_candidates=sum(1 for c in comparison.changes if c.red_flag_candidate)
            if comparison
            else 0,
            actions=[a["id"] for a in report["actions"]],
        )
    finally:
        store.close()


def _state(out: Path) -> dict[str, Any]:
    path = out / STATE_FILE
    if not path.is_file():
        return {}
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except ValueError:
        return {}


def run_audit(candidates: list[Candidate], settings: AuditSettings) -> list[Row]:
    """Scan every consenting candidate, a few at a time, sharing the fetcher (and so its per-host budget).
    Finished candidates are recorded as they finish, so `--resume` skips them after an interruption."""
    private_dir(settings.out)
    Store(settings.db).close()  # create (private) and migrate once, before the threads open it
    state = _state(settings.out) if settings.resume else {}
    lock = threading.Lock()
    rows: list[Row] = []
    todo: list[Profile] = []
    seen: set[str] = set()
    for candidate in candidates:
        if candidate.profile is None:
            rows.append(Row(key="", name=candidate.where, status=f"error: {candidate.error}"))
            continue
        profile = candidate.profile
        if profile.key in seen:
            rows.append(
                Row(profile.key, profile.name, f"skipped: the same candidate again ({candidate.where})")
            )
            continue
        seen.add(profile.key)
        consent = profile.consent
        if consent is None and not settings.override_consent_by:
            rows.append(Row(profile.key, profile.name, "skipped: no consent recorded"))
            continue
        how = (
            f"{consent.by}, {consent.at}" + (f", {consent.how}" if consent.how else "")
            if consent
            else f"no consent recorded; checked on the authority of {settings.override_consent_by}"
        )
        previous = state.get(profile.key)
        if previous and previous.get("status") == "scanned":
            rows.append(Row(**{**previous, "status": "resumed (scanned earlier)"}))
            continue
        todo.append(dataclasses.replace(profile))
        state.setdefault("_consent", {})[profile.key] = how

    def work(profile: Profile) -> Row:
        if settings.on_progress:
            settings.on_progress(profile.name, "start")
        try:
            row = _scan_one(profile, settings)
        except FootprintError as exc:
            row = Row(profile.key, profile.name, f"error: {exc}")
        row.consent = state.get("_consent", {}).get(profile.key, "")
        with lock:
            state[profile.key] = dataclasses.asdict(row)
            write_private(settings.out / STATE_FILE, json.dumps(state, indent=1))
        if settings.on_progress:
            settings.on_progress(profile.name, "done")
        return row

    with ThreadPoolExecutor(max_workers=max(1, settings.concurrency), thread_name_prefix="candidate") as pool:
        for row in pool.map(work, todo):
            rows.append(row)
    write_dashboard(rows, settings.out, settings.guidance)
    return rows


def _urgency(row: Row) -> tuple[int, int, int, str]:
    sev = row.by_severity
    return (
        -(row.red_flag_candidates + sev.get("red_flag", 0)),
        -sev.get("high", 0),
        -sum(sev.values()),
        row.name,
    )


def write_dashboard(rows: list[Row], out: Path, guidance: Guidance) -> None:
    """dashboard.csv and dashboard.html: candidates by urgency, exposures by kind, steps across the slate. No
    exposed value appears anywhere in them."""
    scanned = sorted((r for r in rows if r.scan_id), key=_urgency)
    other = [r for r in rows if not r.scan_id]
    kinds = Counter[str]()
    steps = Counter[str]()
    for row in scanned:
        kinds.update({k: 1 for k in row.by_kind})
        steps.update(set(row.actions))
    severities = [s.value for s in Severity]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    header = [
        "rank",
        "candidate",
        "key",
        "status",
        *severities,
        "new",
        "red_flag_candidates",
        "kinds",
        "consent",
    ]
    writer.writerow(header)
    for rank, row in enumerate(scanned, start=1):
        counts = [row.by_severity.get(s, 0) for s in severities]
        kinds_cell = ";".join(sorted(row.by_kind))
        writer.writerow(
            [
                rank,
                row.name,
                row.key,
                row.status,
                *counts,
                row.new,
                row.red_flag_candidates,
                kinds_cell,
                row.consent,
            ]
        )
    for row in other:
        writer.writerow(
            ["", row.name, row.key, row.status, *([""] * len(severities)), "", "", "", row.consent]
        )
    write_private(out / "dashboard.csv", buffer.getvalue())
    e = html.escape
    titles = {rid: guidance.remediation[rid].title for rid in steps if rid in guidance.remediation}
    body = [
        "<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>",
        "<meta name='viewport' content='width=device-width, initial-scale=1'>",
        "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        "<title>Slate audit</title><style>body{font-family:sans-serif;margin:1rem;max-width:70rem}"
        "table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3rem .5rem}.red{background:#fdd}</style>",
        f"</head><body><h1>Slate audit: {len(scanned)} candidates checked</h1>",
        "<p>This dashboard shows counts and steps only: no exposed value. Each candidate's own report is in "
        "<code>candidates/&lt;key&gt;/</code>.</p>",
        "<h2>Candidates, most urgent first</h2><table><tr><th>#</th><th>Candidate</th>",
        *(f"<th>{e(s.replace('_', ' '))}</th>" for s in severities),
        "<th>New</th><th>Kinds exposed</th></tr>",
    ]
    for rank, row in enumerate(scanned, start=1):
        urgent = " class='red'" if row.by_severity.get("red_flag") or row.red_flag_candidates else ""
        cells = "".join(f"<td>{row.by_severity.get(s, 0)}</td>" for s in severities)
        body.append(
            f"<tr{urgent}><td>{rank}</td><td>{e(row.name)}</td>{cells}<td>{row.new}</td>"
            f"<td>{e(', '.join(sorted(row.by_kind)))}</td></tr>"
        )
    body.append("</table><h2>Exposures across the slate</h2><ul>")
    body += [
        f"<li>{count} candidates: {e(kind.replace('_', ' '))}</li>" for kind, count in kinds.most_common()
    ]
    body.append("</ul><h2>Steps that would help most</h2><ol>")
    body += [
        f"<li>{count} candidates: {e(titles.get(rid, rid))}</li>" for rid, count in steps.most_common(15)
    ]
    body.append("</ol><h2>Not checked</h2><ul>")
    body += [f"<li>{e(row.name)}: {e(row.status)}</li>" for row in other]
    body.append("</ul></body></html>")
    write_private(out / "dashboard.html", "\n".join(body))
