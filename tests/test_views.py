"""What the notebooks chart: plain names instead of codes, articles by outlet, headline and
date, one colour per country everywhere, filters that keep the seven tables consistent."""
from __future__ import annotations

import pytest

from helpers import display, views
from helpers.schema import labels

CODES = {code for lst in labels().values() for code in lst if "_" in code or code.islower()}


def _shown(frame, column=None) -> list[str]:
    values = list(frame.index) + list(frame.columns) if column is None else list(frame[column])
    return [str(v) for v in values]


@pytest.mark.parametrize("view, column", [
    (views.event_types, "kind of meeting"), (views.areas, "area"), (views.discussed_and_signed, "area"),
    (views.documents_by_type, None), (views.country_pairs, "countries"), (views.people_by_country, "country"),
])
def test_no_chart_shows_a_label_code(dev_tables, view, column):
    shown = _shown(view(dev_tables), column)
    assert shown and not set(shown) & CODES, set(shown) & CODES


def test_levels_and_countries_are_named(dev_tables):
    levels, colours = views.parties_by_level(dev_tables)
    assert not set(levels.index) & CODES
    assert "Kazakhstan (KAZ)" in levels.columns and colours["Kazakhstan (KAZ)"] == display.country_colour("KAZ")


def test_articles_are_named_not_shown_by_id(dev_tables):
    per = views.per_article(dev_tables)
    ids = set(dev_tables.articles["article_id"])
    assert not set(per["article"]) & ids
    assert not set(views.area_matrix(dev_tables).index) & ids


def test_a_country_has_one_colour_in_every_chart(dev_tables):
    display.rank_countries(["KAZ", "RUS", "CHN"])
    try:
        _, colours = views.parties_by_level(dev_tables)
        from helpers import charts

        assert charts.country_colours(["RUS", "KAZ"])["KAZ"] == colours["Kazakhstan (KAZ)"] == display.PALETTE[0]
        assert len({display.country_colour(c) for c in ["KAZ", "RUS", "CHN"]}) == 3
    finally:
        display.rank_countries([])


@pytest.mark.parametrize("filters", [{"countries": ["KAZ"]}, {"countries": ["KAZ"], "partner": "RUS"},
                                     {"years": [2023]}, {"event_types": ["official_visit", "talks"]},
                                     {"countries": ["ATA"]}])
def test_filters_keep_the_tables_consistent(dev_tables, filters):
    part = dev_tables.filter(**filters)
    ids = set(part.articles["article_id"])
    for name, frame in part.items():
        assert set(frame["article_id"]) <= ids, name
    codes = part.articles["countries"].fillna("").str.split(";")
    if "countries" in filters:
        assert codes.map(lambda cs: bool(set(cs) & set(filters["countries"]))).all()
    if "partner" in filters:
        assert codes.map(lambda cs: "RUS" in cs).all() and len(part.articles)
    if "years" in filters:
        assert part.articles["published"].str[:4].eq("2023").all() and len(part.articles)
    if filters == {"countries": ["ATA"]}:
        assert all(len(frame) == 0 for _, frame in part.items())
    assert len(part.articles) < len(dev_tables.articles)


def test_meetings_over_time_count_every_dated_article(dev_tables):
    meetings, signed = views.over_time(dev_tables)
    dated = dev_tables.articles["published"].fillna("").str.len().gt(0) & dev_tables.articles["status"].eq("ok")
    assert int(meetings.to_numpy().sum()) == int(dated.sum())
    assert list(signed.index) == list(meetings.index)
