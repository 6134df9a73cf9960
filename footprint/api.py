"""What the CLI and the tests call: run one scan from a profile to a stored, reportable result."""

from __future__ import annotations

import dataclasses
import re
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from footprint import __version__
from footprint.catalogue import Catalogue, judge
from footprint.detect.interface import Detector
from footprint.detect.reading import read
from footprint.detect.registry import all_detectors
from footprint.domains import ownership_of
from footprint.extract import page_to_document
from footprint.fetch.interface import FailureKind, Fetcher, FetchFailure, FetchResult, Request
from footprint.guidance import Guidance
from footprint.handlers import HANDLERS
from footprint.model import Finding, Outcome, Probe, Profile, ScanInfo, ScanResult, Status, utcnow
from footprint.plan import Plan, make_plan
from footprint.score import rank_key, score
from footprint.store import Store

ProgressFn = Callable[[Outcome, list[Finding]], None]


@dataclass
class ScanContext:
    """Everything a scan needs from outside, passed in so tests can swap any part."""

    catalogue: Catalogue
    guidance: Guidance
    fetcher: Fetcher
    store: Store
    detectors: tuple[Detector, ...] = field(default_factory=all_detectors)
    browser_available: bool = False
    only_checks: tuple[str, ...] = ()
    cancel: threading.Event = field(default_factory=threading.Event)


def _failure_outcome(probe: Probe, failure: FetchFailure) -> Outcome:
    status = Status.SKIPPED if failure.kind == FailureKind.REFUSED else Status.ERROR
    return Outcome(probe, status, failure.reason)


def judge_result(ctx: ScanContext, probe: Probe, result: FetchResult) -> Outcome:
    if isinstance(result, FetchFailure):
        return _failure_outcome(probe, result)
    check = ctx.catalogue.get(probe.check_id)
    if check.handler is not None:
        verdict = HANDLERS[check.handler].judge(check, result)
    else:
        verdict = judge(check, result, check.normalise(probe.username or ""))
    notes: tuple[str, ...] = ()
    if result.truncated:
        notes = (
            f"the page was larger than the {ctx.fetcher.policy.max_bytes:,}-byte limit; only the start was read",
        )
    return Outcome(probe, verdict.status, verdict.reason, result.status, result, notes)


def detect(ctx: ScanContext, outcome: Outcome, profile: Profile) -> list[Finding]:
    """Findings on a page that is about this person. Pages that aren't (not found, blocked) are not read."""
    page = outcome.page
    if outcome.status is not Status.FOUND or page is None:
        return []
    doc = page_to_document(page)
    if not doc.text:
        return []
    # Every page a scan reads today was reached through the person: their own site or account, a page they
    # gave footprint, or a profile under one of their usernames. Sources found by searching will not be.
    doc = dataclasses.replace(doc, confirmed=True)
    reading = read(doc, profile, ctx.detectors)
    check = ctx.catalogue.get(outcome.probe.check_id)
    return score(
        reading.matches, doc, page, check, ownership_of(outcome.probe, page.final_url, profile), ctx.guidance
    )


def safe_detect(ctx: ScanContext, outcome: Outcome, profile: Profile) -> tuple[Outcome, list[Finding]]:
    """A page footprint cannot read (a parser or detector bug on hostile input) must not stop the scan or lose
    what was already found: the probe's outcome says so instead, and the report shows it."""
    try:
        return outcome, detect(ctx, outcome, profile)
    except (RecursionError, MemoryError, ValueError, TypeError, LookupError, AttributeError, re.error) as exc:
        note = f"footprint could not read this page for personal data ({type(exc).__name__}: {exc})"[:300]
        return dataclasses.replace(outcome, notes=(*outcome.notes, note)), []


def plan_scan(ctx: ScanContext, profile: Profile) -> Plan:
    return make_plan(
        profile, ctx.catalogue, browser_available=ctx.browser_available, only=ctx.only_checks or None
    )


def run_scan(
    ctx: ScanContext,
    profile: Profile,
    plan: Plan | None = None,
    on_result: ProgressFn | None = None,
) -> ScanResult:
    """Probe, judge, detect, score and store, one probe at a time as results arrive.

    On KeyboardInterrupt the scan is marked interrupted and what was found so far is returned, not lost.
    """
    plan = plan or plan_scan(ctx, profile)
    info = ScanInfo(
        id=f"{utcnow():%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}",
        profile_key=profile.key,
        started_at=utcnow(),
        finished_at=None,
        footprint_version=__version__,
        catalogue_version=ctx.catalogue.version,
        complete=False,
    )
    ctx.store.begin_scan(info, profile, plan.total)
    outcomes: list[Outcome] = []
    findings: list[Finding] = []

    def take(outcome: Outcome, new: list[Finding]) -> None:
        ctx.store.record(info.id, outcome, new)
        outcomes.append(outcome)
        findings.extend(new)
        if on_result is not None:
            on_result(outcome, new)

    interrupted = False
    try:
        for outcome in plan.skipped:
            take(outcome, [])
        checks = {c.id: c for c in ctx.catalogue.checks}
        requests = (
            (
                probe,
                Request(
                    _fetch_url(ctx, probe),
                    checks[probe.check_id].headers,
                    render=checks[probe.check_id].needs_browser,
                ),
            )
            for probe in plan.probes
        )
        results = ctx.fetcher.fetch_all(requests, ctx.cancel)
        try:
            for tag, result in results:
                probe = tag if isinstance(tag, Probe) else None
                assert probe is not None
                outcome = judge_result(ctx, probe, result)
                take(*safe_detect(ctx, outcome, profile))
        finally:
            results.close()  # on Ctrl-C this cancels the workers instead of waiting for slow sites
    except KeyboardInterrupt:
        interrupted = True
        ctx.cancel.set()
    finished = utcnow()
    ctx.store.finish_scan(info.id, finished, interrupted)
    done = {id(o.probe) for o in outcomes}
    for probe in plan.probes:
        if id(probe) not in done and interrupted:
            outcomes.append(Outcome(probe, Status.SKIPPED, "not checked: the scan was interrupted"))
    final = ScanInfo(
        info.id,
        info.profile_key,
        info.started_at,
        finished,
        info.footprint_version,
        info.catalogue_version,
        complete=not interrupted,
        interrupted=interrupted,
    )
    return ScanResult(final, profile, tuple(sorted(findings, key=rank_key)), tuple(outcomes))


def _fetch_url(ctx: ScanContext, probe: Probe) -> str:
    check = ctx.catalogue.get(probe.check_id)
    if check.handler is None and probe.username is not None:
        return check.fetch_url(probe.username)
    return probe.url
