"""Fill a tidings store with a synthetic corpus at scale (articles, events, clusters, stories) for query benchmarks.

    python -m tidings.store.tools.fill_synthetic --events 1000000 --db /tmp/big.db

The store is created through `Store.open` (the real schema and every migration); rows are then
bulk-inserted with executemany, one transaction per table chunk. The summaries kept by triggers
(dyads of merged events, actor-recipient pairs of events) are switched off during the fill and
built afterwards set by set, by the very statements their migrations summarise an existing store
with; then the triggers and indexes are put back as they were. Frequencies are skewed as in
news: a few outlets, actors, places and event types carry most rows (Zipf-like), the rest form a
long tail; dates cover ten years. A fixed seed makes the same store every time.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sqlite3
import time
from bisect import bisect
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

from ...errors import StoreError
from ..db import Store
from ..schema import _statements, migrations

# PLOVER types with their quad class, most frequent first (roughly the shares the coder finds in
# wire news: consultations and statements dominate, sanctions and retreats are rare).
EVENT_TYPES = (("CONSULT", 1), ("ACCUSE", 3), ("ASSAULT", 4), ("AGREE", 1), ("SUPPORT", 1),
               ("REQUEST", 1), ("COOPERATE", 2), ("PROTEST", 3), ("REJECT", 3), ("THREATEN", 3),
               ("AID", 2), ("COERCE", 4), ("MOBILIZE", 4), ("SANCTION", 4), ("CONCEDE", 2), ("RETREAT", 2))
MODALITIES = (("asserted", 80), ("negated", 4), ("hypothetical", 6), ("future", 7), ("uncertain", 3))
ENTITY_KINDS = (("COUNTRY", 200), ("PER", 6000), ("GROUP", 1500), ("AGENCY", 2000), ("IGO", 150), ("MEDIA", 150))
WORDS = ["minister", "president", "talks", "border", "ceasefire", "troops", "election", "parliament", "protest", "police", "court", "sanctions", "trade", "aid", "refugees", "militants", "attack", "village", "city", "capital", "government", "opposition", "agreement", "summit", "delegation", "embassy", "envoy", "military", "army", "officials", "spokesman", "statement", "negotiations", "security", "forces", "strike", "convoy", "camp", "province", "district", "governor", "rebels", "coalition", "budget", "oil", "gas", "pipeline", "water", "drought", "flood", "hospital", "school", "students", "workers", "union", "strike", "reporters", "interview", "visit", "meeting", "phone", "call", "accord", "treaty", "deal", "loan", "bank", "currency", "inflation"]
START_DAY = date(2016, 1, 1)
DAYS = 3653           # ten years of publication dates
EVENTS_PER_ARTICLE = 10
ARTICLES_PER_CLUSTER = 3.0   # mean cluster size; most clusters hold one to three articles
CLUSTERS_PER_STORY = 4.0


@dataclass(frozen=True, slots=True)
class Plan:
    """How big the synthetic store is."""

    events: int
    articles: int
    outlets: int = 60
    places: int = 8000
    seed: int = 13


class Zipf:
    """Draw indexes 0..n-1 with probability proportional to 1 / (rank + 1) ** s."""

    def __init__(self, n: int, s: float, rng: random.Random):
        self.cum = list(accumulate(1.0 / (i + 1) ** s for i in range(n)))
        self.rng = rng

    def __call__(self) -> int:
        return bisect(self.cum, self.rng.random() * self.cum[-1])


def _weighted(pairs, rng: random.Random):
    names = [p[0] for p in pairs]
    weights = [p[1] for p in pairs]
    return lambda: rng.choices(names, weights)[0]


def _entities(rng: random.Random) -> list[tuple]:
    out = []
    codes = [f"{chr(65 + i // 26 % 26)}{chr(65 + i % 26)}{chr(65 + (i * 7) % 26)}" for i in range(200)]
    for kind, n in ENTITY_KINDS:
        for i in range(n):
            country = codes[i % len(codes)] if kind != "IGO" else None
            if kind == "COUNTRY":
                eid, name = f"cty:{codes[i]}", f"Republic of {codes[i].title()}land"
            else:
                eid, name = f"{kind.lower()}:{i:05d}", f"{rng.choice(WORDS).title()} {kind.title()} {i}"
            out.append((eid, name, kind, country, None, "kb", 1))
    return out


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def fill(path: Path, plan: Plan, log=print) -> dict:
    """Create the store at `path` (it must not exist) and fill it; returns the row counts."""
    if path.exists():
        raise StoreError(f"{path} exists already; the synthetic fill writes a new store only. Remove it first.")
    with Store.open(path) as store:
        conn = store.connection
        conn.execute("PRAGMA foreign_keys = OFF")  # rows are written parents first; checks only slow the fill
        rng = random.Random(plan.seed)
        t0 = time.perf_counter()
        saved = _summaries_off(conn)
        entities = _entities(rng)
        _insert(conn, "entities", ("id", "name", "type", "country", "sector", "origin", "linked"), entities)
        places = [(f"gn:{100000 + i}", f"{rng.choice(WORDS).title()}{i}", rng.uniform(-50, 60), rng.uniform(-120, 140),
                   entities[i % 200][3], f"Province {i % 40}", 100000 + i) for i in range(plan.places)]
        _insert(conn, "places", ("id", "name", "lat", "lon", "country", "admin1", "geonameid"), places)
        counts = _fill_articles(conn, plan, rng, entities, places, log)
        t1 = time.perf_counter()
        _summaries_on(conn, saved)
        log(f"summaries built in {time.perf_counter() - t1:.1f} s")
        counts.update(entities=len(entities), places=len(places), seconds=round(time.perf_counter() - t0, 1))
        conn.execute("ANALYZE")
    return counts


# The tables whose writes keep a summary in step and the summary tables (their triggers; of the
# summaries also their secondary indexes), and the migrations that made them, whose statements
# building the summary of an existing store are run after the fill.
WATCHED = ("merged_events", "entity_redirects", "events", "event_parties")
SUMMARIES = ("dyad_events", "dyad_totals", "dyad_articles", "dyad_sources", "event_pairs")
SUMMARY_MIGRATIONS = ("0008_dyad_summary.sql", "0010_event_pairs.sql")


def _summaries_off(conn: sqlite3.Connection) -> list[str]:
    """Drop the summary triggers and the summary tables' indexes; returns their SQL to re-create them."""
    marks = ", ".join("?" * len(SUMMARIES))
    rows = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND ((type = 'trigger' AND tbl_name IN"
        f" ({', '.join('?' * len(WATCHED))}, {marks})) OR (type = 'index' AND tbl_name IN ({marks})))",
        (*WATCHED, *SUMMARIES, *SUMMARIES)).fetchall()
    conn.execute("BEGIN")
    for kind, name, _ in rows:
        conn.execute(f'DROP {kind.upper()} "{name}"')
    conn.execute("COMMIT")
    return [sql for _, _, sql in rows]


def _summaries_on(conn: sqlite3.Connection, saved: list[str]) -> None:
    """Build every summary from the filled tables (its migration's own statements), then put the
    indexes and triggers back."""
    known = {m.name: m for m in migrations()}
    conn.execute("BEGIN")
    for name in SUMMARY_MIGRATIONS:
        for statement in _statements(known[name].sql):
            if statement.upper().startswith(("INSERT", "CREATE TEMP", "DROP TABLE TEMP")):
                conn.execute(statement)
    for sql in saved:
        conn.execute(sql)
    conn.execute("COMMIT")


def _insert(conn: sqlite3.Connection, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    if not rows:
        return
    cols = ", ".join(f'"{c}"' for c in columns)
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * len(columns))})", rows)
    conn.execute("COMMIT")


ARTICLE_COLUMNS = ("seq", "id", "origin", "body", "title", "outlet", "author", "published", "published_precision",
                   "dateline", "wire", "language", "url", "near_duplicate_of", "cluster_id", "ingested_at")
EVENT_COLUMNS = ("id", "article_id", "sentence_index", "sentence_start", "sentence_end", "trigger", "trigger_start",
                 "trigger_end", "event_type", "mode", "modality", "cameo_root", "quad_class", "intensity", "date",
                 "date_start", "date_end", "date_precision", "date_text", "place_id", "confidence", "merged_event_id")
PARTY_COLUMNS = ("event_id", "role", "position", "entity_id", "name", "country", "sector")
MERGED_COLUMNS = ("id", "event_type", "mode", "modality", "quad_class", "intensity", "date", "date_start", "date_end",
                  "date_precision", "cluster_id", "actors", "recipients", "article_ids", "num_articles", "num_sources",
                  "sources", "contradictions", "summary", "text", "n_members", "updated_at")


class _Corpus:
    """The random draws shared by every article."""

    def __init__(self, plan: Plan, rng: random.Random, entities: list[tuple], places: list[tuple]):
        self.rng = rng
        self.entities = entities
        self.actor = Zipf(len(entities), 1.05, rng)      # a handful of states and leaders dominate
        self.place = Zipf(len(places), 1.0, rng)
        self.places = places
        self.outlet = Zipf(plan.outlets, 0.9, rng)
        self.etype = Zipf(len(EVENT_TYPES), 0.8, rng)
        self.modality = _weighted(MODALITIES, rng)
        # Entity order: shuffle within kinds so that frequent actors are a mix of states and people.
        self.order = list(range(len(entities)))
        head = self.order[:400]
        rng.shuffle(head)
        self.order[:400] = head

    def party(self) -> tuple:
        return self.entities[self.order[self.actor()]]


def _fill_articles(conn: sqlite3.Connection, plan: Plan, rng: random.Random, entities, places, log) -> dict:
    c = _Corpus(plan, rng, entities, places)
    counts = dict.fromkeys(("articles", "mentions", "events", "event_parties", "merged_events", "clusters",
                            "stories"), 0)
    per_article = max(1, round(plan.events / plan.articles))
    # Articles are published in date order; clusters are runs of consecutive articles.
    days = sorted(rng.randrange(DAYS) for _ in range(plan.articles))
    chunk = 5000
    cluster_no, story_no, left_in_cluster, left_in_story = 0, 0, 0, 0
    story_of_cluster: dict[str, str] = {}
    cluster_span: dict[str, list] = {}
    for start in range(0, plan.articles, chunk):
        arts, mentions, events, parties, members = [], [], [], [], []
        for seq in range(start, min(plan.articles, start + chunk)):
            if left_in_cluster <= 0:
                cluster_no += 1
                left_in_cluster = max(1, int(rng.expovariate(1 / ARTICLES_PER_CLUSTER)) + 1)
                if left_in_story <= 0:
                    story_no += 1
                    left_in_story = max(1, int(rng.expovariate(1 / CLUSTERS_PER_STORY)) + 1)
                left_in_story -= 1
                story_of_cluster[f"c{cluster_no:07d}"] = f"s{story_no:06d}"
            left_in_cluster -= 1
            cid = f"c{cluster_no:07d}"
            day = START_DAY + timedelta(days=days[seq])
            aid = hashlib.sha256(f"synthetic article {seq}".encode()).hexdigest()
            focus = [c.party() for _ in range(3)]
            title = f"{focus[0][1]} and {focus[1][1]} {rng.choice(WORDS)} {rng.choice(WORDS)}"
            body = f"{focus[0][1]} {_text(rng, 60)}. {focus[1][1]} {_text(rng, 60)}. {focus[2][1]} {_text(rng, 40)}."
            outlet = f"Outlet {c.outlet():02d}"
            arts.append((seq + 1, aid, f"synthetic/{seq}.txt", body, title, outlet, None, day.isoformat(), "day",
                         None, None, "en", f"https://example.org/{seq}", None, cid, "2026-12-03T00:00:00+00:00"))
            members.append((aid, cid, 1.0, 0, "2026-12-03T00:00:00+00:00"))
            cluster_span.setdefault(cid, [day, day, 0, []])
            span = cluster_span[cid]
            span[1], span[2] = day, span[2] + 1
            for k, ent in enumerate(dict.fromkeys(focus)):
                mentions.append((aid, k, k * 100, k * 100 + len(ent[1]), ent[1], ent[2], ent[0]))
            n_ev = max(1, round(rng.gauss(per_article, per_article / 3)))
            for j in range(n_ev):
                _event(c, aid, seq, j, day, focus, events, parties, span[3])
        counts["articles"] += len(arts)
        counts["mentions"] += len(mentions)
        counts["events"] += len(events)
        counts["event_parties"] += len(parties)
        conn.execute("BEGIN")
        conn.executemany(f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) VALUES ({', '.join('?' * 16)})", arts)
        conn.executemany('INSERT OR IGNORE INTO mentions (article_id, sentence_index, start, "end", text, label,'
                         " entity_id) VALUES (?, ?, ?, ?, ?, ?, ?)", mentions)
        conn.executemany(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * 22)})", events)
        conn.executemany(f"INSERT INTO event_parties ({', '.join(PARTY_COLUMNS)}) VALUES ({', '.join('?' * 7)})",
                         parties)
        conn.executemany("INSERT INTO cluster_members (article_id, cluster_id, score, created, clustered_at)"
                         " VALUES (?, ?, ?, ?, ?)", members)
        conn.execute("COMMIT")
        log(f"articles {counts['articles']:,} events {counts['events']:,}")
    counts.update(_corpus_rows(conn, cluster_span, story_of_cluster))
    return counts


def _event(c: _Corpus, aid: str, seq: int, j: int, day: date, focus: list, events: list, parties: list,
           cluster_events: list) -> None:
    rng = c.rng
    etype, quad = EVENT_TYPES[c.etype()]
    modality = c.modality()
    eid = hashlib.blake2b(f"{aid}:{j}".encode(), digest_size=16).hexdigest()
    when = rng.random()
    if when < 0.08:      # undated
        d, ds, de, prec = None, None, None, "none"
    elif when < 0.18:    # a month or a year
        ds = (day - timedelta(days=rng.randrange(0, 60))).replace(day=1)
        de = ds + timedelta(days=27 if when < 0.15 else 364)
        d, ds, de, prec = None, ds.isoformat(), de.isoformat(), "month" if when < 0.15 else "year"
    else:
        x = (day - timedelta(days=rng.randrange(0, 4))).isoformat()
        d, ds, de, prec = x, x, x, "day"
    place = c.places[c.place()][0] if rng.random() < 0.6 else None
    events.append((eid, aid, j, j * 120, j * 120 + 110, "met", j * 120 + 10, j * 120 + 13, etype, None, modality,
                   "04", quad, round(rng.uniform(-10, 10), 1), d, ds, de, prec, None, place,
                   round(rng.uniform(0.5, 1), 2), None))
    actor = focus[0] if rng.random() < 0.5 else c.party()
    sides = [("actor", actor)]
    if rng.random() < 0.2:
        sides.append(("actor", c.party()))
    if rng.random() < 0.75:
        other = focus[1] if rng.random() < 0.5 else c.party()
        if other[0] != actor[0]:
            sides.append(("recipient", other))
    pos = {"actor": 0, "recipient": 0}
    for role, ent in sides:
        parties.append((eid, role, pos[role], ent[0], ent[1], ent[3], None))
        pos[role] += 1
    cluster_events.append((eid, aid, etype, quad, modality, d, ds, de, prec, [s for s in sides]))


def _corpus_rows(conn: sqlite3.Connection, spans: dict, story_of: dict) -> dict:
    """Merged events (a cluster's mentions of one type and modality), clusters and stories."""
    now = "2026-12-03T00:00:00+00:00"
    clusters, merged, dyads, set_merged = [], [], [], []
    stories: dict[str, list] = {}
    for cid, (first, last, n, evs) in spans.items():
        sid = story_of[cid]
        clusters.append((cid, f"Cluster {cid}", first.isoformat(), last.isoformat(), n, json.dumps([first.year]),
                         "{}", "{}", sid, now, now))
        st = stories.setdefault(sid, [first, last, 0])
        st[1], st[2] = last, st[2] + 1
        groups: dict[tuple, list] = {}
        for ev in evs:
            groups.setdefault((ev[2], ev[4]), []).append(ev)
        for (etype, modality), members in groups.items():
            mid = "m" + members[0][0][:20]
            head = members[0]
            actors = {p[1][0]: p[1] for m in members for p in m[9] if p[0] == "actor"}
            recips = {p[1][0]: p[1] for m in members for p in m[9] if p[0] == "recipient"}
            articles = sorted({m[1] for m in members})
            as_json = [{"entity_id": e[0], "name": e[1], "country": e[3]} for e in actors.values()]
            rs_json = [{"entity_id": e[0], "name": e[1], "country": e[3]} for e in recips.values()]
            merged.append((mid, etype, None, modality, head[3], 0.0, head[5], head[6], head[7], head[8], cid,
                           json.dumps(as_json), json.dumps(rs_json), json.dumps(articles), len(articles),
                           len(articles), json.dumps([f"Outlet {i}" for i in range(len(articles))]), "[]", None,
                           f"{etype.lower()} reported by {len(articles)} articles", len(members), now))
            set_merged += [(mid, m[0]) for m in members]
            if modality == "asserted":
                pairs = {tuple(sorted((a, b))) for a in actors for b in recips if a != b}
                dyads += [(mid, a, b) for a, b in pairs]
    story_rows = [(sid, f"Story {sid}", first.isoformat(), last.isoformat(), n, "{}", "{}", "[]", "[]", now)
                  for sid, (first, last, n) in stories.items()]
    _insert(conn, "clusters", ("id", "title", "start", "end", "n_articles", "years", "actors", "leads", "story_id",
                               "created_at", "updated_at"), clusters)
    _insert(conn, "merged_events", MERGED_COLUMNS, merged)
    _insert(conn, "merged_event_dyads", ("merged_event_id", "a", "b"), dyads)
    _insert(conn, "stories", ("id", "title", "start", "end", "n_clusters", "actors", "terms", "dyads", "summary",
                              "updated_at"), story_rows)
    conn.execute("BEGIN")
    conn.executemany("UPDATE events SET merged_event_id = ? WHERE id = ?", set_merged)
    conn.execute("COMMIT")
    return {"clusters": len(clusters), "merged_events": len(merged), "stories": len(story_rows)}


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", type=Path, required=True, help="the new store file to write")
    p.add_argument("--events", type=int, default=1_000_000)
    p.add_argument("--articles", type=int, default=None, help="default: one article per ten events")
    p.add_argument("--seed", type=int, default=13)
    a = p.parse_args(argv)
    plan = Plan(events=a.events, articles=a.articles or max(1, a.events // EVENTS_PER_ARTICLE), seed=a.seed)
    counts = fill(a.db, plan)
    counts["size_mb"] = round(a.db.stat().st_size / 2**20, 1)
    print(json.dumps(counts))


if __name__ == "__main__":
    main()
