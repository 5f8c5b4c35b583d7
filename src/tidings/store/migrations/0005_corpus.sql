-- Schema 5: corpus stages across outlets (tidings.corpus): near-duplicates and same-event clusters.

-- Near-duplicates: each article's word-shingle hashes and MinHash signature (little-endian
-- uint64 / uint32 arrays), computed on the body of this length (the boilerplate sweep only
-- shortens bodies, so a changed length means the fingerprint is stale).
CREATE TABLE IF NOT EXISTS neardup_prints (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    body_chars INTEGER NOT NULL,
    shingles   BLOB NOT NULL,
    signature  BLOB NOT NULL
) WITHOUT ROWID;

-- LSH buckets: one row per (band bucket, article); articles sharing a bucket are candidates.
CREATE TABLE IF NOT EXISTS neardup_bands (
    bucket     INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (bucket, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS neardup_bands_article ON neardup_bands (article_id);

-- Same-event clusters. start/end: the dated span of their articles (ISO days, null when none
-- is dated). years: JSON list of years seen; actors / leads: JSON {entity id: articles naming it}.
-- story_id is set by the stories stage; merged events point at their cluster from their own table.
CREATE TABLE IF NOT EXISTS clusters (
    id          TEXT PRIMARY KEY,
    title       TEXT,
    start       TEXT,
    "end"       TEXT,
    n_articles  INTEGER NOT NULL DEFAULT 0,
    years       TEXT NOT NULL DEFAULT '[]',
    actors      TEXT NOT NULL DEFAULT '{}',
    leads       TEXT NOT NULL DEFAULT '{}',
    story_id    TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS clusters_end ON clusters ("end");

-- Cluster centroids: summed sublinear term frequency per field (title, body, ents). The index
-- on (field, term) is the inverted index the clusterer blocks with.
CREATE TABLE IF NOT EXISTS cluster_terms (
    cluster_id TEXT NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
    field      TEXT NOT NULL,
    term       TEXT NOT NULL,
    weight     REAL NOT NULL,
    PRIMARY KEY (cluster_id, field, term)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS cluster_terms_term ON cluster_terms (field, term);

-- Document frequencies per field over every clustered article (incremental IDF); the number
-- of clustered articles is corpus_state 'clusters_n_docs'.
CREATE TABLE IF NOT EXISTS term_df (
    field TEXT NOT NULL,
    term  TEXT NOT NULL,
    df    INTEGER NOT NULL,
    PRIMARY KEY (field, term)
) WITHOUT ROWID;

-- How each article was placed: its cluster, whether it started it, the score that decided.
CREATE TABLE IF NOT EXISTS cluster_members (
    article_id   TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    cluster_id   TEXT NOT NULL REFERENCES clusters (id) ON DELETE CASCADE,
    score        REAL NOT NULL,
    created      INTEGER NOT NULL,
    clustered_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS cluster_members_cluster ON cluster_members (cluster_id);
