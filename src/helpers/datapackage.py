"""``datapackage.json``: the tables described for any tool that reads a Frictionless Data
Package — every table, column and type, the closed label lists as enum constraints, primary
and foreign keys; made from ``tables.COLUMNS`` and ``labels.csv``, as the notebooks' checks are."""
from __future__ import annotations

from .dictionary import _meanings
from .schema import LABELLED, labels
from .tables import COLUMNS, INT

DESCRIPTOR = "datapackage.json"
PRIMARY = {"articles": ["article_id"], "documents": ["doc_id"]}
NAME = "meetings-to-data"


def _foreign(name: str) -> list[dict]:
    keys = []
    if name != "articles":
        keys.append({"fields": ["article_id"], "reference": {"resource": "articles", "fields": ["article_id"]}})
    if name in ("signatories", "durations"):
        keys.append({"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}})
    return keys


def descriptor(fmt: str = "csv") -> dict:
    """The Data Package descriptor of the seven tables written as ``fmt`` (csv or parquet)."""
    meaning = _meanings()
    closed = labels()
    resources = []
    for name, cols in COLUMNS.items():
        fields = []
        for col, dtype in cols.items():
            field = {"name": col, "type": "integer" if dtype == INT else "string",
                     "description": meaning.get((name, col), "")}
            if (name, col) in LABELLED:
                field["constraints"] = {"enum": sorted(closed[LABELLED[(name, col)]])}
            if [col] == PRIMARY.get(name):
                field["constraints"] = {**field.get("constraints", {}), "required": True, "unique": True}
            fields.append(field)
        # frictionless reads a Parquet null integer through pandas, as NaN
        schema: dict = {"fields": fields, "missingValues": [""] if fmt == "csv" else ["", "nan", "NaN", "None"]}
        if name in PRIMARY:
            schema["primaryKey"] = PRIMARY[name]
        if _foreign(name):
            schema["foreignKeys"] = _foreign(name)
        resource = {"name": name, "path": f"{name}.{fmt}", "profile": "tabular-data-resource",
                    "description": meaning.get((name, ""), ""), "schema": schema}
        if fmt == "csv":
            resource.update(format="csv", mediatype="text/csv", encoding="utf-8")
        else:
            resource.update(format="parquet", mediatype="application/vnd.apache.parquet")
        resources.append(resource)
    return {"name": NAME, "profile": "tabular-data-package",
            "title": "Meetings to data: diplomatic and economic meetings read from news reports",
            "resources": resources}
