"""Registered domains (tldextract, bundled suffix list only): which pages sit on the person's own sites."""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

from footprint.model import Ownership, Probe, Profile


@functools.cache
def _extractor():  # type: ignore[no-untyped-def]
    import tldextract

    # No suffix-list download and no cache directory: nothing leaves the machine, nothing is written.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)


def registered_domain(url: str) -> str:
    """ "https://www.maggieoduya.org.uk/about" -> "maggieoduya.org.uk". A host whose ending the bundled list does
    not know (a new top-level domain, ".example") keeps its last two labels: "www.bernie.vote" is "bernie.vote",
    not "vote", which would make every page on that ending look like the person's own."""
    host = (urlsplit(url).hostname or "").lower()
    parts = _extractor()(host)
    if parts.suffix:
        return f"{parts.domain}.{parts.suffix}"
    labels = host.split(".")
    if len(labels) < 2 or all(label.isdigit() for label in labels):
        return host  # "localhost", an IP address
    return ".".join(labels[-2:])


def ownership_of(probe: Probe, final_url: str, profile: Profile) -> Ownership:
    """Who published the page actually read. A page on the person's own domain is theirs, wherever it was
    listed; an own-site URL that now lands on someone else's domain (a lapsed, re-registered campaign domain)
    is not."""
    own = {registered_domain(u) for u in profile.websites}
    if probe.origin in ("websites", "watch_urls"):
        return Ownership.SELF if registered_domain(final_url) in own else Ownership.THIRD_PARTY
    return probe.ownership
