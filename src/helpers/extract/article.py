"""What an article says of itself: the outlet it credits, its headline, its date, the event it
reports and the states that take part. One span covers the article; its attrs hold the fields,
and ``credit`` points at the words that name the outlet."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .dates import find_published
from .doc import Doc, Span, span
from .events import find_event_type
from .lexicon import CALENDAR, alternation_of, cue, table, words
from .matcher import matcher
from .names import surname



def outlet(doc: Doc) -> list[Span]:
    """The outlet layer: the outlet the text credits, one span over its name (none where the text
    credits none), attrs ``name`` and ``home`` (its own state, from outlets.csv)."""
    name, credit = find_outlet(doc)
    if not name:
        return []
    s, e = credit if credit is not None else (0, 0)
    return [span(s, e, "outlet", name=name, home=outlet_country(name))]


def article(doc: Doc) -> list[Span]:
    """The article layer: one span over the text, attrs ``outlet``, ``credit`` (start, end of the
    outlet's name, or None), ``title``, ``published``, ``event_type``, ``countries`` and ``home``
    (the outlet's own state, from outlets.csv)."""
    text, lay = doc.text, doc.layout
    found = doc["outlet"][0] if len(doc["outlet"]) else None
    name = found["name"] if found is not None else ""
    credit = (found.start, found.end) if found is not None and found.end > found.start else None
    title = text[lay.headline[0]:lay.headline[1]].strip() if lay.headline else ""
    taking = taking_part(doc)
    return [span(0, len(text), "article", outlet=name, credit=credit, title=title, published=find_published(doc),
                 event_type=find_event_type(doc), countries=tuple(taking), home=found["home"] if found is not None else None)]


# ---- outlet ----------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _credit_verb() -> re.Pattern[str]:
    verbs = alternation_of("signals", "signal", "report")
    return re.compile(rf"(?<=\S)\s+(?:{verbs})\b(?!\s+(?:earlier|above|previously))")


CREDITED = re.compile(r"(?:^|[,.;:»”\"]\s+|\n|\s[–—-]\s+|\b[Aa]s\s+)(?P<x>(?:[^,.;:\n«»“”\"–—]|\.(?=\S)|"
                      r"[«“][^»”\n]{1,30}[»”]){2,80}?)$")  # ('NIAT “Khovar” reports': a name in quotes inside)
KIND_WORDS = re.compile(rf"^(?:(?:as|the|a|an|{cue('outlet_kind')})\s+)+", re.I)
KIND_TAIL = re.compile(rf"\s+(?i:{cue('outlet_tail')})$")


def _credited(doc: Doc, verbs: re.Pattern[str], surnames: set[str],
              outlet_only: bool = False) -> tuple[str, tuple[int, int]] | None:
    """The X of the first "X <verb>" that names an outlet (``outlet_only``: by an outlet's word or
    a known outlet's name)."""
    text, lay = doc.text, doc.layout
    for v in verbs.finditer(text):
        m = CREDITED.search(text, max(0, v.start() - 100), v.start())
        if not m or lay.in_headline(m.start("x")):
            continue
        raw = m.group("x").strip()
        x = KIND_WORDS.sub("", raw)
        x = KIND_TAIL.sub("", x)
        x = re.sub(r"[’']s$", "", x).strip()
        if not x or len(x.split()) > 12 or x.split()[-1] in surnames or x.lower() in ("he", "she", "it", "they", "as"):
            continue
        if not (x[:1].isupper() or re.match(r"[a-z0-9-]+\.[a-z]{2,}", x) or re.match(r"(?:ministry|press)", x)):
            continue
        if re.search(r"\b(?:said|noted|and|that|was|were|is|are)\b", x) or any(
                p.start <= m.start("x") < p.end for p in doc["people"]):
            continue
        if outlet_only and not (x.split()[-1] in words("outlet_words") or x.casefold() in _outlets()):
            continue
        x = _short(x)  # "NIAT Khovar reports" -> Khovar, "Kazinform News Agency reports" -> Kazinform
        s = text.find(x, m.start("x"))
        return x, (s, s + len(x))
    return None


@lru_cache(maxsize=1)
def _speech_verb() -> re.Pattern[str]:
    return re.compile(rf"(?<=\S)\s+(?:{alternation_of('signals', 'signal', 'speech')})\b")


BY_AGENCY = re.compile(r"(?i:\bby)\s+(?P<x>[A-Z]{2,}[A-Z0-9]*)(?:\s+[A-Z][a-z]+)?\s*$")


def find_outlet(doc: Doc) -> tuple[str, tuple[int, int] | None]:
    """The outlet the text credits: "X reports / reported / informs / cites", "according to the
    news agency X", "Source: X", a dateline's agency ("ASTANA. KAZINFORM –", "/MONTSAME/",
    "(ENA)"), a meta line ("Xinhua, September 4, 2016"), a sign-off ("– Bernama")."""
    text, lay = doc.text, doc.layout
    surnames = {surname(p["name"]) for p in doc["people"]}
    for h in matcher("credits").finditer(text, folded=doc.folded):
        x = h.group("x")
        if x and not lay.in_headline(h.start) and not lay.in_headline(x[0]):
            if text[x[1] - 1] == ".":  # "... originally published by The Diplomat.": the sentence's stop
                x = (x[0], x[1] - 1)
            return _short(text[x[0]:x[1]]), x
    found = _credited(doc, _credit_verb(), surnames)
    if found is None:  # "..., the Dhaka Tribune stated": a verb of speech credits an outlet's name
        found = _credited(doc, _speech_verb(), surnames, outlet_only=True)
    # an agency's dateline wins over a press service it cites ("ASTANA. KAZINFORM - ..., the Akorda
    # press service reports")
    dateline = _dateline_agency(doc)
    if found is not None and not (dateline is not None and PRESS_SERVICE.search(found[0])):
        return found
    if dateline is not None:
        return dateline
    for s, e in lay.meta:
        line = text[s:e]
        m = re.match(r"\s*(?P<x>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}),\s+\w+\s+\d", line)  # "Xinhua, September 4, 2016"
        if m and not doc["places"].within(s + m.start("x"), s + m.end("x")) and m.group("x") not in CALENDAR:
            return m.group("x"), (s + m.start("x"), s + m.end("x"))
        m = BY_AGENCY.search(line)
        if m:  # "Posted On: 03 JUL 2025 8:15PM by PIB Delhi", "By BERNAMA": an agency's acronym, not a byline
            return m.group("x"), (s + m.start("x"), s + m.end("x"))
        m = re.search(r"\d{4}\s+(?P<x>[A-Z][\w]+)\s*$|\d\s*,\s*(?P<y>[A-Z][A-Za-z]{2,})\s*$", line)
        if m:  # "..., 14. June 2023 AETOSWire", "Baku, June 10, AZERTAC"
            g = "x" if m.group("x") else "y"
            return m.group(g), (s + m.start(g), s + m.end(g))
    m = SIGN_OFF.search(text, max(0, len(text.rstrip()) - 40))
    g = "x" if m and m.group("x") else "y"
    if m and not doc["places"].within(m.start(g), m.end(g)):
        return m.group(g), (m.start(g), m.end(g))
    m = LAST_LINE.search(text, max(0, len(text.rstrip()) - 60))
    if m and (m.group("x").split()[-1] in words("outlet_words") or m.group("x").casefold() in _outlets()):
        return m.group("x"), (m.start("x"), m.end("x"))  # "... Mitsotakis.\n\nAhram Online": the outlet's line
    m = COPYRIGHT.search(text, max(0, len(text) - 600))  # "© 2024 Kazinform. All rights reserved."
    if m and not any(p.start <= m.start("x") and p.end >= m.end("x") for p in doc["places"].within(m.start("x"), m.end("x"))):
        name = _short(m.group("x").rstrip("."))
        return name, (m.start("x"), m.start("x") + len(name))
    return "", None


COPYRIGHT = re.compile(rf"(?i:{cue('copyright_mark')})\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s*)?"
                       r"(?P<x>[A-Z][\w’'.&-]*(?:[ \t]+[A-Z][\w’'.&-]*){0,3}?)(?=[ \t]*(?:[.,|]|$|\n|All\b))", re.M)
# "... in Hanoi. – Bernama", "... attended the meeting. (PNA)", "(Yonhap)": an agency signs off the report
SIGN_OFF = re.compile(r"[.!?”\"]\s*(?:(?:[—–]|--?)\s*(?P<x>[A-Z][A-Za-z]{1,12}(?:\.[a-z]{2,6}){0,2})"
                      r"|\((?!(?i:ends?|photo|file|video)\))(?P<y>[A-Z](?:[A-Z]+[A-Za-z]{0,10}|[a-z]{2,11}))\))\s*\Z")


# the report's last line, a name alone ("Ahram Online", "Capital FM")
LAST_LINE = re.compile(r"\n[ \t]*(?P<x>[A-Z][\w’'.&-]*(?:[ \t]+[A-Z][\w’'.&-]*){0,3})\s*\Z")


PRESS_SERVICE = re.compile(rf"(?i)\b(?:{cue('press_service')})\b")


def _dateline_agency(doc: Doc) -> tuple[str, tuple[int, int]] | None:
    """The agency a dateline names ("ASTANA. KAZINFORM –", "/MONTSAME/", "(ENA)", "..., SPA --")."""
    text, parts = doc.text, doc.layout.lead_parts
    for g in ("slash", "paren", "caps", "comma", "pre", "agency"):
        if g in parts:
            a, b = parts[g]
            name = text[a:b]
            if g == "paren" and (re.search(r"\d", name) or not name[:1].isupper()):
                continue
            short = _short(name)
            if short:
                return short, (a + name.find(short), a + name.find(short) + len(short))
    return None


BRACKETED_SHORT = re.compile(r"[^()]+?\s*\(((?=[A-Z][a-z]*[A-Z])[A-Z][A-Za-z]{1,9})\)")


def _short(name: str) -> str:
    """An agency's short name: "NIAT “Khovar”" -> Khovar, "MENAFN- Trend News Agency" -> Trend,
    "Kazinform News Agency" -> Kazinform, "Saudi Press Agency (SPA)" -> SPA."""
    name = name.strip()
    q = re.search(r"[“«\"]([^”»\"]+)[”»\"]", name)
    if q:
        return q.group(1).strip()
    acronym = BRACKETED_SHORT.fullmatch(name)
    if acronym:  # "the Saudi Press Agency (SPA)" -> SPA
        return acronym.group(1)
    name = re.sub(r"^[A-Z]+-\s*", "", name)  # "MENAFN- Trend"
    pair = re.fullmatch(r"[A-Z]{3,}\s+([A-Z][a-z]+)", name)
    if pair and pair.group(1) not in words("outlet_words"):
        return pair.group(1)  # "NIAT Khovar": the agency's name after its long name's letters
    short = re.sub(r"\s+(?:News\s+Agency|Agency|News)$", "", name)
    if short != name and _places_in(short):
        return name.strip(" -–—")  # "Philippine News Agency": a demonym alone is no outlet's name
    return short.strip(" -–—")


def _places_in(name: str) -> bool:
    from .places import scan

    return any(s == 0 and e == len(name) for s, e, *_ in scan(name))


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    return {r["outlet"].casefold(): r["alpha3"] for r in table("outlets")}


def outlet_country(outlet: str) -> str | None:
    """The state an outlet reports from (outlets.csv), if known."""
    return _outlets().get(outlet.strip().casefold()) if outlet else None


# ---- states taking part --------------------------------------------------------------------------


def taking_part(doc: Doc) -> list[str]:
    """The states whose officials take part: those of the people named with an office, those that
    sign as a state, and those named at least twice in the text (the headline counts, captions do
    not)."""
    lay = doc.layout
    counts: Counter[str] = Counter()
    for p in doc["places"]:
        if not p["alpha3"] or lay.is_noise(p.start) and not lay.in_headline(p.start):
            continue
        counts[p["alpha3"]] += 2 if p.label == "dateline" else 1
    for p in doc["people"]:
        if p["alpha3"] and p["title"] and p["office"] is not None:
            counts[p["alpha3"]] += 2
    for a in {p["alpha3"] for p in doc["parties"] if p["alpha3"] and p["level"] == "state"}:
        counts[a] += 2  # a state that signs takes part ("Ukraine and Poland signed ...")
    for head in set(lay.columns.values()):  # a table's "Indian Signatory" column: India's officials sign
        for p in doc["places"].within(*head):
            if p["alpha3"]:
                counts[p["alpha3"]] += 2
    if not counts:
        return []
    ranked = counts.most_common()
    top = ranked[0][1]
    # the genre is bilateral: the two most named states take part (a short text may name each
    # once); a third one only when it is named about as often
    keep = [a for k, (a, n) in enumerate(ranked) if (k < 2 and (n >= 2 or top == 1)) or (n >= 3 and n >= 0.3 * top)]
    return sorted(keep)
