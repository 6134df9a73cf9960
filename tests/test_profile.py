"""Profiles: the public contract parses, and every broken file is refused with file, line and field named."""

from __future__ import annotations

import datetime as dt
import stat

import pytest

from footprint.errors import ProfileError
from footprint.profile import TEMPLATE, load_profile, parse_profile, stable_key
from tests.conftest import DEMO_LIKE_PROFILE

ISSUE_EXAMPLE = """
name = "Margaret Oduya"
other_names = ["Maggie Oduya"]
date_of_birth = "1979-06-14"          # optional
locality = ["Brackenfield", "Millbrook ward"]   # places that help tell this person from namesakes
usernames = ["maggieoduya", "cllrmaggie"]
websites = ["https://www.maggieoduya.org.uk"]

[[phones]]
number = "07700 900461"
label = "personal mobile"
public = false            # false: its appearance anywhere is an exposure

[[phones]]
number = "0113 496 0123"
label = "campaign office"
public = true             # true: published on purpose; never reported as an exposure

[[emails]]
address = "maggie@example.org"
public = false

[[addresses]]
label = "home"
text = "14 Larch Close, Millbrook, Brackenfield"
postcode = "BF4 7QT"
public = false

[[family]]
name = "Devendra Oduya"
relation = "spouse"

[[family]]
name = "Amara Oduya"
relation = "child"
school = "St Anne's Primary School"

[[accounts]]            # handles the person knows are theirs
site = "instagram"
username = "maggie.oduya"
"""


def test_the_documented_profile_shape_parses():
    p = parse_profile(ISSUE_EXAMPLE, "me.toml")
    assert p.name == "Margaret Oduya" and p.other_names == ("Maggie Oduya",)
    assert p.date_of_birth == dt.date(1979, 6, 14)
    assert [ph.e164 for ph in p.phones] == ["+447700900461", "+441134960123"]
    assert [ph.public for ph in p.phones] == [False, True]
    assert p.addresses[0].postcode == "BF4 7QT"
    assert p.family[1].school == "St Anne's Primary School"
    assert p.accounts[0].site == "instagram" and p.accounts[0].username == "maggie.oduya"
    assert p.key == stable_key("Margaret Oduya", dt.date(1979, 6, 14))


def test_home_coordinates_and_distance_parse():
    p = parse_profile(
        'name = "A"\nnear_home_metres = 300\n[[addresses]]\ntext = "1 A St"\nlatitude = 53\nlongitude = -1.5\n'
    )
    assert p.near_home_metres == 300
    assert p.addresses[0].coordinates == (53.0, -1.5)
    assert parse_profile('name = "A"').near_home_metres == 500


def test_titles_parse_as_the_title_each_counts_as():
    assert parse_profile('name = "A"\ntitles = ["Ms.", "Councillor", "Cllr"]').titles == ("ms", "cllr")
    assert parse_profile('name = "A"').titles == ()


def test_key_is_stable_and_independent_of_the_file():
    a = parse_profile(ISSUE_EXAMPLE, "a.toml")
    b = parse_profile(ISSUE_EXAMPLE.replace("Margaret Oduya", "Margaret  oduya", 1), "elsewhere/b.toml")
    assert a.key == b.key
    assert parse_profile(DEMO_LIKE_PROFILE).key == "test-margaret"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('name = "A"\nusernames = ["x",,]\n', ["me.toml", "not valid TOML", "line 2"]),
        ('name = "A"\nfavourite_colour = "red"\n', ["me.toml, line 2", "favourite_colour", "unknown field"]),
        (
            'name = "A"\n\n[[phones]]\nnumber = "12"\n',
            ["me.toml, line 4", "phones[0].number", "not a phone number"],
        ),
        ('usernames = ["x"]\n', ["me.toml", "name", "required"]),
        ('name = ""\n', ["name", "required"]),
        ('name = "A"\ndate_of_birth = "14/06/1979"\n', ["line 2", "date_of_birth", "1979-06-14"]),
        (
            'name = "A"\n[[addresses]]\ntext = "1 A St"\npostcode = "NOTAPC"\n',
            ["addresses[0].postcode", "postcode"],
        ),
        ('name = "A"\n[[emails]]\naddress = "nobody"\n', ["emails[0].address", "not an email"]),
        (
            'name = "A"\n[[phones]]\nnumber = "07700 900461"\npublic = "no"\n',
            ["phones[0].public", "true or false"],
        ),
        ('name = "A"\n[[phones]]\nlabel = "x"\n', ["phones[0].number", "required"]),
        ('name = "A"\nwebsites = ["ftp://x.org"]\n', ["websites[0]", "http"]),
        ('name = "A"\nusernames = "maggie"\n', ["usernames", "must be a list"]),
        ('name = "A"\n[[family]]\nname = "B"\nage = 3\n', ["family[0].age", "unknown field"]),
        ('name = "A"\n[[addresses]]\ntext = "1 A St"\nlatitude = 53.8\n', ["addresses[0]", "both latitude"]),
        (
            'name = "A"\n[[addresses]]\ntext = "1 A St"\nlatitude = -153.8\nlongitude = 53.8\n',
            ["addresses[0].latitude", "not a place"],
        ),
        (
            'name = "A"\n[[addresses]]\ntext = "1 A St"\nlatitude = true\nlongitude = 1.0\n',
            ["addresses[0].latitude", "a number"],
        ),
        ('name = "A"\nnear_home_metres = 2\n', ["line 2", "near_home_metres", "10 to 100000"]),
        ('name = "A"\nnear_home_metres = "far"\n', ["near_home_metres", "whole number"]),
        ('name = "A"\ntitles = ["Ms", "Sir"]\n', ["line 2", "titles[1]", "not a title", "Cllr"]),
    ],
)
def test_broken_profiles_name_file_line_and_field(text, expected):
    with pytest.raises(ProfileError) as info:
        parse_profile(text, "me.toml")
    message = str(info.value)
    for part in expected:
        assert part in message, message


def test_missing_and_unreadable_files(tmp_path):
    with pytest.raises(ProfileError, match="no such file"):
        load_profile(tmp_path / "nope.toml")
    with pytest.raises(ProfileError, match="is a folder"):
        load_profile(tmp_path)
    binary = tmp_path / "bin.toml"
    binary.write_bytes(b"\xff\xfe\x00name")
    with pytest.raises(ProfileError, match="not UTF-8"):
        load_profile(binary)
    huge = tmp_path / "huge.toml"
    huge.write_bytes(b"#" * 2_000_000)
    with pytest.raises(ProfileError, match="short TOML file"):
        load_profile(huge)


def test_template_is_a_valid_profile_once_named(tmp_path):
    text = TEMPLATE.replace("{key}", "p-abc")
    parsed = parse_profile(text)
    assert parsed.key == "p-abc" and parsed.name == "Your Name"
    target = tmp_path / "me.toml"
    target.write_text(text)
    assert stat.S_IMODE(target.stat().st_mode)  # written by the test; the CLI test checks 0600
