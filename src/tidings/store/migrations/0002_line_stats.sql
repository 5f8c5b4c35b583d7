-- Schema 2: per-outlet paragraph statistics for corpus boilerplate (tidings.corpus.boilerplate).

-- One row per (outlet, normalised paragraph): in how many distinct articles of the outlet it
-- occurs, and in how many of those it sits near the start or end of the body.
CREATE TABLE line_stats (
    outlet     TEXT NOT NULL,
    line_hash  TEXT NOT NULL,
    n_articles INTEGER NOT NULL DEFAULT 0,
    n_edge     INTEGER NOT NULL DEFAULT 0,
    n_words    INTEGER NOT NULL,
    sample     TEXT NOT NULL,              -- the paragraph as first seen, for people inspecting the rule
    boilerplate INTEGER NOT NULL DEFAULT 0, -- 1 once the rule marks it debris for this outlet
    PRIMARY KEY (outlet, line_hash)
);

-- Which articles' paragraphs are counted in line_stats (each article once, from the body it was
-- stored with), and which paragraphs each holds, so a line that becomes boilerplate later
-- finds the older articles that carry it without rescanning the outlet.
CREATE TABLE line_articles (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    line_hash  TEXT NOT NULL,
    PRIMARY KEY (article_id, line_hash)
) WITHOUT ROWID;
CREATE INDEX line_articles_hash ON line_articles (line_hash);

CREATE TABLE line_counted (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE
) WITHOUT ROWID;

-- Small key/value facts about corpus stages (e.g. the threshold the last sweep used).
CREATE TABLE corpus_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
