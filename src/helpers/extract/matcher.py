"""The one matcher of the reference data.

Every lexicon of the genre (titles of office, honorifics, bodies' kinds, document heads, verbs of
signing and speech, credit forms, period forms, area phrases, event phrases) is a CSV file under
``data/reference/`` with a ``pattern`` column and attribute columns. ``Matcher`` finds its
patterns in a text:

- a *phrase* ("prime minister", "memorandum of understanding") is matched case-insensitively at
  word boundaries; a space or hyphen in it matches any run of spaces or hyphens, and curly and
  straight apostrophes are one;
- a *form* is a regular expression with macros (``{YEAR}``, ``{NUM}``, ``{CAP}``, ... below),
  written ``re:...``; named groups in it are handed on with the hit;
- a phrase ending in ``*`` matches any word ending ("digitali*").

A row with ``case`` = ``exact`` matches only as written ("MoU", "Minutes"). A form's ``needs``
("according to", "reported|reports|wrote") names words one of which the folded text must hold
for the form to be tried. Where hits overlap, the leftmost wins, then the longest.
"""
from __future__ import annotations

import re
from functools import lru_cache
from types import MappingProxyType
from typing import Any, Mapping

from .lexicon import expand, fold, key, table


class Hit:
    """A pattern found at ``text[start:end]``: its row and, for a form, its named groups."""

    __slots__ = ("start", "end", "row", "groups")

    def __init__(self, start: int, end: int, row: Mapping[str, str], groups: Mapping[str, tuple[int, int]] = None):
        self.start, self.end, self.row = start, end, row
        self.groups = groups if groups is not None else {}

    def __getitem__(self, k: str) -> str:
        return self.row[k]

    def group(self, name: str) -> tuple[int, int] | None:
        return self.groups.get(name)

    def __repr__(self) -> str:
        return f"Hit({self.start}, {self.end}, {self.row.get('pattern')!r})"


def _holds_any(folded: str, needs: str, start: int, end: int) -> bool:
    """True where ``folded[start:end]`` holds one of the "|"-separated words of a row's ``needs``
    (or the row needs none)."""
    return not needs or any(folded.find(w, start, end) >= 0 for w in needs.split("|"))


def _trie_regex(phrases: list[str]) -> str:
    """One regular expression for many literal phrases: a trie, so the engine never backtracks
    through a long alternation (longest phrases are tried first at each branch)."""
    trie: dict = {}
    for p in phrases:
        node = trie
        for ch in p:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = []
        for ch in sorted((c for c in node if c), key=lambda c: (-_depth(node[c]), c)):
            if ch == "*":
                branches.append(r"\w*")
                continue
            unit = r"[\s\-]+" if ch == " " else re.escape(ch)
            if ch == "'":
                unit = "'"
            branches.append(unit + emit(node[ch]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return emit(trie)


def _depth(node: dict) -> int:
    return 1 + max((_depth(n) for c, n in node.items() if c), default=0)


class Matcher:
    """The patterns of a lexicon, found in any text (see the module's docstring)."""

    def __init__(self, rows: tuple[Mapping[str, str], ...], column: str = "pattern"):
        self.rows = rows
        literal: dict[str, Mapping[str, str]] = {}
        stars: dict[str, Mapping[str, str]] = {}  # "digitali*": a phrase and any ending of its last word
        exact: dict[str, Mapping[str, str]] = {}
        forms: list[tuple[str, int, Mapping[str, str]]] = []
        for r in rows:
            p = r[column]
            flags = 0 if r.get("case") == "exact" else re.I
            if p.startswith("re:"):
                forms.append((expand(p[3:]), flags, r))
            elif p.endswith("*") and r.get("case") != "exact":
                stars.setdefault(key(p[:-1]), r)
            elif r.get("case") == "exact":
                exact.setdefault(p, r)
            else:
                literal.setdefault(key(p), r)
        self.literal = literal
        self.stars = stars
        self.exact = exact
        # a phrase ends where its word ends: not before a letter or a digit; a hyphen may join two
        # ("economic-trade-investment collaboration")
        keys = sorted(literal) + [k + "*" for k in sorted(stars)]
        self._lit = re.compile(r"\b(?:" + _trie_regex(keys) + r")(?!\w)") if keys else None
        # no leading \b: a pattern that opens with its phrases lets the engine skip to their first
        # letters; a hit inside a word is refused (and searched past) in ``finditer``
        self._exact = re.compile(r"(?:" + _trie_regex(sorted(exact)) + r")(?![\w-])") if exact else None
        # forms with named groups of their own are run one by one; the others as one alternation
        self.forms = [(re.compile(rx, fl), r) for rx, fl, r in forms if "(?P<" in rx]
        plain = [(rx, fl, r) for rx, fl, r in forms if "(?P<" not in rx]
        self._plain: list[tuple[re.Pattern[str], list[Mapping[str, str]]]] = []
        for flags in (re.I, 0):
            same = [(rx, r) for rx, fl, r in plain if fl == flags]
            if same:
                alt = "|".join(f"(?P<_f{i}>{rx})" for i, (rx, _) in enumerate(same))
                self._plain.append((re.compile(alt, flags), [r for _, r in same]))

    def _row(self, matched: str) -> Mapping[str, str]:
        """The row of a phrase the trie matched (for a starred phrase, its longest stem)."""
        row = self.literal.get(matched)  # most matches are written as their phrase
        if row is not None:
            return row
        k = key(matched)
        row = self.literal.get(k)
        if row is not None:
            return row
        for i in range(len(k), 0, -1):
            if k[:i] in self.stars:
                return self.stars[k[:i]]
        raise KeyError(matched)

    def finditer(self, text: str, start: int = 0, end: int | None = None, folded: str | None = None) -> list[Hit]:
        """Every pattern in ``text[start:end]``, left to right, not overlapping; ``folded`` is
        ``fold(text)`` where the caller has it already."""
        end = len(text) if end is None else end
        hits: list[Hit] = []
        if self._lit is not None:
            if folded is None:
                low, off = fold(text[start:end]), start
                found = self._lit.finditer(low)
            else:
                low, off = folded, 0
                found = self._lit.finditer(low, start, end)
            for m in found:
                if _word_start(low, m.start()) and (m.start() or off == 0 or _word_start(text, off)):
                    hits.append(Hit(off + m.start(), off + m.end(), self._row(m.group())))
        if self._exact is not None:
            pos, search = start, self._exact.search
            while (m := search(text, pos, end)) is not None:
                if _word_start(text, m.start()):
                    hits.append(Hit(m.start(), m.end(), self.exact[m.group()]))
                    pos = m.end()
                else:
                    pos = m.start() + 1
        for rx, rows in self._plain:
            for m in rx.finditer(text, start, end):
                if m.end() > m.start() and _word_start(text, m.start()):
                    hits.append(Hit(m.start(), m.end(), rows[int(m.lastgroup[2:])]))
        for rx, row in self.forms:
            if folded is not None and not _holds_any(folded, row.get("needs", ""), start, end):
                continue  # the text holds none of the words the form needs: no scan
            for m in rx.finditer(text, start, end):
                if m.end() > m.start() and _word_start(text, m.start()):
                    groups = {g: m.span(g) for g, v in m.groupdict().items() if v is not None}
                    hits.append(Hit(m.start(), m.end(), row, MappingProxyType(groups)))
        if len(hits) < 2:
            return hits
        hits.sort(key=lambda h: (h.start, -h.end))
        out: list[Hit] = []
        for h in hits:
            if not out or h.start >= out[-1].end:
                out.append(h)
        return out

    def match(self, text: str, pos: int, end: int | None = None, folded: str | None = None) -> Hit | None:
        """The longest pattern that starts exactly at ``pos`` (``folded``: ``fold(text)``)."""
        end = len(text) if end is None else end
        best: Hit | None = None
        if self._lit is not None:
            if folded is not None:
                m = self._lit.match(folded, pos, end)
                hit_end = m.end() if m else 0
            else:
                m = self._lit.match(fold(text[pos:end]))
                hit_end = pos + m.end() if m else 0
            if m:
                best = Hit(pos, hit_end, self._row(m.group()))
        if self._exact is not None:
            m = self._exact.match(text, pos, end) if _word_start(text, pos) else None
            if m and (best is None or m.end() > best.end):
                best = Hit(pos, m.end(), self.exact[m.group()])
        for rx, rows in self._plain:
            m = rx.match(text, pos, end)
            if m and m.end() > pos and (best is None or m.end() > best.end):
                best = Hit(pos, m.end(), rows[int(m.lastgroup[2:])])
        for rx, row in self.forms:
            m = rx.match(text, pos, end)
            if m and m.end() > pos and (best is None or m.end() > best.end):
                groups = {g: m.span(g) for g, v in m.groupdict().items() if v is not None}
                best = Hit(pos, m.end(), row, MappingProxyType(groups))
        return best

    def ending_at(self, text: str, end: int, reach: int = 60) -> Hit | None:
        """The longest pattern that ends exactly at ``end`` (looking back at most ``reach``)."""
        lo = max(0, end - reach)
        best = None
        for h in self.finditer(text, lo, end):
            if h.end == end and (best is None or h.start < best.start):
                best = h
        if best is None:  # a shorter pattern inside a longer non-matching one ("...said" in "unsaid")
            for s in range(lo, end):
                if _word_start(text, s):
                    h = self.match(text, s, end)
                    if h and h.end == end:
                        return h
        return best


def _word_start(text: str, pos: int) -> bool:
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "_")


@lru_cache(maxsize=None)
def matcher(name: str, **where: str) -> Matcher:
    """The matcher of ``data/reference/<name>.csv`` (only rows whose columns equal ``where``)."""
    rows = tuple(r for r in table(name) if all(r.get(k) == v for k, v in where.items()))
    return Matcher(rows)


def attrs(hit: Hit, *names: str) -> dict[str, Any]:
    """Some columns of a hit's row."""
    return {n: hit.row.get(n, "") for n in names}
