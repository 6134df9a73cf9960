"""The detectors a scan runs, listed by hand so adding one is a reviewed change, not an import side effect."""

from __future__ import annotations

from footprint.detect.addresses import AddressDetector
from footprint.detect.dates import BirthDateDetector
from footprint.detect.emails import EmailDetector
from footprint.detect.family import FamilyDetector
from footprint.detect.interface import Detector
from footprint.detect.phones import PhoneDetector
from footprint.detect.places import PlaceDetector
from footprint.detect.unlisted import UnlistedDetector

DETECTORS: tuple[type[Detector], ...] = (
    AddressDetector,
    PhoneDetector,
    EmailDetector,
    FamilyDetector,
    BirthDateDetector,
    PlaceDetector,
    UnlistedDetector,
)


def all_detectors() -> tuple[Detector, ...]:
    """Fresh instances, so no scan shares a detector object with another."""
    return tuple(cls() for cls in DETECTORS)
