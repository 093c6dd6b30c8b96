"""Items of a list that name no document of their own but stand under a lead that does: "The
following MoUs were signed: 1. Cooperation in the field of criminal matters between A and B;
2. Training of civil servants" -> a memorandum each."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .doc import Doc
from .document_titles import trim
from .lines import BULLET

if TYPE_CHECKING:
    from .documents import Draft

LONGEST_ITEM = 30  # words: a longer item is a paragraph of prose, not a document's name
OPENS_QUOTE = re.compile(r"[“«\"]")  # an item that opens with a quote is someone's words, in the report


def headless_items(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` with a document for each item of a list whose lead (a paragraph ending in a colon)
    holds a plural mention, where the item holds no document's head; each is of the mention's kind
    and belongs to it."""
    from .documents import Draft

    text, lay = doc.text, doc.layout
    leads: dict[tuple[int, int], Draft] = {}
    for d in drafts:
        if d.plural and d.item is None and d.nested_in is None:
            leads.setdefault(lay.paragraph_at(d.head[0]), d)
    if not leads:
        return drafts
    heads = sorted(d.head[0] for d in drafts)
    extra = []
    for s, e in lay.list_items:
        lead = lay.list_lead(s)
        group = leads.get(lead) if lead else None
        if group is None or (s, e) in lay.table_cells or not text[lead[0]:lead[1]].rstrip().endswith(":"):
            continue  # (a table's row has a cell for each of the document's name, sides, fields)
        if any(s <= h < e for h in heads):
            continue  # the item names its own document
        bullet = BULLET.match(text[s:e])
        opening = s + (bullet.end() if bullet else 0)
        a, b = trim(text, opening, e)
        if b > a and len(text[a:b].split()) <= LONGEST_ITEM and not OPENS_QUOTE.match(text[opening:b].lstrip()):
            extra.append(Draft(group.doc_type, False, (a, a), a, b, item=(s, e), group=group, heading=group.heading))
    return sorted(drafts + extra, key=lambda d: (d.start, -d.end)) if extra else drafts
