"""Find the profile's own phone numbers on a page, in any common UK layout or lightly disguised.

One fast pass finds every run of digits that could be a phone number, however it is spaced, dotted, dashed,
bracketed or disguised with the letter O; `phonenumbers` (region GB) then reads each run. The unlisted-details
detector reads the same runs.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import ClassVar

import phonenumbers

from footprint.detect.interface import Detector, Document
from footprint.detect.text import DETAILS_CACHED, is_word_char
from footprint.model import Kind, Match, Need, Phone, Profile

CLEAN_CONFIDENCE = 0.95
DEOBFUSCATED_CONFIDENCE = 0.8

# Starts with "+", "(" or 0, then 8 to 15 more digits (or the letter O standing in for zero, and l or I for one,
# as disguises and scans write them), with up to three separators between any two. It starts with a character
# class, so `re` skips through text quickly; the first two digits are written out of the repeat, so the many
# places that start like one ("o" in a word) fail before `re` sets up the repeat.
_SEP = r"[\s.\-\u2010-\u2013()/]{0,3}"
_DIGIT = r"[0-9oOlI]"
# Not after a letter, a digit or "+": checked after the first character, so `re` still skips to where a run can
# start, and does not stop at each "o" inside a word.
_NOT_GLUED = r"(?<![\w+][+(0Oo])"
_RUN = re.compile(rf"[+(0Oo]{_NOT_GLUED}{_SEP}{_DIGIT}{_SEP}{_DIGIT}(?:{_SEP}{_DIGIT}){{6,}}")
# The same, capped at one number's length, for reading runs one number at a time.
_ONE_RUN = re.compile(rf"[+(0Oo]{_NOT_GLUED}{_SEP}{_DIGIT}{_SEP}{_DIGIT}(?:{_SEP}{_DIGIT}){{6,13}}")
_DIGITISH = frozenset("0123456789oOlI")
# Ofcom keeps 07700 900000-900999 for drama; phonenumbers calls them invalid, but footprint's own tests, demo and
# corpus use them (they are the only mobile numbers safe to print), so they are read as real mobiles.
DRAMA_PREFIXES = ("+447700900",)


@dataclass(frozen=True)
class Run:
    """A run of phone-like characters. `digits` are its digits (O read as 0); `at[i]` is where digit i sits."""

    start: int
    end: int  # just after its last digit
    digits: str
    plus: bool  # written with "+", so the digits start with the country code
    text: str = dataclasses.field(repr=False, compare=False)  # the page's text (for `at`)

    @functools.cached_property
    def at(self) -> tuple[int, ...]:
        """Where each digit sits: worked out only for the few runs whose digits are worth a closer look."""
        return tuple(i for i in range(self.start, self.end) if self.text[i] in _DIGITISH)

    def end_after(self, count: int) -> int:
        return self.at[count - 1] + 1


# A run's characters as its digits: separators dropped, O read as 0, l and I as 1 (one C call, not a loop).
_AS_DIGITS: dict[int, str | None] = {ord(c): None for c in " \t\n\r\x0b\x0c.-()/+\u2010\u2011\u2012\u2013"}
_AS_DIGITS.update({ord("o"): "0", ord("O"): "0", ord("l"): "1", ord("I"): "1"})


def _run_at(text: str, m: re.Match[str]) -> Run:
    digits = m.group().translate(_AS_DIGITS)
    if not (digits.isascii() and digits.isdigit()):  # another kind of space between the digits
        digits = "".join(c for c in digits if c in _DIGITISH).translate(_AS_DIGITS)
    return Run(m.start(), m.end(), digits, text[m.start()] == "+", text)


@dataclass(frozen=True)
class Number:
    """A phone number found in a run: its E.164 form and where it sits."""

    e164: str
    start: int
    end: int


_JOINED_DIGIT = re.compile(r"[.\-]\d")
_LETTER = re.compile(r"[A-Za-z]")
_THREE_DIGITS = re.compile(r"\d{3}")


def _trailing_ok(text: str, end: int) -> bool:
    """The number must not run on into a word or into more digits joined by "." or "-" (a longer number)."""
    if end < len(text) and (is_word_char(text[end]) or text[end] == "("):
        return False
    return not _JOINED_DIGIT.match(text, end)


def _national_forms(digits: str, plus: bool) -> list[tuple[str, int]]:
    """Ways to read the start of a run: (country code, offset into digits where the national significant
    number starts)."""
    if plus or digits.startswith("00"):
        skip = 0 if plus else 2
        for size in (1, 2, 3):
            country = digits[skip : skip + size]
            if country and int(country) in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
                nsn = skip + size
                if digits[nsn : nsn + 1] == "0" and country == "44":
                    nsn += 1  # "+44 (0)7700 ..."
                return [(country, nsn)]
        return []
    if digits.startswith("0"):
        return [("44", 1)]
    if len(digits) == 12 and digits.startswith(("441", "442", "443", "447")):
        return [("44", 2)]  # a record's "447700900412", E.164 stored without its plus
    return []


def _valid(number: phonenumbers.PhoneNumber) -> bool:
    """Valid anywhere its country code is used; Great Britain is tried first, as most +44 numbers are there
    (the full check tries Guernsey, the Isle of Man and Jersey as well, for four times the work)."""
    if number.country_code == 44 and phonenumbers.is_valid_number_for_region(number, "GB"):
        return True
    return bool(phonenumbers.is_valid_number(number))


def read_run(text: str, run: Run, known: Mapping[str, str] | None = None) -> Number | None:
    """The phone number a run starts with: a valid number for its country, followed by a clean edge.
    `known` maps country code + national number to E.164 for numbers already known good (no parsing)."""
    for country, nsn in _national_forms(run.digits, run.plus):
        region = phonenumbers.region_code_for_country_code(int(country))
        for length in (10, 9) if country == "44" else range(12, 5, -1):
            national = run.digits[nsn : nsn + length]
            if len(national) != length:
                continue
            end = run.end_after(nsn + length)
            if not _trailing_ok(text, end):
                continue
            if known and (e164 := known.get(country + national)):
                return Number(e164, run.start, end)
            if country == "44":
                if national[0] not in "1235789":
                    continue  # no UK number starts 04 or 06
                # Digits only, no trunk prefix: the number is built directly (parse() costs as much again).
                number = phonenumbers.PhoneNumber(country_code=44, national_number=int(national))
                e164 = "+44" + national
            else:
                try:
                    number = phonenumbers.parse(national, region)
                except phonenumbers.NumberParseException:
                    continue
                e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            if e164.startswith(DRAMA_PREFIXES) or _valid(number):
                return Number(e164, run.start, end)
    return None


def find_numbers(
    text: str, start: int = 0, end: int | None = None, known: Mapping[str, str] | None = None
) -> Iterator[Number]:
    # (validating with phonenumbers costs ~0.1 ms a run: the unlisted detector calls this near names only)
    """Every phone number in text[start:end], in order. A run glued to a word or a "+" before it is not one;
    after a run that is not a number, the search resumes one character on, so a number inside it is found."""
    stop = len(text) if end is None else end
    for run in _bare_international(text, start, stop):
        if number := read_run(text, run, known):
            yield number
    pos = start
    while pos < stop and (m := _ONE_RUN.search(text, pos, stop)):
        first = m.start()
        if first > 0 and (is_word_char(text[first - 1]) or text[first - 1] == "+"):
            pos = first + 1
            continue
        number = read_run(text, _run_at(text, m), known)
        if number is None:
            pos = first + 1
            continue
        yield number
        pos = number.end


@functools.lru_cache(maxsize=8)
def runs(doc: Document) -> tuple[Run, ...]:
    """Every run of phone-like characters on the page (one fast pass), shared by the detectors."""
    text = doc.digits
    found: list[Run] = []
    pos = 0
    while m := _RUN.search(text, pos):
        first = m.start()
        if first > 0 and (is_word_char(text[first - 1]) or text[first - 1] == "+"):
            pos = first + 1
            continue
        found.append(_run_at(text, m))
        pos = m.end()
    if bare := _bare_international(text, 0, len(text)):  # (the search costs less than a look for "44" first)
        found = sorted([*found, *bare], key=lambda run: run.start)
    return tuple(found)


# A record's UK number stored as E.164 without its plus, "447700900412": not a run that starts like one (a
# separate search, by its literal "44", so the run pattern keeps its fast first character).
_BARE_44 = re.compile(r"44[127]\d{9}(?!\d)")


def _bare_international(text: str, start: int, end: int) -> list[Run]:
    return [
        _run_at(text, m)
        for m in _BARE_44.finditer(text, start, end)
        if not (m.start() and (is_word_char(text[m.start() - 1]) or text[m.start() - 1] == "+"))
    ]


@functools.lru_cache(maxsize=DETAILS_CACHED)
def _spellings(e164: str) -> tuple[tuple[str, bool], ...]:
    """The digit strings a number is written as, and whether each needs a "+" before it: 07700900461,
    +447700900461, +44 (0)7700..., 00447700900461."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return ()
    nsn = phonenumbers.national_significant_number(number)
    country = str(number.country_code)
    # (a UK number also without its plus: a data broker's "447700900412", E.164 as it is often stored)
    forms = [(country + nsn, country != "44"), ("00" + country + nsn, False)]
    if country == "44":
        forms += [("0" + nsn, False), ("440" + nsn, True), ("00440" + nsn, False)]
    return tuple(forms)


@functools.lru_cache(maxsize=DETAILS_CACHED)
def _common_tail(e164: str) -> str:
    """The digits every spelling of the number ends with."""
    return os.path.commonprefix([digits[::-1] for digits, _ in _spellings(e164)])[::-1]


def listed_in(doc: Document, run: Run, e164: str) -> Iterator[Number]:
    """Where a run of digits holds this exact number, starting at a group boundary and ending cleanly; no
    parsing, so it is fast, and a number right after a date or another number is still found."""
    text = doc.digits
    if _common_tail(e164) not in run.digits:
        return  # (every spelling ends with the national number: one search, not five)
    spellings = _spellings(e164)
    for digits, needs_plus in spellings:
        at = run.digits.find(digits)
        while at != -1:
            start = run.at[at]
            glued = at > 0 and run.at[at - 1] == start - 1  # "207700900461": part of a longer number
            plus = text[start - 1] == "+" if start > 0 else False
            if not glued and (plus or not needs_plus):
                end = run.end_after(at + len(digits))
                if _trailing_ok(text, end) and not (end < len(text) and text[end].isdigit()):
                    opening = start > 0 and text[start - 1] in "+("  # "+44 ..." and "(0113) ..." read whole
                    yield Number(e164, start - 1 if opening else start, end)
            at = run.digits.find(digits, at + 1)


def numbers_near(
    doc: Document, windows: list[tuple[int, int]], known: Iterable[str] = ()
) -> Iterator[Number]:
    """Every valid phone number that starts inside one of the windows (sorted, not overlapping). Numbers in
    `known` (E.164) are taken as valid without parsing."""
    by_digits = {e164.lstrip("+"): e164 for e164 in known}
    # A number can only start inside one of the page's runs (found once, for the phone detector) and cannot
    # run past its end, so only the runs inside a window are searched, not all of the window's text.
    extents = [(run.start, run.end) for run in runs(doc)]
    for lo, hi in windows:
        stop = min(len(doc.text), hi + 30)
        for start, end in extents:
            if start < stop and end > lo:
                # (in ASCII digits only: the words that say whose a number is are read in English and the
                # languages of _SERVICE_WORDS, so a number in another script's digits is reported only if listed)
                yield from find_numbers(doc.text, max(lo, start), min(stop, end), by_digits)


def looks_disguised(value: str) -> bool:
    """A letter among the digits, or no group of three digits together, is a deliberate disguise."""
    return bool(_LETTER.search(value)) or not _THREE_DIGITS.search(value)


class PhoneDetector(Detector):
    """Reports only numbers listed in the profile, compared as E.164, so stray numbers are never flagged.

    Limits: a number split by words ("07700 nine-double-oh 461") or by more than three characters between two
    digits is not found; nor is a number written without its leading 0 or country code.
    """

    id: ClassVar[str] = "phone"

    def detect(self, doc: Document, profile: Profile) -> Iterator[Match]:
        by_e164: dict[str, Phone] = {}
        for phone in profile.phones:
            by_e164.setdefault(phone.e164, phone)
        if not by_e164 or not doc.text:
            return
        candidates = [
            (number, phone)
            for run in runs(doc)
            for e164, phone in by_e164.items()
            for number in listed_in(doc, run, e164)
        ]
        kept: list[tuple[Number, Phone]] = []
        for number, phone in sorted(candidates, key=lambda f: (f[0].start, -f[0].end)):
            if kept and number.start < kept[-1][0].end:
                continue  # "+44 (0)7700 900461" also holds "07700 900461": one sighting
            kept.append((number, phone))
        for number, phone in kept:
            value = doc.text[number.start : number.end]
            yield Match(
                detector=self.id,
                kind=Kind.PHONE,
                value=value,
                key=phone.e164,
                start=number.start,
                end=number.end,
                confidence=DEOBFUSCATED_CONFIDENCE if looks_disguised(value) else CLEAN_CONFIDENCE,
                known_to_user=True,
                subject=f"phones: {phone.label or phone.number}",
                public=phone.public,
                needs=Need.NOTHING,
                ties=True,
            )
