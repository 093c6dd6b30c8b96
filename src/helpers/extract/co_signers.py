"""People named with others whose state tells theirs. Two people who sign one document for its two sides ("signed by A, Minister of ..., and B,
Minister of ..."; "– signed by Minister A and Minister B"): each is of a different side. Where one's
state is known the other takes the other side; where neither is, the document's sides in the
order the text names them ("Agreement between the Government of X and the Government of Y – signed
by A and B"). People who go with someone ("PM Wong will be accompanied by Minister X") are of his side."""
from __future__ import annotations

import bisect
import re

from .doc import Doc
from .lexicon import cue, lead

# both read the folded (lower-case) text
ACCOMPANIED = re.compile(rf"{lead('accompanied_by')}\b(?:{cue('accompanied_by')})\b")
SIGNED_AFTER = re.compile(rf"{lead('signed_verb')}\b(?:{cue('signed_verb')})\b(?!\s+(?:it\s+|them\s+)?by\b)")
# between the second signer's name and the verb: his office set off by commas, an auxiliary
VERB_GAP = re.compile(r"\s*(?:,[^,;.]{0,80},)?\s*(?:(?:have|has|had|also|jointly|then|on\s+\w+day)\s+)*")
SIGNED_BY = re.compile(rf"{lead('signed_verb')}\b(?:{cue('signed_verb')})\s+(?:it\s+|them\s+)?by\s+")
# between the two signers: "and", or the first one's office set off by commas and then "and"
# (the second one's office or courtesy words may stand before his name)
JOINED = re.compile(r"(?:\s+and|,[^;:()]{0,160}?,\s*and)\s+(?:by\s+)?(?:the\s+)?[^;:,()]{0,80}?")


def signer_pairs(doc: Doc, people: list[dict]) -> list[tuple[dict, dict, int]]:
    """(first signer, second signer, where the signing clause starts) for each clause that names
    exactly two people joined by "and"."""
    if "signer_pairs" in doc.cache:
        return doc.cache["signer_pairs"]
    text, lay = doc.text, doc.layout
    starts = sorted(((s, p) for p in people for s, _ in p["mentions"]), key=lambda x: x[0])
    ends = {s: e for p in people for s, e in p["mentions"]}
    keys = [s for s, _ in starts]
    out: list[tuple[dict, dict, int]] = []
    doc.cache["signer_pairs"] = out
    if " by " not in doc.folded:
        return out
    for m in SIGNED_BY.finditer(doc.folded):
        _, sent_end = lay.sentence_at(m.start())
        clause_end = min((i for i in (text.find(";", m.end(), sent_end),) if i >= 0), default=sent_end)
        lo, hi = bisect.bisect_left(keys, m.end()), bisect.bisect_left(keys, clause_end)
        named = starts[lo:hi]
        if len(named) != 2 or named[0][1] is named[1][1]:
            continue
        (a_start, a), (b_start, b) = named
        if not JOINED.fullmatch(text, ends[a_start], b_start):
            continue
        out.append((a, b, m.start()))
    # "Governor A and RBI Governor B signed the MoU": the two people a signing verb follows
    for m in SIGNED_AFTER.finditer(doc.folded):
        sent_start, _ = lay.sentence_at(m.start())
        lo, hi = bisect.bisect_left(keys, sent_start), bisect.bisect_left(keys, m.start())
        named = starts[lo:hi]
        if len(named) < 2:
            continue
        (a_start, a), (b_start, b) = named[-2:]
        if a is b or not VERB_GAP.fullmatch(text, ends[b_start], m.start()) or not JOINED.fullmatch(text, ends[a_start], b_start):
            continue
        out.append((a, b, m.start()))
    return out


def office_pairs(doc: Doc, people: list[dict]) -> list[tuple[dict, dict, int]]:
    """(first, second, where) for two people named after one plural office ("the defence ministers
    A and B", "Foreign ministers A of Argentina and B of Chile")."""
    by_mention = {m: p for p in people for m in p["mentions"]}
    held: dict[int, list] = {}
    for m in doc["people"]:
        o = m["office"]
        if o is not None and o["plural"] and (m.start, m.end) in by_mention:
            held.setdefault(id(o), []).append((m.start, by_mention[(m.start, m.end)], o.start))
    out = []
    for named in held.values():
        if len(named) == 2 and named[0][1] is not named[1][1]:
            (_, a, at), (_, b, _) = sorted(named, key=lambda x: x[0])
            out.append((a, b, at))
    # "in the presence of President Ilham Aliyev and President Shavkat Mirziyoyev": one office twice
    ms = [m for m in doc["people"] if m["office"] is not None and (m.start, m.end) in by_mention]
    for m, n in zip(ms, ms[1:]):
        o, q = m["office"], n["office"]
        a, b = by_mention[(m.start, m.end)], by_mention[(n.start, n.end)]
        if not o["plural"] and o["canonical"] == q["canonical"] and o.end <= m.start and a is not b \
                and AND_ONLY.fullmatch(doc.text, m.end, q.start):
            out.append((a, b, o.start))
    return out


AND_ONLY = re.compile(r",?\s+and\s+")


def _sides_of(doc: Doc, at: int, taking: list[str]) -> list[str]:
    """The states of the sides of the document named last before ``at`` in its paragraph, in the
    text's order, where they are the article's two."""
    p_start, _ = doc.layout.paragraph_at(at)
    before = [d for d in doc["documents"] if p_start <= d.start < at]
    if not before:
        return []
    last = before[-1]
    states: list[str] = []
    for q in sorted((q for q in doc["parties"] if q["doc"] is last), key=lambda q: q.start):
        if q["alpha3"] and q["alpha3"] not in states:
            states.append(q["alpha3"])
    return states if sorted(states) == sorted(taking) else []


def pair_signers(doc: Doc, people: list[dict], taking: list[str], settled: set[int]) -> None:
    """Two signers of one document are of the two sides: one of no state (or of a state only
    guessed, not in ``settled``) takes the side the other is not of, or the document's sides in
    order."""
    if len(taking) != 2:
        return
    other = {taking[0]: taking[1], taking[1]: taking[0]}
    for a, b, at in signer_pairs(doc, people) + office_pairs(doc, people):
        known_a, known_b = id(a) in settled and a["alpha3"] in other, id(b) in settled and b["alpha3"] in other
        if known_a and not known_b and (not b["alpha3"] or b["alpha3"] == a["alpha3"]):
            b["alpha3"], b["guessed"] = other[a["alpha3"]], False
        elif known_b and not known_a and (not a["alpha3"] or a["alpha3"] == b["alpha3"]):
            a["alpha3"], a["guessed"] = other[b["alpha3"]], False
        elif not known_a and not known_b:
            order = _sides_of(doc, at, taking)
            if order:
                a["alpha3"], b["alpha3"] = order
                a["guessed"] = b["guessed"] = False
            elif a["alpha3"] in other and a["alpha3"] == b["alpha3"]:
                a["alpha3"], b["alpha3"] = taking  # both only guessed: the sides in the order the text first names them


def companions(doc: Doc, people: list[dict], settled: set[int]) -> None:
    """People named after "accompanied by" take the state of the one they go with, the person the
    sentence names before it (unless their own words gave them one, ``settled``)."""
    lay = doc.layout
    mentions = sorted(((s, e, p) for p in people for s, e in p["mentions"]), key=lambda x: x[0])
    keys = [a for a, _, _ in mentions]
    for m in ACCOMPANIED.finditer(doc.folded):
        s, e = lay.sentence_at(m.start())
        lo, mid, hi = (bisect.bisect_left(keys, x) for x in (s, m.start(), e))
        lead = [p for _, _, p in mentions[lo:mid] if p["alpha3"]]
        if not lead:
            continue
        state = lead[-1]["alpha3"]
        for a, _, p in mentions[bisect.bisect_left(keys, m.end()):hi]:
            if id(p) not in settled and p is not lead[-1]:
                p["alpha3"], p["guessed"] = state, False
