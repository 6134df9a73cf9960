"""Recorded-style HTTP responses (checks/fixtures/<id>/*.http): the found and not-found pages every site ships."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from footprint.model import Page, utcnow


@dataclass(frozen=True)
class CannedResponse:
    status: int
    reason: str
    headers: tuple[tuple[str, str], ...]
    body: bytes

    def as_page(self, url: str, redirects: tuple[str, ...] = ()) -> Page:
        return Page(
            url=url,
            final_url=url,
            status=self.status,
            headers=self.headers,
            body=self.body,
            fetched_at=utcnow(),
            sha256=hashlib.sha256(self.body).hexdigest(),
            elapsed=0.0,
            redirects=redirects,
        )


def parse_http(raw: bytes, where: str = "response") -> CannedResponse:
    """Parse 'HTTP/1.1 200 OK', header lines, a blank line, then the body (kept byte for byte)."""
    text_end = raw.find(b"\n\n")
    crlf_end = raw.find(b"\r\n\r\n")
    if crlf_end != -1 and (text_end == -1 or crlf_end < text_end):
        head, body = raw[:crlf_end], raw[crlf_end + 4 :]
    elif text_end != -1:
        head, body = raw[:text_end], raw[text_end + 2 :]
    else:
        head, body = raw, b""
    lines = head.decode("latin-1").splitlines()
    if not lines or not lines[0].startswith("HTTP/"):
        raise ValueError(f"{where}: the first line must be a status line like 'HTTP/1.1 200 OK'")
    parts = lines[0].split(" ", 2)
    try:
        status = int(parts[1])
    except (IndexError, ValueError):
        raise ValueError(f"{where}: bad status line {lines[0]!r}") from None
    reason = parts[2] if len(parts) > 2 else ""
    headers = []
    for line in lines[1:]:
        name, sep, value = line.partition(":")
        if not sep:
            raise ValueError(f"{where}: bad header line {line!r}")
        headers.append((name.strip(), value.strip()))
    return CannedResponse(status=status, reason=reason, headers=tuple(headers), body=body)


def load_fixture(path: Path) -> CannedResponse:
    return parse_http(path.read_bytes(), str(path))


def site_fixtures(checks_root: Path, check_id: str) -> dict[str, CannedResponse]:
    """The canned responses for one site, by name: 'found', 'not_found', and any extra ones."""
    folder = checks_root / "fixtures" / check_id
    return {p.stem: load_fixture(p) for p in sorted(folder.glob("*.http"))}
