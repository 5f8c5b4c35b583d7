"""event_date: an event's own time expression first, else the article's date with a precision that says so."""
from __future__ import annotations

from tidings.time import event_date, find_timexes


def test_a_day_expression_gives_the_event_its_day():
    timexes = find_timexes("Troops crossed the border on Saturday.", "2021-10-03")
    d = event_date(timexes, "2021-10-03", "day")
    assert (d.date, d.date_start, d.date_end, d.precision, d.text) == (
        "2021-10-02", "2021-10-02", "2021-10-02", "day", "Saturday")


def test_an_interval_fills_start_and_end_and_leaves_the_day_empty():
    timexes = find_timexes("Parades were held earlier in the week.", "2021-10-03")
    d = event_date(timexes, "2021-10-03", "day")
    assert (d.date, d.date_start, d.date_end, d.precision) == (None, "2021-09-27", "2021-10-03", "week")


def test_a_duration_ending_at_the_dct_is_an_interval():
    timexes = find_timexes("Attacks rose in the last three months.", "2021-10-03")
    d = event_date(timexes, "2021-10-03", "day")
    assert (d.date_start, d.date_end, d.precision) == ("2021-07-03", "2021-10-03", "interval")


def test_no_time_expression_takes_the_article_date():
    d = event_date([], "2021-10-03T13:23:00+05:30", "datetime")
    assert (d.date, d.precision, d.text) == ("2021-10-03", "datetime: article date", None)


def test_vague_expressions_fall_back_to_the_article_date():
    timexes = find_timexes("Rebels recently seized the pass.", "2021-07-06")
    assert event_date(timexes, "2021-07-06", "day").precision == "day: article date"


def test_no_date_at_all():
    d = event_date([], None, "unknown")
    assert (d.date, d.date_start, d.precision) == (None, None, "unknown")
