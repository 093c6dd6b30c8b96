"""One name per side and per outlet: a key that joins the written forms of one body
("Russian Government", "Government of Russia", "Russia"), and the name it is shown by. The
tables keep every form as written; counting, the network and the timeline use the keys."""
from __future__ import annotations

import re
import unicodedata
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


def _shown(forms: pd.Series) -> str:
    """The form written most often (the shortest among equals)."""
    counts = forms.value_counts()
    best = max(counts.index, key=lambda f: (counts[f], -len(f), f))
    return str(best)


def with_party_keys(signatories: pd.DataFrame) -> pd.DataFrame:
    """The signatories with ``party_key`` and ``party_name`` (a state by its country's name, a
    body by the form written most often, with its country's code)."""
    out = signatories.copy()
    if out.empty:
        out["party_key"] = pd.Series(dtype="string")
        out["party_name"] = pd.Series(dtype="string")
        return out
    out["party_key"] = [party_key(p, c, lv) for p, c, lv in zip(out["party"], out["country"], out["level"])]
    names = {}
    for key, group in out.groupby("party_key", sort=False):
        code = str(group["country"].iloc[0]) if group["country"].notna().any() else ""
        if ":" not in key:
            names[key] = country_name(key, with_code=False)
        else:
            form = _shown(group["party"].astype(str))
            names[key] = f"{form} ({code})" if code and country_name(code, False) not in form else form
    out["party_name"] = out["party_key"].map(names)
    return out.astype({"party_key": "string", "party_name": "string"})


def with_outlet_keys(articles: pd.DataFrame) -> pd.DataFrame:
    """The articles with ``outlet_key`` and ``outlet_name`` (the form written most often)."""
    out = articles.copy()
    written = out["outlet"].astype("string").fillna("").str.strip()
    out["outlet_key"] = [outlet_key(o) if o else "" for o in written]
    names = {k: _shown(written[out["outlet_key"] == k]) for k in set(out["outlet_key"]) if k}
    out["outlet_name"] = out["outlet_key"].map(lambda k: names.get(k, ""))
    return out.astype({"outlet_key": "string", "outlet_name": "string"})
