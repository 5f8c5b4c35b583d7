"""Ingest orchestration: inputs -> per-article stages -> store, then the corpus stages. It only loops."""
from __future__ import annotations

import functools
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO

from .config import Settings
from .engines.local import ordered_map
from .errors import InputError, TidingsError
from .model.article import Article, Failure, RawDoc


@dataclass
class IngestReport:
    """What one ingest run did."""

    new: int = 0
    known: int = 0            # same content already stored: only the origin was recorded
    skipped: int = 0          # origin already stored, not processed again
    failures: list[Failure] = field(default_factory=list)
    boilerplate_swept: int = 0
    analysed: int = 0         # articles whose actors were (re)computed after the sweep
    recoded: int = 0          # articles whose events were (re)coded after the sweep
    entities_merged: int = 0
    near_duplicates: int = 0  # articles newly linked to the earliest copy of their text
    clustered: int = 0        # articles placed in a same-event cluster

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def ok(self) -> bool:
        return not self.failures


def process(raw: RawDoc, settings: Settings) -> Article | Failure:
    """All per-article stages for one input item; a pure function of (item, settings)."""
    from .extract import build_article

    try:
        return build_article(raw, settings)
    except InputError as e:
        return Failure(raw.origin, e.reason)
    except Exception as e:  # noqa: BLE001 - one bad page must not stop a run of thousands
        where = traceback.extract_tb(e.__traceback__)[-1]
        return Failure(
            raw.origin,
            f"tidings could not process this input ({type(e).__name__}: {e} at "
            f"{where.filename.rsplit('/', 1)[-1]}:{where.lineno}); please report it with the file.",
        )


# Articles per unit of work for the per-article stages: one nlp.pipe call each (the model is
# loaded once per process). 16 keeps progress ticking on the demo corpus without losing words/s.
BATCH_ITEMS = 16


def process_batch(raws: list[RawDoc], settings: Settings) -> list[tuple[Article | Failure, object]]:
    """process() for each item, then the actor and event stages over the articles in one batch: a
    list of (Article, (ArticleActors, ArticleEvents)) or (Failure, None), in input order. Pure given settings."""
    from .events.stage import actors_and_events as actors_for

    results = [process(raw, settings) for raw in raws]
    articles = [r for r in results if isinstance(r, Article)]
    try:
        found = dict(zip((a.id for a in articles), actors_for(articles, settings)))
    except TidingsError:
        raise  # a missing model or a bad KB file stops the run with its own message
    except Exception:  # noqa: BLE001 - retry one by one so one bad article cannot sink its batch
        found = {}
        for a in articles:
            try:
                found[a.id] = actors_for([a], settings)[0]
            except Exception as e:  # noqa: BLE001
                found[a.id] = Failure(a.origin, f"tidings could not find the actors of this article "
                                                f"({type(e).__name__}: {e}); please report it with the file.")
    out: list[tuple[Article | Failure, object]] = []
    for r in results:
        extra = found.get(r.id) if isinstance(r, Article) else None
        out.append((extra, None) if isinstance(extra, Failure) else (r, extra))
    return out


def _batches(items, size: int):
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    paths: list[str],
    store,
    settings: Settings,
    stdin: BinaryIO | None = None,
    on_item: Callable[[IngestReport], None] | None = None,
    reprocess: bool = False,
    stdin_label: str = "<stdin>",
) -> IngestReport:
    """Read every input, build articles, store each in its own transaction, then sweep boilerplate.

    An origin already in the store is skipped unless reprocess is set (stdin is always read;
    stdin_label names where it came from, e.g. one HTTP request, and prefixes its origins).
    """
    from .ingest import iter_inputs

    report = IngestReport()

    def fresh_items():
        for item in iter_inputs(paths, settings, stdin=stdin, stdin_label=stdin_label):
            if isinstance(item, Failure):
                store.add_failure(item)
                report.failures.append(item)
                if on_item:
                    on_item(report)
            elif not reprocess and not (stdin is not None and item.origin.startswith(stdin_label)) and store.has_origin(item.origin):
                report.skipped += 1
                if on_item:
                    on_item(report)
            else:
                yield item

    work = functools.partial(process_batch, settings=settings)
    for _, batch_results in ordered_map(work, _batches(fresh_items(), BATCH_ITEMS), workers=settings.workers):
        for result, found in batch_results:
            store_result(store, result, found, report, settings)
            if on_item:
                on_item(report)
    run_corpus_stages(store, settings, report)
    return report


def store_result(store, result: Article | Failure, found, report: IngestReport, settings: Settings,
                 model: str | None = None, coder: str | None = None) -> None:
    """Store one process_batch() result: a failure, or an article with its actors and events in one
    transaction. model and coder name what produced `found` (default: this process's model and coder)."""
    from .actors.stage import model_name
    from .events.stage import CODER_VERSION
    from .store.actors import needs_analysis, write_actors
    from .store.events import needs_coding, write_events

    if isinstance(result, Failure):
        store.add_failure(result)
        report.failures.append(result)
        return
    model = model or model_name(settings)
    coder = coder or CODER_VERSION

    def extras(conn, status, a=result):
        if found is None:
            return
        article_actors, article_events = found
        if needs_analysis(conn, a.id):
            write_actors(conn, article_actors, len(a.body), model)
        if needs_coding(conn, a.id, coder):
            write_events(conn, article_events, len(a.body), coder)

    if store.add_article(result, extras=extras) == "new":
        report.new += 1
    else:
        report.known += 1


def run_corpus_stages(store, settings: Settings, report: IngestReport) -> None:
    """The corpus stages that follow every ingest, in order, counting what they did into report."""
    from .actors.stage import refresh_actors
    from .corpus.boilerplate import sweep_boilerplate
    from .corpus.clusters import update_clusters
    from .corpus.merge import update_merged
    from .corpus.neardup import update_neardups
    from .corpus.stories import update_stories
    from .events.stage import refresh_events

    report.boilerplate_swept = sweep_boilerplate(store, settings)
    # Events first: it re-analyses each stale article once and writes its actors and events together.
    report.recoded = refresh_events(store, settings)
    report.analysed, report.entities_merged = refresh_actors(store, settings)
    report.analysed += report.recoded
    report.near_duplicates = update_neardups(store, settings).linked
    report.clustered = update_clusters(store, settings).clustered
    # After near-duplicates and clusters: merged events, then stories (they read the merged dyads).
    update_merged(store, settings)
    update_stories(store, settings)
