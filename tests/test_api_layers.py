"""The command line, the web app and the exports read the store through tidings.api only."""
from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "tidings"
FRONTS = ("cli", "web", "export")
# What a front may import from tidings: the API facade, the lowest layers, and the other fronts.
ALLOWED = ("tidings.api", "tidings.config", "tidings.errors", "tidings.model", "tidings.cli", "tidings.export",
           "tidings.web", "tidings.__version__")
# Imports that stay until their commands read through the API: shard (engines) and eval/bench.
PENDING = {("cli/scale.py", "tidings.engines.shards"), ("cli/evaluation.py", "tidings.eval"),
           ("cli/evaluation.py", "tidings.bench"), ("cli/common.py", "tidings.store")}


def _imports(path: Path) -> set[str]:
    package = "tidings." + ".".join(path.relative_to(SRC).parent.parts)
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            found |= {module} if node.module else {f"{module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return {m for m in found if m == "tidings" or m.startswith("tidings.")}


def test_fronts_import_only_the_api():
    wrong = []
    for front in FRONTS:
        for path in sorted((SRC / front).rglob("*.py")):
            rel = path.relative_to(SRC).as_posix()
            for module in _imports(path):
                ok = module == "tidings" or module.startswith(tuple(f"{a}." for a in ALLOWED)) or module in ALLOWED
                if not ok and (rel, module) not in PENDING:
                    wrong.append(f"{rel} imports {module}")
    assert not wrong, wrong


def test_the_api_and_the_store_never_import_a_front():
    for path in [SRC / "api.py", *sorted((SRC / "store").rglob("*.py"))]:
        fronts = [m for m in _imports(path) if m.split(".")[1:2] and m.split(".")[1] in FRONTS]
        assert not fronts, f"{path.relative_to(SRC)} imports {fronts}"
