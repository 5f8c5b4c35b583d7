"""The flow as data: the per-article stages and the corpus stages in order; the functions here only loop over them."""
from __future__ import annotations

import functools
import os
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from .actors.native import native_actors
from .actors.stage import resolve_actors
from .config import Settings
from .corpus.boilerplate import sweep_boilerplate
from .corpus.clusters import update_clusters
from .corpus.merge import update_merged
from .corpus.neardup import update_neardups
from .corpus.stories import update_stories
from .engines import engine_map
from .engines.local import FORK_SHARES_MEMORY, processes
from .errors import InputError, TidingsError
from .events.stage import CODER_VERSION, code_events, complete_parties
from .extract import build_article
from .extract.lang import article_language, is_english
from .extract.metadata import detect_language
from .geo.native import native_places
from .geo.stage import place_events
from .ingest import iter_inputs
from .model.actors import ArticleActors
from .model.article import Failure, RawDoc
from .model.events import ArticleEvents
from .model.item import Item
from .model.nlp import Analysis
from .nlp import analyse_texts
from .nlp.names import sentences
from .nlp.russian import common_word, russian_entities
from .resources import Resources, shared
from .store import Store
from .store.actors import link_entities, needs_analysis, stale_articles, write_actors
from .store.events import needs_coding, stale_event_articles, write_events
from .time.stage import date_events

# ---------------------------------------------------------------- per-article stages
#
# One protocol, as spaCy's Language.pipeline: a stage takes a batch of Items and the process's
# read-only Resources and fills its own field of every live item (an article and no failure).
# Stages are pure functions of (item, resources): the same batch gives the same result in this
# process, in a pool worker or in a Ray task.


@dataclass(frozen=True, slots=True)
class ArticleStage:
    name: str
    run: Callable[[list[Item], Resources], None]
    doing: str  # what a failure message says tidings could not do
    english_only: bool = True  # runs on English (or unknown-language) articles only
    native_only: bool = False  # runs on articles in another language only


def _extract(items: list[Item], res: Resources) -> None:
    for it in items:
        try:
            it.article = build_article(it.raw, res.settings, res.gazetteer)
        except InputError as e:
            it.failure = Failure(it.origin, e.reason)


def _lang(items: list[Item], res: Resources) -> None:
    for it in items:
        a = it.article
        a.language = article_language(a.body, a.language, res.langid, detect_language(a.body))


def _native(items: list[Item], res: Resources) -> None:
    """Articles in the region's languages: the knowledge base's actors and the gazetteer's places
    under their native-script names (actors/native.py, geo/native.py), and in Russian the people
    and organisations of a named-entity tagger (nlp/russian.py); no events."""
    for it in items:
        a = it.article
        actor_names = res.native_actors.get(a.language)
        if actor_names is None:
            continue  # a language without native names keeps empty results
        spans = sentences(a.body)
        ner = res.russian_ner if a.language == "ru" else None
        ents = russian_entities(a.body, ner) if ner is not None else []
        it.analysis = Analysis(spans, ents)
        it.actors = native_actors(a.id, a.published, spans, actor_names.find(a.body), res.kb, ents)
        names = [(m.start, m.end) for m in it.actors.mentions
                 if m.entity_id and it.actors.entities[m.entity_id].type in ("GROUP", "IGO", "MEDIA")]
        common = functools.partial(common_word, morph=ner.morph) if ner is not None else None
        places = native_places(res.native_places[a.language].find(a.body), names, common)
        it.events = ArticleEvents(a.id, places=places)


def _nlp(items: list[Item], res: Resources) -> None:
    for it, analysis in zip(items, analyse_texts(res.ner, (it.article.body for it in items))):
        it.analysis = analysis


def _actors(items: list[Item], res: Resources) -> None:
    found = resolve_actors([it.article for it in items], [it.analysis for it in items], res.kb)
    for it, actors in zip(items, found):
        it.actors = actors


def _events(items: list[Item], res: Resources) -> None:
    coded = code_events([it.article for it in items], [it.actors for it in items], res.parser, res.lexicon, res.kb)
    for it, events in zip(items, coded):
        it.events = events


def _time(items: list[Item], res: Resources) -> None:
    for it in items:
        date_events(it.article, it.actors, it.events.events)


def _geo(items: list[Item], res: Resources) -> None:
    for it in items:
        place_events(it.article, it.analysis, it.actors, it.events, res.gazetteer)


def _parties(items: list[Item], res: Resources) -> None:
    for it in items:
        complete_parties(it.article, it.actors, it.events, res.kb)


ARTICLE_STAGES: tuple[ArticleStage, ...] = (
    ArticleStage("extract", _extract, "process this input", False),        # RawDoc -> clean Article
    ArticleStage("lang", _lang, "process this input", False),              # the article's language
    ArticleStage("native", _native, "find the actors of this article", False, True),  # ru, tg, fa, ps, ur names
    ArticleStage("nlp", _nlp, "find the actors of this article"),           # sentences, entities (+ KB ruler)
    ArticleStage("actors", _actors, "find the actors of this article"),     # mentions -> entities
    ArticleStage("events", _events, "code the events of this article"),     # selective parse, clause coding
    ArticleStage("time", _time, "date the events of this article"),         # each event's date
    ArticleStage("geo", _geo, "place the events of this article"),          # toponyms, each event's place
    ArticleStage("parties", _parties, "code the events of this article"),   # countries and recipients filled in
)
ACTOR_STAGES = ARTICLE_STAGES[2:5]      # what a stored article needs when only its actors are stale
ANALYSIS_STAGES = ARTICLE_STAGES[2:]    # what a stored article needs when its body or the coder changed


def run_stages(items: list[Item], res: Resources, stages: Iterable[ArticleStage] = ARTICLE_STAGES,
               timer: Callable[[str, float], None] | None = None) -> list[Item]:
    """Every stage over the live items of a batch, in order; returns the same batch, enriched.

    An unexpected exception retries the stage one item at a time, so that one bad article becomes
    a Failure and cannot sink its batch; a TidingsError (a missing model, a bad knowledge-base
    file) stops the run with its own message.
    """
    for stage in stages:
        live = [it for it in items if it.live]
        if stage.native_only:
            live = [it for it in live if not is_english(it.article.language)]
        elif stage.english_only:
            live = _english(live)
        if not live:
            continue
        start = time.perf_counter()
        try:
            stage.run(live, res)
        except TidingsError:
            raise
        except Exception:  # noqa: BLE001 - retried one by one below
            for it in live:
                try:
                    stage.run([it], res)
                except TidingsError:
                    raise
                except Exception as e:  # noqa: BLE001 - one bad page must not stop a run of thousands
                    it.failure = Failure(it.origin, _unexpected(stage.doing, e))
        if timer is not None:
            timer(stage.name, time.perf_counter() - start)
    return items


def _english(items: list[Item]) -> list[Item]:
    """The items the English stages run on; the others keep empty results (stored clean, no
    actors or events from English models)."""
    for it in items:
        if not is_english(it.article.language):
            it.analysis = it.analysis or Analysis()
            it.actors = it.actors or ArticleActors(it.article.id, [], [], {})
            it.events = it.events or ArticleEvents(it.article.id)
    return [it for it in items if is_english(it.article.language)]


def _unexpected(doing: str, e: Exception) -> str:
    where = traceback.extract_tb(e.__traceback__)[-1]
    return (f"tidings could not {doing} ({type(e).__name__}: {e} at "
            f"{where.filename.rsplit('/', 1)[-1]}:{where.lineno}); please report it with the file.")


# Articles per unit of work for the per-article stages: one nlp.pipe call each (the model is
# loaded once per process). 16 keeps progress ticking on the demo corpus without losing words/s.
BATCH_ITEMS = 16


def process_batch(raws: list[RawDoc], settings: Settings) -> list[Item]:
    """All per-article stages over a batch of input items, in input order, with this process's
    resources. Pure given settings: what a pool worker or a Ray task runs."""
    return run_stages([Item(raw) for raw in raws], shared(settings))


@dataclass
class Timings:
    """Seconds spent per stage by name, summed over batches and over the processes that ran them
    (what `tidings bench` reports). Loading resources is kept apart, per process id, because the
    processes of a pool load theirs at the same time."""

    stages: dict[str, float] = field(default_factory=dict)  # read, the ARTICLE_STAGES, store
    corpus: dict[str, float] = field(default_factory=dict)  # the CORPUS_STAGES
    load: dict[int, float] = field(default_factory=dict)    # process id -> seconds loading resources

    def stage(self, name: str, seconds: float) -> None:
        self.stages[name] = self.stages.get(name, 0.0) + seconds

    def corpus_stage(self, name: str, seconds: float) -> None:
        self.corpus[name] = self.corpus.get(name, 0.0) + seconds

    def merge(self, other: Timings) -> None:
        """Add the timings of a batch, wherever it ran."""
        for name, seconds in other.stages.items():
            self.stage(name, seconds)
        for name, seconds in other.corpus.items():
            self.corpus_stage(name, seconds)
        for pid, seconds in other.load.items():
            self.load[pid] = self.load.get(pid, 0.0) + seconds


def process_batch_timed(raws: list[RawDoc], settings: Settings) -> tuple[list[Item], Timings]:
    """process_batch, with the seconds of each stage and of loading this process's resources
    (all of them, before the first stage, so that no stage is charged for a model load)."""
    timings = Timings()
    res = shared(settings)
    timings.load[os.getpid()] = load_all(res)
    return run_stages([Item(raw) for raw in raws], res, timer=timings.stage), timings


def load_all(res: Resources) -> float:
    """Load every resource of the per-article stages now; the seconds it took (none once loaded)."""
    start = time.perf_counter()
    for name in ("model", "ner", "kb", "parser", "lexicon", "gazetteer", "langid"):  # ner before kb: the ruler's own
        getattr(res, name)  # loaded on first use, then kept: later batches take no time here
    return time.perf_counter() - start


def _timed(items: Iterable, name: str, timings: Timings | None) -> Iterator:
    """Iterate, charging the time spent producing each item to `name`."""
    it = iter(items)
    while True:
        start = time.perf_counter()
        item = next(it, _END)
        if timings is not None:
            timings.stage(name, time.perf_counter() - start)
        if item is _END:
            return
        yield item


_END = object()


def batches(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of `size` items (the last may be shorter)."""
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# ---------------------------------------------------------------- ingest


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


def ingest(
    paths: list[str],
    store: Store,
    settings: Settings,
    stdin: BinaryIO | None = None,
    on_item: Callable[[IngestReport], None] | None = None,
    reprocess: bool = False,
    stdin_label: str = "<stdin>",
    timings: Timings | None = None,
) -> IngestReport:
    """Read every input, run the per-article stages, store each article in its own transaction,
    then run the corpus stages.

    An origin already in the store is skipped unless reprocess is set (stdin is always read;
    stdin_label names where it came from, e.g. one HTTP request, and prefixes its origins).
    With `timings`, the seconds of reading, of each stage (summed over pool workers), of storing
    and of loading resources are added to it.
    """
    report = IngestReport()

    def fresh_items():
        for item in _timed(iter_inputs(paths, settings, stdin=stdin, stdin_label=stdin_label), "read", timings):
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

    if timings is None:
        work = functools.partial(process_batch, settings=settings)
        done = (item for _, items in _map_batches(work, batches(fresh_items(), BATCH_ITEMS), settings) for item in items)
    else:
        done = _timed_batches(fresh_items(), settings, timings)
    return store_items(store, done, settings, shared(settings).model, report=report, on_item=on_item,
                       timings=timings)


def _timed_batches(items: Iterable[RawDoc], settings: Settings, timings: Timings) -> Iterator[Item]:
    work = functools.partial(process_batch_timed, settings=settings)
    for _, (done, batch_timings) in _map_batches(work, batches(items, BATCH_ITEMS), settings, timings):
        timings.merge(batch_timings)
        yield from done


def _map_batches(work: Callable, parts: Iterable[list[RawDoc]], settings: Settings,
                 timings: Timings | None = None) -> Iterator:
    """The per-article work over the batches, in input order, on the engine of settings.engine
    (a process pool of settings.workers, or Ray tasks); the results come back to this process,
    the one writer to the store. A local pool's workers are forked from this process after it has
    loaded the resources, so they share them instead of loading them again (engines.local)."""
    if settings.engine == "local" and processes(settings.workers) > 1 and FORK_SHARES_MEMORY:
        seconds = load_all(shared(settings))
        if timings is not None:
            timings.load[os.getpid()] = timings.load.get(os.getpid(), 0.0) + seconds
    return engine_map(work, parts, settings)


def store_items(store: Store, items: Iterable[Item], settings: Settings, model: str, coder: str = CODER_VERSION,
                report: IngestReport | None = None,
                on_item: Callable[[IngestReport], None] | None = None,
                timings: Timings | None = None) -> IngestReport:
    """Store each item (store_item), then run the corpus stages: the end of every ingest, and how
    results made elsewhere (Parquet shards) enter a store."""
    report = report if report is not None else IngestReport()
    for item in items:
        start = time.perf_counter()
        store_item(store, item, report, model, coder)
        if timings is not None:
            timings.stage("store", time.perf_counter() - start)
        if on_item:
            on_item(report)
    run_corpus_stages(store, settings, report, timer=timings.corpus_stage if timings is not None else None)
    return report


def store_item(store: Store, item: Item, report: IngestReport, model: str, coder: str = CODER_VERSION) -> None:
    """Store one item: its failure, or its article with its actors and events in one transaction.
    model and coder name what produced them (the spaCy package and the event coder version)."""
    if item.failure is not None or item.article is None:
        failure = item.failure or Failure(item.origin, "tidings could not process this input; please report it with the file.")
        store.add_failure(failure)
        report.failures.append(failure)
        return
    a = item.article

    def extras(conn, status):
        if item.actors is not None and needs_analysis(conn, a.id):
            write_actors(conn, item.actors, len(a.body), model)
        if item.events is not None and needs_coding(conn, a.id, coder):
            write_events(conn, item.events, len(a.body), coder)

    if store.add_article(a, extras=extras) == "new":
        report.new += 1
    else:
        report.known += 1


# ---------------------------------------------------------------- corpus stages


@dataclass(frozen=True, slots=True)
class CorpusStage:
    name: str
    run: Callable[[Store, Settings, IngestReport], None]  # updates the store; counts into the report


def _boilerplate(store: Store, settings: Settings, report: IngestReport) -> None:
    report.boilerplate_swept = sweep_boilerplate(store, settings)


# Stored articles re-analysed per batch (the articles the boilerplate sweep changed, or all of
# them after a coder version change): one nlp.pipe and one parse batch each.
REANALYSE_BATCH = 64


def _reanalyse(store: Store, settings: Settings, report: IngestReport) -> None:
    """Articles whose body changed (boilerplate sweep) or whose events an older coder made go
    through the per-article stages again; articles with stale actors only through NLP and actors."""
    res = shared(settings)
    report.recoded = _again(store, stale_event_articles(store.connection, CODER_VERSION), res, ANALYSIS_STAGES)
    report.analysed = _again(store, stale_articles(store.connection), res, ACTOR_STAGES) + report.recoded


def _again(store: Store, ids: list[str], res: Resources, stages: tuple[ArticleStage, ...]) -> int:
    done = 0
    for batch in batches(ids, REANALYSE_BATCH):
        items = [Item(None, article=a) for a in (store.article(i) for i in batch) if a is not None]
        for it in run_stages(items, res, stages):
            if not it.live:
                continue
            with store.transaction() as tx:
                write_actors(tx, it.actors, len(it.article.body), res.model)
                if it.events is not None:
                    write_events(tx, it.events, len(it.article.body), CODER_VERSION)
            done += 1
    return done


def _entities(store: Store, settings: Settings, report: IngestReport) -> None:
    with store.transaction() as tx:
        report.entities_merged = link_entities(tx, shared(settings).kb)


def _neardups(store: Store, settings: Settings, report: IngestReport) -> None:
    report.near_duplicates = update_neardups(store, settings).linked


def _clusters(store: Store, settings: Settings, report: IngestReport) -> None:
    report.clustered = update_clusters(store, settings).clustered


def _merge(store: Store, settings: Settings, report: IngestReport) -> None:
    update_merged(store, settings)


def _stories(store: Store, settings: Settings, report: IngestReport) -> None:
    update_stories(store, settings)


CORPUS_STAGES: tuple[CorpusStage, ...] = (
    CorpusStage("boilerplate", _boilerplate),   # lines an outlet repeats across its articles
    CorpusStage("reanalyse", _reanalyse),       # per-article stages again where bodies changed
    CorpusStage("entities", _entities),         # new entities merged across articles, learned roles
    CorpusStage("neardup", _neardups),          # syndicated and lightly edited copies
    CorpusStage("clusters", _clusters),         # online same-event clusters
    CorpusStage("merge", _merge),               # merged events across outlets, sources, contradictions
    CorpusStage("stories", _stories),           # clusters threaded into stories, timelines, summaries
)


def run_corpus_stages(store: Store, settings: Settings, report: IngestReport,
                      timer: Callable[[str, float], None] | None = None) -> None:
    """The corpus stages that follow every ingest, in order, counting what they did into report
    (and the seconds of each into timer, by stage name)."""
    for stage in CORPUS_STAGES:
        start = time.perf_counter()
        stage.run(store, settings, report)
        if timer is not None:
            timer(stage.name, time.perf_counter() - start)
