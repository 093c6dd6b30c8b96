"""Parsing cost per article on one core: ``python benchmarks/bench_parse.py [CORPUS] [--repeat N]``.

Reads the corpus once, then times ``parse_article`` over every text (after one warm-up pass that
loads the reference data and compiles its patterns; caches keyed by the texts' words are cleared
before each timed pass), and prints milliseconds per article and per 1,000 words, wall-clock and
processor time."""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from helpers import parse_article
from helpers.corpus import iter_corpus
from helpers.extract import names, parties, places

# caches keyed by words of the texts; cleared before every pass, so that re-reading the same
# texts does not make a pass cheaper than a first reading (reference data stays loaded)
TEXT_CACHES = (places.city_country, names.same_name, parties.level_of)


def clear_text_caches() -> None:
    for cache in TEXT_CACHES:
        cache.cache_clear()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[1] / "seeds"))
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    arts = [a for a in iter_corpus(args.corpus) if a.status == "ok"]
    words = sum(len(a.text.split()) for a in arts)
    t0 = time.perf_counter()
    for a in arts:
        parse_article(a.text, a.article_id)
    first = time.perf_counter() - t0
    runs, cpu = [], []
    for _ in range(args.repeat):
        clear_text_caches()
        t0, c0 = time.perf_counter(), time.process_time()
        for a in arts:
            parse_article(a.text, a.article_id)
        runs.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    per_article = statistics.median(runs) / len(arts) * 1000
    print(f"{len(arts)} articles, {words} words, {args.repeat} runs")
    print(f"first pass (loads reference data): {first * 1000:.0f} ms")
    print(f"median: {per_article:.2f} ms per article, {per_article * 1000 * len(arts) / words:.2f} ms per 1,000 words")
    print(f"best:   {min(runs) / len(arts) * 1000:.2f} ms per article")
    # the processor time of the best pass: on a shared virtual machine the wall clock also counts
    # time the host gave to others, and varies by a quarter or more over a day
    print(f"cpu:    {min(cpu) / len(arts) * 1000:.2f} ms per article (processor time, best pass)")
    # one very long text (the corpus three times over): the cost should grow with the words only
    long_text = "\n\n".join(a.text for a in arts) * 3
    clear_text_caches()
    t0 = time.perf_counter()
    parse_article(long_text, "long")
    took = time.perf_counter() - t0
    print(f"one text of {len(long_text.split())} words: {took * 1000:.0f} ms, "
          f"{took * 1e6 / len(long_text.split()):.2f} ms per 1,000 words")


if __name__ == "__main__":
    main()
