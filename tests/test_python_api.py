"""docs/python-api.md runs as written: its code blocks execute in order against the demo corpus."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "python-api.md"


def _blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL)


def test_the_python_api_doc_runs(tmp_path, monkeypatch, capsys):
    blocks = _blocks()
    assert len(blocks) >= 4
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {}
    for i, code in enumerate(blocks):
        try:
            exec(compile(code, f"python-api.md block {i + 1}", "exec"), namespace)  # noqa: S102
        except Exception as e:  # noqa: BLE001
            pytest.fail(f"block {i + 1} of docs/python-api.md fails: {type(e).__name__}: {e}\n{code}")
    out = capsys.readouterr().out
    assert "Emomali Rahmon" in out
    assert namespace["report"].new == 1 and namespace["report"].failed == 1
    assert namespace["rahmon"]["country"] == "TJK"
    assert len(namespace["events"]) >= 20 and all(
        any(p["country"] == "PAK" for p in e["actors"]) for e in namespace["events"])
    assert namespace["calls"] and namespace["pairs"] and namespace["pak_tjk"]
    assert namespace["disputed"] and namespace["story"]["timeline"]
