-- Schema 10: the actor-recipient pairs of event mentions, in the event lists' order, kept in step
-- by triggers.
--
-- An event list filtered by an actor and a recipient that both take part in many events (two
-- states, each a party to 100k+ events) reads the pair's own rows here, newest first, instead of
-- walking either side's events one by one. One row per event, actor entity and recipient entity,
-- as the event stage stored them (entity_redirects are applied by the reader, as for
-- event_parties), with the event's day and rowid: the sort key of the event lists
-- (coalesce(date_start, date, ''), rowid; tidings.store.reads.events.EVENT_ORDER).
CREATE TABLE IF NOT EXISTS event_pairs (
    actor     TEXT NOT NULL,
    recipient TEXT NOT NULL,
    day       TEXT NOT NULL,
    ev_rowid  INTEGER NOT NULL,
    event_id  TEXT NOT NULL,
    PRIMARY KEY (actor, recipient, day, ev_rowid)
) WITHOUT ROWID;

-- A store that already holds events: every pair at once, set by set, in key order, before the
-- triggers and the second index exist (one sorted build instead of a million look-ups).
INSERT INTO event_pairs (actor, recipient, day, ev_rowid, event_id)
SELECT DISTINCT a.entity_id, r.entity_id, coalesce(e.date_start, e.date, ''), e.rowid, e.id
FROM event_parties a JOIN event_parties r ON r.event_id = a.event_id AND r.role = 'recipient'
JOIN events e ON e.id = a.event_id
WHERE a.role = 'actor' AND a.entity_id > '' AND r.entity_id > ''
ORDER BY 1, 2, 3, 4;
CREATE INDEX IF NOT EXISTS event_pairs_event ON event_pairs (event_id);

-- A party written pairs with the other side's parties already written for its event (the event
-- stage writes an event, then its actors, then its recipients); a party deleted (with its event,
-- or by itself) takes its pairs along unless another party of its event names the same entity in
-- the same role. Every insert selects DISTINCT rows and never meets a conflict (see 0008: a
-- trigger takes its statement's conflict policy).
CREATE TRIGGER IF NOT EXISTS event_pairs_add AFTER INSERT ON event_parties
WHEN new.entity_id > '' AND new.role IN ('actor', 'recipient') BEGIN
    INSERT INTO event_pairs (actor, recipient, day, ev_rowid, event_id)
    SELECT DISTINCT CASE new.role WHEN 'actor' THEN new.entity_id ELSE o.entity_id END,
           CASE new.role WHEN 'actor' THEN o.entity_id ELSE new.entity_id END,
           coalesce(e.date_start, e.date, ''), e.rowid, e.id
    FROM events e JOIN event_parties o ON o.event_id = e.id
    WHERE e.id = new.event_id AND o.entity_id > ''
      AND o.role = CASE new.role WHEN 'actor' THEN 'recipient' ELSE 'actor' END
      AND NOT EXISTS (SELECT 1 FROM event_pairs x WHERE x.event_id = new.event_id
                      AND x.actor = CASE new.role WHEN 'actor' THEN new.entity_id ELSE o.entity_id END
                      AND x.recipient = CASE new.role WHEN 'actor' THEN o.entity_id ELSE new.entity_id END);
END;

CREATE TRIGGER IF NOT EXISTS event_pairs_remove AFTER DELETE ON event_parties
WHEN old.entity_id > '' AND old.role IN ('actor', 'recipient')
    AND NOT EXISTS (SELECT 1 FROM event_parties q WHERE q.event_id = old.event_id AND q.role = old.role
                    AND q.entity_id = old.entity_id) BEGIN
    DELETE FROM event_pairs WHERE event_id = old.event_id
        AND CASE old.role WHEN 'actor' THEN actor ELSE recipient END = old.entity_id;
END;

CREATE TRIGGER IF NOT EXISTS event_pairs_change AFTER UPDATE OF event_id, role, entity_id ON event_parties BEGIN
    DELETE FROM event_pairs WHERE event_id IN (old.event_id, new.event_id);
    INSERT INTO event_pairs (actor, recipient, day, ev_rowid, event_id)
    SELECT DISTINCT a.entity_id, r.entity_id, coalesce(e.date_start, e.date, ''), e.rowid, e.id
    FROM event_parties a JOIN event_parties r ON r.event_id = a.event_id AND r.role = 'recipient'
    JOIN events e ON e.id = a.event_id
    WHERE a.event_id IN (old.event_id, new.event_id) AND a.role = 'actor' AND a.entity_id > ''
      AND r.entity_id > '';
END;

-- An event written (anew, or again by INSERT OR REPLACE under a new rowid) or given another day:
-- its pairs take its day and rowid.
CREATE TRIGGER IF NOT EXISTS event_pairs_event_written AFTER INSERT ON events BEGIN
    UPDATE event_pairs SET day = coalesce(new.date_start, new.date, ''), ev_rowid = new.rowid
    WHERE event_id = new.id;
END;
CREATE TRIGGER IF NOT EXISTS event_pairs_event_day AFTER UPDATE OF date, date_start ON events BEGIN
    UPDATE event_pairs SET day = coalesce(new.date_start, new.date, ''), ev_rowid = new.rowid
    WHERE event_id = new.id;
END;
