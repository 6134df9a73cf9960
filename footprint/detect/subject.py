"""Whom a page is about: where it names the person, and whether it ties to them or could be a namesake's.

Most of a person's details are not theirs alone: a street, a postcode, a first name, a school, a date. Those
count only on a page about the person. A page is about them when it is one of their own (or one they gave
footprint), when it names them, or when it carries something only they have (their phone, their email). A
page that names them but carries nothing else of theirs could be a namesake's, so details the profile does not
list (an old number, a previous address) count only on a page that also ties to them: their locality, a
username, their website, or a listed detail.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from footprint.detect.inflect import (
    WELSH_SOFT_TRIGGERS,
    cyrillic,
    cyrillic_forms,
    polish,
    polish_forms,
    soft_mutation,
    spellings,
)
from footprint.detect.interface import Document
from footprint.detect.text import (
    DETAILS_CACHED,
    HANGUL_AFTER,
    PROFILES_CACHED,
    alternation,
    ends_word,
    fold,
    hangul_name,
    literal_hits,
    lower_words,
    starts_word,
    whole_words,
    word_pattern,
)
from footprint.domains import registered_domain
from footprint.model import GENERATIONS, Kind, Match, Need, Profile, generation, split_name

# (and the clergy's: "Canon Wrenshaw", "the Revd Hilary Wrenshaw", "Rabbi Feldman")
TITLE_WORDS = (
    "cllr",
    "councillor",
    "coun",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "revd",
    "rev",
    "reverend",
    "canon",
    "rabbi",
    "imam",
    "pastor",
    # Ukrainian, in the cases a sentence gives them: Mr, Mrs, councillor ("пана Голліса", "депутату Голлісу")
    *("пан", "пана", "пану", "паном", "пане", "пані"),
    *("депутат", "депутата", "депутату", "депутатові", "депутатом", "депутатка", "депутатки", "депутатці"),
)
Span = tuple[int, int]


@dataclass(frozen=True)
class Subject:
    """How surely a page is about the person, and where it names them."""

    level: Need  # matches whose `needs` is at most this are reported
    mentions: tuple[Span, ...]
    reasons: tuple[str, ...] = ()
    # Stretches of a page that follow a mention of the name with nothing tying them to the person, on a page
    # where other mentions do tie: a results list or a search page with namesakes among them.
    untied: tuple[Span, ...] = ()

    def allows(self, match: Match) -> bool:
        if match.needs > self.level:
            return False
        return not (match.needs is Need.TIED and any(s <= match.start < e for s, e in self.untied))


def _name_words(name: str) -> str:
    """A name as a pattern: words over any whitespace, a hyphenated part also written with a space."""
    parts = []
    for word in name.split():
        parts.append(r"[\-\s]?".join(word_pattern(piece) for piece in word.split("-")))
    return r"\s+".join(parts)


@dataclass(frozen=True, eq=False)  # one per profile (see _name_patterns); a cache key by identity, not hashed
class _NamePatterns:
    """How to recognise the person's name around each place a page has their surname (found with str.find,
    the fastest search there is), rather than by running one slow alternation over the whole page."""

    surnames: tuple[str, ...]  # lower case, also with a hyphen written as a space
    givens: tuple[tuple[str, ...], ...]  # given names as word tuples: ("margaret",), ("maggie",)
    initials: frozenset[str]  # "m"
    after: re.Pattern[str]  # a given name just after it: "Hartley, Tom"
    handles: tuple[str, ...]  # lower-case usernames long enough to be theirs alone
    probes: tuple[str, ...]  # lower-case strings one of which a page must contain to name them at all
    ballot: tuple[tuple[str, str], ...] = ()  # (SURNAME, Given) as a ballot paper prints them
    middles: frozenset[str] = frozenset()  # middle names the profile gives ("ellis" for "David Ellis Jones")
    born: int | None = None  # the year of birth the profile gives
    # Given names as a Welsh word before them mutates them ("i Wen Evans" for Gwen Evans): a mention only after
    # such a word (see inflect.WELSH_SOFT_TRIGGERS)
    mutated: tuple[tuple[str, ...], ...] = ()
    titles: frozenset[str] = frozenset()  # the titles they go by (empty: any); "mrs", "ms" and "miss" are one
    # Generations after the name that are somebody else's: "sr" when they are Winston Lindo Jr, or when their
    # father of the same name is listed as Winston Lindo Sr (see generation_after)
    other_generations: frozenset[str] = frozenset()
    kunyas: frozenset[str] = frozenset()  # surnames only a kunya gives ("omar" of "Abu Omar"): never alone
    # Their names as the profile also lists them surname first ("kovacs aniko"): a page that writes one writes
    # names that way, so "Szabó Lászlóné" there is another Szabó (see surname_first_names)
    surname_first: tuple[str, ...] = ()
    # Their names as Hangul writes them, in one word with no space to find a surname by ("김민정"), with what
    # Korean glues on after a name ("김민정씨", "김민정의"): each a mention in full.
    unspaced: re.Pattern[str] | None = None


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _name_patterns(profile: Profile) -> _NamePatterns:
    # (a title the profile writes into a name, "Dr Ada Reid", is not a given or a middle name)
    names = [n for n in (untitled(n) for n in profile.names) if len(n.split()) > 1]
    surnames = {fold(s.lower()) for s in profile.surnames}
    surnames |= {s.replace("-", " ") for s in surnames if "-" in s}
    givens = {fold(split_name(n)[0].lower()) for n in names}
    givens |= {fold(n.split()[0].lower()) for n in names}
    # The spellings English gives a name: "Shahana Choudhury" for Chowdhury, "Md. Abdul Karim"
    surnames |= {v for s in list(surnames) if " " not in s for v in spellings(s)}
    givens |= {" ".join([v, *g.split()[1:]]) for g in list(givens) for v in spellings(g.split()[0])}
    for name in names:  # two surnames, as Spanish gives them, hyphenated: "Cllr Sanchez-Olivares"
        words = [fold(w.lower()) for w in name.split()]
        if len(words) >= 3 and words[-1] in surnames and words[-2] in surnames:
            surnames.add(f"{words[-2]}-{words[-1]}")
    for name in names:  # a Polish sentence declines both: "z Katarzyną Wiśniewską", "pani Kasi Wiśniewskiej"
        if polish(name):
            given, surname = split_name(name)
            if len(surname.split()) == 1:
                surnames |= set(polish_forms(surname))
            first, *rest = given.split()
            givens |= {" ".join([form, *(fold(w.lower()) for w in rest)]) for form in polish_forms(first)}
        elif cyrillic(name):  # ... and so does a Ukrainian or Russian one: "нашому дорогому Пітеру Голлісу"
            given, surname = split_name(name)
            if len(surname.split()) == 1:
                surnames |= set(cyrillic_forms(surname))
            first, *rest = given.split()
            givens |= {" ".join([form, *(w.lower() for w in rest)]) for form in cyrillic_forms(first)}
    # A kunya, "Abu Omar" (father of Omar), names the person only whole: "Omar" alone is his son, and the
    # Arabic "عمر" also the word for age
    kunyas = {fold(split_name(n)[1].lower()) for n in names if _a_kunya(n)}
    kunyas -= {fold(split_name(n)[1].lower()) for n in names if not _a_kunya(n)}
    initials = sorted({n.split()[0][0].lower() for n in names if not _a_kunya(n)})
    given = "|".join(lower_words(g) for g in sorted(givens, key=len, reverse=True))
    # "Hartley, Tom"; a list's "Wiśniewska (z d. Dąbrowska);Katarzyna" (surname, maiden name, given name)
    after = re.compile(
        # (not over a blank line: "Chowdhury" ending one record, "Shahana Begum" heading the next)
        rf"(?:\s*\([^()\n]{{1,40}}\))?(?:\s*[,;\u2013\u2014]\s*|\s+-\s+|[ \t]*\n?[ \t]*)(?:{given})(?!\w)"
        if givens
        else r"(?!)"
    )
    handles = tuple(sorted({u.lower() for u in profile.usernames if len(u) >= 5}))
    unspaced = sorted({n.strip() for n in profile.names if hangul_name(n)}, key=len, reverse=True)
    # The surname's longest word must be on the page ("rhys" for "ap rhys": "ap" is in half the pages there are).
    probes = {max(s.replace("-", " ").split(), key=len) for s in surnames} | set(handles) | set(unspaced)
    # A probe that holds another ("maggieoduya" holds "oduya") finds nothing the shorter one does not.
    probes = {p for p in probes if not any(q != p and q in p for q in probes)}
    givens_tuples = {tuple(g.split()) for g in givens}
    return _NamePatterns(
        surname_first=surname_first_names(profile),
        surnames=tuple(sorted(surnames, key=len, reverse=True)),
        givens=tuple(sorted(tuple(g.split()) for g in givens)),
        initials=frozenset(initials),
        after=after,
        handles=handles,
        probes=tuple(sorted(probes)),
        ballot=tuple(
            (fold(surname.upper()), name.split()[0])
            for name in profile.names
            if len(name.split()) > 1 and len(surname := split_name(name)[1]) >= 3
        ),
        middles=frozenset(
            fold(word.lower().rstrip("."))
            for name in names
            for word in split_name(name)[0].split()[1:]
            if len(word.rstrip(".")) > 1
        ),
        born=profile.date_of_birth.year if profile.date_of_birth else None,
        mutated=tuple(
            sorted(
                {(m, *g.split()[1:]) for g in givens if (m := soft_mutation(g.split()[0]))}
                - set(givens_tuples)
            )
        ),
        titles=frozenset(_TITLE_KIND.get(t, t) for t in profile.titles),
        other_generations=_other_generations(profile),
        kunyas=frozenset(kunyas),
        unspaced=re.compile(f"({'|'.join(unspaced)}){HANGUL_AFTER}") if unspaced else None,
    )


# What a kunya starts with: father of, mother of ("Abu Omar", "Umm Omar", "أبو عمر").
KUNYA_WORDS = ("abu", "abou", "abo", "umm", "um", "أبو", "ابو", "أم", "ام")


def _a_kunya(name: str) -> bool:
    words = name.split()
    return len(words) == 2 and fold(words[0].lower()) in KUNYA_WORDS


def name_key(name: str) -> str:
    """A name without titles or generation, folded: "Cllr Winston Lindo Jr" and "Winston Lindo Sr" are one."""
    return " ".join(fold(w.lower()) for w in split_name(untitled(name)))


@functools.lru_cache(maxsize=PROFILES_CACHED)
def own_name_keys(profile: Profile) -> frozenset[str]:
    return frozenset(name_key(n) for n in profile.names)


def their_initials(profile: Profile) -> frozenset[str]:
    """The first letters of the person's given names ("s" for Shahana Chowdhury)."""
    return _name_patterns(profile).initials


def _other_generations(profile: Profile) -> frozenset[str]:
    theirs = {g for n in profile.names if (g := generation(n))}
    others = set(GENERATIONS.values()) - theirs if theirs else set()
    for member in profile.family:
        if (g := generation(member.name)) and name_key(member.name) in own_name_keys(profile):
            others.add(g)  # a relative of their own name
    return frozenset(others - theirs)


_GENERATION_AFTER = re.compile(r",?[ \t]{1,2}(jr|jnr|junior|sr|snr|senior|ii|iii|iv)(?![\w'’])\.?")
# "Winston Lindo, senior youth worker", "Ms Marsh, junior doctor": a rank, not a generation.
_RANK_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:doctor|officer|worker|partner|manager|minister|lecturer|associate|pastor|leader|coach"
    r"|nurse|engineer|analyst|consultant|editor|reporter|member|school|section|staff|team|clerk|planner|solicitor"
    r"|counsel|advis[eo]r|executive|director|buyer|designer|developer|technician|assistant|fellow|vice|high"
    r"|common|room|class|league|squad|champion)s?\b"
)


def generation_after(low: str, end: int) -> str:
    """The generation written right after a name ending at `end` ("jr" for "Winston Lindo Jnr."), or ""."""
    m = _GENERATION_AFTER.match(low, end)
    if m is None:
        return ""
    word = m.group(1)
    if word in ("senior", "junior") and (m.group().startswith(",") or _RANK_AFTER.match(low, m.end())):
        return ""
    return GENERATIONS[word]


def untitled(name: str) -> str:
    """A name without the titles a profile may write into it: "Dr Ada Reid" -> "Ada Reid"."""
    words = name.split()
    while len(words) > 2 and words[0].lower().rstrip(".") in TITLE_WORDS:
        words = words[1:]
    return " ".join(words)


_AND = frozenset(["and", "&", "a", "ac", "i", "oraz"])  # and: English, Welsh, Polish
_ANOTHER = frozenset(["another", "different", "other"])  # "another David Jones", "the other David Jones"
SOMEONE_ELSE = -1  # _name_start: the name with a middle name or initial the person does not have


def _a_word(word: str) -> bool:
    """Letters only, the vowel signs of Gujarati and Tamil among them ("નવીનચંદ્ર": str.isalpha says no)."""
    return word.isalpha() or (
        bool(word)
        and not word.isascii()
        and all(c.isalpha() or unicodedata.category(c) in ("Mn", "Mc") for c in word)
    )


def _their_middle(middle: str, middles: frozenset[str]) -> bool:
    """A middle name or initial that fits the person's, or any when the profile gives none."""
    return not middles or any(m == middle or (len(middle) == 1 and m.startswith(middle)) for m in middles)


class _Tokens:
    """The start offset of each of the words str.split() found in low[lo:at], worked out only for the word
    asked for (a mention's start is one of the last few)."""

    __slots__ = ("low", "lo", "at", "raw")

    def __init__(self, low: str, lo: int, at: int, raw: list[str]) -> None:
        self.low, self.lo, self.at, self.raw = low, lo, at, raw

    def __getitem__(self, index: int) -> tuple[int, str]:
        pos = self.at
        for word in reversed(self.raw[index:]):
            pos = self.low.rfind(word, self.lo, pos)
        return pos, self.raw[index]


_TITLE_WORDS = frozenset(TITLE_WORDS)
# What each title says, for telling a profile's titles from another person's: a woman may be written "Mrs", "Ms" or
# "Miss" whichever she uses; "Councillor" is "Cllr".
_TITLE_KIND = {
    "mrs": "mrs/ms/miss",
    "ms": "mrs/ms/miss",
    "miss": "mrs/ms/miss",
    "councillor": "cllr",
    "coun": "cllr",
    "rev": "revd",
    "reverend": "revd",
    **{form: "mr" for form in ("пан", "пана", "пану", "паном", "пане")},
    "пані": "mrs/ms/miss",
    **{form: "cllr" for form in TITLE_WORDS if form.startswith("депутат")},
}


_HONORIFICS = frozenset(["mr", "mrs/ms/miss", "mx"])


def _their_title(title: str, titles: frozenset[str]) -> bool:
    """Whether a title before the surname can be the person's. Only an honorific tells people apart ("Mr J
    Marsh" is not Ms Jo Marsh), and only when the profile gives theirs; a role ("Cllr", "Dr") is anyone's."""
    kind = _TITLE_KIND.get(title, title)
    return kind not in _HONORIFICS or not (titles & _HONORIFICS) or kind in titles


_TITLE_PREFIXES = ("cllr ", "cllr. ", "councillor ", "coun ", "coun. ")
_MIX_UP = frozenset(["confused", "confuse", "confusing", "mix", "mixed", "mixing", "muddle", "muddled"])


def _mixed_up(words: list[str]) -> bool:
    """ "not to be confused with Ruth Price", "don't mix her up with Ruth Price": somebody else."""
    return bool(words) and words[-1] == "with" and any(w in _MIX_UP for w in words[-4:-1])


# What Tagalog calls anyone older, before the given name: "Punong-abala: Ate Tintin Reyes" (host: Ate Tintin Reyes).
_RESPECT_WORDS = frozenset({"ate", "kuya", "tita", "tito", "manang", "manong"})


def _another_first_name(word: str, patterns: _NamePatterns) -> bool:
    """A word before the given name, at the start of a record's field, that makes the name a longer one."""
    return (
        word.isalpha()
        and len(word) > 1
        and word not in _TITLE_WORDS
        and word not in _RESPECT_WORDS
        and word not in _NOT_A_NAME
        and word not in patterns.middles
        and not any(word in given for given in patterns.givens)
    )


def _an_initial(word: str) -> bool:
    return len(word.rstrip(".")) == 1 and word[0].isalpha()


def _name_start(low: str, at: int, patterns: _NamePatterns) -> int | None:
    """Where a full mention ending in the surname at `at` starts: a given name ("maggie oduya"), an initial
    ("m. oduya"), a title ("cllr oduya", "cllr maggie oduya"); None if the surname stands alone. Read word
    by word from the 48 characters before it: far cheaper than a regex tried at each of those positions."""
    lo = max(0, at - 48)
    if at == 0 or not (low[at - 1].isspace() or low[at - 1] == "."):
        return None
    before = low[lo:at]
    raw = before.split()
    if lo > 0 and raw and not before[0].isspace() and not low[lo - 1].isspace():
        raw = raw[1:]  # cut off by the window's edge
    tokens = _Tokens(low, lo, at, raw)
    words = [w.strip("\"'\u201c\u201d\u2018\u2019([{") for w in raw]  # "Margaret Oduya" in quotes
    start = None
    first = None  # the word the mention starts at: the earliest any given name allows
    for given in patterns.givens:
        size = len(given)
        if tuple(words[-size:]) == given:
            at_word = len(words) - size
        elif len(words) > size and tuple(words[-size - 1 : -1]) == given and _a_word(words[-1].rstrip(".")):
            at_word = len(words) - size - 1  # a middle name or initial between: "Nadia Ewa KOWALCZYK-BRENNAN"
            if not _their_middle(words[-1].rstrip("."), patterns.middles):
                if any(tuple(words[-len(g) :]) == g for g in patterns.givens):
                    # (unless a given name of theirs is right before the surname too: "ሰናይት ተስፋይ\n\nSenait
                    # Tesfai", her name in two scripts, is not "Senait Tesfay" with a middle name "Senait")
                    continue
                return SOMEONE_ELSE  # "David P Jones" when he is David Ellis Jones
        else:
            continue
        # 'Margaret "Maggie" Oduya' starts at Margaret, whichever given name is tried first.
        if first is None or at_word < first:
            first = at_word
    if (  # a couple sharing the surname, the person first: "Gwen and Dafydd Evans", "Gwen a Dafydd Evans"
        first is None
        and len(words) >= 3
        and words[-2] in _AND
        and words[-1][:1].isalpha()
        and any(len(given) == 1 and words[-3] == given[0] for given in patterns.givens)
    ):
        first = len(words) - 3
    elif (  # ... and with the other's title: "Cllr Yossi and Mrs Devorah Feldman"
        first is None
        and len(words) >= 4
        and words[-3] in _AND
        and words[-2].rstrip(".") in _TITLE_WORDS
        and words[-1][:1].isalpha()
        and any(len(given) == 1 and words[-4] == given[0] for given in patterns.givens)
    ):
        first = len(words) - 4
    if first is None:
        for given in patterns.mutated:  # "i Wen Evans": only after the word that mutates it
            size = len(given)
            if (
                tuple(words[-size:]) == given
                and len(words) > size
                and words[-size - 1] in WELSH_SOFT_TRIGGERS
            ):
                first = len(words) - size
    if first is not None:
        if first >= 2 and words[first - 2].endswith(":") and _another_first_name(words[first - 1], patterns):
            return SOMEONE_ELSE  # a record's "donor_name: Mohamed Abdi Hassan" when he is Abdi Hassan
        start = tokens[first][0]
        words = words[:first]
    elif words and _an_initial(words[-1]):
        # Initials before the surname: the first must be one of theirs and any after it a middle name's ("Cllr
        # A. H. Ali" for Abdirahman Hassan Ali); "Mr I. Hassan" is somebody else.
        count = 1
        while count < len(words) and _an_initial(words[-count - 1]):
            count += 1
        initials = [w.rstrip(".") for w in words[-count:]]
        if initials[0] not in patterns.initials or not all(
            _their_middle(i, patterns.middles) for i in initials[1:]
        ):
            return SOMEONE_ELSE
        start = tokens[-count][0]
        words = words[:-count]
    elif (
        len(words) >= 2 and words[-2].rstrip(".") in _TITLE_WORDS and _another_first_name(words[-1], patterns)
    ):
        return SOMEONE_ELSE  # "Cllr Femi Ogunleye" when she is Cllr Folakemi Adeyemi, née Ogunleye
    if words and words[-1].rstrip(".") in _TITLE_WORDS:
        if not _their_title(words[-1].rstrip("."), patterns.titles):
            return SOMEONE_ELSE  # "Mr J Marsh" when she goes by Ms
        start = tokens[len(words) - 1][0]
    if start is not None and start > 0 and (low[start - 1] in "@." or low[start - 1].isalnum()):
        return None
    if (
        start is not None
        and words
        and (words[-1] in _ANOTHER or words[-2:] == ["not", "the"] or _mixed_up(words))
    ):
        return SOMEONE_ELSE  # "there's another David Jones in Hollingbrook", "not the David Jones on Ashcombe Road"
    return start


# Headings under which people-search and social sites list other people who share the name.
_NAMESAKE_HEADING = re.compile(
    r"other\s+people\s+(?:named|called|with\s+(?:the\s+same|this|that)\s+name)|more\s+people\s+named"
    r"|people\s+(?:also\s+(?:viewed|searched)|you\s+may\s+know)|similar\s+(?:profiles|people|names)"
    r"|did\s+you\s+mean|not\s+the\s+(?:right\s+)?(?:person|one)\s+you"
)  # for lower-case text: it starts with plain words, so `re` skips through the page quickly
_NAMESAKE_CUES = ("similar", "did you mean", "not the")  # where such a heading can start
# ... or around "people": "other people", "more people", "people also", "people you" (one search, not four)
_BEFORE_PEOPLE = ("other ", "more ")
_AFTER_PEOPLE = ("people also", "people you")
NAMESAKE_REACH = 400


def _heading_starts(low: str) -> list[int]:
    """Where a namesake heading may start on the page, in order: four searches of it."""
    starts = [at for cue in _NAMESAKE_CUES for at in literal_hits(cue, low)]
    for at in literal_hits("people", low):
        starts += [at - len(w) for w in _BEFORE_PEOPLE if at >= len(w) and low.startswith(w, at - len(w))]
        if low.startswith(_AFTER_PEOPLE, at):
            starts.append(at)
    return sorted(starts)


@functools.lru_cache(maxsize=DETAILS_CACHED)
def _given_pattern(given: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(given)}(?!\w)")


def _ballot_mentions(doc: Document, profile: Profile, theirs: bool = True) -> list[Span]:
    """A surname in capitals with the first name soon after, as statements of persons nominated print them,
    often in columns with the address between: "HARTLEY   Flat 3, 27 Wellington Road ...  Tom". With
    theirs=False, the entries whose middle name is not the person's ("JONES  David Peter")."""
    found = []
    text = doc.text
    patterns = _name_patterns(profile)
    hits: dict[str, list[int]] = {}  # one search per surname, however many given names go with it
    for upper, given in patterns.ballot:
        if "'" in upper:
            text = fold(doc.text)  # "O’KEEFFE" as "O'KEEFFE" (same offsets)
        if upper not in hits:
            hits[upper] = list(literal_hits(upper, text))
        for at in hits[upper]:
            end = at + len(upper)
            if not (starts_word(text, at) and ends_word(text, end)):
                continue
            if m := _given_pattern(given).search(text, end, end + 120):
                middle = _NEXT_NAME.match(text, m.end())
                own = not middle or _their_middle(fold(middle.group(1).lower()), patterns.middles)
                low = doc.lower
                if own and _not_their_age(low, m.end(), patterns.born):
                    own = False  # a death notice's "EVANS – Gwenllian (Gwen), ... aged 91" when she is 55
                if own == theirs and (at, end) not in found:
                    found.append((at, end))
    return found


_NEXT_NAME = re.compile(r" ([A-Z][a-z]+)\b")  # one space: a wider gap is the next column (a party)
# The surname, then another given name in the next column of a list: "Marsh,Joseph" is another Marsh's row.
_ANOTHER_GIVEN_AFTER = re.compile(r"[\"']?\s*[,;]\s*[\"']?[A-Z][a-z]+")


@functools.lru_cache(maxsize=16)
def _may_name(doc: Document, patterns: _NamePatterns) -> bool:
    """Whether the page has any of the strings it must have to name the person (most pages have none)."""
    return any(p in doc.lower for p in patterns.probes)


@functools.lru_cache(maxsize=16)
def mentions(doc: Document, profile: Profile) -> tuple[Span, ...]:
    """Where the page names the person: in full, by title or initial, by handle; then by surname alone, but
    only if it names them in full somewhere (a bare "Hartley" on its own is anybody). Namesakes listed under
    an "other people named ..." heading are left out (see `namesakes`)."""
    patterns = _name_patterns(profile)
    if not _may_name(doc, patterns):
        return ()
    spans = _all_mentions(doc, profile, patterns)
    others = set(namesakes(doc, profile))
    if relatives := _relatives_by_initial(profile):
        others |= {s for s in spans if _a_relative_by_initial(doc.lower, s, relatives)}
    if patterns.kunyas:
        others |= {s for s in spans if _someone_elses_kunya(doc.text, s, spans)}
    return tuple(s for s in spans if s not in others)


# Another man's full name, then the kunya in brackets: "Br. Tariq Mansour (Abu Omar)" (many fathers have an Omar).
_NAME_THEN_BRACKET = re.compile(r"[A-Z][\w'\-]+[ \t]+[A-Z][\w'\-]+[ \t]*[(\"\u201c]\s*$")


def _someone_elses_kunya(text: str, span: Span, spans: tuple[Span, ...]) -> bool:
    written = text[span[0] : span[1]]
    name = written.lstrip('("\u201c')  # (a mention may start at its bracket)
    if not _a_kunya(name):
        return False
    at = span[0] + len(written) - len(name)
    m = _NAME_THEN_BRACKET.search(text, max(0, at - 60), at)
    return m is not None and not any(
        m.start() < end <= m.end() for _, end in spans
    )  # (not after his own name)


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _relatives_by_initial(profile: Profile) -> tuple[tuple[str, str, str], ...]:
    """(initial, surname, full name) of each listed relative whose initial and surname are also the person's:
    "M. Joyce" may be Martin Joyce as well as Mairead Joyce."""
    patterns = _name_patterns(profile)
    found = []
    for member in profile.family:
        words = [fold(w.lower()) for w in untitled(member.name).split()]
        if len(words) > 1 and words[0][0] in patterns.initials and words[-1] in patterns.surnames:
            found.append((words[0][0], words[-1], " ".join(words)))
    return tuple(found)


RELATIVE_BEFORE_CHARS = 300


def _a_relative_by_initial(low: str, span: Span, relatives: tuple[tuple[str, str, str], ...]) -> bool:
    """An initial and the surname ("M. Joyce Scrap & Clearance") soon after a listed relative with that initial
    named in full ("Martin Joyce"): the relative again, not the person."""
    words = low[span[0] : span[1]].split()
    if (
        len(words) < 2
        or not _an_initial(words[-2])
        or not all(w.rstrip(".") in _TITLE_WORDS for w in words[:-2])
    ):
        return False
    lo = max(0, span[0] - RELATIVE_BEFORE_CHARS)
    return any(
        words[-2][0] == initial and words[-1] == surname and low.find(full, lo, span[0]) != -1
        for initial, surname, full in relatives
    )


def others_named(doc: Document, profile: Profile) -> tuple[Span, ...]:
    """Where the page names a namesake, somebody else with the person's own given name and surname and an age
    that is not theirs ("Kemi Adeyemi , 29" when she is 48): the surname's span in each."""
    patterns = _name_patterns(profile)
    if not _may_name(doc, patterns):
        return ()
    firsts = {given[0] for given in patterns.givens}
    return tuple(
        (at, end)
        for at, end, start in _surname_reads(doc, patterns)
        if start == SOMEONE_ELSE
        and firsts & set(doc.lower[max(0, at - 32) : at].split()[-3:])
        and _not_their_age(doc.lower, end, patterns.born)
    )


@functools.lru_cache(maxsize=16)
def namesakes(doc: Document, profile: Profile) -> tuple[Span, ...]:
    """Where the page names somebody else of the person's name: mentions under a heading listing other people
    of that name, and the name with a middle name or initial the person does not have ("David P Jones")."""
    patterns = _name_patterns(profile)
    if not _may_name(doc, patterns):
        return ()
    other = [(at, end) for at, end, start in _surname_reads(doc, patterns) if start == SOMEONE_ELSE]
    if patterns.middles:
        other += _ballot_mentions(doc, profile, theirs=False)
    low = doc.lower
    if other:
        other += _their_other_names(low, _all_mentions(doc, profile, patterns), other)
    starts = _heading_starts(low)
    if not starts:
        return tuple(other)
    headings = [m.end() for at in starts if (m := _NAMESAKE_HEADING.match(low, at))]
    listed = [
        s
        for s in _all_mentions(doc, profile, patterns)
        if any(0 <= s[0] - h <= NAMESAKE_REACH for h in headings)
    ]
    return tuple(sorted({*listed, *other}))


_AKA = ("also known as", "aka ", "aka:", "a.k.a", "other names", "alias")
_AKA_LABELS = frozenset(["also known as", "aka", "a.k.a", "a.k.a.", "other names", "alias", "aliases"])


def _their_other_names(low: str, mentions: tuple[Span, ...], others: list[Span]) -> list[Span]:
    """A record's "Also known as: Andreas Kyriacou Georgiou, Andy Georgiou" under a namesake's name (a
    people-search record of another Andreas Georgiou) lists the namesake's other names, not the person's."""
    found = []
    for span in mentions:
        line = low.rfind("\n", 0, span[0]) + 1
        if not low.startswith(_AKA, line):
            # ... or under it: "Also known as" alone on the line above (blank lines between)
            above = low[max(0, line - 40) : line].rstrip()
            if above[above.rfind("\n") + 1 :].strip().rstrip(":") not in _AKA_LABELS:
                continue
        before = [s for s in (*mentions, *others) if s[1] <= line]
        if before and max(before, key=lambda s: s[1]) in others:
            found.append(span)
    return found


_NOT_GLUED = "-\u2010"
# The case endings Gujarati glues onto a name: "હંસાબેન પટેલને" (to Hansaben Patel), "પટેલનો" (Patel's), "પટેલે"
# (by Patel), "પટેલમાં" (in Patel): the surname is still a whole word before them.
_GUJARATI_CASE = re.compile("(?:ને|નો|ની|નું|ના|નાં|ે|થી|માં)(?![\u0a80-\u0aff])")


# ... and the "and" Tigrinya glues on to each of two names: "ኣቶ ዮናስ ሃብተን ወ/ሮ ሰናይት ተስፋይን" (Mr Yonas Habte and Mrs
# Senait Tesfay), "-ውን" (also).
_GEEZ_AND = re.compile(r"(?:ን|ውን)(?!\w)")


def _surname_hits(low: str, surnames: tuple[str, ...]) -> list[Span]:
    """Whole-word places the page has a surname, not inside a longer hyphenated name ("Hartley-Jones")."""
    found: dict[int, Span] = {}
    covered: set[int] = set()
    for surname in surnames:  # longest first, so "raman-clarke" wins over "raman"
        for at in literal_hits(surname, low):
            end = at + len(surname)
            if not starts_word(low, at) or not (
                ends_word(low, end)
                or ("\u0a80" <= surname[-1] <= "\u0aff" and _GUJARATI_CASE.match(low, end))
                or ("\u1200" <= surname[-1] <= "\u137f" and _GEEZ_AND.match(low, end))
            ):
                continue
            if (end + 1 < len(low) and low[end] in _NOT_GLUED and low[end + 1].isalnum()) or (
                at >= 2 and low[at - 1] in _NOT_GLUED and low[at - 2].isalnum()
            ):
                continue
            if at not in covered:
                found[at] = (at, end)
                covered.update(range(at, end))
    return sorted(found.values())


@functools.lru_cache(maxsize=16)
def _surname_reads(doc: Document, patterns: _NamePatterns) -> tuple[tuple[int, int, int | None], ...]:
    """Each place the page has the surname, with where the full mention ending there starts (_name_start):
    read once a page, for both the person's mentions and their namesakes'."""
    low = doc.lower
    reads = []
    # for each full name so far (a given name or initial): whether a namesake's, and its surname
    reads_others: list[tuple[bool, str, int]] = []  # (and where the surname starts: its titles, when asked)
    surname_first: bool | None = None
    for at, end in _surname_hits(low, patterns.surnames):
        start = _name_start(low, at, patterns)
        if start is not None and start != SOMEONE_ELSE and _another_husbands_wife(doc.text, start, patterns):
            start = SOMEONE_ELSE  # "Kovácsné Szabó Anikó" (Mrs Kovács) when she is Szabóné Kovács Anikó
        if start is None and surname_first is None:
            surname_first = any(form in low for form in patterns.surname_first)
        if start is None and _another_given_after(doc.text, at, end, patterns, bool(surname_first)):
            start = SOMEONE_ELSE  # a directory's "FELDMAN Barry & Sandra" when he is Joseph Feldman
        # "Mohd Asif Bhatti" when "Asif" is his surname only as "Chaudhry Muhammad Asif"
        if start != SOMEONE_ELSE and _their_given_then_a_surname(doc.text, at, end, patterns):
            start = SOMEONE_ELSE
        if (
            start != SOMEONE_ELSE
            and patterns.other_generations
            and (generation_after(low, end) in patterns.other_generations)
        ):
            start = SOMEONE_ELSE  # "Winston Lindo Snr", "Mr Lindo senior": the father of the same name
        elif (
            start is not None
            and start != SOMEONE_ELSE
            and (
                _not_their_age(low, end, patterns.born)
                or _younger_then(low, end, patterns.born, doc.published)
            )
        ):
            # a people-search record's "Andreas K Georgiou Age 61" when he is 52; a profile's "Winston Lindo Jr.
            # ... DOB 10/04/2007" when he was born in 1991
            start = SOMEONE_ELSE
        if start is not None and start != SOMEONE_ELSE and _titles_only(low[start:at]):
            # (unless the profile's own honorific says it is them: "Ms Marsh" after "Mr J Marsh")
            if (
                reads_others
                and reads_others[-1][:2] == (True, low[at:end])
                # (with the same title, or none: "Cllr Hill" after "Mrs Karen Hill" is not Mrs Hill)
                and (
                    not (before := _titles_before(low, max(0, reads_others[-1][2] - 40), reads_others[-1][2]))
                    or before & _titles_before(low, start, at)
                )
                and not _their_honorific(low[start:at], patterns.titles)
            ):
                start = SOMEONE_ELSE  # "Deacon Winston Lindo Snr ... Mr Lindo": the last one named in full
        elif start is not None:
            reads_others.append((start == SOMEONE_ELSE, low[at:end], at))
        reads.append((at, end, start))
    return tuple(reads)


# A register's or a directory's surname in capitals, then the given name: "FELDMAN Barry", "FELDMAN Mrs Miriam".
_GIVEN_AFTER_CAPITALS = re.compile(
    r"[ \t]+(?:(?:Mr|Mrs|Ms|Miss|Dr|Rabbi|Rev|Revd|Cllr)\.?[ \t]+)?([A-Z\u00c0-\u00de][a-z\u00df-\u024f][\w'\-]*)"
)


# A capitalised word on its own after a name, at the end of its line or before a comma or a bracket.
_SURNAME_AFTER = re.compile(
    r"[ \t]+([A-Z][a-z]{2,}|[\u0600-\u06ff]{2,})(?=[ \t]*(?:$|[,;(\u060c]))", re.MULTILINE
)


def _their_given_then_a_surname(text: str, at: int, end: int, patterns: _NamePatterns) -> bool:
    """A surname of theirs that is also one of their given names ("Asif", from "Chaudhry Muhammad Asif" and "Asif
    Chaudhry"), with another surname after it: somebody else's given name there ("Mohd Asif Bhatti", in Urdu
    "محمد آصف بھٹی")."""
    word = fold(text[at:end].lower())
    if not any(given[0] == word for given in patterns.givens):
        return False
    m = _SURNAME_AFTER.match(text, end)
    return m is not None and fold(m.group(1).lower()) not in patterns.surnames


# A Hungarian married woman's name: her husband's surname with "-né" before her own name ("Kovácsné Szabó Anikó").
_MARRIED_AS = re.compile(r"([A-Z\u00c0-\u00de][a-z\u00df-\u024f]+n\u00e9)[ \t]+$")


def _another_husbands_wife(text: str, start: int, patterns: _NamePatterns) -> bool:
    """The person's name as somebody else's wife's: "Kovácsné Szabó Anikó" when she is "Szabóné Kovács Anikó"."""
    m = _MARRIED_AS.search(text, max(0, start - 30), start)
    return m is not None and (fold(m.group(1).lower()),) not in patterns.givens


def _another_given_after(
    text: str, at: int, end: int, patterns: _NamePatterns, surname_first: bool = False
) -> bool:
    """The surname in capitals with somebody else's given name after it (a directory's row, surname first); or
    on a page that writes the person's own name surname first, the surname with any other given name after it
    ("Szabó Lászlóné" beside "Szabóné Kovács Anikó")."""
    if not surname_first and (
        not text[at:end].isupper() or text[text.rfind("\n", 0, at) + 1 : at].strip(" \t.0123456789")
    ):
        return False  # (a directory's rows start with the surname, or with the row's number)
    m = _GIVEN_AFTER_CAPITALS.match(text, end)
    if m is None:
        return False
    word = fold(m.group(1).lower())
    return (
        not any(word == given[0] for given in patterns.givens)
        and word not in patterns.middles
        and word not in patterns.surnames
    )


def _their_honorific(words: str, titles: frozenset[str]) -> bool:
    kinds = {_TITLE_KIND.get(w.rstrip("."), w.rstrip(".")) for w in words.split()}
    return bool(kinds & titles & _HONORIFICS)


def _titles_before(low: str, lo: int, at: int) -> frozenset[str]:
    """The kinds of title among the three words before a surname ("cllr" for "Councillor Femi")."""
    words = (w.rstrip(".") for w in low[lo:at].split()[-3:])
    return frozenset(_TITLE_KIND.get(w, w) for w in words if w in _TITLE_WORDS)


def _titles_only(words: str) -> bool:
    """Whether the words before a surname are only titles ("Mr", "Cllr Dr"): a name that refers back."""
    split = words.split()
    return bool(split) and all(w.rstrip(".") in _TITLE_WORDS for w in split)


# An age given right after a name: "Age 61", ", 61,", "(61)", a broker's "Derya Yilmaz, 39 - Edmonton" and
# "Age 39 · Edmonton".
# ... or a results table's age column, the next line alone: "Winston A Lindo\n\n65-69".
# ... or a people-search site's age band, "Age 30-34" (the person's age now, as such sites print it).
_AGE_AFTER = re.compile(
    r"(?:\s+aged?\s*:?\s*|\s*,\s*|\s*\(\s*)(\d{2,3})(?:\s*[),]|\s*$|\s*\n|[ \t]+[\u00b7|\-\u2013][ \t])"
    r"|[ \t]*\n\s*(\d{2})(?:[ \t]*[-\u2013][ \t]*\d{2})?[ \t]*(?:\n|$)"
    r"|\s+age\s*:?\s*(\d{2})[ \t]*[-\u2013][ \t]*(\d{2})(?!\d)"
)


# A record's date of birth soon after a name: "DOB\n\n10/04/2007", "born 3 May 1960", "Date of birth: 1960",
# "Born October 1985".
_BIRTH_YEAR_AFTER = re.compile(
    r"\b(?:dob|d\.o\.b\.?|date\s+of\s+birth|birth_?date|born)\b[^0-9\n]{0,6}\s*(?:[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-]"
    r"|[0-9]{1,2}(?:st|nd|rd|th)?\s+[a-z]+\s+|[a-z]+\s+[0-9]{1,2},?\s+|[a-z]+\s+)?((?:18|19|20)[0-9]{2})(?![0-9])"
)
# A life's span or a birth year in brackets after a name: "Elizabeth Moorcroft (1858-1921)", "(b. 1931)".
_LIFESPAN_AFTER = re.compile(
    r"\s*\((?:b\.\s*|born\s+)?((?:18|19|20)[0-9]{2})\s*(?:[-\u2013]\s*(?:(?:18|19|20)[0-9]{2})?)?\)"
)
_BIRTH_OR_AGE_WORDS = ("dob", "d.o.b", "birth", "born", "aged", "oed", "wieku")
BIRTH_AFTER_CHARS = 200
AGED_AFTER_CHARS = 260  # (a death notice gives the age after where the person lived: "..., aged 91")
_SOMEONE_BETWEEN = re.compile(
    r"\b(?:son|daughter|child|children|baby|twins|wife|husband|partner|mother|father|mum|dad)\b"
)


# An age in a notice's sentence after the name: "aged 91", Welsh "yn 91 mlwydd oed", Polish "w wieku 75 lat".
_AGED_LATER = re.compile(
    r"\b(?:aged|yn|w\s+wieku)\s+(\d{2,3})\s+(?:mlwydd\s+oed|oed|lat)\b|\baged\s+(\d{2,3})\b"
)


def _born_another_year(low: str, end: int, born: int | None) -> bool:
    """A date of birth soon after the name in another year than the person's, or an age there they have not
    reached (a death notice's "aged 91"), with no relative between."""
    if born is None:
        return False
    if (m := _LIFESPAN_AFTER.match(low, end)) and abs(int(m.group(1)) - born) > 1:
        return True
    after = low[end : end + AGED_AFTER_CHARS]
    if not any(word in after for word in _BIRTH_OR_AGE_WORDS):
        return False  # (most mentions: two substring searches' worth, not two regex passes)
    m = _BIRTH_YEAR_AFTER.search(low, end, end + BIRTH_AFTER_CHARS)
    if m is not None and abs(int(m.group(1)) - born) > 1 and not _SOMEONE_BETWEEN.search(low, end, m.start()):
        return True
    m = _AGED_LATER.search(low, end, end + AGED_AFTER_CHARS)
    return (
        m is not None
        and int(m.group(1) or m.group(2)) > dt.date.today().year - born + 1
        and not _SOMEONE_BETWEEN.search(low, end, m.start())
    )


def _younger_then(low: str, end: int, born: int | None, published: dt.date | None) -> bool:
    """A paper's "Mohammed Asif Chaudhary, 34, of 12 Greenside Road" on a page dated 2026, when he was born in
    1971: younger than they were when the page was written (an age alone cannot say that: the page may be old)."""
    if born is None or published is None:
        return False
    m = _AGE_AFTER.match(low, end)
    return m is not None and not m.group(3) and int(m.group(1) or m.group(2)) < published.year - born - 1


def _not_their_age(low: str, end: int, born: int | None) -> bool:
    """An age or a date of birth after the name that the person's is not: a namesake's record."""
    return _older_than_them(low, end, born) or _born_another_year(low, end, born)


def _older_than_them(low: str, end: int, born: int | None) -> bool:
    """An age after the name that the person has not reached: somebody else of that name."""
    if born is None:
        return False
    m = _AGE_AFTER.match(low, end)
    if m is None:
        return False
    age = dt.date.today().year - born
    if m.group(3):  # a band they are not in, younger or older
        return not int(m.group(3)) - 1 <= age <= int(m.group(4)) + 1
    return int(m.group(1) or m.group(2)) > age + 1


REFERS_BACK_CHARS = 120
_SURNAME_FIELD = re.compile(
    r"(?:^|\n)[ \t]*[\"']?(?:family|last|sur)[_ ]?(?:name)?[\"']?[ \t]*[:=][ \t]*[\"']?$"
)


# A form's or a record's name split over fields: "Surname / Apelyido: DELA CRUZ" with "Given name(s) / Pangalan: MA.
# CRISTINA" on a line beside it, '"last_name": "Reyes"' beside '"first_name": "Maria"'. (For lower-case text.)
_FIELD_END = r"(?:\(s\))?[\"']?[ \t]*(?:/[^:\n]{0,40})?[:=][ \t]*[\"']?"  # ("Given name(s) / Pangalan: ")
_SURNAME_FIELD_START = r"(?:sur|last[ _\-]?|family[ _\-]?)name" + _FIELD_END
_FIELD_VALUE = r"([^\W\d_][^\n\"',;]*)"
_SURNAME_LABEL = re.compile(
    _SURNAME_FIELD_START + r"(?:[^\W\d_][\w'\-.]*[ \t]+){0,2}$"
)  # (before the surname's last word)
# (found by where "name" is, str.find's work, then read back and on: a pattern that starts with a choice of words is
# tried by `re` at every position of the page)
_GIVEN_BEFORE = re.compile(r"(?:first|given|fore|christian)[ _\-]?$")
_GIVEN_AFTER = re.compile(r"names?" + _FIELD_END + _FIELD_VALUE)
FIELD_LINES = 3  # (the given name's field within this many lines of the surname's)
_SURNAME_FIELD_VALUE = re.compile(_SURNAME_FIELD_START + _FIELD_VALUE)


def _field_lines(low: str, lo: int, hi: int) -> tuple[int, int]:
    """lo and hi widened by FIELD_LINES lines each way."""
    for _ in range(FIELD_LINES):
        lo = low.rfind("\n", 0, max(0, lo - 1)) + 1
        nxt = low.find("\n", hi + 1)
        hi = len(low) if nxt == -1 else nxt
    return lo, hi


def _given_fields(low: str, lo: int = 0, hi: int | None = None) -> Iterator[re.Match[str]]:
    """Each field of a given name in low[lo:hi] ("Given name(s) / Pangalan: MA. CRISTINA", '"first_name": "Maria"'),
    its value as group 1."""
    end = len(low) if hi is None else hi
    at = low.find("name", lo, end)
    while at != -1:
        if _GIVEN_BEFORE.search(low, max(lo, at - 10), at) and (m := _GIVEN_AFTER.match(low, at, end)):
            yield m
        at = low.find("name", at + 4, end)


@functools.lru_cache(maxsize=16)
def split_names(doc: Document) -> tuple[tuple[int, int, str, str], ...]:
    """Names a form or a record splits over fields: where each given name's value is, the value, and the
    surname's value beside it ("Given name(s): REMEDIOS" under "Surname: DELA CRUZ" gives "remedios", "dela
    cruz"). For the family detector: a relative's full name written so."""
    low = doc.lower
    if "name" not in low:
        return ()
    found = []
    for given in _given_fields(low):
        lo, hi = _field_lines(low, given.start(), given.end())
        for surname in _SURNAME_FIELD_VALUE.finditer(low, lo, hi):
            found.append(
                (
                    given.start(1),
                    given.start(1) + len(given.group(1).rstrip()),
                    given.group(1).strip(),
                    surname.group(1).strip(),
                )
            )
            break
    return tuple(found)


def _split_over_fields(low: str, at: int, end: int, patterns: _NamePatterns) -> bool:
    line = low.rfind("\n", 0, at) + 1
    if low.find("name", line, at) == -1 or not _SURNAME_LABEL.search(low, line, at):
        return False
    lo, hi = _field_lines(low, line, end)
    for m in _given_fields(low, lo, hi):
        words = m.group(1).split()
        if any(tuple(words[: len(given)]) == given for given in patterns.givens):
            return True
    return False


@functools.lru_cache(maxsize=16)
def _all_mentions(doc: Document, profile: Profile, patterns: _NamePatterns) -> tuple[Span, ...]:
    low, text = doc.lower, doc.text
    full: list[Span] = []
    alone: list[Span] = []
    # The last name read in full: where it ends, and whether it was a namesake's. The surname alone soon after a
    # namesake named in full is his again (a record's "full: Bishnu Gurung / given: Bishnu / family: Gurung").
    last_full: tuple[int, bool] | None = None
    for at, end, start in _surname_reads(doc, patterns):
        if start == SOMEONE_ELSE:
            last_full = (end, True)
            continue
        if start is not None:
            last_full = (end, False)
            full.append((start, end))
        elif low[at:end] in patterns.kunyas:
            continue  # "Omar" alone is not Abu Omar
        elif _split_over_fields(low, at, end, patterns):
            full.append((at, end))  # a form's "Surname: DELA CRUZ" beside its "Given name(s): MA. CRISTINA"
            last_full = (end, False)
        elif (m := patterns.after.match(low, end)) and not _someone_else(text, at, profile):
            # (not after another given name: a census row's "William Moorcroft (24, ag lab), Elizabeth (23)")
            # (after "SIDDIQUI, Mohammed Imran", given and middle name both, comes the address: "Ty Gwyn")
            given = m.group()[m.group().rfind(")") + 1 :].strip(" ,;\t\n")
            middle = _NEXT_NAME.match(text, m.end()) if len(given.split()) < 2 else None
            if middle and not _their_middle(fold(middle.group(1).lower()), patterns.middles):
                continue  # "JONES, David Peter" when he is David Ellis Jones
            if _not_their_age(low, m.end(), patterns.born):
                continue  # a death notice's "EVANS – Gwenllian (Gwen), ... aged 91" when she is 55
            full.append((at, m.end()))
            last_full = (m.end(), False)
        elif (
            not _in_an_address(low, at, end)
            and not _someone_else(text, at, profile)
            and not _a_place(text, at, end)
            and not _ANOTHER_GIVEN_AFTER.match(text, end)
            and not (last_full is not None and last_full[1] and at - last_full[0] <= REFERS_BACK_CHARS)
            and not (
                _SURNAME_FIELD.search(low, max(0, at - 16), at) and _not_their_age(low, end, patterns.born)
            )
        ):
            # (a record's "family: Moorcroft" field, its "dob: 1989-06-17" below: a namesake's record)
            alone.append((at, end))
    for handle in patterns.handles:
        for at in literal_hits(handle, low):
            start = at - 1 if at > 0 and low[at - 1] == "@" else at
            if (
                starts_word(low, start)
                and ends_word(low, at + len(handle))
                and (start == 0 or low[start - 1] != ".")
            ):
                full.append((start, at + len(handle)))
    if patterns.unspaced is not None:
        full += [m.span(1) for m in whole_words(patterns.unspaced, low)]
    full += [s for s in _ballot_mentions(doc, profile) if not any(s[0] < e and b < s[1] for b, e in full)]
    alone = [
        s for s in alone if not any(s[0] < e and b < s[1] for b, e in full)
    ]  # a ballot's "SURNAME": once
    # The surname alone counts only if the page names them in full somewhere: a bare "Hartley" is anybody.
    return tuple(sorted(full + alone)) if full else ()


_NOT_A_NAME = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "but",
        "by",
        "with",
        "from",
        "to",
        "for",
        "of",
        "at",
        "in",
        "on",
        "as",
        "said",
        "says",
        "told",
        "thanks",
        "thank",
        "dear",
        "hi",
        "hello",
        "meet",
        "councillor",
        "cllr",
        "mr",
        "mrs",
        "ms",
        "miss",
        "mx",
        "dr",
        "prof",
        "candidate",
        "mp",
        "mayor",
        "leader",
        "member",
    ]
)


_ROW_PUNCTUATION = re.compile(r"[\"(\[{,;|]|(?<!\w)'")


# How Gujarati given names end ("નવીનચંદ્ર છોટાભાઈ પટેલ": Navinchandra Chhotabhai Patel), a man's "-bhai", a
# woman's "-ben", and the commonest endings of the names themselves (-chandra, -lal, -das, -kumar, -rai).
_GUJARATI_GIVEN_ENDS = ("ભાઈ", "ભાઇ", "બેન", "બહેન", "ચંદ્ર", "લાલ", "દાસ", "કુમાર", "રાય")


WRAPPED_LINE = 60  # a line this long that ends without a full stop has been wrapped, as a paragraph's are


def _someone_else(text: str, start: int, profile: Profile) -> bool:
    """ "Devendra Oduya", "Samuel Oduya": the surname after another given name is another person."""
    before = text[max(0, start - 30) : start]
    if before.endswith("\n") and start - (text.rfind("\n", 0, start - 1) + 1) > WRAPPED_LINE:
        before = before[:-1] + " "  # a paragraph wrapped between the two names: "speak to Maricel\nReyes"
    if not before or before[-1] not in " \t":
        return False
    words = before.split()
    # (the last word without the quotes and commas of a data row before it: "'Social','Margaret" is Margaret)
    word = _ROW_PUNCTUATION.split(words[-1])[-1] if words else ""
    if word[:1] and "\u0a80" <= word[0] <= "\u0aff":  # Gujarati has no capitals: a given name's own ending
        return word.endswith(_GUJARATI_GIVEN_ENDS) and word not in _given_words(profile)
    if not (
        word[:1].isupper() and word[1:].replace("'", "").replace("-", "").isalpha() and word[1:].islower()
    ):
        return False
    return word.lower() not in _given_words(profile) and word.lower() not in _NOT_A_NAME


# Words that make a name before them a place: "Hill View", "Hill Top Farm", "Whitmore Road".
_PLACE_WORDS = frozenset(
    (  # noqa: SIM905 - a word list reads better as words
        "view top farm farms house cottage cottages side field fields park court lodge hall end green mill "
        "manor grange barn rise bank estate wood woods brook bridge cross gate lane road street avenue close "
        "crescent drive way place square terrace gardens grove mews row walk hill hills parade yard wharf "
        "bottom heath moor common copse hollow dale vale ford well pond marsh "
        # ... or a business's: "Gurung Stores", "Moorcroft Joinery", "Hartley Motors"
        "stores store shop joinery builders motors garage bakery butchers accountants solicitors plumbing "
        "electrical electricals removals transport haulage taxis cars restaurant takeaway"
    ).split()
)
_NEXT_WORD = re.compile(r"(?:['’]s)?[ \t]+([A-Z][a-z]+)\b")  # ("Hale's Mill" too)


# Words before a name that make it a place: "residents of Whitmore", "in Whitmore", "the road to Whitmore".
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|near|outside|around|through|via|towards|between|across)|\b(?:residents|village|parish|people"
    r"|edge|centre|center|north|south|east|west|road|way|route)\s+(?:of|to)|\bof\s+the\s+(?:village|parish)\s+of)"
    r"\s+$",
    re.IGNORECASE,
)


def _in_an_address(low: str, at: int, end: int) -> bool:
    """ "cllr.s.hale@netherfoldpc.example": the surname inside an email address or a dotted handle is not prose."""
    return (end < len(low) and low[end] in "@.") or (at > 0 and low[at - 1] in "@.")


_AND_NAME = re.compile(r"[ \t]+(?:and|&)[ \t]+[A-Z][a-z]+")


def _a_place(text: str, start: int, end: int) -> bool:
    """ "Hill View", "Hill Top Farm", "Hale's Mill", "residents of Whitmore": the surname alone is (part of) a
    place's name; or of a pair's ("the Hale and Hearty walking group", "Hale & Sons")."""
    after = _NEXT_WORD.match(text, end)
    if after is not None and after.group(1).lower() in _PLACE_WORDS:
        return True
    if _AND_NAME.match(text, end):
        return True
    return bool(_PLACE_BEFORE.search(text, max(0, start - 30), start))


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _given_words(profile: Profile) -> frozenset[str]:
    return frozenset(w.lower() for n in profile.names for w in split_name(n)[0].split())


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _tie_words(profile: Profile) -> tuple[str, ...]:
    """Words that tie a page to this person rather than a namesake: their places, handles and web domains,
    in lower case with single spaces."""
    words = [*profile.locality, *profile.usernames]
    for site in profile.websites:
        domain = registered_domain(site)
        if domain:
            words.append(domain)
    return tuple(" ".join(fold(w.lower()).split()) for w in words if w.strip())


@functools.lru_cache(maxsize=16)
def _tie_hits(doc: Document, profile: Profile) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Where the page has each of the person's tie words (inside other words too): one search each a page. A
    place's name inside someone's email address ("hanails.lindmere@example.com", a shop's) does not place them."""
    places = _tie_places(profile)
    low = doc.lower
    return tuple(
        (
            word,
            tuple(
                at
                for at in literal_hits(word, low)
                if word not in places or not _in_an_email(low, at, at + len(word))
            ),
        )
        for word in _tie_words(profile)
    )


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _tie_places(profile: Profile) -> frozenset[str]:
    return frozenset(" ".join(fold(w.lower()).split()) for w in profile.locality)


_EMAIL_AROUND = re.compile(r"[\w.+\-]*@[\w\-]+\.")


def _in_an_email(low: str, start: int, end: int) -> bool:
    """Whether low[start:end] is part of an email address: "@" after it in the same run of address characters,
    or before it ("someone@lindmere-pta.example")."""
    if _EMAIL_AROUND.match(low, end):
        return True
    at = low.rfind("@", max(0, start - 64), start)
    return at != -1 and not any(ch.isspace() for ch in low[at:start])


# A post's header on a social page or forum: the author's name alone on its line, then (after blank lines) a
# line that opens with the post's date or age ("29 February 2024", "Yesterday at 21:14", "3h", "Wed 11 Feb").
_POST_HEADER = re.compile(
    r"(?m)^[ \t]*([A-Z][a-z'\-]+(?:[ \t]+[A-Z][a-z'\-]+){1,2})[ \t]*\n(?:[ \t]*\n)*[ \t]*"
    r"(?:\d{1,2}[ \t]+[A-Z][a-z]+|\d{1,2}[hmd]\b|\d+[ \t]+(?:mins?|hours?|hrs?|days?)[ \t]+ago"
    r"|(?:Yesterday|Today|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)"
)
POST_REACH = 1500


def someone_elses_post(doc: Document, profile: Profile, at: int) -> bool:
    """Whether `at` lies in a post that another person wrote: the last post header above it names somebody
    else, and the person is not named between that header and `at` (Tom Birch's post below hers: "Lost: navy
    St Aldhelm's book bag ... Has my daughter's reading book in it!"). A first-person word there is theirs."""
    headers = [m.start() for m in _POST_HEADER.finditer(doc.text, max(0, at - POST_REACH), at)]
    return bool(headers) and not any(headers[-1] <= start < at for start, _ in mentions(doc, profile))


def tie_in(doc: Document, profile: Profile) -> str | None:
    for word, hits in _tie_hits(doc, profile):
        for at in hits:
            if starts_word(doc.lower, at) and ends_word(doc.lower, at + len(word)):
                return doc.text[at : at + len(word)]
    return None


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
    elif names and (found := tie_in(doc, profile)):
        reasons.append(f"mentions '{found}'")
        level = Need.TIED
    elif names:
        reasons.append("nothing else ties it to them: it may be about a namesake")
    # (relatives read by first name beside a relation word do not tie a page, but two of them tie a record)
    relatives = [m for m in matches if m.kind is Kind.FAMILY_MEMBER and not m.ties and not m.public]
    return Subject(level, names, tuple(reasons), _untied_records(doc, profile, names, tying, relatives))


# A chat export's message header before its sender: "14/01/2025, 20:12 - " (Android), "[14/01/2025, 20:12:33] "
# (iPhone), at the start of a line.
_CHAT_HEADER = re.compile(
    r"(?:^|\n)\[?\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?\]?(?: -)? $", re.I
)
CHAT_HEADER_CHARS = 32
_SENDER_END = re.compile(r"(?:[ \t]*\([^()\n]{0,30}\))?:")  # "Win Lindo (Coach):"


# A chat export's message line, its sender's name (or number) caught: "05/04/2025, 20:31 - Rosie Dimaculangan: ...".
_CHAT_LINE = re.compile(
    r"\[?\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?\]?(?: -)? ([^:\n]{1,40}):",
    re.I,
)


def chat_message_sender(text: str, at: int) -> re.Match[str] | None:
    """The chat message line that `at` is in the words of, with its sender as group 1; None elsewhere."""
    line = _CHAT_LINE.match(text, text.rfind("\n", 0, at) + 1)
    return line if line is not None and at >= line.end() else None


def chat_sender(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] names the sender of a message in a chat export ("... 20:12 - Jackie Hill: ...",
    "[01/03/2026, 18:10:30] Win Lindo (Coach): ...", or a number the exporter's phone book has no name for)."""
    return _SENDER_END.match(text, end) is not None and bool(
        _CHAT_HEADER.search(text, max(0, start - CHAT_HEADER_CHARS), start)
    )


RECORD_CHARS = 600
ROW_DELIMITERS = (
    4  # a line with this many tabs, semicolons, bars, or commas with no space after, is a row of data
)
_TIGHT_COMMA = re.compile(r",(?! )")


def _a_data_row(low: str, start: int, end: int) -> bool:
    """Whether low[start:end] is a row of CSV-like data ("Price,Ruth,22/07/1995,88 Dunmore Road"), not a
    sentence with commas in it ("collect from Kieran Mulhern, Flat 3, 41 Kestle Street, ...")."""
    if max(low.count(d, start, end) for d in "\t;|") >= ROW_DELIMITERS:
        return True
    return low.count(",", start, end) >= ROW_DELIMITERS and (
        sum(1 for _ in _TIGHT_COMMA.finditer(low, start, end)) >= ROW_DELIMITERS
    )


TIE_BEFORE = 80
_FIELD = re.compile(r"([a-z][a-z_]{1,30}):[ \t]")


def _untied_records(
    doc: Document,
    profile: Profile,
    names: tuple[Span, ...],
    tying: list[Match],
    relatives: Sequence[Match] = (),
) -> tuple[Span, ...]:
    """Each mention starts a record that runs to the next mention. When some records tie to the person and
    others do not, the others are namesakes' (a people-search list, a page of search results). A record that
    names two of their relatives beside relation words ("his wife Rasha ... their children Omar and Hala") is
    theirs: a namesake's family is not also called that."""
    if len(names) < 2:
        return ()
    low = doc.lower
    born = profile.date_of_birth.year if profile.date_of_birth else None
    ties = sorted({at for _, hits in _tie_hits(doc, profile) for at in hits} | {m.start for m in tying})
    records: list[tuple[Span, bool]] = []
    for index, (start, end) in enumerate(names):
        stop = names[index + 1][0] if index + 1 < len(names) else len(low)
        stop = min(stop, end + RECORD_CHARS)
        line_start = low.rfind("\n", 0, start) + 1  # a tie before the name counts only on its own line
        line_end = low.find("\n", end)
        line_end = len(low) if line_end == -1 else line_end
        if _a_data_row(low, line_start, line_end):
            stop = min(stop, line_end)  # a row of delimited data is a record of its own
        elif (field := _FIELD.match(low, line_start, start)) is not None:
            # the name as a field's value ("contact_name: Rasa Kazlauskas"): its record ends where the same field
            # comes round again, in the next record (a directory's flattened JSON)
            again = low.find(f"\n{field.group(1)}:", end, stop)
            stop = stop if again == -1 else again
        first = bisect.bisect_left(ties, max(start - TIE_BEFORE, line_start))  # the first tie from there on
        # (a mention by their title, "Cllr Wong", names their role: lists of namesakes do not give it; a chat's
        # sender is one person all through the chat)
        tied = (
            (first < len(ties) and ties[first] < stop)
            or low.startswith(_TITLE_PREFIXES, start)
            or chat_sender(doc.text, start, end)
            or (
                len({m.key for m in relatives if start <= m.start < stop}) > 1
                and not _born_another_year(low, end, born)  # (a namesake's death notice: "born 1936")
            )
            # (or one in brackets right after the name: "Rasa Kazlauskiene (mum to Lukas in Year 5)")
            or any(low.startswith(" (", end) and end < m.start < low.find(")", end) for m in relatives)
        )
        records.append(((start, stop), tied))
    if all(tied for _, tied in records) or not any(tied for _, tied in records):
        return ()
    # An untied record is somebody else's only if it places them elsewhere (a postcode or a town that is not
    # the person's); otherwise it is more of the same record ("Margaret Oduya, landline: ...").
    return tuple(
        span for span, tied in records if not tied and _elsewhere(doc.text[span[0] : span[1]], profile)
    )


@functools.lru_cache(maxsize=PROFILES_CACHED)
def surname_first_names(profile: Profile) -> tuple[str, ...]:
    """The person's own names that the profile also lists surname first ("Kovács Anikó" beside "Anikó Kovács"),
    as a page searches for them (lower case, accents folded)."""
    surname = fold(split_name(profile.name)[1].lower())
    names = {" ".join(fold(n.lower()).split()) for n in profile.other_names}
    return tuple(sorted(name for name in names if len(words := name.split()) >= 2 and words[0] == surname))


# (Each tests the start of a word after its first letter, so `re` skips ahead to capitals and to the words.)
_ANY_POSTCODE = re.compile(r"([A-Z](?<!\w[A-Z])[A-Z]?[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})\b")
_PLACE = re.compile(
    rf"(?:{alternation(['of', 'in', 'from', 'at', 'Location:?', 'Lives in', 'lives in'], word_start=True)})"
    r"\s+([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)"
)


def _elsewhere(text: str, profile: Profile) -> bool:
    own_postcodes, own = _own_places(profile)
    if any(m.group(1) + m.group(2) not in own_postcodes for m in _ANY_POSTCODE.finditer(text)):
        return True
    return any(
        not ({w.lower() for w in re.split(r"[ -]", m.group(1))} & own)
        and m.group(1).split()[0] not in _NOT_PLACES
        and m.group(1).split()[-1] not in _NOT_PLACE_ENDS
        and not text.endswith(("born ", "Born "), 0, m.start())  # where they were born is not where they live
        for m in _PLACE.finditer(text)
    )


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _own_places(profile: Profile) -> tuple[frozenset[str], frozenset[str]]:
    """The person's postcodes (capitals, no space), and the words of their places and addresses (lower case)."""
    postcodes = {re.sub(r"\s", "", a.postcode.upper()) for a in profile.addresses if a.postcode}
    words = {w.lower() for place in profile.locality for w in re.split(r"[\s-]+", place)}
    words |= {w.lower() for a in profile.addresses for w in re.findall(r"[A-Za-z]+", a.text)}
    # (nor is a name of theirs or their family's a place: "daughter of Chana", "in Devorah's house")
    words |= {w.lower() for m in profile.family for n in (m.name, *m.nicknames) for w in n.split()}
    words |= {w.lower() for n in profile.names for w in n.split()}
    return frozenset(postcodes), frozenset(words)


_NOT_PLACES = frozenset(
    (  # noqa: SIM905 - a word list reads better as words
        "The A An This That His Her Their Our My Your January February March April May June July August "
        "September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday "
        "Year Class Form Room Group Term"
    ).split()
)
# ... nor, ending with these, a school's class or a club's team: "mum of Bridget in Oak Class"
_NOT_PLACE_ENDS = frozenset(["Class", "Form", "Room", "Group", "Team", "Set", "Squad", "Section", "Year"])
