"""Cursor paging of the REST lists: following `next` as `after` yields every row once, in the list's order."""
from __future__ import annotations

import pytest

CURSOR_LISTS = [("/api/articles", 4), ("/api/articles?order=oldest", 4), ("/api/events", 40),
                ("/api/events?modality=asserted&since=2021-01-01", 40), ("/api/clusters", 3),
                ("/api/merged-events", 40), ("/api/stories", 2), ("/api/search?q=minister", 3)]


def _walk(client, path: str, size: int) -> list[str]:
    sep = "&" if "?" in path else "?"
    ids, after = [], None
    while True:
        url = f"{path}{sep}limit={size}" + (f"&after={after}" if after else "")
        body = client.get(url).json()
        assert len(body["items"]) <= size
        ids += [item["id"] for item in body["items"]]
        after = body["next"]
        if after is None:
            return ids


@pytest.mark.parametrize(("path", "size"), CURSOR_LISTS)
def test_following_next_gives_every_row_once_in_order(client, path, size):
    sep = "&" if "?" in path else "?"
    whole = client.get(f"{path}{sep}limit=500").json()
    assert whole["next"] is None and whole["total_exact"] is True
    expected = [item["id"] for item in whole["items"]]
    assert len(expected) > size, "the demo corpus fills more than one page"
    assert _walk(client, path, size) == expected


def test_a_cursor_continues_only_the_list_that_gave_it(client):
    first = client.get("/api/events?limit=5").json()
    assert first["next"] and len(first["items"]) == 5
    second = client.get(f"/api/events?limit=5&after={first['next']}").json()
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    bad = client.get("/api/events?after=bm90LWEtY3Vyc29y")
    assert bad.status_code == 400 and "cursor" in bad.json()["error"]["message"]
    assert client.get("/api/clusters?after=not*base64").status_code == 422


def test_pages_link_to_the_next_page_by_cursor(client):
    html = client.get("/articles").text
    assert "after=" in html and "offset=" not in html
    nxt = html.split('rel="next"')[0].rsplit('href="', 1)[1].split('"')[0].replace("&amp;", "&")
    second = client.get(nxt)
    assert second.status_code == 200 and "26–" in second.text and "first page" in second.text
