"""`tidings dyads --json`, GET /api/dyads and Corpus.dyads() give the same pairs and numbers on the demo store."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import tidings
from tidings.cli import app

runner = CliRunner()

CASES = [
    ({}, []),
    ({"period": "month"}, ["--by", "month"]),
    ({"level": "country"}, ["--level", "country"]),
    ({"a": "PAK", "b": "TJK", "level": "country", "period": "week"},
     ["--actor", "PAK", "--actor", "TJK", "--level", "country", "--by", "week"]),
    ({"a": "per:emomali-rahmon", "since": "2021-01-01", "until": "2021-12-31"},
     ["--actor", "per:emomali-rahmon", "--from", "2021-01-01", "--to", "2021-12-31"]),
]


@pytest.mark.parametrize(("params", "flags"), CASES)
def test_cli_rest_and_python_agree(demo_store, client, params, flags):
    with tidings.open(demo_store) as c:
        python = c.dyads(**params, limit=None)
    rest = client.get("/api/dyads", params={**params, "limit": 500}).json()
    result = runner.invoke(app, ["dyads", "--db", str(demo_store), "--json", *flags])
    assert result.exit_code == 0, result.output
    cli = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert python, params
    assert rest["total"] == len(python) <= 500
    assert cli == python == rest["items"]
    assert all(p["events"] == p["cooperation"] + p["conflict"] and p["articles"] >= 1 and p["sources"] >= 1
               for p in python)
