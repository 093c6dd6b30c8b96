"""The date an article is published, as its dateline or a date line near its top writes it."""
from __future__ import annotations

import re
from datetime import date

from .doc import Doc
from .lexicon import MONTHS

MONTH_NUMBER = {m.lower(): i + 1 for i, m in enumerate(MONTHS)} | {m[:3].lower(): i + 1 for i, m in enumerate(MONTHS)}
MONTH_NUMBER["sept"] = 9


def find_published(doc: Doc) -> str:
    """An ISO date from a dateline or a date line with a year near the top, else empty (read once
    per article: the documents' statuses ask for it too)."""
    if "published_found" not in doc.cache:
        doc.cache["published_found"] = _published(doc.text[:400])
    return doc.cache["published_found"]


def _published(head: str) -> str:
    m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+([A-Z][A-Za-z]+)\.?,?\s+(\d{4})\b", head)
    if m and m.group(2).lower() in MONTH_NUMBER:
        return _iso(int(m.group(3)), MONTH_NUMBER[m.group(2).lower()], int(m.group(1)))
    m = re.search(r"\b([A-Z][A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s*/?\s*(\d{4})\b", head)
    if m and m.group(1).lower() in MONTH_NUMBER:
        return _iso(int(m.group(3)), MONTH_NUMBER[m.group(1).lower()], int(m.group(2)))
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", head)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b", head)
    if m:
        y = int(m.group(3))
        return _iso(y + 2000 if y < 100 else y, int(m.group(2)), int(m.group(1)))
    return ""


def _iso(y: int, mo: int, d: int) -> str:
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return ""
