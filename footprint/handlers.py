"""Named handlers for sources that are not username templates. Catalogue entries refer to them by name."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator

from footprint.catalogue import Check, Verdict, generic_verdict
from footprint.model import Ownership, Page, Probe, Profile, Status


class Handler(ABC):
    """Plans a source's probes from the profile and judges what came back."""

    @abstractmethod
    def plan(self, check: Check, profile: Profile) -> Iterator[Probe]:
        """The probes this source needs for this person."""

    def judge(self, check: Check, page: Page) -> Verdict:
        wall = generic_verdict(page)
        if wall is not None:
            return wall
        if 200 <= page.status < 300:
            return Verdict(Status.FOUND)
        if page.status in (404, 410):
            return Verdict(Status.NOT_FOUND, f"HTTP {page.status}: the page is gone")
        if page.status in (401, 403):
            return Verdict(Status.BLOCKED, f"access denied (HTTP {page.status})")
        if page.status >= 500:
            return Verdict(Status.ERROR, f"server error (HTTP {page.status})")
        return Verdict(Status.UNKNOWN, f"unexpected HTTP {page.status}")


class OwnWebsites(Handler):
    """The person's own sites: whatever they publish there about themselves."""

    def plan(self, check: Check, profile: Profile) -> Iterator[Probe]:
        for url in profile.websites:
            yield Probe(check.id, url, "websites", Ownership.SELF)


class WatchedPages(Handler):
    """Pages the person knows mention them, written by other people (a doxxing post, a forum thread)."""

    def plan(self, check: Check, profile: Profile) -> Iterator[Probe]:
        for url in profile.watch_urls:
            yield Probe(check.id, url, "watch_urls", Ownership.THIRD_PARTY)


HANDLERS: dict[str, Handler] = {
    "own_website": OwnWebsites(),
    "watched_page": WatchedPages(),
}
