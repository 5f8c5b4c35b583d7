"""Commands over the article store: ingest, summary, articles, show, failures, search, export."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..export import article_record, failure_record
from .common import (
    EXIT_ERROR,
    EXIT_OK,
    EXIT_SOME_FAILED,
    ConfigOpt,
    DbOpt,
    JsonOpt,
    app,
    corpus,
    emit_json,
    err,
    out,
)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), glob patterns, or - for stdin.")],
    db: DbOpt = None,
    config: ConfigOpt = None,
    workers: Annotated[int | None, typer.Option(help="Processes (local) or CPUs of a local Ray for the per-article stages.")] = None,
    engine: Annotated[str | None, typer.Option(help="Where the per-article stages run: local or ray.")] = None,
    address: Annotated[str | None, typer.Option(
        help="With --engine ray: the cluster to join (auto, HOST:PORT, ray://HOST:PORT); default a local Ray.")] = None,
    reprocess: Annotated[bool, typer.Option(help="Process origins already in the store again.")] = False,
    max_item_mb: Annotated[float | None, typer.Option(help="Cap on one article's size in MiB.")] = None,
) -> None:
    """Ingest news inputs (text, HTML, JSON lines, RSS/Atom, WARC, .gz) into the store."""
    overrides = {"workers": workers, "engine": engine, "ray_address": address}
    if max_item_mb is not None:
        overrides["max_item_bytes"] = int(max_item_mb * (1 << 20))
    started = time.monotonic()
    with corpus(db, config, **overrides) as c:
        where = c.path
        with Progress(
            TextColumn("[bold]ingest"),
            BarColumn(bar_width=None),
            TextColumn("{task.fields[done]} items  {task.fields[rate]:.1f} articles/s  "
                       "[green]{task.fields[new]} new[/]  [red]{task.fields[failed]} failed[/]"),
            TimeElapsedColumn(),
            console=err,
            transient=False,
        ) as progress:
            task = progress.add_task("ingest", total=None, done=0, rate=0.0, new=0, failed=0)

            def tick(r) -> None:
                done = r.new + r.known + r.skipped + r.failed
                rate = (r.new + r.known) / max(time.monotonic() - started, 1e-6)
                progress.update(task, done=done, rate=rate, new=r.new, failed=r.failed)

            stdin = sys.stdin.buffer if "-" in paths else None
            report = c.ingest(*paths, stdin=stdin, on_item=tick, reprocess=reprocess)
            tick(report)
    elapsed = time.monotonic() - started
    out.print(
        f"[bold]{report.new}[/] new articles, {report.known} already stored (origin recorded), "
        f"{report.skipped} origins skipped, [red]{report.failed}[/] failed, "
        f"{report.boilerplate_swept} cleaned of outlet boilerplate, in {elapsed:.1f}s."
    )
    for f in report.failures[:20]:
        out.print(f"  [red]failed[/] {f.origin}: {f.error}")
    if report.failed > 20:
        out.print(f"  ... and {report.failed - 20} more: run `tidings failures --db {where}`.")
    raise typer.Exit(EXIT_OK if report.ok else EXIT_SOME_FAILED)


@app.command()
def summary(db: DbOpt = None) -> None:
    """What the store holds: articles per outlet, date range, what later stages found, failures."""
    with corpus(db) as c:
        where = c.path
        s = c.summary()
        failures = c.failures()
    out.print(f"[bold]{where}[/]: {s.n_articles} articles from {s.n_origins} origins; {s.n_failures} inputs failed.")
    out.print(f"Published from {s.first_published or '?'} to {s.last_published or '?'}; {s.n_undated} undated.")
    table = Table("outlet", "articles", title="Articles per outlet")
    for outlet, count in s.per_outlet:
        table.add_row(outlet, str(count))
    out.print(table)
    found = Table("found", "count", title="What tidings found")
    for label, count in s.found:
        found.add_row(label, str(count))
    out.print(found)
    if failures:
        ft = Table("origin", "why it was not ingested", title="Failures")
        for f in failures:
            ft.add_row(f.origin, f.error)
        out.print(ft)


@app.command()
def articles(
    db: DbOpt = None,
    outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
    since: Annotated[str | None, typer.Option("--from", help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--to", help="Published on or before (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 100,
    lang: Annotated[str | None, typer.Option("--lang", help="Only articles in this language (ISO 639-1: en, ru, tg, fa, ps, ur ...).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List stored articles."""
    with corpus(db) as c:
        rows = c.articles(outlet=outlet, since=since, until=until, limit=limit, language=lang)
    if as_json:
        for a in rows:
            emit_json(article_record(a))
        return
    table = Table("id", "published", "lang", "outlet", "title", "words")
    for a in rows:
        table.add_row(a.id[:12], a.published or "-", a.language or "-", a.outlet or "-", a.title or "(no title)",
                      str(len(a.body.split())))
    out.print(table)


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id or a unique prefix of it (6+ characters).")],
    db: DbOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one article: metadata, every origin, and the clean body."""
    with corpus(db) as c:
        a = c.article(article_id)
    if a is None:
        err.print(f"No article with id {article_id!r}. `tidings articles` lists the ids.")
        raise typer.Exit(EXIT_ERROR)
    if as_json:
        print(json.dumps(article_record(a), ensure_ascii=False, indent=2))
        return
    out.print(f"[bold]{a.title or '(no title)'}[/]")
    for label, value in [
        ("id", a.id), ("outlet", a.outlet), ("author", a.author), ("wire", a.wire),
        ("published", f"{a.published or '-'}  ({a.published_precision})"), ("dateline", a.dateline),
        ("language", a.language), ("url", a.url), ("origins", ", ".join(a.origins)),
    ]:
        out.print(f"[dim]{label:>10}[/] {value or '-'}")
    out.print()
    out.print(a.body, markup=False, highlight=False)


@app.command()
def failures(db: DbOpt = None, as_json: JsonOpt = False) -> None:
    """Inputs that could not be ingested, and why."""
    with corpus(db) as c:
        rows = c.failures()
    if as_json:
        for f in rows:
            emit_json(failure_record(f))
        return
    table = Table("origin", "why it was not ingested")
    for f in rows:
        table.add_row(f.origin, f.error)
    out.print(table)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find in titles and bodies (SQLite FTS5).")],
    db: DbOpt = None,
    limit: int = 20,
    lang: Annotated[str | None, typer.Option("--lang", help="Only hits in this language (ISO 639-1: en, ru, tg, fa, ps, ur ...).")] = None,
) -> None:
    """Full-text search over stored articles, in any script."""
    with corpus(db) as c:
        hits = c.search(query, limit=limit, language=lang)
    for a, snippet in hits:
        out.print(f"[bold]{a.id[:12]}[/] {a.published or '-'} {a.outlet or '-'}: {a.title or '(no title)'}")
        out.print(f"    {snippet}", markup=False)


@app.command()
def export(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write the files into.")],
    db: DbOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl, csv, parquet or gdelt (a GDELT-style event TSV; see docs/export.md).")] = "jsonl",
    lang: Annotated[str | None, typer.Option("--lang", help="Only the articles (and their events) in this language (ISO 639-1).")] = None,
) -> None:
    """Export the store per the export contract (articles, failures, manifest ...)."""
    from ..export import export as run_export

    with corpus(db) as c:
        counts = run_export(c, out_dir, fmt, language=lang)
    for name, n in counts.items():
        out.print(f"{out_dir / name}: {n} records")


