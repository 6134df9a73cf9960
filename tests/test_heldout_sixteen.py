"""What the sixteenth held-out corpus set (cases 1601-1630: a councillor whose son is at a prep school) showed
footprint missing or misreading, as small cases.

Each test fails without its fix. The person is invented; the numbers are Ofcom drama numbers.
"""

from __future__ import annotations

from footprint.detect.family import school_key
from footprint.detect.interface import Document
from footprint.detect.reading import read
from footprint.detect.registry import all_detectors
from footprint.model import FamilyMember, Phone, Profile

MEILING = Profile(
    key="meiling",
    name="Mei-Ling Wong",
    locality=("Tallis Green",),
    phones=(Phone("020 7946 0574", "+442079460574", "restaurant", public=True),),
    family=(
        FamilyMember("Ethan Wong", "son", school="St Wystan's Preparatory School"),
        FamilyMember("Lai-Kuen Chan", "parent"),
        FamilyMember("Kenneth Wong", "spouse", nicknames=("Ken",)),
    ),
)


def schools(text: str) -> set[str]:
    doc = Document(url="https://example.org/page", text=text)
    return {m.key for m in read(doc, MEILING, all_detectors()).matches if m.kind.value == "child_school"}


def test_a_prep_school_is_a_type_of_school():
    assert school_key("St Wystan's Preparatory School") == "school:st wystan's"
    assert school_key("Ashdown Prep") == "school:ashdown"
    text = "Cllr Mei-Ling Wong of Tallis Green: my son Ethan is in Year 4 at St Wystan's Preparatory School."
    assert schools(text) == {"school:st wystan's"}


def test_our_youngest_reader_is_the_schools_not_a_child_of_hers():
    text = (
        "St Wystan's Preparatory School newsletter. Cllr Mei-Ling Wong of Tallis Green cut the ribbon on the "
        "library with the help of {}, Hattie (Reception)."
    )
    assert schools(text.format("our youngest reader")) == set()
    assert schools(text.format("our youngest")) == {"school:st wystan's"}


def test_a_public_detail_does_not_make_a_page_about_her():
    """The family restaurant's own page carries its public phone and names her mother as its founder, but never
    names her: it is the restaurant's page, not hers."""
    page = "Golden Orchid. Book on 020 7946 0574. Founded in 1988 by Lai-Kuen Chan, still run by her family."
    doc = Document(url="https://example.org/page", text=page)
    assert read(doc, MEILING, all_detectors()).matches == ()


def test_a_mention_by_her_title_starts_a_record_of_hers_not_a_namesakes():
    page = (
        "Our trustee Cllr Mei-Ling Wong gave the welcome. She came with her husband Ken, who grew up in Tai Po.\n\n"
        "Cllr Wong's surgery is at the Tallis Green library."
    )
    doc = Document(url="https://example.org/page", text=page)
    keys = {m.key for m in read(doc, MEILING, all_detectors()).matches}
    assert "family:kenneth wong" in keys
