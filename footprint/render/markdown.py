"""The report as Markdown: for a note, an email to a party officer, or a ticket. Everything scraped is escaped,
so a hostile bio cannot become a link, an image or HTML where the Markdown is rendered."""

from __future__ import annotations

import re
from typing import Any

from footprint.render.html import KIND_LABELS, SEVERITY_LABELS

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def md(text: object) -> str:
    """Scraped text made inert: Markdown punctuation escaped, HTML angle brackets as entities, one line."""
    flat = " ".join(str(text).split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", flat)


def _link(title: str, url: str) -> str:
    safe = url.replace(" ", "%20").replace(")", "%29").replace("(", "%28")
    return f"[{md(title)}](<{safe}>)" if safe.startswith(("https://", "http://")) else md(title)


def render(report: dict[str, Any]) -> str:
    lines: list[str] = []
    scan = report["scan"]
    counts = scan["counts"]
    person = report["person"]["name"]
    lines.append(f"# Online footprint report: {md(person)}")
    lines.append("")
    masked = " Share-safe copy: exposed values are masked." if report["masked"] else ""
    lines.append(f"Scan `{scan['id']}`, {scan['started_at']} to {scan['finished_at']} (UTC).{masked}")
    lines.append("")
    safety = report["safety"]
    if safety["red_flag"]:
        lines += ["## Safety first", ""]
        lines.append(
            "**Someone else has published personal information about you: a police red flag.** If anyone is in "
            "immediate danger, call 999. Capture evidence before you remove anything, then contact your force's "
            "single point of contact for candidates (or 101)."
        )
        lines.append("")
        lines += [f"- {md(flag)}" for flag in safety["red_flags"]]
        lines.append("")
    comparison = report.get("comparison")
    if comparison:
        c = comparison["counts"]
        lines += ["## What changed since your last check", ""]
        lines.append(
            f"Compared with scan `{comparison['against']}`: **{c['new']} new**, {c['persisting']} still there, "
            f"{c['resolved']} gone, {c['unchecked']} could not be rechecked (not the same as gone)."
        )
        lines.append("")
        for change in comparison["changes"]:
            if change["change"] == "persisting":
                continue
            flag = "**Red flag candidate:** " if change["red_flag_candidate"] else ""
            lines.append(
                f"- {flag}{change['change']}: {KIND_LABELS[change['kind']]} {md(change['value'])} at "
                f"{md(change['url'])} (`{change['fingerprint'][:12]}`)"
            )
        lines.append("")
    by = counts["by_severity"]
    lines += ["## Summary", ""]
    lines.append(
        f"{counts['findings']} exposures: {by['red_flag']} red flag, {by['high']} high, {by['medium']} medium, "
        f"{by['low']} low, {by['info']} info. {counts['probes']} sources probed: {counts['by_status']['found']} "
        f"found, {counts['by_status']['not_found']} not found, {counts['not_checked']} not checked."
    )
    lines.append("")
    if report["findings"]:
        lines += [
            "## Exposures",
            "",
            "| Severity | What | Value | Where | Fetched (UTC) | SHA-256 |",
            "|---|---|---|---|---|---|",
        ]
        for f in report["findings"]:
            lines.append(
                f"| {SEVERITY_LABELS[f['severity']]} | {KIND_LABELS[f['kind']]} | {md(f['value'])} | "
                f"{md(f['url'])} | {f['evidence']['fetched_at']} | `{f['evidence']['sha256'][:16]}…` |"
            )
        lines.append("")
    if report["actions"]:
        lines += ["## What to do, in order", ""]
        for number, action in enumerate(report["actions"], 1):
            deadline = f" Deadline: {md(action['deadline'])}." if action.get("deadline") else ""
            lines.append(
                f"{number}. **{md(action['title'])}** ({action['priority'].replace('_', ' ')}).{deadline}"
            )
            lines += [f"   - {md(step)}" for step in action["steps"]]
            lines += [f"   - {_link(link['title'], link['url'])}" for link in action["links"]]
        lines.append("")
    found = [a for a in report["accounts"] if a["status"] == "found"]
    if found:
        lines += ["## Accounts and pages found", ""]
        for a in found:
            who = md(a["site_name"]) + (f" ({md(a['username'])})" if a.get("username") else "")
            attribution = a.get("attribution") or {}
            why = "; ".join(md(e) for e in attribution.get("evidence", []))
            lines.append(
                f"- {who}: {md(a['url'])}" + (f": **{attribution['level']}**, {why}" if attribution else "")
            )
        lines.append("")
    unchecked = [a for a in report["accounts"] if a["status"] not in ("found", "not_found")]
    if unchecked:
        lines += ["## Not checked (not the same as clean)", ""]
        for a in unchecked:
            who = md(a["site_name"]) + (f" ({md(a['username'])})" if a.get("username") else "")
            lines.append(f"- {who}: {a['status'].replace('_', ' ')}: {md(a.get('reason', ''))}")
        lines.append("")
    lines += ["## Who can help", ""]
    for c in safety.get("your_contacts", []):
        lines.append(f"- {md(c['name'])}, {md(c['role'])}: {md(c['phone'])} {md(c['email'])}".rstrip())
    for c in safety["contacts"]:
        lines.append(f"- {md(c['name'])}: {md(c['phone'])}. {md(c['use'])} {_link(c['url'], c['url'])}")
    lines.append("")
    return "\n".join(lines)
