"""What every notebook does first and last: load checked tables, show and save its charts."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure

from .build import Build
from .display import rank_countries
from .charts import Chart, Nothing
from .schema import check
from .tables import Tables

DPI = 110


def load(corpus: str | Path, cache: bool = True, countries: list[str] | str | None = None,
         partner: str | None = None, years: list[int] | int | None = None,
         event_types: list[str] | str | None = None) -> Tables:
    """The tables of a corpus folder, checked against the contract (a ValueError listing
    every problem when they break it), kept to the articles the filters select (countries
    taking part, a partner among them, years published, kinds of meeting; empty filters keep
    all); a missing folder is a FileNotFoundError. With ``cache``, articles parsed before by
    the very same code are not parsed again."""
    folder = Path(corpus)
    if not folder.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {folder.resolve()} "
                                "(set CORPUS in the notebook's first cell)")
    build = Build(cache=cache)
    tables = check(build.run(folder))
    reused = build.counts.cached > 0 and build.counts.parsed == 0
    n = len(tables.articles)
    ok = int((tables.articles["status"] == "ok").sum())
    print(f"{n:,} articles in {folder} ({ok:,} parsed, {n - ok:,} skipped, duplicates or failed); "
          + ", ".join(f"{len(f):,} {name}" for name, f in tables.items() if name != "articles")
          + (" (rows of an earlier run on the same files)" if reused else ""))
    if n == 0:
        print("The corpus is empty: add articles (.txt, .md, .html, .json, .jsonl) to the folder and run again.")
    rank_countries(_by_frequency(tables))
    chosen = {"countries": _listed(countries), "partner": partner or None, "years": _listed(years),
              "event_types": _listed(event_types)}
    if any(chosen.values()):
        tables = tables.filter(**chosen)
        said = "; ".join(f"{k.replace('_', ' ')}: {', '.join(map(str, v)) if isinstance(v, list) else v}"
                         for k, v in chosen.items() if v)
        if len(tables.articles):
            print(f"Filtered to {len(tables.articles):,} articles ({said}).")
        else:
            print(f"No article matches the filters ({said}): there is nothing to chart.")
    return tables


def _by_frequency(tables: Tables) -> list[str]:
    """The corpus's countries, most often named first (articles, people and sides together)."""
    codes = pd.concat([tables.articles["countries"].astype("string").fillna("").str.split(";").explode(),
                       tables.people["country"], tables.signatories["country"]]).dropna()
    counts = codes[codes != ""].value_counts()
    return sorted(counts.index, key=lambda c: (-int(counts[c]), c))


def _listed(value: object) -> list:
    """A filter as a list: one value, a comma-separated string or a list; empty for none."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, (list, tuple, set)):
        return [v for v in value if v != ""]
    return [value]


class Figures:
    """Shows a notebook's charts and saves each as ``<prefix>_<name>.png`` in ``folder``
    (none saved when ``folder`` is empty), so the reports keep every figure as an image."""

    def __init__(self, folder: str | Path | None, prefix: str) -> None:
        self.folder = Path(folder) if folder else None
        self.prefix = prefix
        self.saved: list[Path] = []
        if self.folder:
            self.folder.mkdir(parents=True, exist_ok=True)

    def show(self, chart: Chart, name: str) -> None:
        """Display the chart (or the plain sentence saying there is nothing), saving it as PNG."""
        if isinstance(chart, Nothing):
            _display(chart)
            return
        if not isinstance(chart, Figure):
            raise TypeError(f"expected a Figure or Nothing, got {type(chart).__name__}")
        buffer = io.BytesIO()
        chart.savefig(buffer, format="png", dpi=DPI)
        png = buffer.getvalue()
        if self.folder:
            slug = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
            path = self.folder / f"{self.prefix}_{slug}.png"
            path.write_bytes(png)
            self.saved.append(path)
        # shown as the very PNG that was saved: figures made without pyplot have no inline display
        _display(chart, png)


def _display(obj: object, png: bytes | None = None) -> None:
    try:
        from IPython.display import Image, display
    except ImportError:  # outside Jupyter a sentence is still worth printing
        print(obj)
        return
    display(Image(data=png, format="png") if png is not None else obj)


def table(frame: pd.DataFrame, rows: int = 20) -> pd.DataFrame | None:
    """The first ``rows`` rows of a frame for display, saying how many were left out;
    None, after saying so, when it has no rows."""
    if frame.empty:
        print("(no rows)")
        return None
    if len(frame) > rows:
        print(f"first {rows} of {len(frame):,} rows")
        return frame.head(rows)
    return frame
