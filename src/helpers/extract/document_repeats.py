"""One row per document: a repeat, a definite reference ("the social housing agreement") or a
headline's document joins the first mention; a reference that names sides ("the MoU was signed by
A and B") gives them to the document it speaks of."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .doc import Doc
from .document_groups import root
from .lexicon import cue_words

if TYPE_CHECKING:
    from .documents import Draft

ANAPHOR_DET = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Oo]ur|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er|[Ss]uch)\s+$")


def references(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """A reference that names sides ("the MoU was signed by Pakistan Railways and Turkmen Railways")
    gives them to the document it speaks of, in place of the sides it took from its clause's
    subject; a reference gives no row of its own."""
    for d in drafts:
        if d.refers is None:
            continue
        named = [x for x in d.sides if named_sides(doc, [x]) and not doc["people"].within(x[0], x[1])
                 and not doc["offices"].within(x[0], x[1])]
        if named:
            d.refers.sides = [x for x in d.refers.sides if x[2] != "subject"] + [x for x in named if x not in d.refers.sides]
    return [d for d in drafts if d.refers is None]


def named_sides(doc: Doc, sides: list[tuple[int, int, str]]) -> bool:
    """True where a side names a state or a body."""
    return any(doc["places"].within(s, e) or doc["bodies"].within(s, e) for s, e, _ in sides)


def _norm(s: str) -> frozenset[str]:
    s = re.sub(r"[^\w\s-]", " ", s.lower())
    return frozenset({w[:-3] + "y" if w.endswith("ies") else w.rstrip("s") for w in s.split()} - {
        "the", "of", "and", "on", "in", "between", "a", "for", "an", "to", "with"})


def _similar(a: str, b: str) -> float:
    x, y = _norm(a), _norm(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _names_differ(a: str, b: str) -> bool:
    """True where each title has a capitalised word the other lacks: two names ("Agreement on the
    Digital Economy" / "Green Economy Agreement"), not one document told two ways."""
    x, y = set(CAPITALISED.findall(a)), set(CAPITALISED.findall(b))
    return bool(x - y) and bool(y - x)


CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*")


def dedupe(doc: Doc, text: str, drafts: list[Draft]) -> list[Draft]:
    """One row per document: a repeat, a definite reference ("the social housing agreement") or
    a heading naming a document of the body joins the first; a heading's document stands alone
    only where the body has none like it."""
    body = [d for d in drafts if not d.heading]
    heads = [d for d in drafts if d.heading]
    out: list[Draft] = []
    known: dict[int, set] = {}  # the sides each kept draft has, to add a repeat's sides once
    for d in body:
        for o in out[-40:]:  # a repeat stands near the first mention; an article lists few documents
            if o.doc_type != d.doc_type or o.nested_in is not None or d.nested_in is not None or o.pair != d.pair:
                continue
            if o.count or d.count or o.plural != d.plural:
                continue
            a, b = text[o.start:o.end].lower(), text[d.start:d.end].lower()
            sim = _similar(a, b)
            refers = bool(ANAPHOR_DET.search(text, max(0, d.start - 6), d.start)) and d.item is None
            same = a == b or len(a) > 20 and len(b) > 20 and (a in b or b in a) or refers and sim >= 0.5
            if same or (o.status != d.status and "planned" in (o.status, d.status) and sim >= 0.45
                        and not _names_differ(text[o.start:o.end], text[d.start:d.end])):
                if d.status == "signed" and o.status != "signed" and (not refers or a in b) or a in b and len(b) > len(a):
                    o.start, o.end, o.head, o.item = d.start, d.end, d.head, d.item  # the fuller or the signing mention
                if "signed" in (o.status, d.status):
                    o.status = "signed"
                have = known.get(id(o))
                if have is None:  # not setdefault: its default would copy the sides every time
                    have = known[id(o)] = set(o.sides)
                for side in d.sides:
                    if side not in have:
                        have.add(side)
                        o.sides.append(side)
                break
        else:
            out.append(d)
    for h in heads:
        if h.count or h.plural:
            continue
        if any(o.doc_type == h.doc_type for o in out):
            continue
        head = root(h).head if h.group is not None else h.head  # a subject shared out of "deals on A, B"
        if text[head[0]:head[1]].lower() in cue_words("loose_head") and any(not o.count for o in out):
            continue  # "Philippines, Vietnam sign rice supply pact" over "a memorandum of understanding on rice trade"
        if any(_similar(text[o.start:o.end], text[h.start:h.end]) >= 0.6 for o in out):
            continue
        h.status = h.status if h.status != "existing" else "signed"
        out.append(h)
    return sorted(out, key=lambda d: d.start)
