"""What the eighteenth held-out corpus set (cases 1801-1830: a flat with a letter, 14A, between the landlord's house
at 14 and the upstairs flat at 14B; a leap-day birthday) showed footprint missing or misreading, as small cases.

Each test fails without its fix. The person is invented; the numbers are Ofcom drama numbers.
"""

from __future__ import annotations

import datetime as dt

import pytest

from footprint.model import Address, Phone, Profile
from tests.conftest import labels_found

LORRAINE = Profile(
    key="lorraine",
    name="Lorraine Baptiste",
    other_names=("Lorri Baptiste",),
    locality=("Ashcombe",),
    date_of_birth=dt.date(1976, 2, 29),
    phones=(Phone("07700 900017", "+447700900017", "personal mobile"),),
    addresses=(Address("14A Quarry Road, Ashcombe", label="home", postcode="QX4 7JD"),),
)
HOME = ("home_address", "14a quarry road qx47jd", False, True)


def found(text: str, confirmed: bool = False) -> set[tuple[str, str, bool, bool]]:
    return labels_found(text, LORRAINE, confirmed)


@pytest.mark.parametrize(
    "written",
    [
        "Ms L Baptiste, Flat A, 14 Quarry Road, Ashcombe",
        "Lorraine Baptiste\naddress_line1: Flat A\naddress_line2: 14 Quarry Road\ncity: Ashcombe",
        "Lorri Baptiste? she's in the ground floor flat at 14 Quarry Road",
        "Lorraine Baptiste, 14 A Quarry Rd",
    ],
)
def test_flat_a_of_number_14_is_14a(written):
    assert HOME in found(written)


@pytest.mark.parametrize(
    "written", ["Lorraine Baptiste lives next to 14 Quarry Road", "Lorraine Baptiste. Flat B, 14 Quarry Road"]
)
def test_the_landlords_house_and_the_upstairs_flat_are_not_14a(written):
    assert HOME not in found(written)


@pytest.mark.parametrize(
    "written",
    [
        "Lorraine Baptiste, 49, of Quarry Road, Ashcombe, has cut hair for twenty years.",
        "Lorraine Baptiste\nSchool uniform, age 13-14. Collection from Quarry Rd, Ashcombe, or I can post it.",
        "I'm Lorri Baptiste.\n\nFree local collection: Quarry Road, Ashcombe - near the park end.",
    ],
)
def test_a_papers_of_and_a_sellers_collection_point_say_where_she_lives(written):
    assert ("home_address", "street:quarry road", True, True) in found(written)


def test_the_next_customer_in_a_leaked_table_is_somebody_else():
    table = (
        "customer_id: 40822\nfirst_name: Lorraine\nlast_name: Baptiste\nphone: 07700900017\n"
        "address_line1: Flat A\naddress_line2: 14 Quarry Road\npostcode: QX4 7JD\n"
        "customer_id: 40830\nfirst_name: Dean\nlast_name: Ashworth\nphone: 07700 900022\n"
        "address_line1: 41 Station Road\npostcode: XK1 3HW\n"
    )
    assert {f for f in found(table) if not f[3]} == set()


def test_a_new_number_in_another_senders_message_is_theirs():
    chat = (
        "03/04/2025, 08:20 - Lorri Baptiste: My mobile's died. Use my old pay-as-you-go for now: 07700 900031\n"
        "05/04/2025, 17:16 - Mum: This is my new number by the way 07700 900009, the old one is going\n"
    )
    unlisted = {f[1] for f in found(chat, confirmed=True) if not f[3]}
    assert unlisted == {"+447700900031"}


def test_a_leap_day_birthday_counts_birthdays_not_years():
    post = "29 February 2024 at 09:03\n\nHappy 12th birthday to the one and only Lorri Baptiste"
    assert ("date_of_birth", "dob:1976-02-29", False, True) in found(post)
    post = "29 February 2024 at 09:03\n\nHappy 11th birthday to the one and only Lorri Baptiste"
    assert ("date_of_birth", "dob:1976-02-29", False, True) not in found(post)


def test_a_flat_in_a_named_building_on_a_numbered_street_is_keyed_by_the_street():
    from footprint.detect.addresses import parse_home

    home = parse_home(Address("Flat 6, Kiln Mill, 2 Wharf Street, Brindlecombe", postcode="QF2 5HN"))
    assert home.key == "2 wharf street qf25hn"
    assert home.house_name == ""  # the building's name alone is every flat's
