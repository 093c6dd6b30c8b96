"""One article's text with every extracted span marked: how an analyst checks what was read."""
from __future__ import annotations

from html import escape

import pandas as pd

from .corpus import Article, iter_corpus
from .tables import Tables

# The column that names what each table's span holds.
LABEL_COLUMN = {"people": "person", "areas": "area", "documents": "doc_type",
                "signatories": "party", "durations": "period_text", "quotes": "speaker"}
SPAN_COLUMNS = ["table", "label", "start", "end", "row"]


def find_article(corpus: str, article_id: str) -> Article | None:
    """The article of that id in the corpus folder, or None."""
    return next((a for a in iter_corpus(corpus) if a.article_id == article_id), None)


def spans(tables: Tables, article_id: str) -> pd.DataFrame:
    """Every span read from one article: table, label, start, end and the row's index in its
    table, in text order (longer spans first where two start together)."""
    parts = []
    for name, col in LABEL_COLUMN.items():
        frame = getattr(tables, name)
        rows = frame[frame["article_id"] == article_id]
        if rows.empty:
            continue
        label = rows[col].astype("string").fillna("")
        if name == "documents":
            label = rows["doc_type"].astype("string") + " (" + rows["status"].astype("string") + ")"
        if name == "quotes":
            label = "quote: " + label
        parts.append(pd.DataFrame({"table": name, "label": label.to_numpy(),
                                   "start": rows["start"].to_numpy(), "end": rows["end"].to_numpy(),
                                   "row": rows.index.to_numpy()}))
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in SPAN_COLUMNS})
    out = pd.concat(parts, ignore_index=True).dropna(subset=["start", "end"])
    out = out.astype({"start": "int64", "end": "int64"})
    out["length"] = out["end"] - out["start"]
    out = out.sort_values(["start", "length"], ascending=[True, False], kind="stable")
    return out.drop(columns="length").reset_index(drop=True)


def highlight(text: str, marks: pd.DataFrame, colours: dict[str, str]) -> str:
    """The text as HTML, each span's characters shaded in its table's colour (the innermost
    span's colour where spans nest), a small tag naming table and label where each span begins,
    and the labels of every covering span in a tooltip. Spans outside the text are ignored."""
    marks = marks[(marks["start"] >= 0) & (marks["end"] <= len(text)) & (marks["start"] < marks["end"])]
    cuts = sorted({0, len(text), *marks["start"].tolist(), *marks["end"].tolist()})
    starts: dict[int, list] = {}
    for m in marks.itertuples(index=False):
        starts.setdefault(m.start, []).append(m)
    out = []
    for a, b in zip(cuts, cuts[1:]):
        for m in starts.get(a, []):
            out.append(f'<sup style="background:{colours.get(m.table, "#ddd")};padding:0 2px;'
                       f'border-radius:3px;font-size:70%;">{escape(m.table)}: {escape(str(m.label))}</sup>')
        cover = marks[(marks["start"] <= a) & (marks["end"] >= b)]
        piece = escape(text[a:b])
        if cover.empty:
            out.append(piece)
            continue
        inner = cover.assign(length=cover["end"] - cover["start"]).sort_values("length").iloc[0]
        tip = escape("; ".join(f"{t}: {lab}" for t, lab in zip(cover["table"], cover["label"])), quote=True)
        out.append(f'<mark title="{tip}" style="background:{colours.get(inner["table"], "#ddd")};'
                   f'padding:0;">{piece}</mark>')
    body = "".join(out).replace("\n", "<br>\n")
    return f'<div style="font-family:Georgia,serif;line-height:1.9;max-width:60em;">{body}</div>'


def legend(colours: dict[str, str]) -> str:
    """A one-line HTML key of the tables' colours."""
    keys = "".join(f'<span style="background:{c};padding:1px 6px;margin-right:6px;border-radius:3px;">'
                   f"{escape(name)}</span>" for name, c in colours.items())
    return f"<div style='margin:0.5em 0;'>{keys}</div>"


def choose(tables: Tables, wanted: str) -> tuple[str | None, str]:
    """The article to show: ``wanted`` when the corpus has it, else its first parsed article
    (with a sentence saying so), else None when there is none."""
    ids = tables.articles["article_id"].tolist()
    if wanted in ids:
        return wanted, f"Article {wanted}."
    ok = tables.articles.loc[tables.articles["status"] == "ok", "article_id"].tolist()
    if not ok:
        return None, "The corpus has no parsed article to show."
    return ok[0], f"Article {wanted!r} is not in this corpus; showing its first article, {ok[0]}."


def page(text: str, marks: pd.DataFrame, colours: dict[str, str]) -> str:
    """The highlighted text beside the list of its spans (table, label, characters)."""
    items = "".join(
        f'<tr><td style="background:{colours.get(m.table, "#ddd")};text-align:left;">{escape(m.table)}</td>'
        f'<td style="text-align:left;">{escape(str(m.label))}</td><td>{m.start}–{m.end}</td></tr>'
        for m in marks.itertuples(index=False))
    rows = (f'<table style="font-size:85%;"><thead><tr><th style="text-align:left;">table</th><th style="text-align:left;">label</th><th>characters</th>'
            f"</tr></thead><tbody>{items}</tbody></table>") if items else "<p>(no spans)</p>"
    return (legend(colours) + '<div style="display:flex;gap:1.5em;align-items:flex-start;">'
            f'<div style="flex:3;">{highlight(text, marks, colours)}</div>'
            f'<div style="flex:2;max-height:60em;overflow:auto;">{rows}</div></div>')
