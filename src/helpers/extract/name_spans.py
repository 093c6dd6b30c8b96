"""Where a person's name starts and ends among an article's tokens, and the name as the tables
write it (one space between words, no possessive ending)."""
from __future__ import annotations

import re
from functools import lru_cache

from .matcher import matcher
from .names import (CAPS_FAMILY, DIGRAPH_INITIAL, DOTTED_INITIALS, bare, blocked, is_name_token, particles,
                    personal_forms, royal_styles)


@lru_cache(maxsize=1)
def _personal_style() -> re.Pattern[str]:
    """A private person's form of address, then a one-word royal style ("Dr . Sultan")."""
    return re.compile(rf"(?:^|\s)(?:{'|'.join(map(re.escape, personal_forms()))})(?:\s\.)?"
                      rf"\s(?:{'|'.join(map(re.escape, royal_styles()))})$")


def name_start(words_: list[str], k: int) -> int:
    """Index of the first token of a name that ends just before token ``k``."""
    i = k
    n = 0
    while i > 0 and n < 6:
        t = words_[i - 1]
        if is_name_token(t) and bare(t) == t:
            i -= 1
            n += 1
            continue
        if n and t in particles():
            j = i - 1
            while j > 0 and words_[j - 1] in particles():
                j -= 1  # "von der"
            if j >= 1 and is_name_token(words_[j - 1]):
                i = j
                continue
        if n and t == "." and i >= 2 and (len(words_[i - 2]) == 1 and words_[i - 2].isupper() or
                                          DIGRAPH_INITIAL.fullmatch(words_[i - 2]) and words_[i - 2] not in blocked()):
            i -= 2  # "Sitiveni L. Rabuka", "Zh. Sultanov"
            continue
        if n and i >= 2 and _personal_style().search(" ".join(words_[max(0, i - 3):i])):
            i -= 1  # "Dr. Sultan Ahmed Al Jaber": a royal style after a private person's address is a given name
            break
        if n and DOTTED_INITIALS.fullmatch(t) and t.rstrip(".") not in blocked():
            i -= 1  # "J.P. Nadda, Minister of Health"
            break
        if n == 1 and CAPS_FAMILY.fullmatch(t) and t not in blocked():
            i -= 1  # "Mr. IWAYA Takeshi, Minister for Foreign Affairs"
        break
    return i if n else k


def clean(name: str) -> str:
    """A name as the tables write it: one space between words, no possessive ending."""
    return bare(" ".join(name.split()))


def named(text: str, s: int, e: int) -> tuple[int, int, str]:
    """A name's span and text, without a possessive ending ("Olaf Scholz’s visit")."""
    name = clean(text[s:e])
    if re.search(r"[’']s$", text[s:e]):
        e -= 2
    return s, e, name


def token_at(toks, pos: int) -> int:
    lo, hi = 0, len(toks)
    while lo < hi:
        mid = (lo + hi) // 2
        if toks[mid][0] < pos:
            lo = mid + 1
        else:
            hi = mid
    return lo


def skip_courtesy(text: str, toks: list[tuple[int, int]], i: int, folded: str) -> tuple[int, str | None]:
    """Index after honorifics at token ``i`` ("H.E.", "His Highness Sheikh", "Dato' Seri", "Samdech
    Akka Moha ..."), and the last royal style skipped ("Sultan"), which may be the only office."""
    royal = None
    hm = matcher("honorifics")
    prev = ""
    while i < len(toks):
        h = hm.match(text, toks[i][0], folded=folded)
        if h is None or h.end < toks[i][1]:
            if re.fullmatch(r"[IVX]{2,5}", text[toks[i][0]:toks[i][1]]):
                i += 1  # "Yang Di-Pertuan Agong XVII"
                continue
            break
        if prev == "personal" and h.row["kind"] == "royal" and " " not in h.row["pattern"]:
            break  # "Dr. Sultan Ahmed Al Jaber": after a private person's form of address, a given name
        prev = h.row["kind"]
        if h.row["kind"] == "royal":
            royal = text[h.start:h.end]
        while i < len(toks) and toks[i][0] < h.end:
            i += 1
        if i < len(toks) and text[toks[i][0]:toks[i][1]] == ".":
            i += 1
    return i, royal
