"""Size caps, gzip streaming, decompression bombs, truncated archives and deep HTML."""

from __future__ import annotations

import gzip
import io

from ingest_helpers import STORY, docs, failures, run, write

from tidings.config import Settings
from tidings.ingest.streams import GzipStream, format_size

KiB = 1024
MiB = 1 << 20


def test_format_size_reads_well():
    assert format_size(512) == "512 bytes"
    assert format_size(8 * MiB) == "8 MB"
    assert format_size(int(12.3 * MiB)) == "12.3 MB"
    assert format_size(1536) == "1.5 KB"


def test_oversized_text_file_is_refused_with_its_size(tmp_path):
    path = write(tmp_path / "long.txt", STORY * 200)  # about 37 KB
    small = write(tmp_path / "short.txt", STORY)
    items = run([path, small], Settings(max_item_bytes=4 * KiB))
    [failure] = failures(items)
    assert failure.origin == str(path)
    assert failure.error.startswith("the file is ")
    assert "KB, above the 4 KB cap for one article (setting max_item_bytes)" in failure.error
    assert len(docs(items)) == 1


def test_oversized_html_inside_gzip_says_more_than(tmp_path):
    page = "<html><body>" + "<p>paragraph</p>" * 2000 + "</body></html>"
    path = write(tmp_path / "page.html.gz", gzip.compress(page.encode()))
    [failure] = run([path], Settings(max_item_bytes=4 * KiB))
    assert failure.error == (
        "the file is more than 4 KB, the cap for one article (setting max_item_bytes); reading stopped there"
    )


def test_good_gzip_members_inner_extension_decides(tmp_path):
    write(tmp_path / "a.txt.gz", gzip.compress(STORY.encode()))
    write(tmp_path / "b.html.gz", gzip.compress(b"<html><body><p>Hi</p></body></html>"))
    write(tmp_path / "c.jsonl.gz", gzip.compress(b'{"text": "one"}\n{"text": "two"}\n'))
    items = run([tmp_path])
    assert [(d.origin.rsplit("/", 1)[-1], d.kind) for d in items] == [
        ("a.txt.gz", "text"),
        ("b.html.gz", "html"),
        ("c.jsonl.gz#L1", "text"),
        ("c.jsonl.gz#L2", "text"),
    ]
    assert items[0].content == STORY


def test_multi_member_gzip_reads_every_member(tmp_path):
    data = gzip.compress(b'{"text": "one"}\n') + gzip.compress(b'{"text": "two"}\n')
    items = run([write(tmp_path / "parts.jsonl.gz", data)])
    assert [d.content for d in items] == ["one", "two"]


def test_gzip_of_zeros_is_refused_from_its_first_bytes(tmp_path):
    [failure] = run([write(tmp_path / "zeros.txt.gz", _gzip_zeros(64 * MiB))])
    assert failure.error == "the file is a binary file (binary data), not an article"


def test_gzip_bomb_is_stopped_by_ratio_without_inflating(tmp_path):
    bomb = _gzip_zeros(64 * MiB, byte=b"A")  # about 64 KB on disk, 1000:1
    path = write(tmp_path / "bomb.txt.gz", bomb)
    [failure] = run([path], Settings(max_item_bytes=512 * MiB))
    assert "looks like a decompression bomb: it expands more than 200 times" in failure.error
    assert "(setting max_compression_ratio)" in failure.error


def test_gzip_bomb_is_stopped_by_file_cap(tmp_path):
    path = write(tmp_path / "zeros.jsonl.gz", _gzip_zeros(8 * MiB, byte=b" "))
    [failure] = run([path], Settings(max_file_bytes=2 * MiB, max_compression_ratio=100_000))
    assert failure.error == (
        "the file decompresses to more than 2 MB, the cap for one file (setting max_file_bytes); reading stopped there"
    )


def test_gzip_stream_never_holds_more_than_a_chunk():
    stream = GzipStream(io.BytesIO(_gzip_zeros(4 * MiB)), max_bytes=1 << 40, max_ratio=1 << 30)
    largest = 0
    while chunk := stream.read(64 * KiB):
        largest = max(largest, len(chunk))
    assert largest <= 64 * KiB


def test_truncated_gzip(tmp_path):
    data = gzip.compress((STORY * 50).encode())
    path = write(tmp_path / "cut.txt.gz", data[: len(data) // 2])
    [failure] = run([path])
    assert failure.error.startswith("the file is a truncated gzip archive: it ends early")


def test_truncated_gzip_jsonl_keeps_the_lines_before_the_cut(tmp_path):
    lines = "".join(f'{{"text": "story number {i} {"x" * 40}"}}\n' for i in range(2000)).encode()
    data = gzip.compress(lines)
    items = run([write(tmp_path / "cut.jsonl.gz", data[: len(data) * 3 // 4])])
    assert len(docs(items)) > 100
    assert "truncated gzip archive" in items[-1].error
    assert items[-1].origin.endswith("cut.jsonl.gz")


def test_named_gz_that_is_not_gzip(tmp_path):
    [failure] = run([write(tmp_path / "a.txt.gz", STORY)])
    assert failure.error == "the file is named .gz but is not a gzip archive"


def test_gzip_without_gz_name_is_still_inflated(tmp_path):
    [doc] = run(
        [write(tmp_path / "saved.html", gzip.compress(b"<html><body><p>Hi</p></body></html>"))]
    )
    assert doc.kind == "html" and "<p>Hi</p>" in doc.content


def test_file_cap_stops_a_jsonl_and_reports_the_rest(tmp_path):
    lines = "".join(f'{{"text": "story {i}"}}\n' for i in range(5000))
    items = run([write(tmp_path / "big.jsonl", lines)], Settings(max_file_bytes=64 * KiB))
    assert 1000 < len(docs(items)) < 5000
    last = items[-1]
    assert last.error == (
        "the file is larger than the 64 KB cap for one file (setting max_file_bytes); "
        "the part after the first 64 KB was not read"
    )


def test_deeply_nested_html_is_refused_and_normal_html_is_not(tmp_path):
    deep = "<html><body>" + "<div>" * 5000 + "text" + "</div>" * 5000 + "</body></html>"
    sloppy = "<html><body><ul>" + "<li><p>item" * 3000 + "</ul></body></html>"  # implied closes
    items = run([write(tmp_path / "deep.html", deep), write(tmp_path / "sloppy.html", sloppy)])
    [failure] = failures(items)
    assert failure.origin.endswith("deep.html")
    assert failure.error.startswith(
        "the file nests HTML elements more than 512 deep (setting max_html_depth)"
    )
    assert len(docs(items)) == 1


def test_depth_cap_is_a_setting(tmp_path):
    page = "<html><body>" + "<div>" * 40 + "x" + "</div>" * 40 + "</body></html>"
    path = write(tmp_path / "p.html", page)
    assert docs(run([path]))
    assert "more than 30 deep" in run([path], Settings(max_html_depth=30))[0].error


def test_a_hundred_thousand_deep_page_does_not_crash(tmp_path):
    n = 100_000
    page = "<div>" * n + "x" + "</div>" * n
    [failure] = run([write(tmp_path / "abyss.html", page)])
    assert "nests HTML elements" in failure.error


def _gzip_zeros(size: int, byte: bytes = b"\x00") -> bytes:
    """A gzip file of `size` copies of one byte, built without holding them all in memory."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9) as gz:
        block = byte * MiB
        for _ in range(size // MiB):
            gz.write(block)
    return out.getvalue()


def test_corrupt_gzip_data(tmp_path):
    data = bytearray(gzip.compress((STORY * 20).encode()))
    data[30:60] = b"\xff" * 30
    [failure] = run([write(tmp_path / "bad.txt.gz", bytes(data))])
    assert "not a valid gzip archive" in failure.error or "truncated" in failure.error
