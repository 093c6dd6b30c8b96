"""Rows kept between builds: reused only when nothing they are made from changed, kept as
JSON in a folder only the user may open, and never trusted blindly."""
from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import pandas as pd
import pytest

from helpers import cache
from helpers.build import Build

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


def _build(corpus: Path) -> tuple[object, Build]:
    build = Build(cache=True)
    return build.run(corpus), build


def test_second_build_comes_from_the_cache_unchanged(corpus):
    first, b1 = _build(corpus)
    assert (b1.counts.parsed, b1.counts.cached) == (2, 0)
    again, b2 = _build(corpus)
    assert (b2.counts.parsed, b2.counts.cached) == (0, 2)
    _same(first, again)


def test_only_the_edited_article_is_parsed_again(corpus):
    _build(corpus)
    path = corpus / "dev_a02.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nThe sides also signed a protocol on customs.\n",
                    encoding="utf-8")
    tables, build = _build(corpus)
    assert (build.counts.parsed, build.counts.cached) == (1, 1)
    assert "protocol" in set(tables.documents.loc[tables.documents["article_id"] == "dev_a02", "doc_type"])


def test_only_an_added_article_is_parsed(corpus):
    _build(corpus)
    shutil.copy(ROOT / "seeds" / "dev_a11.txt", corpus)
    tables, build = _build(corpus)
    assert (build.counts.parsed, build.counts.cached) == (1, 2)
    assert "dev_a11" in set(tables.articles["article_id"])


def test_changed_reference_data_changes_the_version(tmp_path, monkeypatch):
    cache.version.cache_clear()
    before = cache.version()
    data = tmp_path / "reference"
    shutil.copytree(ROOT / "data" / "reference", data)
    monkeypatch.setenv("HELPERS_REFERENCE", str(data))
    cache.version.cache_clear()
    assert cache.version() == before
    with (data / "office_words.txt").open("a", encoding="utf-8") as f:
        f.write("\nombudsman\n")
    cache.version.cache_clear()
    try:
        assert cache.version() != before
    finally:
        monkeypatch.delenv("HELPERS_REFERENCE")
        cache.version.cache_clear()


def test_a_broken_cache_file_is_only_skipped(corpus):
    _build(corpus)
    for path in cache.folder().rglob("*.json"):
        path.write_bytes(b"\x80not json{")
    tables, build = _build(corpus)
    assert build.counts.parsed == 2 and len(tables.articles) == 2
    assert _build(corpus)[1].counts.cached == 2  # and written again


def test_the_cache_is_json_in_a_private_folder(corpus):
    _build(corpus)
    base = cache.folder()
    assert stat.S_IMODE(base.stat().st_mode) & 0o077 == 0
    files = list(base.rglob("*.json"))
    assert len(files) == 2 and not list(base.rglob("*.pkl"))
    assert {"article", "people", "documents"} <= set(json.loads(files[0].read_text(encoding="utf-8")))


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() == 0, reason="root may open any folder")
def test_a_folder_others_can_write_is_made_private(corpus):
    base = cache.folder()
    base.mkdir(mode=0o777)
    os.chmod(base, 0o777)
    _build(corpus)
    assert stat.S_IMODE(base.stat().st_mode) & 0o022 == 0


def test_a_planted_file_is_read_as_data_only(corpus, tmp_path):
    """A file planted in the cache is JSON at worst: wrong rows, never code run."""
    _build(corpus)
    marker = tmp_path / "ran"
    for path in cache.folder().rglob("*.json"):
        path.write_text(json.dumps({"__reduce__": f"open('{marker}', 'w')"}), encoding="utf-8")
    tables, build = _build(corpus)
    assert not marker.exists() and build.counts.parsed == 2 and len(tables.articles) == 2
