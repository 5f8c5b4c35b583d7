-- Schema 11: the copies of an article found by index.
--
-- The near-duplicate pass links each new copy to the group of its earliest article and reads the
-- group's other copies (tidings.store.corpus.copies_of: articles whose near_duplicate_of is one of
-- the group's heads). Without an index that read scanned every article, once per article found to
-- be a copy, so a pass cost grew with the store. Only copies carry near_duplicate_of, so the index
-- holds those rows alone.
CREATE INDEX IF NOT EXISTS articles_near_duplicate_of ON articles (near_duplicate_of)
    WHERE near_duplicate_of IS NOT NULL;
