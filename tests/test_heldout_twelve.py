"""What the twelfth held-out corpus set (cases 1201-1230: a councillor in a flat of a named tower block, with
no street number) showed footprint missing or misreading, as small cases.

Each test fails without its fix. The person is invented; the numbers are Ofcom drama numbers.
"""

from __future__ import annotations

from footprint.detect.addresses import parse_home
from footprint.detect.interface import Document
from footprint.detect.reading import read
from footprint.detect.registry import all_detectors
from footprint.model import Address, FamilyMember, Profile
from tests.conftest import labels_found

HOME = Address("Flat 83, Thurlby House, Hollowmead Estate, Larkhollow", label="home", postcode="JQ3 6TW")
ABDI = Profile(
    key="abdi",
    name="Abdirahman Hassan Ali",
    other_names=("Abdirahman Hassan",),
    locality=("Hollowmead", "Larkhollow"),
    addresses=(HOME,),
)
KEY = "flat 83 thurlby house jq36tw"


def found(text: str) -> set[tuple[str, str, bool, bool]]:
    return labels_found(text, ABDI)


def test_a_flat_in_a_named_block_keeps_its_number_in_the_key():
    assert parse_home(HOME).key == KEY


def test_the_block_with_our_flat_on_its_line_either_way_round_is_the_home():
    reps = (
        "Block reps for Hollowmead:\n"
        "THURLBY HOUSE (flats 1-48) Halima Ali, Flat 27 07700 900426\n"
        "THURLBY HOUSE (flats 49-96) Abdirahman Hassan, Flat 83\n"
    )
    assert ("home_address", KEY, False, True) in found(reps)
    neighbour = "Block reps: THURLBY HOUSE (flats 1-48) Halima Ali, Flat 27. Cllr Abdirahman Hassan chairs."
    assert not {f for f in found(neighbour) if f[0] == "home_address"}


def test_our_flat_on_a_page_headed_by_the_block_is_the_home():
    group = (
        "Thurlby House Residents\n\n"
        + "Lift out again. " * 30
        + "\n\nAbdirahman Hassan: I'm in Flat 83, same boat."
    )
    assert ("home_address", KEY, False, True) in found(group)
    assert not {f for f in found(group.replace("Flat 83", "Flat 61")) if f[0] == "home_address"}


def test_the_block_alone_where_he_lives_is_a_partial():
    story = "Cllr Abdirahman Hassan still lives on the estate, in a 14th-floor flat in Thurlby House."
    assert found(story) == {("home_address", "street:thurlby house", True, True)}
    assert found("Cllr Abdirahman Hassan opened the new lifts at Thurlby House.") == set()


def test_a_name_after_a_heading_in_capitals_is_another_person():
    reps = (
        "Hollowmead block reps\n"
        "THURLBY HOUSE (flats 49-96) Abdirahman Hassan, Flat 83\n"
        "GARSIDE HOUSE Doreen Pike, Flat 4 07700 900044\n"
    )
    assert ("phone", "+447700900044", False, False) not in found(reps)


def test_initials_that_are_not_his_make_the_surname_somebody_elses():
    from footprint.detect.subject import mentions

    def named(text: str) -> list[str]:
        return [text[a:b] for a, b in mentions(Document(url="https://example.org/p", text=text), ABDI)]

    assert named("Cllr Abdirahman Ali supports it. Mr I. Hassan objects.") == ["Cllr Abdirahman Ali"]
    assert named("Cllr Abdirahman Ali supports it. Cllr A. H. Ali seconded.") == [
        "Cllr Abdirahman Ali",
        "Cllr A. H. Ali",
    ]
    page = (
        "Comments. Cllr Abdirahman Ali (Hollowmead ward) supports the play area.\n\n"
        "Mr I. Hassan, Flat 12, Garside House, Hollowmead Estate, JQ3 6TX · Objects"
    )
    assert not {f for f in found(page) if f[0] == "home_address"}


def test_our_children_in_a_quotation_from_somebody_else_is_theirs():
    idil = FamilyMember("Idil Abdirahman", "child", school="Brindle Park Primary School")
    profile = Profile(key="abdi", name="Abdirahman Hassan Ali", locality=("Hollowmead",), family=(idil,))
    page = (
        "Cllr Abdirahman Ali opened the new library at Brindle Park Primary School on Wednesday. "
        'Head teacher Mrs Clare Donnelly said: "{} chose every book on these shelves."'
    )

    def schools(text: str) -> set[str]:
        doc = Document(url="https://example.org/page", text=text)
        return {m.key for m in read(doc, profile, all_detectors()).matches if m.kind.value == "child_school"}

    assert schools(page.format("Our children")) == set()
    assert schools(page.replace("Head teacher Mrs Clare Donnelly", "Cllr Ali").format("Our children")) == {
        "school:brindle park"
    }


def test_a_longer_name_at_the_start_of_a_records_field_is_somebody_else():
    from footprint.detect.subject import mentions

    text = "donor_name: Abdirahman Hassan Ali\npostcode: JQ3 6TW\ndonor_name: Mohamed Abdirahman Hassan\npostcode: JQ3 6TX\n"
    doc = Document(url="https://example.org/p", text=text)
    second = text.index("Mohamed")
    assert mentions(doc, ABDI) and all(a < second for a, _ in mentions(doc, ABDI))
    assert "JQ36TX" not in {f[1] for f in found(text)}
    mine = "name: Cllr Abdirahman Hassan\npostcode: JQ3 6TX\n"
    assert [mine[a:b] for a, b in mentions(Document(url="https://example.org/q", text=mine), ABDI)] == [
        "Cllr Abdirahman Hassan"
    ]
