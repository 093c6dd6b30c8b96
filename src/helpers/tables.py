"""The seven tables: fixed columns and dtypes, built from every article of a corpus."""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from .parse import ArticleRows

STR = "string"
INT = "Int64"
COLUMNS: dict[str, dict[str, str]] = {
    "articles": {"article_id": STR, "file": STR, "status": STR, "outlet": STR, "title": STR,
                 "published": STR, "event_type": STR, "countries": STR, "n_words": INT, "url": STR,
                 "text_source": STR, "outlet_key": STR, "outlet_name": STR},
    "people": {"article_id": STR, "person": STR, "title": STR, "country": STR, "start": INT, "end": INT},
    "areas": {"article_id": STR, "area": STR, "mention": STR, "start": INT, "end": INT},
    "documents": {"article_id": STR, "doc_id": STR, "doc_type": STR, "status": STR, "title": STR,
                  "start": INT, "end": INT},
    "signatories": {"article_id": STR, "doc_id": STR, "party": STR, "country": STR, "level": STR,
                    "start": INT, "end": INT, "party_key": STR, "party_name": STR},
    "durations": {"article_id": STR, "doc_id": STR, "period_text": STR, "start_year": INT, "end_year": INT,
                  "years": INT, "start": INT, "end": INT},
    "quotes": {"article_id": STR, "speaker": STR, "text": STR, "start": INT, "end": INT},
}


@dataclass
class Tables:
    """The seven tables of a corpus, as DataFrames with the columns of TABLES.md."""

    articles: pd.DataFrame
    people: pd.DataFrame
    areas: pd.DataFrame
    documents: pd.DataFrame
    signatories: pd.DataFrame
    durations: pd.DataFrame
    quotes: pd.DataFrame

    def items(self) -> list[tuple[str, pd.DataFrame]]:
        """(name, frame) for each table, in the contract's order."""
        return [(f.name, getattr(self, f.name)) for f in fields(self)]

    def filter(self, countries: list[str] | None = None, partner: str | None = None,
               years: list[int] | None = None, event_types: list[str] | None = None) -> "Tables":
        """The tables of the articles that involve any of ``countries`` (and ``partner``, where
        given), were published in one of ``years`` and report one of ``event_types``; every
        table keeps only those articles' rows, so the seven stay consistent. Empty or None
        filters keep everything."""
        arts = self.articles
        keep = pd.Series(True, index=arts.index)
        codes = arts["countries"].astype("string").fillna("").str.split(";")
        if countries:
            wanted = {c.strip().upper() for c in countries}
            keep &= codes.map(lambda cs: bool(wanted & set(cs)))
        if partner:
            keep &= codes.map(lambda cs: partner.strip().upper() in cs)
        if years:
            year = pd.to_numeric(arts["published"].astype("string").str[:4], errors="coerce")
            keep &= year.isin([int(y) for y in years]).fillna(False).astype(bool)
        if event_types:
            keep &= arts["event_type"].isin(list(event_types)).fillna(False).astype(bool)
        ids = set(arts.loc[keep, "article_id"])
        return Tables(**{name: (f[f["article_id"].isin(ids)] if name != "articles" else arts[keep])
                         .reset_index(drop=True) for name, f in self.items()})

    def write(self, out: str | Path) -> list[Path]:
        """Each table as ``<name>.csv`` in ``out``, written whole (see ``output.write``)."""
        from .output import write

        return write(self, Path(out))


def read_tables(folder: str | Path) -> Tables:
    """The tables a build wrote (CSV or Parquet), read back as they were: every id and text as
    a string (so ``NA``, ``null`` or ``0001`` stay what they are), counts and offsets as
    integers. Use this, not a bare ``pd.read_csv``; spreadsheet users see the README's note."""
    from .writer import read_frame

    return Tables(**{name: read_frame(Path(folder), name) for name in COLUMNS})


def frame(name: str, records: list[dict]) -> pd.DataFrame:
    """A table's DataFrame with its fixed columns and dtypes (also when empty)."""
    cols = COLUMNS[name]
    df = pd.DataFrame.from_records(records, columns=list(cols))
    return df.astype(cols)


def frames(parsed: list[ArticleRows]) -> dict[str, pd.DataFrame]:
    """The rows of some articles as one frame per table (keys and names not yet given)."""
    collected: dict[str, list[dict]] = {name: [] for name in COLUMNS}
    for r in parsed:
        collected["articles"].append(r.article)
        for name in COLUMNS:
            if name != "articles":
                collected[name].extend(getattr(r, name))
    return {name: frame(name, recs) for name, recs in collected.items()}


def assemble(parsed: list[ArticleRows]) -> Tables:
    """Tables from the rows of many articles, with the keys and names of sides and outlets."""
    from .keys import with_outlet_keys, with_party_keys

    tables = frames(parsed)
    tables["signatories"] = with_party_keys(tables["signatories"])
    tables["articles"] = with_outlet_keys(tables["articles"])
    return Tables(**tables)


def build_tables(corpus: str | Path, **options) -> Tables:
    """Parse every article of a corpus folder into the seven tables (see ``build.Build`` for
    the options: cache, max_mb, time_limit, progress)."""
    from .build import Build  # the build reads files and parses; the tables only hold rows

    return Build(**options).run(corpus)
