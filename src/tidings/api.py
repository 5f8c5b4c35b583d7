"""The Python API: `tidings.open(path)` gives a Corpus to ingest into and read records from."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Self

from .config import Settings
from .model import Article, Failure


class Corpus:
    """A tidings store opened for reading and ingesting. Articles are dataclasses (pass them through
    `records()` for pandas); actors, events and the other lists are plain dicts already."""

    def __init__(self, path: str | Path, settings: Settings | None = None):
        from .store import Store

        self.settings = settings or Settings.load(db=path)
        self._store = Store.open(path)

    def __enter__(self) -> Self:
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

    def ingest_records(self, records: dict | list[dict]):
        """Ingest articles given as dicts ({text or html, title?, url?, published?, outlet?}) through
        the same pipeline and bad-input policy as files; returns an IngestReport."""
        import io
        import json

        from .pipeline import ingest

        items = [records] if isinstance(records, dict) else list(records)
        lines = []
        for item in items:
            if isinstance(item, dict) and "html" in item and "text" not in item and "body" not in item:
                item = {**item, "body": item["html"]}
            lines.append(json.dumps(item, ensure_ascii=False))
        data = ("\n".join(lines) + "\n").encode("utf-8")
        return ingest(["-"], self._store, self.settings, stdin=io.BytesIO(data))

    # -- actors ----------------------------------------------------------------------------------

    def entities(self, type: str | None = None, country: str | None = None, name: str | None = None,
                 limit: int = 100, offset: int = 0) -> list[dict]:
        """Actors, most mentioned first: id, name, type, country, sector, aliases, counts, roles."""
        from .web.queries import list_entities

        return list_entities(self._store.connection, self._kb(), type=type, country=country, q=name,
                             limit=limit, offset=offset).items

    def entity(self, name_or_id: str) -> dict | None:
        """One actor by id, name or any spelling seen, with co-actors, network and mentions per month."""
        from .store.actors import find_entities
        from .web.queries import entity_detail

        ids = find_entities(self._store.connection, name_or_id)
        return entity_detail(self._store.connection, self._kb(), ids[0]) if ids else None

    def _kb(self):
        if getattr(self, "_kb_cache", None) is None:
            from .actors.stage import knowledge_base

            self._kb_cache = knowledge_base(self.settings)
        return self._kb_cache

    # -- later stages: empty lists until their tables exist in the store -------------------------

    def events(self, actor: str | None = None, since: str | None = None, until: str | None = None,
               event_type: str | None = None, limit: int = 500, offset: int = 0) -> list[dict]:
        """Coded events (actor: an entity id or country code), newest first; [] before event coding ran."""
        return self._later("events", since, until, limit, offset, actor=actor, event_type=event_type)

    def merged_events(self, actor: str | None = None, since: str | None = None, until: str | None = None,
                      limit: int = 500, offset: int = 0) -> list[dict]:
        return self._later("merged_events", since, until, limit, offset, actor=actor)

    def stories(self, actor: str | None = None, since: str | None = None, until: str | None = None,
                limit: int = 500, offset: int = 0) -> list[dict]:
        return self._later("stories", since, until, limit, offset, actor=actor)

    def clusters(self, since: str | None = None, until: str | None = None, limit: int = 500,
                 offset: int = 0) -> list[dict]:
        return self._later("clusters", since, until, limit, offset)

    def places(self, country: str | None = None, limit: int = 500, offset: int = 0) -> list[dict]:
        return self._later("places", None, None, limit, offset, country=country)

    def _later(self, name: str, since, until, limit: int, offset: int, **params) -> list[dict]:
        from .web.queries import optional_rows

        return optional_rows(self._store.connection, name, params, since, until, limit, offset).items

    @staticmethod
    def records(items) -> Iterator[dict]:
        """Plain dicts, ready for pandas.DataFrame or json."""
        for item in items:
            yield asdict(item)


def open(path: str | Path = "tidings.db", settings: Settings | None = None) -> Corpus:
    """Open (or create) a tidings store."""
    return Corpus(path, settings)
