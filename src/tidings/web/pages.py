"""Server-rendered pages (Jinja2, autoescaped); charts, the network and the map are drawn by static JS."""
from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from ..api import Page
from .api_routes import ArticleId, ItemId
from .deps import MAX_FILTER_CHARS, MAX_OFFSET, MAX_QUERY_CHARS, After, Offset, ReadCorpus
from .errors import ApiError
from .highlight import pieces, snippet_pieces

router = APIRouter(default_response_class=HTMLResponse)
PAGE = 25   # rows per page on the HTML lists
LATEST = 6  # clusters and stories on the dashboard

# HTML forms send empty fields ("since="): the page filters accept "" as "no filter".
Since = Annotated[str | None, Query(pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")]
Until = Since
Text = Annotated[str | None, Query(max_length=MAX_FILTER_CHARS)]
EntityType = Annotated[str | None, Query(pattern=r"^([A-Za-z]{2,12})?$")]
Code = Annotated[str | None, Query(pattern=r"^([A-Za-z]{2,8})?$")]
At = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows the pages before showed (numbers the rows).")]


def _render(request: Request, template: str, **context) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context)


def _pager(page: Page, request: Request) -> dict:
    """Previous/next links that keep the current filters."""
    def link(offset: int) -> str:
        params = {k: v for k, v in request.query_params.items() if v and k != "offset"}
        return request.url.path + "?" + urlencode({**params, "offset": offset})
    return {"prev": link(max(page.offset - page.limit, 0)) if page.offset > 0 else None,
            "next": link(page.offset + page.limit) if page.offset + page.limit < page.total else None,
            "first": page.offset + 1 if page.items else 0, "last": page.offset + len(page.items),
            "total": page.total, "exact": page.total_exact}


def _cursor_pager(page: Page, request: Request, at: int) -> dict:
    """Next/first links for a list paged by cursor: `after` is the page's `next`; `at` (how many rows
    the pages before showed) only numbers the rows."""
    def link(**extra) -> str:
        params = {k: v for k, v in request.query_params.items() if v and k not in ("offset", "after", "at")}
        return request.url.path + ("?" + urlencode({**params, **extra}) if params or extra else "")
    return {"prev": link() if at > 0 else None, "prev_label": "first page",
            "next": link(after=page.next, at=at + len(page.items)) if page.next else None,
            "first": at + 1 if page.items else 0, "last": at + len(page.items), "total": page.total,
            "exact": page.total_exact}

# Languages written right to left: the article view sets dir="rtl" on their bodies.
RTL_LANGUAGES = frozenset({"fa", "ps", "ur", "ar"})


@router.get("/")
def dashboard(request: Request, c: ReadCorpus):
    data = c.dashboard()
    later = {"clusters": c.cluster_page(min_size=2, limit=LATEST), "stories": c.story_page(limit=LATEST)}
    return _render(request, "dashboard.html", data=data, later=later, active="dashboard")


@router.get("/articles")
def articles(request: Request, c: ReadCorpus, outlet: Text = None, since: Since = None,
             until: Until = None, entity: Text = None, after: After = None, at: At = 0, lang: Text = None):
    page = c.article_list(outlet=outlet or None, since=since or None, until=until or None, entity=entity or None,
                          limit=PAGE, after=after, language=lang or None)
    return _render(request, "articles.html", page=page, pager=_cursor_pager(page, request, at), outlets=c.outlets(),
                   filters={"outlet": outlet or "", "since": since or "", "until": until or "",
                            "entity": entity or "", "lang": lang or ""}, active="articles")


@router.get("/articles/{article_id}")
def article(request: Request, c: ReadCorpus, article_id: ArticleId):
    found = c.article_detail(article_id)
    if found is None:
        raise ApiError(404, "not_found", f"No article with id {article_id!r} in this store.")
    paragraphs = pieces(found["body"], found["mentions"] + _event_marks(found["events"]))
    return _render(request, "article.html", a=found, paragraphs=paragraphs, rtl=RTL_LANGUAGES, active="articles")


def _event_marks(events: list[dict]) -> list[dict]:
    """Spans to highlight for an article's events: each trigger, and each date its sentence spells."""
    marks = []
    for e in events:
        if isinstance(e.get("trigger_start"), int) and isinstance(e.get("trigger_end"), int):
            marks.append({"start": e["trigger_start"], "end": e["trigger_end"], "event": e})
        if isinstance(e.get("date_start_offset"), int):
            marks.append({"start": e["date_start_offset"], "end": e["date_end_offset"], "date": e})
    return marks


@router.get("/entities")
def entities(request: Request, c: ReadCorpus, type: EntityType = None, country: Code = None,
             q: Text = None, offset: Offset = 0):
    page = c.entity_page(type=type or None, country=country or None, name=q or None, limit=PAGE, offset=offset)
    types = c.entity_types()
    return _render(request, "entities.html", page=page, pager=_pager(page, request), types=types,
                   filters={"type": type or "", "country": country or "", "q": q or ""}, active="entities")


@router.get("/entities/{entity_id}")
def entity(request: Request, c: ReadCorpus, entity_id: ItemId):
    found = c.entity_by_id(entity_id)
    if found is None:
        raise ApiError(404, "not_found", f"No actor with id {entity_id!r} in this store.")
    return _render(request, "entity.html", e=found, active="entities")


@router.get("/search")
def search(request: Request, c: ReadCorpus,
           q: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS)] = None, after: After = None, at: At = 0):
    page = c.search_page(q, PAGE, after=after) if q and q.strip() else None
    results = [(item, snippet_pieces(item["snippet"])) for item in page.items] if page else []
    return _render(request, "search.html", q=q or "", page=page, results=results,
                   pager=_cursor_pager(page, request, at) if page else None, active="search")


@router.get("/events")
def events(request: Request, c: ReadCorpus):
    has = c.has("events")
    return _render(request, "events.html", note=None if has else c.not_yet("events"), types=c.event_types(),
                   active="events")


@router.get("/map")
def map_page(request: Request, c: ReadCorpus):
    has = c.has("events")
    return _render(request, "map.html", note=None if has else c.not_yet("events"), active="map")


@router.get("/clusters")
def clusters(request: Request, c: ReadCorpus, q: Text = None,
             min_size: Annotated[int, Query(ge=1, le=100_000)] = 1, after: After = None, at: At = 0):
    page = c.cluster_page(title=q or None, min_size=min_size, limit=PAGE, after=after)
    return _render(request, "clusters.html", page=page, pager=_cursor_pager(page, request, at),
                   filters={"q": q or "", "min_size": min_size}, active="clusters")


@router.get("/clusters/{cluster_id}")
def cluster(request: Request, c: ReadCorpus, cluster_id: ItemId):
    found = c.cluster(cluster_id)
    if found is None:
        raise ApiError(404, "not_found", f"No cluster with id {cluster_id!r} in this store.")
    return _render(request, "cluster.html", c=found, active="clusters")


@router.get("/stories")
def stories(request: Request, c: ReadCorpus, after: After = None, at: At = 0):
    page = c.story_page(limit=PAGE, after=after)
    return _render(request, "stories.html", page=page, pager=_cursor_pager(page, request, at), active="stories")


@router.get("/stories/{story_id}")
def story(request: Request, c: ReadCorpus, story_id: ItemId):
    found = c.story(story_id)
    if found is None:
        raise ApiError(404, "not_found", f"No story with id {story_id!r} in this store.")
    return _render(request, "story.html", s=found, active="stories")


__all__ = ["router"]
