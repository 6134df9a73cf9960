"""Each personal-data detector finds the profile's own data in every listed form, and not its near misses."""

from __future__ import annotations

import dataclasses
import datetime as dt

import phonenumbers
import pytest

from footprint.detect.addresses import AddressDetector
from footprint.detect.dates import BirthDateDetector
from footprint.detect.emails import EmailDetector
from footprint.detect.family import FamilyDetector
from footprint.detect.interface import Detector, Document
from footprint.detect.phones import PhoneDetector
from footprint.detect.registry import DETECTORS, all_detectors
from footprint.model import Address, Email, FamilyMember, Kind, Match, Phone, Profile

# All data here is fictional: Ofcom drama numbers, invented streets, postcodes and people.


def phone(number: str, label: str = "", public: bool = False) -> Phone:
    e164 = phonenumbers.format_number(phonenumbers.parse(number, "GB"), phonenumbers.PhoneNumberFormat.E164)
    return Phone(number=number, e164=e164, label=label, public=public)


HOME = Address("14 Larch Close, Millbrook, Brackenfield", label="home", postcode="BF4 7QT")
SPOUSE = FamilyMember("Devendra Oduya", relation="spouse", nicknames=("Dev",))
CHILD = FamilyMember("Amara Oduya", relation="daughter", school="St Anne's Primary School")

PROFILE = Profile(
    key="maggie",
    name="Margaret Oduya",
    other_names=("Maggie Oduya",),
    date_of_birth=dt.date(1979, 6, 14),
    phones=(
        phone("07700 900461", label="personal mobile"),
        phone("0113 496 0123", label="constituency office", public=True),
        phone("020 7946 0321"),
    ),
    emails=(
        Email("maggie@example.org", label="personal"),
        Email("office@oduya.example.com", label="campaign", public=True),
    ),
    addresses=(HOME,),
    family=(SPOUSE, CHILD),
)


def find(detector: Detector, text: str, profile: Profile = PROFILE) -> list[Match]:
    """Run one detector, checking every match's offsets point at its value and its id is the detector's."""
    doc = Document(url="https://example.org/page", text=text)
    matches = list(detector.detect(doc, profile))
    for m in matches:
        assert text[m.start : m.end] == m.value
        assert m.detector == detector.id
        assert m.known_to_user
    return matches


def only(matches: list[Match]) -> Match:
    assert len(matches) == 1, matches
    return matches[0]


def with_(**changes: object) -> Profile:
    return dataclasses.replace(PROFILE, **changes)  # type: ignore[arg-type]


# --- phones ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "e164"),
    [
        ("07700 900461", "+447700900461"),
        ("07700900461", "+447700900461"),
        ("07700 900 461", "+447700900461"),
        ("+44 7700 900461", "+447700900461"),
        ("+447700900461", "+447700900461"),
        ("+44 (0)7700 900461", "+447700900461"),
        ("+44 (0) 7700 900461", "+447700900461"),
        ("0044 7700 900461", "+447700900461"),
        ("07700-900-461", "+447700900461"),
        ("07700.900.461", "+447700900461"),
        ("0113 496 0123", "+441134960123"),
        ("(0113) 496 0123", "+441134960123"),
        ("+44 113 496 0123", "+441134960123"),
        ("020 7946 0321", "+442079460321"),
        ("0207 946 0321", "+442079460321"),
        ("+44 (0)20 7946 0321", "+442079460321"),
        ("07700\u00a0900461", "+447700900461"),  # a non-breaking space, as word processors join groups
        ("0113\u2009496\u20090123", "+441134960123"),  # thin spaces
        ("07700\u2011900\u2011461", "+447700900461"),  # non-breaking hyphens
    ],
)
def test_phone_found_in_common_uk_formats(written, e164):
    text = f"For surgeries call {written} any weekday."
    m = only(find(PhoneDetector(), text))
    assert (m.kind, m.key, m.value, m.confidence) == (Kind.PHONE, e164, written, 0.95)
    assert m.start == text.index(written)


@pytest.mark.parametrize(
    "written",
    [
        "0 7 7 0 0 9 0 0 4 6 1",
        "0.7.7.0.0.9.0.0.4.6.1",
        "0-7-7-0-0-9-0-0-4-6-1",
        "07700 9OO 461",
        "O77OO 9OO461",
        "07700 9oo 461",
        "+44 7 7 0 0 9 0 0 4 6 1",
    ],
)
def test_phone_found_through_light_obfuscation(written):
    text = f"Text me: {written}."
    m = only(find(PhoneDetector(), text))
    assert (m.key, m.value, m.confidence) == ("+447700900461", written, 0.8)


def test_phone_right_after_a_date_is_still_found():
    """phonenumbers' matcher alone misses a number that follows a date; the spelled pattern catches it."""
    text = "Posted 14/06/2024 07700 900461"
    m = only(find(PhoneDetector(), text))
    assert (m.value, m.confidence) == ("07700 900461", 0.95)


def test_phone_from_tel_link_text():
    assert only(find(PhoneDetector(), "Contact\n+447700900461")).key == "+447700900461"


@pytest.mark.parametrize(
    "text",
    [
        "Call 07700 900462 instead.",  # one digit different
        "Call 07700 900999 instead.",  # another drama number
        "Reference 077009004612.",  # the number inside a longer one
        "Reference 907700 900461.",
        "Invoice 1207700900461.",
        "Office 0113 496 0124.",
        "Nothing to see: 7700 900.",
        "",
    ],
)
def test_phone_near_misses_not_found(text):
    assert find(PhoneDetector(), text) == []


def test_phone_not_in_profile_is_never_reported():
    assert find(PhoneDetector(), "07700 900461", with_(phones=())) == []


def test_phone_public_flag_and_subject_carried():
    matches = find(PhoneDetector(), "Office: 0113 496 0123. Mobile: 07700 900461. London: 020 7946 0321.")
    assert [(m.subject, m.public) for m in matches] == [
        ("phones: constituency office", True),
        ("phones: personal mobile", False),
        ("phones: 020 7946 0321", False),
    ]


def test_phone_every_occurrence_reported_in_order():
    text = "07700 900461 / 0 7 7 0 0 9 0 0 4 6 1 / +44 7700 900461"
    matches = find(PhoneDetector(), text)
    assert [m.value for m in matches] == ["07700 900461", "0 7 7 0 0 9 0 0 4 6 1", "+44 7700 900461"]
    assert [m.start for m in matches] == sorted(m.start for m in matches)


# --- emails ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "confidence"),
    [
        ("maggie@example.org", 0.95),
        ("Maggie@Example.ORG", 0.95),
        ("maggie [at] example [dot] org", 0.8),
        ("MAGGIE [AT] EXAMPLE [DOT] ORG", 0.8),
        ("maggie(at)example.org", 0.8),
        ("maggie (at) example (dot) org", 0.8),
        ("maggie at example dot org", 0.8),
        ("maggie {at} example.org", 0.8),
        ("maggie @ example.org", 0.8),
    ],
)
def test_email_found_plain_and_obfuscated(written, confidence):
    text = f"Write to {written}, or call."
    m = only(find(EmailDetector(), text))
    assert (m.kind, m.key, m.value, m.confidence) == (Kind.EMAIL, "maggie@example.org", written, confidence)
    assert m.start == text.index(written)


def test_email_at_end_of_sentence_and_in_mailto_text():
    text = "Email maggie@example.org.\nmaggie@example.org"
    assert [m.start for m in find(EmailDetector(), text)] == [6, 26]


def test_email_dotted_domain_obfuscated():
    m = only(find(EmailDetector(), "office [at] oduya [dot] example [dot] com"))
    assert (m.key, m.public, m.subject) == ("office@oduya.example.com", True, "emails: campaign")


@pytest.mark.parametrize(
    "text",
    [
        "xmaggie@example.org",
        "j.maggie@example.org",
        "maggie@example.org.uk",
        "maggie at example dot org dot uk",
        "maggie@example.organic",
        "maggie@example.org-mail.net",
        "maggie@example.com",
        "maggie.oduya@example.org",
        "maggie at the example.org offices",
        "office@example.com",
    ],
)
def test_email_near_misses_not_found(text):
    assert find(EmailDetector(), text) == []


def test_email_private_flag():
    assert only(find(EmailDetector(), "maggie@example.org")).public is False


# --- addresses -------------------------------------------------------------------------------------------

FULL_KEY = "14 larch close bf47qt"


@pytest.mark.parametrize(
    "written",
    [
        "14 Larch Close",
        "14 larch close",
        "14 LARCH CLOSE",
        "14, Larch Cl.",
        "14 Larch Cl",
        "14,Larch Close",
        "No. 14 Larch Close",
        "no 14 Larch Close",
        "Larch Close (no. 14)",
        "Larch Close, No. 14",
        "14\nLarch\nClose",
        "14  Larch   Close",
    ],
)
def test_address_house_and_street_found(written):
    text = f"Lives at {written} with family."
    m = only(find(AddressDetector(), text))
    assert (m.kind, m.key, m.value, m.partial, m.confidence) == (
        Kind.HOME_ADDRESS,
        FULL_KEY,
        written,
        False,
        0.95,
    )
    assert (m.subject, m.public) == ("addresses: home", False)


def test_address_inside_flat_line_found():
    m = only(find(AddressDetector(), "Flat 2, 14 Larch Close, Millbrook"))
    assert (m.value, m.partial) == ("14 Larch Close", False)


@pytest.mark.parametrize(
    ("written", "full"),
    [
        ("112a Kestrel Parade", True),  # Flat A at 112, as letters and agents write it
        ("112A Kestrel Parade", True),
        ("112 A Kestrel Parade", True),
        ("112 Kestrel Parade", True),
        ("112b Kestrel Parade", False),  # the other flat
        ("114a Kestrel Parade", False),
    ],
)
def test_a_flats_letter_after_the_house_number_is_that_flat(written, full):
    home = Address("Flat A, 112 Kestrel Parade, Brentmere", postcode="XZ4 7PL")
    profile = with_(addresses=(home,))
    matches = find(AddressDetector(), f"Leaflets from {written} went out today.", profile)
    assert any(not m.partial for m in matches) is full
    if full:
        assert only(matches).key == "112 kestrel parade xz47pl"


@pytest.mark.parametrize(
    ("written", "full"),
    [
        ("112 Kestre1 Parade", True),  # a scan's OCR: figures for the letters they look like
        ("112 KESTREI PARADE", True),
        ("112 Kestrel Parade", True),
        ("112 Kestral Parade", False),
        ("112 Kestrel Road", False),
    ],
)
def test_the_listed_street_is_read_through_ocrs_lookalike_figures(written, full):
    profile = with_(addresses=(Address("112 Kestrel Parade, Brentmere", postcode="XZ4 7PL"),))
    matches = find(AddressDetector(), f"Leaflet from {written}, Brentmere.", profile)
    assert any(not m.partial for m in matches) is full


def test_a_saint_in_the_listed_street_is_still_read_every_way():
    profile = with_(addresses=(Address("14 St Anne's Road, Millbrook", postcode="BF4 7QT"),))
    for written in ("14 St Anne's Road", "14 Saint Anne's Road", "14 St. Annes Road"):
        assert [m.partial for m in find(AddressDetector(), f"From {written}.", profile)] == [False]


def test_a_numbered_houses_own_name_is_the_home_too():
    home = Address("Rosemount, 7 Harbour Brae, Kilnhaven", postcode="QY2 8HW")
    profile = with_(addresses=(home,))
    for written in (
        "Land: Rosemount, Harbour Brae, Kilnhaven",
        "Chloe Ng, No. 7, Harbour Br.",
        "7 Harbour Brae",
    ):
        matches = find(AddressDetector(), written, profile)
        assert [(m.key, m.partial) for m in matches] == [("7 harbour brae qy28hw", False)], written
    assert [m.partial for m in find(AddressDetector(), "11 Harbour Brae", profile)] == []


def test_address_block_with_postcode_is_one_full_match():
    text = "Margaret Oduya\n14 Larch Close\nMillbrook\nBrackenfield\nBF4 7QT\n"
    m = only(find(AddressDetector(), text))
    assert (m.value, m.key, m.partial) == ("14 Larch Close", FULL_KEY, False)


@pytest.mark.parametrize(
    ("street", "written"),
    [
        ("3 Birch Road", "3 Birch Rd"),
        ("3 Birch Rd", "3 Birch Road"),
        ("3 Birch Street", "3 Birch St."),
        ("3 Birch Avenue", "3 Birch Ave"),
        ("3 Birch Crescent", "3 Birch Cres."),
        ("3 Birch Gardens", "3 Birch Gdns"),
        ("3 Birch Lane", "3 Birch Ln"),
        ("3 Birch Drive", "3 Birch Dr"),
        ("3 Birch Court", "3 Birch Ct."),
        ("3 Birch Place", "3 Birch Pl"),
        ("3 Birch Square", "3 Birch Sq"),
        ("3 Birch Terrace", "3 Birch Terr."),
        ("3 Birch Terrace", "3 Birch Ter"),
        ("3 St John's Road", "3 Saint Johns Rd"),
        ("3 Birch Way", "3 BIRCH WAY"),
    ],
)
def test_address_street_type_abbreviations(street, written):
    profile = with_(addresses=(Address(f"{street}, Millbrook", postcode="BF4 7QT"),))
    m = only(find(AddressDetector(), f"Find us at {written} on Sundays.", profile))
    assert (m.value, m.partial) == (written, False)
    assert m.key.endswith(" bf47qt")


def test_address_key_uses_the_full_street_type():
    profile = with_(addresses=(Address("3 Birch Rd", postcode="BF4 7QT"),))
    assert only(find(AddressDetector(), "3 Birch Road", profile)).key == "3 birch road bf47qt"


@pytest.mark.parametrize("written", ["BF4 7QT", "BF47QT", "bf4 7qt", "bf47qt", "Bf4 7Qt"])
def test_postcode_alone_is_partial(written):
    text = f"Polling district ({written}) results"
    m = only(find(AddressDetector(), text))
    assert (m.key, m.value, m.partial, m.confidence) == ("BF47QT", written, True, 0.85)


@pytest.mark.parametrize(
    "text",
    [
        "BF4 7QTX",  # longer token
        "ABF4 7QT",
        "BF4 7QU",  # one character different
        "BF5 7QT",
        "BF4 8QT",
        "BF4-7QT9",
    ],
)
def test_postcode_near_misses_not_found(text):
    assert find(AddressDetector(), f"Area {text} only") == []


def test_postcode_taken_from_address_text_when_field_empty():
    profile = with_(addresses=(Address("14 Larch Close, Millbrook BF4 7QT"),))
    assert only(find(AddressDetector(), "Sorting office BF4 7QT.", profile)).key == "BF47QT"


@pytest.mark.parametrize(
    "text",
    ["She lives on Larch Close, apparently.", "at the Larch Close house she shares with her husband"],
)
def test_street_alone_is_weak_partial(text):
    m = only(find(AddressDetector(), text))
    assert (m.key, m.value, m.partial, m.confidence) == ("street:larch close", "Larch Close", True, 0.5)


@pytest.mark.parametrize(
    "text", ["Resurfacing on Larch Close starts Monday.", "Please do not park on Larch Close at pick-up."]
)
def test_street_alone_as_news_is_not_an_exposure(text):
    """A street is an exposure only where the page says someone lives there."""
    assert find(AddressDetector(), text) == []


def test_street_with_postcode_nearby_is_full():
    text = "She lives on Larch Close in Millbrook (BF4 7QT)."
    m = only(find(AddressDetector(), text))
    assert (m.value, m.partial, m.key) == ("Larch Close in Millbrook (BF4 7QT", False, FULL_KEY)


def test_street_and_postcode_far_apart_are_two_partials():
    text = "She lives on Larch Close" + " filler" * 40 + " BF4 7QT"
    matches = find(AddressDetector(), text)
    assert [(m.key, m.partial) for m in matches] == [("street:larch close", True), ("BF47QT", True)]


@pytest.mark.parametrize(
    "text",
    [
        "16 Larch Close",
        "114 Larch Close",
        "14a Larch Close",
        "No. 16 Larch Close",
        "Larch Close (no. 16)",
        "16 Larch Close, Millbrook BF4 7QT",  # the neighbour's full address
    ],
)
def test_different_house_on_same_street_is_never_full(text):
    """Another number on the street is another house: not even the street counts; the postcode still does."""
    matches = find(AddressDetector(), text)
    assert [m.key for m in matches] == (["BF47QT"] if "BF4" in text else [])
    assert all(m.partial for m in matches)


@pytest.mark.parametrize("text", ["14 Larch Road", "14 Larchmont Close", "14 Larches Close", "Larch Closet"])
def test_other_streets_not_found(text):
    assert find(AddressDetector(), text) == []


def test_public_address_still_found_and_flagged():
    profile = with_(
        addresses=(Address("14 Larch Close, Millbrook", label="office", postcode="BF4 7QT", public=True),)
    )
    m = only(find(AddressDetector(), "Office: 14 Larch Close", profile))
    assert (m.public, m.subject) == (True, "addresses: office")


def test_house_name_matches_whole_first_line():
    profile = with_(addresses=(Address("Rose Cottage, Larch Lane, Millbrook", postcode="BF4 7QT"),))
    near = only(find(AddressDetector(), "Rose Cottage\nMillbrook BF4 7QT", profile))
    assert (near.value, near.partial, near.confidence) == ("Rose Cottage", False, 0.95)
    assert near.key == "rose cottage larch lane bf47qt"
    alone = only(find(AddressDetector(), "tea at rose cottage", profile))
    assert (alone.partial, alone.confidence) == (False, 0.7)
    street = only(find(AddressDetector(), "she lives on Larch Ln", profile))
    assert (street.key, street.partial) == ("street:larch lane", True)


def test_flat_without_house_number_needs_its_building():
    profile = with_(addresses=(Address("Flat 3, Larch Court, Millbrook", postcode="BF4 7QT"),))
    m = only(find(AddressDetector(), "Flat 3, Larch Court", profile))
    assert (m.partial, m.key) == (False, "flat 3 larch court bf47qt")
    assert [m.partial for m in find(AddressDetector(), "Flat 3 is to let", profile)] == []


# --- family ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written", ["Devendra Oduya", "devendra oduya", "DEVENDRA  ODUYA", "Devendra\nOduya", "Dev Oduya"]
)
def test_family_full_name_found(written):
    text = f"Thanks to {written} for the photos."
    m = only(find(FamilyDetector(), text))
    assert (m.kind, m.key, m.value, m.confidence) == (
        Kind.FAMILY_MEMBER,
        "family:devendra oduya",
        written,
        0.9,
    )
    assert (m.subject, m.public) == ("family: spouse Devendra Oduya", False)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Maggie and her husband Dev", "Dev"),
        ("my husband Devendra came along", "Devendra"),
        ("Devendra, Maggie's spouse, said", "Devendra"),
        ("with our daughter Amara", "Amara"),
        ("Amara (her daughter) is seven", "Amara"),
        ("the kids, Amara and friends", "Amara"),
        ("Her son's friend Amara", "Amara"),
        ("my girlfriend Amara is making a cake", "Amara"),
        ("her parents, Devendra and friends, run the takeaway", "Devendra"),
        ("a proud grandmother of Amara", "Amara"),
        ("my grandson Devendra", "Devendra"),
        ("great-grandmother of little Amara", "Amara"),
        ("Amara's nan", "Amara"),
    ],
)
def test_family_first_name_near_relation_word(text, name):
    m = only(find(FamilyDetector(), text))
    assert (m.value, m.confidence) == (name, 0.6)
    assert m.start == text.index(name)


@pytest.mark.parametrize(
    "text",
    [
        "Amara spoke at the meeting.",  # first name, no relation word
        "Dev ops team meeting",
        "Amara" + " x" * 30 + " daughter",  # relation word too far away
        "Jason met Amara",  # "son" inside another word
        "My husband is away.\n\nAmara spoke.",  # relation word in another block
        "Devendran Oduyak",
        "Amara Smith, councillor",
        "Amaranth Oduyas",
    ],
)
def test_family_near_misses_not_found(text):
    assert find(FamilyDetector(), text) == []


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("the baptism of Amara Grace, daughter of Devendra and Shona Macleod", False),  # another family's
        ("our daughter Amara Macleod", False),
        ("our daughter Amara Oduya", True),  # the family's own surname
        ("our daughter Amara, and Kofi", True),
        ("her husband Dev and Shona Oduya", True),
    ],
)
def test_a_first_name_followed_by_another_familys_surname_is_somebody_else(text, reported):
    assert bool(find(FamilyDetector(), text)) is reported


def test_a_relation_word_before_the_person_is_named_is_somebody_elses():
    """ "Her great-granddaughter Amara" in a paragraph about a neighbour, above the line that names the
    councillor: "her" is the neighbour. After the person is named, "her daughter Amara" is the person's."""
    before = (
        "Edna turned 100.\n\nHer great-granddaughter Amara read a poem.\n\nCllr Maggie Oduya brought flowers."
    )
    assert find(FamilyDetector(), before) == []
    after = "Cllr Maggie Oduya brought flowers.\n\nHer daughter Amara read a poem."
    assert only(find(FamilyDetector(), after)).value == "Amara"
    ours = (
        "Our daughter Amara read a poem.\n\nCllr Maggie Oduya brought flowers."  # the writer's own, not "her"
    )
    assert only(find(FamilyDetector(), ours)).value == "Amara"
    notice = (
        "The baptism of Ailsa, daughter of Ruairidh Macleod and sister to Amara.\n\nCllr Maggie Oduya read."
    )
    assert find(FamilyDetector(), notice) == []
    welcome = "We welcome her grandparents and Amara today.\n\nCllr Maggie Oduya read."  # "we", but "her" grandparents
    assert find(FamilyDetector(), welcome) == []


def test_parents_evening_is_not_a_relation_word():
    assert find(FamilyDetector(), "Amara's form tutor will see you at parents' evening.") == []


def test_a_first_name_followed_by_the_members_own_middle_name_is_still_them():
    father = FamilyMember("Balwinder Singh Sandhu", relation="father")
    profile = with_(family=(father,))
    m = only(find(FamilyDetector(), "Thanks to her father, Balwinder Singh ji, for the langar.", profile))
    assert (m.value, m.key) == ("Balwinder", "family:balwinder singh sandhu")
    assert find(FamilyDetector(), "Thanks to her father, Balwinder Gill, for the langar.", profile) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("INSERT INTO juniors VALUES (27,'Devendra','Oduya','2011-05-14',57);", True),
        ('"Dev","Oduya","U15"', True),
        ("'Devendra',\"Oduya\"", False),  # quotes that do not pair
        ("Devendra, Oduya and Smith", False),  # prose: a list, not a row
    ],
)
def test_family_given_name_and_surname_in_a_rows_quoted_columns(text, found):
    assert [m.key for m in find(FamilyDetector(), text)] == (["family:devendra oduya"] if found else [])


def test_family_first_name_on_the_lines_under_a_relation_label():
    text = "HUSBAND ....... none\nKIDS .......... Kofi (yr 5, plays for the rovers u11s)\nAmara (millbrook high, yr 9)\n"
    assert only(find(FamilyDetector(), text)).value == "Amara"
    assert find(FamilyDetector(), "WORK .......... the surgery\nAmara (millbrook high, yr 9)\n") == []
    assert (
        find(FamilyDetector(), "KIDS .......... Kofi\n\nAmara (millbrook high, yr 9)\n") == []
    )  # a new block


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Occupants: Devendra P Oduya", True),
        ("Occupants: Devendra P. Oduya", True),
        ("Devendra Paul Oduya", True),  # a middle name the profile does not give, written with its capital
        ("Ask Devendra about Oduya Street", False),
    ],
)
def test_family_full_name_with_a_middle_initial(text, found):
    assert [m.key for m in find(FamilyDetector(), text)] == (["family:devendra oduya"] if found else [])


def test_family_full_name_not_also_reported_as_first_name():
    m = only(find(FamilyDetector(), "her husband Devendra Oduya"))
    assert (m.value, m.confidence) == ("Devendra Oduya", 0.9)


def test_family_one_word_name_needs_relation_word():
    profile = with_(family=(FamilyMember("Kofi", relation="son"),))
    assert find(FamilyDetector(), "Kofi scored twice", profile) == []
    m = only(find(FamilyDetector(), "our son Kofi scored twice", profile))
    assert (m.key, m.confidence, m.subject) == ("family:kofi", 0.6, "family: son Kofi")


@pytest.mark.parametrize(
    ("written", "confidence"),
    [
        ("St Anne's Primary School", 0.9),
        ("St. Anne's Primary", 0.9),
        ("Saint Anne's Primary School", 0.9),
        ("St Anne\u2019s Primary School", 0.9),
        ("St Annes Primary", 0.9),
        ("ST ANNE'S SCHOOL", 0.9),
        ("St Anne's C of E Primary School", 0.9),
        ("St Anne's (CE) Primary", 0.9),
        ("St Annes", 0.7),
        ("St Anne's", 0.7),
        ("St. Anne\u2019s", 0.7),
    ],
)
def test_child_school_found(written, confidence):
    text = f"My daughter's sports day at {written} today."
    m = only(find(FamilyDetector(), text))
    assert (m.kind, m.key, m.value, m.confidence) == (
        Kind.CHILD_SCHOOL,
        "school:st anne's",
        written,
        confidence,
    )
    assert (m.subject, m.public) == ("family: Amara Oduya's school", False)


@pytest.mark.parametrize(
    "text",
    [
        "St Anne's Church fete",
        "St Anne's Road",
        "St Anne's Secondary School",  # another school of the same name
        "St Anne's Academy",
        "St Agnes Primary School",
        "St Anne Primary",
        "Westanne's",
    ],
)
def test_child_school_near_misses_not_found(text):
    assert find(FamilyDetector(), text) == []


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("We know your kids go to St Anne's Primary. Watch yourself.", True),  # said to her: hers
        ("Saw your daughter outside St Anne's Primary School again.", True),
        ("St Anne's Primary School newsletter. Please make sure your child has a named water bottle.", False),
        ("St Anne's Primary School: if your child is unwell, ring the absence line.", False),
    ],
)
def test_a_child_named_to_the_person_counts_but_a_schools_your_child_does_not(text, reported):
    """A school writes "your child" to every parent; "your kids", "your daughter" in a post to the person say
    their child goes there (a threat often reads just so)."""
    assert bool(find(FamilyDetector(), text)) is reported


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("Amara Oduya is in Year 4 at St Anne's Primary School.", True),  # her daughter, by full name
        ("Our Amara is in Year 4 at St Anne's Primary School.", True),
        ("Grace Okafor teaches Year 4 at St Anne's Primary School.", False),  # a teacher
        ("Her great-granddaughter Mali Jenkins, 8, who is in Year 4 at St Anne's Primary School.", False),
    ],
)
def test_a_year_group_is_a_sign_only_when_it_is_not_someone_elses(text, reported):
    """ "Year 4 at" says a child goes there, but not a teacher's class or a child of another family."""
    assert bool(find(FamilyDetector(), text)) is reported


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # A heading naming the school, and lines below saying whose child goes there: hers.
        ("St Anne's Primary School\n\nSummer fair\n\nMy daughter ran the cake stall all afternoon.", True),
        # A parent's post: the cue a paragraph above the school's name, in the body of the same post.
        ("My daughter has had a hard year.\n\nSt Anne's Primary have been brilliant with her.", True),
        # A feed: the cue ends one post; the next post's heading names the school (a councillor's visit).
        (
            "Proud mum moment\n\nMy daughter was picked for the county squad.\n\n"
            "New library opens at St Anne's Primary School\n\nIt was a privilege to open it this afternoon.",
            False,
        ),
    ],
)
def test_a_cue_above_a_heading_that_names_the_school_belongs_to_the_section_before(text, reported):
    assert bool(find(FamilyDetector(), text)) is reported


def test_a_sixth_form_is_a_type_of_school():
    child = FamilyMember("Sam Oduya", relation="son", school="Brackenfield Sixth Form College")
    profile = with_(family=(child,))
    for written in ("Brackenfield Sixth Form College", "Brackenfield Sixth Form", "Brackenfield sixth-form"):
        found = find(FamilyDetector(), f"Our son Sam starts at {written} in September.", profile)
        assert {m.key for m in found if m.kind is Kind.CHILD_SCHOOL} == {"school:brackenfield"}, written


def test_school_with_one_word_core_needs_its_school_words():
    child = FamilyMember("Amara Oduya", relation="daughter", school="Millbrook Primary School")
    profile = with_(family=(child,))
    m = only(find(FamilyDetector(), "our kids' nativity at Millbrook Primary School", profile))
    assert (m.key, m.confidence) == ("school:millbrook", 0.9)
    assert find(FamilyDetector(), "Millbrook town council", profile) == []
    assert find(FamilyDetector(), "Millbrook Academy open day", profile) == []


# --- dates of birth --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "14 June 1979",
        "14th June 1979",
        "14th of June 1979",
        "14 Jun 1979",
        "14 JUNE 1979",
        "June 14, 1979",
        "June 14th 1979",
        "Jun. 14, 1979",
        "14 June '79",
        "14-Jun-1979",
        "14 June, 1979",
    ],
)
def test_birth_date_written_forms(written):
    text = f"Margaret Oduya ({written}) is a councillor."
    m = only(find(BirthDateDetector(), text))
    assert (m.kind, m.key, m.value, m.confidence, m.partial) == (
        Kind.DATE_OF_BIRTH,
        "dob:1979-06-14",
        written,
        0.9,
        False,
    )


@pytest.mark.parametrize(
    "written", ["14/06/1979", "14-06-1979", "14.06.79", "14/6/79", "1979-06-14", "06/14/1979"]
)
def test_birth_date_numeric_forms_need_birth_context_for_full_confidence(written):
    bare = only(find(BirthDateDetector(), f"Minutes of {written} meeting"))
    assert (bare.value, bare.key, bare.confidence) == (written, "dob:1979-06-14", 0.6)
    for context in (
        f"DOB: {written}",
        f"born {written}",
        f"Date of birth {written}",
        f"birthDate: {written}",
    ):
        assert only(find(BirthDateDetector(), context)).confidence == 0.9


def test_birth_date_with_born():
    text = "Maggie was born 14 June 1979 in Brackenfield."
    m = only(find(BirthDateDetector(), text))
    assert (m.value, m.start) == ("14 June 1979", text.index("14 June"))


def test_month_and_year_near_birth_word_is_partial():
    m = only(find(BirthDateDetector(), "Born June 1979 in Millbrook."))
    assert (m.value, m.key, m.partial, m.confidence) == ("June 1979", "dob:1979-06", True, 0.6)


@pytest.mark.parametrize(
    ("text", "value"),
    [("dob: 06/1979", "06/1979"), ("DOB 6.1979", "6.1979"), ("birth_month: 1979-06", "1979-06")],
)
def test_month_and_year_in_figures_beside_a_birth_word_is_partial(text, value):
    m = only(find(BirthDateDetector(), text))
    assert (m.value, m.key, m.partial) == (value, "dob:1979-06", True)


@pytest.mark.parametrize(
    "text", ["residency_from: 06/1979", "dob: 14/06/1979 (moved 06/1980)", "joined 1979-06", "dob: 07/1979"]
)
def test_month_and_year_in_figures_needs_a_birth_word_and_her_month(text):
    assert {m.key for m in find(BirthDateDetector(), text)} <= {"dob:1979-06-14"}


@pytest.mark.parametrize(
    "text",
    [
        "I was born in Brackenfield in 1979 and moved here for work.",
        "born in Millbrook General in 1979",
        "dob_year: 1979",  # a people-search API's field, as extract.py writes JSON
        "birth_year: 1979",
        "year_of_birth: 1979",
    ],
)
def test_the_birth_year_alone_beside_a_birth_word_is_partial(text):
    m = only(find(BirthDateDetector(), text))
    assert (m.key, m.partial) == ("dob:1979", True)


@pytest.mark.parametrize(
    "text",
    [
        "born in June 1979",  # month and year: the month-and-year partial, not a second one for the year
        "born in Millbrook in 1978",
        "His mother was born in 1950 in Leeds; dob_year: 1990",
    ],
)
def test_the_birth_year_partial_needs_her_year_and_nothing_more_exact(text):
    assert {m.key for m in find(BirthDateDetector(), text)} <= {"dob:1979-06"}


@pytest.mark.parametrize(
    "text",
    [
        "Margaret celebrates her 70th birthday on 14 June with a party at the church hall.",
        "Friends turned out to wish Edna Bright a happy 100th birthday on 14 June.",
        "Happy 90th birthday for 14th June, Margaret!",
    ],
)
def test_a_birthday_at_an_age_she_has_not_reached_is_somebody_elses(text):
    assert find(BirthDateDetector(), text) == []


def test_a_birthday_at_her_own_age_still_counts():
    m = only(find(BirthDateDetector(), "Margaret celebrates her 45th birthday on 14 June."))
    assert m.key == "dob:--06-14"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ('"BIRTHDAY": "14/06"', True),
        ('"BIRTHDAY": "06/14"', True),  # a US form's month/day: 14 cannot be a month
        ("birthday: 14/06/2031 party at the hall", False),  # a full date, and not hers
        ("birthday raffle ticket 14/066", False),
        ("14/06 at the hall", False),  # no word about birth
    ],
)
def test_day_and_month_in_figures_beside_a_birth_word(text, found):
    keys = [m.key for m in find(BirthDateDetector(), text)]
    assert keys == (["dob:--06-14"] if found else [])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Parish magazine, June 2024\n\nBirthday wishes to Margaret, who turns 45 on the 14th!", True),
        (
            "Parish magazine, June 2024\n\nBirthday wishes to Margaret, who turns 46 on the 14th!",
            False,
        ),  # age
        (
            "Parish magazine, July 2024\n\nBirthday wishes to Margaret, who turns 45 on the 14th!",
            False,
        ),  # month
        (
            "Parish magazine, June 2024\n\nBirthday wishes to Margaret, who turns 45 on the 15th!",
            False,
        ),  # day
    ],
)
def test_turning_an_age_on_a_day_of_the_issues_month_gives_the_date_away(text, found):
    assert [m.key for m in find(BirthDateDetector(), text)] == (["dob:1979-06-14"] if found else [])


def test_month_and_year_alone_not_reported():
    assert find(BirthDateDetector(), "The June 1979 election") == []


@pytest.mark.parametrize(
    "text",
    [
        "born 15 June 1979",
        "born 14 July 1979",
        "born 14 June 1978",
        "DOB 14/06/1980",
        "DOB 14/07/1979",
        "DOB 1979-06-15",
        "ref 114/06/1979",
        "ref 14/06/19790",
        "version 14.06.1979.2",
        "14/06-1979",  # mixed separators
        "born 14 June 19790",
    ],
)
def test_other_dates_not_found(text):
    assert find(BirthDateDetector(), text) == []


def test_no_birth_date_in_profile_finds_nothing():
    assert find(BirthDateDetector(), "born 14 June 1979", with_(date_of_birth=None)) == []


def test_single_digit_day_and_month():
    profile = with_(date_of_birth=dt.date(1980, 3, 5))
    for written in ("5 March 1980", "05/03/1980", "5/3/80", "1980-03-05", "March 5th, 1980"):
        assert only(find(BirthDateDetector(), f"born {written}", profile)).key == "dob:1980-03-05"
    assert find(BirthDateDetector(), "born 03/05/1980", profile) == []  # 3 May: day <= 12 is read day-first


# --- registry and a clean page ---------------------------------------------------------------------------


def test_registry_lists_each_detector_once_with_permanent_ids():
    assert [cls.id for cls in DETECTORS] == [
        "address",
        "phone",
        "email",
        "family",
        "date_of_birth",
        "geo",
        "unlisted",
    ]
    assert all(issubclass(cls, Detector) for cls in DETECTORS)


def test_all_detectors_returns_fresh_instances():
    first, second = all_detectors(), all_detectors()
    assert [type(d) for d in first] == list(DETECTORS)
    assert all(a is not b for a, b in zip(first, second, strict=True))


def test_unrelated_page_has_no_matches():
    text = (
        "Councillor Sam Pellow (born 2 March 1971) lives at 16 Larch Close, BF4 7QU. Call 07700 900999 or "
        "email sam@example.org. His wife Amarachi and son Devon go to St Agnes Primary. Meeting 14 July 1979."
    )
    for detector in all_detectors():
        assert [m.value for m in find(detector, text) if not m.partial] == [], detector.id
