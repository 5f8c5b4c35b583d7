"""Shared pieces of the command line: the typer app, consoles, exit codes, common options."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from .. import __version__
from ..api import Corpus
from ..api import open as open_corpus
from ..config import Settings
from ..errors import TidingsError

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
# Tables keep their columns readable when piped to a file or a pager (rich assumes 80 columns).
PIPED_WIDTH = 160
out = Console(width=None if sys.stdout.isatty() else PIPED_WIDTH)
err = Console(stderr=True)

DbOpt = Annotated[Path | None, typer.Option(
    "--db", help="SQLite store file (default: the db setting of tidings.toml, else tidings.db).", envvar="TIDINGS_DB")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Settings TOML file (default ./tidings.toml).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON lines instead of a table.")]


def _settings(config: Path | None = None, **overrides) -> Settings:
    return Settings.load(config_file=config, **overrides)


def settings_for(db: Path | None = None, config: Path | None = None, **overrides) -> Settings:
    """The settings of one command: --db (when given) over TIDINGS_DB over tidings.toml over the default."""
    if db is not None:
        overrides["db"] = db
    return _settings(config, **overrides)


def _fail(e: TidingsError) -> None:
    err.print(f"[bold red]error:[/] {escape(str(e))}")  # the message is text, not markup ("tidings[ray]")
    raise typer.Exit(EXIT_ERROR)


@contextmanager
def handled() -> Iterator[None]:
    """Turn any TidingsError raised in the block into the one red error line and exit code 3."""
    try:
        yield
    except TidingsError as e:
        _fail(e)


@contextmanager
def corpus(db: Path | None = None, config: Path | None = None, **overrides) -> Iterator[Corpus]:
    """The store a command works on, opened through the Python API (--db, else the db setting);
    any TidingsError inside the block ends the command with the one red error line and exit code 3."""
    with handled():
        settings = settings_for(db, config, **overrides)
        with open_corpus(settings.db, settings) as c:
            yield c


@app.callback(invoke_without_command=True)
def _main(version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False) -> None:
    if version:
        out.print(f"tidings {__version__}")
        raise typer.Exit()


def emit_json(record) -> None:
    """One record as one JSON line on stdout (the --json output of every listing command)."""
    print(json.dumps(record, ensure_ascii=False))
