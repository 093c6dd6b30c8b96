"""Plural mentions of documents and what they stand for. "MoUs on agriculture, electricity
trade, and cultural cooperation" gives a document per subject; "agreements were signed between
A, as well as between B" one per pair of sides; "two memoranda - one with A and another with B"
two. A plural or counted mention is also a *group*: its status and sides pass to the documents
listed after it, in a list under it, in its own subjects, or in later sentences that refer back
to it ("The deals include ...", "Among them ...", "One of the MoUs focused on ...")."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .doc import Doc
from .document_titles import trim
from .lexicon import cue

if TYPE_CHECKING:
    from .documents import Draft

VAGUE = re.compile(rf"(?i:{cue('vague_subject')})\s")
PAIRS = re.compile(r"\s+(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:signed|concluded)\s+between\b[^.;]*?"
                   r"\bas\s+well\s+as\s+between\b")
SIDES_AS_WELL_AS = re.compile(r"\bbetween\b.+?(?P<cut>,?\s+as\s+well\s+as\s+)(?P<rest>[A-Z].+)$")
ONE_AND_ANOTHER = re.compile(r"\s*[-–—:,]?\s*one\s+(?P<one>(?:with|on|in|for)\b.+?)\s*,?\s+and\s+"
                             r"(?P<other>(?:another|the\s+other)\s+(?:with|on|in|for)\b.+?)\s*[.;]?$")
ONE_SIGNED = re.compile(rf"\s*(?P<one>,\s+one\s+)?(?:was|has\s+been)\s+(?:{cue('signed_verb')})\s+(?=(?:between|with)\s)")
# what opens the subjects a plural mention lists
FIELD_LEAD = re.compile(
    rf"\s*(?:\([^)]{{1,12}}\)\s*)?(?:also\s+)?(?:(?:for\s+[\w\s-]{{0,40}}?\s+)?in\s+the\s+(?:{cue('field')})s?\s+of\s+"
    rf"|cover(?:ing|s|ed)?\s+(?:the\s+(?:{cue('field')})s?\s+of\s+|(?:{cue('fields_unnamed')}|a\s+range\s+of)\s+"
    rf"(?:{cue('field')})s\s*,?\s+(?:including|such\s+as|namely)\s+)?"
    rf"|(?:were|was|have\s+been|has\s+been)\s+signed\s+(?:on|in)\s+the\s+(?:{cue('field')})s?\s+of\s+"
    rf"|(?:(?:were|was|have\s+been|has\s+been)\s+signed\s+)?in\s+(?:{cue('field')})s?\s+(?:such\s+as|including)\s+"
    r"|(?:include[sd]?|including|such\s+as|on|in|concerning|aimed\s+at|to\s+boost|focused\s+on|related\s+to)\s*,?\s+)"
    r"(?:in\s+particular\s*,\s+)?", re.I)
SPLIT_SEMI = re.compile(r";\s*(?:and\s+)?|,?\s+as\s+well\s+as\s+")
PARALLEL_ON = re.compile(r"\son\s[^;.]+?(?:;\s+(?:and\s+)?|,?\s+and\s+)on\s")
SPLIT_COMMA = re.compile(r",\s*(?:and\s+|as\s+well\s+as\s+)?|\s+as\s+well\s+as\s+|\s+and\s+(?=on\s)")
SUBJECT_OF = re.compile(r"(?:for|on|in|of)\s+(?:an?\s+|the\s+)?")
NOT_PARALLEL = re.compile(r"\s*(?:among|including|such\s+as|in\s+particular|namely)\b", re.I)
REFERS_BACK = re.compile(rf"\s*(?:(?:The|These|Those|All|Both)\s+(?:\w+\s+){{0,2}}(?:{cue('documents')})\b|Among\s+(?:them|these|the)\b|"
                         rf"(?:They|These|It)\s+(?:{cue('list_verb')})\w*\b|One\s+of\s+(?:the|them|these)\b|"
                         rf"Another\b|(?:Under|In)\s+(?:the|these)\s+(?:{cue('documents')})\b)")
ONE_OF = re.compile(rf"\s*(?:{cue('focus')})\s+on\s+|\s*(?:concerns|concerned|covers|covered|"
                    r"deals\s+with|dealt\s+with|is\s+on|was\s+on)\s+", re.I)
# the leads of a group's subjects: a verb that lists them ("The accords cover A; B", "The deals
# include ..."), and all the leads that run to the sentence's end ("agreements in the areas of A,
# B and C", "several documents concerning, in particular, A")
CLAUSE_LEAD = re.compile(rf"\s*(?:also\s+)?(?:{cue('list_verb')}|were|was|have|has|including|such\s+as)", re.I)
LIST_LEAD = re.compile(rf"\s*(?:\([^)]{{1,12}}\)\s*)?(?:also\s+)?(?:{cue('list_verb')}|were|was|have|has|in\s+the\s+"
                       rf"(?:{cue('field')})|including|such\s+as|concerning|focused|related|aimed|to\s+boost)", re.I)
SIDE_END = re.compile(rf"\s*\(|\s+(?:in|on|for)\s+(?:the\s+)?(?:{cue('field')})")
NO_SUBJECT = re.compile(rf"(?:{cue('fields_unnamed')})\s+(?:(?:{cue('field')})s|issues)\b")


def root(d: Draft) -> Draft:
    """The first mention of a chain of groups ("six agreements were signed ..." for "The deals")."""
    seen = 0
    while d.group is not None and seen < 20:
        d = d.group
        seen += 1
    return d


def pairs(doc: Doc, text: str, drafts: list[Draft]) -> list[Draft]:
    """Plural mentions that stand for one document per pair of sides: "Agreements were signed
    between A, as well as between B" (two), "agreements establishing relations between A and B
    as well as C and D" (two), "two memoranda - one with A (...) and another with B (...)"."""
    from .documents import Draft

    lay = doc.layout
    out: list[Draft] = []
    for d in drafts:
        out.append(d)
        if not d.plural or d.item is not None:
            continue
        s, e = lay.sentence_at(d.head[0])
        if PAIRS.match(text, d.end, e):
            out.append(Draft(d.doc_type, True, d.head, d.start, d.end, pair=1))
            continue
        m = SIDES_AS_WELL_AS.search(text, d.head[1], d.end)
        if m:
            rest = (m.start("rest"), d.end)
            d.end = m.start("cut")
            out.append(Draft(d.doc_type, False, (rest[0], rest[0]), rest[0], rest[1], sides=[(rest[0], rest[1], "between")]))
            continue
        m = ONE_AND_ANOTHER.match(text, d.head[1], min(e, lay.paragraph_at(d.head[0])[1]))
        if m:
            d.count = True
            for g in ("one", "other"):
                gs, ge = trim(text, m.start(g), m.end(g))
                w = re.search(r"\bwith\s+(?:the\s+)?", text[gs:ge])
                sides = [(gs + w.end(), _side_end(text, gs + w.end(), ge), "with")] if w else []
                start = d.start if g == "one" else gs
                out.append(Draft(d.doc_type, False, d.head if g == "one" else (gs, gs), start, ge, sides=sides, group=d, heading=d.heading))
    return out


def _side_end(text: str, s: int, e: int) -> int:
    m = SIDE_END.search(text, s, e)
    return m.start() if m else e


def members(doc: Doc, text: str, drafts: list[Draft]) -> list[Draft]:
    """Plural mentions that list their subjects give one document each (the mention itself is
    then only their group); every document is linked to the group it belongs to."""
    from .documents import Draft

    lay = doc.layout
    listed = sum(1 for d in drafts if d.item is not None) >= 2
    out: list[Draft] = []
    for d in drafts:
        out.append(d)
        if d.plural and (d.count or d.generic) and d.item is None and d.nested_in is None and not listed:
            # "signed three MoUs: on health, on fisheries and on ...", "documents were signed: on A; on B":
            # the subjects after a colon, each a document of the group
            parts = colon_subjects(doc, text, d)
            for s, e in parts:
                out.append(Draft(d.doc_type, False, (s, s), s, e, group=d, heading=d.heading))
            if parts:
                d.count = d.split = True
                continue
            if not d.generic:
                continue
        if not d.plural or d.item is not None or d.nested_in is not None or d.count and not d.generic:
            continue
        if listed:
            d.count = True  # the documents are listed one by one: a plural mention only sums them up
            continue
        parts = [(s, e) for s, e in subjects(doc, text, d) if not VAGUE.match(text, s)]  # "a range of fields"
        if len(parts) < 2 and not (len(parts) == 1 and parts[0][0] > d.head[1]):
            continue
        if d.generic and d.number is not None and d.number != len(parts):
            continue  # "over 20 documents covering areas such as A, B and C": the fields of them all
        d.count = d.split = True  # the plural mention is the group; its subjects are the documents
        own = [o for o in drafts if o is not d and d.start <= o.start < (d.list_end or d.end)]
        kind = d.doc_type
        for k, (s, e) in enumerate(parts):
            inner = [o for o in own if s <= o.head[0] < e]
            if inner:
                for o in inner:
                    o.group = d
                    o.end = min(o.end, e)
                    if not o.plural and SUBJECT_OF.match(text, s, o.start):
                        o.doc_type = d.doc_type  # "The MoUs were signed on ..., and for a cultural exchange programme"
                # "The agreements cover programs on culture (2022-2025), youth (2023-2024) and sports": the
                # subjects after a plural head are that head's
                kind = inner[-1].doc_type if inner[-1].plural else d.doc_type
                continue
            out.append(Draft(kind, False, d.head if k == 0 and s == d.start else (s, s), s, e, group=d,
                             heading=d.heading))
    out.sort(key=lambda d: (d.start, -d.end))
    # one of the plural mentions: "One of the MoUs focused on media exchange and cooperation ..."
    extra = []
    for d in out:
        if not d.plural or d.item is not None:
            continue
        one_of = re.search(r"\b[Oo]ne\s+of\s+(?:the|these)\s+$", text[max(0, d.start - 14):d.start])
        if one_of or re.search(r"\bAmong\s+(?:the|these)\s+$", text[max(0, d.start - 12):d.start]):
            # "One of the MoUs concerns ...", "One of the MoUs was signed between A and B for ...", "Among
            # the MoUs, one was signed between A and B ..."
            m = (ONE_OF.match(text, d.head[1]) if one_of else None) or ONE_SIGNED.match(text, d.head[1])
            if m and (one_of or m.group("one")):
                s_end = lay.sentence_at(d.start)[1]
                s, e = trim(text, m.end(), s_end)
                if e > s:
                    extra.append(Draft(d.doc_type, False, (s, s), s, e, group=d, heading=d.heading))
    out = sorted(out + extra, key=lambda d: (d.start, -d.end))
    _link(doc, text, out)
    return out


def _link(doc: Doc, text: str, drafts: list[Draft]) -> None:
    """Each document's group: the plural mention that leads its list, or the group named before
    it in its sentence, or the one a sentence that refers back refers to."""
    lay = doc.layout
    groups = [d for d in drafts if d.plural and d.item is None]
    for d in drafts:
        if d.group is not None:
            continue
        if d.item is not None:
            lead = lay.list_lead(d.item[0])
            g = [x for x in groups if lead and lead[0] <= x.head[0] < lead[1]]
            if not g and lead and _leads_back(doc, text, lead):
                # "Kenya and Ethiopia have signed five agreements. [...] They are:": those counted before
                g = [x for x in groups if x.head[0] < lead[0]]
            if g:
                d.group = g[-1]
            continue
        before = [x for x in groups if x.head[0] < d.start and x is not d]
        if not before:
            continue
        g = before[-1]
        same_sentence = lay.sentence_at(g.head[0]) == lay.sentence_at(d.start)
        if (same_sentence and (not d.plural or g.count and not d.count)) or refers_back(doc, text, d.start):
            d.group = g


def _leads_back(doc: Doc, text: str, lead: tuple[int, int]) -> bool:
    """A list's lead that names no documents but points back to some: "They are:", "These
    include:", "Among them:" (a few words and a colon), or a sentence that refers back."""
    words = text[lead[0]:lead[1]].split()
    return refers_back(doc, text, lead[0]) or (0 < len(words) <= 4 and words[-1].endswith(":"))


def refers_back(doc: Doc, text: str, pos: int) -> bool:
    """True when the sentence holding ``pos`` opens by referring to documents named before ("The
    deals include ...", "Among them ...", "One of the MoUs ...", "Another key deal ...")."""
    s, _ = doc.layout.sentence_at(pos)
    return bool(REFERS_BACK.match(text, s))


# "signed three MoUs: on A, ...", "signed 10 agreements, including on A and on B", "a number of documents, in
# particular, on A, B and C"
COLON_SUBJECTS = re.compile(rf"\s*(?:(?:were|was|have\s+been|has\s+been)\s+(?:{cue('signed_verb')})\s*)?"
                            r"(?::|,\s*(?:including|in\s+particular|namely)\s*,?)\s*"
                            r"(?=(?:on|in|for|regarding|concerning|between)\s)", re.I)
NEXT_SUBJECT = re.compile(r"\s*(?:[;,]\s*(?:and\s+)?|\s+and\s+)(?=(?:on|in|for|regarding|concerning|between)\s)", re.I)


def colon_subjects(doc: Doc, text: str, d: Draft) -> list[tuple[int, int]]:
    """The subjects listed after a count and a colon ("three MoUs: on A, on B and on C"), each
    opening with the same kind of word; none where fewer than two are listed."""
    m = COLON_SUBJECTS.match(text, d.head[1])
    if not m:
        return []
    end = doc.layout.sentence_at(m.end())[1]
    pieces, pos = [], m.end()
    for cut in NEXT_SUBJECT.finditer(text, m.end(), end):
        pieces.append(trim(text, pos, cut.start()))
        pos = cut.end()
    pieces.append(trim(text, pos, end))
    pieces = [(a, b) for a, b in pieces if b > a]
    return pieces if len(pieces) >= 2 else []


def subjects(doc: Doc, text: str, d: Draft) -> list[tuple[int, int]]:
    """The subjects a plural mention lists, as spans: "MoUs on A, B, and C" -> "MoUs on A", "B",
    "C"; "agreements on A, on B"; "programs on A (2022-2025), youth (2023-2024)"; "in the areas
    of A, B and C" (no comma before "and": the last two are two); "The accords cover the fields of
    A; B; C, as well as D"."""
    end = d.list_end or d.end
    lead = FIELD_LEAD.match(text, d.head[1], end)
    if not lead:
        # "agreements between the governments on A; on B; on C": subjects after the sides
        on = PARALLEL_ON.search(text, d.head[1], end)
        if not on:
            return []
        cuts = [m for m in re.finditer(r"(?:[;,]\s+(?:and\s+)?|\s+and\s+)(?=on\s)", text[d.start:end])]
        pieces, pos = [], d.start
        for m in cuts:
            pieces.append(trim(text, pos, d.start + m.start()))
            pos = d.start + m.end()
        pieces.append(trim(text, pos, end))
        return [(a, b) for a, b in pieces if b > a]
    seg = text[lead.end():end]
    sep = SPLIT_SEMI if ";" in seg else SPLIT_COMMA
    if NO_SUBJECT.match(seg):
        return []  # "memoranda in various sectors": no subject of their own
    pieces = []
    pos = lead.end()
    for m in sep.finditer(text, lead.end(), end):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, end))
    if len(pieces) < 2:
        verb_lead = CLAUSE_LEAD.match(lead.group())
        return [trim(text, lead.end(), end)] if verb_lead else []
    for s, e in pieces[1:]:
        if NOT_PARALLEL.match(text, s):
            return []  # "documents for ..., among them a program ...": the listed documents stand on their own
    oxford = bool(re.search(r",\s+and\s", seg)) or sep is SPLIT_SEMI
    if not oxford:
        s, e = pieces[-1]
        m = list(re.finditer(r"\s+and\s+", text[s:e]))
        if m and (len(text[s:e].split()) <= 6 or text.startswith("the ", s + m[-1].end())):  # "... and the avoidance of ..."
            last = m[-1]
            pieces[-1:] = [(s, s + last.start()), (s + last.end(), e)]
    out = []
    for k, (s, e) in enumerate(pieces):
        if k == 0:
            verb_lead = CLAUSE_LEAD.match(lead.group())
            s = lead.end() if verb_lead else d.start
        s, e = trim(text, s, e)
        if text[s:e].lower().startswith("the ") and k:
            s += 4
        if e > s:
            out.append((s, e))
    return out
