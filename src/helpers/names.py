"""What a person's name looks like, token by token, and how two spellings of one name compare."""
from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from .countries import aliases
from .reference import rows, words

PARTICLES = {"bin", "ibn", "al", "el", "van", "von", "de", "der", "da", "di", "du", "la", "le", "ben", "ter"}
POSSESSIVE = re.compile(r"[’']s$")
NAME_TOKEN = re.compile(r"^[A-Z\u00C0-\u00DE\u0100-\u017F][^\W\d_]*(?:[-’'][^\W\d_]+)*$")


@lru_cache(maxsize=1)
def _blocked() -> frozenset[str]:
    """Capitalised words that are never part of a person's name."""
    out = set(words("office_words")) | set(words("honorifics"))
    out.update(alias for alias in aliases() if " " not in alias)
    for r in rows("titles"):
        out.update(w for w in r["phrase"].split() if w[:1].isupper())
    out.update(r["alias"] for r in rows("countries"))
    return frozenset(out)


def bare(token: str) -> str:
    """A token without its possessive ending."""
    return POSSESSIVE.sub("", token)


def is_name_token(token: str) -> bool:
    """True for a capitalised word that can be part of a person's name."""
    t = bare(token)
    if not NAME_TOKEN.match(t) or t.isupper() and len(t) > 1:
        return False
    if t in _blocked() or t.split("-")[0] in _blocked():
        return False
    return any(c.islower() for c in t)


@lru_cache(maxsize=8192)
def same_name(a: str, b: str) -> bool:
    """True when two written names are one person: same surname and first name (or one is a
    bare surname), allowing spelling variants ("Szijarto"/"Siyarto", "Aleksandr"/"Alexander")."""
    ta, tb = a.split(), b.split()
    if not ta or not tb:
        return False
    if not _close(surname(a), surname(b)):
        return False
    if len(ta) == 1 or len(tb) == 1:
        return True
    return _close(given(a), given(b))


def family_first(name: str) -> bool:
    """True for a name written family name first ("Xi Jinping", "Yoon Suk Yeol")."""
    parts = name.split()
    return len(parts) > 1 and parts[0] in words("family_first")


def surname(name: str) -> str:
    """The word a person is later called by alone: the family name."""
    parts = name.split()
    return parts[0] if family_first(name) else parts[-1] if parts else ""


def given(name: str) -> str:
    """The given name's first word (the other end from the family name)."""
    parts = name.split()
    return parts[-1] if family_first(name) else parts[0] if parts else ""


def _close(x: str, y: str) -> bool:
    x, y = x.lower(), y.lower()
    if x == y:
        return True
    return len(x) > 3 and len(y) > 3 and x[0] == y[0] and SequenceMatcher(None, x, y).ratio() >= 0.72
