"""Periods and terms of documents: "for 2026-2028", "2026/30", "until 2030", "for five years"."""
from __future__ import annotations

import re
from dataclasses import dataclass

NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_NUM = r"\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
YEAR = r"(?:19|20)\d{2}"
HAS_DIGIT = re.compile(r"\d")
DASH = r"\s*[-‐‑‒–—―/]\s*"

_RANGE = re.compile(
    rf"(?:\b(?:for|in|during|over|covering)\s+(?:the\s+)?(?:years?\s+|period\s+(?:of\s+)?)?)?"
    rf"(?:from\s+)?\b(?P<a>{YEAR})(?:{DASH}|\s+(?:to|till|until|through|and)\s+)(?P<b>(?:19|20)?\d{{2}})\b(?!\s*(?:%|percent))")
_UNTIL = re.compile(rf"\b(?:until|till|through|up to|by)\s+(?:the\s+end\s+of\s+)?(?P<b>{YEAR})\b")
_SINGLE = re.compile(rf"\bfor\s+(?:the\s+year\s+)?(?P<a>{YEAR})\b(?!{DASH}\d)")
_TERM = re.compile(rf"\bfor\s+(?:a\s+(?:period|term)\s+of\s+)?(?P<n>{_NUM})(?:\s*\(\d+\))?[\s-]+years?\b", re.I)
_ADJECTIVE = re.compile(rf"\b(?P<n>{_NUM})[\s-]year\b(?![\s-]+old)", re.I)


@dataclass(frozen=True)
class Period:
    """A stated period: its text and span, and the years it gives (None where not stated)."""

    text: str
    start: int
    end: int
    start_year: int | None
    end_year: int | None
    years: int | None


def _full_year(a: int, b: str) -> int:
    """The end year of a range: "2023-24" -> 2024, "2026/30" -> 2030."""
    if len(b) == 4:
        return int(b)
    return (a // 100) * 100 + int(b)


def _range(text: str, m: re.Match[str], offset: int) -> Period | None:
    a = int(m.group("a"))
    b = _full_year(a, m.group("b"))
    if not a <= b <= a + 50:
        return None
    return Period(m.group(0), offset + m.start(), offset + m.end(), a, b, b - a + 1)


def find_periods(text: str, offset: int = 0) -> list[Period]:
    """Every period stated in ``text`` (a document's title or its clause), left to right."""
    found: list[Period] = []
    if not HAS_DIGIT.search(text) and "year" not in text.lower():
        return found  # a period needs a year or a number of years
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in _RANGE.finditer(text):
        p = _range(text, m, offset)
        if p:
            found.append(p)
            taken.append((m.start(), m.end()))
    for m in _UNTIL.finditer(text):
        if free(m.start(), m.end()):
            found.append(Period(m.group(0), offset + m.start(), offset + m.end(), None, int(m.group("b")), None))
            taken.append((m.start(), m.end()))
    for m in _SINGLE.finditer(text):
        if free(m.start(), m.end()):
            y = int(m.group("a"))
            found.append(Period(m.group(0), offset + m.start(), offset + m.end(), y, y, 1))
            taken.append((m.start(), m.end()))
    for m in _TERM.finditer(text):
        if free(m.start(), m.end()):
            n = m.group("n").lower()
            years = int(n) if n.isdigit() else NUMBER_WORDS[n]
            found.append(Period(m.group(0), offset + m.start(), offset + m.end(), None, None, years))
            taken.append((m.start(), m.end()))
    for m in _ADJECTIVE.finditer(text):  # "a five-year programme"
        if free(m.start(), m.end()):
            n = m.group("n").lower()
            years = int(n) if n.isdigit() else NUMBER_WORDS[n]
            found.append(Period(m.group(0), offset + m.start(), offset + m.end(), None, None, years))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda p: p.start)
