"""End to end on the demo corpus: ingest, re-ingest, failures, summary, search, export, stdin."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.cli import EXIT_SOME_FAILED, app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
runner = CliRunner()


def _readme_table() -> dict[str, tuple[str, str]]:
    """file -> (outlet, published) as examples/README.md declares them."""
    rows = {}
    for line in (EXAMPLES / "README.md").read_text().splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if len(cells) == 5 and not cells[0].startswith(("file", "---", "broken/")):
            rows[cells[0]] = (cells[2], cells[3])
    return rows


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db)])
    assert result.exit_code == EXIT_SOME_FAILED, result.output  # examples/broken fails on purpose
    return db


def _articles(db: Path) -> list[dict]:
    result = runner.invoke(app, ["articles", "--db", str(db), "--json", "--limit", "1000"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


def test_every_demo_article_goes_in_and_every_broken_file_is_explained(demo_db: Path):
    arts = _articles(demo_db)
    assert len(arts) == 36
    result = runner.invoke(app, ["failures", "--db", str(demo_db), "--json"])
    failures = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    broken = {p.name for p in (EXAMPLES / "broken").iterdir()}
    assert {Path(f["origin"].split("#")[0]).name for f in failures} == broken
    assert all(len(f["error"].split()) >= 4 for f in failures)
    # the good lines of the file with one bad JSON line still went in
    assert sum("one-bad-line.jsonl#L" in a["origin"] for a in arts) == 2


def test_declared_dates_and_outlets_of_the_demo_files(demo_db: Path):
    by_origin = {Path(a["origin"]).as_posix(): a for a in _articles(demo_db)}
    checked = 0
    for file, (outlet, published) in _readme_table().items():
        if not file.startswith(("text/", "html/")):
            continue
        art = next(a for o, a in by_origin.items() if o.endswith(file))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
            assert (art["published"] or "")[:10] == published, (file, art["published"], art["published_precision"])
        elif art["published"] is None:  # "none": never invent a date
            assert art["published_precision"].startswith("unknown: "), file
        else:  # "July 8, no year": a year only from evidence in the text, and said so
            assert art["published_precision"].startswith("day: year "), (file, art["published_precision"])
        assert art["outlet"] and art["outlet"] in outlet, (file, art["outlet"])
        checked += 1
    assert checked >= 20
    for file in ("feeds/cans-top-stories.rss.xml", "feeds/pamir-dispatch.atom.xml", "jsonl/hindukush-herald_export.jsonl"):
        outlet = _readme_table()[file][0]
        items = [a for o, a in by_origin.items() if o.split("#")[0].endswith(file)]
        assert items and all(a["outlet"] == outlet for a in items), (file, {a["outlet"] for a in items})


def test_debris_and_boilerplate_are_gone(demo_db: Path):
    for a in _articles(demo_db):
        body = a["body"]
        assert "main img" not in body and "Story highlights" not in body
        assert "on WhatsApp" not in body, a["origin"]
        assert "Read all the latest" not in body, a["origin"]


def test_reingest_is_a_no_op(demo_db: Path):
    before = _articles(demo_db)
    result = runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(demo_db)])
    assert result.exit_code == EXIT_SOME_FAILED
    assert "0 new articles" in result.output
    after = _articles(demo_db)
    assert sorted(a["id"] for a in after) == sorted(a["id"] for a in before)


def test_search_and_export(demo_db: Path, tmp_path: Path):
    result = runner.invoke(app, ["search", "Kabulov", "--db", str(demo_db)])
    assert result.exit_code == 0 and "Kabulov" in result.output
    out = tmp_path / "export"
    result = runner.invoke(app, ["export", "--db", str(demo_db), "--out", str(out), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["schema_version"] == "1"
    first = json.loads((out / "articles.jsonl").read_text().splitlines()[0])
    for key in ("id", "origin", "origins", "outlet", "author", "title", "published", "published_precision",
                "dateline", "language", "body", "cluster_id", "near_duplicate_of"):
        assert key in first
    failures = [json.loads(x) for x in (out / "failures.jsonl").read_text().splitlines()]
    assert len(failures) == 10 and all(set(f) >= {"origin", "error"} for f in failures)


def test_stdin_through_the_real_console_script(tmp_path: Path):
    story = (
        "Border crossing reopens after talks\n\n"
        "DUSHANBE, March 3 (CANS) - Tajik and Afghan officials reopened the Panji Poyon crossing on "
        "Friday after two days of talks on customs fees, a Tajik border service spokesman said. Trucks "
        "carrying flour and fuel were the first to cross, he said, adding that passenger traffic would "
        "resume next week.\n"
    )
    db = tmp_path / "stdin.db"
    proc = subprocess.run([sys.executable, "-m", "tidings", "ingest", "-", "--db", str(db)],
                          input=story.encode(), capture_output=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr.decode()
    arts = _articles(db)
    assert len(arts) == 1 and arts[0]["wire"] == "CANS" and arts[0]["dateline"] == "Dushanbe"
    assert arts[0]["body"].startswith("Tajik and Afghan officials")


def test_two_worker_processes_store_what_one_does(tmp_path: Path):
    import tidings
    from tidings.config import Settings

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("text/pamir-dispatch_reservists-called-up.txt", "text/frontier-ledger_khan-calls-rahmon.txt",
                 "html/steppe-wire_astana-rahmon-putin.html"):
        (folder / Path(name).name).write_bytes((EXAMPLES / name).read_bytes())
    ids = []
    for workers in (1, 2):
        with tidings.open(tmp_path / f"w{workers}.db", Settings(workers=workers)) as c:
            report = c.ingest(folder)
            assert report.new == 3 and report.ok
            ids.append(sorted((a.id, a.published, a.outlet) for a in c.articles()))
    assert ids[0] == ids[1]
