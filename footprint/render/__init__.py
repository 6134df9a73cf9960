"""Renderers: each takes the report document and returns text. No I/O, and every scraped string is escaped."""

from __future__ import annotations

import enum


class Format(enum.StrEnum):
    HTML = "html"
    JSON = "json"
