"""What the seventeenth held-out corpus set (cases 1701-1730: a retired headteacher whose surname is also a word
and a place-name element) showed footprint missing or misreading, as small cases.

Each test fails without its fix. The person is invented; the numbers are Ofcom drama numbers.
"""

from __future__ import annotations

from footprint.detect.interface import Document
from footprint.detect.subject import mentions
from footprint.model import Address, Profile
from tests.conftest import labels_found

GEOFF = Profile(
    key="geoff",
    name="Geoffrey Hale",
    other_names=("Geoff Hale",),
    locality=("Netherfold",),
    addresses=(
        Address(
            "Wrenfield, Sallow Lane, Netherfold",
            label="home",
            postcode="VK7 3HP",
            latitude=53.04718,
            longitude=-1.42391,
        ),
    ),
)


def doc(text: str) -> Document:
    return Document(url="https://example.org/page", text=text)


def named(text: str) -> list[str]:
    return [text[a:b] for a, b in mentions(doc(text), GEOFF)]


def found(text: str) -> set[tuple[str, str, bool, bool]]:
    return labels_found(text, GEOFF)


def test_the_surname_in_a_place_a_pair_or_an_email_is_not_the_person():
    text = (
        "Cllr Geoff Hale will judge the dog show.\n\nTug of war: Hale Bottom v. the Church Lane team. "
        "Results presented by the Hale and Hearty walking group. Write to cllr.s.hale@netherfoldpc.example. "
        "Old photos of Hale's Mill."
    )
    assert named(text) == ["Cllr Geoff Hale"]


def test_a_map_link_written_out_in_a_pastes_text():
    paste = "GEOFF HALE, Netherfold\npin .... https://www.openstreetmap.org/?mlat=53.0473&mlon=-1.4236#map=18/53.0473/-1.4236"
    assert ("geo_location", "geo:53.047,-1.424", False, True) in found(paste)


def test_a_postcode_given_for_the_ambulance_service_is_the_defibrillators():
    page = (
        "Netherfold News, edited by Cllr Geoff Hale.\n\nA second defibrillator is in the old phone box at the foot of "
        "Sallow Lane (postcode VK7 3HB for the ambulance service)."
    )
    assert not {f for f in found(page) if f[0] == "home_address"}
