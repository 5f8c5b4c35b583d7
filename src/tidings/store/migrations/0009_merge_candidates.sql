-- Schema 9: the merger's candidate lookups (tidings.store.stories.merge_candidates) made to cost
-- what they find: the days of long merged events in an interval index (SQLite's R*Tree) kept in
-- step by triggers, and the ways in through a cluster and an article indexed by type and modality.
--
-- A merged event is long when it spans more than SHORT_SPAN_DAYS (7) days from date_start to
-- date_end (a month, a season, a year). A mention's short candidates are one range of the index
-- of merged events by type and start; its long candidates are the long events of its type and
-- modality whose days overlap its window, found here whatever their span, so that the lookup
-- costs what it finds and not every long event started within the longest span before it.

-- Each (event_type, modality) pair of a long merged event, numbered: the index's second axis.
CREATE TABLE IF NOT EXISTS merged_kinds (
    id         INTEGER PRIMARY KEY,
    event_type TEXT NOT NULL,
    modality   TEXT NOT NULL,
    UNIQUE (event_type, modality)
);

-- The integer key of each long merged event in the index (merged_events has no rowid).
CREATE TABLE IF NOT EXISTS merged_long_keys (
    id              INTEGER PRIMARY KEY,
    merged_event_id TEXT NOT NULL UNIQUE
);

-- first_day / last_day: the julian day numbers of the first ten characters (the day) of
-- date_start and date_end; kind_lo = kind_hi: the merged_kinds id.
CREATE VIRTUAL TABLE IF NOT EXISTS merged_long_days USING rtree_i32 (id, first_day, last_day, kind_lo, kind_hi);

-- Two actions on one stored merged event, each written once and called by the triggers below
-- (an INSERT into a view runs its INSTEAD OF trigger). Every insert here meets no conflict: a
-- trigger takes the conflict policy of the statement that fired it (INSERT OR REPLACE).
-- Placing: a long merged event gets its kind, its key and its days.
CREATE VIEW IF NOT EXISTS merged_long_place AS SELECT NULL AS merged_event_id WHERE 0;
CREATE TRIGGER IF NOT EXISTS merged_long_place_run INSTEAD OF INSERT ON merged_long_place BEGIN
    INSERT INTO merged_kinds (event_type, modality)
    SELECT m.event_type, m.modality FROM merged_events m WHERE m.id = new.merged_event_id
        AND julianday(m.date_end) - julianday(m.date_start) > 7
        AND NOT EXISTS (SELECT 1 FROM merged_kinds k WHERE k.event_type = m.event_type AND k.modality = m.modality);
    INSERT INTO merged_long_keys (merged_event_id)
    SELECT m.id FROM merged_events m WHERE m.id = new.merged_event_id
        AND julianday(m.date_end) - julianday(m.date_start) > 7;
    INSERT INTO merged_long_days (id, first_day, last_day, kind_lo, kind_hi)
    SELECT lk.id, CAST(julianday(substr(m.date_start, 1, 10)) AS INTEGER),
           CAST(julianday(substr(m.date_end, 1, 10)) AS INTEGER), k.id, k.id
    FROM merged_long_keys lk JOIN merged_events m ON m.id = lk.merged_event_id
    JOIN merged_kinds k ON k.event_type = m.event_type AND k.modality = m.modality
    WHERE lk.merged_event_id = new.merged_event_id;
END;
-- Releasing: its days and its key go.
CREATE VIEW IF NOT EXISTS merged_long_release AS SELECT NULL AS merged_event_id WHERE 0;
CREATE TRIGGER IF NOT EXISTS merged_long_release_run INSTEAD OF INSERT ON merged_long_release BEGIN
    DELETE FROM merged_long_days WHERE id = (SELECT id FROM merged_long_keys WHERE merged_event_id = new.merged_event_id);
    DELETE FROM merged_long_keys WHERE merged_event_id = new.merged_event_id;
END;

-- A merged event written is placed; one about to be replaced (INSERT OR REPLACE), deleted or
-- changed in its type, modality or days is released first and, when it stays, placed again.
CREATE TRIGGER IF NOT EXISTS merged_events_long_add AFTER INSERT ON merged_events BEGIN
    INSERT INTO merged_long_place VALUES (new.id);
END;
CREATE TRIGGER IF NOT EXISTS merged_events_long_replace BEFORE INSERT ON merged_events BEGIN
    INSERT INTO merged_long_release VALUES (new.id);
END;
CREATE TRIGGER IF NOT EXISTS merged_events_long_delete BEFORE DELETE ON merged_events BEGIN
    INSERT INTO merged_long_release VALUES (old.id);
END;
CREATE TRIGGER IF NOT EXISTS merged_events_long_unset BEFORE UPDATE OF id, event_type, modality, date_start, date_end
ON merged_events BEGIN
    INSERT INTO merged_long_release VALUES (old.id);
END;
CREATE TRIGGER IF NOT EXISTS merged_events_long_set AFTER UPDATE OF id, event_type, modality, date_start, date_end
ON merged_events BEGIN
    INSERT INTO merged_long_place VALUES (new.id);
END;

-- A store that already holds merged events: its long ones placed (a few in a hundred).
INSERT INTO merged_long_place SELECT id FROM merged_events WHERE julianday(date_end) - julianday(date_start) > 7;

-- The partial index the merger made at run time before this schema (now unused).
DROP INDEX IF EXISTS merged_events_long;

-- The merger's ways in through a mention's cluster and article read only merged events and event
-- mentions of its type and modality: one index range each, not every event of a large cluster.
CREATE INDEX IF NOT EXISTS merged_events_cluster_kind ON merged_events (cluster_id, event_type, modality);
CREATE INDEX IF NOT EXISTS events_article_kind ON events (article_id, event_type, modality, merged_event_id);
