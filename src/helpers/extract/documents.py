"""Documents: every document the article identifies by name, subject or sides, with the whole
phrase that identifies it, its type, its status and the phrases that name its sides.

A document is read from a head noun of ``doc_types.csv`` ("agreement", "MoU", "road map") in
prose, list items or headings: its title runs from the modifiers before the head to where its
subject ends. Plural heads give a document per subject they list ("MoUs on agriculture,
electricity trade, and cultural cooperation"), a document per pair of sides, or none at all when
they only count ("six agreements"); then they are a *group*, whose status and sides pass to the
documents listed after it ("The deals include ...", list items under "the following documents
were signed:")."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .doc import Doc, Span, span
from .document_clauses import attach_sides, find_status, validity_clauses
from .document_titles import complement_end, left_start, trim
from .lexicon import NUMBER_WORDS, fold, matcher, words

COUNT = re.compile(rf"\b(?:\d+|{'|'.join(NUMBER_WORDS)}|dozens|a dozen|more than \d+|over \d+|some \d+)"
                   r"(?:\s+[\w-]+){0,3}[\s\"“«]*$", re.I)
SUBJECT = re.compile(r"\s*(?:(?:of|on|between|among|for|in|to|with|establishing|regarding|concerning|aimed|about|"
                     r"by|under|within|covering|related|focused)\b|\(|[\"“«]|and\s+(?!an?\s|the\s)[a-z]+\s+(?:of|on|between)\b)",
                     re.I)
CONSENSUS = re.compile(r"\s+(?:(?:that|which)\b[^.;]{0,60}?|(?:was|were|has\s+been|have\s+been|had\s+been)\s+)?"
                       r"(?:reached|achieved)\b(?!\s+(?:this|today|on|at|between|during))")
ANAPHOR_DET = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Oo]ur|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er|[Ss]uch)\s+$")
POSSESSIVE_DET = re.compile(r"\b(?:[Oo]ur|[Tt]heir|[Ii]ts|[Hh]is|[Hh]er)\s+(?:[\w-]+\s+)?$")
ENUMERATING = re.compile(r"\b(?:[Oo]ne|[Aa]nother|[Aa] separate|(?:[Tt]he|[Aa])\s+(?:first|second|third|fourth|fifth|"
                         r"sixth|seventh|eighth|ninth|tenth|last|final))\s+(?:[\w-]+\s+){0,2}$")
VERB_AFTER = re.compile(r"\s+to\s+(?!be\b)[a-z]+\b")
PREP_BEFORE = re.compile(r"\b(?:upon|by|under)\s+$")
ONES = re.compile(r"\b(?:were|are|include|included)\s+(?P<ones>ones)\s+(?:on|for|in|about|concerning)\b")


@dataclass
class Draft:
    """A document being read (frozen into a span at the end)."""

    doc_type: str
    plural: bool
    head: tuple[int, int]
    start: int
    end: int
    item: tuple[int, int] | None = None
    heading: bool = False
    count: bool = False  # "six agreements": counted, not identified
    generic: bool = False  # "documents": identifies none, but may list its subjects
    nested_in: int | None = None
    group: Draft | None = None  # the group (a plural mention) it belongs to
    status: str = ""
    sides: list[tuple[int, int, str]] = field(default_factory=list)
    enumerated: bool = False
    pair: int = 0


def documents(doc: Doc) -> list[Span]:
    """The documents layer: attrs ``type``, ``status``, ``title``, ``head`` (start, end), ``sides``
    ((start, end, how) of each phrase naming its sides), ``clauses`` (later clauses that say how
    long it runs) and ``group`` (the plural mention it belongs to, with that group's sides)."""
    text, lay = doc.text, doc.layout
    folded = doc.folded
    drafts = _read_heads(doc, text, folded)
    drafts = _coordinate(text, drafts)
    drafts = _pairs(doc, text, drafts)
    drafts = _members(doc, text, drafts)
    for d in drafts:
        d.status = find_status(doc, d, drafts)
    attach_sides(doc, drafts)
    drafts = _dedupe(doc, text, drafts)
    out = []
    for d in drafts:
        if d.count or d.plural and not _identified(text, d):
            continue
        title = text[d.start:d.end]
        group = d.group
        out.append(span(d.start, d.end, "document", type=d.doc_type, status=d.status or "existing", title=title,
                        head=d.head, sides=tuple(d.sides), clauses=tuple(validity_clauses(doc, d)),
                        group_sides=tuple(group.sides) if group is not None else (), list_item=d.item is not None,
                        nested=d.nested_in is not None))
    return out


UNNAMED_BETWEEN = re.compile(r"\s*between\s+(?:the\s+)?(?:two\s+|both\s+)?(?:countries|sides|states|nations|parties)\b")


def _identified(text: str, d: Draft) -> bool:
    """A plural mention names a document only with a subject or sides of its own ("agreements
    between the countries" names none)."""
    if UNNAMED_BETWEEN.match(text, d.head[1]):
        return False
    return d.end > d.head[1] and bool(SUBJECT.match(text, d.head[1])) or d.start < d.head[0] and d.item is not None


def _read_heads(doc: Doc, text: str, folded: str) -> list[Draft]:
    lay = doc.layout
    out: list[Draft] = []
    hits = list(matcher("doc_types").finditer(text, folded=folded))
    # "Among the agreements signed ... were ones on A, B and C": "ones" stands for the head before
    for m in ONES.finditer(text):
        prev = [h for h in hits if h.end <= m.start("ones") and lay.sentence_at(h.start) == lay.sentence_at(m.start())]
        if prev:
            hits.append(type(prev[-1])(m.start("ones"), m.end("ones"), prev[-1].row))
    hits.sort(key=lambda h: h.start)
    for h in hits:
        hs, he = h.start, h.end
        if lay.is_noise(hs) and not lay.in_headline(hs):
            continue
        item = lay.in_list_item(hs)
        heading = lay.in_headline(hs) or lay.in_heading(hs)
        sent = lay.sentence_at(hs)
        floor = item[0] if item else sent[0]
        line_end = lay.paragraph_at(hs)[1]
        hard_end = min(item[1] if item else line_end, max(sent[1], he))
        before = text[max(floor, hs - 60):hs]
        after = text[he:hard_end]
        plural = h.row["number"] == "pl"
        word = text[hs:he].lower()
        if word.startswith(("plan", "program")) and VERB_AFTER.match(after):
            continue  # "plans to increase trade"
        if CONSENSUS.match(after) or re.search(r"\b(?:reached|achieved)\s+(?:an?\s+|the\s+)?$", before):
            continue  # "agreements reached earlier": consensus, not a document
        if PREP_BEFORE.search(before) and not text[hs].isupper():
            continue  # "upon agreement"
        if POSSESSIVE_DET.search(before) and not ENUMERATING.search(before):
            continue  # "our agreement with partners": one named before
        start = left_start(text, hs, floor)
        has_subject = bool(SUBJECT.match(after))
        enumerated = bool(ENUMERATING.search(before))
        count = plural and bool(COUNT.search(text, max(floor, hs - 60), start if start < hs else hs)) \
            and word != "documents"
        generic = word == "documents"  # "documents" identifies none by itself; listed subjects do
        definite = bool(ANAPHOR_DET.search(before)) and start == hs
        if not plural and definite and not has_subject and not enumerated and not item and not heading:
            continue  # "the agreement": a document named before
        if not plural and start == hs and not has_subject and not text[hs].isupper() and not item \
                and not enumerated and not re.search(r"\b(?:[Aa]n?|and)\s+$", before):
            continue
        # a head with no subject after it ends the title ("the agreements included ...")
        end = complement_end(doc, he, hard_end, item is not None, plural) if has_subject or item else he
        s, e = trim(text, start, end)
        if e <= s:
            continue
        out.append(Draft(h.row["doc_type"], plural, (hs, he), s, e, item=item, heading=heading, count=count or generic,
                         enumerated=enumerated, generic=generic))
    out.extend(_headless_items(doc, text, out))
    out.sort(key=lambda d: d.start)
    return out


def _headless_items(doc: Doc, text: str, found: list[Draft]) -> list[Draft]:
    """List items that name no document under a lead that does ("The following agreements were
    signed:" / "- on cooperation in education;"): each item is one of the lead's documents."""
    lay = doc.layout
    out: list[Draft] = []
    with_head = {d.item for d in found if d.item is not None}
    for item in lay.list_items:
        if item in with_head:
            continue
        lead = lay.list_lead(item[0])
        if lead is None:
            continue
        heads = [d for d in found if lead[0] <= d.head[0] < lead[1] and d.plural]
        if not heads:
            continue
        s, e = trim(text, item[0], item[1])
        if e - s < 8 or not SUBJECT.match(" " + text[s:e]):
            continue  # an item that is not a subject ("on ...", "between ...") is no document
        out.append(Draft(heads[-1].doc_type, False, (s, s), s, e, item=item))
    return out


def _coordinate(text: str, drafts: list[Draft]) -> list[Draft]:
    """Cut a title where the next document starts; mark nested ones; let "an agreement and a
    memorandum on X" share X."""
    for i, d in enumerate(drafts):
        for other in drafts[i + 1:]:
            gap = text[d.head[1]:other.start]
            if re.fullmatch(r"\s*(?:and|or)\s*(?:a|an|the)?\s*", gap) and \
                    re.match(r"\s+(?:on|in|regarding|concerning|about)\b", text[other.head[1]:other.end]):
                d.end = max(d.end, other.end)  # "an agreement and a memorandum on ...": a shared subject
                break
            if other.start >= d.end:
                break
            between = text[max(d.start, other.start - 40):other.start]
            if re.search(r"(?:,\s*|\band\s+(?:to\s+)?|\bas\s+well\s+as\s+|\btogether\s+with\s+|\balso\s+in\s+)(?:a|an|the)?\s*$",
                         between) and not re.search(r"\b(?:of|for|on|to)\s+(?:the\s+|a\s+)?$", between):
                cut = re.search(r"\s*(?:,\s*(?:and\s+)?(?:also\s+)?|\s+and\s+(?:to\s+|also\s+in\s+)?|,?\s+as\s+well\s+as\s+|"
                                r",?\s+together\s+with\s+)(?:a|an|the)?\s*$", text[d.start:other.start])
                if cut:
                    d.end = trim(text, d.start, d.start + cut.start())[1]
                break
            other.nested_in = i
    return drafts


PAIRS = re.compile(r"\s+(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:signed|concluded)\s+between\b[^.;]*?"
                   r"\bas\s+well\s+as\s+between\b")
SIDES_AS_WELL_AS = re.compile(r"\bbetween\b.+?(?P<cut>,?\s+as\s+well\s+as\s+)(?P<rest>[A-Z].+)$")
ONE_AND_ANOTHER = re.compile(r"\s*[-–—:,]?\s*one\s+(?P<one>(?:with|on|in|for)\b.+?)\s*,?\s+and\s+"
                             r"(?P<other>(?:another|the\s+other)\s+(?:with|on|in|for)\b.+?)\s*[.;]?$")


def _pairs(doc: Doc, text: str, drafts: list[Draft]) -> list[Draft]:
    """Plural mentions that stand for one document per pair of sides: "Agreements were signed
    between A, as well as between B" (two), "agreements establishing relations between A and B
    as well as C and D" (two), "two memoranda - one with A (...) and another with B (...)"."""
    lay = doc.layout
    out: list[Draft] = []
    for d in drafts:
        out.append(d)
        if not d.plural or d.item is not None:
            continue
        s, e = lay.sentence_at(d.head[0])
        if PAIRS.match(text, d.end, e):
            twin = Draft(d.doc_type, True, d.head, d.start, d.end, pair=1)
            out.append(twin)
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
                out.append(Draft(d.doc_type, False, d.head if g == "one" else (gs, gs), start, ge, sides=sides,
                                 group=d))
    return out


def _side_end(text: str, s: int, e: int) -> int:
    m = re.search(r"\s*\(|\s+(?:in|on|for)\s+(?:the\s+)?(?:field|area|sphere)", text[s:e])
    return s + m.start() if m else e


SPLIT_SEMI = re.compile(r";\s*(?:and\s+)?")
SPLIT_COMMA = re.compile(r",\s*(?:and\s+|as\s+well\s+as\s+)?|\s+as\s+well\s+as\s+")
FIELD_LEAD = re.compile(r"\s*(?:in\s+the\s+(?:areas?|fields?|spheres?|sectors?)\s+of|cover(?:ing|s|ed)?\s+(?:the\s+"
                        r"(?:areas?|fields?)\s+of\s+)?|(?:were|was)\s+signed\s+(?:on|in)\s+(?:the\s+areas?\s+of\s+)?|"
                        r"including|such\s+as|on|in|concerning|aimed\s+at|to\s+boost|for)\s+"
                        r"(?:in\s+particular,\s+)?", re.I)


def _members(doc: Doc, text: str, drafts: list[Draft]) -> list[Draft]:
    """Plural mentions that list their subjects give one document each; other plural mentions
    become groups whose members are the documents listed after them."""
    lay = doc.layout
    listed = sum(1 for d in drafts if d.item is not None) >= 2
    out: list[Draft] = []
    for i, d in enumerate(drafts):
        if not d.plural or d.item is not None or d.nested_in is not None or d.count and not d.generic:
            out.append(d)
            continue
        parts = _subjects(doc, text, d) if not listed else []
        if len(parts) < 2:
            out.append(d)
            continue
        d.count = True  # the plural mention itself is a group; its subjects are the documents
        out.append(d)
        for k, (s, e) in enumerate(parts):
            out.append(Draft(d.doc_type, False, d.head if k == 0 else (s, s), d.start if k == 0 else s, e, group=d))
    out.sort(key=lambda d: (d.start, -d.end))
    # groups: a plural or counted mention passes its status and sides to the documents listed
    # in its list, in its own subjects, or in the sentences after it that refer back to it
    groups = [k for k, d in enumerate(out) if d.plural and d.item is None]
    for k, d in enumerate(out):
        if d.plural and d.item is None:
            continue
        if d.item is not None:
            lead = lay.list_lead(d.item[0])
            g = [j for j in groups if lead and lead[0] <= out[j].head[0] < lead[1]]
            if g:
                d.group = out[g[-1]]
            continue
        before = [j for j in groups if out[j].head[0] < d.start]
        if not before:
            continue
        j = before[-1]
        g = out[j]
        if lay.sentence_at(g.head[0]) == lay.sentence_at(d.start) or _refers_back(doc, text, d.start):
            d.group = g
    return out


def _subjects(doc: Doc, text: str, d: Draft) -> list[tuple[int, int]]:
    """The subjects a plural mention lists, as spans: "MoUs on A, B, and C" -> "MoUs on A", "B",
    "C"; "agreements on A, on B" ; "programs on A (2022-2025), youth (2023-2024)"; "in the areas
    of A, B and C" (no comma before "and": the last two are two)."""
    body_start = d.head[1]
    lead = FIELD_LEAD.match(text, body_start, d.end)
    if not lead:
        return []
    seg = text[lead.end():d.end]
    sep = SPLIT_SEMI if ";" in seg else SPLIT_COMMA
    pieces = []
    pos = lead.end()
    for m in sep.finditer(text, lead.end(), d.end):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, d.end))
    if len(pieces) < 2:
        if " and " in seg and re.search(r"\bas\s+well\s+as\b", seg) is None:
            return []
        return []
    oxford = bool(re.search(r",\s+and\s", seg)) or sep is SPLIT_SEMI
    if not oxford:
        s, e = pieces[-1]
        m = list(re.finditer(r"\s+and\s+", text[s:e]))
        if m and len(text[s:e].split()) <= 6:
            last = m[-1]
            pieces[-1:] = [(s, s + last.start()), (s + last.end(), e)]
    heads = matcher("doc_types")
    for k, (s, e) in enumerate(pieces[1:], 1):
        if re.match(r"\s*(?:among|including|such\s+as|in\s+particular|namely)\b", text[s:e], re.I) \
                or heads.finditer(text, s, e, folded=doc.folded):
            return []  # "documents for ..., among them a program ...": the listed documents stand on their own
    out = []
    for k, (s, e) in enumerate(pieces):
        if k == 0:
            s = d.start
        s, e = trim(text, s, e)
        if text[s:e].lower().startswith("the ") and k:
            s += 4
        if e > s:
            out.append((s, e))
    return out


REFERS_BACK = re.compile(r"\s*(?:(?:The|These|Those|All|Both)\s+(?:\w+\s+){0,2}(?:agreements|documents|deals|accords|"
                         r"memoranda|MoUs|MOUs|treaties|protocols|instruments|pacts|contracts)\b|Among\s+(?:them|these|the)\b|"
                         r"(?:They|These|It)\s+(?:include|included|cover|covered)\b|One\s+of\s+(?:the|them|these)\b|"
                         r"(?:Under|In)\s+(?:the|these)\s+(?:agreements|documents|deals)\b)")


def _refers_back(doc: Doc, text: str, pos: int) -> bool:
    """True when the sentence holding ``pos`` opens by referring to documents named before ("The
    deals include ...", "Among them ...", "One of the MoUs ...")."""
    s, _ = doc.layout.sentence_at(pos)
    return bool(REFERS_BACK.match(text, s))


@lru_cache(maxsize=4096)
def _norm(s: str) -> frozenset[str]:
    s = re.sub(r"[^\w\s-]", " ", s.lower())
    return frozenset({w[:-3] + "y" if w.endswith("ies") else w.rstrip("s") for w in s.split()} - {
        "the", "of", "and", "on", "in", "between", "a", "for", "an", "to", "with"})


def _similar(a: str, b: str) -> float:
    x, y = _norm(a), _norm(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _dedupe(doc: Doc, text: str, drafts: list[Draft]) -> list[Draft]:
    """One row per document: a repeat, a definite reference ("the social housing agreement") or
    a heading naming a document of the body joins the first; a heading's document stands alone
    only where the body has none like it."""
    body = [d for d in drafts if not d.heading]
    heads = [d for d in drafts if d.heading]
    out: list[Draft] = []
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
            if same or (o.status != d.status and "planned" in (o.status, d.status) and sim >= 0.45):
                if d.status == "signed" and o.status != "signed" and (not refers or a in b) or a in b and len(b) > len(a):
                    o.start, o.end, o.head, o.item = d.start, d.end, d.head, d.item  # the fuller or the signing mention
                if "signed" in (o.status, d.status):
                    o.status = "signed"
                o.sides.extend(s for s in d.sides if s not in o.sides)
                break
        else:
            out.append(d)
    for h in heads:
        if h.count or h.plural:
            continue
        if any(o.doc_type == h.doc_type and _similar(text[o.start:o.end], text[h.start:h.end]) >= 0.4 for o in out):
            continue
        if any(_similar(text[o.start:o.end], text[h.start:h.end]) >= 0.6 for o in out):
            continue
        h.status = h.status if h.status != "existing" else "signed"
        out.append(h)
    return sorted(out, key=lambda d: d.start)
