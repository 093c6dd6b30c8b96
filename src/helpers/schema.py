"""What a valid table is: columns, dtypes, closed label lists, spans. For tests and notebooks."""
from __future__ import annotations

from functools import lru_cache

from .extract.lexicon import table as rows
from .tables import COLUMNS, Tables

LABELLED = {("articles", "event_type"): "event_type", ("documents", "doc_type"): "doc_type",
            ("documents", "status"): "status", ("signatories", "level"): "level", ("areas", "area"): "area"}
SPANS = ("people", "areas", "documents", "signatories", "durations", "quotes")


@lru_cache(maxsize=1)
def labels() -> dict[str, frozenset[str]]:
    """The closed lists of ``data/reference/labels.csv``: list name -> labels."""
    out: dict[str, set[str]] = {}
    for r in rows("labels"):
        out.setdefault(r["list"], set()).add(r["label"])
    return {k: frozenset(v) for k, v in out.items()}


def problems(tables: Tables) -> list[str]:
    """Every way the tables break the contract (empty when they are valid)."""
    found: list[str] = []
    for name, frame in tables.items():
        expected = COLUMNS[name]
        missing = [c for c in expected if c not in frame.columns]
        if missing:
            found.append(f"{name}: missing columns {missing}")
            continue
        for col, dtype in expected.items():
            if str(frame[col].dtype) != dtype:
                found.append(f"{name}.{col}: dtype {frame[col].dtype}, expected {dtype}")
        for (table, col), lst in LABELLED.items():
            if table == name and len(frame):
                bad = sorted(set(frame[col].dropna()) - labels()[lst])
                if bad:
                    found.append(f"{name}.{col}: labels outside the closed list: {bad}")
        if name in SPANS and len(frame):
            bad = frame[~(frame["start"] < frame["end"]) | (frame["start"] < 0)]
            if len(bad):
                found.append(f"{name}: {len(bad)} rows whose span is not start < end")
    d = tables.durations
    if len(d) and "start_year" in d and "end_year" in d:
        backwards = (d["start_year"] > d["end_year"]).fillna(False)
        if backwards.any():
            found.append(f"durations: {int(backwards.sum())} rows whose start_year is after end_year")
        if "years" in d and (d["years"] <= 0).fillna(False).any():
            found.append("durations: years must be positive")
    known = set(tables.articles["article_id"])
    for name, frame in tables.items():
        if name != "articles" and len(frame) and not set(frame["article_id"]) <= known:
            found.append(f"{name}: rows of articles not in the articles table")
    docs = set(tables.documents["doc_id"])
    for name in ("signatories", "durations"):
        frame = getattr(tables, name)
        if len(frame) and not set(frame["doc_id"]) <= docs:
            found.append(f"{name}: rows of documents not in the documents table")
    return found


def check(tables: Tables) -> Tables:
    """The tables, or a ValueError listing every problem."""
    found = problems(tables)
    if found:
        raise ValueError("tables break the contract:\n  " + "\n  ".join(found))
    return tables
