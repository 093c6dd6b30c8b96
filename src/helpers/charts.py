"""The notebooks' charts: matplotlib figures drawn from the frames of ``helpers.summary``.

Each function returns a Figure, or a ``Nothing`` that says plainly why there is no chart.
Figures are made without pyplot (no global state); long category lists are cut to the most
frequent ones and the title says so; labels are shortened so they never overlap.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from textwrap import shorten

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .display import country_colour, country_name, label_name, wrap
from .schema import labels

MAX_BARS = 30          # categories shown in a bar chart (every area of the closed list fits)
MAX_HEATMAP_ROWS = 40  # articles shown in the article-by-area heat map
MAX_TIMELINE = 40      # documents shown on the timeline
MAX_NODES = 40         # parties shown in the network
LABEL_CHARS = 42       # longest tick label
WIDTH = 9.0

ACCENT = "#1f77b4"
MUTED = "#b0b0b0"
# One colour per table, light enough to shade text under it (the evidence notebook).
TABLE_COLOURS = {"people": "#aec7e8", "areas": "#98df8a", "documents": "#ffbb78",
                 "signatories": "#c5b0d5", "durations": "#ff9896", "quotes": "#e5e5e5"}
_STATUS = {"signed": "#2ca02c", "planned": "#ff7f0e", "existing": "#1f77b4"}
STATUS_COLOURS = {**_STATUS, **{label_name("status", k): v for k, v in _STATUS.items()}}  # codes and plain names


@dataclass(frozen=True)
class Nothing:
    """No chart, and why: shown as a plain sentence where the chart would be."""

    message: str

    def __str__(self) -> str:
        return f"Nothing to chart: {self.message}."

    __repr__ = __str__

    def _repr_markdown_(self) -> str:
        return f"*{self}*"


Chart = Figure | Nothing


def _cycle(n: int) -> list[str]:
    base = [*colormaps["tab10"].colors, *colormaps["Dark2"].colors, *colormaps["tab20"].colors[1::2],
            *colormaps["Set2"].colors]
    base = [c for c in base if len({round(v, 2) for v in c[:3]}) > 1]  # greys mean "other"
    base = list(dict.fromkeys(to_hex(c) for c in base))
    return [base[i % len(base)] for i in range(n)]


def area_colours() -> dict[str, str]:
    """A fixed colour for each area of the closed list, the same in every chart and corpus."""
    names = sorted(labels()["area"])
    return dict(zip(names, _cycle(len(names))))


def doc_type_colours() -> dict[str, str]:
    """A fixed colour for each document type of the closed list."""
    names = sorted(labels()["doc_type"])
    return dict(zip(names, _cycle(len(names))))


def country_colours(countries: list[str], top: int = 10) -> dict[str, str]:
    """Each country's one colour (``display.country_colour``: the same in every chart and
    corpus) for the ``top`` countries given first; grey for the rest and for unknown ones."""
    picked = [c for c in dict.fromkeys(countries) if c and not c.startswith("(")][:top]
    return {c: country_colour(c) if c in picked else MUTED for c in dict.fromkeys(countries)}


def plain(text: object) -> str:
    """Text shown as written: a ``$`` in a name would start matplotlib's mathtext."""
    return str(text).replace("$", r"\$")


def _short(label: object) -> str:
    label = str(label)
    return plain(shorten(label, LABEL_CHARS, placeholder="…") if len(label) > LABEL_CHARS else label)


def _figure(rows: int, per_row: float = 0.32, base: float = 1.6, width: float = WIDTH) -> Figure:
    height = min(max(base + per_row * rows, 2.6), 16.0)
    return Figure(figsize=(width, height), layout="constrained")


def _cut(frame: pd.DataFrame, limit: int) -> tuple[pd.DataFrame, str]:
    if len(frame) <= limit:
        return frame, ""
    return frame.iloc[:limit], f" (top {limit} of {len(frame):,})"


def bars(frame: pd.DataFrame, label: str, value: str, *, title: str, xlabel: str, ylabel: str,
         colours: dict[str, str] | None = None, empty: str = "no rows") -> Chart:
    """Horizontal bars, largest on top, each with its value at its end."""
    if frame.empty or frame[value].sum() == 0:
        return Nothing(empty)
    shown, note = _cut(frame.sort_values(value, ascending=False, kind="stable"), MAX_BARS)
    fig = _figure(len(shown))
    ax = fig.subplots()
    names = [_short(v) for v in shown[label]]
    y = np.arange(len(shown))
    fill = [(colours or {}).get(str(v), ACCENT) for v in shown[label]]
    ax.barh(y, shown[value], color=fill)
    ax.set_yticks(y, names)
    ax.invert_yaxis()
    ax.bar_label(ax.containers[0], padding=3, fontsize=8)
    ax.margins(x=0.12)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set(title=plain(title + note), xlabel=xlabel, ylabel=ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def stacked(matrix: pd.DataFrame, *, title: str, xlabel: str, ylabel: str, legend: str,
            colours: dict[str, str] | None = None, empty: str = "no rows") -> Chart:
    """Horizontal stacked bars: one bar per row of ``matrix``, one segment per column."""
    if matrix.empty or matrix.to_numpy().sum() == 0:
        return Nothing(empty)
    shown, note = _cut(matrix, MAX_BARS)
    fig = _figure(len(shown))
    ax = fig.subplots()
    y = np.arange(len(shown))
    left = np.zeros(len(shown))
    fallback = dict(zip(shown.columns, _cycle(len(shown.columns))))
    for col in shown.columns:
        vals = shown[col].to_numpy(dtype=float)
        ax.barh(y, vals, left=left, label=_short(col), color=(colours or fallback).get(col, MUTED))
        left += vals
    for yi, total in zip(y, left):
        ax.text(total, yi, f" {int(total)}", va="center", fontsize=8)
    ax.set_yticks(y, [_short(v) for v in shown.index])
    ax.invert_yaxis()
    ax.margins(x=0.12)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set(title=plain(title + note), xlabel=xlabel, ylabel=ylabel)
    ax.legend(title=legend, loc="best", fontsize=8, title_fontsize=8, frameon=False)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def heatmap(matrix: pd.DataFrame, *, title: str, xlabel: str, ylabel: str, total: int | None = None,
            unit: str = "rows", empty: str = "no rows") -> Chart:
    """A grid of counts (rows × columns), darker for more, with the count in each filled cell
    when the grid is small enough to read; beyond 40 rows the first are shown (``unit`` names
    them in the title's note)."""
    if matrix.empty:
        return Nothing(empty)
    shown = matrix.iloc[:MAX_HEATMAP_ROWS]
    total = total if total is not None else len(matrix)
    note = f" (first {len(shown)} of {total:,} {unit})" if total > len(shown) else ""
    fig = Figure(figsize=(max(WIDTH, 2.5 + 0.38 * shown.shape[1]), min(max(2.6, 1.8 + 0.3 * len(shown)), 16)),
                 layout="constrained")
    ax = fig.subplots()
    data = shown.to_numpy(dtype=float)
    img = ax.imshow(np.where(data > 0, data, np.nan), aspect="auto", cmap="Blues", vmin=0,
                    vmax=max(1.0, float(np.nanmax(data))), interpolation="nearest")
    ax.set_facecolor("#f7f7f7")
    ax.set_xticks(range(shown.shape[1]), [_short(c) for c in shown.columns], rotation=90, fontsize=8)
    ax.set_yticks(range(len(shown)), [_short(r) for r in shown.index], fontsize=8)
    if data.size <= 1200:
        for (i, j), v in np.ndenumerate(data):
            if v > 0:
                ax.text(j, i, int(v), ha="center", va="center", fontsize=7,
                        color="white" if v > 0.6 * np.nanmax(data) else "black")
    fig.colorbar(img, ax=ax, label="mentions", shrink=0.6)
    ax.set(title=plain(title + note), xlabel=xlabel, ylabel=ylabel)
    return fig


def paired_bars(frame: pd.DataFrame, label: str, first: str, second: str, *, title: str, xlabel: str,
                ylabel: str, names: tuple[str, str], empty: str = "no rows") -> Chart:
    """Two bars per category (``first`` and ``second``), categories in the frame's order."""
    if frame.empty:
        return Nothing(empty)
    shown, note = _cut(frame, MAX_BARS)
    fig = _figure(len(shown), per_row=0.42)
    ax = fig.subplots()
    y = np.arange(len(shown))
    h = 0.4
    b1 = ax.barh(y - h / 2, shown[first], height=h, color=ACCENT, label=names[0])
    b2 = ax.barh(y + h / 2, shown[second], height=h, color=STATUS_COLOURS["signed"], label=names[1])
    for b in (b1, b2):
        ax.bar_label(b, padding=2, fontsize=7)
    ax.set_yticks(y, [plain(wrap(v, LABEL_CHARS, 2)) for v in shown[label]], fontsize=8)  # two lines: names of articles are long
    ax.invert_yaxis()
    ax.margins(x=0.12)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set(title=plain(title + note), xlabel=xlabel, ylabel=ylabel)
    ax.legend(loc="best", frameon=False, fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def network(nodes: pd.DataFrame, edges: pd.DataFrame, *, title: str, total: int | None = None,
            empty: str = "no parties") -> Chart:
    """Parties on a circle, grouped and coloured by country, a line between two parties for
    each document they signed together (thicker for more); dot size grows with documents."""
    if nodes.empty:
        return Nothing(empty)
    nodes = nodes.sort_values(["country", "documents", "party"], ascending=[True, False, True], ignore_index=True)
    n = len(nodes)
    angle = np.linspace(0, 2 * math.pi, n, endpoint=False) + math.pi / 2
    pos = {p: (math.cos(a), math.sin(a)) for p, a in zip(nodes["party"], angle)}
    by_size = nodes["country"].value_counts().index.tolist()
    colours = country_colours(by_size)
    fig = Figure(figsize=(WIDTH + 2, WIDTH), layout="constrained")
    ax = fig.subplots()
    # sizes and widths relative to the busiest, so that 5,000 articles draw like 5
    most_links = max(int(edges["documents"].max()) if len(edges) else 1, 1)
    for e in edges.itertuples(index=False):
        (x1, y1), (x2, y2) = pos[e.source], pos[e.target]
        ax.plot([x1, x2], [y1, y2], color="#888888", alpha=0.5, lw=0.8 + 3.2 * e.documents / most_links, zorder=1)
    docs = nodes["documents"].to_numpy(dtype=float)
    sizes = 30 + 220 * np.sqrt(docs / max(docs.max(), 1.0))
    ax.scatter([pos[p][0] for p in nodes["party"]], [pos[p][1] for p in nodes["party"]], s=sizes,
               c=[colours[c] for c in nodes["country"]], edgecolors="white", zorder=2)
    font = 8 if n <= 24 else 6.5
    for p, a in zip(nodes["party"], angle):
        x, y = math.cos(a), math.sin(a)
        deg = math.degrees(a) % 360
        flip = 90 < deg < 270
        ax.text(1.1 * x, 1.1 * y, _short(p), rotation=deg + 180 if flip else deg, rotation_mode="anchor",
                ha="right" if flip else "left", va="center", fontsize=font)
    ax.set_xlim(-2.4, 2.4)
    ax.set_ylim(-2.1, 2.1)
    ax.set_aspect("equal")
    ax.axis("off")
    handles = [Patch(color=colours[c], label=plain(country_name(c))) for c in dict.fromkeys(
        [c for c in by_size if colours[c] != MUTED] + [c for c in by_size if colours[c] == MUTED][:1])]
    if any(colours[c] == MUTED for c in by_size):
        handles[-1] = Patch(color=MUTED, label="other / not stated")
    ax.legend(handles=handles, title="country", loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
              fontsize=8, title_fontsize=8)
    total = total if total is not None else n
    note = f" ({n} of {total:,} parties: the documents of the busiest)" if total > n else ""
    ax.set_title(plain(title + note))
    return fig


def columns(frame: pd.DataFrame, x: str, y: str, *, title: str, xlabel: str, ylabel: str,
            part: str | None = None, part_label: str = "", empty: str = "no rows") -> Chart:
    """Vertical bars over an ordered axis (years, terms); ``part`` shades a share of each bar."""
    if frame.empty or frame[y].sum() == 0:
        return Nothing(empty)
    fig = Figure(figsize=(WIDTH, 4.2), layout="constrained")
    ax = fig.subplots()
    bars_ = ax.bar(frame[x], frame[y], color=ACCENT, label=ylabel if part else None)
    if part and frame[part].sum() > 0:
        ax.bar(frame[x], frame[part], color=ACCENT, alpha=0.45, hatch="///", edgecolor="white", label=part_label)
        ax.legend(frameon=False, fontsize=8)
    if len(frame) <= 40:
        ax.bar_label(bars_, padding=2, fontsize=8)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.margins(y=0.12)
    ax.set(title=plain(title), xlabel=xlabel, ylabel=ylabel)
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def span_map(marks: pd.DataFrame, length: int, *, title: str, empty: str = "nothing was read from this article") -> Chart:
    """Where in the text each table's spans lie: one lane per table, character offsets across."""
    if marks.empty:
        return Nothing(empty)
    lanes = [t for t in TABLE_COLOURS if t in set(marks["table"])]
    fig = Figure(figsize=(WIDTH, 1.2 + 0.45 * len(lanes)), layout="constrained")
    ax = fig.subplots()
    for i, t in enumerate(lanes):
        rows = marks[marks["table"] == t]
        ax.broken_barh(list(zip(rows["start"], rows["end"] - rows["start"])), (i - 0.35, 0.7),
                       facecolors=TABLE_COLOURS[t], edgecolors="#555555", linewidth=0.4)
    ax.set_yticks(range(len(lanes)), [f"{t} ({(marks['table'] == t).sum()})" for t in lanes])
    ax.invert_yaxis()
    ax.set_xlim(0, max(length, 1))
    ax.set(title=plain(title), xlabel="character offset in the article", ylabel="table (rows)")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


from .charts_time import over_time, timeline  # noqa: E402  (the charts over years, beside these)

__all__ = ["Chart", "Nothing", "bars", "stacked", "heatmap", "paired_bars", "network", "columns", "span_map",
           "timeline", "over_time", "country_colours", "area_colours", "doc_type_colours", "plain"]
