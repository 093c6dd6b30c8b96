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

from .doc import Doc, Span, span
from .document_clauses import REACH, find_status, validity_clauses
from .document_sides import attach_sides
from .document_groups import CLAUSE_LEAD, FIELD_LEAD, LIST_LEAD, members, pairs, root
from .document_items import headless_items
from .document_repeats import ANAPHOR_DET, dedupe, named_sides, references
from .document_titles import complement_end, left_start, trim
from .lexicon import NUMBER_WORDS, cue, cue_words
from .matcher import matcher

# a count right before a head, over its modifiers, not over a clause's verb ("the two governments signed agreements")
COUNT = re.compile(rf"\b(?:(?!(?:19|20)\d\d\b)\d+|{'|'.join(NUMBER_WORDS)}|dozens|a dozen|more than \d+|over \d+|some \d+)"
                   rf"(?:\s+(?!and\b|or\b|(?:{cue('signed_verb')}|have|has|had|will|were|was|are|is)\b)[\w-]+){{0,3}}[\s\"“«]*$", re.I)
SUBJECT = re.compile(r"\s*(?:\([A-Z][A-Za-z]{1,8}s?\)\s*)?(?:,\s+(?=between\s))?(?:(?:of|on|between|among|for|in|to|with|establishing|regarding|concerning|aimed|about|"
                     r"amending|supplementing|extending|"
                     r"by|under|within|covering|related|focused)\b|\((?![A-Z][A-Za-z]{1,8}s?\))|[\"“«](?=(?-i:[A-Z0-9]))|"
                     r"and\s+(?!an?\s|the\s)[a-z]+\s+(?:of|on)\b[^.;]{0,80}\bbetween\b)",
                     re.I)
GENERIC = frozenset(cue_words("generic_doc"))
APPOSED_SUBJECT = re.compile(r",\s+(?:on|regarding|concerning)\s")
SIGNED_BY_NAMED = re.compile(rf"\s+(?:(?:was|were|has\s+been|had\s+been)\s+)?(?:{cue('signed_verb')})\s+"
                             r"(?:by|on\s+behalf\s+of|between)\s+(?:the\s+)?[A-Z]")
PRESENTING = re.compile(rf"\b(?:{cue('presenting')})\b(?:\s+[\w’'-]+){{0,4}}?\s+(?:on\s+|about\s+)?(?:the|its|his|her|their|a)\s+(?:[\w’'-]+\s+){{0,3}}$")
ATTENDED = re.compile(rf"\b(?:{cue('attending')})\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}$")
PERIOD_NEXT = re.compile(r"\s+(?:(?:until|till|through|up\s+to)\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b"
                         r"|(?:19|20)\d\d\s*[-–—/]\s*(?:19|20)?\d\d\b)")  # "Joint Action Plan 2025-2027 on ..."
CONSENSUS = re.compile(r"\s+(?:(?:that|which)\b[^.;]{0,60}?|(?:was|were|has\s+been|have\s+been|had\s+been)\s+)?"
                       r"(?:reached|achieved)\b(?!\s+(?:this|today|on|at|between|during))")
POSSESSIVE_DET = re.compile(r"\b[Oo]ur\s+(?:[\w-]+\s+)?$")
ENUMERATING = re.compile(rf"\b(?:[Oo]ne|[Aa]nother|[Aa] separate|(?:[Tt]he|[Aa])\s+(?:{cue('ordinal')}))\s+(?:[\w-]+\s+){{0,2}}$")
SOURCE = re.compile(rf"(?:\s+issued\s+by\s+[^,.;]{{1,60}})?\s+(?:{cue('source_verb')})\b")
INFINITIVE = re.compile(r"\s+to\s+[a-z]+\b(?<!\bthe)")
# two head words with nothing between but an acronym: one document's name ("CEPA (CEPA) protocol")
ADJOINING = re.compile(r"[ -]|\s*\([A-Z][A-Za-z]{1,8}\)\s+")
IS_A = re.compile(rf"\s+(?:was|is|were|are)\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{cue('document')})\b")
VERB_AFTER = re.compile(r"\s+to\s+(?!be\b)[a-z]+\b")
FORM_OF = re.compile(r"\bin\s+the\s+form\s+of\s+(?:an?\s+)?$")
PREP_BEFORE = re.compile(r"\b(?:upon|by|under|in)\s+$")  # "upon agreement", "are in agreement on"
IN_PLACE = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?[A-Z]")
ANOTHER = re.compile(r"(?:,|\s+and|,\s+and)\s+(?P<ones>another|the\s+other)\s+(?:on|for|in|about|concerning|between|with)\b")
ONES = re.compile(r"(?=[wai])\b(?:were|are|include|included|including)\s+(?P<ones>ones|those|one)\s+(?:on|for|in|about|concerning|between|with)\b")


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
    split: bool = False  # a plural mention whose subjects became documents of their own
    list_end: int | None = None  # where the subjects a verb lists after it end ("The accords cover A; B")
    number: int | None = None  # how many it counts ("over 20 documents": 20), where it counts
    refers: Draft | None = None  # "the MoU was signed by A and B": the document named before it speaks of


def documents(doc: Doc) -> list[Span]:
    """The documents layer: attrs ``type``, ``status``, ``title``, ``head`` (start, end), ``sides``
    ((start, end, how) of each phrase naming its sides), ``clauses`` (later clauses that say how
    long it runs) and ``group`` (the plural mention it belongs to, with that group's sides)."""
    text = doc.text
    folded = doc.folded
    drafts = _read_heads(doc, text, folded)
    drafts = _coordinate(text, drafts)
    drafts = pairs(doc, text, drafts)
    drafts = members(doc, text, drafts)
    drafts = headless_items(doc, drafts)
    for d in drafts:
        d.status = find_status(doc, d, drafts)
    doc.cache["drafts"] = drafts
    attach_sides(doc, drafts)
    drafts = references(doc, drafts)
    drafts = dedupe(doc, text, drafts)
    out = []
    counted = [d for d in drafts if d.count and d.plural and d.sides and named_sides(doc, d.sides)]
    for d in drafts:
        if d.count or d.plural and not _identified(text, d):
            continue
        title = text[d.start:d.end]
        group = root(d) if d.group is not None else None
        # "Nine deals have been signed by Nepal and China ... Likewise, the two countries signed an MoU":
        # the sides of the last count of documents before it that names them
        earlier = [c for c in counted if c.end <= d.start and c.status == d.status]
        out.append(span(d.start, d.end, "document", type=d.doc_type, status=d.status or "existing", title=title,
                        head=d.head, sides=tuple(d.sides), clauses=tuple(validity_clauses(doc, d)),
                        group_sides=tuple(group.sides) if group is not None else (), list_item=d.item is not None,
                        counted_sides=tuple(earlier[-1].sides) if earlier else (),
                        nested=d.nested_in is not None))
    return out


UNNAMED_BETWEEN = re.compile(rf"\s*between\s+(?:the\s+)?(?:two\s+|both\s+)?(?:{cue('unnamed_pair')})\b")


def _number(counted: str) -> int:
    """The number a count says ("over 20 bilateral", "three"), 0 where it says none exactly."""
    first = counted.split()[0].lower() if counted.split() else ""
    m = re.search(r"\d+", counted)
    if first in ("more", "over", "some", "dozens", "a"):
        return 0
    if m:
        return int(m.group())
    return NUMBER_WORDS.get(first, 0)


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
            # "... including one on A and another on B": the other one too
            if (other := ANOTHER.search(text, m.end(), lay.sentence_at(m.start())[1])) is not None:
                hits.append(type(prev[-1])(other.start("ones"), other.end("ones"), prev[-1].row))
    hits.sort(key=lambda h: h.start)
    doc.cache["doc_heads"] = (hits, [h.start for h in hits])  # read again for references back
    offices = doc["offices"]
    seen_types: set[str] = set()  # the types read so far, and the last single document of each
    last_single: dict[str, Draft] = {}
    prev_end = -1
    for n, h in enumerate(hits):
        hs, he = h.start, h.end
        if n + 1 < len(hits) and ADJOINING.fullmatch(text, he, hits[n + 1].start) and hits[n + 1].row["doc_type"] != "-":
            continue  # "power sale agreement", "lease contract": the first head word is the second's modifier
        if h.row["doc_type"] == "-" or lay.is_noise(hs) and not lay.in_headline(hs):
            continue  # "the visit program", "a great deal of attention": no document
        if text[he:he + 1] == ")" and (re.fullmatch(r"\s*\(", text[prev_end:hs]) or
                                       text[hs - 1:hs] == "(" and 0 <= hs - prev_end < 80):
            continue  # "Memorandum of Understanding (MoU)", "Memorandum of Cooperation (MoC)": an abbreviation
        prev_end = he
        if any(o.start <= hs < o.end for o in offices.at(hs)):
            continue  # "Special Adviser to the President on Information and Strategy"
        item = lay.in_list_item(hs)
        heading = lay.in_headline(hs) or lay.in_heading(hs)
        sent = lay.sentence_at(hs)
        floor = item[0] if item else sent[0]
        line_end = lay.paragraph_at(hs)[1]
        hard_end = min(item[1] if item else line_end, max(sent[1], he), he + 4 * REACH)  # no title or list runs further
        before = text[max(floor, hs - 60):hs]
        after = text[he:hard_end]
        plural = h.row["number"] == "pl"
        word = text[hs:he].lower()
        if h.row["doc_type"] in ("plan", "program") and VERB_AFTER.match(after) \
                and (plural or start_is_bare(text, hs) or re.search(r"[A-Z][\w’'-]*\s+$", before)):
            continue  # "plans to increase trade", "Roscosmos and the CNSA plan to work together"
        if word == "plans" and start_is_bare(text, hs):
            continue  # "sets out plans for a factory": intentions, not documents
        if SOURCE.match(after):
            continue  # "A communiqué issued by the Government says ...": where the news comes from
        if CONSENSUS.match(after) or re.search(r"\b(?:reached|achieved)\s+(?:an?\s+|the\s+)?$", before):
            continue  # "agreements reached earlier": consensus, not a document
        if PREP_BEFORE.search(before) and not text[hs].isupper():
            continue  # "upon agreement"
        if ATTENDED.search(before):
            continue  # "attended a cultural programme": an event, not a document
        if h.row["doc_type"] in ("program", "plan", "other") and PRESENTING.search(before):
            continue  # "presented the development program of his country": the state's own, no document
        if FORM_OF.search(before):
            continue  # "Agreement in the form of an exchange of notes": the agreement's form, not another document
        if POSSESSIVE_DET.search(before) and not ENUMERATING.search(before):
            continue  # "our agreement with partners": one named before
        if IS_A.match(after):
            continue  # "Another key deal was an agreement with ...": the agreement is the document
        start = left_start(text, hs, floor)
        # "a 10-year strategy until 2030": a period right after the head belongs to the title
        enumerated = bool(ENUMERATING.search(before))
        # "The second MoU, on standardization, was signed by ...": a counted one's subject set off by commas
        has_subject = bool(SUBJECT.match(after) or PERIOD_NEXT.match(after) or enumerated and APPOSED_SUBJECT.match(after))
        if has_subject and INFINITIVE.match(after) and start < hs and not text[start].islower() and text[hs].isupper():
            has_subject = False  # "review the 2012 Special Status Agreement to reflect ...": a name, then its purpose
        counted = COUNT.search(text, max(floor, hs - 60), start if start < hs else hs) if plural else None
        generic = word in GENERIC  # "documents" identifies none by itself; listed subjects do
        count = bool(counted) and not generic
        if plural and out and out[-1].count and re.fullmatch(r"\s*(?:and|or|,)\s*", text[out[-1].head[1]:start]):
            count = True  # "six agreements and memoranda of understanding"
        definite = bool(ANAPHOR_DET.search(before)) and start == hs
        if definite and IN_PLACE.match(after):
            has_subject = False  # "signed the agreement in Malacañang": where, not what
        # "The memorandum was signed by A and B": a first mention named by its sides
        signed_by = bool(SIGNED_BY_NAMED.match(after))
        by_sides = signed_by and h.row["doc_type"] not in seen_types
        # "..., while the MoU was signed by Pakistan Railways and Turkmen Railways": the sides of one named before
        earlier = last_single.get(h.row["doc_type"])
        refers = earlier if signed_by and earlier is not None and definite and not plural and not has_subject else None
        if not plural and definite and not has_subject and not enumerated and not item and not heading and not by_sides \
                and refers is None:
            continue  # "the agreement": a document named before
        if not plural and start == hs and not has_subject and not text[hs].isupper() and not item \
                and not enumerated and not by_sides and not re.search(r"\b(?:[Aa]n?|and)\s+$", before):
            continue
        lead = FIELD_LEAD.match(text, he, hard_end) if plural and not item else None
        list_end = None
        if lead and LIST_LEAD.match(lead.group()):
            # "documents concerning A, B and C", "agreements in the areas of A, B and C": the subjects run to
            # the sentence's end; "The accords cover A; B; C", "The deals include ...": they are the list
            end = _list_end(text, lead.end(), hard_end)
            if CLAUSE_LEAD.match(lead.group()):
                end, list_end = he, end
        else:
            # a head with no subject after it ends the title ("the agreements included ...")
            end = complement_end(doc, he, hard_end, item is not None, plural) if has_subject or item else he
        s, e = trim(text, start, end)
        if e <= s:
            continue
        out.append(Draft(h.row["doc_type"], plural, (hs, he), s, e, item=item, heading=heading, count=count or generic,
                         enumerated=enumerated, generic=generic, list_end=list_end,
                         number=_number(counted.group()) if counted else None, refers=refers))
        seen_types.add(out[-1].doc_type)
        if not plural and not out[-1].count:
            last_single[out[-1].doc_type] = out[-1]
    out.extend(_headless_items(doc, text, out))
    out.extend(_elided(doc, text, out))
    out.sort(key=lambda d: d.start)
    return out



def start_is_bare(text: str, hs: int) -> bool:
    """True when a head has no modifier before it ("sets out plans")."""
    return bool(re.search(r"(?:^|\b(?:out|up|its|their|his|her|our|the|new|further|future)\s+)$", text[max(0, hs - 12):hs]))


LIST_END = re.compile(rf",\s+(?:which|that|who|while|{cue('signed_verb')}|the\s+[\w ]{{1,30}}?(?:{cue('source_verb')}))\b"
                      r"|\s+etc\b|\s+(?:were|was|are|is|have|has|had|will)\s+(?:also\s+)?[a-z]+(?:ed|en)\b")


def _list_end(text: str, s: int, hard_end: int) -> int:
    """Where a listed run of subjects ends: before a clause that says something of them (", which
    lay the foundation", ", the ministry said", "were signed as well") or "etc."."""
    m = LIST_END.search(text[s:hard_end])
    return s + m.start() if m else hard_end


def _headless_items(doc: Doc, text: str, found: list[Draft]) -> list[Draft]:
    """List items that name no document under a lead that does ("The following agreements were
    signed:" / "- on cooperation in education;"): each item is one of the lead's documents."""
    lay = doc.layout
    out: list[Draft] = []
    with_head = {d.item for d in found if d.item is not None}
    plural_in: dict[tuple[int, int], list[Draft]] = {}
    for item in lay.list_items:
        if item in with_head:
            continue
        lead = lay.list_lead(item[0])
        if lead is None:
            continue
        if lead not in plural_in:  # once per lead: a long list costs each item a lookup, not a scan
            plural_in[lead] = [d for d in found if lead[0] <= d.head[0] < lead[1] and d.plural]
        heads = plural_in[lead]
        if not heads:
            continue
        s, e = trim(text, item[0], item[1])
        if LEAD_SIDES.search(text, lead[0], lead[1]) and (doc["bodies"].within(s, e) or doc["places"].within(s, e)):
            # "Memoranda were signed between:" / "- the Ministry of A and the Ministry of B;": the item is its sides
            out.append(Draft(heads[-1].doc_type, False, (s, s), s, e, item=item, sides=[(s, e, "between")]))
            continue
        if e - s < 8 or not SUBJECT.match(" " + text[s:e]):
            continue  # an item that is not a subject ("on ...", "between ...") is no document
        out.append(Draft(heads[-1].doc_type, False, (s, s), s, e, item=item))
    return out


LEAD_SIDES = re.compile(r"\b(?:between|among)\s*:\s*$")  # a list's lead that ends "signed between:"
ELIDED = re.compile(rf"(?=[TtAa])\b(?:[Tt]he|[Aa]nother|[Aa])\s+(?P<ord>{cue('ordinal')}|other)(?:\s+one)?\s*(?P<comma>,)\s+"
                    r"(?=(?:on|between|in|for|regarding|concerning|covering|with)\s)")


def _elided(doc: Doc, text: str, found: list[Draft]) -> list[Draft]:
    """Documents counted off without their head ("The first MoU, between A and B, ... The second,
    on maritime transport, was signed by C and D"): each takes the type of the ordinal or counted
    mention before it; the title runs from the ordinal over the subject set off by commas."""
    lay = doc.layout
    out: list[Draft] = []
    for m in ELIDED.finditer(text):
        s = m.start("ord")
        if lay.is_noise(s):
            continue
        before = [d for d in found if d.head[1] <= s and s - d.head[1] < REACH and (d.enumerated or d.count)]
        if not before:
            continue
        sent = lay.sentence_at(s)
        end = complement_end(doc, m.start("comma"), min(sent[1], m.end() + 4 * REACH), False)
        a, e = trim(text, s, end)
        if e > m.end():
            out.append(Draft(before[-1].doc_type, False, (s, m.end("ord")), a, e, enumerated=True))
    return out


def _coordinate(text: str, drafts: list[Draft]) -> list[Draft]:
    """Cut a title where the next document starts; mark nested ones; let "an agreement and a
    memorandum on X" share X."""
    for i, d in enumerate(drafts):
        for j in range(i + 1, len(drafts)):  # not a slice: a copy of the rest per draft is quadratic
            other = drafts[j]
            gap = text[d.head[1]:other.start]
            if re.fullmatch(r"\s*(?:and|or)\s*(?:a|an|the)?\s*", gap) and d.start == d.head[0] and \
                    re.match(r"\s+(?:on|in|regarding|concerning|about)\b", text[other.head[1]:other.end]):
                d.end = max(d.end, other.end)  # "an agreement and a memorandum on ...": a shared subject
                break
            if other.start >= d.end:
                break
            between = text[max(d.start, other.start - 40):other.start]
            if re.search(r"(?:,\s*|\band\s+(?:to\s+)?|\bas\s+well\s+as\s+|\btogether\s+with\s+|\balso\s+in\s+)(?:a|an|the)?\s*$",
                         between) and not re.search(r"(?<!and )\b(?:of|for|on|to)\s+(?:the\s+|a\s+)?$", between):
                cut = re.search(r"\s*(?:,\s*(?:and\s+)?(?:also\s+)?|\s+and\s+(?:to\s+|also\s+in\s+)?|,?\s+as\s+well\s+as\s+|"
                                r",?\s+together\s+with\s+)(?:a|an|the)?\s*$", text[d.start:other.start])
                if cut:
                    d.end = trim(text, d.start, d.start + cut.start())[1]
                break
            if re.search(r"\bon\s+(?:the\s+)?$", text[max(d.start, other.start - 10):other.start]):
                other.count = True  # "MoU on the Economic Innovation Partnership Program": its subject
                continue
            other.nested_in = i
    return drafts
