"""Time rules on sentences written for the purpose: each rule's value, interval and precision."""
from __future__ import annotations

import pytest

from tidings.time import find_timexes

SUNDAY = "2021-10-03"  # a Sunday


def one(text: str, dct: str | None = SUNDAY, phrase: str | None = None):
    found = find_timexes(text, dct)
    if phrase is not None:
        found = [t for t in found if t.text == phrase]
    assert len(found) == 1, found
    return found[0]


def test_weekday_in_a_past_tense_report_is_the_last_one():
    t = one("The two leaders spoke by telephone on Saturday about the border.")
    assert (t.text, t.type, t.value, t.precision) == ("Saturday", "DATE", "2021-10-02", "day")
    assert t.date_start == t.date_end == "2021-10-02"


def test_weekday_that_is_the_dct_itself():
    assert one("The minister held talks in Dushanbe on Sunday.").value == "2021-10-03"


def test_weekday_in_a_future_sentence_points_forward():
    assert one("The foreign ministers will meet on Saturday in Tashkent.").value == "2021-10-09"
    assert one("A delegation is scheduled to arrive Thursday.").value == "2021-10-07"


def test_last_and_next_weekday():
    assert one("Talks broke down last Friday.").value == "2021-10-01"
    assert one("Talks resume next Monday.").value == "2021-10-04"


def test_a_day_after_counts_back_from_the_dct_when_the_sentence_names_no_day():
    t = one("The order came a day after hundreds of soldiers crossed the river.", "2021-07-06")
    assert (t.text, t.value, t.precision) == ("a day after", "2021-07-05", "day")


def test_a_day_after_counts_back_from_a_day_named_in_the_sentence():
    found = find_timexes("On Thursday the army moved in, a day after the convoy was ambushed.", SUNDAY)
    assert [t.value for t in found] == ["2021-09-30", "2021-09-29"]


def test_earlier_in_the_week_is_the_dct_week_up_to_the_dct():
    t = one("Troops paraded near the frontier earlier in the week.")
    assert (t.value, t.precision, t.date_start, t.date_end) == ("2021-W39", "week", "2021-09-27", "2021-10-03")


def test_late_last_year_is_last_year_narrowed_to_its_last_third():
    t = one("She met the group's leaders in Kabul late last year.", "2022-12-20")
    assert (t.value, t.precision, t.date_start, t.date_end) == ("2021", "year", "2021-09-01", "2021-12-31")


def test_in_the_last_three_months_is_a_duration_ending_at_the_dct():
    t = one("In the last three months, attacks on checkpoints have doubled.")
    assert (t.text, t.type, t.value) == ("the last three months", "DURATION", "P3M")
    assert (t.date_start, t.date_end, t.precision) == ("2021-07-03", "2021-10-03", "duration")


def test_month_and_day_without_a_year_take_the_dct_year():
    t = one("He spoke at the summit on Sept 18 and flew home.")
    assert (t.text, t.value) == ("Sept 18", "2021-09-18")


def test_month_and_day_after_the_dct_in_a_past_report_are_last_year():
    assert one("The envoy said the ceasefire collapsed on Dec. 28.", "2021-02-10").value == "2020-12-28"


def test_deadline_before_the_dct_month_is_next_year():
    assert one("Bonds are payable Jan. 15 to holders of record.", "2021-11-02").value == "2022-01-15"


@pytest.mark.parametrize("text,value", [
    ("Posted 5th January 2025 by the desk.", "2025-01-05"),
    ("The statement was dated Oct 03, 2021.", "2021-10-03"),
    ("Elections were held in 2021.", "2021"),
    ("Refugees arrived throughout the 1990s.", "199"),
    ("Prices rose this week.", "2021-W39"),
    ("Exports fell last month.", "2021-09"),
    ("The offices closed two weeks ago.", "2021-W37"),
    ("The report covers the third quarter.", "2021-Q3"),
    ("Shipments resumed last fall.", "2020-FA"),
    ("The vote is due next year.", "2022"),
    ("Prices are now falling.", "PRESENT_REF"),
])
def test_explicit_and_relative_dates(text, value):
    assert one(text).value == value


def test_ist_datetime_keeps_the_local_clock_time():
    t = one("Updated: Oct 03, 2021, 01:23 PM IST")
    assert (t.text, t.type, t.value, t.precision) == ("Oct 03, 2021, 01:23 PM IST", "TIME", "2021-10-03T13:23",
                                                      "datetime")


def test_iso_datetime():
    assert one("Filed 2021-10-03T09:15 from Kabul.").value == "2021-10-03T09:15"


@pytest.mark.parametrize("text,phrase,value", [
    ("Protesters gather every Friday outside the embassy.", "every Friday", "XXXX-WXX-5"),
    ("Flights leave daily from Termez.", "daily", "P1D"),
    ("The council meets twice a year in Astana.", "a year", "P1Y"),
    ("Inspectors visit each July.", "each July", "XXXX-07"),
])
def test_sets(text, phrase, value):
    t = one(text, phrase=phrase)
    assert (t.type, t.value, t.precision) == ("SET", value, "set")


@pytest.mark.parametrize("text,value", [
    ("The siege lasted three months.", "P3M"),
    ("It signed a two-year agreement.", "P2Y"),
    ("Fighting went on for 48 hours.", "PT48H"),
    ("Talks have dragged on for several years.", "PXY"),
    ("The war lasted two decades.", "P20Y"),
])
def test_durations(text, value):
    t = one(text)
    assert (t.type, t.value, t.precision) == ("DURATION", value, "duration")


def test_recent_months_is_vague():
    t = one("Clashes have grown in recent months.")
    assert (t.text, t.value) == ("recent months", "PXM")


def test_without_a_dct_relative_values_stay_unresolved_but_are_found():
    t = one("He met them in Kabul late last year.", None)
    assert (t.text, t.value, t.precision, t.date_start) == ("late last year", "XXXX-XX-XX", "unknown", None)
    assert one("The parade was held on Saturday.", None).value == "XXXX-XX-XX"
    assert one("Posted 5th January 2025.", None).value == "2025-01-05"


def test_words_that_are_not_times_are_left_alone():
    text = ("Officials may travel to Dushanbe to march with 2000 troops; a quarter of the vote went to "
            "the opposition and a 6-year-old was hurt. They went on to say more.")
    assert find_timexes(text, SUNDAY) == []


def test_spans_point_into_the_text():
    text = "Kabul, Oct 3: the talks of last week ended on Friday, officials said."
    for t in find_timexes(text, SUNDAY):
        assert text[t.start:t.end] == t.text


def test_text_that_lower_casing_lengthens_is_still_searched():
    text = "İstanbul talks ended on Friday; a new round opens next week."
    assert [(t.text, t.value) for t in find_timexes(text, SUNDAY)] == [("Friday", "2021-10-01"),
                                                                      ("next week", "2021-W40")]


def test_given_sentence_spans_are_used():
    text = "Delegates will meet on Saturday. They met on Friday."
    found = find_timexes(text, SUNDAY, sentences=[(0, 32), (33, len(text))])
    assert [t.value for t in found] == ["2021-10-09", "2021-10-01"]


def test_weekday_evening_is_a_time_of_that_day_but_night_keeps_the_day():
    evening = one("Rebels shelled the airport on Friday evening, officials said.")
    assert (evening.text, evening.type, evening.value) == ("Friday evening", "TIME", "2021-10-01TEV")
    night = one("Rebels shelled the airport on Friday night, officials said.")
    assert (night.type, night.value) == ("DATE", "2021-10-01")


def test_a_proper_name_ending_in_ed_is_no_past_tense_cue():
    # "United" is not a past-tense verb: "will travel" makes Thursday the coming one.
    t = one("The minister will travel to the United States Thursday with two aides.", phrase="Thursday")
    assert t.value == "2021-10-07"


@pytest.mark.parametrize("text", [
    "The bond pays $1.76 a year in interest.",
    "The airline runs four flights a week to Tashkent.",
    "The cuts should save $500 million a year.",
])
def test_rates_are_not_time_expressions(text):
    assert find_timexes(text, SUNDAY) == []


def test_a_month_with_a_relative_year_is_one_expression():
    t = one("In June last year the militia seized the dam.")
    assert (t.text, t.value) == ("June last year", "2020-06")
    t = one("The base opens in early April next year.")
    assert (t.text, t.value) == ("early April next year", "2022-04")


@pytest.mark.parametrize("text,phrase,value", [
    ("He spent 2 1/2 years in a Tashkent jail.", "2 1/2 years", "P2Y6M"),
    ("The hearing lasted 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
    ("The shelling paused for a minute and a half.", "a minute and a half", "PT1M30S"),
    ("The convoy waited a day and a half at the border.", "a day and a half", "P1DT12H"),
])
def test_half_units_in_durations(text, phrase, value):
    t = one(text, phrase=phrase)
    assert (t.type, t.value) == ("DURATION", value)


def test_today_s_as_an_era_is_not_a_day():
    assert find_timexes("The reform speaks to today's youth in Bishkek.", SUNDAY) == []
    assert one("The offer ran in today's editions of two papers.").value == SUNDAY


def test_the_future_of_something_is_not_a_time():
    assert find_timexes("The summit will weigh the future of the pipeline.", SUNDAY) == []
    assert one("The pipeline may be extended in the future.").value == "FUTURE_REF"
