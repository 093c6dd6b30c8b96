"""Tables written as their rows come, batch after batch, so that memory stays flat however
large the corpus: CSV or Parquet with the schema's dtypes. Display names that need the whole
corpus (a side's, an outlet's) are added in one pass at the end, then the exports."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

from .keys import add_outlet_keys, add_party_keys, outlet_forms, outlet_names, party_forms, party_names
from .tables import COLUMNS, INT, STR

FORMATS = ("csv", "parquet")
CHUNK = 200_000  # rows read at once when names are added at the end
LATE = {"signatories": "party_name", "articles": "outlet_name"}  # columns given once the corpus is seen


def arrow_schema(name: str, columns: list[str] | None = None):
    """The table's Parquet schema: strings and nullable 64-bit integers."""
    import pyarrow as pa

    cols = COLUMNS[name]
    return pa.schema([(c, pa.int64() if cols[c] == INT else pa.string()) for c in (columns or list(cols))])


class TableWriter:
    """Appends batches of rows to ``<folder>/<table>.<format>``; ``finish`` adds the late
    names and closes the files."""

    def __init__(self, folder: Path, fmt: str = "csv") -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
        self.folder, self.fmt = folder, fmt
        self.rows = {name: 0 for name in COLUMNS}
        self._parquet: dict[str, object] = {}
        self._parties: dict[str, Counter] = {}
        self._party_countries: dict[str, str] = {}
        self._outlets: dict[str, Counter] = {}

    def path(self, name: str) -> Path:
        return self.folder / f"{name}.{self.fmt}"

    def _columns(self, name: str) -> list[str]:
        return [c for c in COLUMNS[name] if c != LATE.get(name)]

    def add(self, frames: dict[str, pd.DataFrame]) -> None:
        """One batch of rows, table by table (columns as ``tables.COLUMNS``; keys are added
        where missing, names later)."""
        for name in COLUMNS:
            frame = frames[name]
            if name == "signatories":
                if "party_key" not in frame or frame["party_key"].isna().any():
                    frame = add_party_keys(frame)
                party_forms(frame, self._parties, self._party_countries)
            if name == "articles":
                if "outlet_key" not in frame or frame["outlet_key"].isna().any():
                    frame = add_outlet_keys(frame)
                outlet_forms(frame, self._outlets)
            frame = frame.reindex(columns=self._columns(name)).astype(
                {c: t for c, t in COLUMNS[name].items() if c in self._columns(name)})
            self._append(name, frame)
            self.rows[name] += len(frame)

    def _append(self, name: str, frame: pd.DataFrame) -> None:
        if self.fmt == "csv":
            frame.to_csv(self.path(name), mode="a", header=self.rows[name] == 0 and not self.path(name).exists(),
                         index=False)
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        schema = arrow_schema(name, self._columns(name))
        if name not in self._parquet:
            self._parquet[name] = pq.ParquetWriter(self.path(name).with_suffix(".part"), schema)
        self._parquet[name].write_table(pa.Table.from_pandas(frame, schema=schema, preserve_index=False))

    def finish(self) -> dict[str, int]:
        """Close every table with its late names; returns the row counts."""
        for name in COLUMNS:
            if self.rows[name] == 0 and name not in self._parquet and not self.path(name).exists():
                self._append(name, pd.DataFrame({c: pd.Series(dtype=COLUMNS[name][c]) for c in self._columns(name)}))
        for writer in self._parquet.values():
            writer.close()
        names = {"signatories": ("party_key", party_names(self._parties, self._party_countries)),
                 "articles": ("outlet_key", outlet_names(self._outlets))}
        for name in COLUMNS:
            if name in LATE:
                key, mapping = names[name]
                self._add_late(name, key, mapping)
            elif self.fmt == "parquet":
                self.path(name).with_suffix(".part").replace(self.path(name))
        return dict(self.rows)

    def _add_late(self, name: str, key: str, mapping: dict[str, str]) -> None:
        late = LATE[name]
        if self.fmt == "csv":
            src, dst = self.path(name), self.path(name).with_suffix(".named")
            first = True
            for chunk in pd.read_csv(src, dtype=str, keep_default_na=False, chunksize=CHUNK):
                chunk[late] = chunk[key].map(lambda k: mapping.get(k, ""))
                chunk.to_csv(dst, mode="w" if first else "a", header=first, index=False)
                first = False
            if first:  # no rows: the header alone
                pd.DataFrame(columns=list(COLUMNS[name])).to_csv(dst, index=False)
            dst.replace(src)
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        src = self.path(name).with_suffix(".part")
        schema = arrow_schema(name)
        with pq.ParquetWriter(self.path(name), schema) as out:
            for batch in pq.ParquetFile(src).iter_batches(batch_size=CHUNK):
                keys = batch.column(key).to_pylist()
                names = pa.array([mapping.get(k, "") if k is not None else "" for k in keys], type=pa.string())
                out.write_table(pa.Table.from_batches([batch]).append_column(late, names).cast(schema))
            if pq.ParquetFile(src).metadata.num_rows == 0:
                out.write_table(schema.empty_table())
        src.unlink()


def read_frame(folder: Path, name: str, columns: list[str] | None = None) -> pd.DataFrame:
    """One table as written (CSV or Parquet), ids as text, with the schema's dtypes."""
    cols = COLUMNS[name]
    parquet = folder / f"{name}.parquet"
    if parquet.exists():
        df = pd.read_parquet(parquet, columns=columns)
    else:
        df = pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False, usecols=columns)
        for col in df.columns:
            if cols.get(col) == INT:
                df[col] = pd.to_numeric(df[col].mask(df[col] == ""), errors="coerce")
    return df.astype({c: t for c, t in cols.items() if c in df.columns}).astype(
        {c: STR for c in df.columns if c not in cols})
