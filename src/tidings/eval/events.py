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
from .common import (
    EvalReport,
    Postprocess,
    PredictionWriter,
    Progress,
    grouped_folds,
    read_json,
    ticking,
)

LAYOUT = "a PLOVER gold standard records JSON file (a list of records with text, event, source, target)"
# Country codes of older CAMEO versions the gold records use, and their ISO3.
OLD_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "GMY": "DEU", "UK": "GBR"}
# Batch of gold sentences per nlp.pipe call.
BATCH = 64
# Regularisation of the candidate ranker tried inside the folds (scikit-learn's C): strong, for
# a set of under two hundred sentences.
RANKER_C = 0.3


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
    """The party's code as the gold records write it: "IGO" for an international organisation,
    governmental or not (the records code the ICRC and Amnesty International IGO), else its country."""
    international_ngo = p.get("sector") == "NGO" and (p.get("id") or "").startswith("ngo:")
    return "IGO" if p.get("sector") == "IGO" or international_ngo else p.get("country")


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


def code_records(records: list[dict], res: Resources, progress: Progress | None = None,
                 postprocess: Postprocess | None = None) -> list[list[dict]]:
    """Each gold sentence coded as a one-sentence article: its events, most confident first,
    with the trigger, mode and confidence kept beside what the prediction file holds."""
    out: list[list[dict]] = []
    todo = list(ticking(records, progress))
    for start in range(0, len(todo), BATCH):
        chunk = todo[start:start + BATCH]
        texts = [postprocess(r["text"]) if postprocess else r["text"] for r in chunk]
        articles = [Article(id=r["id"], origin=r["id"], body=t) for r, t in zip(chunk, texts)]
        items = run_stages([Item(None, article=a) for a in articles], res, ANALYSIS_STAGES)
        for coded in (it.events or ArticleEvents(it.article.id) for it in items):
            out.append([{"event_type": e.event_type, "modality": e.modality,
                         "actors": [{"name": p.name, "country": p.country, "sector": p.sector, "id": p.entity_id}
                                    for p in e.actors],
                         "recipients": [{"name": p.name, "country": p.country, "sector": p.sector,
                                         "id": p.entity_id} for p in e.recipients],
                         "mode": e.mode, "trigger": e.trigger, "confidence": e.confidence}
                        for e in sorted(coded.events, key=lambda e: -e.confidence)])
    return out


def score(records: list[dict], firsts: list[dict | None]) -> dict[str, float]:
    """Accuracy and macro-F1 of the first asserted event's type; its first actor's and recipient's country."""
    golds = [r["type"] for r in records]
    preds = [f["event_type"] if f else None for f in firsts]
    actor_hits = actor_n = recipient_hits = recipient_n = 0
    for r, first in zip(records, firsts):
        if r["source"]:
            actor_n += 1
            actor_hits += bool(first and first["actors"] and party_code(first["actors"][0]) in r["source"])
        if r["target"]:
            recipient_n += 1
            recipient_hits += bool(first and first["recipients"] and party_code(first["recipients"][0]) in r["target"])
    n = len(records)
    return {
        "accuracy": sum(g == p for g, p in zip(golds, preds)) / n,
        "macro_f1": macro_f1(golds, preds),
        "actor_country_accuracy": actor_hits / actor_n if actor_n else 0.0,
        "recipient_country_accuracy": recipient_hits / recipient_n if recipient_n else 0.0,
        "coverage": sum(p is not None for p in preds) / n,
    }


# ---------------------------------------------------------------- a candidate ranker, fitted inside the folds


def ranker_features(events: list[dict]) -> list[dict[str, float]]:
    """Features of each asserted candidate of one sentence: its type, mode, whether a named party
    acts or receives, its confidence and its place in the coder's order."""
    cands = [e for e in events if e["modality"] == "asserted"]
    out = []
    for rank, e in enumerate(cands):
        f = {"bias": 1.0, "confidence": e["confidence"], f"type={e['event_type']}": 1.0,
             "first": float(rank == 0), "named_actor": float(any(p.get("id") for p in e["actors"])),
             "recipient": float(bool(e["recipients"])), "mode": float(e.get("mode") is not None),
             "unnamed_actor": float(not any(p.get("id") for p in e["actors"]))}
        out.append(f)
    return out


def fit_ranker(records: list[dict], coded: list[list[dict]]) -> dict[str, float] | None:
    """Logistic-regression weights (plain numbers) scoring an asserted candidate as the gold type,
    fitted on the given records; None when they hold no two-way choice to learn from."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows, ys = [], []
    for r, events in zip(records, coded):
        cands = [e for e in events if e["modality"] == "asserted"]
        for f, e in zip(ranker_features(events), cands):
            rows.append(f)
            ys.append(int(e["event_type"] == r["type"]))
    if len(set(ys)) < 2:
        return None
    vec = DictVectorizer(sparse=False)
    x = vec.fit_transform(rows)
    model = LogisticRegression(C=RANKER_C, max_iter=2000, fit_intercept=False).fit(x, ys)
    return {name: float(w) for name, w in zip(vec.get_feature_names_out(), model.coef_[0])}


def ranked_first(events: list[dict], weights: dict[str, float] | None) -> dict | None:
    """The asserted candidate the ranker scores highest (the coder's first without weights)."""
    cands = [e for e in events if e["modality"] == "asserted"]
    if not cands or weights is None:
        return cands[0] if cands else None
    scores = [sum(weights.get(k, 0.0) * v for k, v in f.items()) for f in ranker_features(events)]
    best = max(range(len(cands)), key=lambda i: (scores[i], -i))
    return cands[best]


def run(gold: Path, out: Path, settings: Settings, *, progress: Progress | None = None,
        postprocess: Postprocess | None = None, folds: int | None = None) -> EvalReport:
    """Code each gold sentence as a one-sentence article and score the first asserted event.

    With folds=K the records are split K ways (by record) and, for each fold in turn, what is
    learned from gold records is fitted on the other folds and scored on it; the pooled scores
    of the held-out folds are the cross-validated figures."""
    res = Resources(settings)
    records = gold_records(Path(gold), res.lexicon, res.kb)
    coded = code_records(records, res, progress, postprocess)
    keep = ("event_type", "modality", "actors", "recipients")
    with PredictionWriter(out) as writer:
        for r, events in zip(records, coded):
            shown = [{k: ([{x: p[x] for x in ("name", "country", "sector")} for p in e[k]]
                          if k in ("actors", "recipients") else e[k]) for k in keep} for e in events]
            writer.write({"id": r["id"], "events": shown, "gold": r["type"]})
    n = len(records)
    golds = [r["type"] for r in records]
    majority = Counter(golds).most_common(1)[0][0]
    baseline = {"baseline_majority_accuracy": sum(g == majority for g in golds) / n,
                "baseline_majority_macro_f1": macro_f1(golds, [majority] * n)}
    scores = score(records, [first_asserted(e) for e in coded]) | baseline
    notes = [("type of the first asserted event (most confident first) against the gold event, older "
             "labels mapped (FIGHT->ASSAULT, DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE); "
             "a record with no asserted event counts as wrong"),
             ("actor country: the first actor of that event is one of the gold source codes; recipient "
              "country likewise against the target codes; IGOs count as 'IGO'"),
             f"baseline: always the most frequent gold type ({majority})"]
    if folds is None:
        return EvalReport("events", n, scores, notes)
    cv, cv_ranked = _cross_validate(records, coded, folds)
    ranker = fit_ranker(records, coded)
    fitted_ranked = score(records, [ranked_first(e, ranker) for e in coded])
    cv |= {"baseline_ranker_" + k: v for k, v in cv_ranked.items() if k != "coverage"}
    cv |= {"baseline_majority_" + k: v for k, v in _majority_cv(records, folds).items()}
    scores |= {"baseline_ranker_" + k: v for k, v in fitted_ranked.items() if k != "coverage"}
    notes += [(f"--folds {folds}: records are dealt into {folds} folds by record id; the lexicon, rules and "
               "confidences are fixed (set by hand, not fitted per fold), so the coder's cross-validated "
               "figure equals its fitted one; the majority baseline takes its type from the training folds"),
              ("ranker baseline: a logistic regression over each asserted candidate (type, mode, named "
               "actor, recipient, confidence, coder's order) picks the first event; fitted on the training "
               "folds and scored on the held-out fold (CV line), or fitted on all records (fitted line)")]
    return EvalReport("events", n, scores, notes, cv=cv, folds=folds)


def _cross_validate(records: list[dict], coded: list[list[dict]], k: int):
    """Pooled held-out scores of the coder and of the candidate ranker fitted on the other folds."""
    plain: list[dict | None] = [None] * len(records)
    ranked: list[dict | None] = [None] * len(records)
    for train, test in grouped_folds([r["id"] for r in records], k):
        weights = fit_ranker([records[i] for i in train], [coded[i] for i in train])
        for i in test:
            plain[i] = first_asserted(coded[i])
            ranked[i] = ranked_first(coded[i], weights)
    return score(records, plain), score(records, ranked)


def _majority_cv(records: list[dict], k: int) -> dict[str, float]:
    preds: list[str | None] = [None] * len(records)
    for train, test in grouped_folds([r["id"] for r in records], k):
        label = Counter(records[i]["type"] for i in train).most_common(1)[0][0]
        for i in test:
            preds[i] = label
    golds = [r["type"] for r in records]
    return {"accuracy": sum(g == p for g, p in zip(golds, preds)) / len(golds), "macro_f1": macro_f1(golds, preds)}
