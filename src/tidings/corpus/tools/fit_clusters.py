"""Fit the same-event model of tidings.corpus.clusters on ECB+ documents and write the packaged
weights file (run by hand; needs scikit-learn, which clustering itself never does):

    python -m tidings.corpus.tools.fit_clusters ../shared/eval/clusters/ecbplus_dev.jsonl

What is learned, and how (`fit`):
  1. Examples: the documents are streamed in file order through the clusterer's own index and
     blocking, each joining its gold event's cluster. Every candidate cluster a document is
     compared with gives one example: its FEATURES, labelled 1 when the cluster is its event's.
  2. Model: logistic regression (scikit-learn, L2 with C = REGULARISATION, classes balanced).
  3. Join threshold: the documents are clustered online with that model at each probability of
     THRESHOLDS; the one with the best B-cubed F1 is kept (the middle of the best run on a tie).
`tidings eval clusters GOLD --folds K` runs the same fit inside every fold on the training topics
only (`cross_validate`); the file's header records the leave-one-topic-out figure.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ...config import Settings
from ...model.corpus import FIELDS, ClusterState, DocFeatures
from ..clusters import (
    BLOCK_WINDOW_SIGMAS,
    FEATURES,
    MAX_CANDIDATES,
    ClusterIndex,
    ClusterWeights,
    OnlineClusterer,
    _doc_weights,
    _in_window,
    _weighted,
    absorb,
    blocking_keys,
    features,
    other_year,
)
from .ecbplus import avglink_clusters, avglink_tree, bcubed, best_cut, gold_features, load_gold

# Inverse L2 strength of the logistic regression (scikit-learn's C).
REGULARISATION = 1.0
# Join probabilities tried for the threshold.
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 20))
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "cluster_weights.toml"


@dataclass(frozen=True, slots=True)
class Fitted:
    """A fitted model, its join threshold and the B-cubed F1 it reached on its own documents."""

    weights: ClusterWeights
    threshold: float
    train_f1: float
    examples: int


def training_examples(feats: Sequence[DocFeatures], truth: dict[str, str],
                      settings: Settings) -> tuple[list[list[float]], list[int]]:
    """(X, y): one row of FEATURES per document-vs-candidate comparison of a gold-guided online
    pass (each document joins its own event's cluster), labelled 1 for the event's cluster."""
    idx = ClusterIndex()
    sigma = settings.clusters_time_sigma_days
    window = BLOCK_WINDOW_SIGMAS * sigma
    of_event: dict[str, str] = {}
    xs: list[list[float]] = []
    ys: list[int] = []
    for doc in feats:
        idx.stats.add(doc)
        event = truth[doc.id]
        keys = blocking_keys(doc, idx.stats)
        vecs = {f: _weighted(_doc_weights(doc, f), f, idx.stats) for f in FIELDS}
        for cid, _shared in idx.candidates(keys).most_common(MAX_CANDIDATES):
            c = idx.cluster(cid)
            if c is None or not _in_window(doc, c, window) or other_year(doc, c):
                continue
            row = features(doc, vecs, c, idx.stats, sigma, idx.members(c))
            xs.append([row[k] for k in FEATURES])
            ys.append(int(of_event.get(event) == cid))
        target = idx.cluster(of_event[event]) if event in of_event else None
        if target is None:
            target = ClusterState(idx.new_id(doc))
            of_event[event] = target.id
        absorb(target, doc)
        idx.save(target, doc)
    return xs, ys


def fit_model(xs: list[list[float]], ys: list[int]) -> ClusterWeights:
    """Logistic regression on the examples, as plain numbers."""
    from sklearn.linear_model import LogisticRegression

    if len(set(ys)) < 2:
        raise ValueError("the training documents gave examples of one class only; "
                         "fitting needs events with several documents and candidates of other events")
    model = LogisticRegression(C=REGULARISATION, class_weight="balanced", max_iter=1000)
    model.fit(xs, ys)
    return ClusterWeights(float(model.intercept_[0]), {k: float(w) for k, w in zip(FEATURES, model.coef_[0])})


def cluster_online(feats: Sequence[DocFeatures], settings: Settings, weights: ClusterWeights,
                   threshold: float, seen: Sequence[DocFeatures] = ()) -> dict[str, str]:
    """Doc id -> cluster id, the documents placed one at a time in order (as ingest does); `seen`
    documents were counted in the term statistics before (as a store's earlier articles are) but
    are in no cluster."""
    clusterer = OnlineClusterer(settings, weights=weights, threshold=threshold)
    for doc in seen:
        clusterer.index.stats.add(doc)
    return {f.id: clusterer.add(f).cluster_id for f in feats}


def choose_threshold(feats: Sequence[DocFeatures], truth: dict[str, str], settings: Settings,
                     weights: ClusterWeights) -> tuple[float, float]:
    """(threshold, F1): the join probability of THRESHOLDS with the best B-cubed F1 on these
    documents; on a tie, the middle of the longest run of best values."""
    f1s = [bcubed(cluster_online(feats, settings, weights, t), truth)["f1"] for t in THRESHOLDS]
    best = max(f1s)
    runs: list[list[int]] = []
    for i, f in enumerate(f1s):
        if f >= best - 1e-9:
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
    run = max(runs, key=len)
    return THRESHOLDS[run[len(run) // 2]], best


def fit(feats: Sequence[DocFeatures], truth: dict[str, str], settings: Settings) -> Fitted:
    """Model and join threshold learned from these documents only."""
    xs, ys = training_examples(feats, truth, settings)
    weights = fit_model(xs, ys)
    threshold, f1 = choose_threshold(feats, truth, settings, weights)
    return Fitted(weights, threshold, f1, len(ys))


@dataclass
class CrossValidation:
    """Predictions of every test fold (cluster ids prefixed by the fold, so folds never share a
    cluster) for tidings and the average-link reference, and what each fold chose."""

    predicted: dict[str, str] = field(default_factory=dict)
    baseline: dict[str, str] = field(default_factory=dict)
    thresholds: list[float] = field(default_factory=list)
    cuts: list[float] = field(default_factory=list)
    test_groups: list[list[str]] = field(default_factory=list)


def leave_one_group_out(groups: Sequence[str]) -> list[tuple[list[int], list[int]]]:
    """(train, test) index lists, one fold per distinct group (the same folds as
    tidings.eval.common.grouped_folds with K >= the number of groups, in another order)."""
    order = sorted(set(groups), key=str)
    return [([i for i, g in enumerate(groups) if g != held], [i for i, g in enumerate(groups) if g == held])
            for held in order]


def cross_validate(feats: Sequence[DocFeatures], texts: Sequence[str], truth: dict[str, str],
                   settings: Settings, splits: Sequence[tuple[list[int], list[int]]]) -> CrossValidation:
    """Cross-validation over the given (train, test) splits (grouped: a topic never on both sides):
    in each fold the model, the join threshold and the reference's cut are chosen on the training
    documents only (clustered together in file order). The test documents then arrive after the
    training ones, as new articles reach a store: their term statistics (IDF) have counted the
    training documents' words, no label, but they start from no cluster, and are clustered online
    in order (and by average link over the same IDF). Cluster ids are prefixed by the fold."""
    cv = CrossValidation()
    for n, (train, test) in enumerate(splits):
        tr_feats = [feats[i] for i in train]
        te_feats = [feats[i] for i in test]
        fitted = fit(tr_feats, {f.id: truth[f.id] for f in tr_feats}, settings)
        placed = cluster_online(te_feats, settings, fitted.weights, fitted.threshold, seen=tr_feats)
        for doc, cid in placed.items():
            cv.predicted[doc] = f"f{n}:{cid}"
        tr_texts = [texts[i] for i in train]
        cut, _ = best_cut([f.id for f in tr_feats], tr_texts, truth)
        tree = avglink_tree([texts[i] for i in test], background=tr_texts)
        for doc, lab in avglink_clusters([f.id for f in te_feats], tree, cut).items():
            cv.baseline[doc] = f"f{n}:{lab}"
        cv.thresholds.append(fitted.threshold)
        cv.cuts.append(cut)
    return cv


def weights_toml(fitted: Fitted, header: Sequence[str]) -> str:
    """The packaged weights file: a commented header, then [model] intercept and [model.coef]."""
    lines = [f"# {h}" if h else "#" for h in header]
    lines += ["", "[model]", f"intercept = {fitted.weights.intercept:.6f}",
              f"# join threshold chosen with this model (the clusters_join default): {fitted.threshold}",
              f"threshold = {fitted.threshold}", "", "[model.coef]"]
    lines += [f"{k} = {fitted.weights.coef[k]:.6f}" for k in FEATURES]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tidings.corpus.tools.fit_clusters", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path, help="ECB+ JSONL: one {doc_id, topic, seminal_event, text} a line")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"weights file to write (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    settings = Settings()
    docs = load_gold(args.gold)
    texts = [d.text for d in docs]
    feats = list(gold_features(docs, texts, settings))
    truth = {d.doc_id: d.event for d in docs}
    fitted = fit(feats, truth, settings)
    cv = cross_validate(feats, texts, truth, settings, leave_one_group_out([d.topic for d in docs]))
    ours, base = bcubed(cv.predicted, truth), bcubed(cv.baseline, truth)
    n_topics, n_events = len({d.topic for d in docs}), len(set(truth.values()))
    header = [
        "Same-event model of tidings.corpus.clusters: logistic regression on document-vs-cluster",
        "similarity features, written by",
        f"  python -m tidings.corpus.tools.fit_clusters {args.gold}",
        f"Fitted on {args.gold.name}: {len(docs)} ECB+ documents, {n_topics} topics, {n_events} events;",
        f"{fitted.examples} document-vs-candidate examples; time sigma {settings.clusters_time_sigma_days} days.",
        "Leave-one-topic-out B-cubed F1 of this procedure (model and threshold fitted on the other",
        f"topics, pooled over the held-out documents): {ours['f1']:.4f} (P {ours['precision']:.4f},",
        f"R {ours['recall']:.4f}); TF-IDF average link, its cut chosen in the same folds: {base['f1']:.4f}.",
        f"B-cubed F1 on the fitting documents themselves: {fitted.train_f1:.4f}.",
    ]
    text = weights_toml(fitted, header)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
