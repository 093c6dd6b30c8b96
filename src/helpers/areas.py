"""Areas of cooperation: phrases from ``data/reference/areas.csv`` matched in the body, leaving
out words used in passing (statistics, offices' names, people's titles)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .reference import rows
from .structure import Layout

STATISTIC = re.compile(r"[$€£¥₽]|\b\d[\d,.]*\s*(%|percent|per cent|bn|billion|million|mln|trillion|rubles|roubles|"
                       r"tenge|dollars|euros|tons|tonnes)\b", re.I)
INTENT = re.compile(r"\b(agreed|aim|aims|aiming|goal|target|task|plan|plans|planned|intend\w*|raise|increase|"
                    r"boost|bring|double|expand|should|must|will|potential|instructed|proposed)\b", re.I)


@dataclass(frozen=True)
class AreaMention:
    """One mention of an area of cooperation at ``text[start:end]``."""

    area: str
    mention: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _matchers() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, set[str]]]:
    """A case-insensitive and a case-sensitive (acronyms) pattern, and phrase -> areas."""
    labels: dict[str, set[str]] = {}
    for r in rows("areas"):
        labels.setdefault(r["phrase"], set()).add(r["area"])

    def rx(phrase: str) -> str:
        out = re.escape(phrase).replace(r"\*", r"[\w-]*").replace(r"\ ", r"[\s-]+")
        return rf"(?<![\w-]){out}(?![\w-])" if not phrase.endswith("*") else rf"(?<![\w-]){out}"

    acronyms = [p for p in labels if p.isupper() and len(p) <= 4]
    words_ = sorted((p for p in labels if p not in acronyms), key=len, reverse=True)
    ci = re.compile("|".join(f"(?P<p{i}>{rx(p)})" for i, p in enumerate(words_)), re.I)
    cs = re.compile("|".join(rx(p) for p in acronyms)) if acronyms else re.compile(r"(?!x)x")
    index = {f"p{i}": p for i, p in enumerate(words_)}
    _matchers.index = index  # type: ignore[attr-defined]
    return ci, cs, labels


def _phrase_hits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, phrase) of every phrase, the longest winning where several overlap."""
    ci, cs, labels = _matchers()
    index = _matchers.index  # type: ignore[attr-defined]
    hits: list[tuple[int, int, str]] = []
    # every phrase can start at any word: collect all candidates, then keep the longest
    for m in re.finditer(r"(?<![\w-])[\w]", text):
        pos = m.start()
        mm = ci.match(text, pos)
        if mm:
            hits.append((mm.start(), mm.end(), index[mm.lastgroup]))
    for mm in cs.finditer(text):
        hits.append((mm.start(), mm.end(), mm.group()))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[tuple[int, int, str]] = []
    last_end = -1
    for s, e, p in hits:
        if s >= last_end:
            out.append((s, e, p))
            last_end = e
    return out


def find_areas(text: str, layout: Layout, exclude: list[tuple[int, int]] = (),
               include: list[tuple[int, int]] = ()) -> list[AreaMention]:
    """Every mention of an area in the body. Spans in ``exclude`` (offices, titles) don't count
    unless also in ``include`` (a document's subject)."""
    _, _, labels = _matchers()
    out: list[AreaMention] = []
    for s, e, phrase in _phrase_hits(text):
        if layout.is_noise(s) or s < layout.body_start and layout.headline:
            continue
        if any(a <= s < b for a, b in exclude) and not any(a <= s < b for a, b in include):
            continue
        sent = text.__getitem__(slice(*layout.sentence_at(s)))
        if STATISTIC.search(sent) and not INTENT.search(sent):
            continue
        key = phrase if phrase in labels else next((p for p in labels if p.lower() == phrase.lower()), phrase)
        for area in sorted(labels.get(key, ())):
            if area != "-":
                out.append(AreaMention(area, text[s:e], s, e))
    return out


def hits_in(text: str, start: int, end: int) -> list[AreaMention]:
    """Area mentions inside ``text[start:end]`` (a party's name), with offsets into ``text``."""
    _, _, labels = _matchers()
    out = []
    for s, e, phrase in _phrase_hits(text[start:end]):
        key = phrase if phrase in labels else next((p for p in labels if p.lower() == phrase.lower()), phrase)
        for area in sorted(labels.get(key, ())):
            if area != "-":
                out.append(AreaMention(area, text[start + s:start + e], start + s, start + e))
    return out
