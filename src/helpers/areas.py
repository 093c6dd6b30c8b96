"""Areas of cooperation: phrases from ``data/reference/areas.csv`` matched in the body, leaving
out words used in passing (statistics, offices' names, people's titles)."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .reference import alternation, rows
from .structure import Layout

STATISTIC = re.compile(r"[$€£¥₽]|\b\d[\d,.]*\s*(?:%|(?:percent|per cent|bn|billion|million|mln|trillion|rubles|"
                       r"roubles|tenge|dollars|euros|tons|tonnes|times)\b)", re.I)
INTENT = re.compile(r"\b(agreed|aim|aims|aiming|goal|target|task|plan|plans|planned|intend\w*|raise|increase|"
                    r"boost|bring|double|expand|should|must|will|potential|instructed|proposed)\b", re.I)


class AreaMention(NamedTuple):
    """One mention of an area of cooperation at ``text[start:end]``."""

    area: str
    mention: str
    start: int
    end: int


@dataclass(frozen=True)
class _Matchers:
    """Phrase patterns grouped by the first three letters of their first word (one alternation
    per group, longest first, tried only at word starts on lower-cased text), acronyms apart
    (case-sensitive), and phrase -> areas."""

    by_prefix: dict[str, tuple[re.Pattern[str], tuple[str, ...]]]
    acronyms: re.Pattern[str]
    labels: dict[str, frozenset[str]]


def _rx(phrase: str) -> str:
    out = re.escape(phrase).replace(r"\*", r"[\w-]*").replace(r"\ ", r"[\s-]+")
    return out if phrase.endswith("*") else out + r"(?![\w-])"


@lru_cache(maxsize=1)
def _matchers() -> _Matchers:
    labels: dict[str, set[str]] = {}
    for r in rows("areas"):
        labels.setdefault(r["phrase"], set()).add(r["area"])
    acronyms = [p for p in labels if p.isupper() and len(p) <= 4]
    grouped: dict[str, list[str]] = {}
    for p in labels:
        if p not in acronyms:
            grouped.setdefault(p[:3].lower(), []).append(p)
    by_prefix = {}
    for key, group in grouped.items():
        ordered = tuple(sorted(group, key=len, reverse=True))
        # one alternation per group, tried on lower-cased text: the first (longest) that fits wins
        alt = "|".join(f"(?P<p{i}>{_rx(p.lower())})" for i, p in enumerate(ordered))
        by_prefix[key] = (re.compile(alt), ordered)
    # literal first (the engine skips to the capitals fast); the word boundary before is checked by hand
    cs = re.compile("(?:" + alternation(acronyms) + r")(?![\w-])") if acronyms else re.compile(r"(?!x)x")
    return _Matchers(by_prefix, cs, {k: frozenset(v) for k, v in labels.items()})


WORD_START = re.compile(r"(?<![\w-])\w[\w-]{2}")


def area_hits(text: str) -> list[AreaMention]:
    """Every phrase of the synonym lists in ``text`` as area mentions (the longest phrase wins
    where several start at one word; phrases of no area block shorter ones and give nothing)."""
    m_ = _matchers()
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer ("İ"): keep the offsets
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    hits: list[tuple[int, int, str]] = []
    last_end = -1
    for w in WORD_START.finditer(low):  # a phrase group is tried only where a word starts with its letters
        pos = w.start()
        if pos < last_end:
            continue
        group = m_.by_prefix.get(w.group())
        if group is None:
            continue
        m = group[0].match(low, pos)
        if m:
            hits.append((pos, m.end(), group[1][int(m.lastgroup[1:])]))
            last_end = m.end()
    for m in m_.acronyms.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-_"):
            continue
        if not any(s <= m.start() < e for s, e, _ in hits):
            hits.append((m.start(), m.end(), m.group()))
    out = []
    for s, e, phrase in sorted(hits):
        for area in sorted(m_.labels[phrase]):
            out.append(AreaMention(area, text[s:e], s, e))
    return out


def find_areas(text: str, layout: Layout, hits: list[AreaMention],
               exclude: list[tuple[int, int]] = ()) -> list[AreaMention]:
    """The mentions among ``hits`` that name a field of cooperation: not in the headline or a
    caption, not in ``exclude`` (names of bodies, people's offices), not in a sentence of
    statistics, not blocked by a phrase of no area."""
    out: list[AreaMention] = []
    spans = _disjoint(exclude)
    starts = [a for a, _ in spans]
    blocked = {(h.start, h.end) for h in hits if h.area == "-"}
    passing: dict[tuple[int, int], bool] = {}
    for h in hits:
        s = h.start
        if (s, h.end) in blocked or layout.is_noise(s) or s < layout.body_start and layout.headline:
            continue
        k = bisect.bisect_right(starts, s) - 1
        if k >= 0 and s < spans[k][1]:
            continue
        sent = layout.sentence_at(s)
        if sent not in passing:
            sentence = text[sent[0]:sent[1]]
            passing[sent] = bool(STATISTIC.search(sentence)) and not INTENT.search(sentence)
        if not passing[sent]:
            out.append(h)
    return out


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans merged, sorted by start."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def hits_in(hits: list[AreaMention], start: int, end: int) -> list[AreaMention]:
    """The mentions among ``hits`` inside ``[start, end)`` (a party's name)."""
    return [h for h in hits if start <= h.start and h.end <= end and h.area != "-"]
