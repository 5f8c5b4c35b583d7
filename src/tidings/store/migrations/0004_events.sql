-- Schema 4: the event stage (tidings.events): coded PLOVER events, their parties, and places.

-- One row per coded event mention; offsets are char offsets into articles.body. (Rowid tables:
-- readers page through events and places in insertion order.)
CREATE TABLE events (
    id              TEXT PRIMARY KEY,
    article_id      TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    sentence_index  INTEGER NOT NULL,
    sentence_start  INTEGER NOT NULL,
    sentence_end    INTEGER NOT NULL,
    trigger         TEXT NOT NULL,
    trigger_start   INTEGER NOT NULL,
    trigger_end     INTEGER NOT NULL,
    event_type      TEXT NOT NULL,
    mode            TEXT,
    modality        TEXT NOT NULL,
    cameo_root      TEXT NOT NULL,
    quad_class      INTEGER NOT NULL,
    intensity       REAL NOT NULL,
    date            TEXT,
    date_start      TEXT,
    date_end        TEXT,
    date_precision  TEXT NOT NULL,
    date_text       TEXT,
    place_id        TEXT REFERENCES places (id),
    confidence      REAL NOT NULL,
    merged_event_id TEXT
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_type ON events (event_type, modality);
CREATE INDEX events_date ON events (date_start);

-- Actors and recipients of each event, in order, with the country and sector they had in it.
CREATE TABLE event_parties (
    event_id  TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    role      TEXT NOT NULL,            -- actor | recipient
    position  INTEGER NOT NULL,
    entity_id TEXT,
    name      TEXT NOT NULL,
    country   TEXT,
    sector    TEXT,
    PRIMARY KEY (event_id, role, position)
) WITHOUT ROWID;
CREATE INDEX event_parties_entity ON event_parties (entity_id);

-- Gazetteer places named in the articles (id: "gn:<geonameid>" or "name:<name>|<country>").
CREATE TABLE places (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL,
    lat       REAL,
    lon       REAL,
    country   TEXT,
    admin1    TEXT,
    geonameid INTEGER
);

-- Each toponym in an article body and the place it resolved to.
CREATE TABLE place_mentions (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    place_id   TEXT NOT NULL REFERENCES places (id),
    PRIMARY KEY (article_id, start)
) WITHOUT ROWID;
CREATE INDEX place_mentions_place ON place_mentions (place_id);

-- Which body (its length) and coder version each article's events were computed on.
CREATE TABLE events_coded (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    body_chars INTEGER NOT NULL,
    coder      TEXT NOT NULL,
    coded_at   TEXT NOT NULL
) WITHOUT ROWID;
