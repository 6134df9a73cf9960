"""What the sixth held-out corpus set (cases 601-630) showed footprint missing or misreading, as small cases.

Each test fails without its fix. The person is invented; the numbers are Ofcom drama numbers.
"""

from __future__ import annotations

import datetime as dt

from footprint.detect.addresses import parse_home
from footprint.model import Address, Email, FamilyMember, Phone, Profile
from tests.conftest import labels_found

HOME = Address("Flat 2B, 41 Chandos Road, Kestrel Bank", label="home", postcode="FW3 8LT")
OFFICE = Address("Kestrel Bank Ward Office, 12 Tanner's Row, Fallowmere", postcode="FW1 2DW", public=True)
RUTH = Profile(
    key="ruth",
    name="Ruth Adebayo-Price",
    other_names=("Ruth Price",),
    date_of_birth=dt.date(1984, 3, 9),
    locality=("Fallowmere",),
    phones=(Phone("07700 900318", "+447700900318", "personal mobile"),),
    emails=(Email("ruthie.ap@example.net"),),
    addresses=(HOME, OFFICE),
    family=(
        FamilyMember("Gareth Price", "spouse", nicknames=("Gaz",)),
        FamilyMember(
            "Temilola Adebayo-Price", "child", school="St Aldhelm's Primary School", nicknames=("Temi",)
        ),
        FamilyMember("Samuel Adebayo-Price", "child", school="Brindle Hill Academy", nicknames=("Sam",)),
    ),
)


def found(text: str, confirmed: bool = False) -> set[tuple[str, str]]:
    return {(kind, key) for kind, key, _, _ in labels_found(text, RUTH, confirmed)}


def test_an_office_address_that_starts_with_the_buildings_name_is_read_by_its_numbered_street():
    home = parse_home(OFFICE)
    assert (home.house, home.street) == ("12", "tanner's row")
    # ... so her public office on her own page is not an "unlisted address beside her name"
    page = "Ruth Adebayo-Price, councillor. Drop in at the Kestrel Bank Ward Office, 12 Tanner's Row, Fallowmere."
    assert not {f for f in found(page, confirmed=True) if f[0] == "home_address"}


def test_a_namesake_she_must_not_be_mixed_up_with_keeps_their_number():
    page = (
        "Cllr Adebayo-Price (07700 900318) was at the meeting. Don't mix her up with Ruth Price who runs Petals in "
        "Saltbridge, Fallowmere. Petals is 020 7946 0388 if anyone needs flowers."
    )
    assert ("phone", "+442079460388") not in found(page)


def test_a_two_digit_birth_year_after_an_apostrophe():
    page = "Ruth Adebayo-Price (07700 900318) is younger than she acts, born in '84 apparently."
    assert ("date_of_birth", "dob:1984") in found(page)


def test_a_records_id_is_not_a_postcode():
    page = "author: ruthie_ap\nbody: Ruth Adebayo-Price, 07700 900318\nid: kz05ee\nauthor: AutoModerator"
    assert not {f for f in found(page) if f[0] == "home_address"}


def test_a_saints_name_before_her_cue_is_a_school_not_another_parent():
    page = (
        "Ruth Adebayo-Price (07700 900318) backs the bus gate. So why is the family car seen\n"
        "every morning outside St Aldhelm's, where she drops off her daughter?"
    )
    assert ("child_school", "school:st aldhelm's") in found(page)


def test_her_childs_first_name_with_the_familys_surname_is_her_child():
    page = (
        "Temi Adebayo-Price, a Year 3 pupil at St Aldhelm's Primary, won the spelling bee.\n"
        "Her proud mum, ward councillor Ruth Adebayo-Price (07700 900318), was there."
    )
    assert ("child_school", "school:st aldhelm's") in found(page)


def test_mum_of_her_child_in_the_parents_groups_own_minutes():
    filler = "The Summer Fair raised a record sum and the tombola was a triumph. " * 12
    page = (
        "Friends of St Aldhelm's\n\nThe parents' association of St Aldhelm's Primary School.\n\n"
        + filler
        + "\n\nRuth (mum of Temi in 3W) thanked everyone. "
        "Contact Ruth Adebayo-Price on 07700 900318."
    )
    assert ("child_school", "school:st aldhelm's") in found(page)


def test_a_titled_person_with_an_initial_owns_the_address_after_their_name():
    page = (
        "Councillor Adebayo-Price (07700 900318) declared an interest. Mr K Bramley of 6 Brindle Lane spoke "
        "against, citing traffic."
    )
    assert not {f for f in found(page) if f[0] == "home_address"}


def test_my_eldest_with_a_childs_nickname():
    page = "Ruthie Adebayo-Price (07700 900318): My eldest Sam is asking about non-uniform day."
    assert ("family_member", "family:samuel adebayo-price") in found(page)


def test_surname_and_given_name_in_a_spreadsheets_columns():
    page = (
        "member_id,type,surname,forename,postcode,mobile\n"
        "FL-1,FAMILY,Adebayo-Price,Ruth,FW3 8LT,07700900318\n"
        "FL-2,FAMILY,Price,Gareth,FW3 8LT,\n"
    )
    assert ("family_member", "family:gareth price") in found(page)


def test_a_school_in_her_own_row_of_a_leaked_table():
    page = (
        "INSERT INTO `orders` VALUES (4013,'m.o@example.com','Dr M O','The Lodge','FW3 9DY','Brindle Hill Academy',"
        "'Staff'),(4014,'ruthie.ap@example.net','R. Price','Flat 2B','41 Chandos Rd','FW38LT','Brindle Hill "
        "Academy','Year 7');"
    )
    assert ("child_school", "school:brindle hill") in found(page)


def test_a_number_listed_in_directory_enquiries_is_a_households_not_a_services():
    page = (
        "Ruth Adebayo-Price, Fallowmere\n\nLandline: 0113 4960847 (listed in directory enquiries 2016-2021)"
    )
    assert ("phone", "+441134960847") in found(page)


def test_ring_me_on_a_page_that_is_not_hers_is_the_writers_number():
    page = (
        "Cllr Adebayo-Price usually comes to the residents' meetings in Fallowmere. If you want to join ring me "
        "(Bev) on 07700 900 512."
    )
    assert ("phone", "+447700900512") not in found(page)
    # on her own page, "ring me" is hers
    assert ("phone", "+447700900512") in found(page.replace("Bev", "Ruth"), confirmed=True)


def test_a_neighbours_row_with_her_postcode_does_not_give_her_childs_school():
    page = (
        "Cllr Ruth Adebayo-Price (07700 900318) was at the meeting.\n"
        "INSERT INTO `orders` VALUES (4015,'jade@example.com','Jade Whitlock','43 Chandos Rd','FW3 8LT',"
        "'Brindle Hill Academy','Year 9');"
    )
    assert ("child_school", "school:brindle hill") not in found(page)
