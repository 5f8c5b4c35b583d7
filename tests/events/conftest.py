"""Shared helpers for the event tests: code a few sentences as one article."""
import pytest

from tidings.model.article import Article
from tidings.model.item import Item
from tidings.pipeline import ANALYSIS_STAGES, run_stages


@pytest.fixture(scope="session")
def code(resources):
    def run(text: str, published: str | None = "2021-10-03", dateline: str | None = None):
        a = Article(id="t" + str(abs(hash(text))), origin="test", body=text, published=published,
                    published_precision="day" if published else "unknown: no date", dateline=dateline)
        return run_stages([Item(None, article=a)], resources, ANALYSIS_STAGES)[0].events.events

    return run

