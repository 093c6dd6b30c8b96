"""Charts over time: documents' periods on a timeline, and meetings and signed documents per
year or month of publication, by country pair."""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .charts import MAX_TIMELINE, MUTED, WIDTH, Chart, Nothing, _cut, _cycle, _short, doc_type_colours, plain
from .display import wrap

MAX_HEIGHT = 16.0  # inches: the tallest chart a report shows


def timeline(periods: pd.DataFrame, *, title: str, empty: str = "no document states its period") -> Chart:
    """One bar per document from its first to its last year (inclusive); worked-out years
    hatched. Bars are labelled by ``label`` where the frame has one (wrapped, not cut)."""
    if periods.empty:
        return Nothing(empty)
    ordered = periods.sort_values(["start_year", "end_year", "doc_id"], ignore_index=True)
    shown, note = _cut(ordered, MAX_TIMELINE)
    if note:
        note = f" (first {len(shown)} of {len(ordered):,} documents)"
    raw = shown["label"] if "label" in shown else shown["title"].fillna(shown["doc_id"])
    # labels wrapped, not cut: wider lines and a smaller font as the bars get many
    labels = [wrap(lab, 70 if len(shown) <= 15 else 110, 4) for lab in raw.astype(str)]
    lines = sum(lab.count("\n") + 1 for lab in labels)
    size = min(7.5, max(5.0, (MAX_HEIGHT - 2.4) * 72 / (lines * 1.35 + 4 * len(shown))))
    height = 1.6 + (lines * 1.35 + 4 * len(shown)) * size / 72
    fig = Figure(figsize=(WIDTH, min(max(height, 2.6), MAX_HEIGHT)), layout="constrained")
    ax = fig.subplots()
    y = np.arange(len(shown))
    kind = shown["doc_type_name"] if "doc_type_name" in shown else shown["doc_type"]
    codes = dict(zip(kind.astype(str), shown["doc_type"].astype(str)))
    types = sorted(codes)
    colours = {t: doc_type_colours().get(codes[t], MUTED) for t in types}
    for yi, r, k in zip(y, shown.itertuples(index=False), kind.astype(str)):
        ax.barh(yi, r.end_year - r.start_year + 1, left=r.start_year, color=colours[k],
                hatch="///" if r.estimated else None, edgecolor="white" if r.estimated else None)
    ax.set_yticks(y, [plain(lab) for lab in labels], fontsize=size)
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    handles = [Patch(color=colours[t], label=plain(t)) for t in types]
    if shown["estimated"].any():
        handles.append(Patch(facecolor="white", edgecolor="black", hatch="///", label="years worked out"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)
    ax.set(title=plain(title + note), xlabel="year (bar runs from the first to the end of the last year)",
           ylabel="document")
    ax.spines[["top", "right"]].set_visible(False)
    return fig


def over_time(meetings: pd.DataFrame, documents: pd.DataFrame, *, title: str,
              empty: str = "no article has a date") -> Chart:
    """Two panels over the same periods: meetings reported and documents signed, stacked by
    country pair (one colour per pair, the same in both panels)."""
    if meetings.empty:
        return Nothing(empty)
    periods = list(meetings.index)
    pairs = list(meetings.columns)
    colours = dict(zip(pairs, _cycle(len(pairs))))
    colours.update({p: MUTED for p in pairs if p.startswith("(")})
    fig = Figure(figsize=(WIDTH, 6.0), layout="constrained")
    axes = fig.subplots(2, 1, sharex=True)
    x = np.arange(len(periods))
    for ax, frame, what in ((axes[0], meetings, "meetings reported"), (axes[1], documents, "documents signed")):
        bottom = np.zeros(len(periods))
        for pair in pairs:
            vals = frame.reindex(index=periods)[pair].fillna(0).to_numpy(dtype=float) if pair in frame else 0 * bottom
            ax.bar(x, vals, bottom=bottom, color=colours[pair], label=_short(pair), width=0.8)
            bottom += vals
        ax.set_ylabel(what)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.spines[["top", "right"]].set_visible(False)
    axes[1].set_xticks(x, [plain(p) for p in periods], rotation=90 if len(periods) > 12 else 0, fontsize=8)
    axes[0].legend(title="countries", loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8,
                   title_fontsize=8)
    axes[0].set_title(plain(title))
    return fig
