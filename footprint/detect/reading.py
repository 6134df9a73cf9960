"""Read one document for one person: run the detectors, decide whom the page is about, keep what counts.

This is the whole of detection, as the scan and the accuracy benchmark both run it: detectors -> subject ->
filters. Scoring (severity, remediation) comes after, in score.py.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from footprint.detect.interface import Detector, Document
from footprint.detect.subject import Subject, assess, mentions
from footprint.model import Match, Need, Profile


@dataclass(frozen=True)
class Reading:
    matches: tuple[Match, ...]  # what counts as an exposure on this page, in page order
    subject: Subject


# --- filters: pure functions that drop what must not be reported ---------------------------------------------


def drop_public(matches: Iterable[Match]) -> list[Match]:
    """Identifiers the person publishes on purpose (campaign office phone) are never exposures."""
    return [m for m in matches if not m.public]


def drop_off_subject(matches: Iterable[Match], subject: Subject) -> list[Match]:
    """A street, a first name or a date counts only on a page about the person (see subject.py)."""
    return [m for m in matches if subject.allows(m)]


def drop_overlapped_partials(matches: Iterable[Match]) -> list[Match]:
    """A postcode inside a full-address match is the same exposure, not a second one."""
    items = list(matches)
    full = [m for m in items if not m.partial]
    return [
        m
        for m in items
        if not m.partial or not any(f.kind is m.kind and f.start <= m.start and m.end <= f.end for f in full)
    ]


def drop_partials_beside_full(matches: Iterable[Match]) -> list[Match]:
    """A page that gives the whole address (or date of birth) exposes nothing more by also giving its postcode
    (or day and month) elsewhere: one exposure, the full one."""
    items = list(matches)
    whole = {(m.kind, m.subject) for m in items if not m.partial and m.known_to_user}
    return [m for m in items if not (m.partial and m.known_to_user and (m.kind, m.subject) in whole)]


def drop_listed_twins(matches: Iterable[Match]) -> list[Match]:
    """A detail both a listed-item detector and the unlisted one claim is the listed one."""
    items = list(matches)
    known = [m for m in items if m.known_to_user]
    return [
        m
        for m in items
        if m.known_to_user or not any(k.kind is m.kind and k.start < m.end and m.start < k.end for k in known)
    ]


def one_per_exposure(matches: Iterable[Match]) -> list[Match]:
    """The same item repeated on one page is one finding: keep the most confident, then the first."""
    best: dict[tuple[str, str], Match] = {}
    for match in matches:
        key = (match.kind.value, match.key)
        current = best.get(key)
        if current is None or match.confidence > current.confidence:
            best[key] = match
    return sorted(best.values(), key=lambda m: m.start)


def apply_filters(matches: Iterable[Match], subject: Subject) -> list[Match]:
    items = drop_public(matches)
    items = drop_off_subject(items, subject)
    items = drop_overlapped_partials(items)
    items = drop_partials_beside_full(items)
    items = drop_listed_twins(items)
    return one_per_exposure(items)


def read(doc: Document, profile: Profile, detectors: Sequence[Detector]) -> Reading:
    # The detectors whose matches need nothing (phone, email) run first; the rest only on a page that can be
    # about the person. Matches are kept in registry order, as each detector and assess() expect them.
    order, reads_earlier = _plan(tuple(detectors))
    found: list[list[Match] | None] = [None] * len(detectors)
    about: bool | None = None
    for index in order:
        detector = detectors[index]
        if detector.least_need > Need.NOTHING and about is None:
            about = _may_be_about(doc, profile, [m for f in found if f for m in f])
            if not about:
                break  # a page that neither is theirs, names them, nor carries their phone or email: all dropped
        if reads_earlier[index]:
            earlier = tuple(m for f in found if f for m in f)
            found[index] = list(detector.detect_after(doc, profile, earlier))
        else:
            found[index] = list(detector.detect(doc, profile))
    matches = [m for f in found if f for m in f]
    # (a public detail, a shop's or an office's phone, says nothing about whom a page is about: the farm shop's
    # own page is not the farmer's)
    subject = assess(doc, profile, [m for m in matches if not m.public])
    if not matches:
        return Reading((), subject)  # (most pages: nothing to filter)
    return Reading(tuple(apply_filters(matches, subject)), subject)


@functools.lru_cache(maxsize=8)
def _plan(detectors: tuple[Detector, ...]) -> tuple[tuple[int, ...], tuple[bool, ...]]:
    """The order to run detectors in (least need first, otherwise registry order), worked out once per scan,
    and which of them read what the others found (the rest are called without it)."""
    order = tuple(sorted(range(len(detectors)), key=lambda i: detectors[i].least_need))  # (stable)
    reads = tuple(type(d).detect_after is not Detector.detect_after for d in detectors)
    return order, reads


def _may_be_about(doc: Document, profile: Profile, matches: Sequence[Match]) -> bool:
    """Whether assess() could rate the page above Need.NOTHING: the same three ways (one of their own pages, a
    mention of them, or something only they have), checked before the detectors whose matches need more."""
    return (
        doc.confirmed
        or bool(mentions(doc, profile))
        or any(m.ties and not m.public and m.needs is Need.NOTHING for m in matches)
    )
