"""Find the profile's home addresses on a page: house and street, street with postcode, or either alone."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from footprint.detect.interface import Detector, Document
from footprint.detect.text import word_pattern
from footprint.model import Address, Kind, Match, Profile

FULL_CONFIDENCE = 0.95
HOUSE_NAME_ALONE_CONFIDENCE = 0.7
POSTCODE_CONFIDENCE = 0.85
STREET_CONFIDENCE = 0.5
NEARBY_CHARS = 200

# Each street type with the spellings pages use for it; the first is the one keys use.
_STREET_TYPES = (
    ("road", "rd"),
    ("street", "st"),
    ("avenue", "ave", "av"),
    ("close", "cl"),
    ("crescent", "cres", "cresc"),
    ("gardens", "gdns"),
    ("lane", "ln"),
    ("drive", "dr"),
    ("court", "ct"),
    ("place", "pl"),
    ("square", "sq"),
    ("terrace", "terr", "ter"),
    ("grove", "gro", "gr"),
)
_POSTCODE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{1,2}\d[A-Za-z\d]?)\s?(\d[A-Za-z]{2})(?![A-Za-z0-9])")
_FLAT = re.compile(r"^(?:flat|apartment|apt|unit|suite)\b", re.IGNORECASE)
_HOUSE_NUMBER = re.compile(r"^(?:no\.?\s*)?(\d+[a-z]?)(?!\w)\s*,?\s*(\S.*)$", re.IGNORECASE)
_NO = r"(?:no\.?|number)"
# A number just before or after a street occurrence means some other house on it ("16 Larch Close").
_NUMBER_BEFORE = re.compile(rf"(?<!\w)(?:{_NO}\s*)?\d+\s?[a-z]?\s*,?\s*$", re.IGNORECASE)
_NUMBER_AFTER = re.compile(rf"^\s*,?\s*\(?\s*{_NO}\s*\d+", re.IGNORECASE)


def normalise_postcode(postcode: str) -> str:
    return re.sub(r"\s+", "", postcode).upper()


def _street_type(word: str) -> tuple[str, ...] | None:
    bare = word.lower().rstrip(".")
    return next((spellings for spellings in _STREET_TYPES if bare in spellings), None)


@dataclass(frozen=True)
class _Home:
    """One address as the detector looks for it. `house` is the number ("14"), or a house name if none."""

    house: str
    street: str  # normalised: lower case, street type spelled out ("larch close")
    postcode: str  # normalised: upper case, no spaces
    numbered: bool

    @property
    def key(self) -> str:
        street = "" if self.street in self.house.lower() else self.street
        return " ".join(p for p in (self.house, street, self.postcode) if p).lower()


def _parse(address: Address) -> _Home:
    """Read the house and street from the first line of the address, skipping a leading "Flat 3"."""
    parts = [p.strip() for p in re.split(r"[,\n]", address.text) if p.strip()]
    postcode = normalise_postcode(address.postcode)
    if not postcode and (found := _POSTCODE.search(address.text)):
        postcode = normalise_postcode(found.group())
    parts = [p for p in parts if normalise_postcode(p) != postcode] or [""]
    first = parts[0]
    if _FLAT.match(first) and len(parts) > 1 and _HOUSE_NUMBER.match(parts[1]):
        first = parts[1]
    if numbered := _HOUSE_NUMBER.match(first):
        return _Home(numbered.group(1).lower(), _normalise_street(numbered.group(2)), postcode, True)
    second = parts[1] if len(parts) > 1 else ""
    street = _normalise_street(second) if second and _street_type(second.split()[-1]) else ""
    house = " ".join(first.split())
    if _FLAT.match(first) and second:
        house = f"{house} {' '.join(second.split())}"  # "Flat 3" alone would match every block of flats
    return _Home(house, street, postcode, False)


def _normalise_street(street: str) -> str:
    words = street.split()
    if words and (spellings := _street_type(words[-1])):
        words[-1] = spellings[0]
    return " ".join(words).lower()


def _street_pattern(street: str) -> str:
    words = street.split()
    spellings = _street_type(words[-1])
    if spellings is None:
        return r"\s+".join(word_pattern(w) for w in words)
    kind = "(?:" + "|".join([spellings[0], *(rf"{abbr}\.?" for abbr in spellings[1:])]) + r")(?!\w)"
    return r"\s+".join([*(word_pattern(w) for w in words[:-1]), kind])


@dataclass(frozen=True)
class _Patterns:
    house: re.Pattern[str] | None  # number + street, or the house name
    street: re.Pattern[str] | None
    postcode: re.Pattern[str] | None


@functools.lru_cache(maxsize=64)
def _patterns(home: _Home) -> _Patterns:
    street = _street_pattern(home.street) if home.street else ""
    house: str | None = None
    if home.numbered and street:
        number = re.sub(r"(?<=\d)(?=[a-z])", r"\\s?", home.house)  # "14a" is also written "14 A"
        before = rf"(?:{_NO}\s*)?{number}(?:\s*,\s*|\s+){street}"
        after = rf"{street}\s*,?\s*(?:\(\s*(?:{_NO}\s*)?{number}\s*\)|{_NO}\s*{number}(?!\w))"
        house = rf"(?<!\w)(?:{before}|{after})(?!\w)"
    elif home.house:
        house = r"(?<!\w)" + r"[\s,]+".join(word_pattern(w) for w in home.house.split()) + r"(?!\w)"
    postcode = None
    if len(home.postcode) >= 5:
        outward, inward = home.postcode[:-3], home.postcode[-3:]
        pattern = rf"(?<![A-Za-z0-9]){re.escape(outward)}\s?{re.escape(inward)}(?![A-Za-z0-9])"
        postcode = re.compile(pattern, re.IGNORECASE)
    return _Patterns(
        house=re.compile(house, re.IGNORECASE) if house else None,
        street=re.compile(rf"(?<!\w){street}(?!\w)", re.IGNORECASE) if street else None,
        postcode=postcode,
    )


def _free(span: tuple[int, int], taken: set[int]) -> bool:
    return taken.isdisjoint(range(*span))


def _nearest(span: tuple[int, int], candidates: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The closest candidate within NEARBY_CHARS of span, on either side. `candidates` is in text order."""

    def gap(other: tuple[int, int]) -> int:
        return max(other[0] - span[1], span[0] - other[1], 0)

    lo = bisect.bisect_left(candidates, (span[0] - NEARBY_CHARS - 20, 0))
    hi = bisect.bisect_right(candidates, (span[1] + NEARBY_CHARS, len(candidates)))
    near = [c for c in candidates[lo:hi] if gap(c) <= NEARBY_CHARS]
    return min(near, key=gap) if near else None


def _another_house(text: str, span: tuple[int, int]) -> bool:
    before = text[max(0, span[0] - 16) : span[0]]
    return bool(_NUMBER_BEFORE.search(before) or _NUMBER_AFTER.match(text, span[1], span[1] + 16))


class AddressDetector(Detector):
    """A full address is a safety red flag; a postcode or street alone is reported as partial, less sure."""

    id: ClassVar[str] = "address"

    def detect(self, doc: Document, profile: Profile) -> Iterator[Match]:
        matches = [m for address in profile.addresses for m in self._address(doc.text, address)]
        yield from sorted(matches, key=lambda m: (m.start, m.end))

    def _address(self, text: str, address: Address) -> list[Match]:
        """Full sightings first, then the partials that are not part of one."""
        home = _parse(address)
        patterns = _patterns(home)
        postcodes = [m.span() for m in patterns.postcode.finditer(text)] if patterns.postcode else []
        streets = [m.span() for m in patterns.street.finditer(text)] if patterns.street else []
        full: list[tuple[tuple[int, int], float]] = []
        taken: set[int] = set()  # offsets inside a full sighting
        beside_full: set[int] = set()  # offsets of postcodes that belong to a full sighting
        for m in patterns.house.finditer(text) if patterns.house else ():
            postcode = _nearest(m.span(), postcodes)
            if postcode:
                beside_full.update(range(*postcode))
            full.append(
                (m.span(), FULL_CONFIDENCE if home.numbered or postcode else HOUSE_NAME_ALONE_CONFIDENCE)
            )
            taken.update(range(*m.span()))
        for street in streets:
            if not _free(street, taken) or _another_house(text, street):
                continue
            if postcode := _nearest(street, [p for p in postcodes if _free(p, taken)]):
                span = (min(street[0], postcode[0]), max(street[1], postcode[1]))
                full.append((span, FULL_CONFIDENCE))
                taken.update(range(*span))
        taken |= beside_full
        partial = [(p, POSTCODE_CONFIDENCE, home.postcode) for p in postcodes if _free(p, taken)]
        partial += [(s, STREET_CONFIDENCE, f"street:{home.street}") for s in streets if _free(s, taken)]
        matches = [self._match(text, address, span, conf, home.key, False) for span, conf in full]
        matches += [self._match(text, address, span, conf, key, True) for span, conf, key in partial]
        return matches

    def _match(
        self, text: str, address: Address, span: tuple[int, int], confidence: float, key: str, partial: bool
    ) -> Match:
        return Match(
            detector=self.id,
            kind=Kind.HOME_ADDRESS,
            value=text[span[0] : span[1]],
            key=key,
            start=span[0],
            end=span[1],
            confidence=confidence,
            known_to_user=True,
            subject=f"addresses: {address.label or 'address'}",
            public=address.public,
            partial=partial,
        )
