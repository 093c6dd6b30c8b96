"""Reference knowledge read from ``data/reference/``: read once, shared by the extractors."""
from __future__ import annotations

import csv
import os
import re
from functools import lru_cache
from pathlib import Path


def reference_dir() -> Path:
    """The folder of reference files (``HELPERS_REFERENCE`` overrides the project's own)."""
    env = os.environ.get("HELPERS_REFERENCE")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "data" / "reference"


@lru_cache(maxsize=None)
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of ``data/reference/<name>.csv``; lines starting with ``#`` are comments."""
    path = reference_dir() / f"{name}.csv"
    with path.open(encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.lstrip().startswith("#")]
    return tuple(dict(r) for r in csv.DictReader(lines))


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """The whitespace-separated words of ``data/reference/<name>.txt`` (``#`` starts a comment)."""
    path = reference_dir() / f"{name}.txt"
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("#"):
            continue
        out.update(line.split())
    return frozenset(out)


@lru_cache(maxsize=None)
def phrases(name: str, signal: str) -> tuple[str, ...]:
    """Phrases of ``signals.csv`` (or another two-column file) for one signal, longest first."""
    found = [r["phrase"] for r in rows(name) if r["signal"] == signal]
    return tuple(sorted(found, key=len, reverse=True))


def alternation(items: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal phrases, longest first, so the longest one wins."""
    return "|".join(re.escape(p) for p in sorted(set(items), key=len, reverse=True))
