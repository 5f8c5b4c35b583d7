"""Same-event clusters, online: each arriving article joins the best existing cluster or starts a new one."""
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from .features import FIELDS, DocFeatures, DocFreq, cosine

# --- The merge-or-create decision (news-stream clustering after Miranda et al. 2018) ---------
# score(doc, cluster) = time(doc, cluster) * sum_k WEIGHTS[k] * feature_k(doc, cluster);
# the doc joins the best-scoring candidate when its score reaches MERGE_THRESHOLD.
# Weights and threshold tuned on the ECB+ dev documents (../shared/eval/clusters, 196 docs,
# 16 events in 8 topics that each pair two similar events; `tidings eval clusters`) and
# checked on the demo corpus in examples/ (the three reservists copies one cluster; the two
# Rahmon-Putin meetings of June and October 2022 two clusters).
WEIGHTS = {"title": 0.09, "body": 0.67, "ents": 0.12, "actors": 0.13}
# 0.14-0.16 all give B-cubed F1 0.925-0.926 on that set; 0.12 merges the paired events, 0.2 splits.
MERGE_THRESHOLD = 0.15
# Time decay: a Gaussian on the gap in days between the doc's day and the cluster's dated span.
# 7 days (7 and 10 both give the best ECB+ dev F1; 3-5 split follow-ups): reports of one event
# land within a week or two there; a meeting a month later scores < 0.0001.
TIME_SIGMA_DAYS = 7.0
# Factor when exactly one side is dated (an undated doc against a dated cluster or the reverse):
# it may still join on content, but needs more of it.
HALF_DATED_FACTOR = 0.7
# Factor when neither side is dated.
UNDATED_FACTOR = 1.0
# Year-only dates (a doc that names only its year): a different year rules a merge out.
OTHER_YEAR_FACTOR = 0.0
# Factor when both the doc and the cluster have lead people (most-mentioned persons) and share
# none: the same kind of event happening to someone else (in ECB+, a DUI arrest of another
# player of the same team). 0.5 raised B-cubed precision there from 0.905 to 0.954.
LEAD_CONFLICT_FACTOR = 0.5
# Blocking: only clusters sharing one of the doc's BLOCK_TERMS rarest terms that an earlier
# document also holds (by IDF, over all fields) are scored, and at most MAX_CANDIDATES of them
# (those sharing the most such terms). Terms in every other document never block anything.
BLOCK_TERMS = 24
MAX_CANDIDATES = 64
# Dated clusters whose span is more than this many days from a dated doc are never scored.
BLOCK_WINDOW_DAYS = 21  # 3 sigma: beyond it the time factor is below 0.011
# Centroid terms kept per field (the heaviest): bounds memory and store rows per cluster.
CENTROID_TERMS = 400


@dataclass(slots=True)
class ClusterState:
    """A cluster as the clusterer keeps it: summed sublinear TF per field, actors, dated span."""

    id: str
    weights: dict[str, Counter[str]] = field(default_factory=lambda: {f: Counter() for f in FIELDS})
    actors: Counter[str] = field(default_factory=Counter)
    leads: Counter[str] = field(default_factory=Counter)
    start: date | None = None
    end: date | None = None
    years: set[int] = field(default_factory=set)
    n_docs: int = 0
    title: str = ""
    doc_ids: list[str] = field(default_factory=list)

    def absorb(self, doc: DocFeatures) -> None:
        """Add one document to the centroid, the actors and the span."""
        for f in FIELDS:
            w = self.weights[f]
            for t, c in doc.terms[f].items():
                w[t] += 1.0 + math.log(c)
            if len(w) > CENTROID_TERMS * 2:
                self.weights[f] = Counter(dict(w.most_common(CENTROID_TERMS)))
        self.actors.update(doc.actors)
        self.leads.update(doc.leads)
        if doc.day is not None:
            self.start = doc.day if self.start is None else min(self.start, doc.day)
            self.end = doc.day if self.end is None else max(self.end, doc.day)
            self.years.add(doc.day.year)
        elif doc.year is not None:
            self.years.add(doc.year)
        if not self.title and doc.title:
            self.title = doc.title
        self.n_docs += 1
        self.doc_ids.append(doc.id)


@dataclass(frozen=True, slots=True)
class Decision:
    """Where one document went: the cluster, whether it started it, and the score that decided."""

    doc_id: str
    cluster_id: str
    created: bool
    score: float
    candidates: int


def time_factor(doc: DocFeatures, c: ClusterState) -> float:
    """Gaussian decay on the gap between the doc's day and the cluster's span; neutral when undated."""
    if doc.day is not None and c.start is not None and c.end is not None:
        gap = max((c.start - doc.day).days, (doc.day - c.end).days, 0)
        return math.exp(-(gap * gap) / (2 * TIME_SIGMA_DAYS ** 2))
    year = doc.day.year if doc.day is not None else doc.year
    if year is not None and c.years and year not in c.years:
        return OTHER_YEAR_FACTOR
    if (doc.day is None) != (c.start is None):
        return HALF_DATED_FACTOR
    return UNDATED_FACTOR


def _weighted(weights: dict[str, float] | Counter[str], fieldname: str, stats: DocFreq) -> dict[str, float]:
    vec = {t: w * stats.idf(fieldname, t) for t, w in weights.items() if w > 0}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def _doc_weights(doc: DocFeatures, fieldname: str) -> dict[str, float]:
    return {t: 1.0 + math.log(c) for t, c in doc.terms[fieldname].items() if c > 0}


def features(doc: DocFeatures, doc_vecs: dict[str, dict[str, float]], c: ClusterState,
             stats: DocFreq) -> dict[str, float]:
    """The similarity features of a doc against a cluster (each in [0, 1])."""
    out = {f: cosine(doc_vecs[f], _weighted(c.weights[f], f, stats)) for f in FIELDS}
    out["actors"] = len(doc.actors & c.actors.keys()) / len(doc.actors) if doc.actors else 0.0
    out["time"] = time_factor(doc, c)
    out["leads"] = LEAD_CONFLICT_FACTOR if lead_conflict(doc, c) else 1.0
    return out


def lead_conflict(doc: DocFeatures, c: ClusterState) -> bool:
    """True when the doc and the cluster are about different people: the doc's lead people
    are none of the cluster's, and the cluster's main lead is not named in the doc."""
    if not doc.leads or not c.leads:
        return False
    main = c.leads.most_common(1)[0][0]
    return not (doc.leads & c.leads.keys()) and main not in doc.leads


def score(feats: dict[str, float]) -> float:
    """The merge score: weighted similarity, decayed by time."""
    return feats["time"] * feats["leads"] * sum(w * feats[k] for k, w in WEIGHTS.items())


class ClusterIndex:
    """Where the clusterer keeps its clusters, postings and statistics: in memory here; the store
    adapter (tidings.store.corpus.StoreClusterIndex) keeps the same in SQLite."""

    def __init__(self) -> None:
        self.stats = DocFreq()
        self.clusters: dict[str, ClusterState] = {}
        self.postings: dict[str, set[str]] = {}
        self._next = 0

    def new_id(self, doc: DocFeatures) -> str:
        self._next += 1
        return f"c{self._next:06d}"

    def cluster(self, cluster_id: str) -> ClusterState | None:
        return self.clusters.get(cluster_id)

    def candidates(self, keys: Iterable[str]) -> Counter[str]:
        """Cluster ids sharing each blocking key, with how many keys they share."""
        found: Counter[str] = Counter()
        for k in keys:
            found.update(self.postings.get(k, ()))
        return found

    def save(self, c: ClusterState, doc: DocFeatures) -> None:
        """Record that `doc` joined `c` (already updated): its terms now point at `c`."""
        self.clusters[c.id] = c
        for f in FIELDS:
            for t in doc.terms[f]:
                self.postings.setdefault(f"{f}:{t}", set()).add(c.id)


def blocking_keys(doc: DocFeatures, stats: DocFreq, n: int = BLOCK_TERMS) -> list[str]:
    """The doc's rarest terms that some earlier document shares (by current IDF), as "field:term"
    keys; call after the doc itself was counted in `stats`."""
    scored = [(stats.df[f][t], f"{f}:{t}") for f in FIELDS for t in doc.terms[f] if stats.df[f][t] >= 2]
    scored.sort()
    return [key for _, key in scored[:n]]


class OnlineClusterer:
    """Assigns documents one at a time: statistics update, blocking, scoring, merge or create."""

    def __init__(self, index: ClusterIndex | None = None, threshold: float = MERGE_THRESHOLD):
        self.index = index if index is not None else ClusterIndex()
        self.threshold = threshold

    def add(self, doc: DocFeatures, forced: str | None = None) -> Decision:
        """Place `doc`; `forced` names the cluster it must join (a near-duplicate's original's)."""
        idx = self.index
        idx.stats.add(doc)
        keys = blocking_keys(doc, idx.stats)
        best, best_score, n_cand = None, -1.0, 0
        target = idx.cluster(forced) if forced else None
        if target is None:
            vecs = {f: _weighted(_doc_weights(doc, f), f, idx.stats) for f in FIELDS}
            for cid, _shared in idx.candidates(keys).most_common(MAX_CANDIDATES):
                c = idx.cluster(cid)
                if c is None or not _in_window(doc, c):
                    continue
                n_cand += 1
                s = score(features(doc, vecs, c, idx.stats))
                if s > best_score:
                    best, best_score = c, s
            if best is not None and best_score >= self.threshold:
                target = best
        created = target is None
        if created:
            target = ClusterState(idx.new_id(doc))
        target.absorb(doc)
        idx.save(target, doc)
        return Decision(doc.id, target.id, created, max(best_score, 0.0), n_cand)


def _in_window(doc: DocFeatures, c: ClusterState) -> bool:
    if doc.day is None or c.start is None or c.end is None:
        return True
    return (c.start - doc.day).days <= BLOCK_WINDOW_DAYS and (doc.day - c.end).days <= BLOCK_WINDOW_DAYS


def cluster_all(docs: Iterable[DocFeatures], threshold: float = MERGE_THRESHOLD) -> dict[str, str]:
    """Doc id -> cluster id for documents taken in the given order (in memory, no store)."""
    clusterer = OnlineClusterer(threshold=threshold)
    return {d.id: clusterer.add(d).cluster_id for d in docs}


@dataclass(slots=True)
class ClusterReport:
    """What one clustering pass did."""

    clustered: int = 0
    created: int = 0   # new clusters
    joined: int = 0    # articles that joined an existing cluster
    compared: int = 0  # doc-cluster scores computed (blocking keeps this far below all pairs)


def update_clusters(store, settings=None) -> ClusterReport:
    """Place every article without a cluster, in publication order (undated last), one transaction
    per article; a near-duplicate joins its original's cluster. Running it again does nothing."""
    from ..store.corpus import (
        StoreClusterIndex,
        article_features,
        record_member,
        unclustered_articles,
    )

    report = ClusterReport()
    conn = store.connection
    clusterer = OnlineClusterer(StoreClusterIndex(conn))
    for article_id in unclustered_articles(conn):
        with store.transaction() as tx:
            found = article_features(tx, article_id)
            if found is None:
                continue
            doc, dup_of = found
            forced = None
            if dup_of:
                row = tx.execute("SELECT cluster_id FROM articles WHERE id = ?", (dup_of,)).fetchone()
                forced = row[0] if row else None
            decision = clusterer.add(doc, forced=forced)
            record_member(tx, article_id, decision.cluster_id, decision.score, decision.created)
        report.clustered += 1
        report.created += decision.created
        report.joined += not decision.created
        report.compared += decision.candidates
    return report
