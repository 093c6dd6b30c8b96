"""The parser against the gold of the dev corpora, with the project's own scorer."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GOLD, GOLD2, ROOT, SEEDS

from helpers.evaluate import TALLIED, format_report, score

SHARED_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
MODEL = "000_3b5b4069b4a23625"

# (gold folder, overall F1 floor, floor for every table): dev shaped the rules; dev2 came from
# other outlets and regions and is held to its own floor (measured 2026-12-02: dev 0.996, every
# table >= 0.98; dev2 0.951, lowest table areas 0.902)
FLOORS = {"dev": (GOLD, 0.97, 0.95), "dev2": (GOLD2, 0.94, 0.88)}


@pytest.fixture(scope="module")
def dev_dir(dev_tables, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dev")
    dev_tables.write(out)
    return out


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_corpus_meets_the_floors(dev_dir, corpus):
    gold, overall, table_floor = FLOORS[corpus]
    res = score(dev_dir, gold, SEEDS)
    report = format_report(res)
    assert res.n_articles == len(list(gold.glob("*.json")))
    assert res.overall_f1 >= overall, report
    for table in TALLIED:
        assert res.f1(table) >= table_floor, report
    assert res.provenance == 1.0, report  # every row's span shows its value


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_labels_meet_the_floors(dev_dir, corpus):
    res = score(dev_dir, FLOORS[corpus][0], SEEDS)
    for name in ("doc_type", "doc_status", "party_country", "party_level", "event_type", "outlet"):
        assert res.accuracy(name) >= 0.90, format_report(res)
    assert res.accuracy("person_country") >= 0.85, format_report(res)


def test_model_article_is_read_completely(dev_dir, tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / f"{MODEL}.json").write_text((GOLD / f"{MODEL}.json").read_text(encoding="utf-8"), encoding="utf-8")
    res = score(dev_dir, gold, SEEDS)
    for table in TALLIED:
        assert res.f1(table) == 1.0, format_report(res)
    for name in ("doc_type", "doc_status", "party_country", "party_level", "person_country", "person_title",
                 "event_type", "outlet"):
        assert res.accuracy(name) == 1.0, format_report(res)


def test_scorer_counts_misses_and_false_alarms(dev_dir, tmp_path):
    """Emptied tables must score zero where the gold has rows: the scorer is not a rubber stamp."""
    import pandas as pd

    for p in dev_dir.glob("*.csv"):
        df = pd.read_csv(p, dtype=str, keep_default_na=False)
        (df.iloc[0:0] if p.stem != "articles" else df).to_csv(tmp_path / p.name, index=False)
    res = score(tmp_path, GOLD, SEEDS)
    assert res.f1("documents") == 0.0 and res.f1("people") == 0.0


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="the shared scorer is not beside this checkout")
@pytest.mark.parametrize("gold", [GOLD, GOLD2], ids=["dev", "dev2"])
def test_own_scorer_agrees_with_the_shared_one(dev_dir, gold):
    out = subprocess.run([sys.executable, str(SHARED_SCORER), str(dev_dir), str(gold), "--texts", str(SEEDS)],
                         capture_output=True, text=True, check=True).stdout
    shared = {line.split()[0]: float(line.split()[3]) for line in out.splitlines()
              if line.split() and line.split()[0] in TALLIED}
    res = score(dev_dir, gold, SEEDS)
    for table in TALLIED:
        assert abs(res.f1(table) - shared[table]) < 1e-3, (table, res.f1(table), shared[table])
