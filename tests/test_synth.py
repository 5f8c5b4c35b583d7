"""`tidings synth` writes a deterministic synthetic news corpus that the ingest reads and whose names the knowledge base knows."""
import json
import re
import statistics
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.actors.kb import KnowledgeBase
from tidings.cli import app
from tidings.config import Settings
from tidings.errors import ConfigError
from tidings.ingest import iter_inputs
from tidings.model.article import RawDoc
from tidings.synth import generate, load_world, write_corpus


@pytest.fixture(scope="module")
def world():
    return load_world()


@pytest.fixture(scope="module")
def sample(world):
    return list(generate(600, seed=3, world=world))


def test_the_same_seed_writes_the_same_corpus(tmp_path: Path):
    a = write_corpus(tmp_path / "a", 40, seed=11)
    b = write_corpus(tmp_path / "b", 40, seed=11)
    c = write_corpus(tmp_path / "c", 40, seed=12)
    assert a[0].read_bytes() == b[0].read_bytes()
    assert a[0].read_bytes() != c[0].read_bytes()


def test_a_larger_corpus_starts_with_the_smaller_one(world):
    small = [x.record() for x in generate(50, seed=5, world=world)]
    large = [x.record() for x in generate(120, seed=5, world=world)]
    assert large[:50] == small


def test_lengths_are_mostly_news_length_with_some_flashes(sample):
    words = [len(a.text.split()) for a in sample]
    assert len(sample) == 600
    assert 300 <= statistics.median(words) <= 800
    assert sum(w < 120 for w in words) >= 10                 # wire flashes
    assert sum(300 <= w <= 850 for w in words) > len(words) * 0.7


def test_many_outlets_each_with_its_own_footer(sample):
    outlets = Counter(a.outlet for a in sample)
    assert len(outlets) >= 10
    last_lines = {a.outlet: a.text.rsplit("\n\n", 1)[-1] for a in sample}
    assert len(set(last_lines.values())) >= 10


def test_copies_and_follow_ups_are_there(sample):
    leads = Counter(re.sub(r"^.*? - |^[A-Z ]+: ", "", a.text.split("\n\n", 1)[0]) for a in sample)
    assert sum(1 for n in leads.values() if n > 1) >= 20     # the same story under other outlets
    assert any("days after" in a.text for a in sample)
    years = {a.published[:4] for a in sample}
    assert len(years) >= 6


def test_the_people_named_are_in_the_knowledge_base(world, sample):
    kb = KnowledgeBase.load()
    names = {p.name for p in world.people}
    named = {n for a in sample for n in names if n in a.text}
    assert len(named) >= 50
    assert all(kb.lookup(n) for n in list(named)[:50])


def test_the_ingest_reads_the_jsonl_and_txt_output(tmp_path: Path):
    write_corpus(tmp_path / "j", 25, seed=2)
    write_corpus(tmp_path / "t", 25, seed=2, fmt="txt")
    for folder in ("j", "t"):
        docs = list(iter_inputs([str(tmp_path / folder)], Settings()))
        assert len(docs) == 25 and all(isinstance(d, RawDoc) for d in docs)
    first = json.loads((tmp_path / "j" / "synth-00000.jsonl").read_text().splitlines()[0])
    assert set(first) == {"title", "url", "published", "outlet", "author", "text"}


def test_bad_requests_are_domain_errors(tmp_path: Path):
    with pytest.raises(ConfigError):
        write_corpus(tmp_path, 0, seed=1)
    with pytest.raises(ConfigError):
        write_corpus(tmp_path, 5, seed=1, fmt="xml")


def test_the_command_writes_the_files(tmp_path: Path):
    result = CliRunner().invoke(app, ["synth", "--articles", "30", "--out", str(tmp_path), "--seed", "4"])
    assert result.exit_code == 0, result.output
    assert len((tmp_path / "synth-00000.jsonl").read_text().splitlines()) == 30
