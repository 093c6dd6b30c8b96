"""The event an article reports: a phone call, a (state, official, working) visit, a commission's
session, a forum, talks, or other — from the phrases of ``events.csv``, weighed in that order, with
visits spoken of as past or to come set aside."""
from __future__ import annotations

import re
from functools import lru_cache

from .dates import find_published
from .doc import Doc
from .lexicon import cue, table


@lru_cache(maxsize=1)
def _events() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, event type) per phrase, matched on lower-cased text."""
    return tuple((re.compile(r["pattern"]), r["event_type"]) for r in table("events"))


EARLIER = re.compile(rf"\b(?:{cue('earlier')})\b(?:[^.]|\.(?=\S)){{0,40}}$", re.I)
FUTURE = re.compile(rf"\b(?:{cue('to_come')})\b[^.]{{0,40}}$", re.I)
# the report's own news: someone "will make / is to pay / is set to begin" a visit
ANNOUNCED = re.compile(r"\b(?:will|(?:is|are)\s+(?:set\s+|scheduled\s+|due\s+)?to)\s+(?:pay|make|undertake|begin|start|embark\s+on)\s+"
                       r"(?:an?\s+|his\s+|her\s+|their\s+)?(?:first\s+|[\w-]+-day\s+)?$")
NEXT = re.compile(rf"^[^.]{{0,30}}\b(?:{cue('soon')})\b", re.I)
NOT_GATHERING = re.compile(rf"\b(?:{cue('not_gathering')})\s*$")
TAKING_PART = re.compile(rf"\b(?:{cue('taking_part')})\b[^.]{{0,60}}\b(?:{cue('gathering')})\b", re.I)
SIGNED_AT = re.compile(rf"\b(?:{cue('concluded_at')})\b[^.]{{0,60}}?\b(?:at|during|on\s+the\s+sidelines\s+of)\s+(?:the\s+|an?\s+)?"
                       rf"[^.]{{0,100}}?\b(?:{cue('gathering')})\b", re.I)
# "During the Kazakhstan-Korea Business Forum, companies signed 25 agreements": the gathering first
SIGNED_DURING = re.compile(rf"(?:^|(?<=[.\n]))\s*(?:[Aa]t|[Dd]uring|[Oo]n\s+the\s+sidelines\s+of)\s+(?:the\s+|an?\s+)?[^.,]{{0,100}}?"
                           rf"\b(?:{cue('gathering')})\b[^.]{{0,120}}?\b(?:{cue('concluded_at')})\b", re.I)
VISIT = re.compile(rf"\b(?:{cue('visit_word')})\b")
HELD = re.compile(rf"\b(?:{cue('gathering')})\b[^.]{{0,60}}\b(?:(?:was|were|is|are)\s+held|took\s+place|opened)\b", re.I)


PAST_BEFORE = re.compile(rf"\b(?:{cue('earlier')}|last)\s+(?:(?!of\b)[\w’'-]+\s+){{0,3}}$")  # not "the last day of his visit"
PAST_AFTER = re.compile(r"^[^.]{0,50}?\b(?:in\s+(?P<year>(?:19|20)\d\d)\b|(?:last|previous)\s+(?:year|month|week)\b)")


def _past(doc: Doc, text: str, start: int, end: int) -> bool:
    """True for a visit spoken of as over ("the previous visit", "his official visit to Japan in
    2022", "a visit last year"): an earlier event, not the one reported."""
    if PAST_BEFORE.search(text, max(0, start - 40), start):
        return True
    m = PAST_AFTER.match(text[end:end + 60])
    if not m:
        return False
    published = find_published(doc)
    return not m.group("year") or bool(published) and int(m.group("year")) < int(published[:4])


def _future(text: str, start: int, end: int) -> bool:
    """True for a visit spoken of as to come ("invited ... to pay a visit", "a visit next year"), not
    one the report announces ("Prime Minister X will make an Official Visit to Japan from 20 to 22 May")."""
    if NEXT.match(text[end:end + 40]):
        return True
    if ANNOUNCED.search(text, max(0, start - 50), start):
        return False
    return bool(FUTURE.search(text[max(0, start - 60):start]))


def find_event_type(doc: Doc) -> str:
    """The event reported: a phone call, a (state, official, working) visit, a commission's
    session, a forum, talks, or other; the body's words weighed in that order."""
    text, lay = doc.text, doc.layout
    # a gathering named in a document's title is its subject, not the event ("MoU on Joint Commission
    # Meetings"), unless the document records the gathering ("the protocol of the fifth session")
    parts, pos = [], 0
    for d in sorted(doc["documents"], key=lambda d: d.start):
        if d.start >= pos and d["type"] != "protocol":
            parts += [text[pos:d.start], " " * (d.end - d.start)]
            pos = d.end
    masked = "".join(parts) + text[pos:]
    body = "\n".join(masked[s:e] for s, e in lay.paragraphs)
    headline = text[lay.headline[0]:lay.headline[1]] if lay.headline else ""
    low = (headline + "\n" + body).lower()
    hits: dict[str, int] = {}  # event type -> where it is first named
    for rx, kind in _events():
        if kind in hits:
            continue
        for m in rx.finditer(low):
            if m.start() and (low[m.start() - 1].isalnum() or low[m.start() - 1] in "-_"):
                continue
            if kind == "forum" and NOT_GATHERING.search(low[max(0, m.start() - 12):m.start()]):
                continue
            if kind.endswith("visit") and (_future(low, m.start(), m.end()) or _past(doc, low, m.start(), m.end())):
                continue  # "invited him to pay a state visit next year", "during his official visit to Japan in 2022"
            if kind == "commission" and (_future(low, m.start(), m.end()) or EARLIER.search(low, max(0, m.start() - 60), m.start())):
                continue  # "supported by the existing Joint Commission", "the next session of the commission"
            hits[kind] = m.start()
            break
    if "phone_call" in hits:
        return "phone_call"
    visits = [k for k in ("state_visit", "official_visit", "working_visit") if k in hits]
    if visits:  # "an official working visit ... during his State visit": the first one named
        return min(visits, key=hits.get)
    if "commission" in hits:
        return "commission"
    if "forum" in hits and (SIGNED_AT.search(body) or SIGNED_DURING.search(body)):
        return "forum"  # "the agreements were signed at the Business Seminar"
    for m in VISIT.finditer(low):  # the headline's words count ("Visit of Prime Minister to Cyprus")
        if not _future(low, m.start(), m.end()) and not _past(doc, low, m.start(), m.end()):
            return "official_visit"
    if "forum" in hits and (TAKING_PART.search(body) or HELD.search(body)):
        return "forum"
    if "talks" in hits or _signed_together(doc):
        return "talks"
    if "forum" in hits:
        return "forum"
    return "other"


# "A and B signed ...", "Prime Minister A and President B on Monday signed ...": two who sign together
# have met; a body that signs with another, or states that signed, tell of no meeting
TOGETHER = re.compile(r",?\s+and\s+(?:[^.;]{0,60}?\s)?$")
SIGNED_NEXT = re.compile(rf"(?:\s+\([^()]{{0,40}}\))?,?\s+(?:(?:{cue('time_word')}|also|jointly|on\s+\w+day)\s+)*(?:{cue('signed_verb')})\b", re.I)


def _signed_together(doc: Doc) -> bool:
    people = [m for m in doc["people"] if not doc.layout.is_noise(m.start)]
    for a, b in zip(people, people[1:]):
        s = doc.layout.sentence_at(a.start)
        if s != doc.layout.sentence_at(b.start) or not TOGETHER.search(doc.text, a.end, b.start):
            continue
        if SIGNED_NEXT.match(doc.text, b.end) or SIGNED_BY_BEFORE.search(doc.text, max(s[0], a.start - 80), a.start):
            return True  # "A and B signed ...", "... was signed by A and B"
    return False


SIGNED_BY_BEFORE = re.compile(rf"\b(?:{cue('signed_verb')})\s+by\s+(?:[^.;]{{0,60}}\s)?$", re.I)
