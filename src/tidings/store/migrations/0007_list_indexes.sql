-- Schema 7: indexes for the list queries behind the REST API and the web UI (tidings.store.reads).
-- Each list pages by keyset (a cursor holding the last row's sort key), so every sort order has
-- an index that starts with it; the day expressions are exactly those the reads sort by.

-- Events, newest day first (undated last): all of them, of one type, at one place. The first
-- also holds the span's end, so that a date range is filtered and counted in the index alone.
CREATE INDEX IF NOT EXISTS events_day ON events (coalesce(date_start, date, ''), coalesce(date_end, date_start, date));
CREATE INDEX IF NOT EXISTS events_type_day ON events (event_type, coalesce(date_start, date, ''));
CREATE INDEX IF NOT EXISTS events_place_day ON events (place_id, coalesce(date_start, date, ''));

-- Party filters: by country code and by the party's own name (entity ids use event_parties_entity).
CREATE INDEX IF NOT EXISTS event_parties_country ON event_parties (country);
CREATE INDEX IF NOT EXISTS event_parties_name ON event_parties (lower(name));

-- Articles, newest first (undated last); the members of a cluster.
CREATE INDEX IF NOT EXISTS articles_day ON articles (coalesce(published, ''));
CREATE INDEX IF NOT EXISTS articles_cluster ON articles (cluster_id);

-- Merged events, newest day first then most sources: all of them and of one type.
CREATE INDEX IF NOT EXISTS merged_events_day ON merged_events (coalesce(date_start, date, ''), num_sources);
CREATE INDEX IF NOT EXISTS merged_events_type_day ON merged_events (event_type, coalesce(date_start, date, ''), num_sources);

-- Clusters, biggest first then earliest; stories, latest activity first.
CREATE INDEX IF NOT EXISTS clusters_size ON clusters (n_articles DESC, coalesce(start, '9999'));
CREATE INDEX IF NOT EXISTS stories_day ON stories (coalesce("end", ''));

-- An actor filter also takes the entities merged into the one it names.
CREATE INDEX IF NOT EXISTS entity_redirects_to ON entity_redirects (to_id);

-- Merged events written without event mentions (an actor filter reads their JSON party lists).
CREATE INDEX IF NOT EXISTS merged_events_unbacked ON merged_events (id) WHERE n_members = 0;
