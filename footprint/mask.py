"""Share-safe masking: a report for a party officer shows that an item is exposed without repeating it."""

from __future__ import annotations

import re

from footprint.model import Kind

_POSTCODE = re.compile(r"\b([A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2})\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_KEEP_WORDS = frozenset(
    [
        "road",
        "rd",
        "street",
        "st",
        "avenue",
        "ave",
        "close",
        "cl",
        "crescent",
        "cres",
        "gardens",
        "gdns",
        "lane",
        "ln",
        "drive",
        "dr",
        "court",
        "ct",
        "place",
        "pl",
        "square",
        "sq",
        "terrace",
        "terr",
        "way",
        "primary",
        "secondary",
        "school",
        "academy",
        "infant",
        "junior",
        "college",
        "nursery",
        "saint",
        "of",
        "the",
        "and",
    ]
)


def _mask_word(word: str) -> str:
    if word.lower().rstrip(".") in _KEEP_WORDS or len(word) <= 1:
        return word
    return word[0] + "*" * (len(word) - 1)


def mask_words(text: str) -> str:
    """'14 Larch Close' -> '14 L**** Close': the shape stays, the name goes."""
    return _WORD.sub(lambda m: _mask_word(m.group(0)), text)


def mask_digits(text: str, keep_end: int = 2) -> str:
    digits = [i for i, c in enumerate(text) if c.isdigit()]
    hide = set(digits[2 : max(2, len(digits) - keep_end)])
    return "".join("*" if i in hide else c for i, c in enumerate(text))


def mask_email(text: str) -> str:
    local, sep, domain = text.partition("@")
    if not sep:
        return mask_words(text)
    host, dot, tld = domain.rpartition(".")
    return f"{local[:1]}{'*' * max(1, len(local) - 1)}@{host[:1]}{'*' * max(1, len(host) - 1)}{dot}{tld}"


def mask_value(kind: Kind, value: str) -> str:
    if kind is Kind.PHONE:
        return mask_digits(value)
    if kind is Kind.EMAIL:
        return mask_email(value)
    if kind is Kind.DATE_OF_BIRTH:
        return re.sub(r"\d", "*", value)
    if kind is Kind.HOME_ADDRESS:
        pieces = _POSTCODE.split(value)
        # split() with one group alternates text, postcode, text ...: keep the outward code's area letters only
        return "".join(
            mask_words(piece) if i % 2 == 0 else re.sub(r"[A-Za-z0-9]", "*", piece).replace("*", piece[0], 1)
            for i, piece in enumerate(pieces)
        )
    return mask_words(value)
