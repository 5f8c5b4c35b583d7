"""Commands over merged events and stories: stories, story, timeline, contradictions, dyads."""
from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from ..api import LEVELS, PERIODS
from .common import (
    EXIT_ERROR,
    EXIT_USAGE,
    DbOpt,
    JsonOpt,
    app,
    corpus,
    emit_json,
    err,
    out,
)

ActorOpt = Annotated[list[str] | None, typer.Option(
    "--actor", help="Only with this actor (entity id, name or country code); give it twice for a pair.")]
FromOpt = Annotated[str | None, typer.Option("--from", help="Only on or after this ISO date.")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Only on or before this ISO date.")]


def _parties(rec: dict) -> str:
    names = [p["name"] for p in rec["actors"]]
    to = [p["name"] for p in rec["recipients"]]
    return ", ".join(names) + (f" -> {', '.join(to)}" if to else "") or "-"


@app.command()
def stories(
    db: DbOpt = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 100,
    as_json: JsonOpt = False,
) -> None:
    """List stories (clusters threaded over time), biggest first: span, clusters, articles, actors, title."""
    with corpus(db) as c:
        rows = c.story_list(limit)
    if as_json:
        for r in rows:
            emit_json({k: r[k] for k in ("id", "title", "cluster_ids", "article_ids", "actors", "start", "end")})
        return
    table = Table("id", "start", "end", "clusters", "articles", "actors", "title")
    for r in rows:
        table.add_row(r["id"], r["start"] or "-", r["end"] or "-", str(len(r["cluster_ids"])),
                      str(len(r["article_ids"])), ", ".join(a["name"] for a in r["actors"][:4]),
                      r["title"] or "(no title)")
    out.print(table)
    if not rows:
        err.print("No stories yet: `tidings ingest` threads every cluster into one.")


@app.command()
def story(
    story_id: Annotated[str, typer.Argument(help="A story id (or unique prefix), a cluster id or an article id in it.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one story: title, span, actors, a cited summary and its dated timeline of merged events."""
    with corpus(db) as c:
        r = c.story_view(story_id)
    if r is None:
        err.print(f"No story {story_id!r}. `tidings stories` lists them.")
        raise typer.Exit(EXIT_ERROR)
    if as_json:
        emit_json({**r["record"], "summary": r["summary"]})
        return
    out.print(f"[bold]{r['title'] or '(no title)'}[/] ({r['id']}): {len(r['cluster_ids'])} clusters, "
              f"{len(r['article_ids'])} articles, {r['start'] or '?'} to {r['end'] or '?'}")
    out.print("actors: " + ", ".join(a["name"] for a in r["actors"][:10]), markup=False, highlight=False)
    for s in r["summary"]:
        out.print(f"  {s['text']} [{s['article_id'][:12]}]", markup=False, highlight=False)
    _timeline_table(r["timeline"])


def _timeline_table(entries: list[dict]) -> None:
    table = Table("date", "type", "who", "sources", "!", "text", "articles")
    for e in entries:
        table.add_row(e["date"], e["event_type"], _parties(e), str(e["num_sources"]),
                      str(e["contradictions"] or ""), e["text"], " ".join(a[:8] for a in e["citations"]))
    out.print(table)


@app.command("timeline")
def timeline_cmd(
    db: DbOpt = None,
    actor: ActorOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    story_id: Annotated[str | None, typer.Option("--story", help="Only the merged events of this story.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 500,
    as_json: JsonOpt = False,
) -> None:
    """A dated timeline of asserted merged events, oldest first, each citing the articles that report it."""
    with corpus(db) as c:
        if story_id and c.find_story(story_id) is None:
            err.print(f"No story {story_id!r}. `tidings stories` lists them.")
            raise typer.Exit(EXIT_ERROR)
        entries = c.merged_timeline(tuple(actor or ()), date_from, date_to, story=story_id)[:limit]
    if as_json:
        for e in entries:
            emit_json(e)
        return
    _timeline_table(entries)


@app.command()
def contradictions(
    db: DbOpt = None,
    actor: ActorOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    limit: Annotated[int, typer.Option(help="At most this many merged events.")] = 200,
    as_json: JsonOpt = False,
) -> None:
    """Merged events whose sources disagree (date, a number, the place, an actor), each side citing its article."""
    with corpus(db) as c:
        rows = c.merged_records(tuple(actor or ()), date_from, date_to, modality=None, contradicted=True, limit=limit)
    if as_json:
        for r in rows:
            emit_json(r)
        return
    table = Table("date", "type", "who", "field", "value", "outlet", "article", "sentence")
    for r in rows:
        for c in r["contradictions"]:
            for v in c["values"]:
                table.add_row(r["date"] or r["date_start"] or "-", r["event_type"], _parties(r), c["field"],
                              v["value"], v["outlet"] or "-", v["article_id"][:12], v["text"])
    out.print(table)
    if not rows:
        err.print("No contradictions: no merged event has sources that disagree.")


@app.command()
def dyads(
    db: DbOpt = None,
    actor: ActorOpt = None,
    by: Annotated[str | None, typer.Option("--by", help="One row per period: day, week, month or year (default: totals).")] = None,
    level: Annotated[str, typer.Option("--level", help="Pair entities, or their countries (country).")] = "entity",
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    modality: Annotated[str, typer.Option(help="Only merged events of this modality: asserted, negated, hypothetical, future, uncertain.")] = "asserted",
    limit: Annotated[int | None, typer.Option(help="At most this many rows.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Cooperation and conflict per actor pair (and period), counted in merged events: one event many outlets reported counts once."""
    if (by is not None and by not in PERIODS) or level not in LEVELS or len(actor or ()) > 2:
        err.print(f"--by takes one of {', '.join(PERIODS)}; --level takes entity or country; --actor at most twice.")
        raise typer.Exit(EXIT_USAGE)
    a, b = (list(actor or ()) + [None, None])[:2]
    with corpus(db) as c:
        rows = c.dyads(a=a, b=b, period=by, level=level, since=date_from, until=date_to, modality=modality,
                       limit=limit)
    if as_json:
        for r in rows:
            emit_json(r)
        return
    table = Table("pair", "period", "events", "coop", "conflict", "q1", "q2", "q3", "q4", "intensity", "articles",
                  "sources", "first", "last")
    for r in rows:
        q = r["quad"]
        table.add_row(f"{r['a_name']} / {r['b_name']}", r["period"] or "all", str(r["events"]), str(r["cooperation"]),
                      str(r["conflict"]), str(q["1"]), str(q["2"]), str(q["3"]), str(q["4"]),
                      "-" if r["intensity"] is None else f"{r['intensity']:.2f}", str(r["articles"]),
                      str(r["sources"]), r["first"] or "-", r["last"] or "-")
    out.print(table)
    if not rows:
        err.print("No dyads: no merged event pairs two actors under these filters.")
