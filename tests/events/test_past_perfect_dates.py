"""An event told in the past perfect happened before the story: it is not dated to the publication day."""
from tidings.time.stage import PAST_PERFECT


def _only(events, event_type):
    found = [e for e in events if e.event_type == event_type]
    assert len(found) == 1, [(e.event_type, e.trigger) for e in events]
    return found[0]


def test_a_past_perfect_attack_without_a_date_of_its_own_is_undated(code):
    ev = _only(code("Pakistani officials said on Monday that militants had attacked a border post in Kurram.",
                    published="2021-10-06"), "ASSAULT")
    assert ev.date is None and ev.date_start is None and ev.date_precision == PAST_PERFECT


def test_the_simple_past_keeps_the_date_its_clause_names(code):
    ev = _only(code("The minister met his Afghan counterpart in Dushanbe on Tuesday after the two sides "
                    "had agreed to reopen the crossing.", published="2021-10-06"), "CONSULT")
    assert ev.date == "2021-10-05" and ev.date_precision == "day"


def test_a_past_perfect_with_its_own_date_takes_that_date(code):
    ev = _only(code("Officials said that on 2 October militants had attacked a border post in Kurram.",
                    published="2021-10-06"), "ASSAULT")
    assert ev.date == "2021-10-02"
