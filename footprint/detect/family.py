"""Find the profile's family members, and a child's school, named on a page."""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from footprint.detect.inflect import (
    called,
    lithuanian,
    lithuanian_forms,
    name_word_forms,
    polish,
    polish_forms,
    short_forms,
    spellings,
)
from footprint.detect.interface import Detector, Document
from footprint.detect.subject import (
    KUNYA_WORDS,
    chat_message_sender,
    mentions,
    name_key,
    namesakes,
    others_named,
    own_name_keys,
    someone_elses_post,
    split_names,
    surname_first_names,
    their_initials,
    untitled,
)
from footprint.detect.text import (
    APOSTROPHE,
    ARABIC_PREFIX,
    DETAILS_CACHED,
    GUJARATI_SUFFIX,
    HANGUL_AFTER,
    HEADING_CHARS,
    PROFILES_CACHED,
    TAMIL_SUFFIX,
    alternation,
    arabic_pattern,
    cyrillic_pattern,
    fold,
    greek_pattern,
    gujarati_pattern,
    hangul_name,
    is_gujarati,
    is_hangul,
    is_tamil,
    literal_hits,
    scripts,
    tamil_pattern,
    whole_words,
    word_pattern,
)
from footprint.model import GENERATIONS, FamilyMember, Kind, Match, Need, Profile, generation, split_name

FULL_NAME_CONFIDENCE = 0.9
NAME_BY_RELATION_CONFIDENCE = 0.6
SCHOOL_CONFIDENCE = 0.9
SCHOOL_CORE_CONFIDENCE = 0.7
RELATION_WINDOW = 40
CUE_WINDOW = 400
NAME_CUE_WINDOW = 150
_OTHER_SURNAME = re.compile(r" ([A-Z][a-z]+)(?![\w'’])")
# A school's or a club's name after a first name is not a surname: "மகன் கார்த்திக் Wrenfold School இல்" (her son
# Karthik at Wrenfold School); but in "Beis Leah High School" the first name is the school's own.
_INSTITUTION_WORDS = (
    "School",
    "Academy",
    "College",
    "Primary",
    "Secondary",
    "High",
    "Grammar",
    "Nursery",
    "Infants",
    "Junior",
    "Juniors",
    "Sixth",
    "University",
    "Club",
    "FC",
)
_INSTITUTION_AFTER = re.compile(rf"[ \t]+(?:{'|'.join(_INSTITUTION_WORDS)})\b")

# Near a school's name, these say a child goes there (rather than that a councillor visited it).
# A relation word counts only as someone's ("my son", "our twins", "whose daughter"): "the children's
# challenge" or "Year 6 pupils" could be anyone's. Said to the person ("your daughter", "your kids go to"), it
# counts; "your child", which a school's letters say to every parent, does not.
_KIDS = (
    r"sons?|daughters?|kids?|twins?|boys|girls|little\s+ones?|step(?:son|daughter)s?|(?:youngest|eldest|oldest)"
    # (not "our youngest reader", "our oldest member": a school's or a club's)
    r"(?!\s+(?:readers?|pupils?|members?|players?|winners?|competitors?|volunteers?|residents?|visitors?"
    r"|runners?|swimmers?|participants?|artists?|authors?|bakers?|gardeners?|team|councillors?|candidates?))"
    r"|grand(?:sons?|daughters?|kids?|child(?:ren)?)"
)
_IS = ("is", "are", r"'(?<=\w')s", r"’(?<=\w’)s")  # "is", "are", and "'s" after a word ("she's")
_CHILD_CUE_PHRASES = (
    *(rf"{w}\s+(?:\w+\s+)?(?:{_KIDS}|child|children)" for w in ("my", "our", "her", "his", "their", "whose")),
    rf"your\s+(?:\w+\s+)?(?:{_KIDS})",
    *(rf"{w}\s+(?:of|to)\s+\w+" for w in ("mum", "mom", "dad", "mother", "father", "parent")),
    *(rf"{w}\s+day\s+(?:of|at)\s+(?:year|school)" for w in ("first", "last")),
    r"year\s+\d{1,2}\s+for\s+(?:this|my|our)",
    *(rf"{w}\s+in\s+year\s+\d{{1,2}}" for w in _IS),
    r"year\s+\d{1,2}\s+at",
    r"reception\s+class",
    r"school\s+run",
    # Scotland's year groups: P1-P7 at primary, S1-S6 at secondary ("who's in P4 at", "started P5 at").
    *(rf"{w}\s+in\s+[ps][1-7]" for w in _IS),
    *(rf"{w}\s+[ps][1-7]\s+at" for w in ("started", "starts", "starting", "in")),
    # Scotland's parents' body, and a dossier's "kids:" line.
    *(
        rf"{w}\s*(?:,|of)\s*(?:the\s+)?parent\s+council"
        for w in ("member", "chair", "convener", "treasurer", "secretary")
    ),
    r"kids\s*:",
    *(
        rf"{w}\s+(?:the\s+)?(?:\w+\s+)?pta"
        for w in ("i'm", r"i\s+am", "she's", r"she\s+is", "he's", r"he\s+is", "as")
    ),
    *(rf"{w}\s+the\s+(?:[\w'’]+\s+){{0,3}}?pta" for w in ("on", r"chair\s+of", "joined", r"member\s+of")),
    r"parents['’]?\s+evening",
    r"parent\s+governor",  # elected to a school's board as a parent of a child there
    # Welsh (my, his/her, our, your, their + son, daughter, children, grandson, granddaughter, with their
    # mutations) and a grandparent named by the child ("Mam-gu Osian": Osian's grandmother); Polish (my, our,
    # her, his, their + son, daughter, children, grandchild), accents folded.
    # (each starts with its own word, not a group, so `re` still skips to the letters they start with)
    *(
        rf"{w}\s+(?:\w+\s+)?(?:mab|fab|merch|ferch|plant|mhlant|phlant|wyr|wyres|wyrion)"
        for w in ("fy", "ei", "ein", "eich", "eu")
    ),
    *(rf"{w}\s+[a-z]+" for w in ("mam-gu", "nain", "taid", "tad-cu")),
    *(
        rf"{w}\s+(?:\w+\s+)?(?:syn|syna|synek|synka|cork[ai]|coreczk[ai]|dzieci|wnuk|wnuczk[ai])"
        for w in ("moj", "moja", "moje", "nasz", "nasza", "nasze", "naszego", "naszej", "jej", "jego", "ich")
    ),
    # Spanish (my, our, his/her/their + son, daughter, children, kids, grandchild), accents folded
    *(
        rf"{w}\s+(?:\w+\s+)?(?:hij[oa]s?|ninos|nin[oa]|niet[oa]s?)"
        for w in ("mi", "mis", "nuestro", "nuestra", "nuestros", "nuestras", "su", "sus", "tus")
    ),
    r"pick(?:ing)?\s+(?:them|him|her)\s+up",
    r"drop(?:ping)?\s+(?:them|him|her)\s+off",
    # Korean: son, daughter, children, (my) kid, with what a sentence glues on ("아들이 올해 Year 10", my son is
    # going into Year 10): Korean says "my" by leaving it out
    *(rf"{w}{HANGUL_AFTER}" for w in ("아들", "딸", "자녀", r"우리\s+애", r"우리\s+아이")),
)
# Each phrase starts and ends a word. These two need not start one: a parent listed with their child ("Priya
# (Isla, Year 3)") and a dossier's "- kids at St Hilda's and ...", or the line alone: "kids at Haughhead Primary".
_LISTED_CHILD_CUES = (
    r"\(\s*[a-z]+,\s*year\s+\d{1,2}\b",
    *(rf"{c}\s*kids?\s+(?:at|go(?:es)?\s+to|attends?)\b" for c in (r"\-", r"\*", "\u2022", ":", "\n")),
)
# For lower-case text. Every phrase starts with a plain character, shared with the others that start with it
# (see alternation), so `re` skips through the text instead of trying each phrase at each position.
_CHILD_CUES = re.compile(
    alternation([*(rf"{p}\b" for p in _CHILD_CUE_PHRASES), *_LISTED_CHILD_CUES], word_start=True)
)

# Relation words for lower-case text, one fragment each (separated by spaces here), each starting with a plain
# letter: as one alternation (see text.alternation) `re` tries a handful of them where a word starts, not all of
# them at every position (some 50 ns a character against 560 for the same words ignoring case).
_RELATION_WORD_FRAGMENTS = (
    r"husband hubby wife wifey partner spouse other\s+half missus fianc[ée]e? girlfriend boyfriend sons? daughters?"
    r" child children parents(?!['’]?\s+evening) kids? twins? mum mom mother dad father brothers? sisters?"
    r" step(?:son|daughter)s? stepchild(?:ren)? step-?(?:mum|mom|mother|dad|father|parent) nephews? nieces? uncle"
    r" aunt auntie aunty cousins? mother-in-law father-in-law son-in-law daughter-in-law brother-in-law"
    r" sister-in-law great[\-\s]?grand(?:sons?|daughters?|child(?:ren)?|kids?|ma|mother|pa|dad|father|parents?)"
    r" grand(?:sons?|daughters?|child(?:ren)?|kids?|ma|mother|pa|dad|father|parents?) gran granny nana? nanna"
    r" grandad grandpa relatives"
    # Greek, as a Greek-language page writes them (accents folded or kept): daughter, son, spouse, wife, husband,
    # mother, mum, father, dad, grandmother, grandchild, sister, brother, children, daughter-in-law
    r" κ[όο]ρη θυγατ[έε]ρα γι[όο]ς? σ[ύυ]ζυγ(?:[οό][ςσ]?)? γυνα[ίι]κα άντρας αντρας μητ[έε]ρα μ[άα]να μαμ[άα]"
    r" πατ[έε]ρας μπαμπ[άα]ς γιαγι[άα] παππο[ύυ]ς εγγον(?:[ήη]|[όο]ς|[έε]ς|ο[ίι]) αδε[λρ]φ(?:[ήη]|[όο]ς) παιδι[άα]"
    r" ν[ύυ]φη"
    # Welsh, with the mutations a word before gives them, accents folded: husband, wife, daughter, son, sons,
    # grandson, granddaughter, grandmother, grandfather, brother, sister, mother, children
    r" gwr wr gwraig wraig merch ferch mab fab meibion feibion wyr wyres nain taid mam-gu fam-gu tad-cu dad-cu"
    r" brawd frawd chwaer mam fam phlant"
    # Polish, in the cases a sentence gives them, accents folded (see text.fold): husband, wife, daughter, son,
    # mother, father, mother-in-law, daughter-in-law, grandchild, granddaughter, children, brother, sister,
    # grandmother, grandfather, parents
    r" maz meza mezem mezowi mezu zon[aeiy] zonie cor(?:ecz)?k[aeiy] cor(?:ecz)?ce cor(?:ecz)?kami cor(?:ecz)?kom"
    r" syn(?:a|em|owi|u|ek|ka|owie|ow|om|ami)? mam[aeoy] mamie matk[aeiy] matce tat[aeyo] tacie ojciec ojc[aeu]"
    r" ojcem tesciow[aeiy] tesciowej synow[aeiy] synowej wnuk(?:a|i|ow|om|ami|iem)? wnucz(?:ka|ki|ke|ce|ek|kom)"
    r" dzieci dzieciom dziecmi dzieckiem dzieck[aou] brat[aeu]? bratem siostr[aeyo] siostrze babci[aeo]?"
    r" dziad(?:ek|ka|kowi|kiem) rodzic(?:e|ow|om|ami)"
    # Spanish, accents folded: husband, wife, son(s), daughter(s), mother, father, brother(s), sister(s),
    # grandparents, grandchildren, nephews and nieces, in-laws
    r" marido esposo esposa hij[oa]s? madre padre herman[oa]s? abuel[oa]s? niet[oa]s? sobrin[oa]s? suegr[oa] nuera"
    r" yerno cunad[oa] ninos"
    # Ukrainian and Russian, in the cases a sentence gives them: wife, husband, daughter, son, grandson,
    # granddaughter, mother, mum, father, dad, brother, sister, children, grandmother, grandfather, parents
    r" дружин(?:а|и|і|у|ою) чоловік(?:а|ові|ом|у)? дон(?:ька|ьки|ьці|ьку|ькою|еч?ка) доч(?:ка|ки|ці|ку|кою|ь|ери|ерью)"
    r" син(?:а|ові|ом|у|и|ів)? онук(?:а|и|у|ом|ові|ів)? онуц(?:і) онуч(?:ка|ки|ці|ку|кою) мат(?:и|ір|ері|ь)"
    r" мам(?:а|и|і|у|ою) бат(?:ько|ька|ьком|ькові|ьки|ьків) тат(?:о|а|ом|ові|у) брат(?:а|ові|ом|и|ів)?"
    r" сестр(?:а|и|і|у|ою) діт(?:и|ей|ьми|ям) бабус(?:я|і|ю|ею) дідус(?:ь|я|еві|ем) жен(?:а|ы|е|у|ой) муж(?:а|у|ем)?"
    r" отц(?:а|у|ом) отец внук(?:а|у|ом)? внучк(?:а|и|е|у|ой) дет(?:и|ей|ям|ьми) родител(?:и|ей|ям)"
    # Tamil, with whatever ending a sentence glues on (see text.TAMIL_SUFFIX): wife, husband, daughter, son,
    # children, father, mother, mother- and father-in-law, grandmother, grandfather, grandson, granddaughter,
    # brother, sister, daughter- and son-in-law
    r" மனைவி துணைவி கணவ மகள் மகன் புதல்வ பிள்ளை குழந்தை தந்தை அப்பா தாய் அம்மா மாமியார் மாமனார் பாட்டி"
    r" தாத்தா பேரன் பேத்தி பேரப்பிள்ளை சகோதர அண்ணா அண்ணன் தம்பி அக்கா தங்கை மருமகள் மருமகன்"
    # Arabic, with the possessive endings a sentence gives them (my, his, her, their) and "and" glued before
    # (see _arabic_words): wife, husband, son, daughter, child(ren), father, mother, brother, sister, grandchild,
    # grandfather, grandmother, family
    r" {arabic}"
    # Gujarati, with whatever ending a sentence glues on: husband, wife, son, daughter, a daughter's son and
    # daughter, a son's son and daughter, grandmother, father
    r" પતિ પત્ની પુત્ર પુત્રી દીકરો દીકરી દીકરા દોહિત્ર દોહિત્રી પૌત્ર પૌત્રી બાપુજી ભાભી"
    # Greek-Cypriot and Jewish families' words for grandparents and parents, in English letters
    # Lithuanian, in the cases a sentence gives them, accents folded: wife, husband, daughter, son, children,
    # mother, mum, father, dad, brother, sister, grandchild, grandparents
    r" zmon(?:a|os|ai|oje) vyr(?:as|o|ui|a|u|e) dukr(?:a|os|ai|ele|yte) dukter(?:i|ys|ims|is) sun(?:us|aus|ui|umi|elis)"
    r" vaik(?:ai|u|ams|us|ais) mam(?:os|yte) motin(?:a|os|ai) tet(?:is|ei) tev(?:as|o|ui|u) brol(?:is|io|iui|iu)"
    r" ses(?:uo|ers|eriai|eri) anuk(?:as|e|ai|es) senel(?:is|e|iai)"
    # Romanian, in the cases a sentence gives them, accents folded (ș, ş and ț, ţ as s and t): husband, wife, son,
    # daughter, child(ren), father, grandmother, grandfather, grandson ("nepoțelul", the little grandson),
    # granddaughter, brother, sister, son-in-law, parents-in-law
    r" sot(?:ul|ului|ia|ie|iei) fi(?:ul|ului|ica|icei|ice) copi(?:l|lul|lului|ii|ilor) tat(?:al|alui|ei)"
    r" bunic(?:a|ii|ul|ului|i|ilor) nepo(?:t|tul|tului|telul|tica|ata|atei|tii|tei) frate(?:le|lui)? frati(?:i|lor)?"
    r" sor(?:a|ei|ii|ele) ginere(?:le|lui)? socr(?:u|ul|ii) soacr(?:a|ei)"
    # Turkish, with the possessive endings a sentence gives them, accents folded ("ı" as "i": see text.fold; not
    # "anne", "abi", "eşi" or "karım" bare: a name, a title, a name once folded, "Esi", a name): my spouse, husband,
    # wife, son, daughter, children, mother, father, grandchild, sibling, older sister, older brother,
    # daughter-in-law, son-in-law, maternal and paternal grandmother
    r" es(?:im|imle|imiz|iyle|imin) koca(?:m|si|mla) karisi ogl(?:um|u|umuz|uyla|una|unun)"
    r" kiz(?:im|i|imiz|iyla|larim?) cocuk(?:larim|lari|larimiz|um) anne(?:m|si|me|mle|miz|mizin)"
    r" baba(?:m|si|miz|mla) torun(?:um|u|larim?) kardes(?:im|i|lerim) abla(?:m|si) agabey(?:im|i) gelin(?:im|i)"
    r" damad(?:im|i) anneanne(?:m|si)? babaanne(?:m|si)?"
    # Portuguese, accents folded: husband, wife, son(s), daughter(s), mother (not "mãe" bare: folded, it is Welsh
    # "mae", is, and "Lily-Mae"), grandmother/grandfather, grandchildren, brother, sister, nephews and nieces,
    # parents-in-law, son-in-law, brother/sister-in-law
    r" filh(?:o|a|os|as|inho|inha) (?:minha|sua|tua|a)\s+mae mae\s+d[aeo]s? avo avos net(?:o|a|os|as|inho|inha) irma(?:o|os|s)? sobrinh(?:o|a|os|as)"
    r" sogr(?:o|a|os) genro cunhad(?:o|a|os|as)"
    # Hungarian, with the endings a sentence gives them, accents folded (not "anya", "apa", "fia" or "lany" bare:
    # a name, "dad" said to him, a name, "girl"): husband, wife, son, daughter, children, mother, father, grandchild,
    # grandmother, grandfather, sibling, older brother, younger brother, older sister, younger sister, mother-
    # and father-in-law
    r" ferj(?:em|e|emmel|evel|emnek|enek|et|emet)? feleseg(?:em|e|emmel|evel|et|enek)?"
    r" fia(?:m|i|im|mnak|mmal|nak|val|ink) fiunk fiuk lany(?:om|a|unk|aim|ai|ommal|aval|anak|omnak)"
    r" gyerek(?:eim|ei|eink|ek|em|einek) gyermek(?:eim|ei|eink|e|em|einek)"
    r" anyam anyja anyuka(?:m|ja)? edesanya(?:m|ja|nk)? apam apja edesapa(?:m|ja|nk)? unoka(?:m|ja|i|im|ink)?"
    r" nagymama(?:m|ja)? nagyapa(?:m|ja)? testver(?:em|e|eim|ei) batyam batyja ocsem ocse noverem novere hugom huga"
    r" anyos(?:om|a) apos(?:om|a)"
    # Vietnamese, accents folded, as two words where one would be another word too ("vo", "con", "me", and
    # "chong", a Chinese name): (and) her husband, husband and wife, son, daughter, the children, paternal and maternal grandparents and
    # grandchildren, older brother, older sister, younger brother and sister, son- and daughter-in-law
    r" va\s+chong chong\s+(?:toi|em|chi|cua|ba|co) vo\s+chong con\s+trai con\s+gai cac\s+con ba\s+noi ba\s+ngoai ong\s+noi ong\s+ngoai chau\s+noi"
    r" chau\s+ngoai anh\s+trai chi\s+gai em\s+trai em\s+gai con\s+re con\s+dau"
    # Tagalog, with the linker "-ng" a sentence glues on (not "kuya", "ate", "tita", "tito" or "lola": titles of
    # respect for anyone older): spouse, child, youngest child, eldest child, mother, father, grandchild
    r" asawa(?:ng)? anak bunso(?:ng)? panganay nanay tatay apo(?:ng)?"
    # Tigrinya, in English letters and in Ge'ez, with the "my" Tigrinya glues on (not bare "ade", a Yoruba name
    # too, "abo", what anyone old is called, or "wedi", "son of" in a man's byname): my mother, my father, my
    # husband, my wife, my son, my daughter, my children, my brother, my sister
    r" adey aboy wedey gualey deqey hawey haftey ኣደይ ኣቦይ ሰብኣየይ ሰበይተይ ወደይ ጓለይ ደቀይ ሓወይ ሓፍተይ"
    # Gujarati families' words in English letters: son, daughter, sons, husband, wife, grandmother, grandfather,
    # paternal grandparents, a daughter's son and daughter, a son's son and daughter, aunts, brother's wife
    r" dikro dikri dikra pati patni nani dadi dadaji bapuji dohitra dohitri pautra pautri kaki masi foi bhabhi"
    # Yoruba, tone marks folded, with "her", "my" or "their" after (not bare: "ọmọ" is any child of the community,
    # "ọkọ̀" a vehicle, "ìyá" and "bàbá" what anyone older is called): husband, wife, child, daughter, son, father,
    # mother
    r" oko\s+(?:re|mi|won) iyawo\s+(?:re|mi) aya\s+(?:re|mi) omo\s+(?:re|mi|won) omobinrin\s+(?:re|mi)"
    r" omokunrin\s+(?:re|mi) baba\s+(?:re|mi) iya\s+(?:re|mi)"
    # Korean, with what a sentence glues on after them (see text.HANGUL_AFTER; not "언니", "오빠", "형", "누나", "이모",
    # "삼촌", "어머님" or "아버님": said to friends and to any mother or father): husband, wife, spouse, daughter, son,
    # children, mum, mother, dad, father, son-in-law, daughter-in-law, grandson, granddaughter, grandchildren, eldest
    # son and daughter, second son and daughter, youngest, younger brother and sister, parents, family
    r" 남편 아내 부인 와이프 배우자 딸 딸아이 큰딸 작은딸 외동딸 장녀 차녀 아들 큰아들 작은아들 외아들 장남 차남 막내 자녀 자식"
    r" 아이들 애들 엄마 어머니 모친 아빠 아버지 부친 사위 며느리 손자 손녀 손주 남동생 여동생 부모 부모님 가족 식구"
    r" yiayia yaya giagia pappou papou abba imma ima bubb(?:y|ie|e) booba zaid(?:y|ie|e) zeid(?:y|ie|e) tatty"
    r" my\s+(?:eldest|youngest|oldest) our\s+(?:eldest|youngest|oldest) her\s+(?:eldest|youngest|oldest)"
    r" his\s+(?:eldest|youngest|oldest) their\s+(?:eldest|youngest|oldest)"  # "My eldest Sam"
)


_ARABIC_RELATIONS = (
    "زوجة زوجتي زوجته زوجتها زوجي زوجه زوجها ابن ابني ابنه ابنها ابنهم ابنة ابنتي ابنته ابنتها ابنتهم بنت بنتي"
    " بنته بنتها ولد ولدي ولده ولادي ولاده ولادها اولادي اولاده اولادها أولادي أولاده أولادها ابنائي ابناؤه أبنائي أبناؤه أبنائه بناتي"
    " بناته أطفالي اطفالي أطفاله اطفاله والد والدي والده والدها والدة والدتي والدته والدتها أبي ابي أبوه أمي امي"
    " أمه امه أخ أخي اخي أخوه أخيه اخوه اخيه أخت أختي اختي أخته اخته شقيق شقيقي شقيقه شقيقها شقيقة شقيقتي"
    " شقيقته حفيد حفيدي حفيده حفيدة حفيدتي حفيدته جدي جده جدتي جدته نجل نجله كريمة كريمته عائلتي عائلته أسرتي أسرته"
    # Urdu: wife, husband, son(s), daughter(s), children, mother, father, brother, sister, grandchildren
    " اہلیہ بیوی بیگم شوہر بیٹا بیٹے بیٹی بیٹیاں بیٹیوں بچے بچوں صاحبزادہ صاحبزادے صاحبزادی والدہ ابو ابا امی"
    " بھائی بہن پوتا پوتی پوتے نواسا نواسی نواسے"
)


def _arabic_words() -> str:
    """The Arabic relation words as fragments, each also with "and" glued before it ("وزوجته", and his wife)."""
    return " ".join(f"{w} و{w}" for w in _ARABIC_RELATIONS.split())


def _tamil_word(word: str) -> str:
    """A Tamil word with whatever a sentence glues on: "மாமியார்" (mother-in-law) is "மாமியாரும்" (and the mother-in-law
    of), its last consonant's pulli giving way to the ending's vowel."""
    stem = word.removesuffix("\u0bcd")
    return f"{stem}\u0bcd?{TAMIL_SUFFIX}" if stem != word else f"{word}{TAMIL_SUFFIX}"


_RELATION_WORDS = re.compile(
    alternation(
        [
            _tamil_word(f)
            if is_tamil(f[0])
            else f"{f}{GUJARATI_SUFFIX}"
            if is_gujarati(f[0])
            else f"{f}{HANGUL_AFTER}"
            if is_hangul(f[0])
            else rf"{f}\b"
            for f in _RELATION_WORD_FRAGMENTS.format(arabic=_arabic_words()).split()
        ],
        word_start=True,
    )
)
# Words that say what sort of school it is. A page may leave them out ("St Anne's"), but one that names a
# different sort ("Millbrook Secondary" when the child is at Millbrook Primary) is a different school.
_SCHOOL_TYPES = (
    r"(?:primary|ilkokul\w*|altalanos\s+iskola\w*)",  # (and in Turkish and Hungarian: "İlkokulu'nda")
    r"(?:secondary|ortaokul\w*)",
    r"acad(?:emy|\.)?",
    r"infants?",
    r"juniors?",
    r"(?:day\s+)?nursery",
    r"pre-?school",
    r"high",
    r"grammar",
    r"college",
    r"sixth[\s\-]+form",
    r"(?:pre-?)?prep(?:aratory)?",
    r"middle",
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
# Gaelic and Welsh put the school's type first: "Bunsgoil Ghàidhlig Gleann Ruadh" (Gaelic primary school),
# "Ysgol Gynradd Gymraeg Bro Taf" (Welsh-medium primary school). Written here without accents (see text.fold).
_PREFIX_TYPES = (
    r"bunsgoil",
    r"ard-?sgoil",
    r"sgoil",
    r"ghaidhlig",
    r"gaidhlig",
    r"ysgol",
    r"gynradd",
    r"uwchradd",
    r"gyfun",
    r"gymraeg",
    # Irish, with the lenited forms a preposition gives them ("ar Ghaelscoil na Móna"): "Gaelscoil", "Scoil
    # Náisiúnta", "Gaelcholáiste", "Meánscoil".
    r"g?h?aelscoil",
    r"bh?unscoil",
    r"sc?h?oil",
    r"naisiunta",
    r"g?h?aelch?olaiste",
    r"ch?olaiste",
    r"mh?eanscoil",
)
_PREFIX_RUN = r"(?:(?:" + "|".join(_PREFIX_TYPES) + r")\s+)+"
_PREFIX_HEAD = re.compile(r"^" + _PREFIX_RUN, re.IGNORECASE)
# After a bare "St Anne's", these words mean a church, street or hospital of the same name, not the school.
_NOT_A_SCHOOL = (
    r"(?!\s+(?:church|chapel|cathedral|parish|hospital|hospice|road|rd|street|lane|avenue|close|way|well"
    r"|court|place|square|gardens|terrace|crescent|drive)\b)"
)


_PETS = (
    r"(?:dog|dogs|cat|cats|puppy|pup|kitten|collie|spaniel|labrador|lab|terrier|retriever|greyhound|whippet"
    r"|lurcher|beagle|poodle|dachshund|pony|horse|mare|gelding|hamster|rabbit|bunny|tortoise|budgie|parrot)"
)
_A_PET_AFTER = re.compile(rf",?\s+(?:the|our|my|her|his|their)\s+(?:[a-z]+\s+)?{_PETS}\b")
_A_PET_BEFORE = re.compile(rf"\b{_PETS},?\s+(?:called\s+|named\s+)?$")
# The writer saying what they are called: 'on British forms I am "Tesfay"' is her own name (her father's given name,
# as Eritrean names go), not her father named beside "father's" (but "I am Tesfay's daughter" is his).
_I_AM_BEFORE = re.compile("\\b(?:i\\s+am|i'm|i\u2019m)\\s+[\"'\u201c\u2018]?$")
_POSSESSIVE_AFTER = re.compile("[\"'\u201d\u2019]?['\u2019]s\\b")


# (and "Abi", "أبي", as a sentence declines it: "known as Abi Omar")
_KUNYA_BEFORE = re.compile(
    rf"(?<!\w)(?:{'|'.join((*KUNYA_WORDS, 'abi', 'أبي', 'ابي', 'أبا', 'ابا'))})[ \t]+$"
)


# What Gujarati families add to a given name, glued or apart: "Rameshbhai" (brother), "Meeraben" (sister).
_HONORIFIC = r"(?:[ \t\-]?(?:bhai|ben|behn))?"
# ... and what a Romanian family adds to a child's: "Andreiuț" (little Andrei), folded. Only to a name of their
# own of five letters or more: a short form with it is an English word ("Deb" + "ut").
_DIMINUTIVE = r"(?:utu?)?"


# Letters of Hungarian and its neighbours' names ("Gábor", "Péter", "Szabó"), whose families shorten a first name
# to its first syllable and "i": Gábor and Gabriel are "Gabi", Péter "Peti", Erzsébet "Erzsi", Katalin "Kati".
_I_DIMINUTIVE_LETTERS = frozenset("áéíóöőúüű")
_VOWELS = frozenset("aeiouy")


def _i_diminutives(name: str) -> set[str]:
    """ "Péter Szabó" -> {"Peti"}: a first name of five letters or more cut after its first consonant
    past the first vowel (three or four letters), and "i" (only in a name with such letters). A diminutive is
    read as a nickname is: beside a relation word, or before the surname ("Peti Szabó")."""
    words = name.split()
    if len(words) < 2 or not _I_DIMINUTIVE_LETTERS & set(name.lower()):
        return set()
    given = fold(words[0].lower())
    if len(given) < 5 or not given.isalpha():
        return set()
    return {
        (given[:size] + "i").title()
        for size in (3, 4)
        if given[size - 1] not in _VOWELS and any(ch in _VOWELS for ch in given[: size - 1])
    }


def _may_be_diminished(given: str, short: frozenset[str]) -> bool:
    return len(given) >= 5 and fold(given.lower()) not in short


_GREETING_BEFORE = re.compile(r"(?:رمضان|عيد|شهر|جمعة)[ \t]+$")


def _hyphenated_with(low: str, start: int, end: int) -> bool:
    """Whether a given name is half of a hyphenated one: "john" in "john-paul", "paul" in "john-paul"."""
    return (end + 1 < len(low) and low[end] == "-" and low[end + 1].isalpha()) or (
        start >= 2 and low[start - 1] == "-" and low[start - 2].isalpha()
    )


def _words(text: str) -> str:
    # (a double surname is also written hyphenated: "Lucas Pilling Sánchez", "Lucas Pilling-Sanchez")
    words, parts = text.lower().split(), []
    for at, word in enumerate(words):
        if word in _ARTICLES and at + 1 < len(words):
            continue  # (joined to the word after it, below)
        if at and words[at - 1] in _ARTICLES:
            parts.append(rf"[ae]l[\s\-'’]?{_spelled(word)}")
        elif (m := _WITH_ARTICLE.fullmatch(word)) and m.group(2):
            parts.append(rf"[ae]l[\s\-'’]?{_spelled(m.group(2))}")
        else:
            parts.append(_spelled(word))
    return r"[\s\-]+".join(parts)


# The Arabic article before a surname, which English writes joined, hyphenated or apart, as "Al" or "El": "Al-Hamwi",
# "Alhamwi", "Al Hamwi", "El-Hamwi" are one name (only where the profile writes it apart: "Alder" is not "Al-der").
_ARTICLES = frozenset(["al", "el"])
_WITH_ARTICLE = re.compile(r"([ae]l)[\-'’](\w+)")


def _spelled(word: str) -> str:
    """One word of a name, in any of the spellings English gives it ("md." or "muhammad" for "mohammed")."""
    options = spellings(word)
    if len(options) == 1 and "-" in word.strip("-"):  # ("Sung-ho" is written "Sung Ho" and "Sungho" too)
        return r"[\-\s]?".join(word_pattern(piece) for piece in word.split("-"))
    if len(options) == 1:
        return word_pattern(word)
    return "(?:" + "|".join(word_pattern(o) for o in sorted(options, key=len, reverse=True)) + ")"


def _whole(pattern: str) -> str:
    return rf"(?<!\w)(?:{pattern})(?!\w)"


@dataclass(frozen=True)
class _MemberPatterns:
    full: tuple[re.Pattern[str], ...]  # each starts with literal text: fast on a long page
    given: tuple[re.Pattern[str], ...]
    # The same names as Greek script writes them ("Χριστίνα Γεωργίου"), read only on a page with Greek letters.
    greek_full: re.Pattern[str] | None = None
    greek_given: re.Pattern[str] | None = None
    # ... and as Ukrainian or Russian writes them, in any case ("Морін Голліс", "з онуком Оскаром"), on a page in
    # Cyrillic.
    cyrillic_full: re.Pattern[str] | None = None
    cyrillic_given: re.Pattern[str] | None = None
    # ... and Tamil names as Tamil script writes them ("மகள் அபிராமி"), on a page in Tamil.
    tamil_full: re.Pattern[str] | None = None
    tamil_given: re.Pattern[str] | None = None
    gujarati_full: re.Pattern[str] | None = None  # with a middle name between: "રમેશચંદ્ર મગનલાલ પટેલ"
    gujarati_given: re.Pattern[str] | None = None
    arabic_full: re.Pattern[str] | None = None  # with the father's name between: "هيثم محمد الخطيب"
    arabic_given: re.Pattern[str] | None = None
    # The first name's initial and the surname ("Mr P. Kandiah", Tamil "பொ. கந்தையா"): counted, as a first name is,
    # only beside a relation word ("Abirami's grandfather, Mr P. Kandiah").
    initialled: re.Pattern[str] | None = None
    tamil_initialled: re.Pattern[str] | None = None
    # The names the profile gives this member (first name, nicknames), folded: two of them side by side, one in
    # brackets ("Đức (Danny)"), are that member whatever the words around them.
    listed: frozenset[str] = frozenset()
    # Short forms the profile does not list ("Bill" for William): ordinary words too ("the bill", "we will"), so
    # beside a relation word they count only as a name is written, with a capital.
    capitalised: frozenset[str] = frozenset()
    # Given names that are English words too ("Can", "Poppy"): the same, on a page that writes names with capitals
    words: frozenset[str] = frozenset()


# Given names that are also common English words ("a holiday in term time can result in a penalty", "we will",
# "in May"): beside a relation word, only as a name is written, with a capital (where the page writes the
# person's name with capitals: a dossier written all in lower case writes "poppy" for Poppy).
_WORD_NAMES = frozenset(
    (  # noqa: SIM905 - a word list reads better as words
        "can will may hope mark bill pat rose dawn grace joy faith frank ray rich sky june april summer ruby amber"
        " iris ivy holly heather daisy lily poppy violet jade pearl star sunny river autumn chance guy jack art"
    ).split()
)


_GEEZ = re.compile("[\u1200-\u137f]")


def _hangul_given(name: str) -> str | None:
    """The given name of a name Hangul writes in one word ("서연" of "이서연"), if it has two syllables or more."""
    parts = hangul_name(name)
    return parts[1] if parts and len(parts[1]) >= 2 else None


NAMESAKE_RECORD_CHARS = 400


def _in_a_namesakes_record(
    match: Match, named: tuple[tuple[int, int], ...], others: tuple[tuple[int, int], ...], found: list[Match]
) -> bool:
    """Whether a relative's name comes after a namesake of the person (see subject.others_named: their given name
    and surname, with an age or a birth year that is not theirs), with no mention of the person between: in that
    namesake's record. (A name a relative's own match covers is not a namesake's.)"""
    last = max(
        (
            at
            for at, end in others
            if end <= match.start and not any(f.start <= at < f.end for f in found if f.kind is match.kind)
        ),
        default=None,
    )
    if last is None or match.start - last > NAMESAKE_RECORD_CHARS:
        return False
    return not any(last < start < match.start for start, _ in named)


# A parent named by a child's name, in brackets right after the person's own name: "Folakemi Adeyemi (Mummy Tolu)",
# "(Mama Tolu)", "(Ìyá Tolú)", "(mum of Tolu)": Tolu is their child. (Said alone, "Mummy Tolu" is any Tolu's mother.)
_TEKNONYM_BEFORE = re.compile(
    r"\(\s*(?:mummy|mumsy|mama|mami|iya|daddy|papa|baba|(?:mum|mom|mother|dad|father)\s+of)\s+$"
)


def _their_teknonym(low: str, start: int, named: tuple[tuple[int, int], ...]) -> bool:
    m = _TEKNONYM_BEFORE.search(low, max(0, start - 16), start)
    return m is not None and any(0 <= m.start() - end <= 1 for _, end in named)


def _another_koreans(low: str, written: str, member: FamilyMember) -> bool:
    """Whether a page that writes a relative's Hangul given name alone ("서연") writes it in full only with
    another surname ("박서연", Park Seo-yeon), never with theirs ("이서연"): the name is the other child's."""
    fulls = {n.strip() for n in member.nicknames if hangul_name(n)}
    if not fulls or any(full in low for full in fulls):
        return False
    given = next((g for full in fulls if (g := _hangul_given(full)) and written.startswith(g)), None)
    return given is not None and any(
        at > 0 and is_hangul(low[at - 1]) and (at < 2 or not is_hangul(low[at - 2]))
        for at in literal_hits(given, low)
    )


def _compound_calling_name(name: str) -> tuple[str, ...]:
    """ "Maria da Conceição" goes by "Conceição" (Portuguese and Spanish compound given names: "Maria do
    Carmo")."""
    given_words = split_name(name)[0].split()
    if len(given_words) >= 3 and given_words[1].lower() in ("da", "de", "do", "del"):
        return (given_words[2],)
    return ()


@functools.lru_cache(maxsize=DETAILS_CACHED)
def _member_patterns(member: FamilyMember, their_name: bool = False) -> _MemberPatterns | None:
    """Full names: the name as given, first + last, each nickname + last. Given names: first and nicknames.

    A one-word name is only a given name: on its own it is too common to report. A generation after the name
    ("Winston Lindo Sr") may be written any way ("Snr", "Senior"); for a relative who has the person's own name
    (`their_name`) it must be, and their given name beside a relation word is not theirs but the person's.
    """
    words = member.name.split()
    if not words:
        return None
    gen = generation(member.name)
    if gen:
        words = [*words[:-2], words[-2].rstrip(",")]
        generation_words = "|".join(w for w, g in GENERATIONS.items() if g == gen)
        ending = rf",?\s+(?:{generation_words})\.?" + ("" if their_name else "?")
    else:
        ending = ""
    givens = {words[0], *(n for n in called(member.name, member.nicknames) if n.strip())}
    givens.update(_compound_calling_name(member.name))
    # A name Hangul writes in one word, surname first, is a full name ("이서연"); its given name a first name ("서연")
    hangul = {n.strip(): g for n in member.nicknames if (g := _hangul_given(n))}
    givens = (givens - set(hangul)) | set(hangul.values())
    short = frozenset(fold(n.lower()) for n in called(member.name, member.nicknames)) - {
        fold(n.lower()) for n in (words[0], *member.nicknames)
    }
    diminutives = _i_diminutives(member.name)
    givens |= diminutives
    declined = polish(member.name)  # "Tomaszowi Wiśniewskiemu", "Zofii i Jakubowi"
    if declined:
        givens = {form for g in givens for form in polish_forms(g)}
    elif lithuanian(member.name):  # "vyras su Luku" (with Lukas), "su vyru Dariumi"
        givens = {form for g in givens for form in lithuanian_forms(g)}
    fulls: set[str] = set()
    if len(words) > 1:
        surname = _words(split_name(member.name)[1])  # "ap Rhys", with its particle
        if declined and len(split_name(member.name)[1].split()) == 1:
            forms = sorted(polish_forms(split_name(member.name)[1]), key=len, reverse=True)
            surname = "(?:" + "|".join(_words(f) for f in forms) + ")"
        fulls = {_words(" ".join(words))}
        # A nickname that is itself a full name, with the surname in it, is one: "Trần Văn Minh" for Minh Tran.
        surname_words = set(fold(split_name(member.name)[1].lower()).split())
        fulls |= {
            _words(n)
            for n in member.nicknames
            if len(n.split()) >= 2
            and (
                surname_words & set(fold(n.lower()).split())
                # (or his first name with another surname he goes by: "Yonas Kahsay", his grandfather's name)
                or fold(n.split()[0].lower()) == fold(words[0].lower())
            )
        }
        # ... and one the profile writes in another script, whose letters no surname in Latin ones matches: "ዮናስ
        # ሃብተ" for Yonas Habte (with what Tigrinya glues on after it: "ዮናስ ሃብተን", and Yonas Habte)
        fulls |= {
            _words(n) + ("(?:ን|ውን)?" if _GEEZ.search(n) else "")
            for n in member.nicknames
            if len(n.split()) >= 2 and not any("a" <= c.lower() <= "z" for c in n)
        }
        if len(words) >= 3 and "md." in spellings(words[0]):
            fulls.add(_words(" ".join(words[1:])))  # "Mohammed Abdul Karim" goes by "Abdul Karim"
        # Each given name (first name, nickname) with the surname after it, in one pattern, so a page is searched
        # once for it: "Dev Oduya"; in a couple sharing it ("Martin and Ros Keane"); with a middle initial the profile does not give ("Gerard P. Mulhern"); a
        # data row's quoted columns ("VALUES (27,'Harry','Jones',..."); a record's fields ("first_name: Cian" over
        # "last_name: Ó Catháin").
        after = (
            rf"[\"',]?\s*\n\s*[\"']?(?:last|sur|family)[_\s]?name[\"']?\s*[:=]\s*[\"']?{surname}",
            rf"(?P<q>[\"']),\s*(?P=q){surname}",
            rf"\s+[a-z]\.?\s+{surname}",
            # one or two middle names: "Callum James Reid", "Elijah Kwame Winston Lindo"
            rf"\s+(?!(?:and|or|the|of)\s)[a-z][a-z'’\-]+(?:[ \t]+(?!(?:and|or|the|of)\s)[a-z][a-z'’\-]+)?\s+{surname}",
            rf"\s+{surname}",
            rf"\s+(?:and|&)\s+[a-z][a-z'’\-]+\s+{surname}",  # a couple: "Martin and Ros Keane"
        )
        # (a compound name's first part, "Ramesh" of Rameshchandra, is too common a name to be him with the
        # surname alone, "Ramesh K. Patel": only beside a relation word)
        stems = {g for g in givens if fold(g.lower()) in short}  # (short forms include a compound's stem)
        fulls |= {_words(g) + _HONORIFIC + "(?:" + "|".join(after) + ")" for g in givens - stems}
        # Registers write "MORGAN, Catrin Elinor"; a spreadsheet's columns "Price,Gareth", ("Siddiqui","Shazia").
        # A class list's "WIŚNIEWSKA Zofia", with no comma: only with the surname in capitals (see _member).
        # ... with a title between, "FELDMAN Mrs Miriam"; and a couple's row, "FELDMAN Joseph (Yossi) & Devorah".
        any_given = "|".join(_words(g) for g in sorted(givens - stems, key=len, reverse=True))
        # (Pakistani families write Chaudhry, first, as "Ch.": "Ch. Ghulam Rasool")
        first = rf"(?:{surname}|ch\.)" if "chaudhry" in spellings(split_name(member.name)[1]) else surname
        if gen:  # "FERREIRA JUNIOR, Jose Manuel"
            first = rf"{first}(?:[ \t]+(?:{generation_words})\.?)" + ("" if their_name else "?")
        fulls.add(  # (one pattern: a page is searched once for the surname that starts them)
            rf"{first}(?:[\"']?(?:,\s*|[ \t]+[-\u2013\u2014][ \t]+|[ \t]+)[\"']?(?:(?:mrs|mr|ms|miss|dr)\.?[ \t]+)?"
            # (a register's "TRAN, Van Minh": the middle name before the given name, as Vietnamese names go)
            rf"|,[ \t]*[a-z][\w'\-]*[ \t]+"
            rf"|[ \t]+[a-z][\w'\-]*(?:[ \t]+\([^)\n]{{1,20}}\))?[ \t]*&[ \t]*)(?:{any_given})"
        )
        if ending:
            fulls = {f"(?:{f}){ending}" if their_name else f"(?:{f})(?:{ending[:-1]})?" for f in fulls}
            # the given name and the generation alone say who it is: "Winston Snr", "his dad, Winston Senior"
            fulls |= {_words(g) + rf",?\s+(?:{generation_words})\.?" for g in givens}
    fulls |= {re.escape(n) + HANGUL_AFTER for n in hangul}
    if their_name:
        givens = set()
    # (other scripts' pages are read for the names the profile gives, not for short forms guessed from them:
    # "Zé" spelled in Cyrillic is the start of many words)
    givens_in_scripts = {
        g
        for g in givens
        if fold(g.lower()) not in short
        and g not in diminutives
        and any("a" <= c <= "z" for c in fold(g.lower()))  # ("ዮናስ ሃብተ" is not spelled again in Greek letters)
    }
    greek_givens = "|".join(greek_pattern(g) for g in sorted(givens_in_scripts, key=len, reverse=True))
    greek_surname = greek_pattern(split_name(member.name)[1]) if len(words) > 1 else ""
    cyrillic_givens = "|".join(cyrillic_pattern(g) for g in sorted(givens_in_scripts, key=len, reverse=True))
    cyrillic_surname = cyrillic_pattern(split_name(member.name)[1]) if len(words) > 1 else ""
    tamil_givens = "|".join(tamil_pattern(g) for g in sorted(givens_in_scripts, key=len, reverse=True))
    tamil_surname = tamil_pattern(split_name(member.name)[1]) if len(words) > 1 else ""
    gujarati_givens = "|".join(gujarati_pattern(g) for g in sorted(givens_in_scripts, key=len, reverse=True))
    gujarati_surname = gujarati_pattern(split_name(member.name)[1]) if len(words) > 1 else ""
    arabic_givens = "|".join(arabic_pattern(g) for g in sorted(givens_in_scripts, key=len, reverse=True))
    arabic_surname = arabic_pattern(split_name(member.name)[1]) if len(words) > 1 else ""
    return _MemberPatterns(
        full=tuple(re.compile(f) for f in sorted(fulls, key=len, reverse=True)),
        given=tuple(
            re.compile(
                _words(g) + HANGUL_AFTER
                if is_hangul(g[0])
                else _words(g) + _HONORIFIC + (_DIMINUTIVE if _may_be_diminished(g, short) else "")
            )
            for g in sorted(givens, key=len, reverse=True)
        ),
        greek_full=re.compile(rf"(?:{greek_givens})\s+{greek_surname}")
        if greek_surname and givens_in_scripts
        else None,
        greek_given=re.compile(f"(?:{greek_givens})") if givens_in_scripts else None,
        cyrillic_full=(
            re.compile(rf"(?:{cyrillic_givens})\s+{cyrillic_surname}")
            if cyrillic_surname and givens_in_scripts
            else None
        ),
        cyrillic_given=re.compile(f"(?:{cyrillic_givens})") if givens_in_scripts else None,
        tamil_full=re.compile(rf"(?:{tamil_givens})\s+{tamil_surname}")
        if tamil_surname and givens_in_scripts
        else None,
        tamil_given=re.compile(f"(?:{tamil_givens})") if givens_in_scripts else None,
        arabic_full=(
            re.compile(rf"{ARABIC_PREFIX}(?:{arabic_givens})(?:\s+[\u0600-\u06ff]+)?\s+{arabic_surname}")
            if arabic_surname and givens_in_scripts
            else None
        ),
        arabic_given=re.compile(f"{ARABIC_PREFIX}(?:{arabic_givens})") if givens_in_scripts else None,
        gujarati_full=(
            re.compile(rf"(?:{gujarati_givens})(?:\s+[\u0a80-\u0aff]+)?\s+{gujarati_surname}")
            if gujarati_surname and givens_in_scripts
            else None
        ),
        gujarati_given=re.compile(f"(?:{gujarati_givens})") if givens_in_scripts else None,
        initialled=_initialled(member) if len(words) > 1 and not their_name else None,
        tamil_initialled=_tamil_initialled(member) if len(words) > 1 and not their_name else None,
        capitalised=short,
        words=frozenset(low for g in givens if (low := fold(g.lower())) in _WORD_NAMES),
        listed=frozenset(
            " ".join(fold(n.lower()).split()) for n in (words[0], *member.nicknames) if n.strip()
        ),
    )


_BRACKETED = re.compile(r"[ \t]*\(([^()\n]{1,30})\)")


def _with_another_listed_name(
    text: str, low: str, m: re.Match[str], listed: frozenset[str], surnames: frozenset[str]
) -> bool:
    """ "Đức (Danny)", "Danny (Đức)": a listed name of the member's, then another in brackets; not with another
    surname after them ("Joanne (Jo) Marsh" is another Joanne)."""
    if m.group() not in listed:
        return False
    after = _BRACKETED.match(low, m.end())
    other = " ".join(after.group(1).split()) if after else ""
    if after is None or other not in listed or other == m.group():
        return False
    surname = _OTHER_SURNAME.match(text, after.end())
    return surname is None or fold(surname.group(1).lower()) in surnames


_MEN_WORDS = "father dad son husband brother grandfather grandson uncle nephew stepfather stepson"
_WOMEN_WORDS = (
    "mother mum mom daughter wife sister grandmother granddaughter aunt niece stepmother stepdaughter"
)
_MEN = frozenset([*_MEN_WORDS.split(), "father-in-law", "son-in-law", "brother-in-law"])
_WOMEN = frozenset([*_WOMEN_WORDS.split(), "mother-in-law", "daughter-in-law", "sister-in-law"])


@functools.lru_cache(maxsize=DETAILS_CACHED)
def _initial_probes(member: FamilyMember) -> tuple[str, ...]:
    """What a page must contain for _initialled to find anything: "p. kandiah", "p kandiah"."""
    given, surname = split_name(member.name)
    initial, surname = fold(given[:1].lower()), fold(surname.lower())
    return (f"{initial}. {surname}", f"{initial} {surname}")


def _initialled(member: FamilyMember) -> re.Pattern[str] | None:
    """ "Mr P. Kandiah" for a father Ponnampalam Kandiah ("Mrs P. Kandiah" is his wife Parameswary)."""
    given, surname = split_name(member.name)
    initial = fold(given[:1].lower())
    if not initial.isalpha():
        return None
    relation = member.relation.lower().strip()
    titles = (
        ("mr", "dr") if relation in _MEN else ("mrs", "ms", "miss", "dr") if relation in _WOMEN else _TITLES
    )
    not_after = "".join(rf"(?<!{t} )(?<!{t}\. )" for t in _TITLES if t not in titles)  # (another's title)
    return re.compile(
        rf"(?:(?:{'|'.join(titles)})\.?\s+{initial}\.?|{not_after}{initial}\.)\s*{_words(surname)}"
    )


_TITLES = ("mr", "mrs", "ms", "miss", "dr")


def _tamil_initialled(member: FamilyMember) -> re.Pattern[str] | None:
    """A Tamil initial is the first name's first syllable: "பொ." for Ponnampalam."""
    given, surname = split_name(member.name)
    first = fold(given.lower())
    syllable = first[:2] if len(first) > 1 and first[1] in "aeiou" else first[:1]
    initial = tamil_pattern(syllable).removesuffix(TAMIL_SUFFIX)
    if not initial or len(surname.split()) != 1:
        return None
    return re.compile(rf"{initial}\.\s*{tamil_pattern(surname)}")


@functools.lru_cache(maxsize=PROFILES_CACHED)
def same_name_keys(profile: Profile) -> frozenset[str]:
    """The keys of relatives with the person's own name ("family:winston lindo sr"): where the page names one,
    it names somebody else of their name, whose record is not theirs."""
    return frozenset(member_key(m) for m in profile.family if _their_name(profile, m))


def member_key(member: FamilyMember) -> str:
    return "family:" + " ".join(member.name.split()).lower()


@functools.lru_cache(maxsize=DETAILS_CACHED)
def _their_name(profile: Profile, member: FamilyMember) -> bool:
    """A relative with the person's own name, told apart by a generation ("Winston Lindo Sr")."""
    return bool(generation(member.name)) and name_key(member.name) in own_name_keys(profile)


def school_core(school: str) -> str:
    """ "St Anne's C of E Primary School" -> "St Anne's": the part of the name that is not the school type."""
    core = _SUFFIX_TAIL.sub("", " " + school.strip()).strip(" ,")
    if head := _PREFIX_HEAD.match(fold(core)):
        core = core[head.end() :]  # (fold keeps offsets: the name keeps its accents, "na Móna")
    return core or school.strip()


@functools.lru_cache(maxsize=DETAILS_CACHED)
def _school_patterns(school: str) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The core name followed by school words that fit this school (the full name), and the core on its own.

    A one-word core like "Millbrook" is usually the town too, so alone it would flag every local page.
    """
    core = school_core(school)
    types = tuple(t for t in _SCHOOL_TYPES if re.search(_whole(t), school, re.IGNORECASE))
    suffixes = _suffix_run((*types, *_SCHOOL_NEUTRAL))
    prefix = ""
    if core == school:
        suffixes = f"(?:{suffixes})?"  # the profile gives no school type, so the bare name is the full name
    elif _PREFIX_HEAD.match(fold(school)):
        prefix, suffixes = _PREFIX_RUN, f"(?:{suffixes})?"  # "Bunsgoil Ghaidhlig Gleann Ruadh": type first
    # No look-behind at the start (it would make `re` try every position): the caller checks the edges.
    full = re.compile(prefix + _words(core) + suffixes + r"(?!\w)")
    alone = None
    if len(core.split()) >= 2 and core != school:
        # "St Anne's Secondary" is another school when the child is at St Anne's Primary.
        other_types = "|".join(t for t in _SCHOOL_TYPES if t not in types) or "(?!)"
        another_school = rf"(?!{_SUFFIX_GAP}(?:{other_types})(?!\w))"
        alone = re.compile(_words(core) + r"(?!\w)" + _NOT_A_SCHOOL + another_school)
    return full, alone


@functools.lru_cache(maxsize=DETAILS_CACHED)
def _one_word_core(school: str) -> re.Pattern[str] | None:
    """A school whose core is one word ("Hallowgate Academy"): that word alone, which is read as the school only
    right after a year group, a child's name or "kids at" (see _core_after_a_child); None for any other school."""
    core = school_core(school)
    if len(core.split()) != 1 or core == school or _PREFIX_HEAD.match(fold(school)):
        return None
    return re.compile(_words(core) + r"(?!\w)" + _NOT_A_SCHOOL)


_YEAR_AT_BEFORE = re.compile(
    r"(?:\byear\s+\d{1,2}|\b[ps][1-7]|\b(?:kids|children|sons?|daughters?|twins)(?:\s+(?:are|is|both|all))*)"
    r"\s+(?:at|en|o|na|no|go(?:es)?\s+to)\s+$"  # (Spanish "en", Vietnamese "ở", Portuguese "na", "no")
)
_AT_BETWEEN = re.compile(r"\s+(?:at|en)\s+")


def _core_after_a_child(low: str, at: int, children: re.Pattern[str] | None) -> bool:
    """ "Year 9 at Hallowgate", "Lucas at Hallowgate", "Lucas en Hallowgate", "her kids are at Thornleigh": a
    one-word name (often a place's too) is the school right after a year group, a listed child's first name, or
    children said to be at it."""
    if _YEAR_AT_BEFORE.search(low, max(0, at - 30), at):
        return True
    if children is None:
        return False
    if any(_AT_BETWEEN.fullmatch(low, m.end(), at) for m in children.finditer(low, max(0, at - 40), at)):
        return True
    # ... or in a paragraph that gives a listed child's year group: "First day of Year 10 for our Đức ... before
    # anyone from Harcastle saw me"
    lo = max(0, at - CHILD_YEAR_REACH)
    lo = max(lo, low.rfind("\n\n", lo, at))
    year = _YEAR_GROUP.search(low, lo, at)
    return year is not None and children.search(low, year.end(), at) is not None


CHILD_YEAR_REACH = 200


def _another_surname_after(text: str, end: int, profile: Profile, member: FamilyMember) -> bool:
    """ "Ailsa Catriona" (Macleod), "Rory Patel": a first name followed by a name that is not the family's, nor
    one of this member's own names ("Balwinder Singh" for Balwinder Singh Sandhu), is somebody else's."""
    after = _OTHER_SURNAME.match(text, end)
    if after and after.group(1) not in _INSTITUTION_WORDS and _INSTITUTION_AFTER.match(text, after.end()):
        return False
    after = after or _AND_ANOTHER.match(text, end)
    if after is None:
        return False
    word = fold(after.group(1).lower())
    # (nor a middle name after a relative's or the person's own first name: "their daughter, Isla Morag", for her
    # grandmother Morag)
    return (
        word not in _surnames(profile)
        and word not in _own_name_words(member)
        and word not in _family_givens(profile)
        and word not in _person_givens(profile)
    )


_WORD_BEFORE = re.compile(
    r"([A-Z][a-z'’\-]+|[\u0600-\u06ff]+|[\u0a80-\u0aff]+)[ \t]+$"
)  # (Arabic script has no capitals)


def _after_their_given(text: str, at: int, profile: Profile) -> bool:
    """ "Gareth Owen Mitchell" when the person is Gareth Mitchell and their son Owen Mitchell: the person's (or a
    namesake's) name with a middle name, not the son's."""
    before = _WORD_BEFORE.search(text, max(0, at - 24), at)
    return before is not None and fold(before.group(1).lower()) in _untitled_givens(profile)


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _untitled_givens(profile: Profile) -> frozenset[str]:
    """The person's given names, without a title the profile writes into a name ("Dr Ada Reid")."""
    return frozenset(fold(w.lower()) for n in profile.names for w in split_name(untitled(n))[0].split())


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _person_givens(profile: Profile) -> frozenset[str]:
    return frozenset(fold(w.lower()) for n in profile.names for w in split_name(n)[0].split())


_LOWER_WORD = re.compile(r"[a-z][a-z'’\-]*")


def _surname_first_in_lower_case(written: str, member: FamilyMember) -> bool:
    """ "Reid Callum" in a sentence is two people's names run together; a list that puts the surname first
    without a comma writes it in capitals ("WIŚNIEWSKA Zofia")."""
    first = written.split()[0].strip("\"'")
    return "," not in written and not first.isupper() and fold(first.lower()) in _surname_forms(member)


@functools.lru_cache(maxsize=DETAILS_CACHED)
def _surname_forms(member: FamilyMember) -> frozenset[str]:
    surname = split_name(member.name)[1]
    return frozenset(name_word_forms(member.name, surname)) if len(surname.split()) == 1 else frozenset()


def _with_their_given(written: str, member: FamilyMember, givens: frozenset[str]) -> bool:
    """ "GEBREMEDHIN, Senait Tesfay": a register's row for the person (her given name, then her father's),
    not her father Tesfay Gebremedhin's, though his names are in it."""
    if "," not in written:
        return False  # ("Martin and Ros Keane" is a couple: her husband Martin, beside her)
    own = _own_name_words(member)
    return any(w in givens and w not in own for w in re.findall(r"[^\W\d_]+", written))


def _another_in_the_row(low: str, start: int, end: int, member: FamilyMember) -> bool:
    """A register's row, "REYES, BEATRIZ ANNE MENDOZA", whose names after the given one leave out the middle name
    the profile gives for this relative ("Beatriz Dela Cruz Reyes"), or add a generation they have not ("REYES,
    ROMMEL JR SANTOS" when he is Rommel Santos Reyes): somebody else's row. (A register of a relative whose
    middle name the profile does not give reads as theirs whatever follows.)"""
    if "," not in low[start:end]:
        return False
    line_end = low.find("\n", end)
    after = [w.strip(".,;:()") for w in low[end : len(low) if line_end == -1 else line_end].split()]
    after = [w for w in after if w]
    if not after or len(after) > 4 or not all(w.replace("-", "").isalpha() for w in after):
        return False  # (the row goes on to other columns: nothing said about a middle name)
    middles, theirs = _listed_middles(member)
    if any(GENERATIONS.get(w) for w in after) and not theirs:
        return True
    return bool(middles) and not any(w in middles for w in after)


@functools.lru_cache(maxsize=DETAILS_CACHED)
def _listed_middles(member: FamilyMember) -> tuple[frozenset[str], bool]:
    """The middle names the profile gives a relative in their full names ("dela", "cruz" from "Rommel Dela Cruz
    Reyes Jr", and "s" from "Rommel S. Reyes"), and whether any name of theirs carries a generation."""
    middles: set[str] = set()
    theirs = False
    for name in (member.name, *member.nicknames):
        words = [fold(w.lower()).strip(".,") for w in name.split()]
        if len(words) > 2 and GENERATIONS.get(words[-1]):
            theirs = True
            words = words[:-1]
        middles.update(words[1:-1])
    return frozenset(middles), theirs


def _a_lower_case_middle(written: str, member: FamilyMember) -> bool:
    """ "Sam about Marsh" is not a middle name: on a page that capitalises names, one is written with a capital
    ("Callum James Reid"). (A surname's own particle, "Mali ap Rhys", is not a middle name.)"""
    words = written.split()
    middles = words[1 : len(words) - len(split_name(member.name)[1].split())]
    own = {fold(w.lower()) for w in member.name.split()}
    return (
        len(middles) in (1, 2)
        and not all(fold(w.lower()) in own for w in middles)  # "Maria da Conceição dos Santos": her own "da"
        and words[0][:1].isupper()
        and middles[0] not in ("and", "&")
        and any(_LOWER_WORD.fullmatch(w) for w in middles)  # (not a record's "lastName:" between)
    )


@functools.lru_cache(maxsize=DETAILS_CACHED)
def _own_name_words(member: FamilyMember) -> frozenset[str]:
    return frozenset(
        form
        for n in (member.name, *called(member.name, member.nicknames))
        for w in n.split()
        for form in name_word_forms(member.name, w)
    ) | frozenset(f for w in member.name.split()[1:] for f in short_forms(w))  # "Zé Manel": José Manuel


# "Ruairidh and Shona Macleod": a couple that shares the surname after the second name.
_AND_ANOTHER = re.compile(r"\s+(?:and|&)\s+[A-Z][a-z]+ ([A-Z][a-z]+)(?![\w'’])")


_OF_THEM = re.compile(r"\s+(?:of|to)\s+")
# The person, by a given name, as the one whose relative it is: "Nadia's children", "Nadia and her husband".
_POSSESSOR = re.compile(
    r"([a-z]+)(?:['’]s|,?\s+and\s+(?:her|his|their)|,\s+(?:her|his|their))\s+(?:[a-z]+\s+)?$"
)


# ... or by the role the page knows them by: "the Vicar's daughter Imogen", "the councillor's husband".
_ROLE_POSSESSOR = re.compile(
    r"\bthe\s+(?:vicar|rector|councillor|cllr|mayor|rabbi|imam|minister|headteacher)['’]s\s+(?:[a-z]+\s+)?$"
)


# A mourners' list pairs each couple: "son Rameshbhai and daughter-in-law Hansaben (Cllr Hansa Patel)" puts the
# relative beside the person as her husband, whoever's son he is.
_PAIRED = re.compile(r"\s+(?:and|&)\s+(?:[a-z\-]+\s+)?(?:(?P<given>[a-z]+)\s*\(?\s*)?")
PAIRED_CHARS = 60


def _paired_with_them(text: str, end: int, introduced: int, givens: frozenset[str]) -> bool:
    """Whether the person comes right after the relative, "and" and a relation word between: named in full, or
    by a given name of theirs with the full name in brackets."""
    m = _PAIRED.fullmatch(text, end, introduced) if 0 < introduced - end < PAIRED_CHARS else None
    return m is not None and (m.group("given") is None or m.group("given") in givens)


def _possessed_by(text: str, at: int, givens: frozenset[str]) -> bool:
    m = _POSSESSOR.search(text, max(0, at - 30), at) if givens else None
    return (m is not None and m.group(1) in givens) or bool(_ROLE_POSSESSOR.search(text, max(0, at - 30), at))


# A Tamil notice lists the relatives first and says whose they are after: "லலிதா, இராஜேந்திரன், கோகிலா ஆகியோரின்
# அன்பு மாமியாரும்" (the beloved mother-in-law of Lalitha, Rajendran and Kokila).
_TAMIL_LIST_OF = re.compile(
    r"(?:\s*,\s*[\u0b80-\u0bff]+(?:[ \t]+[\u0b80-\u0bff]+)?){0,8}[ \t]*,?[ \t]*(?:ஆகியோரின்|ஆகியோருக்கு)[ \t]+"
    r"(?:(?:அன்பு|அருமை)(?:ப்)?[ \t]+|பாசமிகு[ \t]+)?"
)


def _in_a_tamil_list_of_relatives(low: str, end: int) -> bool:
    """Whether a name ending at `end` is in such a list, with a relation word after it."""
    m = _TAMIL_LIST_OF.match(low, end)
    return m is not None and _RELATION_WORDS.match(low, m.end()) is not None


# Relation words that say a generation the relative is not: "granny Bridget" is not her daughter Bridget, nor
# "his son Johnny" her father John.
_OLDER_WORDS = re.compile(
    r"(?:great[\-\s]?)?(?:gran|granny|nana?|nanna|grandma|grandmother|grandad|grandpa|grandfather"
    r"|grandparents?)$"
)
_YOUNGER_WORDS = re.compile(
    r"(?:sons?|daughters?|child|children|kids?|twins?|grand(?:sons?|daughters?|child(?:ren)?|kids?)"
    r"|filh[oa]s?|hij[oa]s?|net[oa]s?|niet[oa]s?"  # (Portuguese, Spanish: children, grandchildren)
    r"|(?:mum|mom|mother|dad|father|parent)\s+(?:of|to)|(?:mae|pai)\s+d[oa]s?)$"  # (the name after: their child)
)
_YOUNGER = frozenset(
    [
        "child",
        "children",
        "son",
        "daughter",
        "stepson",
        "stepdaughter",
        "stepchild",
        "grandchild",
        "grandson",
        "granddaughter",
    ]
)
_OLDER = frozenset(
    [
        *("parent", "father", "mother", "mum", "dad", "grandparent", "grandfather", "grandmother"),
        *("parent-in-law", "father-in-law", "mother-in-law"),
    ]
)


# An age after a name, as papers and people-search records give it: "Jun Reyes, 34, scored", "Rommel Reyes Jr , 20 ·
# Leeds", "Jun Reyes (34)" (not a house number: "Jun Reyes, 34 Copperbeech Avenue").
_AGE_AFTER_NAME = re.compile(
    r"[ \t]*(?:,[ \t]*(\d{1,3})(?=[ \t]*(?:[,.;:)\u00b7|\-\u2013]|$))|\((\d{1,3})\))", re.MULTILINE
)
GENERATION_GAP = 16  # (years at least between a parent and their child)


def _an_age_not_theirs(doc: Document, end: int, member: FamilyMember, profile: Profile) -> bool:
    """A relative's full name with an age their place in the family rules out: "Jun Reyes, 34" is not the son of a
    woman of 48, nor is "Remedios Dela Cruz, 41" her mother. Somebody else of the name."""
    born = profile.date_of_birth
    m = _AGE_AFTER_NAME.match(doc.text, end) if born else None
    if born is None or m is None:
        return False
    age = int(m.group(1) or m.group(2))
    own = (doc.published or dt.date.today()).year - born.year
    relation = fold(member.relation.lower().strip())
    if relation in _YOUNGER:
        return age > own - GENERATION_GAP
    if relation in _OLDER:
        return age < own + GENERATION_GAP
    return False


# Between a relation word and the name it is of: "granny Bridget", "children: Omar", "filhos: o José" (the).
_NOTHING_BUT_AN_ARTICLE = re.compile(r"[ \t,:]*(?:(?:o|a|os|as|el|la)[ \t]+)?")


def _not_theirs(member: FamilyMember) -> re.Pattern[str] | None:
    relation = fold(member.relation.lower().strip())
    if relation in _YOUNGER:
        return _OLDER_WORDS
    if relation in _OLDER:
        return _YOUNGER_WORDS
    return None


def _beside_relation(
    text: str,
    name: tuple[int, int],
    introduced: int | None = None,
    elsewhere: Callable[[int], bool] | None = None,
    givens: frozenset[str] = frozenset(),
    not_theirs: re.Pattern[str] | None = None,
) -> bool:
    """A relation word close by and in the same block: extract.py puts a blank line between blocks. Before the
    page has named the person (at `introduced`), only the writer's own relation words count ("my husband Dev"
    in a letter signed at the foot): "Her great-granddaughter Niamh" in a story about a neighbour, or "sister to
    Calum" in a baptism notice, above the line that names the councillor, are somebody else's."""
    window_start, window_end = max(0, name[0] - RELATION_WINDOW - 20), name[1] + RELATION_WINDOW + 20
    relations = list(_RELATION_WORDS.finditer(text, window_start, window_end))
    if not_theirs is not None and any(
        relation.end() <= name[0]
        and _NOTHING_BUT_AN_ARTICLE.fullmatch(text, relation.end(), name[0])
        and not_theirs.match(relation.group())
        for relation in relations
    ):
        # the word right before the name says who that is: "granny Bridget" is a granny, whatever other relation
        # words are near ("mãe de dois filhos: o José" is a son José)
        return False
    for relation in relations:
        gap = max(relation.start() - name[1], name[0] - relation.end())
        first, last = min(name[0], relation.start()), max(name[1], relation.end())
        if gap <= RELATION_WINDOW and "\n\n" not in text[first:last]:
            if (
                relation.start() > name[1]
                and _AND_HIS_OWN.fullmatch(text, name[1], relation.start())
                and not _named_them(text, relation.end(), givens)
            ):
                continue  # "Owners Minh Nguyen and his wife Hạnh": Hạnh's husband Minh, not hers
            if (
                introduced is not None
                and relation.start() < introduced
                and _not_ours(text, relation.start())
                # (unless it is theirs: "Chana, daughter of Cllr Feldman", "father of Nadia and her husband")
                and not _OF_THEM.fullmatch(text, relation.end(), introduced)
                and not _possessed_by(text, relation.start(), givens)
                and not _paired_with_them(text, name[1], introduced, givens)
            ):
                continue
            if (
                elsewhere is not None
                and (not _not_ours(text, relation.start()) or _MINE_AFTER.match(text, relation.end()))
                and elsewhere(relation.start())
            ):
                continue
            return True
    return False


def _someone_elses_chat_message(
    text: str, at: int, named: tuple[tuple[int, int], ...], profile: Profile
) -> bool:
    """Whether `at` is in a chat message whose sender is not the person (by a name of theirs, or a number of
    theirs the exporter's phone book had no name for): "Rosie: ... ang anak kong si Bea" is Rosie's daughter."""
    line = chat_message_sender(text, at)
    if line is None:
        return False
    if any(start < line.end(1) and line.start(1) < end for start, end in named):
        return False
    digits = re.sub(r"\D", "", line.group(1))
    return not (len(digits) >= 10 and any(p.e164.endswith(digits[-10:]) for p in profile.phones))


@functools.lru_cache(maxsize=DETAILS_CACHED)
def _has_a_namesake_elder(profile: Profile, member: FamilyMember) -> bool:
    """Whether the member's name is another listed member's with a generation after it ("Rommel Reyes Jr" beside
    "Rommel Reyes")."""
    if not generation(member.name):
        return False
    base = " ".join(w.lower() for w in member.name.split()[:-1]).rstrip(",")
    return any(
        other is not member and " ".join(other.name.lower().split()) == base for other in profile.family
    )


_GENERATION_WORD = re.compile(
    rf"\b(?:{'|'.join(w for w in GENERATIONS if w.isascii())})\b"
)  # (on folded text)


def _says_generation(low: str, start: int, end: int) -> bool:
    return _GENERATION_WORD.search(low, start, end + 8) is not None


_RESPECT_BEFORE = re.compile(r"\b(?:kuya|ate|tita|tito|manang|manong)[ \t]+$")
_RELATION_THEN_RESPECT = re.compile(
    r"\b(?:asawa(?:ng)?|anak|bunso(?:ng)?|panganay|husband|wife|son|daughter)[ \t]+(?:(?:si|ni|ang|kay)[ \t]+)?"
    r"(?:kuya|ate|tita|tito|manang|manong)[ \t]+$"
)


# The person named with their spouse, "Mairead and Martin Joyce", "Gwen a Dafydd Evans": his name is in it too.
_COUPLE = re.compile(r"\s(?:and|&|a|ac|y|e|i|und|et|va|at)\s|\s&")


# Tagalog says "my" and "our" after the word: "anak kong si Bea" (my child Bea), "asawa namin".
_MINE_AFTER = re.compile(r"[ \t]+(?:ko|kong|namin|naming|natin|nating)\b")


# Between a name and a relation word that is that name's own: "Minh Nguyen and his wife", "Ana and her husband".
_AND_HIS_OWN = re.compile(r"(?:[ \t]+[\w'’\-]+)?,?[ \t]+(?:and|&)[ \t]+(?:his|her)[ \t]+(?:late[ \t]+)?")
_NEXT_NAME = re.compile(r",?[ \t]+([\w'’\-]+)")


def _named_them(low: str, at: int, givens: frozenset[str]) -> bool:
    """Whether the word after a relation word is one of the person's given names ("and his wife Thu Ha")."""
    m = _NEXT_NAME.match(low, at)
    return m is not None and fold(m.group(1)) in givens


# A record's field label at the start of a line: "KIDS .......... Niamh", "Children: Amara".
_LABEL = re.compile(r"[ \t]*([a-z][a-z '()\-]{0,30}?)[ \t]*(?:\.{2,}|:)")
LABEL_LINES = 4
_NEXT_WORD = re.compile(r"[ \t]+([a-z][\w'\-]*)")
_RELATIVES_HEADING = re.compile(
    r"[ \t]*(?:(?:possible|known|likely|associated)[ \t]+)?(?:relatives|relations|family[ \t]+members)[ \t]*:?[ \t]*"
)


def _under_relation_label(
    low: str, at: int, introduced: int | None, end: int | None = None, surnames: frozenset[str] = frozenset()
) -> bool:
    """A name on a line that carries on the list of a field labelled with a relation word, on the lines above
    ("KIDS .......... Niamh (st brigids ...)" then "Kwesi (ashgrove academy ...)" on the next line), in a
    record that comes after the page first names the person."""
    if introduced is not None and at < introduced:
        return False
    line_start = low.rfind("\n", 0, at) + 1
    for _ in range(LABEL_LINES):
        if line_start == 0:
            return False
        above = low.rfind("\n", 0, line_start - 1) + 1
        line = low[above : line_start - 1]
        if not line.strip():
            # a blank line ends the field, unless it follows a records page's heading: "Possible relatives", a
            # blank line, then "Maureen A Hollis (64), Rebecca Hollis (36)"
            # ... and only with a surname of the person's or the relative's own after the first name (the heading
            # is over a namesake's record as often as theirs: "Md Abdul Karim" is not their Abdul Mannan)
            heading = low[low.rfind("\n", 0, max(0, above - 1)) + 1 : max(0, above - 1)]
            surname = _NEXT_WORD.match(low, end) if end is not None else None
            return (
                above > 0
                and _RELATIVES_HEADING.fullmatch(heading) is not None
                and surname is not None
                and surname.group(1) in surnames
            )
        if label := _LABEL.match(line):
            return bool(_RELATION_WORDS.fullmatch(label.group(1).strip()))
        line_start = above
    return False


# "her", "his", "their" just before a relation word, with a word or two between: "his late wife", "their twins".
_THEIR_RELATION = re.compile(r"\b(?:her|his|their)\s+(?:[a-z\-]+\s+)?$")  # "her late husband", "their twins"
_OUR_RELATION = re.compile(r"\b(?:my|our|me|i|we)\b[^.!?\n]{0,20}$")  # "my husband", "me and the kids"


def _not_ours(text: str, at: int) -> bool:
    """A relation word at `at` that is not the writer's own: after "her", "his" or "their", or with no "my",
    "our", "I" or "we" just before it ("daughter of Ruairidh and Shona", "sister to Calum")."""
    before = max(0, at - 24)
    return bool(_THEIR_RELATION.search(text, before, at)) or not _OUR_RELATION.search(text, before, at)


_TEACHES = re.compile(r"\bteach(?:es|ing|er|ers)?\b")
_FULL_NAME = re.compile(r"\b([A-Z][a-z']+)\s+([A-Z][a-z']+(?:-[A-Z][a-z']+)*)(?![\w-])")


# Events every parent of the school goes to: a sign only in the same paragraph as the school's name.
_EVENT_CUE = re.compile(r"parents|reception|school\s+run")


def _a_title(text: str, cue: re.Match[str]) -> bool:
    """ "Our Child Wellbeing and Protection policy": a heading in title case, not somebody's child."""
    words = text[cue.start() : cue.end()].split()
    return (
        len(words) >= 2
        and bool(_THIRD_PERSON.match(cue.group()) or cue.group().startswith(("my", "our", "your")))
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and not words[-1].isupper()
    )


# Words a capitalised pair can start with that make it a school, a church or a street, not a person: "St
# Aldhelm's", "Saint Anne's", "School Lane", "Church Street".
_NOT_GIVEN_NAMES = frozenset(
    ["st", "saint", "school", "church", "chapel", "primary", "academy", "college", "the"]
    + [
        "councillor",
        "cllr",
        "cynghorydd",
        "gynghorydd",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "radna",
        "radny",
        "pani",
    ]
)
# After two capitalised words, these make them a school's or a place's name: "Brindle Hill Academy".
_A_PLACE_AFTER = re.compile(
    r"\s+(?:academy|school|primary|college|nursery|high|infants?|juniors?|road|street|lane|avenue|close|way)\b",
    re.IGNORECASE,
)
_NAME_PAIRS = re.compile(r"\b(?=([A-Z][a-z']+)\s+([A-Z][a-z']+(?:-[A-Z][a-z']+)*)(?![\w-]))")
_SCHOOL_YEAR = re.compile(r"\b[ps][1-7]\b")
_THIRD_PERSON = re.compile(r"(?:her|his|their|whose|ei|eu|jej|jego|ich)\b")  # (and Welsh, Polish)


# A sentence's end: not an initial's stop ("Councillor J. U. Chowdhury"), nor a line that wraps in a sentence.
_SENTENCE_STOP = re.compile(r"[.!?](?<![\s(][A-Z]\.)\s|\n\s*\n")
_TITLED_INITIALS = re.compile(
    r"\b(?:Councillor|Cllr|Coun|Mr|Mrs|Ms|Miss|Dr)\.?\s+((?:[A-Z]\.?\s*){1,3})[A-Z][a-z'\-]+"
)


def _sentence_before(text: str, at: int) -> int:
    """Where the sentence holding `at` starts (within the 200 characters before it)."""
    starts = [m.end() for m in _SENTENCE_STOP.finditer(text, max(0, at - 200), at)]
    return starts[-1] if starts else max(0, at - 200)


def _someone_elses_cue(text: str, low: str, cue: re.Match[str], profile: Profile) -> bool:
    """A sign that is somebody else's: a teacher's year group ("Grace teaches Year 4 at St Brigid's"), or a
    year group or "her/whose son" that follows someone else's name in the sentence ("Mali Jenkins, 8, who is in
    Year 4 at", "Morven Lennie, whose son is in P4"). Someone else: a full name whose given name is not one of
    the person's and whose surname is not the family's."""
    said = cue.group()
    year = "year" in said or bool(_SCHOOL_YEAR.search(said))
    if not year and not _THIRD_PERSON.match(said):
        return False
    start = _sentence_before(text, cue.start())
    sentence = slice(max(start, cue.start() - 200), cue.start())
    if year and _TEACHES.search(low[sentence]):
        return True
    titled = list(_TITLED_INITIALS.finditer(text, sentence.start, sentence.stop))
    if titled and titled[-1].group(1)[0].lower() not in their_initials(profile):
        return True  # "Councillor J. U. Chowdhury declared ... as his granddaughter attends"
    # (pairs overlap: "Councillor Gwen Evans" gives "Gwen Evans" after the title's pair)
    said_before = fold(text[sentence])
    names = [
        m.groups()
        for m in _NAME_PAIRS.finditer(said_before)
        if m.group(1).lower() not in _NOT_GIVEN_NAMES
        and not _A_PLACE_AFTER.match(said_before, m.end(2))
        and not _A_PLACE_AFTER.fullmatch(" " + m.group(2))  # "Hill Academy", "High School"
    ]
    if not names:
        return False
    given, surname = names[-1][0].lower(), names[-1][1].lower()
    if surname in _surnames(profile):
        # one of the family ("Dafydd Evans, whose son"), or another of the name ("Cllr Huw Evans ... his
        # daughter", another councillor's)
        return given not in _given_names(profile) and given not in _family_givens(profile)
    return given not in _given_names(profile)


# A quotation still open at a first-person word, and who said it: 'Head teacher Mrs Clare Donnelly said: "our'.
_SAID_OPEN = re.compile(
    r"([a-z][a-z'\-.]*(?:\s+[a-z][a-z'\-.]*){0,4})\s+(?:said|says|told\s+\w+|added|explained)\s*[:,]?\s*[\"“][^\"”]*$"
)
QUOTE_REACH = 400  # (the quotation must still be open there: no closing mark between)


def _someone_elses_quote(doc: Document, at: int, profile: Profile) -> bool:
    """Whether `at` is inside a quotation that somebody other than the person is said to have said: a speaker
    without their names, or one of their name the page says is somebody else (another "Cllr Chowdhury", 52)."""
    low = doc.lower
    said = _SAID_OPEN.search(low, max(0, at - QUOTE_REACH), at)
    if said is None:
        return False
    speaker = set(said.group(1).replace(".", " ").split())
    if not speaker & (set(_given_names(profile)) | _surnames(profile)):
        return True
    return any(said.start(1) <= start < said.end(1) for start, _ in namesakes(doc, profile))


RECORD_FIELDS = 3  # a stretch with this many commas is a row of data (a CSV line, an SQL dump's tuple)


def _in_their_record(low: str, span: tuple[int, int], profile: Profile) -> bool:
    """The school is named in a row of data that also holds the person's own email: an order or a membership
    record of theirs ("...,'ruthie.ap@example.net','R. Price',...,'Brindle Hill Academy','Year 7',..."). (Not
    their postcode: a neighbour's row has it too.)"""
    start = max(low.rfind("\n", 0, span[0]), low.rfind("),(", 0, span[0])) + 1
    ends = [at for at in (low.find("\n", span[1]), low.find("),(", span[1])) if at != -1]
    row = low[start : min(ends, default=len(low))]
    if row.count(",") < RECORD_FIELDS:
        return False
    return any(needle in row for needle in _own_record_needles(profile))


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _own_record_needles(profile: Profile) -> tuple[str, ...]:
    """The person's own (not public) email addresses, in lower case."""
    return tuple(e.address.strip().lower() for e in profile.emails if not e.public and e.address.strip())


class _CueReader:
    """The child cues around each of a school's mentions on one page. The windows around mentions a few lines
    apart overlap, so the cues are read once over the stretch all of them cover (the pattern is slow: some 50
    ns a character), when first asked for, and each window takes those inside it."""

    def __init__(self, low: str, mentions: list[tuple[int, int]]) -> None:
        self.low = low
        self.windows = sorted((max(0, s - CUE_WINDOW), min(len(low), e + CUE_WINDOW)) for s, e in mentions)
        self.found: list[re.Match[str]] | None = None

    def within(self, lo: int, hi: int) -> Iterator[re.Match[str]]:
        if self.found is None:
            self.found = []
            merged: list[tuple[int, int]] = []
            for start, end in self.windows:
                if merged and start <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(merged[-1][1], end))
                else:
                    merged.append((start, end))
            for start, end in merged:
                self.found += _CHILD_CUES.finditer(self.low, start, end)
        return (m for m in self.found if lo <= m.start() and m.end() <= hi)


_OWN_SCHOOLING_BEFORE = re.compile(
    r"\b(?:a\s+)?former\s+$|\b(?:an?\s+)?old\s+(?:boy|girl|pupil|student)s?\s+of\s+(?:the\s+)?$"
)
_OWN_SCHOOLING_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:former\s+|old\s+)?(?:pupil|student|old\s+(?:boy|girl))\s+(?:herself|himself|myself|themselves)\b"
    r"|\s+(?:alumn(?:a|us|i|ae))\b"
)


_TO_EVERY_PARENT = re.compile(r"\bdear\s+parents?\b|\bparents\s+(?:and|&)\s+carers\b")
_TO_FAMILIES = re.compile(_TO_EVERY_PARENT.pattern + r"|\bdear\s+(?:families|carers)\b")


def _child_cue(
    doc: Document,
    span: tuple[int, int],
    children: re.Pattern[str] | None,
    profile: Profile,
    cues: _CueReader,
) -> bool:
    """A sign, near a school's name, that a child of the person goes there. Phrases like "my son", "mum of
    Zofia" or "is in Year 4" are specific enough to be read across paragraphs (a school's name often heads a
    page whose lines below say whose child goes there); a listed child's first name counts only close by, in
    the same paragraph, and not as part of somebody else's name ("Rory Patel"). "My" and "our" in a post that
    somebody else wrote are theirs. (The name, the cheaper test, is tried first.)"""
    text, low = doc.text, doc.lower
    if _OWN_SCHOOLING_BEFORE.search(low, max(0, span[0] - 24), span[0]) or _OWN_SCHOOLING_AFTER.match(
        low, span[1]
    ):
        return False  # "A former St Modan's pupil herself", "an old boy of ...": the person's own schooling
    if children is not None:
        start, end = max(0, span[0] - NAME_CUE_WINDOW), span[1] + NAME_CUE_WINDOW
        block_start, block_end = low.rfind("\n\n", start, span[0]), low.find("\n\n", span[1], end)
        start, end = (start if block_start == -1 else block_start), (end if block_end == -1 else block_end)
        for m in children.finditer(low, start, end):
            after = _OTHER_SURNAME.match(
                text, m.end()
            )  # "Rory Patel" is another Rory; "Temi Adebayo-Price" not
            if not after or after.group().strip().lower() in _surnames(profile):
                return True
    if _in_their_record(low, span, profile):
        return True
    # (a school named as where somebody governs, teaches or works: "Femi is ... a governor of Sedge Green
    # Academy", "as chair of the local governing board of ...")
    sentence = (_sentence_before(text, span[0]), span[1])
    role = _A_ROLE_BEFORE.search(low, sentence[0], span[0])
    for cue in cues.within(max(0, span[0] - CUE_WINDOW), min(len(low), span[1] + CUE_WINDOW)):
        if _someone_elses_cue(text, low, cue, profile) or _a_title(text, cue):
            continue
        if role and not (
            sentence[0] <= cue.start() < span[0]
            or (span[1] <= cue.start() and not _SENTENCE_STOP.search(text, span[1], cue.start()))
        ):
            continue  # the school is named for that role: a sign in another sentence is about something else
        if cue.group().startswith("year") and _A_VISIT_BEFORE.search(
            low, max(0, cue.start() - 30), cue.start()
        ):
            continue  # "Cllr Ana Paula Ferreira visited Year 6 at St Brendan's": a class she spoke to
        if cue.group().startswith("your") and _TO_EVERY_PARENT.search(low):
            continue  # a school's letter to "Dear Parents": "your daughters" is every reader's
        if cue.group().startswith("our") and span[0] < HEADING_CHARS and _TO_FAMILIES.search(low):
            continue  # the school's own newsletter, to "Dear families": "our Reception children" are its pupils
        if cue.group().startswith(("my", "our")) and (
            someone_elses_post(doc, profile, cue.start()) or _someone_elses_quote(doc, cue.start(), profile)
        ):
            continue  # Tom Birch's post below hers: "Has my daughter's reading book in it!"; a head teacher's
            # 'said: "our children chose every book"'
        if _EVENT_CUE.match(cue.group()) and _every_parent(text, low, cue):
            continue  # "Parents at nearby Redwell Primary have complained that children on the school run ...":
            # the school's parents and children in general
        if (
            _EVENT_CUE.match(cue.group())
            and "\n\n" in low[min(cue.start(), span[0]) : max(cue.end(), span[1])]
        ):
            continue  # "S1 Parents' Evening" in a school's diary, paragraphs away from its name: every parent's
        if cue.end() <= span[0] and "\n\n" in low[cue.end() : span[0]] and _a_heading(low, span):
            continue  # a cue paragraphs above a heading that names the school is the last section's ("my son
            # Harry ..." in the post before "New sports hall opens at Hollingbrook Academy")
        return True
    return False


# A role at a school just before its name, in the same sentence: it is named as where somebody works or governs.
_A_ROLE_BEFORE = re.compile(
    r"\b(?:governors?|governing\s+(?:board|body)|head\s*teacher|head|teacher|trustee|caretaker|principal"
    r"|staff|works|worked|employed)\s+(?:(?:of|at|for)\s+)(?:the\s+)?$"
)


# A school's parents or children in general, in a sentence with no first person in it.
_EVERY_PARENT = re.compile(r"\b(?:parents|families|children|pupils)\s+(?:at|of|from|on)\b")
_FIRST_PERSON_WORD = re.compile(r"\b(?:i|i'm|my|me|we|our|us)\b")


def _every_parent(text: str, low: str, cue: re.Match[str]) -> bool:
    start = _sentence_before(text, cue.start())
    end = _SENTENCE_STOP.search(text, cue.end())
    stop = len(low) if end is None else end.start()
    return bool(_EVERY_PARENT.search(low, start, stop)) and not _FIRST_PERSON_WORD.search(low, start, stop)


_A_VISIT_BEFORE = re.compile(
    r"\b(?:visit(?:ed|ing|s)?|(?:talk(?:ed|ing|s)?|spoke|speak(?:ing|s)?)\s+to|met|meet(?:ing|s)?|address(?:ed|es|ing)?"
    r"|welcomed)\s+(?:the\s+)?(?:(?:children|pupils)\s+(?:in|of)\s+)?$"
)
HEADING_LINE = 120


def _a_heading(low: str, span: tuple[int, int]) -> bool:
    """Whether the school's name sits in a heading: a short line standing as a paragraph of its own, not
    ending like a sentence."""
    start = low.rfind("\n", 0, span[0]) + 1
    end = low.find("\n", span[1])
    end = len(low) if end == -1 else end
    line = low[start:end].strip()
    before_blank = start <= 1 or low[max(0, start - 2) : start] == "\n\n" or not low[:start].strip()
    after_blank = end >= len(low) or low.startswith("\n\n", end) or not low[end:].strip()
    return (
        before_blank and after_blank and len(line) <= HEADING_LINE and not line.endswith((".", "!", "?", ":"))
    )


@functools.lru_cache(maxsize=DETAILS_CACHED)
def school_key(school: str) -> str:
    """ "St. Mary's C of E Junior School" -> "school:st mary's": the name without its type, one spelling."""
    core = " ".join(school_core(school).lower().split())
    core = re.sub(APOSTROPHE, "'", core)
    core = re.sub(r"(?<!\w)(?:st\.|saint)(?!\w)", "st", core)
    return "school:" + core


PARENT_REACH = 400  # how far after the person's given name a word about their own child may come
_PARENTS_GROUP = re.compile(
    r"\b(?:pta|p\.t\.a\.?|pto|friends\s+of|parents['’]?\s+(?:association|council|forum)|parent\s+council)(?!\w)"
)
# A parent speaking of their own child ("her son's class", "our twins"): not "your child", which a school says
# to every parent.
_POSSESSIVE_CHILD = re.compile(r"['’]s\s+(?:sons?|daughters?|child|children|kids?|twins?|boys|girls)(?!\w)")
_OWN_CHILD = re.compile(
    r"\b(?:my|our|her|his|their)\s+(?:\w+\s+)?(?:sons?|daughters?|child|children|kids?|twins?|boys|girls)(?!\w)"
)
# A parent by their child's year group: "Shona McIntyre (P4 class rep)", "attending as a P4 parent".
_YEAR_PARENT = re.compile(
    r"\b(?:[ps][1-7]|year\s+\d{1,2})(?:/\d)?\s+(?:class\s+rep|parent)\b"
    r"|\bpta\s+(?:treasurer|chair(?:man|woman|person)?|secretary|rep|co-?ordinator)\b"  # "Jo (PTA treasurer)"
)
# After a child's name, or before it: "Mali's dad", "mum of Temi"; a grandchild's, "Poppy's nana", "grandad to Alfie".
_GRANDPARENT = r"nana?|nanna|gran|granny|grandma|grandad|grandpa|grandmother|grandfather|grandparents?"
_PARENT_OF = re.compile(rf"['’]s\s+(?:mum|mom|dad|mother|father|parents?|{_GRANDPARENT})(?!\w)")
_PARENT_OF_BEFORE = re.compile(rf"(?:mum|mom|dad|mother|father|parent|{_GRANDPARENT})\s+(?:of|to)\s+$")


def _school_heading(low: str, full: re.Pattern[str]) -> tuple[int, int] | None:
    """The school's full name at the head of the page."""
    first = next(whole_words(full, low, 0, HEADING_CHARS), None)
    return None if first is None else first.span()


def _parents_group_heading(low: str, full: re.Pattern[str]) -> tuple[int, int] | None:
    """The school's full name in the heading of a document its parents' group wrote."""
    heading = _school_heading(low, full)
    return heading if heading and _PARENTS_GROUP.search(low, 0, HEADING_CHARS) else None


# A pupil's year group or class beside their name, in English, Welsh (Blwyddyn) or Scots (P4, S2).
_YEAR_GROUP = re.compile(
    r"\b(?:year|yr|blwyddyn|bl)\.?\s*\d{1,2}\b|\b[ps][1-7]\b|\breception\b|\((?:[7-9]|1[0-3])[a-z]{1,3}\)"
)  # (a secondary school's form group in brackets: "Christina Georgiou (11R)")
PUPIL_REACH = (
    300  # in the name's own paragraph: "Hedgehog Class (Year 1) had ... thank you to Oliver Pardoe's"
)


def _a_pupil_here(low: str, pupils: tuple[FamilyMember, ...]) -> bool:
    """A listed child who goes to the school, by full name with a year group in the same paragraph ("Yusuf
    Siddiqui (Blwyddyn 2 / Year 2)"): on the school's own page, the school is theirs."""
    for pupil in pupils:
        patterns = _member_patterns(pupil)
        for pattern in patterns.full if patterns else ():
            for m in whole_words(pattern, low):
                lo, hi = max(0, m.start() - PUPIL_REACH), m.end() + PUPIL_REACH
                lo = max(lo, low.rfind("\n\n", lo, m.start()))
                if (block_end := low.find("\n\n", m.end(), hi)) != -1:
                    hi = block_end
                if _YEAR_GROUP.search(low, lo, hi):
                    return True
    return False


def _a_parent_here(
    low: str,
    children: re.Pattern[str] | None,
    givens: tuple[str, ...],
    named: tuple[tuple[int, int], ...] = (),
) -> bool:
    """The person, by their given name, and soon after it a parent speaking of their own child ("Maggie noted
    ... in her son's class") or a listed child's parent ("Owen ap Rhys (Mali's dad)"); or where the page names
    them otherwise, a listed child's parent right after it ("Cllr Ferreira (Beatriz's mum!)": not "Mrs Hassan,
    our PTA chair", whom a title and a surname may not mean)."""
    hits = [
        (at, len(given))
        for given in givens
        for at in literal_hits(given, low)
        if _whole_word(low, at, len(given))
    ]
    if not hits and not named:
        return False
    if any(_POSSESSIVE_CHILD.match(low, at + size) for at, size in hits):
        return True  # "Gareth's son is in Year 4"
    names = [at for at, _ in hits]
    cues = [m.start() for m in _OWN_CHILD.finditer(low)] + [m.start() for m in _YEAR_PARENT.finditer(low)]
    parent_of = (
        [
            m.start()
            for m in children.finditer(low)
            if _PARENT_OF.match(low, m.end())
            or _PARENT_OF_BEFORE.search(low, max(0, m.start() - 20), m.start())
        ]
        if children is not None
        else []
    )
    return any(
        0 <= cue - at <= PARENT_REACH and _same_speaker(low, at, cue)
        for cue in cues + parent_of
        for at in names
    ) or any(
        0 <= cue - end <= PARENT_OF_NAMED and "\n" not in low[end:cue]
        for cue in parent_of
        for _, end in named
    )


PARENT_OF_NAMED = 8  # "Cllr Ferreira (Beatriz's mum!)"


_SENTENCE_BREAK = re.compile(r"[.!?]\s+|\n\s*\n")
_PRONOUN_START = re.compile(r"(?:she|he|they|i)\b")
_PRONOUN = re.compile(r"\b(?:she|he|her|him|his)\b")


def _same_speaker(low: str, name: int, cue: int) -> bool:
    """The cue is in the sentence that names the person, or in the next one if it opens with a pronoun
    ("Maggie noted ... . She has been talking to parents in her son's class"), not in someone else's ..."""
    breaks = list(_SENTENCE_BREAK.finditer(low, name, cue))
    if not breaks:
        return True
    if len(breaks) > 1:
        return False
    # ... or in the next sentence of the paragraph, still about them, speaking of "her daughter" ("... to present
    # the cups. It was a proud moment for her: the relay was won with her daughter Isla on the anchor leg")
    return bool(_PRONOUN_START.match(low, breaks[0].end())) or (
        low.startswith(("her ", "his "), cue)
        and breaks[0].group().count("\n") < 2
        and bool(
            _PRONOUN.search(low, breaks[0].end(), cue)
        )  # (still about her: "Jess said her son's" is not)
    )


def _whole_word(low: str, at: int, size: int) -> bool:
    return (at == 0 or not low[at - 1].isalnum()) and (at + size >= len(low) or not low[at + size].isalnum())


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _surnames(profile: Profile) -> frozenset[str]:
    """The person's and their family's surnames, and each part of a double-barrelled one, in lower case."""
    words: set[str] = set()
    for name in (*profile.names, *(m.name for m in profile.family)):
        surname = fold(split_name(name)[1].lower())
        words |= {surname, *surname.split(), *surname.replace(" ", "-").split("-")}
    return frozenset(w for w in words if w)


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _family_givens(profile: Profile) -> frozenset[str]:
    """Family members' first names and nicknames, in lower case."""
    return frozenset(
        fold(n.split()[0].lower())
        for m in profile.family
        for n in (m.name, *called(m.name, m.nicknames))
        if n.strip()
    )


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _given_names(profile: Profile) -> tuple[str, ...]:
    """The person's given names in lower case ("margaret", "maggie"): how minutes and lists refer to them."""
    return tuple(
        sorted({fold(split_name(n)[0].split()[0].lower()) for n in profile.names if split_name(n)[0]})
    )


def _free(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return not any(span[0] < end and start < span[1] for start, end in taken)


class FamilyDetector(Detector):
    """Family members by full name, or by first name beside a relation word; a child's school beside a sign
    that the child goes there.

    Limits: a first name alone, without a relation word within a few words, is not reported (too common); a
    school is not reported without a child cue ("my son", "Year 4", a listed child's name), so a councillor's
    school visit is not an exposure; a school name that is only its town ("Millbrook") needs its type.
    """

    id: ClassVar[str] = "family"
    least_need: ClassVar[Need] = Need.NAMED

    def detect(self, doc: Document, profile: Profile) -> Iterator[Match]:
        text, low = doc.text, doc.lower
        matches: list[Match] = []
        named = mentions(doc, profile)
        introduced = named[0][0] if named and not doc.confirmed else None

        def elsewhere(at: int) -> bool:
            return someone_elses_post(doc, profile, at) or _someone_elses_chat_message(
                text, at, named, profile
            )

        found = scripts(doc.outside_ascii)  # (names in Greek, Cyrillic or Tamil script: read below)
        greek, cyrillic, tamil, arabic = (
            "greek" in found,
            "cyrillic" in found,
            "tamil" in found,
            "arabic" in found,
        )
        gujarati = "gujarati" in found
        surname_first = any(form in low for form in surname_first_names(profile))
        capitals = not any(
            text[s:e].islower() for s, e in named
        )  # (a dossier in lower case writes names so too)
        for member, probes in _members(profile):
            if greek or cyrillic or tamil or arabic or gujarati or any(probe in low for probe in probes):
                theirs = [
                    m
                    for m in self._member(
                        text,
                        low,
                        member,
                        introduced,
                        elsewhere,
                        greek,
                        _their_name(profile, member),
                        _untitled_givens(profile),
                        cyrillic,
                        tamil,
                        frozenset(fold(s.lower()) for s in profile.surnames),
                        arabic,
                        gujarati,
                        surname_first,
                        capitals,
                        named,
                    )
                    if (m.ties or not _another_surname_after(text, m.end, profile, member))
                    and not (
                        m.confidence == FULL_NAME_CONFIDENCE
                        and _another_in_the_row(low, m.start, m.end, member)
                    )
                    and not (
                        m.confidence == FULL_NAME_CONFIDENCE and _after_their_given(text, m.start, profile)
                    )
                    # (a son named for his father, "Rommel Reyes Jr", is named so only with his "Jr": without it,
                    # "REYES, Rommel" is the father)
                    and not (
                        m.confidence == FULL_NAME_CONFIDENCE
                        and _has_a_namesake_elder(profile, member)
                        and member.name.split()[0].lower() in low[m.start : m.end]
                        and not _says_generation(low, m.start, m.end)
                    )
                    # (nor a part of the person's own name: "Senait Tesfay Gebremedhin" holds her father's
                    # given names, as names of given, father's and grandfather's names do)
                    and not any(
                        s <= m.start
                        and m.end <= e
                        and e - s > m.end - m.start
                        and not _COUPLE.search(low, s, e)
                        for s, e in named
                    )
                ]
                # (a name written with an age their place in the family rules out is somebody else's wherever
                # the page writes it: the headline over "Jun Reyes, 34" too)
                if theirs and profile.date_of_birth:
                    forms = {low[m.start : m.end] for m in theirs if m.confidence == FULL_NAME_CONFIDENCE}
                    others = {
                        form
                        for form in forms
                        if any(
                            _an_age_not_theirs(doc, at + len(form), member, profile)
                            for at in literal_hits(form, low)
                        )
                    }
                    theirs = [m for m in theirs if low[m.start : m.end] not in others]
                matches.extend(theirs)
        if matches and not doc.confirmed and (namesakes_named := others_named(doc, profile)):
            # (a people-search list's "Kemi Adeyemi , 29 ... Relatives: Tolu Adeyemi": the namesake's relatives)
            matches = [m for m in matches if not _in_a_namesakes_record(m, named, namesakes_named, matches)]
        matches.extend(self._split_over_fields(doc, profile, matches))
        children = _children_pattern(profile, greek, tamil)
        sightings: dict[str, list[tuple[tuple[int, int], float]]] = {}  # siblings at one school: read it once
        for member in _schools(profile):
            school = " ".join(member.school.split())
            if school not in sightings:
                sightings[school] = list(self._school(doc, school, children, profile))
            subject = f"family: {member.name}'s school"
            key = _school_probe(school)[1]
            matches.extend(
                self._match(text, span, Kind.CHILD_SCHOOL, key, confidence, subject, Need.NAMED, True)
                for span, confidence in sightings[school]
            )
        # A first name inside another relative's full name is that relative's: "Selam Yonas" names the daughter,
        # not her father Yonas (children named by their father's given name, as Eritrean and Somali names go).
        fulls = [
            (m.start, m.end, m.key)
            for m in matches
            if m.kind is Kind.FAMILY_MEMBER and m.confidence == FULL_NAME_CONFIDENCE
        ]
        if fulls:
            matches = [
                m
                for m in matches
                if m.kind is not Kind.FAMILY_MEMBER
                or m.confidence == FULL_NAME_CONFIDENCE
                or not any(s <= m.start and m.end <= e and k != m.key for s, e, k in fulls)
            ]
        yield from sorted(matches, key=lambda m: (m.start, m.end))

    def _split_over_fields(self, doc: Document, profile: Profile, found: list[Match]) -> Iterator[Match]:
        """A relative's full name split over a form's fields: "Surname / Apelyido: DELA CRUZ" beside "Given
        name(s) / Pangalan: REMEDIOS" (the receiver of a remittance, her mother). The first given name and the
        surname's last word must be theirs, and a generation on either side must be on both."""
        for start, end, given, surname in split_names(doc):
            if any(m.start <= start < m.end for m in found):
                continue
            words = [fold(w.strip(".,")) for w in f"{given} {surname}".split()]
            for member in profile.family:
                name = [fold(w.lower().strip(".,")) for w in member.name.split()]
                last = fold(split_name(member.name)[1].lower()).split()
                if (
                    len(name) > 1
                    and last
                    and words[0] == name[0]
                    and fold(surname).split()[-1:] == last[-1:]
                    and bool(generation(member.name)) == any(GENERATIONS.get(w) for w in words)
                ):
                    subject = "family: " + " ".join(p for p in (member.relation, member.name) if p)
                    # (a name read across fields is less sure than one written whole: it counts, like a first name
                    # beside a relation word, only on a page that ties to the person, and ties nothing itself)
                    yield self._match(
                        doc.text,
                        (start, end),
                        Kind.FAMILY_MEMBER,
                        member_key(member),
                        FULL_NAME_CONFIDENCE,
                        subject,
                        Need.TIED,
                        False,
                    )
                    break

    def _member(
        self,
        text: str,
        low: str,
        member: FamilyMember,
        introduced: int | None,
        elsewhere: Callable[[int], bool],
        greek: bool = False,
        their_name: bool = False,
        person_givens: frozenset[str] = frozenset(),
        cyrillic: bool = False,
        tamil: bool = False,
        own_surnames: frozenset[str] = frozenset(),
        arabic: bool = False,
        gujarati: bool = False,
        surname_first: bool = False,
        capitals: bool = True,
        named: tuple[tuple[int, int], ...] = (),
    ) -> Iterator[Match]:
        patterns = _member_patterns(member, their_name)
        if patterns is None:
            return
        subject = "family: " + " ".join(p for p in (member.relation, member.name) if p)
        key = member_key(member)
        taken: list[tuple[int, int]] = []
        fulls, givens = patterns.full, patterns.given
        surnames = own_surnames | {fold(split_name(member.name)[1].lower())}
        older = fold(member.relation.lower().strip()) in _OLDER
        if greek and patterns.greek_full:  # on a Greek page, also "Χριστίνα Γεωργίου", "η κόρη τους Χριστίνα"
            fulls += (patterns.greek_full,)
        if greek and patterns.greek_given:
            givens += (patterns.greek_given,)
        if cyrillic and patterns.cyrillic_full:
            fulls += (patterns.cyrillic_full,)
        if cyrillic and patterns.cyrillic_given:
            givens += (patterns.cyrillic_given,)
        if tamil and patterns.tamil_full:
            fulls += (patterns.tamil_full,)
        if tamil and patterns.tamil_given:
            givens += (patterns.tamil_given,)
        if arabic and patterns.arabic_full:  # on an Arabic page, also "عمر رامي الخطيب", "ابنتي هالة"
            fulls += (patterns.arabic_full,)
        if arabic and patterns.arabic_given:
            givens += (patterns.arabic_given,)
        if gujarati and patterns.gujarati_full:  # on a Gujarati page, also "પુત્ર નિખિલ", "રમેશચંદ્ર પટેલ"
            fulls += (patterns.gujarati_full,)
        if gujarati and patterns.gujarati_given:
            givens += (patterns.gujarati_given,)
        for pattern in fulls:
            for m in whole_words(pattern, low):
                if (
                    _free(m.span(), taken)
                    and not _a_lower_case_middle(text[m.start() : m.end()], member)
                    and not _with_their_given(low[m.start() : m.end()], member, person_givens)
                    and (surname_first or not _surname_first_in_lower_case(text[m.start() : m.end()], member))
                ):
                    taken.append(m.span())
                    yield self._match(
                        text,
                        m.span(),
                        Kind.FAMILY_MEMBER,
                        key,
                        FULL_NAME_CONFIDENCE,
                        subject,
                        Need.NAMED,
                        True,
                    )

        def by_relation(span: tuple[int, int]) -> Match:
            """A first name (or an initial) read as this relative's beside a relation word. It needs a page
            that ties to the person: "his wife Sarah" on a namesake's page is somebody else's Sarah."""
            return self._match(
                text, span, Kind.FAMILY_MEMBER, key, NAME_BY_RELATION_CONFIDENCE, subject, Need.TIED, False
            )

        initialled = [p for p in (patterns.initialled, patterns.tamil_initialled if tamil else None) if p]
        if not tamil and not any(probe in low for probe in _initial_probes(member)):
            initialled = []  # (the pattern starts with a choice of titles: `re` would try it at every position)
        for pattern in initialled:
            for m in whole_words(pattern, low):
                if _free(m.span(), taken) and (
                    _beside_relation(low, m.span(), introduced, elsewhere, person_givens)
                    or _under_relation_label(low, m.start(), introduced)
                ):
                    taken.append(m.span())
                    yield by_relation(m.span())
        for pattern in givens:
            for m in whole_words(pattern, low):
                if (
                    m.group() in patterns.capitalised or (capitals and m.group() in patterns.words)
                ) and not text[m.start()].isupper():
                    continue
                if _hyphenated_with(low, m.start(), m.end()):
                    continue  # "John-Paul" is not John, nor "Mary-Kate" Kate
                if older and text.endswith(("Young ", "young "), max(0, m.start() - 6), m.start()):
                    continue  # "Young Johnny" is a younger John of the family, not her father
                if _KUNYA_BEFORE.search(low, max(0, m.start() - 6), m.start()) or (
                    arabic and _GREETING_BEFORE.search(low, max(0, m.start() - 8), m.start())
                ):
                    continue  # "Abu Omar", "أم عمر": a parent's name (a kunya), whoever's son Omar is; and
                    # "رمضان كريم" (a generous Ramadan) is a greeting, not Kareem
                if _RESPECT_BEFORE.search(
                    low, max(0, m.start() - 8), m.start()
                ) and not _RELATION_THEN_RESPECT.search(low, max(0, m.start() - 40), m.start()):
                    continue  # Tagalog "Kuya Jun", "Ate Baby": what anyone older is called, kin or not (but
                    # "ang kanyang asawang si Kuya Bong", her husband Kuya Bong)
                if _A_PET_AFTER.match(low, m.end()) or _A_PET_BEFORE.search(
                    low, max(0, m.start() - 24), m.start()
                ):
                    continue  # "Walker of Meg the collie", "our dog Meg": a pet of the family's name
                if _I_AM_BEFORE.search(low, max(0, m.start() - 8), m.start()) and not _POSSESSIVE_AFTER.match(
                    low, m.end()
                ):
                    continue  # 'I am "Tesfay"': the writer's own name
                if is_hangul(m.group()[0]) and _another_koreans(low, m.group(), member):
                    continue  # "서연 엄마" on a page that says whose: "10M 박서연 엄마예요" (Park Seo-yeon's mum)
                if _free(m.span(), taken) and (
                    _beside_relation(low, m.span(), introduced, elsewhere, person_givens, _not_theirs(member))
                    or _under_relation_label(low, m.start(), introduced, m.end(), surnames)
                    or (tamil and _in_a_tamil_list_of_relatives(low, m.end()))
                    or _with_another_listed_name(text, low, m, patterns.listed, surnames)
                    or _their_teknonym(low, m.start(), named)
                ):
                    taken.append(m.span())
                    yield by_relation(m.span())

    def _school(
        self,
        doc: Document,
        school: str,
        children: re.Pattern[str] | None,
        profile: Profile,
    ) -> Iterator[tuple[tuple[int, int], float]]:
        """Where the page names the school as a child of the person's (span, confidence)."""
        low = doc.lower
        probe, _ = _school_probe(school)
        initials = _initials_of(school)
        by_initials = (
            list(whole_words(initials, doc.text)) if initials and initials.pattern in doc.text else []
        )
        if probe not in low:
            for m in by_initials:
                if _child_cue(doc, m.span(), children, profile, _CueReader(low, [m.span()])):
                    yield m.span(), SCHOOL_CORE_CONFIDENCE
            return
        full, alone = _school_patterns(school)
        a_place = school_key(school).removeprefix("school:") in _places(profile)
        if a_place:
            alone = None  # "Hendre Vale Academy" is in Hendre Vale: the place alone is not the school
        taken: list[tuple[int, int]] = []
        named = list(whole_words(full, low))
        named_alone = [] if alone is None else list(whole_words(alone, low))
        if alone is None and not a_place and (one_word := _one_word_core(school)) is not None:
            named_alone = [
                m for m in whole_words(one_word, low) if _core_after_a_child(low, m.start(), children)
            ]
        cues = _CueReader(low, [m.span() for m in named + named_alone])
        for m in named:
            if _child_cue(doc, m.span(), children, profile, cues):
                taken.append(m.span())
                yield m.span(), SCHOOL_CONFIDENCE
        if (
            not taken
            and (heading := _parents_group_heading(low, full))
            and _a_parent_here(low, children, _given_names(profile))
        ):
            # The school's parents' group's own document (PTA minutes, a class-reps list): its heading names the
            # school, and far below someone is a parent in it ("her son's class", "Mali's dad").
            taken.append(heading)
            yield heading, SCHOOL_CORE_CONFIDENCE
        if (
            not taken
            and (heading := _school_heading(low, full))
            and (
                _a_pupil_here(
                    low, tuple(m for m in _schools(profile) if " ".join(m.school.split()) == school)
                )
                or _a_parent_here(low, children, _given_names(profile), mentions(doc, profile))
            )
        ):
            # The school's own page (its newsletter, its news) naming a listed child in a year group there, or
            # the person as a parent ("Pádraig Ó Catháin, dad of Aoife (P3) and Cian (P6)").
            taken.append(heading)
            yield heading, SCHOOL_CORE_CONFIDENCE
        for m in named_alone + by_initials:
            if _free(m.span(), taken) and _child_cue(doc, m.span(), children, profile, cues):
                yield m.span(), SCHOOL_CORE_CONFIDENCE

    def _match(
        self,
        text: str,
        span: tuple[int, int],
        kind: Kind,
        key: str,
        confidence: float,
        subject: str,
        needs: Need,
        ties: bool,
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
            needs=needs,
            ties=ties,
        )


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _members(profile: Profile) -> tuple[tuple[FamilyMember, tuple[str, ...]], ...]:
    """Each family member with the lower-case names a page must contain to name them (first name, nicknames)."""
    members = []
    for member in profile.family:
        words = member.name.split()
        hangul_givens = [g for n in member.nicknames if (g := _hangul_given(n))]
        if words:
            probes = tuple(
                v
                for n in (
                    words[0],
                    *called(member.name, member.nicknames),
                    *_i_diminutives(member.name),
                    *_compound_calling_name(member.name),
                    *hangul_givens,
                )
                if n.strip()
                for v in spellings(n)
            )
            # ("Sung-ho" written "Sung Ho": its first part)
            probes += tuple(p.split("-")[0] for p in probes if "-" in p.strip("-"))
            if len(words) >= 3 and "md." in spellings(words[0]):
                probes += (fold(words[1].lower()),)  # ("Abdul Karim" without his "Mohammed")
            if polish(member.name):  # what every case of the name starts with: "katarzyn", "tomasz"
                probes = tuple(os.path.commonprefix(polish_forms(n)) or fold(n.lower()) for n in probes)
            elif lithuanian(member.name):  # ... "luk" for Lukas, Luku, Lukui
                probes = tuple(os.path.commonprefix(lithuanian_forms(n)) or fold(n.lower()) for n in probes)
            if len(words) > 1:  # "Mr P. Kandiah", "Mr P Kandiah" (see _initialled)
                probes += _initial_probes(member)
            members.append((member, probes))
    return tuple(members)


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _places(profile: Profile) -> frozenset[str]:
    """The person's places (locality, and the parts of their addresses), in lower case: a school named after
    one of them is named only with its type."""
    parts = [*profile.locality, *(part for a in profile.addresses for part in a.text.split(","))]
    return frozenset(" ".join(p.lower().split()) for p in parts if p.strip())


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _schools(profile: Profile) -> tuple[FamilyMember, ...]:
    """One member per school (siblings at the same school are one exposure)."""
    schools: dict[str, FamilyMember] = {}
    for member in profile.family:
        if member.school.strip():
            schools.setdefault(school_key(member.school), member)
    return tuple(schools.values())


@functools.lru_cache(maxsize=DETAILS_CACHED)
def _school_probe(school: str) -> tuple[str, str]:
    """The school name's longest word (a page without it cannot name the school), and the school's key."""
    return max(re.split(r"\W+", fold(school_core(school).lower())), key=len), school_key(school)


@functools.lru_cache(maxsize=DETAILS_CACHED)
def _initials_of(school: str) -> re.Pattern[str] | None:
    """The school's initials as pupils and parents write them, in capitals: "HPHS" for Hollins Park High School
    (three letters or more, from a name of capitalised words; case kept, so "hphs" in a URL is not it)."""
    words = re.findall(r"[^\W\d_][\w'’]*", school)
    if len(words) < 3 or not all(w[0].isupper() for w in words):
        return None
    return re.compile("".join(w[0] for w in words))  # (letters only: the pattern is the text searched for)


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _children_pattern(profile: Profile, greek: bool = False, tamil: bool = False) -> re.Pattern[str] | None:
    """The first names (and nicknames) of family members who have a school: naming them near it is a cue (on a
    page with Greek letters, also as Greek writes them)."""
    names = {
        n.lower()
        for member in profile.family
        if member.school.strip()
        for n in (member.name.split()[0], *called(member.name, member.nicknames))
        if n.strip()
    }
    if not names:
        return None
    # Read over whole pages: as an alternation that starts with the names' letters, not with a look-behind.
    fragments = [_words(n) for n in sorted(names)]
    anywhere = [rf"(?<!\w){f}" for f in fragments if not f[:1].isalnum()]  # ("St ...": a group first)
    plain = [f for f in fragments if f[:1].isalnum()]
    if greek:
        anywhere += [rf"(?<!\w)(?:{greek_pattern(n)})" for n in sorted(names)]
    if tamil:
        anywhere += [rf"(?<!\w)(?:{tamil_pattern(n)})" for n in sorted(names)]
    return re.compile(rf"(?:{alternation([*plain, *anywhere], word_start=True)})(?!\w)")
