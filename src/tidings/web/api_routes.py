"""The REST API (/api/...): JSON lists with filters and pagination, one error shape, read-only by default.

The lists of articles, search hits, events, clusters, merged events and stories page by cursor: each
page carries `next`, passed back as `after` for the page after it (null on the last page). `offset`
still works but costs a scan of every row it skips.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request

from ..api import PERIODS, Corpus
from .deps import (
    DEFAULT_PAGE,
    MAX_FILTER_CHARS,
    MAX_PAGE,
    MAX_QUERY_CHARS,
    After,
    Lang,
    Limit,
    Offset,
    ReadCorpus,
    Since,
    Text,
    Until,
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
def summary(c: ReadCorpus) -> dict:
    return c.dashboard()


@router.get("/articles", summary="Articles (without bodies), newest first")
def articles(c: ReadCorpus, outlet: Text = None, since: Since = None, until: Until = None,
             entity: Text = None, cluster: Text = None,
             order: Annotated[str, Query(pattern="^(newest|oldest)$")] = "newest",
             limit: Limit = DEFAULT_PAGE, offset: Offset = 0, after: After = None, lang: Lang = None) -> dict:
    return c.article_list(outlet=outlet, since=since, until=until, entity=entity, cluster=cluster,
                          newest_first=order == "newest", limit=limit, offset=offset, after=after,
                          language=lang).record()


@router.get("/articles/{article_id}", summary="One article with body, origins, sentences and mentions")
def article(c: ReadCorpus, article_id: ArticleId) -> dict:
    found = c.article_detail(article_id)
    if found is None:
        raise _missing("article", article_id)
    return found


def _all(items: list) -> dict:
    return {"items": items, "total": len(items), "limit": len(items), "offset": 0}


@router.get("/outlets", summary="Outlets with their article counts")
def outlets(c: ReadCorpus) -> dict:
    return _all(c.outlets())


@router.get("/countries", summary="Mentions per country actor, with ISO 3166 numeric codes for maps")
def countries(c: ReadCorpus) -> dict:
    return _all(c.countries())


@router.get("/failures", summary="Inputs that were not ingested, with the reason")
def failures(c: ReadCorpus, limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict:
    rows = c.failures()
    items = [{"origin": f.origin, "error": f.error} for f in rows[offset:offset + limit]]
    return {"items": items, "total": len(rows), "limit": limit, "offset": offset}


@router.get("/search", summary="Full-text search over titles and bodies (FTS5, bm25)")
def search(c: ReadCorpus, q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS)],
           limit: Limit = 20, offset: Offset = 0, after: After = None, lang: Lang = None) -> dict:
    return c.search_page(q, limit, offset, after=after, language=lang).record()


@router.get("/entities", summary="Actors, most mentioned first")
def entities(c: ReadCorpus, type: EntityType = None, country: Code = None, sector: Code = None, q: Text = None,
             limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict:
    return c.entity_page(type=type, country=country, sector=sector, name=q, limit=limit, offset=offset).record()


@router.get("/entities/{entity_id}", summary="One actor: aliases, roles, co-actors, network, articles")
def entity(c: ReadCorpus, entity_id: ItemId) -> dict:
    found = c.entity_by_id(entity_id)
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
Period = Annotated[str | None, Query(pattern=f"^({'|'.join(PERIODS)})$",
                                     description="day, week (labelled by its Monday), month or year.")]
Level = Annotated[str, Query(pattern="^(entity|country)$", description="Pair actors (entity) or their countries (country).")]


def _absent(c: Corpus, table: str, limit: int, offset: int) -> dict | None:
    """The empty page with a note while a stage's table is absent from this store."""
    return None if c.has(table) else {"items": [], "total": 0, "limit": limit, "offset": offset,
                                      "note": c.not_yet(table)}


@router.get("/events", summary="Coded events (PLOVER) with parties, dates and places; latest first")
def events(c: ReadCorpus, actor: Actor = None, recipient: Actor = None, party: Actor = None,
           other: Actor = None, type: EventType = None, quad: Quad = None, modality: Modality = None, since: Since = None,
           until: Until = None, place: Text = None, article_id: Text = None, limit: Limit = DEFAULT_PAGE,
           offset: Offset = 0, after: After = None, lang: Lang = None) -> dict:
    """`actor` and `recipient` match that side of the event; `party` and `other` either side (together:
    the events between two actors)."""
    return c.event_page(actor=actor, recipient=recipient, party=party, other=other, event_type=type, quad=quad,
                        modality=modality, since=since, until=until, place=place, article_id=article_id,
                        limit=limit, offset=offset, after=after, language=lang).record()


@router.get("/trend", summary="Events per period split into cooperation and conflict (quad classes)")
def trend(c: ReadCorpus, actor: Actor = None, recipient: Actor = None, party: Actor = None,
          type: EventType = None, modality: Modality = "asserted", since: Since = None, until: Until = None,
          place: Text = None, period: Period = "month") -> dict:
    absent = _absent(c, "events", MAX_PAGE, 0)
    if absent:
        return absent
    items = c.trend(period or "month", party=party, modality=modality, since=since, until=until, actor=actor,
                    recipient=recipient, event_type=type, place=place)
    return {**_all(items), "period": period or "month"}


@router.get("/event-places", summary="Located events grouped by place (the map's dots), most events first")
def event_places(c: ReadCorpus, actor: Actor = None, recipient: Actor = None, type: EventType = None,
                 quad: Quad = None, modality: Modality = None, since: Since = None, until: Until = None,
                 limit: Limit = MAX_PAGE) -> dict:
    absent = _absent(c, "events", limit, 0)
    if absent:
        return absent
    items = c.event_places(actor=actor, recipient=recipient, event_type=type, quad=quad, modality=modality,
                           since=since, until=until, limit=limit)
    return {"items": items, "total": len(items), "limit": limit, "offset": 0}


@router.get("/places", summary="Places named in the articles, with coordinates and events located there")
def places(c: ReadCorpus, country: Code = None, q: Text = None, limit: Limit = DEFAULT_PAGE,
           offset: Offset = 0) -> dict:
    return c.place_page(country=country, name=q, limit=limit, offset=offset).record()


@router.get("/clusters", summary="Same-event clusters of articles, biggest first")
def clusters(c: ReadCorpus, since: Since = None, until: Until = None, q: Text = None,
             min_size: Annotated[int, Query(ge=1, le=100_000)] = 1, story: Text = None,
             limit: Limit = DEFAULT_PAGE, offset: Offset = 0, after: After = None) -> dict:
    return c.cluster_page(since=since, until=until, title=q, min_size=min_size, story=story, limit=limit,
                          offset=offset, after=after).record()


@router.get("/clusters/{cluster_id}", summary="One cluster with its articles and merged events")
def cluster(c: ReadCorpus, cluster_id: ItemId) -> dict:
    found = c.cluster(cluster_id)
    if found is None:
        raise _missing("cluster", cluster_id)
    return found


@router.get("/merged-events", summary="Events merged across outlets, with their sources and contradictions")
def merged_events(c: ReadCorpus, actor: Actor = None, type: EventType = None, modality: Modality = None,
                  since: Since = None, until: Until = None, cluster: Text = None,
                  contradicted: Annotated[bool, Query(description="Only those whose outlets disagree.")] = False,
                  min_sources: Annotated[int | None, Query(ge=1, le=10_000)] = None,
                  limit: Limit = DEFAULT_PAGE, offset: Offset = 0, after: After = None) -> dict:
    return c.merged_page(actor=actor, event_type=type, modality=modality, since=since, until=until, cluster=cluster,
                         contradicted=contradicted, min_sources=min_sources, limit=limit, offset=offset,
                         after=after).record()


@router.get("/merged-events/{merged_id}", summary="One merged event with its sources, mentions and contradictions")
def merged_event(c: ReadCorpus, merged_id: ItemId) -> dict:
    found = c.merged_event(merged_id)
    if found is None:
        raise _missing("merged event", merged_id)
    return found


@router.get("/stories", summary="Stories: clusters threaded over time, latest first")
def stories(c: ReadCorpus, actor: Actor = None, since: Since = None, until: Until = None, q: Text = None,
            limit: Limit = DEFAULT_PAGE, offset: Offset = 0, after: After = None) -> dict:
    return c.story_page(actor=actor, since=since, until=until, title=q, limit=limit, offset=offset,
                        after=after).record()


@router.get("/stories/{story_id}", summary="One story: timeline, cited summary, sources, contradictions")
def story(c: ReadCorpus, story_id: ItemId) -> dict:
    found = c.story(story_id)
    if found is None:
        raise _missing("story", story_id)
    return found


@router.get("/timeline", summary="Dated happenings involving actor a (and b), oldest first")
def timeline(c: ReadCorpus, a: Actor = None, b: Actor = None, since: Since = None, until: Until = None,
             modality: Modality = "asserted", limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict:
    """Merged events once that stage has run (`source`: merged_events), else event mentions (`source`: events)."""
    return c.timeline_page(a=a, b=b, since=since, until=until, modality=modality, limit=limit,
                           offset=offset).record()


@router.get("/dyads", summary="Actor pairs in merged events: cooperation and conflict, intensity; per period if asked")
def dyads(c: ReadCorpus, a: Actor = None, b: Actor = None, period: Period = None, level: Level = "entity",
          since: Since = None, until: Until = None, modality: Modality = "asserted",
          limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> dict:
    """Each merged event counts once however many outlets reported it; `articles` and `sources` say
    how much reporting stands behind a row (the definition `tidings dyads` and Corpus.dyads share)."""
    return c.dyad_page(a=a, b=b, period=period, level=level, since=since, until=until, modality=modality,
                       limit=limit, offset=offset).record()


# -------------------------------------------------- writing (only with a token)


INGEST_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": {
    "description": "One article or a list of them: text or html (the body), title, url, published, outlet.",
    "oneOf": [{"type": "object"}, {"type": "array", "items": {"type": "object"}}]}}}}}


@router.post("/ingest", summary="Ingest articles (JSON object or list); needs the server's token",
             openapi_extra=INGEST_BODY)
async def ingest(request: Request) -> dict:
    return await ingest_request(request)
