"""The self-contained HTML report: jinja2 with autoescape, no external assets, a strict Content-Security-Policy."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from footprint.guidance import Guidance
from footprint.model import Kind, Severity
from footprint.resources import reports_dir

SEVERITY_LABELS = {
    Severity.RED_FLAG.value: "Red flag",
    Severity.HIGH.value: "High",
    Severity.MEDIUM.value: "Medium",
    Severity.LOW.value: "Low",
    Severity.INFO.value: "Info",
}
KIND_LABELS = {
    Kind.HOME_ADDRESS.value: "Home address",
    Kind.PHONE.value: "Phone number",
    Kind.EMAIL.value: "Email address",
    Kind.FAMILY_MEMBER.value: "Family member",
    Kind.CHILD_SCHOOL.value: "Child's school",
    Kind.DATE_OF_BIRTH.value: "Date of birth",
    Kind.GEO_LOCATION.value: "Location",
    Kind.OTHER.value: "Other personal data",
}


def render(report: dict[str, Any], guidance: Guidance) -> str:
    import jinja2

    templates = reports_dir() / "templates"
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=True,  # every scraped string is hostile: escape everything, always
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    style = (templates / "report.css").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode()
    return env.get_template("report.html.j2").render(
        report=report,
        guidance=guidance,
        style=style,
        style_hash=f"sha256-{digest}",
        severities=[s.value for s in Severity],
        labels=SEVERITY_LABELS,
        kinds=KIND_LABELS,
    )
