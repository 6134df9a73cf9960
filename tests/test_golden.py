"""Golden files for the JSON and Markdown reports: a fixed scan renders byte for byte as reviewed.

After a deliberate change to either format, regenerate with `UPDATE_GOLDEN=1 pytest tests/test_golden.py`, read the
diff, and commit it: the JSON report is a public contract.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

import pytest

from footprint.model import (
    Attribution,
    AttributionLevel,
    Evidence,
    Finding,
    Kind,
    Outcome,
    Ownership,
    Probe,
    RemediationRef,
    ScanInfo,
    ScanResult,
    Severity,
    Status,
)
from footprint.profile import parse_profile
from footprint.render import json as json_render
from footprint.render import markdown
from footprint.report import build_report
from footprint.score import rank_key

GOLDEN = Path(__file__).parent / "golden"
AT = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC)
HOSTILE = "<img src=x onerror=alert(1)> [click](javascript:alert(2)) **bold** | pipe"


def fixed_result() -> ScanResult:
    profile = parse_profile(
        'id = "golden"\nname = "Margaret Oduya"\n[[contacts]]\nname = "PC Jo Bell"\nrole = "Police SPOC"\n'
        'phone = "0113 496 0987"\n'
    )
    forum = Probe(
        "watched-page",
        "https://forum.example/t/1",
        "watch_urls",
        Ownership.THIRD_PARTY,
        via="a page you asked footprint to watch",
    )
    github = Probe(
        "github",
        "https://github.com/maggieoduya",
        "usernames",
        Ownership.SELF,
        "maggieoduya",
        via="your usernames",
    )
    reddit = Probe(
        "reddit", "https://www.reddit.com/user/maggieoduya", "usernames", Ownership.SELF, "maggieoduya"
    )

    def finding(
        kind: Kind, severity: Severity, value: str, url: str, check: str, owner: Ownership
    ) -> Finding:
        return Finding(
            fingerprint=f"{kind.value}-{check}",
            kind=kind,
            severity=severity,
            confidence=0.95,
            url=url,
            value=value,
            known_to_user=True,
            check=check,
            detector="address" if kind is Kind.HOME_ADDRESS else "phone",
            subject="addresses: home",
            ownership=owner,
            evidence=Evidence(url, AT, "a" * 64, f"... {value} ...", 200),
            remediation=(
                RemediationRef("capture-evidence", "Save evidence first", "https://example.org/evidence"),
            ),
            reasons=("published by someone else",),
            key="k",
        )

    findings = (
        finding(
            Kind.HOME_ADDRESS,
            Severity.RED_FLAG,
            "14 Larch Close",
            forum.url,
            "watched-page",
            Ownership.THIRD_PARTY,
        ),
        finding(Kind.PHONE, Severity.HIGH, HOSTILE, github.url, "github", Ownership.SELF),
    )
    outcomes = (
        Outcome(
            forum,
            Status.FOUND,
            http_status=200,
            attribution=Attribution(AttributionLevel.CONFIRMED, ("a page you gave footprint to watch",)),
        ),
        Outcome(
            github,
            Status.FOUND,
            http_status=200,
            attribution=Attribution(
                AttributionLevel.UNLIKELY, (f"the profile is in another name: '{HOSTILE}'",)
            ),
        ),
        Outcome(reddit, Status.RATE_LIMITED, "HTTP 429 Too Many Requests", 429),
    )
    info = ScanInfo(
        "20261123T093000Z-golden", "golden", AT, AT + dt.timedelta(seconds=12), "0.test", "2026.11.23", True
    )
    return ScanResult(info, profile, findings, outcomes)


@pytest.fixture
def report(guidance, catalogue):
    data = build_report(fixed_result(), guidance, catalogue)
    data["tool"]["version"] = "0.test"  # the golden files do not change with every release
    return data


@pytest.mark.parametrize(
    ("name", "render"), [("report.json", json_render.render), ("report.md", markdown.render)]
)
def test_report_matches_its_golden_file(report, name, render):
    text = render(report)
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} changed: regenerate with UPDATE_GOLDEN=1 and review"
    )


def test_markdown_keeps_hostile_text_inert(report):
    text = markdown.render(report)
    assert "<img" not in text and "](javascript:" not in text and "**bold**" not in text
    assert "&lt;img src=x onerror=alert\\(1\\)&gt;" in text


def test_the_report_does_not_depend_on_the_order_probes_finished(guidance, catalogue):
    """Results of one search (several listings on one people-search site) finish in any order; two scans of
    the same world must give the same report."""
    result = fixed_result()
    listing = Probe(
        "people-192com", "https://www.192.com/atoz/people/oduya/margaret/", "name", Ownership.THIRD_PARTY
    )
    listings = tuple(
        Outcome(dataclasses.replace(listing, url=f"{listing.url}{area}/"), Status.FOUND, http_status=200)
        for area in ("bf4", "av3", "fx2")
    )
    one = dataclasses.replace(result, outcomes=result.outcomes + listings)
    other = dataclasses.replace(result, outcomes=tuple(reversed(result.outcomes + listings)))
    assert build_report(one, guidance, catalogue) == build_report(other, guidance, catalogue)


def test_findings_of_equal_danger_rank_the_same_whatever_order_pages_finished():
    base = fixed_result().findings[0]
    twins = [
        dataclasses.replace(base, url=f"https://people.example/{n}", fingerprint=f"fp-{n}") for n in range(4)
    ]
    assert sorted(twins, key=rank_key) == sorted(reversed(twins), key=rank_key)
