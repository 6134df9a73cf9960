"""Whom a page is about: where it names the person, and whether it ties to them or could be a namesake's.

Most of a person's details are not theirs alone: a street, a postcode, a first name, a school, a date. Those
count only on a page about the person. A page is about them when it is one of their own (or one they gave
footprint), when it names them, or when it carries something only they have (their phone, their email). A
page that names them but carries nothing else of theirs could be a namesake's, so details the profile does not
list (an old number, a previous address) count only on a page that also ties to them: their locality, a
username, their website, or a listed detail.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from footprint.detect.interface import Document
from footprint.detect.text import word_pattern
from footprint.domains import registered_domain
from footprint.model import Match, Need, Profile

TITLES = r"(?:cllr|councillor|coun|mr|mrs|ms|miss|mx|dr|prof)\.?"
Span = tuple[int, int]


@dataclass(frozen=True)
class Subject:
    """How surely a page is about the person, and where it names them."""

    level: Need  # matches whose `needs` is at most this are reported
    mentions: tuple[Span, ...]
    reasons: tuple[str, ...] = ()

    def allows(self, match: Match) -> bool:
        return match.needs <= self.level


def _name_words(name: str) -> str:
    """A name as a pattern: words over any whitespace, a hyphenated part also written with a space."""
    parts = []
    for word in name.split():
        parts.append(r"[\-\s]?".join(word_pattern(piece) for piece in word.split("-")))
    return r"\s+".join(parts)


@dataclass(frozen=True)
class _NamePatterns:
    full: re.Pattern[str] | None  # a listed name, a title or initial with the surname, a username
    surname: re.Pattern[str] | None  # the surname alone, counted only on a page that names them in full
    probes: tuple[str, ...]  # lower-case strings one of which a page must contain to name them at all


@functools.lru_cache(maxsize=32)
def _name_patterns(profile: Profile) -> _NamePatterns:
    names = [n for n in profile.names if n.strip()]
    surnames = profile.surnames
    alternatives = [_name_words(n) for n in sorted(names, key=len, reverse=True)]
    for surname in surnames:
        initials = sorted({n.split()[0][0] for n in names if len(n.split()) > 1})
        given = sorted({n.split()[0] for n in names if len(n.split()) > 1}, key=len, reverse=True)
        first = "|".join([*(word_pattern(g) for g in given), *(rf"{re.escape(i)}\.?" for i in initials)])
        alternatives.append(rf"{TITLES}\s+(?:(?:{first})\s+)?{_name_words(surname)}")
        alternatives.extend(rf"{re.escape(i)}\.\s?{_name_words(surname)}" for i in initials)
    handles = [u for u in profile.usernames if len(u) >= 5]
    alternatives.extend(rf"@?{re.escape(u)}" for u in handles)
    full = re.compile(r"(?<![\w@.])(?:" + "|".join(alternatives) + r")(?!\w)", re.I) if alternatives else None
    surname = None
    if surnames:
        surname = re.compile(r"(?<![\w@.])(?:" + "|".join(_name_words(s) for s in surnames) + r")(?!\w)", re.I)
    probes = {s.split("-")[0].lower() for s in surnames} | {n.split()[0].lower() for n in names}
    probes |= {u.lower() for u in handles}
    return _NamePatterns(full, surname, tuple(sorted(probes)))


@functools.lru_cache(maxsize=16)
def mentions(doc: Document, profile: Profile) -> tuple[Span, ...]:
    """Where the page names the person: in full, by title or initial, by handle; then by surname alone, but
    only if it names them in full somewhere (a bare "Hartley" on its own is anybody)."""
    patterns = _name_patterns(profile)
    if patterns.full is None or not any(p in doc.lower for p in patterns.probes):
        return ()
    full = [m.span() for m in patterns.full.finditer(doc.text)]
    if not full or patterns.surname is None:
        return tuple(full)
    taken = [range(*s) for s in full]
    alone = [
        m.span() for m in patterns.surname.finditer(doc.text) if not any(m.start() in r for r in taken)
    ]
    return tuple(sorted(full + alone))


@functools.lru_cache(maxsize=32)
def _tie_pattern(profile: Profile) -> re.Pattern[str] | None:
    """Words that tie a page to this person rather than a namesake: their places, handles and web domains."""
    words = [*profile.locality, *profile.usernames]
    for site in profile.websites:
        domain = registered_domain(site)
        if domain:
            words.append(domain)
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(_name_words(w) for w in words) + r")(?!\w)", re.I)


def assess(doc: Document, profile: Profile, matches: Iterable[Match]) -> Subject:
    names = mentions(doc, profile)
    matches = list(matches)
    reasons: list[str] = []
    if doc.confirmed:
        return Subject(Need.TIED, names, ("the person's own page, or one they gave footprint",))
    level = Need.NAMED if names else Need.NOTHING
    if names:
        reasons.append("names the person")
    tying = [m for m in matches if m.ties and m.needs <= level]
    if tying:
        reasons.append(f"carries their {tying[0].kind.value.replace('_', ' ')}")
        level = Need.TIED
    elif names and (pattern := _tie_pattern(profile)) is not None and (found := pattern.search(doc.text)):
        reasons.append(f"mentions '{found.group()}'")
        level = Need.TIED
    elif names:
        reasons.append("nothing else ties it to them: it may be about a namesake")
    return Subject(level, names, tuple(reasons))


def near(span: Span, others: Iterable[Span], before: int, after: int) -> Span | None:
    """The closest of `others` that starts at most `after` chars after span ends or ends `before` chars
    before span starts (so "Maggie Oduya ... 07700 900318" looks forward from the name)."""
    best: tuple[int, Span] | None = None
    for other in others:
        if other[0] >= span[1]:
            gap = other[0] - span[1]
            if gap <= after and (best is None or gap < best[0]):
                best = (gap, other)
        elif other[1] <= span[0]:
            gap = span[0] - other[1]
            if gap <= before and (best is None or gap < best[0]):
                best = (gap, other)
        else:
            return other
    return best[1] if best else None
