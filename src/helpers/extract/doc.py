"""An article under extraction: its text, its layout and layers of spans, in the manner of
spaCy's ``Doc.spans``. Each component adds one layer and reads earlier ones; a layer, once
added, is never changed."""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any

from .layout import Layout

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True, eq=False)
class Span:
    """``text[start:end]`` with a label and read-only attributes (which may hold other spans)."""

    start: int
    end: int
    label: str
    attrs: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)

    def __getitem__(self, key: str) -> Any:
        return self.attrs[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.attrs.get(key, default)

    def __repr__(self) -> str:
        extra = ", ".join(f"{k}={v!r}" for k, v in self.attrs.items() if not isinstance(v, (Span, tuple)))
        return f"Span({self.start}, {self.end}, {self.label!r}{', ' + extra if extra else ''})"


def span(start: int, end: int, label: str, **attrs: Any) -> Span:
    """A span with its attributes frozen."""
    return Span(start, end, label, MappingProxyType(attrs) if attrs else _EMPTY)


@dataclass(frozen=True)
class Layer:
    """The spans of one component, sorted by start; positional lookups by bisection."""

    name: str
    spans: tuple[Span, ...]
    _starts: tuple[int, ...] = field(repr=False, default=())

    @classmethod
    def of(cls, name: str, spans: Iterable[Span]) -> Layer:
        ordered = tuple(sorted(spans, key=lambda s: (s.start, -s.end)))
        return cls(name, ordered, tuple(s.start for s in ordered))

    def __iter__(self) -> Iterator[Span]:
        return iter(self.spans)

    def __len__(self) -> int:
        return len(self.spans)

    def __getitem__(self, i: int) -> Span:
        return self.spans[i]

    def within(self, start: int, end: int) -> list[Span]:
        """Spans that lie wholly inside ``[start, end)``."""
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.spans) and self.spans[i].start < end:
            if self.spans[i].end <= end:
                out.append(self.spans[i])
            i += 1
        return out

    def starting_in(self, start: int, end: int) -> list[Span]:
        """Spans whose start lies in ``[start, end)``."""
        i = bisect.bisect_left(self._starts, start)
        j = bisect.bisect_left(self._starts, end)
        return list(self.spans[i:j])

    def at(self, pos: int) -> list[Span]:
        """Spans that cover ``pos`` (few: layers hold short, mostly disjoint spans)."""
        i = bisect.bisect_right(self._starts, pos)
        out = []
        k = i - 1
        # spans of a layer are short: look back a bounded way for one that still covers pos
        while k >= 0 and pos - self.spans[k].start < 600:
            if self.spans[k].end > pos:
                out.append(self.spans[k])
            k -= 1
        return out

    def starting_at(self, pos: int) -> Span | None:
        """The longest span that starts exactly at ``pos``."""
        i = bisect.bisect_left(self._starts, pos)
        return self.spans[i] if i < len(self.spans) and self.spans[i].start == pos else None

    def before(self, pos: int) -> Span | None:
        """The last span that ends at or before ``pos``."""
        i = bisect.bisect_right(self._starts, pos) - 1
        while i >= 0:
            if self.spans[i].end <= pos:
                return self.spans[i]
            i -= 1
        return None

    def after(self, pos: int) -> Span | None:
        """The first span that starts at or after ``pos``."""
        i = bisect.bisect_left(self._starts, pos)
        return self.spans[i] if i < len(self.spans) else None


class Mask:
    """Which characters of a text some spans cover, for constant-time lookups."""

    def __init__(self, n: int, spans: Iterable[tuple[int, int]] = ()):
        self._covered = bytearray(n + 1)
        for s, e in spans:
            self.add(s, e)

    def add(self, s: int, e: int) -> None:
        self._covered[max(0, s):max(0, e)] = b"\x01" * (max(0, e) - max(0, s))

    def covers(self, pos: int) -> bool:
        return 0 <= pos < len(self._covered) and bool(self._covered[pos])


def find_words(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """(start, end) of each whole-word occurrence of the words or phrases (a handful, such as the
    names of an article's people), left to right and not overlapping, the longest first."""
    n = len(text)
    found: list[tuple[int, int]] = []
    words = {w for w in words if w}
    if len(words) * n > 30_000_000:  # many names in a very long text: one pass, looking up each word's letters
        return _find_by_prefix(text, words)
    for w in words:
        a = text.find(w)
        while a >= 0:
            b = a + len(w)
            if (b >= n or not (text[b].isalnum() or text[b] in "_-")) and \
                    (a == 0 or not (text[a - 1].isalnum() or text[a - 1] in "_-")):
                found.append((a, b))
            a = text.find(w, a + 1)
    found.sort(key=lambda x: (x[0], -x[1]))
    out: list[tuple[int, int]] = []
    for a, b in found:
        if not out or a >= out[-1][1]:
            out.append((a, b))
    return out


AHEAD = 400  # characters read after a position for a phrase there: a slice to the text's end would cost its length


WORD_START = re.compile(r"(?<![\w-])\w")


def _find_by_prefix(text: str, words: set[str]) -> list[tuple[int, int]]:
    by_prefix: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        by_prefix.setdefault(w[:3], []).append(w)
    n, last, out = len(text), 0, []
    for m in WORD_START.finditer(text):
        a = m.start()
        if a < last:
            continue
        for w in by_prefix.get(text[a:a + 3], ()):
            b = a + len(w)
            if text.startswith(w, a) and (b >= n or not (text[b].isalnum() or text[b] in "_-")):
                out.append((a, b))
                last = b
                break
    return out


@dataclass
class Doc:
    """One article's text, layout and layers. ``add`` refuses to replace a layer, so no
    component can edit another's results."""

    text: str
    layout: Layout
    layers: dict[str, Layer] = field(default_factory=dict)
    cache: dict[str, object] = field(default_factory=dict)  # what a component works out once per article

    def add(self, name: str, spans: Iterable[Span]) -> Layer:
        if name in self.layers:
            raise ValueError(f"layer {name!r} already added")
        layer = Layer.of(name, spans)
        self.layers[name] = layer
        return layer

    def __getitem__(self, name: str) -> Layer:
        return self.layers[name]

    @cached_property
    def folded(self) -> str:
        """The text lower-cased and folded, same length (what the lexicons' phrases are matched on)."""
        from .lexicon import fold

        return fold(self.text)

    def slice(self, s: Span | tuple[int, int]) -> str:
        a, b = (s.start, s.end) if isinstance(s, Span) else s
        return self.text[a:b]
