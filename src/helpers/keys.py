"""One name per side and per outlet: a key that joins the written forms of one body
("Russian Government", "Government of Russia", "Russia"), and the name it is shown by. The
tables keep every form as written; counting, the network and the timeline use the keys."""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

import pandas as pd

from .display import country_name
from .extract.lexicon import cue_words, table

_WORD = re.compile(r"[a-z0-9]+")
_BRACKET = re.compile(r"\s*\([^()]*\)")
_POSSESSIVE = re.compile(r"[’']s\b")
_TLD = re.compile(r"^(?:https?://)?(?:www\.)?|(?:\.(?:gov|com|org|net|edu|ac|co|info|news))*\.[a-z]{2,3}/?$")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=1)
def _country_words() -> dict[str, frozenset[str]]:
    """alpha-3 → the words of its names and demonyms (a body's key leaves them out)."""
    import pycountry

    forms: dict[str, set[str]] = {}
    for c in pycountry.countries:
        for name in (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")):
            forms.setdefault(c.alpha_3, set()).update(_WORD.findall(_fold(name or "")))
    for r in table("countries"):
        forms.setdefault(r["alpha3"], set()).update(_WORD.findall(_fold(r["alias"])))
    for r in table("demonyms"):
        forms.setdefault(r["alpha3"], set()).update(_WORD.findall(_fold(r["demonym"])))
    return {k: frozenset(v - {"of", "the", "and"}) for k, v in forms.items()}


@lru_cache(maxsize=1)
def _fillers() -> frozenset[str]:
    return frozenset(cue_words("name_filler"))


def party_key(party: object, country: object, level: object) -> str:
    """The key of one side: a state or its government is its country (``KAZ``); a body is its
    country and the words of its name without the country's names, fillers, possessives or a
    bracketed acronym, in any order (``KAZ:energy ministry``)."""
    code = "" if country is None or country is pd.NA else str(country)
    if str(level) == "state" and code:
        return code
    text = _POSSESSIVE.sub("", _BRACKET.sub("", _fold(str(party or ""))))
    drop = _fillers() | _country_words().get(code, frozenset()) | {"republic"}
    kept = sorted(set(_WORD.findall(text)) - drop)
    if not kept:  # the name was only the country's: "the Republic of Kazakhstan" as a body
        kept = sorted(set(_WORD.findall(text)) - _fillers())
    return f"{code}:{' '.join(kept)}"


@lru_cache(maxsize=1)
def _outlet_fillers() -> tuple[str, ...]:
    return tuple(sorted(cue_words("outlet_filler"), key=len, reverse=True))


def outlet_key(outlet: object) -> str:
    """The key of an outlet: letters and digits only, without a web address's frame, "press
    service", "news agency" or fillers ("primeminister.kz", "Prime Minister's press service"
    → ``primeminister``)."""
    text = _POSSESSIVE.sub("", _fold(str(outlet or "")).strip())
    text = _TLD.sub("", text)
    for filler in _outlet_fillers():
        text = text.replace(filler, " ")
    return "".join(w for w in _WORD.findall(text) if w not in _fillers())


def _best(counts: Counter) -> str:
    """The form written most often (the shortest, then the first in order, among equals)."""
    return min(counts, key=lambda f: (-counts[f], len(f), f))


def party_names(forms: dict[str, Counter], countries: dict[str, str]) -> dict[str, str]:
    """Each side's display name from the forms written under its key (and how often) and its
    country: a state by its country's common name; a body by its most written form, with the
    country's code where the form does not name the country."""
    out = {}
    for key, counts in forms.items():
        if ":" not in key:
            out[key] = country_name(key, with_code=False)
            continue
        form, code = _best(counts), countries.get(key, "")
        out[key] = f"{form} ({code})" if code and country_name(code, False) not in form else form
    return out


def outlet_names(forms: dict[str, Counter]) -> dict[str, str]:
    """Each outlet's display name: its form written most often."""
    return {key: _best(counts) for key, counts in forms.items() if key}


def party_forms(signatories: pd.DataFrame, forms: dict[str, Counter], countries: dict[str, str]) -> None:
    """Count the forms under each party key of these rows into ``forms`` (and note each key's
    country), so that names can be given once all rows of a corpus are seen."""
    # plain lists: iterating Arrow-backed columns value by value is slow
    for key, party, code in zip(signatories["party_key"].tolist(), signatories["party"].astype(str).tolist(),
                                signatories["country"].tolist()):
        forms.setdefault(key, Counter())[party] += 1
        if key not in countries and isinstance(code, str) and code:
            countries[key] = code


def outlet_forms(articles: pd.DataFrame, forms: dict[str, Counter]) -> None:
    """Count the written forms under each outlet key of these rows into ``forms``."""
    for key, outlet in zip(articles["outlet_key"].tolist(), articles["outlet"].astype("string").fillna("").tolist()):
        if key:
            forms.setdefault(key, Counter())[str(outlet).strip()] += 1


def add_party_keys(signatories: pd.DataFrame) -> pd.DataFrame:
    """The signatories with their ``party_key`` (names come once the corpus is seen)."""
    keys = [party_key(p, c, lv) for p, c, lv in zip(signatories["party"].tolist(), signatories["country"].tolist(),
                                                    signatories["level"].tolist())]
    return signatories.assign(party_key=pd.Series(keys, index=signatories.index, dtype="string"))


def add_outlet_keys(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles with their ``outlet_key``."""
    written = articles["outlet"].astype("string").fillna("").str.strip().tolist()
    return articles.assign(outlet_key=pd.Series([outlet_key(o) if o else "" for o in written],
                                                index=articles.index, dtype="string"))


def with_party_keys(signatories: pd.DataFrame) -> pd.DataFrame:
    """The signatories with ``party_key`` and ``party_name`` (all rows of a corpus at once)."""
    out = add_party_keys(signatories)
    forms: dict[str, Counter] = {}
    countries: dict[str, str] = {}
    party_forms(out, forms, countries)
    names = party_names(forms, countries)
    return out.assign(party_name=out["party_key"].map(names).astype("string"))


def with_outlet_keys(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles with ``outlet_key`` and ``outlet_name`` (all rows of a corpus at once)."""
    out = add_outlet_keys(articles)
    forms: dict[str, Counter] = {}
    outlet_forms(out, forms)
    names = outlet_names(forms)
    return out.assign(outlet_name=out["outlet_key"].map(lambda k: names.get(k, "")).astype("string"))
