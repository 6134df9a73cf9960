"""What the CLI and the tests call: run one scan from a profile to a stored, reportable result."""

from __future__ import annotations

import dataclasses
import re
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from footprint import __version__
from footprint.attribution import attribute
from footprint.catalogue import Catalogue, judge
from footprint.detect.interface import Detector, Document
from footprint.detect.reading import read
from footprint.detect.registry import all_detectors
from footprint.domains import ownership_of
from footprint.extract import page_to_document
from footprint.fetch.interface import FailureKind, Fetcher, FetchFailure, FetchResult, Request
from footprint.guidance import Guidance
from footprint.handlers import CRAWL_MAX_PAGES, HANDLERS, ScanState
from footprint.model import (
    Attribution,
    AttributionLevel,
    Finding,
    Outcome,
    Ownership,
    Page,
    Probe,
    Profile,
    ScanInfo,
    ScanResult,
    Status,
    utcnow,
)
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
    variants: bool = False
    follow_links: bool = True
    max_link_depth: int = 2
    max_linked_probes: int = 60
    options: frozenset[str] = frozenset()  # opt-in sources asked for, e.g. {"web_search"}
    cancel: threading.Event = field(default_factory=threading.Event)
    state: ScanState = field(default_factory=ScanState)


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


@dataclass(frozen=True)
class Read:
    """What reading one outcome gave: the outcome (with its attribution), its findings, and its links."""

    outcome: Outcome
    findings: list[Finding]
    doc: Document | None = None  # the page as read (its links lead to more pages)


def detect(
    ctx: ScanContext,
    outcome: Outcome,
    profile: Profile,
    confirmed_pages: frozenset[str] = frozenset(),
    linked_by: str | None = None,
) -> Read:
    """Attribute a found page (is it theirs?), then find exposures on it. Pages that aren't about this
    person (not found, blocked) are not read; an account in somebody else's name gives no findings."""
    page = outcome.page
    if outcome.status is not Status.FOUND or page is None:
        return Read(outcome, [])
    check = ctx.catalogue.get(outcome.probe.check_id)
    special = HANDLERS[check.handler].document(check, outcome) if check.handler else None
    doc = special or page_to_document(page)
    if doc.problem:
        outcome = dataclasses.replace(outcome, notes=(*outcome.notes, doc.problem))
    if check.handler == "search":
        # A search result may be about a namesake: never "confirmed"; the subject rules decide what counts.
        confirmed = False
        if outcome.probe.step == 0 and check.search is not None and not check.search.read_start:
            return Read(outcome, [], doc)  # a search engine's results page only echoes the query
    else:
        attribution = attribute(outcome.probe, doc, profile, confirmed_pages, linked_by)
        outcome = dataclasses.replace(outcome, attribution=attribution)
        if attribution.level is AttributionLevel.UNLIKELY:
            return Read(outcome, [], doc)
        # A confirmed or likely account is about the person; an unknown one is read like a page found by
        # searching, where only details that tie to them count (detect/subject.py).
        confirmed = attribution.level in (AttributionLevel.CONFIRMED, AttributionLevel.LIKELY)
    if not doc.text:
        return Read(outcome, [], doc)
    doc = dataclasses.replace(doc, confirmed=confirmed)
    reading = read(doc, profile, ctx.detectors)
    findings = score(
        reading.matches, doc, page, check, ownership_of(outcome.probe, page.final_url, profile), ctx.guidance
    )
    return Read(outcome, findings, doc)


def safe_detect(
    ctx: ScanContext,
    outcome: Outcome,
    profile: Profile,
    confirmed_pages: frozenset[str] = frozenset(),
    linked_by: str | None = None,
) -> Read:
    """A page footprint cannot read (a parser or detector bug on hostile input) must not stop the scan or lose
    what was already found: the probe's outcome says so instead, and the report shows it."""
    try:
        return detect(ctx, outcome, profile, confirmed_pages, linked_by)
    except (
        RecursionError,
        MemoryError,
        ValueError,
        TypeError,
        LookupError,
        AttributeError,
        ArithmeticError,
        re.error,
    ) as exc:
        note = f"footprint could not read this page for personal data ({type(exc).__name__}: {exc})"[:300]
        return Read(dataclasses.replace(outcome, notes=(*outcome.notes, note)), [])


def linked_probes(
    ctx: ScanContext,
    read: Read,
    profile: Profile,
    seen: set[tuple[str, str]],
    claims: dict[tuple[str, str], str] | None = None,
) -> list[Probe]:
    """Accounts a confirmed profile links to (a link-in-bio page, a "website" field, cross-links): new probes
    one level deeper, each marked with the page that linked it. Only catalogue sites are followed, so every
    request still goes through the same fetcher and its address guard. An account already probed (by one of
    the usernames) is not probed again; `claims` notes which confirmed page links to it, so it is attributed
    as confirmed when the scan settles."""
    outcome = read.outcome
    if (
        not ctx.follow_links
        or outcome.attribution is None
        or outcome.attribution.level is not AttributionLevel.CONFIRMED
        or outcome.probe.depth >= ctx.max_link_depth
    ):
        return []
    source = outcome.page.final_url if outcome.page else outcome.probe.url
    site = ctx.catalogue.get(outcome.probe.check_id).name
    probes = []
    for link in read.doc.links if read.doc else ():
        match = ctx.catalogue.match_profile_url(link)
        if match is None:
            continue
        check, username = match
        key = (check.id, username.lower())
        if key in seen:
            if claims is not None:
                claims.setdefault(key, source)
            continue
        if ctx.only_checks and check.id not in ctx.only_checks:
            continue
        if check.needs_browser and not ctx.browser_available:
            continue
        seen.add(key)
        probes.append(
            Probe(
                check.id,
                check.profile_url(username),
                "links",
                check.ownership,
                username,
                via=f"linked from your {site} profile",
                linked_from=source,
                depth=outcome.probe.depth + 1,
            )
        )
    return probes


def plan_scan(ctx: ScanContext, profile: Profile) -> Plan:
    ctx.state.options = ctx.options
    return make_plan(
        profile,
        ctx.catalogue,
        browser_available=ctx.browser_available,
        only=ctx.only_checks or None,
        variants=ctx.variants,
        state=ctx.state,
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
    seen = {(p.check_id, (p.username or p.url).lower()) for p in plan.probes}
    seen |= {(o.probe.check_id, (o.probe.username or o.probe.url).lower()) for o in plan.skipped}
    confirmed: set[str] = set()
    pending: list[Probe] = list(plan.probes)
    budget = ctx.max_linked_probes
    # Accounts found by username but not (yet) shown to be the person's wait for the end of the scan: a
    # confirmed profile read later may link to one of them, and that makes it confirmed.
    held: dict[tuple[str, str], tuple[Outcome, Read]] = {}
    claims: dict[tuple[str, str], str] = {}

    def settle() -> None:
        for key in list(held):
            raw, reading = held.pop(key)
            linker = claims.get(key)
            if linker is not None and linker != raw.probe.url:
                reading = safe_detect(ctx, raw, profile, frozenset(confirmed), linked_by=linker)
            take(reading.outcome, reading.findings)

    try:
        for outcome in plan.skipped:
            take(outcome, [])
        _read_robots(ctx, pending)
        while pending and not ctx.cancel.is_set():
            discovered: list[Probe] = []
            results = ctx.fetcher.fetch_all(((probe, _request(ctx, probe)) for probe in pending), ctx.cancel)
            try:
                for tag, result in results:
                    probe = tag if isinstance(tag, Probe) else None
                    assert probe is not None
                    outcome = judge_result(ctx, probe, result)
                    reading = safe_detect(ctx, outcome, profile, frozenset(confirmed))
                    attribution = reading.outcome.attribution
                    if attribution is not None and attribution.level is AttributionLevel.CONFIRMED:
                        confirmed.add(probe.url)
                        if reading.outcome.page is not None:
                            confirmed.add(reading.outcome.page.final_url)
                    if _may_be_claimed(reading, attribution):
                        held[(probe.check_id, (probe.username or probe.url).lower())] = (outcome, reading)
                    else:
                        take(reading.outcome, reading.findings)
                    for new in linked_probes(ctx, reading, profile, seen, claims)[: max(0, budget)]:
                        budget -= 1
                        discovered.append(new)
                    discovered.extend(_handler_follow(ctx, reading, profile))
            finally:
                results.close()  # on Ctrl-C this cancels the workers instead of waiting for slow sites
            pending = [p for p in discovered if ctx.state.allowed(p.url, USER_AGENT_TOKEN)]
        settle()
    except KeyboardInterrupt:
        interrupted = True
        ctx.cancel.set()
        settle()  # what was found is kept, attributed with what the scan knew when it stopped
    finished = utcnow()
    ctx.store.finish_scan(info.id, finished, interrupted)
    done = {id(o.probe) for o in outcomes}
    for probe in [*plan.probes, *pending]:
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


USER_AGENT_TOKEN = "footprint"


def _may_be_claimed(reading: Read, attribution: Attribution | None) -> bool:
    """A found account probed by username that nothing yet shows is the person's."""
    probe = reading.outcome.probe
    return (
        reading.outcome.status is Status.FOUND
        and bool(probe.username)
        and not probe.linked_from
        and attribution is not None
        and attribution.level is not AttributionLevel.CONFIRMED
    )


def _handler_follow(ctx: ScanContext, reading: Read, profile: Profile) -> list[Probe]:
    outcome = reading.outcome
    if outcome.status is not Status.FOUND or reading.doc is None:
        return []
    check = ctx.catalogue.get(outcome.probe.check_id)
    if check.handler is None:
        return []
    return HANDLERS[check.handler].follow(check, outcome, reading.doc, profile, ctx.state)


def _read_robots(ctx: ScanContext, probes: list[Probe]) -> None:
    """robots.txt of each website the crawl will read, before it reads any page there (and its sitemap)."""
    from urllib.robotparser import RobotFileParser

    sites = sorted({_site(p.url) for p in probes if p.check_id == "own-website"})
    if not sites:
        return
    requests = [((site, "robots"), Request(f"{site}/robots.txt")) for site in sites]
    requests += [((site, "sitemap"), Request(f"{site}/sitemap.xml")) for site in sites]
    results = ctx.fetcher.fetch_all(iter(requests), ctx.cancel)
    sitemaps: dict[str, list[str]] = {}
    try:
        for tag, result in results:
            site, kind = tag if isinstance(tag, tuple) else ("", "")
            if not isinstance(result, Page) or result.status != 200:
                continue
            if kind == "robots":
                rules = RobotFileParser()
                rules.parse(result.text.splitlines())
                ctx.state.robots[site] = rules
            else:
                sitemaps[site] = re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", result.text)[:50]
    finally:
        results.close()
    check = ctx.catalogue.get("own-website")
    for site, urls in sitemaps.items():
        for url in urls:
            if (
                _site(url) == site
                and url not in ctx.state.seen_urls
                and ctx.state.crawled.get(site, 0) < CRAWL_MAX_PAGES
            ):
                ctx.state.seen_urls.add(url)
                ctx.state.crawled[site] = ctx.state.crawled.get(site, 0) + 1
                probes.append(
                    Probe(
                        check.id,
                        url,
                        "websites",
                        Ownership.SELF,
                        via="listed in your website's sitemap",
                        depth=1,
                    )
                )
    probes[:] = [p for p in probes if ctx.state.allowed(p.url, USER_AGENT_TOKEN)]


def _site(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _request(ctx: ScanContext, probe: Probe) -> Request:
    check = ctx.catalogue.get(probe.check_id)
    return Request(_fetch_url(ctx, probe), check.headers + probe.headers, render=check.needs_browser)


def _fetch_url(ctx: ScanContext, probe: Probe) -> str:
    check = ctx.catalogue.get(probe.check_id)
    if check.handler is None and probe.username is not None:
        return check.fetch_url(probe.username)
    return probe.url
