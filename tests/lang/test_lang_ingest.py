"""Articles in Russian, Tajik, Persian, Pashto and Urdu through the real ingest: language stored,
searchable, filterable, and no actor or event from the English stages; English rows unchanged."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import tidings
from tidings.config import Settings

TEXTS = Path(__file__).parent / "texts"
OTHERS = ("ru", "tg", "fa", "ps", "ur")

pytestmark = pytest.mark.slow


def _ingest(folder: Path, db: Path) -> tidings.api.Corpus:
    c = tidings.open(db, Settings.load(db=db))
    report = c.ingest(folder)
    assert not report.failures, report.failures
    return c


@pytest.fixture(scope="module")
def mixed(tmp_path_factory) -> tidings.api.Corpus:
    c = _ingest(TEXTS, tmp_path_factory.mktemp("lang") / "mixed.db")
    yield c
    c.close()


def _by_lang(c) -> dict[str, tidings.api.Article]:
    return {a.language: a for a in c.articles()}


def test_every_article_carries_its_language(mixed):
    assert sorted(_by_lang(mixed)) == sorted(["en", *OTHERS])


def test_non_english_articles_name_knowledge_base_actors_and_no_events(mixed):
    conn = mixed._conn
    for code, a in _by_lang(mixed).items():
        mentions = conn.execute("SELECT count(*) FROM mentions WHERE article_id = ?", (a.id,)).fetchone()[0]
        events = conn.execute("SELECT count(*) FROM events WHERE article_id = ?", (a.id,)).fetchone()[0]
        new = conn.execute("SELECT count(*) FROM mentions WHERE article_id = ? AND entity_id LIKE '%:new-%'",
                           (a.id,)).fetchone()[0]
        assert mentions > 0, code
        if code != "en":
            assert events == 0, code
        if code not in ("en", "ru"):  # new people come only from the Russian tagger
            assert new == 0, code
    ids = [r[0] for r in conn.execute("SELECT id FROM entities")]
    assert all(i.isascii() for i in ids), ids


@pytest.mark.parametrize(("query", "code"), [
    ("министр", "ru"), ("МИНИСТР", "ru"),          # Cyrillic case folding
    ("Тоҷикистон", "tg"), ("КОРҲОИ", "tg"),
    ("خارجه", "fa"), ("می‌شود", "fa"),              # a Persian word written with a zero-width non-joiner
    ("رئیس‌جمهور", "fa"),
    ("سوداګرۍ", "ps"),
    ("ملکوں", "ur"), ("وزیر", None),                 # وزیر: in Persian, Pashto and Urdu alike
])
def test_search_finds_words_of_every_script(mixed, query, code):
    found = {a.language for a, _ in mixed.search(query)}
    if code is None:
        assert {"fa", "ps", "ur"} <= found
    else:
        assert found == {code}


def test_search_and_lists_filter_by_language(mixed):
    assert {a.language for a, _ in mixed.search("وزیر", language="ur")} == {"ur"}
    assert [i["language"] for i in mixed.article_list(language="tg").items] == ["tg"]
    assert [a.language for a in mixed.articles(language="ps")] == ["ps"]
    page = mixed.search_page("Душанбе", language="ru")
    assert page.total == 1 and page.items[0]["language"] == "ru"
    assert mixed.event_page(language="ru").items == []


def test_export_of_one_language(mixed, tmp_path):
    from tidings.export import export

    counts = export(mixed, tmp_path, "jsonl", language="fa")
    assert counts["articles.jsonl"] == 1
    text = (tmp_path / "articles.jsonl").read_text(encoding="utf-8")
    assert '"language": "fa"' in text and "دوشنبه" in text


def _english_rows(c) -> tuple:
    conn = c._conn
    (aid,) = conn.execute("SELECT id FROM articles WHERE language = 'en'").fetchone()
    article = conn.execute("SELECT id, body, title, language FROM articles WHERE id = ?", (aid,)).fetchall()
    mentions = conn.execute('SELECT start, "end", text, label, entity_id FROM mentions WHERE article_id = ?'
                            " ORDER BY start", (aid,)).fetchall()
    events = conn.execute("SELECT id, event_type, trigger FROM events WHERE article_id = ? ORDER BY id",
                          (aid,)).fetchall()
    entities = conn.execute("SELECT id, name, type, country FROM entities WHERE id IN"
                            " (SELECT entity_id FROM mentions WHERE article_id = ?) ORDER BY id", (aid,)).fetchall()
    return article, mentions, events, entities


def test_english_rows_are_the_same_with_or_without_other_languages(mixed, tmp_path):
    alone = tmp_path / "en"
    alone.mkdir()
    shutil.copy(TEXTS / "en.txt", alone / "en.txt")
    c = _ingest(alone, tmp_path / "alone.db")
    try:
        assert _english_rows(c) == _english_rows(mixed)
    finally:
        c.close()


def test_the_rest_api_filters_and_the_article_view_shows_the_language(mixed):
    from fastapi.testclient import TestClient

    from tidings.web import create_app

    db = Path(mixed.store_path)
    with TestClient(create_app(db, Settings.load(db=db))) as client:
        items = client.get("/api/articles", params={"lang": "ur"}).json()["items"]
        assert [i["language"] for i in items] == ["ur"]
        assert client.get("/api/events", params={"lang": "ur"}).json()["items"] == []
        assert client.get("/api/articles", params={"lang": "not a code"}).status_code == 422
        page = client.get(f"/articles/{items[0]['id']}").text
        assert 'id="article-language">ur<' in page and 'dir="rtl"' in page
        listed = client.get("/articles", params={"lang": "tg"}).text
        assert items[0]["id"] not in listed
