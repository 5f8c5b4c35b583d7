"""Parquet shards: per-article results written batch by batch (any engine), then loaded into a store."""
from __future__ import annotations

import dataclasses
import functools
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .api import Corpus
from .config import Settings
from .engines import ENGINES, engine_map
from .errors import ConfigError, InputError
from .events.stage import CODER_VERSION
from .export.events import EVENT_FIELDS
from .export.formats import FORMATS
from .export.records import ARTICLE_FIELDS, Field, article_record, failure_record
from .ingest import iter_inputs
from .model.actors import ArticleActors, Entity, LearnedRole, Mention
from .model.article import Article, Failure, RawDoc
from .model.events import ArticleEvents, Event, Location, Party, PlaceMention
from .model.item import Item
from .pipeline import (
    BATCH_ITEMS,
    IngestReport,
    batches,
    process_batch,
)
from .resources import shared

SHARD_SCHEMA_VERSION = 1

# Each record type is the export contract's record (articles, events, failures) plus what the
# store needs to take the article back without re-running the per-article stages.
SHARD_FIELDS: dict[str, tuple[Field, ...]] = {
    "articles": ARTICLE_FIELDS + (Field("sentences", "json"),),  # [[start, end]...]; null: no actors
    "mentions": (Field("article_id"), Field("sentence_index", "int"), Field("start", "int"),
                 Field("end", "int"), Field("text"), Field("label"), Field("entity_id")),
    "entities": (Field("article_id"), Field("id"), Field("name"), Field("type"), Field("country"),
                 Field("sector"), Field("origin"), Field("aliases", "list"), Field("roles", "json")),
    "events": EVENT_FIELDS + (Field("sentence_start", "int"), Field("sentence_end", "int"),
                              Field("trigger_start", "int"), Field("trigger_end", "int"),
                              Field("geonameid", "int"), Field("clause", "json")),
    "places": (Field("article_id"), Field("start", "int"), Field("end", "int"), Field("text"),
               Field("location", "json"), Field("geonameid", "int")),
    "failures": (Field("origin"), Field("error")),
}


@dataclass
class ShardReport:
    """What one `tidings shard` run wrote."""

    batches: int = 0
    articles: int = 0
    failures: list[Failure] = field(default_factory=list)


# ---------------------------------------------------------------- records


def event_record(ev, body: str) -> dict:
    """An event as events.jsonl spells it (before corpus merging), plus its offsets and clause."""
    loc = ev.location
    return {
        "id": ev.id, "article_id": ev.article_id, "sentence_index": ev.sentence_index,
        "sentence": body[ev.sentence_start:ev.sentence_end].strip(), "trigger": ev.trigger,
        "event_type": ev.event_type, "mode": ev.mode, "modality": ev.modality, "cameo_root": ev.cameo_root,
        "quad_class": ev.quad_class, "intensity": ev.intensity,
        "actors": [p.record() for p in ev.actors], "recipients": [p.record() for p in ev.recipients],
        "date": ev.date, "date_start": ev.date_start, "date_end": ev.date_end,
        "date_precision": ev.date_precision, "date_text": ev.date_text,
        "location": loc.record() if loc else None, "confidence": ev.confidence, "merged_event_id": None,
        "sentence_start": ev.sentence_start, "sentence_end": ev.sentence_end,
        "trigger_start": ev.trigger_start, "trigger_end": ev.trigger_end,
        "geonameid": loc.geonameid if loc else None, "clause": [list(seg) for seg in ev.clause],
    }


def item_records(item: Item) -> dict[str, list[dict]]:
    """One item of process_batch() as rows of each record type."""
    rows: dict[str, list[dict]] = defaultdict(list)
    if item.failure is not None:
        rows["failures"].append(failure_record(item.failure))
        return rows
    result = item.article
    art = article_record(result)
    art["sentences"] = None
    rows["articles"].append(art)
    if item.actors is None or item.events is None:
        return rows
    actors, events = item.actors, item.events
    aid = result.id
    art["sentences"] = [list(s) for s in actors.sentences]
    rows["mentions"] = [{"article_id": aid, "sentence_index": m.sentence_index, "start": m.start, "end": m.end,
                         "text": m.text, "label": m.label, "entity_id": m.entity_id} for m in actors.mentions]
    for eid in dict.fromkeys([*actors.entities, *actors.roles, *actors.aliases]):
        ent = actors.entities.get(eid)
        rows["entities"].append({
            "article_id": aid, "id": eid, "name": ent.name if ent else None, "type": ent.type if ent else None,
            "country": ent.country if ent else None, "sector": ent.sector if ent else None,
            "origin": ent.origin if ent else None, "aliases": list(actors.aliases.get(eid, [])),
            "roles": [_role_record(r) for r in actors.roles.get(eid, [])]})
    rows["events"] = [event_record(ev, result.body) for ev in events.events]
    rows["places"] = [{"article_id": aid, "start": pm.start, "end": pm.end, "text": pm.text,
                       "location": pm.location.record(), "geonameid": pm.location.geonameid}
                      for pm in events.places]
    return rows


def _role_record(r) -> dict:
    return {"country": r.country, "sector": r.sector, "title": r.title, "start": r.start, "end": r.end,
            "article_id": r.article_id, "source": r.source}


# ---------------------------------------------------------------- writing


def shard_batch(items: list[RawDoc | Failure], settings: Settings) -> list[Item]:
    """process_batch() over the RawDocs of a batch; a reader's Failure passes through, order kept."""
    raws = [i for i in items if isinstance(i, RawDoc)]
    done = iter(process_batch(raws, settings))
    return [Item(None, failure=i) if isinstance(i, Failure) else next(done) for i in items]


def write_shards(paths: list[str], out: Path, settings: Settings, engine: str | None = None,
                 batch_items: int | None = None, on_batch=None) -> ShardReport:
    """Run the per-article stages over the inputs with `engine` (default: the engine setting) and
    write one Parquet file per batch per record type under out/<type>/part-NNNNNN.parquet, plus
    out/manifest.json."""
    engine = engine or settings.engine
    settings = dataclasses.replace(settings, engine=engine)
    if engine not in ENGINES:
        raise ConfigError(f"Unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}.")
    size = batch_items or BATCH_ITEMS
    if size < 1:
        raise ConfigError(f"--batch must be at least 1, got {size}.")
    out.mkdir(parents=True, exist_ok=True)
    if any(out.glob("*/part-*.parquet")):
        raise ConfigError(f"{out} already holds shards; choose an empty folder so two runs do not mix.")
    report = ShardReport()
    work = functools.partial(shard_batch, settings=settings)
    for number, (_, items) in enumerate(engine_map(work, batches(iter_inputs(paths, settings), size), settings)):
        rows: dict[str, list[dict]] = defaultdict(list)
        for item in items:
            for kind, recs in item_records(item).items():
                rows[kind].extend(recs)
            if item.failure is not None:
                report.failures.append(item.failure)
            else:
                report.articles += 1
        for kind, fields in SHARD_FIELDS.items():
            _write_part(out / kind, number, fields, rows.get(kind, []))
        report.batches += 1
        if on_batch:
            on_batch(report)
    manifest = {"schema_version": SHARD_SCHEMA_VERSION, "model": shared(settings).model, "coder": CODER_VERSION,
                "batches": report.batches, "engine": engine}
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return report


def _write_part(folder: Path, number: int, fields: tuple[Field, ...], rows: list[dict]) -> None:
    """One shard, written whole under a temporary name and renamed into place."""
    folder.mkdir(exist_ok=True)
    final = folder / f"part-{number:06d}.parquet"
    tmp = final.with_suffix(".parquet.tmp")
    writer = FORMATS["parquet"].open(tmp, fields)
    for row in rows:
        writer.write(row)
    writer.close()
    tmp.replace(final)


# ---------------------------------------------------------------- loading


def read_shards(folder: Path) -> tuple[dict, Iterator[Item]]:
    """The manifest, and every result in the shards in batch order as process_batch() gave it."""
    manifest_path = folder / "manifest.json"
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise InputError(f"{folder} is not a finished shard folder ({manifest_path.name} is missing or "
                         f"unreadable: {e}); run `tidings shard PATH... --out {folder}` first.") from e
    if manifest.get("schema_version") != SHARD_SCHEMA_VERSION:
        raise InputError(f"{folder} holds shards of schema {manifest.get('schema_version')}; this tidings "
                         f"reads schema {SHARD_SCHEMA_VERSION}. Write them again with this version.")
    return manifest, _results(folder, int(manifest["batches"]))


def _read_part(folder: Path, kind: str, number: int) -> list[dict]:
    import pyarrow.parquet as pq

    path = folder / kind / f"part-{number:06d}.parquet"
    try:
        rows = pq.read_table(path).to_pylist()
    except OSError as e:
        raise InputError(f"Cannot read shard {path}: {e}. Write the shards again.") from e
    for f in SHARD_FIELDS[kind]:
        if f.kind == "json":
            for r in rows:
                r[f.name] = json.loads(r[f.name]) if r.get(f.name) is not None else None
    return rows


def _results(folder: Path, count: int) -> Iterator[Item]:
    for number in range(count):
        parts = {kind: _read_part(folder, kind, number) for kind in SHARD_FIELDS}
        by_article = {kind: _group(parts[kind]) for kind in ("mentions", "entities", "events", "places")}
        for rec in parts["failures"]:
            yield Item(None, failure=Failure(rec["origin"], rec["error"]))
        for rec in parts["articles"]:
            yield _article_item(rec, {k: v.get(rec["id"], []) for k, v in by_article.items()})


def _group(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        out[r["article_id"]].append(r)
    return out


def _article_item(rec: dict, rows: dict[str, list[dict]]) -> Item:
    sentences = rec.pop("sentences")
    article = Article(**{k: v for k, v in rec.items()})
    if sentences is None:
        return Item(None, article=article)
    aid = article.id
    mentions = [Mention(aid, m["sentence_index"], m["start"], m["end"], m["text"], m["label"], m["entity_id"])
                for m in rows["mentions"]]
    entities = {e["id"]: Entity(e["id"], e["name"], e["type"], e["country"], e["sector"], origin=e["origin"])
                for e in rows["entities"] if e["name"] is not None}
    roles = {e["id"]: [LearnedRole(**r) for r in e["roles"]] for e in rows["entities"] if e["roles"]}
    aliases = {e["id"]: list(e["aliases"]) for e in rows["entities"] if e["aliases"]}
    actors = ArticleActors(aid, [tuple(s) for s in sentences], mentions, entities, roles, aliases)
    places = [PlaceMention(p["start"], p["end"], p["text"], _location(p["location"], p["geonameid"]))
              for p in rows["places"]]
    events = ArticleEvents(aid, [_event(e) for e in rows["events"]], places)
    return Item(None, article=article, actors=actors, events=events)


def _location(rec: dict | None, geonameid: int | None):
    return None if rec is None else Location(rec["name"], rec["lat"], rec["lon"], rec["country"], rec["admin1"],
                                             geonameid)


def _event(e: dict):
    def parties(recs):
        return [Party(p["entity_id"], p["name"], p["country"], p["sector"]) for p in recs or []]

    return Event(
        e["article_id"], e["sentence_index"], e["sentence_start"], e["sentence_end"], e["trigger"],
        e["trigger_start"], e["trigger_end"], e["event_type"], e["mode"], e["modality"], e["cameo_root"],
        e["quad_class"], e["intensity"], parties(e["actors"]), parties(e["recipients"]), e["confidence"],
        e["date"], e["date_start"], e["date_end"], e["date_precision"], e["date_text"],
        _location(e["location"], e["geonameid"]), tuple(tuple(seg) for seg in e["clause"] or ()))


def load_shards(folder: Path, corpus: Corpus, on_item=None) -> IngestReport:
    """Store every result in the shards (one transaction per article, as ingest does), then run the
    corpus stages over the store. Returns the pipeline's IngestReport."""
    if not folder.is_dir():
        raise InputError(f"{folder} is not a folder of shards; pass the --out folder of `tidings shard`.")
    manifest, items = read_shards(folder)
    return corpus.store_items(items, manifest.get("model") or shared(corpus.settings).model,
                              manifest.get("coder") or CODER_VERSION, on_item=on_item)
