"""The detector seam: a detector reads one document's text and yields matches against the profile."""

from __future__ import annotations

import datetime as dt
import functools
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar

from footprint.detect.text import lower_fold_and_outside
from footprint.model import Match, Need, Profile

# Decimal digits of the scripts UK pages use besides Latin (Arabic, Persian and Urdu, Devanagari, Bengali, Gurmukhi,
# Gujarati, Tamil) and full-width ones, as ASCII digits.
_ZEROS = (0x660, 0x6F0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xBE6, 0xFF10)
_DIGITS = {zero + n: str(n) for zero in _ZEROS for n in range(10)}
_DIGIT_CHARS = frozenset(chr(code) for code in _DIGITS)


@dataclass(frozen=True)
class Document:
    """Text extracted from one fetched page. `text` joins visible text, meta tags and embedded JSON strings."""

    url: str
    text: str
    title: str = ""
    published: dt.date | None = None  # the page's own date (a post's timestamp), when it gives one
    confirmed: bool = False  # the person's own page, or one they gave footprint: it is about them
    links: tuple[str, ...] = ()  # absolute URLs the page links to (for attribution and following links)
    link_texts: tuple[str, ...] = ()  # the text of each of those links, in the same order
    problem: str = ""  # why the page could not be read in full (a broken PDF), for the probe's notes

    def __hash__(self) -> int:
        """From the URL and the text only (equal documents have both equal; a page's links alone can be
        hundreds of strings), and computed once: the detectors share their work on a page through caches
        keyed by it, so it is hashed a dozen times a page."""
        cached: int | None = self.__dict__.get("_hash")
        if cached is None:
            cached = hash((self.url, self.text))
            object.__setattr__(self, "_hash", cached)
        return cached

    @functools.cached_property
    def digits(self) -> str:
        """The text with digits of other scripts as ASCII ones ("०७७०० ९००७३१" as "07700 900731", Devanagari), one
        character for one, so offsets are the text's: what the phone detectors read."""
        if self.text.isascii() or _DIGIT_CHARS.isdisjoint(self.outside_ascii):
            return self.text  # (most pages: no dictionary look-up a character)
        return self.text.translate(_DIGITS)

    @functools.cached_property
    def lower(self) -> str:
        """The text in lower case, typographic apostrophes as "'" and accented letters without their accents
        (same length and offsets for the scripts pages use: see text.fold), computed once and then read as a
        plain attribute (the detectors ask for it dozens of times a page)."""
        return self._folded[0]

    @functools.cached_property
    def outside_ascii(self) -> frozenset[str]:
        """The few characters outside ASCII the text uses ("’", "£", "é"), found with `lower`."""
        return self._folded[1]

    @functools.cached_property
    def _folded(self) -> tuple[str, frozenset[str]]:
        return lower_fold_and_outside(self.text)


class Detector(ABC):
    """One kind of exposure. `id` is permanent: it is stored with every finding."""

    id: ClassVar[str]
    # The least any of this detector's matches needs (see Need): one that needs a page naming the person is
    # not run on a page that cannot be about them, since everything it found would be dropped.
    least_need: ClassVar[Need] = Need.NOTHING

    @abstractmethod
    def detect(self, doc: Document, profile: Profile) -> Iterator[Match]:
        """Every place in doc.text where this detector sees the profile's data (public or not)."""

    def detect_after(self, doc: Document, profile: Profile, earlier: Sequence[Match]) -> Iterator[Match]:
        """Like detect, for a detector that also reads what the detectors before it found (registry order)."""
        return self.detect(doc, profile)

    def detect_many(self, docs: Iterable[Document], profile: Profile) -> Iterator[tuple[Document, Match]]:
        for doc in docs:
            for match in self.detect(doc, profile):
                yield doc, match
