"""The parser against the gold of the dev corpus, with the project's own scorer."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GOLD, ROOT, SEEDS

from helpers.evaluate import TALLIED, format_report, score

SHARED_SCORER = ROOT.parent / "shared" / "eval" / "score.py"
MODEL = "000_3b5b4069b4a23625"


@pytest.fixture(scope="module")
def dev_dir(dev_tables, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dev")
    dev_tables.write(out)
    return out


def test_dev_corpus_meets_the_floors(dev_dir):
    res = score(dev_dir, GOLD, SEEDS)
    report = format_report(res)
    assert res.n_articles == len(list(GOLD.glob("*.json")))
    assert res.overall_f1 >= 0.90, report
    for table in TALLIED:
        assert res.f1(table) >= 0.85, report
    assert res.accuracy("doc_type") >= 0.90, report
    assert res.accuracy("party_level") >= 0.90, report
    assert res.provenance == 1.0, report  # every row's span shows its value


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
def test_own_scorer_agrees_with_the_shared_one(dev_dir):
    out = subprocess.run([sys.executable, str(SHARED_SCORER), str(dev_dir), str(GOLD), "--texts", str(SEEDS)],
                         capture_output=True, text=True, check=True).stdout
    shared = {line.split()[0]: float(line.split()[3]) for line in out.splitlines()
              if line.split() and line.split()[0] in TALLIED}
    res = score(dev_dir, GOLD, SEEDS)
    for table in TALLIED:
        assert abs(res.f1(table) - shared[table]) < 1e-3, (table, res.f1(table), shared[table])
