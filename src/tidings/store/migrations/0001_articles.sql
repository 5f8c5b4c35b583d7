-- Schema 1: articles, their origins, failed inputs, and full-text search.
-- The store is a plain SQLite file: Datasette and DuckDB can open it as it is.

CREATE TABLE schema_version (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
);

-- One row per distinct clean body. `seq` is the stable integer key the FTS index points at
-- (a table without INTEGER PRIMARY KEY may renumber its rowids on VACUUM); `id` is the
-- sha256 hex of the normalised body that the extract stage computes.
CREATE TABLE articles (
    seq                 INTEGER PRIMARY KEY,
    id                  TEXT NOT NULL UNIQUE,
    origin              TEXT NOT NULL,
    body                TEXT NOT NULL,
    title               TEXT,
    outlet              TEXT,
    author              TEXT,
    published           TEXT,
    published_precision TEXT NOT NULL,
    dateline            TEXT,
    wire                TEXT,
    language            TEXT,
    url                 TEXT,
    near_duplicate_of   TEXT,
    cluster_id          TEXT,
    ingested_at         TEXT NOT NULL
);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX articles_published ON articles (published);

-- Every input (path, path#L12, URL ...) that produced an article; syndicated copies and
-- re-ingests of the same text add rows here, not articles.
CREATE TABLE origins (
    seq        INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    origin     TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    UNIQUE (article_id, origin)
);
CREATE INDEX origins_origin ON origins (origin);

-- The latest reason each input was not ingested; removed once that input ingests fine.
CREATE TABLE failures (
    origin  TEXT PRIMARY KEY,
    error   TEXT NOT NULL,
    seen_at TEXT NOT NULL
);

-- Full-text index over title and body, an external-content table kept in sync by triggers.
-- porter + unicode61: "recognised" finds "recognise", "Rahmón" finds "Rahmon".
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, body,
    content = 'articles', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.seq, old.title, old.body);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body)
    VALUES ('delete', old.seq, old.title, old.body);
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;
