"""Export: articles and failures per the export contract, in jsonl, csv and parquet, with a manifest."""
from __future__ import annotations

import csv
import hashlib
import json

import pytest

import tidings
from tidings.errors import TidingsError
from tidings.export import FORMATS, SOURCES, Field, export, record_source
from tidings.model.article import Article, Failure
from tidings.store import Store

ARTICLE_KEYS = {
    "id", "origin", "origins", "outlet", "author", "title", "published", "published_precision",
    "dateline", "language", "body", "cluster_id", "near_duplicate_of", "wire", "url",
}
CALL = (
    "Pakistan's prime minister spoke by telephone with Tajikistan's president on Saturday, "
    "his office said, calling for \"urgent\" help for Afghans facing a hard winter.\n\n"
    "The two leaders agreed to coordinate their efforts for stability in Afghanistan."
)
ENVOY = (
    "Islamabad: A Pakistani minister of state met Taliban officials in Kabul on Tuesday and urged "
    "them to act against militants who attack Pakistani security forces.\n\n"
    "The ceasefire with the militants collapsed in November, the ministry said."
)


def make(body: str, origin: str, **fields) -> Article:
    return Article(id=hashlib.sha256(body.encode()).hexdigest(), origin=origin, body=body, **fields)


@pytest.fixture
def corpus(tmp_path):
    """Three articles and a failure written straight into a store, read back through the Python API."""
    with Store.open(tmp_path / "tidings.db") as s:
        s.add_article(make(CALL, "inbox/call.html", title="PM calls Tajik president", outlet="Frontier Post",
                           author="Staff Reporter", published="2021-10-02", published_precision="day",
                           dateline="Islamabad", language="en", url="https://frontier.example/call"))
        s.add_article(make(CALL, "mirror/call.html", outlet="Valley Times"))
        s.add_article(make(ENVOY, "feeds/region.xml#item2", title="Minister meets Taliban in Kabul",
                           wire="ANI"))
        s.add_failure(Failure("inbox/blank.txt", "The file is empty: nothing to ingest."))
    with tidings.open(tmp_path / "tidings.db") as c:
        yield c


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_export_follows_the_contract(corpus, tmp_path):
    out = tmp_path / "out"
    counts = export(corpus, out)
    assert _filled(counts) == {"articles.jsonl": 2, "failures.jsonl": 1}
    assert {"entities.jsonl", "events.jsonl", "places.jsonl"} <= set(counts)
    articles = read_jsonl(out / "articles.jsonl")
    assert all(set(a) == ARTICLE_KEYS for a in articles)
    call = next(a for a in articles if a["title"] == "PM calls Tajik president")
    assert call["origins"] == ["inbox/call.html", "mirror/call.html"]
    assert call["origin"] == "inbox/call.html"
    assert (call["published"], call["published_precision"], call["outlet"]) == ("2021-10-02", "day", "Frontier Post")
    assert call["body"] == CALL
    envoy = next(a for a in articles if a["wire"] == "ANI")
    assert envoy["published"] is None and envoy["published_precision"].startswith("unknown")
    assert envoy["cluster_id"] is None and envoy["near_duplicate_of"] is None
    assert read_jsonl(out / "failures.jsonl") == [
        {"origin": "inbox/blank.txt", "error": "The file is empty: nothing to ingest."}
    ]
    assert not list(out.glob("*.part"))


def test_manifest_names_schema_version_counts_and_db(corpus, tmp_path):
    out = tmp_path / "out"
    export(corpus, out)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["schema_version"] == "1"
    assert manifest["tidings_version"] == tidings.__version__
    assert _filled(manifest["counts"]) == {"articles.jsonl": 2, "failures.jsonl": 1}
    assert manifest["db"] == str((tmp_path / "tidings.db").resolve())
    assert manifest["created"].endswith("+00:00")


def test_csv_carries_the_same_records_with_lists_as_json(corpus, tmp_path):
    out = tmp_path / "csv"
    assert _filled(export(corpus, out, "csv")) == {"articles.csv": 2, "failures.csv": 1}
    with (out / "articles.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert set(rows[0]) == ARTICLE_KEYS
    call = next(r for r in rows if r["title"] == "PM calls Tajik president")
    assert json.loads(call["origins"]) == ["inbox/call.html", "mirror/call.html"]
    assert call["body"] == CALL  # newlines and quotes survive
    assert next(r for r in rows if r["wire"] == "ANI")["published"] == ""


def test_parquet_carries_the_same_records(corpus, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "pq"
    assert _filled(export(corpus, out, "parquet")) == {"articles.parquet": 2, "failures.parquet": 1}
    table = pq.read_table(out / "articles.parquet")
    assert set(table.column_names) == ARTICLE_KEYS
    rows = table.to_pylist()
    call = next(r for r in rows if r["title"] == "PM calls Tajik president")
    assert call["origins"] == ["inbox/call.html", "mirror/call.html"]
    assert pq.read_table(out / "failures.parquet").num_rows == 1


def test_an_unknown_format_names_the_known_ones(corpus, tmp_path):
    with pytest.raises(TidingsError, match="Known formats: csv, gdelt, jsonl, parquet"):
        export(corpus, tmp_path / "out", "xlsx")
    assert not (tmp_path / "out").exists()


def test_an_empty_store_exports_empty_files(tmp_path):
    with tidings.open(tmp_path / "empty.db") as c:
        counts = export(c, tmp_path / "out")
        assert {"articles.jsonl", "failures.jsonl"} <= set(counts) and not _filled(counts)
    assert (tmp_path / "out" / "articles.jsonl").read_text() == ""


def test_a_later_stage_adds_a_record_source(corpus, tmp_path):
    @record_source("outlets", [Field("outlet"), Field("articles", "int"), Field("origins", "list")])
    def _outlets(c: tidings.Corpus):
        for outlet, n in c.summary().per_outlet:
            yield {"outlet": outlet, "articles": n, "origins": []}

    try:
        counts = export(corpus, tmp_path / "out")
        assert counts["outlets.jsonl"] == 2
        assert read_jsonl(tmp_path / "out" / "outlets.jsonl")[0] == {"outlet": "(unknown)", "articles": 1, "origins": []}
        assert export(corpus, tmp_path / "pq", "parquet")["outlets.parquet"] == 2
    finally:
        del SOURCES["outlets"]


def test_rows_are_streamed_not_loaded(corpus, tmp_path, monkeypatch):
    # The articles source hands the writer one record at a time from the store's cursor.
    seen = []
    real = FORMATS["jsonl"].open

    def spy(path, fields):
        w = real(path, fields)
        original = w.write

        def write(record):
            seen.append(path.name)
            original(record)

        w.write = write
        return w

    monkeypatch.setitem(FORMATS, "jsonl", FORMATS["jsonl"].__class__("jsonl", "jsonl", spy))
    gen = SOURCES["articles"].rows(corpus)
    assert iter(gen) is gen  # a generator, not a list
    export(corpus, tmp_path / "out")
    assert seen.count("articles.jsonl.part") == 2


def _filled(counts: dict[str, int]) -> dict[str, int]:
    """The files that got records (later stages add files that stay empty for these stores)."""
    return {name: n for name, n in counts.items() if n}
