"""The tables' contract: columns, dtypes, closed lists, ids and evidence spans."""
from __future__ import annotations

import pandas as pd
import pytest
from conftest import SEEDS

from helpers.tables import COLUMNS

EVENT = {"official_visit", "state_visit", "working_visit", "talks", "commission", "phone_call", "forum", "other"}
DOC = {"agreement", "memorandum", "roadmap", "protocol", "program", "plan", "declaration", "joint_statement",
       "treaty", "contract", "other"}
LEVEL = {"state", "national_body", "regional", "city", "company", "academic", "other"}
STATUS = {"signed", "planned", "existing"}


def test_columns_and_dtypes(dev_tables):
    for name, frame in dev_tables.items():
        assert list(frame.columns) == list(COLUMNS[name])
        for col in ("start", "end", "start_year", "end_year", "years", "n_words"):
            if col in frame:
                assert str(frame[col].dtype) == "Int64", (name, col)


def test_tables_meet_the_schema(dev_tables):
    from helpers.schema import problems

    assert problems(dev_tables) == []


def test_schema_finds_broken_tables(dev_tables):
    from dataclasses import replace

    from helpers.schema import check, problems

    docs = dev_tables.documents.copy()
    docs.loc[docs.index[0], "doc_type"] = "letter"
    docs.loc[docs.index[1], "end"] = docs.loc[docs.index[1], "start"]
    durs = dev_tables.durations.copy()
    durs.loc[durs.index[0], ["start_year", "end_year"]] = [2030, 2020]
    durs.loc[durs.index[1], "years"] = 0
    broken = replace(dev_tables, documents=docs, durations=durs,
                     areas=dev_tables.areas.drop(columns=["mention"]))
    found = problems(broken)
    assert any("start_year is after end_year" in p for p in found)
    assert any("years must be positive" in p for p in found)
    assert any("doc_type" in p and "letter" in p for p in found)
    assert any("start < end" in p for p in found)
    assert any("areas: missing columns" in p for p in found)
    with pytest.raises(ValueError):
        check(broken)


def test_closed_lists_match_the_contract():
    """labels.csv holds TABLES.md's lists (the reference data's own labels: test_reference.py)."""
    from helpers.schema import labels

    lists = labels()
    assert lists["event_type"] == EVENT and lists["doc_type"] == DOC
    assert lists["level"] == LEVEL and lists["status"] == STATUS


def test_every_row_points_at_its_evidence(dev_tables):
    texts = {p.stem: p.read_text(encoding="utf-8-sig").replace("\r\n", "\n") for p in SEEDS.glob("*.txt")}
    for name, key in (("people", "person"), ("areas", "mention"), ("documents", "title"), ("signatories", "party"),
                      ("durations", "period_text"), ("quotes", "text")):
        frame = getattr(dev_tables, name)
        assert len(frame), name
        for _, row in frame.iterrows():
            text = texts[row["article_id"]]
            assert 0 <= row["start"] < row["end"] <= len(text)
            span = text[row["start"]:row["end"]]
            if name == "signatories" and span != row[key]:
                # a shared phrase ("the Kazakh and Russian Governments") stands for each side
                assert row[key] in span or span in row[key]
            elif name == "people":
                assert span == row[key]
            else:
                assert span == row[key], (name, span, row[key])


def test_doc_ids_are_numbered_per_article(dev_tables):
    docs = dev_tables.documents
    for aid, group in docs.groupby("article_id"):
        assert list(group["doc_id"]) == [f"{aid}#{n}" for n in range(1, len(group) + 1)]
    assert set(dev_tables.signatories["doc_id"]) <= set(docs["doc_id"])
    assert set(dev_tables.durations["doc_id"]) <= set(docs["doc_id"])


def test_years_count_inclusively(dev_tables):
    d = dev_tables.durations.dropna(subset=["start_year", "end_year"])
    assert (d["years"] == d["end_year"] - d["start_year"] + 1).all()


def test_one_row_per_file(dev_tables):
    assert len(dev_tables.articles) == len(list(SEEDS.glob("*.txt")))
    assert (dev_tables.articles["status"] == "ok").all()
    assert pd.Series(dev_tables.articles["article_id"]).is_unique
