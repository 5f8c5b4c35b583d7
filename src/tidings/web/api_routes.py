"""The REST API (/api/...): JSON lists with filters and pagination, one error shape, read-only by default."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from ..store.events import EventFilter
from . import corpus_queries as cq
from . import queries
from .deps import (
    DEFAULT_PAGE,
    MAX_FILTER_CHARS,
    MAX_PAGE,
    MAX_QUERY_CHARS,
    Limit,
    Offset,
    ReadStore,
    Since,
    Text,
    Until,
    knowledge_base,
)
from .errors import ApiError
from .ingest import ingest_request

router = APIRouter(prefix="/api")

EntityType = Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,12}$", description="PER, COUNTRY, GROUP, IGO, AGENCY, MEDIA, ORG.")]
Code = Annotated[str | None, Query(pattern=r"^[A-Za-z]{2,8}$", description="ISO3 country or IGO code.")]
ArticleId = Annotated[str, Path(pattern=r"^[0-9a-fA-F]{6,64}$", description="An article id or a unique prefix of 6+ hex characters.")]
ItemId = Annotated[str, Path(min_length=1, max_length=200)]


def _missing(what: str, key: str) -> ApiError:
    return ApiError(404, "not_found", f"No {what} with id {key!r} in this store.")


@router.get("/summary", summary="Counts, outlets, articles per month, latest articles")
def summary(store: ReadStore) -> dict:
    return queries.dashboard(store)


@router.get("/articles", summary="Articles (without bodies), newest first")
def articles(store: ReadStore, outlet: Text = None, since: Since = None, until: Until = None,
             entity: Text = None, cluster: Text = None,
             order: Annotated[str, Query(pattern="^(newest|oldest)$")] = "newest",
             limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict:
    return queries.list_articles(store.connection, outlet=outlet, since=since, until=until, entity=entity,
                                 cluster=cluster, newest_first=order == "newest", limit=limit,
                                 offset=offset).record()


@router.get("/articles/{article_id}", summary="One article with body, origins, sentences and mentions")
def article(store: ReadStore, article_id: ArticleId) -> dict:
    found = queries.article_detail(store, article_id)
    if found is None:
        raise _missing("article", article_id)
    return found


@router.get("/outlets", summary="Outlets with their article counts")
def outlets(store: ReadStore) -> dict:
    items = queries.outlets(store.connection)
    return {"items": items, "total": len(items), "limit": len(items), "offset": 0}


@router.get("/countries", summary="Mentions per country actor, with ISO 3166 numeric codes for maps")
def countries(store: ReadStore) -> dict:
    items = queries.countries(store.connection)
    return {"items": items, "total": len(items), "limit": len(items), "offset": 0}


@router.get("/failures", summary="Inputs that were not ingested, with the reason")
def failures(store: ReadStore, limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict:
    rows = list(store.failures())
    items = [{"origin": f.origin, "error": f.error} for f in rows[offset:offset + limit]]
    return {"items": items, "total": len(rows), "limit": limit, "offset": offset}


@router.get("/search", summary="Full-text search over titles and bodies (FTS5, bm25)")
def search(store: ReadStore, q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS)],
           limit: Limit = 20, offset: Offset = 0) -> dict:
    return queries.search(store, q, limit, offset).record()


@router.get("/entities", summary="Actors, most mentioned first")
def entities(request: Request, store: ReadStore, type: EntityType = None, country: Code = None,
             sector: Code = None, q: Text = None, limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict:
    return queries.list_entities(store.connection, knowledge_base(request), type=type, country=country,
                                 sector=sector, q=q, limit=limit, offset=offset).record()


@router.get("/entities/{entity_id}", summary="One actor: aliases, roles, co-actors, network, articles")
def entity(request: Request, store: ReadStore, entity_id: ItemId) -> dict:
    found = queries.entity_detail(store.connection, knowledge_base(request), entity_id)
    if found is None:
        raise _missing("entity", entity_id)
    return found


# -------------------------------------------------- events and the corpus stages

Actor = Annotated[str | None, Query(min_length=1, max_length=MAX_FILTER_CHARS,
                                    description="An entity id (cty:PAK, per:imran-khan), a name or a country code.")]
EventType = Annotated[str | None, Query(pattern=r"^[A-Za-z]{3,12}$", description="A PLOVER event type (CONSULT, ASSAULT ...).")]
Quad = Annotated[int | None, Query(ge=1, le=4, description="Quad class: 1 verbal and 2 material cooperation, 3 verbal and 4 material conflict.")]
Modality = Annotated[str | None, Query(pattern="^(asserted|negated|hypothetical|future|uncertain)$",
                                       description="asserted, negated, hypothetical, future or uncertain.")]
Period = Annotated[str | None, Query(pattern="^(day|week|month|year)$", description="day, week (labelled by its Monday), month or year.")]
Level = Annotated[str, Query(pattern="^(entity|country)$", description="Pair actors (entity) or their countries (country).")]


def _event_filter(actor, recipient, type, quad, modality, since, until, place, article_id) -> EventFilter:
    return EventFilter(actor=actor, recipient=recipient, event_type=type, quad=quad, modality=modality,
                       date_from=since, date_to=until, place=place, article_id=article_id)


def _absent(store, table: str, limit: int, offset: int) -> dict | None:
    """The empty page with a note while a stage's table is absent from this store."""
    if queries.table_exists(store.connection, table):
        return None
    return queries.Page([], 0, limit, offset, note=cq.not_yet(table)).record()


@router.get("/events", summary="Coded events (PLOVER) with parties, dates and places; latest first")
def events(store: ReadStore, actor: Actor = None, recipient: Actor = None, party: Actor = None,
           other: Actor = None, type: EventType = None, quad: Quad = None, modality: Modality = None, since: Since = None,
           until: Until = None, place: Text = None, article_id: Text = None, limit: Limit = DEFAULT_PAGE,
           offset: Offset = 0) -> dict:
    """`actor` and `recipient` match that side of the event; `party` and `other` either side (together:
    the events between two actors)."""
    absent = _absent(store, "events", limit, offset)
    if absent:
        return absent
    f = _event_filter(actor, recipient, type, quad, modality, since, until, place, article_id)
    return cq.list_events(store.connection, f, party=party, other=other, limit=limit, offset=offset).record()


@router.get("/trend", summary="Events per period split into cooperation and conflict (quad classes)")
def trend(store: ReadStore, actor: Actor = None, recipient: Actor = None, party: Actor = None,
          type: EventType = None, modality: Modality = "asserted", since: Since = None, until: Until = None,
          place: Text = None, period: Period = "month") -> dict:
    absent = _absent(store, "events", MAX_PAGE, 0)
    if absent:
        return absent
    f = _event_filter(actor, recipient, type, None, modality, since, until, place, None)
    items = cq.event_trend(store.connection, f, period or "month", party=party)
    return {"items": items, "total": len(items), "limit": len(items), "offset": 0, "period": period or "month"}


@router.get("/event-places", summary="Located events grouped by place (the map's dots), most events first")
def event_places(store: ReadStore, actor: Actor = None, recipient: Actor = None, type: EventType = None,
                 quad: Quad = None, modality: Modality = None, since: Since = None, until: Until = None,
                 limit: Limit = MAX_PAGE) -> dict:
    absent = _absent(store, "events", limit, 0)
    if absent:
        return absent
    items = cq.event_places(store.connection, _event_filter(actor, recipient, type, quad, modality, since,
                                                            until, None, None), limit)
    return {"items": items, "total": len(items), "limit": limit, "offset": 0}


@router.get("/places", summary="Places named in the articles, with coordinates and events located there")
def places(store: ReadStore, country: Code = None, q: Text = None, limit: Limit = DEFAULT_PAGE,
           offset: Offset = 0) -> dict:
    return _absent(store, "places", limit, offset) or cq.list_places(
        store.connection, country=country, q=q, limit=limit, offset=offset).record()


@router.get("/clusters", summary="Same-event clusters of articles, biggest first")
def clusters(store: ReadStore, since: Since = None, until: Until = None, q: Text = None,
             min_size: Annotated[int, Query(ge=1, le=100_000)] = 1, story: Text = None,
             limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict:
    return cq.list_clusters(store.connection, since=since, until=until, q=q, min_size=min_size, story=story,
                            limit=limit, offset=offset).record()


@router.get("/clusters/{cluster_id}", summary="One cluster with its articles and merged events")
def cluster(store: ReadStore, cluster_id: ItemId) -> dict:
    found = cq.cluster_detail(store.connection, cluster_id)
    if found is None:
        raise _missing("cluster", cluster_id)
    return found


@router.get("/merged-events", summary="Events merged across outlets, with their sources and contradictions")
def merged_events(store: ReadStore, actor: Actor = None, type: EventType = None, modality: Modality = None,
                  since: Since = None, until: Until = None, cluster: Text = None,
                  contradicted: Annotated[bool, Query(description="Only those whose outlets disagree.")] = False,
                  min_sources: Annotated[int | None, Query(ge=1, le=10_000)] = None,
                  limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict:
    return cq.list_merged(store.connection, actor=actor, event_type=type, modality=modality, since=since,
                          until=until, cluster=cluster, contradicted=contradicted, min_sources=min_sources,
                          limit=limit, offset=offset).record()


@router.get("/merged-events/{merged_id}", summary="One merged event with its sources, mentions and contradictions")
def merged_event(store: ReadStore, merged_id: ItemId) -> dict:
    found = cq.merged_detail(store.connection, merged_id)
    if found is None:
        raise _missing("merged event", merged_id)
    return found


@router.get("/stories", summary="Stories: clusters threaded over time, latest first")
def stories(store: ReadStore, actor: Actor = None, since: Since = None, until: Until = None, q: Text = None,
            limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict:
    return cq.list_stories(store.connection, actor=actor, since=since, until=until, q=q, limit=limit,
                           offset=offset).record()


@router.get("/stories/{story_id}", summary="One story: timeline, cited summary, sources, contradictions")
def story(store: ReadStore, story_id: ItemId) -> dict:
    found = cq.story_detail(store.connection, story_id)
    if found is None:
        raise _missing("story", story_id)
    return found


@router.get("/timeline", summary="Dated happenings involving actor a (and b), oldest first")
def timeline(store: ReadStore, a: Actor = None, b: Actor = None, since: Since = None, until: Until = None,
             modality: Modality = "asserted", limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict:
    """Merged events once that stage has run (`source`: merged_events), else event mentions (`source`: events)."""
    return _absent(store, "events", limit, offset) or cq.timeline(
        store.connection, a=a, b=b, since=since, until=until, modality=modality, limit=limit,
        offset=offset).record()


@router.get("/dyads", summary="Actor pairs: events, cooperation and conflict, intensity; per period if asked")
def dyads(store: ReadStore, a: Actor = None, b: Actor = None, period: Period = None, level: Level = "entity",
          since: Since = None, until: Until = None, modality: Modality = "asserted",
          limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict:
    return _absent(store, "events", limit, offset) or cq.dyads(
        store.connection, a=a, b=b, period=period, level=level, since=since, until=until, modality=modality,
        limit=limit, offset=offset).record()


# -------------------------------------------------- writing (only with a token)


INGEST_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "description": "One article or a list of them: text or html (the body), title, url, published, outlet.",
    "oneOf": [{"type": "object"}, {"type": "array", "items": {"type": "object"}}]}}}}}


@router.post("/ingest", summary="Ingest articles (JSON object or list); needs the server's token",
             openapi_extra=INGEST_BODY)
async def ingest(request: Request) -> dict:
    return await ingest_request(request)
