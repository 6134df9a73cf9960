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
_DROP_TAGS = frozenset({"style", "noscript", "template", "svg", "iframe", "object"})
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
    """One pass over lxml's tree with start/end events: linear in the page's size however deeply it nests
    (hostile pages nest tens of thousands deep to stall parsers)."""
    from lxml import etree

    parser = etree.HTMLParser(
        recover=True, no_network=True, remove_comments=True, remove_pis=True, encoding="utf-8", huge_tree=True
    )
    try:
        root = etree.fromstring(html.encode("utf-8", "replace"), parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        return Document(url=url, text="")
    parts: list[str] = []
    extra: list[str] = []
    title = ""
    hidden = 0  # depth inside elements whose text is not page text (scripts, styles, templates)
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        dropped = tag in _DROP_TAGS or tag == "script"
        if event == "start":
            if dropped:
                if tag == "script" and "json" in str(element.get("type") or "").lower() and element.text:
                    extra.extend(_embedded_json(element.text))
                hidden += 1
                continue
            if hidden:
                continue
            _attributes(tag, element, extra)
            if tag == "title" and not title:
                title = " ".join((element.text or "").split())
            parts.append("\n" if tag in _BLOCK_TAGS else " ")
            if element.text:
                parts.append(element.text)
        else:
            if dropped:
                hidden -= 1
            elif not hidden:
                parts.append("\n" if tag in _BLOCK_TAGS else " ")
            if element.tail and not hidden:
                parts.append(element.tail)
    text = "".join(parts)
    rough = _rough_text(html)
    if len(text) < len(rough) // 2:
        # The parser gave up part-way (libxml2 stops at a nesting depth of a few thousand): read the rest roughly
        # rather than miss what a hostile page buried below that depth.
        text += "\n" + rough
    return Document(url=url, text=_tidy(text + "\n" + "\n".join(extra)), title=title)


_NOT_TEXT = re.compile(r"<(script|style|template)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")


def _rough_text(html: str) -> str:
    import html as html_lib

    return html_lib.unescape(_TAG.sub(" ", _NOT_TEXT.sub(" ", html)))


def _embedded_json(raw: str) -> list[str]:
    try:
        return list(_json_strings(json.loads(raw)))
    except (ValueError, RecursionError):
        return [raw]


def _attributes(tag: str, element: Any, extra: list[str]) -> None:
    """Text that lives in attributes: meta descriptions, tel:/mailto: links, image alt text."""
    if tag == "meta":
        name = str(element.get("property") or element.get("name") or element.get("itemprop") or "")
        content = element.get("content")
        if content and (_META_NAMES.match(name) or element.get("itemprop")):
            extra.append(str(content))
    elif tag == "a":
        href = str(element.get("href") or "")
        if href.lower().startswith(("tel:", "mailto:", "sms:")):
            extra.append(href.split(":", 1)[1].split("?", 1)[0])
    elif tag == "img" and element.get("alt"):
        extra.append(str(element.get("alt")))


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
