"""What the clause around a document says of it: its status (signed now, planned, or signed
before) and the later clauses that say how long it runs. The phrases that name its sides are
read by :mod:`.document_sides`."""
from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .dates import find_published
from .doc import Doc
from .document_titles import TERM_NEXT
from .lexicon import alternation_of, cue, lead

if TYPE_CHECKING:
    from .documents import Draft

RANK = {"planned": 0, "existing": 1, "signed": 2, "member": 3}
# sentence openings that set what follows in the past ("Earlier, ...", "In 2019 ...")
PAST_OPENING = re.compile(rf"\s*(?:{cue('past_opening')})\b")
# "a memorandum on the corridor in 2012", "an agreement, signed in 2012,": a signing dated to a past year
SIGNED_IN_YEAR = re.compile(rf"(?:,?\s+(?:(?:was|were|had\s+been|has\s+been)\s+)?(?:{cue('signed_verb')})(?:\s+[^.;,]{{0,30}}?)?)?"
                            r"\s+(?:in|back\s+in)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[-–/])")
EXISTING_BEFORE = re.compile(rf"\b(?:{cue('existing_before')})\s+(?:the\s+)?$")
PLANNED_PREFIX = re.compile(rf"(?:{cue('draft')})\b", re.I)
FUTURE = re.compile(rf"{lead('future')}\b(?:{cue('future')})\b[^.;]*$", re.I)
SIGNED = re.compile(rf"\b(?:{cue('signed_verb')})\b")


def _cues(doc: Doc) -> list:
    """The status cues of the text (signals.csv: planned, existing, signed), found once."""
    cache = doc.cache.get("status_cues")
    if cache is None:
        cache = _status_matcher().finditer(doc.text, folded=doc.folded)
        doc.cache["status_cues"] = cache
    return cache


def _cues_in(doc: Doc, s: int, e: int) -> list:
    cues = _cues(doc)
    starts = doc.cache.get("cue_starts")
    if starts is None:
        starts = [h.start for h in cues]
        doc.cache["cue_starts"] = starts
    return cues[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)]


@lru_cache(maxsize=1)
def _status_matcher():
    from .lexicon import table
    from .matcher import Matcher

    rows = tuple(r for r in table("signals") if r["signal"] in RANK)
    return Matcher(tuple({**r, "pattern": _year_form(r["pattern"])} for r in rows))


def _year_form(p: str) -> str:
    """"signed in YEAR" as a form: YEAR stands for any year."""
    return "re:" + re.escape(p).replace("YEAR", "{YEAR}").replace(r"\ ", r"\s+") + r"(?![\w-])" if "YEAR" in p else p


def _in_sentence(doc: Doc, drafts: list[Draft], s: int, e: int) -> list[Draft]:
    """The drafts that lie in ``[s, e)`` (drafts come sorted by start)."""
    starts = doc.cache.get("draft_starts")
    if starts is None or len(starts) != len(drafts):
        starts = [o.start for o in drafts]
        doc.cache["draft_starts"] = starts
    return [o for o in drafts[bisect.bisect_left(starts, s):bisect.bisect_left(starts, e)] if o.end <= e]


REACH = 600  # how far around a document its clause is read (a sentence is rarely longer; a run-on text is)


def clause_of(doc: Doc, d: Draft) -> tuple[int, int]:
    """The sentence around a document, cut to ``REACH`` characters on each side, so a text with no
    stops costs no more per document than one with them."""
    s, e = doc.layout.sentence_at(d.start)
    return max(s, d.start - REACH), min(e, d.end + REACH)


def find_status(doc: Doc, d: Draft, drafts: list[Draft]) -> str:
    """signed / planned / existing from the words around the document."""
    text, lay = doc.text, doc.layout
    before = text[max(0, d.start - 40):d.start]
    if PLANNED_PREFIX.match(text, d.start):
        return "planned"
    if d.nested_in is not None:
        return "planned" if re.search(r"\bsigning\s+of\s+(?:the\s+)?$", before) else "existing"
    if EXISTING_BEFORE.search(before):
        return "existing"
    own = d.item is not None and bool(_cues_in(doc, max(clause_of(doc, d)[0], d.item[0]), d.start))
    if d.item is not None and not own:  # an item that says nothing of it takes its list's lead
        lead = lay.list_lead(d.item[0])
        if lead is None:
            return "signed"
        found = {h.row["signal"] for h in _cues_in(doc, lead[0], lead[1])}
        if "planned" in found or FUTURE.search(text[lead[0]:lead[1]]):
            return "planned"
        return "existing" if "existing" in found and "signed" not in found else "signed"
    s, e = clause_of(doc, d)
    if d.heading:
        s, e = lay.paragraph_at(d.start)
    if own:  # "• The Agency will sign a Memorandum ...": a clause of its own
        s, e = max(s, d.item[0]), min(e, d.item[1])
    if PAST_OPENING.match(text, s):
        return "existing"
    past = SIGNED_IN_YEAR.match(text, d.end, e)
    if past and int(past.group("year")) < _year_of(doc):
        return "existing"
    near = [o for o in _in_sentence(doc, drafts, s, e) if o is not d]
    titles = [(o.start, o.end) for o in near]
    # "a protocol on amendments to the agreement of 2015, previously signed in Minsk": a past signing
    # after a title that ends with a nested one's speaks of the nested one
    tail_nested = any(o.nested_in is not None and o.end == d.end and o.start > d.start for o in near)
    best: tuple[int, int, str] | None = None
    for h in _cues_in(doc, s, e):
        if any(a <= h.start < b for a, b in titles) or d.start <= h.start < d.end:
            continue
        if tail_nested and h.start >= d.end and h.row["signal"] == "existing":
            continue
        distance = d.start - h.end if h.end <= d.start else max(0, h.start - d.end)
        key = (distance, -RANK[h.row["signal"]], h.row["signal"])
        if best is None or key < best:
            best = key
    status = best[2] if best else ""
    if status == "member":  # "Among these agreements is a memorandum ...": the status of the list
        from .document_groups import root

        g = root(d) if d.group is not None else None
        if g is not None and g is not d and g.status:
            status = g.status
        else:  # "Eight documents are to be signed, among them ...": the status of the clause that lists them
            lead = [h.row["signal"] for h in _cues_in(doc, s, d.start) if h.row["signal"] != "member"]
            status = lead[-1] if lead else "signed"
    if status == "signed" and FUTURE.search(text, s, d.start) and not SIGNED.search(text, s, d.start):
        status = "planned"  # "will preside over the signing of ..."
    if not status and d.group is not None:
        from .document_groups import root

        g = root(d)
        if g.status and g is not d:
            return g.status
    if not status and d.heading:
        return "signed"  # a headline tells of the event
    if not status and (lead := _bare_run_lead(doc, d, drafts)) is not None:
        found = [h.row["signal"] for h in _cues_in(doc, *lead) if h.row["signal"] in ("signed", "planned", "existing")]
        if found:
            return found[-1]  # "Documents signed during the visit" over paragraphs that are each a title
    if not status and d.enumerated:  # "Three instruments were signed. ... The second is a memorandum on health"
        counted = [o for o in drafts if (o.count or o.generic) and o.end <= d.start and d.start - o.end < 2 * REACH]
        if counted and counted[-1].status:
            return counted[-1].status
    return status or "existing"


def _bare_run_lead(doc: Doc, d: Draft, drafts: list[Draft]) -> tuple[int, int] | None:
    """For a document whose paragraph is its title alone (a list written without marks), the
    paragraph that leads the run of such paragraphs, or the headline."""
    lay, text = doc.layout, doc.text
    paras = lay.paragraphs
    bare = doc.cache.get("bare_paragraphs")
    if bare is None:  # the paragraphs that are a title alone, found once per article
        bare = set()
        for o in drafts:
            k = lay.paragraph_index(o.start)
            if k >= 0 and not text[paras[k][0]:o.start].strip() and not text[o.end:paras[k][1]].strip(" .;,"):
                bare.add(k)
        doc.cache["bare_paragraphs"] = bare
    k = lay.paragraph_index(d.start)
    if k not in bare:
        return None
    while k - 1 in bare:
        k -= 1
    if k > 0 and paras[k - 1][0] >= lay.body_start:
        return paras[k - 1]
    return lay.headline


def _year_of(doc: Doc) -> int:
    """The year the article is dated (its dateline or top lines), else one after any year: a report
    tells of its own event as "today" or "on Monday", seldom as "in <year>"."""
    if "year" not in doc.cache:
        published = doc.cache.get("published") or find_published(doc)
        doc.cache["year"] = int(published[:4]) if published else 10_000
    return doc.cache["year"]


# ---- later clauses ---------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _validity() -> re.Pattern[str]:
    """Words of a clause that says how long a document runs (signals.csv, validity)."""
    return re.compile(rf"\b(?:{alternation_of('signals', 'signal', 'validity')})\b", re.I)


THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
OPENS_WITH = re.compile(r"\s*(?:[Tt]he\s+)?")
WHICH = re.compile(r",\s+(?:which|valid|effective|running|lasting)\b")


# "a memorandum on tourism valid for five years", "an MoU, effective until 2028": its term right after it
VALID_NEXT = re.compile(r",?" + TERM_NEXT)


def validity_clauses(doc: Doc, d: Draft) -> list[tuple[int, int]]:
    """Clauses after the document that say how long it runs: after its own name when it opens the
    sentence ("The agreement on trade, signed last year, remains valid until 2030"), in a relative
    clause (", which runs for three years"), or after "the MoU" that refers back to it."""
    text, lay = doc.text, doc.layout
    out = []
    s, e = clause_of(doc, d)
    if d.item is None and _validity().search(text, d.end, e) and (
            OPENS_WITH.fullmatch(text, s, d.start) or WHICH.match(text, d.end) or VALID_NEXT.match(text, d.end)):
        out.append((d.end, e))
    window = min(len(text), d.end + 1200)  # a reference back stands near the document
    heads, starts = doc.cache["doc_heads"]
    for h in heads[bisect.bisect_left(starts, d.end):bisect.bisect_left(starts, window)]:
        if h.row["doc_type"] != d.doc_type or h.row["number"] != "sg" or not THE_BEFORE.search(text, h.start - 5, h.start):
            continue  # "the MoU" refers back to "a Memorandum of Understanding (MoU)"
        at = h.end
        ss, se = lay.sentence_at(at)
        clause_end = min(se, at + 80)
        if _validity().search(text, at, clause_end):
            out.append((at, clause_end))
            break
    short = OWN_SHORT_NAME.search(text, d.start, d.end)
    if not out and short:  # "... Partnership Agreement (IP-CEPA) ... the IP-CEPA would remain valid for ten years"
        for m in re.compile(rf"\b{re.escape(short.group(1))}\b").finditer(text, d.end, window):
            clause_end = min(lay.sentence_at(m.end())[1], m.end() + 80)
            if _validity().search(text, m.end(), clause_end):
                out.append((m.end(), clause_end))
                break
    return out


# a document's short name, in brackets at the end of its title: "... Agreement (IP-CEPA)"
OWN_SHORT_NAME = re.compile(r"\(([A-Z][A-Za-z0-9&-]{1,15})\)$")
