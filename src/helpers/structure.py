"""The layout of an article: headline, dateline, captions, list items, paragraphs and sentences."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

MONTHS = ("January February March April May June July August September October November December"
          .split())
_MONTH = "|".join(MONTHS + [m[:3] for m in MONTHS])
DATE_LINE = re.compile(
    rf"^\W*(\d{{1,2}}\s+(?:{_MONTH})\.?,?\s+\d{{4}}|(?:{_MONTH})\.?\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}"
    rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})\b[\s\d:,()+\-UTC.A-Za-z]*$")
DATELINE = re.compile(r"^[A-Z][A-Z'’ .-]{2,}(?:,|\.|\s[-–—]|$)")
DAY = re.compile(rf"\b(?:{_MONTH})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:{_MONTH})\b")
CAPTION = re.compile(r"\b(Photo|Photos|Photo credit|Video|Source|Read also|Read more)\s*:", re.I)
BULLET = re.compile(r"^\s*(?:[-–—•*·▪]|\d{1,2}[.)])\s+")
ABBREV = re.compile(r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|No|Jr|Sr|Gen|Lt|Col|Prof|vs|etc|Inc|Ltd|Co|approx|U\.S|e\.g|i\.e))\.$")


@dataclass
class Layout:
    """Where things are in an article's text; every span is a (start, end) pair of offsets."""

    text: str
    lines: list[tuple[int, int]] = field(default_factory=list)
    headline: tuple[int, int] | None = None
    dateline: tuple[int, int] | None = None
    captions: list[tuple[int, int]] = field(default_factory=list)
    list_items: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    _sent_starts: list[int] = field(default_factory=list)

    @property
    def body_start(self) -> int:
        """Where the body begins (after the headline and a date line under it)."""
        ends = [span[1] for span in (self.headline, self.dateline) if span]
        return max(ends) if ends else 0

    def is_noise(self, pos: int) -> bool:
        """True where ``pos`` lies in the headline or a photo caption (not body text)."""
        if self.headline and self.headline[0] <= pos < self.headline[1]:
            return True
        return bool(self.captions) and any(s <= pos < e for s, e in self.captions)

    def in_list_item(self, pos: int) -> tuple[int, int] | None:
        """The list item holding ``pos``, if any."""
        i = bisect.bisect_right(self.list_items, (pos, len(self.text) + 1)) - 1
        if i >= 0 and self.list_items[i][0] <= pos < self.list_items[i][1]:
            return self.list_items[i]
        return None

    def list_lead(self, item_start: int) -> tuple[int, int] | None:
        """The paragraph that opens the list holding the item at ``item_start`` ("the following
        documents were signed:")."""
        i = bisect.bisect_left(self.paragraphs, (item_start, -1)) - 1
        while i >= 0:
            if self.in_list_item(self.paragraphs[i][0]) is None:
                return self.paragraphs[i]
            i -= 1
        return None

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos``."""
        i = bisect.bisect_right(self._sent_starts, pos) - 1
        if i < 0:
            return (0, 0)
        return self.sentences[i]

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        """The paragraph (line) holding ``pos``."""
        i = bisect.bisect_right(self.paragraphs, (pos, len(self.text) + 1)) - 1
        if i >= 0 and self.paragraphs[i][0] <= pos <= self.paragraphs[i][1]:
            return self.paragraphs[i]
        return (0, len(self.text))


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _is_date_line(line: str) -> bool:
    """A line that only dates the text ("31 May 2023, 18:11") or places it ("ASTANA, July 8")."""
    line = line.strip()
    if len(line.split()) > 8:
        return False
    # "Baku, June 10, AZERTAC": a short line that names a day
    if DATE_LINE.match(line):
        return True
    # a place in capitals with a date ("ASTANA, Kazakhstan, July 8") or alone ("BISHKEK"); an
    # all-capitals headline ("KAZAKHSTAN, UZBEKISTAN SIGN AGREEMENTS") is no dateline
    short_with_day = len(line.split()) <= 6 and bool(DAY.search(line))
    return short_with_day or bool(DATELINE.match(line)) and len(line.split()) <= 2


def _split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, s = [], start
    chunk = text[start:end]
    for m in re.finditer(r"[.!?…]+[\"”»’']*\s+(?=[\"“«‘'(\-–—]?\s*[A-Z0-9])", chunk):
        before = chunk[: m.start() + 1]
        if ABBREV.search(before):
            continue
        e = start + m.end()
        out.append((s, start + m.end() - len(m.group()) + len(m.group().rstrip())))
        s = e
    if s < end:
        out.append((s, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def analyse(text: str) -> Layout:
    """The layout of ``text``: headline, dateline, captions, list items, paragraphs, sentences."""
    lay = Layout(text=text, lines=_line_spans(text))
    nonempty = [(s, e) for s, e in lay.lines if text[s:e].strip()]
    if nonempty:
        s, e = nonempty[0]
        first = text[s:e].strip()
        if _is_date_line(first):
            lay.dateline = (s, e)
        elif (len(nonempty) > 1 and len(first.split()) <= 25
              and not first.endswith((".", ":", ";", ",", "»", "\"", "”"))):
            lay.headline = (s, e)
            if len(nonempty) > 2 and _is_date_line(text[nonempty[1][0]:nonempty[1][1]]):
                lay.dateline = nonempty[1]
    list_open = False
    for s, e in nonempty:
        line = text[s:e]
        stripped = line.strip()
        if ":" in line and CAPTION.search(line) and len(stripped.split()) <= 25:
            lay.captions.append((s, e))
        # a list stays open while its items end with ";" (or its lead ends with ":")
        item = bool(BULLET.match(line)) or stripped.endswith(";") or (
            list_open and len(stripped.split()) <= 80)
        if lay.headline and (s, e) == lay.headline:
            item = False
        if item:
            lay.list_items.append((s, e))
        list_open = stripped.endswith((";", ":")) or (item and bool(BULLET.match(line)) and not stripped.endswith("."))
        if (s, e) != lay.headline:
            lay.paragraphs.append((s, e))
        lay.sentences.extend(_split_sentences(text, s, e))
    lay._sent_starts = [s for s, _ in lay.sentences]
    return lay
