"""Documents signed, planned or referred to: heads from ``data/reference/doc_types.csv`` found in
dashed, numbered or semicolon lists and in prose, with the whole phrase that identifies each."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .bodies import comma_in_name
from .countries import city_country
from .periods import NUMBER_WORDS
from .reference import alternation, phrases, rows, words
from .structure import MONTHS, Layout

OPEN_QUOTES = "\"“«„'"
CLOSE_QUOTES = "\"”»“'"
COUNT_BEFORE = re.compile(rf"\b(?:\d+|{'|'.join(NUMBER_WORDS)}|several|many|multiple|dozens|a number of|a package of|"
                          r"a series of|a set of|a range of|a large package of|a total of|more than \d+|over \d+)"
                          r"(?:\s+[\w-]+){0,3}[\s\"“«]*$", re.I)
MONTH_NAMES = "|".join(MONTHS + [m[:3] for m in MONTHS] + ["Sept"])
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# where and when it was signed, at the end of a clause: not part of a document's name
WHEN_TAIL = re.compile(
    rf"\s+(?:in\s+(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)(?=\s+(?:on|during)\s)"
    rf"|on\s+(?:{WEEKDAYS}|(?:{MONTH_NAMES})\.?\s+\d{{1,2}}\b|\d{{1,2}}\s+(?:{MONTH_NAMES})\b)"
    rf"|in\s+(?:19|20)\d\d(?=\s*(?:$|[,.;])))")
VERB_CUT = re.compile(r"\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been|will|would|shall|had|has|have)"
                      r"\b|\s+(?:in\s+the\s+presence|on\s+the\s+sidelines|during|following\s+the|after\s+the|"
                      r"at\s+the\s+end|today|yesterday|tomorrow|this\s+(?:year|week|month)|last\s+(?:week|month)|"
                      r"next\s+(?:week|month|year)|later\s+this|worth|for\s+signing|to\s+be\s+signed)\b"
                      r"|,?\s+(?:signed|concluded|adopted|inked|ratified)\s+(?:in|on|at|earlier|last|back|between|"
                      r"previously|during)\b"
                      r"|\s+to\s+be\s+[a-z]+ed\b")
SUBJECT_WORDS = re.compile(r"^\s*(?:(?:of|on|between|for|in|to|with|establishing|regarding|concerning|aimed|about|"
                           r"by|under|within)\b|\(|[\"“«])", re.I)
PLURAL_END = re.compile(r"(?:s|a)$")
HAS_WORD_CHAR = re.compile(r"\w")
POSSESSIVE_END = re.compile(r"[’']s$")
OPENS_QUOTE = re.compile(r"\s*[\"“«]")
CLOSE_QUOTE = re.compile(r"[\"”»]")
# a straight quote closes after a word and opens before one
CLOSING_QUOTE = re.compile(r"[”»]|(?<=\S)\"(?=[\s,.;:)]|$)")
OPENING_QUOTE = re.compile(r"[“«]|(?:^|(?<=\s))\"(?=\w)")
COMMA_NEXT = re.compile(r",\s*(\S+)")
AS_WELL_AS = re.compile(r",?\s+as\s+well\s+as\b|,?\s+together\s+with\b")
TO_VERB = re.compile(r"\s+to\s+\w")
OF_A_MEETING = re.compile(r"\s+of\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}?(?:meeting|session|sitting|talks|negotiations|"
                          r"consultations)\b", re.I)
THE_BEFORE = re.compile(r"\b[Tt]he\s+\Z")
PREP_BEFORE = re.compile(r"\b(?:upon|by|in|on|under|with)\s+$")
INDEFINITE = re.compile(r"\b(?:a|an)\s+$", re.I)
COORDINATED = re.compile(r"\s+(?:and|or)\s+(?:a|an|the)\s+")
LAST_WORD = re.compile(r"([\w’'-]+)\s+$")


@dataclass
class Document:
    """A document of an article: its head noun, type, status, title span and its parts."""

    doc_type: str
    status: str
    start: int
    end: int
    head_start: int
    head_end: int
    title: str
    plural: bool = False
    nested_in: int | None = None
    list_item: bool = False
    sides_only: bool = False  # a split-off part that names only sides ("... as well as A and B")
    with_side: bool = False  # one of "two memoranda - one with A and another with B"
    pair: int = 0  # which "between ..." of "signed between A, as well as between B" it is
    later: list[tuple[int, int]] = field(default_factory=list)  # clauses after "the MoU" referring back


@lru_cache(maxsize=1)
def _heads() -> tuple[re.Pattern[str], dict[str, tuple[str, bool]]]:
    table = {}
    for r in rows("doc_types"):
        table[r["phrase"].lower()] = (r["doc_type"], r["cased"] == "yes")
    alt = alternation(list(table))
    # matched on lower-cased text (fast); the case of the original decides "cased" heads
    return re.compile(rf"(?<![\w-])(?=\w)(?:{alt})(?![\w-])"), table


@lru_cache(maxsize=1)
def cue_pattern() -> re.Pattern[str]:
    """One pattern of the status cues of signals.csv (planned, existing, signed), matched on
    lower-cased text; the group that matched names the signal."""
    parts = []
    for signal in ("planned", "existing", "signed"):
        # "signed in YEAR": the placeholder outlives lower-casing and escaping as 9999
        alt = alternation([p.replace("YEAR", "9999").lower() for p in phrases("signals", signal)])
        alt = alt.replace("9999", r"(?:19|20)\d\d")
        parts.append(f"(?P<{signal}>{alt})")
    return re.compile(r"(?<![\w-])(?=\w)(?:" + "|".join(parts) + r")(?![\w-])")


@lru_cache(maxsize=1)
def _and_verb() -> re.Pattern[str]:
    """" and agreed ...", " and discussed ...": a new clause, so a document's name ends there."""
    verbs = alternation(phrases("signals", "clause_verb"))
    return re.compile(rf"\s+and\s+(?:also\s+)?(?:{verbs})\b")


def _left_start(text: str, head_start: int, floor: int) -> int:
    """Where the title starts: modifiers before the head ("2026-2027 Cooperation Plan",
    "additional cooperation agreement"), up to four words, not determiners or verbs."""
    pos = head_start
    n = 0
    while n < 4:
        lo = max(floor, pos - 40)
        m = LAST_WORD.search(text, lo, pos)
        if not m:
            break
        word = m.group(1)
        if not HAS_WORD_CHAR.search(word) or word.lower() in words("title_stops"):
            break
        if POSSESSIVE_END.search(word) and (word[:1].isupper() or word.lower().rstrip("’'s") in words("title_stops")):
            break  # "Kazakhstan's": a possessive party, not part of the name ("meeting's protocol" is)
        if word.isdigit() and len(word) != 4:
            break
        pos = m.start(1)
        n += 1
    return pos


def _complement_end(text: str, start: int, hard_end: int, in_list: bool, plural: bool = False) -> int:
    """Where a document's identifying phrase ends, from the end of its head."""
    seg = text[start:hard_end]
    cut = len(seg)
    m = OPENS_QUOTE.match(seg)
    if m:  # a quoted name right after the head: 'program "New Synergy"'
        close = CLOSE_QUOTE.search(seg[m.end():])
        if close:
            return start + m.end() + close.end()
    for rx in (r";", r"\s[-–—]\s", r":"):
        mm = re.search(rx, seg)
        if mm:
            cut = min(cut, mm.start())
    mm = CLOSING_QUOTE.search(seg)
    if mm and not OPENING_QUOTE.search(seg, 0, mm.start()):
        cut = min(cut, mm.start())  # the end of a quote the name stands in: '... until 2030," Putin said'

    for mm in WHEN_TAIL.finditer(seg):  # "... state border in Bishkek on March 13"
        place = mm.group("place")
        if place is None or city_country(place):
            cut = min(cut, mm.start())
            break
    if not in_list:
        for mm in (VERB_CUT.search(seg), _and_verb().search(seg)):
            if mm:
                cut = min(cut, mm.start())
        for mm in COMMA_NEXT.finditer(seg):
            if mm.start() >= cut:
                break
            nxt = mm.group(1).strip("\"“”«»()")
            low = nxt.lower()
            if comma_in_name(text, start + mm.start()):
                continue  # "Ministry of Ecology, Geology and Natural Resources"
            if _reporting_clause().match(seg, mm.start()):
                cut = min(cut, mm.start())  # "..., the ministry said"
                break
            if (low in words("title_clause_starts") or low.endswith(("ing", "ed")) and len(low) > 4
                    or nxt[:1].isupper() and not _country_word(nxt)):
                cut = min(cut, mm.start())
                break
        mm = AS_WELL_AS.search(seg)
        if mm and not plural:
            cut = min(cut, mm.start())
    return start + cut


@lru_cache(maxsize=1)
def _reporting_clause() -> re.Pattern[str]:
    """", the ministry said" / ", the press service reports": a reporting clause after a name."""
    verbs = alternation(phrases("signals", "speech") + phrases("signals", "report"))
    return re.compile(rf",\s+(?:the\s+|a\s+|its\s+)?[\w’' -]{{1,40}}?\s+(?:{verbs})\b")


def _country_word(word: str) -> bool:
    from .countries import lookup
    return lookup(word.rstrip(",.")) is not None


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """A span without surrounding blanks, punctuation and stray quote marks."""
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:" + CLOSE_QUOTES and not _closes_inner_quote(text, s, e)):
        e -= 1
    while s < e and (text[s].isspace() or text[s] in OPEN_QUOTES or text[s] in "-–—•*·"):
        s += 1
    if text[s:e].lower().endswith(" etc"):
        e -= 4
        return _trim(text, s, e)
    return s, e


def _closes_inner_quote(text: str, s: int, e: int) -> bool:
    """True when the last char closes a quote opened inside the span ('program "New Synergy"')."""
    ch = text[e - 1]
    if ch not in "\"”»":
        return False
    inner = text[s:e - 1]
    return inner.count("\"") % 2 == 1 or "“" in inner or "«" in inner


def find_documents(text: str, layout: Layout) -> list[Document]:
    """Every document the body identifies by name, subject or parties, in order of appearance."""
    pat, table = _heads()
    raw: list[Document] = []
    anaphors: list[tuple[str, int, int]] = []
    low = text.lower()
    matches = pat.finditer(low) if len(low) == len(text) else re.compile(pat.pattern, re.I).finditer(text)
    for m in matches:
        hs, he = m.start(), m.end()
        if layout.is_noise(hs):
            continue
        word = text[hs:he]
        doc_type, cased = table[word.lower()]
        if cased and not word[:1].isupper() and not (OF_A_MEETING.match(text, he) and THE_BEFORE.search(text, max(0, hs - 8), hs)):
            continue  # "minutes" is a document only as "the minutes of the 8th meeting"
        plural = _plural_head(word)
        item = layout.in_list_item(hs)
        line_end = layout.paragraph_at(hs)[1]
        sent = layout.sentence_at(hs)
        floor = item[0] if item else sent[0]
        after = text[he:line_end]
        before = text[max(floor, hs - 60):hs]
        # "plans to increase", "agreements reached earlier", "upon agreement": not documents
        if word.lower() in ("plan", "plans", "program", "programs", "programme") and TO_VERB.match(after):
            continue
        if re.match(r"\s+(?:(?:that|which)\b[^.;]{0,60}?|(?:was|were|has\s+been|have\s+been|had\s+been)\s+)?"
                    r"(?:reached|achieved)\b", after) or re.search(r"\b(?:reached|achieved)\s+(?:an?\s+)?$", before):
            continue  # "agreements reached earlier", "reached an agreement": consensus, not a document
        if PREP_BEFORE.search(before) and not word[:1].isupper():
            continue
        if plural and COUNT_BEFORE.search(before) and word.lower() != "documents":
            # "two memoranda - one with A (...) and another with B (...)": each is named by its side
            raw.extend(_one_and_another(text, hs, he, doc_type, min(line_end, max(sent[1], hs + 1))))
            continue
        if word.lower() == "documents":
            # "documents aimed at X, on Y, on Z": subjects listed one by one
            if not re.match(r"\s+(?:aimed\s+at|on)\b[^.;]*,\s+on\b", after):
                continue
        has_subject = bool(SUBJECT_WORDS.match(after))
        start = _left_start(text, hs, floor)
        quoted = start > 0 and text[start - 1] in OPEN_QUOTES
        if plural and not has_subject and start == hs:
            continue
        if (start == hs and not has_subject and not item and THE_BEFORE.search(before)
                and any(r.doc_type == doc_type for r in raw)):
            anaphors.append((doc_type, he, sent[1]))
            continue  # "The MoU will remain in force ...": the one named before
        indefinite = bool(INDEFINITE.search(before))
        coordinated = bool(COORDINATED.match(after))
        if not (has_subject or start < hs or word[:1].isupper() or item or indefinite or coordinated):
            continue  # "the agreement": an anaphor, not a new document
        hard_end = min(item[1] if item else line_end, max(sent[1], hs + 1))
        if quoted:
            close = CLOSE_QUOTE.search(text[he:hard_end])
            end = he + close.start() if close else hard_end
        else:
            end = _complement_end(text, he, hard_end, bool(item), plural)
        s, e = _trim(text, start, end)
        if e <= s:
            continue
        raw.append(Document(doc_type, "", s, e, hs, he, text[s:e], plural=plural, list_item=bool(item)))
    raw = sorted(raw + _headless_items(text, layout, raw), key=lambda d: d.start)
    raw = _one_per_pair(text, layout, raw)
    docs = _coordinate(text, raw)
    docs = _split_plural_lists(text, docs)
    for d in docs:
        d.status = _status(text, layout, d, docs)
    docs = _dedupe(docs)
    # clauses that say how long a document runs: after its own name when it opens the sentence
    # ("The agreement on trade, signed last year, remains valid until 2030"), or after "the MoU"
    # referring back to it
    for d in docs:
        s, e = layout.sentence_at(d.start)
        if not d.list_item and re.fullmatch(r"\s*(?:[Tt]he\s+)?", text[s:d.start]) and _validity().search(text, d.end, e):
            d.later.append((d.end, e))
    for doc_type, he, sent_end in anaphors:
        earlier = [d for d in docs if d.doc_type == doc_type and d.end <= he]
        if earlier and _validity().search(text, he, sent_end):
            earlier[-1].later.append((he, sent_end))
    return docs


@lru_cache(maxsize=1)
def _validity() -> re.Pattern[str]:
    """Words of a clause that says how long a document runs (signals.csv, validity)."""
    return re.compile(rf"\b(?:{alternation(phrases('signals', 'validity'))})\b", re.I)


ONE_AND_ANOTHER = re.compile(r"\s*[-–—:,]?\s*one\s+(?P<one>(?:with|on|in|for)\b.+?)\s*,?\s+and\s+"
                             r"(?P<other>(?:another|the\s+other)\s+(?:with|on|in|for)\b.+?)\s*[.;]?$")


def _one_and_another(text: str, hs: int, he: int, doc_type: str, end: int) -> list[Document]:
    """The two documents of "two memoranda - one with A (...) and another with B (...)"."""
    m = ONE_AND_ANOTHER.match(text, he, end)
    if not m:
        return []
    first = _trim(text, hs, m.end("one"))
    second = _trim(text, m.start("other"), m.end("other"))
    return [Document(doc_type, "", s, e, hs if s == hs else s, he if s == hs else s, text[s:e], with_side=True)
            for s, e in (first, second) if e > s]


PAIRS = re.compile(r"^\s+(?:were|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:signed|concluded)\s+between\b"
                   r"[^.;]*?\bas\s+well\s+as\s+between\b")


def _one_per_pair(text: str, layout: Layout, docs: list[Document]) -> list[Document]:
    """"Agreements were signed between A, as well as between B": one document per pair."""
    out: list[Document] = []
    for d in docs:
        out.append(d)
        if d.plural and not d.list_item:
            sent_end = layout.sentence_at(d.start)[1]
            if PAIRS.match(text[d.end:sent_end]):
                twin = Document(d.doc_type, "", d.start, d.end, d.head_start, d.head_end, d.title,
                                plural=True, pair=1)
                out.append(twin)
    return out


def _plural_head(word: str) -> bool:
    """A plural head ("agreements", "memoranda of understanding"); "minutes" is one document."""
    first = word.lower().split(" of ")[0]
    return first != "minutes" and bool(PLURAL_END.search(first))


def _headless_items(text: str, layout: Layout, found: list[Document]) -> list[Document]:
    """List items that name no document under a lead that does ("The following agreements were
    signed:" / "- on cooperation in education;"): each item is one of the lead's documents."""
    pat, table = _heads()
    out: list[Document] = []
    with_head = {layout.in_list_item(d.start) for d in found if d.list_item}
    for item in layout.list_items:
        if item in with_head:
            continue
        lead = layout.list_lead(item[0])
        if lead is None:
            continue
        heads = [m for m in pat.finditer(text[lead[0]:lead[1]].lower()) if _plural_head(m.group())]
        if not heads:
            continue
        s, e = _trim(text, item[0], item[1])
        if e - s < 8 or not SUBJECT_WORDS.match(" " + text[s:e]):
            continue  # an item that is not a subject ("on ...", "between ...") is no document
        doc_type = table[heads[-1].group()][0]
        out.append(Document(doc_type, "", s, e, s, s, text[s:e], list_item=True))
    return out


def _coordinate(text: str, docs: list[Document]) -> list[Document]:
    """Cut a title where the next document starts; mark nested ones; let "an agreement and a
    memorandum on X" share X."""
    for i, d in enumerate(docs):
        for other in docs[i + 1:]:
            if other.start >= d.end:
                break
            if other.pair != d.pair:
                continue  # one head read once per pair of sides
            gap = text[d.head_end:other.start]
            between = text[max(d.start, other.start - 40):other.start]
            if re.fullmatch(r"\s*(?:and|or)\s*(?:a|an|the)?\s*", gap) and \
                    re.match(r"\s+(?:on|in|regarding|concerning|about)\b", text[other.head_end:other.end]):
                # "an agreement and a memorandum on ...": the first shares the second's subject
                d.end = max(d.end, other.end)
                d.title = text[d.start:d.end]
                other.nested_in = None
                break
            if re.search(r"(?:,\s*|\band\s+|\bas\s+well\s+as\s+|\btogether\s+with\s+|\bwith\s+)(?:a|an|the)?\s*$", between) \
                    and not re.search(r"\b(?:of|for|on|to)\s+(?:the\s+|a\s+)?$", between):
                cut = re.search(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|,?\s+as\s+well\s+as\s+|,?\s+together\s+with\s+)(?:a|an|the)?\s*$",
                                text[d.start:other.start])
                if cut:
                    s, e = _trim(text, d.start, d.start + cut.start())
                    d.end, d.title = e, text[d.start:e]
                break
            other.nested_in = i
    return docs


def _split_plural_lists(text: str, docs: list[Document]) -> list[Document]:
    """"agreements on A, B, and C" -> one document per subject ("documents ... on X, on Y")."""
    out: list[Document] = []
    for d in docs:
        if not d.plural or d.list_item or d.nested_in is not None:
            out.append(d)
            continue
        body = text[d.head_end:d.end]
        if text[d.head_start:d.head_end].lower() == "documents":
            parts = re.split(r",\s+(?=on\b)", body)
        else:
            parts = re.split(r",\s+(?:and\s+)?|\s+as\s+well\s+as\s+", body)
        if len(parts) < 2 or not re.match(r"\s*(?:on|aimed|establishing|for|regarding|between)\b", body):
            out.append(d)
            continue
        pos = d.head_end
        for k, part in enumerate(parts):
            ps = text.index(part, pos)
            pe = ps + len(part)
            pos = pe
            s = d.start if k == 0 else ps
            s, e = _trim(text, s, pe)
            if k and text[s:e].lower().startswith("the "):
                s += 4
            if e <= s:
                continue
            part_doc = Document(d.doc_type, "", s, e, d.head_start if k == 0 else s, d.head_end if k == 0 else s,
                                text[s:e], plural=True, list_item=False)
            # "agreements establishing relations between A and B as well as C and D"
            part_doc.sides_only = bool(k and "between" in parts[0] and re.fullmatch(r"[A-Z][^,;]*\sand\s[A-Z][^,;]*", text[s:e]))
            out.append(part_doc)
    return out


def _status(text: str, layout: Layout, d: Document, docs: list[Document]) -> str:
    """signed / planned / existing from the verbs and tense around the document."""
    before = text[max(0, d.start - 40):d.start]
    if re.match(r"(?:draft|proposed|future|new\s+draft)\b", d.title, re.I):
        return "planned"
    if d.nested_in is not None:
        return "planned" if re.search(r"\bsigning\s+of\s+(?:the\s+)?$", before) else "existing"
    if re.search(r"\b(?:anniversary\s+of\s+the\s+signing\s+of|implementation\s+of|in\s+accordance\s+with|"
                 r"provisions\s+of|framework\s+of)\s+(?:the\s+)?$", before):
        return "existing"
    if d.list_item:
        # a list item takes the tense of the line that opens the list
        item = layout.in_list_item(d.start)
        span = layout.list_lead(item[0]) if item else None
        lead = text[span[0]:span[1]].lower() if span else ""
        found = {m.lastgroup for m in cue_pattern().finditer(lead)}
        return "planned" if "planned" in found else "existing" if "existing" in found else "signed"
    s, e = layout.sentence_at(d.start)
    if re.match(r"\s*(?:(?:At|In|During)\s+that\s+(?:meeting|time|session)|Then\b|(?:Earlier|Previously|"
                r"In\s+(?:19|20)\d\d|Back\s+in\s+(?:19|20)\d\d)\s*,)", text[s:e]):
        return "existing"  # a sentence that opens in the past
    # the cue nearest the document decides ("signed a memorandum ... and agreed to prepare a roadmap");
    # cues inside any document's own title don't count
    titles = [(o.start, o.end) for o in docs if s <= o.start and o.end <= e]
    best: tuple[int, int, str] | None = None
    rank = {"planned": 0, "existing": 1, "signed": 2}
    for m in cue_pattern().finditer(text[s:e].lower()):
        cs, ce = s + m.start(), s + m.end()
        if any(a <= cs < b for a, b in titles):
            continue
        distance = d.start - ce if ce <= d.start else max(0, cs - d.end)
        key = (distance, rank[m.lastgroup], m.lastgroup)
        if best is None or key < best:
            best = key
    # a document named in a sentence with no verb of signing is referred to, not signed now
    return best[2] if best else "existing"


def _words(s: str) -> set[str]:
    s = re.sub(r"[^\w\s-]", " ", s.lower())
    return {w.rstrip("s") for w in s.split()} - {"the", "of", "and", "on", "in", "between", "a", "for", "an"}


def _similar(a: str, b: str) -> float:
    x, y = _words(a), _words(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _dedupe(docs: list[Document]) -> list[Document]:
    """One row per document: a repeat (or a planned mention of one signed later) joins the first."""
    out: list[Document] = []
    for d in docs:
        for o in out:
            if o.doc_type != d.doc_type or o.nested_in is not None or d.nested_in is not None or o.pair != d.pair:
                continue
            a, b = _norm(o.title), _norm(d.title)
            same = a == b or (len(a) > 20 and len(b) > 20 and (a in b or b in a))
            if same or (o.status != d.status and "planned" in (o.status, d.status) and _similar(o.title, d.title) >= 0.45):
                if d.status == "signed" or len(d.title) > len(o.title) and o.status == d.status:
                    o.start, o.end, o.title, o.head_start, o.head_end = d.start, d.end, d.title, d.head_start, d.head_end
                    o.list_item = d.list_item
                if "signed" in (o.status, d.status):
                    o.status = "signed"
                break
        else:
            out.append(d)
    return out


PUNCT = re.compile(r"[^\w\s]")


def _norm(s: str) -> str:
    return " ".join(PUNCT.sub(" ", s.lower()).split())
