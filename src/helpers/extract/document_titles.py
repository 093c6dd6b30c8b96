"""Where a document's title begins and ends: the modifiers before its head ("2026-2027
Cooperation Plan", "Exchange of Naval Nuclear Propulsion Information Agreement") and the subject
after it ("on cooperation in the field of tourism", "between A and B for 2026-2028"), up to where
the clause goes on ("..., which runs", "... was signed", "... in Bishkek on March 13")."""
from __future__ import annotations

import re
from functools import lru_cache

from .doc import Doc
from .lexicon import MACROS, alternation_of, cue, words

OPEN_QUOTES = "\"“«„'"
CLOSE_QUOTES = "\"”»“'"
LAST_WORD = re.compile(r"([\w’'-]+)\s+$")
ACRONYM_BEFORE = re.compile(r"(?<=\w\s)\([A-Z][A-Za-z]{1,8}\)\s+$")
POSSESSIVE_END = re.compile(r"[’']s$")
OPENS_QUOTE = re.compile(r"\s*[\"“«](?=[A-Z0-9])")  # a name in quotes, not a quoted clause
CLOSE_QUOTE = re.compile(r"[\"”»]")
# a straight quote closes after a word and opens before one
CLOSING_QUOTE = re.compile(r"[”»]|(?<=\S)\"(?=[\s,.;:)]|$)")
OPENING_QUOTE = re.compile(r"[“«]|(?:^|(?<=\s))\"(?=\w)")
COMMA_NEXT = re.compile(r",\s*(\S+)")
LISTED = re.compile(r"\s*(?:,|(?:\s+(?:and|or))\b|[.;]|$)")  # "..., mining and border crossings": a listed noun
AS_WELL_AS = re.compile(r"(?=[\s,])(?:,?\s+as\s+well\s+as\b|,?\s+together\s+with\b)")
# where and when it was signed, at the end of a clause: not part of a document's name
WHEN_TAIL = re.compile(
    rf"\s+(?:in\s+(?P<place>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)(?=\s+(?:on|during)\s)"
    rf"|on\s+(?:{cue('weekday')}|{MACROS['{MONTH}']}\s+\d{{1,2}}\b|\d{{1,2}}\s+{MACROS['{MONTH}']})"
    rf"|(?:{cue('vague_time')})\b|in\s+(?:19|20)\d\d(?=\s*(?:$|[,.;]))|in\s+(?:early\s+|late\s+|mid-)?{MACROS['{MONTH}']}\b(?!\s+\d{{1,2}}\b)|earlier\s+this\s+(?:year|month|week)|(?:last|this)\s+(?:year|month|week))")
# "... valid for five years", "... runs until 2027": the document's term follows its name
TERM_NEXT = rf"\s+(?:{cue('term_verb')})\s+(?:for|until|till|through|to)\b"
VERB_CUT = re.compile(r"(?=[\s,])(?:\s+(?:was|were|is|are|has\s+been|have\s+been|had\s+been|will|would|shall|had|has|have|could|"
                      r"can|may|might|should|must)\b|\s+(?:entered|enters|came|comes|took|takes)\s+(?:into|effect)\b"
                      r"|\s+(?:in\s+the\s+presence|on\s+the\s+sidelines|on\s+behalf\s+of|during|following\s+the|"
                      rf"after\s+the|at\s+the\s+end|{cue('time_word')}|worth|valued|for\s+signing|"
                      r"to\s+be\s+signed|that\s+(?:will|would|sets?|aims?|seeks?|allows?|provides?))\b"
                      rf"|,?\s+(?:{cue('signed_verb')})\s+(?:in|on|at|earlier|last|back|between|"
                      r"previously|during|today|yesterday|this)\b"
                      rf"|\s+to\s+be\s+(?:{cue('signed_verb')}|prepared|drafted|finali[sz]ed|developed|considered|discussed)\b"
                      r"|\s+(?:which|that)\s+(?!is\b)|\s+and\s+to\s+[a-z]+\b"
                      r"|,?\s+and\s+(?:another|the\s+other)\s+(?:on|for|in|about|concerning)\b|\s+to\s+(?:that|this)\s+effect\b"
                      r"|,?\s+(?:under|by|through|with|from|to|for|in)\s+(?:which|whom)\b"
                      rf"|{TERM_NEXT})")


@lru_cache(maxsize=1)
def _and_verb() -> re.Pattern[str]:
    """" and agreed ...", " and discussed ...": a new clause, so a document's name ends there."""
    return re.compile(rf"\s+and\s+(?:also\s+)?(?:{alternation_of('signals', 'signal', 'clause_verb')})\b")


@lru_cache(maxsize=1)
def _reporting_clause() -> re.Pattern[str]:
    """", the ministry said" / ", the press service reports": a reporting clause after a name."""
    verbs = alternation_of("signals", "signal", "speech") + "|" + alternation_of("signals", "signal", "report")
    return re.compile(rf",\s+(?:the\s+|a\s+|its\s+)?[\w’' ()-]{{1,80}}?\s+(?:{verbs})\b")


def left_start(text: str, head_start: int, floor: int) -> int:
    """Where the title starts: modifiers before the head ("2026-2027 Cooperation Plan", "land
    lease"), up to four words, not determiners, counts, verbs or a possessive side; a head written
    in capitals takes the capitalised words of its name ("Exchange of Naval ... Agreement")."""
    pos = head_start
    n = 0
    stops = words("title_stops")
    capital = text[head_start:head_start + 1].isupper()
    while n < (8 if capital else 4):
        if n == 0 and (acr := ACRONYM_BEFORE.search(text, max(floor, pos - 14), pos)):
            pos = acr.start()  # "Comprehensive Economic Partnership Agreement (CEPA) protocol"
        m = LAST_WORD.search(text, max(floor, pos - 40), pos)
        if not m:
            break
        word = m.group(1)
        low = word.lower()
        if capital and low in ("of", "and", "for") and n and _cap_before(text, m.start(1), floor):
            pos = m.start(1)
            continue
        if low in stops or not any(c.isalnum() for c in word) or low in _head_words() and (n or m.end(1) + 1 != pos):
            break  # "MoU on Development Plan": another document's head ends the modifiers ("sale agreement" is one)
        if capital and n >= 3 and not word[:1].isupper():
            break
        if POSSESSIVE_END.search(word) and (word[:1].isupper() or low.rstrip("’'s") in stops):
            break  # "Kazakhstan's": a possessive side, not part of the name ("meeting's protocol" is)
        if word.isdigit() and len(word) != 4 or low in _units():
            break  # "a $500 million loan agreement": an amount, not the name
        pos = m.start(1)
        n += 1
    return pos


@lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    from .lexicon import cue_words

    return frozenset(w.lower() for w in cue_words("unit"))


@lru_cache(maxsize=1)
def _head_words() -> frozenset[str]:
    from .lexicon import table

    return frozenset(r["pattern"].lower() for r in table("doc_types") if " " not in r["pattern"] and not r["pattern"].startswith("re:"))


def _cap_before(text: str, pos: int, floor: int) -> bool:
    m = LAST_WORD.search(text, max(floor, pos - 40), pos)
    return bool(m) and m.group(1)[:1].isupper() and m.group(1).lower() not in words("title_stops")


INTRO = re.compile(rf"(?:^|[.!?]\s+|\n)\s*(?:{cue('intro_phrase')})\s+[^,.;:\n]*$")
SIDES_IN_BRACKETS = re.compile(r"(?:signed\s+)?(?:by|between)\s")  # "Memorandum on tourism (signed by A and B)"
APPOSED_SIDES = re.compile(r",\s+(?:between|on|regarding|concerning)\s")  # "the first MoU, between A and B, ..."
SIGNED_BY_AFTER = re.compile(r",\s+signed\s+(?:by|between)\s")
TITLE_REACH = 600  # characters a title may run on after its head (the longest seen is under 300)


def complement_end(doc: Doc, start: int, hard_end: int, in_list: bool, plural: bool = False) -> int:
    """Where a document's identifying phrase ends, from the end of its head."""
    text = doc.text
    hard_end = min(hard_end, start + TITLE_REACH)
    seg = text[start:hard_end]
    cut = len(seg)
    if INTRO.search(text, max(0, start - 160), start):  # "In accordance with the Treaty on X, the parties ..."
        comma = seg.find(",")
        if comma > 0:
            seg = seg[:comma]
            cut = len(seg)
    apposed = APPOSED_SIDES.match(seg)
    if apposed:  # "the first memorandum, between A and B, concerns ...": the sides set off by commas
        close = seg.find(",", apposed.end())
        if close > 0 and "." not in seg[:close]:
            if re.match(r",\s+(?:on|in|for|regarding|concerning)\s", seg[close:]):  # "..., on urban transport"
                return complement_end(doc, start + close + 1, hard_end, in_list, plural)
            return start + close
    for br in re.finditer(r"\s\(", seg):
        if doc["bodies"].starting_at(start + br.end()) is not None or SIDES_IN_BRACKETS.match(seg, br.end()):
            seg = seg[:br.start()]  # "Memorandum on tourism (Ministry of Tourism of A – Ministry of B)": its sides
            cut = len(seg)
            break
    m = OPENS_QUOTE.match(seg)
    if m:  # a quoted name right after the head: 'program "New Synergy"'
        close = CLOSE_QUOTE.search(seg[m.end():])
        if close:
            return start + m.end() + close.end()
    for rx in (r";(?!\s+(?:and\s+)?on\s)" if plural else r";", r"\s[-–—]\s", r":"):
        mm = re.search(rx, seg)
        if mm:
            cut = min(cut, mm.start())  # a plural's subjects may go on after ";" ("...; on B; on C")
    mm = CLOSING_QUOTE.search(seg)
    if mm and not OPENING_QUOTE.search(seg, 0, mm.start()):
        cut = min(cut, mm.start())  # the end of a quote the name stands in: '... until 2030," Putin said'
    for mm in WHEN_TAIL.finditer(seg):  # "... state border in Bishkek on March 13"
        cut = min(cut, mm.start())
        break
    mm = VENUE_TAIL.search(seg, 0, cut)
    if mm:
        cut = mm.start()
    for mm in IN_PLACE.finditer(seg, 0, cut):  # "... on green hydrogen in Berlin." under a "Berlin, 4 March" dateline
        p = doc["places"].starting_at(start + mm.end())
        if p is not None and p["alpha3"] and doc.text[p.start:p.end] in _dateline_places(doc) \
                and CLAUSE_END.match(text, p.end):
            cut = min(cut, mm.start())
            break
    if in_list:  # "2. The ministers welcomed the X Agreement and agreed to ...": a list item's clause goes on
        for mm in (_and_verb().search(seg), SIGNED_BY_AFTER.search(seg)):  # (its verbs in lower case: a list
            if mm:  # of fields is capitalised); "- Protocol on X, signed by A and B": its sides
                cut = min(cut, mm.start())
    else:
        for mm in (VERB_CUT.search(seg), _and_verb().search(seg)):
            if mm:
                cut = min(cut, mm.start())
        for mm in COMMA_NEXT.finditer(seg):
            if mm.start() >= cut:
                break
            nxt = mm.group(1).strip("\"“”«»()")
            low = nxt.lower()
            if _comma_in_body(doc, start + mm.start()):
                continue  # "Ministry of Ecology, Geology and Natural Resources"
            if _reporting_clause().match(seg, mm.start()):
                cut = min(cut, mm.start())  # "..., the ministry said"
                break
            if nxt[:1].isupper() and _listing_sides(seg, mm.start()):
                continue  # "MoU among Glagit, Musashi Seimitsu Industry Glafit, and BIDA": its sides, listed
            participle = low.endswith(("ing", "ed")) and len(low) > 4 and not LISTED.match(seg, mm.end())
            if low in words("title_clause_starts") or participle \
                    or nxt[:1].isupper() and not plural and not _state_word(doc, start + mm.end(1) - len(mm.group(1))):
                cut = min(cut, mm.start())
                break
        mm = AS_WELL_AS.search(seg)
        if mm and not plural:
            cut = min(cut, mm.start())
    return start + cut


SIDES_OPEN = re.compile(r"\b(?:between|among)\s+(?P<rest>.*)$", re.S)
SUBJECT_WORD = re.compile(r"\s(?:on|for|in|to|regarding|concerning|aimed|about)\s")


def _listing_sides(seg: str, comma: int) -> bool:
    """True for a comma inside the sides a title lists after "between" / "among", before its subject."""
    m = SIDES_OPEN.search(seg, 0, comma)
    return bool(m) and not SUBJECT_WORD.search(m.group("rest"))


IN_PLACE = re.compile(r"\s+in\s+(?=[A-Z])")
# "... at the Jubilee House", "... at the Kremlin": where it was signed, closing the clause
VENUE_TAIL = re.compile(rf"\s+at\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){{0,4}}(?:{cue('venue')})\b(?=\s*(?:[,.;]|$|\s(?:on|in|during|today|yesterday)\b))")
CLAUSE_END = re.compile(r"\s*(?:[,.;:]|$|\s(?:on|during|today|yesterday|this|last)\b)")


def _dateline_places(doc: Doc) -> frozenset[str]:
    """The places an article's dateline or top lines name: where the reported event happened."""
    if "dateline_places" not in doc.cache:
        lay = doc.layout
        spans = list(lay.meta) + ([lay.lead] if lay.lead else [])
        doc.cache["dateline_places"] = frozenset(
            doc.text[p.start:p.end] for a, b in spans if a < lay.body_start + 200 for p in doc["places"].within(a, b))
    return doc.cache["dateline_places"]


def _comma_in_body(doc: Doc, pos: int) -> bool:
    return any(b.start < pos < b.end for b in doc["bodies"].at(pos))


def _state_word(doc: Doc, pos: int) -> bool:
    p = doc["places"].starting_at(pos)
    return p is not None and p.label in ("name", "official", "demonym")


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """A span without surrounding blanks, punctuation and stray quote marks."""
    while e > s and (text[e - 1].isspace() or text[e - 1] in ".,;:" + CLOSE_QUOTES and not _closes_inner_quote(text, s, e)):
        e -= 1
    while s < e and (text[s].isspace() or text[s] in OPEN_QUOTES or text[s] in "-–—•*·"):
        s += 1
    dangling = re.search(r"\s+(?:and|or|as\s+well\s+as)$", text[s:e])
    if dangling:  # "a trade agreement in 2021-2022 and": a cut before the next clause's verb
        return trim(text, s, s + dangling.start())
    if text[s:e].lower().endswith((" etc", " and others")):
        e = s + text[s:e].lower().rfind(" etc" if text[s:e].lower().endswith(" etc") else " and others")
        return trim(text, s, e)
    return s, e


def _closes_inner_quote(text: str, s: int, e: int) -> bool:
    """True when the last char closes a quote opened inside the span ('program "New Synergy"')."""
    ch = text[e - 1]
    if ch not in "\"”»":
        return False
    inner = text[s:e - 1]
    return inner.count("\"") % 2 == 1 or "“" in inner or "«" in inner
