"""Reference data: the lexicons of the genre as files under ``data/reference/``.

Tables (``<name>.csv``, ``#`` lines are comments) hold patterns with attribute columns and are
found in texts by :mod:`.matcher`; word lists (``<name>.txt``) hold closed sets of words;
``cues.csv`` holds the closed classes of words and phrases that the grammar of the genre is
written with (auxiliaries, plural heads of documents, words of a side left unnamed, ...), which
code takes as regex alternations with :func:`cue`.
"""
from __future__ import annotations

import csv
import os
import re
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from collections.abc import Iterable
from typing import Mapping


def reference_dir() -> Path:
    """The folder of reference files (``HELPERS_REFERENCE`` overrides the project's own)."""
    env = os.environ.get("HELPERS_REFERENCE")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3] / "data" / "reference"


@lru_cache(maxsize=None)
def table(name: str) -> tuple[Mapping[str, str], ...]:
    """The rows of ``data/reference/<name>.csv``; lines starting with ``#`` are comments."""
    path = reference_dir() / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.lstrip().startswith("#")]
    return tuple(MappingProxyType({k: (v or "").strip() for k, v in r.items() if k}) for r in csv.DictReader(lines))


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The whitespace-separated words of ``data/reference/<name>.txt`` (``#`` starts a comment)."""
    out: set[str] = set()
    for line in (reference_dir() / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        if not line.lstrip().startswith("#"):
            out.update(line.split())
    return frozenset(out)


@lru_cache(maxsize=1)
def not_name_words() -> frozenset[str]:
    """Capitalised words that are never a person's name: words of offices and bodies, of places'
    and events' names, and the function words, days and months that open sentences and dates."""
    return words("office_words") | words("function_words") | words("facility_words")


# Same-length folding, so offsets in the folded text are offsets in the text: quotes, apostrophes,
# hyphens and spaces of many kinds become one of each.
_FOLD = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "“": '"', "”": '"', "„": '"',
                       "«": '"', "»": '"', "‐": "-", "‑": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " "})


def fold(text: str) -> str:
    """``text`` lower-cased with quotes, apostrophes, hyphens and spaces folded, same length."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer ("İ"): keep the offsets
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return low.translate(_FOLD)


def key(phrase: str) -> str:
    """The form a phrase is looked up by: folded, runs of spaces and hyphens as one space."""
    return re.sub(r"[\s-]+", " ", fold(phrase)).strip()


@lru_cache(maxsize=None)
def cue_words(name: str) -> tuple[str, ...]:
    """The phrases of class ``name`` in ``cues.csv``, in the file's order."""
    return tuple(r["phrase"] for r in table("cues") if r["cue"] == name)


MONTHS = cue_words("month")
NUMBER_WORDS = {w: i for i, w in enumerate(cue_words("number"))}
CALENDAR = frozenset(MONTHS) | frozenset(cue_words("weekday"))  # months and days: never a name
_MONTH_ALT = "|".join(sorted(list(MONTHS) + [m[:3] for m in MONTHS] + ["Sept"], key=len, reverse=True))
MACROS = {
    "{YEAR}": r"(?:19|20)\d\d",
    "{YY}": r"(?:(?:19|20)?\d\d)",
    "{NUM}": r"(?:\d{1,3}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")",
    "{DASH}": r"\s*[-‐‑‒–—―−/]\s*",
    "{MONTH}": rf"(?:{_MONTH_ALT})\.?",
    "{DAY}": r"(?:[0-3]?\d(?:st|nd|rd|th)?)",
    "{WEEKDAY}": "(?:" + "|".join(cue_words("weekday")) + ")",
    "{CAP}": r"[A-ZÀ-ÖØ-ÞĀ-ỸА-Я][\w’'.&-]*",
    "{UPPER}": r"[A-ZÀ-ÖØ-ÞĀ-ỸА-Я][A-ZÀ-ÖØ-ÞĀ-ỸА-Я’'.&-]+",
    "{WORD}": r"[\w’'-]+",
    "{Q}": r"[\"“”«»„]",
}


# a possessive after a name: "Kazakhstan's", and the bare apostrophe after an s ("Laos' Ministry")
POSSESSIVE = r"(?:[’']s|(?<=s)[’'])"
POSSESSIVE_END = re.compile(POSSESSIVE + "$")
POSSESSIVE_GAP = re.compile(POSSESSIVE + r"\s+")


def expand(form: str) -> str:
    """A form's regular expression with its macros spelled out."""
    for macro, rx in MACROS.items():
        form = form.replace(macro, rx)
    return form


@lru_cache(maxsize=None)
def alternation_of(name: str, column: str, value: str) -> str:
    """A regex alternation of the literal patterns of ``<name>.csv`` whose ``column`` is ``value``,
    longest first (for patterns that a larger regular expression places among other words)."""
    return _alternation(r["pattern"] for r in table(name) if r.get(column) == value)


@lru_cache(maxsize=None)
def cue(name: str) -> str:
    """A regex alternation of the phrases of class ``name`` in ``cues.csv``, longest first: a
    space in a phrase matches any run of spaces, and a phrase written ``re:...`` is a form with
    macros. Code places it among the words of a larger pattern: ``rf"\\s+(?:{cue('field')})\\b"``."""
    rows = cue_words(name)
    if not rows:
        raise KeyError(f"no cue {name!r} in cues.csv")
    return _alternation(rows)


def lead(name: str) -> str:
    """A lookahead for the first letters of the phrases of cue ``name`` (both cases), to put before
    ``\\b(?:{cue(name)})``: the regex engine then tries the alternation only where one can start
    (a pattern that opens with ``\\b`` gets no such check of its own; one that opens with the
    alternation has it already). Empty where a phrase is a form (``re:...``)."""
    rows = cue_words(name)
    if any(p.startswith("re:") for p in rows):
        return ""
    first = {p[0].lower() for p in rows} | {p[0].upper() for p in rows}
    return "(?=[" + "".join(re.escape(c) for c in sorted(first)) + "])"


def _alternation(phrases: Iterable[str]) -> str:
    """Phrases as one regex alternation, longest first; a space matches any run of spaces and
    ``re:...`` is a form with macros."""
    alts = {expand(p[3:]) if p.startswith("re:") else r"\s+".join(map(re.escape, p.split())) for p in phrases}
    return "|".join(sorted(alts, key=len, reverse=True))
