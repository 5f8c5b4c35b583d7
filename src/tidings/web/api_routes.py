"""The REST API (/api/...): JSON lists with filters and pagination, one error shape, read-only by default."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from . import queries
from .deps import (
    DEFAULT_PAGE,
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


# -------------------------------------------------- lists that fill when later stages have run


def _later(store, name: str, since, until, limit, offset, **params) -> dict:
    return queries.optional_rows(store.connection, name, params, since, until, limit, offset).record()


@router.get("/events", summary="Coded events (PLOVER); empty with a note until events are stored")
def events(store: ReadStore, actor: Text = None, event_type: Text = None, quad_class: Text = None,
           modality: Text = None, mode: Text = None, article_id: Text = None, since: Since = None,
           until: Until = None, limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict:
    return _later(store, "events", since, until, limit, offset, actor=actor, event_type=event_type,
                  quad_class=quad_class, modality=modality, mode=mode, article_id=article_id)


@router.get("/merged-events", summary="Events merged across outlets, with contradictions")
def merged_events(store: ReadStore, actor: Text = None, event_type: Text = None, modality: Text = None,
                  since: Since = None, until: Until = None, limit: Limit = DEFAULT_PAGE,
                  offset: Offset = 0) -> dict:
    return _later(store, "merged_events", since, until, limit, offset, actor=actor, event_type=event_type,
                  modality=modality)


@router.get("/stories", summary="Stories: clusters threaded over time")
def stories(store: ReadStore, actor: Text = None, since: Since = None, until: Until = None,
            limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict:
    return _later(store, "stories", since, until, limit, offset, actor=actor)


@router.get("/stories/{story_id}", summary="One story with its timeline")
def story(store: ReadStore, story_id: ItemId) -> dict:
    found = queries.optional_row(store.connection, "stories", story_id)
    if found is None:
        raise _missing("story", story_id)
    return found


@router.get("/clusters", summary="Clusters of articles on the same happening")
def clusters(store: ReadStore, since: Since = None, until: Until = None, limit: Limit = DEFAULT_PAGE,
             offset: Offset = 0) -> dict:
    return _later(store, "clusters", since, until, limit, offset)


@router.get("/places", summary="Places named in the articles, with coordinates")
def places(store: ReadStore, country: Code = None, limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict:
    return _later(store, "places", None, None, limit, offset, country=country)


@router.get("/timeline", summary="Dated entries of stories; empty with a note until stories exist")
def timeline(store: ReadStore, since: Since = None, until: Until = None, limit: Limit = DEFAULT_PAGE,
             offset: Offset = 0) -> dict:
    return queries.Page([], 0, limit, offset, note=queries.not_yet("stories")).record() \
        if not queries.table_exists(store.connection, "stories") else _later(
            store, "stories", since, until, limit, offset)


@router.get("/dyads", summary="Actor pairs with event counts and cooperation/conflict balance")
def dyads(store: ReadStore, actor: Text = None, limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict:
    return queries.Page([], 0, limit, offset, note=queries.not_yet("events")).record()


# -------------------------------------------------- writing (only with a token)


INGEST_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "description": "One article or a list of them: text or html (the body), title, url, published, outlet.",
    "oneOf": [{"type": "object"}, {"type": "array", "items": {"type": "object"}}]}}}}}


@router.post("/ingest", summary="Ingest articles (JSON object or list); needs the server's token",
             openapi_extra=INGEST_BODY)
async def ingest(request: Request) -> dict:
    return await ingest_request(request)
