"""Parsing cost on texts made of one phrase repeated: the cost must stay linear whatever the
content (a run-on sentence of documents, stray quote marks, endless capitals, breadcrumbs).

    python benchmarks/bench_content.py [N]   # N: how many times each phrase is doubled (default 3)
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from helpers import parse_article  # noqa: E402

PHRASES = {
    "stray quotes": "'A ",
    "capitals": "Ministry Of ",
    "breadcrumbs": "Home / News / ",
    "signed on behalf": "An agreement was signed by X on behalf of ",
    "names": "Aaa Bbb and ",
    "apostrophes": "countries' ties, ",
    "documents in one sentence": "MoU on trade, ",
    "unnamed sides": "the two countries signed an agreement and ",
    "dashes": "— ",
    "short lines": "A\n",
    "quotes": '"We agree," he said. ',
    "offices": "Minister of ",
}


def main() -> None:
    doublings = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    parse_article("Warm-up. President Tokayev met.", "warm")
    print(f"{'phrase':28s}" + "".join(f"{500 * 2 ** k:>10d}x" for k in range(doublings)) + "   ms per 1,000 words")
    for name, phrase in PHRASES.items():
        costs = []
        for k in range(doublings):
            text = phrase * (500 * 2 ** k)
            t0 = time.perf_counter()
            parse_article(text, "bench")
            costs.append((time.perf_counter() - t0) * 1000 / max(1, len(text.split())) * 1000)
        print(f"{name:28s}" + "".join(f"{c:10.1f} " for c in costs))


if __name__ == "__main__":
    main()
