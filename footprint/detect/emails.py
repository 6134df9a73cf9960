"""Find the profile's own email addresses on a page, written plainly or as "name [at] domain [dot] org"."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import ClassVar

from footprint.detect.interface import Detector, Document
from footprint.detect.text import DETAILS_CACHED, PROFILES_CACHED
from footprint.model import Email, Kind, Match, Need, Profile

CLEAN_CONFIDENCE = 0.95
DEOBFUSCATED_CONFIDENCE = 0.8

_AT = r"(?:\s?@\s?|\s*[\[({<]\s*at\s*[\])}>]\s*|\s+at\s+)"
_DOT = r"(?:\.|\s*[\[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+)"
_LOCAL_CHARS = frozenset(".!#$%&'*+/=?^`{|}~-_")


def _spell(part: str) -> str:
    return _DOT.join(re.escape(piece) for piece in part.split("."))


@functools.lru_cache(maxsize=DETAILS_CACHED)
def _needles(address: str) -> tuple[str, ...]:
    """The longest plain piece of the address's name and of its domain ("maggie", "example"): every spelling
    of it holds both, and two substring searches rule out most pages far faster than the pattern can."""
    local, _, domain = address.strip().lower().rpartition("@")
    needles = (max(part.split("."), key=len) for part in (local, domain) if part)
    return tuple(sorted(needles, key=len, reverse=True))  # the longer first: it is rarer, and found faster


@functools.lru_cache(maxsize=DETAILS_CACHED)
def _pattern(address: str) -> re.Pattern[str] | None:
    """The exact address, in lower case, with each "@" and "." also allowed in its spelled-out disguises.

    It starts with literal text, so it is fast; the guard after it stops a match inside a longer address
    ("...@example.org.uk"), and `_starts_clean` the one before ("xmaggie@...").
    """
    local, sep, domain = address.strip().lower().rpartition("@")
    if not sep or not local or not domain:
        return None
    return re.compile(rf"{_spell(local)}{_AT}{_spell(domain)}(?![\w\-])(?!{_DOT}[^\W_])")


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _listed(profile: Profile) -> tuple[tuple[Email, re.Pattern[str], tuple[str, ...]], ...]:
    """Each distinct address the profile lists, with its pattern and the pieces a page must hold for it."""
    listed: dict[str, tuple[Email, re.Pattern[str], tuple[str, ...]]] = {}
    for email in profile.emails:
        key = email.address.strip().lower()
        pattern = _pattern(key)
        if pattern is not None and key not in listed:
            listed[key] = (email, pattern, _needles(key))
    return tuple(listed.values())


def _starts_clean(text: str, start: int) -> bool:
    if start > 0 and text[start - 1] in "'`" and not _local_char_at(text, start - 2):
        return True  # quoted, as an SQL dump or a CSV writes it: ,'maggie@example.org',
    return not _local_char_at(text, start - 1)


def _local_char_at(text: str, at: int) -> bool:
    return at >= 0 and (text[at].isalnum() or text[at] in _LOCAL_CHARS)


class EmailDetector(Detector):
    """Reports only addresses listed in the profile, case-insensitively.

    Limits: an address split by more than the usual disguises ("maggie at example dot org" is found, "maggie
    at the example domain" is not), or given as an image, is not found.
    """

    id: ClassVar[str] = "email"

    def detect(self, doc: Document, profile: Profile) -> Iterator[Match]:
        found: list[tuple[int, int, Email]] = []
        for email, pattern, needles in _listed(profile):
            if not all(needle in doc.lower for needle in needles):
                continue
            found.extend(
                (m.start(), m.end(), email)
                for m in pattern.finditer(doc.lower)
                if _starts_clean(doc.text, m.start())
            )
        for start, end, email in sorted(found, key=lambda f: f[0]):
            value = doc.text[start:end]
            key = email.address.strip().lower()
            yield Match(
                detector=self.id,
                kind=Kind.EMAIL,
                value=value,
                key=key,
                start=start,
                end=end,
                confidence=CLEAN_CONFIDENCE if value.lower() == key else DEOBFUSCATED_CONFIDENCE,
                known_to_user=True,
                subject=f"emails: {email.label or email.address}",
                public=email.public,
                needs=Need.NOTHING,
                ties=True,
            )
