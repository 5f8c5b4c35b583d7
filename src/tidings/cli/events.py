"""Commands over coded events: events."""
from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from .common import DbOpt, JsonOpt, app, corpus, emit_json, out


def _names(parties: list[dict]) -> str:
    return ", ".join(f"{p['name']} ({p['country'] or '-'}/{p['sector'] or '-'})" for p in parties) or "-"


@app.command()
def events(
    db: DbOpt = None,
    actor: Annotated[str | None, typer.Option(help="Only events with this actor: entity id, name or country code.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Only events with this recipient: entity id, name or country code.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="Only this PLOVER type (CONSULT, ASSAULT ...).")] = None,
    quad: Annotated[int | None, typer.Option(help="Only this quad class: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict.")] = None,
    modality: Annotated[str | None, typer.Option(help="Only this modality: asserted, negated, hypothetical, future, uncertain.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Only events on or after this ISO date.")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Only events on or before this ISO date.")] = None,
    place: Annotated[str | None, typer.Option(help="Only events located at this place name, admin1 or country code.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 200,
    lang: Annotated[str | None, typer.Option("--lang", help="Only events of articles in this language (ISO 639-1).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List coded PLOVER events: who did what to whom, when, where, and how sure."""
    with corpus(db) as c:
        rows = list(c.event_records(actor=actor, recipient=recipient, event_type=type_, quad=quad, modality=modality,
                                    since=date_from, until=date_to, place=place, limit=limit, language=lang))
    if as_json:
        for r in rows:
            emit_json(r)
        return
    table = Table("date", "type", "mode", "modality", "actors", "recipients", "place", "trigger", "conf")
    for r in rows:
        table.add_row(r["date"] or (f"{r['date_start']}..{r['date_end']}" if r["date_start"] else "-"),
                      r["event_type"], r["mode"] or "-", r["modality"], _names(r["actors"]),
                      _names(r["recipients"]), (r["location"] or {}).get("name") or "-", r["trigger"],
                      f"{r['confidence']:.2f}")
    out.print(table)
