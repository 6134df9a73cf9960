"""Build the report document (the public JSON contract) from a scan result. Every renderer starts from it."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections import Counter
from typing import Any

from footprint import __version__
from footprint.catalogue import Catalogue
from footprint.guidance import Guidance
from footprint.mask import mask_value, mask_words
from footprint.model import Finding, Kind, Outcome, ScanResult, Severity, Status

# 1.1: accounts[] username_source, linked_from, attribution, trust; 1.2: safety.your_contacts; 1.3: comparison
SCHEMA_VERSION = "1.3"

_STATUS_ORDER = {s: i for i, s in enumerate(Status)}
_NAMED_SUBJECTS = frozenset({Kind.FAMILY_MEMBER, Kind.CHILD_SCHOOL})  # their subject names a family member


def _ts(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z") if value else None


def _finding(f: Finding, mask: bool) -> dict[str, Any]:
    return {
        "kind": f.kind.value,
        "severity": f.severity.value,
        "confidence": f.confidence,
        "url": f.url,
        "value": mask_value(f.kind, f.value) if mask else f.value,
        "known_to_user": f.known_to_user,
        "check": f.check,
        "fingerprint": f.fingerprint,
        "subject": mask_words(f.subject) if mask and f.kind in _NAMED_SUBJECTS else f.subject,
        "detector": f.detector,
        "published_by": f.ownership.value,
        "reasons": list(f.reasons),
        "evidence": {
            "fetched_at": _ts(f.evidence.fetched_at),
            "sha256": f.evidence.sha256,
            "http_status": f.evidence.http_status,
            "snippet": "(withheld in a share-safe report)" if mask else f.evidence.snippet,
        },
        "remediation": [{"id": r.id, "title": r.title, "url": r.url} for r in f.remediation],
    }


def _account(o: Outcome, catalogue: Catalogue | None) -> dict[str, Any]:
    name = o.probe.check_id
    imported = None
    if catalogue is not None:
        with contextlib.suppress(KeyError):
            check = catalogue.get(o.probe.check_id)
            name, imported = check.name, check.imported_from
    entry: dict[str, Any] = {
        "site": o.probe.check_id,
        "site_name": name,
        "url": o.probe.url,
        "username": o.probe.username,
        "origin": o.probe.origin,
        "status": o.status.value,
        "http_status": o.http_status,
    }
    if o.probe.via:
        entry["username_source"] = o.probe.via
    if o.probe.linked_from:
        entry["linked_from"] = o.probe.linked_from
    if o.attribution is not None:
        entry["attribution"] = {"level": o.attribution.level.value, "evidence": list(o.attribution.evidence)}
    entry["trust"] = f"imported from {imported}: a lower-trust rule" if imported else "footprint catalogue"
    if o.status not in (Status.FOUND, Status.NOT_FOUND) or o.reason:
        entry["reason"] = o.reason or o.status.value.replace("_", " ")
    if o.notes:
        entry["notes"] = list(o.notes)
    return entry


def _actions(findings: tuple[Finding, ...], guidance: Guidance) -> list[dict[str, Any]]:
    """Each remediation step once, most urgent first: by the worst finding it fixes, then how many, then
    whether it closes an upstream source that feeds other sites."""
    worst: dict[str, Severity] = {}
    count: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for index, f in enumerate(findings):
        for ref in f.remediation:
            count[ref.id] += 1
            first_seen.setdefault(ref.id, index)
            if ref.id not in worst or f.severity.rank > worst[ref.id].rank:
                worst[ref.id] = f.severity
    ordered = sorted(
        worst,
        key=lambda rid: (
            -worst[rid].rank,
            -int(guidance.remediation[rid].upstream) if rid in guidance.remediation else 0,
            -count[rid],
            first_seen[rid],
        ),
    )
    actions = []
    for rid in ordered:
        entry = guidance.remediation.get(rid)
        if entry is None:
            continue
        actions.append(
            {
                "id": rid,
                "title": entry.title,
                "priority": worst[rid].value,
                "findings": count[rid],
                "steps": list(entry.steps),
                "links": [{"title": link.title, "url": link.url} for link in entry.links],
                "deadline": entry.deadline,
                "upstream": entry.upstream,
                "source": entry.source,
                "checked": entry.checked,
                "certainty": entry.certainty,
            }
        )
    return actions


def build_report(
    result: ScanResult,
    guidance: Guidance,
    catalogue: Catalogue | None = None,
    *,
    mask: bool = False,
    comparison: dict[str, Any] | None = None,
) -> dict[str, Any]:
    findings = [_finding(f, mask) for f in result.findings]
    accounts = sorted(
        (_account(o, catalogue) for o in result.outcomes),
        # The URL last: results of one search (four 192.com listings) finish in any order, and the report
        # should not depend on it.
        key=lambda a: (_STATUS_ORDER[Status(a["status"])], a["site"], a["username"] or "", a["url"] or ""),
    )
    by_severity = Counter(f.severity.value for f in result.findings)
    by_kind = Counter(f.kind.value for f in result.findings)
    by_status = Counter(o.status.value for o in result.outcomes)
    red = by_severity.get(Severity.RED_FLAG.value, 0)
    info = result.info
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "footprint", "version": __version__},
        "masked": mask,
        "person": {"name": result.profile.name, "profile_key": result.profile.key},
        "scan": {
            "id": info.id,
            "started_at": _ts(info.started_at),
            "finished_at": _ts(info.finished_at),
            "footprint_version": info.footprint_version,
            "catalogue_version": info.catalogue_version,
            "complete": info.complete,
            "interrupted": info.interrupted,
            "counts": {
                "findings": len(findings),
                "by_severity": {s.value: by_severity.get(s.value, 0) for s in Severity},
                "by_kind": {k.value: by_kind.get(k.value, 0) for k in Kind},
                "probes": len(result.outcomes),
                "by_status": {s.value: by_status.get(s.value, 0) for s in Status},
                "not_checked": sum(n for s, n in by_status.items() if s not in ("found", "not_found")),
            },
        },
        "safety": {
            "red_flag": red > 0,
            "red_flags": list(guidance.red_flags),
            "contacts": [
                {"name": c.name, "use": c.use, "phone": c.phone, "url": c.url} for c in guidance.contacts
            ],
            "your_contacts": [
                {"name": c.name, "role": c.role, "phone": c.phone, "email": c.email}
                for c in result.profile.contacts
            ],
        },
        "findings": findings,
        "actions": _actions(result.findings, guidance),
        "accounts": accounts,
        "notes": list(result.notes),
        **({"comparison": _masked_comparison(comparison, mask)} if comparison is not None else {}),
    }


def _masked_comparison(comparison: dict[str, Any], mask: bool) -> dict[str, Any]:
    if not mask:
        return comparison
    changes = [
        {**c, "value": mask_value(Kind(str(c["kind"])), str(c["value"]))}
        for c in comparison.get("changes", [])
    ]
    return {**comparison, "changes": changes}
