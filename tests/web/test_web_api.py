"""The REST API over the demo store: lists, filters, pagination, the one error shape, security, ingest."""
from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient

from tidings.config import Settings
from tidings.web import create_app
from tidings.web.queries import optional_rows

TOKEN = "test-token-5f1c"  # the token the ingest test starts its server with

LISTS = ["/api/articles", "/api/entities", "/api/events", "/api/merged-events", "/api/stories",
         "/api/timeline", "/api/dyads", "/api/places", "/api/clusters", "/api/search?q=Tajikistan",
         "/api/failures"]

# An invented report, long enough to pass the minimum body length.
NEW_ARTICLE = (
    "Dushanbe hosted a meeting of border commanders from Tajikistan and Afghanistan on Monday, "
    "the second such meeting this year. Officials said the commanders agreed to open a hotline "
    "between posts on the Panj river and to share notice of patrols in the Darvaz district. "
    "Emomali Rahmon later told reporters that calm on the frontier mattered more than any single "
    "agreement, and that the talks would continue in the spring."
)


def _error(response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "detail"}
    assert len(body["error"]["message"].split()) >= 3
    return body["error"]


@pytest.mark.parametrize("path", LISTS)
def test_every_list_pages_with_limit_and_offset(client, path):
    sep = "&" if "?" in path else "?"
    body = client.get(f"{path}{sep}limit=3&offset=0").json()
    assert {"items", "total", "limit", "offset"} <= set(body)
    assert len(body["items"]) <= 3 and body["limit"] == 3
    _error(client.get(f"{path}{sep}limit=501"), 422)
    _error(client.get(f"{path}{sep}offset=-1"), 422)


def test_articles_filter_by_outlet_and_date_and_page_through(client):
    everything = client.get("/api/articles?limit=500").json()
    assert everything["total"] >= 30
    outlet = next(a["outlet"] for a in everything["items"] if a["outlet"])
    same = client.get("/api/articles", params={"outlet": outlet, "limit": 500}).json()
    assert same["total"] == sum(a["outlet"] == outlet for a in everything["items"])
    assert all(a["outlet"] == outlet for a in same["items"])
    dated = client.get("/api/articles?since=2022-01-01&until=2022-12-31&limit=500").json()
    assert dated["items"] and all("2022-01-01" <= a["published"][:10] <= "2022-12-31" for a in dated["items"])
    first, second = (client.get(f"/api/articles?limit=5&offset={o}").json()["items"] for o in (0, 5))
    assert not {a["id"] for a in first} & {a["id"] for a in second}
    assert "body" not in first[0] and first[0]["excerpt"]


def test_article_detail_has_mentions_inside_the_body(client):
    aid = client.get("/api/articles?limit=1").json()["items"][0]["id"]
    a = client.get(f"/api/articles/{aid[:10]}").json()
    assert a["id"] == aid and a["origins"]
    assert a["mentions"], "the demo articles name actors"
    for m in a["mentions"]:
        assert a["body"][m["start"]:m["end"]] == m["text"]
    assert a["entities"][0]["mentions"] >= a["entities"][-1]["mentions"]


def test_entities_filters_and_detail(client):
    pak = client.get("/api/entities?country=PAK&limit=500").json()
    assert pak["items"] and all(e["country"] == "PAK" for e in pak["items"])
    people = client.get("/api/entities?type=PER&limit=500").json()
    assert all(e["type"] == "PER" for e in people["items"])
    found = client.get("/api/entities?q=rahmon").json()["items"]
    assert any("Rahmon" in e["name"] for e in found)
    detail = client.get(f"/api/entities/{found[0]['id']}").json()
    assert detail["appears_with"] and detail["network"]["nodes"][0]["center"]
    assert detail["articles"] and detail["by_month"]
    _error(client.get("/api/entities/per:nobody-at-all"), 404)


def test_search_finds_and_refuses_overlong_queries(client):
    body = client.get("/api/search?q=Rahmon&limit=5").json()
    assert body["items"] and body["total"] >= len(body["items"])
    assert "«" in body["items"][0]["snippet"]
    assert client.get('/api/search?q="NEAR AND ("').status_code == 200  # operators are plain words
    _error(client.get("/api/search?q=" + "x" * 201), 422)
    _error(client.get("/api/search"), 422)


def test_bad_parameters_share_one_error_shape(client):
    err = _error(client.get("/api/articles?since=last-tuesday"), 422)
    assert err["code"] == "invalid_parameter" and err["detail"][0]["parameter"] == "since"
    _error(client.get("/api/articles?limit=abc"), 422)
    _error(client.get("/api/articles/not-hex!"), 422)
    assert _error(client.get("/api/articles/abcdef0123"), 404)["code"] == "not_found"
    _error(client.get("/api/no-such-endpoint"), 404)
    _error(client.delete("/api/articles"), 405)


def test_later_stages_answer_empty_with_a_note_until_their_tables_exist(client):
    for path in ("/api/merged-events", "/api/stories", "/api/dyads", "/api/timeline"):
        body = client.get(path).json()
        if body["total"] == 0:
            assert body["items"] == [] and "note" in body


def test_generic_reader_filters_a_later_table_once_it_exists():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE stories (id TEXT, title TEXT, start TEXT, actors TEXT)")
    conn.executemany("INSERT INTO stories VALUES (?, ?, ?, ?)", [
        ("s1", "Border talks", "2021-09-01", '["cty:TJK", "cty:AFG"]'),
        ("s2", "Spy chief visit", "2025-01-04", '["per:asim-malik"]')])
    page = optional_rows(conn, "stories", {"actor": "cty:TJK"}, None, None, 10, 0)
    assert [s["id"] for s in page.items] == ["s1"] and page.items[0]["actors"] == ["cty:TJK", "cty:AFG"]
    assert optional_rows(conn, "stories", {}, "2022-01-01", None, 10, 0).total == 1
    assert "no clusters table" in optional_rows(conn, "clusters", {}, None, None, 10, 0).note


def test_security_headers_and_no_files_outside_static(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/static/css/tidings.css").status_code == 200
    for path in ("/static/..%2fapp.py", "/static/%2e%2e/app.py", "/static/..%2f..%2fpipeline.py",
                 "/static/%2e%2e/%2e%2e/%2e%2e/pyproject.toml"):
        r = client.get(path)
        assert r.status_code == 404 and "create_app" not in r.text and "[project]" not in r.text


def test_rendered_text_is_escaped(client):
    r = client.get("/search", params={"q": '<script>alert(1)</script>'})
    assert r.status_code == 200
    assert "<script>alert(1)" not in r.text and "&lt;script&gt;" in r.text


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/articles", "/api/articles/{article_id}", "/api/entities", "/api/entities/{entity_id}",
              "/api/events", "/api/merged-events", "/api/stories", "/api/stories/{story_id}", "/api/timeline",
              "/api/dyads", "/api/places", "/api/clusters", "/api/search", "/api/ingest"):
        assert p in paths, p


def test_ingest_is_refused_without_a_token(client):
    assert _error(client.post("/api/ingest", json={"text": NEW_ARTICLE}), 403)["code"] == "read_only"


def test_ingest_with_a_token_goes_through_the_pipeline(writable_store):
    app = create_app(writable_store, Settings.load(db=writable_store), token=TOKEN)
    with TestClient(app) as c:
        _error(c.post("/api/ingest", json={"text": NEW_ARTICLE}), 401)
        _error(c.post("/api/ingest", json={"text": NEW_ARTICLE}, headers={"Authorization": "Bearer wrong"}), 401)
        auth = {"Authorization": f"Bearer {TOKEN}"}
        _error(c.post("/api/ingest", content=b"{not json", headers=auth), 400)
        items = [{"text": NEW_ARTICLE, "title": "Border commanders meet", "outlet": "Test Wire",
                  "published": "2024-03-04"},
                 {"html": "<html><body><p>" + NEW_ARTICLE.replace("Monday", "Tuesday") + "</p></body></html>",
                  "outlet": "Test Wire"},
                 {"text": "   "}, {"title": "no body at all"}, "just a string"]
        report = c.post("/api/ingest", json=items, headers=auth).json()
        assert report["new"] == 2 and report["failed"] == 3 and not report["ok"]
        assert all(len(f["error"].split()) >= 4 for f in report["failures"])
        again = c.post("/api/ingest", json=items[0], headers=auth).json()
        assert again["new"] == 0 and again["known"] == 1
        found = c.get("/api/articles", params={"outlet": "Test Wire"}).json()
        assert found["total"] == 2
        assert c.get("/api/search?q=hotline").json()["total"] == 2
