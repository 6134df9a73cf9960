"""What the eleventh held-out corpus set (cases 1101-1130: a farmer whose surname is also a village's name, at
a named farm in a hamlet with no street) showed footprint missing or misreading, as small cases.

Each test fails without its fix. The person is invented; the numbers are Ofcom drama numbers.
"""

from __future__ import annotations

from footprint.detect.addresses import parse_home
from footprint.model import Address, Phone, Profile
from tests.conftest import labels_found

HOME = Address("Lower Brook Farm, Hensley, Kelsford", label="home", postcode="XJ7 3PD")
NEIL = Profile(
    key="neil",
    name="Neil Whitmore",
    locality=("Hensley", "Kelsford"),
    phones=(Phone("07700 900926", "+447700900926", "personal mobile"),),
    addresses=(HOME,),
)


def found(text: str) -> set[tuple[str, str, bool, bool]]:
    return labels_found(text, NEIL)


def test_a_farm_in_a_hamlet_is_keyed_by_its_name_and_postcode():
    assert parse_home(HOME).key == "lower brook farm xj73pd"


def test_a_business_named_after_the_farm_is_not_the_home_but_the_farm_beside_it_still_is():
    shop = "Cllr Neil Whitmore opened the hamper raffle. Thanks to Lower Brook Farm Shop for the prize."
    assert not {f for f in found(shop) if f[0] == "home_address"}
    company = "Neil Whitmore is a director of Lower Brook Farm Limited."
    assert not {f for f in found(company) if f[0] == "home_address"}
    both = (
        "Protesters gathered at the gate of Lower Brook Farm in Hensley, the home of Cllr Neil Whitmore. "
        "They will also picket Lower Brook Farm Shop."
    )
    assert ("home_address", "lower brook farm xj73pd", False, True) in found(both)


def test_the_surname_alone_as_a_village_is_not_the_person():
    page = (
        "Cllr Neil Whitmore, Cabinet Member for Highways, said the works were overdue.\n\n"
        "Residents of Whitmore have waited long enough. Diversions run via Hensley. Updates: 0113 496 0014.\n"
    )
    assert found(page) == set()  # (the number was read as his, beside "Whitmore")
    assert found(page.replace("Residents of Whitmore", "Whitmore said residents")) == {
        ("phone", "+441134960014", False, False)
    }


def test_a_highways_line_is_the_councils():
    page = "Cllr Neil Whitmore of Hensley said: updates on 0113 496 0014 (highways, 24 hours)."
    assert found(page) == set()
