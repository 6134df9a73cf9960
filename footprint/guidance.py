"""Load the remediation steps and the safety guidance (reports/*.toml): reviewed data, not code."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from footprint.errors import CatalogueError
from footprint.resources import reports_dir


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class Remediation:
    id: str
    title: str
    steps: tuple[str, ...]
    links: tuple[Link, ...]
    source: str
    checked: str
    certainty: str
    deadline: str = ""
    upstream: bool = False

    @property
    def url(self) -> str:
        return self.links[0].url if self.links else self.source


@dataclass(frozen=True)
class Contact:
    id: str
    name: str
    use: str
    url: str
    certainty: str
    phone: str = ""


@dataclass(frozen=True)
class Principle:
    letter: str
    word: str
    text: str


@dataclass(frozen=True)
class Guidance:
    remediation: dict[str, Remediation]
    red_flags: tuple[str, ...]
    contacts: tuple[Contact, ...]
    shield: tuple[Principle, ...]
    evidence_advice: tuple[str, ...]

    def steps_for(self, ids: tuple[str, ...]) -> tuple[Remediation, ...]:
        return tuple(self.remediation[i] for i in ids if i in self.remediation)


_REQUIRED = ("id", "title", "steps", "links", "source", "checked", "certainty")
_ALLOWED = {*_REQUIRED, "deadline", "upstream"}


def _https(url: Any) -> bool:
    return isinstance(url, str) and url.startswith("https://") and " " not in url


def _remediation_entries(path: Path, data: dict[str, Any], problems: list[str]) -> list[Remediation]:
    entries = []
    for index, item in enumerate(data.get("remediation", [])):
        where = f"{path}: remediation[{index}]"
        missing = [k for k in _REQUIRED if k not in item]
        unknown = [k for k in item if k not in _ALLOWED]
        if missing or unknown:
            problems.append(f"{where}: missing {missing} / unknown {unknown}")
            continue
        if not item["steps"] or not all(isinstance(s, str) and s.strip() for s in item["steps"]):
            problems.append(f"{where} ({item['id']}): steps must be a non-empty list of sentences")
        links = item["links"]
        if not all(
            isinstance(link, dict) and _https(link.get("url")) and link.get("title") for link in links
        ):
            problems.append(f"{where} ({item['id']}): every link needs a title and an https url")
            continue
        if not _https(item["source"]):
            problems.append(f"{where} ({item['id']}): source must be an https URL")
        if item["certainty"] not in ("verified", "unverified"):
            problems.append(f"{where} ({item['id']}): certainty must be 'verified' or 'unverified'")
        entries.append(
            Remediation(
                id=item["id"],
                title=item["title"],
                steps=tuple(item["steps"]),
                links=tuple(Link(link["title"], link["url"]) for link in links),
                source=item["source"],
                checked=str(item["checked"]),
                certainty=item["certainty"],
                deadline=item.get("deadline", ""),
                upstream=bool(item.get("upstream", False)),
            )
        )
    return entries


def check_guidance(root: Path) -> tuple[list[str], Guidance | None]:
    problems: list[str] = []
    remediation: dict[str, Remediation] = {}
    files = sorted((root / "remediation").glob("*.toml"))
    if not files:
        problems.append(f"{root}/remediation: no remediation files")
    for path in files:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            problems.append(f"{path}: not valid TOML ({exc})")
            continue
        for entry in _remediation_entries(path, data, problems):
            if entry.id in remediation:
                problems.append(f"{path}: remediation id '{entry.id}' is defined twice")
            remediation[entry.id] = entry
    guidance_path = root / "guidance.toml"
    try:
        data = tomllib.loads(guidance_path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        problems.append(f"{guidance_path}: {exc}")
        return problems, None
    try:
        contacts = tuple(
            Contact(c["id"], c["name"], c["use"], c["url"], c["certainty"], c.get("phone", ""))
            for c in data["contacts"]
        )
        shield = tuple(Principle(s["letter"], s["word"], s["text"]) for s in data["shield"])
        guidance = Guidance(
            remediation=remediation,
            red_flags=tuple(r["text"] for r in data["red_flags"]),
            contacts=contacts,
            shield=shield,
            evidence_advice=tuple(data["evidence_advice"]),
        )
    except (KeyError, TypeError) as exc:
        problems.append(f"{guidance_path}: missing or malformed field {exc}")
        return problems, None
    return problems, guidance


def load_guidance(root: Path | None = None) -> Guidance:
    root = root or reports_dir()
    problems, guidance = check_guidance(root)
    if problems or guidance is None:
        raise CatalogueError("the remediation data has problems:\n  " + "\n  ".join(problems))
    return guidance
