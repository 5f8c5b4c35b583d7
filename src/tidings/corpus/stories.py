"""Stories: same-event clusters threaded over months and years by shared actors, dyads and topic terms, with dated, cited timelines."""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ..config import Settings
from ..store import Store
from ..store.stories import (
    ClusterView,
    cluster_actor_df,
    cluster_views,
    delete_story,
    set_story,
    stale_stories,
    story_articles,
    story_cluster_sizes,
    story_term_df,
    write_story,
)
from .features import cosine, unit
from .summary import summarise_articles

# --- Threading: an arriving cluster joins the best story or starts one ------------------------
# score = time * (WEIGHTS . [actors cosine, topic cosine, dyad overlap]); join at the
# stories_join setting. Weights and that threshold tuned on the demo corpus in examples/ and
# the seeds (see stories_join in tidings.config).
WEIGHTS = {"actors": 0.45, "terms": 0.35, "dyads": 0.20}
# Time factor: 1 up to GRACE_DAYS after the story's last day, then exp(-extra / DECAY_DAYS): a
# follow-up 3 months on keeps 0.89, one a year on 0.43, so stories run on across years only
# through close similarity or updates in between.
GRACE_DAYS = 45
DECAY_DAYS = 365.0
# Factor when the cluster or the story has no date.
UNDATED_FACTOR = 0.6
# Terms and actors kept per story (the heaviest), bounding the stored JSON.
STORY_TERMS = 300
STORY_ACTORS = 60

SUMMARY_SENTENCES = 4  # sentences in a story's cited summary


@dataclass(slots=True)
class StoryState:
    """A story as the threader keeps it: summed cluster actors, topic terms, dyads and span."""

    id: str
    actors: Counter = field(default_factory=Counter)
    terms: Counter = field(default_factory=Counter)
    dyads: set[str] = field(default_factory=set)
    start: date | None = None
    end: date | None = None
    clusters: list[str] = field(default_factory=list)

    def absorb(self, c) -> None:
        self.actors.update(c.actors)
        self.terms.update(c.terms)
        if len(self.terms) > 2 * STORY_TERMS:
            self.terms = Counter(dict(self.terms.most_common(STORY_TERMS)))
        self.dyads |= set(c.dyads)
        for d in (c.start, c.end):
            if d:
                day = date.fromisoformat(d[:10])
                self.start = day if self.start is None else min(self.start, day)
                self.end = day if self.end is None else max(self.end, day)
        self.clusters.append(c.id)


@dataclass(slots=True)
class Idf:
    """Inverse frequencies of actors (over clusters) and terms (over articles)."""

    n_clusters: int = 0
    actor_df: dict[str, int] = field(default_factory=dict)
    n_docs: int = 0
    term_df: dict[str, int] = field(default_factory=dict)

    def actor(self, a: str) -> float:
        return math.log((self.n_clusters + 1) / (self.actor_df.get(a, 0) + 1)) + 1.0

    def term(self, t: str) -> float:
        return math.log((self.n_docs + 1) / (self.term_df.get(t, 0) + 1)) + 1.0


def time_factor(c, s: StoryState) -> float:
    if not c.start or s.end is None:
        return UNDATED_FACTOR
    start = date.fromisoformat(c.start[:10])
    end = date.fromisoformat((c.end or c.start)[:10])
    gap = max((start - s.end).days, (s.start - end).days, 0)
    return math.exp(-max(0, gap - GRACE_DAYS) / DECAY_DAYS)


def cluster_vectors(c, idf: Idf) -> tuple[dict[str, float], dict[str, float]]:
    """A cluster's unit actor and topic vectors."""
    return (unit({a: math.log1p(n) * idf.actor(a) for a, n in c.actors.items()}),
            unit({t: w * idf.term(t) for t, w in c.terms.items()}))


def story_vectors(s: StoryState, idf: Idf) -> tuple[dict[str, float], dict[str, float]]:
    """A story's unit actor and topic vectors (its heaviest STORY_TERMS terms)."""
    return (unit({a: math.log1p(n) * idf.actor(a) for a, n in s.actors.items()}),
            unit({t: w * idf.term(t) for t, w in s.terms.most_common(STORY_TERMS)}))


def features(c, s: StoryState, cv: tuple[dict, dict], sv: tuple[dict, dict]) -> dict[str, float]:
    """The threading features of a cluster against a story from their vectors, each in [0, 1]."""
    dyads = (len(set(c.dyads) & s.dyads) / min(len(c.dyads), len(s.dyads))) if c.dyads and s.dyads else 0.0
    return {"actors": cosine(cv[0], sv[0]), "terms": cosine(cv[1], sv[1]), "dyads": dyads,
            "time": time_factor(c, s)}


def similarity(c, s: StoryState, idf: Idf) -> dict[str, float]:
    """The threading features of a cluster against a story, each in [0, 1]."""
    return features(c, s, cluster_vectors(c, idf), story_vectors(s, idf))


def thread_score(feats: dict[str, float]) -> float:
    return feats["time"] * sum(w * feats[k] for k, w in WEIGHTS.items())


def thread(clusters: list[ClusterView], stories: dict[str, StoryState], idf: Idf,
           threshold: float) -> dict[str, str]:
    """Cluster id -> story id for clusters taken in the given order (start order): each joins the
    best-scoring story at or above the threshold or starts a new one. `stories` is updated.
    A cluster is scored only against the stories that could reach the threshold (StoryIndex);
    each story's vectors are computed once and again only after it takes a cluster."""
    out = {}
    vectors: dict[str, tuple[dict, dict]] = {}
    index = StoryIndex(stories)
    for c in clusters:
        cv = cluster_vectors(c, idf)
        best, best_score = None, -1.0
        for s in index.candidates(c, cv, threshold):
            sv = vectors.get(s.id)
            if sv is None:
                sv = vectors[s.id] = story_vectors(s, idf)
            score = thread_score(features(c, s, cv, sv))
            if score > best_score:
                best, best_score = s, score
        if best is None or best_score < threshold:
            best = index.add(StoryState("st-" + c.id.removeprefix("cl-")))
        best.absorb(c)
        index.took(best, c)
        vectors.pop(best.id, None)
        out[c.id] = best.id
    return out


# A story left out by the index scores below the threshold by at least this much (rounding).
_BOUND_MARGIN = 1e-9


class StoryIndex:
    """Stories by the actors, terms and dyads they hold, so that a cluster meets only the stories
    that could score at or above the threshold with it.

    Exact, by prefix filtering: a story that shares no dyad with the cluster, and of its actors
    and terms only those in a set C, scores at most WEIGHTS.actors * |actors of the cluster's
    unit vector in C| + WEIGHTS.terms * |terms in C| (Cauchy-Schwarz against the story's unit
    vectors; the time factor is at most 1). C is grown from the items most stories hold while
    that bound stays under the threshold; the candidates are the stories holding a dyad of the
    cluster or one of its items outside C, in the order the stories were made."""

    def __init__(self, stories: dict[str, StoryState]):
        self.stories = stories
        self.rank = {sid: i for i, sid in enumerate(stories)}
        self.postings: dict[tuple[str, str], set[str]] = {}
        for s in stories.values():
            self._post(s.id, s.actors, s.terms, s.dyads)

    def _post(self, sid: str, actors, terms, dyads) -> None:
        for kind, items in (("a", actors), ("t", terms), ("d", dyads)):
            for item in items:
                self.postings.setdefault((kind, item), set()).add(sid)

    def add(self, s: StoryState) -> StoryState:
        self.stories[s.id] = s
        self.rank.setdefault(s.id, len(self.rank))
        return s

    def took(self, s: StoryState, c) -> None:
        """Index what a story took from a cluster (items it later drops stay: a superset is safe)."""
        self._post(s.id, c.actors, c.terms, c.dyads)

    def candidates(self, c, cv: tuple[dict, dict], threshold: float) -> list[StoryState]:
        if threshold <= _BOUND_MARGIN:  # a story sharing nothing reaches it
            return list(self.stories.values())
        weighted = [(len(self.postings.get((kind, item), ())), kind, item, w)
                    for kind, vec in (("a", cv[0]), ("t", cv[1])) for item, w in vec.items()]
        weighted.sort(key=lambda x: (-x[0], x[1], x[2]))
        squares = {"a": 0.0, "t": 0.0}
        probe: list[tuple[str, str]] = [("d", d) for d in c.dyads]
        for i, (_n, kind, item, w) in enumerate(weighted):
            squares[kind] += w * w
            bound = WEIGHTS["actors"] * math.sqrt(squares["a"]) + WEIGHTS["terms"] * math.sqrt(squares["t"])
            if bound >= threshold - _BOUND_MARGIN:
                probe += [(k, t) for _n2, k, t, _w in weighted[i:]]
                break
        found: set[str] = set()
        for key in probe:
            found |= self.postings.get(key, set())
        return [self.stories[sid] for sid in sorted(found, key=self.rank.__getitem__)]


@dataclass(slots=True)
class StoriesReport:
    """What one update_stories run did."""

    threaded: int = 0              # clusters placed in a story
    created: int = 0               # new stories
    refreshed: int = 0             # stories whose span, actors, title and summary were rewritten


def _story_state(sid: str, views: list) -> StoryState:
    s = StoryState(sid)
    for c in views:
        s.absorb(c)
    return s


def update_stories(store: Store, settings: Settings) -> StoriesReport:
    """The last corpus stage, after merged events (their dyads feed the threading), incrementally:
    thread clusters without a story into stories (joining at settings.stories_join), and rewrite
    the stories that changed (span, actors, title, cited summary). Rerunning with nothing new
    does nothing."""
    report = StoriesReport()
    conn = store.connection
    views = cluster_views(conn)
    pending = [c for c in views if c.story_id is None]
    touched: set[str] = set()
    assigned: dict[str, str] = {}
    if pending:
        idf = _idf(conn)
        stories: dict[str, StoryState] = {}
        by_story: dict[str, list] = {}
        for c in views:
            if c.story_id:
                by_story.setdefault(c.story_id, []).append(c)
        for sid, members in by_story.items():
            stories[sid] = _story_state(sid, members)
        known = set(stories)
        with store.transaction() as tx:
            assigned = thread(pending, stories, idf, settings.stories_join)
            for cid, sid in assigned.items():
                set_story(tx, cid, sid)
                touched.add(sid)
                report.threaded += 1
            report.created = len(set(stories) - known)
    # Each story's clusters, as threaded now: read once, not once per story rewritten.
    members_of: dict[str, list] = {}
    for c in views:
        sid = assigned.get(c.id, c.story_id)
        if sid:
            members_of.setdefault(sid, []).append(c)
    with store.transaction() as tx:
        for sid in sorted(touched | set(stale_stories(tx))):
            _refresh(tx, sid, members_of.get(sid, []))
            report.refreshed += 1
    return report


def _idf(conn) -> Idf:
    n_clusters, actor_df = cluster_actor_df(conn)
    n_docs, term_df = story_term_df(conn)
    return Idf(n_clusters, actor_df, n_docs, term_df)


def _refresh(conn, sid: str, members: list) -> None:
    """Rewrite one story's row from its clusters (or drop it when it has none left)."""
    if not members:
        delete_story(conn, sid)
        return
    s = _story_state(sid, members)
    n_articles = story_cluster_sizes(conn, sid)
    lead = min(members, key=lambda c: (-n_articles.get(c.id, 0), c.start or "9999", c.id))
    title = next((c.title for c in [lead, *members] if c.title), None)
    originals = [(aid, body) for aid, _t, body, _o, _p, dup in story_articles(conn, sid) if dup is None]
    summary = [c.record() for c in summarise_articles(originals, SUMMARY_SENTENCES)]
    write_story(conn, sid, title, s.start.isoformat() if s.start else None, s.end.isoformat() if s.end else None,
                len(members), dict(s.actors.most_common(STORY_ACTORS)), dict(s.terms.most_common(40)),
                sorted(s.dyads), summary)


__all__ = ["Idf", "StoriesReport", "StoryIndex", "StoryState", "similarity", "thread", "thread_score", "update_stories"]
