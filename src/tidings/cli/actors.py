"""Commands over resolved actors: entities, entity."""
from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from .common import EXIT_ERROR, DbOpt, JsonOpt, app, corpus, emit_json, err, out


@app.command()
def entities(
    db: DbOpt = None,
    type_: Annotated[str | None, typer.Option("--type", help="Only this type: PER, COUNTRY, GROUP, IGO, AGENCY, MEDIA, ORG.")] = None,
    country: Annotated[str | None, typer.Option(help="Only actors of this country (ISO3 or IGO code).")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 100,
    as_json: JsonOpt = False,
) -> None:
    """List resolved actors, most mentioned first, with country, sector and counts."""
    with corpus(db) as c:
        rows = c.entity_records(type=type_, country=country, limit=limit)
    if as_json:
        for r in rows:
            emit_json(r)
        return
    table = Table("id", "name", "type", "country", "sector", "mentions", "articles", "aliases seen")
    for r in rows:
        table.add_row(r["id"], r["name"], r["type"], r["country"] or "-", r["sector"] or "-", str(r["mention_count"]),
                      str(r["article_count"]), ", ".join(r["aliases"][:5]))
    out.print(table)


@app.command()
def entity(
    name: Annotated[str, typer.Argument(help="An entity id, its name, or any spelling seen in the articles.")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one actor: aliases, roles with dates, mention and article counts, the actors it appears with."""
    with corpus(db) as c:
        rows = c.entities_named(name)
    if not rows:
        err.print(f"No actor named {name!r}. `tidings entities` lists them.")
        raise typer.Exit(EXIT_ERROR)
    for r in rows:
        if as_json:
            emit_json(r)
            continue
        out.print(f"[bold]{r['name']}[/] ({r['id']}) {r['type']} {r['country'] or '-'}/{r['sector'] or '-'}: "
                  f"{r['mention_count']} mentions in {r['article_count']} articles")
        out.print(f"[dim]   aliases[/] {', '.join(r['aliases']) or '-'}", markup=True, highlight=False)
        for role in r["roles"]:
            out.print(f"[dim]      role[/] {role['title'] or '-'} {role['country']}/{role['sector']} "
                      f"{role['start'] or '?'} .. {role['end'] or ''} ({role['source']})", highlight=False)
        out.print("[dim]with[/] " + (", ".join(f"{w['name']} ({w['sentences']})" for w in r["appears_with"]) or "-"))
