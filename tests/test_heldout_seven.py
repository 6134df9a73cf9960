"""What the seventh held-out corpus set (cases 701-730) showed footprint missing or misreading, as small cases.

Each test fails without its fix. The person is invented; the numbers are Ofcom drama numbers.
"""

from __future__ import annotations

import datetime as dt

from footprint.detect.addresses import parse_home
from footprint.model import Address, Email, FamilyMember, Phone, Profile
from tests.conftest import labels_found

HOME = Address("Ty Gwyn, Heol y Bryn, Llanfeddig, Wernford", label="home", postcode="HW6 2NW")
IMRAN = Profile(
    key="imran",
    name="Mohammed Imran Siddiqui",
    other_names=("Imran Siddiqui",),
    date_of_birth=dt.date(1964, 3, 9),
    locality=("Wernford", "Llanfeddig"),
    phones=(Phone("07700 900318", "+447700900318", "personal mobile"),),
    emails=(Email("imran.siddiqui64@example.net"),),
    addresses=(HOME,),
    family=(FamilyMember("Shazia Siddiqui", "spouse", nicknames=("Shaz",)),),
)


def found(text: str, published: dt.date | None = None) -> set[tuple[str, str, bool, bool]]:
    return labels_found(text, IMRAN, published=published)


def test_a_welsh_street_puts_its_type_first_and_is_part_of_the_key():
    home = parse_home(HOME)
    assert (home.house, home.street, home.key) == ("Ty Gwyn", "heol y bryn", "ty gwyn heol y bryn hw62nw")


def test_a_spreadsheets_quoted_surname_and_given_name_columns():
    page = '"surname","forename","mobile"\n"Siddiqui","Imran","07700900318"\n"Siddiqui","Shazia",""\n'
    assert ("family_member", "family:shazia siddiqui", False, True) in found(page)


def test_a_neighbours_house_on_his_lane_is_not_his_street():
    page = "Cllr Imran Siddiqui (07700 900318)\n\nCllr Gwen Parry\nAddress: Bryn Awel, Heol y Bryn, Llanfeddig HW6 2NX"
    assert not {f for f in found(page) if f[1].startswith("street:")}


def test_a_farm_named_after_a_house_like_his_is_not_his_house():
    page = (
        "Mayor Cllr Imran Siddiqui (07700 900318) opened Tŷ Gwyn Farm Tea Room at Tŷ Gwyn Farm, Heol y Felin.\n"
        "The family at Tŷ Gwyn have farmed there for four generations."
    )
    assert not {f for f in found(page) if f[0] == "home_address" and f[3]}


def test_the_organisers_number_after_his_name_is_not_his():
    page = "Cllr Imran Siddiqui of Wernford will speak. Contact the organiser on 07700 900901."
    assert ("phone", "+447700900901", False, False) not in found(page)


def test_a_previous_address_on_a_street_named_after_a_chapel():
    page = "Imran Siddiqui, Wernford. Email imran.siddiqui64@example.net\nPrevious addresses\n23 Chapel Street, Wernford, HW1 3DS"
    assert ("home_address", "23 chapel street hw13ds", False, False) in found(page)


def test_an_age_and_a_day_give_the_whole_date_of_birth_on_a_dated_page():
    page = "Imran Siddiqui of Wernford celebrates his 60th birthday on Saturday 9th March!"
    assert ("date_of_birth", "dob:1964-03-09", False, True) in found(page, published=dt.date(2024, 3, 1))


def test_somebody_else_born_on_his_date_of_birth():
    page = (
        "Cllr Imran Siddiqui of Wernford presented flowers. Our Town Clerk, Eirlys Morgan, who was born on "
        "9 March 1964 in Trewernydd, celebrated with the council."
    )
    assert not {f for f in found(page) if f[0] == "date_of_birth"}


def test_a_name_a_clause_after_a_postcode_does_not_own_it():
    page = (
        "The tea room at Tŷ Gwyn Farm, Heol y Felin, Llanfeddig HW6 3TB, was officially opened by the Mayor of "
        "Wernford, Cllr Imran Siddiqui (07700 900318)."
    )
    assert ("home_address", "HW63TB", True, False) not in found(page)
