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
from typing import Iterator

from .tables import Tables

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


def write(tables: Tables, out: Path, about: dict | None = None) -> list[Path]:
    """Every table as ``<name>.csv`` in ``out``, with a ``manifest.json`` of row counts, all
    swapped in together; files of others in ``out`` are kept. Call it holding ``locked(out)``.
    Raises OutputError (and leaves the
    old tables whole) where the disk or the permissions refuse."""
    out = out.absolute()
    from .exports import EXPORTS

    ours = {f"{name}.csv" for name, _ in tables.items()} | {f"{name}.csv" for name in EXPORTS} | {MANIFEST}
    new: Path | None = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        for stale in [*out.parent.glob(f".{out.name}.new-*"), *out.parent.glob(f".{out.name}.old-*")]:
            shutil.rmtree(stale, ignore_errors=True)  # left by a build that was killed (we hold the lock)
        new = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
        for name, frame in tables.items():
            frame.to_csv(new / f"{name}.csv", index=False)
        for name, make in EXPORTS.items():  # for spreadsheets: documents whole, articles by country
            make(tables).to_csv(new / f"{name}.csv", index=False)
        manifest = {"built": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                    "rows": {name: len(frame) for name, frame in tables.items()}, **(about or {})}
        (new / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
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
    return [out / f"{name}.csv" for name, _ in tables.items()]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
