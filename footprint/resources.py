"""Where the packaged data lives: checks/ and reports/ sit beside the package in a checkout, inside it in a wheel."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _data_dir(name: str) -> Path:
    packaged = Path(str(resources.files("footprint"))) / "_data" / name
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"footprint's {name}/ data is missing from this installation")


def checks_dir() -> Path:
    return _data_dir("checks")


def reports_dir() -> Path:
    return _data_dir("reports")
