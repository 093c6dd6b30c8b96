"""The level of a body from its name (TABLES.md: level): ``levels.csv``'s patterns, a government
named after its place (a subdivision's regional, a city's city, a state's state), else its kind's
level (``kind_levels.csv``)."""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import cue, table
from .places import aliases, city_country, scan, subdivision_at


@lru_cache(maxsize=4096)
def level_of(name: str, kind: str | None = None) -> str:
    """The level of a body from its name, countries aside (``levels.csv``): the first pattern that
    matches the words up to the head ("Committee" of "Committee on Television and Radio"), else the
    first that matches anywhere, else its kind's (``kind_levels.csv``); a name of no known kind is a
    company's."""
    # "Government of Sindh", "Punjab Government", "Hanoi People's Committee": a place's own (not a
    # state's, "Government of Singapore")
    local = LOCAL_GOVERNMENT.fullmatch(name.strip())
    place = (local.group("a") or local.group("b")).strip() if local else ""
    if local and aliases().get(place, ("", ""))[1] not in ("name", "official", "demonym"):
        if city_country(place, 100_000):
            return "city"  # (a city first: "Administration of Astana", a city of a region's rank)
        sub = subdivision_at(place)
        if sub is not None and sub[0] == place:
            return "regional"
    core = name
    for s, e, _, k, _ in sorted(scan(name), reverse=True):
        if k in ("name", "official", "demonym", "seat"):
            core = core[:s] + core[e:]
    cut = HEAD_END.search(core)
    head_end = cut.start() if cut else len(core)
    anywhere = None
    for rx, level in _levels():
        m = rx.search(core)
        if m and m.start() < head_end:
            return level
        anywhere = anywhere or (level if m else None)
    if anywhere:
        return anywhere
    return _kind_levels().get(kind, "other") if kind is not None else "company"


HEAD_END = re.compile(r"\s(?:of|on|for|under|in)\s")
# a government named after its place: "Government of Sindh", "Punjab Government", "Hanoi People's Committee"
_HEAD = rf"(?i:{cue('local_head')})"
LOCAL_GOVERNMENT = re.compile(rf"(?:the\s+)?{_HEAD}\s+of\s+(?:the\s+)?(?P<a>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,2}})"
                              rf"|(?P<b>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,2}}?)\s+{_HEAD}")  # (a level word: levels.csv)


@lru_cache(maxsize=1)
def _kind_levels() -> dict[str, str]:
    return {r["kind"]: r["level"] for r in table("kind_levels")}


@lru_cache(maxsize=1)
def _levels() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(r["pattern"], re.I), r["level"]) for r in table("levels"))
