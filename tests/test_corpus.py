"""Reading a corpus: every file gets a row, bad input gets a status, never a crash."""
from __future__ import annotations

import pandas as pd

from helpers import build_tables
from helpers.corpus import iter_corpus

TEXT = ("Uzbek President Shavkat Mirziyoyev held talks with Kazakh President Kassym-Jomart Tokayev in Astana. "
        "The sides signed an agreement on water management for 2025-2027, Kazinform reports.")


def test_bad_files_get_status_rows(tmp_path):
    (tmp_path / "good.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "cyrillic.txt").write_bytes("Токаев и Мирзиёев подписали соглашение.".encode("cp1251"))
    (tmp_path / "crlf.txt").write_bytes(TEXT.replace(". ", ".\r\n").encode("utf-8"))
    (tmp_path / "notes.csv").write_text("not an article", encoding="utf-8")
    tables = build_tables(tmp_path)
    status = dict(zip(tables.articles["article_id"], tables.articles["status"]))
    assert set(status) == {"good", "empty", "binary", "cyrillic", "crlf", "notes"}
    assert status["crlf"] == status["cyrillic"] == "ok"
    assert status["good"] == "duplicate of crlf"  # the same words, only the line ends differ
    assert status["notes"] == "skipped: unsupported type"
    assert status["empty"].startswith("skipped:")
    assert status["binary"].startswith("skipped:")


def test_newlines_are_normalised_so_offsets_hold(tmp_path):
    (tmp_path / "crlf.txt").write_bytes(TEXT.replace(". ", ".\r\n").encode("utf-8"))
    art = next(iter_corpus(tmp_path))
    assert "\r" not in art.text
    tables = build_tables(tmp_path)
    for _, row in tables.documents.iterrows():
        assert art.text[row["start"]:row["end"]] == row["title"]


def test_empty_corpus_gives_empty_tables_with_columns(tmp_path):
    tables = build_tables(tmp_path)
    for _, frame in tables.items():
        assert len(frame) == 0
        assert list(frame.columns)


def test_article_in_subfolder_keeps_relative_path(tmp_path):
    (tmp_path / "2024").mkdir()
    (tmp_path / "2024" / "a.txt").write_text(TEXT, encoding="utf-8")
    tables = build_tables(tmp_path)
    assert tables.articles.loc[0, "file"] == "2024/a.txt"
    assert pd.api.types.is_integer_dtype(tables.articles["n_words"])


def test_sources_csv_gives_metadata(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("31 May 2023, 18:11\n\n" + TEXT, encoding="utf-8")
    (tmp_path / "sources.csv").write_text("article_id,url,published\na,https://example.org/a,2024-05-01\n",
                                          encoding="utf-8")
    arts = tables_by_id(build_tables(tmp_path).articles)
    assert arts["a"]["published"] == "2024-05-01" and arts["a"]["url"] == "https://example.org/a"
    assert arts["b"]["published"] == "2023-05-31"  # from the date line, where sources.csv is silent


def test_sources_csv_beside_an_articles_folder_gives_metadata(tmp_path):
    # the sample corpora's layout: articles/ and gold/ with sources.csv beside them
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "sources.csv").write_text("article_id,url,published\na,https://example.org/a,2024-05-01\n",
                                          encoding="utf-8")
    arts = tables_by_id(build_tables(tmp_path / "articles").articles)
    assert arts["a"]["url"] == "https://example.org/a" and arts["a"]["published"] == "2024-05-01"
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "a.txt").write_text(TEXT, encoding="utf-8")
    assert not tables_by_id(build_tables(tmp_path / "other").articles)["a"]["url"]  # only an articles/ folder looks up


def tables_by_id(frame: pd.DataFrame) -> dict[str, dict]:
    return {r["article_id"]: r for r in frame.to_dict("records")}


def test_legacy_encodings_are_decoded(tmp_path):
    (tmp_path / "ru.txt").write_bytes("Токаев и Мирзиёев подписали соглашение о сотрудничестве.".encode("cp1251"))
    (tmp_path / "fr.txt").write_bytes("The Café Society signed a “memorandum” with Société Générale.".encode("cp1252"))
    arts = {a.article_id: a for a in iter_corpus(tmp_path)}
    assert "соглашение" in arts["ru"].text
    assert "Société Générale" in arts["fr"].text and "“memorandum”" in arts["fr"].text


def test_hidden_copies_are_skipped_and_suffix_case_ignored(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "B.TXT").write_text(TEXT, encoding="utf-8")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    (tmp_path / ".ipynb_checkpoints" / "a-checkpoint.txt").write_text(TEXT, encoding="utf-8")
    assert [a.article_id for a in iter_corpus(tmp_path)] == ["B", "a"]


def test_same_name_in_two_folders_keeps_both(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(TEXT, encoding="utf-8")
    tables = build_tables(tmp_path)
    assert sorted(tables.articles["article_id"]) == ["a", "y/a"]
    assert tables.documents["doc_id"].is_unique
