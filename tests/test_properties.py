"""Properties that hold for any input: the parser never raises, every span lies inside the text
it points into, reading any bytes in any format gives a status instead of an error, and the
cost of repetitive text grows with its length, not faster."""
from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import parse_article
from helpers.decoding import normalise
from helpers.formats import SUFFIXES, read
from helpers.parse import ArticleRows

TABLES = ("people", "areas", "documents", "signatories", "durations", "quotes")
# Words of the genre, so that generated texts reach the rules, not only the tokenizer.
WORDS = ["President", "Prime Minister", "Kassym-Jomart Tokayev", "Mirziyoyev", "Ministry of Energy of",
         "Kazakhstan", "Uzbekistan", "Government", "signed", "an agreement", "memorandum", "on", "between",
         "and", "for 2025-2027", "until 2030", "roadmap", "\"", "“", "”", "said", ".", ",", ";", ":", "\n",
         "\n\n", "-", "•", "(MoU)", "the", "sides", "of", "cooperation", "trade", "1.", "Akimat", "region",
         "H.E.", "Dr", "'", "(", ")", "KAZINFORM", "reports", "Astana", "talks", "visit", "2024", "five years"]
TEXT = st.one_of(st.text(max_size=400),
                 st.lists(st.sampled_from(WORDS), max_size=120).map(" ".join))
FAST = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _spans_inside(rows: ArticleRows, text: str) -> None:
    for name in TABLES:
        for r in getattr(rows, name):
            assert 0 <= r["start"] < r["end"] <= len(text), (name, r)


@FAST
@given(TEXT)
def test_the_parser_never_raises_and_spans_stay_inside(text):
    rows = parse_article(text, "x")
    _spans_inside(rows, text)
    assert rows.article["status"] == "ok"


@FAST
@given(st.binary(max_size=600), st.sampled_from(sorted(set(SUFFIXES.values()))))
def test_any_bytes_in_any_format_give_items_not_errors(data, kind):
    items = read(data, kind)
    assert items and all(i.status == "ok" or i.status.startswith("skipped: ") for i in items)
    for item in items:
        if item.status == "ok":
            rows = parse_article(item.text, "x")
            _spans_inside(rows, item.text)


@FAST
@given(st.lists(st.sampled_from(WORDS + ["**", "*", "_", "#", "> ", "[", "](http://x)", "`", "<br>", "\\"]),
                max_size=80).map(" ".join))
def test_markdown_spans_map_back_inside_the_note(note):
    from helpers.build import remap

    items = read(note.encode(), "markdown")
    for item in items:
        if item.status != "ok":
            continue
        rows = parse_article(item.text, "x")
        if item.offsets is not None:
            remap(rows, item.offsets)
        for name in TABLES:
            for r in getattr(rows, name):
                assert 0 <= r["start"] <= r["end"] <= len(item.source), (name, r)


def _cost(text: str, read: bool = False) -> float:
    """The best of three parses of ``text`` (``read``: normalised first, as a file's text is)."""
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        parse_article(normalise(text)[0] if read else text, "x")
        best = min(best, time.perf_counter() - t0)
    return best


def _growth(small: str, large: str, read: bool = False) -> float:
    """How much the cost per character grows from ``small`` to ``large``."""
    return (_cost(large, read) / len(large)) / (_cost(small, read) / len(small))


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), min_size=8, max_size=30).map(" ".join))
def test_cost_grows_linearly_on_repetitive_text(phrase):
    small = (phrase + " ") * max(1, 4000 // (len(phrase) + 1))
    ratio = _growth(small, small * 4)
    assert ratio < 2.5, f"cost per character grew {ratio:.1f}x when the text grew 4x"


@pytest.mark.parametrize("unit", [
    "- Memorandum on trade between the Ministry of Trade of Kazakhstan and Qatar Airways;\n",
    "1.\tMemorandum on trade between the Ministry of Trade of Kazakhstan and Qatar Airways\tMinister A\tMinister B\n",
    "| 1 | Agreement between the Government of Kazakhstan and the Government of Qatar |\n",
])
def test_long_lists_and_tables_cost_linearly(unit):
    lead = "The following documents were signed:\n"
    ratio = _growth(lead + unit * (20_000 // len(unit)), lead + unit * (80_000 // len(unit)))
    assert ratio < 2.0, f"cost per character grew {ratio:.1f}x when the list grew 4x"


@pytest.mark.parametrize("unit", [
    "Aliyev spoke of the 'solid foundation' of the two countries' ties, ",
    "&#8220;We will sign it,&#8221; said the minister &amp; ",
    "The two Prime Ministers discussed trade and signed a memorandum on the\n",
    "an MoU among Glagit, Musashi Seimitsu Industry Glafit, ",
])
def test_run_on_quotes_and_wrapped_lines_cost_linearly(unit):
    ratio = _growth(unit * (10_000 // len(unit)), unit * (40_000 // len(unit)), read=True)
    assert ratio < 2.0, f"cost per character grew {ratio:.1f}x when the text grew 4x"
