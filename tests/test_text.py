"""The regex helpers the detectors share (footprint.detect.text): faster forms must match what the plain ones do."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from footprint.detect.text import alternation, at_line_starts, fold

CORPUS = Path(__file__).parent / "corpus" / "cases"

WORDS = [
    "road",
    "rd",
    "r",
    "roads",
    "council\\b",
    "c/o",
    "&\\s+sons",
    "enquir\\w*",
    "st\\.?",
    "allotments?",
    "a",
]


def _texts() -> list[str]:
    pages = sorted(p for p in CORPUS.iterdir() if p.suffix in {".txt", ".html", ".json"})
    return [fold(p.read_text(encoding="utf-8", errors="replace").lower()) for p in pages[:60]]


@pytest.mark.parametrize(
    "fragments",
    [
        WORDS,
        ["close", "cl", "crescent", "cres", "cresc", "court", "ct"],
        ["x"],
        ["ab", "ab", "abc"],
        ["\\d+", "a1", "a"],
    ],
)
def test_an_alternation_matches_where_the_plain_one_does(fragments: list[str]) -> None:
    fast, plain = re.compile(alternation(fragments)), re.compile("|".join(fragments))
    rng = random.Random(3)
    samples = _texts() + ["".join(rng.choice("acdeilnorst &\\/1 .") for _ in range(400)) for _ in range(50)]
    for text in samples:
        for at in range(0, len(text), 7):
            assert bool(fast.match(text, at)) == bool(plain.match(text, at)), (fragments, text[at : at + 20])


def test_an_alternation_prefers_the_longer_word() -> None:
    assert re.match(alternation(["cl", "close"]), "close").group() == "close"
    assert re.match(alternation(["cl", "close"]) + "$", "cl")


def test_a_word_start_alternation_matches_where_backslash_b_does() -> None:
    fragments = ["her\\s+son", "his", "is\\s+in", "in", "on\\s+the", "hq"]
    fast = re.compile(alternation(fragments, word_start=True))
    plain = re.compile(r"\b(?:" + "|".join(fragments) + ")")
    for text in [*_texts(), "other son, this is in, hq-hq, xhis his", "in\nin", "_his his"]:
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text[:60]


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?m:^)[ \t]*[A-Z]{2,}[ \t]*(?:\n[ \t]*)+[A-Z][a-z]+",
        r"(?m:^)[ \t]*(?:name|author)[ \t]*:[ \t]*[a-z]+",
        r"(?m:^)\d+\.",
    ],
)
def test_at_line_starts_finds_what_finditer_does(pattern: str) -> None:
    compiled = re.compile(pattern)
    texts = [*_texts(), "JONES\n\nDavid\nSMITH\nAnn", "\n\n1. a\n2. b", "name: x\nauthor:y\n"]
    for text in texts:
        for lo, hi in [(0, len(text)), (1, len(text) - 1), (len(text) // 3, len(text) // 2)]:
            expected = [m.span() for m in compiled.finditer(text, lo, hi)]
            assert [m.span() for m in at_line_starts(compiled, text, lo, hi)] == expected, (pattern, lo, hi)
