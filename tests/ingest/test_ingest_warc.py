"""WARC archives: HTML pages fetched with status 200 become articles; everything else is passed over."""

from __future__ import annotations

from ingest_helpers import docs, failures, make_warc, run, write

from tidings.config import Settings

PAGE = "<html><head><title>Ministers meet</title></head><body><p>Foreign ministers met in Tashkent.</p></body></html>"


RECORDS = [
    ("request", "https://steppe.example/a", None, None, b""),
    ("response", "https://steppe.example/a", 200, "text/html; charset=utf-8", PAGE.encode()),
    (
        "response",
        "https://steppe.example/logo.png",
        200,
        "image/png",
        b"\x89PNG\r\n\x1a\n" + bytes(100),
    ),
    (
        "response",
        "https://steppe.example/gone",
        404,
        "text/html",
        b"<html><body>Not found</body></html>",
    ),
    ("metadata", "https://steppe.example/a", None, None, b"via: crawler"),
    (
        "response",
        "https://valley.example/b",
        200,
        "text/html; charset=windows-1251",
        "<html><body><p>Душанбе</p></body></html>".encode("cp1251"),
    ),
]


def test_warc_yields_only_html_pages_with_status_200(tmp_path):
    items = run([write(tmp_path / "crawl.warc", make_warc(RECORDS, gzip=False))])
    assert not failures(items)
    first, second = items
    assert first.origin == "https://steppe.example/a"
    assert first.kind == "html" and first.content == PAGE
    assert first.fields == {"url": "https://steppe.example/a"}
    assert "Душанбе" in second.content  # charset from the HTTP header


def test_warc_gz(tmp_path):
    items = run([write(tmp_path / "crawl.warc.gz", make_warc(RECORDS, gzip=True))])
    assert [d.origin for d in items] == ["https://steppe.example/a", "https://valley.example/b"]


def test_truncated_warc_gz_keeps_records_before_the_cut(tmp_path):
    many = [
        ("response", f"https://steppe.example/{i}", 200, "text/html", PAGE.encode() * 20)
        for i in range(40)
    ]
    data = make_warc(many, gzip=True)
    items = run([write(tmp_path / "cut.warc.gz", data[: len(data) * 2 // 3])])
    assert 10 < len(docs(items)) < 40
    last = items[-1]
    assert last.origin == str(tmp_path / "cut.warc.gz")
    assert last.error.startswith("the file is a truncated gzip archive: it ends early")


def test_warc_page_above_cap_fails_alone(tmp_path):
    records = [
        (
            "response",
            "https://steppe.example/big",
            200,
            "text/html",
            b"<html><body>" + b"<p>word</p>" * 2000 + b"</body></html>",
        ),
        ("response", "https://steppe.example/small", 200, "text/html", PAGE.encode()),
    ]
    items = run(
        [write(tmp_path / "c.warc.gz", make_warc(records, gzip=True))],
        Settings(max_item_bytes=4096),
    )
    [failure] = failures(items)
    assert failure.origin == "https://steppe.example/big"
    assert (
        failure.error
        == "the page is more than 4 KB, the cap for one article (setting max_item_bytes); reading stopped there"
    )
    assert [d.origin for d in docs(items)] == ["https://steppe.example/small"]


def test_warc_from_stdin(tmp_path):
    items = run(["-"], stdin=make_warc(RECORDS, gzip=True))
    assert [d.origin for d in items] == ["https://steppe.example/a", "https://valley.example/b"]


def test_not_amake_warc(tmp_path):
    [failure] = run([write(tmp_path / "fake.warc", "This is a note, not an archive.\n")])
    assert (
        failure.error
        == 'the file is not a WARC file (a WARC file begins with "WARC/1.0" or "WARC/1.1")'
    )


def test_warc_that_turns_to_garbage(tmp_path):
    data = make_warc(RECORDS[:2], gzip=False) + b"garbage line that is not a record\r\n\r\n"
    items = run([write(tmp_path / "tail.warc", data)])
    assert [d.origin for d in docs(items)] == ["https://steppe.example/a"]
    assert failures(items)[0].error.startswith(
        "the file stops being a readable WARC file after 3 records"
    )


def test_warc_starting_with_an_image_is_not_taken_for_binary(tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64
    records = [("response", "https://steppe.example/logo.png", 200, "image/png", png), RECORDS[1]]
    for gz in (False, True):
        items = run([write(tmp_path / f"img{gz}.warc", make_warc(records, gzip=gz))])
        assert [d.origin for d in items] == ["https://steppe.example/a"]
