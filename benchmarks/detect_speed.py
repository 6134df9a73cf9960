"""Benchmark: how many MB of page text per second the detectors read, on one core, with a realistic profile.

The pages are the accuracy corpus's (tests/corpus), already turned into text, read again and again under fresh
URLs so no cache carries over. The profile is the corpus's Margaret Oduya: two names, two usernames, a
website, two localities, two phones, two emails, two addresses, three family members, a school and a date of
birth (18 identifiers). Three mixes are timed: every corpus page; only the pages about her (dense with her
name and details); only the pages about other people (most of what a wide search reads). A fourth mix reads every
corpus page with the profile it was written for (39 people, most of them with more names, nicknames and relatives
than she has, and each page one a scan of that person would find): the slowest, and the closest to a real scan.
Run on demand: `python benchmarks/detect_speed.py`; with `--parts`, also the microseconds each detector takes
per page about her and per page about other people (the rest is deciding whom the page is about, and filters);
with `--scan`, also the pages a whole demo scan reads (its own profile, no browser), and detection's share of
that scan's time.
"""

from __future__ import annotations

import collections
import dataclasses
import itertools
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from typer.testing import CliRunner

from footprint.accuracy import load_cases, page_for
from footprint.detect.interface import Detector, Document
from footprint.detect.reading import read
from footprint.detect.registry import all_detectors
from footprint.extract import page_to_document
from footprint.model import Match, Profile
from footprint.profile import load_profile

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
TARGET_MB = 20


def rate(
    docs: list[Document],
    label: str,
    runs: int = 3,
    profile: Profile | None = None,
    profiles: list[Profile] | None = None,
) -> float:
    """Prints and returns the median MB/s: every document read with `profile` (by default hers), or each with
    its own from `profiles`. A person's patterns are built once a scan, before its first page: that is timed
    apart (see `setup`), as a scan of hundreds of pages pays it once."""
    profile = profile or load_profile(CORPUS / "profiles" / "maggie.toml")
    whose = profiles or [profile] * len(docs)
    one_pass = sum(len(d.text.encode("utf-8")) for d in docs)
    repeats = max(1, int(TARGET_MB * 1_000_000 / one_pass))
    detectors = all_detectors()
    rates = []
    for run in range(runs):
        total, spent = 0, 0.0
        for pairs in _by_person(docs, whose):
            person, pages = pairs[0][1], [doc for doc, _ in pairs]
            for doc in pages:
                read(dataclasses.replace(doc, url=f"{doc.url}?warm={run}"), person, detectors)
            batch = [
                dataclasses.replace(doc, url=f"{doc.url}?run={run}&copy={copy}")
                for copy in range(repeats)
                for doc in pages
            ]
            total += sum(len(d.text.encode("utf-8")) for d in batch)
            started = time.perf_counter()
            for doc in batch:
                read(doc, person, detectors)
            spent += time.perf_counter() - started
        rates.append(total / 1_000_000 / spent)
    average = one_pass / len(docs) / 1000
    print(f"{label}: {statistics.median(rates):.1f} MB/s ({len(docs)} pages, {average:.1f} KB of text each)")
    return statistics.median(rates)


def setup(docs: list[Document], whose: list[Profile]) -> None:
    """The milliseconds building one person's patterns takes, once a scan: a first pass over their pages with
    every cache empty, less a second pass over the same pages."""
    detectors = all_detectors()
    spent = []
    for pairs in _by_person(docs, whose):
        passes = []
        for which in ("cold", "warm"):
            if which == "cold":
                _clear_caches()
            started = time.perf_counter()
            for doc, profile in pairs:
                read(dataclasses.replace(doc, url=f"{doc.url}?{which}"), profile, detectors)
            passes.append(time.perf_counter() - started)
        spent.append(passes[0] - passes[1])
    print(
        f"building a person's patterns, once a scan: {statistics.median(spent) * 1000:.0f} ms "
        f"(median of {len(spent)} people; {max(spent) * 1000:.0f} ms at most)"
    )


def _by_person(docs: list[Document], whose: list[Profile]) -> Iterator[list[tuple[Document, Profile]]]:
    """Each run of documents read with the same profile."""
    for _, group in itertools.groupby(zip(docs, whose, strict=True), key=lambda pair: id(pair[1])):
        yield list(group)


def _clear_caches() -> None:
    import functools
    import re

    import footprint.detect

    re.purge()
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith(footprint.detect.__name__ + "."):
            for value in vars(module).values():
                if isinstance(value, functools._lru_cache_wrapper):
                    value.cache_clear()


def main() -> None:
    cases = load_cases(CORPUS)
    docs = {case.name: page_to_document(page_for(case.page)) for case in cases}
    hers = [docs[c.name] for c in cases if c.profile == "maggie" and docs[c.name].text]
    others = [docs[c.name] for c in cases if c.profile != "maggie" and docs[c.name].text]
    rate(list(docs.values()), "all corpus pages")
    rate(hers, "pages about her")
    rate(others, "pages about other people")
    # (grouped by person, as a scan reads them: one profile's patterns at a time)
    own = sorted((c for c in cases if docs[c.name].text), key=lambda c: c.profile)
    people = {p.stem: load_profile(p) for p in (CORPUS / "profiles").glob("*.toml")}
    own_docs = [dataclasses.replace(docs[c.name], confirmed=c.confirmed) for c in own]
    own_people = [people[c.profile] for c in own]
    rate(own_docs, "every page with its own person's profile", profiles=own_people)
    setup(own_docs, own_people)
    # Size: the same dense pages joined into 50 KB documents (a long thread, a register), and 50 KB of plain
    # prose that names nobody and has no numbers (most of a council's minutes): cost follows what a page says.
    rate(_joined(hers, 50_000), "pages about her, joined into 50 KB documents")
    rate(
        [Document(url="https://example.org/minutes", text=(PROSE * 400)[:50_000])],
        "50 KB of prose naming nobody",
    )
    if "--parts" in sys.argv:
        parts(hers, "pages about her")
        parts(others, "pages about other people")
    if "--scan" in sys.argv:
        scan_mix()


def scan_mix() -> None:
    """What one whole scan reads: the demo scan is run once in this process, every document it hands to
    detection is kept (with the demo's profile), and those are timed like the corpus pages."""
    import footprint.api
    from footprint.cli import app

    kept: list[tuple[Document, Profile]] = []
    real_read = footprint.api.read

    def keeping(doc: Document, profile: Profile, detectors: Sequence[Detector]) -> object:
        kept.append((doc, profile))
        return real_read(doc, profile, detectors)

    footprint.api.read = keeping  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory() as scratch:
            started = time.perf_counter()
            result = CliRunner().invoke(app, ["demo", "--out", f"{scratch}/out", "--no-browser"])
            scan_seconds = time.perf_counter() - started
    finally:
        footprint.api.read = real_read
    if result.exit_code != 0 or not kept:
        print(f"the demo scan failed: {result.output[-500:]}")
        return
    docs = [doc for doc, _ in kept]
    mb_s = rate(docs, "pages the demo scan reads", profile=kept[0][1])
    text_mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1_000_000
    print(
        f"  detection's share of that scan: {text_mb / mb_s * 1000:.0f} ms of its {scan_seconds:.1f} s "
        f"({sum(d.confirmed for d in docs)} of the {len(docs)} pages are the person's own)"
    )


class _Timed(Detector):
    """A detector that adds up the time another one takes (its matches unchanged)."""

    def __init__(self, inner: Detector, spent: collections.Counter[str]) -> None:
        self.inner, self.spent = inner, spent
        self.id = inner.id  # type: ignore[misc]
        self.least_need = inner.least_need  # type: ignore[misc]

    def detect(self, doc: Document, profile: Profile) -> Iterator[Match]:
        return self.detect_after(doc, profile, ())

    def detect_after(self, doc: Document, profile: Profile, earlier: Sequence[Match]) -> Iterator[Match]:
        started = time.perf_counter()
        found = list(self.inner.detect_after(doc, profile, earlier))
        self.spent[self.id] += time.perf_counter() - started
        return iter(found)


def parts(docs: list[Document], label: str, runs: int = 30) -> None:
    profile = load_profile(CORPUS / "profiles" / "maggie.toml")
    spent: collections.Counter[str] = collections.Counter()
    detectors = [_Timed(d, spent) for d in all_detectors()]
    started = time.perf_counter()
    for run in range(runs):
        for doc in docs:
            fresh = dataclasses.replace(doc, url=f"{doc.url}?parts={run}")
            lowering = time.perf_counter()
            _ = fresh.lower  # (computed once a page, by whichever detector asks first: counted on its own)
            spent["lower-casing"] += time.perf_counter() - lowering
            read(fresh, profile, detectors)
    total = time.perf_counter() - started
    pages = runs * len(docs)
    shares = [*spent.most_common(), ("(whom it is about, filters)", total - sum(spent.values()))]
    print(
        f"{label}: {total / pages * 1e6:.0f} µs a page: "
        + ", ".join(f"{k} {v / pages * 1e6:.0f}" for k, v in shares)
    )


PROSE = (
    "The committee considered the report on the allotment waiting list and the condition of the paths. "
    "Members agreed that the hedges should be cut back before the spring and thanked the volunteers who had "
    "cleared the brook. The chair reminded members that questions from the public should be sent in advance. "
)


def _joined(docs: list[Document], size: int) -> list[Document]:
    joined, current = [], ""
    for doc in docs * 3:
        current += doc.text + "\n\n"
        if len(current) >= size:
            joined.append(Document(url=f"https://example.org/joined/{len(joined)}", text=current))
            current = ""
    return joined


if __name__ == "__main__":
    main()
