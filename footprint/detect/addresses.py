"""Find the profile's home addresses on a page: house and street, street with postcode, or either alone."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from footprint.detect.interface import Detector, Document
from footprint.detect.subject import mentions
from footprint.detect.text import (
    DETAILS_CACHED,
    HEADING_CHARS,
    PROFILES_CACHED,
    alternation,
    fold,
    literal_hits,
    starts_word,
    whole_words,
    word_pattern,
)
from footprint.model import Address, Kind, Match, Need, Profile

FULL_CONFIDENCE = 0.95
HOUSE_NAME_ALONE_CONFIDENCE = 0.7
POSTCODE_CONFIDENCE = 0.85
STREET_CONFIDENCE = 0.5
NEARBY_CHARS = 200
RESIDENCE_WINDOW = 60
# A street alone is an exposure only where the page says someone lives there ("she lives on Larch Close",
# "our road"), not where it is news ("resurfacing on Larch Close") or a venue.
_RESIDENCE = re.compile(
    r"\b(?:lives?|lived|living|home|house|i'm\s+on|i\s+am\s+on|moved\s+to|resident|resides|residing|myself|street\s+rep|location"
    r"|(?:she|he|they|i)\s+shares?\s+with"  # "the Rowanbank Terrace building she shares with her partner"
    r"|\d{1,3},\s+of"  # a paper's "Lorraine Baptiste, 49, of Quarry Road"
    r"|collect(?:ion|ed)?(?:\s+(?:only\s+)?from|(?=\s*:))|pick(?:ed)?[\s\-]?up\s+from"  # a seller's "collection from Quarry Rd"
    r"|address|(?:my|our|her|his|their)\s+(?:own\s+)?(?:road|street|lane|close|avenue|crescent|doorstep|end"
    r"|(?:back\s+|front\s+)?garden)"
    r"|neighbou?rs?\s+here"  # "several neighbours here on Medlar Close"
    # Polish (home, lives, flat, neighbours) and Welsh (lives, home, house), accents folded
    r"|dom|domem|domu|mieszk\w*|sasiad\w*|byw|cartref|ty"
    # Lithuanian (lives, I live, at home, pick up from), accents folded
    r"|gyven\w*|namie|namuose|pasiimti"
    # Tagalog (home, house, lives, residence): "Tahanan ng Pamilya Reyes, Copperbeech Avenue"
    r"|tahanan|bahay|nakatira|tirahan)\b"
)

# Each street type with the spellings pages use for it; the first is the one keys use.
STREET_TYPES = (
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
    ("terrace", "terr", "ter", "tce"),  # "Tce" is Royal Mail's, and Scotland's
    ("grove", "gro", "grv", "gr"),
    ("way",),
    ("walk",),
    ("mews",),
    ("rise",),
    ("row",),
    ("parade", "pde"),
    ("hill",),
    ("view",),
    ("green",),
    ("park",),
    # Scottish street names end in these as often as in Road or Street.
    ("brae", "br"),
    ("wynd",),
    ("loan",),
    ("vennel",),
    ("quay",),
)
_STREET_TYPE_OF = {spelling: spellings for spellings in reversed(STREET_TYPES) for spelling in spellings}
_POSTCODE = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]{1,2}\d[A-Za-z\d]?)\s?(\d[A-Za-z]{2})(?![A-Za-z0-9])")
_FLAT = re.compile(r"^(?:flat|apartment|apt|unit|suite)\b", re.IGNORECASE)
_FLAT_LETTER = re.compile(r"(?:flat|apartment|apt)\.?\s+([a-z])", re.IGNORECASE)
_A_FLAT = r"(?:flat|apartment|apt\.?)"
# A flat's own number: "6", "14A", "B", or a Scottish tenement's floor and door, "2/1" (Glasgow) or "2F1"
# (Edinburgh), both the second floor's first door.
_UNIT = r"(\d{1,2}/\d{1,2}|\d{1,2}f\d{1,2}|\d+[a-z]?|[a-z])"
_FLAT_ID = re.compile(rf"(?:flat|apartment|apt\.?)\s*{_UNIT}", re.IGNORECASE)
# Another flat's number just before the street's ("Flat 11 Kiln Mill, 2 Wharf Street" when ours is Flat 6), or a
# tenement flat's floor and door alone just before the street's number ("0/2 41 Glenmarra St").
_FLAT_BEFORE = re.compile(
    rf"(?:(?:flat|apartment|apt\.?)\s*{_UNIT}(?![\w])[^\n]{{0,40}}|(?<![\w/])(\d{{1,2}}/\d{{1,2}}|\d{{1,2}}f\d{{1,2}}),?[ \t]+)$"
)


def _unit(written: str) -> str:
    """A flat's number as one form: "2F1" is "2/1"."""
    return re.sub(r"^(\d+)f(\d+)$", r"\1/\2", written.lower())


# A flat in a converted house named by its floor: "Ground Floor Flat", "GFF", "First Floor Flat", "FFF", "Top Flat".
_FLOORS = {
    "basement": "basement",
    "lower ground": "basement",
    "lower-ground": "basement",
    "ground": "ground",
    "first": "first",
    "1st": "first",
    "second": "second",
    "2nd": "second",
    "top": "top",
}
_FLOOR_ABBREVIATIONS = {
    "bff": "basement",
    "lgf": "basement",
    "gff": "ground",
    "fff": "first",
    "sff": "second",
    "tff": "top",
}
_FLOOR_WORDS = alternation(sorted(_FLOORS, key=len, reverse=True))
_FLOOR_FLAT = re.compile(
    rf"({_FLOOR_WORDS})(?:[ \t]+floor)?[ \t]+flat|(bff|lgf|gff|fff|sff|tff)", re.IGNORECASE
)
_FLOOR_FLAT_BEFORE = re.compile(rf"(?<![\w])(?:{_FLOOR_FLAT.pattern})(?![\w])[^\n]{{0,20}}$", re.IGNORECASE)


def _floor(m: re.Match[str]) -> str:
    """ "floor:ground" for "Ground Floor Flat" and "GFF": the flat's unit, one form for each way it is written."""
    return "floor:" + (
        _FLOORS[m.group(1).lower()] if m.group(1) else _FLOOR_ABBREVIATIONS[m.group(2).lower()]
    )


_HOUSE_NUMBER = re.compile(r"^(?:no\.?\s*)?(\d+[a-z]?)(?!\w)\s*,?\s*(\S.*)$", re.IGNORECASE)
_NO = r"(?:no\.?|number)"
# A number just before or after a street occurrence means some other house on it ("16 Larch Close").
_NUMBER_BEFORE = re.compile(rf"(?<!\w)(?:{_NO}\s*)?\d+\s?[a-z]?\s*,?\s*$", re.IGNORECASE)
_NUMBER_AFTER = re.compile(rf"\s*,?\s*\(?\s*{_NO}\s*\d+", re.IGNORECASE)


def normalise_postcode(postcode: str) -> str:
    return re.sub(r"\s+", "", postcode).upper()


def street_type(word: str) -> tuple[str, ...] | None:
    """ "Rd." -> ("road", "rd"): a street type's spellings, the full one first; None for other words."""
    return _STREET_TYPE_OF.get(word.lower().rstrip("."))


@dataclass(frozen=True)
class _Home:
    """One address as the detector looks for it. `house` is the number ("14"), or a house name if none."""

    house: str
    street: str  # normalised: lower case, street type spelled out ("larch close")
    postcode: str  # normalised: upper case, no spaces
    numbered: bool
    flat: str = ""  # a flat's letter ("a" for "Flat A, 112 Kestrel Parade"), which "112a" also gives
    name: str = (
        ""  # a numbered house's own name ("Rosemount" of "Rosemount, 7 Harbour Brae"), found alone too
    )
    unit: str = (
        ""  # the flat's own number or letter in a building of flats ("6" of "Flat 6, Kiln Mill, 2 ...")
    )
    # a pitch on a site (a Traveller site, a caravan or park-home site): its number and the site's own name,
    # without the words every site has ("7", "furzebank" of "Pitch 7, Furzebank Traveller Site")
    pitch: tuple[str, str] | None = None

    @property
    def house_name(self) -> str:
        """The name the house goes by, if it has one."""
        return self.name or ("" if self.numbered else self.house)

    @property
    def key(self) -> str:
        street = "" if self.street in self.house.lower() else self.street
        return " ".join(p for p in (self.house, street, self.postcode) if p).lower()


@functools.lru_cache(maxsize=DETAILS_CACHED)
def parse_home(address: Address) -> _Home:
    """Read the house and street from the first line of the address, skipping a leading "Flat 3" or a
    building's name before a numbered street."""
    parts = [p.strip() for p in re.split(r"[,\n]", address.text) if p.strip()]
    postcode = normalise_postcode(address.postcode)
    if not postcode and (found := _POSTCODE.search(address.text)):
        postcode = normalise_postcode(found.group())
    parts = [p for p in parts if normalise_postcode(p) != postcode] or [""]
    first = parts[0]
    flat = name = ""
    unit = _unit(m.group(1)) if (m := _FLAT_ID.fullmatch(first)) else ""
    if (floor := _FLOOR_FLAT.fullmatch(first)) and len(parts) > 1 and _HOUSE_NUMBER.match(parts[1]):
        # "Ground Floor Flat, 41 Aldous Road": keyed by the street's number, the flat its unit
        unit, first = _floor(floor), parts[1]
    if _FLAT.match(first) and len(parts) > 1 and _HOUSE_NUMBER.match(parts[1]):
        if letter := _FLAT_LETTER.fullmatch(first):
            flat = letter.group(1).lower()
        first = parts[1]
    elif (
        _FLAT.match(first)
        and len(parts) > 2
        and (numbered := _HOUSE_NUMBER.match(parts[2]))
        and _a_street(numbered.group(2))
    ):
        # a flat in a named building on a numbered street: "Flat 6, Kiln Mill, 2 Wharf Street" is keyed by the
        # street's number, as "Flat 2B, 41 Chandos Road" is; the building's name alone is every flat's
        if letter := _FLAT_LETTER.fullmatch(first):
            flat = letter.group(1).lower()
        first = parts[2]
    elif (
        not _HOUSE_NUMBER.match(first)
        and len(parts) > 1
        and (numbered := _HOUSE_NUMBER.match(parts[1]))
        and _a_street(numbered.group(2))
    ):
        # a building's, an office's or a house's name first: "Kestrel Bank Ward Office, 12 Tanner's Row",
        # "Rosemount, 7 Harbour Brae" (a page may give the name alone: it is the same home)
        name = " ".join(first.split())
        first = parts[1]
    if numbered := _HOUSE_NUMBER.match(first):
        house = numbered.group(1).lower()
        return _Home(
            house,
            _normalise_street(numbered.group(2)),
            postcode,
            True,
            flat if house.isdigit() else "",
            name,
            unit,
        )
    second = parts[1] if len(parts) > 1 else ""
    # The street may come after a place that is not one: "NB Kestrel, Cobble Wharf Moorings, Wharf Lane"
    on = next((part for part in parts[1:3] if _a_street(part)), "") if not _FLAT.match(first) else second
    street = _normalise_street(on) if on and _a_street(on) else ""
    house = " ".join(first.split())
    if _FLAT.match(first) and second:
        house = f"{house} {' '.join(second.split())}"  # "Flat 3" alone would match every block of flats
    pitch = None
    if (m := _PITCH.fullmatch(first)) and second and not _a_street(second):
        site = _SITE_WORDS.sub("", fold(second.lower())).strip()
        pitch = (m.group(1).lower(), site) if site else None
    return _Home(house, street, postcode, False, pitch=pitch)


# A pitch on a site, as its residents, the council and the post write it: "Pitch 7", "Plot 7", "Bay 7".
_PITCH_WORDS = r"(?:pitch|plot|bay|stand)"
_PITCH = re.compile(rf"{_PITCH_WORDS}\s*(?:no\.?\s*)?(\d+[a-z]?)", re.IGNORECASE)
# What a site's name ends with, which its own name does not need: "Furzebank Traveller Site", "Furzebank Park".
_SITE_WORDS = re.compile(
    r"(?:\s+(?:gypsy|travell?ers?'?|romany|caravan|mobile|home|homes|residential|holiday|park|site|estate|and|&))+$"
)


# Welsh and Scottish Gaelic street names put their type first: "Heol y Bryn", "Ffordd Ddu", "Rathad na Mara".
PREFIX_STREET_TYPES = frozenset(
    ["heol", "ffordd", "stryd", "lon", "rhodfa", "cilgant", "teras", "rathad", "sraid"]
)


def _a_street(line: str) -> bool:
    words = line.split()
    return bool(street_type(words[-1])) or fold(words[0].lower()) in PREFIX_STREET_TYPES


def _normalise_street(street: str) -> str:
    words = street.split()
    if words and (spellings := street_type(words[-1])):
        words[-1] = spellings[0]
    return " ".join(words).lower()


def _street_pattern(street: str) -> str:
    words = street.split()
    spellings = street_type(words[-1])
    if spellings is None:
        return r"\s+".join(_street_word(w) for w in words)
    kind = "(?:" + "|".join([spellings[0], *(rf"{abbr}\.?" for abbr in spellings[1:])]) + r")(?!\w)"
    return r"\s+".join([*(_street_word(w) for w in words[:-1]), kind])


# Letters a scan's OCR reads as figures ("Kestre1 Parade", "Br00k Street"): the listed street's own name is
# matched through them (its first letter as written, so `re` still skips to it).
_OCR_LOOKALIKES = {"l": "[l1i|]", "i": "[i1l|]", "o": "[o0]"}


def _street_word(word: str) -> str:
    folded = fold(word.lower())
    if not folded.isalpha() or not folded.isascii() or folded in ("st", "saint"):
        return word_pattern(word)  # (and "St" as "St." or "Saint")
    return re.escape(folded[0]) + "".join(_OCR_LOOKALIKES.get(c, c) for c in folded[1:])


@dataclass(frozen=True)
class _Patterns:
    """Patterns for lower-case text. Each starts with literal text, so `re` skips through a page quickly."""

    street: re.Pattern[str] | None  # the street, any spelling of its type
    house_name: re.Pattern[str] | None  # a named house ("Rose Cottage"), with or without a number
    postcode: re.Pattern[str] | None
    ours_before: re.Pattern[str] | None  # our number just before the street: "14 ", "no. 14, "
    ours_after: re.Pattern[str] | None  # our number just after it: " (no. 14)", ", no 14"
    # where someone lives at our number on the street written without its type: "lives at number 46 Hatherden"
    typeless: re.Pattern[str] | None = None
    site: re.Pattern[str] | None = None  # a pitch's site by its own name: "furzebank"
    on_site: re.Pattern[str] | None = None  # our pitch's number before the site's name: "7 furzebank park"


@functools.lru_cache(maxsize=DETAILS_CACHED)
def _patterns(home: _Home) -> _Patterns:
    street = _street_pattern(home.street) if home.street else ""
    ours_before = ours_after = house_name = None
    if home.numbered and street:
        number = re.sub(r"(?<=\d)(?=[a-z])", r"\\s?", home.house)  # "14a" is also written "14 A"
        if home.flat:
            number += rf"(?:\s?{home.flat})?"  # Flat A at 112 is "112a" too
        elif lettered := re.fullmatch(r"(\d+)([a-z])", home.house):
            # ... and 14A is "Flat A, 14" (a record may put its field's label between: "Flat A\naddress_line2:
            # 14"), or "the ground floor flat at 14", the house it is a flat of; "14" alone is another home
            digits, letter = lettered.groups()
            number = (
                rf"(?:{number}|{_A_FLAT}\s*{letter}(?!\w)[\s,]*(?:[a-z_]+\d?:\s*)?(?:{_NO}\s*)?{digits}"
                rf"|{_A_FLAT}\s+(?:at|in|of)\s+(?:{_NO}\s*)?{digits})"
            )
        ours_before = re.compile(rf"(?<!\w)(?:{_NO}\s*)?{number}(?:\s*,\s*|\s+)$")
        # After the street: "(no. 14)", ", no 14", or the number alone in the next table cell.
        ours_after = re.compile(
            rf"\s*,?\s*(?:\(\s*(?:{_NO}\s*)?{number}\s*\)|{_NO}\s*{number}(?!\w))"
            rf"|[ \t]*\n\s*{number}[ \t]*(?=\n|$)"
            # the number after the street, as Lithuanian, Polish and German write it: "Medlar Close 11, Saxmere"
            rf"|[ \t]+{number}(?=[ \t]*(?:,|\n|$))"
        )
    site = on_site = None
    if home.pitch:
        # "Pitch 7" is also "Plot 7", "Bay 7", "Pitch No. 7"; and the post writes the site as a street, "7
        # Furzebank Park" (see _where_the_pitch_is)
        number, name = home.pitch
        house_name = re.compile(rf"{_PITCH_WORDS}\s*(?:{_NO}\s*)?{re.escape(number)}(?!\w)")
        site_name = r"\s+".join(word_pattern(w) for w in name.split())
        site = re.compile(site_name)
        on_site = re.compile(rf"{re.escape(number)}(?<![\w/.,£]{re.escape(number)}),?\s+{site_name}(?!\w)")
    elif home.house_name:
        # a boat is written by its name alone as often as with "NB": "aboard Kestrel", "the narrowboat Kestrel"
        name = _BOAT_PREFIX.sub("", home.house_name) if boat(home) else home.house_name
        house_name = re.compile(r"[\s,]+".join(word_pattern(w) for w in name.lower().split()))
    typeless = None
    if home.numbered and street and len(words := home.street.split()) > 1 and street_type(words[-1]):
        # (not followed by a street type: "46 Hatherden Road" is another street)
        types = alternation(sorted({t for spellings in STREET_TYPES for t in spellings}))
        name = r"\s+".join(_street_word(w) for w in words[:-1])
        typeless = re.compile(  # (tried where a page has "liv": see _address)
            rf"liv(?:es?|ed|ing)\s+(?:at\s+)?(?:{_NO}\s*)?{re.escape(home.house)}\s+"
            rf"{name}(?![\w'])(?!\s+(?:{types})\b)"
        )
    postcode = None
    if len(home.postcode) >= 5:
        outward, inward = home.postcode[:-3].lower(), home.postcode[-3:].lower()
        postcode = re.compile(rf"{re.escape(outward)}\s?{re.escape(inward)}")
    return _Patterns(
        street=re.compile(street) if street else None,
        house_name=house_name,
        postcode=postcode,
        ours_before=ours_before,
        ours_after=ours_after,
        typeless=typeless,
        site=site,
        on_site=on_site,
    )


# A flat in a named block with no street number: "Flat 83, Thurlby House" (parse_home keeps the flat in the house).
_FLAT_IN_BLOCK = re.compile(r"(?:flat|apartment|apt\.?)\s+(\d+[a-z]?)\s+(.+)", re.IGNORECASE)
FLAT_REACH = 60
OURS_BEFORE_CHARS = 40  # "flat a\naddress_line2: 14 " before the street
# Where a page says someone lives in the block (read beside its name, not in it: "Thurlby House" has "house").
_BLOCK_RESIDENCE = re.compile(rf"{_RESIDENCE.pattern}|\b(?:flat|moved\s+in(?:to)?)\b")


@functools.lru_cache(maxsize=DETAILS_CACHED)
def _block(home: _Home) -> tuple[str, str] | None:
    """(the flat's number, the block's name) for a flat in a named block, or None."""
    if home.numbered or home.street:
        return None
    m = _FLAT_IN_BLOCK.fullmatch(home.house)
    return (m.group(1).lower(), m.group(2)) if m else None


# What a block of flats' name ends with, which the people who live there leave out: "143 Kestrel" for Flat 143,
# Kestrel House.
_BLOCK_WORDS = frozenset(
    ["house", "court", "tower", "towers", "point", "heights", "lodge", "mansions", "block"]
)
# How registers and brokers shorten those words: "Flat 31 Jessop Ho", "12 Lyle Ct".
_BLOCK_ABBREVIATIONS = {"house": "ho", "court": "ct", "tower": "twr", "heights": "hts", "mansions": "mans"}


@dataclass(frozen=True)
class _BlockPatterns:
    name: re.Pattern[str]  # the block's name
    ours: re.Pattern[str]  # its flat with our number: "flat 83", "no. 83"
    any_flat: re.Pattern[str]  # any flat with a number
    bare: re.Pattern[str]  # our number alone, right before the name: "143 Kestrel House"
    short: re.Pattern[str] | None  # our number and the name without "House", ending its line: "143 Kestrel"


@functools.lru_cache(maxsize=DETAILS_CACHED)
def _block_patterns(flat: str, block: str) -> _BlockPatterns:
    words = block.lower().split()
    number = re.escape(flat)
    short = None
    if len(words) > 1 and fold(words[-1]) in _BLOCK_WORDS:
        name = r"\s+".join(word_pattern(w) for w in words[:-1])
        short = re.compile(rf"(?<![\w/.,]){number}\s+{name}(?![ \t]*[\w(])")
    spelled = [word_pattern(w) for w in words]
    if len(words) > 1 and (abbreviation := _BLOCK_ABBREVIATIONS.get(fold(words[-1]))):
        spelled[-1] = rf"(?:{spelled[-1]}|{abbreviation}\b\.?)"
    return _BlockPatterns(
        name=re.compile(r"\s+".join(spelled)),
        ours=re.compile(rf"(?:flat|apartment|apt\.?|{_NO})\s*{number}(?!\w)"),
        any_flat=re.compile(r"(?:flat|apartment|apt\.?)\s*\d+[a-z]?(?!\w)"),
        bare=re.compile(rf"(?<![\w/.,]){number}[ \t]*,?[ \t]*$"),
        short=short,
    )


def _block_sightings(
    low: str, home: _Home, full: list[tuple[tuple[int, int], float, bool]], taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """For a flat in a named block: the block's name with our flat's number on its line, either way round
    ("THURLBY HOUSE (flats 49-96) Abdirahman Hassan, Flat 83"), or our flat on a page headed by the block's name
    (its residents' group: "I'm in Flat 83"), are full sightings, added to `full`; the block's name alone
    ("the 14th-floor flat in Thurlby House") is returned, a partial where the page says someone lives there,
    unless another flat's number is on its line ("Halima Ali, Flat 27": a neighbour's home)."""
    block = _block(home)
    if block is None:
        return []
    patterns = _block_patterns(*block)
    name, ours, any_flat = patterns.name, patterns.ours, patterns.any_flat
    alone = []
    for span in _spans(name, low):
        if not _free(span, taken):
            continue  # inside "Flat 83, Thurlby House", found whole
        line_start = max(low.rfind("\n", 0, span[0]) + 1, span[0] - FLAT_REACH)
        line_end = low.find("\n", span[1])
        line_end = min(span[1] + FLAT_REACH, len(low) if line_end == -1 else line_end)
        flat = (
            ours.search(low, span[1], line_end)
            or _last(ours, low, line_start, span[0])
            or patterns.bare.search(low, line_start, span[0])  # "143 Kestrel House"
            or _on_the_line_above(
                ours, low, span[0]
            )  # a record's "line1: Flat 143" then "line2: Kestrel House"
        )
        if flat:
            whole = (min(span[0], flat.start()), max(span[1], flat.end()))
            full.append((whole, FULL_CONFIDENCE, True))
            taken.append(whole)
        elif not any_flat.search(low, line_start, line_end):
            alone.append(span)
    if patterns.short is not None:
        for m in patterns.short.finditer(low):
            if _free(m.span(), taken):
                full.append((m.span(), FULL_CONFIDENCE, True))
                taken.append(m.span())
    if _spans(name, low[:HEADING_CHARS]):
        for flat in ours.finditer(low, HEADING_CHARS):
            if _free(flat.span(), taken):
                full.append((flat.span(), HOUSE_NAME_ALONE_CONFIDENCE, True))
                taken.append(flat.span())
    return alone


# A record's field label at the start of a line: "line2: ", "address_2: ".
_FIELD_LABEL = re.compile(r"[ \t]*(?:[a-z_]+[ \t]?\d?[ \t]*:)?[ \t]*")


def _on_the_line_above(ours: re.Pattern[str], low: str, at: int) -> re.Match[str] | None:
    """Our flat on the line above, when the block's name starts its own line (after a field's label)."""
    line_start = low.rfind("\n", 0, at) + 1
    if line_start == 0 or _FIELD_LABEL.fullmatch(low, line_start, at) is None:
        return None
    above = low.rfind("\n", 0, line_start - 1) + 1
    return ours.search(low, above, line_start - 1)


def _last(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
    found = list(pattern.finditer(text, lo, hi))
    return found[-1] if found else None


def _nearest(span: tuple[int, int], candidates: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The closest candidate within NEARBY_CHARS of span, on either side. `candidates` is in text order."""

    def gap(other: tuple[int, int]) -> int:
        return max(other[0] - span[1], span[0] - other[1], 0)

    lo = bisect.bisect_left(candidates, (span[0] - NEARBY_CHARS - 20, 0))
    hi = bisect.bisect_right(candidates, (span[1] + NEARBY_CHARS, len(candidates)))
    near = [c for c in candidates[lo:hi] if gap(c) <= NEARBY_CHARS]
    return min(near, key=gap) if near else None


def _free(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return not any(span[0] < end and start < span[1] for start, end in taken)


def _another_flat(low: str, at: int, home: _Home) -> bool:
    if not home.unit:
        return False
    if home.unit.startswith("floor:"):  # "FFF 41 Aldous Rd" when theirs is the ground-floor flat
        m = _FLOOR_FLAT_BEFORE.search(low, max(0, at - 40), at)
        return m is not None and _floor(m) != home.unit
    m = _FLAT_BEFORE.search(low, max(0, at - 60), at)
    if m is None:
        return False
    unit = _unit(m.group(1) or m.group(2))
    # ("Flat 2" beside a home written "2/1" may be the same flat written loosely: not told apart)
    return unit != home.unit and ("/" in unit) == ("/" in home.unit)


# A planning declaration's "the application site adjoins her home", "next door to his house".
_ADJOINS = re.compile(
    r"\b(?:adjoin(?:s|ing)?|next\s+door\s+to|neighbour(?:s|ing)?|backs\s+on(?:to)?|opposite)\s+(?:her|his|their)"
    r"\s+(?:own\s+)?(?:home|house|property|garden)\b"
)
ADJOINS_CHARS = 160


def _beside_their_home(low: str, street: tuple[int, int]) -> bool:
    lo, hi = max(0, street[0] - ADJOINS_CHARS), street[1] + ADJOINS_CHARS
    near = low[lo:hi]
    return any(w in near for w in ("home", "house", "property", "garden")) and bool(_ADJOINS.search(near))


def _another_house(text: str, span: tuple[int, int]) -> bool:
    before = text[max(0, span[0] - 16) : span[0]]
    return bool(_NUMBER_BEFORE.search(before) or _NUMBER_AFTER.match(text, span[1], span[1] + 16))


# A house's name just before the street: "Bryn Awel, Heol y Bryn" is the neighbour's, on the person's street.
_NAMED_HOUSE_BEFORE = re.compile(r"(?<![\w'’\-])([A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*){0,2}),[ \t]*$")
# Words that make a house's name the name of somewhere else: "Tŷ Gwyn Farm", "Rose Cottage Tea Room" (unless the
# house's own name has such a word), or of a business named after it: "Lower Brook Farm Shop", "... Limited".
_PLACE_AFTER_NAME = re.compile(
    r"[ \t]+(?:Farm(?:house)?|Cottages?|House|Barn|Lodge|Hall|Mill|Manor|Grange|Stables|Bungalow|Villa|Tea[ \t]+Rooms?"
    r"|Caravan|Holiday|Estate|Nursery|Garage|Surgery|Chapel|Church|Inn|Arms|Hotel|B&B)\b"
)
_BUSINESS_AFTER_NAME = re.compile(
    r"[ \t]+(?:Shop|Stores?|Butchery|Butchers?|Caf[eé]|Deli|Bakery|Dairy|Kitchen|Restaurant|Brewery|Kennels"
    r"|Livery|Campsite|Camping|Produce|Meats|Ltd|Limited|LLP|Partnership)\b"
)


_SITE_AFTER_STREET = re.compile(r"[ \t]+(?:Homes|HOMES|Home[ \t]+Park|HOME[ \t]+PARK|LTD|LIMITED)\b")


def _a_name_after(text: str, end: int) -> bool:
    """Words after a street's name that make it a site's or a business's: "Willowbrook Park Homes" (a park of
    homes, not the home), "Larch Close Stores"."""
    return bool(_SITE_AFTER_STREET.match(text, end) or _BUSINESS_AFTER_NAME.match(text, end))


def _another_named_house(text: str, street: tuple[int, int], home: _Home) -> bool:
    m = _NAMED_HOUSE_BEFORE.search(text, max(0, street[0] - 40), street[0])
    return m is not None and fold(m.group(1).lower()) != fold(home.house.lower()) and not home.numbered


# A home that is a boat: its name after "NB" (narrowboat), "MV", "Narrowboat", "Wide beam" or "Dutch barge".
_BOAT_PREFIX = re.compile(
    r"^(?:nb|n\.b\.?|narrow\s*boat|mv|m\.v\.|wide\s*beam|dutch\s+barge)\s+", re.IGNORECASE
)
_BOAT_CUE = re.compile(
    r"\bn\.?b\b|narrow\s*boat|\bboat|aboard|wide\s*beam|\bmv\b|barge|moored|mooring|\bberth|\bhull|\bcanal|\bmarina"
)


def boat(home: _Home) -> bool:
    return not home.numbered and bool(_BOAT_PREFIX.match(home.house))


MOORING_REACH = 150


def _where_the_boat_lives(
    text: str, low: str, name: tuple[int, int], address: Address, patterns: _Patterns
) -> bool:
    """A boat's name is its home only written as a name (a capital: not "a kestrel over the Wharf"), not the
    start of another boat's ("Kestrel Lady"), beside a word about boats (not the pub, The Kestrel), and with
    where it is moored close by (its moorings, street or postcode): a boat moves, and its name alone says where
    it was one weekend, not where its owner lives."""
    if not text[name[0]].isupper() or _NEXT_CAPITAL.match(text, name[1]):
        return False
    lo, hi = max(0, name[0] - MOORING_REACH), min(len(low), name[1] + MOORING_REACH)
    if not _BOAT_CUE.search(low, max(0, name[0] - 30), min(len(low), name[1] + 30)):
        return False
    places = [_MOORINGS.sub("", fold(p.strip().lower())) for p in address.text.split(",")[1:] if p.strip()]
    return (
        any(p and low.find(p, lo, hi) != -1 for p in places[:2])
        or (patterns.street is not None and patterns.street.search(low, lo, hi) is not None)
        or (patterns.postcode is not None and patterns.postcode.search(low, lo, hi) is not None)
    )


PITCH_REACH = 80


def _where_the_pitch_is(low: str, pitch: tuple[int, int], patterns: _Patterns) -> bool:
    """A pitch's number is the home only beside its site's name, its street or its postcode: every site has a
    Plot 7 ("Plot 7, Tollgate Lane Traveller Site" is somebody else's)."""
    lo, hi = max(0, pitch[0] - PITCH_REACH), min(len(low), pitch[1] + PITCH_REACH)
    return any(
        p is not None and p.search(low, lo, hi) for p in (patterns.site, patterns.street, patterns.postcode)
    )


_NEXT_CAPITAL = re.compile(r"[ \t]+[A-Z][a-z]+")
_MOORINGS = re.compile(r"\s+(?:residential\s+)?(?:moorings?|marina|basin|wharf\s+moorings)$")


_GAP = re.compile(r"[\s,]{1,4}")


def _street_next(low: str, end: int, street: re.Pattern[str] | None) -> bool:
    gap = _GAP.match(low, end)
    return street is not None and gap is not None and street.match(low, gap.end()) is not None


_LINE_POSTCODE = re.compile(
    r"[^\n]{0,50}?(?<![A-Za-z0-9])([A-Z]{1,2}\d[A-Z\d]?)\s?(\d[A-Z]{2})(?![A-Za-z0-9])"
)


def _another_postcode_after(text: str, end: int, ours: str) -> bool:
    """A house's name followed on its line by a postcode that is not the home's: a house of the same name
    elsewhere (common house names, "Bryn Awel", "Rose Cottage", are in every county)."""
    m = _LINE_POSTCODE.match(text, end)
    return m is not None and m.group(1) + m.group(2) != ours


def _a_longer_name(text: str, house: tuple[int, int], home: _Home) -> bool:
    """The house's name at the start of a longer name: somewhere else's, or a business's."""
    if _BUSINESS_AFTER_NAME.match(text, house[1]):
        return True
    return bool(_PLACE_AFTER_NAME.match(text, house[1])) and not _PLACE_AFTER_NAME.search(
        " " + home.house_name
    )


_WORD_OF = re.compile(
    r"([a-z'’\-]+)(,?\s+of\s+|,\s*|\s*\(\s*)$"
)  # "of", a comma, a bracket: "Mr C. Ferrier (Wharf Lane)"


def _of_the_street(low: str, at: int, names: frozenset[str], mention_ends: frozenset[int]) -> bool:
    """ "Jo Marsh of Gorse Hill Road", "Gwen a Dafydd Evans, Ffordd y Môr": the person's own name, then "of"
    the street or the street after a comma, as papers and parish newsletters say where someone lives."""
    m = _WORD_OF.search(low, max(0, at - 30), at)
    if m is None or m.group(1) not in names:
        return False
    # (after a comma, only where the name before it is the person's: "Bríd O'Kane, Drumcreevan Road" is Bríd's)
    return "of" in m.group(2) or m.end(1) in mention_ends


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _name_words(profile: Profile) -> frozenset[str]:
    return frozenset(fold(w.lower()) for n in profile.names for w in n.replace("-", " ").split())


def _spans(pattern: re.Pattern[str] | None, text: str) -> list[tuple[int, int]]:
    """Whole-word matches of a literal-led pattern; the postcode's own edges are letters or digits."""
    if pattern is None:
        return []
    return [m.span() for m in whole_words(pattern, text)]


class AddressDetector(Detector):
    """A full address is a safety red flag; a postcode or street alone is reported as partial, less sure."""

    id: ClassVar[str] = "address"
    least_need: ClassVar[Need] = Need.NAMED

    def detect(self, doc: Document, profile: Profile) -> Iterator[Match]:
        low = doc.lower
        names = _name_words(profile)
        ends = frozenset(end for _, end in mentions(doc, profile))
        matches = [
            m for address in profile.addresses for m in self._address(doc.text, low, address, names, ends)
        ]
        yield from sorted(matches, key=lambda m: (m.start, m.end))

    def _address(
        self, text: str, low: str, address: Address, names: frozenset[str], mention_ends: frozenset[int]
    ) -> list[Match]:
        """Full sightings first (number and street, street and postcode, the house name), then the partials
        that are not part of one."""
        home = parse_home(address)
        patterns = _patterns(home)
        postcodes = _spans(patterns.postcode, low)
        full: list[tuple[tuple[int, int], float, bool]] = []  # span, confidence, ties to the person
        taken: list[tuple[int, int]] = []
        loose_streets: list[tuple[int, int]] = []
        neighbours: list[tuple[int, int]] = []  # the postcode right by "31 Larch Close" is number 31's
        next_door: list[tuple[int, int]] = []  # a neighbour's house the page says is beside theirs
        for street in _spans(patterns.street, low):
            span = self._with_our_number(low, street, patterns)
            if span is not None:
                # Another flat's door in the building ("Flat 11 Kiln Mill, 2 Wharf Street" when hers is Flat 6)
                # still puts a name beside her front door, but says nothing about whose a record is.
                full.append((span, FULL_CONFIDENCE, not _another_flat(low, span[0], home)))
                taken.append(span)
            elif _a_name_after(text, street[1]):
                continue  # "Willowbrook Park Homes", "Larch Close Stores": a site or a business named after it
            elif not _another_house(low, street) and not _another_named_house(text, street, home):
                loose_streets.append(street)
            else:
                if _beside_their_home(low, street):
                    next_door.append(street)  # "25 Tamarisk Crescent ... adjoins her home": her street
                if postcode := _nearest(street, postcodes):
                    neighbours.append(postcode)
        typeless = patterns.typeless
        for at in literal_hits("liv", low) if typeless else ():
            m = typeless.match(low, at) if typeless and starts_word(low, at) else None
            if m is None:
                continue
            number = low.rfind(home.house, m.start(), m.end())  # the sighting starts at the number
            span = (number, m.end())
            if _free(span, taken):
                full.append((span, FULL_CONFIDENCE, True))
                taken.append(span)
        houses = _spans(patterns.house_name, low)
        if boat(home):
            houses = [h for h in houses if _where_the_boat_lives(text, low, h, address, patterns)]
        elif home.pitch:
            houses = [h for h in houses if _where_the_pitch_is(low, h, patterns)]
            houses += _spans(patterns.on_site, low)  # "7 Furzebank Park"
            houses.sort()
        longer = [h for h in houses if _a_longer_name(text, h, home)]  # "Tŷ Gwyn Farm" is not Tŷ Gwyn ...
        businesses = [h for h in houses if _BUSINESS_AFTER_NAME.match(text, h[1])]
        for house in houses:
            postcode = _nearest(house, postcodes)
            if house in longer or (len(longer) > len(businesses) and postcode is None):
                continue  # ... and on a page about Tŷ Gwyn Farm, "the family at Tŷ Gwyn" means the farm (but
                # beside "Lower Brook Farm Shop", a business named after it, "Lower Brook Farm" is still the home)
            if postcode is None and home.postcode and _another_postcode_after(text, house[1], home.postcode):
                continue  # "Bryn Awel, Llangynnen HX4 5TW": another house of that name, somewhere else
            # with its postcode, or its street after it ("Bryn Awel, Ffordd y Môr"), the name is surely this home
            confident = postcode is not None or _street_next(low, house[1], patterns.street)
            full.append((house, FULL_CONFIDENCE if confident else HOUSE_NAME_ALONE_CONFIDENCE, confident))
            taken.append(house)
            if postcode:
                taken.append(postcode)
        for span, _, _ in list(full):
            if postcode := _nearest(span, postcodes):
                taken.append(postcode)  # the postcode beside a full sighting is part of it, not a new pairing
        for street in loose_streets:
            if not _free(street, taken):
                continue
            if postcode := _nearest(
                street, [p for p in postcodes if _free(p, taken) and p not in neighbours]
            ):
                span = (min(street[0], postcode[0]), max(street[1], postcode[1]))
                full.append((span, FULL_CONFIDENCE, True))
                taken.append(span)
        blocks = _block_sightings(low, home, full, taken)
        for span, _, _ in list(full):
            if postcode := _nearest(span, postcodes):
                taken.append(postcode)  # the postcode beside a full sighting is part of it
        if (
            full
        ):  # the page gives the whole address: the postcode or street alone elsewhere on it adds nothing
            taken.extend(postcodes + loose_streets + blocks)
        partial = [(p, POSTCODE_CONFIDENCE, home.postcode, True) for p in postcodes if _free(p, taken)]
        partial += [
            (s, STREET_CONFIDENCE, f"street:{home.street}", False) for s in next_door if _free(s, taken)
        ][:1]
        partial += [
            (s, STREET_CONFIDENCE, f"street:{home.street}", False)
            for s in loose_streets
            if _free(s, taken)
            and (
                _RESIDENCE.search(low, max(0, s[0] - RESIDENCE_WINDOW), s[1] + RESIDENCE_WINDOW)
                or _of_the_street(low, s[0], names, mention_ends)
            )
        ]
        if blocks:
            partial += [
                (b, STREET_CONFIDENCE, f"street:{_block(home)[1].lower()}", False)  # type: ignore[index]
                for b in blocks
                if _free(b, taken)
                and (
                    _BLOCK_RESIDENCE.search(low, max(0, b[0] - RESIDENCE_WINDOW), b[0])
                    or _BLOCK_RESIDENCE.search(low, b[1], b[1] + RESIDENCE_WINDOW)
                )
            ]
        matches = [self._match(text, address, span, conf, home.key, False, ties) for span, conf, ties in full]
        matches += [
            self._match(text, address, span, conf, key, True, ties) for span, conf, key, ties in partial
        ]
        return matches

    @staticmethod
    def _with_our_number(low: str, street: tuple[int, int], patterns: _Patterns) -> tuple[int, int] | None:
        """The street with our house number just before or after it, as one span; None if it has not."""
        if patterns.ours_before is not None:
            window_start = max(0, street[0] - OURS_BEFORE_CHARS)
            if m := patterns.ours_before.search(low, window_start, street[0]):
                return (m.start(), street[1])
        if patterns.ours_after is not None and (
            m := patterns.ours_after.match(low, street[1], street[1] + 24)
        ):
            return (street[0], m.end())
        return None

    def _match(
        self,
        text: str,
        address: Address,
        span: tuple[int, int],
        confidence: float,
        key: str,
        partial: bool,
        ties: bool,
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
            needs=Need.NAMED,
            ties=ties,
        )
