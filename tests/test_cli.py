"""The command line: build writes the seven CSV tables; evaluate prints the scores."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd
from conftest import GOLD, SEEDS

from helpers.tables import COLUMNS


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "helpers", *args], capture_output=True, text=True)


def test_build_then_evaluate(tmp_path):
    out = tmp_path / "tables"
    done = run("build", str(SEEDS), "--out", str(out))
    assert done.returncode == 0, done.stderr
    for name, cols in COLUMNS.items():
        df = pd.read_csv(out / f"{name}.csv")
        assert list(df.columns) == list(cols)
    assert len(pd.read_csv(out / "articles.csv")) == len(list(SEEDS.glob("*.txt")))
    done = run("evaluate", str(out), str(GOLD), "--texts", str(SEEDS))
    assert done.returncode == 0, done.stderr
    assert "overall_f1=" in done.stdout and "documents" in done.stdout


def test_missing_corpus_is_a_clear_error(tmp_path):
    done = run("build", str(tmp_path / "nope"), "--out", str(tmp_path / "o"))
    assert done.returncode == 2
    assert "not found" in done.stderr
