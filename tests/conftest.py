"""Session-wide fixtures: one set of read-only resources (spaCy pipelines, knowledge base, lexicon,
gazetteer) for every test that runs the per-article stages, as one process of tidings keeps one."""
import pytest

from tidings.config import Settings
from tidings.resources import Resources


@pytest.fixture(scope="session")
def resources() -> Resources:
    return Resources(Settings())


@pytest.fixture(scope="session")
def gazetteer(resources):
    return resources.gazetteer
