"""Precision and recall of footprint's detectors on the labelled corpus in tests/corpus, per kind.

Run on demand: `python benchmarks/accuracy.py` (add `-v` to list every miss and false alarm). With `--pending`,
the held-out sets in tests/corpus/pending (measured, not yet fixed for) are read too, apart and then together
with the rest.
"""

from __future__ import annotations

import sys
from pathlib import Path

from footprint.accuracy import CaseResult, Tally, evaluate, table

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"


def main(verbose: bool = False, pending: bool = False) -> None:
    if pending:
        if not any((CORPUS / "pending").glob("*.toml")):
            print("No held-out set is pending: every set is in tests/corpus/cases.\n")
            report(*evaluate(CORPUS), verbose)
            return
        report(*evaluate(CORPUS, ("pending",)), verbose)
        print("\nwith the rest of the corpus:\n")
        report(*evaluate(CORPUS, ("cases", "pending")), False)
        return
    report(*evaluate(CORPUS), verbose)


def report(results: list[CaseResult], counts: Tally, verbose: bool) -> None:
    pages = len(results)
    negatives = sum(1 for r in results if not r.case.expected)
    print(f"{pages} pages ({negatives} with nothing to find), {counts.support()} labelled exposures\n")
    print(table(counts))
    wrong = [r for r in results if r.missed or r.extra]
    if verbose or wrong:
        print()
    for r in wrong:
        print(f"{r.case.name}: {r.case.description[:100]}")
        for label in sorted(r.missed):
            print(f"  missed      {label}")
        for label in sorted(r.extra):
            print(f"  false alarm {label}")


if __name__ == "__main__":
    main(verbose="-v" in sys.argv[1:], pending="--pending" in sys.argv[1:])
