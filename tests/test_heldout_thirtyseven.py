"""What the thirty-seventh to thirty-ninth held-out corpus sets (cases 3701-3930: a Sri Lankan Tamil councillor
named the Tamil way, with Tamil-script pages; a Homes for Ukraine host, with Ukrainian pages in Cyrillic; a
Ghanaian-British councillor in a tower-block flat, with funeral programmes and an outdooring) showed footprint
missing or misreading, as small cases.

Each test fails without its fix. The people are invented; the numbers are Ofcom drama numbers.
"""

from __future__ import annotations

import datetime as dt

from footprint.model import Address, FamilyMember, Phone, Profile
from tests.conftest import labels_found as found

AKOSUA = Profile(
    key="akosua",
    name="Akosua Darkwa",
    other_names=("Comfort Darkwa",),
    date_of_birth=dt.date(1970, 10, 18),
    locality=("Stenmoor", "Fallow Cross"),
    phones=(Phone("07700 900963", "+447700900963"),),
    addresses=(
        Address("Flat 143, Kestrel House, Meadowvale Estate, Stenmoor", label="home", postcode="UZ7 3QD"),
    ),
    family=(
        FamilyMember("Emmanuel Darkwa", relation="husband"),
        FamilyMember("Abena Ofori", relation="mother"),
    ),
)
HER_FLAT = ("home_address", "flat 143 kestrel house uz73qd", False, True)


def test_a_flat_in_a_block_by_its_number_alone_before_the_block() -> None:
    page = "Akosua C Darkwa, 55\nStenmoor\n\nCurrent address\n143 Kestrel House\nMeadowvale Estate\nUZ7 3QD\n"
    assert HER_FLAT in found(page, AKOSUA)
    # ... but another flat's number is a neighbour's
    assert HER_FLAT not in found(page.replace("143 Kestrel", "141 Kestrel"), AKOSUA)


def test_a_flat_in_a_block_by_the_block_without_house() -> None:
    page = (
        "[12/01/2026, 18:14:48] Ama Boateng: Akosua Darkwa says drop them at hers on your way up, 143 Kestrel\n"
        "[12/01/2026, 18:15:30] Winston Clarke: will do\n"
    )
    assert HER_FLAT in found(page, AKOSUA)
    # "143 Kestrel Road" is a street, not her block
    assert HER_FLAT not in found(page.replace("143 Kestrel\n", "143 Kestrel Road\n"), AKOSUA)


def test_a_flat_in_a_block_with_the_flat_on_the_record_line_above() -> None:
    page = (
        "fullusername: Councillor Akosua Darkwa\npoliticalpartytitle: Labour\n"
        "line1: Flat 143\nline2: Kestrel House\nline3: Meadowvale Estate\npostcode: UZ7 3QD\n"
    )
    assert HER_FLAT in found(page, AKOSUA)


def test_an_out_of_hours_repairs_line_after_her_name_is_the_landlords() -> None:
    page = (
        "The Meadowvale Tenants' and Residents' Association is chaired by Cllr Akosua Darkwa and meets at "
        "Meadowvale Community Hall, Stenmoor.\n\nEmergencies\n\n"
        "For emergency repairs out of hours (no heating, flooding, lifts, unsafe electrics) ring 0113 496 0410, "
        "24 hours a day.\n"
    )
    assert not {label for label in found(page, AKOSUA) if label[0] == "phone"}
