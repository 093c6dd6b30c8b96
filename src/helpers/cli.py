"""Command line: ``build CORPUS --out DIR``, ``evaluate DIR GOLD`` and ``report CORPUS``."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .build import TIME_LIMIT
from .corpus import MAX_MB
from .workers import default_jobs
from .writer import FORMATS

# The project's notebooks, beside the package (src/helpers -> notebooks); never the current
# folder's, which may be anyone's.
PROJECT_NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


def _build(args: argparse.Namespace) -> int:
    from .build import Build
    from .output import OutputError, check, locked, write_batches

    corpus, out = Path(args.corpus), Path(args.out)
    if not corpus.is_dir():
        print(f"error: corpus folder not found: {corpus}", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    try:
        check(out)
        with locked(out):
            build = Build(cache=not args.no_cache, max_mb=args.max_mb, time_limit=args.time_limit or None,
                          progress=not args.quiet, jobs=args.jobs or default_jobs(), engine=args.engine,
                          scheduler=args.scheduler)
            about = {"corpus": str(corpus.absolute())}
            rows = write_batches(build.batches(corpus), out, about, args.format)
    except OutputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (ImportError, OSError) as exc:  # an engine that is not installed, a scheduler not reached
        print(f"error: {exc}", file=sys.stderr)
        return 1
    counts = build.counts
    for file, status in counts.problems:
        print(f"warning: {file}: {status}", file=sys.stderr)
    n = rows["articles"]
    took = time.perf_counter() - t0
    if not args.quiet:
        for name, count in rows.items():
            print(f"  {name:<12} {count:>7} rows", file=sys.stderr)
    print(f"{n} articles from {corpus} -> {out} in {took:.2f} s ({n / max(took, 1e-9):,.0f} per second, "
          f"{build.jobs} {'worker' if build.jobs == 1 else 'workers'}): {counts.line()}", file=sys.stderr)
    if n == 0:
        print(f"warning: no articles in {corpus} (.txt, .md, .html, .json, .jsonl)", file=sys.stderr)
    return 1 if args.strict and counts.problems else 0


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

    corpus = Path(args.corpus)
    folder = Path(args.notebooks) if args.notebooks else PROJECT_NOTEBOOKS
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
    extra: dict[str, object] = {"ARTICLE_ID": args.article} if args.article else {}
    filters = {"COUNTRIES": _codes(args.countries), "PARTNER": (args.partner or "").upper(),
               "YEARS": [int(y) for y in _codes(args.years)], "EVENT_TYPES": _codes(args.event_types, upper=False)}
    extra.update({k: v for k, v in filters.items() if v})
    t0 = time.perf_counter()
    runs = run_all(notebooks, corpus, args.out, figures, extra or None, jobs=args.jobs)
    for r in runs:
        where = r.html if r.html else "no report"
        print(f"  {r.notebook:<16} {r.seconds:6.1f} s  {'ok' if r.ok else 'FAILED: ' + r.error}  -> {where}",
              file=sys.stderr)
    pngs = len(list(figures.glob("*.png")))
    print(f"{len(runs)} notebooks on {corpus} in {time.perf_counter() - t0:.1f} s; "
          f"{pngs} figures in {figures}", file=sys.stderr)
    return 0 if all(r.ok for r in runs) else 1


def _dictionary(args: argparse.Namespace) -> int:
    from .dictionary import render

    sys.stdout.write(render())
    return 0


def _codes(values: list[str] | None, upper: bool = True) -> list[str]:
    """Values given as ``KAZ RUS`` or ``KAZ,RUS``."""
    out = [v.strip() for part in values or [] for v in part.split(",") if v.strip()]
    return [v.upper() for v in out] if upper else out


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m helpers``."""
    ap = argparse.ArgumentParser(prog="python -m helpers", description=__doc__)
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="parse every article of CORPUS (.txt .md .html .json .jsonl) into the "
                       "seven tables (CSV)")
    b.add_argument("corpus")
    b.add_argument("--out", required=True, help="folder for the CSV tables (replaced whole, at once)")
    b.add_argument("--no-cache", action="store_true", help="parse every article again, ignoring rows kept "
                   "from earlier builds")
    b.add_argument("--max-mb", type=float, default=MAX_MB, help=f"skip files larger than this (default {MAX_MB:g})")
    b.add_argument("--time-limit", type=float, default=TIME_LIMIT,
                   help=f"seconds one article may take before it is skipped (default {TIME_LIMIT:g}; 0: none)")
    b.add_argument("--strict", action="store_true", help="exit 1 when any file is skipped or fails")
    b.add_argument("--quiet", action="store_true", help="no progress bar and no table of row counts")
    b.add_argument("--jobs", type=int, help="worker processes parsing at once (default: every core)")
    b.add_argument("--format", choices=FORMATS, default="csv", help="csv (default) or parquet")
    b.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes (default) or a Dask cluster (pip install dask distributed)")
    b.add_argument("--scheduler", help="address of the Dask scheduler (--engine dask); default: a local cluster")
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
    r.add_argument("--notebooks", help="folder of the notebooks (default: the project's own, "
                   f"{PROJECT_NOTEBOOKS})")
    r.add_argument("--only", nargs="*", help="notebooks whose name starts with one of these")
    r.add_argument("--article", help="ARTICLE_ID for the evidence notebook")
    r.add_argument("--jobs", type=int, help="notebooks executed at once (default: one per core)")
    r.add_argument("--countries", nargs="*", help="only articles with any of these countries taking part (alpha-3)")
    r.add_argument("--partner", help="... and with this country among them (alpha-3)")
    r.add_argument("--years", nargs="*", help="... published in these years")
    r.add_argument("--event-types", nargs="*", help="... reporting these kinds of meeting (official_visit, talks, ...)")
    r.set_defaults(func=_report)
    d = sub.add_parser("dictionary", help="print the data dictionary (docs/tables.md) as Markdown")
    d.set_defaults(func=_dictionary)
    args = ap.parse_args(argv)
    return args.func(args)
