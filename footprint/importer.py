"""Bring a peer tool's site list (WhatsMyName, Sherlock or Maigret JSON) into footprint's own catalogue format.

Users can then probe the peers' wider lists alongside footprint's own entries (`footprint scan --add-checks
DIR`). Imported entries are marked `imported_from`, and the report shows them as lower trust: their rules were
not checked against fixtures here, and the peers' "found" rules often rest on an absence string alone (the
peers' main source of false positives). footprint makes every imported `found` rule positive: the page must
carry the peer's presence string, or at least the username itself; a page with neither is `unknown`.

Nothing here fetches anything: the file is the user's, read locally.
"""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from footprint.catalogue import entry_validator, validate_entry

FORMATS = ("wmn", "sherlock", "maigret")
DEFAULT_PATTERN = r"^[A-Za-z0-9._-]{1,64}$"
REMEDIATION = ["lock-down-account"]

_WMN_CATEGORIES = {
    "social": "social",
    "gaming": "gaming",
    "coding": "developer",
    "tech": "developer",
    "music": "music",
    "art": "photo",
    "images": "photo",
    "video": "video",
    "blog": "blogging",
    "business": "professional",
    "shopping": "shopping",
    "health": "fitness",
}
_TAG_CATEGORIES = {
    "social": "social",
    "photo": "photo",
    "video": "video",
    "music": "music",
    "gaming": "gaming",
    "coding": "developer",
    "tech": "developer",
    "blog": "blogging",
    "forum": "forum",
    "shopping": "shopping",
    "business": "professional",
    "finance": "other",
    "dating": "other",
}


@dataclass
class ImportResult:
    format: str
    entries: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "Name: why"


def detect_format(data: Any) -> str:
    if isinstance(data, dict) and isinstance(data.get("sites"), list):
        return "wmn"
    if isinstance(data, dict) and isinstance(data.get("sites"), dict):
        return "maigret"
    if isinstance(data, dict) and any(isinstance(v, dict) and "errorType" in v for v in data.values()):
        return "sherlock"
    raise ValueError("not a WhatsMyName, Sherlock or Maigret site list (expected their data.json shape)")


def _slug(fmt: str, name: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "site"
    slug = f"{fmt}-{base}"[:38].rstrip("-")
    candidate, n = slug, 2
    while candidate in taken:
        candidate = f"{slug[:35]}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


def _pattern(regex: str | None) -> str:
    """A peer's username regex as a full-match Python pattern, or footprint's default if it does not compile."""
    if not regex:
        return DEFAULT_PATTERN
    anchored = regex if regex.startswith("^") else f"^(?:{regex})"
    anchored = anchored if anchored.endswith("$") else f"{anchored}$"
    try:
        re.compile(anchored)
    except re.error:
        return DEFAULT_PATTERN
    return anchored


def _strings(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [s for s in (str(v) for v in items if v is not None) if len(s) >= 3]


def _unclaimed(pattern: str = DEFAULT_PATTERN, given: str | None = None) -> str:
    """A username nobody has, that the site's own rule accepts (the peer's, if it fits)."""
    token = secrets.token_hex(5)
    letters = "".join(chr(ord("a") + int(c, 16) % 26) for c in token)
    for candidate in (
        given,
        "fp" + token,
        "fpq" + letters,
        letters + "q",
        "8" + str(int(token, 16))[:9],
        "Fp" + letters,
    ):
        if candidate and re.fullmatch(pattern, candidate):
            return candidate
    return "fp" + token


def _wmn(data: dict[str, Any], result: ImportResult, taken: set[str]) -> Iterator[dict[str, Any]]:
    for site in data.get("sites", []):
        name = str(site.get("name", "")).strip() or "?"
        if site.get("post_body"):
            result.skipped.append(f"{name}: needs a POST request")
            continue
        if "{account}" not in str(site.get("uri_check", "")):
            result.skipped.append(f"{name}: no uri_check with {{account}}")
            continue
        if site.get("valid") is False or "nsfw" in str(site.get("cat", "")).lower():
            result.skipped.append(f"{name}: marked invalid or NSFW")
            continue
        check = str(site["uri_check"]).replace("{account}", "{username}")
        pretty = str(site.get("uri_pretty") or check).replace("{account}", "{username}")
        found_strings = _strings(site.get("e_string")) or ["{username}"]
        e_code, m_code = site.get("e_code"), site.get("m_code")
        not_found: dict[str, Any] = {}
        if isinstance(m_code, int) and m_code != e_code:
            not_found["status"] = [m_code]
        if m_strings := _strings(site.get("m_string")):
            not_found["strings"] = m_strings
        if not not_found:
            result.skipped.append(f"{name}: no way to tell a missing account")
            continue
        known = site.get("known") or []
        entry = {
            "name": name,
            "category": _WMN_CATEGORIES.get(str(site.get("cat", "")).lower(), "other"),
            "url": pretty,
            "username_pattern": DEFAULT_PATTERN,
            "known_claimed": str(known[0]) if known else "unknown",
            "known_unclaimed": _unclaimed(),
            "found": {"status": [e_code if isinstance(e_code, int) else 200], "strings": found_strings},
            "not_found": not_found,
        }
        if pretty != check:
            entry["probe_url"] = check
        if isinstance(site.get("headers"), dict):
            entry["headers"] = {str(k): str(v) for k, v in site["headers"].items()}
        yield entry


def _sherlock(data: dict[str, Any], result: ImportResult, taken: set[str]) -> Iterator[dict[str, Any]]:
    for name, site in data.items():
        if not isinstance(site, dict) or "url" not in site:
            continue
        if str(site.get("request_method", "GET")).upper() not in ("GET", "HEAD"):
            result.skipped.append(f"{name}: needs a {site['request_method']} request")
            continue
        if site.get("isNSFW"):
            result.skipped.append(f"{name}: marked NSFW")
            continue
        url = str(site["url"]).replace("{}", "{username}")
        kinds = site.get("errorType")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        not_found: dict[str, Any] = {}
        if "status_code" in kinds:
            code = site.get("errorCode")
            not_found["status"] = code if isinstance(code, list) else [code if isinstance(code, int) else 404]
        if "message" in kinds and (messages := _strings(site.get("errorMsg"))):
            not_found["strings"] = messages
        if "response_url" in kinds and site.get("errorUrl"):
            error_url = str(site["errorUrl"]).replace("{}", "\0")
            not_found["redirect"] = re.escape(error_url).replace("\0", ".*")
        if not not_found:
            result.skipped.append(f"{name}: no way to tell a missing account")
            continue
        entry = {
            "name": name,
            "category": "other",
            "url": url,
            "username_pattern": _pattern(site.get("regexCheck")),
            "known_claimed": str(site.get("username_claimed", "unknown")),
            "known_unclaimed": _unclaimed(_pattern(site.get("regexCheck"))),
            # Sherlock has no presence rule; footprint's is the username on the page, so a rate-limit or error
            # page (which never names the user) cannot read as found.
            "found": {"status": [200], "strings": ["{username}"]},
            "not_found": not_found,
        }
        if site.get("urlProbe"):
            entry["probe_url"] = str(site["urlProbe"]).replace("{}", "{username}")
        if isinstance(site.get("headers"), dict):
            entry["headers"] = {str(k): str(v) for k, v in site["headers"].items()}
        yield entry


def _maigret(data: dict[str, Any], result: ImportResult, taken: set[str]) -> Iterator[dict[str, Any]]:
    engines = data.get("engines", {}) if isinstance(data.get("engines"), dict) else {}
    for name, raw in data.get("sites", {}).items():
        if not isinstance(raw, dict):
            continue
        engine = engines.get(raw.get("engine", ""), {}).get("site", {}) if raw.get("engine") else {}
        site = {**engine, **raw}
        if site.get("disabled"):
            result.skipped.append(f"{name}: disabled in Maigret")
            continue
        if str(site.get("requestMethod", "GET")).upper() not in ("GET", "HEAD"):
            result.skipped.append(f"{name}: needs a {site['requestMethod']} request")
            continue
        if site.get("protocol") in ("tor", "i2p", "dns") or "nsfw" in [
            str(t).lower() for t in site.get("tags", [])
        ]:
            result.skipped.append(f"{name}: not an ordinary web site, or NSFW")
            continue
        url = str(site.get("url", ""))
        url = url.replace("{urlMain}", str(site.get("urlMain", "")).rstrip("/"))
        url = url.replace("{urlSubpath}", str(site.get("urlSubpath", "")))
        if "{username}" not in url or not url.startswith(("http://", "https://")):
            result.skipped.append(f"{name}: no usable URL template")
            continue
        check_type = site.get("checkType", "status_code")
        not_found: dict[str, Any] = {}
        if check_type == "message" and (absent := _strings(site.get("absenceStrs"))):
            not_found["strings"] = absent
        elif check_type == "response_url":
            not_found["redirect"] = ".+"
        else:
            not_found["status"] = [404]
        category = next((_TAG_CATEGORIES[t] for t in site.get("tags", []) if t in _TAG_CATEGORIES), "other")
        entry = {
            "name": name,
            "category": category,
            "url": url,
            "username_pattern": _pattern(site.get("regexCheck")),
            "known_claimed": str(site.get("usernameClaimed", "unknown")),
            "known_unclaimed": _unclaimed(_pattern(site.get("regexCheck")), site.get("usernameUnclaimed")),
            "found": {"status": [200], "strings": _strings(site.get("presenseStrs")) or ["{username}"]},
            "not_found": not_found,
        }
        probe = str(site.get("urlProbe", "")).replace("{urlMain}", str(site.get("urlMain", "")).rstrip("/"))
        if "{username}" in probe and probe.startswith(("http://", "https://")):
            entry["probe_url"] = probe
        if isinstance(site.get("headers"), dict):
            entry["headers"] = {str(k): str(v) for k, v in site["headers"].items()}
        yield entry


_CONVERTERS = {"wmn": _wmn, "sherlock": _sherlock, "maigret": _maigret}


def convert(data: Any, fmt: str | None = None) -> ImportResult:
    """Every site in a peer's list as a footprint entry (schema-valid), and why any were left out."""
    fmt = fmt or detect_format(data)
    if fmt not in _CONVERTERS:
        raise ValueError(f"unknown format '{fmt}' (known: {', '.join(FORMATS)})")
    result = ImportResult(fmt)
    taken: set[str] = set()
    validator = entry_validator()
    for entry in _CONVERTERS[fmt](data, result, taken):
        entry = {
            "id": _slug(fmt, entry["name"], taken),
            **entry,
            "remediation": list(REMEDIATION),
            "imported_from": fmt,
        }
        problems = validate_entry(entry, entry["name"], validator)
        if problems:
            result.skipped.append(problems[0])
            continue
        result.entries.append(entry)
    return result


def load_file(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ValueError(f"{path}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON ({exc})") from None


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(str(k))} = {_toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def entry_toml(entry: dict[str, Any]) -> str:
    lines = [f"# Imported from a {entry['imported_from']} site list by `footprint checks import`."]
    tables = {k: v for k, v in entry.items() if k in ("found", "not_found", "blocked")}
    for key, value in entry.items():
        if key not in tables:
            lines.append(f"{key} = {_toml_value(value)}")
    for key, table in tables.items():
        lines.append(f"\n[{key}]")
        lines.extend(f"{k} = {_toml_value(v)}" for k, v in table.items())
    return "\n".join(lines) + "\n"


def write_catalogue(result: ImportResult, out: Path, source: str) -> int:
    """Write a catalogue folder (catalogue.toml + sites/*.toml) that `--add-checks` can load."""
    from footprint.output import private_dir, write_private

    private_dir(out)
    private_dir(out / "sites")
    write_private(
        out / "catalogue.toml",
        f"# Imported by `footprint checks import` from {json.dumps(source)} ({result.format}).\n"
        f'version = "imported-{result.format}"\n',
    )
    for entry in result.entries:
        write_private(out / "sites" / f"{entry['id']}.toml", entry_toml(entry))
    return len(result.entries)
