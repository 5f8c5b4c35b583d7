"""`tidings eval events`: PLOVER event coding of gold sentences, scored on the first asserted event type and the actors' countries."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..config import Settings
from ..errors import GoldError
from ..model.article import Article
from ..model.events import ArticleEvents
from ..model.item import Item
from ..pipeline import ANALYSIS_STAGES, run_stages
from ..resources import Resources
from .common import EvalReport, Postprocess, PredictionWriter, Progress, read_json, ticking

LAYOUT = "a PLOVER gold standard records JSON file (a list of records with text, event, source, target)"
# Country codes of older CAMEO versions the gold records use, and their ISO3.
OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "GMY": "DEU", "UK": "GBR"}
# Batch of gold sentences per nlp.pipe call.
BATCH = 64


def gold_records(gold: Path, lexicon, kb) -> list[dict]:
    """Coded records (DOCUMENT records skipped) with the gold type mapped to current PLOVER."""
    data = read_json(gold, LAYOUT)
    if not isinstance(data, list):
        raise GoldError(f"{gold} must hold a JSON list of records; expected {LAYOUT}.")
    out = []
    for r in data:
        if not isinstance(r, dict) or r.get("event") in (None, "DOCUMENT") or not isinstance(r.get("text"), str):
            continue
        out.append({"id": str(r.get("id")), "text": r["text"].strip().strip("{}").strip(),
                    "type": lexicon.canonical(str(r["event"])),
                    "source": _codes(r.get("source"), kb), "target": _codes(r.get("target"), kb)})
    if not out:
        raise GoldError(f"{gold} holds no coded records; expected {LAYOUT}.")
    return out


def _codes(parties, kb) -> set[str]:
    """Gold country codes, old CAMEO ones ("JAP", "ITL") mapped to ISO3 where the knowledge base knows them."""
    if isinstance(parties, dict):
        parties = [parties]
    out = set()
    for p in parties if isinstance(parties, list) else []:
        code = p.get("code") if isinstance(p, dict) else None
        if isinstance(code, str) and code.strip():
            code = OLD_CODES.get(code.strip().upper(), code.strip().upper())
            hit = kb.country(code) if code != "IGO" else None
            out.add(hit.country if hit is not None and hit.country else code)
    return out


def party_code(p: dict) -> str | None:
    return "IGO" if p.get("sector") == "IGO" else p.get("country")


def first_asserted(events: list[dict]) -> dict | None:
    return next((e for e in events if e["modality"] == "asserted"), None)


def macro_f1(gold: list[str], pred: list[str | None]) -> float:
    labels = sorted(set(gold) | {p for p in pred if p})
    scores = []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, pred) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, pred) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, pred) if g == label and p != label)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def run(gold: Path, out: Path, settings: Settings, *, progress: Progress | None = None,
        postprocess: Postprocess | None = None) -> EvalReport:
    """Code each gold sentence as a one-sentence article and score the first asserted event."""
    res = Resources(settings)
    records = gold_records(Path(gold), res.lexicon, res.kb)
    golds, preds = [], []
    actor_hits = actor_n = recipient_hits = recipient_n = 0
    with PredictionWriter(out) as writer:
        todo = list(ticking(records, progress))
        for start in range(0, len(todo), BATCH):
            chunk = todo[start:start + BATCH]
            texts = [postprocess(r["text"]) if postprocess else r["text"] for r in chunk]
            articles = [Article(id=r["id"], origin=r["id"], body=t) for r, t in zip(chunk, texts)]
            items = run_stages([Item(None, article=a) for a in articles], res, ANALYSIS_STAGES)
            for r, coded in zip(chunk, (it.events or ArticleEvents(it.article.id) for it in items)):
                events = [{"event_type": e.event_type, "modality": e.modality,
                           "actors": [{"name": p.name, "country": p.country, "sector": p.sector} for p in e.actors],
                           "recipients": [{"name": p.name, "country": p.country, "sector": p.sector}
                                          for p in e.recipients]}
                          for e in sorted(coded.events, key=lambda e: -e.confidence)]
                writer.write({"id": r["id"], "events": events, "gold": r["type"]})
                first = first_asserted(events)
                golds.append(r["type"])
                preds.append(first["event_type"] if first else None)
                if r["source"]:
                    actor_n += 1
                    actor_hits += bool(first and first["actors"] and party_code(first["actors"][0]) in r["source"])
                if r["target"]:
                    recipient_n += 1
                    recipient_hits += bool(first and first["recipients"]
                                           and party_code(first["recipients"][0]) in r["target"])
    n = len(records)
    accuracy = sum(g == p for g, p in zip(golds, preds)) / n
    majority = Counter(golds).most_common(1)[0][0]
    scores = {
        "accuracy": accuracy,
        "macro_f1": macro_f1(golds, preds),
        "actor_country_accuracy": actor_hits / actor_n if actor_n else 0.0,
        "recipient_country_accuracy": recipient_hits / recipient_n if recipient_n else 0.0,
        "coverage": sum(p is not None for p in preds) / n,
        "baseline_majority_accuracy": sum(g == majority for g in golds) / n,
        "baseline_majority_macro_f1": macro_f1(golds, [majority] * n),
    }
    notes = [("type of the first asserted event (most confident first) against the gold event, older "
             "labels mapped (FIGHT->ASSAULT, DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE); "
             "a record with no asserted event counts as wrong"),
             (f"actor country: the first actor of that event is one of the gold source codes ({actor_n} records); "
             f"recipient country likewise against the target codes ({recipient_n} records); IGOs count as 'IGO'"),
             f"baseline: always the most frequent gold type ({majority})"]
    return EvalReport("events", n, scores, notes)
