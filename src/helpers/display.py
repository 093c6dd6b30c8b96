"""How the tables' codes read in charts and tables: plain names for labels and countries,
one fixed colour per country, and an article named by outlet, headline and date."""
from __future__ import annotations

import textwrap
from functools import lru_cache

import pandas as pd

from .extract.lexicon import table as rows

# A palette of 20 distinct colours; a country always takes the same one (see country_colour).
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
           "#bcbd22", "#6b6ecf", "#393b79", "#e6550d", "#31a354", "#ad494a", "#756bb1", "#843c39",
           "#d6616b", "#3182bd", "#637939", "#7b4173"]
NOT_STATED = "(not stated)"


@lru_cache(maxsize=1)
def _label_names() -> dict[tuple[str, str], str]:
    return {(r["list"], r["label"]): r["name"] for r in rows("labels") if r.get("name")}


def label_name(kind: str, code: object) -> str:
    """The plain name of a label of a closed list (``culture_humanitarian`` → "Culture &
    humanitarian"); a code outside the list is shown as written, a missing one as not stated."""
    if code is None or code is pd.NA or (isinstance(code, float) and code != code) or str(code).strip() == "":
        return NOT_STATED
    return _label_names().get((kind, str(code)), str(code))


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import pycountry

    names = {c.alpha_3: getattr(c, "common_name", None) or c.name for c in pycountry.countries}
    short: dict[str, str] = {}
    for r in rows("countries"):  # the short names news uses ("Russia", "South Korea")
        if r.get("kind") == "name" and r["alpha3"] not in short:
            short[r["alpha3"]] = r["alias"]
    return {**names, **short}


def country_name(code: object, with_code: bool = True) -> str:
    """``KAZ`` → "Kazakhstan (KAZ)" (or "Kazakhstan"); an unknown code as written."""
    if code is None or code is pd.NA or str(code).strip() == "":
        return NOT_STATED
    code = str(code)
    name = _country_names().get(code)
    if name is None:
        return code
    return f"{name} ({code})" if with_code else name


def countries_name(codes: object, sep: str = " – ") -> str:
    """A ``;``-joined list of codes as names: "KAZ;RUS" → "Kazakhstan – Russia"."""
    parts = sorted(c for c in str(codes if isinstance(codes, str) else "").split(";") if c)
    return sep.join(country_name(c, with_code=False) for c in parts) if parts else NOT_STATED


@lru_cache(maxsize=1)
def _alphabet_order() -> dict[str, int]:
    import pycountry

    return {code: i for i, code in enumerate(sorted(c.alpha_3 for c in pycountry.countries))}


_corpus_order: dict[str, int] = {}


def rank_countries(codes: list[str]) -> None:
    """Give the corpus's countries, most frequent first, the palette's distinct colours in that
    order (``notebook.load`` does this with the whole corpus, before any filter, so that every
    chart of every notebook on it shows a country in one colour)."""
    _corpus_order.clear()
    for code in dict.fromkeys(c for c in codes if c):
        if len(_corpus_order) < len(PALETTE):
            _corpus_order[code] = len(_corpus_order)


def country_colour(code: object) -> str:
    """The one colour a country has in every chart: the corpus's most frequent countries take
    the palette's colours in turn; any other country a colour fixed by its code."""
    code = str(code)
    if code in _corpus_order:
        return PALETTE[_corpus_order[code]]
    i = _alphabet_order().get(code)
    if i is None:
        return "#b0b0b0"
    return PALETTE[(i * 7) % len(PALETTE)]


def article_name(article: pd.Series | dict, width: int = 60) -> str:
    """An article as a reader knows it: "Kazinform · Tokayev meets Mirziyoyev · 2025-03-14",
    the id only where the article has no headline."""
    get = article.get
    title = str(get("title") or "").strip()
    if not title or title == "<NA>":  # no headline: what happened, between whom, and the id
        what = label_name("event_type", get("event_type")) if get("event_type") else "Article"
        title = f"{what}, {countries_name(get('countries'))} ({get('article_id')})"
    title = textwrap.shorten(title, width, placeholder="…") if len(title) > width else title
    outlet = get("outlet_name") or get("outlet")
    parts = [str(outlet or "").strip(), title, str(get("published") or "").strip()]
    return " · ".join(p for p in parts if p and p != "<NA>")


def article_names(articles: pd.DataFrame, width: int = 60) -> dict[str, str]:
    """article_id → its name (made unique where two read alike)."""
    out: dict[str, str] = {}
    seen: dict[str, int] = {}
    for r in articles.to_dict("records"):
        name = article_name(r, width)
        seen[name] = seen.get(name, 0) + 1
        out[str(r["article_id"])] = name if seen[name] == 1 else f"{name} ({seen[name]})"
    return out


def wrap(text: object, width: int = 48, lines: int = 3) -> str:
    """A long label on a few lines instead of cut."""
    return "\n".join(textwrap.wrap(str(text), width, max_lines=lines, placeholder="…")) or str(text)
