"""Places that give the person away: a photo's GPS position, or map coordinates on the page near their home.

extract.py writes what it finds in a photo's EXIF as a line "Photo location (EXIF GPS): <lat>, <lon>", and
pairs of latitude and longitude from page data (JSON-LD `geo`, map links, `data-lat` attributes, `geo.position`
meta tags) as "<lat>, <lon>"; this detector reads those pairs.

A photo's position is reported whenever the page is about the person: where a photo was taken says where
they go. It is partial (less severe) unless it lies within `near_home_metres` of a home whose coordinates the
profile gives. Coordinates in page data are reported only near a home: elsewhere they are a venue's map pin.

A pair written longitude first, as GeoJSON writes it, is read that way round when that puts it near a home.
Limits: coordinates need four or more decimal places (about 10 m) to be read, so "1.5, 2.5" is never a
place; degrees-minutes-seconds written as text on a page are not read; a home without coordinates in the
profile cannot be recognised from a position.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import ClassVar

from footprint.detect.interface import Detector, Document
from footprint.model import Kind, Match, Need, Profile

EXIF_MARKER = "photo location (exif gps)"
NEAR_HOME_CONFIDENCE = 0.9
PHOTO_CONFIDENCE = 0.8
PAGE_NEAR_HOME_CONFIDENCE = 0.8
EARTH_RADIUS_M = 6_371_000

# Starts with the literal "." of the latitude's decimals, so it runs fast; the whole number part and sign
# before it are read by hand.
_PAIR_TAIL = re.compile(r"\.(\d{4,})\s*[,;]\s*(-?\d{1,3}\.\d{4,})(?![\d.])")
_HEAD = re.compile(r"-?\d{1,2}$")


def distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in metres (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(min(1.0, h)))


# A map link's query: OpenStreetMap's "?mlat=53.0473&mlon=-1.4236", a council's or an estate agent's own map's
# "lat=..&lon=" ("lng", "long", "latitude=..&longitude="). extract.py reads it in links; coordinate_pairs in a
# page's text too (a link written out in a paste or a chat).
MAP_QUERY = re.compile(
    r"[?&;](?:m?lat|latitude)=(-?\d{1,2}\.(\d+))&(?:amp;)?(?:m?lon|lng|long|longitude)=(-?\d{1,3}\.(\d+))",
    re.I,
)
PLACE_DECIMALS = 4  # about 10 m: fewer is no place


def coordinate_pairs(text: str) -> Iterator[tuple[int, int, float, float]]:
    """(start, end, latitude, longitude) for every decimal pair that can be a place on Earth."""
    if "=" in text:
        for m in MAP_QUERY.finditer(text):
            lat, lon = float(m.group(1)), float(m.group(3))
            if (
                min(len(m.group(2)), len(m.group(4))) >= PLACE_DECIMALS
                and -90 <= lat <= 90
                and -180 <= lon <= 180
            ):
                yield m.start(1), m.end(3), lat, lon
    for m in _PAIR_TAIL.finditer(text):
        head = _HEAD.search(text, max(0, m.start() - 3), m.start())
        if head is None or (
            head.start() > 0 and (text[head.start() - 1].isdigit() or text[head.start() - 1] == ".")
        ):
            continue
        lat = float(head.group() + "." + m.group(1))
        lon = float(m.group(2))
        if -90 <= lat <= 90 and -180 <= lon <= 180 and not (lat == 0 and lon == 0):
            yield head.start(), m.end(), lat, lon


class PlaceDetector(Detector):
    """GPS positions in photos, and map coordinates near the person's home."""

    id: ClassVar[str] = "geo"
    least_need: ClassVar[Need] = Need.NAMED

    def detect(self, doc: Document, profile: Profile) -> Iterator[Match]:
        if "." not in doc.text:
            return
        homes = [a.coordinates for a in profile.addresses if a.coordinates and not a.public]
        radius = profile.near_home_metres
        for start, end, lat, lon in coordinate_pairs(doc.text):
            line_start = doc.lower.rfind("\n", 0, start) + 1
            from_photo = EXIF_MARKER in doc.lower[line_start:start]
            nearest = min((distance_m((lat, lon), home) for home in homes), default=None)
            near_home = nearest is not None and nearest <= radius
            if not near_home and not from_photo and homes and -90 <= lon <= 90:
                # GeoJSON writes a point longitude first ("coordinates": [-0.11902, 51.61281]): the pair the
                # other way round near a home is that home (no venue's pin lands there by chance)
                swapped = min(distance_m((lon, lat), home) for home in homes)
                if swapped <= radius:
                    lat, lon, nearest, near_home = lon, lat, swapped, True
            if near_home:
                confidence = NEAR_HOME_CONFIDENCE if from_photo else PAGE_NEAR_HOME_CONFIDENCE
                what = f"{'a photo taken' if from_photo else 'a map position'} {nearest:.0f} m from your home"
            elif from_photo:
                confidence = PHOTO_CONFIDENCE
                what = "where a photo was taken"
            else:
                continue  # a map pin away from home is a venue, not the person
            yield Match(
                detector=self.id,
                kind=Kind.GEO_LOCATION,
                value=doc.text[start:end],
                key=f"geo:{lat:.3f},{lon:.3f}",
                start=start,
                end=end,
                confidence=confidence,
                known_to_user=True,
                subject=f"places: {what}",
                public=False,
                partial=not near_home,
                needs=Need.NAMED,
                ties=near_home,
            )
