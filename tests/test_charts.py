"""Charts are readable at any size: one article, the dev corpus, 5,000 articles; nothing to
chart is said plainly; tick labels never overlap and stay inside the figure."""
from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from conftest import GOLD

from helpers import charts, summary
from helpers.tables import Tables


def _copies(tables: Tables, n: int) -> Tables:
    """``n`` copies of the tables, each copy's articles and documents renamed."""
    out = {}
    for name, frame in tables.items():
        parts = []
        for i in range(n):
            part = frame.copy()
            part["article_id"] = part["article_id"] + f"~{i}"
            if "doc_id" in part:
                part["doc_id"] = part["doc_id"] + f"~{i}"
            if "party" in part and i % 2:  # other parties too, so the network must be cut
                part["party"] = part["party"] + f" {i}"
            parts.append(part)
        out[name] = pd.concat(parts, ignore_index=True)
    return Tables(**out)


def _only(tables: Tables, keep: set[str]) -> Tables:
    return Tables(**{n: f[f["article_id"].isin(keep)].reset_index(drop=True) for n, f in tables.items()})


@pytest.fixture(scope="module")
def sizes(dev_tables):
    single = _only(dev_tables, {"000_3b5b4069b4a23625"})
    dev = _only(dev_tables, {p.stem for p in GOLD.glob("*.json")})  # the 25 articles of the dev corpus
    return {"one article": single, "dev corpus": dev, "5,000 articles": _copies(dev, 200)}


CHARTS = {
    "bars": lambda t: charts.bars(summary.counts(t.articles["outlet"], "outlet"), "outlet", "count",
                                  title="Articles by outlet", xlabel="articles", ylabel="outlet"),
    "area bars": lambda t: charts.bars(summary.articles_per_area(t.areas), "area", "articles",
                                       colours=charts.area_colours(), title="Areas", xlabel="articles", ylabel="area"),
    "paired bars": lambda t: charts.paired_bars(summary.per_article(t), "article_id", "documents", "areas",
                                                title="Per article", xlabel="count", ylabel="article",
                                                names=("documents", "areas")),
    "heat map": lambda t: charts.heatmap(summary.area_matrix(t.areas), title="Areas", xlabel="area",
                                         ylabel="article"),
    "stacked": lambda t: charts.stacked(summary.documents_by_type_and_status(t.documents), legend="status",
                                        colours=charts.STATUS_COLOURS, title="Documents", xlabel="documents",
                                        ylabel="type"),
    "stacked by country": lambda t: charts.stacked(summary.parties_by_level_and_country(t.signatories),
                                                   legend="country", title="Parties", xlabel="parties",
                                                   ylabel="level"),
    "network": lambda t: charts.network(*summary.party_network(t.signatories, top=charts.MAX_NODES),
                                        total=t.signatories["party"].nunique(), title="Parties"),
    "timeline": lambda t: charts.timeline(summary.periods(t), title="Periods"),
    "columns": lambda t: charts.columns(summary.in_force_by_year(summary.periods(t)), "year", "documents",
                                        part="estimated", title="In force", xlabel="year", ylabel="documents"),
}


def _drawn(fig: Figure):
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    return canvas.get_renderer()


def _overlaps(boxes) -> list:
    return [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a.x0 < b.x1 - 1 and b.x0 < a.x1 - 1 and a.y0 < b.y1 - 1 and b.y0 < a.y1 - 1]


@pytest.mark.parametrize("size", ["one article", "dev corpus", "5,000 articles"])
@pytest.mark.parametrize("kind", list(CHARTS))
def test_chart_is_readable(kind, size, sizes):
    fig = CHARTS[kind](sizes[size])
    assert isinstance(fig, Figure), fig
    renderer = _drawn(fig)
    page = fig.bbox
    for ax in fig.axes:
        assert ax.get_title() or kind == "heat map" and ax is not fig.axes[0]
        for axis in (ax.yaxis, ax.xaxis) if ax.axison else ():
            low, high = sorted(axis.get_view_interval())
            shown = [t for t, at in zip(axis.get_ticklabels(), axis.get_majorticklocs())
                     if t.get_visible() and t.get_text() and low - 1e-9 <= at <= high + 1e-9]
            boxes = [t.get_window_extent(renderer) for t in shown]
            assert not _overlaps(boxes), [t.get_text() for t in shown]
            for b in boxes:
                assert b.x0 >= page.x0 - 1 and b.x1 <= page.x1 + 1 and b.y0 >= page.y0 - 1, "label cut off"
        for text in [*ax.texts, ax.title]:
            if text.get_text():
                box = text.get_window_extent(renderer)
                assert page.x0 - 1 <= box.x0 and box.x1 <= page.x1 + 1, f"{text.get_text()!r} runs off the side"
                assert page.y0 - 1 <= box.y0 and box.y1 <= page.y1 + 1, f"{text.get_text()!r} runs off the end"
        assert len(ax.get_yticks()) <= max(charts.MAX_BARS, charts.MAX_HEATMAP_ROWS, charts.MAX_TIMELINE) + 2
    assert fig.get_size_inches()[1] <= 16


def test_cut_charts_say_so(sizes):
    big = sizes["5,000 articles"]
    assert "first 40 of 5,000" in CHARTS["heat map"](big).axes[0].get_title()
    assert "top 30 of" in CHARTS["paired bars"](big).axes[0].get_title()
    assert "parties" in CHARTS["network"](big).axes[0].get_title()


def test_bars_are_sorted_largest_first(dev_tables):
    fig = CHARTS["area bars"](dev_tables)
    _drawn(fig)
    ax = fig.axes[0]
    widths = [p.get_width() for p in ax.patches]
    assert widths == sorted(widths, reverse=True)
    assert [t.get_text() for t in ax.get_yticklabels()][0] == summary.articles_per_area(dev_tables.areas)["area"][0]


def test_palette_is_the_same_everywhere():
    assert charts.area_colours() == charts.area_colours()
    assert len(set(charts.area_colours().values())) == len(charts.area_colours())
    assert charts.MUTED not in charts.country_colours(["KAZ", "RUS"]).values()
    many = [f"C{i:02d}" for i in range(15)]
    assert charts.country_colours(many)["C14"] == charts.MUTED


@pytest.mark.parametrize("kind", list(CHARTS))
def test_nothing_to_chart_is_said_plainly(kind, tmp_path):
    from helpers import build_tables

    out = CHARTS[kind](build_tables(tmp_path))
    assert isinstance(out, charts.Nothing)
    assert str(out).startswith("Nothing to chart: ") and len(out.message) > 5


def test_span_map_lanes_follow_the_tables(dev_tables):
    from helpers import evidence

    marks = evidence.spans(dev_tables, "000_3b5b4069b4a23625")
    fig = charts.span_map(marks, 3400, title="Spans")
    _drawn(fig)
    lanes = [t.get_text().split(" ")[0] for t in fig.axes[0].get_yticklabels()]
    assert lanes == [t for t in charts.TABLE_COLOURS if t in set(marks["table"])]
    assert isinstance(charts.span_map(marks.iloc[:0], 10, title="x"), charts.Nothing)


def test_dollar_signs_in_names_are_drawn_as_written():
    """A name with ``$`` (a fund, a price) would start matplotlib's mathtext and break the chart."""
    import io

    frame = pd.DataFrame({"party": ["Fund of $5 bn and $x^{", "$$"], "documents": [2, 1]})
    fig = charts.bars(frame, "party", "documents", title="Parties of $ deals", xlabel="party", ylabel="documents")
    fig.savefig(io.BytesIO(), format="png")
    ticks = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert ticks[0] == r"Fund of \$5 bn and \$x^{"
