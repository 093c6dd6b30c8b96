"""The data dictionary in docs/ is the one the code generates: no column, label or meaning
can be added without it."""
from __future__ import annotations

from pathlib import Path

from helpers.dictionary import render
from helpers.extract.lexicon import table
from helpers.schema import labels
from helpers.tables import COLUMNS

DOCS = Path(__file__).resolve().parents[1] / "docs" / "tables.md"


def test_the_dictionary_in_docs_is_up_to_date():
    assert DOCS.read_text(encoding="utf-8") == render(), "run: python -m helpers dictionary > docs/tables.md"


def test_every_column_has_a_meaning_and_is_in_the_dictionary():
    text = DOCS.read_text(encoding="utf-8")
    meant = {(r["table"], r["column"]) for r in table("columns") if r["column"] and r["meaning"]}
    for name, cols in COLUMNS.items():
        assert f"## {name}.csv" in text
        for col in cols:
            assert (name, col) in meant, f"{name}.{col} has no meaning in data/reference/columns.csv"
            assert f"| `{col}` |" in text


def test_every_label_has_a_plain_name_in_the_dictionary():
    text = DOCS.read_text(encoding="utf-8")
    named = {(r["list"], r["label"]) for r in table("labels") if r.get("name")}
    for lst, codes in labels().items():
        for code in codes:
            assert (lst, code) in named and f"| `{code}` |" in text
