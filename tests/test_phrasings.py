"""Small labelled phrasings of the genre: a sentence and the rows it must give."""
from __future__ import annotations

import pytest
from conftest import cases

from helpers import parse_article
from helpers.extract.periods import find_periods


@pytest.mark.parametrize("case", cases("periods"))
def test_period(case):
    found = find_periods(case["text"])
    if case["expect"] is None:
        assert found == []
    else:
        assert found, "no period found"
        p = found[-1]
        assert [p.start_year, p.end_year, p.years] == case["expect"]
        assert case["text"][p.start:p.end] == p.text


@pytest.mark.parametrize("case", cases("people"))
def test_people(case):
    rows = parse_article(case["text"], "case").people
    got = {(r["person"], r["title"], r["country"] or None) for r in rows}
    for name, title, country in case["people"]:
        match = [g for g in got if g[0] == name]
        assert match, f"{name} not found in {got}"
        assert match[0][1] == title
        if country is not None:
            assert match[0][2] == country
    if case.get("exact"):
        assert len(got) == len(case["people"]), got


@pytest.mark.parametrize("case", cases("documents"))
def test_documents(case):
    rows = parse_article(case["text"], "case").documents
    got = [[r["doc_type"], r["status"], r["title"]] for r in rows]
    assert got == case["documents"]


@pytest.mark.parametrize("case", cases("parties"))
def test_parties(case):
    rows = parse_article(case["text"], "case").signatories
    got = [[r["party"], r["country"] or None, r["level"]] for r in rows]
    expected = [[n, c, lvl] for n, c, lvl in case["parties"]]
    # a party's country may be left to the article's context where the name gives none
    assert [[n, lvl] for n, _, lvl in got] == [[n, lvl] for n, _, lvl in expected]
    for (_, c, _), (_, ec, _) in zip(got, expected):
        if ec is not None:
            assert c == ec


@pytest.mark.parametrize("case", cases("areas"))
def test_areas(case):
    rows = parse_article(case["text"], "case").areas
    assert {r["area"] for r in rows} == set(case["areas"])


@pytest.mark.parametrize("case", cases("quotes"))
def test_quotes(case):
    text = (case.get("people", "") + "\n" + case["text"]).lstrip("\n")
    rows = parse_article(text, "case").quotes
    got = [[r["speaker"], r["text"]] for r in rows]
    assert len(got) == len(case["quotes"]), got
    for (speaker, start), (gs, gt) in zip(case["quotes"], got):
        assert gs == speaker
        assert gt.startswith(start)


@pytest.mark.parametrize("case", cases("articles"))
def test_article_fields(case):
    art = parse_article(case["text"], "case").article
    for key in ("outlet", "event_type", "title", "published", "countries"):
        if key in case:
            assert art[key] == case[key]


@pytest.mark.parametrize("case", cases("durations"))
def test_durations(case):
    rows = parse_article(case["text"], "case")
    titles = {d["doc_id"]: d["title"] for d in rows.documents}
    got = [[titles[r["doc_id"]], r["period_text"], r["start_year"], r["end_year"], r["years"]] for r in rows.durations]
    assert len(got) == len(case["durations"]), got
    for (title, *rest), (prefix, *expected) in zip(got, case["durations"]):
        assert title.startswith(prefix)
        assert rest == expected
        assert case["text"].find(expected[0]) >= 0
