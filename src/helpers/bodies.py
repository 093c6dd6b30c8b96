"""Names of bodies written out in the text ("Ministry of Culture and Sports", "Higher School of
Economics"): the words inside them name the body, not a field of cooperation."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .reference import alternation, words


@lru_cache(maxsize=1)
def body_word() -> re.Pattern[str]:
    """Any head word of a body's name (data/reference/body_words.txt)."""
    alt = alternation(sorted(words("body_words")))
    # literal first, so the engine skips ahead fast; the boundary before is checked in body_words()
    return re.compile(rf"(?:{alt})\b")


def body_words(text: str) -> Iterator[re.Match[str]]:
    """Every head word of a body's name in ``text`` that starts a word."""
    for m in body_word().finditer(text):
        if not m.start() or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            yield m


def has_body_word(name: str) -> bool:
    """True for a phrase that names an organisation by its head word ("Aiyl Bank", "JSC KazMunayGas")."""
    return next(body_words(name), None) is not None


CAP = r"[A-Z][\w’'-]*"
RIGHT = re.compile(rf"\s+(?:of|for|on)\s+(?:the\s+)?{CAP}(?:(?:,\s+|\s+|,?\s+and\s+|\s+of\s+(?:the\s+)?)(?:{CAP}))*")


def _left_edge(text: str, pos: int) -> int:
    """Where the capitalised words (and "of", "and", "for") before ``pos`` begin, up to six."""
    words_before = text[max(0, pos - 80):pos].split(" ")
    if words_before and words_before[-1] == "":
        words_before.pop()
    else:
        return pos  # the head word is not preceded by a space
    n, taken = 0, 0
    for w in reversed(words_before):
        if n == 6 or not w or not (w[0].isupper() or w in ("of", "and", "for")):
            break
        taken += len(w) + 1
        n += 1
    return pos - taken


def find_bodies(text: str) -> list[tuple[int, int]]:
    """Spans of bodies' names written with capitals: a head word ("Ministry", "University"),
    the capitalised words before it and its "of ..." complement."""
    out = []
    for h in body_words(text):
        s, e = h.start(), h.end()
        s = _left_edge(text, s)
        right = RIGHT.match(text, e)
        if right:
            e = right.end()
        # a leading lowercase connector is not part of the name
        lead = re.match(r"(?:(?:of|and|for)\s+)+", text[s:e])
        if lead:
            s += lead.end()
        out.append((s, e))
    return out


# "Ministry of Ecology, Geology and Natural Resources": a body's fields listed with commas,
# the last joined by "and" -- capitalised words only, none a body's head word or a country
FIELDS_AFTER_COMMA = re.compile(rf",\s+{CAP}(?:\s+{CAP})*(?:,\s+{CAP}(?:\s+{CAP})*)*,?\s+and\s+{CAP}(?:\s+{CAP})*")
FIELDS_BEFORE_COMMA = re.compile(rf"\s(?:of|for)\s+(?:the\s+)?{CAP}(?:\s+(?:and\s+)?{CAP})*$")


def fields_end(text: str, comma: int) -> int | None:
    """Where a body's list of fields that goes on at ``comma`` ends ("Ministry of Digital
    Development, Innovation and Aerospace Industry"), or None when the comma is between bodies."""
    from .countries import find_countries

    before = text[max(0, comma - 80):comma]
    m = FIELDS_BEFORE_COMMA.search(before)
    if not m:
        return None
    heads = [h for h in body_words(before[:m.start() + 1]) if h.end() >= m.start() - 1]
    if not heads:
        return None  # the words before "of" are no body's head ("Ministry", "Committee")
    tail = FIELDS_AFTER_COMMA.match(text, comma)
    if not tail:
        return None
    fields = before[m.start():] + text[comma:tail.end()]
    if has_body_word(text[comma:tail.end()]) or find_countries(fields):
        return None
    return tail.end()


def comma_in_name(text: str, comma: int) -> bool:
    """True for a comma inside a body's list of fields, not one between two bodies."""
    return fields_end(text, comma) is not None
