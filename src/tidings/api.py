"""The Python API: `tidings.open(path)` gives a Corpus to ingest into and read records from."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Self

from .config import Settings
from .errors import TidingsError
from .model.article import Article, Failure


class Corpus:
    """A tidings store opened for reading and ingesting. Articles are dataclasses (pass them through
    `records()` for pandas); actors, events and the other lists are plain dicts already, so
    `pandas.DataFrame(c.events(...))` works as it is (pandas is optional, not a dependency)."""

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

    # -- events and the corpus stages: plain dicts, ready for pandas.DataFrame(...) -------------

    def events(self, actor: str | None = None, recipient: str | None = None, party: str | None = None,
               other: str | None = None, event_type: str | None = None, quad: int | None = None,
               modality: str | None = None, since: str | None = None, until: str | None = None,
               place: str | None = None, article_id: str | None = None, limit: int = 500,
               offset: int = 0) -> list[dict]:
        """Coded events as events.jsonl spells them, latest first. actor / recipient match that side,
        party / other either side; each takes an entity id, a name or a country code."""
        from .store.events import EventFilter
        from .web.corpus_queries import list_events

        f = EventFilter(actor=actor, recipient=recipient, event_type=event_type, quad=quad, modality=modality,
                        date_from=since, date_to=until, place=place, article_id=article_id)
        return self._page(list_events, f, party=party, other=other, limit=limit, offset=offset, table="events")

    def trend(self, period: str = "month", party: str | None = None, modality: str | None = "asserted",
              since: str | None = None, until: str | None = None) -> list[dict]:
        """Events per period (day, week, month, year): events, cooperation, conflict, per quad class."""
        from .store.events import EventFilter
        from .web.corpus_queries import event_trend

        if not self._has("events"):
            return []
        f = EventFilter(modality=modality, date_from=since, date_to=until)
        return event_trend(self._store.connection, f, self._period(period), party=party)

    def places(self, country: str | None = None, name: str | None = None, limit: int = 500,
               offset: int = 0) -> list[dict]:
        """Places as places.jsonl spells them, with the number of events located at each."""
        from .web.corpus_queries import list_places

        return self._page(list_places, country=country, q=name, limit=limit, offset=offset, table="places")

    def clusters(self, since: str | None = None, until: str | None = None, min_size: int = 1,
                 limit: int = 500, offset: int = 0) -> list[dict]:
        """Same-event clusters, biggest first: article_ids, title, start, end, num_sources, outlets."""
        from .web.corpus_queries import list_clusters

        return self._page(list_clusters, since=since, until=until, min_size=min_size, limit=limit, offset=offset)

    def merged_events(self, actor: str | None = None, event_type: str | None = None,
                      modality: str | None = None, since: str | None = None, until: str | None = None,
                      contradicted: bool = False, limit: int = 500, offset: int = 0) -> list[dict]:
        """Events merged across outlets, latest first, with their sources (articles) and contradictions."""
        from .web.corpus_queries import list_merged

        return self._page(list_merged, actor=actor, event_type=event_type, modality=modality, since=since,
                          until=until, contradicted=contradicted, limit=limit, offset=offset)

    def stories(self, actor: str | None = None, since: str | None = None, until: str | None = None,
                limit: int = 500, offset: int = 0) -> list[dict]:
        """Stories, latest first, with their actors, clusters and articles."""
        from .web.corpus_queries import list_stories

        return self._page(list_stories, actor=actor, since=since, until=until, limit=limit, offset=offset)

    def story(self, story_id: str) -> dict | None:
        """One story: timeline (with citations), cited summary, sources, contradictions, clusters."""
        from .web.corpus_queries import story_detail

        return story_detail(self._store.connection, story_id)

    def timeline(self, a: str | None = None, b: str | None = None, since: str | None = None,
                 until: str | None = None, modality: str | None = "asserted", limit: int = 500,
                 offset: int = 0) -> list[dict]:
        """Dated happenings involving actor a (and b), oldest first: merged events once that stage
        has run, else event mentions. Each has date, event_type, text, citations (article ids)."""
        from .web.corpus_queries import timeline

        if not self._has("events"):
            return []
        return timeline(self._store.connection, a=a, b=b, since=since, until=until, modality=modality,
                        limit=limit, offset=offset).items

    def dyads(self, a: str | None = None, b: str | None = None, period: str | None = None,
              level: str = "entity", since: str | None = None, until: str | None = None,
              modality: str | None = "asserted", limit: int = 500, offset: int = 0) -> list[dict]:
        """Actor pairs with events, cooperation, conflict and mean intensity; one row per period
        (day, week, month, year) when `period` is given. level="country" pairs countries."""
        from .web.corpus_queries import dyads

        if not self._has("events"):
            return []
        if level not in ("entity", "country"):
            raise TidingsError(f"Unknown dyad level {level!r}: use 'entity' or 'country'.")
        return dyads(self._store.connection, a=a, b=b, period=self._period(period) if period else None,
                     level=level, since=since, until=until, modality=modality, limit=limit, offset=offset).items

    @staticmethod
    def _period(period: str) -> str:
        from .web.corpus_queries import PERIODS

        if period not in PERIODS:
            raise TidingsError(f"Unknown period {period!r}: use one of {', '.join(PERIODS)}.")
        return period

    def _has(self, table: str) -> bool:
        from .web.queries import table_exists

        return table_exists(self._store.connection, table)

    def _page(self, query, *args, table: str | None = None, **kwargs) -> list[dict]:
        if table and not self._has(table):
            return []
        return query(self._store.connection, *args, **kwargs).items

    @staticmethod
    def records(items) -> Iterator[dict]:
        """Plain dicts, ready for pandas.DataFrame or json."""
        for item in items:
            yield asdict(item)


def open(path: str | Path = "tidings.db", settings: Settings | None = None) -> Corpus:
    """Open (or create) a tidings store."""
    return Corpus(path, settings)
