"""The terminal summary: counts, the worst exposures, what could not be checked, and where the files are."""

from __future__ import annotations

from collections import Counter
from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from footprint.render.html import KIND_LABELS, SEVERITY_LABELS

_STYLES = {
    "red_flag": "bold white on red",
    "high": "bold red",
    "medium": "yellow",
    "low": "cyan",
    "info": "dim",
}


def render(report: dict[str, Any], files: dict[str, str], top: int = 5) -> RenderableType:
    """A rich renderable. Scraped text goes in as Text objects, never as markup, so it cannot style the terminal."""
    parts: list[RenderableType] = []
    counts = report["scan"]["counts"]
    if report["safety"]["red_flag"]:
        parts.append(
            Panel(
                Text(
                    "Someone else has published personal information about you (a police red flag).\n"
                    "If anyone is in immediate danger, call 999. Capture evidence before removing anything;\n"
                    "then contact your force's election single point of contact (or 101).",
                    style="bold",
                ),
                title="Safety first",
                border_style="red",
            )
        )
    summary = Text()
    for sev, n in counts["by_severity"].items():
        summary.append(f" {SEVERITY_LABELS[sev]}: {n} ", style=_STYLES[sev] if n else "dim")
    parts.append(Text(f"Exposures found: {counts['findings']}", style="bold"))
    parts.append(summary)
    if report["findings"]:
        table = Table(
            show_lines=False, expand=True, title=f"Top {min(top, len(report['findings']))} exposures"
        )
        table.add_column("Severity", no_wrap=True)
        table.add_column("What")
        table.add_column("Value")
        table.add_column("Where", overflow="fold")
        for f in report["findings"][:top]:
            table.add_row(
                Text(SEVERITY_LABELS[f["severity"]], style=_STYLES[f["severity"]]),
                Text(KIND_LABELS[f["kind"]]),
                Text(f["value"]),
                Text(f["url"]),
            )
        parts.append(table)
    if report["actions"]:
        actions = Text("First steps:\n", style="bold")
        for i, action in enumerate(report["actions"][:5], 1):
            actions.append(f"  {i}. {action['title']}\n")
        parts.append(actions)
    found = [a for a in report["accounts"] if a["status"] == "found"]
    if found:
        levels = Counter((a.get("attribution") or {}).get("level", "page") for a in found)
        parts.append(
            Text(
                f"Found: {len(found)} accounts and pages ({levels['confirmed']} confirmed yours, {levels['likely']} "
                f"likely yours, {levels['unknown']} unknown, {levels['unlikely']} probably someone else's): "
                "see the report."
            )
        )
    unchecked = [a for a in report["accounts"] if a["status"] not in ("found", "not_found")]
    line = Text(
        f"{counts['probes']} sources probed: {counts['by_status']['found']} found, "
        f"{counts['by_status']['not_found']} not found, {counts['not_checked']} not checked"
    )
    parts.append(line)
    if unchecked:
        table = Table(title="Not checked (this is not the same as clean)", expand=True)
        table.add_column("Source")
        table.add_column("Status", no_wrap=True)
        table.add_column("Why", overflow="fold")
        for a in unchecked[:8]:
            who = a["site_name"] + (f" ({a['username']})" if a["username"] else "")
            table.add_row(Text(who), Text(a["status"].replace("_", " ")), Text(a.get("reason", "")))
        if len(unchecked) > 8:
            table.add_row(Text(f"... and {len(unchecked) - 8} more (see the report)"), Text(""), Text(""))
        parts.append(table)
    if report["scan"]["interrupted"]:
        parts.append(
            Text("The scan was interrupted: what was found so far is saved and reported.", style="yellow")
        )
    for label, path in files.items():
        parts.append(Text.assemble((f"{label}: ", "bold"), path))
    return Group(*parts)
