"""Scaling out: `tidings shard` runs the per-article stages into Parquet shards, or loads shards into a store."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from ..errors import ConfigError
from .common import (
    EXIT_OK,
    EXIT_SOME_FAILED,
    ConfigOpt,
    DbOpt,
    app,
    corpus,
    err,
    handled,
    out,
    settings_for,
)


@app.command()
def shard(
    paths: Annotated[list[str] | None, typer.Argument(help="Files, folders (recursive) or glob patterns.")] = None,
    out_dir: Annotated[Path | None, typer.Option("--out", help="Folder to write the Parquet shards to.")] = None,
    engine: Annotated[str | None, typer.Option(help="Where the per-article stages run: local or ray.")] = None,
    address: Annotated[str | None, typer.Option(
        help="With --engine ray: the cluster to join (auto, HOST:PORT, ray://HOST:PORT); default a local Ray.")] = None,
    workers: Annotated[int | None, typer.Option(help="Processes (local) or CPUs (ray) for the per-article stages.")] = None,
    batch: Annotated[int | None, typer.Option(help="Articles per batch: one shard file per batch and record type.")] = None,
    load: Annotated[Path | None, typer.Option("--load", help="Load this shard folder into --db instead.")] = None,
    db: DbOpt = None,
    config: ConfigOpt = None,
) -> None:
    """Run the per-article stages into Parquet shards (--engine local|ray), or --load shards into a store."""
    from ..shards import load_shards, write_shards  # loads spaCy: only for this command

    started = time.monotonic()
    if load is not None:
        with handled():
            if paths or out_dir:
                raise ConfigError("Give either PATH... --out DIR (write shards) or --load DIR (read them), not both.")
        with corpus(db, config, workers=workers) as c:
            report = load_shards(load, c)
        out.print(f"[bold]{report.new}[/] new articles, {report.known} already stored, "
                  f"[red]{report.failed}[/] failures recorded, from {load} into {c.path} "
                  f"in {time.monotonic() - started:.1f}s.")
        raise typer.Exit(EXIT_OK if report.ok else EXIT_SOME_FAILED)
    with handled():
        settings = settings_for(None, config, workers=workers, engine=engine, ray_address=address)
        if not paths or out_dir is None:
            raise ConfigError("Give the inputs and where to write: `tidings shard PATH... --out DIR`.")
        result = write_shards(paths, out_dir, settings, batch_items=batch,
                              on_batch=lambda r: err.print(f"  batch {r.batches}: {r.articles} articles, "
                                                           f"{len(r.failures)} failed", highlight=False))
    out.print(f"[bold]{result.articles}[/] articles, [red]{len(result.failures)}[/] failed, in "
              f"{result.batches} batches written to {out_dir} with the {settings.engine} engine "
              f"in {time.monotonic() - started:.1f}s.")
    for f in result.failures[:20]:
        out.print(f"  [red]failed[/] {f.origin}: {f.error}")
    raise typer.Exit(EXIT_OK if not result.failures else EXIT_SOME_FAILED)
