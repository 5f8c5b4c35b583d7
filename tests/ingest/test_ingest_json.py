"""JSON Lines and JSON: one article per object, metadata fields, and bad lines that do not stop a file."""

from __future__ import annotations

import codecs
import json

from ingest_helpers import STORY, docs, failures, run, write

from tidings.config import Settings

KiB = 1024


def _line(**obj) -> str:
    return json.dumps(obj) + "\n"


def test_jsonl_objects_with_metadata(tmp_path):
    text = (
        _line(
            text=STORY,
            title="Water talks in Tashkent",
            url="https://example.org/a",
            published="2024-03-05",
            outlet="Steppe Daily",
            author="A. Karimova",
            language="en",
        )
        + _line(
            body="Second story body.",
            date="5 March 2024",
            source={"id": "sw", "name": "Steppe Wire"},
            authors=["B. Nurlanov", "C. Aliev"],
        )
        + _line(
            text="<p>A <b>formatted</b> story.</p>", pubdate="2024-03-06", site="Silk Road Post"
        )
    )
    items = run([write(tmp_path / "feed.jsonl", text)])
    assert not failures(items)
    first, second, third = items
    assert first.origin == f"{tmp_path}/feed.jsonl#L1"
    assert first.kind == "text" and first.content == STORY
    assert first.fields == {
        "title": "Water talks in Tashkent",
        "url": "https://example.org/a",
        "published": "2024-03-05",
        "outlet": "Steppe Daily",
        "author": "A. Karimova",
        "language": "en",
    }
    assert second.fields == {
        "published": "5 March 2024",
        "outlet": "Steppe Wire",
        "author": "B. Nurlanov, C. Aliev",
    }
    assert third.kind == "html" and third.fields == {
        "published": "2024-03-06",
        "outlet": "Silk Road Post",
    }


def test_malformed_lines_among_good_ones(tmp_path):
    text = (
        _line(text="Story one.")
        + '{"text": "Story two." "title": "missing comma"}\n'
        + "\n"
        + _line(text="Story three.")
        + "not json at all\n"
        + _line(headline="No body here", id=7)
        + '"just a string"\n'
        + _line(text="")
        + _line(text=["a", "list"])
        + _line(text="Story four.")
    )
    path = write(tmp_path / "mixed.jsonl", text)
    items = run([path])
    assert [d.content for d in docs(items)] == ["Story one.", "Story three.", "Story four."]
    got = {f.origin.rsplit("#", 1)[1]: f.error for f in failures(items)}
    assert got == {
        "L2": "line 2 is not valid JSON (Expecting ',' delimiter at column 23); the other lines of the file were read",
        "L5": "line 5 is not valid JSON (Expecting value at column 1); the other lines of the file were read",
        "L6": 'line 6 has no "text" or "body" field (its keys are: headline, id)',
        "L7": 'line 7 is a JSON string, not an object with a "text" or "body" field',
        "L8": 'line 8 has an empty "text" field',
        "L9": 'line 9 has a "text" field that is a JSON list, not text',
    }


def test_an_oversized_line_fails_alone(tmp_path):
    text = _line(text="Short one.") + _line(text="x" * 10_000) + _line(text="Short two.")
    items = run([write(tmp_path / "big.jsonl", text)], Settings(max_item_bytes=4 * KiB))
    assert [d.content for d in docs(items)] == ["Short one.", "Short two."]
    [failure] = failures(items)
    assert failure.origin.endswith("big.jsonl#L2")
    assert failure.error == (
        "line 2 is more than 4 KB, the cap for one article (setting max_item_bytes); the other lines of the file were read"
    )


def test_jsonl_line_in_cp1252_and_crlf_and_bom(tmp_path):
    data = (
        codecs.BOM_UTF8
        + b'{"text": "first"}\r\n'
        + '{"text": "caf\xe9 \x96 bar"}\r\n'.encode("latin-1")
    )
    items = run([write(tmp_path / "legacy.jsonl", data)])
    assert [d.content for d in items] == ["first", "café – bar"]


def test_utf16_jsonl(tmp_path):
    text = _line(text="one") + _line(text="two")
    items = run([write(tmp_path / "u16.jsonl", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))])
    assert [d.content for d in items] == ["one", "two"]
    assert items[1].origin.endswith("#L2")


def test_json_single_object(tmp_path):
    obj = {"text": STORY, "title": "Water talks", "published": "2024-03-05"}
    [doc] = run([write(tmp_path / "one.json", json.dumps(obj, indent=2))])
    assert doc.origin == str(tmp_path / "one.json")
    assert doc.fields == {"title": "Water talks", "published": "2024-03-05"}


def test_json_list_of_objects(tmp_path):
    objs = [{"text": "first"}, {"body": "<div><p>second</p></div>"}, {"summary": "no body"}]
    items = run([write(tmp_path / "many.json", json.dumps(objs, indent=1))])
    assert [(d.origin.rsplit("#", 1)[1], d.kind) for d in docs(items)] == [
        ("item1", "text"),
        ("item2", "html"),
    ]
    [failure] = failures(items)
    assert failure.error == 'item 3 has no "text" or "body" field (its keys are: summary)'


def test_json_list_read_in_small_pieces(tmp_path):
    objs = [{"text": f"story {i} " + "word " * 50} for i in range(3000)]  # about 800 KB
    items = run([write(tmp_path / "long.json", json.dumps(objs))])
    assert len(items) == 3000 and not failures(items)
    assert items[-1].origin.endswith("#item3000")


def test_broken_json_list_keeps_items_before_the_break(tmp_path):
    text = '[\n {"text": "first"},\n {"text": "second"},\n {"text": "third" "oops": 1}\n]'
    items = run([write(tmp_path / "broken.json", text)])
    assert [d.content for d in docs(items)] == ["first", "second"]
    [failure] = failures(items)
    assert failure.origin.endswith("#item3")
    assert failure.error == (
        "item 3 is not valid JSON (Expecting ',' delimiter at line 4, column 19); "
        "the items before it were read, the rest of the file was not"
    )


def test_json_file_that_is_not_json(tmp_path):
    [failure] = run([write(tmp_path / "notes.json", "title: water talks\n")])
    assert failure.origin == str(tmp_path / "notes.json")
    assert failure.error.startswith(
        "the file is not valid JSON (Expecting value at line 1, column 1)"
    )


def test_json_item_above_cap_in_a_small_file_fails_alone(tmp_path):
    objs = [{"text": "small"}, {"text": "y" * 20_000}, {"text": "after"}]
    items = run([write(tmp_path / "cap.json", json.dumps(objs))], Settings(max_item_bytes=4 * KiB))
    assert [d.content for d in docs(items)] == ["small", "after"]
    assert failures(items)[0].error == (
        "item 2 has a body of more than 4 KB, the cap for one article (setting max_item_bytes)"
    )


def test_json_item_far_above_cap_stops_the_file_while_streaming(tmp_path):
    objs = [{"text": "small"}, {"text": "y" * 500_000}, {"text": "never reached"}]
    items = run([write(tmp_path / "cap.json", json.dumps(objs))], Settings(max_item_bytes=4 * KiB))
    assert [d.content for d in docs(items)] == ["small"]
    [failure] = failures(items)
    assert failure.origin.endswith("cap.json#item2")
    assert failure.error == (
        "item 2 is more than 4 KB, the cap for one article (setting max_item_bytes); the rest of the file was not read"
    )


def test_json_with_objects_one_after_another(tmp_path):
    text = '{"text": "a"}\n{"text": "b"}'
    assert [d.origin.rsplit("#")[1] for d in run([write(tmp_path / "seq.json", text)])] == [
        "item1",
        "item2",
    ]


def test_deep_html_in_a_json_body_fails_that_line_only(tmp_path):
    deep = "<div>" * 600 + "x" + "</div>" * 600
    items = run([write(tmp_path / "d.jsonl", _line(text=deep) + _line(text="fine"))])
    assert failures(items)[0].error.startswith("line 1 nests HTML elements more than 512 deep")
    assert docs(items)[0].content == "fine"


def test_empty_json_list(tmp_path):
    [failure] = run([write(tmp_path / "none.json", "[ ]")])
    assert failure.error == "the file holds an empty JSON list, so no article"


def test_file_cap_inside_a_json_list_is_a_file_failure(tmp_path):
    objs = [{"text": f"story {i}"} for i in range(5000)]
    items = run([write(tmp_path / "big.json", json.dumps(objs))], Settings(max_file_bytes=16 * KiB))
    assert len(docs(items)) > 100
    last = items[-1]
    assert last.origin == str(tmp_path / "big.json")
    assert last.error.startswith("the file is larger than the 16 KB cap for one file")


def test_line_cut_off_mid_string(tmp_path):
    text = _line(text="Story one.") + '{"text": "Story two is cut\n' + _line(text="Story three.")
    items = run([write(tmp_path / "cut.jsonl", text)])
    assert [d.content for d in docs(items)] == ["Story one.", "Story three."]
    assert failures(items)[0].error == (
        "line 2 is not valid JSON (Unterminated string starting at column 10); "
        "the other lines of the file were read"
    )
