"""The notebooks' summaries, on texts parsed for real and on the dev corpus."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers import summary
from helpers.parse import parse_article
from helpers.tables import assemble

TEXTS = {
    "signed_for_a_term": (
        "ASTANA, March 3 (Kazinform) – Kazakhstan and Uzbekistan discussed trade and tourism. "
        "The ministries of tourism of Kazakhstan and Uzbekistan signed an agreement on cooperation "
        "in tourism for five years.", {"published": "2023-03-03"}),
    "periods_stated": (
        "The Ministry of Energy of Kazakhstan and the Ministry of Energy of Uzbekistan signed a "
        "roadmap for 2024-2026 on energy cooperation. The sides also signed a memorandum until 2030.", {}),
    "no_documents": ("The presidents of Kazakhstan and Kyrgyzstan discussed water and energy by phone.", {}),
}


@pytest.fixture(scope="module")
def small():
    return assemble([parse_article(text, aid, f"{aid}.txt", "ok", meta) for aid, (text, meta) in TEXTS.items()])


def test_counts_sorts_and_sums_the_rest():
    values = pd.Series(["a", "b", "b", "", None, "c", "c", "c"], dtype="string")
    out = summary.counts(values, "v", top=3)
    assert out.to_dict("records") == [{"v": "c", "count": 3}, {"v": "b", "count": 2},
                                      {"v": summary.OTHER, "count": 3}]
    assert summary.counts(values, "v")["v"].tolist() == ["c", "b", summary.UNKNOWN, "a"]


def test_country_pairs_are_sorted_labels(dev_tables):
    pairs = summary.country_pairs(dev_tables.articles)
    model = dev_tables.articles["article_id"] == "000_3b5b4069b4a23625"
    assert pairs[model].item() == "BLR–KAZ"
    assert not pairs.isna().any()


def test_per_article_keeps_articles_without_rows(small):
    per = summary.per_article(small).set_index("article_id")
    assert per.loc["no_documents", "documents"] == 0
    assert per.loc["periods_stated", "documents"] == 2
    assert per.loc["no_documents", "areas"] == 2  # water, energy


def test_areas_discussed_and_covered_by_signed_documents(small):
    both = summary.areas_discussed_and_signed(small).set_index("area")
    assert both.loc["tourism"].tolist() == [1, 1]
    assert both.loc["trade"].tolist() == [1, 0]
    assert both.loc["water"].tolist() == [1, 0]


def test_area_matrix_orders_areas_and_articles(dev_tables):
    m = summary.area_matrix(dev_tables.areas, top_articles=5)
    per_area = summary.articles_per_area(dev_tables.areas)
    assert list(m.columns) == per_area["area"].tolist()
    breadth = (m > 0).sum(axis=1).tolist()
    assert len(m) == 5 and breadth == sorted(breadth, reverse=True)


def test_periods_work_out_years_from_a_term_and_the_date(small):
    p = summary.periods(small).set_index("doc_id")
    assert p.loc["signed_for_a_term#1", ["start_year", "end_year", "estimated"]].tolist() == [2023, 2027, True]
    assert p.loc["periods_stated#1", ["start_year", "end_year", "estimated"]].tolist() == [2024, 2026, False]
    assert "periods_stated#2" not in p.index  # "until 2030": no start, no term


def test_documents_in_force_each_year(small):
    f = summary.in_force_by_year(summary.periods(small)).set_index("year")
    assert f["documents"].to_dict() == {2023: 1, 2024: 2, 2025: 2, 2026: 2, 2027: 1}
    assert f["estimated"].to_dict() == {2023: 1, 2024: 1, 2025: 1, 2026: 1, 2027: 1}


def test_terms_count_stated_and_counted_years(small):
    t = summary.terms(small.durations).set_index("years")["documents"].to_dict()
    assert t == {3: 1, 5: 1}


def test_party_network_links_co_signers(small):
    nodes, edges = summary.party_network(small.signatories)
    assert set(nodes["country"]) == {"KAZ", "UZB"}
    pairs = {frozenset(e) for e in edges[["source", "target"]].itertuples(index=False)}
    assert frozenset({"Ministry of Energy of Kazakhstan", "Ministry of Energy of Uzbekistan"}) in pairs


def test_party_network_cut_keeps_every_link_between_parties_shown(dev_tables):
    nodes, edges = summary.party_network(dev_tables.signatories, top=20)
    assert 0 < len(nodes) <= 20
    shown = set(nodes["party"])
    full_nodes, full_edges = summary.party_network(dev_tables.signatories)
    for e in full_edges.itertuples(index=False):
        if e.source in shown and e.target in shown:
            assert ((edges["source"] == e.source) & (edges["target"] == e.target)).any()
    assert len(edges) > 0


@pytest.mark.parametrize("name", ["per_article", "areas_discussed_and_signed", "periods"])
def test_summaries_of_an_empty_corpus_are_empty(name, tmp_path):
    from helpers import build_tables

    empty = build_tables(tmp_path)
    assert getattr(summary, name)(empty).empty


def test_articles_per_value_counts_each_article_once(dev_tables):
    per = summary.articles_per(dev_tables.people, "person").set_index("person")["articles"]
    mentions = dev_tables.people.groupby("person")["article_id"].nunique()
    assert per.to_dict() == mentions.to_dict()
    assert per.is_monotonic_decreasing


@pytest.mark.parametrize("names, same", [
    (["Alexander Lukashenko", "Aleksandr Lukashenko", "Alexander Grigoryevich Lukashenko"], True),
    (["Kassym-Jomart Tokayev", "Kassym-Jomart Kemelevich Tokayev", "Kassym-Jomart Tokayev"], True),
    (["Recep Tayyip Erdogan", "Erdogan"], True),
    (["Yoon Suk Yeol", "Yoon"], True),                   # family name first
    (["Xi Jinping", "Li Qiang"], False),
    (["Ali Asadov", "Ali Ahmadov"], False),              # near surnames, two people
    (["Ilham Aliyev", "Heydar Aliyev"], False),          # one surname, two first names
    (["Aliyev", "Ilham Aliyev", "Heydar Aliyev"], False),  # a bare surname that fits two
])
def test_spellings_of_one_name_count_as_one_person(names, same):
    people = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(names))], "person": names})
    canonical = summary.canonical_people(people)
    assert (canonical[names].nunique() == 1) == same
    per = summary.articles_per_person(people)
    assert per["articles"].sum() == len(names)


def test_the_form_written_most_often_names_the_person(dev_tables):
    canonical = summary.canonical_people(dev_tables.people)
    assert canonical["Kassym-Jomart Kemelevich Tokayev"] == "Kassym-Jomart Tokayev"
