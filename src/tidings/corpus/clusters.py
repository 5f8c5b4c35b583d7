"""Same-event clusters, online: each arriving article joins the best existing cluster or starts a new one."""
from __future__ import annotations

import math
import sqlite3
import tomllib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

from ..config import Settings
from ..errors import ConfigError
from ..model.corpus import FIELDS, ClusterState, DocFeatures
from ..store import Store
from ..store.corpus import (
    ClusterInput,
    cluster_input,
    cluster_of,
    clusters_with_terms,
    load_cluster,
    load_term_df,
    record_member,
    save_cluster,
    save_term_df,
    unclustered_articles,
)
from .features import DocFreq, cosine, doc_features, lead_people

# --- The merge-or-create decision (news-stream clustering after Miranda et al. 2018) ---------
# A document is compared with each candidate cluster on a handful of similarity features
# (FEATURES, each in [0, 1]); a logistic model turns them into the probability that the two
# report one event, and a Gaussian on the time gap decays it:
#   score = time * 1 / (1 + exp(-(intercept + sum_k coef_k * feature_k)))
# The document joins the best-scoring candidate when the score reaches the clusters_join setting,
# else it starts a cluster. The coefficients are plain numbers in the packaged
# data/cluster_weights.toml, fitted by `python -m tidings.corpus.tools.fit_clusters GOLD`
# (logistic regression on document-vs-cluster examples; the file's header names what it was
# fitted on and its cross-validated B-cubed F1), so clustering needs no learning library at run
# time. The time decay is not learned: in ECB+ the paired events of a topic lie months or years
# apart (or are undated), so gaps inside the blocking window carry no signal there, while in a
# news stream the same actors meet again weeks later; it stays a prior with the
# clusters_time_sigma_days setting as its sigma.
#   title, body, ents -- TF-IDF cosine of the field against the cluster's centroid
#   actors            -- share of the document's actors the cluster names
#   half_dated        -- 1 when exactly one side is dated to the day
#   lead_conflict     -- 1 when both have lead people (most-mentioned persons) and share none:
#                        the same kind of event happening to someone else
#   time (the decay)  -- Gaussian on the gap in days between the document's day and the
#                        cluster's dated span; 1 unless both are dated
# Beside the model, one rule: a doc and a cluster dated to different years (a doc that names
# only its year included) never merge (other_year).
#   link_max, link_mean -- body cosine against each of the cluster's latest MEMBER_LINKS
#                        members, the best and the average (single and average link): unlike
#                        the centroid's, they do not grow with the cluster, so one threshold
#                        means the same for a cluster of two and of twenty
#   lead_link         -- the best cosine of the document's lead (its opening LEAD_WORDS words)
#                        against a member's lead: reports of one event share their first lines'
#                        specifics, while two like events share background
FEATURES = ("title", "body", "ents", "actors", "half_dated", "lead_conflict", "link_max", "link_mean", "lead_link")
# Blocking: only clusters sharing one of the doc's BLOCK_TERMS rarest terms that an earlier
# document also holds (by IDF, over all fields) are scored, and at most MAX_CANDIDATES of them
# (those sharing the most such terms). Terms in every other document never block anything.
BLOCK_TERMS = 24
MAX_CANDIDATES = 64
# Dated clusters whose span is more than this many time sigmas (21 days with the default sigma
# of 7) from a dated doc are never scored: beyond it the time factor is below 0.011.
BLOCK_WINDOW_SIGMAS = 3
# Centroid terms kept per field (the heaviest): bounds memory and store rows per cluster.
CENTROID_TERMS = 400
# Members a document is linked against (the latest to join): bounds the work per candidate.
# Not tuned: above the largest ECB+ event (19 documents), so there every member counts.
MEMBER_LINKS = 24


def absorb(c: ClusterState, doc: DocFeatures) -> None:
    """Add one document to a cluster's centroid, actors and span."""
    for f in FIELDS:
        w = c.weights[f]
        for t, n in doc.terms[f].items():
            w[t] += 1.0 + math.log(n)
        if len(w) > CENTROID_TERMS * 2:
            c.weights[f] = Counter(dict(w.most_common(CENTROID_TERMS)))
    c.actors.update(sorted(doc.actors))  # in a fixed order: the stored counts list keys as first seen
    c.leads.update(sorted(doc.leads))  # a fixed order: ties for the main lead go the same way on every run
    if doc.day is not None:
        c.start = doc.day if c.start is None else min(c.start, doc.day)
        c.end = doc.day if c.end is None else max(c.end, doc.day)
        c.years.add(doc.day.year)
    elif doc.year is not None:
        c.years.add(doc.year)
    if not c.title and doc.title:
        c.title = doc.title
    c.n_docs += 1
    c.doc_ids.append(doc.id)


@dataclass(frozen=True, slots=True)
class Decision:
    """Where one document went: the cluster, whether it started it, and the score that decided."""

    doc_id: str
    cluster_id: str
    created: bool
    score: float
    candidates: int


def other_year(doc: DocFeatures, c: ClusterState) -> bool:
    """True when the doc's year (its day's or the only one it names) is none of the cluster's years."""
    year = doc.day.year if doc.day is not None else doc.year
    return year is not None and bool(c.years) and year not in c.years


def time_factor(doc: DocFeatures, c: ClusterState, sigma_days: float) -> float:
    """Gaussian decay on the gap between the doc's day and the cluster's span; 1 unless both are dated."""
    if doc.day is not None and c.start is not None and c.end is not None:
        gap = max((c.start - doc.day).days, (doc.day - c.end).days, 0)
        return math.exp(-(gap * gap) / (2 * sigma_days ** 2))
    return 1.0


def _weighted(weights: dict[str, float] | Counter[str], fieldname: str, stats: DocFreq) -> dict[str, float]:
    vec = {t: w * stats.idf(fieldname, t) for t, w in weights.items() if w > 0}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def member_vec(doc: DocFeatures, fieldname: str, stats: DocFreq) -> dict[str, float]:
    """A document's TF-IDF unit vector of one field under the statistics of the moment."""
    return _weighted(_doc_weights(doc, fieldname), fieldname, stats)


def _doc_weights(doc: DocFeatures, fieldname: str) -> dict[str, float]:
    return {t: 1.0 + math.log(c) for t, c in doc.terms[fieldname].items() if c > 0}


def features(doc: DocFeatures, doc_vecs: dict[str, dict[str, float]], c: ClusterState,
             stats: DocFreq, sigma_days: float, members: Sequence[DocFeatures] = ()) -> dict[str, float]:
    """The similarity features (FEATURES) of a doc against a cluster (and its latest `members`) and
    its time decay, each in [0, 1]."""
    out = {f: cosine(doc_vecs[f], _weighted(c.weights[f], f, stats)) for f in FIELDS}
    out["link_max"], out["link_mean"] = member_links(doc_vecs["body"], list(members), stats)
    out["lead_link"] = lead_link(doc, list(members), stats)
    out["actors"] = len(doc.actors & c.actors.keys()) / len(doc.actors) if doc.actors else 0.0
    out["time"] = time_factor(doc, c, sigma_days)
    out["half_dated"] = float((doc.day is None) != (c.start is None))
    out["lead_conflict"] = float(lead_conflict(doc, c))
    return out


def member_links(doc_vec: dict[str, float], members: Sequence[DocFeatures], stats: DocFreq) -> tuple[float, float]:
    """(best, mean) body cosine of a doc against each of the cluster's members: single and average link."""
    if not members:
        return 0.0, 0.0
    sims = [cosine(doc_vec, member_vec(m, "body", stats)) for m in members]
    return max(sims), sum(sims) / len(sims)


def lead_link(doc: DocFeatures, members: Sequence[DocFeatures], stats: DocFreq) -> float:
    """The best TF-IDF cosine (body statistics) of the doc's lead against a member's lead."""
    if not members or not doc.lead:
        return 0.0
    vec = _weighted(doc.lead, "body", stats)
    return max(cosine(vec, _weighted(m.lead, "body", stats)) for m in members)


def lead_conflict(doc: DocFeatures, c: ClusterState) -> bool:
    """True when the doc and the cluster are about different people: the doc's lead people
    are none of the cluster's, and the cluster's main lead is not named in the doc."""
    if not doc.leads or not c.leads:
        return False
    main = c.leads.most_common(1)[0][0]
    return not (doc.leads & c.leads.keys()) and main not in doc.leads


@dataclass(frozen=True, slots=True)
class ClusterWeights:
    """The same-event model: a logistic model (an intercept, one coefficient per feature name)
    whose probability the time decay multiplies."""

    intercept: float
    coef: dict[str, float]
    source: str = ""

    def probability(self, feats: dict[str, float]) -> float:
        """P(same event) from the features alone (a feature without a coefficient counts 0)."""
        z = self.intercept + sum(w * feats.get(k, 0.0) for k, w in self.coef.items())
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def score(self, feats: dict[str, float]) -> float:
        """The join score: the probability decayed by the time gap (feats["time"], 1 when absent)."""
        return feats.get("time", 1.0) * self.probability(feats)


WEIGHTS_FILE = "cluster_weights.toml"


def load_weights(path: Path | None = None) -> ClusterWeights:
    """The packaged weights (data/cluster_weights.toml) or those of another file of that layout;
    ConfigError when the file is not one."""
    try:
        if path is None:
            raw = resources.files("tidings.corpus").joinpath("data", WEIGHTS_FILE).read_text(encoding="utf-8")
            where = f"tidings/corpus/data/{WEIGHTS_FILE}"
        else:
            raw, where = Path(path).read_text(encoding="utf-8"), str(path)
        table = tomllib.loads(raw)["model"]
        coef = {str(k): float(v) for k, v in table["coef"].items()}
        unknown = set(coef) - set(FEATURES)
        if unknown:
            raise ValueError(f"unknown features {sorted(unknown)}; known: {', '.join(FEATURES)}")
        return ClusterWeights(float(table["intercept"]), coef, where)
    except (OSError, KeyError, TypeError, ValueError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"cannot read cluster weights from {path or WEIGHTS_FILE}: {e}; expected a [model] table "
                          "with intercept = NUMBER and a [model.coef] table of feature = NUMBER") from e


class ClusterIndex:
    """Where the clusterer keeps its clusters, postings and statistics: in memory here; the store
    StoreClusterIndex below keeps the same in the store."""

    def __init__(self) -> None:
        self.stats = DocFreq()
        self.clusters: dict[str, ClusterState] = {}
        self.postings: dict[str, set[str]] = {}
        self.member_docs: dict[str, list[DocFeatures]] = {}
        self._next = 0

    def members(self, c: ClusterState) -> list[DocFeatures]:
        """The cluster's latest MEMBER_LINKS members, oldest first."""
        return self.member_docs.get(c.id, [])[-MEMBER_LINKS:]

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
        self.member_docs.setdefault(c.id, []).append(doc)
        del self.member_docs[c.id][:-MEMBER_LINKS]
        for f in FIELDS:
            for t in doc.terms[f]:
                self.postings.setdefault(f"{f}:{t}", set()).add(c.id)


def blocking_keys(doc: DocFeatures, stats: DocFreq, n: int = BLOCK_TERMS) -> list[str]:
    """The doc's rarest terms that some earlier document shares (by current IDF), as "field:term"
    keys; call after the doc itself was counted in `stats`."""
    scored = [(stats.df[f][t], f"{f}:{t}") for f in FIELDS for t in doc.terms[f] if stats.df[f][t] >= 2]
    scored.sort()
    return [key for _, key in scored[:n]]


class StoreClusterIndex(ClusterIndex):
    """The clusterer's index kept in the store: term_df, clusters, cluster_terms (the inverted
    index). Clusters are read on demand and cached for the run; writes go through `conn` inside
    the caller's per-article transaction."""

    def __init__(self, conn: sqlite3.Connection):
        super().__init__()
        self.conn = conn
        self.stats = DocFreq(*load_term_df(conn))
        self.docs: dict[str, DocFeatures | None] = {}  # stored articles read for member links this run

    def new_id(self, doc: DocFeatures) -> str:
        """Named after the article that starts it: the same articles give the same ids in any store."""
        return "cl-" + doc.id[:12]

    def cluster(self, cluster_id: str) -> ClusterState | None:
        if cluster_id not in self.clusters:
            c = load_cluster(self.conn, cluster_id)
            if c is None:
                return None
            self.clusters[cluster_id] = c
        return self.clusters[cluster_id]

    def candidates(self, keys: Iterable[str]) -> Counter[str]:
        return clusters_with_terms(self.conn, keys)

    def members(self, c: ClusterState) -> list[DocFeatures]:
        """The cluster's latest MEMBER_LINKS members, read from the store once per run."""
        out = []
        for article_id in c.doc_ids[-MEMBER_LINKS:]:
            if article_id not in self.docs:
                found = cluster_input(self.conn, article_id)
                self.docs[article_id] = stored_features(found) if found is not None else None
            if self.docs[article_id] is not None:
                out.append(self.docs[article_id])
        return out

    def save(self, c: ClusterState, doc: DocFeatures) -> None:
        self.clusters[c.id] = c
        self.docs[doc.id] = doc
        save_cluster(self.conn, c, CENTROID_TERMS)
        save_term_df(self.conn, self.stats.n_docs, [(f, t, self.stats.df[f][t]) for f in FIELDS for t in doc.terms[f]])


class OnlineClusterer:
    """Assigns documents one at a time: statistics update, blocking, scoring, merge or create. The
    join probability and the time sigma come from the settings (clusters_join,
    clusters_time_sigma_days), the model from `weights` (the packaged file when not given)."""

    def __init__(self, settings: Settings, index: ClusterIndex | None = None,
                 weights: ClusterWeights | None = None, threshold: float | None = None):
        self.index = index if index is not None else ClusterIndex()
        self.weights = weights if weights is not None else default_weights()
        self.threshold = settings.clusters_join if threshold is None else threshold
        self.sigma_days = settings.clusters_time_sigma_days
        self.window_days = BLOCK_WINDOW_SIGMAS * self.sigma_days

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
                if c is None or not _in_window(doc, c, self.window_days):
                    continue
                n_cand += 1
                s = 0.0 if other_year(doc, c) else self.weights.score(
                    features(doc, vecs, c, idx.stats, self.sigma_days, idx.members(c)))
                if s > best_score:
                    best, best_score = c, s
            if best is not None and best_score >= self.threshold:
                target = best
        created = target is None
        if created:
            target = ClusterState(idx.new_id(doc))
        absorb(target, doc)
        idx.save(target, doc)
        return Decision(doc.id, target.id, created, max(best_score, 0.0), n_cand)


@cache
def default_weights() -> ClusterWeights:
    """The packaged weights, read once per process."""
    return load_weights()


def _in_window(doc: DocFeatures, c: ClusterState, window_days: float) -> bool:
    if doc.day is None or c.start is None or c.end is None:
        return True
    return (c.start - doc.day).days <= window_days and (doc.day - c.end).days <= window_days


@dataclass(slots=True)
class ClusterReport:
    """What one clustering pass did."""

    clustered: int = 0
    created: int = 0   # new clusters
    joined: int = 0    # articles that joined an existing cluster
    compared: int = 0  # doc-cluster scores computed (blocking keeps this far below all pairs)


def update_clusters(store: Store, settings: Settings) -> ClusterReport:
    """Place every article without a cluster, in publication order (undated last), one transaction
    per article; a near-duplicate joins its original's cluster. Running it again does nothing."""
    report = ClusterReport()
    conn = store.connection
    clusterer = OnlineClusterer(settings, StoreClusterIndex(conn))
    for article_id in unclustered_articles(conn):
        with store.transaction() as tx:
            found = cluster_input(tx, article_id)
            if found is None:
                continue
            forced = cluster_of(tx, found.near_duplicate_of) if found.near_duplicate_of else None
            decision = clusterer.add(stored_features(found), forced=forced)
            record_member(tx, article_id, decision.cluster_id, decision.score, decision.created)
        report.clustered += 1
        report.created += decision.created
        report.joined += not decision.created
        report.compared += decision.candidates
    return report


def stored_features(a: ClusterInput) -> DocFeatures:
    """The clusterer's view of a stored article: title, body, resolved actors, publication day."""
    ents = [eid for eid, _ in a.actors]
    people = [eid for eid, etype in a.actors if etype == "PER"]
    day, year = _published_day(a.published, a.published_precision)
    return doc_features(a.id, a.title, a.body, entities=ents, actors=set(ents), leads=lead_people(people),
                        day=day, year=year)


def _published_day(published: str | None, precision: str) -> tuple[date | None, int | None]:
    if not published:
        return None, None
    try:
        if precision.startswith(("day", "datetime")):
            return date.fromisoformat(published[:10]), None
        return None, int(published[:4])
    except ValueError:
        return None, None
