"""The evidence view: every span of an article marked in its text, nothing lost or garbled."""
from __future__ import annotations

import re
from html import unescape

import pandas as pd
import pytest

from helpers import charts, evidence

MODEL = "000_3b5b4069b4a23625"


def _marks(rows: list[tuple[str, str, int, int]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["table", "label", "start", "end"])


def _plain(html: str) -> str:
    """The text a reader sees: tags dropped, line breaks back to newlines."""
    html = html.replace("<br>\n", "\n")
    html = re.sub(r"<sup[^>]*>.*?</sup>", "", html)
    return unescape(re.sub(r"<[^>]+>", "", html))


@pytest.mark.parametrize("text, rows, marked", [
    ("Bektenov met Turchin.", [("people", "Olzhas Bektenov", 0, 8), ("people", "Alexander Turchin", 13, 20)],
     ["Bektenov", "Turchin"]),
    # a party inside a document's title: both shown, the inner one in its own colour
    ("They signed a Roadmap between the Akimat of Astana and Minsk.",
     [("documents", "roadmap (signed)", 14, 60), ("signatories", "Akimat of Astana", 34, 50)],
     ["Roadmap between the ", "Akimat of Astana", " and Minsk"]),
    # text that looks like HTML stays text
    ("A <b>bold</b> & plain plan for 2026-2028", [("durations", "for 2026-2028", 27, 40)], ["for 2026-2028"]),
])
def test_highlight_marks_each_span_and_keeps_the_text(text, rows, marked):
    html = evidence.highlight(text, _marks(rows), charts.TABLE_COLOURS)
    assert _plain(html) == text
    found = [unescape(m) for m in re.findall(r"<mark[^>]*>(.*?)</mark>", html)]
    assert found == marked
    for table, label, *_ in rows:
        assert f"{table}: {label}" in unescape(html)  # each span tagged by table and label


def test_inner_span_takes_its_own_colour():
    text = "They signed a Roadmap between the Akimat of Astana and Minsk."
    html = evidence.highlight(text, _marks([("documents", "roadmap", 14, 60), ("signatories", "Akimat", 34, 50)]),
                              charts.TABLE_COLOURS)
    inner = re.search(r'<mark[^>]*background:([^;]+);[^>]*>Akimat of Astana</mark>', html)
    assert inner and inner.group(1) == charts.TABLE_COLOURS["signatories"]


def test_spans_outside_the_text_are_left_out():
    html = evidence.highlight("short", _marks([("areas", "trade", 2, 99)]), charts.TABLE_COLOURS)
    assert _plain(html) == "short" and "<mark" not in html


def test_model_article_spans_cover_every_row(dev_tables):
    marks = evidence.spans(dev_tables, MODEL)
    expected = sum(int((f["article_id"] == MODEL).sum()) for name, f in dev_tables.items() if name != "articles")
    assert len(marks) == expected
    assert marks["start"].is_monotonic_increasing
    article = evidence.find_article("seeds", MODEL)
    html = evidence.page(article.text, marks, charts.TABLE_COLOURS)
    assert "Olzhas Bektenov" in html and "people: Olzhas Bektenov" in html


def test_choose_falls_back_to_the_first_article_and_says_so(dev_tables):
    assert evidence.choose(dev_tables, MODEL)[0] == MODEL
    chosen, note = evidence.choose(dev_tables, "no_such_article")
    assert chosen == dev_tables.articles["article_id"].iloc[0] and "not in this corpus" in note


def test_evidence_of_a_markdown_note_points_into_the_note(tmp_path):
    """The marks of a note's rows cover the words in the file, markup and all."""
    from helpers import build_tables

    (tmp_path / "n.md").write_text("# Talks\n\n**Uzbek President** Shavkat Mirziyoyev met Kazakh President "
                                   "Kassym-Jomart Tokayev. They signed an *agreement on water management*.\n",
                                   encoding="utf-8")
    tables = build_tables(tmp_path)
    art = evidence.find_article(str(tmp_path), "n")
    marks = evidence.spans(tables, "n")
    shown = {art.evidence[m.start:m.end] for m in marks.itertuples()}
    assert "agreement on water management" in shown and "Shavkat Mirziyoyev" in shown
