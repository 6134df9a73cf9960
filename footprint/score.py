"""Score the matches detection kept into findings: severity by kind and by who published it; confidence apart."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from footprint.catalogue import Check
from footprint.detect.interface import Document
from footprint.guidance import Guidance
from footprint.model import Evidence, Finding, Kind, Match, Ownership, Page, RemediationRef, Severity

FINGERPRINT_VERSION = "v1"
RED_FLAG_MIN_CONFIDENCE = 0.5  # below this a finding needs a human check and never escalates on its own
SNIPPET_RADIUS = 90

_TRACKING = re.compile(
    r"^(utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref_src|ref_url|_ga|si)$", re.I
)

# Kinds whose publication by someone else is the police red flag "release of personal information not already
# in the public domain" (home address, children's school); see ../shared/seeds and the reference, part C1.
RED_FLAG_KINDS = frozenset({Kind.HOME_ADDRESS, Kind.CHILD_SCHOOL, Kind.GEO_LOCATION})

_BASE: dict[Kind, Severity] = {
    Kind.HOME_ADDRESS: Severity.HIGH,
    Kind.CHILD_SCHOOL: Severity.HIGH,
    Kind.GEO_LOCATION: Severity.HIGH,
    Kind.PHONE: Severity.HIGH,
    Kind.DATE_OF_BIRTH: Severity.HIGH,
    Kind.FAMILY_MEMBER: Severity.MEDIUM,
    Kind.EMAIL: Severity.MEDIUM,
    Kind.OTHER: Severity.LOW,
}
_LOWER = {
    Severity.RED_FLAG: Severity.HIGH,
    Severity.HIGH: Severity.MEDIUM,
    Severity.MEDIUM: Severity.LOW,
    Severity.LOW: Severity.INFO,
    Severity.INFO: Severity.INFO,
}
_RAISE = {
    Severity.INFO: Severity.LOW,
    Severity.LOW: Severity.MEDIUM,
    Severity.MEDIUM: Severity.HIGH,
    Severity.HIGH: Severity.HIGH,
    Severity.RED_FLAG: Severity.RED_FLAG,
}
_RED_FLAG_STEPS = ("capture-evidence", "report-to-police")
_KIND_STEPS: dict[Kind, tuple[str, ...]] = {
    Kind.HOME_ADDRESS: ("google-personal-info-removal",),
    Kind.PHONE: ("google-personal-info-removal",),
    Kind.EMAIL: ("remove-personal-email",),
    Kind.GEO_LOCATION: ("strip-photo-location",),
}


# --- scoring -------------------------------------------------------------------------------------------------


def canonical_url(url: str) -> str:
    """The URL without what changes between visits: fragment, tracking parameters, parameter order, case of host."""
    parts = urlsplit(url)
    query = sorted(
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(query), ""))


def fingerprint(kind: Kind, check_id: str, url: str, key: str) -> str:
    basis = "|".join((FINGERPRINT_VERSION, kind.value, check_id, canonical_url(url), key))
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


def snippet(text: str, start: int, end: int, radius: int = SNIPPET_RADIUS) -> str:
    left = max(0, start - radius)
    right = min(len(text), end + radius)
    body = " ".join(text[left:right].split())
    return ("… " if left > 0 else "") + body + (" …" if right < len(text) else "")


# Official records and the brokers that resell them publish by design: the item is already in the public domain,
# so it is not the police red flag, but it is the upstream source to close first (reference, parts C2 and C3).
RECORD_CATEGORIES = frozenset({"public_record", "domain", "people_search"})


def severity_for(match: Match, ownership: Ownership, category: str = "") -> tuple[Severity, tuple[str, ...]]:
    """Severity and the reasons for it. A red flag outranks everything and needs enough confidence."""
    severity = _BASE[match.kind]
    reasons: list[str] = []
    if match.partial:
        severity = _LOWER[severity]
        reasons.append("partial: not the full item")
        if match.kind is Kind.HOME_ADDRESS and match.confidence < 0.7:
            severity = _LOWER[severity]
    if category in RECORD_CATEGORIES:
        reasons.append(
            "in a public record or a people-search listing: already public, so not a red flag on its own, but "
            "the source other sites copy from; close it first"
        )
        return severity, tuple(reasons)
    if ownership is Ownership.THIRD_PARTY:
        if match.kind in RED_FLAG_KINDS and not match.partial and match.confidence >= RED_FLAG_MIN_CONFIDENCE:
            reasons.append(
                "published by someone else: a police red flag (personal information released that is not "
                "already in the public domain)"
            )
            return Severity.RED_FLAG, tuple(reasons)
        severity = _RAISE[severity]
        reasons.append("published by someone else")
    else:
        reasons.append("on your own site or account: you can remove it")
    if match.confidence < RED_FLAG_MIN_CONFIDENCE:
        reasons.append("low confidence: check this by eye")
    return severity, tuple(reasons)


def score(
    matches: Iterable[Match],
    doc: Document,
    page: Page,
    check: Check,
    ownership: Ownership,
    guidance: Guidance,
) -> list[Finding]:
    findings = []
    for match in matches:
        severity, reasons = severity_for(match, ownership, check.category)
        step_ids = list(check.remediation) + list(_KIND_STEPS.get(match.kind, ()))
        if severity is Severity.RED_FLAG:
            step_ids = [*_RED_FLAG_STEPS, *step_ids]
        refs = tuple(
            RemediationRef(r.id, r.title, r.url) for r in guidance.steps_for(tuple(dict.fromkeys(step_ids)))
        )
        findings.append(
            Finding(
                fingerprint=fingerprint(match.kind, check.id, page.final_url, match.key),
                kind=match.kind,
                severity=severity,
                confidence=round(match.confidence, 2),
                url=page.final_url,
                value=match.value,
                known_to_user=match.known_to_user,
                check=check.id,
                detector=match.detector,
                subject=match.subject,
                ownership=ownership,
                evidence=Evidence(
                    url=page.final_url,
                    fetched_at=page.fetched_at,
                    sha256=page.sha256,
                    snippet=snippet(doc.text, match.start, match.end),
                    http_status=page.status,
                ),
                remediation=refs,
                reasons=reasons,
                key=match.key,
            )
        )
    return findings


def rank_key(finding: Finding) -> tuple[int, float, str, str, str]:
    """Most dangerous first; among equals, by kind, then page and fingerprint, so the report's order does not
    depend on which page finished downloading first."""
    return (-finding.severity.rank, -finding.confidence, finding.kind.value, finding.url, finding.fingerprint)
