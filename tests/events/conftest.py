"""Shared helpers for the event tests: code a few sentences as one article."""
import pytest

from tidings.config import Settings
from tidings.model.article import Article


@pytest.fixture(scope="session")
def code():
    from tidings.events.stage import actors_and_events

    settings = Settings()

    def run(text: str, published: str | None = "2021-10-03", dateline: str | None = None):
        a = Article(id="t" + str(abs(hash(text))), origin="test", body=text, published=published,
                    published_precision="day" if published else "unknown: no date", dateline=dateline)
        return actors_and_events([a], settings)[0][1].events

    return run

