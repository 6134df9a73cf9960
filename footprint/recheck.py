"""Compare a scan with an earlier one of the same person: what is new, what persists, what was fixed.

Findings are matched by fingerprint (kind, source, canonical URL, normalised value: no time, no position on the
page, no tracking parameters), so an unchanged page gives unchanged findings and a page whose adverts changed
makes nothing new. A finding from a source that could not be checked this time is `unchecked`, never `resolved`:
a blocked site is not a fixed one.

The "already public" ledger records where each item was public by choice or by law when the baseline was taken
(the person's own site and accounts, official registers). A new finding of an item in a place not in that ledger
is a red-flag candidate: "release of personal information not already in the public domain".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from footprint.domains import registered_domain
from footprint.model import Finding, Ownership, Severity
from footprint.score import RECORD_CATEGORIES, canonical_url
from footprint.store import Store

LABELS = ("fixed", "accepted", "false_positive", "reported")
SILENCING = frozenset({"accepted", "false_positive"})  # these stop counting against the person


@dataclass(frozen=True)
class Change:
    finding: Finding
    change: str  # "new", "persisting", "resolved", "unchecked"
    first_seen: dt.datetime | None = None
    last_seen: dt.datetime | None = None
    label: tuple[str, str, str] | None = None  # (label, reference, note)
    red_flag_candidate: bool = False

    @property
    def counts(self) -> bool:
        return self.label is None or self.label[0] not in SILENCING


@dataclass
class Comparison:
    scan_id: str
    against: str | None
    changes: list[Change] = field(default_factory=list)

    def of(self, kind: str) -> list[Change]:
        return [c for c in self.changes if c.change == kind]

    def new_at_or_above(self, severity: Severity) -> list[Change]:
        return [c for c in self.of("new") if c.counts and c.finding.severity.rank >= severity.rank]


def previous_scan(store: Store, profile_key: str, scan_id: str) -> str | None:
    """The latest completed scan of this person before `scan_id`."""
    rows = [r for r in store.scans(profile_key) if r.info.id != scan_id]
    current = next((r for r in store.scans(profile_key) if r.info.id == scan_id), None)
    earlier = [r for r in rows if current is None or r.info.started_at <= current.info.started_at]
    return earlier[-1].info.id if earlier else None


def _place(finding: Finding) -> str:
    return registered_domain(finding.url) or finding.url


def compare(store: Store, profile_key: str, scan_id: str, against: str | None = None) -> Comparison:
    against = against if against is not None else previous_scan(store, profile_key, scan_id)
    current = {f.fingerprint: f for f in store.findings(scan_id)}
    before = {f.fingerprint: f for f in store.findings(against)} if against else {}
    checked = {canonical_url(u) for u in store.checked_urls(scan_id)}
    seen = store.first_seen(profile_key, [*current, *before])
    labels = store.labels(profile_key)
    ledger = store.ledger(profile_key)
    comparison = Comparison(scan_id, against)
    for fingerprint, finding in current.items():
        first, last = seen.get(fingerprint, (None, None))
        is_new = fingerprint not in before if against else True
        public_here = ledger.get((finding.kind.value, finding.key), set())
        candidate = bool(
            is_new
            and ledger
            and _place(finding) not in public_here
            and finding.ownership is Ownership.THIRD_PARTY
        )
        comparison.changes.append(
            Change(
                finding, "new" if is_new else "persisting", first, last, labels.get(fingerprint), candidate
            )
        )
    for fingerprint, finding in before.items():
        if fingerprint in current:
            continue
        first, last = seen.get(fingerprint, (None, None))
        # Gone only if its page answered this time; a page that was blocked or failed was not rechecked.
        change = "resolved" if canonical_url(finding.url) in checked else "unchecked"
        comparison.changes.append(Change(finding, change, first, last, labels.get(fingerprint)))
    comparison.changes.sort(
        key=lambda c: (
            not c.red_flag_candidate,
            ("new", "persisting", "unchecked", "resolved").index(c.change),
            -c.finding.severity.rank,
        )
    )
    return comparison


def record_baseline(store: Store, profile_key: str, scan_id: str, categories: dict[str, str]) -> int:
    """Put in the ledger every item a scan found where it is public by the person's choice or by law: their own
    sites and accounts, and official records. Returns how many places were recorded."""
    count = 0
    for finding in store.findings(scan_id):
        official = categories.get(finding.check, "") in RECORD_CATEGORIES
        if finding.ownership is Ownership.SELF or official:
            store.add_to_ledger(profile_key, finding.kind.value, finding.key, _place(finding), scan_id)
            count += 1
    return count


def as_report(comparison: Comparison) -> dict[str, object]:
    """The comparison as the JSON report's `comparison` member (schema 1.3)."""

    def entry(c: Change) -> dict[str, object]:
        f = c.finding
        return {
            "fingerprint": f.fingerprint,
            "change": c.change,
            "kind": f.kind.value,
            "severity": f.severity.value,
            "value": f.value,
            "url": f.url,
            "first_seen": c.first_seen.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
            if c.first_seen
            else None,
            "last_seen": c.last_seen.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
            if c.last_seen
            else None,
            "label": {"label": c.label[0], "reference": c.label[1], "note": c.label[2]} if c.label else None,
            "red_flag_candidate": c.red_flag_candidate,
        }

    return {
        "against": comparison.against,
        "counts": {k: len(comparison.of(k)) for k in ("new", "persisting", "resolved", "unchecked")},
        "red_flag_candidates": sum(1 for c in comparison.changes if c.red_flag_candidate),
        "changes": [entry(c) for c in comparison.changes],
    }
