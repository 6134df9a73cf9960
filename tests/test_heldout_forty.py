"""What the fortieth and forty-first held-out corpus sets, and the older corpus's remaining misses, showed
footprint missing or misreading, as small cases.

Each test fails without its fix. The people are invented; the numbers are Ofcom drama numbers.
"""

from __future__ import annotations

import datetime as dt

from footprint.detect.interface import Document
from footprint.detect.subject import mentions
from footprint.model import Address, FamilyMember, Phone, Profile
from tests.conftest import labels_found as found

GEOFFREY = Profile(
    key="geoffrey",
    name="Geoffrey Hale",
    other_names=("Geoff Hale",),
    date_of_birth=dt.date(1954, 8, 2),
    locality=("Netherfold", "Eldersby"),
    phones=(Phone("0113 496 0264", "+441134960264"),),
    addresses=(Address("Wrenfield, Sallow Lane, Netherfold", label="home", postcode="VK7 3HP"),),
)
MAIREAD = Profile(
    key="mairead",
    name="Mairead McDonagh",
    other_names=("Mairead Joyce",),
    locality=("Hobmoor",),
    addresses=(
        Address(
            "Pitch 7, Furzebank Traveller Site, Colliers Lane, Hobmoor", label="home", postcode="UQ9 2LX"
        ),
    ),
    family=(
        FamilyMember("Martin Joyce", relation="husband"),
        FamilyMember("Bridget Joyce", relation="daughter"),
    ),
)
HER_PITCH = ("home_address", "pitch 7 colliers lane uq92lx", False, True)


def test_a_pitch_on_a_site_written_as_a_plot_a_bay_or_a_postal_address() -> None:
    for written in (
        "Plot 7 up at Furzebank",
        "Bay 7 Furzebank",
        "7 Furzebank Park, Colliers Lane",
        "Pitch 7, UQ9 2LX",
    ):
        page = f"Cllr Mairead McDonagh lives at {written}, Hobmoor.\n"
        assert HER_PITCH in found(page, MAIREAD), written


def test_another_pitch_or_another_sites_plot_7_is_not_her_home() -> None:
    for written in (
        "Pitch 5, Furzebank Traveller Site",
        "Plot 7, Tollgate Lane Traveller Site",
        "17 Furzebank Park",
    ):
        page = f"Mairead McDonagh visited the family at {written} on Sunday.\n"
        assert HER_PITCH not in found(page, MAIREAD), written


def test_an_initial_and_surname_after_a_relative_of_that_initial_named_in_full() -> None:
    page = (
        "Scrap metal dealers: public register\n\nCollector\n\nMartin Joyce\n\n"
        "Pitch 7, Furzebank Traveller Site, Colliers Lane, Hobmoor UQ9 2LX\n\nM. Joyce Scrap & Clearance\n"
    )
    # "M. Joyce" is Martin, named just before: the page never names her, so nothing is hers
    assert found(page, MAIREAD) == set()
    # ... but with no Martin before it, "M. Joyce" may be her
    assert HER_PITCH in found(page.replace("Martin Joyce", "Thomas Ward"), MAIREAD)


def test_a_brokers_previous_addresses_one_after_another() -> None:
    page = (
        "Geoffrey Hale Age 71\n\nPrevious addresses\n\n4 Church Walk, Eldersby, JZ3 1LR (1989–1998)\n\n"
        "Flat 2, 19 Kingsmere Road, Eldersby, JZ4 8BQ (1983–1989)\n"
    )
    labels = found(page, GEOFFREY)
    # the words of the address before ("Church Walk") do not make the next one a church's
    assert ("home_address", "19 kingsmere road jz48bq", False, False) in labels
    assert ("home_address", "4 church walk jz31lr", False, False) in labels


def test_a_footers_copyright_year_and_name_is_not_an_address() -> None:
    jackie = Profile(key="jackie", name="Jackie Hill", locality=("Stennet",))
    page = (
        "Jackie Hill, your councillor for Stennet.\n\nPromoted by Jackie Hill (Independent), Ward Office, "
        "3 Market Place, Stennet WJ1 2HQ.\n\n\u00a9 2025 Jackie Hill \u00b7 Privacy\n"
    )
    # (a year, then her name, whose last word is a street's type)
    assert not any(label[1].startswith("2025") for label in found(page, jackie))


def test_a_brokers_previous_addresses_after_the_people_it_lists() -> None:
    page = (
        "Geoffrey Hale, 71\n\nCurrent address\n\nWrenfield, Sallow Lane, Netherfold VK7 3HP\n\n"
        "Also at this address: Kieran Doyle, Sophie Lambert\n\nPossible relatives\n\nHelen Marsden , 44\n\n"
        "Previous addresses\n\nFlat 2, 88 Chapel Road, Eldersby, JZ3 9RT (2019–2022)\n"
    )
    # the heading says whose the rows under it are: the record's, not the last person it listed
    assert ("home_address", "88 chapel road jz39rt", False, False) in found(page, GEOFFREY)
    # ... without it, an address after other people's names may be theirs
    page = page.replace("Previous addresses\n\n", "")
    assert ("home_address", "88 chapel road jz39rt", False, False) not in found(page, GEOFFREY)


RAMI = Profile(
    key="rami",
    name="Rami Al-Khatib",
    other_names=("Abu Omar",),
    locality=("Sowerleigh",),
    family=(
        FamilyMember("Rasha Al-Hamwi", relation="wife"),
        FamilyMember("Omar Al-Khatib", relation="son"),
    ),
)


def test_a_relatives_arabic_article_joined_spaced_or_as_el() -> None:
    for written in ("Rasha M Alhamwi", "Rasha Al Hamwi", "Rasha El-Hamwi", "Rasha Al-Hamwi"):
        page = f"Rami Al-Khatib, Sowerleigh\n\nAssociated people\n\n{written} , 39 – same address\n"
        assert ("family_member", "family:rasha al-hamwi", False, True) in found(page, RAMI), written
    # ("Alder" is not an "Al-" name: only a surname the profile writes with the article is read this way)
    assert not found("Rami Al-Khatib, Sowerleigh. Associated people: Rasha Hamwiyah, 39", RAMI)


def test_a_kunya_names_the_person_only_whole() -> None:
    page = "Rami Al-Khatib, Sowerleigh\n\nAssociated people\n\nOmar Haddad, 16 – neighbour\n"
    # "Omar" alone is not Abu Omar: the neighbour's "Haddad" after it is not the person's relative list
    assert "Abu" not in page
    doc = Document(url="https://example.org/p", text=page)
    assert [page[a:b] for a, b in mentions(doc, RAMI)] == ["Rami Al-Khatib"]
    doc = Document(url="https://example.org/p", text=page + "\nThanks to Abu Omar for the sweets.\n")
    assert "Abu Omar" in [doc.text[a:b] for a, b in mentions(doc, RAMI)]


def test_a_kunya_in_brackets_after_another_mans_name_is_his() -> None:
    page = (
        "Cllr Rami Al-Khatib, Sowerleigh, opened the new hall.\n\nYouth & Sports\n\n"
        "Br. Tariq Mansour (Abu Omar)\n\n07700 900988 (WhatsApp only)\n"
    )
    assert not found(page, RAMI)
    # ... after his own name it is his
    page = page.replace("Br. Tariq Mansour", "Br. Rami Al-Khatib")
    assert ("phone", "+447700900988", False, False) in found(page, RAMI)


def test_a_neighbours_line_with_the_persons_postcode_is_not_the_persons_record() -> None:
    page = (
        "Street party on Tenterfield Street! Our ward councillor Rami Al-Khatib, who lives on the street, will\n"
        "open it. Please let me know what you're bringing:\n\n"
        "Janet Whitworth, 16 Tenterfield Street, UJ4 7RB – text or WhatsApp 07700 900979, or just knock.\n"
    )
    rami = Profile(
        key="rami",
        name="Rami Al-Khatib",
        locality=("Sowerleigh",),
        addresses=(Address("14 Tenterfield Street, Fennick, Sowerleigh", label="home", postcode="UJ4 7RB"),),
    )
    # (his postcode is a dozen homes': it does not make the number after it his)
    assert ("phone", "+447700900979", False, False) not in found(page, rami)


def test_half_of_a_hyphenated_given_name_is_not_a_relative() -> None:
    page = "Hobmoor News\n\nThank you to Mrs Joyce, mum of Bridget and John-Paul, who came in to talk to Year 5.\n"
    mairead = Profile(
        key="mairead",
        name="Mairead Joyce",
        locality=("Hobmoor",),
        family=(
            FamilyMember("John-Paul Joyce", relation="son"),
            FamilyMember("John McDonagh", relation="father"),
            FamilyMember("Paul Ward", relation="brother"),
        ),
    )
    labels = found(page, mairead)
    assert ("family_member", "family:john-paul joyce", False, True) in labels
    assert ("family_member", "family:john mcdonagh", False, True) not in labels
    assert ("family_member", "family:paul ward", False, True) not in labels


def test_a_class_at_school_is_not_somewhere_else() -> None:
    page = (
        "Cllr Mairead McDonagh of Hobmoor opened the school fair on Saturday.\n\n"
        + "The tombola raised more than ever this year and the cake stall sold out by noon. " * 8
        + "\n\nA huge thank you to Mrs Joyce, mum of Bridget in Oak Class, who brought photos of her granny's wagon.\n"
    )
    # (a record running from "Mrs Joyce" that says "in Oak Class" does not place her elsewhere)
    assert ("family_member", "family:bridget joyce", False, True) in found(page, MAIREAD)


def test_a_record_naming_two_relatives_by_relation_is_theirs_wherever_it_says_they_were() -> None:
    rami = Profile(
        key="rami",
        name="Rami Al-Khatib",
        date_of_birth=dt.date(1981, 11, 4),
        locality=("Sowerleigh",),
        family=(
            FamilyMember("Rasha Al-Hamwi", relation="wife"),
            FamilyMember("Hala Al-Khatib", relation="daughter"),
        ),
    )
    page = (
        "Rami Al-Khatib with volunteers from Sanctuary Sowerleigh.\n\nA pharmacist and his young family have "
        "arrived.\n\nRami Al-Khatib, 34, his wife Rasha, 29, and their daughter Hala, 20 months, arrived last "
        "Tuesday\nafter almost three years in Lebanon.\n\nMr Al-Khatib thanked the volunteers.\n"
    )
    labels = found(page, rami)
    assert ("family_member", "family:rasha al-hamwi", False, True) in labels
    assert ("family_member", "family:hala al-khatib", False, True) in labels
    # ... but a namesake's death notice with a birth year not theirs stays a namesake's
    notice = page.replace("Rami Al-Khatib, 34,", "AL-KHATIB Rami (Abu Samir), born 3rd November 1936,")
    assert ("family_member", "family:rasha al-hamwi", False, True) not in found(notice, rami)


RAMI_AR = Profile(
    key="rami",
    name="Rami Haitham Al-Khatib",
    other_names=("Rami Al-Khatib", "Abu Omar", "رامي هيثم الخطيب", "رامي الخطيب", "أبو عمر"),
    locality=("Sowerleigh", "ساورلي"),
    family=(
        FamilyMember("Omar Al-Khatib", relation="son"),
        FamilyMember("Hala Al-Khatib", relation="daughter"),
        FamilyMember("Kareem Al-Khatib", relation="son"),
        FamilyMember("Haitham Al-Khatib", relation="father"),
        FamilyMember("Fadi Al-Khatib", relation="brother"),
    ),
)


def test_relatives_written_in_arabic_script() -> None:
    page = "أبو عمر الخطيب من ساورلي: السلام عليكم أستاذة مها، ولادي هالة وكريم ما رح يقدروا يجوا بكرا\n"
    labels = found(page, RAMI_AR)
    assert ("family_member", "family:hala al-khatib", False, True) in labels
    assert ("family_member", "family:kareem al-khatib", False, True) in labels
    # a relative in full, with his own father's name between: "والمهندس فادي الخطيب"
    page = "نعي: رامي الخطيب في ساورلي.\nووالد كل من: رامي الخطيب، والمهندس فادي محمد الخطيب – إسطنبول\n"
    assert ("family_member", "family:fadi al-khatib", False, True) in found(page, RAMI_AR)


def test_arabic_names_that_are_not_the_relatives() -> None:
    # his own name, with his father's name in the middle, is his; his kunya is his; "رمضان كريم" is a greeting
    page = (
        "رامي هيثم الخطيب من ساورلي. ويعرفه أبناء الجالية باسم أبي عمر، وقالت زوجته أم عمر إن العائلة سعيدة.\n"
        "رمضان كريم لكل أولادي\n"
    )
    assert not {label for label in found(page, RAMI_AR) if label[0] == "family_member"}


HANSA = Profile(
    key="hansa",
    name="Hansa Patel",
    other_names=("Hansaben Patel", "હંસાબેન પટેલ"),
    locality=("Kingsbrook",),
    family=(
        FamilyMember("Rameshchandra Patel", relation="spouse"),
        FamilyMember("Meera Desai", relation="child"),
    ),
)


def test_gujarati_names_with_bhai_or_ben_and_a_compound_names_first_part() -> None:
    page = "Cllr Hansa Patel of Kingsbrook came to Britain in 1972. She married Rameshbhai in 1984; her daughter Meeraben\n"
    labels = found(page, HANSA)
    assert ("family_member", "family:rameshchandra patel", False, True) in labels
    assert ("family_member", "family:meera desai", False, True) in labels
    page = "Cllr Hansa Patel of Kingsbrook came to Britain in 1972, and her husband Ramesh ran the shop.\n"
    assert ("family_member", "family:rameshchandra patel", False, True) in found(page, HANSA)


def test_another_ramesh_patel_is_not_her_husband() -> None:
    # ("Ramesh" is only the first part of his name, and Patel the commonest surname in the borough)
    for written in ("Ramesh K. Patel", "PATEL Ramesh", "Ramesh Kantilal Patel"):
        page = f"Cllr Hansa Patel of Kingsbrook thanked the Samaj. Treasurer: {written}, 07700 900661\n"
        assert ("family_member", "family:rameshchandra patel", False, True) not in found(page, HANSA), written


RASA = Profile(
    key="rasa",
    name="Rasa Kazlauskienė",
    other_names=("Rasa Kazlauskiene",),
    date_of_birth=dt.date(1980, 9, 19),
    locality=("Saxmere",),
    family=(
        FamilyMember("Darius Kazlauskas", relation="spouse"),
        FamilyMember("Gabija Kazlauskaitė", relation="child"),
        FamilyMember("Lukas Kazlauskas", relation="child"),
    ),
)


def test_a_lithuanian_page_declines_the_relatives_and_writes_the_year_first() -> None:
    page = (
        "Rasos Kazlauskienės istorija. Rasa Kazlauskienė gimė 1980 m. rugsėjo 19 d. Šiauliuose. Į Saxmere ji "
        "atvyko 2005 m., o dabar gyvena su vyru Dariumi ir vaikais – Gabija ir aštuonmečiu Luku.\n"
    )
    labels = found(page, RASA)
    assert ("date_of_birth", "dob:1980-09-19", False, True) in labels
    assert ("family_member", "family:darius kazlauskas", False, True) in labels
    assert ("family_member", "family:gabija kazlauskaitė", False, True) in labels
    assert ("family_member", "family:lukas kazlauskas", False, True) in labels


def test_a_number_abroad_beside_the_name_is_not_an_unlisted_one_of_theirs() -> None:
    page = "Rami Al-Khatib of Sowerleigh. Mobile: +90 532 000 1864.\n"
    assert not any(label[0] == "phone" for label in found(page, RAMI))
    # ... a UK number there is
    page = page.replace("+90 532 000 1864", "07700 900988")
    assert ("phone", "+447700900988", False, False) in found(page, RAMI)


def test_a_short_form_with_the_surname_is_not_the_relatives_full_name() -> None:
    page = "Well done OUR MAIREAD McDONAGH of Hobmoor!!\n\nJohnny McDonagh: well done little cuz\n"
    mairead = Profile(
        key="mairead",
        name="Mairead McDonagh",
        locality=("Hobmoor",),
        family=(FamilyMember("John McDonagh", relation="father"),),
    )
    # (a listed nickname with the surname is a full name; "Johnny" is only the common short form of John)
    assert ("family_member", "family:john mcdonagh", False, True) not in found(page, mairead)
    assert ("family_member", "family:john mcdonagh", False, True) in found(page + "her dad Johnny\n", mairead)


def test_a_relation_word_right_before_a_name_says_who_that_is() -> None:
    page = "Well done OUR MAIREAD McDONAGH of Hobmoor!! Granny Bridget would be so proud of you\n"
    # (her daughter is Bridget too: "granny Bridget" is a granny)
    assert ("family_member", "family:bridget joyce", False, True) not in found(page, MAIREAD)
    assert ("family_member", "family:bridget joyce", False, True) in found(
        page.replace("Granny Bridget", "Her daughter Bridget"), MAIREAD
    )
    # ... but a word for the other generation that is not right before the name still tells whose it is
    page = "Cllr Mairead McDonagh of Hobmoor, whose granny made the wagon, thanked Bridget, her daughter.\n"
    assert ("family_member", "family:bridget joyce", False, True) in found(page, MAIREAD)


def test_a_neighbours_pitch_on_her_site_is_not_an_unlisted_address_of_hers() -> None:
    page = (
        "Residents at Furzebank Park, Colliers Lane, Hobmoor, UQ9 2LX\n\n3 Furzebank Park\n\nBridget McDonagh\n\n"
        "Relatives: Mairead Joyce, Martin Joyce\n\n4 Furzebank Park\n\nPatrick McDonagh\n\n7 Furzebank Park\n\n"
        "Mairead Joyce\n\nAlso known as: Mairead McDonagh\n"
    )
    labels = found(page, MAIREAD)
    assert HER_PITCH in labels
    assert not any(label[1].startswith(("3 furzebank", "4 furzebank")) for label in labels)


def test_a_mosque_halls_address_on_an_arabic_page_is_the_halls() -> None:
    rami = Profile(
        key="rami",
        name="رامي الخطيب",
        other_names=("Rami Al-Khatib",),
        locality=("Sowerleigh", "ساورلي"),
        addresses=(Address("14 Tenterfield Street, Fennick, Sowerleigh", label="home", postcode="UJ4 7RB"),),
    )
    page = (
        "تقبل التعازي في ساورلي: للرجال في منزل ابنه رامي الخطيب (14 Tenterfield St, UJ4 7RB)، "
        "وللنساء في قاعة مسجد النور – ٣ ويلغيت (3 Wellgate, JU1 3QS) في نفس الموعد.\n"
    )
    assert ("home_address", "JU13QS", True, False) not in found(page, rami)


def test_a_number_right_after_a_relatives_first_name_is_theirs() -> None:
    page = "OUR RESIDENCE: Cllr Hansa Patel, Kingsbrook\nTel: 020 7946 0617 (home) RSVP: Rameshbhai 07700 900657\n"
    labels = found(page, HANSA)
    assert ("phone", "+447700900657", False, False) not in labels
    assert ("phone", "+442079460617", False, False) in labels


def test_gujarati_relation_words_in_english_letters() -> None:
    page = "Cllr Hansa Patel of Kingsbrook: our children grew up behind the counter, and my dikri Meera stacked shelves.\n"
    assert ("family_member", "family:meera desai", False, True) in found(page, HANSA)


def test_relatives_written_in_gujarati_script() -> None:
    page = "કાઉન્સિલર શ્રીમતી હંસાબેન પટેલ, Kingsbrook. પતિ રમેશચંદ્ર મગનલાલ પટેલ; પુત્રી મીરા પણ હાજર રહ્યાં હતાં.\n"
    labels = found(page, HANSA)
    assert ("family_member", "family:rameshchandra patel", False, True) in labels
    assert ("family_member", "family:meera desai", False, True) in labels


def test_a_lithuanian_address_with_the_number_after_the_street() -> None:
    rasa = Profile(
        key="rasa",
        name="Rasa Kazlauskienė",
        locality=("Saxmere",),
        addresses=(Address("11 Medlar Close, Saxmere", label="home", postcode="UW6 4RJ"),),
    )
    page = "Rasa Kazlauskienė iš Saxmere priėmė mus savo namuose: Medlar Close 11, Saxmere.\n"
    assert ("home_address", "11 medlar close uw64rj", False, True) in found(page, rasa)
    # ... "Medlar Close 13" is a neighbour's; and her street after "pasiimti" (collect from) is hers
    assert ("home_address", "11 medlar close uw64rj", False, True) not in found(
        page.replace("11,", "13,"), rasa
    )
    page = "Rasa Kazlauskienė, Saxmere. Kaina £25. Pasiimti Medlar Close, Saxmere (netoli Tesco).\n"
    assert ("home_address", "street:medlar close", True, True) in found(page, rasa)


def test_young_johnny_is_not_her_father_john() -> None:
    mairead = Profile(
        key="mairead",
        name="Mairead McDonagh",
        locality=("Hobmoor",),
        family=(FamilyMember("John McDonagh", relation="father"),),
    )
    page = "Cllr Mairead McDonagh of Hobmoor. For a lift ring her cousin Young Johnny on the day.\n"
    assert ("family_member", "family:john mcdonagh", False, True) not in found(page, mairead)
    assert ("family_member", "family:john mcdonagh", False, True) in found(
        page.replace("Young ", ""), mairead
    )
