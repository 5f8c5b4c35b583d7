"""Which place an event takes: its clause, a party's own place, its sentence's setting, the
previous sentence about the same story, and the dateline only for an event local to it."""
from __future__ import annotations

import pytest

from tidings.model.article import Article
from tidings.model.item import Item
from tidings.pipeline import ANALYSIS_STAGES, run_stages


@pytest.fixture(scope="module")
def code(resources):
    def run(text: str, dateline: str | None = None):
        a = Article(id="t" + str(abs(hash(text))), origin="test", body=text, published="2023-05-02",
                    published_precision="day", dateline=dateline)
        return run_stages([Item(None, article=a)], resources, ANALYSIS_STAGES)[0].events.events

    return run


def _place(events, trigger):
    ev = next(e for e in events if e.trigger == trigger)
    return ev.location and (ev.location.name, ev.location.country)


def test_a_local_event_with_no_place_of_its_own_takes_the_dateline(code):
    events = code("Pakistani police arrested three suspects on Tuesday, a spokesman said.", dateline="Islamabad")
    assert _place(events, "arrested") == ("Islamabad", "PAK")


def test_a_sentence_that_sets_the_story_elsewhere_keeps_the_dateline_out(code):
    events = code("Pakistani police arrested three suspects on Tuesday, officials in Peshawar said.",
                  dateline="Islamabad")
    assert _place(events, "arrested") != ("Islamabad", "PAK")


def test_the_setting_a_sentence_opens_with_beats_the_dateline(code):
    events = code("In Quetta, Pakistani troops arrested two militants on Sunday, the army said.",
                  dateline="Islamabad")
    assert _place(events, "arrested") == ("Quetta", "PAK")


def test_a_party_named_after_a_province_places_the_event_there(code):
    events = code("Punjab police arrested five men on Friday over the killing of a shopkeeper.",
                  dateline="Islamabad")
    assert _place(events, "arrested") == ("Punjab", "PAK")


def test_a_meeting_abroad_carries_to_the_next_sentence_about_it(code):
    events = code("Pakistan's foreign minister met Afghan officials in Doha on Saturday. Pakistan also "
                  "held talks with Qatar on gas supplies, the ministry said.", dateline="Islamabad")
    assert _place(events, "met") == ("Doha", "QAT")
    assert _place(events, "talks") == ("Doha", "QAT")


def test_another_kind_of_event_does_not_take_the_previous_sentence_s_place(code):
    events = code("Pakistan's foreign minister met Afghan officials in Doha on Saturday. Pakistan "
                  "accused the Taliban of sheltering militants, the ministry said.", dateline="Islamabad")
    assert _place(events, "accused") != ("Doha", "QAT")


def test_a_sentence_about_other_parties_does_not_carry_its_place(code):
    events = code("Afghan forces detained three men in Kabul on Monday. Pakistani troops arrested "
                  "two smugglers on Tuesday, officials said.", dateline="Islamabad")
    assert _place(events, "detained") == ("Kabul", "AFG")
    assert _place(events, "arrested") == ("Islamabad", "PAK")
