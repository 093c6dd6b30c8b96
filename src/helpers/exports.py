"""Frames for analysts who open a spreadsheet rather than pandas, written beside the tables:
one row per document with its parties, period and article, and one row per article and country."""
from __future__ import annotations

import pandas as pd

from .display import country_name
from .tables import Tables

WIDE_COLUMNS = ["doc_id", "article_id", "published", "outlet", "article_title", "event_type", "doc_type",
                "status", "title", "parties", "party_countries", "party_levels", "period_text", "start_year",
                "end_year", "years"]
LONG_COLUMNS = ["article_id", "country", "country_name", "published", "event_type", "outlet"]


def documents_wide(tables: Tables) -> pd.DataFrame:
    """One row per document: its type, status and title, its parties (one name per side,
    ``; ``-joined), their countries and levels, its period, and its article's date and outlet."""
    docs = tables.documents[["article_id", "doc_id", "doc_type", "status", "title"]]
    sig = tables.signatories
    # one pass in plain Python: a groupby with a function per document costs seconds per thousand
    sides: dict[str, tuple[dict, set, dict]] = {}
    for doc, name, country, level in zip(sig["doc_id"], sig["party_name"], sig["country"], sig["level"]):
        names, countries, levels = sides.setdefault(doc, ({}, set(), {}))
        if isinstance(name, str) and name:
            names[name] = None
        if isinstance(country, str) and country:
            countries.add(country)
        if isinstance(level, str) and level:
            levels[level] = None
    parties = pd.DataFrame([(d, "; ".join(n), ";".join(sorted(c)), ";".join(lv)) for d, (n, c, lv) in sides.items()],
                           columns=["doc_id", "parties", "party_countries", "party_levels"])
    periods = tables.durations[["doc_id", "period_text", "start_year", "end_year", "years"]].drop_duplicates("doc_id")
    arts = tables.articles[["article_id", "published", "outlet_name", "title", "event_type"]].rename(
        columns={"title": "article_title", "outlet_name": "outlet"})
    out = (docs.merge(parties, on="doc_id", how="left").merge(periods, on="doc_id", how="left")
           .merge(arts, on="article_id", how="left"))
    return out.reindex(columns=WIDE_COLUMNS).astype({c: "string" for c in WIDE_COLUMNS
                                                     if c not in ("start_year", "end_year", "years")})


def article_countries(tables: Tables) -> pd.DataFrame:
    """One row per article and country taking part, with the country's name."""
    arts = tables.articles
    rows = [{"article_id": a, "country": c, "country_name": country_name(c, with_code=False), "published": p,
             "event_type": e, "outlet": o}
            for a, cs, p, e, o in zip(arts["article_id"], arts["countries"].astype("string").fillna(""),
                                      arts["published"], arts["event_type"], arts["outlet_name"])
            for c in str(cs).split(";") if c]
    return pd.DataFrame(rows, columns=LONG_COLUMNS).astype("string")


EXPORTS = {"documents_wide": documents_wide, "article_countries": article_countries}
