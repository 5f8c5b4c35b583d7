"""The store path comes from the settings: --db, else TIDINGS_DB, else `db` in tidings.toml, else tidings.db."""
from __future__ import annotations

from typer.testing import CliRunner

import tidings
from tidings.cli import app

runner = CliRunner()

ARTICLE = ("Officials in Dushanbe said on Monday that the new bridge over the river would open to trucks "
           "next spring, after two years of work by engineers from both banks. Traders on the border "
           "expect the crossing to cut the journey to the nearest market by half a day, and the customs "
           "service plans to keep the post open around the clock once traffic picks up.\n")


def test_the_db_setting_of_tidings_toml_names_the_store(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TIDINGS_DB", raising=False)
    (tmp_path / "tidings.toml").write_text('[tidings]\ndb = "news.db"\n', encoding="utf-8")
    (tmp_path / "bridge.txt").write_text(ARTICLE, encoding="utf-8")

    result = runner.invoke(app, ["ingest", "bridge.txt"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "news.db").is_file() and not (tmp_path / "tidings.db").exists()

    result = runner.invoke(app, ["summary"])
    assert result.exit_code == 0, result.output
    assert "news.db" in result.output and "1 articles" in result.output
    with tidings.open() as c:  # the Python API reads the same setting
        assert c.path.name == "news.db" and len(c.articles()) == 1

    monkeypatch.setenv("TIDINGS_DB", str(tmp_path / "env.db"))  # the environment beats the file ...
    assert "0 articles" in runner.invoke(app, ["summary"]).output
    assert (tmp_path / "env.db").is_file()
    result = runner.invoke(app, ["summary", "--db", "news.db"])  # ... and the flag beats both
    assert "1 articles" in result.output and "news.db" in result.output
