"""Measure detection against a labelled corpus: precision and recall per kind (see tests/corpus/README.md).

Used by `benchmarks/accuracy.py` (prints the table) and `tests/test_corpus.py` (holds the targets).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from footprint.detect.reading import read
from footprint.detect.registry import all_detectors
from footprint.extract import page_to_document
from footprint.model import Kind, Page, Profile
from footprint.profile import load_profile

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/rss+xml",
    ".jpg": "image/jpeg",
}
KINDS = tuple(k.value for k in Kind if k is not Kind.OTHER)

Label = tuple[str, str, bool, bool]  # kind, key, partial, known


@dataclass(frozen=True)
class Case:
    name: str
    page: Path
    profile: str
    confirmed: bool
    expected: frozenset[Label]
    description: str = ""


@dataclass
class CaseResult:
    case: Case
    found: frozenset[Label]

    @property
    def missed(self) -> frozenset[Label]:
        return self.case.expected - self.found

    @property
    def extra(self) -> frozenset[Label]:
        return self.found - self.case.expected


@dataclass
class Tally:
    true_positive: Counter[str] = field(default_factory=Counter)
    false_positive: Counter[str] = field(default_factory=Counter)
    false_negative: Counter[str] = field(default_factory=Counter)

    def precision(self, kind: str | None = None) -> float:
        tp, fp = self._get(self.true_positive, kind), self._get(self.false_positive, kind)
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, kind: str | None = None) -> float:
        tp, fn = self._get(self.true_positive, kind), self._get(self.false_negative, kind)
        return tp / (tp + fn) if tp + fn else 1.0

    def support(self, kind: str | None = None) -> int:
        return self._get(self.true_positive, kind) + self._get(self.false_negative, kind)

    @staticmethod
    def _get(counter: Counter[str], kind: str | None) -> int:
        return counter[kind] if kind else sum(counter.values())


def load_cases(corpus: Path, folder: str = "cases") -> list[Case]:
    """The labelled pages in corpus/<folder>: "cases" (what the targets hold for), or "pending" (held-out sets
    measured, not yet fixed for: see tests/corpus/README.md)."""
    cases = []
    for label in sorted((corpus / folder).glob("*.toml")):
        pages = [p for p in label.parent.glob(label.stem + ".*") if p.suffix in CONTENT_TYPES]
        if len(pages) != 1:
            raise ValueError(f"{label}: expected exactly one page file beside it, found {len(pages)}")
        data = tomllib.loads(label.read_text(encoding="utf-8"))
        expected = frozenset(
            (
                str(item["kind"]),
                str(item["key"]),
                bool(item.get("partial", False)),
                bool(item.get("known", True)),
            )
            for item in data.get("expect", [])
        )
        for kind, _, _, _ in expected:
            if kind not in KINDS:
                raise ValueError(f"{label}: unknown kind {kind!r}")
        context = data.get("context", "unknown")
        if context not in ("unknown", "confirmed"):
            raise ValueError(f"{label}: context must be 'unknown' or 'confirmed'")
        cases.append(
            Case(
                label.stem,
                pages[0],
                str(data["profile"]),
                context == "confirmed",
                expected,
                data.get("description", ""),
            )
        )
    return cases


def page_for(path: Path) -> Page:
    body = path.read_bytes()
    return Page(
        url=f"https://corpus.example/{path.name}",
        final_url=f"https://corpus.example/{path.name}",
        status=200,
        headers=(("Content-Type", CONTENT_TYPES[path.suffix]),),
        body=body,
        fetched_at=dt.datetime(2026, 11, 23, tzinfo=dt.UTC),
        sha256=hashlib.sha256(body).hexdigest(),
        elapsed=0.0,
    )


def run_case(case: Case, profile: Profile) -> CaseResult:
    doc = dataclasses.replace(page_to_document(page_for(case.page)), confirmed=case.confirmed)
    reading = read(doc, profile, all_detectors())
    found = frozenset((m.kind.value, m.key, m.partial, m.known_to_user) for m in reading.matches)
    return CaseResult(case, found)


def evaluate(corpus: Path, folders: tuple[str, ...] = ("cases",)) -> tuple[list[CaseResult], Tally]:
    profiles = {p.stem: load_profile(p) for p in sorted((corpus / "profiles").glob("*.toml"))}
    results = [
        run_case(case, profiles[case.profile]) for folder in folders for case in load_cases(corpus, folder)
    ]
    return results, tally(results)


def tally(results: Iterable[CaseResult]) -> Tally:
    counts = Tally()
    for result in results:
        for kind, *_ in result.found & result.case.expected:
            counts.true_positive[kind] += 1
        for kind, *_ in result.extra:
            counts.false_positive[kind] += 1
        for kind, *_ in result.missed:
            counts.false_negative[kind] += 1
    return counts


def table(counts: Tally) -> str:
    """A Markdown table, as the README shows it."""
    rows = [
        "| kind | expected | found right | false alarms | missed | precision | recall |",
        "|---|---|---|---|---|---|---|",
    ]
    for kind in (*KINDS, None):
        if kind and not (counts.support(kind) or counts.false_positive[kind]):
            continue
        tp = counts._get(counts.true_positive, kind)
        fp = counts._get(counts.false_positive, kind)
        fn = counts._get(counts.false_negative, kind)
        name = kind or "**all**"
        rows.append(
            f"| {name} | {tp + fn} | {tp} | {fp} | {fn} | {counts.precision(kind):.3f} | {counts.recall(kind):.3f} |"
        )
    return "\n".join(rows)
