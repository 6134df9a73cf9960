"""Regex pieces the detectors share: how a written word may vary on a real page, and fast ways to search.

Speed matters: a scan reads megabytes of page text against a dozen identifiers. Python's `re` finds a pattern
that starts with a literal (or a small set of characters) hundreds of times faster than one that starts with a
look-behind or an alternation, so the detectors search `Document.lower` with patterns that start with literal
lower-case text, and check what comes before a match in Python.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator

APOSTROPHE = "['\u2019\u2018`]"
# Typographic apostrophes, as news sites and word processors write "O’Keeffe": Document.lower turns them into
# "'" (one character for one, so offsets hold), and so do the names searched for in it (see fold).
CURLY_APOSTROPHES = ("\u2019", "\u2018", "\u02bc")

HEADING_CHARS = 300  # the head of a page, where its title and first heading are


# Letters with accents: Latin (â, ŵ, ë, ó, ẁ) and Greek (ά, έ, ί, ϊ: "Ανδρέας" as capitals write it, "ΑΝΔΡΕΑΣ")
_ACCENTED = re.compile("[\u00c0-\u024f\u1e00-\u1eff\u0386-\u03ce]")


# Letters with a stroke rather than an accent, which Unicode does not take apart: Polish "ł" ("Michał" is written
# "Michal" on English pages), Scandinavian "ø", "đ".
# Turkish dotless "ı" is folded the same way ("Yılmaz" is written "Yilmaz" too).
_STROKED = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H", "ı": "i"}


@functools.lru_cache(maxsize=1024)
def _base_letter(ch: str) -> str:
    """ "â" -> "a", "Ŵ" -> "W", "ł" -> "l": the letter without its accent, when it is one letter and an accent."""
    if ch in _STROKED:
        return _STROKED[ch]
    decomposed = unicodedata.normalize("NFD", ch)
    return decomposed[0] if len(decomposed) > 1 and not unicodedata.combining(decomposed[0]) else ch


# How many people's compiled patterns (and their relatives', homes' and dates') the detectors keep. A party
# officer's slate is read page by page, each page for every candidate: a cache smaller than the slate would
# compile every pattern again for every page.
PROFILES_CACHED = 256
DETAILS_CACHED = 2048


def fold(text: str) -> str:
    """Text as footprint searches it: typographic apostrophes as "'", and letters without their accents
    ("Siân" as "Sian", "Zoë" as "Zoe"), one character for one, so every offset holds. Pages and people write
    the same name both ways. (A scan's "El1ie" is not read as "Ellie": "W1T 4PJ" and "bob1smith@" must stay.)"""
    if text.isascii():
        return text
    for odd in _outside_ascii(text.encode("utf-8", "surrogatepass")):
        if (plain := _plain(odd)) != odd:
            text = text.replace(odd, plain)
    return text


_ASCII_BYTES = bytes(range(128))


def _outside_ascii(data: bytes) -> set[str]:
    """The few characters outside ASCII a page uses ("’", "£", "é"), picked out of its UTF-8 by deleting the
    ASCII bytes: a C loop, four times faster than a regex that looks at each character."""
    return set(data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))


def scripts(chars: Iterable[str]) -> frozenset[str]:
    """Which of the other scripts names are looked for in ("greek", "cyrillic", "tamil", "arabic", "gujarati") a page's characters
    outside ASCII (Document.outside_ascii: found once a page) include."""
    found = set()
    for c in chars:
        if "\u0370" <= c <= "\u03ff":
            found.add("greek")
        elif "\u0400" <= c <= "\u04ff":
            found.add("cyrillic")
        elif is_tamil(c):
            found.add("tamil")
        elif is_arabic(c):
            found.add("arabic")
        elif is_gujarati(c):
            found.add("gujarati")
    return frozenset(found)


def is_tamil(ch: str) -> bool:
    return "\u0b80" <= ch <= "\u0bff"


def lower_fold(text: str) -> str:
    """fold(text.lower()), one character for one: a character whose lower case is longer (Turkish "İ", "i" and a
    combining dot) is its plain letter's lower case ("i"), as "YİLMAZ" is written for "Yılmaz".

    Most pages are ASCII but for a few characters ("’", "£", "é"), and `str.lower` takes the slow road through
    all of a page that has one; so the ASCII letters are lowered as bytes (a C loop) and each character
    outside ASCII is replaced on its own, as `fold` does. A capital sigma, which `str.lower` writes "ς" at the
    end of a word, takes the plain road."""
    return lower_fold_and_outside(text)[0]


def lower_fold_and_outside(text: str) -> tuple[str, frozenset[str]]:
    """lower_fold(text), and the characters outside ASCII the text uses, from one encoding of it."""
    if text.isascii():
        return text.lower(), frozenset()
    data = text.encode("utf-8", "surrogatepass")
    outside = frozenset(_outside_ascii(data))
    if "\u03a3" in text:
        low = text.lower()
        if len(low) != len(text):
            low = "".join(c.lower() if len(c.lower()) == 1 else _lower_plain(c) for c in text)
        return fold(low), outside
    low = data.lower().decode("utf-8", "surrogatepass")
    for odd in outside:
        if (plain := _lower_plain(odd)) != odd:
            low = low.replace(odd, plain)
    return low, outside


@functools.lru_cache(maxsize=1024)
def _lower_plain(ch: str) -> str:
    """How lower_fold writes one character outside ASCII."""
    lowered = ch.lower()
    if len(lowered) != 1:  # (Turkish "İ" lowers to "i" and a combining dot: its plain letter's lower case)
        plain = _plain(ch).lower()
        lowered = plain if len(plain) == 1 else ch
    return lowered if lowered.isascii() else _plain(lowered)


@functools.lru_cache(maxsize=1024)
def _plain(ch: str) -> str:
    """How fold writes one character outside ASCII."""
    if ch in CURLY_APOSTROPHES:
        return "'"
    return _base_letter(ch) if _ACCENTED.match(ch) else ch


_SAINT = re.compile(r"st\.?|saint", re.IGNORECASE)


def word_pattern(word: str) -> str:
    """One word, any apostrophe optional and in any typographic form; "St" also as "St." or "Saint". Accents
    are left out, as Document.lower leaves them out."""
    word = fold(word)
    if _SAINT.fullmatch(word):
        return r"(?:st\.?|saint)"
    return (APOSTROPHE + "?").join(re.escape(part) for part in re.split(APOSTROPHE, word))


def lower_words(text: str) -> str:
    """A phrase as a pattern for lower-case text: words over any whitespace, apostrophes in any form."""
    return r"\s+".join(word_pattern(w) for w in text.lower().split())


def alternation(fragments: Iterable[str], word_start: bool = False) -> str:
    """Regex fragments as one alternation that `re` tries quickly: fragments that start with the same plain
    letter share it ("s(?:witchboard|urgery|chool)"), so at each position `re` compares a handful of letters,
    not one per fragment. It matches at the same positions as "a|b|c"; where two fragments could both match at
    one, the longer is tried first (fragments should not rely on their order).

    With word_start, a fragment that starts with a letter or digit matches only at the start of a word, as
    after "\\b", but checked after that first character (a pattern that starts with a look-behind is tried at
    every position of the text; this one only where the letter is)."""
    branches: dict[str, list[str]] = {}
    others: list[str] = []
    for fragment in fragments:
        if fragment[:1].isalnum() and fragment[1:2] not in ("?", "*", "+", "{"):
            branches.setdefault(fragment[0], []).append(fragment[1:])
        else:
            others.append(fragment)
    after_first = r"(?<!\w[\s\S])" if word_start else ""
    parts = []
    for first, rests in branches.items():
        longer = [r for r in rests if r]
        if not longer:
            parts.append(re.escape(first) + after_first)
        elif len(longer) == 1 and len(rests) == 1:
            parts.append(f"{re.escape(first)}{after_first}{longer[0]}")
        else:
            optional = "?" if len(longer) < len(rests) else ""
            parts.append(f"{re.escape(first)}{after_first}(?:{alternation(longer)}){optional}")
    return "|".join(parts + others)


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def starts_word(text: str, start: int) -> bool:
    return start == 0 or not is_word_char(text[start - 1])


def ends_word(text: str, end: int) -> bool:
    return end >= len(text) or not is_word_char(text[end])


def whole_words(
    pattern: re.Pattern[str], text: str, start: int = 0, end: int | None = None
) -> Iterator[re.Match[str]]:
    """Matches of `pattern` that neither start nor end inside a word, found without a slow look-behind.

    A match that starts inside a word is retried one character on, so an overlapping whole-word match after it
    is not lost.
    """
    stop = len(text) if end is None else end
    pos = start
    while pos < stop and (m := pattern.search(text, pos, stop)):
        if m.end() > m.start() and starts_word(text, m.start()) and ends_word(text, m.end()):
            yield m
            pos = max(m.end(), m.start() + 1)
        else:
            pos = m.start() + 1


def line_starts(text: str, lo: int, hi: int) -> Iterator[int]:
    """Where each line in text[lo:hi] starts (lo itself only if a line starts there)."""
    if lo < hi and (lo == 0 or text[lo - 1] == "\n"):
        yield lo
    at = text.find("\n", lo, hi)
    while at != -1 and at + 1 < hi:
        yield at + 1
        at = text.find("\n", at + 1, hi)


def at_line_starts(pattern: re.Pattern[str], text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """What pattern.finditer(text, lo, hi) finds, for a pattern that starts with "(?m:^)": tried only where a
    line starts, not at every position as `re` would (a pattern that starts with an anchor has no prefix to
    skip ahead by)."""
    end = lo
    for at in line_starts(text, lo, hi):
        if at >= end and (m := pattern.match(text, at, hi)):
            yield m
            end = m.end()


def literal_hits(needle: str, haystack: str) -> Iterator[int]:
    """Every offset of `needle` in `haystack` (str.find: the fastest search Python has)."""
    if not needle:
        return
    at = haystack.find(needle)
    while at != -1:
        yield at
        at = haystack.find(needle, at + 1)


# Latin letters as Greek script writes the sounds ("georgiou" as "γεωργίου"), digraphs first. Document.lower drops
# Greek accents as it does Latin ones; the accented vowels are here too, for text that is not folded.
_TO_GREEK = (
    ("ch", "χ"),
    ("th", "θ"),
    ("ps", "ψ"),
    ("ph", "φ"),
    ("ks", "ξ"),
    ("mp", "μπ"),
    ("nt", "(?:ντ|δ)"),
    ("ou", "ο[υύ]"),
    ("ai", "(?:α[ιί]|[εέ])"),
    ("ei", "(?:ε[ιί]|[ιίηή])"),
    ("oi", "(?:ο[ιί]|[ιίηή])"),
    ("a", "[αά]"),
    ("b", "(?:μπ|β)"),
    ("c", "κ"),
    ("d", "(?:ντ|δ)"),
    ("e", "(?:[εέηή]|α[ιί])"),
    ("f", "φ"),
    ("g", "(?:γκ|γγ|γ)"),
    ("h", "χ"),
    ("i", "(?:[ιίϊΐηήυύϋΰ]|ε[ιί]|ο[ιί])"),
    ("j", "(?:τζ|ζ)"),
    ("k", "κ"),
    ("l", "λ"),
    ("m", "μ"),
    ("n", "ν"),
    ("o", "[οόωώ]"),
    ("p", "π"),
    ("q", "κ"),
    ("r", "ρ"),
    ("s", "[σς]"),
    ("t", "τ"),
    ("u", "(?:ο[υύ]|[υύ])"),
    ("v", "β"),
    ("w", "(?:ο[υύ]|β)"),
    ("x", "ξ"),
    ("y", "(?:[υύιί]|γ)"),
    ("z", "ζ"),
)


def _sounds(word: str, table: tuple[tuple[str, str], ...], doubled: bool = False) -> list[str]:
    """A word's letters, letter groups first, as another script writes each (`table`); a letter with no sound
    there (an apostrophe, a hyphen) is left out. With `doubled`, a doubled letter ("ll") may be written once."""
    parts, at = [], 0
    while at < len(word):
        for latin, other in table:
            if word.startswith(latin, at):
                twice = doubled and len(latin) == 1 and word.startswith(latin, at + 1)
                parts.append(f"(?:{other}){{1,2}}" if twice else other)
                at += len(latin) * (2 if twice else 1)
                break
        else:
            at += 1
    return parts


def greek_pattern(name: str) -> str:
    """A Latin-script name as a pattern for its Greek-script spellings in lower-case text: "Christina Georgiou"
    matches "χριστίνα γεωργίου"."""
    words = ["".join(_sounds(word, _TO_GREEK)) for word in fold(name.lower()).split()]
    return r"\s+".join(w for w in words if w)


# English spellings as Ukrainian and Russian pages write their sounds ("Maureen Hollis" as "морін голліс" or
# "морин холлис"), letter groups first. Loose on purpose: a name is only looked for this way on a page in
# Cyrillic, and a relative's first name only beside a relation word.
_TO_CYRILLIC = (
    ("sch", "ш"),
    ("sh", "ш"),
    ("ch", "ч"),
    ("zh", "ж"),
    ("kh", "х"),
    ("ts", "ц"),
    ("th", "т"),
    ("ph", "ф"),
    ("ck", "к"),
    ("qu", "кв"),
    ("wr", "р"),
    ("ee", "і"),
    ("ea", "(?:і|и|е)"),
    ("oo", "у"),
    ("ou", "(?:ау|оу|у|о)"),
    ("au", "(?:о|ау)"),
    ("aw", "о"),
    ("ai", "(?:ей|ай|е|аї)"),
    ("ay", "(?:ей|ай)"),
    ("ey", "(?:і|и|ей)"),
    ("ie", "(?:і|и|іє|іе|є)"),
    ("oa", "(?:оу|о)"),
    ("ow", "(?:оу|ау|о)"),
    ("oy", "ой"),
    ("ew", "ью"),
    ("ya", "я"),
    ("yu", "ю"),
    ("a", "(?:а|е|о|ей|я)"),
    ("b", "б"),
    ("c", "(?:к|с|ц)"),
    ("d", "д"),
    ("e", "(?:е|є|і|и|э)"),
    ("f", "ф"),
    ("g", "(?:г|ґ|дж)"),
    ("h", "(?:г|х)"),
    ("i", "(?:і|и|ї|ай)"),
    ("j", "дж"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "(?:о|а)"),
    ("p", "п"),
    ("q", "к"),
    ("r", "р"),
    ("s", "(?:с|з)"),
    ("t", "т"),
    ("u", "(?:у|а|ю)"),
    ("v", "в"),
    ("w", "(?:в|у)"),
    ("x", "кс"),
    ("y", "(?:і|и|й|ай)"),
    ("z", "з"),
)
# The case endings Ukrainian and Russian give a name in a sentence ("Пітеру Голлісу", "з онуком Оскаром").
_CYRILLIC_ENDINGS = "(?:а|я|у|ю|і|и|е|ом|ем|ою|ею|ові|еві|ої|ій|ів|ого|ому|им|ой|ы)?"


def cyrillic_pattern(name: str) -> str:
    """A Latin-script name as a pattern for its Cyrillic spellings in lower-case text, each word in any case:
    "Rebecca Lindqvist" matches "ребекка ліндквіст" and "ребецці" (to Rebecca). A doubled letter may be written
    once; a word's last vowel may give way to an ending; an apostrophe may stand between letters ("кварр'єр")."""
    words = []
    for word in fold(name.lower()).split():
        parts = _sounds(word, _TO_CYRILLIC, doubled=True)
        if parts and word[-1] in "aeiouy":
            parts[-1] = f"(?:{parts[-1]})?"  # "ребекк-ою", "джейн" for Jane
        if parts:
            words.append("'?".join(parts) + _CYRILLIC_ENDINGS)
    return r"\s+".join(words)


# Tamil names as English writes them ("Lalitha", "Karthik", "Ponnampalam"), back in Tamil script: each consonant
# is one of the letters English writes that way (Tamil has one letter for t and d, several for n, l and r), then
# the sign of the vowel after it, or the pulli (்) where no vowel follows. Letter groups first.
_TAMIL_CONSONANTS = (
    ("ksh", "க்ஷ"),
    ("sh", "(?:ஷ|ஶ|ச)"),
    ("ch", "ச"),
    ("zh", "ழ"),
    ("th", "(?:த|ட)"),
    ("dh", "(?:த|ட)"),
    ("kh", "க"),
    ("gh", "க"),
    ("bh", "ப"),
    ("ph", "ப"),
    ("ng", "(?:ங|ன்க|ண்க)"),
    ("nj", "(?:ஞ்ச|ஞ)"),
    ("k", "க"),
    ("c", "(?:க|ச)"),
    ("g", "(?:க|ஜ)"),
    ("q", "க"),
    ("j", "(?:ஜ|ச)"),
    ("t", "(?:த|ட|ற)"),
    ("d", "(?:த|ட)"),
    ("n", "(?:ந|ன|ண)"),
    ("p", "ப"),
    ("b", "ப"),
    ("f", "ப"),
    ("m", "ம"),
    ("y", "ய"),
    ("r", "(?:ர|ற)"),
    ("l", "(?:ல|ள|ழ)"),
    ("v", "வ"),
    ("w", "வ"),
    ("s", "(?:ச|ஸ|ஷ)"),
    ("h", "ஹ"),
    ("x", "க்ஸ"),
    ("z", "(?:ஸ|ச)"),
)
# (Latin, the vowel at a word's start, its sign after a consonant)
_TAMIL_VOWELS = (
    ("iah", "(?:இய|ஐய)ா?", "(?:ிய|ைய)ா?"),
    ("ia", "(?:இய|ஐய)ா?", "(?:ிய|ைய)ா?"),
    ("aa", "ஆ", "ா"),
    ("ai", "ஐ", "ை"),
    ("ay", "ஐ", "ை"),
    ("au", "ஔ", "ௌ"),
    ("ee", "ஈ", "ீ"),
    ("ii", "ஈ", "ீ"),
    ("oo", "ஊ", "ூ"),
    ("uu", "ஊ", "ூ"),
    ("a", "(?:அ|ஆ)", "ா?"),
    ("i", "(?:இ|ஈ)", "[ிீ]"),
    ("y", "(?:இ|ஈ)", "[ிீ]"),  # (a "y" after a consonant: "Parameswary")
    ("u", "(?:உ|ஊ)", "[ுூ]"),
    ("e", "(?:எ|ஏ)", "[ெே]"),
    ("o", "(?:ஒ|ஓ)", "[ொோ]"),
)
_PULLI = "\u0bcd"
TAMIL_SUFFIX = "[\u0b80-\u0bff]{0,10}"  # the case and the "and" a sentence glues on: "லலிதாவும்", "சிவகுமாரைத்"


def tamil_pattern(name: str) -> str:
    """A Tamil name as English writes it, as a pattern for its Tamil-script spellings: "Abirami" matches "அபிராமி";
    each word may take the endings a sentence glues on."""
    words = []
    for word in fold(name.lower()).split():
        # (no vowel between consonants: "rth" in Karthik, கார்த்திக்; a consonant may be doubled: "த்தி")
        parts = _abugida(
            word,
            _TAMIL_VOWELS,
            _TAMIL_CONSONANTS,
            _PULLI,
            lambda letter: f"(?:{letter}{_PULLI})?{letter}",
            f"{_PULLI}?",
        )
        if parts:
            words.append("".join(parts) + TAMIL_SUFFIX)
    return r"\s+".join(words)


def _abugida(
    word: str,
    vowels: tuple[tuple[str, str, str], ...],
    consonants: tuple[tuple[str, str], ...],
    joined: str,
    letter: Callable[[str], str],
    last: str,
) -> list[str]:
    """A word in English letters as a script that writes each consonant with the vowel after it (Tamil, Gujarati):
    `vowels` are (English letters, the vowel at a word's start, its sign after a consonant), letter groups first;
    `joined` goes between two consonants with no vowel between, `letter` writes a consonant's pattern, and `last`
    ends a word that ends in a consonant. A doubled letter ("nn") is one. A "y" is a vowel only after a
    consonant ("Parameswary")."""
    word = "".join(c for c in word if c.isalpha())
    parts: list[str] = []
    at, after_consonant = 0, False
    while at < len(word):
        vowel = next((v for v in vowels if word.startswith(v[0], at)), None)
        if vowel is not None and not (vowel[0] == "y" and not after_consonant):
            parts.append(vowel[2] if after_consonant else vowel[1])
            at += len(vowel[0])
            after_consonant = False
            continue
        consonant = next((c for c in consonants if word.startswith(c[0], at)), None)
        if consonant is None:
            at += 1
            continue
        size = len(consonant[0])
        if word.startswith(consonant[0], at + size):
            size *= 2
        if after_consonant:
            parts.append(joined)
        parts.append(letter(consonant[1]))
        at += size
        after_consonant = True
    if after_consonant:
        parts.append(last)
    return parts


def is_arabic(ch: str) -> bool:
    return "\u0600" <= ch <= "\u06ff"


# Arabic names as English writes them ("Hala", "Kareem", "Al-Khatib"), back in Arabic script (and in Urdu's
# letters for the same sounds and for p, ch, g, the retroflex t, d and r: "Parveen" پروین), where short vowels
# are not written: each consonant as the letters English writes that way (h for ه and ح, t for ت and ط), a long
# vowel as its letter, a short one as nothing or that letter. Loose on purpose: a name is only looked for this way
# on a page in Arabic script, and a relative's first name only beside a relation word.
_TO_ARABIC = (
    ("kh", "خ"),
    ("sh", "ش"),
    ("th", "(?:ث|ت)"),
    ("dh", "(?:ذ|ض|ظ|د)"),
    ("gh", "غ"),
    ("ch", "(?:تش|ش|چ)"),
    ("ph", "ف"),
    ("b", "ب"),
    ("p", "(?:ب|پ)"),
    ("t", "(?:ت|ط|ٹ)"),
    ("j", "ج"),
    ("h", "(?:ه|ح|ہ|ھ)"),
    ("d", "(?:د|ض|ڈ)"),
    ("r", "(?:ر|ڑ)"),
    ("z", "(?:ز|ظ)"),
    ("s", "(?:س|ص)"),
    ("f", "ف"),
    ("v", "(?:ف|و)"),
    ("q", "ق"),
    ("k", "(?:ك|ق|ک)"),
    ("c", "(?:ك|س|ک)"),
    ("g", "(?:ج|غ|ق|گ)"),
    ("l", "ل"),
    ("m", "م"),
    ("n", "(?:ن|ں)"),
    ("w", "و"),
    ("x", "كس"),
)
_ARABIC_LONG = (
    ("ee", "[يی]"),
    ("ii", "[يی]"),
    ("ey", "[يی]"),
    ("ai", "[يیے]"),
    ("ay", "[يیے]"),
    ("ei", "[يی]"),
    ("oo", "و"),
    ("ou", "و"),
)
_ARABIC_SHORT = {"a": "[اىعأ]?", "e": "[يعئی]?", "i": "[يعئی]?", "o": "[وعؤ]?", "u": "[وعؤ]?", "y": "[يی]"}
_ARABIC_START = "[اأإآع]"  # a vowel that starts a word is written on an alif (or is an ʿayn: "Omar", عمر)
_ARABIC_MARKS = "[\u0640\u064b-\u0652]*"  # the short-vowel marks and the stretching line a page may add
ARABIC_PREFIX = "[وفبلك]?"  # "and", "so", "with", "to", "like", glued to the word after them


def arabic_pattern(name: str) -> str:
    """A Latin-script Arabic name as a pattern for its Arabic-script spellings: "Hala Al-Khatib" matches
    "هالة الخطيب" and "هلا الخطيب"; "Omar" matches "عمر"; the article "Al-" is "ال"."""
    words = []
    for word in fold(name.lower()).split():
        article = ""
        if word[:3] in ("al-", "el-") and len(word) > 3:
            article, word = "ال", word[3:]
        word = "".join(c for c in word if c.isalpha())
        parts: list[str] = []
        at = 0
        while at < len(word):
            last = at + 1 >= len(word)
            if long := next((v for v in _ARABIC_LONG if word.startswith(v[0], at)), None):
                parts.append(long[1] if at else _ARABIC_START + long[1] + "?")
                at += len(long[0])
                continue
            ch = word[at]
            if ch in _ARABIC_SHORT and not (ch == "y" and at == 0):
                if at == 0:
                    parts.append(_ARABIC_START)
                elif last and ch in "ae":
                    parts.append("(?:ا|ى|ة|ه|اء|ہ|ے)?")  # "Hala" هالة, "Rasha" رشا; Urdu "Shazia" شازیہ
                elif last and ch in "iy":
                    parts.append("[يی]")  # "Fadi" فادي
                else:
                    parts.append(_ARABIC_SHORT[ch])
                at += 1
                continue
            sound = next((s for s in _TO_ARABIC if word.startswith(s[0], at)), None)
            if sound is None:
                if ch == "y":
                    parts.append("[يی]")
                at += 1
                continue
            parts.append(sound[1] + _ARABIC_MARKS)
            if word.startswith(sound[0], at + len(sound[0])):  # a doubled letter is written once ("Hassan")
                at += len(sound[0])
            at += len(sound[0])
        if parts:
            words.append(article + "".join(parts))
    return r"\s+".join(words)


def is_gujarati(ch: str) -> bool:
    return "\u0a80" <= ch <= "\u0aff"


# Gujarati names as English writes them ("Nikhil", "Meera", "Rameshchandra"), back in Gujarati script: each
# consonant as the letters English writes that way (Gujarati has two t's, d's, n's and sh's), with the sign of the
# vowel after it, none for the inherent "a", and the virama (્) or nothing where no vowel follows; a vowel that
# starts a word or follows another is a letter of its own. Letter groups first.
_GUJARATI_CONSONANTS = (
    ("chh", "છ"),
    ("ch", "(?:ચ|છ)"),
    ("sh", "(?:શ|ષ|સ)"),
    ("kh", "ખ"),
    ("gh", "ઘ"),
    ("jh", "ઝ"),
    ("th", "(?:થ|ઠ|ત|ટ)"),
    ("dh", "(?:ધ|ઢ|દ|ડ)"),
    ("ph", "ફ"),
    ("bh", "ભ"),
    ("k", "ક"),
    ("g", "ગ"),
    ("c", "(?:ક|ચ)"),
    ("j", "જ"),
    ("t", "(?:ત|ટ)"),
    ("d", "(?:દ|ડ)"),
    ("n", "(?:ન|ણ|ં)"),
    ("p", "પ"),
    ("f", "ફ"),
    ("b", "બ"),
    ("m", "(?:મ|ં)"),
    ("y", "ય"),
    ("r", "ર"),
    ("l", "(?:લ|ળ)"),
    ("v", "વ"),
    ("w", "વ"),
    ("s", "(?:સ|શ)"),
    ("h", "હ"),
    ("z", "(?:ઝ|જ)"),
    ("q", "ક"),
)
# (English letters, the vowel as a letter of its own, its sign after a consonant)
_GUJARATI_VOWELS = (
    ("aa", "આ", "ા"),
    ("ai", "(?:ઐ|એ)", "(?:ૈ|ે|ાઈ|ાઇ)"),
    ("au", "ઔ", "ૌ"),
    ("ee", "ઈ", "ી"),
    ("ii", "ઈ", "ી"),
    ("oo", "ઊ", "ૂ"),
    ("a", "(?:અ|આ)", "ા?"),
    ("e", "(?:એ|ઈ)", "(?:ે|ૈ)"),
    ("i", "(?:ઇ|ઈ)", "(?:િ|ી)"),
    ("o", "ઓ", "(?:ો|ૌ)"),
    ("u", "(?:ઉ|ઊ)", "(?:ુ|ૂ)"),
)
_VIRAMA = "\u0acd"
GUJARATI_SUFFIX = "[\u0a80-\u0aff]{0,6}"  # the case endings a sentence glues on: "પટેલને", "નિખિલનો"


def gujarati_pattern(name: str) -> str:
    """A Gujarati name as English writes it, as a pattern for its Gujarati-script spellings: "Nikhil" matches
    "નિખિલ", "Meera Desai" matches "મીરા દેસાઈ"; each word may take the endings a sentence glues on."""
    words = []
    for word in fold(name.lower()).split():
        # (no vowel between consonants: "ndr" in Rameshchandra, ચંદ્ર, with or without the virama)
        parts = _abugida(
            word, _GUJARATI_VOWELS, _GUJARATI_CONSONANTS, f"{_VIRAMA}?", lambda letter: letter, ""
        )
        if parts:
            words.append("".join(parts) + GUJARATI_SUFFIX)
    return r"\s+".join(words)


HANGUL = "\uac00-\ud7a3"  # Hangul syllables, as a character range for a pattern


def is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def has_hangul(chars: Iterable[str]) -> bool:
    """Whether a page's characters outside ASCII (Document.outside_ascii) include Hangul."""
    return any(is_hangul(ch) for ch in chars)


# What Korean glues on after a name or a kin word, up to three of them: the case particles ("이성호와", with Lee
# Sung-ho; "딸은", the daughter), the familiar "-이" after a given name ("서연이가"), "씨", "님", "군" and "양" (Mr,
# Ms, young master, miss), the plural "들", and a few copulas ("지호 엄마예요", I am Jiho's mum). Then no more Hangul:
# "딸기" (strawberry) is not "딸" (daughter).
HANGUL_AFTER = (
    "(?:이라는|라는|이라고|라고|이에요|예요|입니다|이다|께서|에게|한테|이랑|랑|하고|으로|에서|처럼"
    "|씨|님|군|양|들|이|가|은|는|을|를|의|와|과|도|만|께|아|야|로){0,3}" + f"(?![{HANGUL}])"
)
# Korean surnames of two syllables: "남궁민수" is 남궁 Min-su, not 남 Gung-min-su.
_TWO_SYLLABLE_SURNAMES = frozenset(["남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방"])


def hangul_name(name: str) -> tuple[str, str] | None:
    """A Korean name as Hangul writes it, in one word, surname first ("이서연"): (surname, given name); None for
    anything else. One syllable of surname, or two where it is one of the few two-syllable surnames."""
    name = name.strip()
    if not 2 <= len(name) <= 5 or not all(is_hangul(c) for c in name):
        return None
    cut = 2 if len(name) >= 4 and name[:2] in _TWO_SYLLABLE_SURNAMES else 1
    return (name[:cut], name[cut:]) if len(name) > cut else None
