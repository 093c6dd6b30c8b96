"""Reading a corpus folder: which files hold articles, each read safely, with one status per
file (per record for feeds), unique ids, and duplicates told apart."""
from __future__ import annotations

import csv
import hashlib
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterator

from .formats import SOURCE, TEXT, Item, kind_of, read

SOURCES = "sources.csv"
ARTICLES_DIR = "articles"  # a corpus folder of this name may keep its sources.csv one level up
MAX_MB = 2.0  # default size limit of one input file
_ID_CHARS = re.compile(r"[\x00-\x1f\x7f\\]+")


@dataclass(frozen=True)
class Article:
    """One article of the corpus: its id, path relative to the corpus, the text the parser
    reads, its status, metadata (url, published, title, outlet) and, where the text was
    edited on the way, the text the tables' offsets count in and how they map."""

    article_id: str
    file: str
    text: str
    status: str = "ok"
    metadata: dict[str, str] = field(default_factory=dict)
    source: str | None = None  # the text offsets count in; None: ``text`` itself
    offsets: object | None = None  # maps offsets of ``text`` into ``source``
    text_source: str = "file"

    @property
    def evidence(self) -> str:
        """The text every row's start and end point into."""
        return self.text if self.source is None else self.source


def read_sources(root: Path) -> dict[str, dict[str, str]]:
    """Metadata beside the texts: ``sources.csv`` (article_id, url, published, …) in the corpus
    folder, where there is one; rows without an article_id are ignored."""
    path = root / SOURCES
    if not path.is_file():
        return {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            return {r["article_id"]: {k: (v or "").strip() for k, v in r.items() if k and v and v.strip()}
                    for r in csv.DictReader(f) if r.get("article_id")}
    except (OSError, UnicodeDecodeError, csv.Error, KeyError):
        return {}


def _files(root: Path) -> list[tuple[str, str]]:
    """(path, path relative to ``root`` with "/") of every entry below ``root`` that is not a
    folder, hidden ones and symlinked folders left out, sorted by relative path (JupyterLab's
    .ipynb_checkpoints keeps copies of articles). Plain strings: a corpus may hold a million."""
    found = []
    top = os.fspath(root)
    for here, dirs, files in os.walk(top, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        rel_dir = os.path.relpath(here, top).replace(os.sep, "/")
        prefix = "" if rel_dir == "." else rel_dir + "/"
        found.extend((os.path.join(here, f), prefix + f) for f in files if not f.startswith("."))
    return sorted(found, key=lambda x: x[1])


def read_bytes(path: str | Path, root: str | Path, limit: int) -> tuple[bytes | None, str]:
    """The bytes of a regular file inside the corpus (``root``, resolved), at most ``limit``; else
    None and the reason. FIFOs, devices and links out of the corpus are never opened for reading."""
    path = os.fspath(path)
    real = os.path.realpath(path) if os.path.islink(path) or not os.path.isabs(path) else path
    if not os.path.exists(real):
        return None, "skipped: not a regular file (broken link)"
    top = os.fspath(root)
    if not (real == top or real.startswith(top.rstrip(os.sep) + os.sep)):
        return None, "skipped: outside the corpus"
    try:
        fd = os.open(real, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        return None, f"skipped: cannot read ({exc.strerror or exc})"
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, "skipped: not a regular file"
        if info.st_size > limit:
            return None, f"skipped: too large ({info.st_size / 1e6:.1f} MB > {limit / 1e6:g} MB)"
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            return None, f"skipped: too large (over {limit / 1e6:g} MB)"
        return b"".join(chunks), "ok"
    except OSError as exc:
        return None, f"skipped: cannot read ({exc.strerror or exc})"
    finally:
        os.close(fd)


def fingerprint(text: str) -> str:
    """What makes two texts the same article: their words, whatever the spacing."""
    return hashlib.sha256(" ".join(text.split()).casefold().encode("utf-8", "surrogatepass")).hexdigest()


class Ids:
    """Article ids, unique whatever the names: the file's stem first, then longer forms."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, *candidates: str) -> str:
        for c in candidates:
            c = _ID_CHARS.sub("_", c).strip()[:120]
            if c and c not in self.taken:
                self.taken.add(c)
                return c
        base = _ID_CHARS.sub("_", candidates[-1]).strip()[:120] or "article"
        n = 2
        while f"{base}~{n}" in self.taken:
            n += 1
        self.taken.add(f"{base}~{n}")
        return f"{base}~{n}"


def iter_corpus(corpus: str | Path, max_mb: float = MAX_MB) -> Iterator[Article]:
    """Every file below ``corpus`` as its articles (a feed gives one per record), sorted by
    path: articles in every supported format, and a ``skipped: <reason>`` row for every other
    file. ``sources.csv`` gives metadata by article id and wins over what a file states."""
    root = Path(corpus)
    if not root.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {root}")
    # the sample corpora's layout: articles/ with sources.csv beside it
    sources = read_sources(root) or (read_sources(root.parent) if root.name == ARTICLES_DIR else {})
    real_root = root.resolve()
    limit = int(max_mb * 1e6)
    ids = Ids()
    seen: dict[str, str] = {}
    for path, rel_name in _files(real_root):
        if rel_name == SOURCES:
            continue
        rel = PurePosixPath(rel_name)
        kind = kind_of(rel_name)
        if kind is None:
            items = [Item(status="skipped: unsupported type")]
        else:
            data, status = read_bytes(path, real_root, limit)
            items = read(data, kind) if data is not None else [Item(kind=kind, status=status)]
        for item in items:
            yield _article(item, rel, ids, sources, seen)


def _article(item: Item, rel: PurePosixPath, ids: Ids, sources: dict[str, dict[str, str]],
             seen: dict[str, str]) -> Article:
    own = [item.meta["id"]] if item.meta.get("id") else []  # a record's own id comes first
    if item.record:
        article_id = ids.claim(*own, f"{rel.stem}-{item.record}", f"{rel.with_suffix('').as_posix()}-{item.record}")
    else:
        article_id = ids.claim(*own, rel.stem, rel.with_suffix("").as_posix(), rel.as_posix())
    meta = {k: v for k, v in item.meta.items() if k != "id"}
    meta.update(sources.get(article_id, {}))
    meta.pop("article_id", None)
    status = item.status
    if status == "ok":
        key = fingerprint(item.text)
        if key in seen:
            status = f"duplicate of {seen[key]}"
        else:
            seen[key] = article_id
    return Article(article_id, rel.as_posix(), item.text, status, meta,
                   None if item.offsets is None else item.source, item.offsets,
                   SOURCE.get(item.kind, SOURCE[TEXT]))
