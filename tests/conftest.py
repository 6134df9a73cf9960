"""Shared fixtures: a fake web on 127.0.0.1 (never the internet), the packaged catalogue and guidance, profiles."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from footprint.catalogue import Catalogue, load_catalogue
from footprint.detect.interface import Document
from footprint.detect.reading import read
from footprint.detect.registry import all_detectors
from footprint.guidance import Guidance, load_guidance
from footprint.model import Profile
from footprint.profile import parse_profile
from footprint.sampleworld.server import Router, WorldServer


def labels_found(
    text: str, profile: Profile, confirmed: bool = False, published: dt.date | None = None
) -> set[tuple[str, str, bool, bool]]:
    """What detection reports on a page of this text for this person, as the corpus labels it: (kind, key,
    partial, known to the user). The held-out sets' small cases all read pages this way."""
    page = Document(url="https://example.org/page", text=text, confirmed=confirmed, published=published)
    return {
        (m.kind.value, m.key, m.partial, m.known_to_user)
        for m in read(page, profile, all_detectors()).matches
    }


DEMO_LIKE_PROFILE = """
id = "test-margaret"
name = "Margaret Oduya"
other_names = ["Maggie Oduya"]
date_of_birth = "1979-06-14"
locality = ["Brackenfield"]
usernames = ["maggieoduya"]
websites = ["https://www.maggieoduya.org.uk/"]

[[phones]]
number = "07700 900461"
label = "personal mobile"

[[phones]]
number = "0113 496 0123"
label = "campaign office"
public = true

[[emails]]
address = "maggie@example.org"

[[addresses]]
label = "home"
text = "14 Larch Close, Millbrook, Brackenfield"
postcode = "BF4 7QT"

[[family]]
name = "Devendra Oduya"
relation = "spouse"

[[family]]
name = "Amara Oduya"
relation = "child"
school = "St Anne's Primary School"
"""


@pytest.fixture(scope="session")
def guidance() -> Guidance:
    return load_guidance()


@pytest.fixture(scope="session")
def catalogue(guidance: Guidance) -> Catalogue:
    return load_catalogue(remediation_ids=guidance.remediation.keys())


@pytest.fixture
def profile() -> Profile:
    return parse_profile(DEMO_LIKE_PROFILE, "test.toml")


@pytest.fixture
def router() -> Router:
    return Router()


@pytest.fixture
def world(router: Router) -> Iterator[WorldServer]:
    """A fake web answering from `router`, reachable as a proxy (real hostnames) or directly on 127.0.0.1."""
    server = WorldServer(router).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def dead_port() -> int:
    """A loopback port with nothing listening on it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def tmp_out(tmp_path: Path) -> Path:
    return tmp_path / "out"
