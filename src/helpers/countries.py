"""Countries named in text: names, official names, demonyms, capitals and regions, as ISO alpha-3."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from .reference import rows

POSSESSIVE = r"(?:[’']s)?"


@dataclass(frozen=True)
class CountryMention:
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
    for r in rows("countries"):
        if r["kind"] != "stem":
            out[r["alias"]] = (r["alpha3"], r["kind"])
    return out


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    names = sorted(aliases(), key=len, reverse=True)
    body = "|".join(re.escape(n) for n in names)
    # "the Republic of ..." and a possessive belong to the mention; case matters (Turkey, Georgia)
    return re.compile(rf"(?<![\w-])(?:the\s+)?({body}){POSSESSIVE}(?![\w])")


@lru_cache(maxsize=1)
def _stems() -> tuple[tuple[str, str], ...]:
    found = [(r["alias"], r["alpha3"]) for r in rows("countries") if r["kind"] == "stem"]
    return tuple(sorted(found, key=lambda x: len(x[0]), reverse=True))


def find_countries(text: str) -> list[CountryMention]:
    """Every country mention in ``text``, left to right, longest alias first where they overlap."""
    out = []
    table = aliases()
    for m in _pattern().finditer(text):
        name = m.group(1)
        alpha3, kind = table[name]
        # a demonym followed by a hyphen is half of a pair ("Kazakh-Russian"): still a mention
        out.append(CountryMention(m.start(1), m.end(1), alpha3, kind, name))
    return out


def lookup(name: str) -> str | None:
    """The alpha-3 code of a country alias as written (``"Kyrgyz Republic"`` -> ``"KGZ"``)."""
    name = re.sub(r"^the\s+", "", name.strip(), flags=re.I)
    name = re.sub(r"[’']s$", "", name)
    hit = aliases().get(name)
    return hit[0] if hit else None


def country_in(phrase: str) -> str | None:
    """The country a phrase names or implies: an alias inside it, else a company-name stem."""
    found = find_countries(phrase)
    if found:
        # the last country named is the one the body belongs to ("Ministry ... of Kazakhstan")
        return found[-1].alpha3
    for token in re.findall(r"[A-Z][\w]+", phrase):
        for stem, alpha3 in _stems():
            if token.startswith(stem) and len(token) > len(stem) + 2:
                return alpha3
    return None
