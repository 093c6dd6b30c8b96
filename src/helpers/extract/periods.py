"""Periods and terms of documents: "for 2026-2028", "2026/30", "until 2030", "for five years",
"a 10-year strategy until 2030" (the forms of ``periods.csv``), and which document each one
belongs to: the last period in a document's title, else one in a later clause that says how
long the document runs ("The MoU will remain in force for five years")."""
from __future__ import annotations

from dataclasses import dataclass

from .doc import Doc, Span, span
from .lexicon import NUMBER_WORDS
from .matcher import matcher


@dataclass(frozen=True)
class Period:
    """A stated period: its text and span, and the years it gives (None where not stated)."""

    text: str
    start: int
    end: int
    start_year: int | None
    end_year: int | None
    years: int | None


def _number(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else NUMBER_WORDS[w]


def find_periods(text: str, start: int = 0, end: int | None = None) -> list[Period]:
    """Every period stated in ``text[start:end]``, left to right; a term next to an end year
    ("a 10-year strategy until 2030") is one period with both."""
    end = len(text) if end is None else end
    out: list[Period] = []
    for h in matcher("periods").finditer(text, start, end):
        kind = h.row["kind"]
        g = {k: text[a:b] for k, (a, b) in h.groups.items()}
        if kind == "range":
            a = int(g["a"])
            b = int(g["b"]) if len(g["b"]) == 4 else (a // 100) * 100 + int(g["b"])
            if not a <= b <= a + 50:
                continue
            out.append(Period(text[h.start:h.end], h.start, h.end, a, b, b - a + 1))
        elif kind == "until":
            out.append(Period(text[h.start:h.end], h.start, h.end, None, int(g["b"]), None))
        elif kind == "single":
            y = int(g["a"])
            out.append(Period(text[h.start:h.end], h.start, h.end, y, y, 1))
        else:
            out.append(Period(text[h.start:h.end], h.start, h.end, None, None, _number(g["n"])))
    merged: list[Period] = []
    for p in out:
        prev = merged[-1] if merged else None
        if prev is not None and p.start - prev.end < 40 and {prev.end_year is None, p.end_year is None} == {True, False} \
                and (prev.years is None) != (p.years is None) and prev.start_year is None and p.start_year is None:
            merged[-1] = Period(text[prev.start:p.end], prev.start, p.end, None, prev.end_year or p.end_year,
                                prev.years or p.years)
            continue
        merged.append(p)
    return merged


def periods(doc: Doc) -> list[Span]:
    """The periods layer: one span per document whose period is stated, attrs ``doc``,
    ``start_year``, ``end_year``, ``years``."""
    out = []
    text = doc.text
    docs = list(doc["documents"])
    for d in docs:
        found = find_periods(text, d.start, d.end)[-1:]
        if found and any(o is not d and o.start < d.start and o.end == d.end for o in docs):
            continue  # "Implementation Program of the MoU between A and B for 2024-2029": the outer one's
        if not found:
            for s, e in d["clauses"]:
                found = find_periods(text, s, e)[:1]
                if found:
                    break
        if found:
            p = found[0]
            out.append(span(p.start, p.end, "period", doc=d, text=p.text, start_year=p.start_year,
                            end_year=p.end_year, years=p.years))
    return out
