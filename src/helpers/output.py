"""Writing the tables so that readers see the old set or the new one, never a mix: checked
before parsing, written whole into a folder beside the target, swapped in at once, one build
at a time."""
from __future__ import annotations

import ctypes
import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from .tables import COLUMNS, Tables

MANIFEST = "manifest.json"


class OutputError(Exception):
    """The tables cannot be written where asked; the message says why in one line."""


def check(out: Path) -> None:
    """Fail early, before any parsing, where ``out`` cannot take the tables."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"--out {out} exists and is not a folder")
    parent = out.absolute().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"cannot create {parent}: {exc.strerror or exc}") from None
    if not os.access(parent, os.W_OK | os.X_OK) or (out.is_dir() and not os.access(out, os.W_OK | os.X_OK)):
        raise OutputError(f"cannot write to {out}: permission denied")


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the output folder's lock for a build; a second build into it is refused."""
    try:
        import fcntl
    except ImportError:  # no advisory locks on this platform: builds are not kept apart
        yield
        return
    lock = out.absolute().parent / f".{out.name}.lock"
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise OutputError(f"cannot create the lock {lock}: {exc.strerror or exc}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise OutputError(f"another build is writing to {out} (lock {lock}); try again when it ends") from None
        yield
    finally:
        os.close(fd)  # closing releases the lock, also when the process is killed


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2 RENAME_EXCHANGE); False where not possible."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _sync(folder: Path) -> None:
    for path in [*folder.iterdir(), folder]:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            os.fsync(fd)
        except OSError:
            pass
        finally:
            os.close(fd)


def write(tables: Tables, out: Path, about: dict | None = None, fmt: str = "csv") -> list[Path]:
    """Every table in ``out`` (see ``write_batches``), from tables held in memory; the paths."""
    write_batches([dict(tables.items())], out, about, fmt)
    return [out.absolute() / f"{name}.{fmt}" for name in COLUMNS]


def write_batches(batches: Iterable[dict], out: Path, about: dict | None = None, fmt: str = "csv") -> dict[str, int]:
    """Every table as ``<name>.csv`` (or ``.parquet``) in ``out``, written batch by batch as the
    rows come, with the exports for spreadsheets, ``manifest.json`` (row counts) and
    ``datapackage.json`` (the tables described), all swapped in together; files of others in
    ``out`` are kept; returns the row counts. Call it holding ``locked(out)``. Raises OutputError (and leaves the old
    tables whole) where the disk or the permissions refuse."""
    from types import SimpleNamespace

    from .datapackage import DESCRIPTOR, descriptor
    from .exports import EXPORTS
    from .writer import TableWriter, read_frame

    out = out.absolute()
    ours = ({f"{name}.{ext}" for name in COLUMNS for ext in ("csv", "parquet")}
            | {f"{name}.csv" for name in EXPORTS} | {MANIFEST, DESCRIPTOR})
    new: Path | None = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        for stale in [*out.parent.glob(f".{out.name}.new-*"), *out.parent.glob(f".{out.name}.old-*")]:
            shutil.rmtree(stale, ignore_errors=True)  # left by a build that was killed (we hold the lock)
        new = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
        writer = TableWriter(new, fmt)
        for batch in batches:
            writer.add(batch)
        rows = writer.finish()
        needed = {"articles": None, "documents": None, "signatories": ["doc_id", "country", "level", "party_name"],
                  "durations": None}
        written = SimpleNamespace(**{n: read_frame(new, n, c) for n, c in needed.items()})
        for name, make in EXPORTS.items():  # for spreadsheets: documents whole, articles by country
            make(written).to_csv(new / f"{name}.csv", index=False)
        del written
        manifest = {"built": datetime.now(timezone.utc).isoformat(timespec="seconds"), "format": fmt,
                    "rows": rows, **(about or {})}
        (new / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        (new / DESCRIPTOR).write_text(json.dumps(descriptor(fmt), indent=1, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
        _sync(new)
        os.chmod(new, 0o777 & ~_umask())
        if not out.exists():
            os.rename(new, out)
            new = None
        else:
            if _exchange(new, out):
                trash = old = new
            else:  # two renames: for a moment there is no folder, but never a mixed one
                trash = Path(tempfile.mkdtemp(prefix=f".{out.name}.old-", dir=out.parent))
                old = trash / out.name
                os.rename(out, old)
                os.rename(new, out)
            new = None
            for entry in old.iterdir():  # what others keep in the folder stays there
                if entry.name not in ours and not (out / entry.name).exists():
                    os.rename(entry, out / entry.name)
            shutil.rmtree(trash, ignore_errors=True)
    except OSError as exc:
        if new is not None:
            shutil.rmtree(new, ignore_errors=True)
        raise OutputError(f"cannot write the tables to {out}: {exc.strerror or exc}; "
                          "the tables there before are unchanged") from None
    return rows


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
