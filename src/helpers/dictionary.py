"""The data dictionary (``docs/tables.md``): every table, column, type and meaning, the closed
label lists with their plain names, and the gold-file format, made from ``tables.COLUMNS``,
``data/reference/columns.csv`` and ``labels.csv`` so that it cannot drift from the code.

    python -m helpers dictionary > docs/tables.md
"""
from __future__ import annotations

from .exports import LONG_COLUMNS, WIDE_COLUMNS
from .extract.lexicon import table as rows
from .tables import COLUMNS

TYPES = {"string": "text", "Int64": "integer (empty where unknown)"}
LISTS = {"event_type": "articles.event_type", "doc_type": "documents.doc_type", "status": "documents.status",
         "level": "signatories.level", "area": "areas.area"}

GOLD = '''## Gold files: annotating your own articles

To measure the parser on articles of your own, write one JSON file per article (`gold/X.json`
for `articles/X.txt`) and run `python -m helpers evaluate TABLES_DIR gold --texts articles`:

```json
{
  "article_id": "X",
  "outlet": "primeminister.kz",
  "event_type": "official_visit",
  "countries": ["BLR", "KAZ"],
  "people": [{"name": "Olzhas Bektenov", "title": "Prime Minister", "country": "KAZ"}],
  "areas": ["trade", "industry"],
  "documents": [
    {"type": "roadmap", "status": "signed",
     "title": "Roadmap between the Ministry of ... for 2026-2028",
     "parties": [{"name": "Ministry of Industry and Construction of the Republic of Kazakhstan",
                  "country": "KAZ", "level": "national_body"}],
     "period_text": "for 2026-2028", "start_year": 2026, "end_year": 2028, "years": 3}
  ],
  "quotes": [{"speaker": "Olzhas Bektenov", "text_start": "Thanks to the political will"}]
}
```

`areas` is the article's set of labels; a document with no stated period has `period_text`,
`start_year`, `end_year` and `years` all null; a quote is matched by the first words of its text.
Labels come from the closed lists above.
'''


def _meanings() -> dict[tuple[str, str], str]:
    return {(r["table"], r["column"] or ""): r["meaning"] for r in rows("columns")}


def render() -> str:
    """The data dictionary as Markdown."""
    meaning = _meanings()
    out = ["# Data dictionary", "",
           "What `python -m helpers build CORPUS --out DIR` writes: seven tables as CSV (UTF-8, a header row),",
           "`manifest.json` (row counts, what the build did) and two frames for spreadsheets. Every row read",
           "from a text carries `start` and `end`, so `text[start:end]` is its evidence. Read the CSV back",
           "with `helpers.tables.read_tables(DIR)` to keep ids as text and integers as integers.", ""]
    for name, cols in COLUMNS.items():
        out += [f"## {name}.csv", "", f"One row per {meaning.get((name, ''), '').removeprefix('one row per ')}.", "",
                "| column | type | meaning |", "|---|---|---|"]
        for col, dtype in cols.items():
            out.append(f"| `{col}` | {TYPES.get(dtype, dtype)} | {meaning.get((name, col), '')} |")
        out.append("")
    out += ["## Exports for spreadsheets", "",
            "`documents_wide.csv`: one row per document with its parties (one name per side, `; `-joined), their",
            "countries and levels, its period, and its article's date, outlet, headline and kind of meeting — "
            "columns " + ", ".join(f"`{c}`" for c in WIDE_COLUMNS) + ".", "",
            "`article_countries.csv`: one row per article and country taking part — columns "
            + ", ".join(f"`{c}`" for c in LONG_COLUMNS) + ".", "",
            "## Closed label lists", ""]
    labels = [r for r in rows("labels")]
    for lst, where in LISTS.items():
        out += [f"### {lst} ({where})", "", "| label | plain name | meaning |", "|---|---|---|"]
        out += [f"| `{r['label']}` | {r['name']} | {r.get('meaning') or ''} |" for r in labels if r["list"] == lst]
        out.append("")
    out += ["Countries are ISO 3166-1 alpha-3 codes; charts show them by name (\"Kazakhstan (KAZ)\").", "", GOLD]
    return "\n".join(out).rstrip() + "\n"
