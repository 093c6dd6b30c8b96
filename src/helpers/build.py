"""A corpus folder to its tables: read every file, parse what is new (or take its rows from
the cache), bound each article's cost, and map every span back to the text it came from."""
from __future__ import annotations

import signal
import sys
import threading
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Iterator

from .cache import RowCache
from .corpus import MAX_MB, Article, fingerprint, iter_corpus
from .parse import ArticleRows, parse_article
from .tables import Tables, assemble, frames

TIME_LIMIT = 20.0  # seconds one article may take before it is skipped
TABLES = [f.name for f in fields(ArticleRows) if f.name != "article"]


class TookTooLong(Exception):
    """An article's parse ran past the time limit."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise TookTooLong in the block after ``seconds`` (where the platform has an interval
    timer and this is the main thread; elsewhere no limit)."""
    usable = (seconds and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return

    def expire(signum, frame):
        raise TookTooLong

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def remap(rows: ArticleRows, offsets) -> None:
    """Every span's offsets moved from the text parsed to the text the tables point into."""
    for name in TABLES:
        for r in getattr(rows, name):
            r["start"], r["end"] = offsets.start(r["start"]), offsets.end(r["end"])


@dataclass
class Counts:
    """What a build did, file by file."""

    parsed: int = 0
    cached: int = 0
    skipped: int = 0
    duplicates: int = 0
    failed: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file, status) of every row not ok

    def line(self) -> str:
        return (f"{self.parsed} parsed, {self.cached} from cache, {self.skipped} skipped, "
                f"{self.duplicates} duplicates" + (f", {self.failed} failed" if self.failed else ""))


def parse_one(art: Article, limit: float | None) -> tuple[ArticleRows, str]:
    """One article parsed (in this process or a worker): its rows and what happened
    (``parsed``, ``skipped`` past the time limit, or ``failed``)."""
    try:
        with time_limit(limit):
            rows = parse_article(art.text, art.article_id, art.file, art.status, art.metadata)
        if art.offsets is not None:
            remap(rows, art.offsets)
        return rows, "parsed"
    except TookTooLong:
        status, outcome = f"skipped: took too long (over {limit:g} s)", "skipped"
    except Exception as exc:  # one bad article must not lose the others
        status, outcome = f"error: {type(exc).__name__}: {exc}", "failed"
    rows = parse_article("", art.article_id, art.file, status, art.metadata)
    rows.article["n_words"] = len(art.text.split())
    return rows, outcome


def parse_chunk(arts: list[Article], limit: float | None) -> list[tuple[ArticleRows, str]]:
    """A chunk of articles parsed in one worker call (fewer round trips than one per article)."""
    return [parse_one(a, limit) for a in arts]


CHUNK = 32  # articles sent to a worker at once
BATCH = 2000  # articles whose rows are written at once


class Build:
    """One build of a corpus's tables; ``counts`` says what it did. ``jobs`` > 1 parses in that
    many worker processes; ``engine="dask"`` on a Dask cluster (``scheduler``: its address, or
    a local one). Rows come in the corpus's order whatever the workers, so the tables are the
    same byte for byte."""

    def __init__(self, cache: bool = False, max_mb: float = MAX_MB, time_limit: float | None = TIME_LIMIT,
                 progress: bool = False, cache_dir: Path | None = None, jobs: int = 1, engine: str = "local",
                 scheduler: str | None = None) -> None:
        self.cache = RowCache(cache_dir) if cache else None
        self.max_mb = max_mb
        self.time_limit = time_limit
        self.progress = progress
        self.jobs = max(1, jobs)
        self.engine = engine
        self.scheduler = scheduler
        self.counts = Counts()

    def _key(self, art: Article) -> str:
        return RowCache.key(art.article_id, art.file, art.text_source, art.text,
                            fingerprint(art.source) if art.source is not None else "",
                            repr(sorted(art.metadata.items())))

    def known(self, art: Article) -> ArticleRows | None:
        """The rows of an article not to parse: skipped, a duplicate, or in the cache."""
        if art.status != "ok":
            rows = parse_article("", art.article_id, art.file, art.status, art.metadata)
            rows.article["n_words"] = len(art.text.split())
            if art.status.startswith("duplicate"):
                self.counts.duplicates += 1
            else:
                self.counts.skipped += 1
            return rows
        hit = self.cache.get(self._key(art)) if self.cache else None
        if hit is not None and set(hit) == {"article", *TABLES}:
            self.counts.cached += 1
            return ArticleRows(**hit)
        return None

    def done(self, art: Article, rows: ArticleRows, outcome: str | None) -> ArticleRows:
        if outcome is not None:
            setattr(self.counts, outcome, getattr(self.counts, outcome) + 1)
            if self.cache and outcome == "parsed":
                self.cache.put(self._key(art), asdict(rows))
        rows.article["text_source"] = art.text_source
        if rows.article["status"] != "ok":
            self.counts.problems.append((art.file, rows.article["status"]))
        return rows

    def article(self, art: Article) -> ArticleRows:
        """One article's rows: parsed here, or from the cache where it was parsed before."""
        rows = self.known(art)
        if rows is not None:
            return self.done(art, rows, None)
        return self.done(art, *parse_one(art, self.time_limit))

    def _articles(self, corpus: str | Path) -> Iterator[Article]:
        articles: Iterator[Article] = iter_corpus(corpus, self.max_mb)
        if self.progress and sys.stderr.isatty():
            from tqdm import tqdm

            return iter(tqdm(articles, unit=" files", file=sys.stderr, leave=False))
        return articles

    def rows(self, corpus: str | Path) -> Iterator[ArticleRows]:
        """Every article's rows, in the corpus's order, parsed here or by the workers."""
        if self.jobs == 1 and self.engine == "local":
            for art in self._articles(corpus):
                yield self.article(art)
            return
        from .workers import Workers

        with Workers(self.jobs, self.engine, self.scheduler) as workers:
            yield from workers.ordered(self, self._articles(corpus), CHUNK)

    def batches(self, corpus: str | Path, size: int = BATCH) -> Iterator[dict]:
        """The rows as frames of ``size`` articles at a time, for writing as they come."""
        group: list[ArticleRows] = []
        for rows in self.rows(corpus):
            group.append(rows)
            if len(group) >= size:
                yield frames(group)
                group = []
        if group:
            yield frames(group)

    def run(self, corpus: str | Path) -> Tables:
        """The tables of every article below ``corpus``, held in memory."""
        return assemble(list(self.rows(corpus)))
