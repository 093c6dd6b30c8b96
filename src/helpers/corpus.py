"""Reading a corpus folder: files, encodings, newlines, and a status for each file."""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator


@dataclass(frozen=True)
class Article:
    """One input file: its id, path relative to the corpus, text (normalised) and status."""

    article_id: str
    file: str
    text: str
    status: str = "ok"
    metadata: dict[str, str] = field(default_factory=dict)


def normalise(raw: str) -> str:
    """Newlines to ``\\n``, no BOM, no NUL; offsets of all tables count in this text."""
    return raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").lstrip("\ufeff")


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 first, else the encoding charset-normalizer finds most likely
    (Cyrillic and Western code pages are common in the genre)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    return data.decode("cp1252", errors="replace")


def read_article(path: Path, root: Path) -> Article:
    """One file as an Article; a file that cannot be read gets a ``skipped: <reason>`` status."""
    rel = path.relative_to(root).as_posix()
    article_id = path.stem
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Article(article_id, rel, "", f"skipped: cannot read ({exc.strerror or exc})")
    if not data.strip():
        return Article(article_id, rel, "", "skipped: empty file")
    if b"\x00" in data[:1024] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Article(article_id, rel, "", "skipped: binary file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        text = decode(data)
    text = normalise(text)
    if not text.strip():
        return Article(article_id, rel, "", "skipped: no text")
    return Article(article_id, rel, text)


SOURCES = "sources.csv"


def read_sources(root: Path) -> dict[str, dict[str, str]]:
    """Metadata beside the texts: ``sources.csv`` (article_id, url, published) in the corpus
    folder, where there is one; rows without an article_id are ignored."""
    path = root / SOURCES
    if not path.is_file():
        return {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            return {r["article_id"]: {k: (v or "").strip() for k, v in r.items() if k}
                    for r in csv.DictReader(f) if r.get("article_id")}
    except (OSError, UnicodeDecodeError, csv.Error, KeyError):
        return {}


def iter_corpus(corpus: str | Path) -> Iterator[Article]:
    """Every ``*.txt`` file below ``corpus`` (any case of the suffix, hidden folders left out),
    sorted by path, as an Article (with the row of ``sources.csv`` for it as metadata)."""
    root = Path(corpus)
    if not root.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {root}")
    sources = read_sources(root)
    seen: set[str] = set()
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        # hidden files and folders hold no articles: JupyterLab's .ipynb_checkpoints keeps copies
        if path.suffix.lower() != ".txt" or any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() or path.is_symlink():
            art = read_article(path, root)
            if art.article_id in seen:
                # two files of one name in different folders: the path keeps their rows apart
                art = Article(rel.with_suffix("").as_posix(), art.file, art.text, art.status)
            seen.add(art.article_id)
            meta = sources.get(art.article_id)
            yield Article(art.article_id, art.file, art.text, art.status, meta) if meta else art
