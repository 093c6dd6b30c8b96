"""Any text gives rows, never an exception: fragments and mangled copies of real articles."""
from __future__ import annotations

import random

import pytest
from conftest import SEEDS

from helpers import parse_article

TABLES = ("people", "areas", "documents", "signatories", "durations", "quotes")


def fragments(n: int = 240) -> list[str]:
    rnd = random.Random(7)
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    out = ["", " ", "\n\n", "«", "\"", "- ;", "for 2026-", "between and", "President", "Memorandum of"]
    for _ in range(n):
        t = rnd.choice(texts)
        i = rnd.randrange(len(t))
        frag = t[i:rnd.randrange(i, len(t) + 1)]
        if rnd.random() < 0.3:
            frag = frag.replace(" ", rnd.choice(["\n", "  ", " - ", "\"", "«"]), 5)
        out.append(frag)
    return out


@pytest.mark.parametrize("chunk", range(4))
def test_fragments_parse_with_valid_spans(chunk):
    texts = fragments()[chunk::4]
    for text in texts:
        rows = parse_article(text, "frag")
        assert rows.article["status"] == "ok"
        for table in TABLES:
            for row in getattr(rows, table):
                assert 0 <= row["start"] < row["end"] <= len(text), (table, row, text[:80])
