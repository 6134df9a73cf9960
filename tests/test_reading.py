"""Whom a page is about, details the profile does not list, places, and the whole reading of a page.

All data is fictional: Ofcom drama numbers, invented streets, postcodes and people.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pytest
from PIL import Image

from footprint.detect.interface import Document
from footprint.detect.places import PlaceDetector, distance_m
from footprint.detect.reading import read
from footprint.detect.registry import all_detectors
from footprint.detect.subject import assess, mentions, namesakes
from footprint.detect.unlisted import UnlistedDetector
from footprint.extract import image_to_document, page_to_document, unfold_columns
from footprint.model import Address, Email, FamilyMember, Kind, Need, Page, Phone, Profile, split_name
from tests.conftest import labels_found

HOME = Address(
    "14 Larch Close, Millbrook", label="home", postcode="BF4 7QT", latitude=53.80121, longitude=-1.54912
)
PROFILE = Profile(
    key="maggie",
    name="Margaret Oduya",
    other_names=("Maggie Oduya",),
    date_of_birth=dt.date(1979, 6, 14),
    locality=("Millbrook",),
    usernames=("cllrmaggie",),
    phones=(
        Phone("07700 900461", "+447700900461", "personal mobile"),
        Phone("0113 496 0123", "+441134960123", "office", public=True),
    ),
    emails=(Email("maggie@example.org"),),
    addresses=(HOME,),
    family=(FamilyMember("Devendra Oduya", "spouse", nicknames=("Dev",)),),
)


def doc(text: str, confirmed: bool = False) -> Document:
    return Document(url="https://example.org/page", text=text, confirmed=confirmed)


def found(text: str, confirmed: bool = False, profile: Profile = PROFILE) -> set[tuple[str, str, bool, bool]]:
    return labels_found(text, profile, confirmed)


def names(text: str) -> list[str]:
    d = doc(text)
    return [text[a:b] for a, b in mentions(d, PROFILE)]


# --- whom a page is about ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Margaret Oduya spoke first.", ["Margaret Oduya"]),
        ("maggie  oduya spoke", ["maggie  oduya"]),
        ("Thanks to Cllr Oduya.", ["Cllr Oduya"]),
        ("Councillor Maggie Oduya (Lab)", ["Councillor Maggie Oduya"]),
        ("Signed M. Oduya", ["M. Oduya"]),
        ("ODUYA, Margaret", ["ODUYA, Margaret"]),
        ("follow @cllrmaggie for updates", ["@cllrmaggie"]),
        ("Maggie Oduya said. Oduya added", ["Maggie Oduya", "Oduya"]),
        # Both given names: the mention is the whole of it, whichever the profile lists first (it once
        # depended on the order a set gave them back, so two runs could report different spans).
        ('Margaret "Maggie" Oduya', ['Margaret "Maggie" Oduya']),
        ("Margaret Maggie Oduya", ["Margaret Maggie Oduya"]),
        # A leaked table's quoted columns: another given name before the surname is still another person.
        ("(57, 'Maggie Oduya', 'Millbrook'),(88,'Social','Samuel Oduya')", ["'Maggie Oduya"]),
    ],
)
def test_mentions_find_the_person_however_named(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Oduya won the cup.",  # a surname alone is anybody
        "Devendra Oduya and Samuel Oduya",  # other given names: other people
        "Hilary Oduya-Jones",  # a longer hyphenated name
        "see maggieoduya.example or cllrmaggie2",
    ],
)
def test_other_people_and_bare_surnames_are_not_the_person(text):
    assert names(text) == []


def test_namesakes_under_an_other_people_heading_are_set_apart():
    text = (
        "Margaret Oduya, Millbrook. Phone numbers: 07700 900318\n\n"
        "Other people named Margaret Oduya\n\nMargaret Oduya Age 71 Ashvale Phone: 020 7946 0388"
    )
    d = doc(text)
    assert [text[a:b] for a, b in namesakes(d, PROFILE)] == ["Margaret Oduya", "Margaret Oduya"]
    assert len(mentions(d, PROFILE)) == 1
    assert found(text) == {("phone", "+447700900318", False, False)}


@pytest.mark.parametrize(
    ("text", "confirmed", "level"),
    [
        ("Nothing about anyone.", False, Need.NOTHING),
        ("Nothing about anyone.", True, Need.TIED),
        ("Margaret Oduya of Ashvale", False, Need.NAMED),  # could be a namesake
        ("Margaret Oduya of Millbrook", False, Need.TIED),  # her locality ties it to her
        ("call 07700 900461", False, Need.TIED),  # her own number ties it to her, named or not
        ("Margaret Oduya, 14 Larch Close", False, Need.TIED),  # named, and a listed detail
    ],
)
def test_how_surely_a_page_is_about_the_person(text, confirmed, level):
    d = doc(text, confirmed)
    matches = [m for det in all_detectors() for m in det.detect(d, PROFILE)]
    assert assess(d, PROFILE, matches).level is level


def test_listed_details_need_a_page_about_the_person():
    assert found("House for sale: 14 Larch Close, BF4 7QT. Three bedrooms.") == set()
    assert found("Maggie Oduya lives at 14 Larch Close, BF4 7QT.") == {
        ("home_address", "14 larch close bf47qt", False, True)
    }
    # Her phone and email are hers alone: they count on any page and tie it to her.
    assert found("Call 07700 900461 (no name given). Postcode BF4 7QT.") == {
        ("phone", "+447700900461", False, True),
        ("home_address", "BF47QT", True, True),
    }


def test_a_first_name_with_a_relation_word_needs_a_tied_page():
    namesake = "Margaret Oduya, 82, of Ashvale, with her husband Dev."
    assert found(namesake) == set()
    assert found("Margaret Oduya of Millbrook with her husband Dev.") == {
        ("family_member", "family:devendra oduya", False, True)
    }


# --- details the profile does not list ---------------------------------------------------------------------


def test_an_old_mobile_and_previous_address_beside_the_name_are_reported_as_unlisted():
    text = (
        "Margaret Oduya, Millbrook. Previous address: 3 Birch Road, Millbrook BF4 2AB. "
        "Old mobile 07700 900318."
    )
    assert found(text) == {
        ("home_address", "3 birch road bf42ab", False, False),
        ("phone", "+447700900318", False, False),
    }
    matches = read(doc(text), PROFILE, all_detectors()).matches
    assert all(
        m.detector == "unlisted" and m.needs is Need.TIED and 0.5 <= m.confidence < 0.9 for m in matches
    )


@pytest.mark.parametrize(
    "text",
    [
        "Margaret Oduya of Ashvale, mobile 07700 900318.",  # a namesake: nothing ties the page to her
        "Margaret Oduya, Millbrook. Council switchboard 0113 496 0000.",
        "Margaret Oduya, Millbrook: 0113 496 0000 (council switchboard)",
        "Margaret Oduya, Millbrook. Surgery held at Millbrook Library, 8 Station Road, BF4 1XY.",
        "Margaret Oduya, Millbrook and Cllr John Pike, 07700 900777.",
        "Margaret Oduya, Millbrook. Helpline 0300 123 4567.",  # non-geographic
        "Seller: Margaret Oduya, Millbrook. Stay safe. Report a listing: 0113 496 0699.",  # the site's line
        "Margaret Oduya, Millbrook, runs the group. Lost cat: please call Paula on 07700 900130.",  # Paula's
        "Margaret Oduya, Millbrook.\n2nd – Alan Whitworth (BF4 2AB)",  # the next entry of a list
        "name: Margaret Oduya\ntown: Millbrook\nname: Keith Marsden\nphone: 07700 900599",
    ],
)
def test_unlisted_details_that_are_not_hers_are_left_alone(text):
    assert not {f for f in found(text) if not f[3]}


def test_call_and_her_own_name_before_a_number_is_still_hers():
    assert ("phone", "+447700900147", False, False) in found(
        "Maggie Oduya of Millbrook: call Maggie on 07700 900147."
    )
    # "call Anytime" names nobody.
    assert ("phone", "+447700900147", False, False) in found(
        "Maggie Oduya, Millbrook, runs the group: call Anytime on 07700 900147."
    )


def test_a_relatives_number_is_theirs_but_a_home_shared_with_a_relative_is_hers():
    """A phone is one person's: after "her dad Rory" it is his. A home is a household's: "lives with her husband
    Dev at 3 Birch Road" gives her address too."""
    assert not found("Thanks to Margaret Oduya of Millbrook and to her dad Rory (07700 900763) for driving.")
    assert found("Margaret Oduya, Millbrook, lives with her husband Dev at 3 Birch Road.") == {
        ("home_address", "3 birch road", False, False),
        ("family_member", "family:devendra oduya", False, True),
    }
    assert found("Margaret Oduya of Millbrook (07700 900763) and her dad.") == {
        ("phone", "+447700900763", False, False)
    }
    # A listed relative by full name, then a number: his (the surname inside his name is not her mention),
    # in a leaked table's quoted columns too.
    leak = "INSERT INTO members VALUES (57, 'Margaret Oduya', 'Millbrook', 'Devendra Oduya (husband)', '07700900619');"
    assert found(leak) == {("family_member", "family:devendra oduya", False, True)}


def test_a_mobile_sentences_after_a_relative_is_hers_unless_the_sentence_starts_with_a_pronoun():
    """In "her dad Rory is in year 9 at the library. the old mobile was ...", the mobile is not Rory's, and the
    library in the sentence before says nothing about it; "... Rory lives nearby. His mobile is ..." is his."""
    mine = (
        "Margaret Oduya of Millbrook. her dad Rory helps at the library on Tuesdays. "
        "the mobile on her old website was 07700 900947."
    )
    assert ("phone", "+447700900947", False, False) in found(mine)
    his = "Margaret Oduya of Millbrook. her dad Rory lives nearby. His mobile is 07700 900947."
    assert ("phone", "+447700900947", False, False) not in found(his)
    library = (
        "Margaret Oduya of Millbrook. the library mobile is 07700 900947."  # its own sentence says whose
    )
    assert ("phone", "+447700900947", False, False) not in found(library)


def test_the_surname_alone_at_the_head_of_a_places_name_is_the_place():
    text = "Cllr Maggie Oduya left the chamber.\n\nAppeal dismissed at Oduya View, 9 Church Street (23/00988/HOU)."
    assert names(text) == ["Cllr Maggie Oduya"]
    assert found(text) == set()  # (9 Church Street was read as her address beside "Oduya")
    assert names("Cllr Maggie Oduya spoke. Oduya said the vote was lost.") == ["Cllr Maggie Oduya", "Oduya"]


def test_a_grandchild_at_the_school_and_a_street_before_the_cue_is_not_a_person():
    text = (
        "Councillor Oduya of Millbrook declared an interest in Item 7 (St Anne's Primary\n"
        "School, School Lane, Blakeway: an extension) because her grandson\nis a pupil at the school."
    )
    grandson = FamilyMember("Kofi Oduya", "grandchild", school="St Anne's Primary School")
    profile = dataclasses.replace(PROFILE, family=(*PROFILE.family, grandson))
    assert ("child_school", "school:st anne's", False, True) in found(text, profile=profile)


def test_a_detail_followed_by_another_persons_name_in_the_possessive_is_theirs():
    text = "Margaret Oduya of Millbrook: the hoodie is at 22 Moorgate Lane ({}) if anyone wants it."
    assert not {f for f in found(text.format("Tommo's")) if f[0] == "home_address"}
    assert ("home_address", "22 moorgate lane", False, False) in found(text.format("Maggie's"))


def test_text_and_the_persons_own_name_before_a_number_names_nobody_else():
    text = "Margaret Oduya of Millbrook has the kit. Collect from her any weekday. Text Maggie\non 07700 900368 first."
    assert ("phone", "+447700900368", False, False) in found(text)


def test_a_number_after_call_the_clerk_is_the_clerks():
    text = "Margaret Oduya, Millbrook. For the rec, {} on 0113 496 0385."
    assert ("phone", "+441134960385", False, False) not in found(text.format("call the parish clerk"))
    assert ("phone", "+441134960385", False, False) not in found(text.format("ring our club secretary"))
    assert ("phone", "+441134960385", False, False) in found(text.format("call the house"))


def test_a_number_that_sends_messages_in_a_chat_is_the_senders():
    chat = (
        "14/01/2025, 20:03 - Pete (12) added Margaret Oduya, Sue & Alan, +44 7700 900279\n"
        "14/01/2025, 20:09 - Margaret Oduya: Thanks Pete, great idea. Millbrook needs this.\n"
        "14/01/2025, 20:12 - +44 7700 900279: Hi all, Gill at 9.\n"
    )
    assert ("phone", "+447700900279", False, False) not in found(chat)
    # Without the line where it sends a message, the number added beside her name reads as hers.
    alone = chat.rsplit("14/01/2025, 20:12", 1)[0]
    assert ("phone", "+447700900279", False, False) in found(alone)
    iphone = chat.replace("14/01/2025, 20:12 - ", "[14/01/2025, 20:12:33] ")
    assert ("phone", "+447700900279", False, False) not in found(iphone)


def test_a_landline_after_her_family_as_co_occupants_is_the_households():
    text = (
        "Margaret Oduya, Millbrook\n\nOther occupants: Devendra Oduya\n\n"
        "Landline: 0113 496 0847\n\nMobile: 07700 900764"
    )
    assert ("phone", "+441134960847", False, False) in found(text)  # the household's, hers too
    assert ("phone", "+447700900764", False, False) not in found(text)  # a mobile after them: one of theirs


def test_details_under_a_heading_of_other_peoples_items_are_theirs():
    text = (
        "Two desks, free to collect. Posted by Maggie Oduya, Millbrook.\n\nMore offers near Millbrook\n\n"
        "OFFER: plant pots (Falcon Row, BF2 6EP), posted by Alan W.\n\nWANTED: a lawnmower, call 07700 900688"
    )
    assert not {f for f in found(text) if not f[3]}
    assert found("Maggie Oduya, Millbrook. Moving from 3 Birch Road, BF4 2AB, to a flat.") == {
        ("home_address", "3 birch road bf42ab", False, False)
    }


def test_an_old_address_in_a_records_fields_is_one_address():
    """A people-search record puts each part on its own line: the street, the town, the county (a place, not
    another person), then the postcode; a table puts them in cells a blank line apart."""
    record = (
        "name: Margaret Oduya\nline1: 14 Larch Close\ntown: Millbrook\npostcode: BF4 7QT\n"
        "line1: 27 Linnet Road\ntown: Millbrook\ncounty: Greater Brackenfield\npostcode: BF6 3RW\n"
        "residency_to: 2015-07"
    )
    assert ("home_address", "27 linnet road bf63rw", False, False) in found(record)
    table = (
        "Margaret Oduya, Millbrook\n\nAddress history\n\n27 Linnet Road, Millbrook\n\nBF6 3RW\n\n2004-2011"
    )
    assert ("home_address", "27 linnet road bf63rw", False, False) in found(table)
    listings = "Margaret Oduya, Millbrook\n\n4 Orchard Rise, BF4 6QT - 2 bed\n\nFlat 3, Brook House, BF1 3NW"
    assert ("home_address", "BF13NW", True, False) in found(listings)  # not 4 Orchard Rise's


def test_a_postcode_one_character_off_hers_is_an_unlisted_postcode_never_hers():
    # Two labellers who had not seen the rules read it as an old or mistaken postcode beside her name.
    assert found("Margaret Oduya, Millbrook. Postcode BF4 7QF.") == {("home_address", "BF47QF", True, False)}


def test_on_her_own_page_call_me_anchors_an_unlisted_number():
    assert ("phone", "+447700900555", False, False) in found(
        "Any problems, call me on 07700 900555.", confirmed=True
    )
    assert UnlistedDetector().detect(doc("Any problems, call me on 07700 900555."), PROFILE) is not None
    assert found("Any problems, call me on 07700 900555.") == set()  # not her page: nobody's number


# --- places ------------------------------------------------------------------------------------------------


def test_distance():
    assert distance_m((53.80121, -1.54912), (53.80121, -1.54912)) == 0
    assert 1050 < distance_m((53.80121, -1.54912), (53.81052, -1.53498)) < 1400


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Photo location (EXIF GPS): 53.801390, -1.548770", ("geo:53.801,-1.549", False)),  # by her home
        ("Photo location (EXIF GPS): 50.264120, -5.052730", ("geo:50.264,-5.053", True)),  # a holiday
        ("coordinates: 53.80118, -1.54905", ("geo:53.801,-1.549", False)),  # a map pin on her house
        ("coordinates: 53.81052, -1.53498", None),  # a venue's pin is not her
        ("Prices 1.5, 2.5 and 3.25", None),
    ],
)
def test_places(line, expected):
    matches = list(PlaceDetector().detect(doc(line, confirmed=True), PROFILE))
    assert [(m.key, m.partial) for m in matches] == ([expected] if expected else [])


def test_a_fitness_apps_latlng_list_is_a_place():
    """An activity API gives a run's start as a list, "start_latlng": [lat, lon]; a list of two other numbers,
    or of whole numbers, is not a place."""
    body = (
        '{"name": "Tuesday loop", "start_latlng": [53.80118, -1.54905], "splits": [1001.2, 362], "ids": [1, 2],'
        ' "range": [53.8, -1.5]}'
    )
    d = page_to_document(page(body, "application/json"))
    assert "coordinates: 53.80118, -1.54905" in d.text
    assert d.text.count("coordinates:") == 1
    matches = list(PlaceDetector().detect(dataclasses.replace(d, confirmed=True), PROFILE))
    assert [(m.key, m.partial) for m in matches] == [("geo:53.801,-1.549", False)]


def test_photo_position_without_home_coordinates_is_a_place_not_a_home():
    profile = dataclasses.replace(
        PROFILE, addresses=(dataclasses.replace(HOME, latitude=None, longitude=None),)
    )
    (m,) = PlaceDetector().detect(doc("Photo location (EXIF GPS): 53.801390, -1.548770"), profile)
    assert m.partial and m.kind is Kind.GEO_LOCATION


def jpeg(position: tuple[float, float] | None, artist: str = "") -> bytes:
    image = Image.new("RGB", (8, 8))
    exif = Image.Exif()
    if artist:
        exif[0x013B] = artist
    if position:
        gps = exif.get_ifd(0x8825)
        gps[1], gps[2] = "N", (53.0, 48.0, 4.356)
        gps[3], gps[4] = "W", (1.0, 29.0, 55.572)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def test_photo_exif_becomes_text_lines():
    d = image_to_document("https://example.org/a.jpg", jpeg((53.8, -1.5), artist="Margaret Oduya"))
    assert "Photo location (EXIF GPS): 53.801210, -1.498770" in d.text
    assert "Photo artist: Margaret Oduya" in d.text


@pytest.mark.parametrize("body", [b"", b"\xff\xd8\xff\xe0 not really a jpeg", b"GIF89a" + b"\x00" * 50])
def test_a_broken_photo_reads_as_empty_never_raises(body):
    assert image_to_document("https://example.org/a.jpg", body).text == ""


def page(body: str, ctype: str = "text/html") -> Page:
    raw = body.encode()
    return Page(
        "https://e.org/p",
        "https://e.org/p",
        200,
        (("Content-Type", ctype),),
        raw,
        dt.datetime.now(dt.UTC),
        "x",
        0.1,
    )


@pytest.mark.parametrize(
    ("html", "published"),
    [
        (
            '<meta property="article:published_time" content="2024-06-14T08:00:00Z"><p>x</p>',
            dt.date(2024, 6, 14),
        ),
        ('<p>Posted <time datetime="2024-06-14">14 June</time></p>', dt.date(2024, 6, 14)),
        (
            '<script type="application/ld+json">{"datePublished": "2024-06-14"}</script><p>x</p>',
            dt.date(2024, 6, 14),
        ),
        ("<p>No date here</p>", None),
    ],
)
def test_a_page_knows_its_own_date(html, published):
    assert page_to_document(page(html)).published == published


def test_map_links_and_pins_become_coordinates():
    html = (
        '<a href="https://www.openstreetmap.org/?mlat=53.80118&amp;mlon=-1.54905#map=19">map</a>'
        '<a href="https://www.google.com/maps/@53.81052,-1.53498,17z">venue</a>'
        '<div data-lat="53.80127" data-lng="-1.54899"></div>'
        '<a href="https://maps.council.example/planning?ref=26/00388&amp;lat=53.80131&amp;lon=-1.54893">site</a>'
        '<a href="https://agent.example/map?latitude=53.80135&longitude=-1.54887">house</a>'
        '<a href="https://shop.example/?flat=53.80135&long=-1.54887">not a map</a>'
    )
    text = page_to_document(page(html)).text
    assert "53.80118, -1.54905" in text and "53.81052, -1.53498" in text and "53.80127, -1.54899" in text
    assert "53.80131, -1.54893" in text and "53.80135, -1.54887" in text
    assert text.count("53.80135") == 1  # "flat=" is not "lat="


def test_a_birthday_post_dated_the_birthday_gives_the_date_away():
    html = '<article><time datetime="2024-06-14">14 June</time><p>Maggie Oduya: 45 today!</p></article>'
    d = page_to_document(page(html))
    assert ("date_of_birth", "dob:1979-06-14", False, True) in found(d.text) | {
        (m.kind.value, m.key, m.partial, m.known_to_user) for m in read(d, PROFILE, all_detectors()).matches
    }
    assert found("Maggie Oduya: 45 today! (posted 15 June 2024)") == set()  # not the birthday


def test_an_api_response_reads_like_a_page():
    body = (
        '{"items": [{"title": "Margaret ODUYA", "date_of_birth": {"month": 6, "year": 1979},'
        ' "address": {"premises": "14", "address_line_1": "Larch Close", "postal_code": "BF4 7QT"},'
        ' "links": {"self": "/officers/abc/appointments"}},'
        ' {"title": "Adebayo ODUYA", "links": {"self": "/officers/xyz/appointments"}, "url": "/not-a-link-key-"}],'
        ' "birth": {"month": 13, "year": 1979}, "seen": {"month": 6}}'
    )
    d = page_to_document(page(body, "application/json"))
    assert "date of birth: June 1979" in d.text
    assert "address: 14 Larch Close, BF4 7QT" in d.text
    # Month 13 is not a date, and a bare month is not one either.
    assert "birth: " not in d.text.replace("date of birth", "")
    assert dict(zip(d.links, d.link_texts, strict=True)) == {
        "https://e.org/officers/abc/appointments": "Margaret ODUYA",
        "https://e.org/officers/xyz/appointments": "Adebayo ODUYA",
        "https://e.org/not-a-link-key-": "Adebayo ODUYA",
    }


@pytest.mark.parametrize(
    "body",
    [
        '{"d": {"day": 1, "month": 2, "year": 1e400}}',
        '{"d": {"day": 1e400, "month": 2, "year": 1979}}',
        '{"d": {"day": 1, "month": NaN, "year": 1979}}',
        '{"geo": {"lat": 1e400, "lon": NaN}}',
        '{"address": {"premises": 1e400, "address_line_1": [1], "postal_code": null}}',
    ],
)
def test_hostile_numbers_in_json_read_without_error(body):
    d = page_to_document(page(body, "application/json"))
    assert "coordinates" not in d.text and "inf " not in d.text


# --- lessons from the second held-out set (tests/corpus cases 201-230) --------------------------------------

OWEN = Profile(
    key="owen",
    name="Owen ap Rhys",
    other_names=("Owain ap Rhys",),
    date_of_birth=dt.date(1977, 3, 1),
    locality=("Dovebridge", "Hendre Vale"),
    addresses=(Address("11 Sycamore Gardens, Hendre Vale", label="home", postcode="DV4 6HS"),),
    family=(
        FamilyMember("Catrin Morgan", "partner", nicknames=("Cat",)),
        FamilyMember("Gethin ap Rhys", "son", school="Hendre Vale Academy"),
    ),
)


def test_a_surname_with_a_particle_names_the_person():
    assert split_name("Owen ap Rhys") == ("Owen", "ap Rhys")
    assert split_name("Anna van der Berg") == ("Anna", "van der Berg")
    assert split_name("Van Morrison") == ("Van", "Morrison")  # a given name, not a particle
    text = "Thanks to Cllr ap Rhys for starting the race. Rhys Evans won it."
    assert [text[a:b] for a, b in mentions(doc(text), OWEN)] == ["Cllr ap Rhys"]


def test_my_and_our_in_a_post_somebody_else_wrote_are_theirs():
    """A parents' group page: his post, then Tom Birch's. Tom's "my daughter" is not a sign that Owen's child
    goes to the school Tom names, nor is Tom's "our son Gethin" Owen's son; in Owen's own post, both are his."""
    his = "Owen ap Rhys\n\n1 March 2024\n\nAny news on the library bus in Dovebridge?\n\n"
    tom = (
        "Tom Birch\n\n29 February 2024\n\nLost: a bag from Hendre Vale Academy with my daughter's book in it."
    )
    assert not {f for f in found(his + tom, profile=OWEN) if f[0] == "child_school"}
    own = his.replace(
        "Any news", "Lost: a bag from Hendre Vale Academy with my daughter's book in it. Any news"
    )
    assert ("child_school", "school:hendre vale", False, True) in found(own, profile=OWEN)
    tom = "Tom Birch\n\n29 February 2024\n\nour son Gethin loved it."
    assert not {f for f in found(his + tom, profile=OWEN) if f[0] == "family_member"}
    own = his.replace("Any news", "our son Gethin loved it. Any news")
    assert ("family_member", "family:gethin ap rhys", False, True) in found(own, profile=OWEN)


def test_the_schools_own_page_naming_a_listed_child_in_a_year_group_is_their_school():
    page = (
        "Hendre Vale Academy\n\nNewsletter No. 6\n\n" + "News from the term. " * 30 + "\n\n"
        "Well done to Gethin ap Rhys ({}) for the debating prize, and thanks to his dad, Cllr Owen ap Rhys, "
        "for judging.\n\nParents' evening is on 25 March."
    )
    assert ("child_school", "school:hendre vale", False, True) in found(page.format("Year 9"), profile=OWEN)
    assert ("child_school", "school:hendre vale", False, True) in found(
        page.format("Blwyddyn 9"), profile=OWEN
    )
    assert not {f for f in found(page.format("captain"), profile=OWEN) if f[0] == "child_school"}
    # The year group in the name's own paragraph, further off; in another paragraph, it is not his.
    para = page.replace("Well done to", "Year 9 had a wonderful week of debates. " * 2 + "Well done to")
    assert ("child_school", "school:hendre vale", False, True) in found(para.format("captain"), profile=OWEN)
    apart = page.replace("Well done to", "Year 9 had a wonderful week of debates.\n\nWell done to")
    assert not {f for f in found(apart.format("captain"), profile=OWEN) if f[0] == "child_school"}


def test_a_register_writes_a_family_member_surname_first():
    text = "Cllr Owen ap Rhys, director. Secretary: MORGAN, Catrin Elinor."
    assert ("family_member", "family:catrin morgan", False, True) in found(text, profile=OWEN)


def test_a_school_named_after_the_persons_place_needs_its_type():
    text = "Cllr Owen ap Rhys: our kids love living in Hendre Vale, and the library bus is back."
    assert not {f for f in found(text, profile=OWEN) if f[0] == "child_school"}
    text = "Cllr Owen ap Rhys: our kids are at Hendre Vale Academy."
    assert ("child_school", "school:hendre vale", False, True) in found(text, profile=OWEN)


def test_a_feed_items_date_gives_a_birthday_post_away_even_far_above_it():
    filler = "Daffodils are out along the Brook, and the learners' group is doing cawl at noon. " * 6
    text = f"Owen ap Rhys\n\nSun, 01 Mar 2026 09:30:00 +0000\n\n{filler}It's my birthday: 49 today!"
    assert ("date_of_birth", "dob:1977-03-01", False, True) in found(text, confirmed=True, profile=OWEN)
    text = f"Owen ap Rhys\n\nSun, 08 Mar 2026 09:30:00 +0000\n\n{filler}It's my birthday: 49 today!"
    assert not {f for f in found(text, confirmed=True, profile=OWEN) if f[0] == "date_of_birth"}


def test_html_inside_an_api_string_is_read_as_text():
    body = '{"content": "<p>School run: Gethin at Hendre Vale Academy, Mali at St Melangell&#39;s.</p>"}'
    text = page_to_document(page(body, "application/json")).text
    assert "St Melangell's." in text and "<p>" not in text


def test_a_fitness_apis_named_start_and_end_coordinates_are_each_a_pair():
    body = '{"activities": [{"startLatitude": 52.41801, "startLongitude": -1.63412, "end_lat": 52.5, "end_lng": -1.7}]}'
    text = page_to_document(page(body, "application/json")).text
    assert "coordinates: 52.418010, -1.634120" in text and "coordinates: 52.500000, -1.700000" in text


def test_an_address_in_angle_brackets_inside_an_api_string_is_text_not_a_tag():
    body = '{"message": "Fix the rota\\n\\nCo-authored-by: Nell Fairbairn <nell.f@student.example>", "url": "<https://x.example/a>"}'
    text = page_to_document(page(body, "application/json")).text
    assert "<nell.f@student.example>" in text and "<https://x.example/a>" in text


def test_an_agenda_item_starts_another_record():
    text = (
        "Councillor ap Rhys returned to the meeting.\n\n"
        "45. 25/01203/FUL - 42 TANYARD LANE, DOVEBRIDGE, DV2 7RB\nChange of use. Applicant: Mr K. Marsh."
    )
    assert not {f for f in found(text, profile=OWEN) if not f[3]}


MINUTES_HEAD = (
    "FRIENDS OF HENDRE VALE ACADEMY (PTA)\nHendre Vale Academy, Brook Street, Dovebridge\n\n"
    "MINUTES OF COMMITTEE MEETING\n\nPresent: Owen ap Rhys (Treasurer), Jess Kirkby (Chair)\n\n"
    + "The accounts were approved and the summer fair was planned in detail. "
    * 12
)


def test_a_parents_group_document_names_the_school_in_its_heading():
    text = (
        MINUTES_HEAD
        + "\n\nOwen said he has been talking to parents in his son's class about a sponsored read."
    )
    assert ("child_school", "school:hendre vale", False, True) in found(text, profile=OWEN)


@pytest.mark.parametrize(
    "tail",
    [
        "\n\nOwen thanked the committee. Jess said her son's class has raised £300.",  # her son, not his
        "\n\nPlease remind your child to bring a water bottle.",  # said to every parent
        "",  # no child at all
    ],
)
def test_a_parents_group_document_needs_the_persons_own_child(tail):
    text = MINUTES_HEAD.replace("The accounts", "Owen presented the accounts") + tail
    assert not {f for f in found(text, profile=OWEN) if f[0] == "child_school"}


BERNIE = Profile(
    key="bernie",
    name="Bernadette O'Keeffe-Mensah",
    other_names=("Bernie O'Keeffe-Mensah",),
    locality=("Ashgrove",),
    family=(FamilyMember("Kwabena Mensah", "husband", nicknames=("Kobby",)),),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cllr Bernie O\u2019Keeffe-Mensah said",
            ["Cllr Bernie O\u2019Keeffe-Mensah"],
        ),  # a news site's apostrophe
        ("Bernadette O\u2018Keeffe-Mensah", ["Bernadette O\u2018Keeffe-Mensah"]),
        ("Cllr O'Keeffe-Mensah", ["Cllr O'Keeffe-Mensah"]),
        (
            "O\u2019KEEFFE-MENSAH      18 QUAYSIDE MEWS     Bernadette",
            ["O\u2019KEEFFE-MENSAH"],
        ),  # a ballot paper
    ],
)
def test_a_name_with_an_apostrophe_is_found_however_the_apostrophe_is_typed(text, expected):
    assert [text[a:b] for a, b in mentions(doc(text), BERNIE)] == expected


def test_a_typographic_apostrophe_in_the_profile_matches_a_plain_one_on_the_page():
    curly = dataclasses.replace(BERNIE, name="Bernadette O\u2019Keeffe-Mensah", other_names=())
    text = "Councillor Bernadette O'Keeffe-Mensah opened the library in Ashgrove. Her husband, Kobby, cut the ribbon."
    assert [text[a:b] for a, b in mentions(doc(text), curly)] == ["Councillor Bernadette O'Keeffe-Mensah"]
    assert ("family_member", "family:kwabena mensah", False, True) in found(text, profile=curly)


# --- tables in text (PDF registers, statements of persons nominated) ---------------------------------------


def test_a_wrapped_cell_in_a_pipe_table_reads_as_one():
    text = (
        " 4. Land in the Council's area      | 27 Tamarisk\n"
        "                                    | Crescent, Ashgrove, Fairquay FQ6\n"
        "                                    | 2WB (residence)\n"
    )
    assert unfold_columns(text).splitlines() == [
        "4. Land in the Council's area",
        "27 Tamarisk Crescent, Ashgrove, Fairquay FQ6 2WB (residence)",
    ]


def test_a_candidates_columns_read_down_one_by_one():
    text = (
        "MENSAH          18 QUAYSIDE MEWS,    Independent        Pike Joanne (+)\n"
        "Bernadette      FAIRQUAY,                               Lund Richard (++)\n"
        "                FQ1 3PL                                 Okafor Grace\n"
    )
    assert unfold_columns(text).splitlines()[:3] == [
        "MENSAH Bernadette",
        "18 QUAYSIDE MEWS, FAIRQUAY, FQ1 3PL",
        "Independent",
    ]


def test_records_without_a_blank_line_between_keep_their_own_lines():
    text = (
        " Year 4     Miss Pugh     Owen ap Rhys          07700-900-406\n"
        "                          (Mali's dad)\n"
        " Year 5     Mr Jenkins    Kay Doyle             07700 900956\n"
        " Year 6     Mrs Lloyd     Nia Hughes            07700 900961\n"
        "\n"
        "   Chair:       Laura Kemp\n"
        "   Treasurer:   Dafydd Hughes\n"
        "   Secretary:   Sameena Ali\n"
    )
    lines = unfold_columns(text).splitlines()
    assert lines[0] == "Year 4  Miss Pugh  Owen ap Rhys (Mali's dad)  07700-900-406"
    assert lines[1] == "Year 5  Mr Jenkins  Kay Doyle  07700 900956"
    assert lines[-3:] == ["Chair:  Laura Kemp", "Treasurer:  Dafydd Hughes", "Secretary:  Sameena Ali"]


@pytest.mark.parametrize(
    "text",
    [
        "The committee met.  Members agreed.\nThe chair thanked them.  The meeting closed.\n",
        "        Councillor Oduya declared an interest in item 7\n        as the site adjoins her home.\n",
        "Home | About | Contact\nPrivacy | Terms\n",
    ],
)
def test_prose_is_left_as_it_is(text):
    assert unfold_columns(text) == text


def test_a_line_too_long_for_a_table_is_never_read_as_one():
    """A hostile text of one huge line among gapped short ones must not make the column search quadratic."""
    long_line = "word  " * 20_000
    text = "\n".join([long_line, *(["a   b"] * 3)])
    unfolded = unfold_columns(text).splitlines()
    assert unfolded[0] == long_line and unfolded[1:] == ["a a a", "b b b"]


# --- Scottish, Gaelic and Welsh names, addresses and schools ----------------------------------------------

SEONAID = Profile(
    key="seonaid",
    name="Seònaid Nic an t-Saoir",
    other_names=("Shona McIntyre",),
    date_of_birth=dt.date(1984, 8, 9),
    locality=("Kilmardie",),
    phones=(Phone("07700 900734", "+447700900734", "personal mobile"),),
    addresses=(Address("Flat 2/1, 27 Rowanbank Terrace, Kilmardie", label="home", postcode="QZ4 8HW"),),
    family=(
        FamilyMember("Ruairidh Drummond", "partner", nicknames=("Rory",)),
        FamilyMember("Calum Drummond", "son", school="Bunsgoil Ghàidhlig Gleann Ruadh"),
    ),
)


def test_gaelic_and_irish_surname_particles_stay_with_the_surname():
    assert split_name("Seònaid Nic an t-Saoir") == ("Seònaid", "Nic an t-Saoir")
    assert split_name("Siobhán Ní Bhriain") == ("Siobhán", "Ní Bhriain")
    assert split_name("Mary Ann Smith") == ("Mary Ann", "Smith")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Councillor S. Nic an t-Saoir declared an interest", ["Councillor S. Nic an t-Saoir"]),
        ("Seonaid Nic an t-Saoir spoke", ["Seonaid Nic an t-Saoir"]),  # the accent left out
        ("SEÒNAID NIC AN T-SAOIR", ["SEÒNAID NIC AN T-SAOIR"]),
        ("Sia\u0302n? No: Seo\u0300naid Nic an t-Saoir", ["Seònaid Nic an t-Saoir"]),  # a combining accent
    ],
)
def test_a_name_with_an_accent_is_found_with_it_without_it_or_decomposed(text, expected):
    d = page_to_document(page(text, "text/plain"))
    assert [d.text[a:b] for a, b in mentions(d, SEONAID)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Cllr Shona McIntyre, 2/1, 27 Rowanbank Tce, Kilmardie QZ4 8HW",  # Royal Mail's "Tce"
        "Cllr Shona McIntyre lives at 27 Rowanbank Terrace (flat 2/1), Kilmardie",
    ],
)
def test_a_tenement_flat_is_found_by_its_building(text):
    assert ("home_address", "27 rowanbank terrace qz48hw", False, True) in found(text, profile=SEONAID)


def test_a_neighbours_postcode_is_not_paired_with_her_street():
    text = (
        "Cllr Shona McIntyre is a resident of Rowanbank Terrace.\n\n5. Rowanbank Terrace - bin stores\n"
        "A letter was received from Mrs Annie Coull, 31 Rowanbank Terrace, QZ4 8HW, about the bins."
    )
    kinds = found(text, profile=SEONAID)
    assert ("home_address", "27 rowanbank terrace qz48hw", False, True) not in kinds
    assert ("home_address", "QZ48HW", True, True) in kinds  # her postcode, still


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Shona McIntyre (Kilmardie) lived at 14/2 Heron Place, Ardcluny QZ1 5TB until 2015.",
            "14/2 heron place qz15tb",
        ),
        ("Shona McIntyre of Kilmardie lives at 27 Rowanbank Road, QZ4 8HX.", "27 rowanbank road qz48hx"),
        ("Shona McIntyre of Kilmardie, 5 Kirk Brae, Kilmardie.", "5 kirk brae"),
    ],
)
def test_unlisted_scottish_addresses(text, key):
    assert ("home_address", key, False, False) in found(text, profile=SEONAID)


def test_a_number_the_page_calls_a_switchboard_is_not_hers_anywhere_on_it():
    text = (
        "Ring the council switchboard on 020 7946 0700.\n\nCouncillor Shona McIntyre, Kilmardie\n"
        "+442079460700\n"
    )
    assert not {f for f in found(text, profile=SEONAID) if f[0] == "phone"}


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("Cllr Shona McIntyre: my son Calum started P5 at Bunsgoil Ghàidhlig Gleann Ruadh today.", True),
        ("Cllr Shona McIntyre, Kilmardie. Our son, who's in P4 at Gleann Ruadh Gaelic school.", True),
        ("Cllr Shona McIntyre. Member, Parent Council, Bunsgoil Ghaidhlig Gleann Ruadh", True),
        (
            "Cllr Shona McIntyre visited Bunsgoil Ghàidhlig Gleann Ruadh. Morven Lennie, whose son is in P4 there.",
            False,
        ),
        (
            "Cllr Shona McIntyre visited Bunsgoil Ghàidhlig Gleann Ruadh.\n\nOur Child Wellbeing and Protection policy",
            False,
        ),
        (
            "Bunsgoil Ghàidhlig Gleann Ruadh. Cllr Shona McIntyre opened the library.\n\nDiary\n\nS1 Parents' Evening",
            False,
        ),
    ],
)
def test_gaelic_medium_school_and_scottish_signs(text, reported):
    assert any(f[0] == "child_school" for f in found(text, profile=SEONAID)) is reported


def test_a_parent_council_paper_names_the_school_in_its_heading():
    text = (
        "BUNSGOIL GHAIDHLIG GLEANN RUADH\nPARENT COUNCIL\n\nMinutes\n\nPresent: Morven Lennie (Chair), "
        "Shona McIntyre (P4 class rep), Jean Rennie (P1 class rep)\n\n" + "The accounts were approved. " * 20
    )
    assert ("child_school", "school:gleann ruadh", False, True) in found(text, profile=SEONAID)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cllr Shona McIntyre, Kilmardie.\nSun, 09 Aug 2026\nForty-two today! Thank you all.",
            {"dob:1984-08-09"},
        ),
        (
            "Cllr Shona McIntyre presented flowers. Peigi McIntyre, 100, with her birthday cake on Sunday 9 August.",
            set(),
        ),
        (
            "we sang Happy Birthday to Shona McIntyre, because her birthday is the 9th of August too",
            {"dob:--08-09"},
        ),
    ],
)
def test_birthdays_in_words_and_by_age(text, expected):
    assert {f[1] for f in found(text, profile=SEONAID) if f[0] == "date_of_birth"} == expected


# --- a common name, leaks and scans ------------------------------------------------------------------------

DAVID = Profile(
    key="david",
    name="David Jones",
    other_names=("David Ellis Jones", "Dave Jones"),
    date_of_birth=dt.date(1976, 8, 19),
    locality=("Saxby Moor", "Hollingbrook"),
    phones=(
        Phone("07700 900638", "+447700900638", "personal mobile"),
        Phone("0113 496 0629", "+441134960629", "home landline"),
    ),
    emails=(Email("dellisjones@example.net"),),
    addresses=(
        Address("Wren Cottage, Pound Lane, Saxby Moor", label="home", postcode="VX7 4HN"),
        Address(
            "Ward Office, 12 Market Place, Hollingbrook", label="office", postcode="VX1 2DS", public=True
        ),
    ),
    family=(
        FamilyMember("Rachel Jones", "wife", nicknames=("Rach",)),
        FamilyMember("Ellie Jones", "daughter"),
    ),
)


def unlisted(text: str) -> set[str]:
    return {f[1] for f in found(text, profile=DAVID) if not f[3]}


def test_each_row_of_a_leaked_table_is_somebody_s_record():
    csv = (
        "name,email,phone,postcode\n"
        "Craig Aldous,craig@example.org,07700900649,VX1 2DS\n"  # at the public office's postcode
        "David Jones,dellisjones@example.net,07700900638,VX7 4HN\n"
        "Dawn Ellery,dawn@example.com,07700900615,VX3 1NE\n"
    )
    sql = (
        "INSERT INTO `members` VALUES (57,'David','Jones','Wren Cottage','Pound Lane','VX7 4HN','07700900638',"
        "'dellisjones@example.net'),(58,'Kieran','Doyle','7 Green Row','VX7 4JB','07700900686','k@example.org');"
    )
    assert unlisted(csv) == set() and unlisted(sql) == set()
    assert ("email", "dellisjones@example.net", False, True) in found(
        sql, profile=DAVID
    )  # quoted, still found


@pytest.mark.parametrize(
    ("text", "names_him"),
    [
        ("David E Jones, Saxby Moor, 07700 900638", True),
        ("David P Jones, Hollingbrook, 14 Ashcombe Road, VX3 5RL, 020 7946 0655", False),
        ("There's another David Jones in Hollingbrook, on Ashcombe Road (no. 14, VX3 5RL)", False),
        ("NB not the David Jones on Ashcombe Road (14 Ashcombe Road, VX3 5RL)", False),
        ("JONES\n\nDavid Peter\n\n14 Ashcombe Road, Hollingbrook, VX3 5RL\n\nReform UK", False),
        ("JONES\n\nDavid Ellis\n\nWren Cottage, Pound Lane, Saxby Moor, VX7 4HN", True),
    ],
)
def test_a_namesake_told_apart_by_middle_name_or_by_the_page(text, names_him):
    page = doc(text)
    assert bool(mentions(page, DAVID)) is names_him
    assert "14 ashcombe road vx35rl" not in unlisted(text + "\n\nCllr David Jones of Saxby Moor")


@pytest.mark.parametrize(("text", "found_it"), [("BDAY:19760819", True), ("Order 19760819 shipped", False)])
def test_a_compact_birth_date_counts_beside_a_birth_word(text, found_it):
    keys = {f[1] for f in found("Cllr David Jones, Saxby Moor\n" + text, profile=DAVID)}
    assert ("dob:1976-08-19" in keys) is found_it


def test_a_scan_s_misread_phone_digits():
    text = "Cllr David Jones, Saxby Moor\nTel: Ol13 496 O629\n\nOur daughter El1ie is in the choir."
    kinds = found(text, profile=DAVID)
    assert ("phone", "+441134960629", False, True) in kinds


def test_a_school_s_postcode_in_a_calendar_invite_is_the_school_s():
    text = (
        "ORGANIZER;CN=David Jones:mailto:dellisjones@example.net\n"
        "LOCATION:Hollingbrook Academy\\, Coopers Way\\, Hollingbrook VX2 8RT\n"
    )
    assert unlisted(text) == set()


def test_another_of_the_name_is_somebody_else_whatever_the_profile_gives():
    """No middle names in the profile: "another Maggie Oduya" is still somebody else, and so are her details."""
    text = "Cllr Maggie Oduya, Millbrook.\n\nThere's another Maggie Oduya in Fenby, at 3 Birch Road, BF9 2AB."
    assert not {f for f in found(text) if not f[3]}


def test_documents_that_differ_only_in_what_is_known_about_them_are_read_apart():
    """Detectors cache their work per document, keyed by it: a page read as the person's own and the same
    page read as anybody's must not share a cached reading."""
    text = "Maggie Oduya opened the fete."
    plain = Document(url="https://example.org/a", text=text, links=("https://example.org/b",))
    theirs = dataclasses.replace(plain, confirmed=True)
    assert plain != theirs and hash(plain) == hash(dataclasses.replace(plain))
    assert {plain: 1, theirs: 2} == {theirs: 2, plain: 1}
    assert mentions(plain, PROFILE) == mentions(theirs, PROFILE)
    assert (
        read(plain, PROFILE, all_detectors()).subject.level
        != read(theirs, PROFILE, all_detectors()).subject.level
    )
