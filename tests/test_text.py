"""The regex helpers the detectors share (footprint.detect.text): faster forms must match what the plain ones do."""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

import pytest

from footprint.detect.text import alternation, at_line_starts, fold, lower_fold

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


def _fold_by_character(text: str) -> str:
    """fold's rule written the plain way: each character on its own."""
    out = []
    for ch in text:
        if ch in "\u2019\u2018\u02bc":
            out.append("'")
        elif ch in "łŁøØđĐħĦı":  # letters with a stroke, and Turkish dotless "ı"
            out.append("lLoOdDhHi"["łŁøØđĐħĦı".index(ch)])
        elif re.fullmatch("[\u00c0-\u024f\u1e00-\u1eff]", ch):
            out.append(
                unicodedata.normalize("NFD", ch)[0] if len(unicodedata.normalize("NFD", ch)) > 1 else ch
            )
        else:
            out.append(ch)
    return "".join(out)


def test_fold_replaces_each_character_as_the_plain_rule_does() -> None:
    rng = random.Random(5)
    alphabet = "aZ 1'\u2019\u2018\u02bc\u00e2\u0174\u00eb\u00f3\u1e81\u00a3\u2013\u00e6\u00df\u0131\ud83d\U0001f600\u4e2d"
    samples = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(CORPUS.iterdir())[:80]]
    samples += ["".join(rng.choice(alphabet) for _ in range(60)) for _ in range(300)]
    for text in samples:
        folded = fold(text)
        assert folded == _fold_by_character(text)
        assert len(folded) == len(text)
    assert fold("Si\u00e2n O\u2019Keeffe, \u00a35") == "Sian O'Keeffe, \u00a35"


def _lower_then_fold(text: str) -> str:
    """lower_fold's rule written the plain way."""
    low = text.lower()
    if len(low) != len(text):  # ("İ" lowers to two characters: its plain letter's lower case, "i")
        low = "".join(c.lower() if len(c.lower()) == 1 else _fold_by_character(c).lower()[:1] for c in text)
    return _fold_by_character(low)


def test_lower_fold_lowers_and_folds_as_the_plain_rule_does() -> None:
    rng = random.Random(11)
    alphabet = (
        "aZq 1'\u2019\u00c9\u00e9\u0174\u0130\u212a\u1e9e\u01c5\u03a3\u03c3\u0391\u00a3\u2013"
        "\ud83d\U0001f600\u0418\u00df"
    )
    samples = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(CORPUS.iterdir())[:120]]
    samples += ["".join(rng.choice(alphabet) for _ in range(40)) for _ in range(300)]
    no_sigma = alphabet.replace("\u03a3", "")  # (a capital sigma takes the plain road)
    samples += ["".join(rng.choice(no_sigma) for _ in range(40)) for _ in range(300)]
    for text in samples:
        low = lower_fold(text)
        assert low == _lower_then_fold(text), text
        assert len(low) == len(text)
    assert lower_fold("Si\u00e2n O\u2019KEEFFE") == "sian o'keeffe"
    assert (
        lower_fold("\u039f\u0394\u039f\u03a3 \u00e9") == "\u03bf\u03b4\u03bf\u03c2 e"
    )  # a word's last sigma
