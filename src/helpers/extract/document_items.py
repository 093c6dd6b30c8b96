"""Items of a list that name no document of their own but stand under a lead that does: "The
following MoUs were signed: 1. Cooperation in the field of criminal matters between A and B;
2. Training of civil servants" -> a memorandum each. The lead is the paragraph before the list
when it opens one (a colon, "... include"), or a heading right above the list ("List of MoUs
signed")."""
from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from .doc import Doc
from .document_titles import trim
from .lexicon import cue
from .lines import BULLET

if TYPE_CHECKING:
    from .documents import Draft

LONGEST_ITEM = 30  # words: a longer item is a paragraph of prose, not a document's name
OPENS_QUOTE = re.compile(r"[“«\"]")  # an item that opens with a quote is someone's words, in the report
OPENS_LIST = re.compile(rf"(?::|\b(?:{cue('list_opening_end')}))\s*$", re.I)


def headless_items(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` with a document for each item of a list whose lead holds a plural mention, where
    the item holds no document's head; each is of the mention's kind and belongs to it."""
    from .documents import Draft

    text, lay = doc.text, doc.layout
    plural = sorted((d for d in drafts if d.plural and d.item is None and d.nested_in is None), key=lambda d: d.head[0])
    if not plural or not lay.list_items:
        return drafts
    plural_starts = [d.head[0] for d in plural]
    heads = sorted(d.head[0] for d in drafts)
    heading_starts = [h[0] for h in lay.headings]
    extra = []
    for s, e in lay.list_items:
        lead = _lead(lay, text, s, heading_starts)
        if lead is None or (s, e) in lay.table_cells:
            continue  # (a table's row has a cell for each of the document's name, sides, fields)
        i = bisect.bisect_left(plural_starts, lead[0])
        if i == len(plural) or plural_starts[i] >= lead[1]:
            continue  # the lead names no documents
        k = bisect.bisect_left(heads, s)
        if k < len(heads) and heads[k] < e:
            continue  # the item names its own document
        group = plural[i]
        bullet = BULLET.match(text[s:e])
        opening = s + (bullet.end() if bullet else 0)
        a, b = trim(text, opening, e)
        if b > a and len(text[a:b].split()) <= LONGEST_ITEM and not OPENS_QUOTE.match(text[opening:b].lstrip()):
            extra.append(Draft(group.doc_type, False, (a, a), a, b, item=(s, e), group=group))
            group.count = True  # the mention only sums up the documents its list names
    return sorted(drafts + extra, key=lambda d: (d.start, -d.end)) if extra else drafts


def _lead(lay, text: str, item_start: int, heading_starts: list[int]) -> tuple[int, int] | None:
    """What opens the list holding an item: a heading between the list's lead paragraph and the
    item, else that paragraph where it ends as a list's opening does."""
    para = lay.list_lead(item_start)
    j = bisect.bisect_left(heading_starts, item_start) - 1
    if j >= 0 and (para is None or lay.headings[j][0] >= para[1]):
        return lay.headings[j]
    if para is not None and OPENS_LIST.search(text, para[0], para[1]):
        return para
    return None
