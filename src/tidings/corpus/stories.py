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
    Each story's vectors are computed once and again only after it takes a cluster."""
    out = {}
    vectors: dict[str, tuple[dict, dict]] = {}
    for c in clusters:
        cv = cluster_vectors(c, idf)
        best, best_score = None, -1.0
        for s in stories.values():
            sv = vectors.get(s.id)
            if sv is None:
                sv = vectors[s.id] = story_vectors(s, idf)
            score = thread_score(features(c, s, cv, sv))
            if score > best_score:
                best, best_score = s, score
        if best is None or best_score < threshold:
            best = StoryState("st-" + c.id.removeprefix("cl-"))
            stories[best.id] = best
        best.absorb(c)
        vectors.pop(best.id, None)
        out[c.id] = best.id
    return out


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


__all__ = ["Idf", "StoriesReport", "StoryState", "similarity", "thread", "thread_score", "update_stories"]
