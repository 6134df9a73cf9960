"""Find the profile's date of birth on a page: written in full, given away by a birthday post, or in part.

The patterns are built for the one date, so no other date on the page can match. For speed they run only in
small windows around literal anchors: the year's last two digits (every full form carries them), a word about
birth, and "today" / "birthday" for birthday posts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from footprint.detect.interface import Detector, Document
from footprint.detect.subject import mentions, untitled
from footprint.detect.text import (
    DETAILS_CACHED,
    HANGUL,
    PROFILES_CACHED,
    fold,
    hangul_name,
    has_hangul,
    literal_hits,
)
from footprint.model import Kind, Match, Need, Profile

WRITTEN_CONFIDENCE = 0.9
NUMERIC_IN_CONTEXT_CONFIDENCE = 0.9
# A bare numeric date could be a meeting or a deadline that happens to fall on the birthday.
NUMERIC_BARE_CONFIDENCE = 0.6
BIRTHDAY_POST_CONFIDENCE = 0.8
MONTH_YEAR_CONFIDENCE = 0.6
DAY_MONTH_CONFIDENCE = 0.6
YEAR_CONFIDENCE = 0.5
CONTEXT_CHARS = 60
POST_DATE_CHARS = 300  # how far before a birthday phrase to look for the post's own date
POST_DATE_FAR = 2000  # how far back the last full date before it may still be the post's (a long feed item)

_MONTHS = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sept", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
# Spanish months, as a date writes them ("27 de agosto de 1981") and as a page's own date does.
_SPANISH_MONTHS = (
    ("enero",),
    ("febrero",),
    ("marzo",),
    ("abril",),
    ("mayo",),
    ("junio",),
    ("julio",),
    ("agosto",),
    ("septiembre", "setiembre"),
    ("octubre",),
    ("noviembre",),
    ("diciembre",),
)
_MONTH_NUMBER = {
    name: number
    for months in (_MONTHS, _SPANISH_MONTHS)
    for number, names in enumerate(months, start=1)
    for name in names
}
# The months as a Greek-language page writes a date ("15 Μαΐου 1973": the genitive, with or without its accent;
# "Μάιος 1973": the nominative), for this date's patterns only.
_GREEK_MONTHS = (
    "ιανουαρ[ίι]ο[υς]",
    "φεβρουαρ[ίι]ο[υς]",
    "μαρτ[ίι]ο[υς]",
    "απριλ[ίι]ο[υς]",
    "μα[ΐϊιί]ο[υς]",
    "ιουν[ίι]ο[υς]",
    "ιουλ[ίι]ο[υς]",
    "αυγο[υύ]στο[υς]",
    "σεπτεμβρ[ίι]ο[υς]",
    "οκτωβρ[ίι]ο[υς]",
    "νοεμβρ[ίι]ο[υς]",
    "δεκεμβρ[ίι]ο[υς]",
)
# Welsh months, with the soft mutation "o" (of) gives them ("3ydd o Dachwedd"), accents left out.
_WELSH_MONTHS = (
    "ionawr",
    "chwefror",
    "[mf]awrth",
    "ebrill",
    "[mf]ai",
    "[mf]ehefin",
    "g?orffennaf",
    "awst",
    "[mf]edi",
    "hydref",
    "[td]achwedd",
    "rh?agfyr",
)
# Polish months as a date writes them (the genitive: "17 kwietnia 1980"), and the nominative ("kwiecień 1980").
_POLISH_MONTHS = (
    "stycz(?:nia|e[nń])",
    "lut(?:ego|y)",
    "mar(?:ca|zec)",
    "kwie(?:tnia|ci[eę][nń])",
    "maj[a]?",
    "czerw(?:ca|iec)",
    "lip(?:ca|iec)",
    "sierp(?:nia|i[eę][nń])",
    "wrze(?:[sś]nia|si[eę][nń])",
    "pa[zź]dziernik[a]?",
    "listopad[a]?",
    "grud(?:nia|zie[nń])",
)
# Lithuanian months as a date writes them, the genitive ("1980 m. rugsėjo 19 d."), with or without accents.
_LITHUANIAN_MONTHS = (
    "sausio",
    "vasario",
    "kovo",
    "baland[zž]io",
    "gegu[zž][eė]s",
    "bir[zž]elio",
    "liepos",
    "rugpj[uū][cč]io",
    "rugs[eė]jo",
    "spalio",
    "lapkri[cč]io",
    "gruod[zž]io",
)
# Romanian months ("19 septembrie 1987"), for this date's patterns only ("mai", May, is also a word: a date
# needs its day, and a day and month alone a word about birth).
_ROMANIAN_MONTHS = (
    "ianuarie",
    "februarie",
    "martie",
    "aprilie",
    "mai",
    "iunie",
    "iulie",
    "august",
    "septembrie",
    "octombrie",
    "noiembrie",
    "decembrie",
)
# Turkish ("11 Nisan 1980"), Portuguese ("23 de outubro de 1980") and Hungarian ("1970. november 23.") months, with
# and without their accents, for this date's patterns only.
_TURKISH_MONTHS = (
    "ocak",
    "[sş]ubat",
    "mart",
    "nisan",
    "may[ıi]s",
    "haziran",
    "temmuz",
    "a[gğ]ustos",
    "eyl[uü]l",
    "ekim",
    "kas[ıi]m",
    "aral[ıi]k",
)
_PORTUGUESE_MONTHS = (
    "janeiro",
    "fevereiro",
    "mar[cç]o",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
)
_HUNGARIAN_MONTHS = (
    "janu[aá]r",
    "febru[aá]r",
    "m[aá]rcius",
    "[aá]prilis",
    "m[aá]jus",
    "j[uú]nius",
    "j[uú]lius",
    "augusztus",
    "szeptember",
    "okt[oó]ber",
    "november",
    "december",
)
# ... and as Urdu writes the English ones ("۹ مارچ ۱۹۷۱ء", its digits read as ASCII ones)
_URDU_MONTHS = (
    "جنوری",
    "فروری",
    "مارچ",
    "اپریل",
    "مئی",
    "جون",
    "جولائی",
    "اگست",
    "ستمبر",
    "اکتوبر",
    "نومبر",
    "دسمبر",
)
# ... and as Eritrea's Tigrinya names the Gregorian ones ("22 መጋቢት 1983", 22 March 1983), not running on into a
# longer word
_TIGRINYA_MONTHS = tuple(
    f"(?:{month})(?![\u1200-\u137f])"
    for month in (
        "ጥሪ",
        "ለካቲት|የካቲት",
        "መጋቢት",
        "ሚያዝያ",
        "ግንቦት",
        "ሰነ",
        "ሓምለ",
        "ነሓሰ",
        "መስከረም",
        "ጥቅምቲ",
        "ሕዳር",
        "ታሕሳስ",
    )
)
# The Ethiopian calendar's months, as Latin letters spell them (Ge'ez script: the Tigrinya names above, each
# four months on), read only on a page that says its dates are in that calendar.
_ETHIOPIAN_MONTHS = (
    "meskerem|meskarem",
    "tikimt|tekemt|tikemt|tiqimt",
    "hidar|hedar",
    "tahsas|tahisas|tahesas",
    "tir|ter",
    "yekatit|lekatit",
    "megabit",
    "miazia|miyazya|miyazia",
    "ginbot|genbot",
    "sene",
    "hamle",
    "nehase|nehasse",
    "pagume|pagumen",
)
_ETHIOPIAN_PAGE = re.compile(r"e\.c\.|ethiopian\s+calendar|ዓ\.ም|ዓመተ\s+ምሕረት")
_ETHIOPIAN_EPOCH = 1724221  # the Julian day number of 1 Meskerem, year 1


def _ethiopian(date: dt.date) -> tuple[int, int, int]:
    """A Gregorian date in the Ethiopian calendar: (year, month, day); 22 March 1983 is 13 Megabit 1975."""
    days = date.toordinal() + 1721425 - _ETHIOPIAN_EPOCH
    year = (4 * days + 1463) // 1461
    into = days - (365 * (year - 1) + year // 4)
    return year, into // 30 + 1, into % 30 + 1


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _ethiopian_pattern(date: dt.date) -> re.Pattern[str]:
    """The date as a page in the Ethiopian calendar writes it: "13/07/1975", "13 Megabit 1975", "13 መጋቢት 1975"."""
    year, month, day = _ethiopian(date)
    names = [_ETHIOPIAN_MONTHS[month - 1]]
    if month <= 12:  # (the Ge'ez names: the Ethiopian calendar's first month is the Gregorian September)
        names.append(_TIGRINYA_MONTHS[(month + 7) % 12])
    month_name = "(?:" + "|".join(names) + ")"
    return re.compile(
        rf"{_NUMERIC_START}{_number(day)}(?P<s>[/.\-]){_number(month)}(?P=s){year}{_NUMERIC_END}"
        rf"|(?<!\w){_number(day)}\s+{month_name}\s+{year}(?!\d)",
        re.IGNORECASE,
    )


# The months as Gujarati writes the English ones ("૧૭ એપ્રિલ ૧૯૬૧", with its digits read as ASCII ones), with
# its spelling variants; none may run on into a longer word ("મે", May, starts "મેળો").
_GUJARATI_MONTHS = tuple(
    f"(?:{month})(?![\u0a80-\u0aff])"
    for month in (
        "જાન્યુઆરી",
        "ફેબ્રુઆરી",
        "માર્ચ",
        "એપ્રિલ",
        "મે",
        "જૂન|જુન",
        "જુલાઈ|જુલાઇ",
        "ઑગસ્ટ|ઓગસ્ટ|ઑગષ્ટ|ઓગષ્ટ",
        "સપ્ટેમ્બર|સપ્ટેંબર",
        "ઑક્ટોબર|ઓક્ટોબર",
        "નવેમ્બર|નવેંબર",
        "ડિસેમ્બર|ડિસેંબર",
    )
)
# Words about birth: English, Welsh ("ganwyd", born; "dyddiad geni", date of birth; "pen-blwydd", birthday),
# Polish ("ur.", born; "urodzona", "urodziny", birthday; "data urodzenia", date of birth) and Spanish ("nació",
# "nacida", born; "fecha de nacimiento", date of birth; "cumpleaños", birthday; "cumple 45", turns 45).
_BIRTH_WORDS = re.compile(r"birth|\bborn\b|\bd\.?o\.?b\b|\bb'?day", re.IGNORECASE)
_TURNED_AN_AGE = re.compile(
    r"\bturned\s+\d{1,3}\b", re.IGNORECASE
)  # "who turned 65 on ...": tried after a find
# ... and in Welsh, Polish and Spanish, tried only where a cheap look finds one of their letters' runs (see
# _near_birth_word)
_OTHER_BIRTH_WORDS = re.compile(
    r"\bganwyd\b|\bgeni\b|pen-?blwydd|\bur\.|urodz|\bnaci(?:d[oa]|[oó]|miento)\b|\bcumple(?:a[nñ]os)?\b"
    r"|\bgim[eė]\b|\bgimimo\b|gimtadien"  # Lithuanian: born, (date) of birth, birthday
    r"|\bn[aă]scut[aă]?\b|\bna[sșş]ter"  # Romanian: born, (date of) birth
    r"|\bdo[gğ](?:um|du|dum|an|mu[sş])"  # Turkish: birth(day), was born, I was born, born
    r"|\bnasc(?:id[oa]|eu|i|imento)\b|anivers[aá]rio"  # Portuguese: born, birth, birthday
    r"|sz[uü]let|sz[uü]linap"  # Hungarian: born, (date) of birth, birthday
    r"|\bsinh\s+(?:n[aă]m|ng[aà]y|nh[aậ]t)|ng[aà]y\s+sinh"  # Vietnamese: born (in year, on day), birthday
    r"|생일|생년월일|출생|태어|년생",  # Korean: birthday, date of birth, birth, born, born in the year
    re.IGNORECASE,
)
_OTHER_BIRTH_HINTS = (  # (in lower case)
    "ganwyd",
    "geni",
    "blwydd",
    "ur.",
    "urodz",
    "naci",
    "cumple",
    "gim",
    "nasc",  # (Romanian, with its letters as a page writes them: "născut", "naşterii", "nașterii")
    "născ",
    "nast",
    "naşt",
    "nașt",
    "doğ",
    "dogum",
    "dogdu",
    "dogan",
    "dogmus",
    "anivers",
    "szület",
    "szulet",
    "szülin",
    "szulin",
    "sinh",
    *("생일", "생년", "출생", "태어", "년생"),
)
# Places worth a closer look, found with str.find (faster than any regex): words about birth, and the
# "today" / "birthday" of a birthday post.
_ANCHOR_WORDS = (
    "birth",
    "born",
    " turned ",  # "who turned 65 on Thursday, November 4" (not "returned")
    "dob",
    "d.o.b",
    "bday",
    "b'day",
    "today",
    "tomorrow",
    "yesterday",
    "happy",
    "ganwyd",
    "dyddiad geni",
    "blwydd",
    " ur.",
    "(ur.",
    "urodz",
    "lat!",
    "heddiw",
    "naci",
    "cumple",
    "сьогодні",
    "gime",
    "gimimo",
    "gimtadien",
    "nascut",  # Romanian: born ("născută pe 19 septembrie"), (date of) birth
    "naster",
    "-eri",  # Lithuanian ages on a birthday post: "45-eri", "32-eji"
    "-eji",
)
# ... and words of languages that write accents, looked for only on a page with accented letters (English pages,
# most of those read, have none, and each is a search of the whole page): Turkish, Portuguese, Hungarian and
# Vietnamese words about birth, and their birthday posts' ages
_ACCENTED_ANCHOR_WORDS = (
    "dogum",  # Turkish: birth ("doğum günü", birthday; "doğumlu", born in), was born ("doğdu", "doğan")
    "dogdu",
    "dogan",
    "dogmus",
    "nasc",  # Portuguese: born ("nascida", "nasceu"), birth ("data de nascimento")
    "aniversario",
    "szulet",  # Hungarian: born ("született"), of birth ("születési"), birthday ("születésnap")
    "szulinap",
    "sinh n",  # Vietnamese: born in ("sinh năm"), birthday ("sinh nhật"), born on ("sinh ngày"), date of birth
    "sinh ng",
    "ngay sinh",
    # ... and a birthday post's age: Turkish "45 yaşına girdi", Hungarian "55 éves lett", Portuguese "45 aninhos",
    # "faz hoje 45 anos", Vietnamese "tròn 55 tuổi"
    "yasina gir",
    "yasima gir",
    "eves lett",
    "aninhos",
    "hoje",
    "tron ",
)
# ... and Korean's, looked for only on a page with Hangul: birthday ("생일", and "생년월일", date of birth), birth,
# born, born in the year ("74년생")
_KOREAN_ANCHOR_WORDS = ("생일", "출생", "태어", "년생")
# ... and Tagalog's, looked for only on a page that says "kaarawan" (birthday): the ages a birthday post gives ("48
# na si Ate", "48 na ako", "48 ka na"), which come after the greeting, beyond the window around it
_TAGALOG_POST_AGES = (" na si ", " na ako", " na siya", " na sya", " ka na")
_TAGALOG_POST_WORDS = ("kaarawan", *_TAGALOG_POST_AGES)
_ACCENTED_LETTERS = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")
# (the birthday posts' ages in other languages, as anchors)
_OTHER_POST_AGES = frozenset(
    {"yasina gir", "yasima gir", "eves lett", "aninhos", "hoje", "tron ", *_TAGALOG_POST_AGES}
)
_POST_ANCHORS = frozenset(
    {
        "сьогодні",
        "birth",
        "bday",
        "b'day",
        "today",
        "tomorrow",
        "yesterday",
        "happy",
        "lat!",
        "heddiw",
        "blwydd",
        "urodz",
        "cumple",
        "-eri",
        "-eji",
        *_OTHER_POST_AGES,
        # (a birthday wished: "feliz aniversário", "maligayang kaarawan")
        *("aniversario", "szulet", "szulinap", "dogum", "sinh n", "kaarawan", "생일"),
    }
)
_POST_ONLY = frozenset(
    {
        "today",
        "tomorrow",
        "yesterday",
        "happy",
        "lat!",
        "heddiw",
        "сьогодні",
        "-eri",
        "-eji",
        *_OTHER_POST_AGES,
    }
)  # not words about birth
_NUMERIC_END = r"(?!\d)(?![/.\-]\d)"
_NUMERIC_START = r"(?<![\d/.\-])"
_DAY_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?\s+(?:of\s+)?$", re.IGNORECASE)
_ORDINAL = r"(?:st|nd|rd|th|af|il|ydd|ed|fed|eg|ain)?"  # (and Welsh: 1af, 2il, 3ydd, 5ed, 7fed, 11eg, 21ain)
_ANY_MONTH = "(?:" + "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True)) + r")(?![a-z])\.?"
# Any full date, to read a post's own date: 14 June 2024, June 14, 2024, 14/06/2024, 2024-06-14.
_ANY_DATE = re.compile(
    rf"(?P<d1>\d{{1,2}}){_ORDINAL}(?:\s+of|\s+de)?[\s\-]+(?P<m1>{_ANY_MONTH}),?(?:\s+del?)?[\s\-]+(?P<y1>\d{{4}})(?!\d)"
    rf"|(?P<m2>{_ANY_MONTH})\s+(?P<d2>\d{{1,2}}){_ORDINAL},?\s+(?P<y2>\d{{4}})(?!\d)"
    rf"|(?<!\d)(?P<d3>\d{{1,2}})/(?P<m3>\d{{1,2}})/(?P<y3>\d{{4}})(?!\d)"
    rf"|(?<!\d)(?P<y4>\d{{4}})-(?P<m4>\d{{2}})-(?P<d4>\d{{2}})(?!\d)"
    rf"|(?<!\d)(?P<y5>\d{{4}})년\s*(?P<m5>\d{{1,2}})월\s*(?P<d5>\d{{1,2}})일",  # (Korean: year, month, day)
    re.IGNORECASE,
)
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("eighteen", "nineteen")
_AGE_WORDS = rf"(?:{'|'.join(_TENS)})(?:[\s\-]+(?:{'|'.join(_UNITS)}))?|{'|'.join(_TEENS)}"
_AGE_TODAY = re.compile(
    rf"(?<!\d)(?P<age>\d{{1,3}}){_ORDINAL}\s+(?:today|tomorrow|birthday|bday|b'day)"
    r"|turn(?:s|ed|ing)\s+(?P<age2>\d{1,3})\s+(?:today|tomorrow|yesterday)"  # "turns 58 tomorrow"
    r"|happy\s+(?P<age3>\d{1,3})(?:st|nd|rd|th)(?!\w)(?!\s+(?:birthday|bday|b'day))"  # "HAPPY 21ST NELL"
    rf"|(?<![\w\-])(?P<words>{_AGE_WORDS})\s+(?:today|tomorrow)"  # "Forty-two today!"
    # Polish "45 lat!" (45 years!) on a birthday post; Welsh "45 oed heddiw" (45 today)
    r"|(?<!\d)(?P<age4>\d{1,3})\s+lat(?:ka)?\s*!|(?<!\d)(?P<age5>\d{1,3})\s+oed\s+heddiw"
    # Spanish "hoy cumple 45" (today she turns 45), "cumple 45 años hoy"
    r"|hoy\s+cumple\s+(?P<age6>\d{1,3})(?!\d)|cumple\s+(?P<age7>\d{1,3})(?:\s+a[nñ]os)?\s+hoy"
    # Lithuanian "45-eri!" (45 years, as a birthday post writes an age: "penkeri", "dveji", "ketveri")
    r"|(?<!\d)(?P<age8>\d{1,3})-(?:eri|eji)(?!\w)"
    # the day after: "all the lovely messages yesterday on my 65th birthday"
    r"|yesterday\s+on\s+(?:my|his|her)\s+(?P<age9>\d{1,3})(?:st|nd|rd|th)\s+(?:birthday|bday|b'day)"
    # Turkish "45 yaşıma girdim" (I have turned 45), "45 yaşına girdi"; Hungarian "55 éves lett" (has turned 55);
    # Portuguese "45 aninhos" (45 little years, as a birthday post says it), "faz hoje 45 anos" (turns 45 today);
    # Vietnamese "tròn 55 tuổi" (a full 55 years)
    r"|(?<!\d)(?P<age10>\d{1,3})\s+ya[sş][ıi][mn]a\s+gird|(?<!\d)(?P<age11>\d{1,3})\s+[eé]ves\s+lett"
    r"|(?<!\d)(?P<age12>\d{1,3})\s+aninhos|faz\s+hoje\s+(?P<age13>\d{1,3})\s+anos"
    r"|tr[oò]n\s+(?P<age14>\d{1,3})\s+tu[oổ]i"
    # Tagalog "48 na si Ate" (Ate is 48 now), "48 na ako" (I am 48 now), "48 ka na" (you are 48 now)
    r"|(?<!\d)(?P<age15>\d{1,3})\s+na\s+(?:si|ako|siya|sya)(?!\w)|(?<!\d)(?P<age16>\d{1,3})\s+ka\s+na(?!\w)"
    # Korean "51번째 생일" (the 51st birthday), "51세 생일", "51살 생일" (the birthday at 51)
    r"|(?<!\d)(?P<age17>\d{1,3})\s*(?:번째|세|살)\s*생일",
    re.IGNORECASE,
)


_HAPPY_AGE = re.compile(r"happy\s+\d")


def _days_off(m: re.Match[str]) -> int:
    """How many days after the post the birthday an _AGE_TODAY match speaks of falls: "tomorrow" 1."""
    said = m.group().lower()
    if said.endswith("tomorrow"):
        return 1
    return -1 if said.startswith("yesterday") or said.endswith("yesterday") else 0


# The groups that hold an age in digits, one for each form above (a new form needs no change here).
_AGE_GROUPS = tuple(name for name in _AGE_TODAY.groupindex if name.startswith("age"))


def _age(m: re.Match[str]) -> int:
    """The age an _AGE_TODAY match gives, in digits or in words."""
    if digits := next((m.group(g) for g in _AGE_GROUPS if m.group(g)), None):
        return int(digits)
    words = re.split(r"[\s\-]+", m.group("words").lower())
    if words[0] in _TEENS:
        return 18 + _TEENS.index(words[0])
    age = 20 + 10 * _TENS.index(words[0])
    return age + (_UNITS.index(words[1]) + 1 if len(words) > 1 else 0)


_HAPPY_BIRTHDAY = re.compile(
    r"happy\s+(?:\w+\s+)?(?:birthday|bday|b'day)"
    # Portuguese, Hungarian (twice), Turkish ("your birthday be happy") and Vietnamese
    r"|feliz\s+anivers[aá]rio|boldog\s+sz[uü]let[eé]snapot|boldog\s+sz[uü]linapot|do[gğ]um\s+g[uü]n[uü]n\s+kutlu"
    r"|ch[uú]c\s+m[uừ]ng\s+sinh\s+nh[aậ]t|maligayang\s+kaarawan",  # (and Tagalog)
    re.IGNORECASE,
)
# ... and the person's own thanks: "Thank you all for the lovely birthday messages today" (each pattern starts with
# its own word, so `re` searches for it rather than trying a choice at every position)
_BIRTHDAY_THANKS = re.compile(
    r"birthday\s+(?:messages|wishes|cards|greetings)\b[^.!?\n]{0,30}\btoday", re.IGNORECASE
)
# Ukrainian "Сьогодні нашому дорогому Пітеру 65!" (today our dear Peter is 65), "сьогодні мені 50 років" (for
# lower-case text)
_TODAY_UK = re.compile(r"сьогодні\s+(?:[^\W\d]+\s+){0,5}(?P<age>\d{1,3})(?=\s*(?:!|рок|\W*$))", re.MULTILINE)
# ... or for the day before's: "thanked listeners for yesterday's birthday wishes" (for lower-case text)
_YESTERDAYS_BIRTHDAY = re.compile(r"yesterday['’]?s\s+birthday(?!\w)")
# "turned 65 on Tuesday" in a story dated the Thursday after: the page's date gives the day (not when a date
# follows the weekday, "turned 65 on Thursday, November 4": see _age_gives_the_year). For lower-case text.
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_TURNED_ON_A_WEEKDAY = re.compile(
    rf"turned\s+(?P<age>\d{{1,3}})\s+(?:on|last)\s+(?P<weekday>{'|'.join(_WEEKDAYS)})(?!\w)"
    r"(?!,?\s+(?:the\s+)?\d)(?!,?\s+[a-z]+\.?\s+\d)"
)


# A page that says its dates are month-first (US sites): 11/03/1971 there is 3 November.
_MONTH_FIRST_PAGE = re.compile(
    r"mm/dd/yy|month/day/year|u\.\s?s\.\s+(?:date\s+)?format|american\s+date", re.I
)


_SLASHED_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/\d{4}(?!\d)")


def _writes_month_first(text: str) -> bool:
    """Whether the page's own dates show it writes the month first: "Record updated 03/14/2026" can only be
    14 March, and no date on it reads only day first."""
    month_first = False
    for m in _SLASHED_DATE.finditer(text):
        if m.start() > 0 and text[m.start() - 1].isdigit():
            continue
        first, second = int(m.group(1)), int(m.group(2))
        if first > 12 >= second:
            return False
        month_first = month_first or second > 12 >= first
    return month_first


@dataclass(frozen=True)
class _Patterns:
    written: re.Pattern[str]
    numeric: re.Pattern[str]
    numeric_month_first: re.Pattern[str]
    month_year: re.Pattern[str]
    day_month: re.Pattern[str]
    year: re.Pattern[str]


def _number(n: int) -> str:
    return f"0?{n}" if n < 10 else str(n)


@functools.lru_cache(maxsize=DETAILS_CACHED)
def _patterns(date: dt.date, korean: bool = False) -> _Patterns:
    """Patterns for this one date only, so no other date on the page can match; with `korean`, also as Korean
    writes it (each form more is tried at every position of a window, so only on a page with Hangul)."""
    day, month = _number(date.day), _number(date.month)
    year = f"{date.year:04d}"
    short_year = f"(?:{year}|{year[2:]})"
    month_name = (
        "(?:"
        + "|".join(
            (
                *_MONTHS[date.month - 1],
                _GREEK_MONTHS[date.month - 1],
                _WELSH_MONTHS[date.month - 1],
                _POLISH_MONTHS[date.month - 1],
                *_SPANISH_MONTHS[date.month - 1],
                _LITHUANIAN_MONTHS[date.month - 1],
                _GUJARATI_MONTHS[date.month - 1],
                _ROMANIAN_MONTHS[date.month - 1],
                _URDU_MONTHS[date.month - 1],
                _TURKISH_MONTHS[date.month - 1],
                _PORTUGUESE_MONTHS[date.month - 1],
                _HUNGARIAN_MONTHS[date.month - 1],
                _TIGRINYA_MONTHS[date.month - 1],
            )
        )
        + r")(?![a-z])\.?"
    )
    written: tuple[str, ...] = (
        rf"(?<![\w]){day}{_ORDINAL}(?:\s+of\s+|\s+o\s+|\s+de\s+|[\s\-]+){month_name}(?:,?[\s\-]+|\s+del?\s+)(?:{year}|['\u2019]{year[2:]})(?:\s*r\.)?(?!\d)",
        rf"(?<![\w]){month_name}\s+{day}{_ORDINAL},?\s+{year}(?!\d)",
        # year first, as Lithuanian and Hungarian write it: "1980 m. rugsėjo 19 d.", "1970. november 23-án"
        rf"(?<![\w]){year}(?:\s*m\.|\.)\s+{month_name}\s+{day}(?!\d)",
        # Tigrinya, the day with "on" glued before it: "ብ22 መጋቢት 1983" (on 22 March 1983)
        rf"(?<!\d){day}\s+{_TIGRINYA_MONTHS[date.month - 1]}\s+{year}(?!\d)",
        # Vietnamese: "ngày 4 tháng 9 năm 1971" (day 4, month 9, year 1971)
        rf"(?<![\w])ng[aà]y\s+{day}\s+th[aá]ng\s+{month},?\s+n[aă]m\s+{year}(?!\d)",
    )
    if korean:  # "1974년 9월 23일" (year, month, day), "1974. 9. 23."
        written += (rf"(?<!\d){year}년\s*{month}월\s*{day}일|(?<!\d){year}\.\s+{month}\.\s+{day}\.",)
    numeric = [
        rf"{_NUMERIC_START}{day}(?P<s1>[/.\-]){month}(?P=s1){short_year}{_NUMERIC_END}",
        rf"{_NUMERIC_START}{year}(?P<s2>[/.\-]){month}(?P=s2){day}{_NUMERIC_END}",
        # A vCard's or a database's "BDAY:19760819": counted only beside a word about birth.
        rf"{_NUMERIC_START}(?P<compact>{year}{date.month:02d}{date.day:02d})(?!\d)",
    ]
    month_first = rf"{_NUMERIC_START}{month}(?P<s3>[/.\-]){day}(?P=s3){short_year}{_NUMERIC_END}"
    month_first_page = [month_first, numeric[1]]
    if date.day > 12:  # elsewhere month-first is only unambiguous when the day cannot be a month
        numeric.append(month_first)
    day_month = [
        rf"(?<![\w]){day}{_ORDINAL}(?:\s+of\s+|\s+o\s+|\s+de\s+|[\s\-]+){month_name}(?![\w\-]*,?[\s\-]*['\u2019]?\d)(?!\s+del?\s+\d)",
        # (not after a year: Hungarian "1971. november 23-án" is a whole date, someone's if not this one)
        rf"(?<![\w])(?<!\d\.\s)(?<!\d\s){month_name}\s+{day}{_ORDINAL}(?!\w)(?!,?\s*\d)",
        # A record's "birthday: 19/08" (and, as a US form writes it, "08/19" when the day cannot be a month).
        rf"{_NUMERIC_START}{day}/{month}{_NUMERIC_END}",
    ]
    if date.day > 12:
        day_month.append(rf"{_NUMERIC_START}{month}/{day}{_NUMERIC_END}")
    if korean:  # "9월 23일" (not after a year)
        day_month.append(rf"(?<!\d)(?<!년\s)(?<!년){month}월\s*{day}일")
    return _Patterns(
        written=re.compile("|".join(written), re.IGNORECASE),
        numeric=re.compile("|".join(numeric)),
        numeric_month_first=re.compile("|".join(month_first_page)),
        # "June 1979"; and as records write it, "06/1979", "6.1979", "1979-06" (never part of a full date).
        month_year=re.compile(
            rf"(?<![\w]){month_name}(?:,?\s+|\s+del?\s+){year}(?!\d)|{_NUMERIC_START}{month}[/.\-]{year}{_NUMERIC_END}"
            rf"|{_NUMERIC_START}{year}-{date.month:02d}{_NUMERIC_END}",
            re.IGNORECASE,
        ),
        day_month=re.compile("|".join(day_month), re.IGNORECASE),
        # "born 1979", "born in 1979", "born in Millbrook in 1979", "born in Point Pedro, on the northern tip of
        # Sri Lanka, in 1971"; "DOB: 1979", "year of birth 1979", and as API fields write them, "dob_year: 1979",
        # "birth_year: 1979", "year_of_birth: 1979".
        year=re.compile(
            rf"\b(?:born\s+(?:in\s+)?(?:(?:[a-z][\w'\-]*\s+){{1,5}}in\s+)?"
            # (a place, then where it is, then the year: not "Born in Gdańsk, Janusz came to Kexwick in 1974")
            rf"|born\s+in\s+(?:[a-z][\w'\-]*\s+){{0,4}}[a-z][\w'\-]*,\s+(?:on|near|at|off|outside|in)\s+"
            rf"(?:[a-z][\w'\-]*\s+){{0,6}}[a-z][\w'\-]*,\s+in\s+"
            rf"|(?:(?:dob|d\.o\.b\.?|birth)(?:[_\s\-]?year)?|year[_\s\-]?of[_\s\-]?birth)\W{{0,3}}"
            # Polish "urodziłam się tam w 1980 roku", "ur. w 1980 r.", "rocznik 1980"; Welsh "ganwyd yn 1970"
            rf"|urodzi\w*\s+si[eę]\s+(?:[\w.]+\s+){{0,3}}?w\s+|ur\.\s*(?:w\s+)?|rocznik\s+|ganwyd\s+(?:[\w']+\s+){{0,3}}?yn\s+"
            # Spanish "nació en 1981", "nacida en Plasencia en 1981"; Portuguese "nascida no Caniço em 1980"
            rf"|(?:naci(?:d[oa]|[oó])|nasc(?:id[oa]|eu|i))\s+(?:e[nm]\s+)?(?:(?:\w[\w'\-]*\s+){{1,5}}e[nm]\s+)?"
            # Hungarian "született 1970-ben", "született Pécsen 1970-ben"; Vietnamese "sinh năm 1971"
            rf"|sz[uü]letett\s+(?:\w+\s+){{0,2}}|sinh\s+n[aă]m\s+)"
            rf"(?:{year}|['\u2019]{year[2:]}){_NUMERIC_END}"
            # ... and the year first: Turkish "1980 yılında Lefkoşa'da doğdum", "1980 doğumlu"; Hungarian "1970-ben
            # született"
            rf"|(?<!\d){year}(?:['\u2019]?[dt][ae]|\s+y[ıi]l[ıi]nda)?\s+(?:[\w'\u2019]+\s+){{0,3}}?do[gğ](?:du|dum|an|umlu)\b"
            rf"|(?<!\d){year}-?b[ae]n\s+sz[uü]let"
            # Vietnamese "sinh năm Tân Hợi": the year's name in the sixty-year cycle (one year in a lifetime)
            rf"|sinh\s+n[aă]m\s+{_cycle_name(date.year)}(?!\w)"
            # Korean "1974년생", "74년생" (born in the year '74), "1974년 대전에서 태어난" (born in Daejeon in 1974)
            + (
                rf"|(?<!\d)(?:{year}|['\u2019]?{year[2:]})년생|(?<!\d){year}년에?\s+(?:\S+\s+){{0,2}}?태어"
                if korean
                else ""
            ),
            re.IGNORECASE,
        ),
    )


# The sixty-year cycle's names: a heavenly stem by the year's last digit, an earthly branch by the year modulo 12
# (1971 is Tân Hợi, 1984 Giáp Tý), each as written and without its accents.
_STEMS = ("Canh", "Tân", "Nhâm", "Quý", "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ")
_BRANCHES = ("Thân", "Dậu", "Tuất", "Hợi", "Tý", "Sửu", "Dần", "Mão|Mẹo", "Thìn", "Tỵ|Tị", "Ngọ", "Mùi")


def _cycle_name(year: int) -> str:
    def spellings(names: str) -> str:
        forms = {f for name in names.split("|") for f in (name, fold(name))}
        return "(?:" + "|".join(sorted(forms)) + ")"

    return rf"{spellings(_STEMS[year % 10])}\s+{spellings(_BRANCHES[year % 12])}"


# The press's "María José Sánchez (Plasencia, 1981)": a place and a year in brackets after a name is where and
# when they were born (Spanish and Italian papers write it so).
_PLACE_AND_YEAR = re.compile(
    r"\s*\(\s*[A-Z\u00c0-\u00de][\w\-']+(?:[ \-][A-Z\u00c0-\u00de][\w\-']+){0,3},\s*$"
)


def _press_born(doc: Document, profile: Profile, year: int) -> Iterator[tuple[int, int]]:
    text = doc.text
    written = f"{year:04d}"
    ends: frozenset[int] | None = None
    for at in literal_hits(written, text):
        if not text.startswith(")", at + 4):
            continue
        before = _PLACE_AND_YEAR.search(text, max(0, at - 60), at)
        if before is None:
            continue
        if ends is None:
            ends = frozenset(end for _, end in mentions(doc, profile))
        if before.start() in ends:
            yield at, at + 4


def _year_hits(low: str, year: int) -> Iterator[int]:
    """Where the year is written: in full ("1979"), or as two digits after a separator ("14/06/79", "'79")."""
    full, short = f"{year:04d}", f"{year:04d}"[2:]
    for at in literal_hits(short, low):
        if (at >= 2 and low[at - 2 : at] == full[:2]) or (at >= 1 and low[at - 1] in "/.-'\u2019 "):
            yield at


_WHOSE_BIRTHDAY = re.compile(
    r"(\w+)['\u2019]s\s+(?:\w+\s+)?(?:\d+(?:st|nd|rd|th)\s+)?(?:birthday|b'?day)", re.IGNORECASE
)


_PRONOUN_BIRTHDAY = re.compile(r"\b(?:her|his|their)\s+(?:\w+\s+)?(?:birthday|b'?day)", re.IGNORECASE)
_FULL_NAME = re.compile(r"\b([A-Z][a-z'\-]+)\s+([A-Z][a-z'\-]+)\b")


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _own_name_words(profile: Profile) -> frozenset[str]:
    """Every word of the person's names, in lower case: a name made of them is theirs."""
    return frozenset(w.lower() for n in profile.names for w in n.replace("-", " ").split())


def _someone_elses(text: str, start: int, profile: Profile) -> bool:
    """ "Joan Pike's 90th birthday on 7th September", "your DD's birthday party, 14 June", "Joan Pike, who
    celebrated her 90th birthday on 7th September": a date beside somebody else's birthday says nothing about
    the person's."""
    own = _own_name_words(profile)
    lo = max(0, start - 60)
    if any(m.group(1).lower() not in own for m in _WHOSE_BIRTHDAY.finditer(text, lo, start + 20)):
        return True
    for pronoun in _PRONOUN_BIRTHDAY.finditer(text, lo, start + 20):
        names = list(_FULL_NAME.finditer(text, max(0, pronoun.start() - 80), pronoun.start()))
        if names and not {names[-1].group(1).lower(), names[-1].group(2).lower()} & own:
            # Her own name after it says the "her" is hers: "Happy Birthday to Shona, because her birthday is".
            after = {w.lower() for w in re.findall(r"[A-Za-z'\-]+", text[names[-1].end() : pronoun.start()])}
            if not after & own:
                return True
    return False


def _near_birth_word(text: str, start: int, end: int) -> bool:
    lo, hi = max(0, start - CONTEXT_CHARS), end + CONTEXT_CHARS
    if _BIRTH_WORDS.search(text, lo, hi):
        return True
    window = text[lo:hi].lower()
    if "turned" in window and _TURNED_AN_AGE.search(window):
        return True
    return any(h in window for h in _OTHER_BIRTH_HINTS) and bool(_OTHER_BIRTH_WORDS.search(window))


def _windows(hits: Iterator[int], before: int, after: int, size: int) -> list[tuple[int, int]]:
    """Merged [start, end) windows around each hit."""
    merged: list[tuple[int, int]] = []
    for hit in sorted(hits):
        lo, hi = max(0, hit - before), min(size, hit + after)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _in_windows(
    pattern: re.Pattern[str], text: str, windows: list[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    """Matches inside the windows, each confirmed against the whole text (a window's edge is not the text's)."""
    if not windows:
        return
    seen: set[int] = set()
    for lo, hi in windows:
        for m in pattern.finditer(text, lo, hi):
            whole = pattern.match(text, m.start())
            if whole is not None and whole.end() == m.end() and m.start() not in seen:
                seen.add(m.start())
                yield m


def _parse_any(m: re.Match[str]) -> dt.date | None:
    groups = m.groupdict()
    for n in "12345":
        if groups.get(f"y{n}"):
            raw_month = groups[f"m{n}"]
            month = (
                int(raw_month) if raw_month.isdigit() else _MONTH_NUMBER.get(raw_month.lower().rstrip("."))
            )
            try:
                return dt.date(int(groups[f"y{n}"]), month or 0, int(groups[f"d{n}"]))
            except ValueError:
                return None
    return None


# A newspaper gives an age after the name: "Peigi McIntyre, 100, with her birthday cake".
_AGE_GIVEN = re.compile(r"[a-z]\s*,\s*(\d{1,3})\s*,\s+[a-z]")
AGE_REACH = (
    80  # how far from a birthday date to look for the age it gives ("her 70th birthday on 23 November")
)


def _someone_older(doc: Document, start: int, end: int, date: dt.date) -> bool:
    """An age beside a birthday that the person has not reached ("Edna's 100th birthday", a namesake's "70th
    birthday on 23 November" when the person is 45), or that does not fit the page's own date: the birthday is
    somebody else's, even on the same day."""
    today = dt.date.today()
    lo, hi = max(0, start - AGE_REACH), end + AGE_REACH
    ages = [_age(m) for m in _AGE_TODAY.finditer(doc.text, lo, hi)]
    ages += [int(m.group(1)) for m in _AGE_GIVEN.finditer(doc.text, lo, hi)]
    for age in ages:
        if date.year + age > today.year + 1:
            return True
        if doc.published and abs(doc.published.year - date.year - age) > 1:
            return True
    return False


def _dated(doc: Document, at: int, posted: dt.date) -> bool:
    """Whether the post a phrase sits in is dated `posted`: the page's own date, or that date written near
    the phrase (exports put a post's timestamp before or after it). Only that one date is looked for, and only
    where its year is written (a digit search), not by trying its month names at every letter."""
    if doc.published == posted:
        return True
    patterns = _patterns(posted, has_hangul(doc.outside_ascii))
    lo, hi = max(0, at - POST_DATE_CHARS), at + POST_DATE_CHARS
    hits = (h for h in _year_hits(doc.lower, posted.year) if lo <= h < hi)
    windows = _windows(hits, 32, 24, len(doc.text))  # (after: "2025 m. rugsėjo 19 d.")
    if any(True for _ in _in_windows(patterns.written, doc.text, windows)) or any(
        True for _ in _in_windows(patterns.numeric, doc.text, windows)
    ):
        return True
    return _post_date(doc.text, at) == posted


def _dated_on_day(doc: Document, at: int, date: dt.date) -> bool:
    """Whether the post is dated this day and month, in any year."""
    if doc.published and (doc.published.month, doc.published.day) == (date.month, date.day):
        return True
    lo, hi = max(0, at - POST_DATE_CHARS), at + POST_DATE_CHARS
    windows = _windows(iter(_years(doc.text, lo, hi)), 32, 12, len(doc.text))
    if any(True for _ in _in_windows(_any_year(date.month, date.day), doc.text, windows)):
        return True
    posted = _post_date(doc.text, at)
    return posted is not None and (posted.month, posted.day) == (date.month, date.day)


# "Our Town Clerk, Eirlys Morgan, who was born on 9 March 1964": a date of birth with somebody else's name.
_BORN_AFTER_NAME = re.compile(
    r"([A-Z][a-z'\-]+)[ \t]+([A-Z][a-z'\-]+),?\s+(?:who\s+)?was\s+born\s+(?:on\s+)?$"
)


def _born_someone_else(text: str, start: int, profile: Profile) -> bool:
    m = _BORN_AFTER_NAME.search(text, max(0, start - 60), start)
    own = _own_name_words(profile)
    return m is not None and not {m.group(1).lower(), m.group(2).lower()} & own


AGE_BEFORE_DAY = 40  # "celebrates his 60th birthday on Saturday 9th March"


def _age_gives_the_year(doc: Document, day: re.Match[str], date: dt.date) -> bool:
    """ "his 60th birthday on Saturday 9th March" on a page dated 1 March 2024: the age and the page's date
    give the year, and so the whole date of birth."""
    lo = max(0, day.start() - AGE_BEFORE_DAY)
    age = next(_AGE_TODAY.finditer(doc.text, lo, day.start()), None)
    turned = _TURNED_ON.search(doc.text, lo, day.start()) if age is None else None
    posted = doc.published or _post_date(doc.text, day.start())
    if posted is None:
        return False
    if turned is not None:
        # "who turned 65 on Thursday, November 4": the last such day on or before the page's own date
        year = posted.year if (date.month, date.day) <= (posted.month, posted.day) else posted.year - 1
        return year - int(turned.group(1)) == date.year
    if age is None:
        return False
    year = posted.year if (date.month, date.day) >= (posted.month, posted.day) else posted.year + 1
    return year - _age(age) == date.year


def _birthday_at(date: dt.date, age: int) -> dt.date | None:
    """The day someone born on `date` turned `age` (None for 29 February in a year without one)."""
    try:
        return date.replace(year=date.year + age)
    except ValueError:
        return None


def _dated_the_birthday(doc: Document, at: int, date: dt.date, age: int) -> bool:
    """Whether the post at `at` is dated the day they turned `age`."""
    birthday = _birthday_at(date, age)
    return birthday is not None and _dated(doc, at, birthday)


def _turned_on_a_weekday(doc: Document, hits: list[int], date: dt.date) -> Iterator[tuple[int, int]]:
    """ "turned 65 on Tuesday" on a page dated within the six days after their birthday, a Tuesday that year."""
    for at in hits:
        m = _TURNED_ON_A_WEEKDAY.match(doc.lower, at + 1)
        if m is None:
            continue
        birthday = _birthday_at(date, int(m.group("age")))
        if (
            birthday
            and _WEEKDAYS[birthday.weekday()] == m.group("weekday")
            and any(_dated(doc, m.start(), birthday + dt.timedelta(days=days)) for days in range(7))
        ):
            yield m.span()


_TURNED_ON = re.compile(
    r"\bturned\s+(\d{1,3})\s+(?:on|last)\s+(?:[a-z]+day,?\s+)?(?:the\s+)?$", re.IGNORECASE
)


# A parish magazine's or a newsletter's "who turns 50 on the 19th!" (in Spanish, "que cumple 50 el día 19"): the
# issue's month and year give the rest.
# (for lower-case text, each starting with its own word, so `re` searches for it rather than trying the pattern at
# every position, as it does for one that ignores case)
_TURNS_ON_DAY = re.compile(
    rf"turn(?:s|ing)\s+(?P<age>\d{{1,3}})\s+on\s+(?:the\s+)?(?P<day>\d{{1,2}}){_ORDINAL}(?![\w/])"
)
_TURNS_ON_DAY_ES = re.compile(
    r"cumple\s+(?P<age>\d{1,3})(?:\s+anos)?\s+el\s+(?:dia\s+)?(?P<day>\d{1,2})(?![\w/])"
)
# A newsletter's list of the month's birthdays: "November birthdays in the choir: Jean Fairhurst (12th), Ros Keane
# (3rd)". The person's name with their day in brackets gives the day and month.
_MONTH_BIRTHDAYS = re.compile(
    rf"({_ANY_MONTH}|this\s+month['’]?s)\s+birthdays|birthdays\s+(this\s+month)", re.IGNORECASE
)
# ... and a Lithuanian one's "Rugsėjo mėnesį gimtadienius švenčia" (in September's month, birthdays are kept by),
# with "Rasa Kazlauskienė (rugsėjo 19 d.)"
_MONTH_BIRTHDAYS_LT = re.compile(
    "(" + "|".join(_LITHUANIAN_MONTHS) + r")\s+m[eė]nes[iį]\s+gimtadien", re.IGNORECASE
)
# ... and a Vietnamese one's "Chúc mừng sinh nhật tháng 9" (happy birthday, September), with "Thu Hà (4/9)"
_MONTH_BIRTHDAYS_VI = re.compile(r"sinh\s+nhat\s+thang\s+(\d{1,2})(?!\d)")
# ... and a Korean one's "9월에 생일을 맞으신 회원님들" (members with birthdays in September), with "김민정 고문 (9월 23일)"
_MONTH_BIRTHDAYS_KO = re.compile(r"(?<!\d)(\d{1,2})월(?:에|의)?\s*(?:생일|생신)")
_KOREAN_DAY = re.compile(
    rf"(?:\s+[{HANGUL}]{{1,4}})?\s*\(\s*(?:(?P<number>\d{{1,2}})월\s*)?(?P<day>\d{{1,2}})일\s*\)"
)
# ... and a church bulletin's week of them, a row a person, the day before the name: "BIRTHDAY CELEBRANTS THIS WEEK"
# over "Thu 14 Aug Dcns. Folakemi Adeyemi"
_WEEK_BIRTHDAYS = re.compile(r"birthday\s+celebrants|birthdays\s+this\s+week|this\s+week['’]?s\s+birthdays")
BIRTHDAY_LIST_CHARS = 300


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _name_with_day(profile: Profile) -> re.Pattern[str]:
    # Each of their given names with each of their surnames ("Ada Okonkwo-Reid" from "Dr Ada Reid" and
    # "Adaeze Okonkwo-Reid"), and each name as written.
    givens = {w[0] for w in (untitled(n).split() for n in profile.names) if len(w) > 1}
    combos = {f"{g} {s}" for g in givens for s in profile.surnames}
    names = sorted({fold(n.lower()) for n in (*profile.names, *combos) if n.strip()}, key=len, reverse=True)
    spelled = "|".join(r"\s+".join(re.escape(w) for w in n.split()) for n in names)
    # (the day may come with its month, "(September 19)", "(rugsėjo 19 d.)": read against the list's own)
    return re.compile(
        rf"(?<![\w'])(?:{spelled})\s*\(\s*(?:(?P<month>[^\W\d]+)\.?\s+)?(?P<day>\d{{1,2}}){_ORDINAL}"
        r"(?:\s*d\.|/(?P<number>\d{1,2}))?\s*\)"  # (or the month's number after it: "(4/9)")
    )


def _in_a_birthday_list(
    doc: Document, profile: Profile, date: dt.date
) -> Iterator[tuple[int, int, float, str]]:
    low = doc.lower
    heads: list[tuple[int, int | None]] = []  # where each list starts, and its month
    # (each pattern ignores case, so `re` would try it at every position of a page without its word)
    if "birthdays" in low:
        for head in _MONTH_BIRTHDAYS.finditer(low):
            month = _MONTH_NUMBER.get((head.group(1) or "").rstrip("."))
            # "Birthdays this month": the issue's month ("September 2026" at its head)
            heads.append((head.end(), _issue_month(doc) if month is None else month))
    if "gimtadien" in low:
        heads += [
            (head.end(), _lithuanian_month(head.group(1))) for head in _MONTH_BIRTHDAYS_LT.finditer(low)
        ]
    if "sinh nhat" in low:
        heads += [(head.end(), int(head.group(1))) for head in _MONTH_BIRTHDAYS_VI.finditer(low)]
    korean = [n.strip() for n in profile.names if hangul_name(n)]
    if korean and ("생일" in low or "생신" in low):
        heads += [(head.end(), int(head.group(1))) for head in _MONTH_BIRTHDAYS_KO.finditer(low)]
    if "celebrants" in low or "this week" in low:
        rows = _patterns(date).day_month
        for head in _WEEK_BIRTHDAYS.finditer(low):
            for start, _ in mentions(doc, profile):
                if head.end() < start < head.end() + BIRTHDAY_LIST_CHARS:
                    row = low.rfind("\n", 0, start) + 1
                    if row > head.end() and (day := rows.search(doc.text, row, start)):
                        yield (day.start(), day.end(), DAY_MONTH_CONFIDENCE, f"dob:--{date.isoformat()[5:]}")
    for at, month in heads:
        if month != date.month:
            continue
        for name in korean:  # (the name, a title after it, then the day: "김민정 고문 (9월 23일)")
            hit = low.find(name, at, at + BIRTHDAY_LIST_CHARS)
            if hit != -1:
                day = _KOREAN_DAY.match(low, hit + len(name))
                if day and int(day.group("day")) == date.day and int(day.group("number") or month) == month:
                    yield (hit, day.end(), DAY_MONTH_CONFIDENCE, f"dob:--{date.isoformat()[5:]}")
        for m in _name_with_day(profile).finditer(low, at, at + BIRTHDAY_LIST_CHARS):
            said = m.group("month") or m.group("number")
            if int(m.group("day")) == date.day and (
                said is None
                or month in (_MONTH_NUMBER.get(said), _lithuanian_month(said))
                or (said.isdigit() and int(said) == month)
            ):
                yield (m.start(), m.end(), DAY_MONTH_CONFIDENCE, f"dob:--{date.isoformat()[5:]}")


def _lithuanian_month(word: str) -> int | None:
    return next(
        (
            n
            for n, month in enumerate(_LITHUANIAN_MONTHS, start=1)
            if re.fullmatch(month, word, re.IGNORECASE)
        ),
        None,
    )


_ISSUE_MONTH = re.compile(rf"(?P<month>{_ANY_MONTH})(?:\s+de)?\s+(?P<year>\d{{4}})(?!\d)", re.IGNORECASE)
ISSUE_HEAD_CHARS = 400


def _issue_month(doc: Document) -> int | None:
    """The month of a dated page, or of the issue its head names ("September 2026 - No. 412")."""
    if doc.published:
        return doc.published.month
    head = _ISSUE_MONTH.search(doc.text, 0, ISSUE_HEAD_CHARS)
    return _MONTH_NUMBER.get(head.group("month").lower().rstrip(".")) if head else None


def _issue_date(doc: Document) -> dt.date | None:
    """The page's date, or the month its head names ("August 2026"), as that month's first day."""
    issue = doc.published
    if issue is None and (head := _ISSUE_MONTH.search(doc.text, 0, ISSUE_HEAD_CHARS)):
        month = _MONTH_NUMBER.get(head.group("month").lower().rstrip("."))
        issue = dt.date(int(head.group("year")), month, 1) if month else None
    return issue


_TURNS_AN_AGE = re.compile(r"turn(?:s|ing)\s+(?P<age>\d{1,3})(?![\d/])")  # (for lower-case text)
TURNS_DAY_BEFORE = 80


def _ages_turned(low: str) -> list[re.Match[str]]:
    """Each "turns 50", not "returns 50" (the word's start checked here: a look-behind in the pattern would make
    `re` try it at every position)."""
    return [m for m in _TURNS_AN_AGE.finditer(low) if not (m.start() and low[m.start() - 1].isalpha())]


TURNS_DAY_AFTER = 40


def _turns_on_a_day_of_theirs(
    doc: Document, m: re.Match[str], date: dt.date, day_month: re.Pattern[str]
) -> bool:
    """ "On Saturday 9th March our Vicar turns 50" in a page of that year: their day and month in the sentence,
    and an age that fits the page's year."""
    lo, hi = max(0, m.start() - TURNS_DAY_BEFORE), m.end() + TURNS_DAY_AFTER
    day = day_month.search(doc.text, lo, hi)
    if day is None or "\n\n" in doc.text[min(day.start(), m.start()) : max(day.end(), m.end())]:
        return False
    issue = _issue_date(doc)
    return issue is not None and issue.year - int(m.group("age")) == date.year


def _turns_on_their_birthday(doc: Document, m: re.Match[str], date: dt.date) -> bool:
    """Whether "turns N on the Dth", in a page dated (or headed "August 2026") in the month of the person's
    birthday, gives their date of birth: the day is theirs and the age fits that year."""
    issue = _issue_date(doc)
    return (
        issue is not None
        and (issue.month, int(m.group("day"))) == (date.month, date.day)
        and issue.year - int(m.group("age")) == date.year
    )


def _post_date(text: str, at: int) -> dt.date | None:
    """The date of the post a phrase sits in, when it is further off: the last full date written before the
    phrase (a feed item's pubDate, a thread's timestamp, above a long post), within POST_DATE_FAR."""
    lo = max(0, at - POST_DATE_FAR)
    # Every full date has a four-digit year: find the years, then read the date around the last of them (of
    # the last three: a post's date is the nearest, or it is not there).
    for year in reversed(_years(text, lo, at)[-3:]):
        written = [
            m
            for m in _ANY_DATE.finditer(text, max(lo, year - 30), min(at, year + 10))
            if m.start() <= year < m.end()
        ]
        if written:
            return _parse_any(written[-1])
    return None


_FOUR_DIGITS = re.compile(r"\d{4}")


def _years(text: str, lo: int, hi: int) -> list[int]:
    """Where four digits stand alone (a year, written in full) in text[lo:hi]. A digit-led search with the
    edges checked here: a look-behind in the pattern would make `re` try every position."""
    found = []
    for m in _FOUR_DIGITS.finditer(text, lo, hi):
        start, end = m.span()
        if not (start > 0 and text[start - 1].isdigit()) and not (end < len(text) and text[end].isdigit()):
            found.append(start)
    return found


@functools.lru_cache(maxsize=DETAILS_CACHED)
def _any_year(month: int, day: int) -> re.Pattern[str]:
    """This day and month in any year: 14 June 2024, June 14, 2024, 14/06/2024, 2024-06-14."""
    d, m = _number(day), _number(month)
    name = "(?:" + "|".join(_MONTHS[month - 1]) + r")(?![a-z])\.?"
    return re.compile(
        rf"(?<!\d){d}{_ORDINAL}(?:\s+of)?[\s\-]+{name},?[\s\-]+\d{{4}}(?!\d)|{name}\s+{d}{_ORDINAL},?\s+\d{{4}}(?!\d)"
        rf"|(?<![\d/]){d}/{m}/\d{{4}}(?!\d)|(?<!\d)\d{{4}}-{month:02d}-{day:02d}(?!\d)",
        re.IGNORECASE,
    )


class BirthDateDetector(Detector):
    """The exact date of birth anywhere on a page about the person, and a birthday post that gives it away;
    month and year, day and month, or the year alone only beside a word about birth.

    Limits: an age alone ("Maggie, 46") is not reported, nor a birthday post whose own date footprint cannot
    read; a month-first date (06/14/1979) counts only when the day is over 12, since 06/11 is ambiguous,
    unless the page says its dates are month-first ("MM/DD/YYYY", "U.S. format").
    """

    id: ClassVar[str] = "date_of_birth"
    least_need: ClassVar[Need] = Need.NAMED

    def detect(self, doc: Document, profile: Profile) -> Iterator[Match]:
        date = profile.date_of_birth
        if date is None or not doc.text:
            return
        # (a date in another script's digits, "૧૭ એપ્રિલ ૧૯૬૧", is read as in ASCII ones: offsets are the same)
        if doc.digits is not doc.text:
            doc = dataclasses.replace(doc, text=doc.digits)
        hangul = has_hangul(doc.outside_ascii)
        patterns = _patterns(date, hangul)
        text, low = doc.text, doc.lower
        found: list[tuple[int, int, float, str]] = []  # start, end, confidence, key
        full_key = f"dob:{date.isoformat()}"
        year_windows = _windows(
            _year_hits(low, date.year), 32, 24, len(text)
        )  # (after: "1980 m. rugsėjo 19")
        words: tuple[str, ...] = _ANCHOR_WORDS
        if any(_ACCENTED_LETTERS.match(ch) for ch in doc.outside_ascii):
            words += _ACCENTED_ANCHOR_WORDS
        if "kaarawan" in low:
            words += _TAGALOG_POST_WORDS
        if hangul:
            words += _KOREAN_ANCHOR_WORDS
        anchors = [
            (at, word)
            for word in words
            for at in literal_hits(word, low)
            if (
                word != "happy" or _HAPPY_AGE.match(low, at)
            )  # ("happy" matters only before an age: "happy 21st")
            and (word != " turned " or low[at + 8 : at + 9].isdigit())  # (and "turned" only before one)
        ]
        ages = _ages_turned(low) if "turn" in low else []  # "On Saturday 9th March our Vicar turns 50"
        an_age = bool(ages) or "cumple" in low
        if ("ethiopian" in low or "e.c." in low or "ዓ" in doc.outside_ascii) and (
            _ETHIOPIAN_PAGE.search(low) or _ETHIOPIAN_PAGE.search(text)
        ):
            # (a church's records in the Ethiopian calendar: "13/07/1975 (E.C.)" is 22 March 1983)
            found.extend(
                (m.start(), m.end(), WRITTEN_CONFIDENCE, full_key)
                for m in _ethiopian_pattern(date).finditer(text)
            )
        if not found and not year_windows and not anchors and not an_age:
            return  # every form needs the year written, a word about birth (or "today") to read near, or an age
        for m in _in_windows(patterns.written, text, year_windows):
            if not _born_someone_else(text, m.start(), profile):
                found.append((m.start(), m.end(), WRITTEN_CONFIDENCE, full_key))
        month_first = bool(year_windows) and (  # (numeric dates need the year: else no need to ask)
            (
                any(p in low for p in ("mm/dd", "month/day", "u.s", "american"))
                and bool(_MONTH_FIRST_PAGE.search(low))
            )
            or (  # (the page's own dates are read only when it writes the birth date month first)
                any(True for _ in _in_windows(patterns.numeric_month_first, text, year_windows))
                and _writes_month_first(text)
            )
        )
        numeric = patterns.numeric_month_first if month_first else patterns.numeric
        for m in _in_windows(numeric, text, year_windows):
            in_context = _near_birth_word(text, m.start(), m.end())
            if m.groupdict().get("compact") and not in_context:
                continue
            confidence = NUMERIC_IN_CONTEXT_CONFIDENCE if in_context else NUMERIC_BARE_CONFIDENCE
            found.append((m.start(), m.end(), confidence, full_key))
        found.extend(
            self._birthday_posts(doc, date, full_key, [at for at, word in anchors if word in _POST_ANCHORS])
        )
        if any(word in low for word in ("birthdays", "gimtadien", "sinh nhat", "생일", "생신", "celebrants")):
            found.extend(_in_a_birthday_list(doc, profile, date))
        found.extend(
            (at, end, BIRTHDAY_POST_CONFIDENCE, full_key)
            for at, end in _turned_on_a_weekday(doc, [at for at, word in anchors if word == " turned "], date)
            if not _someone_elses(text, at, profile)
        )
        for word, turns in (("turn", _TURNS_ON_DAY), ("cumple", _TURNS_ON_DAY_ES)):
            if word in low:
                found.extend(
                    (m.start(), m.end(), BIRTHDAY_POST_CONFIDENCE, full_key)
                    for m in turns.finditer(low)
                    if _turns_on_their_birthday(doc, m, date) and not _someone_elses(text, m.start(), profile)
                )
        if ages:
            found.extend(
                (m.start(), m.end(), BIRTHDAY_POST_CONFIDENCE, full_key)
                for m in ages
                if _turns_on_a_day_of_theirs(doc, m, date, patterns.day_month)
                and not _someone_elses(text, m.start(), profile)
            )
        full = [(start, end) for start, end, _, _ in found]

        def covered(m: re.Match[str]) -> bool:
            return any(s <= m.start() < e or s < m.end() <= e for s, e in full)

        for m in _in_windows(patterns.month_year, text, year_windows):
            # "15 June 1979" is another day of the month, not a vaguer sighting of this one; "June 1979" on its
            # own is as likely an event as a birthday, so it needs a birth word beside it.
            other_day = bool(_DAY_BEFORE.search(text, max(0, m.start() - 12), m.start()))
            if (
                not covered(m)
                and not other_day
                and _near_birth_word(text, m.start(), m.end())
                and not _someone_elses(text, m.start(), profile)
            ):
                found.append((m.start(), m.end(), MONTH_YEAR_CONFIDENCE, f"dob:{date.isoformat()[:7]}"))
        birth_windows = _windows(
            (at for at, word in anchors if word not in _POST_ONLY), CONTEXT_CHARS + 20, 80, len(text)
        )
        for m in _in_windows(patterns.day_month, text, birth_windows):
            if (
                not covered(m)
                and _near_birth_word(text, m.start(), m.end())
                and not _someone_elses(text, m.start(), profile)
                and not _someone_older(doc, m.start(), m.end(), date)
            ):
                if _age_gives_the_year(doc, m, date):
                    found.append((m.start(), m.end(), BIRTHDAY_POST_CONFIDENCE, full_key))
                else:
                    found.append((m.start(), m.end(), DAY_MONTH_CONFIDENCE, f"dob:--{date.isoformat()[5:]}"))
        for m in _in_windows(patterns.year, text, birth_windows):
            if not covered(m):
                found.append((m.start(), m.end(), YEAR_CONFIDENCE, f"dob:{date.year:04d}"))
        if year_windows and "(" in text:
            found.extend(
                (at, end, YEAR_CONFIDENCE, f"dob:{date.year:04d}")
                for at, end in _press_born(doc, profile, date.year)
            )
        for start, end, confidence, key in sorted(found):
            partial = key != full_key
            yield Match(
                detector=self.id,
                kind=Kind.DATE_OF_BIRTH,
                value=text[start:end],
                key=key,
                start=start,
                end=end,
                confidence=confidence,
                known_to_user=True,
                subject="date_of_birth",
                public=False,
                partial=partial,
                # A birth year alone is shared by many namesakes: it counts only on a page that ties to them.
                needs=Need.TIED if key == f"dob:{date.year:04d}" else Need.NAMED,
                ties=not partial,
            )

    @staticmethod
    def _birthday_posts(
        doc: Document, date: dt.date, full_key: str, hits: list[int]
    ) -> Iterator[tuple[int, int, float, str]]:
        """ "50 today!" or "Happy 40th birthday" on a post dated the birthday gives the whole date away; "Happy
        birthday!" on that day without an age gives the day and month."""
        windows = _windows(iter(hits), 30, 12, len(doc.text))
        given_away: list[tuple[int, int]] = []
        for m in _in_windows(_AGE_TODAY, doc.text, windows):
            # The post's date must be the birthday (or the day before "tomorrow"), and the age must fit it: then
            # the whole date is given away. Born on 29 February, one counts birthdays too: "Happy 12th" at 48.
            age = _age(m)
            for years in (age, 4 * age) if (date.month, date.day) == (2, 29) else (age,):
                birthday = _birthday_at(date, years)
                if birthday is None:
                    continue
                if _dated(doc, m.start(), birthday - dt.timedelta(days=_days_off(m))):
                    given_away.append(m.span())
                    yield (m.start(), m.end(), BIRTHDAY_POST_CONFIDENCE, full_key)
                    break
        happy = [
            *_in_windows(_HAPPY_BIRTHDAY, doc.text, windows),
            *_in_windows(_BIRTHDAY_THANKS, doc.text, windows),
        ]
        for at in hits:
            today = _TODAY_UK.match(doc.lower, at)
            if today is not None and _dated_the_birthday(doc, at, date, int(today.group("age"))):
                given_away.append(today.span())
                yield (today.start(), today.end(), BIRTHDAY_POST_CONFIDENCE, full_key)
            said = _YESTERDAYS_BIRTHDAY.match(doc.lower, at)
            if said is None:
                continue
            days_before = {  # the page's own date (a feed's), or its post's (the item's)
                (posted - dt.timedelta(days=1)).timetuple()[1:3]
                for posted in (doc.published, _post_date(doc.text, said.start()))
                if posted
            }
            if (date.month, date.day) in days_before:
                given_away.append(said.span())
                yield (said.start(), said.end(), DAY_MONTH_CONFIDENCE, f"dob:--{date.isoformat()[5:]}")
        for m in happy:
            if any(s < m.end() and m.start() < e for s, e in given_away):
                continue
            if _dated_on_day(doc, m.start(), date) and not _someone_older(doc, m.start(), m.end(), date):
                yield (m.start(), m.end(), DAY_MONTH_CONFIDENCE, f"dob:--{date.isoformat()[5:]}")
