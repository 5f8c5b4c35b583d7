"""`tidings eval actors`: actor countries found per sentence, against PLOVER gold source and target codes."""
from __future__ import annotations

from pathlib import Path

from ..actors.resolve import resolve_article
from ..config import Settings
from ..errors import GoldError
from ..nlp import analyse_texts
from ..resources import Resources
from .common import EvalReport, Postprocess, PredictionWriter, Progress, read_json, ticking

LAYOUT = "a PLOVER gold standard records JSON file (a list of records with text, source, target)"


def gold_records(gold: Path) -> list[dict]:
    """Records with a sentence and at least one coded actor (DOCUMENT records are skipped)."""
    data = read_json(gold, LAYOUT)
    if not isinstance(data, list):
        raise GoldError(f"{gold} must hold a JSON list of records; expected {LAYOUT}.")
    out = []
    for r in data:
        if isinstance(r, dict) and r.get("event") != "DOCUMENT" and isinstance(r.get("text"), str):
            codes = gold_codes(r)
            if codes:
                out.append({"id": r.get("id"), "text": r["text"].strip("{} "), "codes": codes})
    return out


def gold_codes(record: dict) -> set[str]:
    """The country (or IGO) codes of the record's source and target actors."""
    codes = set()
    for side in ("source", "target"):
        parties = record.get(side) or []
        if isinstance(parties, dict):
            parties = [parties]
        for p in parties if isinstance(parties, list) else []:
            code = p.get("code") if isinstance(p, dict) else None
            if isinstance(code, str) and code.strip():
                codes.add(code.strip().upper())
    return codes


def predicted_codes(result, kb) -> set[str]:
    """Countries of the entities mentioned in a sentence; "IGO" for intergovernmental bodies."""
    codes = set()
    for m in result.mentions:
        ent = result.entities.get(m.entity_id) if m.entity_id else None
        if ent is None:
            continue
        kbe = kb.get(ent.id)
        if ent.type == "IGO" or ent.sector == "IGO" or (kbe is not None and kbe.sector == "IGO"):
            codes.add("IGO")
        elif ent.country:
            codes.add(ent.country)
    return codes


def run(gold: Path, out: Path, settings: Settings, *, progress: Progress | None = None,
        postprocess: Postprocess | None = None) -> EvalReport:
    """Resolve actors in each gold sentence and score the set of countries against the gold codes."""
    records = gold_records(Path(gold))
    res = Resources(settings)
    nlp, kb = res.ner, res.kb
    tp = fp = fn = 0
    with PredictionWriter(out) as writer:
        analyses = analyse_texts(nlp, (r["text"] for r in records))
        for r, an in zip(ticking(records, progress), analyses):
            result = resolve_article(str(r["id"]), r["text"], None, an, kb)
            pred = predicted_codes(result, kb)
            tp += len(pred & r["codes"])
            fp += len(pred - r["codes"])
            fn += len(r["codes"] - pred)
            writer.write({"id": r["id"], "countries": sorted(pred), "gold": sorted(r["codes"])})
    p = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * rec / (p + rec) if p + rec else 0.0
    notes = [f"micro-averaged over sentences: tp={tp} fp={fp} fn={fn}; IGO entities count as 'IGO'",
             ("gold codes are the record's source and target actors only: other countries a sentence "
             "names (places, third parties) count as false positives")]
    return EvalReport("actors", len(records), {"f1": f1, "precision": p, "recall": rec}, notes)
