"""Articles the way users add them: every common format and encoding, and every kind of bad
input, in one folder beside good articles. One row per file (per record for feeds), the
right status, the good articles' facts right, and the build's exit 0."""
from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest

from helpers import build_tables
from helpers.cli import main
from helpers.tables import read_tables

ROOT = Path(__file__).resolve().parents[1]
INPUTS = ROOT / "tests" / "inputs"
ARTICLE = "dev_a02"  # a seed article with documents, people and a quote
TEXT = (ROOT / "seeds" / f"{ARTICLE}.txt").read_text(encoding="utf-8")
SHORT = ("Uzbek President Shavkat Mirziyoyev held talks with Kazakh President Kassym-Jomart Tokayev in Astana. "
         "The sides signed an agreement on water management for 2025-2027, Kazinform reports.")


def _facts(tables, article_id: str) -> dict[str, list]:
    """What a reader checks of one article: documents, parties, people, periods, quotes."""
    pick = {"documents": ["doc_type", "status", "title"], "signatories": ["party", "country", "level"],
            "people": ["person", "title", "country"], "durations": ["period_text"], "quotes": ["speaker"]}
    return {name: sorted(map(tuple, getattr(tables, name).loc[getattr(tables, name)["article_id"] == article_id,
                                                              cols].astype(str).values.tolist()))
            for name, cols in pick.items()}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("inputs")
    (d / "good.txt").write_text(TEXT, encoding="utf-8")
    (d / "crlf.txt").write_bytes(SHORT.replace("Astana", "Tashkent").replace(". ", ".\r\n").encode("utf-8"))
    (d / "cp1251.txt").write_bytes((TEXT + "\n\n(cp1251 «»)").encode("cp1251", errors="strict"))
    (d / "utf16.txt").write_bytes((TEXT + "\n\n(utf-16)").encode("utf-16-le"))  # no byte-order mark
    (d / "utf16bom.txt").write_bytes((TEXT + "\n\n(bom)").encode("utf-16"))
    (d / "nul.txt").write_bytes(TEXT[:200].encode() + b"\x00" + TEXT[200:].encode() + b"\n(nul)")
    (d / "nfd.txt").write_text(unicodedata.normalize("NFD", TEXT.replace(" ", "\u00a0", 5) + "\n(nfd é)"),
                               encoding="utf-8")
    entities = TEXT.replace("&", "&amp;").replace("«", "&laquo;").replace("»", "&raquo;").replace("“", "&#8220;")
    (d / "entities.txt").write_text(entities.replace("'", "&#39;") + "\n\n(entities &amp;)", encoding="utf-8")
    # pages saved under their addresses' names: a server page's suffix and query, no suffix at all
    (d / "view.aspx?id=12").write_bytes((INPUTS / "saved_page_layout_table.html").read_bytes())
    (d / "332364").write_text(SHORT.replace("water", "transport"), encoding="utf-8")
    (d / "news.php").write_text(SHORT.replace("water", "health"), encoding="utf-8")  # plain text, no markup
    (d / "empty.txt").write_text("  \n", encoding="utf-8")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (d / "good_copy.txt").write_text(TEXT.replace("\n", "\r\n"), encoding="utf-8")  # the same article again
    (d / "same.txt").write_text(SHORT.replace("water", "mining"), encoding="utf-8")
    (d / "same.TXT").write_text(SHORT.replace("water", "energy"), encoding="utf-8")
    (d / "NA.txt").write_text(SHORT.replace("water", "trade"), encoding="utf-8")
    (d / "0001.txt").write_text(SHORT.replace("water", "customs"), encoding="utf-8")
    (d / "large.txt").write_bytes(b"word " * 450_000)  # 2.25 MB, over the default limit
    md = f"---\ntitle: Tashkent and Astana sign\ndate: 2025-03-14\nsource: Daryo\n---\n\n**{SHORT}**\n"
    (d / "note.md").write_text(md, encoding="utf-8")
    (d / "page.html").write_bytes((INPUTS / "saved_page_list.html").read_bytes())
    (d / "nav.html").write_text("<html><body><nav><ul><li><a href='/'>Home</a></li></ul></nav></body></html>",
                                encoding="utf-8")
    (d / "one.json").write_text(json.dumps({"id": "rec-7", "title": "Talks in Astana", "text": SHORT,
                                            "published": "Fri, 14 Mar 2025 10:00:00 +0500"}), encoding="utf-8")
    feed = [{"text": SHORT.replace("water", "tourism"), "outlet": "Trend"},
            {"text": SHORT.replace("water", "sport"), "url": "https://example.org/2"}]
    (d / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in feed) + "\n", encoding="utf-8")
    (d / "bad.json").write_text('{"text": "unterminated', encoding="utf-8")
    (d / "notext.json").write_text('{"title": "only a title"}', encoding="utf-8")
    os.mkfifo(d / "pipe.txt")
    os.symlink("/etc/passwd", d / "passwd.txt")
    os.symlink("/dev/zero", d / "zero.txt")
    os.symlink(d / "pipe.txt", d / "to_pipe.txt")
    os.symlink(d / "good.txt", d / "link_inside.md")
    (d / "sources.csv").write_text("article_id,url,published\ngood,https://example.org/good,2024-05-01\n",
                                   encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def tables(folder):
    return build_tables(folder)


@pytest.fixture(scope="module")
def status(tables) -> dict[str, str]:
    return dict(zip(tables.articles["article_id"], tables.articles["status"]))


EXPECTED = {
    "good": "ok", "crlf": "ok", "entities": "ok", "view": "ok", "332364": "ok", "news": "ok", "cp1251": "ok", "utf16": "ok", "utf16bom": "ok", "nul": "ok", "nfd": "ok",
    "empty": "skipped: empty", "binary": "skipped: binary", "image": "skipped: unsupported type",
    "good_copy": "duplicate of good", "same": "ok", "same.txt": "ok", "NA": "ok", "0001": "ok",
    "large": "skipped: too large (2.2 MB > 2 MB)", "note": "ok", "page": "ok", "nav": "skipped: no article text",
    "rec-7": "ok", "feed-1": "ok", "feed-2": "ok", "bad": "skipped: bad json (line 1: Unterminated string "
    "starting at)", "notext": "skipped: no text field", "pipe": "skipped: not a regular file",
    "passwd": "skipped: outside the corpus", "zero": "skipped: outside the corpus",
    "to_pipe": "skipped: not a regular file", "link_inside": "duplicate of good",
}


def test_one_row_per_file_or_record_with_its_status(status):
    assert status == EXPECTED


def test_ids_are_unique_and_every_file_is_named(tables):
    ids = tables.articles["article_id"]
    assert ids.is_unique
    files = set(tables.articles["file"])
    assert {"pipe.txt", "same.txt", "same.TXT", "feed.jsonl", "image.png", "view.aspx?id=12", "332364"} <= files
    assert "sources.csv" not in files


@pytest.mark.parametrize("variant", ["cp1251", "utf16", "utf16bom", "nul", "nfd", "entities"])
def test_every_encoding_gives_the_facts_of_the_utf8_text(tables, variant):
    assert _facts(tables, variant) == _facts(tables, "good")
    assert _facts(tables, "good")["documents"]


def test_offsets_point_into_the_file_text_even_when_the_text_was_normalised(tables, folder):
    from helpers.corpus import iter_corpus

    nfd = next(a for a in iter_corpus(folder) if a.article_id == "nfd")
    docs = tables.documents[tables.documents["article_id"] == "nfd"]
    for r in docs.itertuples():
        assert unicodedata.normalize("NFC", nfd.evidence[r.start:r.end]).replace("\u00a0", " ") == r.title


def test_a_saved_page_keeps_every_item_of_its_document_list(tables):
    docs = tables.documents[tables.documents["article_id"] == "page"]
    assert sorted(docs["doc_type"]) == ["agreement", "memorandum", "roadmap"]
    art = tables.articles.set_index("article_id").loc["page"]
    assert art["title"] == "Kazakhstan and Uzbekistan sign documents" and art["published"] == "2025-03-14"
    assert art["outlet"].lower() == "kazinform" and art["text_source"] == "page's main text"


def test_feed_records_and_notes_give_their_metadata(tables):
    arts = tables.articles.set_index("article_id")
    assert arts.loc["rec-7", "title"] == "Talks in Astana" and arts.loc["rec-7", "published"] == "2025-03-14"
    assert arts.loc["feed-1", "outlet"] == "Trend" and arts.loc["feed-2", "url"] == "https://example.org/2"
    assert arts.loc["note", "outlet"] == "Daryo" and arts.loc["note", "published"] == "2025-03-14"
    assert arts.loc["good", "published"] == "2024-05-01"  # sources.csv
    areas = tables.areas
    assert "tourism" in set(areas.loc[areas["article_id"] == "feed-1", "area"])
    assert "sport" in set(areas.loc[areas["article_id"] == "feed-2", "area"])


def test_markdown_offsets_point_into_the_note(tables, folder):
    note = (folder / "note.md").read_text(encoding="utf-8")
    docs = tables.documents[tables.documents["article_id"] == "note"]
    assert len(docs)
    for r in docs.itertuples():
        assert note[r.start:r.end] == r.title


def test_the_build_exits_0_warns_per_file_and_reads_back_whole(folder, tmp_path, capsys):
    out = tmp_path / "tables"
    assert main(["build", str(folder), "--out", str(out), "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "warning: pipe.txt: skipped: not a regular file" in err
    assert "skipped" in err.splitlines()[-1] and "duplicates" in err.splitlines()[-1]
    back = read_tables(out)
    assert {"NA", "0001"} <= set(back.articles["article_id"]) and back.articles["article_id"].is_unique
    assert set(back.areas["article_id"]) >= {"NA", "0001"} and back.areas["start"].dtype == "Int64"
    assert main(["build", str(folder), "--out", str(out), "--quiet", "--strict"]) == 1


def test_a_page_saved_under_a_text_name_is_read_as_a_page():
    from helpers.formats import TEXT, read

    page = ("<!DOCTYPE html><html><head><title>Oman and Kenya sign MoU</title></head><body><nav>Home News</nav>"
            "<article><h1>Oman and Kenya sign MoU</h1><p>MUSCAT - The Oman Chamber of Commerce and Industry and the "
            "Kenya National Chamber of Commerce and Industry signed a memorandum of understanding on trade "
            "promotion on Monday, the two chambers said in a joint statement issued after the meeting.</p>"
            "<p>The memorandum provides for joint business forums and exchanges of trade missions between the "
            "two countries every year.</p></article></body></html>")
    [item] = read(page.encode(), TEXT)
    assert item.status == "ok" and "<" not in item.text
    assert "memorandum of understanding on trade promotion" in item.text


def test_a_saved_page_s_table_of_documents_gives_one_row_per_document():
    from helpers import parse_article
    from helpers.formats import HTML, read

    [item] = read((INPUTS / "saved_page_table.html").read_bytes(), HTML)
    rows = parse_article(item.text, "table")
    assert [(d["doc_type"], d["status"]) for d in rows.documents] == [("agreement", "signed"), ("memorandum", "signed")]
    assert not any("|" in d["title"] for d in rows.documents)
    assert {s["party"] for s in rows.signatories} >= {"Ministry of Transport of Kazakhstan", "Qatar Airways"}


def test_a_page_laid_out_in_a_table_of_one_column_reads_as_paragraphs():
    from helpers import parse_article
    from helpers.formats import HTML, read

    [item] = read((INPUTS / "saved_page_layout_table.html").read_bytes(), HTML)
    rows = parse_article(item.text, "layout")
    assert [d["doc_type"] for d in rows.documents] == ["agreement", "memorandum", "roadmap"]
    assert not any("|" in d["title"] for d in rows.documents)
    assert [q["speaker"] for q in rows.quotes] == ["Shavkat Mirziyoyev"]
    assert rows.article["outlet"] == "UzA"
