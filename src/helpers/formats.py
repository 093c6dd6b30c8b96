"""One file's bytes as the articles it holds: plain text, Markdown, a saved web page, or a
feed's JSON/JSONL records. Each comes with the text the parser reads, the text its offsets
count in, and the metadata the file states."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import PurePosixPath

from . import markdown, webpage
from .decoding import CannotDecode, decode, newlines, normalise
from .textmap import chain

TEXT, MARKDOWN, HTML, JSON, JSONL = "text", "markdown", "html", "json", "jsonl"
SUFFIXES = {".txt": TEXT, ".text": TEXT, ".md": MARKDOWN, ".markdown": MARKDOWN, ".html": HTML,
            ".htm": HTML, ".xhtml": HTML, ".json": JSON, ".jsonl": JSONL, ".ndjson": JSONL,
            # a page saved under its address's name ("news.php", "view.aspx?id=12", "article.shtml")
            ".php": HTML, ".asp": HTML, ".aspx": HTML, ".jsp": HTML, ".shtml": HTML, ".cfm": HTML}
MARKUP = re.compile(r"<(?:[A-Za-z][\w:-]*[\s/>]|!--|!DOCTYPE)", re.I)
_QUERY = re.compile(r"[?#].*$")


def kind_of(name: str) -> str | None:
    """The kind of input a file name says, or None for a type not read. A name with no suffix
    (a page saved as "332364") is read as text, which a page's markup then turns into a page."""
    base = _QUERY.sub("", PurePosixPath(name).name)  # "view.aspx?id=12": the address's query aside
    suffix = PurePosixPath(base).suffix.lower()
    if not suffix or suffix[1:].isdigit():
        return TEXT
    return SUFFIXES.get(suffix)
# What the offsets of each kind of input count in (the articles table's ``text_source``).
SOURCE = {TEXT: "file", MARKDOWN: "file", HTML: "page's main text", JSON: "record's text", JSONL: "record's text"}
# Fields of a feed record, by what they give (first present wins); JSON Feed's names included.
RECORD_FIELDS = {"text": ("text", "content_text", "body", "content"), "html": ("content_html", "html"),
                 "title": ("title", "headline"), "url": ("url", "link"),
                 "published": ("published", "date_published", "date", "pubDate"),
                 "outlet": ("outlet", "source", "site"), "id": ("id", "article_id", "guid")}


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(value: str) -> str:
    """A stated date as ``YYYY-MM-DD`` (ISO 8601 or an RSS date), else empty."""
    value = value.strip()
    m = _DATE.match(value)
    if m:
        try:
            return datetime.strptime(m.group(), "%Y-%m-%d").date().isoformat()
        except ValueError:
            return ""
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return ""


@dataclass
class Item:
    """One article read from a file (a feed gives several): the text the parser reads, the
    text its offsets count in, how they map, the metadata stated, and a status."""

    text: str = ""
    source: str = ""
    offsets: object | None = None  # Offsets or Chain; None: offsets count in ``text`` as it is
    kind: str = TEXT
    meta: dict[str, str] = field(default_factory=dict)
    status: str = "ok"
    record: int = 0  # 1-based number of a feed's record; 0 for a file of one article


def _ready(source: str, kind: str, meta: dict[str, str] | None = None, record: int = 0) -> Item:
    text, norm = normalise(source)
    meta = dict(meta or {})
    if "published" in meta:
        meta["published"] = iso_date(meta["published"])
    return Item(text, source, norm, kind, {k: v for k, v in meta.items() if v}, record=record)


def _plain(raw: str) -> Item:
    return _ready(newlines(raw), TEXT)


def _markdown(raw: str) -> Item:
    source = newlines(raw)
    plain, offsets, meta = markdown.strip(source)
    text, norm = normalise(plain)
    if "published" in meta:
        meta["published"] = iso_date(meta["published"])
    return Item(text, source, chain(offsets, norm), MARKDOWN, {k: v for k, v in meta.items() if v})


def _html(raw: str, kind: str = HTML, record: int = 0, meta: dict[str, str] | None = None) -> Item:
    text, found = webpage.extract(raw)
    if not text.strip():
        return Item(kind=kind, status="skipped: no article text", record=record, meta=meta or {})
    return _ready(newlines(text), kind, {**found, **(meta or {})}, record=record)


def _field(record: dict, name: str) -> str:
    for key in RECORD_FIELDS[name]:
        value = record.get(key)
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
        if isinstance(value, dict) and name == "outlet" and isinstance(value.get("name"), str):
            return value["name"].strip()
    return ""


def _record(rec: object, kind: str, n: int) -> Item:
    if not isinstance(rec, dict):
        return Item(kind=kind, status="skipped: no text field (not a record)", record=n)
    meta = {k: _field(rec, k) for k in ("title", "url", "published", "outlet", "id")}
    meta = {k: v for k, v in meta.items() if v}
    text = _field(rec, "text")
    if not text:
        html = _field(rec, "html")
        if html:
            return _html(html, kind, n, meta)
        return Item(kind=kind, meta=meta, status="skipped: no text field", record=n)
    source = newlines(text)
    title = meta.get("title", "")
    if title and not source.lstrip().startswith(title[:40]):
        source = f"{title}\n\n{source}"  # the headline leads, as in a text file
    return _ready(source, kind, meta, record=n)


def _json(raw: str) -> list[Item]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        return [Item(kind=JSON, status=f"skipped: bad json (line {exc.lineno}: {exc.msg})")]
    except RecursionError:
        return [Item(kind=JSON, status="skipped: bad json (nested too deep)")]
    if isinstance(data, dict) and isinstance(data.get("items"), list) and not _field(data, "text"):
        data = data["items"]  # a JSON Feed
    if isinstance(data, list):
        if not data:
            return [Item(kind=JSON, status="skipped: empty")]
        return [_record(rec, JSON, n) for n, rec in enumerate(data, 1)]
    return [_record(data, JSON, 0)]


def _jsonl(raw: str) -> list[Item]:
    items = []
    for n, line in enumerate(raw.split("\n"), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            items.append(Item(kind=JSONL, status=f"skipped: bad json (line {n}: {exc.msg})", record=n))
            continue
        except RecursionError:
            items.append(Item(kind=JSONL, status=f"skipped: bad json (line {n}: nested too deep)", record=n))
            continue
        items.append(_record(rec, JSONL, n))
    return items or [Item(kind=JSONL, status="skipped: empty")]


PAGE_START = re.compile(r"\A[\s\ufeff]*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)


def read(data: bytes, kind: str) -> list[Item]:
    """The articles of one file's bytes (one Item, or one per feed record); an Item's status
    says why it holds none."""
    if not data.strip():
        return [Item(kind=kind, status="skipped: empty")]
    try:
        raw = decode(data)
    except CannotDecode as exc:
        reason = "binary" if str(exc) == "binary" else f"cannot decode ({exc})"
        return [Item(kind=kind, status=f"skipped: {reason}")]
    if not raw.strip(" \t\r\n\x00\ufeff"):
        return [Item(kind=kind, status="skipped: empty")]
    if kind == JSON:
        return _json(raw)
    if kind == JSONL:
        return _jsonl(raw)
    if kind == TEXT and PAGE_START.match(raw):
        kind = HTML  # a page saved under a .txt name ("<!DOCTYPE html>..."): read as the page it is
    elif kind == HTML and not MARKUP.search(raw, 0, 20_000):
        kind = TEXT  # "news.php" holding the report's plain text: no markup to read
    item = {TEXT: _plain, MARKDOWN: _markdown, HTML: _html}[kind](raw)
    if item.status == "ok" and not item.text.strip():
        item.status = "skipped: empty"
    return [item]
