"""Fake pages for the catalogue's search sources (people-search, Companies House, a council's ModernGov site,
Democracy Club, web search, RDAP) and for the demo candidate's own website.

Each source keeps a `world.toml` beside its fixtures (checks/fixtures/<id>/world.toml):

    [pages]                                   # URL as fetched -> what answers it
    "https://example.gov.uk/search?q=x" = "search.http"           # a canned HTTP response file
    "https://example.gov.uk/register.pdf" = { pdf = "register.txt", author = "Clerk" }   # text made into a PDF
    "https://example.org/garden.jpg" = { jpeg = [53.8, -1.5], artist = "M. Oduya" }       # a photo with GPS

    [[expect]]                                # what a scan of the demo profile must report from these pages
    kind = "home_address"
    key = "14 larch close bf47qt"

    [[absent]]                                # and what it must not (a namesake's address, an office)
    kind = "home_address"
    key = "9 willow way bf9 2zz"

The tests (tests/test_sources.py) scan each world with the demo profile; the demo serves all of them.
"""

from __future__ import annotations

import io
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from footprint.fixtures import parse_http
from footprint.sampleworld.pdf import make_pdf
from footprint.sampleworld.server import Reply


@dataclass(frozen=True)
class SourceWorld:
    source: str
    pages: dict[str, Reply] = field(default_factory=dict)
    expect: tuple[tuple[str, str], ...] = ()  # (kind, key)
    absent: tuple[tuple[str, str], ...] = ()


def photo(position: tuple[float, float] | None, artist: str = "", owner: str = "") -> bytes:
    """A small JPEG whose EXIF holds a GPS position and, if given, the artist and camera owner."""
    from PIL import Image

    def dms(value: float) -> tuple[float, float, float]:
        value = abs(value)
        degrees = int(value)
        minutes = int((value - degrees) * 60)
        return (float(degrees), float(minutes), round((value - degrees - minutes / 60) * 3600, 4))

    image = Image.new("RGB", (48, 32), (120, 150, 90))
    exif = Image.Exif()
    if artist:
        exif[0x013B] = artist
    if owner:
        exif.get_ifd(0x8769)[0xA430] = owner
    if position is not None:
        gps = exif.get_ifd(0x8825)
        gps[1], gps[2] = ("N" if position[0] >= 0 else "S"), dms(position[0])
        gps[3], gps[4] = ("E" if position[1] >= 0 else "W"), dms(position[1])
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes(), quality=70)
    return out.getvalue()


def _reply(folder: Path, spec: Any) -> Reply:
    if isinstance(spec, str):
        canned = parse_http((folder / spec).read_bytes())
        return Reply(canned.status, canned.body, canned.headers)
    if "pdf" in spec:
        lines = (folder / spec["pdf"]).read_text(encoding="utf-8").splitlines()
        meta = {
            k.capitalize(): str(v) for k, v in spec.items() if k in ("author", "creator", "title", "producer")
        }
        return Reply(200, make_pdf(lines, meta), (("Content-Type", "application/pdf"),))
    if "jpeg" in spec:
        lat, lon = spec["jpeg"]
        body = photo((float(lat), float(lon)), spec.get("artist", ""), spec.get("owner", ""))
        return Reply(200, body, (("Content-Type", "image/jpeg"),))
    raise ValueError(f"{folder}: a page must be a .http file name, a {{pdf=...}} or a {{jpeg=...}} table")


def load_world(folder: Path) -> SourceWorld:
    data = tomllib.loads((folder / "world.toml").read_text(encoding="utf-8"))
    pages = {url: _reply(folder, spec) for url, spec in data.get("pages", {}).items()}
    expect = tuple((e["kind"], e["key"]) for e in data.get("expect", []))
    absent = tuple((e["kind"], e["key"]) for e in data.get("absent", []))
    return SourceWorld(folder.name, pages, expect, absent)


def source_worlds(checks_root: Path) -> list[SourceWorld]:
    return [load_world(p.parent) for p in sorted((checks_root / "fixtures").glob("*/world.toml"))]
