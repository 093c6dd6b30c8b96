"""A rebuild after adding one article: ``python benchmarks/bench_incremental.py [CORPUS] [--n 2000]``.

Makes a corpus of N distinct articles (the sample articles, each copy with a line of its own),
builds it with the row cache empty, adds one article and builds again; prints both wall times
and their ratio. The cache lives in a temporary folder, never the user's."""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from helpers.cli import main as cli


def corpus(seeds: Path, n: int, into: Path) -> Path:
    """N distinct articles made from the ``*.txt`` of ``seeds``."""
    into.mkdir(parents=True)
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    for i in range(n):
        (into / f"a{i:06d}.txt").write_text(f"{texts[i % len(texts)]}\n\nCopy {i}.\n", encoding="utf-8")
    return into


def timed(args: list[str]) -> float:
    t0 = time.perf_counter()
    assert cli(args) == 0
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default="seeds")
    ap.add_argument("--n", type=int, default=2000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        os.environ["HELPERS_CACHE"] = str(base / "cache")
        folder = corpus(Path(args.corpus), args.n, base / "corpus")
        out = ["--out", str(base / "tables"), "--quiet"]
        full = timed(["build", str(folder), *out])
        extra = next(Path(args.corpus).glob("*.txt")).read_text(encoding="utf-8")
        (folder / "added.txt").write_text(extra + "\n\nAdded.\n", encoding="utf-8")
        again = timed(["build", str(folder), *out])
        print(f"full build of {args.n:,} articles: {full:.2f} s; after adding 1: {again:.2f} s "
              f"({again / full:.1%} of the full build)")


if __name__ == "__main__":
    main()
