"""Executing the notebooks on a corpus: parameters injected, executed copies kept as HTML.

The kernel is the ``python3`` of the environment running this code (jupyter_client starts it
with this interpreter), so reports need no kernel of their own to be installed.
"""
from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat

PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"


@dataclass(frozen=True)
class Run:
    """One notebook's execution: where its report went, how long it took, what went wrong."""

    notebook: str
    html: Path | None
    seconds: float
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error


def with_parameters(nb: nbformat.NotebookNode, params: dict[str, object]) -> nbformat.NotebookNode:
    """The notebook with a cell setting ``params`` right after its cell tagged ``parameters``
    (the way papermill does it, so the defaults stay visible above the values used)."""
    at = next((i for i, c in enumerate(nb.cells) if PARAMETERS_TAG in c.get("metadata", {}).get("tags", [])), None)
    if at is None:
        raise ValueError("the notebook has no cell tagged 'parameters'")
    source = "# Parameters of this run\n" + "\n".join(f"{k} = {v!r}" for k, v in params.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": [INJECTED_TAG]})
    nb = nbformat.from_dict(nb)
    nb.cells = [c for c in nb.cells if INJECTED_TAG not in c.get("metadata", {}).get("tags", [])]
    nb.cells.insert(at + 1, cell)
    return nb


def execute(path: str | Path, params: dict[str, object], timeout: int = 600) -> tuple[nbformat.NotebookNode, str]:
    """Run a notebook top to bottom in its own folder with ``params``; returns the executed
    notebook (as far as it got) and the error, empty when every cell ran."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    _this_environment_first()
    nb = with_parameters(nbformat.read(path, as_version=4), params)
    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", extra_arguments=["--log-level=ERROR"],
                            resources={"metadata": {"path": str(path.parent.resolve())}})
    try:
        client.execute()
    except CellExecutionError as exc:
        return nb, _first_line(str(exc))
    return nb, ""


def _this_environment_first() -> None:
    """Look for kernels in this environment before the user's folders, so ``python3`` is the
    interpreter that has ``helpers`` installed even where a user registered another one."""
    own = str(Path(sys.prefix) / "share" / "jupyter")
    paths = [p for p in os.environ.get("JUPYTER_PATH", "").split(os.pathsep) if p]
    if own not in paths:
        os.environ["JUPYTER_PATH"] = os.pathsep.join([own, *paths])


def _first_line(message: str) -> str:
    lines = [line for line in message.splitlines() if line.strip()]
    errors = [line for line in lines if "Error" in line and not line.startswith(" ")]
    return (errors[-1] if errors else lines[-1] if lines else "failed").strip()


def to_html(nb: nbformat.NotebookNode) -> str:
    """The executed notebook as one self-contained HTML page (images inline)."""
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    return body


def run_one(path: str | Path, params: dict[str, object], out: str | Path | None) -> Run:
    """Execute one notebook and write ``<out>/<name>.html`` (also when a cell failed)."""
    path = Path(path)
    t0 = time.perf_counter()
    try:
        nb, error = execute(path, params)
    except Exception as exc:  # a kernel that dies or a broken file is a failed run, not a crash
        return Run(path.stem, None, time.perf_counter() - t0, f"{type(exc).__name__}: {exc}")
    html = None
    if out is not None:
        html = Path(out) / f"{path.stem}.html"
        html.parent.mkdir(parents=True, exist_ok=True)
        html.write_text(to_html(nb), encoding="utf-8")
    return Run(path.stem, html, time.perf_counter() - t0, error)


def run_all(notebooks: list[Path], corpus: str | Path, out: str | Path | None, figures: str | Path | None,
            extra: dict[str, object] | None = None, jobs: int | None = None) -> list[Run]:
    """Execute every notebook on ``corpus`` (absolute paths passed, since each notebook runs
    in its own folder), a few at a time; PNGs of the figures go to ``figures``."""
    params: dict[str, object] = {"CORPUS": str(Path(corpus).resolve()),
                                 "FIGURES": str(Path(figures).resolve()) if figures else ""}
    params.update(extra or {})
    if figures:
        folder = Path(figures)
        folder.mkdir(parents=True, exist_ok=True)
        for nb in notebooks:  # figures of an earlier corpus must not linger
            for old in folder.glob(f"{Path(nb).stem}_*.png"):
                old.unlink()
    jobs = jobs or min(len(notebooks), os.cpu_count() or 1, 4) or 1
    if jobs == 1:
        return [run_one(p, params, out) for p in notebooks]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(run_one, notebooks, [params] * len(notebooks), [out] * len(notebooks)))
