-- Schema 6: merged events across outlets (with contradictions) and stories (tidings.corpus.merge, .stories).

-- One row per merged event: the event mentions (events.merged_event_id) of several articles that
-- report the same happening. actors / recipients / contradictions: JSON as merged_events.jsonl
-- spells them; sources: JSON list of source keys (outlet or wire; a copy counts as its original).
-- n_members: how many event mentions the row was computed from (a re-coded article resets its
-- mentions' merged_event_id, so a count that no longer matches marks the row stale).
CREATE TABLE IF NOT EXISTS merged_events (
    id             TEXT PRIMARY KEY,
    event_type     TEXT NOT NULL,
    mode           TEXT,
    modality       TEXT NOT NULL,
    quad_class     INTEGER NOT NULL,
    intensity      REAL NOT NULL,
    date           TEXT,
    date_start     TEXT,
    date_end       TEXT,
    date_precision TEXT,
    cluster_id     TEXT,
    actors         TEXT NOT NULL DEFAULT '[]',
    recipients     TEXT NOT NULL DEFAULT '[]',
    article_ids    TEXT NOT NULL DEFAULT '[]',
    num_articles   INTEGER NOT NULL DEFAULT 0,
    num_sources    INTEGER NOT NULL DEFAULT 0,
    sources        TEXT NOT NULL DEFAULT '[]',
    contradictions TEXT NOT NULL DEFAULT '[]',
    summary        TEXT,
    text           TEXT,
    n_members      INTEGER NOT NULL DEFAULT 0,
    updated_at     TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS merged_events_block ON merged_events (event_type, modality, date_start);
CREATE INDEX IF NOT EXISTS merged_events_cluster ON merged_events (cluster_id);
CREATE INDEX IF NOT EXISTS events_merged ON events (merged_event_id);

-- Unordered entity pairs of each asserted merged event (the dyads the stories and trends use).
CREATE TABLE IF NOT EXISTS merged_event_dyads (
    merged_event_id TEXT NOT NULL REFERENCES merged_events (id) ON DELETE CASCADE,
    a               TEXT NOT NULL,
    b               TEXT NOT NULL,
    PRIMARY KEY (merged_event_id, a, b)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS merged_event_dyads_pair ON merged_event_dyads (a, b);

-- Stories: same-event clusters threaded over months and years (clusters.story_id points here).
-- actors: JSON {entity id: clusters naming it}; terms: JSON {term: weight} (the heaviest);
-- dyads: JSON list of "a|b" pairs; summary: JSON list of {text, article_id}.
CREATE TABLE IF NOT EXISTS stories (
    id          TEXT PRIMARY KEY,
    title       TEXT,
    start       TEXT,
    "end"       TEXT,
    n_clusters  INTEGER NOT NULL DEFAULT 0,
    actors      TEXT NOT NULL DEFAULT '{}',
    terms       TEXT NOT NULL DEFAULT '{}',
    dyads       TEXT NOT NULL DEFAULT '[]',
    summary     TEXT NOT NULL DEFAULT '[]',
    updated_at  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS stories_end ON stories ("end");
CREATE INDEX IF NOT EXISTS clusters_story ON clusters (story_id);
