"""Turn a fetched page (HTML, JSON or text) into one Document whose text the detectors read."""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import math
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from footprint.detect.interface import Document
from footprint.detect.places import MAP_QUERY
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


_LAT_KEYS = ("latitude", "lat")
_LON_KEYS = ("longitude", "lon", "lng", "long")
_DATE_KEYS = frozenset({"datepublished", "datecreated", "published", "published_at", "created_at", "pubdate"})
# Coordinates in a map link: Google's "@53.80,-1.54," / "q=53.80,-1.54" / "ll="; a map's query ("mlat=..&mlon=",
# "lat=..&lon=") is places.MAP_QUERY.
_MAP_LINK = re.compile(r"[@=/](-?\d{1,2}\.\d{3,})(?:,|%2C)\s*(-?\d{1,3}\.\d{3,})", re.I)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _number(value: Any) -> float | None:
    """A finite number, or None (JSON from a hostile page may hold 1e400 or NaN)."""
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _pairs(value: dict[str, Any]) -> list[str]:
    """ "lat, lon" for each pair of coordinates an object carries: JSON-LD GeoCoordinates, map widgets' settings,
    and a fitness API's named ends ("startLatitude" with "startLongitude", "end_lat" with "end_lng")."""
    lowered = {str(k).lower(): v for k, v in value.items()}
    found = []
    for key, raw in lowered.items():
        suffix = next((k for k in _LAT_KEYS if key.endswith(k)), None)
        if suffix is None:
            continue
        prefix = key[: -len(suffix)]
        lat = _number(raw)
        lon = next((_number(lowered[prefix + k]) for k in _LON_KEYS if prefix + k in lowered), None)
        if lat is not None and lon is not None:
            found.append(f"coordinates: {lat:.6f}, {lon:.6f}")
    return found


_MONTH_NAMES = (
    "January February March April May June July August September October November December".split()  # noqa: SIM905
)


def _date_parts(value: dict[str, Any]) -> str | None:
    """A date given as parts (LinkedIn's {"day": 7, "month": 9, "year": 1982}, Companies House's
    {"month": 6, "year": 1979}) written as a date, so the date detectors read it like any other."""
    lowered = {str(k).lower(): v for k, v in value.items()}
    day, month, year = (_number(lowered.get(k)) for k in ("day", "month", "year"))
    if month is None or not 1 <= month <= 12:
        return None
    if year is not None and not 1 <= year <= 9999:
        year = None  # not a year anyone was born in
    if day is None:
        # Month and year alone (a partial date of birth): only with a plausible year, never a bare month.
        return f"{_MONTH_NAMES[int(month) - 1]} {int(year)}" if year and 1900 <= year <= 2100 else None
    if not 1 <= day <= 31:
        return None
    written = f"{int(day)} {_MONTH_NAMES[int(month) - 1]}"
    return f"{written} {int(year)}" if year else written


def iso_date(text: str) -> dt.date | None:
    m = _ISO_DATE.search(text or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _json_date(value: Any, depth: int = 0) -> dt.date | None:
    """The first publication date an API response or JSON-LD block gives."""
    if depth > 10:
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            if str(key).lower() in _DATE_KEYS and isinstance(item, str) and (found := iso_date(item)):
                return found
        items = list(value.values())
    elif isinstance(value, list):
        items = value
    else:
        return None
    for item in items:
        if isinstance(item, (dict, list)) and (found := _json_date(item, depth + 1)):
            return found
    return None


# A tag: its name ends at a space, "/" or ">", so an address in angle brackets, a git trailer's "Nell Fairbairn
# <nell@example.org>" or "<https://...>", stays text.
_MARKUP = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9\-]*(?=[\s/>])|!)[^<>]{0,2000}>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z]{2,10});")


def _plain(value: str) -> str:
    """A JSON string as text: APIs often carry HTML (a Mastodon post's "content", WordPress's "rendered"), whose
    tags and entities ("St Melangell&#39;s") would hide what it says. Tags become spaces; nothing is rendered."""
    if "<" not in value and "&" not in value:
        return value
    return html.unescape(_MARKUP.sub(" ", value)) if _MARKUP.search(value) or _ENTITY.search(value) else value


def _json_strings(value: Any, depth: int = 0) -> Iterator[str]:
    if depth > 40:
        return
    if isinstance(value, str):
        yield _plain(value)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield str(value)
    elif isinstance(value, dict):
        yield from _pairs(value)
        for key, item in value.items():
            if isinstance(item, dict) and (address := _address_parts(item)):
                yield f"{str(key).replace('_', ' ')}: {address}"  # "address: 14 Larch Close, Brackenfield, BF4 7QT"
            if isinstance(item, dict) and (written := _date_parts(item)):
                yield f"{str(key).replace('_', ' ')}: {written}"  # "birthDateOn: 7 September", "date of birth: June 1979"
            if isinstance(item, str):
                yield f"{key}: {_plain(item)}"
            elif isinstance(item, (int, float)) and not isinstance(item, bool):
                yield f"{key}: {item}"
            else:
                yield from _json_strings(item, depth + 1)
    elif isinstance(value, list):
        if written := _latlng(value):
            yield written  # a fitness app's "start_latlng": [54.48712, -0.61423]
            return
        if (position := _exif_position(value)) is not None:
            # a photo site's EXIF, tag by tag (Flickr's getExif: {"tag": "GPSLatitude", "raw": ..., "clean": ...})
            yield f"Photo location (EXIF GPS): {position[0]:.6f}, {position[1]:.6f}"
        for item in value:
            yield from _json_strings(item, depth + 1)


_DMS = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*deg\s*(?:(\d{1,2}(?:\.\d+)?)\s*'\s*(?:(\d{1,2}(?:\.\d+)?)\s*\")?)?")


def _exif_degrees(entry: dict[str, Any] | None) -> float | None:
    """An EXIF tag's value in decimal degrees: its "clean" decimal, or its raw "7 deg 23' 38.83\" N"."""
    if entry is None:
        return None
    for part in ("clean", "raw"):
        content = entry.get(part)
        text = content.get("_content") if isinstance(content, dict) else content
        if not isinstance(text, str | int | float) or isinstance(text, bool):
            continue
        if (number := _number(text)) is not None:
            return number
        if isinstance(text, str) and (m := _DMS.match(text.strip())):
            return float(m.group(1)) + float(m.group(2) or 0) / 60 + float(m.group(3) or 0) / 3600
    return None


def _exif_ref(entry: dict[str, Any] | None) -> str:
    raw = entry.get("raw") if entry else None
    text = raw.get("_content") if isinstance(raw, dict) else raw
    return text.strip()[:1].upper() if isinstance(text, str) else ""


def _exif_position(value: list[Any]) -> tuple[float, float] | None:
    """(latitude, longitude) from a list of EXIF tags written one object a tag, with its reference (N/S, E/W)
    in its own tag or at the end of the raw value."""
    tags = {
        item["tag"]: item for item in value if isinstance(item, dict) and isinstance(item.get("tag"), str)
    }
    if "GPSLatitude" not in tags or "GPSLongitude" not in tags:
        return None
    lat, lon = _exif_degrees(tags["GPSLatitude"]), _exif_degrees(tags["GPSLongitude"])
    if lat is None or lon is None:
        return None
    lat_ref = _exif_ref(tags.get("GPSLatitudeRef")) or _exif_ref(tags["GPSLatitude"])[-1:]
    lon_ref = _exif_ref(tags.get("GPSLongitudeRef")) or _exif_ref(tags["GPSLongitude"])[-1:]
    lat, lon = (-abs(lat) if lat_ref == "S" else lat), (-abs(lon) if lon_ref == "W" else lon)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or (lat == 0 and lon == 0):
        return None
    return lat, lon


def _latlng(value: list[Any]) -> str | None:
    """ "lat, lon" for a list of two numbers that can be a latitude and a longitude, each written with the four
    or more decimals a position needs (a price range [12.5, 30.0] is not one)."""
    if len(value) != 2 or not all(
        isinstance(v, float) and len(repr(v).partition(".")[2]) >= 4 for v in value
    ):
        return None
    lat, lon = value
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return f"coordinates: {lat!r}, {lon!r}"


_LINK_KEYS = frozenset({"self", "url", "href", "link", "links"})
_TITLE_KEYS = ("title", "name")


def _json_links(
    value: Any, base: str, text: str, found: dict[str, str], key: str = "", depth: int = 0
) -> None:
    """Links in a JSON document, each with the title of the object it belongs to as its text (an API's search
    result: {"title": "Margaret ODUYA", "links": {"self": "/officers/abc/appointments"}}), so a source can follow
    only the results that name the person. Absolute URLs anywhere; relative ones only under link-like keys."""
    if depth > 40 or len(found) >= MAX_LINKS:
        return
    if isinstance(value, str):
        candidate = value.strip()
        relative = key in _LINK_KEYS and candidate.startswith("/")
        if candidate.startswith(("http://", "https://")) or relative:
            links: list[str] = []
            _add_link(base, candidate, links)
            for link in links:
                found.setdefault(link, text)
    elif isinstance(value, dict):
        title = next((v for k in _TITLE_KEYS if isinstance(v := value.get(k), str) and v.strip()), None)
        inner = title.strip() if title else text
        for k, item in value.items():
            # A "links" object is a leaf of its owner: its keys are link names, still under the owner's title.
            child_key = str(k).lower()
            _json_links(item, base, inner, found, child_key if key != "links" else "self", depth + 1)
    elif isinstance(value, list):
        for item in value:
            _json_links(item, base, text, found, key, depth + 1)


_ADDRESS_PARTS = (
    "premises",
    "address_line_1",
    "address_line_2",
    "locality",
    "region",
    "postal_code",
)


def _address_parts(value: dict[str, Any]) -> str | None:
    """An address given as parts (Companies House's {"premises": "14", "address_line_1": "Larch Close", ...})
    written on one line, so the address detector reads "14 Larch Close" as a numbered street."""
    lowered = {str(k).lower(): v for k, v in value.items()}
    if "address_line_1" not in lowered and "premises" not in lowered:
        return None
    parts = [str(lowered[k]).strip() for k in _ADDRESS_PARTS if isinstance(lowered.get(k), (str, int))]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return None
    first, rest = parts[0], parts[1:]
    if "premises" in lowered and rest:
        first, rest = f"{first} {rest[0]}", rest[1:]  # "14" + "Larch Close" -> "14 Larch Close"
    return ", ".join([first, *rest])


_RULE_LINE = re.compile(r"[\s\-=_+|:.*]*")  # a blank line, or a table's rule: "-----", "+----+", "|    |"
TABLE_WIDTH = 400  # no table in text is wider; a longer line is prose (and keeps the work linear in the text)
ROW_STARTS = 3  # a block with this many lines that fill its first column holds that many records
_CELL_GAP = re.compile(r"\S {2,}\S|^ {2,}\S|\|")  # two spaces between words, an indented cell, or a pipe


def unfold_columns(text: str) -> str:
    """Text laid out in columns (a PDF's or a scan's table: a register of interests, a statement of persons
    nominated) read column by column instead of line by line, so a cell wrapped over several lines reads as
    one: "27 Tamarisk | Crescent, Ashgrove FQ6 | 2WB" becomes "27 Tamarisk Crescent, Ashgrove FQ6 2WB".

    A block is a run of at least two lines between blank lines or rules, each with a gap of two or more spaces
    (or a "|"). Its columns are split where every line of the block has a gap at the same place. Anything else,
    prose included, is left exactly as it is."""
    if "  " not in text and "|" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        out.extend(_read_columns(block) or block)
        block.clear()

    for line in lines:
        if len(line) <= TABLE_WIDTH and not _RULE_LINE.fullmatch(line) and _CELL_GAP.search(line):
            block.append(line.expandtabs(8))
            continue
        flush()
        out.append(line)
    flush()
    return "\n".join(out)


def _read_columns(block: list[str]) -> list[str] | None:
    """The block's columns, each cell's lines joined; None if it is not a table."""
    if len(block) < 2:
        return None
    width = max(len(line) for line in block)
    gap = [all(p >= len(line) or line[p] in " |" for line in block) for p in range(width)]
    piped = [any(p < len(line) and line[p] == "|" for line in block) for p in range(width)]
    # Column edges: runs of gap two or more wide (or holding a "|") with text on both sides of them.
    edges: list[tuple[int, int]] = []
    p = 0
    while p < width:
        if not gap[p]:
            p += 1
            continue
        start = p
        while p < width and gap[p]:
            p += 1
        if (p - start >= 2 or any(piped[start:p])) and start > 0 and p < width:
            edges.append((start, p))
    if not edges:
        return None
    bounds = [0, *(b for edge in edges for b in edge), width]
    spans = list(zip(bounds[0::2], bounds[1::2], strict=True))
    cells = [[line[a:b].strip(" |") for line in block] for a, b in spans]
    if not any(piped) and not any(
        sum(1 for c in line_cells if c) >= 2 for line_cells in zip(*cells, strict=True)
    ):
        return None  # never two cells on one line, and no "|": an indented paragraph, not a table
    # A wrapped first cell goes on in lower case or a bracket ("4. Land", "(in the", "council's area)"); a new
    # record's first cell starts with a capital or a digit ("Year 4", "Chair:").
    starts = [i for i in range(len(block)) if cells[0][i][:1].isupper() or cells[0][i][:1].isdigit()]
    if len(starts) < ROW_STARTS:
        # One record (a candidate, a register's section) whose cells wrap: each column, read down, on a line.
        return [joined for column in cells if (joined := " ".join(c for c in column if c))]
    # Many records with no blank line between (a class-reps list, "Chair:  Laura Kemp" lines): a line with a
    # first cell starts a record, and the lines after it with none are its wrapped cells, so each number stays
    # on its own person's line.
    cuts = [0, *(i for i in starts if i > 0), len(block)]
    rows = [range(a, b) for a, b in zip(cuts, cuts[1:], strict=False)]
    return [
        "  ".join(cell for column in cells if (cell := " ".join(column[i] for i in row if column[i])))
        for row in rows
    ]


def _tidy(text: str) -> str:
    # One form for each accented letter: "a" + a combining circumflex is "â", as the detectors expect.
    text = unicodedata.normalize("NFC", text)
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
    dates: list[dt.date] = []
    links: list[str] = []
    texts: list[str] = []
    title = ""
    hidden = 0  # depth inside elements whose text is not page text (scripts, styles, templates)
    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        dropped = tag in _DROP_TAGS or tag == "script"
        if event == "start":
            if dropped:
                if tag == "script" and "json" in str(element.get("type") or "").lower() and element.text:
                    extra.extend(_embedded_json(element.text, dates))
                elif tag == "script" and element.text:
                    extra.extend(_script_positions(element.text))
                if tag == "iframe":
                    _map_link(str(element.get("src") or ""), extra)
                hidden += 1
                continue
            if hidden:
                continue
            _attributes(tag, element, extra, dates)
            if tag in ("a", "link") and len(links) < MAX_LINKS and (href := element.get("href")):
                before = len(links)
                _add_link(url, str(href), links)
                if len(links) > before:
                    texts.append(" ".join("".join(element.itertext()).split())[:200] if tag == "a" else "")
            if tag == "title" and not title:
                title = " ".join((element.text or "").split())
            parts.append("\n" if tag in _BLOCK_TAGS else " ")
            if element.text:
                parts.append(element.text)
        else:
            if dropped:
                hidden -= 1
            elif not hidden:
                if tag == "abbr" and (stamp := _year_in_title(element)):
                    parts.append(f" ({stamp})")
                parts.append("\n" if tag in _BLOCK_TAGS else " ")
            if element.tail and not hidden:
                parts.append(element.tail)
    text = "".join(parts)
    rough = _rough_text(html)
    if len(text) < len(rough) // 2:
        # The parser gave up part-way (libxml2 stops at a nesting depth of a few thousand): read the rest roughly
        # rather than miss what a hostile page buried below that depth.
        text += "\n" + rough
    return Document(
        url=url,
        text=_tidy(text + "\n" + "\n".join(extra)),
        title=title,
        published=dates[0] if dates else None,
        links=tuple(links),
        link_texts=tuple(texts),
    )


MAX_LINKS = 400
_A_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _year_in_title(element: Any) -> str:
    """A post's full date where its page shows it without the year: Facebook's "19 September" (or "rugsėjo 19
    d.") with "Friday, 19 September 2025 at 07:02" in the abbr's title. Kept in the text beside the post, where
    a birthday post's age is read against it; a shown date that has its year needs nothing more."""
    stamp = " ".join(str(element.get("title") or "").split())[:80]
    if not _A_YEAR.search(stamp) or _A_YEAR.search("".join(element.itertext())):
        return ""
    return stamp


def _add_link(base: str, href: str, links: list[str]) -> None:
    """An absolute http(s) URL, or nothing: javascript:, mailto: and fragments are not links to follow."""
    from urllib.parse import urljoin, urlsplit

    href = href.strip()
    if not href or href.startswith("#"):
        return
    try:
        absolute = urljoin(base, href)
        parts = urlsplit(absolute)
    except ValueError:
        return
    if parts.scheme in ("http", "https") and parts.hostname:
        links.append(absolute.split("#", 1)[0])


_NOT_TEXT = re.compile(r"<(script|style|template)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")


def _rough_text(html: str) -> str:
    import html as html_lib

    return html_lib.unescape(_TAG.sub(" ", _NOT_TEXT.sub(" ", html)))


def _embedded_json(raw: str, dates: list[dt.date]) -> list[str]:
    try:
        value = json.loads(raw)
    except (ValueError, RecursionError):
        return [raw]
    if found := _json_date(value):
        dates.append(found)
    return list(_json_strings(value))


# A map's position in a page's own script: an object's "lat: 56.0382, lng: -3.91247", Google Maps' "LatLng(56.0382,
# -3.91247)", Leaflet's "setView([56.0382, -3.91247]" or "marker([...". Only positions to four or more places: a
# person-level position, not a zoom level or a whole town's centre.
_SCRIPT_POSITION = re.compile(
    r"[\"']?lat(?:itude)?[\"']?\s*[:=]\s*(-?\d{1,2}\.\d{4,})\b[^;{}]{0,40}?[\"']?(?:lng|lon|long|longitude)[\"']?\s*[:=]\s*"
    r"(-?\d{1,3}\.\d{4,})\b"
    r"|(?:LatLng|setView|marker|latLng)\(\s*\[?\s*(-?\d{1,2}\.\d{4,})\s*,\s*(-?\d{1,3}\.\d{4,})\b"
)
MAX_SCRIPT_CHARS = 200_000  # a page's own scripts are read for map positions up to this size each


def _script_positions(script: str) -> list[str]:
    return [
        f"coordinates: {m.group(1) or m.group(3)}, {m.group(2) or m.group(4)}"
        for m in _SCRIPT_POSITION.finditer(script, 0, MAX_SCRIPT_CHARS)
    ]


def _map_link(url: str, extra: list[str]) -> None:
    if m := MAP_QUERY.search(url):
        extra.append(f"map link: {m.group(1)}, {m.group(3)}")
    elif m := _MAP_LINK.search(url):
        extra.append(f"map link: {m.group(1)}, {m.group(2)}")


_PUBLISHED_META = frozenset(
    {"article:published_time", "og:published_time", "datepublished", "date", "dc.date", "pubdate"}
)


def _attributes(tag: str, element: Any, extra: list[str], dates: list[dt.date]) -> None:
    """Text that lives in attributes: meta descriptions, tel:/mailto: links, image alt text, map positions,
    and the page's own date."""
    if tag == "meta":
        name = str(element.get("property") or element.get("name") or element.get("itemprop") or "")
        content = element.get("content")
        if content and (_META_NAMES.match(name) or element.get("itemprop")):
            extra.append(str(content))
        if content and name.lower() in _PUBLISHED_META and (found := iso_date(str(content))):
            dates.append(found)
    elif tag == "a":
        href = str(element.get("href") or "")
        if href.lower().startswith(("tel:", "mailto:", "sms:")):
            extra.append(href.split(":", 1)[1].split("?", 1)[0])
        else:
            _map_link(href, extra)
    elif tag == "img" and element.get("alt"):
        extra.append(str(element.get("alt")))
    elif tag == "time" and (found := iso_date(str(element.get("datetime") or ""))):
        dates.append(found)
    elif tag == "abbr" and (stamp := str(element.get("data-utime") or "")).isdigit() and len(stamp) <= 11:
        # a post's time as Facebook's pages write it: "14 August at 21:37" shown, the moment in Unix time
        dates.append(dt.datetime.fromtimestamp(int(stamp), dt.UTC).date())
    lat = element.get("data-lat") or element.get("data-latitude")
    lon = element.get("data-lng") or element.get("data-lon") or element.get("data-longitude")
    if lat and lon and _number(lat) is not None and _number(lon) is not None:
        extra.append(f"coordinates: {lat}, {lon}")


_XML_TYPES = frozenset({"text/xml", "application/xml", "application/rss+xml", "application/atom+xml"})


def xml_to_document(url: str, xml: str) -> Document:
    """Feeds (RSS, Atom) carry escaped HTML in their items: read the XML, then read that HTML as HTML."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(xml, "lxml-xml")
    published = None
    if stamp := soup.find(["pubDate", "published", "updated", "dc:date"]):
        published = _feed_date(stamp.get_text())
    inner = soup.get_text("\n")
    if "<" in inner and ">" in inner:
        doc = html_to_document(url, inner)
        return Document(url=url, text=doc.text, title=doc.title, published=published or doc.published)
    return Document(url=url, text=_tidy(inner), published=published)


def _feed_date(text: str) -> dt.date | None:
    """RSS dates are RFC 822 ("Fri, 14 Jun 2024 08:00:00 +0100"); Atom's are ISO."""
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text.strip()).date()
    except (TypeError, ValueError, IndexError):
        return iso_date(text)


MAX_PDF_PAGES = 60


def pdf_to_document(url: str, body: bytes) -> Document:
    """A PDF's text (the first pages) and its metadata: leaflets and registers carry an author's or creator's
    name and sometimes an address. A PDF footprint cannot read becomes a note on the probe, not a crash."""
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(
        logging.ERROR
    )  # a broken PDF is a note on the probe, not console noise
    lines: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(body), strict=False)
        info: Any = reader.metadata or {}
        for key, label in (
            ("/Author", "author"),
            ("/Creator", "creator"),
            ("/Producer", "producer"),
            ("/Title", "title"),
            ("/Subject", "subject"),
        ):
            value = info.get(key)
            if isinstance(value, str) and value.strip():
                lines.append(f"PDF {label}: {value.strip()}")
        for page in reader.pages[:MAX_PDF_PAGES]:
            lines.append(page.extract_text() or "")
            if sum(len(line) for line in lines) > MAX_TEXT_CHARS:
                break
    except Exception as exc:  # noqa: BLE001 - pypdf raises many types on broken or hostile files
        text = _tidy("\n".join(lines))
        return Document(
            url=url, text=text, problem=f"the PDF could not be read in full ({type(exc).__name__})"
        )
    return Document(url=url, text=_tidy(unfold_columns("\n".join(lines))))


_IMAGE_TYPES = frozenset({"image/jpeg", "image/jpg", "image/tiff", "image/png", "image/webp", "image/heic"})
_EXIF_TEXT_TAGS = {
    0x010E: "description",
    0x013B: "artist",
    0x8298: "copyright",
    0x9286: "comment",
    0xA430: "camera owner",
    0xA431: "camera serial number",
}


def image_to_document(url: str, body: bytes) -> Document:
    """What a photo says about where and when it was taken, and any words in its EXIF, as text lines.

    Only the metadata is read: the pixels are never decoded, so a huge or hostile image costs nothing.
    """
    from PIL import Image

    lines: list[str] = []
    try:
        with Image.open(io.BytesIO(body)) as image:
            exif = image.getexif()
            gps = exif.get_ifd(0x8825)
            position = _gps(gps)
            if position:
                lines.append(f"Photo location (EXIF GPS): {position[0]:.6f}, {position[1]:.6f}")
            taken = exif.get_ifd(0x8769).get(0x9003) or exif.get(0x0132)
            for tag, label in _EXIF_TEXT_TAGS.items():
                value = exif.get(tag) or exif.get_ifd(0x8769).get(tag)
                if isinstance(value, bytes):
                    value = value.decode("utf-8", "replace")
                if isinstance(value, str) and (words := value.strip(" \x00")):
                    lines.append(f"Photo {label}: {words}")
    except Exception:  # noqa: BLE001 - Pillow raises a dozen types on malformed files; a bad photo has no data
        return Document(url=url, text="")
    published = None
    if isinstance(taken, str) and (m := re.match(r"(\d{4}):(\d{2}):(\d{2})", taken)):
        published = iso_date(f"{m.group(1)}-{m.group(2)}-{m.group(3)}")
    return Document(url=url, text=_tidy("\n".join(lines)), published=published)


def _gps(gps: Any) -> tuple[float, float] | None:
    """Decimal degrees from EXIF's GPS block (degrees, minutes, seconds as rationals, and N/S, E/W)."""
    try:
        lat, lon = gps[2], gps[4]
        lat_ref, lon_ref = str(gps.get(1, "N")), str(gps.get(3, "E"))
        value = [float(lat[0]) + float(lat[1]) / 60 + float(lat[2]) / 3600]
        value.append(float(lon[0]) + float(lon[1]) / 60 + float(lon[2]) / 3600)
    except (KeyError, IndexError, TypeError, ValueError, ZeroDivisionError):
        return None
    latitude = -value[0] if lat_ref.upper().startswith("S") else value[0]
    longitude = -value[1] if lon_ref.upper().startswith("W") else value[1]
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return latitude, longitude


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
            value = json.loads(text)
            strings = list(_json_strings(value))
            found: dict[str, str] = {}
            _json_links(value, page.final_url, "", found)
            return Document(
                url=page.final_url,
                text=_tidy("\n".join(strings)),
                published=_json_date(value),
                links=tuple(found),
                link_texts=tuple(found.values()),
            )
        except (ValueError, RecursionError):
            return Document(url=page.final_url, text=_tidy(text))
    if ctype in _XML_TYPES or ctype.endswith("+xml") and ctype != "application/xhtml+xml":
        return xml_to_document(page.final_url, text)
    if ctype in ("text/html", "application/xhtml+xml") or sniff.startswith(("<!doctype html", "<html")):
        return html_to_document(page.final_url, text)
    if ctype == "application/pdf" or page.body[:5] == b"%PDF-":
        return pdf_to_document(page.final_url, page.body)
    if ctype in _IMAGE_TYPES or page.body[:3] == b"\xff\xd8\xff":
        return image_to_document(page.final_url, page.body)
    if ctype.startswith("text/") or not ctype:
        return Document(url=page.final_url, text=_tidy(unfold_columns(text)))
    return Document(url=page.final_url, text="")
