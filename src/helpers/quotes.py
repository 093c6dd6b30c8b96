"""Quoted statements and who said them, also where the opening or closing mark is missing."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .names import same_name, surname
from .people import Person
from .reference import alternation, phrases
from .structure import Layout

OPEN = "“«\"„"
CLOSE = "”»\""


@dataclass(frozen=True)
class Quote:
    """A quoted statement at ``text[start:end]`` and its speaker's name as in the people table."""

    speaker: str
    text: str
    start: int
    end: int


def _speech() -> str:
    return alternation(phrases("signals", "speech"))


@lru_cache(maxsize=1)
def _attribution() -> re.Pattern[str]:
    verbs = _speech()
    who = r"(?P<who>(?:the\s+|The\s+)?[A-Za-z][A-Za-z’'\-. ]{0,79}?)"
    return re.compile(
        rf"(?P<close>[,.!?…]?\s*[”»\"]|[,.!?…]\s*[”»\"]?)\s*,?\s*[-–—]?\s*{who}\s+(?:{verbs})\b"
        rf"|(?P<close2>[,.!?…]?\s*[”»\"])\s*,?\s*[-–—]?\s*(?:{verbs})\s+"
        rf"(?P<who2>(?:the\s+)?[A-Z][\w’'\- ]{{1,60}}?|the\s+[a-z][\w’'\- ]{{1,40}}?)(?=[,.]|\s+(?:in|at|on|during|to)\b)")


@lru_cache(maxsize=1)
def _lead_in() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Where a lead-in may stand (a colon before a quote mark, "according to"), the speaker and
    verb that end the text before a colon, and the quote after the lead-in."""
    spot = re.compile(r":\s*[“«\"]|[Aa]ccording\s+to\s+")
    # "President Shavkat Mirziyoyev", "The Uzbek leader", "the head of state"
    role = r"leader|president|prime\s+minister|minister|premier|head|counterpart|chairman"
    who = rf"(?:[A-Z][\w’'-]*|the|of|{role})(?:\s+(?:[A-Z][\w’'-]*|the|of|{role})){{0,7}}"
    before = re.compile(rf"(?P<who>{who})\s+(?:{_speech()})(?:\s+\w+){{0,2}}\s*$")
    after = re.compile(rf"(?:(?P<who2>{who}),)?\s*[“«\"](?P<q>[^”»\"]{{15,}})[”»\"]?")
    return spot, before, after


CLOSE_MARK = re.compile(r"[”»\"]")


@lru_cache(maxsize=1)
def _dash_speech() -> re.Pattern[str]:
    """A paragraph that opens with a dash and hands over to its speaker after ", —"."""
    return re.compile(rf"\s*[—–-]\s+(?P<q>[^—–]{{15,}}?)[,.!?…]?\s+[—–-]\s+"
                      rf"(?P<who>(?:the\s+|The\s+)?[A-Za-z][\w’'\- ]{{0,60}}?)\s+(?:{_speech()})\b")


@lru_cache(maxsize=1)
def _unclosed_attribution_pattern() -> re.Pattern[str]:
    return re.compile(rf",\s+(?P<who>(?:the\s+)?[A-Z][\w’'\-. ]{{0,60}}?)\s+(?:{_speech()})\b")


def _unclosed_opening(para: str) -> int | None:
    """Where a curly or angle quote opens and is never closed in the paragraph (None if none)."""
    for o, c in (("“", "”"), ("«", "»")):
        i = para.rfind(o)
        if i >= 0 and para.find(c, i) < 0:
            return i
    return None


def find_quotes(text: str, layout: Layout, people: list[Person]) -> list[Quote]:
    """Every quoted statement attributed to a person of the article."""
    attribution = _attribution()
    spot, lead_before, lead_after = _lead_in()
    out: list[Quote] = []
    taken_until = -1
    for ps, pe in layout.paragraphs:
        para = text[ps:pe]
        # "— Our countries are reliable partners, — Tokayev said." (dashes for quote marks)
        dm = _dash_speech().match(para) if para.lstrip()[:1] in "—–-" else None
        if dm:
            speaker = _resolve(dm.group("who"), text, ps + dm.start("who"), people)
            s, e = _trim(text, ps + dm.start("q"), ps + dm.end("q"))
            if speaker and e - s >= 15:
                out.append(Quote(speaker, text[s:e], s, e))
                continue
        if not any(ch in para for ch in CLOSE + "“«„"):
            continue
        last_attr_end = ps
        last_speaker = None
        scanned_to = 0
        # an attribution follows a closing mark: try the pattern only there
        for c in CLOSE_MARK.finditer(para):
            k = c.start()
            if k < scanned_to:
                continue
            while k > 0 and para[k - 1] == " ":
                k -= 1
            if k > 0 and para[k - 1] in ",.!?…":
                k -= 1
            m = attribution.match(para, k)
            if not m:
                continue
            close_g = "close" if m.group("close") is not None else "close2"
            who = (m.group("who") or m.group("who2") or "").strip()
            close_text = m.group(close_g)
            if not any(ch in close_text for ch in CLOSE):
                continue
            speaker = _resolve(who, text, ps + m.start(), people)
            if speaker is None:
                continue
            scanned_to = m.end()
            qe = ps + m.start(close_g)
            qs = _opening(text, max(last_attr_end, ps), qe)
            s, e = _trim(text, qs, qe)
            if e - s < 15 or s < taken_until:
                continue
            out.append(Quote(speaker, text[s:e], s, e))
            taken_until = e
            last_attr_end = ps + m.end()
            last_speaker = speaker
        # an opening mark never closed: '“We will double trade by 2030, Tokayev said.'
        opened = _unclosed_opening(para)
        if opened is not None and not any(ps + opened <= q.start < pe for q in out):
            m = _unclosed_attribution_pattern().search(para, opened)
            if m:
                speaker = _resolve(m.group("who"), text, ps + m.start(), people)
                s, e = _trim(text, ps + opened, ps + m.start())
                if speaker and e - s >= 15:
                    out.append(Quote(speaker, text[s:e], s, e))
        # 'President Shavkat Mirziyoyev said: "Our trade must ..."', 'According to X, "..."'
        for sp in spot.finditer(para):
            if sp.group().startswith(":"):
                lb = lead_before.search(para, max(0, sp.start() - 100), sp.start())
                who, qm = (lb.group("who") if lb else None), lead_after.match(para, sp.start() + 1)
            else:
                qm = lead_after.match(para, sp.end())
                who = qm.group("who2") if qm else None
            if not who or not qm:
                continue
            speaker = _resolve(who, text, ps + sp.start(), people)
            s, e = _trim(text, ps + qm.start("q"), ps + qm.end("q"))
            if speaker and e - s >= 15 and not any(q.start <= s < q.end for q in out):
                out.append(Quote(speaker, text[s:e], s, e))
        # "... the leader said. - It is largely thanks to your efforts ... our country"."
        if last_speaker and last_attr_end < pe:
            rest = text[last_attr_end:pe]
            cm = re.search(r"[”»\"]\s*[.!?]?\s*$", rest)
            if cm and len(rest.strip()) > 20:
                s, e = _trim(text, last_attr_end, last_attr_end + cm.start())
                if e - s >= 15:
                    out.append(Quote(last_speaker, text[s:e], s, e))
    out.sort(key=lambda q: q.start)
    return out


def _opening(text: str, floor: int, close: int) -> int:
    """Where a quote closing at ``close`` opens: its opening mark, else the paragraph's start
    or the end of the previous attribution."""
    seg = text[floor:close]
    idx = max(seg.rfind(ch) for ch in "“«„")
    if idx >= 0:
        return floor + idx + 1
    # a straight quote mark opening the statement
    straight = [m.start() for m in re.finditer(r"(?:^|(?<=[\s:(–—-]))\"", seg)]
    if straight:
        return floor + straight[-1] + 1
    # "Baku / 31.10.17 / Turan: ..." a lead-in ending with a colon
    colon = seg.rfind(": ")
    if colon >= 0 and colon < 60:
        return floor + colon + 2
    return floor


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in OPEN + "-–—.,;:"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in CLOSE + ","):
        e -= 1
    return s, e


def _resolve(who: str, text: str, pos: int, people: list[Person]) -> str | None:
    """The person a speaker phrase names: a name, a surname, or "the Kazakh President"."""
    who = re.sub(r"^(?:the|The)\s+", "", who).strip()
    if not who:
        return None
    for p in people:
        if same_name(who, p.name) or who.split()[-1] == surname(p.name):
            return p.name
    low = who.lower()
    if low in ("he", "she"):
        before = [p for p in people if any(s < pos for s, _ in p.mentions)]
        if before:
            return max(before, key=lambda p: max(s for s, _ in p.mentions if s < pos)).name
        return None
    # "the Kazakh President", "the Belarusian leader", "the head of state"
    from .countries import find_countries
    cs = find_countries(who)
    country = cs[0].alpha3 if cs else None
    words = re.sub(r"\b[A-Z][a-z]+(?:ian|ish|ese|i|an|ani|stani|h)\b", "", who) if cs else who
    title_words = words.lower().replace("head of state", "president").split()
    if not title_words and not country:
        return None
    candidates = []
    for p in people:
        t = p.title.lower()
        if country and p.country != country:
            continue
        if title_words and not any(w in t for w in title_words if w not in ("of", "the")) and "leader" not in title_words:
            continue
        candidates.append(p)
    if not candidates:
        return None
    # the one mentioned last before the quote
    def last_before(p: Person) -> int:
        ms = [s for s, _ in p.mentions if s < pos]
        return max(ms) if ms else -1
    return max(candidates, key=last_before).name
