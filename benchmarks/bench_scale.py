"""Building large corpora: ``python benchmarks/bench_scale.py [--sizes 1000 10000 100000] [--jobs N]``.

Makes a synthetic corpus of N distinct articles for each size — each a headline and four to
seven paragraphs drawn from different sample articles (so names, documents and periods come
recombined), with a line of its own, so that no two texts are equal and nothing comes from a
cache — then times ``python -m helpers build`` on it (cache off) and samples the memory of the
build and its workers together. Prints a table and writes JSON (``--json``)."""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def paragraphs(seeds: Path) -> tuple[list[str], list[str]]:
    """Headlines and body paragraphs of the sample articles."""
    heads, paras = [], []
    for path in sorted(seeds.glob("*.txt")):
        parts = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        if parts:
            heads.append(parts[0].splitlines()[0])
            paras.extend(p for p in parts[1:] if len(p.split()) >= 8)
    return heads, paras


def make_corpus(folder: Path, n: int, seeds: Path) -> int:
    """N distinct articles in ``folder`` (a hundred per sub-folder); returns their bytes."""
    heads, paras = paragraphs(seeds)
    size = 0
    for i in range(n):
        rng = random.Random(i)
        body = rng.sample(paras, rng.randint(4, 7))
        text = f"{rng.choice(heads)}\n\n" + "\n\n".join(body) + f"\n\nReference {i}.\n"
        sub = folder / f"{i // 100:05d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"a{i:07d}.txt").write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (Linux /proc)."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS:"))) * 1024
            for task in Path(f"/proc/{p}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, StopIteration, ValueError):
            continue
    return total


def build(corpus: Path, out: Path, jobs: int, fmt: str) -> tuple[float, int]:
    """Wall seconds and peak memory (bytes) of one build."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [sys.executable, "-m", "helpers", "build", str(corpus), "--out", str(out), "--no-cache", "--quiet",
           "--jobs", str(jobs), "--format", fmt]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            time.sleep(0.1)

    watcher = threading.Thread(target=sample, daemon=True)
    watcher.start()
    _, err = proc.communicate()
    took = time.perf_counter() - t0
    watcher.join()
    if proc.returncode != 0:
        raise SystemExit(f"build failed: {err[-2000:]}")
    return took, peak[0]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--format", default="csv", choices=("csv", "parquet"))
    ap.add_argument("--seeds", default=str(ROOT / "seeds"))
    ap.add_argument("--json", help="write the figures here as JSON")
    args = ap.parse_args()
    results = []
    print(f"{'articles':>9} {'MB':>7} {'seconds':>8} {'art/s':>7} {'art/s/core':>10} {'peak MB':>8}   ({args.jobs} jobs, {args.format})")
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus"
            size = make_corpus(corpus, n, Path(args.seeds))
            took, peak = build(corpus, Path(tmp) / "tables", args.jobs, args.format)
        row = {"articles": n, "mb": round(size / 1e6, 1), "seconds": round(took, 2),
               "per_second": round(n / took, 1), "per_second_per_core": round(n / took / args.jobs, 1),
               "peak_mb": round(peak / 1e6), "jobs": args.jobs, "format": args.format}
        results.append(row)
        print(f"{n:>9,} {row['mb']:>7} {row['seconds']:>8} {row['per_second']:>7} {row['per_second_per_core']:>10} "
              f"{row['peak_mb']:>8}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
