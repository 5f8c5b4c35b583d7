"""Every CLI command and every setting is documented; the docs fail the build when they fall behind."""
from dataclasses import fields
from pathlib import Path

from tidings.cli import app
from tidings.config import Settings

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_every_command_is_documented():
    text = (DOCS / "cli.md").read_text()
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    missing = [n for n in names if f"`tidings {n}" not in text]
    assert not missing, f"commands missing from docs/cli.md: {missing}"


def test_every_setting_is_documented():
    text = (DOCS / "settings.md").read_text()
    missing = [f.name for f in fields(Settings) if f"`{f.name}`" not in text]
    assert not missing, f"settings missing from docs/settings.md: {missing}"
