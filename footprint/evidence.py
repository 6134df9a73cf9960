"""The evidence pack: one zip a person can hand to the police, with everything behind each finding.

    manifest.json     the scan, every finding (URL, UTC time, HTTP status, SHA-256 of the page as fetched,
                      the saved page and screenshot inside the pack), and the incidents recorded
    index.html        the same, readable in a browser (everything escaped)
    pages/<sha256>    each page exactly as fetched; its name is its SHA-256, so anyone can check it
    screenshots/      PNGs of the pages, where a browser was available, named by their SHA-256
    SHA256SUMS        the SHA-256 of every other file in the pack (sha256sum -c format)

`footprint evidence verify PACK.zip` re-computes every hash, including each saved page against the hash
recorded when it was fetched, and says which file fails.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path

from footprint import __version__
from footprint.model import Incident, utcnow
from footprint.store import Store

MANIFEST_VERSION = "1"
_EXTENSIONS = {
    "text/html": "html",
    "application/json": "json",
    "application/pdf": "pdf",
    "image/jpeg": "jpg",
    "image/png": "png",
    "text/plain": "txt",
}


def _ts(value: dt.datetime | None) -> str | None:
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z") if value else None


def _incident(i: Incident) -> dict[str, object]:
    return {
        "id": i.id,
        "happened_at": _ts(i.happened_at),
        "recorded_at": _ts(i.recorded_at),
        "what": i.what,
        "where": i.place,
        "who": i.who,
        "links": list(i.links),
        "reported_to": i.reported_to,
        "reference": i.reference,
    }


def build_pack(store: Store, scan_id: str, person: str = "") -> bytes:
    """The zip's bytes. Raises KeyError if the scan is not in the store."""
    rows = {row.info.id: row for row in store.scans()}
    if scan_id not in rows:
        raise KeyError(scan_id)
    info = rows[scan_id].info
    findings = store.findings(scan_id)
    shots = store.screenshots(scan_id)
    files: dict[str, bytes] = {}
    entries = []
    for f in sorted(findings, key=lambda f: (-f.severity.rank, f.url)):
        page_file = None
        saved = store.body(f.evidence.sha256)
        if saved is not None:
            content_type, body = saved
            ext = _EXTENSIONS.get(content_type.split(";")[0].strip(), "bin")
            page_file = f"pages/{f.evidence.sha256}.{ext}"
            files[page_file] = body
        shot_file = None
        if f.url in shots:
            digest, png = shots[f.url]
            shot_file = f"screenshots/{digest}.png"
            files[shot_file] = png
        entries.append(
            {
                "fingerprint": f.fingerprint,
                "kind": f.kind.value,
                "severity": f.severity.value,
                "value": f.value,
                "url": f.url,
                "fetched_at": _ts(f.evidence.fetched_at),
                "http_status": f.evidence.http_status,
                "sha256": f.evidence.sha256,
                "page_file": page_file,
                "screenshot_file": shot_file,
                "snippet": f.evidence.snippet,
                "published_by": f.ownership.value,
            }
        )
    incidents = [_incident(i) for i in store.incidents(info.profile_key)]
    manifest = {
        "manifest_version": MANIFEST_VERSION,
        "generated_at": _ts(utcnow()),
        "tool": {"name": "footprint", "version": __version__},
        "person": person,
        "scan": {
            "id": info.id,
            "profile_key": info.profile_key,
            "started_at": _ts(info.started_at),
            "finished_at": _ts(info.finished_at),
            "complete": info.complete,
            "catalogue_version": info.catalogue_version,
        },
        "findings": entries,
        "incidents": incidents,
        "how_to_verify": "footprint evidence verify THIS.zip, or: unzip, then sha256sum -c SHA256SUMS",
    }
    files["manifest.json"] = json.dumps(manifest, indent=2, ensure_ascii=False).encode("utf-8")
    files["index.html"] = _index(manifest).encode("utf-8")
    sums = "".join(f"{hashlib.sha256(body).hexdigest()}  {name}\n" for name, body in sorted(files.items()))
    files["SHA256SUMS"] = sums.encode("ascii")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as pack:
        for name, body in sorted(files.items()):
            info_entry = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info_entry.external_attr = 0o600 << 16
            pack.writestr(info_entry, body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _index(manifest: dict) -> str:  # type: ignore[type-arg]
    e = html.escape
    rows = "".join(
        f"<tr><td>{e(str(f['severity']))}</td><td>{e(str(f['kind']))}</td><td>{e(str(f['value']))}</td>"
        f"<td>{e(str(f['url']))}</td><td>{e(str(f['fetched_at']))}</td><td>{e(str(f['http_status']))}</td>"
        f"<td><code>{e(str(f['sha256']))}</code></td><td>{e(str(f['page_file'] or ''))}</td>"
        f"<td>{e(str(f['screenshot_file'] or ''))}</td></tr>"
        for f in manifest["findings"]
    )
    incidents = "".join(
        f"<tr><td>{e(str(i['happened_at']))}</td><td>{e(str(i['what']))}</td><td>{e(str(i['where']))}</td>"
        f"<td>{e(str(i['who']))}</td><td>{e(', '.join(i['links']))}</td><td>{e(str(i['reported_to']))}</td>"
        f"<td>{e(str(i['reference']))}</td></tr>"
        for i in manifest["incidents"]
    )
    scan = manifest["scan"]
    return f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Evidence pack: {e(manifest["person"])}</title>
<style>body{{font-family:sans-serif;margin:1rem}}table{{border-collapse:collapse}}td,th{{border:1px solid #999;padding:.3rem;vertical-align:top;font-size:.9rem;overflow-wrap:anywhere}}</style>
</head><body>
<h1>Evidence pack: {e(manifest["person"])}</h1>
<p>Made by footprint {e(manifest["tool"]["version"])} at {e(manifest["generated_at"])} (UTC) from scan
{e(scan["id"])} ({e(str(scan["started_at"]))} to {e(str(scan["finished_at"]))}). Each saved page is named by the
SHA-256 of its content as fetched; SHA256SUMS lists every file. Check with: {e(manifest["how_to_verify"])}.</p>
<h2>Findings ({len(manifest["findings"])})</h2>
<table><tr><th>Severity</th><th>What</th><th>Value</th><th>Where</th><th>Fetched (UTC)</th><th>HTTP</th>
<th>SHA-256 of the page</th><th>Saved page</th><th>Screenshot</th></tr>{rows}</table>
<h2>Incidents recorded ({len(manifest["incidents"])})</h2>
<table><tr><th>When (UTC)</th><th>What</th><th>Where</th><th>Who</th><th>Links</th><th>Reported to</th>
<th>Reference</th></tr>{incidents}</table>
</body></html>
"""


@dataclass(frozen=True)
class Verification:
    ok: bool
    checked: int
    problems: tuple[str, ...]


def verify_pack(path: Path) -> Verification:
    """Every file against SHA256SUMS, and every saved page against the hash recorded when it was fetched."""
    problems: list[str] = []
    try:
        pack = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        return Verification(False, 0, (f"{path}: not a readable zip ({exc})",))
    with pack:
        names = set(pack.namelist())
        if "SHA256SUMS" not in names or "manifest.json" not in names:
            return Verification(
                False, 0, ("the pack has no SHA256SUMS or manifest.json: not a footprint evidence pack",)
            )
        listed: dict[str, str] = {}
        for line in pack.read("SHA256SUMS").decode("ascii", "replace").splitlines():
            digest, _, name = line.partition("  ")
            if name:
                listed[name] = digest
        for name in sorted(names - {"SHA256SUMS"}):
            if name not in listed:
                problems.append(f"{name}: not listed in SHA256SUMS (added after the pack was made?)")
                continue
            if hashlib.sha256(pack.read(name)).hexdigest() != listed[name]:
                problems.append(
                    f"{name}: its SHA-256 does not match SHA256SUMS (changed after the pack was made)"
                )
        for name in sorted(set(listed) - names):
            problems.append(f"{name}: listed in SHA256SUMS but missing from the pack")
        try:
            manifest = json.loads(pack.read("manifest.json"))
        except ValueError:
            return Verification(False, len(listed), (*problems, "manifest.json is not valid JSON"))
        for finding in manifest.get("findings", []):
            page_file = finding.get("page_file")
            if (
                page_file
                and page_file in names
                and hashlib.sha256(pack.read(page_file)).hexdigest() != finding.get("sha256")
            ):
                problems.append(
                    f"{page_file}: differs from the page as fetched (recorded SHA-256 {finding.get('sha256')})"
                )
    return Verification(not problems, len(listed), tuple(problems))
