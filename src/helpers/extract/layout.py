"""The layout of an article: headline, meta lines (dates, categories, credits), the dateline that
opens the body, headings, list items with their leads, paragraphs and sentences. Every span is a
(start, end) pair of offsets into the text."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .lexicon import MACROS, MONTHS, expand, words
from .lines import (BREADCRUMB, BULLET, BYLINE, CAPTION, CHROME, CREDIT_LINE, FILE_LINE, NAV_RUN, PAGE_BREAK, PAGE_END,
                    RELEASE_LINE, REPORT_WORDS, ends_sentence, is_date_line, line_spans, menu_item, names_document, short)

_MONTH = MACROS["{MONTH}"]
PLACE_WORD = r"[A-ZÀ-ÖØ-ÞĀ-Ỹ][\w’'-]*"
# the dateline that opens a body: "ASTANA. KAZINFORM –", "Ulaanbaatar, November 29, 2023 /MONTSAME/.",
# "KUALA LUMPUR (April 11):", "(MENAFN- Trend News Agency) BISHKEK, Kyrgyzstan, October 12.",
# "Baku / 31.10.17 / Turan:", "Hanoi (VNA) –", "TASHKENT, UzA —", "HÀ NỘI —", "New Delhi [India], June 5 (ANI):"
LEAD = re.compile(
    r"\s*(?:\((?P<pre>[^()\n]{2,40})\)\s*)?"
    rf"(?P<place>{PLACE_WORD}(?:[ -]{PLACE_WORD}){{0,3}})"
    r"(?:\s*\[[^\]\n]{2,20}\])?"
    rf"(?:\s*,\s*(?!{_MONTH}\s)(?P<country>{PLACE_WORD}(?:\s{PLACE_WORD}){{0,2}})(?=\s*[,.(/]))?"
    r"(?:\s*[,/]?\s*\(?(?P<date>" + expand(r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
                                           r"(?:{MONTH}\s+{DAY}(?:,?\s*/?\s*{YEAR})?|{DAY}\.?\s+{MONTH}(?:,?\s+{YEAR})?"
                                           r"|\d{1,2}\.\d{1,2}\.\d{2,4})") + r")\)?\.?)?"
    r"(?:\s*\.)?(?:\s*/\s*(?P<slash>[^/\n]{2,40}?)\s*(?:/|(?=:))|\s*\((?P<paren>[^()\n]{2,40})\)"
    r"|(?<=\.)\s+(?P<caps>[A-Z][A-Z-]{2,}\b)|\s*,\s*(?P<comma>(?=[A-Z][a-z]{0,3}[A-Z])[A-Z][A-Za-z]{1,7})(?=\s*(?:-{2,3}|[–—-])\s))?"
    r"\s*(?P<sep>\.?-{2,3}|\.?[-–—:]|\.(?=\s))?\s*(?:(?<=[-–—]\s)(?P<agency>[A-Z][\w-]{2,})\.\s+(?=[A-Z]))?")


@dataclass
class Layout:
    """Where things are in an article's text."""

    text: str
    lines: list[tuple[int, int]] = field(default_factory=list)
    headline: tuple[int, int] | None = None
    meta: list[tuple[int, int]] = field(default_factory=list)  # date, category and credit lines
    lead: tuple[int, int] | None = None  # the dateline that opens the body ("ASTANA. KAZINFORM –")
    lead_parts: dict[str, tuple[int, int]] = field(default_factory=dict)
    captions: list[tuple[int, int]] = field(default_factory=list)
    headings: list[tuple[int, int]] = field(default_factory=list)
    list_items: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # body lines, items included
    sentences: list[tuple[int, int]] = field(default_factory=list)
    tokens: list[tuple[int, int]] = field(default_factory=list)  # words and marks, in order
    token_starts: list[int] = field(default_factory=list)
    _sent_starts: list[int] = field(default_factory=list)
    _item_starts: list[int] = field(default_factory=list)
    _para_starts: list[int] = field(default_factory=list)
    _leads: list[int] = field(default_factory=list)  # per paragraph, the last one up to it that is no list item
    _noise: list[tuple[int, int]] = field(default_factory=list)  # meta lines and captions, sorted
    columns: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # a table's cell -> its header
    table_cells: set[tuple[int, int]] = field(default_factory=set)  # the cells of a table's rows (list items too)

    @property
    def body_start(self) -> int:
        """Where the body begins: the first paragraph, after the dateline that opens it."""
        if not self.paragraphs:
            return len(self.text)
        if self.lead and self.lead[0] == self.paragraphs[0][0]:
            return self.lead[1]
        return self.paragraphs[0][0]

    def is_noise(self, pos: int) -> bool:
        """True where ``pos`` lies in the headline, a meta line or a caption (not body text)."""
        if self.headline and self.headline[0] <= pos < self.headline[1]:
            return True
        i = bisect.bisect_right(self._noise, (pos, len(self.text) + 1)) - 1
        return i >= 0 and self._noise[i][0] <= pos < self._noise[i][1]

    def in_headline(self, pos: int) -> bool:
        return bool(self.headline) and self.headline[0] <= pos < self.headline[1]

    def in_heading(self, pos: int) -> bool:
        i = bisect.bisect_right(self.headings, (pos, len(self.text) + 1)) - 1
        return i >= 0 and self.headings[i][0] <= pos < self.headings[i][1]

    def in_list_item(self, pos: int) -> tuple[int, int] | None:
        """The list item holding ``pos``, if any."""
        i = bisect.bisect_right(self._item_starts, pos) - 1
        if i >= 0 and self.list_items[i][0] <= pos < self.list_items[i][1]:
            return self.list_items[i]
        return None

    def list_lead(self, item_start: int) -> tuple[int, int] | None:
        """The paragraph that opens the list holding the item at ``item_start``."""
        i = bisect.bisect_left(self._para_starts, item_start) - 1
        lead = self._leads[i] if i >= 0 else -1
        return self.paragraphs[lead] if lead >= 0 else None

    def paragraph_index(self, pos: int) -> int:
        """Index in ``paragraphs`` of the last paragraph that starts at or before ``pos`` (-1: none)."""
        return bisect.bisect_right(self._para_starts, pos) - 1

    def paragraphs_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The paragraphs (and a table's cells) that start in ``[start, end)``."""
        return self.paragraphs[bisect.bisect_left(self._para_starts, start):bisect.bisect_left(self._para_starts, end)]

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos`` (the line, for a headline or a meta line)."""
        i = bisect.bisect_right(self._sent_starts, pos) - 1
        if i >= 0 and pos <= self.sentences[i][1]:
            return self.sentences[i]
        return self.paragraph_at(pos)

    def sentence_index(self, pos: int) -> int:
        return bisect.bisect_right(self._sent_starts, pos) - 1

    def token_at(self, pos: int) -> int:
        """Index of the first token that starts at or after ``pos``."""
        return bisect.bisect_left(self.token_starts, pos)

    def paragraph_at(self, pos: int) -> tuple[int, int]:
        """The line holding ``pos``."""
        i = bisect.bisect_right(self.lines, (pos, len(self.text) + 1)) - 1
        if i >= 0 and self.lines[i][0] <= pos <= self.lines[i][1]:
            return self.lines[i]
        return (0, len(self.text))


TOKEN = re.compile(r"[^\W_][\w’'&]*(?:[-.‑](?=[^\W_])[\w’'&]*)*(?:(?<=\.[^\W_])\.)?|\S")
SENTENCE_END = re.compile(r"[.!?…]+[\"”»’']*\s+(?=[\"“«‘'(\[\-–—]?\s*[A-Z0-9À-ÞĀ-ỸА-Я])")
LAST_TOKEN = re.compile(r"(\S+)$")


def ends_in_abbreviation(before: str) -> bool:
    """True when the text before a full stop ends with an abbreviation or an initial."""
    m = LAST_TOKEN.search(before)
    if not m:
        return False
    tok = m.group(1).lstrip("(\"“«'")
    bare = tok.rstrip(".")
    if len(bare) == 1 and bare.isupper():
        return True  # an initial: "S. Jaishankar"
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", tok):
        return True  # "U.S.", "H.E.", "e.g."
    return bare in words("abbreviations") or bare.lower() in words("abbreviations")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` (one line)."""
    out, s = [], start
    for m in SENTENCE_END.finditer(text, start, end):
        if ends_in_abbreviation(text[max(start, m.start() - 30):m.start() + 1]):
            continue
        stop = m.start() + len(m.group().rstrip())
        out.append((s, stop))
        s = m.end()
    if s < end:
        out.append((s, end))
    return [(a, b) for a, b in (_strip(text, a, b) for a, b in out) if b > a]


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def analyse(text: str) -> Layout:
    """The layout of ``text``."""
    lines, cells = line_spans(text)
    lay = Layout(text=text, lines=lines)
    nonempty = [(s, e) for s, e in lay.lines if text[s:e].strip()]
    if not nonempty:
        return lay
    kinds: dict[tuple[int, int], str] = {}
    # the top: a headline, then meta lines (dates, categories, credits) until the first paragraph
    i = 0
    while i < len(nonempty) - 1:
        line = text[nonempty[i][0]:nonempty[i][1]]
        if BREADCRUMB.fullmatch(line) or CHROME.match(line) and short(line, 25):
            kinds[nonempty[i]] = "meta"  # "Home / News / Politics", "Skip to main content", a cookie banner
            i += 1
            continue
        # a page's menu pasted with the report: a run of three or more lines of a word or two each
        run = 0
        while i + run < len(nonempty) - 1 and menu_item(text[nonempty[i + run][0]:nonempty[i + run][1]]):
            run += 1
        if run < NAV_RUN:
            break
        for k in range(i, i + run):
            kinds[nonempty[k]] = "meta"
        i += run
    first = text[nonempty[i][0]:nonempty[i][1]].strip()
    if RELEASE_LINE.fullmatch(first) and len(nonempty) > i + 2:
        # a release: its label, the issuer, place and date, then the headline right above the text
        kinds[nonempty[i]] = "meta"
        i += 1
        k = i
        while k < len(nonempty) - 1 and short(text[nonempty[k][0]:nonempty[k][1]], 30) \
                and not ends_sentence(text[nonempty[k][0]:nonempty[k][1]]):
            k += 1
        for m in range(i, k):
            last = m == k - 1 and not is_date_line(text[nonempty[m][0]:nonempty[m][1]])
            kinds[nonempty[m]] = "headline" if last else "meta"
        i = k
    elif is_date_line(first) and len(nonempty) > i + 1:
        kinds[nonempty[i]] = "meta"
        i += 1
    elif CREDIT_LINE.match(first):
        kinds[nonempty[i]] = "meta"
        i += 1
    elif len(nonempty) > i + 1 and short(first, 30) and not ends_sentence(first):
        kinds[nonempty[i]] = "headline"
        i += 1
    while i < len(nonempty) - 1:
        line = text[nonempty[i][0]:nonempty[i][1]].strip()
        top_meta = is_date_line(line) or (short(line, 4) and not ends_sentence(line)
                                           and not BULLET.match(line)) or CREDIT_LINE.match(line) or BYLINE.fullmatch(line)
        if not top_meta or kinds.get(nonempty[i - 1]) not in ("headline", "meta") and i > 0:
            break
        kinds[nonempty[i]] = "meta"
        i += 1
    # a web page's links to other reports after the report ("Related news", "Tags: ...")
    # ("Share this article", "Tags" end it only where no paragraph of the report comes after them)
    prose_after = [False] * (len(nonempty) + 1)
    for k in range(len(nonempty) - 1, -1, -1):
        line = text[nonempty[k][0]:nonempty[k][1]]
        prose_after[k] = prose_after[k + 1] or (not short(line, REPORT_WORDS) and ends_sentence(line))
    end = next((k for k in range(i + 1, len(nonempty)) if PAGE_END.match(text, *nonempty[k]) or
                PAGE_BREAK.match(text, *nonempty[k]) and not prose_after[k + 1]), len(nonempty))
    for k in range(end, len(nonempty)):
        kinds[nonempty[k]] = "meta"
    nonempty = nonempty[:end]
    # the bottom: short lines after the last sentence ("Ethiopian News Agency", "2023", "Enditem")
    j = len(nonempty) - 1
    while j > i and nonempty[j] not in cells and short(text[nonempty[j][0]:nonempty[j][1]], 4) and not ends_sentence(
            text[nonempty[j][0]:nonempty[j][1]]) and not BULLET.match(text[nonempty[j][0]:nonempty[j][1]]) \
            and not names_document(text, *nonempty[j]):  # "Agreement on air services": a list's last title
        kinds[nonempty[j]] = "meta"
        j -= 1
    list_open = False
    heads: dict[int, tuple[int, int]] = {}  # a table's column -> its header cell
    for k, (s, e) in enumerate(nonempty):
        if (s, e) in cells and (s, e) not in kinds:
            row, col = cells[(s, e)]
            if row == -2:
                kinds[(s, e)] = "meta"
            elif row == 0:
                kinds[(s, e)] = "heading"  # "S.No. | Name of the MoU | Indian Signatory | Cypriot Signatory"
                heads[col] = (s, e)
            else:
                kinds[(s, e)] = "item"  # each row's cells: items of one list
                lay.table_cells.add((s, e))
                if col in heads:
                    lay.columns[(s, e)] = heads[col]
            continue
        if (s, e) in kinds:
            continue
        line = text[s:e]
        stripped = line.strip()
        if short(stripped, 30) and (CAPTION.search(stripped) or FILE_LINE.match(stripped)) or re.fullmatch(r"[*\s]+", stripped):
            kinds[(s, e)] = "caption"
            continue
        bullet = bool(BULLET.match(line)) and not re.match(r"\s*[-–—]\s+[-–—]", line)
        item = bullet or stripped.endswith(";") or (list_open and short(stripped, 80) and not
                                                     stripped.endswith(":"))
        nxt = nonempty[k + 1] if k + 1 < len(nonempty) else None
        if not item and nxt and short(stripped, 14) and not ends_sentence(stripped):
            kinds[(s, e)] = "heading"
            list_open = False
            continue
        kinds[(s, e)] = "item" if item else "para"
        # a list goes on over items that end with a stop where the next line names a document too
        # ("the following documents were signed: / Agreement on ... . / Memorandum on ... .")
        list_open = stripped.endswith((";", ":")) or (item and bullet and not stripped.endswith(".")) or (
            item and nxt is not None and short(text[nxt[0]:nxt[1]], 60) and names_document(text, *nxt))
    for (s, e), kind in sorted(kinds.items()):
        if kind == "headline":
            lay.headline = (s, e)
        elif kind == "meta":
            lay.meta.append((s, e))
        elif kind == "caption":
            lay.captions.append((s, e))
        elif kind == "heading":
            lay.headings.append((s, e))
        else:
            lay.paragraphs.append((s, e))
            if kind == "item":
                lay.list_items.append((s, e))
    if lay.paragraphs:
        _find_lead(lay)
    for s, e in lay.paragraphs:
        if lay.lead and lay.lead[0] == s:
            s = lay.lead[1]
        lay.sentences.extend(split_sentences(text, s, e))
    lay._sent_starts = [s for s, _ in lay.sentences]
    lay.tokens = [m.span() for m in TOKEN.finditer(text)]
    lay.token_starts = [s for s, _ in lay.tokens]
    lay._item_starts = [s for s, _ in lay.list_items]
    lay._para_starts = [s for s, _ in lay.paragraphs]
    items = set(lay.list_items)
    last = -1
    for k, para in enumerate(lay.paragraphs):  # the last paragraph up to each that is no item: a list's lead
        if para not in items:
            last = k
        lay._leads.append(last)
    lay._noise = sorted(lay.meta + lay.captions)
    return lay


def _find_lead(lay: Layout) -> None:
    """The dateline at the start of the first paragraph, when it has the marks of one: a place in
    capitals, a date or an agency's credit, and a separator before the first sentence; else a
    dateline with an agency on a line of its own right above it ("Baku, 21 October, AZERTAC")."""
    s, e = lay.paragraphs[0]
    m = LEAD.match(lay.text, s, e)
    if m and _is_lead(lay, m, e):
        lay.lead = (s, m.end())
        lay.lead_parts = {g: m.span(g) for g in LEAD_PARTS if m.group(g)}
    else:
        _lead_line_above(lay, s)


def _is_lead(lay: Layout, m: re.Match[str], e: int) -> bool:
    if m.end() >= e:
        return False
    place = m.group("place")
    caps = place.isupper() and len(place) > 2
    marked = m.group("date") or m.group("slash") or m.group("paren") or m.group("caps") or m.group("pre") or m.group("comma")
    sep = m.group("sep")
    rest = lay.text[m.end():e]
    if not (caps or marked) or not rest[:1].isupper() and not rest[:1] in "\"“«":
        return False
    if not (sep or m.group("slash") or m.group("paren") or (caps and m.group("country"))):
        return False
    return not (caps and not marked and not sep and not m.group("country"))


LEAD_PARTS = ("pre", "place", "country", "date", "slash", "paren", "caps", "comma", "agency")


def _lead_line_above(lay: Layout, first: int) -> None:
    """A meta line right above the first paragraph that is a whole dateline naming an agency after a
    comma ("Baku, 21 October, AZERTAC"): read as if the text followed it after a dash."""
    above = [m for m in lay.meta if m[1] <= first]
    if not above or lay.text[above[-1][1]:first].count("\n") > 2:
        return
    ms, me = above[-1]
    line = lay.text[ms:me].rstrip()
    m = LEAD.match(line + " — X")
    if m and m.group("comma") and m.end("comma") == len(line):
        lay.lead_parts = {g: (ms + m.start(g), ms + m.end(g)) for g in LEAD_PARTS if m.group(g)}


__all__ = ["Layout", "analyse", "split_sentences", "MONTHS"]
