"""The tidings command line: parse arguments, call the library, render with rich. Nothing else lives here.

Each module of this package registers its commands on the one typer `app` when imported; a
stage adds its commands as a new module here, nothing else to edit.
"""
from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from .common import EXIT_ERROR, EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, app

# Help lists commands in registration order: these first, then any other module by name.
FIRST = ("articles", "actors", "evaluation")


def _register_commands() -> None:
    others = sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]))
    for name in [*FIRST, *(m for m in others if m not in FIRST and m != "common")]:
        importlib.import_module(f"{__name__}.{name}")


_register_commands()

__all__ = ["EXIT_ERROR", "EXIT_OK", "EXIT_SOME_FAILED", "EXIT_USAGE", "app"]
