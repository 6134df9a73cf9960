"""Find the profile's own phone numbers on a page, in any common UK layout or lightly disguised."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import ClassVar

import phonenumbers

from footprint.detect.interface import Detector, Document
from footprint.model import Kind, Match, Phone, Profile

CLEAN_CONFIDENCE = 0.95
DEOBFUSCATED_CONFIDENCE = 0.8

# Between two digits a page may put one space, dot, dash or line break. More than one is where phonenumbers'
# own matcher and human readers both stop treating the digits as one number.
_SEP = r"[\s.\-\u2010-\u2013]?"
_TRUNK_ZERO = r"\s?\(\s?0\s?\)"  # the "(0)" in "+44 (0)7700 900461"


def _digit(d: str) -> str:
    """A zero may be written as the letter O, the commonest trick for dodging scrapers."""
    return "[0Oo]" if d == "0" else d


@functools.lru_cache(maxsize=64)
def _spelled_pattern(e164: str) -> re.Pattern[str] | None:
    """Spell one number digit by digit, so separators, "(0)", 00 and the letter O can sit between them.

    phonenumbers' matcher gives up on "07700 9OO 461" and on a number right after a date, so this pattern
    finds those; an ordinary layout found here still counts as a clean sighting.
    """
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return None
    national = phonenumbers.national_significant_number(number)
    body = _SEP.join(_digit(d) for d in national)
    country = _SEP.join(str(number.country_code))
    prefixes = [rf"(?:\+|00){_SEP}{country}(?:{_TRUNK_ZERO})?{_SEP}"]
    if number.country_code == 44:
        prefixes.append(rf"[0Oo]{_SEP}")
    start = "(?:" + "|".join(prefixes) + ")"
    return re.compile(rf"(?<![\w+]){start}{body}(?!\w)(?![.\-]\d)")


def _looks_disguised(value: str) -> bool:
    """A letter among the digits, or no group of three digits together, is a deliberate disguise."""
    return bool(re.search(r"[A-Za-z]", value)) or not re.search(r"\d{3}", value)


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < s_end and s_start < end for s_start, s_end in spans)


class PhoneDetector(Detector):
    """Reports only numbers listed in the profile, compared as E.164, so stray numbers are never flagged."""

    id: ClassVar[str] = "phone"

    def detect(self, doc: Document, profile: Profile) -> Iterator[Match]:
        by_e164: dict[str, Phone] = {}
        for phone in profile.phones:
            by_e164.setdefault(phone.e164, phone)
        if not by_e164 or not doc.text:
            return
        found: list[tuple[int, int, Phone, float]] = []
        spans: list[tuple[int, int]] = []
        for e164, phone in by_e164.items():
            pattern = _spelled_pattern(e164)
            if pattern is None:
                continue
            for m in pattern.finditer(doc.text):
                confidence = DEOBFUSCATED_CONFIDENCE if _looks_disguised(m.group()) else CLEAN_CONFIDENCE
                found.append((m.start(), m.end(), phone, confidence))
                spans.append((m.start(), m.end()))
        leniency = phonenumbers.Leniency.POSSIBLE
        for pm in phonenumbers.PhoneNumberMatcher(doc.text, "GB", leniency=leniency):
            e164 = phonenumbers.format_number(pm.number, phonenumbers.PhoneNumberFormat.E164)
            if e164 in by_e164 and not _overlaps(pm.start, pm.end, spans):
                found.append((pm.start, pm.end, by_e164[e164], CLEAN_CONFIDENCE))
                spans.append((pm.start, pm.end))
        for start, end, phone, confidence in sorted(found, key=lambda f: f[0]):
            yield Match(
                detector=self.id,
                kind=Kind.PHONE,
                value=doc.text[start:end],
                key=phone.e164,
                start=start,
                end=end,
                confidence=confidence,
                known_to_user=True,
                subject=f"phones: {phone.label or phone.number}",
                public=phone.public,
            )
