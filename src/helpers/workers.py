"""Parsing on many cores or a Dask cluster, with rows coming back in the corpus's order and a
bounded number of chunks in flight, so that memory stays flat however many articles there are."""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from typing import TYPE_CHECKING, Iterable, Iterator

from .parse import ArticleRows

if TYPE_CHECKING:
    from .build import Build
    from .corpus import Article

WINDOW = 4  # chunks in flight per worker


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _warm() -> None:
    """Load the reference data once per worker, before its first article."""
    from .parse import parse_article

    parse_article("President Tokayev met Prime Minister Modi in Astana.", "warm-up")


class Workers:
    """A pool of worker processes (``engine="local"``) or a Dask client (``engine="dask"``,
    on the cluster at ``scheduler`` or a local one of ``jobs`` workers)."""

    def __init__(self, jobs: int, engine: str = "local", scheduler: str | None = None) -> None:
        self.jobs, self.engine, self.scheduler = jobs, engine, scheduler
        self._pool = self._client = self._cluster = None

    def __enter__(self) -> "Workers":
        if self.engine == "dask":
            from distributed import Client, LocalCluster

            if self.scheduler:
                self._client = Client(self.scheduler)
            else:
                self._cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True,
                                             dashboard_address=None, silence_logs=40)
                self._client = Client(self._cluster)
            self._client.run(_warm)
        elif self.engine == "local":
            methods = multiprocessing.get_all_start_methods()
            ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
            self._pool = ctx.Pool(self.jobs, initializer=_warm)
        else:
            raise ValueError(f"unknown engine {self.engine!r} (local or dask)")
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
        if self._client is not None:
            self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    def _submit(self, arts: list["Article"], limit: float | None):
        from .build import parse_chunk

        if self._client is not None:
            return self._client.submit(parse_chunk, arts, limit, pure=False)
        return self._pool.apply_async(parse_chunk, (arts, limit))

    def _result(self, future) -> list[tuple[ArticleRows, str]]:
        return future.result() if self._client is not None else future.get()

    def ordered(self, build: "Build", articles: Iterable["Article"], chunk: int) -> Iterator[ArticleRows]:
        """Every article's rows in the order given: known ones (skipped, duplicates, cached)
        from ``build``, the rest parsed by the workers, ``chunk`` articles per call."""
        pending: deque = deque()

        def flush(group: list) -> None:
            todo = [a for a, rows in group if rows is None]
            pending.append((group, self._submit(todo, build.time_limit) if todo else None))

        def drain() -> Iterator[ArticleRows]:
            group, future = pending.popleft()
            parsed = iter(self._result(future)) if future is not None else iter(())
            for art, rows in group:
                yield build.done(art, rows, None) if rows is not None else build.done(art, *next(parsed))

        group: list = []
        for art in articles:
            group.append((art, build.known(art)))
            if len(group) >= chunk:
                flush(group)
                group = []
                while len(pending) > WINDOW * self.jobs:
                    yield from drain()
        if group:
            flush(group)
        while pending:
            yield from drain()
