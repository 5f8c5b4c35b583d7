"""Corpus boilerplate: paragraphs one outlet repeats across its articles are swept out of the stored bodies."""
from __future__ import annotations

import hashlib

import pytest

from tidings.config import Settings
from tidings.corpus.boilerplate import (
    debris_lines,
    line_hash,
    normalise,
    strip_lines,
    sweep_boilerplate,
)
from tidings.errors import ConfigError
from tidings.model.article import Article
from tidings.store import Store

OUTLET = "Pamir Herald"
MASTHEAD = "Pamir Herald | Regional desk | 3 min read"
SUBSCRIBE = "Subscribe to the Pamir Herald morning briefing for the day's top stories from Central Asia."
FOOTER = "© 2024 Pamir Herald. All rights reserved. Reproduction without written permission is prohibited."
COMMENTS = (
    "We welcome comments that keep to the subject of the story. Comments that are abusive, "
    "personal or off topic will be removed by our moderators, and repeated breaches lead to a "
    "suspended account."
)
# A long background paragraph the outlet repeats inside its stories: news, not debris.
BACKGROUND = (
    "Tajikistan shares a 1,357-kilometre border with Afghanistan, much of it along the Panj river, "
    "and has hosted a Russian military base since the 1990s; Dushanbe has not recognised the "
    "government that took power in Kabul in August 2021."
)
READ_MORE = "Read more: Dushanbe tightens visa rules for Afghan traders"  # in only two articles

STORIES = [
    [
        "Tajik border guards reported an exchange of fire with armed men on the Afghan bank of the Panj on Thursday night.",
        "No casualties were reported on the Tajik side, the State Committee for National Security said in a statement on Friday.",
        "The statement said the men had tried to ferry sacks across the river near the village of Shohon.",
        BACKGROUND,
        "Residents of Shohon said they had heard shooting for about twenty minutes before midnight.",
        "A Taliban spokesman in Badakhshan said the incident was under investigation and blamed smugglers.",
        SUBSCRIBE,
        FOOTER,
    ],
    [
        "The governor of Gorno-Badakhshan met Afghan traders in Khorog on Monday to discuss reopening the Ishkashim market.",
        "The cross-border market has been closed since 2020, first because of the pandemic and then because of security concerns.",
        "Traders on both sides say the closure has cut incomes in villages that depend on selling flour, fuel and livestock.",
        BACKGROUND,
        "The governor said a decision would be taken in Dushanbe after consultations with the border service.",
        READ_MORE,
        "Officials gave no date for the next round of talks.",
        SUBSCRIBE,
        FOOTER,
        COMMENTS,
    ],
    [
        "Tajikistan's foreign minister held talks in Moscow on Wednesday with his Russian counterpart about security on the Afghan frontier.",
        "The two ministers agreed to expand joint exercises at the Harb-Maidon range next spring, the Russian ministry said.",
        BACKGROUND,
        "Moscow has promised to help modernise Tajik border posts, though details of the funding were not disclosed.",
        "The minister also met the head of the Collective Security Treaty Organisation's secretariat.",
        "Analysts in Dushanbe said the visit reflected concern about militants moving north from Kunduz and Takhar.",
        READ_MORE,
        SUBSCRIBE,
        FOOTER,
        COMMENTS,
    ],
    [
        "Heavy snow closed the Anzob pass north of Dushanbe on Saturday, stranding dozens of lorries bound for Khujand.",
        "The transport ministry said crews were working to clear avalanches on two sections of the road.",
        "Drivers said they had been waiting for more than a day without food or fuel for their heaters.",
        "The tunnel beneath the pass, which opened in 2015, was also closed after water flooded its southern entrance.",
        "Forecasters expect more snow in the Zeravshan valley until Tuesday.",
        FOOTER,
        COMMENTS,
    ],
]


def make(body: str, origin: str, outlet: str | None = OUTLET) -> Article:
    return Article(id=hashlib.sha256(body.encode()).hexdigest(), origin=origin, body=body, outlet=outlet)


def article(paragraphs: list[str], origin: str, outlet: str | None = OUTLET, masthead: bool = True) -> Article:
    return make("\n\n".join(([MASTHEAD] if masthead else []) + paragraphs), origin, outlet)


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "tidings.db") as s:
        yield s


@pytest.fixture
def settings():
    return Settings(boilerplate_min_articles=3)


def fill(store: Store) -> list[Article]:
    articles = [article(p, f"pamir/{i}.html") for i, p in enumerate(STORIES)]
    for a in articles:
        assert store.add_article(a) == "new"
    return articles


def test_sweep_removes_the_outlet_s_recurring_debris_and_keeps_its_news(store, settings):
    articles = fill(store)
    assert sweep_boilerplate(store, settings) == 4
    for a in articles:
        stored = store.article(a.id)  # the id does not change
        for debris in (MASTHEAD, SUBSCRIBE, FOOTER, COMMENTS):
            assert debris not in stored.body
    bodies = [store.article(a.id).body for a in articles]
    assert sum(BACKGROUND in b for b in bodies) == 3  # long and mid-story: kept
    assert sum(READ_MORE in b for b in bodies) == 2  # short but in only two articles: kept
    assert bodies[0].startswith("Tajik border guards reported")
    assert bodies[3].endswith("Forecasters expect more snow in the Zeravshan valley until Tuesday.")
    assert "\n\n\n" not in bodies[1]


def test_the_masthead_is_debris_even_though_its_read_time_varies(store, settings):
    fill(store)
    other = MASTHEAD.replace("3 min", "7 min")
    late = make("\n\n".join([other] + STORIES[3][:5]).replace("Saturday", "Sunday"), "pamir/late.html")
    store.add_article(late)
    sweep_boilerplate(store, settings)
    assert store.article(late.id).body.startswith("Heavy snow closed the Anzob pass")
    assert normalise(MASTHEAD) == normalise(other) == "pamir herald regional desk 0 min read"


def test_fts_follows_the_sweep(store, settings):
    fill(store)
    assert len(store.search("morning briefing")) == 3
    sweep_boilerplate(store, settings)
    assert store.search("morning briefing") == []
    assert store.search("moderators") == []
    assert len(store.search("Panj river")) == 3
    store.connection.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")


def test_a_second_sweep_does_nothing_and_reingesting_stays_a_no_op(store, settings):
    articles = fill(store)
    sweep_boilerplate(store, settings)
    assert sweep_boilerplate(store, settings) == 0
    assert store.add_article(articles[0]) == "known"
    assert store.add_article(article(STORIES[0], "mirror/border-clash.html")) == "known"
    assert store.article(articles[0].id).origins == ["pamir/0.html", "mirror/border-clash.html"]
    assert sweep_boilerplate(store, settings) == 0
    assert store.summary().n_articles == 4


def test_only_new_articles_and_those_with_newly_marked_lines_are_rewritten(store, settings):
    fill(store)
    sweep_boilerplate(store, settings)
    carrying = {a.id for a in store.articles() if READ_MORE in a.body}
    assert len(carrying) == 2
    # A third article with the "Read more" line makes it debris: the new article and the two older
    # ones that carry it change, the article without it does not.
    fresh = article(
        [
            "Customs officers in Panji Poyon seized a lorry carrying undeclared cigarettes on Sunday.",
            "The driver, an Afghan national, was detained, the customs service said.",
            "The seizure was the third at the crossing this month.",
            READ_MORE,
            SUBSCRIBE,
            FOOTER,
        ],
        "pamir/customs.html",
    )
    store.add_article(fresh)
    before = {a.id: a.body for a in store.articles()}
    assert sweep_boilerplate(store, settings) == 3
    after = {a.id: a.body for a in store.articles()}
    assert {i for i in after if after[i] != before[i]} == carrying | {fresh.id}
    assert all(READ_MORE not in b for b in after.values())


def test_lines_are_counted_per_outlet_and_articles_without_outlet_are_left_alone(store, settings):
    fill(store)
    valley = article(
        ["Flooding in the Vakhsh valley damaged two bridges near Bokhtar on Tuesday.", SUBSCRIBE, FOOTER],
        "valley/floods.html", outlet="Valley Times", masthead=False,
    )
    anonymous = article(
        ["A convoy of aid lorries crossed into Afghanistan at Panji Poyon on Wednesday.", SUBSCRIBE, FOOTER],
        "dump/aid-convoy.txt", outlet=None,
    )
    store.add_article(valley)
    store.add_article(anonymous)
    sweep_boilerplate(store, settings)
    assert store.article(valley.id).body == valley.body  # one Valley Times article: nothing recurs there
    assert store.article(anonymous.id).body == anonymous.body
    assert {o for o, _, _ in debris_lines(store)} == {OUTLET}
    assert {sample for _, sample, _ in debris_lines(store, OUTLET)} == {MASTHEAD, SUBSCRIBE, FOOTER, COMMENTS}


def test_a_lower_threshold_takes_effect_on_the_next_sweep(store):
    fill(store)
    sweep_boilerplate(store, Settings(boilerplate_min_articles=4))
    assert sum(SUBSCRIBE in a.body for a in store.articles()) == 3  # in 3 articles: under 4
    assert all(FOOTER not in a.body for a in store.articles())  # in all 4
    assert sweep_boilerplate(store, Settings(boilerplate_min_articles=3)) == 4  # subscribe and comments go
    assert all(SUBSCRIBE not in a.body and COMMENTS not in a.body for a in store.articles())


def test_zero_turns_the_sweep_off_and_one_is_refused(store):
    fill(store)
    assert sweep_boilerplate(store, Settings(boilerplate_min_articles=0)) == 0
    with pytest.raises(ConfigError, match="at least 2"):
        sweep_boilerplate(store, Settings(boilerplate_min_articles=1))


def test_a_body_made_only_of_debris_is_kept_whole():
    body = f"{SUBSCRIBE}\n\n{FOOTER}"
    assert strip_lines(body, {line_hash(SUBSCRIBE), line_hash(FOOTER)}) == body
    assert strip_lines(body, {line_hash(FOOTER)}) == SUBSCRIBE
    assert line_hash("* * *") is None


def test_numbers_are_ignored_in_short_lines_only():
    assert line_hash("Updated 3 hours ago") == line_hash("Updated 11 hours ago")
    tally = (
        "The health ministry said {} people had been treated in Khorog for injuries from the "
        "earthquake and that rescue teams were still searching villages in the Rushan district."
    )
    assert line_hash(tally.format(41)) != line_hash(tally.format(57))
