"""The Python API: `tidings.open(path)` gives a Corpus to ingest into and read records from."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path

from .config import Settings
from .model import Article, Failure


class Corpus:
    """A tidings store opened for reading and ingesting. Records are dataclasses; `.to_dict()`-free:
    pass them to `pandas.DataFrame([asdict(a) for a in ...])` or use `records()`."""

    def __init__(self, path: str | Path, settings: Settings | None = None):
        from .store import Store

        self.settings = settings or Settings.load(db=path)
        self._store = Store.open(path)

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._store.close()

    def ingest(self, *paths: str | Path, reprocess: bool = False):
        """Ingest files, folders or globs; returns an IngestReport (new, known, failures ...)."""
        from .pipeline import ingest

        return ingest([str(p) for p in paths], self._store, self.settings, reprocess=reprocess)

    def articles(self, outlet: str | None = None, since: str | None = None,
                 until: str | None = None, limit: int | None = None) -> list[Article]:
        return list(self._store.articles(outlet=outlet, since=since, until=until, limit=limit))

    def article(self, id_or_prefix: str) -> Article | None:
        return self._store.article(id_or_prefix)

    def failures(self) -> list[Failure]:
        return list(self._store.failures())

    def search(self, query: str, limit: int = 20) -> list[tuple[Article, str]]:
        return self._store.search(query, limit=limit)

    def summary(self):
        return self._store.summary()

    @staticmethod
    def records(items) -> Iterator[dict]:
        """Plain dicts, ready for pandas.DataFrame or json."""
        for item in items:
            yield asdict(item)


def open(path: str | Path = "tidings.db", settings: Settings | None = None) -> Corpus:
    """Open (or create) a tidings store."""
    return Corpus(path, settings)
