"""Benchmark: how many MB of page text per second the detectors read, on one core, with a realistic profile.

The pages are the accuracy corpus's (tests/corpus), already turned into text, read again and again under
fresh URLs so no cache carries over. The profile is the corpus's Margaret Oduya: two names, two usernames, a
website, two localities, two phones, two emails, two addresses, three family members, a school and a date of
birth (18 identifiers). Run on demand: `python benchmarks/detect_speed.py`.
"""

from __future__ import annotations

import dataclasses
import statistics
import time
from pathlib import Path

from footprint.accuracy import load_cases, page_for
from footprint.detect.reading import read
from footprint.detect.registry import all_detectors
from footprint.extract import page_to_document
from footprint.profile import load_profile

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
TARGET_MB = 20


def main(runs: int = 3) -> None:
    profile = load_profile(CORPUS / "profiles" / "maggie.toml")
    docs = [page_to_document(page_for(case.page)) for case in load_cases(CORPUS)]
    one_pass = sum(len(d.text.encode("utf-8")) for d in docs)
    repeats = max(1, int(TARGET_MB * 1_000_000 / one_pass))
    detectors = all_detectors()
    rates = []
    for run in range(runs):
        batch = [
            dataclasses.replace(doc, url=f"{doc.url}?run={run}&copy={copy}")
            for copy in range(repeats)
            for doc in docs
        ]
        total = sum(len(d.text.encode("utf-8")) for d in batch)
        started = time.perf_counter()
        found = sum(len(read(doc, profile, detectors).matches) for doc in batch)
        elapsed = time.perf_counter() - started
        rates.append(total / 1_000_000 / elapsed)
        print(f"run {run + 1}: {total / 1e6:.1f} MB in {len(batch)} pages, {elapsed:.2f} s, {found} matches")
    print(f"detectors: median {statistics.median(rates):.1f} MB/s on one core (target: 20 MB/s)")


if __name__ == "__main__":
    main()
