"""Builds at scale give the same tables whatever the route: one worker or many, one batch or
many, CSV or Parquet, local processes or a Dask cluster; and the data package describes them
so that frictionless validates it."""
from __future__ import annotations

import filecmp
import shutil
from pathlib import Path

import pandas as pd
import pytest

from helpers.build import Build
from helpers.cli import main
from helpers.output import write_batches
from helpers.tables import COLUMNS, read_tables

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ["000_3b5b4069b4a23625", "dev_a02", "dev_a05", "dev_b01", "dev_h03", "dev_f02", "dev_g10", "dev_i11"]
FILES = [f"{name}.csv" for name in COLUMNS] + ["documents_wide.csv", "article_countries.csv"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("scale") / "corpus"
    folder.mkdir()
    for aid in SAMPLE:
        shutil.copy(ROOT / "seeds" / f"{aid}.txt", folder)
    return folder


@pytest.fixture(scope="module")
def one_worker(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("one") / "tables"
    assert main(["build", str(corpus), "--out", str(out), "--quiet", "--no-cache", "--jobs", "1"]) == 0
    return out


def _same_files(a: Path, b: Path) -> None:
    match, mismatch, errors = filecmp.cmpfiles(a, b, FILES, shallow=False)
    assert (mismatch, errors) == ([], []), mismatch + errors


def test_many_workers_write_the_same_bytes(corpus, one_worker, tmp_path):
    out = tmp_path / "tables"
    assert main(["build", str(corpus), "--out", str(out), "--quiet", "--no-cache", "--jobs", "2"]) == 0
    _same_files(one_worker, out)


def test_small_batches_write_the_same_bytes(corpus, one_worker, tmp_path):
    """Rows written three articles at a time, names given at the end: the same tables."""
    out = tmp_path / "tables"
    write_batches(Build().batches(corpus, size=3), out)
    _same_files(one_worker, out)


def test_parquet_holds_the_same_tables(corpus, one_worker, tmp_path):
    out = tmp_path / "tables"
    assert main(["build", str(corpus), "--out", str(out), "--quiet", "--format", "parquet"]) == 0
    assert sorted(p.suffix for p in out.glob("*s.parquet")) and not list(out.glob("people.csv"))
    parquet, csv = read_tables(out), read_tables(one_worker)
    for (name, a), (_, b) in zip(parquet.items(), csv.items()):
        pd.testing.assert_frame_equal(a, b, obj=name)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_the_data_package_validates(corpus, tmp_path, fmt):
    frictionless = pytest.importorskip("frictionless")
    out = tmp_path / "tables"
    assert main(["build", str(corpus), "--out", str(out), "--quiet", "--format", fmt]) == 0
    report = frictionless.validate(str(out / "datapackage.json"))
    assert report.valid, [e.message for t in report.tasks for e in t.errors][:5]
    package = frictionless.Package(str(out / "datapackage.json"))
    assert [r.name for r in package.resources] == list(COLUMNS)
    doc_type = package.get_resource("documents").schema.get_field("doc_type")
    assert "memorandum" in doc_type.constraints["enum"]


def test_a_broken_foreign_key_fails_validation(corpus, tmp_path):
    frictionless = pytest.importorskip("frictionless")
    out = tmp_path / "tables"
    assert main(["build", str(corpus), "--out", str(out), "--quiet"]) == 0
    sig = (out / "signatories.csv").read_text(encoding="utf-8").splitlines()
    (out / "signatories.csv").write_text("\n".join([sig[0], sig[1].replace("#", "#9", 1), *sig[2:]]) + "\n",
                                         encoding="utf-8")
    assert not frictionless.validate(str(out / "datapackage.json")).valid


def test_the_dask_engine_gives_the_local_tables(corpus, one_worker, tmp_path):
    pytest.importorskip("distributed")
    out = tmp_path / "tables"
    assert main(["build", str(corpus), "--out", str(out), "--quiet", "--no-cache", "--engine", "dask",
                 "--jobs", "2"]) == 0
    _same_files(one_worker, out)
