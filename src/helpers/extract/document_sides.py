"""The phrases that name a document's sides, from the clause around it: "between A and B",
"A and B signed ...", "... was signed by A", "... with B", "signed on behalf of A by X", a list
item's "(A – B)"; the parties component splits and classes them."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .doc import Doc
from .document_clauses import clause_of
from .document_groups import ONE_AND_ANOTHER
from .layout import ends_in_abbreviation
from .lexicon import alternation_of, cue, words

if TYPE_CHECKING:
    from .documents import Draft


BETWEEN = re.compile(r"\b(?:between|among)\s+")
# where the sides end: a preposition that starts the subject ("on", "for 2026-2028"; not the "for"
# of "State Agency for Civil Service"), a comma before lower-case words, a dash, a stop
BETWEEN_END = re.compile(r"\s+(?:on|for|to|in)\s+(?![A-Z])|\s+(?:regarding|concerning|aimed|about|within|during|at|under|"
                         r"by|as\s+well\s+as|was|were|has|have|will|is|are|which|that|who)\b|,\s+(?!(?:and\s+)?(?:the\s+)?[A-Z])|"
                         r"\s+[-–—]\s+(?![A-Z][\w-]+\s+and\s)|[;:.]|\s+(?:this|last|next)\s+|\s+(?:on|in)\s+(?:the\s+)?"
                         rf"(?:{cue('field')})s?\b")
PARTICIPATION = re.compile(r"\bwith\s+the\s+participation\s+of\s+(?:the\s+)?")
# the same, and a preposition before a capitalised subject ("... and Moldova for Moldova's European Integration",
# "... and Bank Negara Malaysia on Cooperation in the Area of ..."), where no body's name holds it
# (the lookahead lets the engine try the alternatives only where one can start)
SIDES_END = re.compile(r"(?=[\s,;:.])(?:" + BETWEEN_END.pattern + r"|\s+(?:on|for|to)\s+(?=[A-Z]))")
ABBREVIATION = re.compile(r"\s\([A-Z][A-Za-z0-9&.-]{1,12}\)")
WORTH_THEN = re.compile(r"\s+(?:worth|valued\s+at)\s+(?:[^,;.()]|(?<=\d)[.,](?=\d))*?\s(?=(?:between|with)\s)")
# "..., signed by", "(MoUs) spanning several sectors have been signed by": an aside, an abbreviation
# or a few lower-case words may stand between a document and its passive verb
PASSIVE_BY = re.compile(r"\s*(?:,\s*(?=(?:was|were|has|have|had)\s)|,[^,]{0,40},\s*)?(?:\([A-Za-z]{1,12}\)\s*)?(?:(?!(?:that|which|who)\b)[a-z][\w-]*\s+){0,3}?"
                        r"(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?"
                        rf"(?:{cue('signed_verb')})\s+(?:[\w\s]{{0,30}}?\s)?(?P<prep>by|between|with)\s+")
# "Under the agreement signed by Samruk-Kazyna and Mubadala, ...": the participle right after the title
# ("A memorandum, signed between A and B, provides for ...": set off by commas)
PARTICIPLE_BY = re.compile(rf"\s+(?:{cue('signed_verb')})\s+(?P<prep>by)\s+(?=(?:the\s+)?[A-Z])|,\s+(?:{cue('signed_verb')})\s+(?P<between>between)\s+")


@lru_cache(maxsize=1)
def _with_partner() -> re.Pattern[str]:
    """"with the Government of Tajikistan", "with the Chinese company Sinopharm" (a demonym, a kind
    of body of ``body_kinds_common.txt``, a name), "with China's CMG", "with its Chinese counterpart
    China Railway"."""
    from .lexicon import words

    kinds = "|".join(sorted(words("body_kinds_common"), key=len, reverse=True))
    return re.compile(rf"\bwith\s+(?:the\s+|(?:its|their)\s+(?:[A-Z][\w-]*\s+)?counterparts?,?\s+)?"
                      rf"(?P<w>(?:[A-Z][\w’'-]*[’']s\s+)?[A-Z][\w’'.-]*(?:\s+(?:[A-Z][\w’'.-]*|"
                      rf"(?:of|for)(?:\s+the)?(?=\s+[A-Z])|and(?=\s+[A-Z])|"
                      rf"\([A-Z]+\)|(?:{kinds})(?=\s+[A-Z])))*)")
TO_BUYER = re.compile(rf"\b(?:{cue('sale')})\b[^.;]{{0,80}}?\bto\s+(?P<w>(?:[A-Z][\w’'-]*[’']s\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)")
SELLER = re.compile(rf"\b(?:which|whereby|that)\s+(?P<w>[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){{0,4}})\s+(?:will\s+|would\s+|is\s+to\s+)?"
                    rf"(?:{cue('sale')})\b")
APPOSED = re.compile(r"\s*(?P<name>[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,4}),\s+(?:the|a|an)\s+[^,]{2,80},\s*$")
TOGETHER_WITH = re.compile(r"\s*(?P<name>(?:[Tt]he\s+)?[A-Z][^,]{1,120}?),\s+(?:together|along|jointly)\s+with\s+"
                           r"(?P<other>(?:the\s+)?[A-Z][^,]{1,120}?),\s*$")
BEHALF = re.compile(r"\bon\s+behalf\s+of\s+(?:the\s+)?")
BEHALF_FIRST = re.compile(rf"\s*(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:{cue('signed_verb')})\s+on\s+behalf\s+of\b")
BY_WORD = re.compile(r"\s+by\s+")
AND_BY = re.compile(r",?\s+and\s+(?:by\b|on\s+behalf\b)")


SIGNATORIES_LINE = re.compile(rf"\s*(?i:{cue('signatories_label')})\s*:\s*(?P<names>[^\n]+)")


def _signatories_line(doc: Doc, d: Draft) -> tuple[int, int] | None:
    """The names of a line right under the document's line that lists its signatories."""
    text = doc.text
    line_end = doc.layout.paragraph_at(d.start)[1]  # (not a search to the text's end: a run-on text is long)
    if line_end >= len(text) or text[line_end:line_end + 1] != "\n" or text[d.end:line_end].strip(" .;,"):
        return None  # the title does not end its line
    m = SIGNATORIES_LINE.match(text, line_end)
    return (m.start("names"), m.end("names")) if m else None


SIGNATORY_COLUMN = re.compile(rf"(?i)\b(?:{cue('signatory_column')})\b")


def _signatory_cells(doc: Doc, d: Draft) -> list[tuple[int, int]]:
    """The cells of the document's table row whose column's header names signatories ("| MoU on
    tourism | Ministry of Tourism of India | Deputy Ministry of Tourism of Cyprus |")."""
    lay, text = doc.layout, doc.text
    if not lay.columns:
        return []
    own = lay.paragraph_at(d.start)
    if own not in lay.columns:
        return []
    row_start, row_end = text.rfind("\n", 0, d.start) + 1, text.find("\n", d.end)
    row_end = len(text) if row_end < 0 else row_end
    out = []
    for cell in lay.paragraphs_in(row_start, row_end):  # the row's cells (not every cell of the table)
        head = lay.columns.get(cell)
        if cell != own and head is not None and SIGNATORY_COLUMN.search(text, *head) \
                and not doc["offices"].within(*cell) and not doc["people"].within(*cell):
            out.append(cell)  # (a cell that names who signs, "Ambassador of India to Indonesia", names no side)
    return out


def _before_next_by(text: str, s: int, e: int) -> int:
    """Where the next signatory's clause (", and by Y", "and on behalf of") begins, else ``e``."""
    m = AND_BY.search(text, s, e)
    return m.start() if m else e
SUBJECT = re.compile(r"(?:^|,\s+(?:(?:while|whereas|and|as|when)\s+)?|\bthat\s+|\s[–—-]{1,2}\s+|:\s+)"
                     r"((?:the\s+|The\s+)?(?:[A-Z]|(?:[a-z]+\s+){1,2}(?:of|from)\s+(?:the\s+)?[A-Z])[^,]*?"
                     rf"|(?:the\s+|The\s+)?(?:two|both)\s+(?:{cue('unnamed_pair')}))\s*$")
BULLET = re.compile(r"[\s•·▪●◦∙‣*–—-]*")
OPENING = re.compile(rf"(?:(?:{cue('opening')})\b[^,]*,\s*)+")


@lru_cache(maxsize=1)
def _sign_verb() -> re.Pattern[str]:
    return re.compile(r"\b(?:have\s+|has\s+|had\s+|will\s+)?(?:also\s+|both\s+|jointly\s+|recently\s+)?"
                      rf"(?:{cue('signed_verb')}|entered\s+into|put\s+their\s+signatures\s+to|sign)\b", re.I)


def attach_sides(doc: Doc, drafts: list[Draft]) -> None:
    """The phrases that name each document's sides, as (start, end, how)."""
    text, lay = doc.text, doc.layout
    for d in drafts:
        _sides_of(doc, d, text, lay)
        if d.sides:
            continue
        if (line := _signatories_line(doc, d)) is not None:
            d.sides.append((*line, "between"))  # "Memorandum on X" / "Signatories: Ministry of A; Ministry of B"
        elif cells := _signatory_cells(doc, d):
            d.sides.extend((a, b, "between") for a, b in cells)  # a table's row: the cells of its signatories' columns


def _sides_of(doc: Doc, d: Draft, text: str, lay) -> None:
    """The phrases of the document's own sentence that name its sides."""
    if d.sides:
        if all(h == "with" for _, _, h in d.sides) and d.group is not None:
            s, _ = lay.sentence_at(d.group.head[0])
            subject = _subject(doc, d.group, s)  # "X entered into two memoranda - one with A"
            if subject:
                d.sides.insert(0, subject)
        return  # named when the document was read ("one with A", "... as well as C and D")
    if lay.in_headline(d.start):
        return  # "Kyrgyzstan, Tajikistan sign border treaty": a headline names no sides (TABLES.md)
    title = text[d.start:d.end]
    pm = PARTICIPATION.search(title)
    if pm:  # "an agreement on ... with the participation of A, B and C"
        d.sides.append((d.start + pm.end(), d.end, "participation"))
        return
    if d.pair:  # the n-th "between" after the document
        s, e = clause_of(doc, d)
        at = d.end
        for _ in range(d.pair + 1):
            bm2 = BETWEEN.search(text, at, e)
            if not bm2:
                break
            at = bm2.end()
        else:
            d.sides.append((*_between_span(doc, at, e), "between"))
        return
    bm = BETWEEN.search(title) if not d.split else None  # the sides inside one listed subject are its own
    if bm and re.search(r"\b(?:Meeting|meeting|Council|Commission|session|Session)\b", title[:bm.start()]):
        bm = None  # "Minutes of the Meeting of the Council ... between A and B": the council's sides
    if bm:
        span_ = _between_span(doc, d.start + bm.end(), d.end)
        if _only_cities(doc, *span_) and d.item is None and d.nested_in is None:
            cs, _ = clause_of(doc, d)  # "a codeshare agreement on flights between Almaty and Istanbul": where,
            subject = _subject(doc, d, cs)  # the clause's subject ("Air Astana and Turkish Airlines") signs
            if subject and not _only_cities(doc, subject[0], subject[1]) and _names_organisation(doc, *subject[:2]):
                d.sides.append(subject)
                return
        d.sides.append((*span_, "between"))
        return
    if d.item is not None and d.nested_in is None and (im := ITEM_SIDES.match(text, d.end, d.item[1])):
        g = "paren" if im.group("paren") else "after"  # "- Memorandum on tourism (A – B);", "- Protocol on X: A and B"
        d.sides.append((im.start(g), im.end(g), "between"))
        return
    if d.nested_in is not None or d.item is not None and not _clause_item(doc, d):
        return
    s, e = clause_of(doc, d)
    if d.item is not None:
        s, e = max(s, d.item[0]), min(e, d.item[1])
    after = text[d.end:e]
    worth = WORTH_THEN.match(text, d.end, e)
    at = worth.end() if worth else None
    if at is not None and (bw := BETWEEN.match(text, at)):
        d.sides.append((*_between_span(doc, bw.end(), e), "between"))
        return
    if BEHALF_FIRST.match(after):  # "was signed on behalf of A by X and on behalf of B by Y"
        for m in BEHALF.finditer(text, d.end, e):
            stop = _before_next_by(text, m.end(), e)
            by = BY_WORD.search(text, m.end(), stop)
            side_end = _phrase_end(doc, m.end(), by.start() if by else stop)
            if side_end > m.end():
                d.sides.append((m.end(), side_end, "behalf"))
        return
    pm = PASSIVE_BY.match(after)
    if pm is None and (pb := PARTICIPLE_BY.match(after)) and not doc["people"].within(
            d.end + pb.end(), _phrase_end(doc, d.end + pb.end(), e)):
        pm = pb  # "the agreement signed by Samruk-Kazyna and Mubadala" (signed by people: the clause's subject signs)
    if pm:
        bs = d.end + pm.end()
        if pm.group("prep") == "between" or pm.re is PARTICIPLE_BY and pm.group("between"):
            d.sides.append((*_between_span(doc, bs, e), "between"))
            return
        # "signed on behalf of A by X and on behalf of B by Y": the sides may come before the "by"
        behalf = [(m.end(), _phrase_end(doc, m.end(), _before_next_by(text, m.end(), e)))
                  for m in BEHALF.finditer(text, d.end, e)]
        if pm.group("prep") == "by" and behalf:  # "signed by X on behalf of the Government of A and by Y ..."
            d.sides.extend((a, b, "behalf") for a, b in behalf if b > a)
            return
        be = _phrase_end(doc, bs, e)
        how = "by" if pm.group("prep") == "by" else "with"
        asides = list(REPRESENTED.finditer(text, bs, be))
        if asides:  # "signed by the Ministry of A, represented by its X, and the B, represented by Y"
            at = bs
            for r in asides + [None]:
                stop = r.start() if r is not None else be
                lead = re.match(r"[\s,]*(?:and\s+)?", text[at:stop])
                if stop > at + lead.end():
                    d.sides.append((at + lead.end(), stop, how))
                at = r.end() if r is not None else be
            return
        d.sides.append((bs, be, how))
        return
    one = ONE_AND_ANOTHER.match(text, d.head[1], e)
    subject = _subject(doc, d, s)
    if subject:
        d.sides.append(subject)
    wm = _with_partner().search(title)
    if wm and not one:
        d.sides.append(_with_span(doc, d.start + wm.start("w"), d.start + wm.end("w")))
    elif at is not None and (wm := _with_partner().match(text, at)):
        d.sides.append(_with_span(doc, wm.start("w"), wm.end("w")))
    elif subject and (wb := _with_before().search(text, max(s, d.start - 120), d.start)):
        d.sides.append((wb.start("w"), wb.end("w"), "with"))  # "Kazakhstan signed with Russia an agreement"
    tb = TO_BUYER.search(text, d.start, e) if d.doc_type == "contract" else None
    if tb:
        seller = SELLER.search(text, d.end, tb.start("w")) if not subject else None
        if seller:  # "a deal under which Boeing will supply 20 aircraft to Vietnam Airlines"
            d.sides.append((seller.start("w"), seller.end("w"), "with"))
        d.sides.append((tb.start("w"), _phrase_end(doc, tb.start("w"), e), "with"))


@lru_cache(maxsize=1)
def _with_before() -> re.Pattern[str]:
    """"signed with Russia an agreement": the partner between the verb and the document."""
    return re.compile(rf"\b(?:{cue('signed_verb')})\s+with\s+(?:the\s+)?(?P<w>[A-Z][\w’'.&-]*(?:\s+(?:[A-Z][\w’'.&-]*|of|and))*?)"
                      r"\s+(?:an?|the|two|three|four|five|several|\d+)?\s*$")


def _clause_item(doc: Doc, d: Draft) -> bool:
    """A list item that is a clause of its own, signing the document ("• The Agency and the
    Department will sign a Memorandum of Cooperation ...")."""
    s = max(doc.layout.sentence_at(d.start)[0], d.item[0])
    return bool(_sign_verb().search(doc.text, s, d.start))


def _with_span(doc: Doc, s: int, e: int) -> tuple[int, int, str]:
    return s, min(e, _phrase_end(doc, s, len(doc.text))), "with"


ITEM_SIDES = re.compile(r"\s*(?:\((?:(?:signed\s+)?(?:by|between)\s+(?:the\s+)?)?(?P<paren>[A-Z][^()]{2,200})\)"
                        r"|(?::|\s[–—-]|,\s+signed\s+(?:by|between))\s+(?:the\s+)?(?P<after>[A-Z][^;.]{2,200}))\s*[;.]?\s*$")
REPRESENTED = re.compile(r",\s+represented\s+by\s+[^,;.]{1,80}(?:,|$|(?=\.))")


def _between_span(doc: Doc, bs: int, stop: int) -> tuple[int, int]:
    """The span of the sides after "between": up to the subject, a clause or the stop (words
    inside bodies' names do not end it: "Committee on Television ... under the Government of")."""
    text = doc.text
    # an abbreviation in brackets belongs to the name before it: "... of Azerbaijan (SOCAR) and ..."
    rest = ABBREVIATION.sub(lambda m: " " * len(m.group()), text[bs:stop].rstrip(" .;"))
    # "the Ministry of ..., represented by Minister X, and the FAO": who signs for a side is an aside
    rest = REPRESENTED.sub(lambda m: " " * len(m.group()), rest)
    for cut in SIDES_END.finditer(rest):
        # the cut's first word, not the blank an abbreviation left ("... Company (ADNOC) on the ...")
        at = cut.start() + max(1, len(cut.group()) - len(cut.group().lstrip()))
        if not _in_body(doc, bs + at):
            return bs, bs + len(text[bs:bs + at].rstrip()) if cut.group()[:1].isspace() else bs + cut.start()
    return bs, bs + len(rest)


PHRASE_END = re.compile(r",\s+(?:named|which|who|in|on|at|during|for|to)\b|[.;]|\s+(?:in|on|at|during|for|to|as)\s+(?!the\s+[A-Z])"
                        r"|\s+(?:in\s+the\s+presence)")


def _phrase_end(doc: Doc, s: int, e: int) -> int:
    """Where a side's phrase ends: before a clause or a preposition that is not inside a body's
    name ("the Uzbek Agency for Technical Regulation")."""
    text = doc.text
    for cut in PHRASE_END.finditer(text, s, e):
        if cut.group() == "." and ends_in_abbreviation(text[max(s, cut.start() - 20):cut.start()]):
            continue  # "signed by Dr. Rahma ...": an abbreviation's stop
        if cut.group().startswith((".", ";")) or not any(b.start < cut.start() < b.end for b in doc["bodies"].at(cut.start())):
            return cut.start()
    return s + len(text[s:e].rstrip(". "))


SUBJECT_REACH = 400  # characters a clause's subject and verb stand before its document, at most (a run-on
# text's "clause" is no longer than a clause is)


def _subject(doc: Doc, d: Draft, s: int) -> tuple[int, int, str] | None:
    """The subject of the clause that signs the document ("Gazprom and CNPC have concluded ...",
    "Ethiopia and Tanzania signed ..."), if the clause has one before the document."""
    text = doc.text
    s = BULLET.match(text, max(s, d.start - SUBJECT_REACH)).end()  # "• The Agency and ... will sign"
    before = text[s:d.start]
    verbs = list(_sign_verb().finditer(before))
    if not verbs:
        return None
    v = verbs[-1]
    subject = before[:v.start()]
    said = list(_reported_that().finditer(subject))
    if said:  # "A Trend correspondent reports from Tashkent that Azerbaijan and Uzbekistan signed": after "that"
        s, before, subject = s + said[-1].end(), before[said[-1].end():], subject[said[-1].end():]
    tw = TOGETHER_WITH.match(subject)
    if tw:  # "The Saudi Fund for Development, together with the Economic Relations Division, signed": both
        return s + tw.start("name"), s + tw.end("other"), "subject"
    ap = APPOSED.match(subject)
    if ap:  # "Embraer, the Brazilian airplane manufacturer, has signed": the name, not its description
        return s + ap.start("name"), s + ap.end("name"), "subject"
    # commas inside a body's name ("Ministry of Investment, Industry and Trade") are masked (same
    # length, so offsets hold) so the subject is not taken to start after them
    masked = "".join("\u201a" if ch == "," and (_in_body(doc, s + i) or _between_states(doc, s + i)) else ch
                     for i, ch in enumerate(subject))
    m = SUBJECT.search(masked)
    if not m:
        return None
    ss, se = s + m.start(1), s + m.end(1)
    if any(o is not d and ss <= o.head[0] < se for o in drafts_near(doc, ss, se)):
        return None  # "The MoUs were signed ...": a document, not a side
    lead = OPENING.match(text[ss:se])
    if lead:
        ss += lead.end()
    if ss >= se or text[ss:se].lower() in words("title_stops"):
        return None  # "Other signed documents": a word before a participle is no subject
    return ss, se, "subject"


@lru_cache(maxsize=1)
def _reported_that() -> re.Pattern[str]:
    """A clause that reports what follows ("... reports from Tashkent that", "the ministry said that")."""
    verbs = alternation_of("signals", "signal", "report") + "|" + alternation_of("signals", "signal", "speech")
    return re.compile(rf"\b(?:{verbs})\b[^.;:]{{0,60}}?\bthat\s+")


def _names_organisation(doc: Doc, s: int, e: int) -> bool:
    """True where a phrase names an organisation or a state, not people ("The mayors", "Presidents A and B")."""
    if doc["people"].within(s, e) or doc["offices"].within(s, e):
        return False
    return bool(re.search(r"\b[A-Z]", re.sub(r"^\s*(?:The|the)\s+", "", doc.text[s:e])))


def _only_cities(doc: Doc, s: int, e: int) -> bool:
    """True where the words of ``text[s:e]`` name cities and nothing else ("Almaty and Istanbul")."""
    cities = [p for p in doc["places"].within(s, e) if p["kind"] in ("city", "capital")]
    if not cities or doc["bodies"].within(s, e):
        return False
    rest = doc.text[s:e]
    for p in sorted(cities, key=lambda p: -p.start):
        rest = rest[:p.start - s] + rest[p.end - s:]
    return not re.sub(r"\b(?:and|the|cities|of)\b|[,\s]", "", rest)


def _between_states(doc: Doc, comma: int) -> bool:
    """A comma in a list of states ("of Turkmenistan, Azerbaijan and Türkiye")."""
    before = doc["places"].before(comma)
    after = doc["places"].after(comma + 1)
    return before is not None and before.end == comma and after is not None and \
        doc.text[comma + 1:after.start].strip() == "" and before.label in ("name", "official")


def drafts_near(doc: Doc, s: int, e: int) -> list:
    """The drafts whose heads lie in ``[s, e)`` (set by the documents component)."""
    return [o for o in doc.cache.get("drafts", ()) if s <= o.head[0] < e]


def _in_body(doc: Doc, pos: int) -> bool:
    return any(b.start < pos < b.end for b in doc["bodies"].at(pos))
