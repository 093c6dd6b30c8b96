"""Command line: ``build CORPUS --out DIR`` and ``evaluate DIR GOLD``."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def _build(args: argparse.Namespace) -> int:
    from .tables import build_tables

    corpus = Path(args.corpus)
    if not corpus.is_dir():
        print(f"error: corpus folder not found: {corpus}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    tables = build_tables(corpus)
    tables.write(args.out)
    n = len(tables.articles)
    bad = tables.articles[tables.articles["status"] != "ok"]
    took = time.perf_counter() - t0
    print(f"{n} articles from {corpus} -> {args.out} ({took:.2f} s)", file=sys.stderr)
    for name, frame in tables.items():
        print(f"  {name:<12} {len(frame):>6} rows", file=sys.stderr)
    for _, row in bad.iterrows():
        print(f"  {row['file']}: {row['status']}", file=sys.stderr)
    if n == 0:
        print(f"warning: no *.txt files in {corpus}", file=sys.stderr)
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluate import format_report, score

    pred, gold = Path(args.pred), Path(args.gold)
    for p in (pred, gold):
        if not p.is_dir():
            print(f"error: folder not found: {p}", file=sys.stderr)
            return 2
    result = score(pred, gold, Path(args.texts) if args.texts else None)
    print(format_report(result, per_article=args.per_article))
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m helpers``."""
    ap = argparse.ArgumentParser(prog="python -m helpers", description=__doc__)
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="parse every *.txt of CORPUS into the seven tables (CSV)")
    b.add_argument("corpus")
    b.add_argument("--out", required=True, help="folder for the CSV tables")
    b.set_defaults(func=_build)
    e = sub.add_parser("evaluate", help="score tables in DIR against gold JSON files in GOLD")
    e.add_argument("pred")
    e.add_argument("gold")
    e.add_argument("--texts", help="folder of the articles' texts (default: beside the gold, or GOLD/../articles)")
    e.add_argument("--per-article", action="store_true", help="also print tp/fp/fn per article")
    e.set_defaults(func=_evaluate)
    args = ap.parse_args(argv)
    return args.func(args)
