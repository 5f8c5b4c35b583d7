"""The REST API over the demo store: lists, filters, pagination, the one error shape, security, ingest."""
from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient

from tidings.config import Settings
from tidings.web import create_app

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


def test_later_stages_answer_empty_with_a_note_only_while_their_table_is_absent(tmp_path):
    import tidings

    conn = sqlite3.connect(tmp_path / "old.db")  # a store from before the corpus stages existed
    conn.execute("CREATE TABLE articles (id TEXT PRIMARY KEY)")
    conn.close()
    with tidings.open(tmp_path / "old.db", read_only=True) as c:  # as the web app reads it: never migrated
        for query, table in ((c.cluster_page, "clusters"), (c.merged_page, "merged events"),
                             (c.story_page, "stories"), (c.dyad_page, "merged events")):
            page = query(limit=5)
            assert page.items == [] and page.total == 0 and f"no {table.replace(' ', '_')} table" in page.note


def test_events_filter_by_actor_recipient_type_quad_modality_dates_and_place(client):
    pak = client.get("/api/events", params={"actor": "PAK", "since": "2021-01-01", "limit": 500}).json()
    assert pak["total"] >= 20 and len(pak["items"]) == min(pak["total"], 500)
    for ev in pak["items"]:
        assert any(p["country"] == "PAK" for p in ev["actors"])
        assert (ev["date_end"] or ev["date_start"] or "") >= "2021-01-01"
        assert ev["article"]["id"] == ev["article_id"]
    by_name = client.get("/api/events", params={"actor": "Rahmon", "limit": 500}).json()
    by_id = client.get("/api/events", params={"actor": "per:emomali-rahmon", "limit": 500}).json()
    assert by_id["total"] > 0 and by_name["total"] >= by_id["total"]
    to_tjk = client.get("/api/events", params={"recipient": "TJK", "limit": 500}).json()["items"]
    assert to_tjk and all(any(p["country"] == "TJK" for p in ev["recipients"]) for ev in to_tjk)
    clashes = client.get("/api/events?type=ASSAULT&quad=4&modality=asserted&limit=500").json()["items"]
    assert clashes and {(e["event_type"], e["quad_class"], e["modality"]) for e in clashes} == {("ASSAULT", 4, "asserted")}
    in_2022 = client.get("/api/events?since=2022-01-01&until=2022-12-31&limit=500").json()["items"]
    assert in_2022 and all("2022" <= (e["date_start"] or "")[:4] <= "2022" or (e["date_end"] or "")[:4] == "2022" for e in in_2022)
    dushanbe = client.get("/api/events?place=Dushanbe&limit=500").json()["items"]
    assert dushanbe and all(e["location"]["name"] == "Dushanbe" for e in dushanbe)
    first, second = (client.get(f"/api/events?limit=10&offset={o}").json()["items"] for o in (0, 10))
    assert not {e["id"] for e in first} & {e["id"] for e in second}
    _error(client.get("/api/events?quad=7"), 422)
    _error(client.get("/api/events?modality=perhaps"), 422)


def test_places_event_places_and_trend(client):
    places = client.get("/api/places?limit=500").json()
    assert places["total"] >= 10
    top = places["items"][0]
    assert top["events"] >= places["items"][-1]["events"] and top["lat"] is not None
    assert all(p["country"] == "AFG" for p in client.get("/api/places?country=AFG&limit=500").json()["items"])
    dots = client.get("/api/event-places").json()["items"]
    assert dots and all(d["events"] == d["cooperation"] + d["conflict"] for d in dots)
    assert {d["name"] for d in dots} >= {"Dushanbe"}
    trend = client.get("/api/trend?period=month").json()["items"]
    assert [t["period"] for t in trend] == sorted(t["period"] for t in trend)
    assert sum(t["events"] for t in trend) > 50 and all(len(t["period"]) == 7 for t in trend)
    weeks = client.get("/api/trend?period=week&party=TJK").json()["items"]
    assert weeks and all(len(w["period"]) == 10 for w in weeks)


def test_clusters_merged_events_with_sources_and_contradictions(client):
    clusters = client.get("/api/clusters?limit=500").json()
    assert clusters["total"] >= 10
    big = clusters["items"][0]
    assert big["num_articles"] >= 2 and big["num_articles"] >= clusters["items"][-1]["num_articles"]
    detail = client.get(f"/api/clusters/{big['id']}").json()
    assert [a["id"] for a in detail["articles"]] == big["article_ids"]
    _error(client.get("/api/clusters/cl-nothing-here"), 404)
    merged = client.get("/api/merged-events?limit=500").json()
    assert merged["total"] > 50
    multi = [m for m in merged["items"] if m["num_articles"] > 1]
    assert multi and all(len(m["articles"]) == len(m["article_ids"]) for m in multi)
    disputed = client.get("/api/merged-events?contradicted=true").json()["items"]
    assert disputed, "the demo corpus has a call dated Saturday by one outlet and Sunday by another"
    values = disputed[0]["contradictions"][0]["values"]
    assert len({v["value"] for v in values}) >= 2 and all(v["outlet"] for v in values)
    one = client.get(f"/api/merged-events/{disputed[0]['id']}").json()
    assert one["mentions"] and all(m["merged_event_id"] == one["id"] for m in one["mentions"])


def test_stories_list_and_detail_with_timeline_summary_sources(client):
    stories = client.get("/api/stories?limit=500").json()
    assert stories["total"] >= 3
    sid = max(stories["items"], key=lambda s: s["num_articles"])["id"]
    story = client.get(f"/api/stories/{sid}").json()
    assert story["timeline"] and story["sources"] and story["cluster_ids"]
    dates = [t["date"] for t in story["timeline"]]
    assert dates == sorted(dates)
    source_ids = {a["id"] for a in story["sources"]}
    assert all(set(t["citations"]) <= source_ids for t in story["timeline"])
    assert all(s["article_id"] in source_ids and s["source"] for s in story["summary"])
    with_actor = client.get("/api/stories", params={"actor": story["actors"][0]["id"]}).json()["items"]
    assert sid in {s["id"] for s in with_actor}
    _error(client.get("/api/stories/st-none-such"), 404)


def test_timeline_and_dyads(client):
    tl = client.get("/api/timeline?a=PAK&b=TJK&limit=500").json()
    assert tl["items"] and tl["source"] in ("merged_events", "events")
    assert [t["date"] for t in tl["items"]] == sorted(t["date"] for t in tl["items"])
    for t in tl["items"]:
        countries = {p["country"] for p in t["actors"] + t["recipients"]}
        assert {"PAK", "TJK"} <= countries or t["text"]
    pairs = client.get("/api/dyads?limit=500").json()["items"]
    assert pairs and pairs[0]["events"] >= pairs[-1]["events"]
    assert all(p["events"] == p["cooperation"] + p["conflict"] for p in pairs)
    rahmon = client.get("/api/dyads?a=per:emomali-rahmon&limit=500").json()["items"]
    assert rahmon and all(p["a"] == "per:emomali-rahmon" for p in rahmon)
    monthly = client.get("/api/dyads?a=PAK&b=TJK&level=country&period=month&limit=500").json()["items"]
    assert monthly and all((p["a"], p["b"]) == ("PAK", "TJK") and len(p["period"]) == 7 for p in monthly)
    _error(client.get("/api/dyads?period=fortnight"), 422)


def test_pages_render_the_new_views(client):
    sid = client.get("/api/stories?limit=1").json()["items"][0]["id"]
    cid = client.get("/api/clusters?limit=1").json()["items"][0]["id"]
    for path in ("/events", "/map", "/clusters", f"/clusters/{cid}", "/stories", f"/stories/{sid}",
                 "/entities/per:emomali-rahmon"):
        r = client.get(path)
        assert r.status_code == 200, path
    story = client.get(f"/stories/{sid}").text
    assert 'id="timeline"' in story and 'id="sources"' in story
    disputed = client.get("/api/merged-events?contradicted=true").json()["items"][0]
    aid = disputed["article_ids"][0]
    page = client.get(f"/articles/{aid}").text
    assert 'class="event' in page and 'class="date"' in page


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
