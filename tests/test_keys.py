"""One name per side and per outlet: labelled pairs that must join, and pairs that must not."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import views
from helpers.keys import outlet_key, party_key

CASES = Path(__file__).resolve().parent / "cases"


def _cases(name: str) -> list:
    data = json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))
    return [pytest.param(c, id=f"{'same' if c['same'] else 'apart'}-{str(c['a'])[:30]}-{str(c['b'])[:30]}") for c in data]


@pytest.mark.parametrize("case", _cases("party_keys"))
def test_party_keys_join_the_forms_of_one_side_only(case):
    assert (party_key(*case["a"]) == party_key(*case["b"])) is case["same"]


@pytest.mark.parametrize("case", _cases("outlet_keys"))
def test_outlet_keys_join_the_forms_of_one_outlet_only(case):
    assert (outlet_key(case["a"]) == outlet_key(case["b"])) is case["same"]


def test_the_party_network_of_the_sample_corpus_has_one_node_per_side(dev_tables):
    sig = dev_tables.signatories
    nodes, edges = views.party_network(dev_tables)
    assert nodes["party"].is_unique
    assert len(nodes) == sig["party_key"].nunique()
    forms = sig.groupby("party_key")["party"].nunique()
    assert (forms > 1).any()  # some side is written in several ways, and still one node
    names = sig.drop_duplicates("party_key").set_index("party_key")["party_name"]
    assert names.is_unique


def test_keys_and_names_are_in_the_tables(dev_tables):
    sig, arts = dev_tables.signatories, dev_tables.articles
    assert sig["party_key"].notna().all() and sig["party_name"].notna().all()
    russia = sig[(sig["country"] == "RUS") & (sig["level"] == "state")]
    assert set(russia["party_key"]) == {"RUS"} and set(russia["party_name"]) == {"Russia"}
    assert arts.loc[arts["outlet"].fillna("") != "", "outlet_key"].str.len().gt(0).all()
