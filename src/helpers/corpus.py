"""Reading a corpus folder: files, encodings, newlines, and a status for each file."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

ENCODINGS = ("utf-8-sig", "cp1251", "cp1252")


@dataclass(frozen=True)
class Article:
    """One input file: its id, path relative to the corpus, text (normalised) and status."""

    article_id: str
    file: str
    text: str
    status: str = "ok"


def normalise(raw: str) -> str:
    """Newlines to ``\\n``, no BOM, no NUL; offsets of all tables count in this text."""
    return raw.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").lstrip("\ufeff")


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 first, then the Cyrillic and Western code pages seen in the genre."""
    for enc in ENCODINGS:
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


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


def iter_corpus(corpus: str | Path) -> Iterator[Article]:
    """Every ``*.txt`` file below ``corpus``, sorted by path, as an Article."""
    root = Path(corpus)
    if not root.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {root}")
    for path in sorted(root.rglob("*.txt")):
        if path.is_file() or path.is_symlink():
            yield read_article(path, root)
