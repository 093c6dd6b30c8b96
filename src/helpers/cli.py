"""Command line: ``build CORPUS --out DIR``, ``evaluate DIR GOLD`` and ``report CORPUS``."""
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


def _report(args: argparse.Namespace) -> int:
    from .reports import run_all

    corpus, folder = Path(args.corpus), Path(args.notebooks)
    if not corpus.is_dir():
        print(f"error: corpus folder not found: {corpus}", file=sys.stderr)
        return 2
    notebooks = sorted(folder.glob("*.ipynb"))
    if args.only:
        notebooks = [p for p in notebooks if any(p.stem.startswith(o) for o in args.only)]
    if not notebooks:
        print(f"error: no notebooks in {folder}", file=sys.stderr)
        return 2
    figures = Path(args.out) / "figures"
    extra = {"ARTICLE_ID": args.article} if args.article else None
    t0 = time.perf_counter()
    runs = run_all(notebooks, corpus, args.out, figures, extra, jobs=args.jobs)
    for r in runs:
        where = r.html if r.html else "no report"
        print(f"  {r.notebook:<16} {r.seconds:6.1f} s  {'ok' if r.ok else 'FAILED: ' + r.error}  -> {where}",
              file=sys.stderr)
    pngs = len(list(figures.glob("*.png")))
    print(f"{len(runs)} notebooks on {corpus} in {time.perf_counter() - t0:.1f} s; "
          f"{pngs} figures in {figures}", file=sys.stderr)
    return 0 if all(r.ok for r in runs) else 1


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
    r = sub.add_parser("report", help="execute the notebooks on CORPUS: HTML reports and PNG figures in --out")
    r.add_argument("corpus")
    r.add_argument("--out", default="reports", help="folder for the HTML reports (figures in OUT/figures)")
    r.add_argument("--notebooks", default="notebooks", help="folder of the notebooks")
    r.add_argument("--only", nargs="*", help="notebooks whose name starts with one of these")
    r.add_argument("--article", help="ARTICLE_ID for the evidence notebook")
    r.add_argument("--jobs", type=int, help="notebooks executed at once (default: one per core)")
    r.set_defaults(func=_report)
    args = ap.parse_args(argv)
    return args.func(args)
