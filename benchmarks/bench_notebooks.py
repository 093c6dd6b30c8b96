"""Cost of executing the notebooks: ``python benchmarks/bench_notebooks.py [CORPUS] [--copies N]``.

Executes every notebook on the corpus (reports and figures in a temporary folder): with an
empty table cache one at a time, then two at a time as ``make run`` does, then again with the
cache filled; prints seconds per notebook and for the suite. ``--copies N`` first makes a corpus of N renamed copies of each article, to see how the
cost grows with the corpus (5,000 articles: ``--copies 200`` of the 25 seeds)."""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from helpers.reports import run_all

ROOT = Path(__file__).resolve().parents[1]


def copies(corpus: Path, n: int, into: Path) -> Path:
    """A corpus of ``n`` renamed copies of every ``*.txt`` of ``corpus``, each with a line of
    its own (the build counts a text seen before as a duplicate, with no rows)."""
    into.mkdir(parents=True, exist_ok=True)
    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for i in range(n):
            (into / f"{path.stem}~{i}.txt").write_text(f"{text}\n\nCopy {i}.\n", encoding="utf-8")
    return into


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT / "seeds"))
    ap.add_argument("--copies", type=int, default=0, help="make a corpus of N copies of each article first")
    args = ap.parse_args()
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(args.corpus)
        if args.copies:
            corpus = copies(corpus, args.copies, Path(tmp) / "corpus")
        n = len(list(corpus.rglob("*.txt")))
        print(f"{len(notebooks)} notebooks on {n:,} articles")
        # cold: an empty table cache, so the first notebook parses the corpus; warm: all reuse it
        for label, jobs, cold in (("cold cache, 1 at a time", 1, True), ("cold cache, 2 at a time", 2, True),
                                  ("warm cache, 2 at a time", 2, False)):
            if cold:
                os.environ["HELPERS_CACHE"] = tempfile.mkdtemp(dir=tmp)
            t0 = time.perf_counter()
            runs = run_all(notebooks, corpus, Path(tmp) / "reports", Path(tmp) / "reports" / "figures", jobs=jobs)
            total = time.perf_counter() - t0
            failed = [r.notebook for r in runs if not r.ok]
            each = ", ".join(f"{r.notebook} {r.seconds:.1f}" for r in runs)
            print(f"  {label}: {total:.1f} s for the suite ({each} s){'; FAILED ' + str(failed) if failed else ''}")


if __name__ == "__main__":
    main()
