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
from .tables import Tables, assemble

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


class Build:
    """One build of a corpus's tables; ``counts`` says what it did."""

    def __init__(self, cache: bool = False, max_mb: float = MAX_MB, time_limit: float | None = TIME_LIMIT,
                 progress: bool = False, cache_dir: Path | None = None) -> None:
        self.cache = RowCache(cache_dir) if cache else None
        self.max_mb = max_mb
        self.time_limit = time_limit
        self.progress = progress
        self.counts = Counts()

    def _key(self, art: Article) -> str:
        return RowCache.key(art.article_id, art.file, art.text_source, art.text,
                            fingerprint(art.source) if art.source is not None else "",
                            repr(sorted(art.metadata.items())))

    def article(self, art: Article) -> ArticleRows:
        """One article's rows: parsed, or from the cache where it was parsed before."""
        if art.status != "ok":
            rows = parse_article("", art.article_id, art.file, art.status, art.metadata)
            rows.article["n_words"] = len(art.text.split())
            if art.status.startswith("duplicate"):
                self.counts.duplicates += 1
            else:
                self.counts.skipped += 1
        else:
            key = self._key(art) if self.cache else ""
            hit = self.cache.get(key) if self.cache else None
            if hit is not None and set(hit) == {"article", *TABLES}:
                self.counts.cached += 1
                rows = ArticleRows(**hit)
            else:
                rows = self._parse(art)
                if self.cache and rows.article["status"] == "ok":
                    self.cache.put(key, asdict(rows))
        rows.article["text_source"] = art.text_source
        if rows.article["status"] != "ok":
            self.counts.problems.append((art.file, rows.article["status"]))
        return rows

    def _parse(self, art: Article) -> ArticleRows:
        try:
            with time_limit(self.time_limit):
                rows = parse_article(art.text, art.article_id, art.file, art.status, art.metadata)
            if art.offsets is not None:
                remap(rows, art.offsets)
            self.counts.parsed += 1
            return rows
        except TookTooLong:
            status = f"skipped: took too long (over {self.time_limit:g} s)"
            self.counts.skipped += 1
        except Exception as exc:  # one bad article must not lose the others
            status = f"error: {type(exc).__name__}: {exc}"
            self.counts.failed += 1
        rows = parse_article("", art.article_id, art.file, status, art.metadata)
        rows.article["n_words"] = len(art.text.split())
        return rows

    def run(self, corpus: str | Path) -> Tables:
        """The tables of every article below ``corpus``."""
        articles: Iterator[Article] = iter_corpus(corpus, self.max_mb)
        bar = None
        if self.progress and sys.stderr.isatty():
            from tqdm import tqdm

            bar = tqdm(articles, unit=" files", file=sys.stderr, leave=False)
            articles = iter(bar)
        try:
            parsed = [self.article(a) for a in articles]
        finally:
            if bar is not None:
                bar.close()
        return assemble(parsed)
