"""The article store: schema and migrations, one transaction per article, origins, failures, search."""
from __future__ import annotations

import hashlib
import sqlite3

import pytest

from tidings.errors import StoreError
from tidings.model.article import Article, Failure
from tidings.store import SCHEMA_VERSION, Store, fts_query
from tidings.store.schema import migrations

CALL = (
    "Pakistan's prime minister spoke by telephone with the president of Tajikistan on Saturday, "
    "his office said, as the two governments sought to calm tension along the Afghan border.\n\n"
    "Both leaders agreed that an inclusive government in Kabul would serve the region, the "
    "statement said. Dushanbe has refused to recognise the new cabinet in Kabul."
)
BORDER = (
    "Tajikistan ordered 20,000 reservists to reinforce its southern frontier on Tuesday after "
    "hundreds of Afghan soldiers crossed the Panj river to escape fighting in Badakhshan.\n\n"
    "The president also spoke with his counterparts in Uzbekistan and Kazakhstan about the border."
)
TALKS = (
    "A senior Pakistani envoy met Taliban ministers in Kabul on Monday to discuss attacks by "
    "Tehreek-e-Taliban Pakistan in Khyber Pakhtunkhwa.\n\n"
    "The ministry said the envoy urged the interim government to act against militants on its soil."
)


def make(body: str, origin: str, **fields) -> Article:
    return Article(id=hashlib.sha256(body.encode()).hexdigest(), origin=origin, body=body, **fields)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "tidings.db") as s:
        yield s


@pytest.fixture
def filled(store):
    store.add_article(make(CALL, "dawn/call.html", title="PM calls Tajik president", outlet="Frontier Post",
                           published="2021-10-02", published_precision="day", wire=None, language="en"))
    store.add_article(make(BORDER, "feeds/asia.xml#item3", title="Tajikistan reinforces border",
                           outlet="Steppe Wire", published="2021-07-06T09:15:00+05:00",
                           published_precision="datetime", dateline="Dushanbe", wire="ANI"))
    store.add_article(make(TALKS, "dump/talks.txt", title="Envoy meets Taliban ministers", outlet=None))
    return store


def test_open_creates_a_wal_database_at_the_latest_schema(tmp_path):
    path = tmp_path / "new.db"
    with Store.open(path) as s:
        conn = s.connection
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        versions = [v for (v,) in conn.execute("SELECT version FROM schema_version ORDER BY version")]
    assert path.exists()
    assert versions == [m.version for m in migrations()]


def test_reopening_applies_no_migration_twice(tmp_path):
    path = tmp_path / "t.db"
    with Store.open(path) as s:
        s.add_article(make(CALL, "a.txt"))
    with Store.open(path) as s:
        assert s.connection.execute("SELECT count(*) FROM schema_version").fetchone()[0] == len(migrations())
        assert s.summary().n_articles == 1


def test_migrations_are_packaged_and_numbered_each_once():
    found = migrations()
    versions = [m.version for m in found]
    assert versions == sorted(set(versions)) and versions[-1] == SCHEMA_VERSION
    assert found[0].name == "0001_articles.sql"


def test_a_store_from_a_newer_tidings_is_refused_with_the_fix(tmp_path):
    path = tmp_path / "future.db"
    Store.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_version VALUES (?, 'from the future', '2031-01-01')", (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError, match="upgrade tidings"):
        Store.open(path)


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("Meeting notes: the envoy arrives in Kabul on Monday.\n" * 200)
    with pytest.raises(StoreError, match="not a tidings store"):
        Store.open(path)


def test_a_missing_folder_is_reported_not_created(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(tmp_path / "no" / "such" / "t.db")


def test_same_body_from_a_second_origin_is_known_and_both_origins_are_kept(store):
    assert store.add_article(make(CALL, "dawn/call.html", outlet="Frontier Post")) == "new"
    assert store.add_article(make(CALL, "mirror/call-syndicated.html", outlet="Valley Times")) == "known"
    assert store.add_article(make(CALL, "dawn/call.html")) == "known"  # a re-run: nothing new
    a = store.article(make(CALL, "x").id)
    assert a.origin == "dawn/call.html"
    assert a.origins == ["dawn/call.html", "mirror/call-syndicated.html"]
    assert a.outlet == "Frontier Post"  # the first copy's metadata stays
    s = store.summary()
    assert (s.n_articles, s.n_origins) == (1, 2)


def test_has_origin_lets_a_rerun_skip_stored_inputs_but_retry_failed_ones(store):
    store.add_article(make(BORDER, "feeds/asia.xml#item3"))
    store.add_failure(Failure("feeds/asia.xml#item4", "The item has no text after cleaning."))
    assert store.has_origin("feeds/asia.xml#item3")
    assert not store.has_origin("feeds/asia.xml#item4")
    assert not store.has_origin("feeds/asia.xml")


def test_failures_keep_the_latest_reason_and_vanish_once_the_input_ingests(store):
    store.add_failure(Failure("dump/talks.txt", "The file is empty."))
    store.add_failure(Failure("dump/talks.txt", "The file is not valid UTF-8 or any encoding tidings detects."))
    store.add_failure(Failure("dump/other.txt", "The file holds binary data, not text."))
    assert [(f.origin, f.error) for f in store.failures()] == [
        ("dump/other.txt", "The file holds binary data, not text."),
        ("dump/talks.txt", "The file is not valid UTF-8 or any encoding tidings detects."),
    ]
    store.add_article(make(TALKS, "dump/talks.txt"))
    assert [f.origin for f in store.failures()] == ["dump/other.txt"]
    assert store.summary().n_failures == 1


def test_article_by_id_or_unique_prefix(filled):
    full = make(CALL, "x").id
    assert filled.article(full).title == "PM calls Tajik president"
    assert filled.article(full[:6].upper()).id == full
    assert filled.article(full[:5]) is None  # too short to trust
    assert filled.article("zzzzzzzz") is None
    assert filled.article("0" * 64) is None


def test_an_ambiguous_prefix_asks_for_more_characters(store):
    # Find two bodies whose ids share six hex characters.
    seen: dict[str, str] = {}
    for i in range(200_000):
        body = f"Talks resumed in Doha on day {i} of the ceasefire."
        h = hashlib.sha256(body.encode()).hexdigest()
        if h[:6] in seen:
            store.add_article(make(seen[h[:6]], "a.txt"))
            store.add_article(make(body, "b.txt"))
            break
        seen[h[:6]] = body
    else:
        pytest.skip("no shared 6-character prefix found")
    with pytest.raises(StoreError, match="more characters"):
        store.article(h[:6])
    assert store.article(h).body == body


def test_articles_filter_by_outlet_and_date_and_page(filled):
    assert [a.outlet for a in filled.articles()] == ["Steppe Wire", "Frontier Post", None]  # undated last
    assert [a.title for a in filled.articles(outlet="Steppe Wire")] == ["Tajikistan reinforces border"]
    assert [a.published for a in filled.articles(since="2021-10-01")] == ["2021-10-02"]
    assert [a.published[:10] for a in filled.articles(until="2021-07-06")] == ["2021-07-06"]
    assert len(list(filled.articles(since="2021-01-01", until="2021-12-31"))) == 2
    assert [a.outlet for a in filled.articles(limit=1, offset=1)] == ["Frontier Post"]
    border = next(filled.articles(outlet="Steppe Wire"))
    assert (border.dateline, border.wire, border.published_precision) == ("Dushanbe", "ANI", "datetime")
    assert border.origins == ["feeds/asia.xml#item3"]


def test_search_ranks_and_marks_matches(filled):
    hits = filled.search("recognised cabinet")  # porter stemming: recognised ~ recognise
    assert [a.title for a, _ in hits] == ["PM calls Tajik president"]
    assert "«recognise»" in hits[0][1]
    assert [a.outlet for a, _ in filled.search('"Tehreek-e-Taliban Pakistan"')] == [None]
    assert len(filled.search("Tajik*")) == 2
    assert filled.search("Kabul", limit=1)[0][0].origins


@pytest.mark.parametrize("query", ['AND "', "NEAR(", "OR", "-", "*", "title:", '"""', "", "   ", "^Kabul", "a AND (b"])
def test_search_never_raises_on_user_text(filled, query):
    assert isinstance(filled.search(query), list)


def test_fts_query_quotes_every_word():
    assert fts_query('Imran AND "prime minister" NOT Tajik*') == '"Imran" "AND" "prime minister" "NOT" "Tajik"*'
    assert fts_query('"') == ""


def test_summary_counts_outlets_dates_and_undated(filled):
    filled.add_failure(Failure("dump/empty.txt", "The file is empty."))
    s = filled.summary()
    assert (s.n_articles, s.n_origins, s.n_failures, s.n_undated) == (3, 3, 1, 1)
    assert sorted(s.per_outlet) == [("(unknown)", 1), ("Frontier Post", 1), ("Steppe Wire", 1)]
    assert (s.first_published, s.last_published) == ("2021-07-06T09:15:00+05:00", "2021-10-02")


def test_a_failed_write_leaves_no_part_of_the_article(store):
    store.add_article(make(CALL, "dawn/call.html"))
    # Make the origins insert fail after the article row went in, inside the same transaction.
    store.connection.execute(
        "CREATE TEMP TRIGGER refuse BEFORE INSERT ON origins BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    )
    with pytest.raises(StoreError, match="disk full"):
        store.add_article(make(BORDER, "feeds/asia.xml#item3"))
    store.connection.execute("DROP TRIGGER refuse")
    conn = store.connection
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0] == 1
    assert store.search("reservists") == []
    assert store.add_article(make(BORDER, "feeds/asia.xml#item3")) == "new"


def test_corpus_fields_can_be_set_and_fts_follows_body_changes(filled):
    call_id = make(CALL, "x").id
    assert filled.update_article(call_id, cluster_id="c-0001", near_duplicate_of=None)
    assert filled.article(call_id).cluster_id == "c-0001"
    with pytest.raises(StoreError, match="updatable"):
        filled.update_article(call_id, body="rewritten")
    with filled.transaction() as conn:
        conn.execute("UPDATE articles SET body = ? WHERE id = ?", ("The call lasted an hour.", call_id))
    assert filled.search("inclusive") == []
    assert [a.id for a, _ in filled.search("lasted hour")] == [call_id]
    conn = filled.connection
    conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
