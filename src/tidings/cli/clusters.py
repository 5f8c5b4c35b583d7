"""Commands over same-event clusters: clusters, cluster."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ..errors import TidingsError
from .common import EXIT_ERROR, DbOpt, JsonOpt, _fail, _open_store, app, emit_json, err, out


@app.command()
def clusters(
    db: DbOpt = Path("tidings.db"),
    min_size: Annotated[int, typer.Option("--min-size", help="Only clusters of at least this many articles.")] = 1,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 100,
    as_json: JsonOpt = False,
) -> None:
    """List same-event clusters, biggest first: size, sources, dates and title."""
    from ..store.corpus import cluster_rows

    try:
        with _open_store(db) as store:
            rows = [r for r in cluster_rows(store.connection) if len(r.article_ids) >= min_size][:limit]
    except TidingsError as e:
        _fail(e)
    if as_json:
        for r in rows:
            emit_json({**r.record(), "num_articles": len(r.article_ids), "num_sources": r.num_sources,
                   "outlets": r.outlets})
        return
    table = Table("id", "articles", "sources", "start", "end", "title")
    for r in rows:
        table.add_row(r.id, str(len(r.article_ids)), str(r.num_sources), r.start or "-", r.end or "-",
                      r.title or "(no title)")
    out.print(table)
    if not rows:
        err.print("No clusters yet: `tidings ingest` places every article it stores in one.")


@app.command()
def cluster(
    cluster_id: Annotated[str, typer.Argument(help="A cluster id (or a unique prefix), or the id of an article in it.")],
    db: DbOpt = Path("tidings.db"),
    as_json: JsonOpt = False,
) -> None:
    """Show one cluster: its span, sources and articles (outlet, date, title, copies)."""
    from ..store.corpus import cluster_rows, find_cluster

    try:
        with _open_store(db) as store:
            found = find_cluster(store.connection, cluster_id)
            rows = cluster_rows(store.connection, [found]) if found else []
            articles = [store.article(a) for a in rows[0].article_ids] if rows else []
    except TidingsError as e:
        _fail(e)
    if not rows:
        err.print(f"No cluster {cluster_id!r}. `tidings clusters` lists them.")
        raise typer.Exit(EXIT_ERROR)
    r = rows[0]
    if as_json:
        emit_json({**r.record(), "num_articles": len(r.article_ids), "num_sources": r.num_sources,
                   "articles": [{"id": a.id, "outlet": a.outlet, "published": a.published,
                                 "title": a.title, "near_duplicate_of": a.near_duplicate_of}
                                for a in articles if a is not None]})
        return
    out.print(f"[bold]{r.title or '(no title)'}[/] ({r.id}): {len(r.article_ids)} articles, "
              f"{r.num_sources} sources, {r.start or '?'} to {r.end or '?'}")
    table = Table("article", "published", "outlet", "title", "copy of")
    for a in articles:
        if a is not None:
            table.add_row(a.id[:12], a.published or "-", a.outlet or "-", a.title or "(no title)",
                          (a.near_duplicate_of or "")[:12] or "-")
    out.print(table)
