"""Edits of a text that keep its offsets honest: the parser reads the edited text, and every
span it finds maps back to the characters of the text it came from."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable

Edit = tuple[int, int, str]  # (start, end, replacement) in the source text


@dataclass(frozen=True)
class Offsets:
    """Where each stretch of an edited text came from. ``pieces`` holds, in order, (target
    start, source start, source end, target length): an unedited stretch has equal lengths
    and maps character by character; an edited one maps as a whole."""

    pieces: tuple[tuple[int, int, int, int], ...]

    def _piece(self, t: int) -> tuple[int, int, int, int]:
        i = bisect_right(self._starts, t) - 1
        return self.pieces[max(i, 0)]

    @property
    def _starts(self) -> list[int]:
        cached = self.__dict__.get("_starts_cache")
        if cached is None:
            cached = [p[0] for p in self.pieces]
            object.__setattr__(self, "_starts_cache", cached)
        return cached

    def start(self, t: int) -> int:
        """The source offset of the span that starts at target offset ``t``."""
        ts, ss, se, tl = self._piece(t)
        return ss + (t - ts) if se - ss == tl else ss

    def end(self, t: int) -> int:
        """The source offset of the span that ends at target offset ``t``."""
        if t <= 0:
            return self.start(0)
        ts, ss, se, tl = self._piece(t - 1)
        return ss + (t - ts) if se - ss == tl else se


def apply(text: str, edits: Iterable[Edit]) -> tuple[str, Offsets | None]:
    """``text`` with the edits made (they must not overlap; they are sorted here), and how
    its offsets map back; None where nothing changed."""
    edits = sorted(edits)
    if not edits:
        return text, None
    out: list[str] = []
    pieces: list[tuple[int, int, int, int]] = []
    t = s = 0
    for start, end, repl in edits:
        if start < s:
            continue  # overlapping edit: the first one stands
        if start > s:
            out.append(text[s:start])
            pieces.append((t, s, start, start - s))
            t += start - s
        if repl or end > start:
            out.append(repl)
            pieces.append((t, start, end, len(repl)))
            t += len(repl)
        s = end
    if s < len(text):
        out.append(text[s:])
        pieces.append((t, s, len(text), len(text) - s))
    pieces = [p for p in pieces if p[3] or p[2] > p[1]]
    return "".join(out), Offsets(tuple(pieces) or ((0, 0, 0, 0),))


def chain(inner: Offsets | None, outer: Offsets | None) -> "Chain | Offsets | None":
    """Offsets of a text edited twice: ``outer`` maps to the once-edited text, ``inner`` from
    there to the source."""
    if inner is None:
        return outer
    if outer is None:
        return inner
    return Chain(inner, outer)


@dataclass(frozen=True)
class Chain:
    """Two mappings one after the other."""

    inner: "Offsets | Chain"
    outer: "Offsets | Chain"

    def start(self, t: int) -> int:
        return self.inner.start(self.outer.start(t))

    def end(self, t: int) -> int:
        return self.inner.end(self.outer.end(t))
