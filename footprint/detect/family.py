"""Find the profile's family members, and a child's school, named on a page."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from footprint.detect.interface import Detector, Document
from footprint.detect.text import word_pattern
from footprint.model import FamilyMember, Kind, Match, Profile

FULL_NAME_CONFIDENCE = 0.9
NAME_BY_RELATION_CONFIDENCE = 0.6
SCHOOL_CONFIDENCE = 0.9
SCHOOL_CORE_CONFIDENCE = 0.7
RELATION_WINDOW = 40

_RELATION_WORDS = re.compile(
    r"\b(?:husband|wife|partner|spouse|sons?|daughters?|child|children|kids?|twins?|mum|mom|mother|dad|father"
    r"|brothers?|sisters?|step(?:son|daughter)s?|stepchild(?:ren)?)\b",
    re.IGNORECASE,
)
# Words that say what sort of school it is. A page may leave them out ("St Anne's"), but one that names a
# different sort ("Millbrook Secondary" when the child is at Millbrook Primary) is a different school.
_SCHOOL_TYPES = (
    r"primary",
    r"secondary",
    r"academy",
    r"infants?",
    r"juniors?",
    r"nursery",
    r"high",
    r"grammar",
    r"college",
)
# Words that fit any school of that name: the word "school" and its denomination.
_SCHOOL_NEUTRAL = (
    r"schools?",
    r"c\.?\s*of\s*e\.?",
    r"church\s+of\s+england",
    r"c\.?e\.?",
    r"r\.?c\.?",
    r"(?:roman\s+)?catholic",
    r"voluntary\s+(?:aided|controlled)",
)
_SUFFIX_GAP = r"[\s,()&]+"


def _suffix_run(words: tuple[str, ...]) -> str:
    """One or more school-type words, each separated by spaces, commas, brackets or "&"."""
    word = "(?:" + "|".join(words) + r")(?!\w)"
    return rf"(?:{_SUFFIX_GAP}{word})+\)?"


_SUFFIX_TAIL = re.compile(_suffix_run((*_SCHOOL_TYPES, *_SCHOOL_NEUTRAL)) + r"[\s,]*$", re.IGNORECASE)
# After a bare "St Anne's", these words mean a church, street or hospital of the same name, not the school.
_NOT_A_SCHOOL = (
    r"(?!\s+(?:church|chapel|cathedral|parish|hospital|hospice|road|rd|street|lane|avenue|close|way|well"
    r"|court|place|square|gardens|terrace|crescent|drive)\b)"
)


def _words(text: str) -> str:
    return r"\s+".join(word_pattern(w) for w in text.split())


def _whole(pattern: str) -> str:
    return rf"(?<!\w)(?:{pattern})(?!\w)"


def _any_of(texts: set[str]) -> str:
    return "|".join(_words(t) for t in sorted(texts, key=len, reverse=True))


@dataclass(frozen=True)
class _MemberPatterns:
    full: re.Pattern[str] | None
    given: re.Pattern[str]


@functools.lru_cache(maxsize=64)
def _member_patterns(member: FamilyMember) -> _MemberPatterns | None:
    """Full names: the name as given, first + last, each nickname + last. Given names: first and nicknames.

    A one-word name is only a given name: on its own it is too common to report.
    """
    words = member.name.split()
    if not words:
        return None
    givens = {words[0], *(n for n in member.nicknames if n.strip())}
    full = None
    if len(words) > 1:
        fulls = {" ".join(words), *(f"{g} {words[-1]}" for g in givens)}
        full = re.compile(_whole(_any_of(fulls)), re.IGNORECASE)
    return _MemberPatterns(full=full, given=re.compile(_whole(_any_of(givens)), re.IGNORECASE))


def school_core(school: str) -> str:
    """ "St Anne's C of E Primary School" -> "St Anne's": the part of the name that is not the school type."""
    core = _SUFFIX_TAIL.sub("", " " + school.strip()).strip(" ,")
    return core or school.strip()


@functools.lru_cache(maxsize=64)
def _school_patterns(school: str) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The core name followed by school words that fit this school (the full name), and the core on its own.

    A one-word core like "Millbrook" is usually the town too, so alone it would flag every local page.
    """
    core = school_core(school)
    types = tuple(t for t in _SCHOOL_TYPES if re.search(_whole(t), school, re.IGNORECASE))
    suffixes = _suffix_run((*types, *_SCHOOL_NEUTRAL))
    if core == school:
        suffixes = f"(?:{suffixes})?"  # the profile gives no school type, so the bare name is the full name
    full = re.compile(_whole(_words(core) + suffixes), re.IGNORECASE)
    alone = None
    if len(core.split()) >= 2 and core != school:
        # "St Anne's Secondary" is another school when the child is at St Anne's Primary.
        other_types = "|".join(t for t in _SCHOOL_TYPES if t not in types) or "(?!)"
        another_school = rf"(?!{_SUFFIX_GAP}(?:{other_types})(?!\w))"
        alone = re.compile(_whole(_words(core)) + _NOT_A_SCHOOL + another_school, re.IGNORECASE)
    return full, alone


def _beside_relation(text: str, name: tuple[int, int]) -> bool:
    """A relation word close by and in the same block: extract.py puts a blank line between blocks."""
    window_start, window_end = max(0, name[0] - RELATION_WINDOW - 20), name[1] + RELATION_WINDOW + 20
    for relation in _RELATION_WORDS.finditer(text, window_start, window_end):
        gap = max(relation.start() - name[1], name[0] - relation.end())
        first, last = min(name[0], relation.start()), max(name[1], relation.end())
        if gap <= RELATION_WINDOW and "\n\n" not in text[first:last]:
            return True
    return False


def _free(span: tuple[int, int], taken: set[int]) -> bool:
    return taken.isdisjoint(range(*span))


class FamilyDetector(Detector):
    """A first name alone is too common to report; it counts only beside a word like "husband" or "son"."""

    id: ClassVar[str] = "family"

    def detect(self, doc: Document, profile: Profile) -> Iterator[Match]:
        text = doc.text
        matches: list[Match] = []
        for member in profile.family:
            matches.extend(self._member(text, member))
            if member.school.strip():
                matches.extend(self._school(text, member))
        yield from sorted(matches, key=lambda m: (m.start, m.end))

    def _member(self, text: str, member: FamilyMember) -> Iterator[Match]:
        patterns = _member_patterns(member)
        if patterns is None:
            return
        subject = "family: " + " ".join(p for p in (member.relation, member.name) if p)
        key = "family:" + " ".join(member.name.split()).lower()
        taken: set[int] = set()
        for m in patterns.full.finditer(text) if patterns.full else ():
            taken.update(range(*m.span()))
            yield self._match(text, m.span(), Kind.FAMILY_MEMBER, key, FULL_NAME_CONFIDENCE, subject)
        for m in patterns.given.finditer(text):
            if _free(m.span(), taken) and _beside_relation(text, m.span()):
                yield self._match(
                    text, m.span(), Kind.FAMILY_MEMBER, key, NAME_BY_RELATION_CONFIDENCE, subject
                )

    def _school(self, text: str, member: FamilyMember) -> Iterator[Match]:
        full, alone = _school_patterns(" ".join(member.school.split()))
        key = "school:" + " ".join(school_core(member.school).split()).lower()
        subject = f"family: {member.name}'s school"
        taken: set[int] = set()
        for m in full.finditer(text):
            taken.update(range(*m.span()))
            yield self._match(text, m.span(), Kind.CHILD_SCHOOL, key, SCHOOL_CONFIDENCE, subject)
        if alone is None:
            return
        for m in alone.finditer(text):
            if _free(m.span(), taken):
                yield self._match(text, m.span(), Kind.CHILD_SCHOOL, key, SCHOOL_CORE_CONFIDENCE, subject)

    def _match(
        self, text: str, span: tuple[int, int], kind: Kind, key: str, confidence: float, subject: str
    ) -> Match:
        start, end = span
        return Match(
            detector=self.id,
            kind=kind,
            value=text[start:end],
            key=key,
            start=start,
            end=end,
            confidence=confidence,
            known_to_user=True,
            subject=subject,
            public=False,
        )
