"""`tidings eval clusters`: same-event clusters of ECB+ documents scored by B-cubed F1, beside a TF-IDF
average-link baseline; with --folds K, both cross-validated by topic."""
from __future__ import annotations

from pathlib import Path

from ..config import Settings
from ..corpus.clusters import OnlineClusterer
from ..corpus.tools.ecbplus import (
    BASELINE_CUTS,
    LAYOUT,
    GoldDoc,
    avglink_clusters,
    avglink_tree,
    bcubed,
    best_cut,
    gold_features,
    load_gold,
    split_head,
    text_date,
)
from ..corpus.tools.fit_clusters import cluster_online, cross_validate, fit
from .common import EvalReport, Postprocess, PredictionWriter, Progress, grouped_folds, ticking

__all__ = ["BASELINE_CUTS", "LAYOUT", "GoldDoc", "avglink_clusters", "avglink_tree", "bcubed", "best_cut",
           "gold_features", "load_gold", "run", "split_head", "text_date", "topic_folds"]


def run(gold: Path, out: Path, settings: Settings, *, progress: Progress | None = None,
        postprocess: Postprocess | None = None, folds: int | None = None) -> EvalReport:
    """Cluster the gold documents online (file order) and with the baseline; B-cubed both.

    Without folds: the packaged model and the clusters_join setting, as ingest runs them. With
    folds=K: grouped K-fold cross-validation by topic (K >= the number of topics is
    leave-one-topic-out); the model, the join threshold and the baseline's cut are chosen on the
    training topics of each fold, the test topics clustered and their predictions pooled."""
    docs = load_gold(gold)
    texts = [postprocess(d.text) if postprocess else d.text for d in docs]
    feats = list(ticking(list(gold_features(docs, texts, settings)), progress))
    truth = {d.doc_id: d.event for d in docs}
    ids = [d.doc_id for d in docs]
    cut, base = best_cut(ids, texts, truth)
    n_events = len(set(truth.values()))
    if folds is None:
        clusterer = OnlineClusterer(settings)
        predicted = {f.id: clusterer.add(f).cluster_id for f in feats}
        notes = [(f"{len(set(predicted.values()))} clusters predicted for {n_events} gold events; model "
                 f"{clusterer.weights.source}, join probability {clusterer.threshold} (clusters_join)")]
        cv_scores: dict[str, float] = {}
    else:
        splits = topic_folds(docs, folds)
        cv = cross_validate(feats, texts, truth, settings, splits)
        cv_scores = {f"b3_{k}": v for k, v in bcubed(cv.predicted, truth).items()}
        cv_scores.update({f"baseline_avglink_b3_{k}": v for k, v in bcubed(cv.baseline, truth).items()})
        fitted = fit(feats, truth, settings)
        fitted_pred = cluster_online(feats, settings, fitted.weights, fitted.threshold)
        predicted = cv.predicted
        notes = [
            (f"{len(splits)} folds by topic ({len({d.topic for d in docs})} topics); in each, the model, the join "
             "threshold and the baseline's cut are chosen on the training topics only; the test topics' "
             "documents are clustered from no cluster (their IDF counts the training documents' words), and "
             "B-cubed is pooled over every test document (each tested once; clusters never span folds)"),
            (f"thresholds chosen per fold: {', '.join(f'{t:g}' for t in cv.thresholds)}; "
            f"baseline cuts: {', '.join(f'{c:g}' for c in cv.cuts)}"),
            (f"fitted: model and threshold ({fitted.threshold:g}) fitted on all of this gold set, "
             f"{len(set(fitted_pred.values()))} clusters for {n_events} gold events; the predictions written "
             "are the cross-validated ones"),
        ]
        predicted_fitted = fitted_pred
    with PredictionWriter(out) as writer:
        for d in docs:
            writer.write({"doc_id": d.doc_id, "cluster": predicted[d.doc_id]})
    scores = {f"b3_{k}": v for k, v in bcubed(predicted if folds is None else predicted_fitted, truth).items()}
    scores.update({f"baseline_avglink_b3_{k}": v for k, v in base.items()})
    notes.append(f"baseline: TF-IDF cosine of the whole text, average link (scipy); fitted: cut at distance {cut} "
                 "(the best of the cut-offs tried on these same documents)")
    return EvalReport("clusters", len(docs), scores, notes, cv=cv_scores, folds=folds)


def topic_folds(docs: list[GoldDoc], k: int) -> list[tuple[list[int], list[int]]]:
    """(train, test) document indices of K folds that never split a topic."""
    return grouped_folds([d.topic for d in docs], k)
