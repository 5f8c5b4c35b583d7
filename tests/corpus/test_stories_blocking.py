"""Story threading meets only the stories a cluster could join, and threads exactly as scoring every story."""
from __future__ import annotations

import random

from tidings.config import Settings
from tidings.corpus.stories import Idf, StoryIndex, cluster_vectors, features, thread, thread_score
from tidings.store.stories import ClusterView

JOIN = Settings().stories_join

LEADERS = ["per:emomali-rahmon", "per:imran-khan", "per:vladimir-putin", "per:recep-erdogan", "per:ilham-aliyev",
           "per:nikol-pashinyan", "per:kassym-tokayev", "per:shavkat-mirziyoyev"]
COUNTRIES = ["cty:TJK", "cty:PAK", "cty:RUS", "cty:TUR", "cty:AZE", "cty:ARM", "cty:KAZ", "cty:UZB", "cty:AFG"]
TOPICS = [["border", "reservists", "frontier", "troops", "checkpoint"],
          ["pipeline", "gas", "tariff", "supply", "contract"],
          ["ceasefire", "talks", "mediators", "truce", "prisoners"],
          ["election", "ballot", "turnout", "observers", "commission"],
          ["flood", "relief", "evacuated", "rainfall", "dam"]]
TOWNS = ["dushanbe", "khorog", "peshawar", "quetta", "kazan", "tbilisi", "ganja", "gyumri", "shymkent", "samarkand",
         "termez", "kunduz", "mazar", "herat", "osh", "batken", "aktau", "nukus", "izmir", "van"]
COMMON = ["said", "minister", "government", "official", "statement", "week"]


def _view(rng: random.Random, i: int) -> ClusterView:
    actors = rng.sample(LEADERS, rng.randint(0, 1)) + rng.sample(COUNTRIES, rng.randint(0, 1))
    topic = rng.choice(TOPICS)
    words = rng.sample(topic, 2) + [rng.choice(TOWNS)] + rng.sample(COMMON, 3)
    terms = {t: rng.uniform(0.5, 2.0) for t in words}
    dyads = {"|".join(sorted(rng.sample(COUNTRIES, 2)))} if rng.random() < 0.2 else set()
    day = f"20{rng.randint(19, 23)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return ClusterView(f"cl-{i:04d}", None, day, day, [int(day[:4])], {a: rng.randint(1, 3) for a in actors},
                       terms, dyads)


def _thread_everything(clusters, idf, threshold):
    """Every cluster against every story, as threading was before it was blocked."""
    stories, out = {}, {}
    from tidings.corpus.stories import StoryState, story_vectors
    for c in clusters:
        cv = cluster_vectors(c, idf)
        best, best_score = None, -1.0
        for s in stories.values():
            score = thread_score(features(c, s, cv, story_vectors(s, idf)))
            if score > best_score:
                best, best_score = s, score
        if best is None or best_score < threshold:
            best = stories.setdefault("st-" + c.id.removeprefix("cl-"), StoryState("st-" + c.id.removeprefix("cl-")))
        best.absorb(c)
        out[c.id] = best.id
    return out


def test_blocked_threading_equals_scoring_every_story():
    rng = random.Random(7)
    clusters = sorted((_view(rng, i) for i in range(300)), key=lambda c: (c.start, c.id))
    idf = Idf(n_clusters=300, actor_df={c: 120 for c in COUNTRIES}, n_docs=900, term_df={t: 800 for t in COMMON})
    for threshold in (JOIN, 0.1, 0.3, 0.0):
        assert thread(clusters, {}, idf, threshold) == _thread_everything(clusters, idf, threshold)


def test_a_story_sharing_only_common_words_is_not_a_candidate():
    idf = Idf(n_clusters=50, n_docs=500, term_df={t: 450 for t in COMMON})
    old = ClusterView("cl-gas", None, "2022-03-01", "2022-03-01", [2022], {"cty:TUR": 1},
                      {"pipeline": 2.0, "gas": 2.0, "said": 1.0, "minister": 1.0}, set())
    stories = {}
    thread([old], stories, idf, JOIN)
    index = StoryIndex(stories)
    flood = ClusterView("cl-flood", None, "2022-03-05", "2022-03-05", [2022], {"cty:PAK": 1},
                        {"flood": 2.0, "relief": 2.0, "said": 1.0, "minister": 1.0}, set())
    assert index.candidates(flood, cluster_vectors(flood, idf), JOIN) == []
    follow_up = ClusterView("cl-gas2", None, "2022-04-01", "2022-04-01", [2022], {"cty:TUR": 1},
                            {"pipeline": 1.0, "tariff": 2.0, "said": 1.0}, set())
    assert [s.id for s in index.candidates(follow_up, cluster_vectors(follow_up, idf), JOIN)] == ["st-gas"]
