"""Is a found account really the person's? A username match alone says nothing: "maggie" on GitHub is
somebody. Every found account is called `confirmed`, `likely`, `unlikely` or `unknown`, with the evidence.

- confirmed: the profile lists it; or it links to the person's own website; or a confirmed account links to
  it; or it shows their own phone number or email address.
- likely: it names them and carries their locality or another of their listed details.
- unlikely: it is in somebody else's name, and nothing of theirs is on it (a namesake, or a stranger who
  happens to use the same handle).
- unknown: nothing on the page says whose it is.

Exposures on `unlikely` accounts are not reported as the person's; `unknown` accounts are read like any page
found by searching (detect/subject.py), so only details that tie to the person count.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from footprint.detect.emails import EmailDetector
from footprint.detect.interface import Document
from footprint.detect.phones import PhoneDetector
from footprint.detect.subject import mentions, tie_in
from footprint.domains import registered_domain
from footprint.model import Attribution, AttributionLevel, Probe, Profile

# A display name as profile pages put it in their <title>: two to four capitalised words ("The Octocat",
# "Margaret E. Oduya"), before the site's own name or the handle.
_TITLE_NAME = re.compile(r"^\s*((?:[A-Z][\w'\-]*\.?\s+){1,3}[A-Z][\w'\-]*)")
_TITLE_CUT = re.compile(r"\s*(?:[|·•\-–—(@]|\bon\b)\s*")


def display_name(doc: Document) -> str | None:
    """The name a profile page is in, read from the start of its title ("Jane Smith (@jane) • Instagram")."""
    title = doc.title.strip()
    if not title:
        return None
    first = _TITLE_CUT.split(title, maxsplit=1)[0]
    m = _TITLE_NAME.match(first)
    return " ".join(m.group(1).split()) if m else None


def _own_domains(profile: Profile) -> set[str]:
    return {d for site in profile.websites if (d := registered_domain(site))}


def attribute(
    probe: Probe,
    doc: Document | None,
    profile: Profile,
    confirmed_pages: Iterable[str] = (),
    linked_by: str | None = None,
) -> Attribution:
    """`linked_by`: a confirmed profile that links to this account, found after it was probed by username."""
    level = AttributionLevel
    if probe.origin == "accounts":
        return Attribution(level.CONFIRMED, (f"listed in your profile as your account '{probe.username}'",))
    if probe.origin == "websites":
        return Attribution(level.CONFIRMED, ("your own website, listed in your profile",))
    if probe.origin == "watch_urls":
        return Attribution(level.CONFIRMED, ("a page you gave footprint to watch",))
    if probe.linked_from and probe.linked_from in set(confirmed_pages):
        return Attribution(level.CONFIRMED, (f"linked from your confirmed profile {probe.linked_from}",))
    if linked_by:
        return Attribution(level.CONFIRMED, (f"linked from your confirmed profile {linked_by}",))
    if doc is None or not doc.text:
        return Attribution(level.UNKNOWN, ("the page gave nothing to tell whose it is",))
    if probe.username:
        # The handle the page was found by says nothing about whose it is: leave it out of names and ties.
        handle = probe.username.lower()
        profile = dataclasses.replace(
            profile, usernames=tuple(u for u in profile.usernames if u.lower() != handle)
        )
    own = _own_domains(profile)
    for link in doc.links:
        domain = registered_domain(link)
        if domain and domain in own:
            return Attribution(level.CONFIRMED, (f"links to your website ({domain})",))
    unique = [m for det in (PhoneDetector(), EmailDetector()) for m in det.detect(doc, profile)]
    if unique:
        return Attribution(level.CONFIRMED, (f"shows your {unique[0].kind.value.replace('_', ' ')}",))
    named = mentions(doc, profile)
    if named:
        shown = doc.text[named[0][0] : named[0][1]]
        if tie := tie_in(doc, profile):
            return Attribution(level.LIKELY, (f"names you ('{shown}')", f"mentions '{tie}'"))
        return Attribution(level.UNKNOWN, (f"names you ('{shown}')", "but nothing else ties it to you"))
    name = display_name(doc)
    if name:
        return Attribution(
            level.UNLIKELY, (f"the profile is in another name: '{name}'", "nothing on it is yours")
        )
    return Attribution(level.UNKNOWN, ("the page does not say whose it is",))
