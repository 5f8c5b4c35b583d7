"""Session-wide fixtures: one set of read-only resources (spaCy pipelines, knowledge base, lexicon,
gazetteer) for every test that runs the per-article stages, as one process of tidings keeps one."""
import os
import shutil
import tempfile

import pytest

from tidings.config import Settings
from tidings.resources import Resources


def pytest_configure(config):
    """The start-up cache of the test session lives in its own temporary folder (set through the
    environment, so CLI runs in subprocesses use it too), never in the user's cache."""
    if "TIDINGS_CACHE_DIR" not in os.environ:
        config._tidings_cache = os.environ["TIDINGS_CACHE_DIR"] = tempfile.mkdtemp(prefix="tidings-test-cache-")


def pytest_unconfigure(config):
    made = getattr(config, "_tidings_cache", None)
    if made:
        shutil.rmtree(made, ignore_errors=True)


@pytest.fixture(scope="session")
def resources() -> Resources:
    return Resources(Settings())


@pytest.fixture(scope="session")
def gazetteer(resources):
    return resources.gazetteer
