"""Commands over resolved actors: entities, entity."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from ..errors import TidingsError
from .common import (
    EXIT_ERROR,
    DbOpt,
    JsonOpt,
    _fail,
    _open_store,
    _settings,
    app,
    emit_json,
    err,
    out,
)


@app.command()
def entities(
    db: DbOpt = Path("tidings.db"),
    type_: Annotated[str | None, typer.Option("--type", help="Only this type: PER, COUNTRY, GROUP, IGO, AGENCY, MEDIA, ORG.")] = None,
    country: Annotated[str | None, typer.Option(help="Only actors of this country (ISO3 or IGO code).")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 100,
    as_json: JsonOpt = False,
) -> None:
    """List resolved actors, most mentioned first, with country, sector and counts."""
    from ..actors.stage import knowledge_base
    from ..store.actors import entity_rows

    try:
        with _open_store(db) as store:
            rows = entity_rows(store.connection, knowledge_base(_settings()), type=type_, country=country)[:limit]
    except TidingsError as e:
        _fail(e)
    if as_json:
        for r in rows:
            emit_json(r.record())
        return
    table = Table("id", "name", "type", "country", "sector", "mentions", "articles", "aliases seen")
    for r in rows:
        table.add_row(r.id, r.name, r.type, r.country or "-", r.sector or "-", str(r.mention_count),
                      str(r.article_count), ", ".join(r.aliases[:5]))
    out.print(table)


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="An entity id, its name, or any spelling seen in the articles.")],
    db: DbOpt = Path("tidings.db"),
    as_json: JsonOpt = False,
) -> None:
    """Show one actor: aliases, roles with dates, mention and article counts, the actors it appears with."""
    from ..actors.stage import knowledge_base
    from ..store.actors import co_actors, entity_rows, find_entities

    try:
        with _open_store(db) as store:
            conn = store.connection
            ids = find_entities(conn, name)
            rows = entity_rows(conn, knowledge_base(_settings()), ids=ids) if ids else []
            partners = {r.id: co_actors(conn, r.id) for r in rows}
    except TidingsError as e:
        _fail(e)
    if not rows:
        err.print(f"No actor named {name!r}. `tidings entities` lists them.")
        raise typer.Exit(EXIT_ERROR)
    for r in rows:
        with_ = [{"id": i, "name": n, "sentences": k} for i, n, k in partners[r.id]]
        if as_json:
            emit_json({**r.record(), "appears_with": with_})
            continue
        out.print(f"[bold]{r.name}[/] ({r.id}) {r.type} {r.country or '-'}/{r.sector or '-'}: "
                  f"{r.mention_count} mentions in {r.article_count} articles")
        out.print(f"[dim]   aliases[/] {', '.join(r.aliases) or '-'}", markup=True, highlight=False)
        for role in r.roles:
            out.print(f"[dim]      role[/] {role['title'] or '-'} {role['country']}/{role['sector']} "
                      f"{role['start'] or '?'} .. {role['end'] or ''} ({role['source']})", highlight=False)
        out.print("[dim]with[/] " + (", ".join(f"{w['name']} ({w['sentences']})" for w in with_) or "-"))
