"""`tidings eval TASK GOLD`: run tidings on a public gold set in its own format and score it with the benchmark's metric."""
from __future__ import annotations

import importlib
from pathlib import Path

from ..config import Settings
from ..errors import ConfigError
from .common import EvalReport, Postprocess, Progress, TaskRunner

# Tasks with something tuned on data: they take folds=K (grouped K-fold cross-validation). The
# others rest on broad rules and libraries only, so their figure is the same with or without folds.
TUNED = frozenset({"clusters", "events", "geo"})

# Task name -> "module:function" of its TaskRunner, imported only when that task runs
# (later tasks need spaCy or gazetteers; articles and pubdates do not). Add a task here.
TASKS: dict[str, str] = {
    "articles": "tidings.eval.articles:run",
    "pubdates": "tidings.eval.pubdates:run",
    "actors": "tidings.eval.actors:run",
    "events": "tidings.eval.events:run",
    "geo": "tidings.eval.geo:run",
    "timex": "tidings.eval.timex:run",
    "clusters": "tidings.eval.clusters:run",
}

__all__ = ["TASKS", "EvalReport", "TaskRunner", "run_eval", "task_runner"]


def task_runner(task: str) -> TaskRunner:
    """The runner registered for a task name; ConfigError listing the known tasks otherwise."""
    target = TASKS.get(task)
    if target is None:
        raise ConfigError(f"Unknown eval task {task!r}. Known tasks: {', '.join(sorted(TASKS))}.")
    module, _, function = target.partition(":")
    return getattr(importlib.import_module(module), function)


def run_eval(task: str, gold: Path, out: Path, settings: Settings, progress: Progress | None = None,
             postprocess: Postprocess | None = None, folds: int | None = None) -> EvalReport:
    """Run one benchmark: write one prediction per line to out and return the scores.

    progress(done, total) is called as documents are scored; postprocess, when given, is
    applied to each predicted text before scoring (the lead scores the full pipeline with it).
    folds=K adds the grouped K-fold cross-validated scores for a task that tunes anything on data.
    """
    if folds is not None and folds < 2:
        raise ConfigError(f"--folds must be at least 2, got {folds}.")
    runner = task_runner(task)
    if folds is None or task not in TUNED:
        report = runner(Path(gold), Path(out), settings, progress=progress, postprocess=postprocess)
        if folds is not None:
            report.notes.append(f"--folds {folds}: nothing in this task is tuned on gold records (it rests on "
                                "broad rules and libraries), so the cross-validated figure is this one")
        return report
    return runner(Path(gold), Path(out), settings, progress=progress, postprocess=postprocess, folds=folds)
