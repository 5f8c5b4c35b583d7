"""Commands over same-event clusters: clusters, cluster."""
from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from .common import EXIT_ERROR, DbOpt, JsonOpt, app, corpus, emit_json, err, out

LISTED = ("id", "article_ids", "title", "start", "end", "num_articles", "num_sources", "outlets")
ARTICLE_KEYS = ("id", "outlet", "published", "title", "near_duplicate_of")


@app.command()
def clusters(
    db: DbOpt = None,
    min_size: Annotated[int, typer.Option("--min-size", help="Only clusters of at least this many articles.")] = 1,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 100,
    as_json: JsonOpt = False,
) -> None:
    """List same-event clusters, biggest first: size, sources, dates and title."""
    with corpus(db) as c:
        rows = c.clusters(min_size=min_size, limit=limit)
    if as_json:
        for r in rows:
            emit_json({k: r[k] for k in LISTED})
        return
    table = Table("id", "articles", "sources", "start", "end", "title")
    for r in rows:
        table.add_row(r["id"], str(r["num_articles"]), str(r["num_sources"]), r["start"] or "-", r["end"] or "-",
                      r["title"] or "(no title)")
    out.print(table)
    if not rows:
        err.print("No clusters yet: `tidings ingest` places every article it stores in one.")


@app.command()
def cluster(
    cluster_id: Annotated[str, typer.Argument(help="A cluster id (or a unique prefix), or the id of an article in it.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one cluster: its span, sources and articles (outlet, date, title, copies)."""
    with corpus(db) as c:
        r = c.cluster(cluster_id)
    if r is None:
        err.print(f"No cluster {cluster_id!r}. `tidings clusters` lists them.")
        raise typer.Exit(EXIT_ERROR)
    articles = [{k: a[k] for k in ARTICLE_KEYS} for a in r["articles"]]
    if as_json:
        emit_json({**{k: r[k] for k in LISTED if k != "outlets"}, "articles": articles})
        return
    out.print(f"[bold]{r['title'] or '(no title)'}[/] ({r['id']}): {r['num_articles']} articles, "
              f"{r['num_sources']} sources, {r['start'] or '?'} to {r['end'] or '?'}")
    table = Table("article", "published", "outlet", "title", "copy of")
    for a in articles:
        table.add_row(a["id"][:12], a["published"] or "-", a["outlet"] or "-", a["title"] or "(no title)",
                      (a["near_duplicate_of"] or "")[:12] or "-")
    out.print(table)
