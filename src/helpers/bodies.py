"""Names of bodies written out in the text ("Ministry of Culture and Sports", "Higher School of
Economics"): the words inside them name the body, not a field of cooperation."""
from __future__ import annotations

import re

HEADS = (r"Ministry|Ministries|University|Universities|Academy|Institute|Agency|Committee|Company|Corporation|Bank|"
         r"Council|Commission|Authority|Office|Service|School|Center|Centre|Union|Chamber|Fund|Administration|"
         r"Department|Akimat|Cabinet|Inspectorate|Exchange|Railways|Airlines|Association|Foundation|Organi[sz]ation")
CAP = r"[A-Z][\w’'-]*"
HEAD = re.compile(rf"\b(?:{HEADS})\b")
LEFT = re.compile(rf"(?:(?:{CAP}|of|and|for)\s+){{1,6}}$")
RIGHT = re.compile(rf"\s+(?:of|for|on)\s+(?:the\s+)?{CAP}(?:(?:,\s+|\s+|,?\s+and\s+|\s+of\s+(?:the\s+)?)(?:{CAP}))*")


def find_bodies(text: str) -> list[tuple[int, int]]:
    """Spans of bodies' names written with capitals: a head word ("Ministry", "University"),
    the capitalised words before it and its "of ..." complement."""
    out = []
    for h in HEAD.finditer(text):
        s, e = h.start(), h.end()
        left = LEFT.search(text, max(0, s - 80), s)
        if left:
            s = left.start()
        right = RIGHT.match(text, e)
        if right:
            e = right.end()
        # a leading lowercase connector is not part of the name
        lead = re.match(r"(?:(?:of|and|for)\s+)+", text[s:e])
        if lead:
            s += lead.end()
        out.append((s, e))
    return out
