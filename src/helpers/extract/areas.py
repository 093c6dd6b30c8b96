"""Areas of cooperation: phrases of ``areas.csv`` in the body, leaving out words used in passing
(inside bodies' names and people's offices, in sentences of statistics), and the fields a
document's parties make plain (two ministries of justice sign: justice)."""
from __future__ import annotations

import bisect
import re

from .doc import Doc, Mask, Span, span
from .lexicon import cue
from .matcher import matcher

STATISTIC = re.compile(rf"(?=[$€£¥₽\d])(?:[$€£¥₽]|\b\d[\d,.]*\s*(?:%|(?:{cue('unit')})\b))", re.I)
INTENT = re.compile(rf"\b(?:{cue('intent')})\b", re.I)


def hits(text: str, start: int = 0, end: int | None = None,
         folded: str | None = None) -> list[tuple[int, int, tuple[str, ...], bool]]:
    """(start, end, areas, fused) of every phrase of ``areas.csv`` in ``text[start:end]``; "-" areas
    block; ``fused`` marks a stem with a long tail, a word of its own ("agro*" in "Agroexpress")."""
    return [(h.start, h.end, tuple(h.row["areas"].split(";")),
             h.row["pattern"].endswith("*") and h.end - h.start >= len(h.row["pattern"]) - 1 + 5)
            for h in matcher("areas").finditer(text, start, end, folded=folded)]


def areas(doc: Doc) -> list[Span]:
    """The areas layer: one span per mention of an area, attr ``area``."""
    text, lay = doc.text, doc.layout
    exclude = Mask(len(text), [(b.start, b.end) for b in doc["bodies"]] + [(o.start, o.end) for o in doc["offices"]]
                   + [(p.start, p.end) for p in doc["people"]])
    titles = Mask(len(text), [(d.start, d.end) for d in doc["documents"]])
    passing: dict[tuple[int, int], bool] = {}
    out: list[Span] = []
    all_hits = hits(text, folded=doc.folded)
    for s, e, labels, fused in all_hits:
        if labels == ("-",) or lay.is_noise(s) and not lay.in_headline(s) or s < lay.body_start and not lay.in_headline(s):
            continue
        if exclude.covers(s):
            continue
        sent = lay.sentence_at(s)
        # "Agroexpress": a name, even in a title
        if _in_a_name(text, s, sent[0]) and (not titles.covers(s) or fused):
            continue  # "Agroexpress", "the ASEAN Plus Three Emergency Rice Reserve": a name's word
        if sent not in passing:
            sentence = text[sent[0]:sent[1]]
            passing[sent] = bool(STATISTIC.search(sentence)) and not INTENT.search(sentence)
        if passing[sent]:
            continue
        for area in labels:
            out.append(span(s, e, "area", area=area, mention=text[s:e]))
    out.extend(_from_parties(doc, all_hits))
    return out


def _in_a_name(text: str, s: int, sentence_start: int) -> bool:
    """True for a capitalised word inside a sentence (not its first, not in capitals, not in a list
    after a colon: "six areas: Infrastructure, ...; Economic Integration"): part of a proper name."""
    if not text[s].isupper() or text[s:s + 2].isupper():
        return False
    before = text[max(sentence_start, s - 300):s]  # a run-on text's "sentence" is no longer than a sentence is
    return bool(before.strip()) and ":" not in before and not re.search(r"[“\"«(]\s*$", before)


def _from_parties(doc: Doc, all_hits) -> list[Span]:
    """Areas that two or more parties of one document name ("Ministry of Justice of A" and
    "Ministry of Justice of B"), and interregional cooperation where cities or regions sign."""
    by_doc: dict[int, list[Span]] = {}
    for p in doc["parties"]:
        by_doc.setdefault(id(p["doc"]), []).append(p)
    out = []
    starts = [h[0] for h in all_hits]
    for ps in by_doc.values():
        seen: dict[str, list[tuple[int, int]]] = {}
        for p in ps:
            labels = {}
            for s, e, lab, _ in all_hits[bisect.bisect_left(starts, p.start):bisect.bisect_left(starts, p.end)]:
                if e <= p.end and lab != ("-",):
                    for a in lab:
                        labels.setdefault(a, (s, e))
            for a, sp in labels.items():
                seen.setdefault(a, []).append(sp)
        for a, sps in seen.items():
            if len(sps) >= 2:
                s, e = sps[0]
                out.append(span(s, e, "area", area=a, mention=doc.text[s:e]))
        if len(ps) >= 2 and all(p["level"] in ("city", "regional") for p in ps):
            d = ps[0]["doc"]
            out.append(span(d.start, d.end, "area", area="interregional", mention=doc.text[d.start:d.end]))
    return out
