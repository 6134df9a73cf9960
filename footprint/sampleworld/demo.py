"""The demo's sample world: a fictional candidate, her own site, a hostile forum thread and her social accounts,
all served on 127.0.0.1 by the same proxy the tests use. Nothing in it reaches the internet."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from footprint.catalogue import Catalogue
from footprint.fixtures import CannedResponse, site_fixtures
from footprint.model import Profile
from footprint.profile import parse_profile
from footprint.sampleworld.pdf import make_pdf
from footprint.sampleworld.replay import CatalogueWorld, reply_from
from footprint.sampleworld.server import Reply, Router
from footprint.sampleworld.sources import photo, source_worlds

HTML = (("Content-Type", "text/html; charset=utf-8"),)

# What the fictional candidate's accounts say about her. Each is injected into that site's own found-page fixture,
# so the demo pages pass the same catalogue rules a real page must.
BIOS: dict[tuple[str, str], str] = {
    ("linktree", "cllrmaggie"): "Councillor for Millbrook ward. Mum of one. Casework: text 07700 900461.",
    (
        "facebook",
        "maggieoduya",
    ): "Maggie Oduya. Born 14 June 1979. Married to Devendra Oduya. Lives in Brackenfield.",
    (
        "strava",
        "maggieoduya",
    ): "Maggie Oduya, Brackenfield. Morning 5k loop from Larch Close. Parkrun regular.",
    (
        "justgiving",
        "maggieoduya",
    ): "Maggie Oduya is running the Brackenfield 10k for the roof appeal at St Anne's Primary School, "
    "my daughter's school!",
    (
        "github",
        "maggieoduya",
    ): "Civic tech in Brackenfield. <b>Contact:</b> maggie.oduya.home [at] example [dot] org",
}
# Sites that stand in the way in the demo, as they do on the real web.
WALLS: dict[tuple[str, str], Reply] = {
    ("instagram", "maggie.oduya"): Reply(
        403,
        b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
        b"<div id='challenge-body-text'>Checking your browser before accessing the site.</div>"
        b"<script>window._cf_chl_opt={cType:'managed'}</script></body></html>",
        HTML + (("Server", "cloudflare"), ("cf-ray", "8c0ffee-LHR")),
    ),
    ("reddit", "maggieoduya"): Reply(
        429,
        b"<html><body><h1>whoa there, pardner!</h1><p>Too many requests.</p></body></html>",
        HTML + (("Retry-After", "600"),),
    ),
    ("tiktok", "maggieoduya"): Reply(drop=True),
}


def _data(name: str) -> bytes:
    return (Path(str(resources.files("footprint.sampleworld"))) / "data" / name).read_bytes()


def demo_profile() -> Profile:
    return parse_profile(_data("demo-profile.toml").decode("utf-8"), "demo-profile.toml")


def _inject(canned: CannedResponse, claimed: str, username: str, bio: str) -> Reply:
    """The site's found page, re-addressed to the demo username, with the bio added where the page has room."""
    reply = reply_from(canned, claimed, username)
    body = reply.body.decode("utf-8")
    stripped = body.lstrip()
    if stripped.startswith(("{", "[")):
        data = json.loads(body)
        if isinstance(data, dict):
            data["footprint_demo_bio"] = bio
        body = json.dumps(data)
    elif "</body>" in body:
        body = body.replace("</body>", f'<section class="bio"><p>{bio}</p></section></body>', 1)
    else:
        body += "\n" + bio
    return Reply(reply.status, body.encode("utf-8"), reply.headers)


def demo_world(catalogue: Catalogue, checks_root: Path) -> Router:
    overrides: dict[tuple[str, str], Reply] = dict(WALLS)
    known = {c.id: c for c in catalogue.sites}
    for (site, username), bio in BIOS.items():
        check = known.get(site)
        if check is None:
            continue
        fixtures = site_fixtures(checks_root, site)
        overrides[(site, username.lower())] = _inject(
            fixtures["found"], check.normalise(check.known_claimed), check.normalise(username), bio
        )
    replay = CatalogueWorld(
        catalogue, checks_root, overrides={k: v for k, v in overrides.items() if k[0] in known}
    )
    pages = {
        "https://www.maggieoduya.org.uk/": Reply(200, _data("own-site.html"), HTML),
        "https://www.maggieoduya.org.uk/robots.txt": Reply(
            200, b"User-agent: *\nDisallow: /admin/\n", (("Content-Type", "text/plain"),)
        ),
        "https://www.maggieoduya.org.uk/news": Reply(200, NEWS, HTML),
        "https://www.maggieoduya.org.uk/leaflets/spring-2026.pdf": Reply(
            200,
            make_pdf(LEAFLET, {"Author": "Margaret Oduya", "Creator": "Microsoft Word for Microsoft 365"}),
            (("Content-Type", "application/pdf"),),
        ),
        "https://www.maggieoduya.org.uk/photos/street-party.jpg": Reply(
            200, photo((53.80134, -1.54889), artist="Maggie Oduya"), (("Content-Type", "image/jpeg"),)
        ),
        "https://www.brackenfield-talk.example/threads/4821-our-new-councillor": Reply(
            200, _data("forum-thread.html"), HTML
        ),
    }
    # The UK public sources (Companies House, the council's register, people-search, RDAP, web search) answer from
    # the same fixture worlds the tests use.
    for world in source_worlds(checks_root):
        pages.update(world.pages)
    return Router(pages=pages, fallback=replay)


NEWS = b"""<!DOCTYPE html><html><head><title>News - Maggie Oduya</title></head><body>
<h1>News</h1><article><h2>Pothole blitz on Station Road</h2><p>After three months of reports, the council has
filled all eleven potholes on Station Road. Thank you to everyone who sent photos.</p></article>
<article><h2>Street party success</h2><p>Thanks to everyone who came to the street party: see the
<a href="/photos/street-party.jpg">photos</a>.</p></article></body></html>"""
LEAFLET = [
    "MAGGIE ODUYA - WORKING HARD FOR MILLBROOK",
    "Brackenfield Community candidate, Millbrook ward, 7 May 2026",
    "",
    "Potholes filled, the library saved, buses back on the 41 route.",
    "",
    "Got a problem? Write to me at home: 14 Larch Close, Millbrook, Brackenfield BF4 7QT",
    "or call the campaign office on 0113 496 0123.",
    "",
    "Promoted by Lorna Fairweather on behalf of Maggie Oduya, 2 Market Street, Brackenfield BF1 2AA.",
]
