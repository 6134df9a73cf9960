"""Turn a fetched page (HTML, JSON or text) into one Document whose text the detectors read."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from footprint.detect.interface import Document
from footprint.model import Page

MAX_TEXT_CHARS = 2_000_000

_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
_DROP_TAGS = ("style", "noscript", "template", "svg", "iframe", "object")
_META_NAMES = re.compile(r"^(description|og:|twitter:|profile:|author|geo\.|icbm|place:|business:)", re.I)
_SPACES = re.compile(r"[ \t\u00a0\u200b\u2009\u202f]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def _json_strings(value: Any, depth: int = 0) -> Iterator[str]:
    if depth > 40:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield str(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, (str, int, float)) and not isinstance(item, bool):
                yield f"{key}: {item}"
            else:
                yield from _json_strings(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item, depth + 1)


def _tidy(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()[:MAX_TEXT_CHARS]


def html_to_document(url: str, html: str) -> Document:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    extra: list[str] = []
    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    for meta in soup.find_all("meta"):
        name = str(meta.get("property") or meta.get("name") or meta.get("itemprop") or "")
        content = meta.get("content")
        if content and (_META_NAMES.match(name) or meta.get("itemprop")):
            extra.append(str(content))
    for script in soup.find_all("script"):
        kind = str(script.get("type") or "").lower()
        raw = script.string or ""
        if "json" in kind and raw.strip():
            try:
                extra.extend(_json_strings(json.loads(raw)))
            except (ValueError, RecursionError):
                extra.append(raw)
        script.decompose()
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for link in soup.find_all("a", href=True):
        href = str(link["href"])
        if href.lower().startswith(("tel:", "mailto:", "sms:")):
            extra.append(href.split(":", 1)[1].split("?", 1)[0])
    for img in soup.find_all("img", alt=True):
        extra.append(str(img["alt"]))
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.append("\n")
        tag.insert(0, "\n")
    body_text = soup.get_text(" ")
    text = _tidy("\n".join([body_text, *extra]))
    return Document(url=url, text=text, title=title)


_XML_TYPES = frozenset({"text/xml", "application/xml", "application/rss+xml", "application/atom+xml"})


def xml_to_document(url: str, xml: str) -> Document:
    """Feeds (RSS, Atom) carry escaped HTML in their items: read the XML, then read that HTML as HTML."""
    from bs4 import BeautifulSoup

    inner = BeautifulSoup(xml, "lxml-xml").get_text("\n")
    if "<" in inner and ">" in inner:
        return html_to_document(url, inner)
    return Document(url=url, text=_tidy(inner))


def page_to_document(page: Page) -> Document:
    """Every scraped string here is hostile input: it is only ever searched, never executed or rendered raw."""
    ctype = page.content_type
    text = page.text
    sniff = text.lstrip()[:200].lower()
    if (
        ctype in ("application/json", "application/ld+json")
        or ctype.endswith("+json")
        or (not ctype and sniff.startswith(("{", "[")))
    ):
        try:
            return Document(url=page.final_url, text=_tidy("\n".join(_json_strings(json.loads(text)))))
        except (ValueError, RecursionError):
            return Document(url=page.final_url, text=_tidy(text))
    if ctype in _XML_TYPES or ctype.endswith("+xml") and ctype != "application/xhtml+xml":
        return xml_to_document(page.final_url, text)
    if ctype in ("text/html", "application/xhtml+xml") or sniff.startswith(("<!doctype html", "<html")):
        return html_to_document(page.final_url, text)
    if ctype.startswith("text/") or not ctype:
        return Document(url=page.final_url, text=_tidy(text))
    return Document(url=page.final_url, text="")
