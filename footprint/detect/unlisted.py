"""Details the profile does not list but a page gives beside the person's name: an old mobile, a previous address.

People forget numbers they once used and addresses they have left; people-search sites and old posts do not.
This detector reads phone numbers, postcodes and numbered street addresses that sit within a couple of
sentences of the person's name (or of "call me", "my mobile" on one of their own pages). Each match needs a
page that ties to the person (Need.TIED), so a namesake's page yields nothing.

What it leaves alone: anything the profile lists (the other detectors report it, or it is public), numbers
and places that say whose they are (a switchboard, an office, a venue, a surgery, a library), non-geographic
numbers (03, 08, 09), numbers abroad (a relative's or a contact's there: the profile lists any of theirs), a
detail that follows another titled person's name ("Cllr John Pike, 07700 900777"), a mobile after a relative ("her dad Rory (07700 ...)") or a number after "call Paula on", and details under a
heading that lists other people's items ("More offers near ..."). A postcode one character off a listed one is
reported as a postcode the profile does not list, never as theirs.

Limits: an address without a house number or a postcode is not found; nor is a detail written more than about
200 characters after the name; an address on the person's own street is left to the address detector.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from typing import ClassVar

from footprint.detect.addresses import STREET_TYPES, normalise_postcode, parse_home, street_type
from footprint.detect.family import same_name_keys
from footprint.detect.inflect import called, compound_stem
from footprint.detect.interface import Detector, Document
from footprint.detect.phones import listed_in, numbers_near, runs
from footprint.detect.subject import TITLE_WORDS, Span, chat_sender, mentions, namesakes
from footprint.detect.text import (
    HANGUL,
    HANGUL_AFTER,
    PROFILES_CACHED,
    alternation,
    at_line_starts,
    fold,
    has_hangul,
    is_word_char,
    literal_hits,
    starts_word,
    whole_words,
)
from footprint.model import Kind, Match, Need, Profile

AFTER_NAME = 400
BEFORE_NAME = 60  # a name after a detail: close by on its line ("07700 900318 (Maggie)"), not a clause later
# ("... Llanfeddig HW6 3TB, was officially opened on Saturday by the Mayor of Wernford, Cllr")
CONTEXT_BEFORE = 60  # how far before a detail to look for words saying whose it is
CONTEXT_AFTER = 40  # and after it, on the same line ("0113 496 0000 (council switchboard)")
MOBILE_CONFIDENCE = 0.7
LANDLINE_CONFIDENCE = 0.6
ADDRESS_CONFIDENCE = 0.7
POSTCODE_CONFIDENCE = 0.6
LABELLED_BONUS = 0.1

# Words beside a detail that say it is an office's, a venue's or a business's, not a person's, each at the start
# of a word ("& Sons" right after one). The page's lower-case text is searched without IGNORECASE and with shared
# first letters (see alternation), some five times faster than a plain case-blind alternation.
_SERVICE_WORDS = (  # noqa: SIM905 - a word list reads better as words
    r"switchboard council\b(?!\s+tax) civic town\s+hall office enquir\w* reception main\s+line helpline hotline "
    r"(?:repairs?|advice|support|welfare|emergency|housing|booking|information)\s+(?:line|team|service) "
    r"emergency\s+repairs? out[\s\-]+of[\s\-]+hours 24\s+hours 24/7 city\s+chambers customer find\s+us visit\s+us "
    r"fax venue library centre center hall surgery surgeries school academy college nursery church chapel studio desk "
    r"hq headquarters party press media agent ltd limited plc practice shop hotel pub club station "
    r"hospital clinic business company association trust charity planning application site\s+at "
    r"enforcement hmo "
    r"land\s+at development held\s+at meeting\s+at meets\s+at registered\s+address "
    r"care\s+of c/o po\s+box unit suite plot services queries funeral directors solicitors &(?<=\w&)\s+sons "
    r"news\b newsdesk newsroom editorial advertis\w* site\b allotments? inc\b llc corp\b proposal "
    r"demolition erection consent industrial estate\s+agents? park\s+and\s+ride tea\s*rooms? cafe restaurant "
    r"bookings? reservations? organi[sz]ers? report\s+(?:a|an|this|abuse|it)\b highways opt[\s\-]?out "
    # Irish, Welsh and Scottish Gaelic pages' own words for a switchboard, an office, a council, a library, a
    # centre, a church, a school (as Document.lower writes them, without accents).
    r"lasc-?chlar oifig oifis comhairle leabharlann ionad eaglais scoil sgoil swyddfa cyngor llyfrgell canolfan "
    r"eglwys capel ysgol derbynfa neuadd "
    # Polish: reception, office, secretary's office, editorial office, centre, parish, parish office, school,
    # church, consulate, shop, company, report (an advert to the moderators) (accents folded)
    r"recepcj\w* biur\w* sekretariat\w* redakcj\w* osrod\w* parafi\w* kancelari\w* szkol\w* kosciol\w* "
    r"konsulat\w* sklep\w* firm\w* zglos\w* "
    # Bengali (a community weekly's or a centre's notice): mosque, centre, office, restaurant, kitchen, shop,
    # school, hall
    r"মসজিদ সেন্টার কেন্দ্র অফিস কার্যালয় রেস্টুরেন্ট রেস্তোরাঁ কিচেন দোকান স্কুল বিদ্যালয় হল "
    # Where public equipment stands: "the defibrillator ... (postcode VK7 3HB for the ambulance service)".
    r"defib\w* ambulance phone\s+box bus\s+stop post\s*box "
    # Spanish: academy, school, church, office, shop, restaurant, association, town hall, centre (accents folded)
    r"academia colegio escuela iglesia oficina tienda restaurante asociacion ayuntamiento centro "
    # Arabic: mosque, mosque (congregational), hall, centre, school, church, office, pharmacy, restaurant,
    # association, shop, company
    r"مسجد جامع قاعة مركز مدرسة كنيسة مكتب صيدلية مطعم جمعية محل شركة "
    # Urdu: booking, hall, office, centre, school (two spellings), shop, company, restaurant
    r"بکنگ ہال دفتر سینٹر اسکول سکول دکان کمپنی ریسٹورنٹ "
    # Gujarati: hall (a community's "bhavan"), temple, office, centre, school, shop, hall, pharmacy
    r"ભવન મંદિર કાર્યાલય ઓફિસ ઑફિસ સેન્ટર કેન્દ્ર શાળા સ્કૂલ દુકાન હૉલ હોલ ફાર્મસી "
    # Ukrainian: hotline, office, reception, enquiries, centre, school, church, embassy, consulate, council, bank
    r"гаряч\w* офіс\w* приймальн\w* довідк\w* центр\w* школ\w* церкв\w* посольств\w* консульств\w* рад[аиі] "
    r"банк\w* "
    # Turkish: association, centre, mosque, cemevi, restaurant, shop, office, school, company, booking, grill
    # house (accents folded,
    # "ı" as "i", and with the endings a sentence gives them)
    r"dernek\w* merkez\w* camii\w* camisi cemevi\w* restoran\w* lokanta\w* magaza\w* buro\w* okul\w* sirket\w* rezervasyon\w* ocakbasi\w* "
    # Portuguese: association, centre, church, parish, school, shop, café, company, office, booking, productions
    # (an artist's agency), shows (bookings for them)
    r"associacao centro igreja paroquia escola loja pastelaria empresa escritorio reservas? producoes espetaculos "
    # Hungarian: association, centre, church, school, shop (not "Bolton"), restaurant, office, company
    r"egyesulet\w* kozpont\w* templom\w* iskola\w* bolt(?:ja|ban|unk|unkban)?\b etterem\w* iroda\w* ceg(?:unk|et)?\b "
    # Vietnamese: association, (community) centre, pagoda, restaurant, shop, company, office, funeral home, hospital,
    # church (as two words where one is also another word)
    r"hoi\s+nguoi hoi\s+cong trung\s+tam chua\s+[a-z]+ nha\s+hang tiem\s+[a-z]+ cong\s+ty van\s+phong "
    r"nha\s+tang\s+le benh\s+vien nha\s+tho "
    # Yoruba, tone marks folded: association, church, school (two words for it), hall, meeting
    r"egbe soosi ile-iwe ile-eko gbongan ipade "
    r"community\s+hub"
).split()
_SERVICE = re.compile(alternation(_SERVICE_WORDS, word_start=True))
_LABELLED = re.compile(
    r"\b(?:mobile|mob|tel|phone|home|personal|private|call|text|ring|whatsapp|number|lives?|lived|address"
    r"|previous|formerly|old)\b",
    re.IGNORECASE,
)
# For lower-case text: words that start a word (see alternation); whole_words checks where they end.
_FIRST_PERSON = re.compile(
    alternation(
        [
            *(rf"{w}\s+me" for w in ("call", "text", "ring", "phone", "whatsapp", "message", "contact")),
            r"my\s+(?:mobile|number|phone|home|address|house|flat)",
            r"i\s+live\s+(?:at|on|in)",
            # Spanish: write to me, call me, my mobile/number/phone (accents folded)
            r"escribeme",
            r"llamame",
            r"mi\s+(?:movil|numero|telefono|whatsapp|casa|direccion)",
        ],
        word_start=True,
    )
)
# Another person named between the person and a detail: "Cllr John Pike", or a record's "name: John Pike".
# Both for lower-case text and without IGNORECASE, so `re` skips to the letters a title starts with (a pattern
# that starts with a look-behind, or ignores case, is tried at every position).
_OTHER_TITLES = ("father", "fr", "coach")  # (besides the TITLE_WORDS a person may go by)
_TITLED = re.compile(
    rf"(?:{alternation([*TITLE_WORDS, *_OTHER_TITLES], word_start=True)})\.?\.?\s+"
    r"(?:[a-z]\.?\s+)?[a-z][a-z'\-]+"  # "Mr K Bramley" too
)
_NAME_FIELD = re.compile(
    r"(?m:^)[ \t]*(?:name|(?:full|first|given|display)[_\s]?name|forename|author|member|contact|candidate|agent"
    r"|applicant)"
    r"[ \t]*:[ \t]*[a-z](?:[a-z]+|\.[ \t]*[a-z][a-z]+)"  # ("display_name: M. Pellow" too)
)
# A UK postcode: outward code, optional space, inward code (whose letters are never C, I, K, M, O or V).
# A UK postcode: outward code, optional space, inward code (whose letters are never C, I, K, M, O or V). Found
# by its inward code, which starts with a digit (rarer than letters, so `re` skips quickly), then read back.
_INWARD = re.compile(r"[0-9][ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2}(?![A-Za-z0-9])")
_OUTWARD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\s?$")
_STREET_TYPE_CASED = alternation(
    sorted({v for spellings in STREET_TYPES for t in spellings for v in (t.title(), t.upper())})
)
_STREET_TYPE_WORDS = alternation(sorted({s for spellings in STREET_TYPES for s in spellings}))
# "3 Birch Road", "12a Heron Way", "14/2 Heron Place" (Edinburgh's stair and flat): a number, one to three
# capitalised words, and a street type.
# Starts with a digit, no look-behind (that would make `re` try every position): _street_addresses checks
# what comes before. The number cannot start after a digit (the look-behind comes after the first digit, so
# `re` still skips to digits quickly), and its digits are possessive: `re` neither starts nor backs off inside
# each of the many numbers on a page.
# Case-sensitive: street names are capitalised ("Birch Road", "BIRCH ROAD"), so "45 today" fails at once.
_STREET_ADDRESS = re.compile(
    rf"(\d(?<!\d\d)\d{{0,3}}+(?:/\d{{1,2}}+)?[A-Za-z]?),?[ \t]+"
    # (the street's words may wrap onto the next line, as a paragraph's text does: "at 9 Pennant\nClose")
    rf"((?:[A-Z][A-Za-z'\-]+(?:[ \t]+|[ \t]*\n[ \t]*(?=[A-Z]))){{1,3}}(?:{_STREET_TYPE_CASED})\.?)(?!\w)"
)
# "2 October Heron Way" is a date and a street, not an address.
_MONTH_WORDS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august"
    r"|september|october|november|december"
)
_NOT_STREET_WORDS = re.compile(
    rf"(?:{_MONTH_WORDS}|mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|and|or|the|of|to|in|on|at|for|with|from|by|flat|unit|suite|minutes?|hours?"
    r"|days?|weeks?|months?|years?)$",
    re.IGNORECASE,
)
# A field that holds an identifier, not a place: "id: kz05ee", '"ref": "ab12cd"'.
_IDENTIFIER_BEFORE = re.compile(
    r"(?:\b(?:id|uuid|guid|ref|reference|code|hash|token|key|slug)|_id)[\"']?[ \t]*[:=][ \t]*[\"']?$",
    re.IGNORECASE,
)
_NON_GEOGRAPHIC = ("+443", "+448", "+449")
# The person's own listed details anchor a record; a family member's name does not (what follows is theirs).
_RECORD_KINDS = frozenset({Kind.PHONE, Kind.EMAIL, Kind.HOME_ADDRESS, Kind.DATE_OF_BIRTH})
# Lists of candidates print each as a surname in capitals over the given names: "TANDY\nLorraine Michelle".
_BALLOT_ENTRY = re.compile(r"(?m:^)[ \t]*[A-Z]{2,}(?:[\-'][A-Z]+)?[ \t]*(?:\n[ \t]*)+[A-Z][a-z]+")


def _one_off(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


class UnlistedDetector(Detector):
    """Phone numbers, postcodes and street addresses beside the person's name that the profile does not list."""

    id: ClassVar[str] = "unlisted"
    least_need: ClassVar[Need] = Need.TIED

    def detect(self, doc: Document, profile: Profile) -> Iterator[Match]:
        return self.detect_after(doc, profile, ())

    def detect_after(self, doc: Document, profile: Profile, earlier: Sequence[Match]) -> Iterator[Match]:
        """Anchors are the person's name, their listed details the other detectors found (a people-search
        record lists an old number under the current one), and on their own pages "call me", "my mobile"."""
        anchors = list(mentions(doc, profile))
        anchors += [
            (m.start, m.end)
            for m in earlier
            if m.kind in _RECORD_KINDS
            and m.known_to_user
            and m.ties
            and not m.public  # an office is anyone's
            and not (m.partial and m.kind is Kind.HOME_ADDRESS)  # (a postcode is a dozen homes')
        ]
        if doc.confirmed:
            anchors += [m.span() for m in whole_words(_FIRST_PERSON, doc.lower)]
        if not anchors:
            return
        anchors.sort()
        # (a relative of their own name, "Winston A Lindo Snr", heads a record of his own: a namesake's)
        same_name = same_name_keys(profile)
        relatives = [
            (m.start, m.end) for m in earlier if m.kind is Kind.FAMILY_MEMBER and m.key not in same_name
        ]
        # (the surname in a listed relative's name, "Martin J Keane", is the family's, not a namesake's)
        others = tuple(
            n for n in namesakes(doc, profile) if not any(r0 <= n[0] and n[1] <= r1 for r0, r1 in relatives)
        )
        # (the surname inside a relative's name, "Rachel Jones", is not the person's mention for a phone)
        own = [a for a in anchors if not any(r0 <= a[0] and a[1] <= r1 for r0, r1 in relatives)]
        yield from self._phones(doc, profile, own, others, relatives)
        addresses = list(self._addresses(doc, profile, anchors, others, relatives))
        # "9 Millrace Close" where the page also gives "9 Millrace Close, ..., VQ3 2LN" is the same home
        whole = [m.key for m in addresses if not m.partial]
        yield from (m for m in addresses if m.partial or not any(w.startswith(m.key + " ") for w in whole))

    def _anchor_for(
        self,
        doc: Document,
        span: Span,
        anchors: list[Span],
        namesakes: tuple[Span, ...],
        profile: Profile,
        relatives: list[Span],
        phone: bool = False,
        personal: bool = False,
    ) -> Span | None:
        """The mention this detail belongs to: near it, not a namesake's, with no other person named in
        between, and no word beside it saying it is an office's or a venue's. A detail that is one person's
        (a mobile) is not theirs after a relative named in between; a household's (a home, a landline) is,
        whichever of the family the page names first. `relatives` are where it names listed family members."""
        text, low = doc.text, doc.lower
        # The name usually comes first ("Maggie Oduya ... 07700 900318") and may sit well before the detail; a
        # name after it counts only close by on the same line ("07700 900318 (Maggie)").
        anchor = _closest_before(span, [*anchors, *namesakes], AFTER_NAME)
        if anchor is None and phone and _NEW_OR_MY_NUMBER.search(low, max(0, span[0] - 60), span[0]):
            # the author of a long post, for a number they call theirs in it ("... New mobile 07700 ...")
            author = _closest_before(span, [a for a in anchors if _post_author(text, a)], POST_CHARS)
            if author is not None and _their_own_message(text, author, span):
                anchor = author
        if anchor is None:
            after = [
                a for a in anchors if 0 <= a[0] - span[1] <= BEFORE_NAME and "\n" not in text[span[1] : a[0]]
            ]
            anchor = min(after, default=None)
        if anchor is None or anchor in namesakes:
            return None
        between = (anchor[1], span[0]) if anchor[1] <= span[0] else (span[1], anchor[0])
        if "\n" in text[between[0] : between[1]] and _a_row(text, anchor[0]) and _a_row(text, span[0]):
            return None  # rows of a CSV or JSON-lines leak: each row is somebody's record
        if (
            not doc.confirmed
            and any(whole_words(_FIRST_PERSON, low, *between))
            and not _their_own_message(text, anchor, span)
        ):
            return (
                None  # on a page that is not theirs, "ring me (Bev) on ..." after their name is the writer's
            )
        if _NEXT_TUPLE.search(text, *between):
            return None  # an SQL dump's "VALUES (57,'David',...),(58,'Kieran',...)": another row
        # In a post the person wrote, a number they call theirs ("My old Nokia number is finished. New mobile
        # 07700 ...") is theirs whoever else the post has named before it.
        says_mine = bool(_NEW_OR_MY_NUMBER.search(low, max(0, span[0] - 60), span[0])) and _their_own_message(
            text, anchor, span
        )
        # People named between the name and the detail make it theirs, unless a heading of the record's own
        # history comes after them: a broker's "Possible relatives: ..." then "Previous addresses"
        people = (_history_heading(low, between[0], span[0]), span[0]) if anchor[1] <= span[0] else between
        if not says_mine and any(not _inside(m.span(), anchors) for m in _other_people(low, *people)):
            return None
        if any(not _inside(m.span(), anchors) for m in at_line_starts(_BALLOT_ENTRY, text, *people)):
            return None
        if not says_mine and _a_korean_between(text, people, anchors, relatives, profile):
            return None  # a committee list's "회장 박정훈 07700 ...": the chair's (Korean names have no capitals)
        if not says_mine and any(
            _is_someone(m.group(1), profile)
            and not _inside(m.span(), relatives)
            and not _PLACE_LABEL.search(text, max(0, m.start() - 40), m.start())
            and not _a_field_label(text, m.start(1), m.end(1))  # a record's "Registrant Postal Code:"
            for m in _name_runs(text, *people)
        ):
            # (not the person's family named as co-occupants: "Other occupants: Gareth Price ... Landline: ...")
            return None
        if _IMPRINT.search(low, low.rfind("\n", 0, span[0]) + 1, span[0]):
            return None  # an election imprint: "Promoted by P. Hale on behalf of Jo Marsh, both of 4 Market Place"
        if _NOT_THEIRS.search(low, *between):
            return None  # a dossier's "NOT HIM: upper brook farm (xj7 3pe) is the garbutts next door"
        # a shop's JSON-LD ("@type: HairSalon ... founder: Fiona Strachan ... postalCode: ..."), and a surgery
        # table's "Balgarvie Library, 12 Kirkgate, YJ4 2DS / 1st Saturday / 020 ...": the place's, not hers
        if _a_business_record(text, span) or (phone and _a_place_above(text, low, span, between, profile)):
            return None
        if phone and _someone_to_call(text, low, between, profile):
            return None  # "Please call Paula on 07700 900130": Paula's
        if not phone and _someone_lives_there(text, between, profile):
            return None  # "Joan continues to live at Abbeyfield House, 12 Minster Road": Joan's
        if phone and _labelled_a_relative(low, span, profile):
            return None  # a notice's contacts, "ሉዋም (ጓል)" (Luwam, daughter) above the number: Luwam's
        if phone and _a_relatives_number(low, span, profile):
            return None  # "RSVP: Rameshbhai 07700 900657", "ring Young Johnny 07700 ...": the relative's own
        if personal and _after_a_relative(text, low, between, relatives):
            return None  # "her dad Rory (07700 900763)", "'Rachel Jones (wife)','07700900619'": a relative's
        if any(not _a_field_value(text, m.start()) for m in at_line_starts(_NEW_RECORD, text, *between)):
            return None
        if phone and (_ADDED.search(text, max(0, span[0] - 12), span[0]) or chat_sender(text, *span)):
            # a group chat's "Kev (Treasurer) added +44 7700 900114", and the messages that number then sends
            # ("[01/03/2026, 18:16] +44 7700 900114: ..."): a member the person's phone book does not name
            return None
        if anchor[1] <= span[0] and _another_senders_message(text, anchor, span, anchors):
            return None  # a chat's "Mum: This is my new number 07700 900009": Mum's
        if _WHOSE_AFTER.match(text, span[1]) and not _their_own(text, span[1], profile):
            return None  # "collect from 22 Moorgate Lane (Tommo's) not mine"
        if (
            (linked := _LINKED_TO.match(text, span[1]))
            and not _SEVEN_DIGITS.search(text, span[1], linked.start())  # (not another number's field)
            and _is_someone(linked.group(1), profile)
        ):
            return None  # a broker's "number: 447700900405 ... linked_to: MARK WHITCOMBE": his
        line_start = low.rfind("\n", 0, between[0]) + 1
        if _OTHER_CONTENT.search(low, line_start, between[1]) and _OTHER_CONTENT.search(
            low, _history_heading(low, line_start, span[0]), between[1]
        ):
            # "More offers near Brentmere", "Similar listings": what follows is other people's (and "Neighbours at
            # 27 Marram Rd", from the start of the line her address is on), unless a heading of the record's own
            # history comes after it ("Neighbours at QT4 7NJ" then "Previous addresses")
            return None
        if _under_a_nearby_heading(low, span[0]):
            return None  # a listing's "Nearby": "Hà Nails & Beauty · 212 Lindmere High Street · 0.1 mi"
        context_start = max(between[0] if anchor[1] <= span[0] else 0, span[0] - CONTEXT_BEFORE)
        if personal:  # a mobile is somebody's: only its own sentence can say it is a library's or a shop's
            context_start = _sentence_start(low, context_start, span[0])
        elif not phone:
            # an address's context starts after the place written before it: a broker's list of previous
            # addresses ("4 Church Walk, Eldersby, JZ3 1LR\n\n19 Kingsmere Road ...") is not a church's
            for before in _postcodes(text, context_start, span[0]):
                context_start = before.end()
        line_end = text.find("\n", span[1])
        context_end = min(span[1] + CONTEXT_AFTER, len(text) if line_end == -1 else line_end)
        # (the detail's own words are left out: "23 Chapel Street" and "Station Road" are homes)
        mine = bool(_MY_PHONE.search(low, max(0, span[0] - 40), span[0]))  # "try my other phone 07700 ..."
        if (not mine and _a_service(low, context_start, span[0], directory_listing=True)) or (
            not mine and _a_service(low, span[1], context_end, directory_listing=True)
        ):
            return None
        if (
            "correspondence" in low[context_start : span[0]] or _an_officers_register(doc)
        ) and _shared_with_others(
            low, span, [*anchors, *namesakes, *_officer_names(low, [*anchors, *relatives])], relatives
        ):
            # a company's officers share its address for letters (a register of them gives it under each); one
            # officer's own is theirs, and so is one they share only with a listed relative (a couple's firm)
            return None
        return anchor

    def _phones(
        self,
        doc: Document,
        profile: Profile,
        anchors: list[Span],
        others: tuple[Span, ...],
        relatives: list[Span],
    ) -> Iterator[Match]:
        listed = {p.e164 for p in profile.phones}
        # (a post the person wrote runs on past a name's usual reach: its numbers are read to its end)
        reach = [(a[0], _post_end(doc.text, a)) if _post_author(doc.text, a) else a for a in anchors]
        for number in numbers_near(doc, _windows(reach, len(doc.text)), listed):
            if (
                number.e164 in listed
                or number.e164.startswith(_NON_GEOGRAPHIC)
                or not number.e164.startswith("+44")
            ):
                continue  # (a number abroad beside their name is a relative's or a contact's there: the profile
                # lists any of their own)
            span = (number.start, number.end)
            if doc.text.startswith(("*", "\u2022", "x", "X"), number.end):
                continue  # a people-search site's masked "07700 90015*": not a number it gives
            mobile = number.e164.startswith("+447")
            if (
                self._anchor_for(doc, span, anchors, others, profile, relatives, phone=True, personal=mobile)
                is None
            ):
                continue
            if _an_office_elsewhere(doc, number.e164, span, anchors):
                continue  # the council's switchboard in a page's data is still the switchboard
            confidence = MOBILE_CONFIDENCE if mobile else LANDLINE_CONFIDENCE
            if _LABELLED.search(doc.text, max(0, span[0] - 30), span[0]):
                confidence += LABELLED_BONUS
            yield self._match(
                doc.text,
                span,
                Kind.PHONE,
                number.e164,
                confidence,
                False,
                "a phone number not in your profile",
            )

    def _addresses(
        self,
        doc: Document,
        profile: Profile,
        anchors: list[Span],
        others: tuple[Span, ...],
        relatives: list[Span],
    ) -> Iterator[Match]:
        text = doc.text
        homes = [parse_home(a) for a in profile.addresses]
        listed_postcodes = {h.postcode for h in homes if h.postcode}
        listed_streets = {h.street for h in homes if h.street}
        # (a pitch's site is its street to the post: "3 Furzebank Park" is a neighbour's pitch, left to the
        # address detector as the person's own street's numbers are)
        sites = tuple(h.pitch[1] + " " for h in homes if h.pitch)
        taken: list[Span] = []
        site: str | None = None  # (read only when a street address turns up)
        for lo, hi in _windows(anchors, len(text)):
            for m in _postcodes(text, lo, hi):
                postcode = normalise_postcode(m.group())
                if postcode in listed_postcodes or _IDENTIFIER_BEFORE.search(
                    text, max(0, m.start() - 25), m.start()
                ):
                    continue  # (or a record's "id: kz05ee", which only looks like one)
                street = _street_before(text, m.start())
                span = (street[0], m.end()) if street else m.span()
                if street and _street_name(street[2]) in listed_streets:
                    continue
                if _inside(span, taken):
                    continue
                taken.append(span)  # whoever it belongs to, its street is not a second address
                if self._anchor_for(doc, span, anchors, others, profile, relatives) is None:
                    continue
                if street:
                    key = f"{street[1]} {_street_name(street[2])} {postcode.lower()}"
                    yield self._match(
                        text, span, Kind.HOME_ADDRESS, key, ADDRESS_CONFIDENCE, False, "an address"
                    )
                else:
                    yield self._match(
                        text, span, Kind.HOME_ADDRESS, postcode, POSTCODE_CONFIDENCE, True, "a postcode"
                    )
            for m in _street_addresses(text, lo, hi):
                span = m.span()
                name = _street_name(m.group(2))
                if (
                    _inside(span, taken)
                    or name in listed_streets
                    or name.startswith(sites)
                    or not _capitalised(m.group(2))
                ):
                    continue
                taken.append(span)
                if site is None:
                    site = _the_site(doc, anchors)
                if site and " ".join(m.group().lower().split()) in site:
                    continue  # "The garden of 58 Fenner Road backs onto ours": the application's site
                if self._anchor_for(doc, span, anchors, others, profile, relatives) is None:
                    continue
                key = f"{m.group(1).lower()} {name}"
                yield self._match(text, span, Kind.HOME_ADDRESS, key, ADDRESS_CONFIDENCE, False, "an address")

    def _match(
        self, text: str, span: Span, kind: Kind, key: str, confidence: float, partial: bool, what: str
    ) -> Match:
        return Match(
            detector=self.id,
            kind=kind,
            value=text[span[0] : span[1]],
            key=key,
            start=span[0],
            end=span[1],
            confidence=round(min(confidence, 0.9), 2),
            known_to_user=False,
            subject=f"not in your profile: {what} beside your name",
            public=False,
            partial=partial,
            needs=Need.TIED,
            ties=False,
        )


# A line that starts another entry of a numbered or ranked list ("16 A. Yusuf FX3 8QE", "2nd – Alan
# Whitworth (BF4 2AB)", "17 (name withheld)", an agenda's "45. 25/01203/FUL - 42 Tanyard Lane"): a detail after
# it is that entry's, not the person's.
_NEW_OR_MY_NUMBER = re.compile(
    r"\b(?:my\s+(?:\w+\s+){0,2}(?:phone|mobile|number|mob|cell)|new\s+(?:mobile|number|phone|mob))\b"
)
_MY_PHONE = re.compile(r"\bmy\s+(?:\w+\s+)?(?:phone|mobile|number|mob|cell)\b[^\n.]{0,12}$")


# A company register's list of officers (each with an address for letters, often the company's own).
_OFFICERS = re.compile(r"\bofficer_role\b|\bofficers?\b[^\n]{0,40}\bappoint|\bappointments\b")


@functools.lru_cache(maxsize=16)
def _an_officers_register(doc: Document) -> bool:
    low = doc.lower
    return ("officer" in low or "appointments" in low) and bool(_OFFICERS.search(low))


# Each officer's entry in a register's data starts with its name: "name: BRAMLEY & SHAW SECRETARIES LIMITED".
_OFFICER_NAME = re.compile(r"(?m)^[ \t]*[\"']?name[\"']?[ \t]*:[ \t]*[\"']?(\S[^\n]*)")


def _officer_names(low: str, known: list[Span]) -> list[Span]:
    """Where each entry of an officers' register names an officer who is neither the person nor a listed relative
    (a firm of secretaries has no mention to find otherwise)."""
    return [
        m.span(1)
        for m in _OFFICER_NAME.finditer(low)
        if not any(k0 < m.end(1) and m.start(1) < k1 for k0, k1 in known)
    ]


def _shared_with_others(low: str, span: Span, names: list[Span], relatives: list[Span]) -> bool:
    """Whether the same address is written elsewhere on the page under somebody other than a listed relative
    (each other sighting's closest name before it)."""
    value = low[span[0] : span[1]]
    for at in literal_hits(value, low):
        before = [n for n in (*names, *relatives) if n[1] <= at]
        if at != span[0] and (not before or max(before, key=lambda n: n[1]) not in relatives):
            return True
    return False


def _their_own_message(text: str, anchor: Span, span: Span) -> bool:
    """Whether the detail is in a chat message the person sent: their name is the sender of its line
    ("[01/03/2026, 18:10] Win Lindo (Coach): try my other phone 07700 900124"), so its "my" is theirs."""
    if anchor[1] > span[0]:
        return False
    if "\n" not in text[anchor[1] : span[0]] and chat_sender(text, *anchor):
        return True
    # a forum post's header names its author: "by bishnu.kh71 » Tue 03 Feb 2026 10:52 pm", "Posted by ..."
    return _post_author(text, anchor) and span[0] < _post_end(text, anchor)


def _post_author(text: str, name: Span) -> bool:
    """Whether the name is a forum post's author, in its header line ("by bishnu.kh71 » Tue 03 Feb 2026")."""
    lo = max(0, name[0] - 12)
    if text.find("by", lo, name[0]) == -1 and text.find("By", lo, name[0]) == -1:
        return False  # (most names: no "by" before them)
    return bool(_POST_AUTHOR_BEFORE.search(text, lo, name[0]) and _POST_AUTHOR_AFTER.match(text, name[1]))


def _post_end(text: str, author: Span) -> int:
    """Where the post that `author` heads ends: at the next post's header, or POST_CHARS on."""
    stop = min(len(text), author[1] + POST_CHARS)
    following = _POST_AUTHOR_LINE.search(text, author[1], stop)
    return stop if following is None else following.start()


_POST_AUTHOR_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:posted\s+)?by\s+$", re.IGNORECASE)
_POST_AUTHOR_AFTER = re.compile(r"[ \t]*(?:»|\u00bb|on\b|at\b|[-\u2013|]\s*\d|\n)", re.IGNORECASE)
_POST_AUTHOR_LINE = re.compile(r"\n[ \t]*(?:posted\s+)?by\s+\S+[ \t]*(?:»|\u00bb)", re.IGNORECASE)
POST_CHARS = 1500


_ADDED = re.compile(r"\b(?:added|removed)\s+\+?$")
_NEW_RECORD = re.compile(
    r"(?m:^)[ \t]*(?:\d{1,3}[.)][ \t]+\d|[\[#(]\d{1,3}[\])]?[ \t]|\([a-h]\)[ \t]|\d{1,3}(?:st|nd|rd|th)[ \t]*[\-\u2013\u2014:.]|\d{1,3}[.)]?[ \t]+(?:[A-Z]\.|\("
    r"|(?![A-Z][a-z'\-]+[ \t]+(?i:"
    + _STREET_TYPE_WORDS
    + r")\b)[A-Z][a-z]+[ \t]+[A-Z])|[\u2022*\-\u2013][ \t]+[A-Z]"
    # a numbered list's "7. ZAJĄC Marcel": a surname in capitals (any alphabet's), then the given name
    + r"|\d{1,3}[.)][ \t]+[A-Z][^\W\da-z_]+[ \t]+[A-Z])"
)


def _a_field_value(text: str, at: int) -> bool:
    """Whether the line at `at` is the value under a record's field label ("Age" over "43 (age guide 40-45)"),
    not another entry of a list: the line above it (blank lines aside) is a short label with no figures."""
    end = text.rfind("\n", 0, at)
    while end > 0 and text[end - 1].isspace():
        end -= 1  # (over blank lines)
    label = text[text.rfind("\n", 0, end) + 1 : end].strip() if end > 0 else ""
    return (
        0 < len(label) <= FIELD_LABEL_CHARS
        and len(label.split()) <= 3
        and not any(c.isdigit() for c in label)
    )


FIELD_LABEL_CHARS = 30
# A chat export's message line, up to its sender: "05/04/2025, 17:16 - Mum: ...", "[05/04/2025, 17:16:02] Mum: ..."
_CHAT_MESSAGE = re.compile(
    r"(?m:^)\[?\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?\]?(?: -)? ([^:\n]{1,40}):",
    re.I,
)


def _another_senders_message(text: str, anchor: Span, span: Span, anchors: list[Span]) -> bool:
    """Whether a detail after the person's mention is in a later message of a chat export whose sender is not
    them and which does not name them before it: that sender's ("my new number" from Mum is Mum's)."""
    last = None
    for message in _CHAT_MESSAGE.finditer(text, anchor[1], span[0]):
        last = message
    return last is not None and not _inside(last.span(1), anchors)


# Two or three capitalised words in a row: a name, a street, a heading or a place. _is_someone decides.
# (The look-behind comes after the first capital, so `re` skips to capitals rather than trying every position.)
# Letters other than ASCII are those of names in European languages: "Jurgita Kazlauskienė", "Žukauskienė".
_CAPITAL = "A-ZÀ-ÖØ-ÞĄČĆĘĖŁŃŚŠŪŲŽŹŻ"
_SMALL = "a-zß-öø-ÿąčćęėįłńśšūųžźż"
_NAME_LINE = re.compile(
    rf"([{_CAPITAL}](?<![\w'][{_CAPITAL}])(?:[{_SMALL}'\-]+|[{_CAPITAL}]+(?:-[{_CAPITAL}]+)?)"
    rf"(?:[ \t]+(?:[{_CAPITAL}][{_SMALL}'\-]+|[{_CAPITAL}]{{2,}}(?:-[{_CAPITAL}]+)?)){{1,2}})(?![\w'])"
)
_NOT_NAME_WORDS = frozenset(
    (  # noqa: SIM905 - a word list reads better as words
        "address addresses number numbers phone phones mobile email emails contact contacts details history "
        "record records relatives associates information profile age born date dates current past previous other "
        "people street rep reps home work office council ward news view more see all search find report full "
        "lookup reverse public register electoral about us our your my ward council borough county district city "
        "town village parish party labour conservative independent independents green liberal democrats reform "
        "community centre library hall church school primary academy college university hospital club society "
        "association trust group team committee board office court road street lane avenue close house england "
        "scotland wales britain uk united kingdom north south east west upper lower great little new old the a an "
        "and of for in on at to by with from st saint mr mrs ms dr cllr councillor revd text call ring ask "
        "message whatsapp fair fete fête festival gala bazaar raffle tombola jumble fundraiser concert disco quiz "
        "tournament marathon parkrun christmas easter halloween bonfire "  # events: "the Summer Fair"
        "registry registers directory roll sources verified companies "  # a record's sources ("Land Registry")
        # roles after a name: "Peter Hollis (Programme Secretary) has moved ..."
        "secretary chair chairman chairwoman chairperson treasurer president officer governor "
        "trustee director manager programme editor convenor clerk mayor deputy vice leader captain churchwarden"
    ).split()
)


_TITLE_CASE_WORD = re.compile(r"[ \t]+(?=[A-Z][a-z])")


def _name_runs(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """Runs of capitalised words (_NAME_LINE); where a heading in capitals runs into a name ("GARSIDE HOUSE
    Doreen Pike"), the run read again from the name."""
    for m in _NAME_LINE.finditer(text, lo, hi):
        yield m
        gap = _TITLE_CASE_WORD.search(text, m.start(), m.end()) if m.group(1).split()[0].isupper() else None
        if gap and (again := _NAME_LINE.match(text, gap.end(), hi)):
            yield again


_FIELD_LABEL_AFTER = re.compile(r"[\w/ \t\-]{0,25}:")  # "Registrant State/Province:"


def _a_field_label(text: str, start: int, end: int) -> bool:
    """Whether capitalised words opening a line are a record's field label ("Registrant State/Province: ...")."""
    return (start == 0 or text[start - 1] == "\n") and bool(_FIELD_LABEL_AFTER.match(text, end))


_IMPRINT = re.compile(r"\b(?:promoted|printed|published)\s+(?:and\s+(?:promoted|printed)\s+)?by\b")
_NOT_THEIRS = re.compile(r"\bnot\s+(?:him|her|them)\s*[:\-\u2013]")


def _is_someone(line: str, profile: Profile) -> bool:
    """Capitalised words that are not the person's own name or places, not a street, not a heading, not a
    day or month: another person ("Phil Norris", "Anne Brennan", "GARETH OAKES")."""
    words = line.split()
    lowered = [w.lower() for w in words]
    if street_type(lowered[-1]) or any(w in _NOT_NAME_WORDS or _NOT_STREET_WORDS.match(w) for w in lowered):
        return False
    if _a_service(line.lower()):  # "Directory Enquiries", "Funeral Directors": an organisation, not a person
        return False
    own = _own_words(profile)
    return not all(w in own for w in lowered)


# A contact's label: a name, then what they are to the one the page is about, in brackets, alone on the line above
# the number or before it on its own: "Luwam (daughter)", "ሉዋም (ጓል)".
_RELATIVE_LABEL = re.compile(
    r"([^\W\d_][\w'\-]*)[ \t]*\((?:son|daughter|wife|husband|brother|sister|mother|father|mum|dad|cousin|uncle"
    r"|aunt|nephew|niece|grandson|granddaughter|ወዲ|ጓል|ሓው|ሓፍቲ|ኣደ|ኣቦ|ሰበይቲ|ሰብኣይ)\)[ \t:\-]*\n?[ \t]*\n?[ \t]*$"
)


def _labelled_a_relative(low: str, span: Span, profile: Profile) -> bool:
    """Whether the number's label names someone by what they are to another ("Luwam (daughter)") who is not the
    person ("Senait (daughter)" above her own number is hers)."""
    if ")" not in low[max(0, span[0] - 8) : span[0]]:
        return False  # (most numbers: no bracket just before)
    m = _RELATIVE_LABEL.search(low, max(0, span[0] - 60), span[0])
    return m is not None and fold(m.group(1)) not in _own_words(profile)


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _own_words(profile: Profile) -> frozenset[str]:
    """Words of the person's names, places and addresses: a line made of them is not another person."""
    texts = [*profile.names, *profile.locality, *(a.text for a in profile.addresses)]
    return frozenset(w.lower() for t in texts for w in re.findall(r"[^\W\d_][\w'\-]*", t))


# A relative named by first name: "her dad Rory", "his wife Sarah". For lower-case text (words that start
# a word, see alternation); the name after it is checked for its capital in the page's own text.
_RELATIVE = re.compile(
    rf"(?:{alternation(['her', 'his', 'their', 'my', 'our', 'your'], word_start=True)})\s+"
    r"(?:mum|mom|mother|dad|father|husband|wife|partner|son|daughter|brother|sister|uncle|aunt|auntie|nan|nana"
    r"|gran|granny|grandad|grandpa|grandma|cousin|nephew|niece|fianc[ée]e?|boyfriend|girlfriend),?\s+"
)
_GIVEN_NAME = re.compile(r"[A-Z][a-z'\-]+(?![\w'])")


# "call Paula on", "text Mo", "ask for Dave": the number after it is that person's. For lower-case text; the
# name is checked for its capital in the page's own text.
_CALL = re.compile(
    rf"(?:{alternation(['call', 'text', 'ring', 'phone', 'contact', 'message', 'whatsapp', 'ask for'], word_start=True)}"
    # Welsh "cysylltu â Huw" (contact Huw), "ffoniwch Huw" (phone Huw); Polish "dzwonić do Ani", "kontakt z Ewą"
    r"|cysylltu\s+(?:â|a|ag)|ffoniwch|dzwoni\w*\s+do|kontakt\w*\s+z)"
    r"\s+"
)


# "call the parish clerk on", "ring our club secretary on": somebody by their role.
_ROLE = re.compile(
    r"(?:the|our|your)\s+(?:[a-z]+\s+){0,2}?(?:clerk|warden|caretaker|secretary|treasurer|chair(?:man|woman|person)?"
    r"|manager|coach|organi[sz]er|steward|vicar|rector|head(?:teacher)?|agent|landlord|landlady)\b"
)


# "... to Brenda, text 07700 ...", "Des - call 07700 ...": a name, then how to reach them, right before the number.
_NAME_THEN_CALL = re.compile(
    r"(?<![\w'])([A-Z][a-z'\-]+)[ \t]*[,:\-\u2013]?\s+(?:text|call|ring|phone|whatsapp|sms|on)[ \t]*[:.]?\s*$"
)


# "Joan continues to live at ...", "Dave now lives at ...": the address after it is that person's.
_NAME_THEN_LIVES = re.compile(
    r"(?<![\w'])([A-Z][a-z'\-]+)\s+(?:(?:still|now|continues\s+to|will\s+continue\s+to)\s+)?(?:lives?|living)"
    r"\s+(?:at|in|on)\s+(?:[^\n.]|\n(?!\n)){0,60}$"
)


def _someone_lives_there(text: str, between: Span, profile: Profile) -> bool:
    named = _NAME_THEN_LIVES.search(text, max(between[0], between[1] - 80), between[1])
    return named is not None and _somebody_else(named.group(1), profile, _NOT_LIVING)


def _somebody_else(word: str, profile: Profile, not_names: frozenset[str]) -> bool:
    """Whether a capitalised word is somebody's name other than the person's: not one of their own names, nor a
    word that is nobody's (`not_names`: "Call Me", "She lives")."""
    low = word.lower()
    return (
        bool(low) and low not in _own_words(profile) and low not in _NOT_NAME_WORDS and low not in not_names
    )


_NOT_LIVING = frozenset("she he they who it we you i also and still now".split())  # noqa: SIM905


def _someone_to_call(text: str, low: str, between: Span, profile: Profile) -> bool:
    """ "Please call Paula on ...", "call the parish clerk on ...", "subs to Brenda, text ...": the number
    after it is somebody else's."""
    named = _NAME_THEN_CALL.search(text, max(between[0], between[1] - 30), between[1])
    if named and _somebody_else(named.group(1), profile, _NOT_CALLED):
        return True
    for m in _CALL.finditer(low, *between):
        if _ROLE.match(low, m.end(), between[1]):
            return True
        name = _GIVEN_NAME.match(text, m.end(), between[1])
        if name and _somebody_else(name.group(), profile, _NOT_CALLED):
            return True
    return False


# "Call Me", "Text Now", "Ring Us Today": capitalised, but nobody's name.
_NOT_CALLED = frozenset(
    "me us now today tonight anytime any free back him her them on for in at or and to please direct".split()  # noqa: SIM905
)


# A name in the possessive right after a detail says whose it is: "22 Moorgate Lane (Tommo's)", "... - Bev's".
_WHOSE_AFTER = re.compile(r"[ \t]*(?:\(|-|,)?[ \t]*([A-Z][a-z]+)['’]s\b")
_SEVEN_DIGITS = re.compile(r"\d{7}")
# A record's field, a few lines below a number, saying whose it is.
_LINKED_TO = re.compile(
    r"(?:[^\n]*\n){1,5}?[ \t]*(?:linked|belongs|registered|assigned)[_ ]to[ \t]*:[ \t]*([^\n]{2,60})"
)


def _their_own(text: str, at: int, profile: Profile) -> bool:
    whose = _WHOSE_AFTER.match(text, at)
    return whose is not None and whose.group(1).lower() in _own_words(profile)


_LATIN = re.compile("[A-Za-z]")
_WORD_THEN_NUMBER = re.compile(r"([^\W\d_][\w'\-]*)[ \t]*[:,\-\u2013]?[ \t]*$")


def _a_relatives_number(low: str, span: Span, profile: Profile) -> bool:
    """A number right after a listed relative's first name on its line (or a short form of it, with "bhai" or
    "ben"): theirs."""
    givens = _relatives_givens(profile)
    if not givens:
        return False
    m = _WORD_THEN_NUMBER.search(low, max(0, span[0] - 30), span[0])
    return m is not None and (m.group(1) in givens or compound_stem(m.group(1)) in givens)


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _relatives_givens(profile: Profile) -> frozenset[str]:
    own = {fold(w.lower()) for n in profile.names for w in n.split()}
    found = set()
    for member in profile.family:
        words = member.name.split()
        if words:
            for name in (words[0], *called(member.name, member.nicknames)):
                found.add(fold(name.lower()))
            # (and the first name of their name as another script writes it: "ዮናስ" of "ዮናስ ሃብተ")
            found.update(
                fold(n.split()[0].lower())
                for n in member.nicknames
                if " " in n.strip() and not _LATIN.search(n)
            )
    return frozenset(found - own)  # (not a first name the person shares: "ring Mairead 07700 ...")


def _after_a_relative(text: str, low: str, between: Span, relatives: list[Span]) -> bool:
    """Whether a relative is named between the person and a detail, in the detail's own sentence or the one
    before it if the detail's opens with a pronoun ("Her dad Rory lives nearby. His mobile is ..."). In "his
    son Gethin is in year 9 ... . the mobile on the old harriers website was ...", the mobile is not Gethin's."""
    lo, hi = between
    ends = [
        name.end() for m in _RELATIVE.finditer(low, lo, hi) if (name := _GIVEN_NAME.match(text, m.end(), hi))
    ]
    ends += [min(end, hi) for start, end in relatives if start < hi and lo < end]
    return any(_same_sentence(low, end, hi) for end in ends)


# After a word, not an abbreviation ("St.", "Rd.", "tel. 07700 ...", "mob. ...", "ext. 214").
_SENTENCE_END = re.compile(r"(?<=[a-z]{3})(?<!\btel)(?<!\bmob)(?<!\bfax)(?<!\bext)(?<!\btelf)[.!?]+\s+")
_PRONOUN = re.compile(r"(?:he|she|they|his|her|hers|their|him|them)\b")


def _sentence_start(low: str, lo: int, hi: int) -> int:
    """Where the last sentence to start between lo and hi starts (lo if none does)."""
    ends = [m.end() for m in _SENTENCE_END.finditer(low, lo, hi)]
    return ends[-1] if ends else lo


def _same_sentence(low: str, lo: int, hi: int) -> bool:
    """No sentence ends between lo and hi, or the last one to end is followed by a pronoun (the same person)."""
    start = _sentence_start(low, lo, hi)
    return start == lo or bool(_PRONOUN.match(low, start))


# A heading that starts a page's list of other people's items: "More offers near Brentmere", "Similar listings
# near you", "Related stories", "You may also like". For lower-case text.
_OTHER_CONTENT = re.compile(
    rf"(?:{alternation(['more', 'other', 'similar', 'related'], word_start=True)})\s+(?:[a-z]+\s+)?"
    r"(?:offers|listings|items|ads|adverts|posts|stories|articles|results|profiles)\b"
    r"|you\s+(?:may|might)\s+also\s+like"
    # a people-search record's "Neighbours at 27 Marram Rd" (the word's start checked after its first letter, so
    # `re` still skips to the letters the words start with: see alternation)
    rf"|{alternation(['neighbours'], word_start=True)}\s+(?:at|on|near|of)\b"
)
# A listing's section of other places near this one: "Nearby", "Places nearby", "Nearby restaurants".
_NEARBY_HEADING = re.compile(
    r"(?m:^[ \t]*(?:(?:places|also|what's|whats)\s+)?nearby(?:[ \t]+[a-z]+){0,2}[ \t]*:?[ \t]*$)"
)
NEARBY_SECTION_CHARS = 400


def _under_a_nearby_heading(low: str, at: int) -> bool:
    lo = max(0, at - NEARBY_SECTION_CHARS)
    return low.find("nearby", lo, at) != -1 and bool(_NEARBY_HEADING.search(low, lo, at))


# A record's field, at the start of its line, that holds a place, not a person: "county: Greater London",
# "town: Brentmere", "Source: BT OSIS 2024".
_PLACE_LABEL = re.compile(
    r"(?m:^)[ \t]*(?:town|city|county|region|country|area|district|borough|ward|locality|parish|state|source"
    # (and a form's fields that hold what a person does or is, not who: "Occupation: STAFF NURSE")
    r"|occupation|job(?:[ \t]+title)?|profession|nationality|citizenship|religion|place[ \t]+of[ \t]+birth)"
    r"[ \t]*:[ \t]*$",
    re.IGNORECASE,
)
_NEXT_TUPLE = re.compile(r"\)\s*,\s*\(|\}\s*,\s*\{")
ROW_DELIMITERS = 3  # a line with this many commas (or tabs, semicolons, pipes) is a row of data


def _a_row(text: str, at: int) -> bool:
    """Whether the line holding `at` is a row of delimited data ("David Jones,dj@example.net,07700900638,VX7 4HN")."""
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
    line = text[start : len(text) if end == -1 else end]
    if max(line.count(d) for d in "\t;|") >= ROW_DELIMITERS:
        return True
    commas = line.count(",")
    # (an address written out, "27 Linden Grove, Sedgeworth, Calderfield, VY4 2HD", has a space after each comma;
    # data's values have none, or are quoted: "'Rachel Jones', '07700900619'")
    return commas >= ROW_DELIMITERS and (line.count(", ") < commas or "', '" in line or '", "' in line)


def _an_office_elsewhere(doc: Document, e164: str, span: Span, anchors: list[Span]) -> bool:
    """Whether the page says, beside another sighting of the same number, whose it is ("switchboard on 020
    7946 0700", "Council Buildings ... Tel 020 7946 0700"), or shows it as somebody else's in a chat: the
    sender of messages ("14/01/2025, 20:12 - +44 7700 900279: Hi all, Gill at 9") in a chat where the
    person's own messages go under their name."""
    text = doc.text
    for run in runs(doc):
        for number in listed_in(doc, run, e164):
            if number.start == span[0]:
                continue
            if _a_service(
                doc.lower, max(0, number.start - CONTEXT_BEFORE), min(len(text), number.end + CONTEXT_AFTER)
            ):
                return True
            if chat_sender(text, number.start, number.end) and any(chat_sender(text, *a) for a in anchors):
                return True
    return False


# A record's heading for the person's past details, alone on its line: "Previous addresses", "Address history".
_HISTORY_HEADING = re.compile(
    r"(?m:^)[ \t]*(?:(?:previous|past|former|old)[ \t]+(?:address(?:es)?|homes?|phones?|phone[ \t]+numbers?"
    r"|numbers?|landlines?)|address[ \t]+history)[ \t]*:?[ \t]*(?=\n)"
)
HISTORY_ROWS_CHARS = 240  # (the rows under it: a few earlier addresses, each on its line)


def _history_heading(low: str, lo: int, at: int) -> int:
    """Where the last such heading within a few rows above `at` ends (lo when there is none)."""
    start = max(lo, at - HISTORY_ROWS_CHARS)
    if (
        low.find("previous", start, at) == -1
        and low.find("history", start, at) == -1
        and not any(low.find(w, start, at) != -1 for w in ("past ", "former ", "old "))
    ):
        return lo  # (most details: no such heading above)
    last = lo
    for m in at_line_starts(_HISTORY_HEADING, low, start, at):
        last = m.end()
    return last


# A Korean name as Hangul writes it, in one word with no capitals to see it by: one of the commonest surnames'
# syllables, then a given name of two ("박정훈", "윤혜진"), then what Korean glues on after a name.
_HANGUL_PERSON = re.compile(
    f"(?<![{HANGUL}])[김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉사부]"
    f"[{HANGUL}]{{2}}" + HANGUL_AFTER
)


def _a_korean_between(
    text: str, between: Span, anchors: list[Span], relatives: list[Span], profile: Profile
) -> bool:
    """Whether another person's Hangul name stands between the person's name and a detail (not theirs, not a
    relative's). Looked for only where the gap has Hangul."""
    lo, hi = between
    gap = text[lo:hi]
    if gap.isascii() or not has_hangul(gap):
        return False
    own = {n.strip() for n in profile.names}
    return any(
        not _inside(m.span(), anchors) and not _inside(m.span(), relatives) and m.group()[:3] not in own
        for m in _HANGUL_PERSON.finditer(text, lo, hi)
    )


def _other_people(low: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """Matches of _TITLED that start a word, and of _NAME_FIELD, in low[lo:hi]."""
    yield from _TITLED.finditer(low, lo, hi)
    if low.find(":", lo, hi) != -1:  # (what a name field needs, found far faster than the pattern runs)
        yield from at_line_starts(_NAME_FIELD, low, lo, hi)


def _a_service(low: str, lo: int = 0, hi: int | None = None, directory_listing: bool = False) -> bool:
    """Whether low[lo:hi] has one of _SERVICE_WORDS at the start of a word. With directory_listing, "listed in
    directory enquiries" says a number is a household's, not that it is a service's."""
    for m in _SERVICE.finditer(low, lo, len(low) if hi is None else hi):
        if not (
            directory_listing and m.group().startswith("enquir") and low.endswith("directory ", 0, m.start())
        ):
            return True
    return False


# schema.org types whose address and telephone are a business's or an organisation's, as page data flattens them
# ("@type: HairSalon"): the person named in it (its founder, its owner) gives no address of their own there.
_SCHEMA_TYPE = re.compile(r"@type:[ \t]*([A-Za-z]+)")
_NOT_AN_OWNER = frozenset(
    [
        "PostalAddress",
        "GeoCoordinates",
        "Place",
        "ContactPoint",
        "OpeningHoursSpecification",
        "ImageObject",
        "Offer",
    ]
)
_BUSINESS_TYPE = re.compile(
    r"(?:Organization|Corporation|LocalBusiness|\w*Business|\w*Store|\w*Shop|\w*Salon|Restaurant|CafeOrCoffeeShop"
    r"|Bakery|BarOrPub|Hotel|\w*Service|\w*Contractor|Dentist|Physician|MedicalClinic|School|Church"
    r"|Place[Oo]fWorship|Library|GovernmentOffice|NGO)$"
)
SCHEMA_RECORD_CHARS = 400


def _a_business_record(text: str, span: Span) -> bool:
    """Whether the detail sits in a schema.org record of a business's (the last record type above it, within
    a record's length, that is not its address's own)."""
    lo = max(0, span[0] - SCHEMA_RECORD_CHARS)
    if text.find("@type", lo, span[0]) == -1:
        return False
    owners = [m.group(1) for m in _SCHEMA_TYPE.finditer(text, lo, span[0]) if m.group(1) not in _NOT_AN_OWNER]
    if not owners:
        return False
    if owners[-1] == "Person" and len(owners) > 1:
        # a shop's owner or founder, nested in its record before the shop's own address ("@type: NailSalon ...
        # @type: Person name: Ha Nguyen ... @type: PostalAddress"); not a site's publisher before a person's record
        return any(_BUSINESS_TYPE.match(o) and o not in ("Organization", "Corporation") for o in owners[:-1])
    return bool(_BUSINESS_TYPE.match(owners[-1]))


PLACE_ABOVE_CHARS = 120  # a row or two of a table or a record


def _a_place_above(text: str, low: str, span: Span, between: Span, profile: Profile) -> bool:
    """Whether the address a number follows (the last postcode before it, since the person's name) is a place's
    that says whose it is: the profile's own public office ("City Chambers, 2 Cross Street, ... YJ1 1QA. Tel
    ..."), or a venue named before its street ("Haughhead Community Centre, Mill Lade Road, YJ4 6AP")."""
    if between[1] != span[0]:
        return False  # (the name comes after the number)
    last = None
    for postcode in _postcodes(text, max(between[0], span[0] - PLACE_ABOVE_CHARS), span[0]):
        last = postcode
    if last is None:
        return False
    if normalise_postcode(last.group()) in _public_postcodes(profile):
        return True
    line = low.rfind("\n", 0, last.start()) + 1
    first = low.find(",", line, last.start())
    head = (line, last.start() if first == -1 else first)  # the place's own name, before its street
    return not any(c.isdigit() for c in low[head[0] : head[1]]) and _a_service(low, *head)


@functools.lru_cache(maxsize=PROFILES_CACHED)
def _public_postcodes(profile: Profile) -> frozenset[str]:
    return frozenset(normalise_postcode(a.postcode) for a in profile.addresses if a.public and a.postcode)


def _closest_before(span: Span, anchors: list[Span], reach: int) -> Span | None:
    before = [a for a in anchors if a[1] <= span[0] and span[0] - a[1] <= reach]
    return max(before, key=lambda a: a[1], default=None)


def _inside(span: Span, spans: list[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in spans)


SITE_HEAD_CHARS = 400
_SITE_PAGE = re.compile(r"\b(?:planning|application|for\s+sale|to\s+let|to\s+rent|property\s+details)\b")


def _the_site(doc: Document, anchors: list[Span]) -> str:
    """The head of a planning application's or a property listing's page, above the first mention of the
    person (lower case, spaces single): an address given there is the site the page is about, not theirs."""
    end = min(SITE_HEAD_CHARS, anchors[0][0] if anchors else SITE_HEAD_CHARS)
    head = doc.lower[:end]
    return " ".join(head.split()) if _SITE_PAGE.search(head) else ""


def _windows(anchors: list[Span], size: int) -> list[Span]:
    merged: list[Span] = []
    for start, end in anchors:
        # Wide enough that a detail straddling the edge of the reach is read whole; the anchor check decides.
        lo, hi = max(0, start - BEFORE_NAME - 120), min(size, end + AFTER_NAME + 60)
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _street_before(text: str, postcode_start: int) -> tuple[int, str, str] | None:
    """The numbered street just before a postcode ("3 Birch Road, Millbrook BF4 2AB"): its start, number
    and street; a town may sit between them."""
    lo = max(0, postcode_start - 90)
    found = None
    for m in _street_addresses(text, lo, postcode_start):
        gap = text[m.end() : postcode_start]
        # Within a line or two; or down a column of short lines, as a record's fields or a table's cells are
        # laid out ("27 Linnet Road\ntown: Brentmere\ncounty: Greater London\npostcode: XZ6 3RW").
        close = len(gap) <= 45 and "\n\n" not in gap
        a_column = (
            "\n" in gap
            and all(len(line) <= FIELD_CHARS for line in gap.split("\n"))
            and not _OUTWARD_AND_INWARD.search(gap)  # (a postcode between is the street's own)
        )
        if (close or a_column) and _capitalised(m.group(2)) and starts_word(text, m.start()):
            found = (m.start(), m.group(1).lower(), m.group(2))
    return found


FIELD_CHARS = 40


def _postcodes(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    for inward in _INWARD.finditer(text, lo, hi):
        if outward := _OUTWARD.search(text, max(0, inward.start() - 5), inward.start()):
            yield _OUTWARD_AND_INWARD.match(text, outward.start(), inward.end()) or outward


_OUTWARD_AND_INWARD = re.compile(r"[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\s?[0-9][A-Za-z]{2}")


_A_DATES_YEAR = re.compile(
    rf"\b(?:{_MONTH_WORDS})\.?,?[ \t]+$",
    re.IGNORECASE,
)
_COPYRIGHT = re.compile(r"(?:\u00a9|\(c\)|copyright)\s*$", re.IGNORECASE)


def _street_addresses(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    pos = lo
    while m := _STREET_ADDRESS.search(text, pos, hi):
        if (
            (m.start() == 0 or not (is_word_char(text[m.start() - 1]) or text[m.start() - 1] in "/.-"))
            and not (
                _COPYRIGHT.search(text, max(0, m.start() - 12), m.start())
                or (len(m.group(1)) == 4 and _A_DATES_YEAR.search(text, max(0, m.start() - 16), m.start()))
            )
        ):  # (a footer's "\u00a9 2025 Jackie Hill" is a year and a name; so is "Saturday 4 July 2026, Brackenfold
            # Park", a date and a place)
            yield m
            pos = m.end()
        else:
            pos = m.start() + 1


def _street_name(street: str) -> str:
    words = street.rstrip(".").split()
    if words and (spellings := street_type(words[-1])):
        words[-1] = spellings[0]
    return " ".join(words).lower()


def _capitalised(street: str) -> bool:
    """Street names are written with capitals ("Birch Road"); "3 more close" is prose, and "2 October Heron
    Way" a date."""
    words = street.split()
    return all(w[0].isupper() for w in words) and not _NOT_STREET_WORDS.match(words[0])
