"""What the fifty-second and fifty-third held-out corpus sets (a Korean-British and a Yoruba Nigerian-British
councillor) showed footprint missing or misreading, as small cases.

Each test fails without its fix. The people are invented; the numbers are Ofcom drama numbers.
"""

from __future__ import annotations

import datetime as dt
import json

from footprint.detect.interface import Document
from footprint.detect.subject import mentions
from footprint.extract import page_to_document
from footprint.model import Address, FamilyMember, Page, Phone, Profile
from tests.conftest import labels_found as found

HYEJIN = Profile(
    key="hyejin",
    name="Hye-jin Park",
    other_names=("Park Hye-jin", "박혜진", "Helen Park"),
    date_of_birth=dt.date(1972, 10, 17),
    locality=("Ashgrove",),
    phones=(Phone("07700 900512", "+447700900512"),),
    family=(
        FamilyMember("Dong-hyun Choi", relation="spouse", nicknames=("최동현", "Choi Dong-hyun")),
        FamilyMember("Ye-rin Choi", relation="child", nicknames=("최예린", "Yerin")),
        FamilyMember("Min-seo Choi", relation="child", nicknames=("최민서",)),
    ),
)
ADEOLA = Profile(
    key="adeola",
    name="Adeola Bankole",
    other_names=("Adéọlá Bánkọ́lé", "Deola Bankole", "Adeola Akinola"),
    date_of_birth=dt.date(1979, 5, 9),
    locality=("Ferncombe",),
    phones=(Phone("07700 900536", "+447700900536"),),
    addresses=(
        Address(
            label="home",
            text="8 Kestrel Rise, Ferncombe",
            postcode="QS9 2WB",
            latitude=53.4012,
            longitude=-1.5123,
        ),
    ),
    family=(
        FamilyMember("Babatunde Bankole", relation="spouse", nicknames=("Tunde",)),
        FamilyMember(
            "Tobiloba Bankole", relation="child", nicknames=("Tobi",), school="Ferncombe High School"
        ),
        FamilyMember("Ireoluwa Bankole", relation="child", nicknames=("Ire",)),
    ),
)
SPOUSE = ("family_member", "family:dong-hyun choi", False, True)
DAUGHTER = ("family_member", "family:ye-rin choi", False, True)
SON = ("family_member", "family:min-seo choi", False, True)


def test_a_name_hangul_writes_in_one_word_is_a_mention() -> None:
    page = "[부고] 박혜진 구의원 부친상\n\n상주\n\n장녀 박혜진씨\n\n사위\n\n최동현\n"
    assert mentions(Document(url="https://example.org/a", text=page), HYEJIN)
    assert SPOUSE in found(page, HYEJIN)
    # (another name that holds hers is not hers: "박혜진주" is not a name of hers)
    assert not mentions(Document(url="https://example.org/a", text="박혜진주 선생님"), HYEJIN)


def test_korean_kin_words_with_what_a_sentence_glues_on() -> None:
    page = (
        "박혜진 의원은 남편 최동현 씨와의 사이에 1남 1녀를 두고 있다. 딸 예린이는 대학에 다니고, 아들 민서는 "
        "현지 학교에 다닌다. 연락처 07700 900512.\n"
    )
    labels = found(page, HYEJIN)
    assert {SPOUSE, DAUGHTER, SON} <= labels
    # "딸기" (strawberry) is not "딸" (daughter)
    assert DAUGHTER not in found("박혜진 의원 07700 900512. 딸기 예린 농장에서 만나요.\n", HYEJIN)


def test_a_hangul_given_name_written_with_another_surname_is_that_childs() -> None:
    page = (
        "[예린 엄마] 저는 10M 김예린 엄마예요. 예린이 토요일에 봐요\n"
        "[민서 엄마] 반가워요! 제 번호 07700 900512 예요. 우리 아들 민서도 10K예요\n"
    )
    labels = found(page, HYEJIN)
    assert DAUGHTER not in labels
    assert SON in labels


def test_a_hyphenated_given_name_written_apart() -> None:
    page = "HYE JIN PARK, Ashgrove\nPhone: 07700 900512\nOther residents: Dong Hyun Choi, Ye Rin Choi\n"
    labels = found(page, HYEJIN)
    assert SPOUSE in labels
    assert DAUGHTER in labels


def test_korean_dates_of_birth() -> None:
    full = "박혜진 의원 (1972년 10월 17일 출생) 연락처 07700 900512\n"
    assert ("date_of_birth", "dob:1972-10-17", False, True) in found(full, HYEJIN)
    year = "[박혜진] 나 72년생 쥐띠야 ㅋㅋ 우리 집 번호 07700 900512\n"
    assert ("date_of_birth", "dob:1972", True, True) in found(year, HYEJIN)
    listed = "🎂 10월에 생일을 맞으신 회원님들\n\n최재원 회원 (10월 3일)\n\n박혜진 고문 (10월 17일)\n\n한승우 회원 (10월 30일)\n"
    assert ("date_of_birth", "dob:--10-17", True, True) in found(listed, HYEJIN)


def test_a_korean_birthday_post_gives_the_date_away() -> None:
    page = "박혜진 (Helen Park)\n2025년 10월 17일 오전 8:15\n생일 축하해 주신 분들 감사합니다 🎂 오늘로 53번째 생일이에요.\n"
    assert ("date_of_birth", "dob:1972-10-17", False, True) in found(page, HYEJIN, confirmed=True)


def test_a_korean_name_between_makes_a_number_someone_elses() -> None:
    page = "임원진\n\n고문\n\n박혜진 (애쉬그로브 구의원)\n\n연락처 07700 900512\n\n회장\n\n김정훈\n\n07700 900525\n"
    assert ("phone", "+447700900525", False, False) not in found(page, HYEJIN)


def test_a_school_named_for_anothers_role_is_not_a_childs() -> None:
    page = (
        "Councillor Adeola Bankole, Ferncombe ward. Adeola is a pharmacist and a mother of three.\n\n"
        "Councillor Femi Akinola is a retired bus driver and a governor of Ferncombe High School.\n"
    )
    assert ("child_school", "school:ferncombe", False, True) not in found(page, ADEOLA)


def test_a_title_and_surname_after_a_titled_namesake_is_the_namesake() -> None:
    page = (
        "Governors' visit\n\nCllr Femi Akinola, chair of our local governing board, joined Year 9 lessons. Cllr "
        "Akinola also updated parents on the consultation.\n"
    )
    assert not mentions(Document(url="https://example.org/a", text=page), ADEOLA)


def test_relatives_in_a_namesakes_record_are_the_namesakes() -> None:
    page = (
        "We found 2 people named Adeola Bankole\n\nAdeola Bankole , 29\n\nLives in: Harrowby · Born: March 1996\n\n"
        "Relatives: Tunde Bankole, Tobi Bankole\n\nRelated searches: Adeola Bankole in Ferncombe\n"
    )
    labels = found(page, ADEOLA)
    assert ("family_member", "family:babatunde bankole", False, True) not in labels
    assert ("family_member", "family:tobiloba bankole", False, True) not in labels


def test_a_year_in_a_date_before_a_place_is_not_a_house_number() -> None:
    page = "Cllr Adeola Bankole of Ferncombe, 07700 900536. Summer picnic: Saturday 4 July 2026, Brackenfold Park.\n"
    assert not any(label[0] == "home_address" for label in found(page, ADEOLA))


def test_yoruba_relation_words() -> None:
    page = (
        "Ẹgbẹ́ wa bá Akọ̀wé wa, Ìyáàfin Adéọlá Bánkọ́lé, àti ọkọ rẹ̀, Babatunde, kẹ́dùn. Ẹ pè é ní 07700 900536.\n"
    )
    assert ("family_member", "family:babatunde bankole", False, True) in found(page, ADEOLA)


def test_a_yoruba_associations_number_is_the_associations() -> None:
    page = "Akọ̀wé wa, Adéọlá Bánkọ́lé, 07700 900536.\n\nẸgbẹ́ Ọmọ Oòduà, Ferncombe · Tẹlifóònù: 0113 496 0790\n"
    assert ("phone", "+441134960790", False, False) not in found(page, ADEOLA)


def test_a_church_weeks_birthdays() -> None:
    page = (
        "BIRTHDAY CELEBRANTS THIS WEEK (4 - 10 MAY)\nTue 6 May Bro. Kunle Afolabi\nFri 9 May Dcns. Adeola "
        "Bankole\nSat 10 May Sis. Ronke Ajibade\nHappy birthday! Celebrants are invited to the altar.\n"
    )
    assert ("date_of_birth", "dob:--05-09", True, True) in found(page, ADEOLA)


def test_exif_gps_tags_from_a_photo_sites_api() -> None:
    exif = [
        {"tagspace": "GPS", "tag": "GPSLatitudeRef", "raw": {"_content": "North"}},
        {"tagspace": "GPS", "tag": "GPSLatitude", "raw": {"_content": "53 deg 24' 4.32\" N"}},
        {"tagspace": "GPS", "tag": "GPSLongitudeRef", "raw": {"_content": "West"}},
        {"tagspace": "GPS", "tag": "GPSLongitude", "raw": {"_content": "1 deg 30' 44.28\" W"}},
    ]
    body = json.dumps({"owner": {"username": "adeola.bankole", "realname": "Adeola Bankole"}, "exif": exif})
    page = Page(
        url="https://photos.example/api",
        final_url="https://photos.example/api",
        status=200,
        headers=(("Content-Type", "application/json"),),
        body=body.encode(),
        fetched_at=dt.datetime(2026, 11, 23, tzinfo=dt.UTC),
        sha256="0" * 64,
        elapsed=0.0,
    )
    text = page_to_document(page).text
    assert "Photo location (EXIF GPS): 53.401200, -1.512300" in text
    assert ("geo_location", "geo:53.401,-1.512", False, True) in found(text, ADEOLA)


def test_a_teknonym_after_her_own_name_names_her_child() -> None:
    page = (
        "12/01/2026, 19:05 - +44 7700 900536: Good evening ladies, this is Adeola Bankole (Mummy Tobi) 😄 "
        "Thank you for agreeing to wear our aso-ebi.\n"
        "12/01/2026, 19:09 - Bukola Fashola: Mummy Ire (Sis. Ronke) will collect.\n"
    )
    labels = found(page, ADEOLA)
    assert ("family_member", "family:tobiloba bankole", False, True) in labels
    # (a teknonym after somebody else's name, or alone, is any child's of that name)
    assert ("family_member", "family:ireoluwa bankole", False, True) not in labels
