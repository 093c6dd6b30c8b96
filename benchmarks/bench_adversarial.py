"""Hostile inputs at 50 KB and 500 KB: the cost per KB must stay flat (linear in length),
whatever the text holds. Kinds: the run-on chains that once cost the square of their length,
the repetitive phrases of ``bench_content.py``, and plain words.

    python benchmarks/bench_adversarial.py [--sizes 50 500]   # sizes in KB
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_content import PHRASES  # noqa: E402

from helpers import parse_article  # noqa: E402
from helpers.decoding import normalise  # noqa: E402

KINDS = {
    "memoranda between": "Memorandum of Understanding between the Ministry of Energy of Kazakhstan and the "
                         "Ministry of Trade of Uzbekistan on cooperation in energy, ",
    "of X and of Y": "of the Government of Kazakhstan and of the Akimat of Almaty region and ",
    "repeated attributions": '"We will sign it," said President Tokayev. "And more," he added, Kazinform reports. ',
    "capitals and complements": "President President President Ministry of Energy of ",
    "ordinary words": "the weather was fine and people walked in the park after work ",
    "list items": "- Memorandum on trade between the Ministry of Trade of Kazakhstan and Qatar Airways;\n",
    "table rows (tabs)": "1.\tMemorandum on trade between the Ministry of Trade of Kazakhstan and Qatar Airways"
                         "\tMinister A\tMinister B\n",
    "table rows (pipes)": "| 1 | Agreement between the Government of Kazakhstan and the Government of Qatar |\n",
    "hard-wrapped lines": "The two Prime Ministers discussed trade and signed a memorandum on the\n",
    "single-quoted phrases": "Aliyev spoke of the 'solid foundation' of the two countries' ties, ",
    "sides listed after among": "an MoU among Glagit, Musashi Seimitsu Industry Glafit, ",
    "entities": "&#8220;We will sign it,&#8221; said the minister &amp; ",
    **PHRASES,
}


def cost(text: str) -> float:
    t0 = time.perf_counter()
    parse_article(normalise(text)[0], "bench")  # as a file is read: unwrapping and entities included
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[50, 500], help="sizes in KB")
    args = ap.parse_args()
    parse_article("Warm-up. President Tokayev met.", "warm")
    head = "".join(f"{s:>8d} KB" for s in args.sizes)
    print(f"{'kind':28s}{head}   ms per KB; ratio of the largest to the smallest")
    worst = 0.0
    for name, phrase in KINDS.items():
        per_kb = []
        for kb in args.sizes:
            text = phrase * max(1, kb * 1000 // len(phrase))
            per_kb.append(cost(text) * 1000 / (len(text) / 1000))
        ratio = per_kb[-1] / per_kb[0]
        worst = max(worst, ratio)
        print(f"{name:28s}" + "".join(f"{c:11.2f}" for c in per_kb) + f"   x{ratio:.2f}")
    print(f"worst ratio: x{worst:.2f} (1.0 is linear)")


if __name__ == "__main__":
    main()
