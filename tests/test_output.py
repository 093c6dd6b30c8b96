"""Tables on disk are always a whole set: a build killed while writing, a full disk or a second
build at the same time leave the old set as it was."""
from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers.cli import main
from helpers.output import MANIFEST, OutputError, locked

ROOT = Path(__file__).resolve().parents[1]
TABLES = ["articles", "people", "areas", "documents", "signatories", "durations", "quotes"]


def _corpus(folder: Path, ids: list[str]) -> Path:
    folder.mkdir()
    for aid in ids:
        shutil.copy(ROOT / "seeds" / f"{aid}.txt", folder)
    return folder


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def _whole(out: Path) -> set[str]:
    """The article ids of a table set, after checking every table is there and agrees."""
    ids = set(pd.read_csv(out / "articles.csv", dtype=str, keep_default_na=False)["article_id"])
    for name in TABLES[1:]:
        assert set(pd.read_csv(out / f"{name}.csv", dtype=str, keep_default_na=False)["article_id"]) <= ids
    return ids


@pytest.fixture
def built(tmp_path) -> tuple[Path, Path, dict[str, bytes]]:
    old = _corpus(tmp_path / "old", ["dev_a01", "dev_a02"])
    out = tmp_path / "tables"
    assert main(["build", str(old), "--out", str(out), "--quiet"]) == 0
    return tmp_path, out, _snapshot(out)


def test_a_full_disk_leaves_the_old_tables_whole(built, monkeypatch, capsys):
    base, out, before = built
    new = _corpus(base / "new", ["dev_a03"])
    real = pd.DataFrame.to_csv
    calls = []

    def full(self, path, *a, **k):
        calls.append(path)
        if len(calls) == 4:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, path, *a, **k)

    monkeypatch.setattr(pd.DataFrame, "to_csv", full)
    assert main(["build", str(new), "--out", str(out), "--quiet", "--no-cache"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("error: cannot write the tables") and "No space left" in err[-1]
    assert _snapshot(out) == before
    assert sorted(p.name for p in base.iterdir()) == [".tables.lock", "new", "old", "tables"]  # no leftovers


KILL_WHILE_WRITING = """
import os, signal, sys
import pandas as pd
real, n = pd.DataFrame.to_csv, [0]
def to_csv(self, path, *a, **k):
    n[0] += 1
    if n[0] == 4:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(self, path, *a, **k)
pd.DataFrame.to_csv = to_csv
from helpers.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_build_killed_while_writing_leaves_the_old_tables_whole(built):
    base, out, before = built
    new = _corpus(base / "new", ["dev_a03"])
    run = subprocess.run([sys.executable, "-c", KILL_WHILE_WRITING, "build", str(new), "--out", str(out),
                          "--quiet", "--no-cache"], capture_output=True, text=True, timeout=120)
    assert run.returncode == -9
    assert _snapshot(out) == before and _whole(out) == {"dev_a01", "dev_a02"}
    # the next build replaces the set whole, and cleans nothing of others
    (out / "figures").mkdir()
    assert main(["build", str(new), "--out", str(out), "--quiet"]) == 0
    assert _whole(out) == {"dev_a03"} and (out / "figures").is_dir() and (out / MANIFEST).is_file()
    assert sorted(p.name for p in base.iterdir()) == [".tables.lock", "new", "old", "tables"]  # no leftovers


def test_a_second_build_into_the_same_folder_is_refused(built, capsys):
    base, out, before = built
    new = _corpus(base / "new", ["dev_a03"])
    with locked(out):
        assert main(["build", str(new), "--out", str(out), "--quiet"]) == 1
    assert "another build is writing to" in capsys.readouterr().err
    assert _snapshot(out) == before


def test_two_builds_of_different_corpora_never_mix(built):
    base, out, _ = built
    new = _corpus(base / "new", ["dev_a03", "dev_a04"])
    assert main(["build", str(new), "--out", str(out), "--quiet"]) == 0
    assert _whole(out) == {"dev_a03", "dev_a04"}


def test_an_out_that_is_a_file_fails_before_parsing(tmp_path, capsys):
    corpus = _corpus(tmp_path / "c", ["dev_a01"])
    target = tmp_path / "file.csv"
    target.write_text("x", encoding="utf-8")
    assert main(["build", str(corpus), "--out", str(target)]) == 1
    assert "exists and is not a folder" in capsys.readouterr().err
    with pytest.raises(OutputError):
        from helpers.output import check

        check(target)


@pytest.mark.skipif(os.name != "posix" or os.getuid() == 0, reason="root writes anywhere")
def test_a_folder_without_permission_is_one_clear_line(tmp_path, capsys):
    corpus = _corpus(tmp_path / "c", ["dev_a01"])
    locked_dir = tmp_path / "ro"
    locked_dir.mkdir(mode=0o500)
    assert main(["build", str(corpus), "--out", str(locked_dir / "tables")]) == 1
    assert "error:" in capsys.readouterr().err
