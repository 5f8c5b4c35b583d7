-- Schema 10: the actor-recipient pairs of event mentions, kept in step by triggers.
--
-- An event list filtered by an actor and a recipient that both take part in many events (two
-- states, each a party to 100k+ events) finds the few events of the pair here, instead of walking
-- either side's events one by one. One row per event, actor entity and recipient entity, as the
-- event stage stored them (entity_redirects are applied by the reader, as for event_parties).
CREATE TABLE IF NOT EXISTS event_pairs (
    actor     TEXT NOT NULL,
    recipient TEXT NOT NULL,
    event_id  TEXT NOT NULL,
    PRIMARY KEY (actor, recipient, event_id)
) WITHOUT ROWID;

-- A store that already holds events: every pair at once, set by set, before the triggers and the
-- second index exist (one sorted build instead of a million look-ups).
INSERT INTO event_pairs (actor, recipient, event_id)
SELECT DISTINCT a.entity_id, r.entity_id, a.event_id
FROM event_parties a JOIN event_parties r ON r.event_id = a.event_id AND r.role = 'recipient'
WHERE a.role = 'actor' AND a.entity_id > '' AND r.entity_id > ''
ORDER BY 1, 2, 3;
CREATE INDEX IF NOT EXISTS event_pairs_event ON event_pairs (event_id);

-- A party written pairs with the other side's parties already written for its event (the event
-- stage writes an event's actors, then its recipients); a party deleted (with its event, or by
-- itself) takes its pairs along unless another party of its event names the same entity in the
-- same role. Every insert selects DISTINCT rows and never meets a conflict (see 0008: a trigger
-- takes its statement's conflict policy).
CREATE TRIGGER IF NOT EXISTS event_pairs_add AFTER INSERT ON event_parties
WHEN new.entity_id > '' AND new.role IN ('actor', 'recipient') BEGIN
    INSERT INTO event_pairs (actor, recipient, event_id)
    SELECT DISTINCT CASE new.role WHEN 'actor' THEN new.entity_id ELSE o.entity_id END,
           CASE new.role WHEN 'actor' THEN o.entity_id ELSE new.entity_id END, new.event_id
    FROM event_parties o
    WHERE o.event_id = new.event_id AND o.entity_id > ''
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
    INSERT INTO event_pairs (actor, recipient, event_id)
    SELECT DISTINCT a.entity_id, r.entity_id, a.event_id
    FROM event_parties a JOIN event_parties r ON r.event_id = a.event_id AND r.role = 'recipient'
    WHERE a.event_id IN (old.event_id, new.event_id) AND a.role = 'actor' AND a.entity_id > ''
      AND r.entity_id > '';
END;
