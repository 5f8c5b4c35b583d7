-- Schema 3: the actor stage (tidings.actors): sentences, mentions, entities and learned roles.

-- Sentence spans of each analysed article (char offsets into articles.body).
CREATE TABLE sentences (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

-- Which body each article's mentions were computed on (its length: the boilerplate sweep only
-- removes paragraphs, so a changed length means the offsets are stale and it is analysed again).
CREATE TABLE analysed (
    article_id  TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    body_chars  INTEGER NOT NULL,
    model       TEXT NOT NULL,
    analysed_at TEXT NOT NULL
) WITHOUT ROWID;

-- Actors: knowledge-base entities (id as in the KB) once mentioned, and new ones from the text.
CREATE TABLE entities (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    type     TEXT NOT NULL,
    country  TEXT,
    sector   TEXT,
    origin   TEXT NOT NULL,            -- kb | text
    linked   INTEGER NOT NULL DEFAULT 0 -- 1 once the corpus step compared it with the others
) WITHOUT ROWID;
CREATE INDEX entities_country ON entities (country);

-- A new entity merged into another one: later articles that produce the old id follow it.
CREATE TABLE entity_redirects (
    from_id TEXT PRIMARY KEY,
    to_id   TEXT NOT NULL
) WITHOUT ROWID;

-- Acronyms and other names the text defined for an entity ("... (TTP)").
CREATE TABLE entity_aliases (
    entity_id TEXT NOT NULL,
    alias     TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;

-- Offices the text gave a person, dated at the article's publication day.
CREATE TABLE entity_roles (
    entity_id  TEXT NOT NULL,
    country    TEXT,
    sector     TEXT,
    title      TEXT,
    start      TEXT,
    "end"      TEXT,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);
CREATE INDEX entity_roles_entity ON entity_roles (entity_id);

-- One row per actor mention; entity_id is NULL when the mention is ambiguous.
CREATE TABLE mentions (
    article_id     TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    sentence_index INTEGER NOT NULL,
    start          INTEGER NOT NULL,
    "end"          INTEGER NOT NULL,
    text           TEXT NOT NULL,
    label          TEXT NOT NULL,
    entity_id      TEXT,
    PRIMARY KEY (article_id, start, "end")
) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions (entity_id);
