"""A sweep that only cuts an outlet's footer keeps the articles' actors and events (their offsets do not move); one that cuts above the news has them made again."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

import tidings
from tidings.config import Settings

OUTLET = "Valley Courier"
FOOTER = "The Valley Courier is published by the Valley Media Group from its offices on Orchard Street."
STORIES = [
    ("Kazakh and Kyrgyz leaders meet in Bishkek",
     ("Kyrgyz President Sadyr Japarov met Kazakh President Kassym-Jomart Tokayev in Bishkek on Tuesday "
     "to discuss water sharing and a new border crossing, officials said.\n\n"
     "The two leaders agreed to set up a commission on the Chu river before the summer.\n\n"
     "Trade between the two neighbours has grown quickly since the pandemic, and both governments "
     "want to double it within five years, according to the Kyrgyz economy ministry.")),
    ("Uzbekistan and Tajikistan sign rail deal",
     ("Uzbekistan and Tajikistan signed an agreement in Tashkent on Friday to rebuild a rail line across "
     "their border, the Uzbek foreign ministry said.\n\n"
     "Trains are due to run again on the line next year, the ministry added.\n\n"
     "The line was closed in the 1990s after a dispute over transit fees and has since fallen into "
     "disrepair; engineers say several bridges will have to be rebuilt.")),
    ("Protesters gather in Almaty over fuel prices",
     ("Hundreds of people protested in Almaty on Sunday against a sharp rise in fuel prices and demanded "
     "that the government reverse it.\n\n"
     "Police said the rally ended peacefully in the evening.\n\n"
     "The energy ministry said the price rise was needed to end shortages at filling stations, but "
     "opposition politicians called for an inquiry into how fuel is sold in the country.")),
]


def _write(folder: Path, head: str | None, tail: str | None) -> Path:
    folder.mkdir(parents=True)
    for n, (title, body) in enumerate(STORIES):
        text = "\n\n".join(p for p in (head, body, tail) if p)
        record = {"title": title, "outlet": OUTLET, "published": f"2024-05-0{n + 1}T09:00", "text": text}
        (folder / f"{n}.json").write_text(json.dumps(record))
    return folder


def _mentions(db: Path) -> dict[str, set[tuple]]:
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT a.title, m.start, m.\"end\", m.text, m.entity_id FROM mentions m"
                        " JOIN articles a ON a.id = m.article_id").fetchall()
    found: dict[str, set[tuple]] = {}
    for title, *rest in rows:
        found.setdefault(title, set()).add(tuple(rest))
    return found


def _fresh(db: Path) -> bool:
    conn = sqlite3.connect(db)
    return conn.execute(
        "SELECT count(*) FROM articles a JOIN analysed an ON an.article_id = a.id"
        " JOIN events_coded ec ON ec.article_id = a.id"
        " WHERE an.body_chars = length(a.body) AND ec.body_chars = length(a.body)").fetchone()[0] == len(STORIES)


@pytest.mark.slow
def test_a_cut_footer_keeps_the_analyses_made_before_the_sweep(tmp_path: Path):
    settings = Settings(boilerplate_min_articles=2)
    with tidings.open(tmp_path / "footer.db", settings) as c:
        report = c.ingest(_write(tmp_path / "footer", None, FOOTER))
    assert report.boilerplate_swept == len(STORIES)
    assert report.analysed == 0 and report.recoded == 0
    assert _fresh(tmp_path / "footer.db")
    with tidings.open(tmp_path / "plain.db", settings) as c:
        c.ingest(_write(tmp_path / "plain", None, None))
    assert _mentions(tmp_path / "footer.db") == _mentions(tmp_path / "plain.db")
    bodies = sqlite3.connect(tmp_path / "footer.db").execute("SELECT body FROM articles").fetchall()
    assert not any("Subscribe" in b for (b,) in bodies)


@pytest.mark.slow
def test_a_cut_above_the_news_has_the_articles_analysed_again(tmp_path: Path):
    with tidings.open(tmp_path / "head.db", Settings(boilerplate_min_articles=2)) as c:
        report = c.ingest(_write(tmp_path / "head", FOOTER, None))  # the same line, first
    assert report.boilerplate_swept == len(STORIES)
    assert report.recoded == len(STORIES)
    assert _fresh(tmp_path / "head.db")
