"""Account discovery: username variants, following links from confirmed profiles, and whether an account is theirs.

Every site here is fake, served on 127.0.0.1 by the sample world; all people are fictional.
"""

from __future__ import annotations

import dataclasses

import pytest

from footprint.api import ScanContext, run_scan
from footprint.attribution import attribute, display_name
from footprint.detect.interface import Document
from footprint.fetch.http import HttpFetcher
from footprint.fetch.interface import FetchPolicy
from footprint.model import AttributionLevel, Ownership, Probe, Status
from footprint.plan import make_plan, name_variants
from footprint.sampleworld.server import Reply
from footprint.store import Store

HTML = (("Content-Type", "text/html; charset=utf-8"),)


def probe(origin: str = "usernames", username: str = "maggieoduya", **kw) -> Probe:
    return Probe("github", f"https://github.com/{username}", origin, Ownership.SELF, username, **kw)


def doc(text: str, title: str = "", links: tuple[str, ...] = ()) -> Document:
    return Document(url="https://github.com/maggieoduya", text=text, title=title, links=links)


# --- variants ------------------------------------------------------------------------------------------------


def test_name_variants_cover_the_usual_handle_shapes(profile):
    handles = {h for h, _ in name_variants(profile)}
    assert {
        "margaretoduya",
        "maggie.oduya",
        "maggie_oduya",
        "maggie-oduya",
        "moduya",
        "oduyamaggie",
    } <= handles
    assert {"cllrmaggieoduya", "cllroduya"} <= handles
    assert "maggieoduya" not in handles, "a listed username is not a variant of itself"
    vias = dict(name_variants(profile))
    assert vias["maggie.oduya"] == "a variant of your name (first.last)"


def test_variants_are_probed_only_when_asked_and_labelled(profile, catalogue):
    plain = make_plan(profile, catalogue, only=["github"])
    assert {p.username for p in plain.probes} == {"maggieoduya"}
    wide = make_plan(profile, catalogue, only=["github"], variants=True)
    by_user = {p.username: p for p in wide.probes}
    assert by_user["maggieoduya"].via == "your usernames"
    assert by_user["maggie-oduya"].origin == "variants"
    # GitHub does not allow "." or "_": those variants are dropped quietly, not reported as skipped
    assert "maggie.oduya" not in by_user and not wide.skipped


# --- attribution ---------------------------------------------------------------------------------------------


def test_a_listed_account_is_confirmed(profile):
    a = attribute(probe("accounts"), doc("anything"), profile)
    assert a.level is AttributionLevel.CONFIRMED and "listed in your profile" in a.evidence[0]


@pytest.mark.parametrize(
    ("page", "level", "because"),
    [
        (doc("bio", links=("https://www.maggieoduya.org.uk/contact",)), "confirmed", "links to your website"),
        (doc("Call me on 07700 900461"), "confirmed", "shows your phone"),
        (doc("Maggie Oduya. Councillor in Brackenfield."), "likely", "mentions 'Brackenfield'"),
        (doc("Maggie Oduya. Knitting and cats."), "unknown", "nothing else ties it to you"),
        (doc("Knitting and cats.", title="Maggie Lee (@maggieoduya) · GitHub"), "unlikely", "'Maggie Lee'"),
        (doc("maggieoduya has 3 repositories", title="maggieoduya · GitHub"), "unknown", "does not say"),
    ],
)
def test_attribution_levels_and_their_evidence(profile, page, level, because):
    a = attribute(probe(), page, profile)
    assert a.level.value == level
    assert any(because in e for e in a.evidence), a.evidence


def test_the_handle_a_page_was_found_by_is_not_evidence(profile):
    """Every page found by 'maggieoduya' shows 'maggieoduya': that says nothing about whose it is."""
    a = attribute(probe(), doc("@maggieoduya on GitHub. Brackenfield."), profile)
    assert a.level is AttributionLevel.UNKNOWN


def test_linked_from_a_confirmed_page_is_confirmed(profile):
    p = probe("links", linked_from="https://linktr.ee/maggieoduya", depth=1)
    a = attribute(p, doc("no names here"), profile, confirmed_pages={"https://linktr.ee/maggieoduya"})
    assert a.level is AttributionLevel.CONFIRMED


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("The Octocat (octocat) · GitHub", "The Octocat"),
        ("Jane Smith (@jane) • Instagram photos and videos", "Jane Smith"),
        ("Margaret E. Oduya | LinkedIn", "Margaret E. Oduya"),
        ("maggieoduya - Overview", None),
        ("", None),
    ],
)
def test_display_name_from_a_title(title, name):
    assert display_name(Document(url="u", text="", title=title)) == name


# --- a scan: attribution decides what is reported, and links lead to more accounts ----------------------------

LINKTREE = b"""<!DOCTYPE html><html><head><title>Maggie Oduya | Linktree</title>
<link rel="canonical" href="https://linktr.ee/maggieoduya"></head><body>
<h1>Maggie Oduya</h1><p>Councillor for Millbrook, Brackenfield.</p>
<a href="https://www.maggieoduya.org.uk/">My website</a>
<a href="https://github.com/m-oduya-code">Code</a>
<a href="https://www.instagram.com/maggie.o.snaps/">Photos</a>
<a href="https://example.net/not-a-catalogue-site">A blog</a>
</body></html>"""
GITHUB_LINKED = """<!DOCTYPE html><html><head><title>m-oduya-code · GitHub</title>
<meta property="profile:username" content="m-oduya-code"></head><body>
<p>Scripts for the ward newsletter. Home: 14 Larch Close, BF4 7QT.</p></body></html>""".encode()
GITHUB_STRANGER = """<!DOCTYPE html><html><head><title>Mags Okonkwo (maggieoduya) · GitHub</title>
<meta property="profile:username" content="maggieoduya"></head><body>
<p>Data engineer in Lagos. Call 07700 900999. 14 Larch Close is my old flat.</p></body></html>""".encode()


@pytest.fixture
def discovery(world, router, catalogue, guidance, tmp_path):
    router.pages["https://linktr.ee/maggieoduya"] = Reply(200, LINKTREE, HTML)
    router.pages["https://github.com/m-oduya-code"] = Reply(200, GITHUB_LINKED, HTML)
    router.pages["https://github.com/maggieoduya"] = Reply(200, GITHUB_STRANGER, HTML)
    router.pages["https://www.instagram.com/api/v1/users/web_profile_info/?username=maggie.o.snaps"] = Reply(
        404, b"{}", (("Content-Type", "application/json"),)
    )
    policy = FetchPolicy(proxy=world.url, ca_bundle=world.ca_path, retries=0, read_timeout=3, deadline=6)
    fetcher = HttpFetcher(policy)
    store = Store(tmp_path / "f.db")
    ctx = ScanContext(catalogue, guidance, fetcher, store, only_checks=("linktree", "github", "instagram"))
    yield ctx, world
    fetcher.close()
    store.close()


def test_links_from_a_confirmed_profile_are_followed_and_attributed(discovery, profile):
    ctx, world = discovery
    result = run_scan(ctx, profile)
    by_url = {o.probe.url: o for o in result.outcomes}
    tree = by_url["https://linktr.ee/maggieoduya"]
    assert tree.attribution.level is AttributionLevel.CONFIRMED  # it links to her own website
    followed = by_url["https://github.com/m-oduya-code"]
    assert (followed.probe.origin, followed.probe.depth) == ("links", 1)
    assert followed.probe.linked_from == "https://linktr.ee/maggieoduya"
    assert followed.attribution.level is AttributionLevel.CONFIRMED
    assert "https://www.instagram.com/maggie.o.snaps/" in by_url, "every catalogue site it links to is probed"
    assert not any("example.net" in r.url for r in world.requests), "links off the catalogue are not fetched"
    # what the followed account exposes is hers
    assert any(
        f.url == "https://github.com/m-oduya-code" and f.kind.value == "home_address" for f in result.findings
    )


def test_an_account_in_someone_elses_name_reports_nothing_as_theirs(discovery, profile):
    ctx, _ = discovery
    result = run_scan(ctx, profile)
    stranger = next(o for o in result.outcomes if o.probe.url == "https://github.com/maggieoduya")
    assert stranger.status is Status.FOUND
    assert stranger.attribution.level is AttributionLevel.UNLIKELY
    assert not [f for f in result.findings if f.url == "https://github.com/maggieoduya"]


def test_following_links_can_be_turned_off_and_is_bounded(discovery, profile):
    ctx, _ = discovery
    result = run_scan(dataclasses.replace(ctx, follow_links=False), profile)
    assert not [o for o in result.outcomes if o.probe.origin == "links"]
    result = run_scan(dataclasses.replace(ctx, max_linked_probes=1), profile)
    assert len([o for o in result.outcomes if o.probe.origin == "links"]) == 1


def test_attribution_is_stored_and_reported(discovery, profile, guidance, catalogue):
    from footprint.report import build_report

    ctx, _ = discovery
    result = run_scan(ctx, profile)
    stored = {o.probe.url: o for o in ctx.store.outcomes(result.info.id)}
    assert stored["https://github.com/m-oduya-code"].attribution.level is AttributionLevel.CONFIRMED
    assert stored["https://github.com/m-oduya-code"].probe.via == "linked from your Linktree profile"
    report = build_report(result, guidance, catalogue)
    accounts = {a["url"]: a for a in report["accounts"]}
    assert accounts["https://github.com/maggieoduya"]["attribution"]["level"] == "unlikely"
    assert accounts["https://github.com/m-oduya-code"]["linked_from"] == "https://linktr.ee/maggieoduya"
    assert accounts["https://github.com/m-oduya-code"]["trust"] == "footprint catalogue"


GITHUB_NAMELESS = """<!DOCTYPE html><html><head><title>maggieoduya · GitHub</title>
<meta property="profile:username" content="maggieoduya"></head><body>
<p>Ward newsletter scripts. Post to 14 Larch Close, BF4 7QT.</p></body></html>""".encode()


def test_an_account_probed_by_username_is_confirmed_when_a_confirmed_profile_links_to_it(
    discovery, router, profile
):
    ctx, world = discovery
    router.pages["https://github.com/maggieoduya"] = Reply(200, GITHUB_NAMELESS, HTML)
    router.pages["https://linktr.ee/maggieoduya"] = Reply(
        200, LINKTREE.replace(b"https://github.com/m-oduya-code", b"https://github.com/maggieoduya"), HTML
    )
    result = run_scan(ctx, profile)
    by_url = {o.probe.url: o for o in result.outcomes}
    account = by_url["https://github.com/maggieoduya"]
    assert account.probe.origin != "links", "probed once, by username, not again from the link"
    assert [r.url for r in world.requests].count("https://github.com/maggieoduya") == 1
    assert account.attribution.level is AttributionLevel.CONFIRMED
    assert "linked from your confirmed profile https://linktr.ee/maggieoduya" in account.attribution.evidence
    # Read as hers, so the bare address on it (no name beside it) is reported.
    assert any(
        f.url == "https://github.com/maggieoduya" and f.kind.value == "home_address" for f in result.findings
    )
    stored = {o.probe.url: o for o in ctx.store.outcomes(result.info.id)}
    assert stored["https://github.com/maggieoduya"].attribution.level is AttributionLevel.CONFIRMED
