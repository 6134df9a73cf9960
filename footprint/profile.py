"""Load and validate a person's profile (TOML). Its shape is a public contract: fields are added, never renamed."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from footprint.errors import ProfileError
from footprint.model import Address, Consent, Contact, Email, FamilyMember, KnownAccount, Phone, Profile

MAX_PROFILE_BYTES = 1_000_000

_TOP_KEYS: dict[str, type | tuple[type, ...]] = {
    "id": str,
    "name": str,
    "other_names": list,
    "date_of_birth": (str, dt.date),
    "locality": list,
    "usernames": list,
    "websites": list,
    "watch_urls": list,
    "council_sites": list,
    "phones": list,
    "emails": list,
    "addresses": list,
    "family": list,
    "accounts": list,
    "contacts": list,
    "consent": dict,
    "near_home_metres": int,
    "titles": list,
}
# Titles a profile may give (as written, without a full stop), and the title each counts as.
TITLES = {
    "mr": "mr",
    "mrs": "mrs",
    "ms": "ms",
    "miss": "miss",
    "mx": "mx",
    "dr": "dr",
    "prof": "prof",
    "cllr": "cllr",
    "councillor": "cllr",
    "coun": "cllr",
}
_TABLE_KEYS: dict[str, dict[str, Any]] = {
    "phones": {"number": str, "label": str, "public": bool},
    "emails": {"address": str, "label": str, "public": bool},
    "addresses": {
        "text": str,
        "label": str,
        "postcode": str,
        "public": bool,
        "latitude": (int, float),
        "longitude": (int, float),
    },
    "family": {"name": str, "relation": str, "school": str, "nicknames": list},
    "accounts": {"site": str, "username": str},
    "contacts": {"name": str, "role": str, "phone": str, "email": str},
}
_REQUIRED = {
    "phones": "number",
    "emails": "address",
    "addresses": "text",
    "family": "name",
    "accounts": "site",
    "contacts": "name",
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][A-Z0-9]?\s*[0-9][A-Z]{2}$", re.I)
_USERNAME = re.compile(r"^[A-Za-z0-9._@+-]{1,100}$")


class _Reader:
    """Carries the file name and raw text so every complaint can name the file, line and field."""

    def __init__(self, path: str, raw: str) -> None:
        self.path = path
        self.lines = raw.splitlines()

    def line_of(self, key: str, nth: int = 0) -> int | None:
        pattern = re.compile(rf"^\s*(\[\[\s*{re.escape(key)}\s*\]\]|{re.escape(key)}\s*=)")
        seen = -1
        for number, line in enumerate(self.lines, start=1):
            if pattern.match(line):
                seen += 1
                if seen == nth:
                    return number
        return None

    def fail(self, field: str, message: str, key: str | None = None, nth: int = 0) -> ProfileError:
        line = self.line_of(key or field.split(".")[-1].split("[")[0], nth)
        where = f"{self.path}, line {line}" if line else self.path
        return ProfileError(f"{where}: {field}: {message}")


def _type_name(kind: Any) -> str:
    names = {
        str: "a string",
        list: "a list",
        bool: "true or false",
        dt.date: "a date",
        int: "a whole number",
        float: "a number",
    }
    if isinstance(kind, tuple):
        return " or ".join(names.get(k, k.__name__) for k in kind)
    return names.get(kind, kind.__name__)


def _strings(reader: _Reader, data: dict[str, Any], key: str) -> tuple[str, ...]:
    values = data.get(key, [])
    for index, value in enumerate(values):
        if not isinstance(value, str) or not value.strip():
            raise reader.fail(f"{key}[{index}]", "must be a non-empty string", key)
    return tuple(v.strip() for v in values)


def _check_table_keys(reader: _Reader, section: str, index: int, item: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise reader.fail(f"{section}[{index}]", "must be a table ([[{section}]])", section, index)
    allowed = _TABLE_KEYS[section]
    for key, value in item.items():
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            raise reader.fail(f"{section}[{index}].{key}", f"unknown field (known fields: {known})", key)
        if not isinstance(value, allowed[key]) or (isinstance(value, bool) and allowed[key] is not bool):
            raise reader.fail(f"{section}[{index}].{key}", f"must be {_type_name(allowed[key])}", key)
    required = _REQUIRED[section]
    if not str(item.get(required, "")).strip():
        raise reader.fail(f"{section}[{index}].{required}", "is required", section, index)
    return item


def normalise_phone(number: str) -> str | None:
    """E.164 for a UK-style or international number, or None if it cannot be a phone number."""
    import phonenumbers

    try:
        parsed = phonenumbers.parse(number, "GB")
    except phonenumbers.NumberParseException:
        return None
    national = str(parsed.national_number)
    if parsed.country_code == 44 and not 9 <= len(national) <= 10:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _check_url(reader: _Reader, key: str, index: int, url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise reader.fail(f"{key}[{index}]", f"'{url}' is not an http(s) URL", key)
    return url


def stable_key(name: str, date_of_birth: dt.date | None) -> str:
    """The key a profile is stored under when it has no `id`: moving the file keeps the history."""
    basis = f"{' '.join(name.lower().split())}|{date_of_birth.isoformat() if date_of_birth else ''}"
    return "p-" + hashlib.sha256(basis.encode()).hexdigest()[:16]


def parse_profile(raw: str, path: str = "<profile>") -> Profile:
    reader = _Reader(path, raw)
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"{path}: not valid TOML: {exc}") from None

    for key, value in data.items():
        if key not in _TOP_KEYS:
            known = ", ".join(sorted(_TOP_KEYS))
            raise reader.fail(key, f"unknown field (known fields: {known})")
        if not isinstance(value, _TOP_KEYS[key]):
            raise reader.fail(key, f"must be {_type_name(_TOP_KEYS[key])}")
    name = str(data.get("name", "")).strip()
    if not name:
        raise ProfileError(f"{path}: name: is required (the person's name as it appears in public)")

    dob: dt.date | None = None
    raw_dob = data.get("date_of_birth")
    if isinstance(raw_dob, dt.datetime):
        dob = raw_dob.date()
    elif isinstance(raw_dob, dt.date):
        dob = raw_dob
    elif isinstance(raw_dob, str) and raw_dob.strip():
        try:
            dob = dt.date.fromisoformat(raw_dob.strip())
        except ValueError:
            raise reader.fail("date_of_birth", f"'{raw_dob}' is not a date like 1979-06-14") from None

    phones = []
    for index, item in enumerate(data.get("phones", [])):
        item = _check_table_keys(reader, "phones", index, item)
        e164 = normalise_phone(item["number"])
        if e164 is None:
            raise reader.fail(
                f"phones[{index}].number", f"'{item['number']}' is not a phone number", "number", index
            )
        phones.append(Phone(item["number"].strip(), e164, item.get("label", ""), item.get("public", False)))

    emails = []
    for index, item in enumerate(data.get("emails", [])):
        item = _check_table_keys(reader, "emails", index, item)
        address = item["address"].strip()
        if not _EMAIL.match(address):
            raise reader.fail(
                f"emails[{index}].address", f"'{address}' is not an email address", "address", index
            )
        emails.append(Email(address, item.get("label", ""), item.get("public", False)))

    addresses = []
    for index, item in enumerate(data.get("addresses", [])):
        item = _check_table_keys(reader, "addresses", index, item)
        postcode = item.get("postcode", "").strip().upper()
        if postcode and not _POSTCODE.match(postcode):
            raise reader.fail(
                f"addresses[{index}].postcode", f"'{postcode}' is not a UK postcode", "postcode", index
            )
        latitude, longitude = item.get("latitude"), item.get("longitude")
        if (latitude is None) != (longitude is None):
            raise reader.fail(
                f"addresses[{index}]", "give both latitude and longitude, or neither", "addresses", index
            )
        if (
            latitude is not None
            and longitude is not None
            and not (-90 <= latitude <= 90 and -180 <= longitude <= 180)
        ):
            raise reader.fail(
                f"addresses[{index}].latitude",
                f"({latitude}, {longitude}) is not a place on Earth (latitude first, in degrees)",
                "latitude",
                index,
            )
        addresses.append(
            Address(
                item["text"].strip(),
                item.get("label", ""),
                postcode,
                item.get("public", False),
                None if latitude is None else float(latitude),
                None if longitude is None else float(longitude),
            )
        )

    family = []
    for index, item in enumerate(data.get("family", [])):
        item = _check_table_keys(reader, "family", index, item)
        nicknames = item.get("nicknames", [])
        if not all(isinstance(n, str) and n.strip() for n in nicknames):
            raise reader.fail(f"family[{index}].nicknames", "must be a list of names", "nicknames", index)
        family.append(
            FamilyMember(
                item["name"].strip(),
                item.get("relation", "").strip(),
                item.get("school", "").strip(),
                tuple(n.strip() for n in nicknames),
            )
        )

    accounts = []
    for index, item in enumerate(data.get("accounts", [])):
        item = _check_table_keys(reader, "accounts", index, item)
        if not str(item.get("username", "")).strip():
            raise reader.fail(f"accounts[{index}].username", "is required", "accounts", index)
        accounts.append(KnownAccount(item["site"].strip().lower(), item["username"].strip()))

    contacts = []
    for index, item in enumerate(data.get("contacts", [])):
        item = _check_table_keys(reader, "contacts", index, item)
        contacts.append(
            Contact(
                item["name"].strip(),
                item.get("role", "").strip(),
                item.get("phone", "").strip(),
                item.get("email", "").strip(),
            )
        )

    consent = None
    if "consent" in data:
        given: dict[str, object] = data["consent"]
        unknown = sorted(set(given) - {"by", "at", "how"})
        if unknown:
            raise reader.fail(f"consent.{unknown[0]}", "unknown field (known fields: at, by, how)", "consent")
        if not str(given.get("by", "")).strip() or not str(given.get("at", "")).strip():
            raise reader.fail("consent", "needs `by` (who consented) and `at` (when)", "consent")
        consent = Consent(
            str(given["by"]).strip(), str(given["at"]).strip(), str(given.get("how", "")).strip()
        )

    usernames = _strings(reader, data, "usernames")
    for index, username in enumerate(usernames):
        if not _USERNAME.match(username.lstrip("@")):
            raise reader.fail(
                f"usernames[{index}]", f"'{username}' has characters no site allows", "usernames"
            )
    websites = tuple(
        _check_url(reader, "websites", i, u) for i, u in enumerate(_strings(reader, data, "websites"))
    )
    watch = tuple(
        _check_url(reader, "watch_urls", i, u) for i, u in enumerate(_strings(reader, data, "watch_urls"))
    )
    near_home = data.get("near_home_metres", 500)
    if isinstance(near_home, bool) or not 10 <= near_home <= 100_000:
        raise reader.fail("near_home_metres", "must be a whole number of metres from 10 to 100000")
    councils = tuple(
        _check_url(reader, "council_sites", i, u)
        for i, u in enumerate(_strings(reader, data, "council_sites"))
    )
    titles = []
    for index, title in enumerate(_strings(reader, data, "titles")):
        word = title.lower().rstrip(".")
        if word not in TITLES:
            known = ", ".join(sorted({t.title() for t in TITLES}))
            raise reader.fail(
                f"titles[{index}]", f"is not a title footprint knows (known: {known})", "titles"
            )
        titles.append(TITLES[word])
    key = str(data.get("id", "")).strip() or stable_key(name, dob)
    return Profile(
        key=key,
        name=name,
        other_names=_strings(reader, data, "other_names"),
        date_of_birth=dob,
        locality=_strings(reader, data, "locality"),
        usernames=tuple(dict.fromkeys(u.lstrip("@") for u in usernames)),
        websites=websites,
        watch_urls=watch,
        council_sites=councils,
        phones=tuple(phones),
        emails=tuple(emails),
        addresses=tuple(addresses),
        family=tuple(family),
        accounts=tuple(accounts),
        contacts=tuple(contacts),
        consent=consent,
        near_home_metres=near_home,
        titles=tuple(dict.fromkeys(titles)),
    )


def load_profile(path: Path) -> Profile:
    try:
        size = path.stat().st_size
        if size > MAX_PROFILE_BYTES:
            raise ProfileError(f"{path}: is {size:,} bytes; a profile is a short TOML file")
        raw = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise ProfileError(
            f"{path}: no such file (create one with `footprint profile init {path}`)"
        ) from None
    except IsADirectoryError:
        raise ProfileError(f"{path}: is a folder, not a profile file") from None
    except UnicodeDecodeError:
        raise ProfileError(f"{path}: is not UTF-8 text") from None
    except OSError as exc:
        raise ProfileError(f"{path}: cannot be read ({exc.strerror})") from None
    return parse_profile(raw, str(path))


TEMPLATE = """\
# footprint profile: who you are, so footprint can find where your personal details are exposed online.
#
# This file holds your most sensitive details. Keep it private (footprint created it readable by you alone)
# and never commit it to a shared repository. footprint never sends it anywhere: it only searches pages for it.
#
# For every phone, email and address, say whether it is meant to be public:
#   public = false   its appearance anywhere is an exposure (your personal mobile, your home)
#   public = true    you publish it on purpose (campaign office); it is never reported

id = "{key}"                       # a stable key for your scan history; keep it if you rename or move this file
name = "Your Name"                 # as it appears in public
other_names = []                   # e.g. ["Maggie Oduya", "Cllr M. Oduya"]
# date_of_birth = "1979-06-14"     # optional: lets footprint spot your birthday and age being published
locality = []                      # places that tell you apart from namesakes, e.g. ["Brackenfield", "Millbrook ward"]
usernames = []                     # handles you use online, e.g. ["maggieoduya", "cllrmaggie"]
websites = []                      # your own sites, e.g. ["https://www.maggieoduya.org.uk"]
watch_urls = []                    # pages you know mention you (e.g. where you were doxxed): rechecked every scan
near_home_metres = 500             # a photo's GPS position or a map pin this close to your home counts as your home
# titles = ["Ms", "Cllr"]          # optional: the titles you go by; a page's "Mr Oduya" then is not you
council_sites = []                 # your council's democracy site, e.g. ["https://democracy.brackenfield.gov.uk"]

# [[phones]]
# number = "07700 900461"
# label = "personal mobile"
# public = false

# [[emails]]
# address = "you@example.org"
# public = false

# [[addresses]]
# label = "home"
# text = "14 Larch Close, Millbrook, Brackenfield"
# postcode = "BF4 7QT"
# latitude = 53.80121              # optional: the home's position, to spot photos and map pins that give it away
# longitude = -1.54912
# public = false

# [[family]]
# name = "Partner Name"
# relation = "spouse"              # spouse, partner, child, parent, sibling ...
# nicknames = ["Dev"]              # optional: names they are called by

# [[family]]
# name = "Child Name"
# relation = "child"
# school = "St Anne's Primary School"

# [[contacts]]                     # who you would call: shown in the report's safety section, never searched for
# name = "PC Jo Bell"
# role = "Brackenfield Police single point of contact for candidates"
# phone = "0113 496 0999"

# [[accounts]]                     # accounts you know are yours, where the handle differs from `usernames`
# site = "instagram"
# username = "your.handle"
"""
