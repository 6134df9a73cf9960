"""Find the profile's date of birth on a page, in the numeric and written forms UK pages use."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from footprint.detect.interface import Detector, Document
from footprint.model import Kind, Match, Profile

WRITTEN_CONFIDENCE = 0.9
NUMERIC_IN_CONTEXT_CONFIDENCE = 0.9
# A bare numeric date could be a meeting or a deadline that happens to fall on the birthday.
NUMERIC_BARE_CONFIDENCE = 0.6
MONTH_YEAR_CONFIDENCE = 0.6
CONTEXT_CHARS = 60

_MONTHS = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sept", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
_BIRTH_WORDS = re.compile(r"birth|\bborn\b|\bd\.?o\.?b\b|\baged?\b", re.IGNORECASE)
_NUMERIC_END = r"(?!\d)(?![/.\-]\d)"
_NUMERIC_START = r"(?<![\d/.\-])"
_DAY_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?\s+(?:of\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class _Patterns:
    written: re.Pattern[str]
    numeric: re.Pattern[str]
    month_year: re.Pattern[str]


def _number(n: int) -> str:
    return f"0?{n}" if n < 10 else str(n)


@functools.lru_cache(maxsize=64)
def _patterns(date: dt.date) -> _Patterns:
    """Patterns for this one date only, so no other date on the page can match."""
    day, month = _number(date.day), _number(date.month)
    year = f"{date.year:04d}"
    short_year = f"(?:{year}|{year[2:]})"
    month_name = "(?:" + "|".join(_MONTHS[date.month - 1]) + r")(?![a-z])\.?"
    ordinal = r"(?:st|nd|rd|th)?"
    written = (
        rf"(?<![\w]){day}{ordinal}(?:\s+of\s+|[\s\-]+){month_name},?[\s\-]+(?:{year}|['\u2019]{year[2:]})(?!\d)",
        rf"(?<![\w]){month_name}\s+{day}{ordinal},?\s+{year}(?!\d)",
    )
    numeric = [
        rf"{_NUMERIC_START}{day}(?P<s1>[/.\-]){month}(?P=s1){short_year}{_NUMERIC_END}",
        rf"{_NUMERIC_START}{year}(?P<s2>[/.\-]){month}(?P=s2){day}{_NUMERIC_END}",
    ]
    if date.day > 12:  # month-first is only unambiguous when the day cannot be a month
        numeric.append(rf"{_NUMERIC_START}{month}(?P<s3>[/.\-]){day}(?P=s3){year}{_NUMERIC_END}")
    return _Patterns(
        written=re.compile("|".join(written), re.IGNORECASE),
        numeric=re.compile("|".join(numeric)),
        month_year=re.compile(rf"(?<![\w]){month_name},?\s+{year}(?!\d)", re.IGNORECASE),
    )


def _near_birth_word(text: str, start: int, end: int) -> bool:
    return bool(_BIRTH_WORDS.search(text, max(0, start - CONTEXT_CHARS), end + CONTEXT_CHARS))


class BirthDateDetector(Detector):
    """Reports the exact date of birth anywhere; month and year alone only next to a word about birth."""

    id: ClassVar[str] = "date_of_birth"

    def detect(self, doc: Document, profile: Profile) -> Iterator[Match]:
        date = profile.date_of_birth
        if date is None:
            return
        patterns = _patterns(date)
        text = doc.text
        found: list[tuple[int, int, float, bool]] = []
        for m in patterns.written.finditer(text):
            found.append((m.start(), m.end(), WRITTEN_CONFIDENCE, False))
        for m in patterns.numeric.finditer(text):
            in_context = _near_birth_word(text, m.start(), m.end())
            confidence = NUMERIC_IN_CONTEXT_CONFIDENCE if in_context else NUMERIC_BARE_CONFIDENCE
            found.append((m.start(), m.end(), confidence, False))
        full = [(start, end) for start, end, _, _ in found]
        for m in patterns.month_year.finditer(text):
            covered = any(s <= m.start() and m.end() <= e for s, e in full)
            # "15 June 1979" is another day of the month, not a vaguer sighting of this one.
            covered = covered or bool(_DAY_BEFORE.search(text, max(0, m.start() - 12), m.start()))
            # "June 1979" on its own is as likely an event as a birthday, so it needs a birth word beside it.
            if not covered and _near_birth_word(text, m.start(), m.end()):
                found.append((m.start(), m.end(), MONTH_YEAR_CONFIDENCE, True))
        for start, end, confidence, partial in sorted(found):
            yield Match(
                detector=self.id,
                kind=Kind.DATE_OF_BIRTH,
                value=text[start:end],
                key=f"dob:{date.isoformat()[:7] if partial else date.isoformat()}",
                start=start,
                end=end,
                confidence=confidence,
                known_to_user=True,
                subject="date_of_birth",
                public=False,
                partial=partial,
            )
