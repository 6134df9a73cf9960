"""The forms a name takes in a sentence of a language that changes it: Polish declines names by case
("Katarzyny Wiśniewskiej", "Tomaszowi Wiśniewskiemu"), Welsh mutates their first letter ("i Wen Evans").

Everything here is folded lower case (see text.fold: "wiśniewską" is "wisniewska" there, so the forms that differ
only by an accent are already the same), and each word's forms include the word itself.
"""

from __future__ import annotations

import functools
import re

from footprint.detect.text import DETAILS_CACHED, fold

# A surname that declines like an adjective: "-ski", "-cki", "-dzki" for a man, "-ska", "-cka", "-dzka" for a woman.
_ADJECTIVE_ENDINGS = ("ski", "cki", "dzki", "ska", "cka", "dzka")
_POLISH_LETTERS = frozenset("ąćęłńśźżĄĆĘŁŃŚŹŻ")


def polish(name: str) -> bool:
    """Whether a name is Polish enough to be declined: a letter only Polish uses, or an adjective surname."""
    words = name.split()
    return bool(_POLISH_LETTERS & set(name)) or (
        len(words) > 1 and fold(words[-1].lower()).endswith(_ADJECTIVE_ENDINGS)
    )


# A feminine "-a" stem's dative and locative: the last consonant softens before "-e" ("Marta" -> "Marcie").
_SOFTENED = {"k": "ce", "g": "dze", "r": "rze", "t": "cie", "d": "dzie", "ł": "le", "l": "li", "ch": "sze"}


# Lithuanian names: the letters only Lithuanian writes, and surname endings no English name has.
_LITHUANIAN_LETTERS = frozenset("ėųįūĖŲĮŪ")
_LITHUANIAN_SURNAME = re.compile(
    r"(?:auskas|iauskas|evi[cč]ius|aitis|onis|[uū]nas|[eė]nas|ait[eė]|yt[eė]|ien[eė]|ut[eė])$", re.IGNORECASE
)
# A given name's case endings in a Lithuanian sentence (accents folded, as Document.lower writes them): "su Luku"
# (with Lukas), "Dariumi", "Gabijos", "Eglei".
_LITHUANIAN_ENDINGS = (
    ("as", ("as", "o", "ui", "a", "u", "e", "ai")),
    ("is", ("is", "io", "iui", "i", "iu", "yje")),
    ("ys", ("ys", "io", "iui", "i", "iu")),
    ("us", ("us", "aus", "ui", "u", "umi")),
    ("a", ("a", "os", "ai", "oje")),
    ("e", ("e", "es", "ei", "eje")),
)


def lithuanian(name: str) -> bool:
    """Whether a name is Lithuanian: its letters or its surname's ending say so."""
    words = name.split()
    return bool(_LITHUANIAN_LETTERS & set(name)) or (
        len(words) > 1 and bool(_LITHUANIAN_SURNAME.search(words[-1]))
    )


def lithuanian_forms(word: str) -> tuple[str, ...]:
    """The case forms of a Lithuanian given name, folded lower case: "lukas" -> luko, lukui, luka, luku, luke."""
    low = fold(word.lower())
    for ending, forms in _LITHUANIAN_ENDINGS:
        if low.endswith(ending) and len(low) > len(ending) + 1:
            stem = low[: -len(ending)]
            return tuple(dict.fromkeys([low, *(stem + f for f in forms)]))
    return (low,)


@functools.lru_cache(maxsize=256)
def polish_forms(word: str) -> tuple[str, ...]:
    """The case forms of one Polish given name or surname, folded lower case: "katarzyna" -> katarzyny,
    katarzynie, katarzyne, katarzyno; "wisniewski" -> wisniewskiego, wisniewskiemu, wisniewskim, wisniewscy."""
    low = word.lower()
    forms = {low}
    if low.endswith(_ADJECTIVE_ENDINGS):
        stem = low[:-1]  # "wiśniewsk"
        if low.endswith("a"):
            forms |= {stem + "iej"}  # (and "-ą", folded to "-a")
            forms.add(low[:-2] + "cy")  # "Wiśniewscy", the family (the plural is the same for her and him)
        else:
            forms |= {stem + "iego", stem + "iemu", stem + "im", stem + "ich", stem + "imi"}
            forms.add(low[:-2] + ("cy" if low.endswith("ki") else "i"))  # "Wiśniewscy", the family
    elif low.endswith("ia"):  # Kasia, Zofia, Maria: Kasi / Zofii, Kasię, Kasią, Kasiu / Zofio
        stem = low[:-1]
        forms |= {stem, stem + "i", stem + "e", stem + "u", low[:-1] + "o"}
    elif low.endswith("a") and len(low) > 2:  # Katarzyna, Halina, Agnieszka
        stem = low[:-1]
        last = "ch" if stem.endswith("ch") else stem[-1]
        genitive = stem + ("i" if last in ("k", "g") else "y")
        soft = stem[: -len(last)] + _SOFTENED[last] if last in _SOFTENED else stem + "ie"
        forms |= {genitive, soft, stem + "e", stem + "o"}
    elif low[-1:].isalpha() and low[-1] not in "aeiouy":  # Tomasz, Jakub, Piotr, Michał; Tomek, Marek; Nowak
        stem = low[:-2] + low[-1] if low.endswith("ek") else low
        instrumental = "iem" if stem[-1] in "kg" else "em"
        forms |= {stem + "a", stem + "owi", stem + instrumental, stem + "u"}
        if stem[-1] in "bpmnwfs":
            forms.add(stem + "ie")  # Jakubie
        elif stem[-1] == "r":
            forms.add(stem[:-1] + "rze")  # Piotrze
        elif stem[-1] in ("ł", "l"):
            forms.add(stem[:-1] + "le")  # Michale
    return tuple(sorted(fold(f) for f in forms))


def cyrillic(name: str) -> bool:
    """Whether a name is written in Cyrillic (a profile's "Пітер Голліс"), which Ukrainian and Russian decline."""
    return any("\u0400" <= c <= "\u04ff" for c in name)


@functools.lru_cache(maxsize=256)
def cyrillic_forms(word: str) -> tuple[str, ...]:
    """The case forms of one Cyrillic given name or surname, lower case: "голліс" -> голліса, голлісу, голлісом,
    голлісові, голлісе, голлісі; "олена" -> олени, олені, олену, оленою, олено."""
    low = word.lower()
    forms = {low}
    if low[-1:] in ("а", "я"):
        forms |= {low[:-1] + e for e in ("и", "і", "у", "ю", "ою", "ею", "о", "е", "ы", "ой")}
    elif low[-1:] in ("о", "є"):  # Коваленко: Коваленка, Коваленку, Коваленком
        forms |= {low[:-1] + e for e in ("а", "у", "ові", "ом")}
    elif low[-1:] in ("й", "ь"):  # Андрій, Ігор: Андрія, Андрію, Андрієві, Андрієм
        forms |= {low[:-1] + e for e in ("я", "ю", "єві", "еві", "єм", "ем")}
    elif low[-1:].isalpha():
        forms |= {low + e for e in ("а", "у", "ові", "ом", "е", "і", "ым", "ем")}
    return tuple(sorted(forms))


def name_word_forms(name: str, word: str) -> tuple[str, ...]:
    """The folded forms of one word of `name` as sentences write it: all its cases if the name is Polish."""
    return polish_forms(word) if polish(name) else (fold(word.lower()),)


# Welsh soft mutation of a word's first letters (folded lower case), the change a preposition before a name
# makes: "i Wen Evans" (to Gwen), "gan Ddafydd" (by Dafydd), "o Fangor".
_SOFT_MUTATIONS = (
    ("ll", "l"),
    ("rh", "r"),
    ("g", ""),
    ("b", "f"),
    ("c", "g"),
    ("d", "dd"),
    ("m", "f"),
    ("p", "b"),
    ("t", "d"),
)
# The words that cause it before a name: to, by, from, at, about, on, under, over, through, without, until,
# towards, dear, your, his.
WELSH_SOFT_TRIGGERS = frozenset(
    [
        "i",
        "gan",
        "o",
        "at",
        "am",
        "ar",
        "dan",
        "dros",
        "drwy",
        "trwy",
        "heb",
        "hyd",
        "wrth",
        "tua",
        "annwyl",
        "dy",
    ]
)


def soft_mutation(word: str) -> str:
    """A Welsh word as a soft mutation writes it ("gwen" -> "wen"), or "" if it does not mutate."""
    low = fold(word.lower())
    for start, mutated in _SOFT_MUTATIONS:
        if low.startswith(start) and len(low) > len(start) + 1:
            return mutated + low[len(start) :]
    return ""


# Names that English spells many ways, one transliteration each (Arabic and Bengali names): a page that writes
# "Md. Abdul Karim" or "Muhammad Abdul Karim" names the profile's "Mohammed Abdul Karim". Each group's spellings are
# the same name, not similar ones ("Abdul" and "Abdur" are two names; neither is here).
_SPELLINGS = (
    (
        "mohammed",
        "mohammad",
        "muhammad",
        "muhammed",
        "mohamed",
        "mohamad",
        "mohammod",
        "md",
        "md.",
        "mohd",
        "mohd.",
    ),
    ("chowdhury", "choudhury", "chowdhuri", "choudhuri", "chaudhury", "chowdury"),
    ("chaudhry", "chaudhary", "choudhry", "choudhary", "chaudhri", "chaudry"),
    ("hussain", "hussein", "husain", "hossain", "hosain"),
    ("rahman", "rehman"),
    ("ahmed", "ahmad"),
    ("khatun", "khatoon"),
)
_SPELLING_OF = {spelling: group for group in _SPELLINGS for spelling in group}


def spellings(word: str) -> tuple[str, ...]:
    """The ways English writes this name ("md." and "muhammad" for "mohammed"), folded lower case; the word
    alone if it has no others."""
    low = fold(word.lower())
    return _SPELLING_OF.get(low, (low,))


# English given names (and a few Portuguese and Spanish ones) and the short forms families call each other by, widely enough that a user listing "William"
# as a husband would expect "my husband Bill" to be found (the profile's `nicknames` add any others: "Tomka",
# "Zosia"). Only established pet forms, not names of their own that share a root ("Megan", "Molly"). The forms
# are only a family member's (a person is named by the names they list), and each needs a relation word beside
# it: with the surname alone it may be anyone's ("Johnny McDonagh" on a site of McDonaghs), where a nickname the
# profile lists is theirs.
_SHORT_FORMS = {
    "william": ("bill", "billy", "will", "willie", "liam"),
    "robert": ("bob", "bobby", "rob", "robbie"),
    "richard": ("rich", "richie", "rick", "ricky", "dick"),
    "thomas": ("tom", "tommy"),
    "james": ("jim", "jimmy", "jamie"),
    "john": ("johnny", "jack"),
    "joseph": ("joe", "joey"),
    "michael": ("mike", "mick", "micky", "mikey"),
    "christopher": ("chris",),
    "nicholas": ("nick", "nicky"),
    "anthony": ("tony",),
    "edward": ("ed", "eddie", "ted", "teddy"),
    "daniel": ("dan", "danny"),
    "david": ("dave", "davey", "davy"),
    "stephen": ("steve", "stevie"),
    "steven": ("steve", "stevie"),
    "matthew": ("matt", "matty"),
    "andrew": ("andy", "drew"),
    "peter": ("pete",),
    "samuel": ("sam", "sammy"),
    "benjamin": ("ben", "benny"),
    "jonathan": ("jon", "jonny"),
    "alexander": ("alex", "alec", "sandy"),
    "charles": ("charlie", "chas"),
    "henry": ("harry",),
    "frederick": ("fred", "freddie"),
    "patrick": ("pat", "paddy"),
    "timothy": ("tim", "timmy"),
    "kenneth": ("ken", "kenny"),
    "ronald": ("ron", "ronnie"),
    "donald": ("don", "donnie"),
    "gerald": ("gerry",),
    "gregory": ("greg",),
    "philip": ("phil",),
    "phillip": ("phil",),
    "raymond": ("ray",),
    "terence": ("terry",),
    "douglas": ("doug", "dougie"),
    "margaret": ("maggie", "meg", "peggy", "mags", "marge"),
    "elizabeth": ("liz", "lizzie", "beth", "betty", "libby", "eliza"),
    "catherine": ("cathy", "cath", "kate", "katie", "kath", "kathy"),
    "katherine": ("kathy", "kath", "kate", "katie"),
    "kathryn": ("kathy", "kath", "kate", "katie"),
    "susan": ("sue", "susie"),
    "patricia": ("pat", "trish", "tricia"),
    "jennifer": ("jen", "jenny"),
    "rebecca": ("becky", "becca"),
    "deborah": ("debbie", "deb"),
    "victoria": ("vicky", "tori"),
    "jessica": ("jess", "jessie"),
    "samantha": ("sam", "sammy"),
    "alexandra": ("alex", "lexi"),
    "christine": ("chris", "chrissie"),
    "christina": ("chris", "chrissie", "tina"),
    "barbara": ("barb", "babs"),
    "dorothy": ("dot", "dottie"),
    "josephine": ("jo", "josie"),
    "joanne": ("jo",),
    "joanna": ("jo",),
    "eleanor": ("ellie", "nell"),
    "abigail": ("abby", "abi"),
    "gillian": ("gill", "jill"),
    "jacqueline": ("jackie", "jacqui"),
    "judith": ("judy",),
    "pamela": ("pam",),
    "penelope": ("penny",),
    "philippa": ("pippa",),
    "valerie": ("val",),
    "teresa": ("tess", "terri"),
    "theresa": ("tess", "terri"),
    "frances": ("fran",),
    "francis": ("frank",),
    "oliver": ("ollie",),
    # Portuguese and Spanish pet forms, as established: "our son Zé", "my daughter Bia", "Paco"
    "jose": ("ze", "zeca", "pepe"),
    "beatriz": ("bia",),
    "manuel": ("manel", "manolo"),
    "francisco": ("chico", "xico", "paco", "pancho"),
    "fernando": ("nando",),
    "antonio": ("toni", "tonio"),
    "dolores": ("lola",),
    "ignacio": ("nacho",),
    "guadalupe": ("lupe",),
}


def short_forms(given: str) -> tuple[str, ...]:
    """The short forms of an English given name ("bill", "will" for "William"), folded lower case; none for a
    name that has none here (or is itself a short form). A Gujarati or other Indian compound name goes by its
    first part: "ramesh" for "Rameshchandra", "sunil" for "Sunilkumar", "magan" for "Maganlal"."""
    low = fold(given.lower())
    if low in _SHORT_FORMS:
        return _SHORT_FORMS[low]
    stem = compound_stem(low)
    return (stem,) if stem else ()


_COMPOUND_ENDINGS = ("chandra", "kumar", "kant", "lal", "bhai", "ben")


def compound_stem(given: str) -> str:
    """The first part of a compound Indian given name ("ramesh" of "Rameshchandra"), or "" for other names."""
    low = fold(given.lower())
    for ending in _COMPOUND_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 4:
            return low[: -len(ending)]
    return ""


@functools.lru_cache(maxsize=DETAILS_CACHED)
def called(member_name: str, nicknames: tuple[str, ...]) -> tuple[str, ...]:
    """The names a family member goes by besides their first: the profile's nicknames, then the short forms of
    their first name that the profile does not already give (as the page would write them: "Bill")."""
    words = member_name.split()
    given = {fold(n.lower()) for n in nicknames}
    extra = tuple(f.title() for f in short_forms(words[0]) if f not in given) if words else ()
    return (*nicknames, *extra)
