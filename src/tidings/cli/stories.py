"""Commands over merged events and stories: stories, story, timeline, contradictions, dyads."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ..errors import TidingsError
from .common import (
    EXIT_ERROR,
    EXIT_USAGE,
    DbOpt,
    JsonOpt,
    _fail,
    _open_store,
    app,
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
    db: DbOpt = Path("tidings.db"),
    limit: Annotated[int, typer.Option(help="At most this many.")] = 100,
    as_json: JsonOpt = False,
) -> None:
    """List stories (clusters threaded over time), biggest first: span, clusters, articles, actors, title."""
    from ..store.stories import story_rows

    try:
        with _open_store(db) as store:
            rows = story_rows(store.connection)[:limit]
    except TidingsError as e:
        _fail(e)
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
    db: DbOpt = Path("tidings.db"),
    as_json: JsonOpt = False,
) -> None:
    """Show one story: title, span, actors, a cited summary and its dated timeline of merged events."""
    from ..corpus.stories import story_record, timeline
    from ..store.stories import find_story, story_rows

    try:
        with _open_store(db) as store:
            found = find_story(store.connection, story_id)
            rows = story_rows(store.connection, [found]) if found else []
            entries = timeline(store.connection, found) if rows else []
            record = story_record(store.connection, rows[0]) if rows else None
    except TidingsError as e:
        _fail(e)
    if not rows:
        err.print(f"No story {story_id!r}. `tidings stories` lists them.")
        raise typer.Exit(EXIT_ERROR)
    r = rows[0]
    if as_json:
        emit_json({**record, "summary": r["summary"]})
        return
    out.print(f"[bold]{r['title'] or '(no title)'}[/] ({r['id']}): {len(r['cluster_ids'])} clusters, "
              f"{len(r['article_ids'])} articles, {r['start'] or '?'} to {r['end'] or '?'}")
    out.print("actors: " + ", ".join(a["name"] for a in r["actors"][:10]), markup=False, highlight=False)
    for s in r["summary"]:
        out.print(f"  {s['text']} [{s['article_id'][:12]}]", markup=False, highlight=False)
    _timeline_table(entries)


def _timeline_table(entries: list[dict]) -> None:
    table = Table("date", "type", "who", "sources", "!", "text", "articles")
    for e in entries:
        table.add_row(e["date"], e["event_type"], _parties(e), str(e["num_sources"]),
                      str(e["contradictions"] or ""), e["text"], " ".join(a[:8] for a in e["citations"]))
    out.print(table)


@app.command("timeline")
def timeline_cmd(
    db: DbOpt = Path("tidings.db"),
    actor: ActorOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    story_id: Annotated[str | None, typer.Option("--story", help="Only the merged events of this story.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 500,
    as_json: JsonOpt = False,
) -> None:
    """A dated timeline of asserted merged events, oldest first, each citing the articles that report it."""
    from ..corpus.stories import timeline
    from ..store.stories import find_story

    try:
        with _open_store(db) as store:
            sid = find_story(store.connection, story_id) if story_id else None
            if story_id and sid is None:
                err.print(f"No story {story_id!r}. `tidings stories` lists them.")
                raise typer.Exit(EXIT_ERROR)
            entries = timeline(store.connection, sid, tuple(actor or ()), date_from, date_to,
                               per_cluster=None)[:limit]
    except TidingsError as e:
        _fail(e)
    if as_json:
        for e in entries:
            emit_json(e)
        return
    _timeline_table(entries)


@app.command()
def contradictions(
    db: DbOpt = Path("tidings.db"),
    actor: ActorOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    limit: Annotated[int, typer.Option(help="At most this many merged events.")] = 200,
    as_json: JsonOpt = False,
) -> None:
    """Merged events whose sources disagree (date, a number, the place, an actor), each side citing its article."""
    from ..store.stories import MergedFilter, merged_record, merged_rows

    try:
        with _open_store(db) as store:
            rows = list(merged_rows(store.connection, MergedFilter(
                actors=tuple(actor or ()), date_from=date_from, date_to=date_to, modality=None,
                contradicted=True, limit=limit)))
    except TidingsError as e:
        _fail(e)
    if as_json:
        for r in rows:
            emit_json(merged_record(r))
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
    db: DbOpt = Path("tidings.db"),
    actor: ActorOpt = None,
    by: Annotated[str, typer.Option("--by", help="Period: day, week, month or year.")] = "month",
    level: Annotated[str, typer.Option("--level", help="Pair entities, or their countries (country).")] = "entity",
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Cooperation and conflict per actor pair (unordered) and period, from merged events: counts and intensity."""
    from ..corpus.dyads import PERIODS, store_dyads

    if by not in PERIODS or level not in ("entity", "country"):
        err.print(f"--by takes one of {', '.join(PERIODS)}; --level takes entity or country.")
        raise typer.Exit(EXIT_USAGE)
    try:
        with _open_store(db) as store:
            points = store_dyads(store.connection, by, level, tuple(actor or ()), date_from, date_to)
    except TidingsError as e:
        _fail(e)
    if as_json:
        for p in points:
            emit_json(p.record())
        return
    table = Table("pair", "period", "events", "coop", "conflict", "q1", "q2", "q3", "q4", "intensity sum", "mean")
    for p in points:
        r = p.record()
        table.add_row(f"{p.a_name} / {p.b_name}", p.period, str(p.events), str(p.cooperation), str(p.conflict),
                      str(r["verbal_coop"]), str(r["material_coop"]), str(r["verbal_conflict"]),
                      str(r["material_conflict"]), f"{p.intensity_sum:.1f}", f"{p.intensity_mean:.2f}")
    out.print(table)
