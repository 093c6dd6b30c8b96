"""What an article says about itself: outlet credited, headline, date, event type, countries."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .countries import CountryMention, aliases
from .names import surname
from .people import Person
from .reference import alternation, phrases, rows
from .structure import MONTHS, Layout

ORDINAL_MONTH = {m.lower(): i + 1 for i, m in enumerate(MONTHS)}
ORDINAL_MONTH.update({m[:3].lower(): i + 1 for i, m in enumerate(MONTHS)})


@lru_cache(maxsize=1)
def _credit() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """"X reports / reported / informs / cites ...": the verbs, and the X that ends the text before one."""
    verbs = alternation([p for p in phrases("signals", "report") if p != "according to"])
    verb = re.compile(rf"\s(?:{verbs})\b")
    credited = re.compile(r"(?:^|[,.;:»”\"]\s+|\n|\bAs\s+|\bas\s+)(?P<x>(?:[^,.;:\n«»“”\"]|\.(?!\s)){2,80}?)$")
    return verb, credited


def find_outlet(text: str, layout: Layout, people: list[Person]) -> tuple[str, int, int] | None:
    """The outlet the text credits ("..., primeminister.kz reports" -> primeminister.kz), else the
    agency of a dateline ("ASTANA. KAZINFORM –", "/TASS/", "Baku / 31.10.17 / Turan:")."""
    surnames = {surname(p.name) for p in people}
    verb, credited = _credit()
    for v in verb.finditer(text):
        m = credited.search(text, max(0, v.start() - 100), v.start())
        if not m or layout.is_noise(m.start("x")):
            continue
        x = m.group("x").strip()
        x = re.sub(r"^(?:[Aa]s|the|The|a|an)\s+", "", x)
        x = re.sub(r"^(?:the|a)\s+", "", x)
        x = re.sub(r"\s+(?:correspondent|news agency|News Agency|reporter|agency|Agency)$", "", x)
        x = re.sub(r"[’']s$", "", x).strip()
        if not x or len(x.split()) > 12 or x.split()[-1] in surnames or x.lower() in ("he", "she", "it", "they"):
            continue
        if not (x[:1].isupper() or re.match(r"[a-z0-9-]+\.[a-z]{2,}", x) or re.match(r"(?:ministry|press)", x)):
            continue
        if re.search(r"\b(?:said|noted|and|that)\b", x):
            continue
        s = text.find(x, m.start("x"))
        return x, s, s + len(x)
    off = layout.headline[1] if layout.headline else 0  # the dateline is read too
    while off < len(text) and text[off] == "\n":
        off += 1
    head = text[off:off + 300]
    for rx2 in (r"^\s*\(?[A-Z][A-Z\s,-]*[A-Z]\.\s+(?P<x>[A-Z][A-Za-z]+)\b\s*[-–—]",
                r"/(?P<x>[A-Z][A-Za-z]+)/", r"^[^\n]{0,40}?/\s*[\d.]+\s*/\s*(?P<x>[A-Z][\w]+)\s*:",
                r"^\s*\(MENAFN-\s*(?P<x>[A-Z][\w ]+?)(?:\s+News Agency)?\)",
                r"^\s*[A-Z][A-Z .-]+,[^()\n]{0,40}\((?P<x>[A-Z][\w .-]{1,30})\)\s*(?:--|[-–—.:])",
                r"^\s*[A-Z][A-Z .-]+\s*\((?P<x>[A-Za-z][\w .-]{1,30})\)\s*(?:--|[-–—.:])",
                # "Tashkent, 15 January 2025 (UzA)." - a city in any case when a date follows it
                r"^\s*[A-Z][A-Za-z .-]+,[^()\n]{0,30}\d[^()\n]{0,12}\((?P<x>[A-Z][\w .-]{1,30})\)\s*(?:--|[-–—.:])",
                r"^\s*[A-Z][A-Z .-]+,[^\n—–]{0,30}?\d{4}\s*[—–-]\s*(?P<x>[A-Z][\w-]+)\.\s",
                r"^\s*[A-Z][A-Za-z .-]+,\s*[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?\s*[,/]\s*(?P<x>[A-Z][A-Za-z]{2,})\s*(?:\n|[-–—.:])"):
        m = re.search(rx2, head, re.M)
        if m:
            return m.group("x"), off + m.start("x"), off + m.end("x")
    # a signature at the very end: "... of Kazakhstan. — VNS"
    m = SIGN_OFF.search(text, max(0, len(text.rstrip()) - 40))
    if m and m.group("x") not in aliases():
        return m.group("x"), m.start("x"), m.end("x")
    return None


SIGN_OFF = re.compile(r"[.!?”\"]\s*(?:[—–]|--?)\s*(?P<x>[A-Z]{2,6})\s*\Z")


def find_title(text: str, layout: Layout) -> str:
    """The headline, where the file has one."""
    if layout.headline:
        return text[layout.headline[0]:layout.headline[1]].strip()
    return ""


def find_published(text: str, layout: Layout) -> str:
    """An ISO date from a dateline or date line with a year near the top, else empty."""
    head = text[:400]
    m = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]+)\.?,?\s+(\d{4})\b", head)
    if m and m.group(2).lower() in ORDINAL_MONTH:
        return _iso(int(m.group(3)), ORDINAL_MONTH[m.group(2).lower()], int(m.group(1)))
    m = re.search(r"\b([A-Z][a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", head)
    if m and m.group(1).lower() in ORDINAL_MONTH:
        return _iso(int(m.group(3)), ORDINAL_MONTH[m.group(1).lower()], int(m.group(2)))
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", head)
    if m:
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b", head)
    if m:
        y = int(m.group(3))
        return _iso(y + 2000 if y < 100 else y, int(m.group(2)), int(m.group(1)))
    return ""


def _iso(y: int, mo: int, d: int) -> str:
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return ""


@lru_cache(maxsize=1)
def _events() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, event type) per phrase, matched on lower-cased text. A leading word boundary is
    checked by hand: without it the pattern starts with a literal, which the engine finds fast."""
    out = []
    for r in rows("events"):
        phrase = r["phrase"][2:] if r["phrase"].startswith("\\b") else r["phrase"]
        out.append((re.compile(phrase), r["event_type"]))
    return tuple(out)


FUTURE = re.compile(r"\b(?:arrange|plan|planned|invite|invited|invitation|upcoming|forthcoming|future|next|will|"
                    r"to\s+pay|to\s+make|return)\b[^.]{0,40}$", re.I)


NEXT = re.compile(r"^[^.]{0,30}\b(?:next|later this|in the coming)\b", re.I)


def _future(text: str, start: int, end: int) -> bool:
    """True for a visit spoken of as to come ("invited ... to pay a visit", "a visit next year")."""
    return bool(FUTURE.search(text[max(0, start - 60):start]) or NEXT.match(text[end:end + 40]))


def find_event_type(text: str, layout: Layout) -> str:
    """The event reported: a phone call, a (state, official, working) visit, a commission's
    session, a forum, talks, or other; the body's words weighed in that order."""
    body = "\n".join(text[s:e] for s, e in layout.paragraphs if not layout.is_noise(s))
    headline = text[layout.headline[0]:layout.headline[1]] if layout.headline else ""
    full = headline + "\n" + body
    hits: dict[str, bool] = {}
    low = full.lower()
    for rx, kind in _events():
        if hits.get(kind):
            continue
        for m in rx.finditer(low):
            if m.start() and (low[m.start() - 1].isalnum() or low[m.start() - 1] in "-_"):
                continue
            if kind == "forum" and re.search(r"\b(?:press|video|news)\s*$", low[max(0, m.start() - 8):m.start()]):
                continue
            if kind.endswith("visit") and _future(low, m.start(), m.end()):
                continue  # "invited him to pay a state visit next year"
            hits[kind] = True
            break
    for kind in ("phone_call", "state_visit", "official_visit", "working_visit"):
        if hits.get(kind):
            return kind
    if hits.get("commission"):
        return "commission"
    if hits.get("forum") and (re.search(r"\b(?:sidelines of|at the|took part in|participat\w+ in|within the)\b[^.]{0,60}"
                                        r"\b(?:forum|summit|conference)\b", body, re.I)
                              or re.search(r"\b(?:forum|summit|conference)\b[^.]{0,60}\b(?:was|were|is|are)\s+held\b",
                                           body, re.I)):
        return "forum"  # the event is the forum: held, or attended
    for m in re.finditer(r"\bvisit\b", body):
        if not _future(body, m.start(), m.end()):
            return "official_visit"
    if hits.get("talks"):
        return "talks"
    if hits.get("forum"):
        return "forum"
    return "other"


def find_countries_taking_part(layout: Layout, countries: list[CountryMention], people: list[Person]) -> list[str]:
    """The countries whose officials take part: those of the people named with an office, and
    those named at least twice in the body."""
    counts: dict[str, int] = {}
    for c in countries:
        if layout.is_noise(c.start) and not (layout.headline and layout.headline[0] <= c.start < layout.headline[1]):
            continue
        counts[c.alpha3] = counts.get(c.alpha3, 0) + 1
    for p in people:
        if p.country and p.title:
            counts[p.country] = counts.get(p.country, 0) + 2
    if not counts:
        return []
    ranked = sorted(counts.items(), key=lambda x: -x[1])
    top = ranked[0][1]
    # the genre is bilateral: the two most named countries take part (a short text may name
    # each once); a third one only when it is named about as often
    keep = [a for k, (a, n) in enumerate(ranked)
            if (k < 2 and (n >= 2 or top == 1)) or (n >= 3 and n >= 0.3 * top)]
    return sorted(keep)


@lru_cache(maxsize=1)
def _outlets() -> dict[str, str]:
    return {r["outlet"].casefold(): r["alpha3"] for r in rows("outlets")}


def outlet_country(outlet: str) -> str | None:
    """The country an outlet reports from (data/reference/outlets.csv), if known."""
    return _outlets().get(outlet.strip().casefold())
