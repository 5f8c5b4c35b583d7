"""Inputs: files, folders, globs, stdin; order, hidden entries, unknown extensions, missing paths."""

from __future__ import annotations

import gzip
import os

from ingest_helpers import STORY, docs, failures, run, write


def test_text_file_becomes_one_text_doc(tmp_path):
    path = write(tmp_path / "ministers.txt", STORY)
    [doc] = run([path])
    assert doc.kind == "text"
    assert doc.content == STORY
    assert doc.origin == str(path)
    assert doc.fields == {}


def test_markdown_and_html_files(tmp_path):
    write(tmp_path / "a.md", "# Talks\n\n" + STORY)
    write(tmp_path / "b.html", f"<html><body><p>{STORY}</p></body></html>")
    items = run([tmp_path])
    assert [d.kind for d in items] == ["text", "html"]
    assert items[1].content.startswith("<html>")


def test_folder_is_read_recursively_in_sorted_order_skipping_hidden(tmp_path):
    write(tmp_path / "b.txt", STORY)
    write(tmp_path / "a.txt", STORY)
    write(tmp_path / "sub" / "c.txt", STORY)
    write(tmp_path / "A-upper" / "d.txt", STORY)
    write(tmp_path / ".git" / "config.txt", "not an article")
    write(tmp_path / ".hidden.txt", "not an article")
    write(tmp_path / "notes.docx", b"PK\x03\x04 not read")
    write(tmp_path / "image.png", b"\x89PNG\r\n\x1a\n")
    items = run([tmp_path])
    assert not failures(items)  # unknown extensions inside a folder are passed over silently
    names = [os.path.relpath(d.origin, tmp_path) for d in items]
    assert names == ["A-upper/d.txt", "a.txt", "b.txt", "sub/c.txt"]


def test_folder_origin_keeps_the_path_as_given(tmp_path, monkeypatch):
    write(tmp_path / "news" / "one.txt", STORY)
    monkeypatch.chdir(tmp_path)
    assert [d.origin for d in run(["news"])] == ["news/one.txt"]
    assert [d.origin for d in run(["."])] == ["news/one.txt"]


def test_unknown_extension_given_explicitly_is_a_failure(tmp_path):
    path = write(tmp_path / "report.pdf", b"%PDF-1.7 ...")
    [failure] = run([path])
    assert failure.origin == str(path)
    assert "extension tidings does not read (.pdf)" in failure.error
    assert ".txt" in failure.error and ".jsonl" in failure.error


def test_missing_path_and_empty_glob_are_failures_and_the_run_goes_on(tmp_path):
    good = write(tmp_path / "good.txt", STORY)
    items = run([tmp_path / "missing.txt", tmp_path / "*.nothing", good])
    assert [type(i).__name__ for i in items] == ["Failure", "Failure", "RawDoc"]
    assert items[0].error == "no such file or folder"
    assert items[1].error == "the pattern matches no files"


def test_glob_patterns_expand_recursively_and_skip_unreadable_extensions(tmp_path):
    write(tmp_path / "2024" / "jan" / "a.txt", STORY)
    write(tmp_path / "2024" / "feb" / "b.txt", STORY)
    write(tmp_path / "2024" / "feb" / "c.csv", "x,y")
    items = run([str(tmp_path / "**" / "*.txt")])
    assert [os.path.relpath(d.origin, tmp_path) for d in items] == [
        "2024/feb/b.txt",
        "2024/jan/a.txt",
    ]
    items = run([str(tmp_path / "2024" / "*")])  # matching folders reads them
    assert len(docs(items)) == 2 and not failures(items)


def test_the_same_file_twice_is_read_once(tmp_path):
    path = write(tmp_path / "a.txt", STORY)
    assert len(run([path, tmp_path, str(tmp_path / "*.txt")])) == 1


def test_stdin_plain_text(tmp_path):
    [doc] = run(["-"], stdin=STORY.encode())
    assert doc.origin == "<stdin>" and doc.kind == "text" and doc.content == STORY


def test_stdin_sniffs_html_jsonl_json_feed_and_gzip():
    html = b"<!DOCTYPE html><html><body><p>Hello</p></body></html>"
    assert run(["-"], stdin=html)[0].kind == "html"
    lines = b'{"text": "first story"}\n{"text": "second story"}\n'
    assert [d.origin for d in run(["-"], stdin=lines)] == ["<stdin>#L1", "<stdin>#L2"]
    pretty = b'{\n  "text": "one pretty-printed story",\n  "title": "Water talks"\n}\n'
    [doc] = run(["-"], stdin=pretty)
    assert doc.origin == "<stdin>" and doc.fields == {"title": "Water talks"}
    listed = b'[{"text": "a"}, {"text": "b"}]'
    assert [d.content for d in run(["-"], stdin=listed)] == ["a", "b"]
    feed = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title><item><description>Body</description></item></channel></rss>'
    [doc] = run(["-"], stdin=feed)
    assert doc.fields["outlet"] == "Desk"
    [doc] = run(["-"], stdin=gzip.compress(STORY.encode()))
    assert doc.content == STORY


def test_stdin_empty_names_standard_input():
    [failure] = run(["-"], stdin=b"")
    assert failure.origin == "<stdin>"
    assert failure.error == "standard input is empty"


def test_unreadable_file_is_a_failure(tmp_path):
    path = write(tmp_path / "locked.txt", STORY)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # running as root: permissions do not apply
            return
        [failure] = run([path])
        assert "cannot be read" in failure.error
    finally:
        path.chmod(0o644)


def test_real_seed_dumps_read_as_text():
    from pathlib import Path

    import pytest

    seeds = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/corpus/seeds is not beside the repository")
    items = run([seeds])
    assert len(items) == len(list(seeds.glob("*.txt"))) >= 1
    assert all(d.kind == "text" and "\r" not in d.content for d in docs(items))


def test_readme_in_a_folder_is_not_an_article(tmp_path):
    from tidings.config import Settings
    from tidings.ingest import iter_inputs

    (tmp_path / "README.md").write_text("# About this folder\n\nThese are sample articles for testing.\n")
    (tmp_path / "story.txt").write_text(
        "Border talks resume\n\nDUSHANBE: Officials from both countries met on Monday to discuss the "
        "reopening of two crossings that were closed in the spring, a ministry spokesman said.\n"
    )
    origins = [item.origin for item in iter_inputs([str(tmp_path)], Settings())]
    assert [o.rsplit("/", 1)[-1] for o in origins] == ["story.txt"]
    named = list(iter_inputs([str(tmp_path / "README.md")], Settings()))
    assert len(named) == 1 and named[0].origin.endswith("README.md")
