"""What the fifteenth held-out corpus set (cases 1501-1530: a hairdresser whose home is her salon, with a
former married name) showed footprint missing or misreading, as small cases.

Each test fails without its fix. The person is invented; the numbers are Ofcom drama numbers.
"""

from __future__ import annotations

from footprint.model import FamilyMember, Profile
from tests.conftest import labels_found

DONNA = Profile(
    key="donna",
    name="Donna Fairweather",
    other_names=("Donna Baxter",),
    locality=("Cawder Green", "Brackenholme"),
    family=(
        FamilyMember("Kayden Baxter", "child", school="Thornleigh High School"),
        FamilyMember("Leah Baxter", "child", school="Thornleigh High School"),
    ),
)


def found(text: str) -> set[tuple[str, str, bool, bool]]:
    return labels_found(text, DONNA)


def test_a_value_under_a_field_label_is_not_another_entry_of_a_list():
    record = (
        "Donna Baxter\n\nAlso known as: Donna Fairweather\n\nAge\n\n43 (age guide 40-45)\n\n"
        "Latest address\n\nCawder Green, Brackenholme\n\nPrevious address\n\n58 Saxby Road, Ottersley, JK4 2DP\n\n"
        "Phone\n\n07700 900708 (mobile, last seen 2019)\n"
    )
    assert {
        ("home_address", "58 saxby road jk42dp", False, False),
        ("phone", "+447700900708", False, False),
    } <= (found(record))
    # A ranked list's next entry still starts somebody else's record.
    ranked = "Results near Brackenholme\n1 Donna Baxter 14:02\n2 (name withheld) 07700 900708\n"
    assert ("phone", "+447700900708", False, False) not in found(ranked)
