"""Commands that measure tidings: eval on public gold sets, bench for speed and memory."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from ..errors import TidingsError
from .common import (
    ConfigOpt,
    _fail,
    _settings,
    app,
    err,
    out,
)


@app.command(name="eval")
def evaluate(
    task: Annotated[str, typer.Argument(help="articles | pubdates | actors | events | geo | timex | clusters.")],
    gold: Annotated[Path, typer.Argument(help="Gold set folder or file, in its published format.")],
    pred_out: Annotated[Path, typer.Option("--out", help="Write one prediction per line here.")] = Path("pred.jsonl"),
    folds: Annotated[int | None, typer.Option(
        "--folds", help="Grouped K-fold cross-validation of what the task tunes on data (clusters by topic, "
                        "events by record, geo by article); the cross-validated figure is the headline.")] = None,
    config: ConfigOpt = None,
) -> None:
    """Score tidings on a public gold set and print the benchmark's own metric."""
    from ..eval import run_eval

    try:
        settings = _settings(config)
        with Progress(TextColumn(f"[bold]eval {task}"), BarColumn(bar_width=None),
                      TextColumn("{task.completed}/{task.total}"), TimeElapsedColumn(), console=err) as progress:
            bar = progress.add_task(task, total=None)
            report = run_eval(task, gold, pred_out, settings, folds=folds,
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
    workers: Annotated[int | None, typer.Option(help="Processes for the per-article stages, as for ingest.")] = None,
    keep: Annotated[Path | None, typer.Option("--db", help="Keep the store in this file; an existing one takes the inputs as an incremental ingest.")] = None,
    config: ConfigOpt = None,
) -> None:
    """Time `tidings ingest` of the inputs (start-up apart, each stage, peak memory) beside spaCy's own pipeline."""
    from ..bench import run_bench

    try:
        settings = _settings(config, **({"workers": workers} if workers is not None else {}))
        report = run_bench(corpus, settings, spacy_baseline=not no_spacy, keep=keep)
    except TidingsError as e:
        _fail(e)
    figures = report.as_json()
    if not as_json:
        for key, value in figures.items():
            out.print(f"{key:>32}: {value}", markup=False, highlight=False)
    else:
        print(json.dumps(figures))


@app.command()
def synth(
    out_dir: Annotated[Path, typer.Option("--out", help="Folder to write the articles to.")],
    articles: Annotated[int, typer.Option("--articles", help="How many articles.")] = 1000,
    seed: Annotated[int, typer.Option(help="The same seed writes the same articles.")] = 0,
    fmt: Annotated[str, typer.Option("--format", help="jsonl (1,000 records a file) or txt (a file each).")] = "jsonl",
) -> None:
    """Write a synthetic news corpus (invented articles about real offices and places) for scale runs."""
    from ..synth import write_corpus

    try:
        files = write_corpus(out_dir, articles, seed, fmt)
    except TidingsError as e:
        _fail(e)
    out.print(f"{articles} articles in {len(files)} files under {out_dir}")
