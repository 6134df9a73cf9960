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


def user_data_dir() -> Path:
    """footprint's per-user folder (the scan history's default home)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("footprint", appauthor=False))


def user_rdap_bootstrap() -> Path | None:
    """IANA's RDAP bootstrap file if the user installed a fresh one (`footprint rdap-bootstrap`)."""
    path = user_data_dir() / "rdap-dns.json"
    return path if path.is_file() else None
