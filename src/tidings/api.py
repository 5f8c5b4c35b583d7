"""The Python API: `tidings.open(path)` gives a Corpus to ingest into and read records from.

Corpus is the one way in for every reader of a store: the command line, the REST API and web
pages, and the exports all read through it; it reads through tidings.store only.
"""
from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import BinaryIO, Self

from .config import Settings
from .errors import TidingsError
from .model.article import Article, Failure
from .model.item import Item
from .store import SCHEMA_VERSION, SNIPPET_CLOSE, SNIPPET_OPEN, Store
from .store.events import EventFilter, event_records, place_records
from .store.reads.actors import (
    countries,
    entities_named,
    entity_detail,
    entity_records,
    entity_types,
    find_entity,
    list_entities,
)
from .store.reads.articles import article_detail, dashboard, list_articles, outlets, search
from .store.reads.common import PERIODS, Page, not_yet, open_read_only, table_exists
from .store.reads.corpus import (
    cluster_detail,
    cluster_records,
    list_clusters,
    list_merged,
    list_stories,
    merged_detail,
    merged_records,
    merged_timeline,
    story_detail,
    story_list,
    story_records,
    story_view,
    timeline,
)
from .store.reads.dyads import LEVELS, dyads
from .store.reads.events import (
    event_article_facts,
    event_places,
    event_trend,
    event_types,
    list_events,
    list_places,
)
from .store.stories import MergedFilter, find_story

__all__ = ["LEVELS", "PERIODS", "SCHEMA_VERSION", "SNIPPET_CLOSE", "SNIPPET_OPEN", "Article", "Corpus", "Failure", "Page", "open"]


class Corpus:
    """A tidings store opened for reading and ingesting. Articles are dataclasses (pass them through
    `records()` for pandas); actors, events and the other lists are plain dicts already, so
    `pandas.DataFrame(c.events(...))` works as it is (pandas is optional, not a dependency).

    `path` None means the `db` setting (the --db flag, TIDINGS_DB, tidings.toml, else tidings.db).
    `read_only` opens the store over a connection that cannot write (the web server's readers);
    `knowledge_base` shares one already loaded (the web server loads it once, not per request)."""

    def __init__(self, path: str | Path | None = None, settings: Settings | None = None, *,
                 read_only: bool = False, knowledge_base=None):
        if settings is None:
            settings = Settings.load(db=path) if path is not None else Settings.load()
        self.settings = settings
        self.path = Path(path) if path is not None else settings.db
        self._store = open_read_only(self.path) if read_only else Store.open(self.path)
        self._kb_cache = knowledge_base

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._store.close()

    @property
    def _conn(self):
        return self._store.connection

    # -- ingesting -------------------------------------------------------------------------------

    def ingest(self, *paths: str | Path, reprocess: bool = False, stdin: BinaryIO | None = None,
               on_item: Callable | None = None):
        """Ingest files, folders or globs (or "-" with `stdin`, a binary stream); returns an
        IngestReport (new, known, failures ...). `on_item(report)` is called after each input item."""
        return _pipeline().ingest([str(p) for p in paths], self._store, self.settings, stdin=stdin, on_item=on_item,
                      reprocess=reprocess)

    def ingest_records(self, records: dict | list[dict], label: str | None = None):
        """Ingest articles given as dicts ({text or html, title?, url?, published?, outlet?}) through
        the same pipeline and bad-input policy as files; returns an IngestReport. `label` names where
        they came from (it prefixes their origins; default "<stdin>")."""
        items = [records] if isinstance(records, dict) else list(records)
        lines = []
        for item in items:
            if isinstance(item, dict) and "html" in item and "text" not in item and "body" not in item:
                item = {**item, "body": item["html"]}
            lines.append(json.dumps(item, ensure_ascii=False))  # not an object: the reader explains the failure
        data = ("\n".join(lines) + "\n").encode("utf-8")
        extra = {"stdin_label": label} if label else {}
        return _pipeline().ingest(["-"], self._store, self.settings, stdin=io.BytesIO(data), **extra)

    def store_items(self, items: Iterable[Item], model: str, coder: str, on_item: Callable | None = None):
        """Store per-article results made elsewhere (Parquet shards, tidings.shards), one transaction
        per article as ingest does, then run the corpus stages; returns an IngestReport. `model` and
        `coder` name the spaCy package and event coder version that made them."""
        return _pipeline().store_items(self._store, items, self.settings, model, coder, on_item=on_item)

    # -- articles --------------------------------------------------------------------------------

    def articles(self, outlet: str | None = None, since: str | None = None,
                 until: str | None = None, limit: int | None = None, language: str | None = None) -> list[Article]:
        return list(self._store.articles(outlet=outlet, since=since, until=until, limit=limit, language=language))

    def iter_articles(self, outlet: str | None = None, since: str | None = None,
                      until: str | None = None, language: str | None = None) -> Iterator[Article]:
        """Articles oldest first, one at a time from the store (for exports of any size)."""
        return self._store.articles(outlet=outlet, since=since, until=until, language=language)

    def article(self, id_or_prefix: str) -> Article | None:
        return self._store.article(id_or_prefix)

    def article_detail(self, id_or_prefix: str) -> dict | None:
        """One article with body, origins, sentences, actor mentions, the entities they name and its events."""
        return article_detail(self._store, id_or_prefix)

    def article_list(self, outlet: str | None = None, since: str | None = None, until: str | None = None,
                     entity: str | None = None, cluster: str | None = None, newest_first: bool = True,
                     limit: int | None = 50, offset: int = 0, after: str | None = None,
                     language: str | None = None) -> Page:
        """A page of articles without bodies (an excerpt instead), newest publication first by default.
        `after`: the `next` cursor of the page before (every list page carries one); `language`: ISO 639-1."""
        return list_articles(self._conn, outlet=outlet, since=since, until=until, entity=entity, cluster=cluster,
                             newest_first=newest_first, limit=limit, offset=offset, after=after, language=language)

    def failures(self) -> list[Failure]:
        return list(self._store.failures())

    def search(self, query: str, limit: int = 20, language: str | None = None) -> list[tuple[Article, str]]:
        return self._store.search(query, limit=limit, language=language)

    def search_page(self, query: str, limit: int = 20, offset: int = 0, after: str | None = None,
                    language: str | None = None) -> Page:
        """A page of full-text search hits with snippets and the number of matches."""
        return search(self._store, query, limit, offset, after=after, language=language)

    def summary(self):
        return self._store.summary()

    def dashboard(self) -> dict:
        """Counts, outlets, articles per month and the latest articles."""
        return dashboard(self._store)

    def outlets(self) -> list[dict]:
        """Outlets with their article counts, most articles first."""
        return outlets(self._conn)

    # -- actors ----------------------------------------------------------------------------------

    def entities(self, type: str | None = None, country: str | None = None, name: str | None = None,
                 limit: int = 100, offset: int = 0) -> list[dict]:
        """Actors, most mentioned first: id, name, type, country, sector, aliases, counts, roles."""
        return self.entity_page(type=type, country=country, name=name, limit=limit, offset=offset).items

    def entity_page(self, type: str | None = None, country: str | None = None, sector: str | None = None,
                    name: str | None = None, limit: int | None = 50, offset: int = 0) -> Page:
        return list_entities(self._conn, self._kb(), type=type, country=country, sector=sector, q=name,
                             limit=limit, offset=offset)

    def entity(self, name_or_id: str) -> dict | None:
        """One actor by id, name or any spelling seen, with co-actors, network and mentions per month."""
        eid = find_entity(self._conn, name_or_id)
        return entity_detail(self._conn, self._kb(), eid) if eid else None

    def entity_by_id(self, entity_id: str) -> dict | None:
        """entity() for an exact entity id only."""
        return entity_detail(self._conn, self._kb(), entity_id)

    def entities_named(self, name: str) -> list[dict]:
        """Every actor whose id, name or a spelling seen matches, as entities.jsonl spells it plus
        `appears_with` (its most frequent co-actors in the same sentences)."""
        return entities_named(self._conn, self._kb(), name)

    def entity_records(self, type: str | None = None, country: str | None = None,
                       limit: int | None = None) -> list[dict]:
        """Actors as entities.jsonl spells them, most mentioned first."""
        return entity_records(self._conn, self._kb(), type=type, country=country, limit=limit)

    def entity_types(self) -> list[str]:
        return entity_types(self._conn)

    def countries(self) -> list[dict]:
        """Mentions and articles per country actor, with ISO 3166 numeric codes for maps."""
        return countries(self._conn)

    @property
    def knowledge_base(self):
        """The knowledge base of the kb_files setting (packaged data with the user's files on top),
        loaded on first use."""
        if self._kb_cache is None:
            from .actors.stage import knowledge_base  # rapidfuzz and the TOML data: only when asked

            self._kb_cache = knowledge_base(self.settings)
        return self._kb_cache

    def _kb(self):
        return self.knowledge_base

    # -- events and the corpus stages: plain dicts, ready for pandas.DataFrame(...) -------------

    def events(self, actor: str | None = None, recipient: str | None = None, party: str | None = None,
               other: str | None = None, event_type: str | None = None, quad: int | None = None,
               modality: str | None = None, since: str | None = None, until: str | None = None,
               place: str | None = None, article_id: str | None = None, limit: int = 500,
               offset: int = 0, language: str | None = None) -> list[dict]:
        """Coded events as events.jsonl spells them, latest first. actor / recipient match that side,
        party / other either side; each takes an entity id, a name or a country code."""
        return self.event_page(actor=actor, recipient=recipient, party=party, other=other, event_type=event_type,
                               quad=quad, modality=modality, since=since, until=until, place=place,
                               article_id=article_id, limit=limit, offset=offset, language=language).items

    def event_page(self, actor: str | None = None, recipient: str | None = None, party: str | None = None,
                   other: str | None = None, event_type: str | None = None, quad: int | None = None,
                   modality: str | None = None, since: str | None = None, until: str | None = None,
                   place: str | None = None, article_id: str | None = None, limit: int | None = 50,
                   offset: int = 0, after: str | None = None, language: str | None = None) -> Page:
        if not self.has("events"):
            return self._absent("events", limit, offset)
        return list_events(self._conn, self._event_filter(actor, recipient, event_type, quad, modality, since,
                                                          until, place, article_id, language=language),
                           party=party, other=other, limit=limit, offset=offset, after=after)

    def event_records(self, actor: str | None = None, recipient: str | None = None, event_type: str | None = None,
                      quad: int | None = None, modality: str | None = None, since: str | None = None,
                      until: str | None = None, place: str | None = None, limit: int | None = None,
                      language: str | None = None) -> Iterator[dict]:
        """Coded events as events.jsonl spells them, in article order (the export's order)."""
        f = self._event_filter(actor, recipient, event_type, quad, modality, since, until, place, None, limit,
                               language)
        return event_records(self._conn, f)

    def event_types(self) -> list[str]:
        return event_types(self._conn) if self.has("events") else []

    def event_places(self, actor: str | None = None, recipient: str | None = None, event_type: str | None = None,
                     quad: int | None = None, modality: str | None = None, since: str | None = None,
                     until: str | None = None, limit: int = 500) -> list[dict]:
        """Located events grouped by place, most events first."""
        if not self.has("events"):
            return []
        f = self._event_filter(actor, recipient, event_type, quad, modality, since, until, None, None)
        return event_places(self._conn, f, limit)

    def event_article_facts(self, article_id: str) -> tuple[str, str, str | None, str | None]:
        """(url or origin, outlet or id, near_duplicate_of, when its events were coded) of one article."""
        return event_article_facts(self._conn, article_id)

    def trend(self, period: str = "month", party: str | None = None, modality: str | None = "asserted",
              since: str | None = None, until: str | None = None, actor: str | None = None,
              recipient: str | None = None, event_type: str | None = None, place: str | None = None) -> list[dict]:
        """Events per period (day, week, month, year): events, cooperation, conflict, per quad class."""
        if not self.has("events"):
            return []
        f = self._event_filter(actor, recipient, event_type, None, modality, since, until, place, None)
        return event_trend(self._conn, f, self._period(period), party=party)

    def places(self, country: str | None = None, name: str | None = None, limit: int = 500,
               offset: int = 0) -> list[dict]:
        """Places as places.jsonl spells them, with the number of events located at each."""
        return self.place_page(country=country, name=name, limit=limit, offset=offset).items

    def place_page(self, country: str | None = None, name: str | None = None, limit: int | None = 50,
                   offset: int = 0) -> Page:
        if not self.has("places"):
            return self._absent("places", limit, offset)
        return list_places(self._conn, country=country, q=name, limit=limit, offset=offset)

    def place_records(self) -> Iterator[dict]:
        """Places as places.jsonl spells them."""
        return place_records(self._conn)

    def clusters(self, since: str | None = None, until: str | None = None, min_size: int = 1,
                 limit: int | None = 500, offset: int = 0) -> list[dict]:
        """Same-event clusters, biggest first: article_ids, title, start, end, num_sources, outlets."""
        return self.cluster_page(since=since, until=until, min_size=min_size, limit=limit, offset=offset).items

    def cluster_page(self, since: str | None = None, until: str | None = None, min_size: int = 1,
                     title: str | None = None, story: str | None = None, limit: int | None = 50,
                     offset: int = 0, after: str | None = None) -> Page:
        return list_clusters(self._conn, since=since, until=until, min_size=min_size, q=title, story=story,
                             limit=limit, offset=offset, after=after)

    def cluster(self, key: str) -> dict | None:
        """One cluster (by id, a unique prefix, or an article id in it) with its articles and merged events."""
        return cluster_detail(self._conn, key)

    def cluster_records(self) -> list[dict]:
        """Clusters as clusters.jsonl spells them, biggest first."""
        return cluster_records(self._conn) if self.has("clusters") else []

    def merged_events(self, actor: str | None = None, event_type: str | None = None,
                      modality: str | None = None, since: str | None = None, until: str | None = None,
                      contradicted: bool = False, limit: int = 500, offset: int = 0) -> list[dict]:
        """Events merged across outlets, latest first, with their sources (articles) and contradictions."""
        return self.merged_page(actor=actor, event_type=event_type, modality=modality, since=since, until=until,
                                contradicted=contradicted, limit=limit, offset=offset).items

    def merged_page(self, actor: str | None = None, event_type: str | None = None, modality: str | None = None,
                    since: str | None = None, until: str | None = None, cluster: str | None = None,
                    contradicted: bool = False, min_sources: int | None = None, limit: int | None = 50,
                    offset: int = 0, after: str | None = None) -> Page:
        return list_merged(self._conn, actor=actor, event_type=event_type, modality=modality, since=since,
                           until=until, cluster=cluster, contradicted=contradicted, min_sources=min_sources,
                           limit=limit, offset=offset, after=after)

    def merged_event(self, merged_id: str) -> dict | None:
        """One merged event with its sources, mentions and contradictions."""
        return merged_detail(self._conn, merged_id)

    def merged_records(self, actors: tuple[str, ...] = (), since: str | None = None, until: str | None = None,
                       modality: str | None = None, contradicted: bool = False,
                       limit: int | None = None) -> list[dict]:
        """Merged events as merged_events.jsonl spells them, in date order; every actor given must take part."""
        if not self.has("merged_events"):
            return []
        return merged_records(self._conn, MergedFilter(actors=tuple(actors), date_from=since, date_to=until,
                                                       modality=modality, contradicted=contradicted, limit=limit))

    def stories(self, actor: str | None = None, since: str | None = None, until: str | None = None,
                limit: int | None = 500, offset: int = 0) -> list[dict]:
        """Stories, latest first, with their actors, clusters and articles."""
        return self.story_page(actor=actor, since=since, until=until, limit=limit, offset=offset).items

    def story_page(self, actor: str | None = None, since: str | None = None, until: str | None = None,
                   title: str | None = None, limit: int | None = 50, offset: int = 0,
                   after: str | None = None) -> Page:
        return list_stories(self._conn, actor=actor, since=since, until=until, q=title, limit=limit, offset=offset,
                            after=after)

    def story(self, story_id: str) -> dict | None:
        """One story: timeline (with citations), cited summary, sources, contradictions, clusters."""
        return story_detail(self._conn, story_id)

    def story_list(self, limit: int | None = None) -> list[dict]:
        """Stories most articles first (as `tidings stories` lists them): id, title, cluster_ids,
        article_ids, actors, start, end, summary."""
        return story_list(self._conn, limit) if self.has("stories") else []

    def story_view(self, key: str) -> dict | None:
        """One story as `tidings story` shows it: its row, `timeline` and `record` (stories.jsonl)."""
        return story_view(self._conn, key) if self.has("stories") else None

    def story_records(self) -> list[dict]:
        """Stories as stories.jsonl spells them, by start."""
        return story_records(self._conn) if self.has("stories") else []

    def find_story(self, key: str) -> str | None:
        """A story id from itself, a unique prefix of it, or a cluster or article id in it."""
        return find_story(self._conn, key) if self.has("stories") else None

    def merged_timeline(self, actors: tuple[str, ...] = (), since: str | None = None, until: str | None = None,
                        story: str | None = None) -> list[dict]:
        """Every asserted, dated merged event, oldest first, each citing its articles (as `tidings
        timeline` lists them); `story` (an id, a prefix, or a cluster or article id in it) keeps one
        story's. Raises TidingsError for a story that is not there."""
        if not self.has("merged_events"):
            return []
        sid = None
        if story:
            sid = self.find_story(story)
            if sid is None:
                raise TidingsError(f"No story {story!r}. `tidings stories` lists them.")
        return merged_timeline(self._conn, sid, tuple(actors), since, until, per_cluster=None)

    def timeline(self, a: str | None = None, b: str | None = None, since: str | None = None,
                 until: str | None = None, modality: str | None = "asserted", limit: int = 500,
                 offset: int = 0) -> list[dict]:
        """Dated happenings involving actor a (and b), oldest first: merged events once that stage
        has run, else event mentions. Each has date, event_type, text, citations (article ids)."""
        return self.timeline_page(a=a, b=b, since=since, until=until, modality=modality, limit=limit,
                                  offset=offset).items

    def timeline_page(self, a: str | None = None, b: str | None = None, since: str | None = None,
                      until: str | None = None, modality: str | None = "asserted", limit: int | None = 50,
                      offset: int = 0) -> Page:
        if not self.has("events"):
            return self._absent("events", limit, offset)
        return timeline(self._conn, a=a, b=b, since=since, until=until, modality=modality, limit=limit,
                        offset=offset)

    def dyads(self, a: str | None = None, b: str | None = None, period: str | None = None,
              level: str = "entity", since: str | None = None, until: str | None = None,
              modality: str | None = "asserted", limit: int | None = 500, offset: int = 0) -> list[dict]:
        """Actor pairs counted in merged events (an event many outlets reported counts once): events,
        cooperation, conflict, per quad class, mean intensity, articles and sources behind them, first
        and last dates; one row per period (day, week, month, year) when `period` is given, else
        totals. level="country" pairs countries. The one definition behind `tidings dyads` and
        GET /api/dyads (docs/python-api.md)."""
        return self.dyad_page(a=a, b=b, period=period, level=level, since=since, until=until,
                              modality=modality, limit=limit, offset=offset).items

    def dyad_page(self, a: str | None = None, b: str | None = None, period: str | None = None,
                  level: str = "entity", since: str | None = None, until: str | None = None,
                  modality: str | None = "asserted", limit: int | None = 50, offset: int = 0) -> Page:
        if level not in LEVELS:
            raise TidingsError(f"Unknown dyad level {level!r}: use 'entity' or 'country'.")
        return dyads(self._conn, a=a, b=b, period=self._period(period) if period else None, level=level,
                     since=since, until=until, modality=modality, limit=limit, offset=offset)

    # -- helpers ---------------------------------------------------------------------------------

    def has(self, table: str) -> bool:
        """The store holds this stage's table (an older store may lack a later stage's)."""
        return table_exists(self._conn, table)

    @staticmethod
    def not_yet(table: str) -> str:
        """Why a list of this later stage is empty while its table is absent."""
        return not_yet(table)

    def _absent(self, table: str, limit: int | None, offset: int) -> Page:
        return Page([], 0, limit, offset, note=self.not_yet(table))

    @staticmethod
    def _period(period: str) -> str:
        if period not in PERIODS:
            raise TidingsError(f"Unknown period {period!r}: use one of {', '.join(PERIODS)}.")
        return period

    @staticmethod
    def _event_filter(actor, recipient, event_type, quad, modality, since, until, place, article_id, limit=None,
                      language=None):
        return EventFilter(actor=actor, recipient=recipient, event_type=event_type, quad=quad, modality=modality,
                           date_from=since, date_to=until, place=place, article_id=article_id, limit=limit,
                           language=language)

    @property
    def store_path(self) -> str:
        """Where the store lives (":memory:" for an in-memory one), as the export manifest names it."""
        return self._store.path

    @staticmethod
    def records(items) -> Iterator[dict]:
        """Plain dicts, ready for pandas.DataFrame or json."""
        for item in items:
            yield asdict(item)


def _pipeline():
    """tidings.pipeline, imported on first use: it loads spaCy, which reading a store never needs
    (so `import tidings` and the read-only commands stay quick)."""
    from . import pipeline

    return pipeline


def open(path: str | Path | None = None, settings: Settings | None = None, *, read_only: bool = False,
         knowledge_base=None) -> Corpus:
    """Open (or create) a tidings store; `path` None means the `db` setting (default tidings.db)."""
    return Corpus(path, settings, read_only=read_only, knowledge_base=knowledge_base)
