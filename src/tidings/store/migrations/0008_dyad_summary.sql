-- Schema 8: dyads (actor pairs in merged events) summarised per pair, kept in step by triggers;
-- the span's end in the index of events by type and day.
--
-- The dyad reads (tidings.store.reads.dyads) answer totals from dyad_totals instead of reading
-- every merged event an actor takes part in. The triggers below keep the four tables in step with
-- merged_events and entity_redirects on every write, whichever code writes them; a store that
-- already holds merged events is summarised by the statements before the triggers.
--
-- A merged event pairs each actor with each recipient, or its actors among themselves when it
-- has no recipient; a side is a party's entity id after entity_redirects, parties without one are
-- left out, a side never pairs with itself, and a pair is stored once, unordered (a < b).
-- Every insert into a dyad table selects DISTINCT rows and never meets a conflict: a trigger takes the
-- conflict policy of the statement that fired it (INSERT OR REPLACE INTO merged_events), so an
-- OR IGNORE here would become a silent replace that skips the delete triggers.

-- One row per merged event and pair, with what the totals add up (intensity in millionths, so
-- that sums taken and given back stay exact). day: coalesce(date_start, date) as stored.
CREATE TABLE IF NOT EXISTS dyad_events (
    merged_event_id TEXT NOT NULL,
    a               TEXT NOT NULL,
    b               TEXT NOT NULL,
    modality        TEXT NOT NULL,
    day             TEXT,
    quad_class      INTEGER NOT NULL,
    intensity       INTEGER NOT NULL,
    PRIMARY KEY (merged_event_id, a, b)
) WITHOUT ROWID;

-- Per pair and modality: merged events, cooperation (quad classes 1-2) and conflict (3-4), per quad
-- class, summed intensity (millionths), distinct articles and sources, first and last day.
CREATE TABLE IF NOT EXISTS dyad_totals (
    a           TEXT NOT NULL,
    b           TEXT NOT NULL,
    modality    TEXT NOT NULL,
    events      INTEGER NOT NULL,
    cooperation INTEGER NOT NULL,
    conflict    INTEGER NOT NULL,
    q1          INTEGER NOT NULL,
    q2          INTEGER NOT NULL,
    q3          INTEGER NOT NULL,
    q4          INTEGER NOT NULL,
    intensity   INTEGER NOT NULL,
    articles    INTEGER NOT NULL DEFAULT 0,
    sources     INTEGER NOT NULL DEFAULT 0,
    first       TEXT,
    last        TEXT,
    PRIMARY KEY (a, b, modality)
) WITHOUT ROWID;

-- How many of a pair's merged events name each article and each source; the pair's distinct
-- articles and sources are the rows with n > 0 (a row given back to 0 stays, at no count).
CREATE TABLE IF NOT EXISTS dyad_articles (
    a          TEXT NOT NULL,
    b          TEXT NOT NULL,
    modality   TEXT NOT NULL,
    article_id TEXT NOT NULL,
    n          INTEGER NOT NULL,
    PRIMARY KEY (a, b, modality, article_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dyad_sources (
    a        TEXT NOT NULL,
    b        TEXT NOT NULL,
    modality TEXT NOT NULL,
    source   TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (a, b, modality, source)
) WITHOUT ROWID;

-- Scratch rows of the trigger pairing one merged event: its sides (a: actor, r: recipient), empty
-- between writes.
CREATE TABLE IF NOT EXISTS dyad_sides (
    role TEXT NOT NULL,
    k    TEXT NOT NULL,
    PRIMARY KEY (role, k)
) WITHOUT ROWID;

-- A store that already holds merged events: all of them paired at once, before any trigger
-- exists (set by set: far quicker than one merged event at a time through the triggers).
CREATE TEMP TABLE dyad_backfill_sides (
    mid  TEXT NOT NULL,
    role TEXT NOT NULL,
    k    TEXT NOT NULL,
    PRIMARY KEY (mid, role, k)
) WITHOUT ROWID;
INSERT INTO dyad_backfill_sides (mid, role, k)
SELECT DISTINCT p.mid, p.role, coalesce(r.to_id, p.eid) FROM (
    SELECT me.id AS mid, 'a' AS role, json_extract(j.value, '$.entity_id') AS eid
    FROM merged_events me, json_each(me.actors) j
    UNION ALL SELECT me.id, 'r', json_extract(j.value, '$.entity_id') FROM merged_events me, json_each(me.recipients) j) p
LEFT JOIN entity_redirects r ON r.from_id = p.eid WHERE p.eid > '';
INSERT INTO dyad_events (merged_event_id, a, b, modality, day, quad_class, intensity)
SELECT DISTINCT x.mid, min(x.k, y.k), max(x.k, y.k), me.modality, coalesce(me.date_start, me.date), me.quad_class,
       CAST(round(me.intensity * 1000000) AS INTEGER)
FROM dyad_backfill_sides x JOIN merged_events me ON me.id = x.mid
JOIN dyad_backfill_sides y ON y.mid = x.mid AND x.k != y.k
    AND y.role = CASE WHEN EXISTS (SELECT 1 FROM dyad_backfill_sides s WHERE s.mid = x.mid AND s.role = 'r')
                      THEN 'r' ELSE 'a' END
WHERE x.role = 'a';
DROP TABLE temp.dyad_backfill_sides;
INSERT INTO dyad_articles (a, b, modality, article_id, n)
SELECT d.a, d.b, d.modality, j.value, count(DISTINCT d.merged_event_id)
FROM dyad_events d JOIN merged_events me ON me.id = d.merged_event_id, json_each(me.article_ids) j
GROUP BY d.a, d.b, d.modality, j.value;
INSERT INTO dyad_sources (a, b, modality, source, n)
SELECT d.a, d.b, d.modality, j.value, count(DISTINCT d.merged_event_id)
FROM dyad_events d JOIN merged_events me ON me.id = d.merged_event_id, json_each(me.sources) j
GROUP BY d.a, d.b, d.modality, j.value;
-- The distinct counts joined in as whole groups (not looked up pair by pair inside this one big
-- transaction, where every page read searches the write-ahead log).
INSERT INTO dyad_totals (a, b, modality, events, cooperation, conflict, q1, q2, q3, q4, intensity, articles, sources,
                         first, last)
SELECT e.a, e.b, e.modality, e.n, e.coop, e.conflict, e.q1, e.q2, e.q3, e.q4, e.intensity, coalesce(ar.n, 0),
       coalesce(sr.n, 0), e.first, e.last
FROM (SELECT a, b, modality, count(*) AS n, sum(quad_class IN (1, 2)) AS coop, sum(quad_class IN (3, 4)) AS conflict,
             sum(quad_class = 1) AS q1, sum(quad_class = 2) AS q2, sum(quad_class = 3) AS q3,
             sum(quad_class = 4) AS q4, sum(intensity) AS intensity,
             min(CASE WHEN day > '' THEN substr(day, 1, 10) END) AS first,
             max(CASE WHEN day > '' THEN substr(day, 1, 10) END) AS last
      FROM dyad_events GROUP BY a, b, modality) e
LEFT JOIN (SELECT a, b, modality, count(*) AS n FROM dyad_articles GROUP BY a, b, modality) ar
    ON ar.a = e.a AND ar.b = e.b AND ar.modality = e.modality
LEFT JOIN (SELECT a, b, modality, count(*) AS n FROM dyad_sources GROUP BY a, b, modality) sr
    ON sr.a = e.a AND sr.b = e.b AND sr.modality = e.modality;

-- The secondary indexes, built once the summary holds its rows: one sort each, where rows
-- inserted into an existing index land on random pages (at 1M events each such insert read and
-- rewrote a page of a write-ahead log grown past 2 GB, and the upgrade did not finish).
-- dyad_events by either side, then a pair and modality (the dyad reads and the triggers' first and
-- last day); dyad_totals by the second side, and by size (the busiest pairs first).
CREATE INDEX IF NOT EXISTS dyad_events_a ON dyad_events (a, b, modality, day);
CREATE INDEX IF NOT EXISTS dyad_events_b ON dyad_events (b, a, modality, day);
CREATE INDEX IF NOT EXISTS dyad_totals_b ON dyad_totals (b, modality, a);
CREATE INDEX IF NOT EXISTS dyad_totals_size ON dyad_totals (modality, events DESC, a, b);

-- dyad_events rows add to and take from their pair's totals.
CREATE TRIGGER IF NOT EXISTS dyad_events_add AFTER INSERT ON dyad_events BEGIN
    INSERT INTO dyad_totals (a, b, modality, events, cooperation, conflict, q1, q2, q3, q4, intensity, first, last)
    VALUES (new.a, new.b, new.modality, 1, new.quad_class IN (1, 2), new.quad_class IN (3, 4),
            new.quad_class = 1, new.quad_class = 2, new.quad_class = 3, new.quad_class = 4, new.intensity,
            CASE WHEN new.day > '' THEN substr(new.day, 1, 10) END, CASE WHEN new.day > '' THEN substr(new.day, 1, 10) END)
    ON CONFLICT (a, b, modality) DO UPDATE SET
        events = events + 1, cooperation = cooperation + excluded.cooperation,
        conflict = conflict + excluded.conflict, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2,
        q3 = q3 + excluded.q3, q4 = q4 + excluded.q4, intensity = intensity + excluded.intensity,
        first = CASE WHEN excluded.first IS NULL OR excluded.first >= coalesce(first, excluded.first) THEN coalesce(first, excluded.first) ELSE excluded.first END,
        last = CASE WHEN excluded.last IS NULL OR excluded.last <= coalesce(last, excluded.last) THEN coalesce(last, excluded.last) ELSE excluded.last END;
END;

CREATE TRIGGER IF NOT EXISTS dyad_events_remove AFTER DELETE ON dyad_events BEGIN
    UPDATE dyad_totals SET
        events = events - 1, cooperation = cooperation - (old.quad_class IN (1, 2)),
        conflict = conflict - (old.quad_class IN (3, 4)), q1 = q1 - (old.quad_class = 1),
        q2 = q2 - (old.quad_class = 2), q3 = q3 - (old.quad_class = 3), q4 = q4 - (old.quad_class = 4),
        intensity = intensity - old.intensity,
        first = (SELECT substr(min(day), 1, 10) FROM dyad_events
                 WHERE a = old.a AND b = old.b AND modality = old.modality AND day > ''),
        last = (SELECT substr(max(day), 1, 10) FROM dyad_events
                WHERE a = old.a AND b = old.b AND modality = old.modality AND day > '')
    WHERE a = old.a AND b = old.b AND modality = old.modality;
    DELETE FROM dyad_totals WHERE a = old.a AND b = old.b AND modality = old.modality AND events <= 0;
END;

CREATE TRIGGER IF NOT EXISTS dyad_articles_add AFTER INSERT ON dyad_articles BEGIN
    UPDATE dyad_totals SET articles = articles + (new.n > 0)
    WHERE a = new.a AND b = new.b AND modality = new.modality;
END;
CREATE TRIGGER IF NOT EXISTS dyad_articles_count AFTER UPDATE OF n ON dyad_articles BEGIN
    UPDATE dyad_totals SET articles = articles + (new.n > 0) - (old.n > 0)
    WHERE a = new.a AND b = new.b AND modality = new.modality;
END;
CREATE TRIGGER IF NOT EXISTS dyad_sources_add AFTER INSERT ON dyad_sources BEGIN
    UPDATE dyad_totals SET sources = sources + (new.n > 0)
    WHERE a = new.a AND b = new.b AND modality = new.modality;
END;
CREATE TRIGGER IF NOT EXISTS dyad_sources_count AFTER UPDATE OF n ON dyad_sources BEGIN
    UPDATE dyad_totals SET sources = sources + (new.n > 0) - (old.n > 0)
    WHERE a = new.a AND b = new.b AND modality = new.modality;
END;

-- Two actions on one stored merged event, each written once and called by the triggers below
-- (SQLite triggers have no procedures; an INSERT into a view runs its INSTEAD OF trigger).
-- Pairing: its sides, its pairs, then its articles and sources per pair.
CREATE VIEW IF NOT EXISTS dyad_pair_event AS SELECT NULL AS merged_event_id WHERE 0;
CREATE TRIGGER IF NOT EXISTS dyad_pair_event_run INSTEAD OF INSERT ON dyad_pair_event BEGIN
    INSERT INTO dyad_sides (role, k)
    SELECT DISTINCT p.role, coalesce(r.to_id, p.eid) FROM (
        SELECT 'a' AS role, json_extract(value, '$.entity_id') AS eid
        FROM json_each((SELECT actors FROM merged_events WHERE id = new.merged_event_id))
        UNION ALL SELECT 'r', json_extract(value, '$.entity_id')
        FROM json_each((SELECT recipients FROM merged_events WHERE id = new.merged_event_id))) p
    LEFT JOIN entity_redirects r ON r.from_id = p.eid WHERE p.eid > '';
    INSERT INTO dyad_events (merged_event_id, a, b, modality, day, quad_class, intensity)
    SELECT DISTINCT m.id, min(x.k, y.k), max(x.k, y.k), m.modality, coalesce(m.date_start, m.date),
           m.quad_class, CAST(round(m.intensity * 1000000) AS INTEGER)
    FROM merged_events m, dyad_sides x JOIN dyad_sides y ON x.role = 'a' AND x.k != y.k
        AND y.role = CASE WHEN EXISTS (SELECT 1 FROM dyad_sides WHERE role = 'r') THEN 'r' ELSE 'a' END
    WHERE m.id = new.merged_event_id;
    DELETE FROM dyad_sides;
    INSERT INTO dyad_articles (a, b, modality, article_id, n)
    SELECT DISTINCT d.a, d.b, d.modality, j.value, 1
    FROM dyad_events d JOIN merged_events m ON m.id = d.merged_event_id, json_each(m.article_ids) j
    WHERE d.merged_event_id = new.merged_event_id
    ON CONFLICT (a, b, modality, article_id) DO UPDATE SET n = n + 1;
    INSERT INTO dyad_sources (a, b, modality, source, n)
    SELECT DISTINCT d.a, d.b, d.modality, j.value, 1
    FROM dyad_events d JOIN merged_events m ON m.id = d.merged_event_id, json_each(m.sources) j
    WHERE d.merged_event_id = new.merged_event_id
    ON CONFLICT (a, b, modality, source) DO UPDATE SET n = n + 1;
END;

-- Releasing: what the stored row added is given back (the articles and sources, while its pairs
-- are still listed), then its pairs.
CREATE VIEW IF NOT EXISTS dyad_release_event AS SELECT NULL AS merged_event_id WHERE 0;
CREATE TRIGGER IF NOT EXISTS dyad_release_event_run INSTEAD OF INSERT ON dyad_release_event BEGIN
    INSERT INTO dyad_articles (a, b, modality, article_id, n)
    SELECT DISTINCT d.a, d.b, d.modality, j.value, 0 FROM dyad_events d
    JOIN merged_events m ON m.id = d.merged_event_id JOIN json_each(m.article_ids) j
    WHERE d.merged_event_id = new.merged_event_id
    ON CONFLICT (a, b, modality, article_id) DO UPDATE SET n = n - 1;
    INSERT INTO dyad_sources (a, b, modality, source, n)
    SELECT DISTINCT d.a, d.b, d.modality, j.value, 0 FROM dyad_events d
    JOIN merged_events m ON m.id = d.merged_event_id JOIN json_each(m.sources) j
    WHERE d.merged_event_id = new.merged_event_id
    ON CONFLICT (a, b, modality, source) DO UPDATE SET n = n - 1;
    DELETE FROM dyad_events WHERE merged_event_id = new.merged_event_id;
END;

-- A merged event written is paired; one about to be replaced (INSERT OR REPLACE), deleted or
-- changed in what its pairs are made of is released first and, when it stays, paired again.
CREATE TRIGGER IF NOT EXISTS merged_events_dyads_add AFTER INSERT ON merged_events BEGIN
    INSERT INTO dyad_pair_event VALUES (new.id);
END;
CREATE TRIGGER IF NOT EXISTS merged_events_dyads_replace BEFORE INSERT ON merged_events BEGIN
    INSERT INTO dyad_release_event VALUES (new.id);
END;
CREATE TRIGGER IF NOT EXISTS merged_events_dyads_delete BEFORE DELETE ON merged_events BEGIN
    INSERT INTO dyad_release_event VALUES (old.id);
END;
CREATE TRIGGER IF NOT EXISTS merged_events_dyads_unset
BEFORE UPDATE OF actors, recipients, modality, quad_class, intensity, date, date_start, article_ids, sources
ON merged_events BEGIN
    INSERT INTO dyad_release_event VALUES (old.id);
END;
CREATE TRIGGER IF NOT EXISTS merged_events_dyads_set
AFTER UPDATE OF actors, recipients, modality, quad_class, intensity, date, date_start, article_ids, sources
ON merged_events BEGIN
    INSERT INTO dyad_pair_event VALUES (new.id);
END;

-- An entity merged into another, a merge moved or undone: the merged events paired under the
-- ids the redirect touches are noted before it (dyad_stale) and paired again after it.
CREATE TABLE IF NOT EXISTS dyad_stale (merged_event_id TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS entity_redirects_dyads_before_add BEFORE INSERT ON entity_redirects BEGIN
    INSERT OR IGNORE INTO dyad_stale SELECT merged_event_id FROM dyad_events
    WHERE a IN (new.from_id, (SELECT to_id FROM entity_redirects WHERE from_id = new.from_id))
    UNION SELECT merged_event_id FROM dyad_events
    WHERE b IN (new.from_id, (SELECT to_id FROM entity_redirects WHERE from_id = new.from_id));
END;
CREATE TRIGGER IF NOT EXISTS entity_redirects_dyads_before_move BEFORE UPDATE ON entity_redirects BEGIN
    INSERT OR IGNORE INTO dyad_stale SELECT merged_event_id FROM dyad_events WHERE a IN (old.to_id, new.from_id)
    UNION SELECT merged_event_id FROM dyad_events WHERE b IN (old.to_id, new.from_id);
END;
CREATE TRIGGER IF NOT EXISTS entity_redirects_dyads_before_remove BEFORE DELETE ON entity_redirects BEGIN
    INSERT OR IGNORE INTO dyad_stale SELECT merged_event_id FROM dyad_events WHERE a = old.to_id
    UNION SELECT merged_event_id FROM dyad_events WHERE b = old.to_id;
END;

CREATE TRIGGER IF NOT EXISTS entity_redirects_dyads_add AFTER INSERT ON entity_redirects BEGIN
    UPDATE merged_events SET actors = actors WHERE id IN (SELECT merged_event_id FROM dyad_stale);
    DELETE FROM dyad_stale;
END;
CREATE TRIGGER IF NOT EXISTS entity_redirects_dyads_move AFTER UPDATE ON entity_redirects BEGIN
    UPDATE merged_events SET actors = actors WHERE id IN (SELECT merged_event_id FROM dyad_stale);
    DELETE FROM dyad_stale;
END;
CREATE TRIGGER IF NOT EXISTS entity_redirects_dyads_remove AFTER DELETE ON entity_redirects BEGIN
    UPDATE merged_events SET actors = actors WHERE id IN (SELECT merged_event_id FROM dyad_stale);
    DELETE FROM dyad_stale;
END;

-- Events of one type newest first, now with the span's end beside the day (as events_day has
-- it): a date range within a type is filtered in the index, without reading each event's row.
DROP INDEX IF EXISTS events_type_day;
CREATE INDEX IF NOT EXISTS events_type_day
    ON events (event_type, coalesce(date_start, date, ''), coalesce(date_end, date_start, date));
