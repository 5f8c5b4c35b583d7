"""The layers of docs/architecture.md hold: the import-linter contract in pyproject.toml passes, and
the docs list the same layers in the same order."""
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def contract_layers() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    return next(c["layers"] for c in contracts if c["type"] == "layers")


def test_no_import_points_up_a_layer():
    exe = Path(sys.executable).with_name("lint-imports")
    command = str(exe) if exe.exists() else shutil.which("lint-imports")
    if command is None:
        pytest.fail("lint-imports is not installed: `pip install -e '.[dev]'` installs import-linter")
    run = subprocess.run([command, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]


def test_the_docs_draw_the_layers_of_the_contract():
    docs = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    block = re.search(r"```text\nlayers.*?\n(.*?)```", docs, re.DOTALL)
    assert block, "docs/architecture.md lost its layer diagram (a ```text block starting 'layers')"
    drawn = [line.split("#")[0].strip() for line in block.group(1).splitlines()]
    drawn = [" ".join(line.split()) for line in drawn if line]
    assert drawn == [" ".join(layer.split()) for layer in contract_layers()]
