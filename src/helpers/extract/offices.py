"""Offices of people as the genre writes them: "Prime Minister of the Republic of Kazakhstan",
"Kazakh PM", "Minister of Finance, Economic Planning, Trade, and Investment of Republic of
Seychelles", "Akim (governor) of North Kazakhstan region", "Astrakhan region Governor", "SFD
Board of Directors Chairman", "Embraer's director-general". Each office span carries its short
title (states left out), the states it names, and whether it is plural."""
from __future__ import annotations

import re
from functools import lru_cache

from .doc import Doc, Span, span
from .lexicon import cue, cue_words, table, words
from .matcher import Matcher
from .names import personal_forms
from .office_tails import STATE_KINDS, tail
from .places import SET_OFF

_RANK, _DEPUTY = cue("office_rank"), cue("office_deputy")
# ("... press service\n\nMinister of Health": a modifier is a word of its own on the office's line)
MODIFIER = re.compile(rf"(?<!\w)(?:(?P<mod>(?i:{cue('office_time')}))[ \t]+)?"
                      rf"(?P<pre>(?:{_RANK})[ \t]+(?:(?i:{_DEPUTY})[ \t-]+)?|(?i:{_DEPUTY})[ \t-]+)?$")
LOCAL_HEADS = cue_words("local_office")
# an office written after a name and a comma ("Sun Chanthol, First Vice-Chairman of ..."): it ends there
CLOSED = re.compile(r"\s*(?:[,.;)]|$)")
APPOSITIVE = re.compile(r"[A-Z][a-z][\w’'-]*\s*,\s*(?:the\s+|a\s+)?$")


@lru_cache(maxsize=1)
def _titles() -> Matcher:
    """The offices of ``titles.csv``, each also in the plural ("Presidents", "Foreign Ministers",
    "Secretaries of State"): the plural of an office's head word before any "of"."""
    rows = []
    for r in table("titles"):
        rows.append(r)
        head, sep, rest = r["pattern"].partition(" of ")
        ws = head.split()
        last = ws[-1]
        plural = last[:-1] + "ies" if last.endswith("y") and last[-2:-1] not in "aeiou" else \
            last + "es" if last.endswith(("s", "sh", "ch", "x")) else last + "s"
        rows.append({**r, "pattern": " ".join(ws[:-1] + [plural]) + sep + rest, "plural": "yes"})
    return Matcher(tuple(rows))


def offices(doc: Doc) -> list[Span]:
    """The offices layer: attrs ``title`` (short form, states left out), ``alpha3``, ``states``
    (every state its words name, for plural offices), ``plural``, ``head`` (the office word as
    written), ``canonical``, ``head_end`` and ``tail_end`` (where the office's words end)."""
    text = doc.text
    folded = doc.folded
    places, bodies = doc["places"], doc["bodies"]
    out: list[Span] = []
    last_end = -1
    for h in _titles().finditer(text, folded=folded):
        if h.start < last_end:
            continue
        word = text[h.start:h.end]
        if any(b.start < h.start and h.end <= b.end for b in bodies.at(h.start)):
            continue  # "Office of the Prime Minister": a body's name
        if h.row.get("case") == "exact" and _inside_name(text, h.start, places):
            continue  # "Colorful Yunnan General Aviation"
        if _personal_before().search(text, max(0, h.start - 12), h.start):
            continue  # "Dr. Sultan Ahmed Al Jaber": after a private person's form of address, a given name
        plural = h.row.get("plural") == "yes"
        head_start = _fields_before(text, h.start, word)
        m = MODIFIER.search(text, max(0, head_start - 30), head_start)
        start = m.start() if m and m.group(0) else head_start
        canonical = text[head_start:h.start] + (h.row.get("canonical") or _capitalised(word))
        if plural and not h.row.get("canonical"):
            canonical = _singular(canonical)
        if m and m.group("pre"):
            pre = [w.capitalize() for w in m.group("pre").replace("-", " ").split()]
            while pre and canonical.lower().startswith(" ".join(pre).lower()):
                pre = []
            if pre and canonical.lower().startswith(pre[-1].lower()):
                pre = pre[:-1]  # "First" of "First Vice-Chairman"
            canonical = " ".join(pre + [canonical])
        if m and m.group("mod") and m.group("mod").lower() == "former":
            canonical = "Former " + canonical
        appositive = bool(APPOSITIVE.search(text, max(0, start - 60), start))
        tail_end, title_tail, states = tail(text, h.end, places, bodies, word.lower() in LOCAL_HEADS, appositive,
                                             word[:1].islower())
        alpha3 = states[0] if states else None
        loc = SET_OFF.match(text, tail_end)
        where = places.starting_at(loc.end()) if loc and alpha3 is None else None
        if where is not None and where.label in STATE_KINDS and CLOSED.match(text, where.end):
            alpha3, states = where["alpha3"], [where["alpha3"]]  # "Minister of State for Foreign Trade, UAE,"
        before = _before(text, start, places, bodies)
        if alpha3 is None and before is not None and before[1]:
            alpha3 = before[1]
            states = [alpha3]
        title = canonical + title_tail
        if before is not None and before[2] and not title_tail:
            title = f"{canonical} of {before[2]}"  # "Astrakhan region Governor", "Embraer's director-general"
        out.append(span(start, tail_end, "office", title=title, alpha3=alpha3, plural=plural, head=word,
                        canonical=canonical, head_end=h.end, tail_end=tail_end, states=tuple(states),
                        country_start=before[0] if before is not None else start))
        last_end = tail_end
    return _chain(text, out)


FIELDS_BEFORE = re.compile(r"(?:[A-Z][\w’'-]*,?\s+){1,3}and\s+$")  # (the fields' words are checked one by one)


def _fields_before(text: str, pos: int, word: str) -> int:
    """Where an office written field first begins: "Commerce and Industry Minister", "Business and
    Trade Secretary" (capitalised fields of offices joined by "and" before the matched "Industry
    Minister"); else ``pos``."""
    if word.split()[0] not in words("office_words") or len(word.split()) < 2:
        return pos
    m = FIELDS_BEFORE.search(text, max(0, pos - 60), pos)
    if not m:
        return pos
    start = pos
    for w in reversed(list(re.finditer(r"[A-Z][\w’'-]*", text[m.start():pos]))):
        if w.group() not in words("office_words"):
            break  # "UK Business and Trade Secretary": the fields start after the state
        start = m.start() + w.start()
    return start


@lru_cache(maxsize=1)
def _personal_before() -> re.Pattern[str]:
    """A private person's form of address right before a word ("Dr. ", "Mr ")."""
    return re.compile(r"(?<![\w.])(?:" + "|".join(map(re.escape, personal_forms())) + r")\.?\s+$")


def _singular(title: str) -> str:
    ws = title.split()
    last = ws[-1]
    ws[-1] = last[:-3] + "y" if last.endswith("ies") else last[:-2] if last.endswith("ches") else last[:-1]
    return " ".join(ws)


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:] if word[:1].islower() and word not in ("leader", "spokesperson", "member") else word


def _inside_name(text: str, pos: int, places) -> bool:
    """True when a capitalised word stands right before ``pos`` that is no state, no demonym and
    no punctuation: the title is then a word of a name ("Colorful Yunnan General Aviation")."""
    m = re.search(r"([A-Z][\w’'-]*)\s+$", text[max(0, pos - 40):pos])
    if not m:
        return False
    p = places.starting_at(pos - len(m.group(0)))
    return p is None or p.label not in STATE_KINDS


def _before(text: str, start: int, places, bodies) -> tuple[int, str | None, str] | None:
    """What stands right before an office: a demonym or a possessive state ("Kazakh PM",
    "Azerbaijan's Prime Minister"), a region ("Astrakhan region Governor"), a body ("SFD Board of
    Directors Chairman", "Uzbekneftegaz Chairman") or a possessive name ("Embraer's
    director-general"): (where it starts, its state, its words for the title or "")."""
    p = places.before(start)
    if p is not None and re.fullmatch(r"(?:[’']s?)?\s*(?:the\s+)?", text[p.end:start]):
        if p.label in STATE_KINDS + ("capital",) and p["alpha3"]:
            return p.start, p["alpha3"], ""
        if p.label == "region":
            return p.start, p["alpha3"], text[p.start:p.end]
    b = bodies.before(start)
    if b is not None and re.fullmatch(r"(?:[’']s)?\s+", text[b.end:start]):
        return b.start, b["alpha3"] or b["owner"], text[b.start:b.end]
    m = re.search(r"\b([A-Z][\w’'-]+)[’']s\s+$", text[max(0, start - 40):start])
    if m:
        return start - len(m.group(0)), None, m.group(1)
    m = re.search(r"(?<![.!?]\s)\b([A-Z][a-z][\w’'-]+)\s+$", text[max(0, start - 40):start])
    if m:  # "Uzbekneftegaz Chairman": a company's name with a state's stem
        from .bodies import _stems

        for stem, alpha3 in _stems():
            if m.group(1).startswith(stem) and len(m.group(1)) > len(stem) + 2:
                return start - len(m.group(0)), alpha3, ""
    return None


def _chain(text: str, found: list[Span]) -> list[Span]:
    """Offices joined by "and", a dash or a comma with no name between them ("Vice President and
    Chairman of ...", "First Deputy Prime Minister – Minister of ...", "Deputy Prime Minister,
    Minister of ..."): the later one carries the whole title."""
    out: list[Span] = []
    for o in found:
        prev = out[-1] if out else None
        gap = text[prev.end:o.start] if prev is not None else ""
        if prev is not None and not prev["plural"] and re.fullmatch(r"\s*(?:,|and|[–—-])\s*(?:the\s+)?", gap) \
                and not (gap.strip().startswith(",") and APPOSITIVE.search(text, max(0, prev.start - 60), prev.start)) \
                and not ("and" in gap and prev["tail_end"] > prev["head_end"] and o["tail_end"] > o["head_end"]):
            joint = gap.strip()
            sep = " and " if joint.startswith("and") else ", " if joint.startswith(",") else " – "
            attrs = dict(o.attrs)
            attrs["title"] = prev["title"] + sep + o["title"]
            attrs["alpha3"] = o["alpha3"] or prev["alpha3"]
            attrs["states"] = tuple(prev["states"]) + tuple(o["states"])
            attrs["chained"] = prev
            attrs["country_start"] = prev["country_start"]
            out[-1] = span(prev.start, o.end, "office", **attrs)  # one office: no holder stands between
            continue
        out.append(o)
    return out
