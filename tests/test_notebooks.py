"""The notebooks: thin, parameterised, committed clean, and running on any corpus folder."""
from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from helpers.reports import run_all, run_one, with_parameters

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
NAMES = ["01_corpus", "02_areas", "03_documents", "04_durations", "05_evidence"]
SMALL = ["000_3b5b4069b4a23625", "dev_a02", "dev_a11"]  # dev_a11 yields no documents


def _read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def test_the_five_notebooks_are_there():
    assert [p.stem for p in NOTEBOOKS] == NAMES


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_opens_with_its_parameters(path):
    nb = _read(path)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", [])
    assert 'CORPUS = "../seeds"' in code[0].source and "FIGURES =" in code[0].source
    if path.stem == "05_evidence":
        assert 'ARTICLE_ID = "000_3b5b4069b4a23625"' in code[0].source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_committed_clean_and_thin(path):
    nb = _read(path)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        assert cell.outputs == [] and cell.execution_count is None, "commit notebooks with outputs cleared"
        for banned in ("def ", "class ", "import matplotlib", "plt.", "lambda"):
            assert banned not in cell.source, f"logic and plotting belong in helpers: {banned!r}"
    assert nb.metadata.kernelspec.name == "python3"


def test_parameters_go_right_after_their_cell():
    nb = with_parameters(_read(NOTEBOOKS[0]), {"CORPUS": "/data/x"})
    at = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    assert nb.cells[at + 1].source.endswith("CORPUS = '/data/x'")
    again = with_parameters(nb, {"CORPUS": "/data/y"})
    assert sum("injected-parameters" in c.metadata.get("tags", []) for c in again.cells) == 1


@pytest.fixture(scope="module")
def small_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("small")
    corpus = base / "corpus"
    corpus.mkdir()
    for aid in SMALL:
        shutil.copy(ROOT / "seeds" / f"{aid}.txt", corpus / f"{aid}.txt")
    runs = run_all(NOTEBOOKS, corpus, base / "reports", base / "reports" / "figures",
                   extra={"ARTICLE_ID": "dev_a11"}, jobs=2)
    return base / "reports", runs


@pytest.fixture(scope="module")
def empty_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("empty")
    (base / "corpus").mkdir()
    runs = run_all(NOTEBOOKS, base / "corpus", base / "reports", base / "reports" / "figures", jobs=2)
    return base / "reports", runs


def test_notebooks_run_on_a_small_corpus(small_run):
    out, runs = small_run
    assert [(r.notebook, r.error) for r in runs] == [(n, "") for n in NAMES]
    for name in NAMES:
        html = (out / f"{name}.html").read_text(encoding="utf-8")
        assert "3 articles in" in html and "Traceback" not in html
        assert "data:image/png;base64" in html, f"{name} shows no chart"
        assert list((out / "figures").glob(f"{name}_*.png")), f"{name} left no figure"


def test_evidence_of_an_article_without_documents_says_so(small_run):
    out, _ = small_run
    html = (out / "05_evidence.html").read_text(encoding="utf-8")
    assert "Article dev_a11." in html and "documents: 0 rows" in html


def test_notebooks_run_on_an_empty_corpus_and_say_there_is_nothing(empty_run):
    out, runs = empty_run
    assert [(r.notebook, r.error) for r in runs] == [(n, "") for n in NAMES]
    for name in NAMES:
        html = (out / f"{name}.html").read_text(encoding="utf-8")
        assert "The corpus is empty" in html
        assert "Nothing to chart" in html
    assert not list((out / "figures").glob("*.png"))


def test_a_missing_corpus_fails_loudly(tmp_path):
    run = run_one(NOTEBOOKS[0], {"CORPUS": str(tmp_path / "nowhere"), "FIGURES": ""}, tmp_path)
    assert not run.ok and "corpus folder not found" in run.error
    assert (tmp_path / "01_corpus.html").exists()  # the report shows where it stopped


def test_figures_are_saved_as_png_and_nothing_is_not(tmp_path, capsys):
    from matplotlib.figure import Figure

    from helpers.charts import Nothing
    from helpers.notebook import Figures

    figures = Figures(tmp_path / "figures", "09_test")
    fig = Figure()
    fig.subplots().plot([1, 2], [3, 4])
    figures.show(fig, "Documents by Type")
    figures.show(Nothing("no document was found"), "empty")
    saved = sorted((tmp_path / "figures").iterdir())
    assert [p.name for p in saved] == ["09_test_documents_by_type.png"]
    assert saved[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(TypeError):
        figures.show("a chart", "wrong")


def test_load_stops_on_tables_that_break_the_contract(monkeypatch, dev_tables):
    from dataclasses import replace

    from helpers import notebook

    docs = dev_tables.documents.copy()
    docs.loc[docs.index[0], "status"] = "rumoured"
    monkeypatch.setattr(notebook.Build, "run", lambda self, folder: replace(dev_tables, documents=docs))
    with pytest.raises(ValueError, match="rumoured"):
        notebook.load(ROOT / "seeds")


def test_load_names_a_missing_folder(tmp_path):
    from helpers import notebook

    with pytest.raises(FileNotFoundError, match="set CORPUS"):
        notebook.load(tmp_path / "nowhere")


@pytest.mark.parametrize("country, present", [("KAZ", True), ("ATA", False)])
def test_notebooks_run_filtered_to_a_country(tmp_path, country, present):
    """Filters set to a country of the corpus chart its articles; to one absent from it, every
    notebook says there is nothing to chart instead of failing."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for aid in ("000_3b5b4069b4a23625", "dev_a02", "dev_b01"):
        shutil.copy(ROOT / "seeds" / f"{aid}.txt", corpus / f"{aid}.txt")
    runs = run_all(NOTEBOOKS[:4], corpus, tmp_path / "reports", tmp_path / "reports" / "figures",
                   extra={"COUNTRIES": [country]}, jobs=2)
    assert [(r.notebook, r.error) for r in runs] == [(n, "") for n in NAMES[:4]]
    for name in NAMES[:4]:
        html = (tmp_path / "reports" / f"{name}.html").read_text(encoding="utf-8")
        assert "Traceback" not in html
        if present:
            assert "Filtered to 2 articles (countries: KAZ)" in html and "data:image/png;base64" in html
        else:
            assert "No article matches the filters (countries: ATA)" in html and "Nothing to chart" in html
