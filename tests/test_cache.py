"""Cached tables are reused only when nothing they are made from changed."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers import cache

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("HELPERS_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "corpus"
    folder.mkdir()
    for aid in ("000_3b5b4069b4a23625", "dev_a02"):
        shutil.copy(ROOT / "seeds" / f"{aid}.txt", folder)
    return folder


def _same(a, b) -> None:
    for (name, x), (_, y) in zip(a.items(), b.items()):
        pd.testing.assert_frame_equal(x, y, obj=name)


def test_second_load_comes_from_the_cache_unchanged(corpus):
    first, reused = cache.cached_tables(corpus)
    assert not reused
    again, reused = cache.cached_tables(corpus)
    assert reused
    _same(first, again)


def test_an_edited_article_is_parsed_again(corpus):
    cache.cached_tables(corpus)
    path = corpus / "dev_a02.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nThe sides also signed a protocol on customs.\n",
                    encoding="utf-8")
    tables, reused = cache.cached_tables(corpus)
    assert not reused
    assert "protocol" in set(tables.documents.loc[tables.documents["article_id"] == "dev_a02", "doc_type"])


def test_an_added_article_is_parsed_again(corpus):
    cache.cached_tables(corpus)
    shutil.copy(ROOT / "seeds" / "dev_a11.txt", corpus)
    tables, reused = cache.cached_tables(corpus)
    assert not reused and "dev_a11" in set(tables.articles["article_id"])


def test_changed_reference_data_changes_the_key(corpus, tmp_path, monkeypatch):
    before = cache.key(corpus)
    data = tmp_path / "reference"
    shutil.copytree(ROOT / "data" / "reference", data)
    monkeypatch.setenv("HELPERS_REFERENCE", str(data))
    assert cache.key(corpus) == before
    with (data / "office_words.txt").open("a", encoding="utf-8") as f:
        f.write("\nombudsman\n")
    assert cache.key(corpus) != before


def test_a_broken_cache_file_is_only_skipped(corpus):
    cache.cached_tables(corpus)
    for path in cache.folder().glob("*.pkl"):
        path.write_bytes(b"not a pickle")
    tables, reused = cache.cached_tables(corpus)
    assert not reused and len(tables.articles) == 2
    assert cache.cached_tables(corpus)[1]  # and written again
