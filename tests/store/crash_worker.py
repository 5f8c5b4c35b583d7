"""Test helper, not a test: store generated articles one by one until the parent kills the process.

Run as `python crash_worker.py DB N`; prints the index of each stored article.
"""
from __future__ import annotations

import hashlib
import sys
from collections.abc import Iterator

from tidings.model.article import Article, Failure
from tidings.store import Store

PLACES = ["Dushanbe", "Kabul", "Islamabad", "Tashkent", "Mazar-i-Sharif", "Peshawar", "Khorog", "Termez"]
OFFICIALS = ["the foreign minister", "a border commander", "the interior ministry", "a provincial governor"]
SYNDICATED_EVERY = 10  # every 10th item repeats the previous body from another outlet's feed


def body_for(i: int) -> str:
    place, other = PLACES[i % len(PLACES)], PLACES[(i * 3 + 1) % len(PLACES)]
    who = OFFICIALS[i % len(OFFICIALS)]
    return (
        f"Officials in {place} said on day {i} that {who} had met a delegation from {other} to discuss "
        f"crossings along the frontier and the return of {100 + i} displaced families.\n\n"
        f"The talks, the {i}th round this year, ended without a joint statement, though both sides "
        f"described them as useful. A further meeting is planned in {other}.\n\n"
        f"Traders in {place} said queues at the crossing had grown since the spring."
    )


def items(n: int) -> Iterator[Article | Failure]:
    for i in range(n):
        if i % 97 == 96:
            yield Failure(f"feeds/frontier.xml#item{i}", "The feed item has no text after cleaning.")
            continue
        source = i - 1 if i % SYNDICATED_EVERY == SYNDICATED_EVERY - 1 else i
        body = body_for(source)
        yield Article(
            id=hashlib.sha256(body.encode()).hexdigest(),
            origin=f"feeds/frontier.xml#item{i}",
            body=body,
            title=f"Frontier talks, round {source}",
            outlet="Steppe Wire" if i % 2 else "Valley Times",
            published=f"2024-{1 + source % 12:02d}-{1 + source % 28:02d}",
            published_precision="day",
        )


def main(db: str, n: int) -> None:
    with Store.open(db) as store:
        for i, item in enumerate(items(n)):
            if isinstance(item, Failure):
                store.add_failure(item)
            else:
                store.add_article(item)
            print(i, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
