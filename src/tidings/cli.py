"""The tidings command line: parse arguments, call the library, render with rich. Nothing else lives here."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .config import Settings
from .errors import TidingsError

# Exit codes, documented in docs/cli.md.
EXIT_OK = 0
EXIT_SOME_FAILED = 1     # the run finished, but some inputs could not be ingested (see `tidings failures`)
EXIT_USAGE = 2           # bad command-line arguments
EXIT_ERROR = 3           # tidings could not run: a bad setting, an unreadable store, a bad gold folder

app = typer.Typer(
    help="tidings: raw news from many outlets in, a checkable record of who did what to whom out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

DbOpt = Annotated[Path, typer.Option("--db", help="SQLite store file.", envvar="TIDINGS_DB")]
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", help="Settings TOML file (default ./tidings.toml).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON lines instead of a table.")]


def _settings(config: Path | None = None, **overrides) -> Settings:
    return Settings.load(config_file=config, **overrides)


def _open_store(db: Path):
    from .store import Store

    return Store.open(db)


def _fail(e: TidingsError) -> None:
    err.print(f"[bold red]error:[/] {e}")
    raise typer.Exit(EXIT_ERROR)


@app.callback(invoke_without_command=True)
def _main(version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False) -> None:
    if version:
        out.print(f"tidings {__version__}")
        raise typer.Exit()


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), glob patterns, or - for stdin.")],
    db: DbOpt = Path("tidings.db"),
    config: ConfigOpt = None,
    workers: Annotated[Optional[int], typer.Option(help="Processes for the per-article stages.")] = None,
    reprocess: Annotated[bool, typer.Option(help="Process origins already in the store again.")] = False,
    max_item_mb: Annotated[Optional[float], typer.Option(help="Cap on one article's size in MiB.")] = None,
) -> None:
    """Ingest news inputs (text, HTML, JSON lines, RSS/Atom, WARC, .gz) into the store."""
    from .pipeline import ingest as run_ingest

    try:
        overrides = {"workers": workers}
        if max_item_mb is not None:
            overrides["max_item_bytes"] = int(max_item_mb * (1 << 20))
        settings = _settings(config, **overrides)
        started = time.monotonic()
        with _open_store(db) as store, Progress(
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
            report = run_ingest(paths, store, settings, stdin=stdin, on_item=tick, reprocess=reprocess)
            tick(report)
    except TidingsError as e:
        _fail(e)
    elapsed = time.monotonic() - started
    out.print(
        f"[bold]{report.new}[/] new articles, {report.known} already stored (origin recorded), "
        f"{report.skipped} origins skipped, [red]{report.failed}[/] failed, "
        f"{report.boilerplate_swept} cleaned of outlet boilerplate, in {elapsed:.1f}s."
    )
    for f in report.failures[:20]:
        out.print(f"  [red]failed[/] {f.origin}: {f.error}")
    if report.failed > 20:
        out.print(f"  ... and {report.failed - 20} more: run `tidings failures --db {db}`.")
    raise typer.Exit(EXIT_OK if report.ok else EXIT_SOME_FAILED)


@app.command()
def summary(db: DbOpt = Path("tidings.db")) -> None:
    """What the store holds: articles per outlet, date range, failures."""
    try:
        with _open_store(db) as store:
            s = store.summary()
            failures = list(store.failures())
    except TidingsError as e:
        _fail(e)
    out.print(f"[bold]{db}[/]: {s.n_articles} articles from {s.n_origins} origins; {s.n_failures} inputs failed.")
    out.print(f"Published from {s.first_published or '?'} to {s.last_published or '?'}; {s.n_undated} undated.")
    table = Table("outlet", "articles", title="Articles per outlet")
    for outlet, count in s.per_outlet:
        table.add_row(outlet, str(count))
    out.print(table)
    if failures:
        ft = Table("origin", "why it was not ingested", title="Failures")
        for f in failures:
            ft.add_row(f.origin, f.error)
        out.print(ft)


def _article_row(a) -> dict:
    from .export import article_record

    return article_record(a)


@app.command()
def articles(
    db: DbOpt = Path("tidings.db"),
    outlet: Annotated[Optional[str], typer.Option(help="Only this outlet.")] = None,
    since: Annotated[Optional[str], typer.Option("--from", help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option("--to", help="Published on or before (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 100,
    as_json: JsonOpt = False,
) -> None:
    """List stored articles."""
    try:
        with _open_store(db) as store:
            rows = list(store.articles(outlet=outlet, since=since, until=until, limit=limit))
    except TidingsError as e:
        _fail(e)
    if as_json:
        for a in rows:
            print(json.dumps(_article_row(a), ensure_ascii=False))
        return
    table = Table("id", "published", "outlet", "title", "words")
    for a in rows:
        table.add_row(a.id[:12], a.published or "-", a.outlet or "-", a.title or "(no title)", str(len(a.body.split())))
    out.print(table)


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id or a unique prefix of it (6+ characters).")],
    db: DbOpt = Path("tidings.db"),
    as_json: JsonOpt = False,
) -> None:
    """Show one article: metadata, every origin, and the clean body."""
    try:
        with _open_store(db) as store:
            a = store.article(article_id)
    except TidingsError as e:
        _fail(e)
    if a is None:
        err.print(f"No article with id {article_id!r}. `tidings articles` lists the ids.")
        raise typer.Exit(EXIT_ERROR)
    if as_json:
        print(json.dumps(_article_row(a), ensure_ascii=False, indent=2))
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
def failures(db: DbOpt = Path("tidings.db"), as_json: JsonOpt = False) -> None:
    """Inputs that could not be ingested, and why."""
    try:
        with _open_store(db) as store:
            rows = list(store.failures())
    except TidingsError as e:
        _fail(e)
    if as_json:
        for f in rows:
            print(json.dumps({"origin": f.origin, "error": f.error}, ensure_ascii=False))
        return
    table = Table("origin", "why it was not ingested")
    for f in rows:
        table.add_row(f.origin, f.error)
    out.print(table)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to find in titles and bodies (SQLite FTS5).")],
    db: DbOpt = Path("tidings.db"),
    limit: int = 20,
) -> None:
    """Full-text search over stored articles."""
    try:
        with _open_store(db) as store:
            hits = store.search(query, limit=limit)
    except TidingsError as e:
        _fail(e)
    for a, snippet in hits:
        out.print(f"[bold]{a.id[:12]}[/] {a.published or '-'} {a.outlet or '-'}: {a.title or '(no title)'}")
        out.print(f"    {snippet}", markup=False)


@app.command()
def export(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write the files into.")],
    db: DbOpt = Path("tidings.db"),
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
) -> None:
    """Export the store per the export contract (articles, failures, manifest ...)."""
    from .export import export as run_export

    try:
        with _open_store(db) as store:
            counts = run_export(store, out_dir, fmt)
    except TidingsError as e:
        _fail(e)
    for name, n in counts.items():
        out.print(f"{out_dir / name}: {n} records")


@app.command(name="eval")
def evaluate(
    task: Annotated[str, typer.Argument(help="articles | pubdates (later stages add more).")],
    gold: Annotated[Path, typer.Argument(help="Gold set folder or file, in its published format.")],
    pred_out: Annotated[Path, typer.Option("--out", help="Write one prediction per line here.")] = Path("pred.jsonl"),
    config: ConfigOpt = None,
) -> None:
    """Score tidings on a public gold set and print the benchmark's own metric."""
    from .eval import run_eval

    try:
        settings = _settings(config)
        with Progress(TextColumn(f"[bold]eval {task}"), BarColumn(bar_width=None),
                      TextColumn("{task.completed}/{task.total}"), TimeElapsedColumn(), console=err) as progress:
            bar = progress.add_task(task, total=None)
            report = run_eval(task, gold, pred_out, settings,
                              progress=lambda done, total: progress.update(bar, completed=done, total=total))
    except TidingsError as e:
        _fail(e)
    for line in report.lines():
        out.print(line, markup=False, highlight=False)
    out.print(f"predictions: {pred_out}")



@app.command()
def bench(
    corpus: Annotated[list[str], typer.Argument(help="Folder(s) or files of articles to run through the pipeline.")],
    as_json: Annotated[bool, typer.Option("--json", help="End with one JSON line of figures.")] = False,
    no_spacy: Annotated[bool, typer.Option("--no-spacy", help="Skip spaCy's reference run.")] = False,
    config: ConfigOpt = None,
) -> None:
    """Measure per-article throughput, per-stage seconds and peak memory, beside spaCy's own pipeline."""
    from .bench import run_bench

    try:
        report = run_bench(corpus, _settings(config), spacy_baseline=not no_spacy)
    except TidingsError as e:
        _fail(e)
    figures = report.as_json()
    if not as_json:
        for key, value in figures.items():
            out.print(f"{key:>32}: {value}")
    else:
        print(json.dumps(figures))


@app.command()
def entities(
    db: DbOpt = Path("tidings.db"),
    type_: Annotated[Optional[str], typer.Option("--type", help="Only this type: PER, COUNTRY, GROUP, IGO, AGENCY, MEDIA, ORG.")] = None,
    country: Annotated[Optional[str], typer.Option(help="Only actors of this country (ISO3 or IGO code).")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 100,
    as_json: JsonOpt = False,
) -> None:
    """List resolved actors, most mentioned first, with country, sector and counts."""
    from .actors.stage import knowledge_base
    from .store.actors import entity_rows

    try:
        with _open_store(db) as store:
            rows = entity_rows(store.connection, knowledge_base(_settings()), type=type_, country=country)[:limit]
    except TidingsError as e:
        _fail(e)
    if as_json:
        for r in rows:
            print(json.dumps(r.record(), ensure_ascii=False))
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
    from .actors.stage import knowledge_base
    from .store.actors import co_actors, entity_rows, find_entities

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
            print(json.dumps({**r.record(), "appears_with": with_}, ensure_ascii=False))
            continue
        out.print(f"[bold]{r.name}[/] ({r.id}) {r.type} {r.country or '-'}/{r.sector or '-'}: "
                  f"{r.mention_count} mentions in {r.article_count} articles")
        out.print(f"[dim]   aliases[/] {', '.join(r.aliases) or '-'}", markup=True, highlight=False)
        for role in r.roles:
            out.print(f"[dim]      role[/] {role['title'] or '-'} {role['country']}/{role['sector']} "
                      f"{role['start'] or '?'} .. {role['end'] or ''} ({role['source']})", highlight=False)
        out.print(f"[dim]with[/] " + (", ".join(f"{w['name']} ({w['sentences']})" for w in with_) or "-"))
