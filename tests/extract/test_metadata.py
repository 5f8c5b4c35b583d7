"""Header lines (title, byline, timestamp), dateline leads and agencies, and the language guess."""

from __future__ import annotations

import pytest

from tidings.extract.metadata import (
    dateline_lead,
    detect_language,
    looks_like_headline,
    read_byline,
    read_header,
    read_lead,
    read_stamp,
)


@pytest.mark.parametrize(
    "lead, place, wire, date_text, rest",
    [
        ("ISLAMABAD: Pakistan summoned", "Islamabad", None, None, "Pakistan summoned"),
        ("Islamabad: Pakistan summoned", "Islamabad", None, None, "Pakistan summoned"),
        (
            "Kabul (Afghanistan) July 6 (ANI): Tajik forces",
            "Kabul",
            "ANI",
            "July 6",
            "Tajik forces",
        ),
        (
            "DUSHANBE, Tajikistan (Reuters) - Tajik border guards",
            "Dushanbe",
            "Reuters",
            None,
            "Tajik border guards",
        ),
        (
            "WASHINGTON, March 3 (Reuters) - The State Department",
            "Washington",
            "Reuters",
            "March 3",
            "The State Department",
        ),
        (
            "NEW DELHI (PTI) — India and Tajikistan",
            "New Delhi",
            "PTI",
            None,
            "India and Tajikistan",
        ),
        ("ST. JOSEPH, Mich. (AP) — Health officials", "St. Joseph", "AP", None, "Health officials"),
        ("PESHAWAR, Oct 3: Police said", "Peshawar", None, "Oct 3", "Police said"),
        ("Quetta, Nov. 12 (APP): Officials said", "Quetta", "APP", "Nov. 12", "Officials said"),
        (
            "(Reuters) — The State Department said",
            None,
            "Reuters",
            None,
            "The State Department said",
        ),
    ],
)
def test_dateline_leads(lead, place, wire, date_text, rest, gazetteer):
    got = dateline_lead(lead, gazetteer)
    assert got is not None
    assert (got.place, got.wire) == (place, wire)
    assert (got.date.text if got.date else None) == date_text
    assert lead[len(got.text) :].strip() == rest


@pytest.mark.parametrize(
    "text",
    [
        "Analysis: Why the border talks stalled",
        "Prime Minister Imran Khan: We want peace",
        "Pakistan, which has been facing attacks, is now trying a new approach.",
        "Update: the minister's visit was postponed",
        "The Taliban (TTP) said on Monday it would hold talks.",
        "Julian Assange: the case explained",
        "High School Roundup: Results from Friday night",
        "DEAR ABBY: My neighbour keeps parking in my spot.",
    ],
)
def test_not_dateline_leads(text, gazetteer):
    assert dateline_lead(text, gazetteer) is None


@pytest.mark.parametrize(
    "line, outlet, author, wire, published",
    [
        ("WION Web Team", "WION", None, None, None),
        (
            "News Mania Desk / Piyal Chatterjee/ 5th January 2025",
            "News Mania",
            "Piyal Chatterjee",
            None,
            "2025-01-05",
        ),
        ("By Jane Doe, Reuters", None, "Jane Doe", "Reuters", None),
        ("By Jane Doe and Omar Siddiqui", None, "Jane Doe and Omar Siddiqui", None, None),
        ("By Farid Ahmad, Special Correspondent", None, "Farid Ahmad", None, None),
        ("Border Daily News Desk | March 3, 2024", "Border Daily", None, None, "2024-03-03"),
        (
            "By Jane Doe | Updated: Oct 3, 2021 13:00 IST",
            None,
            "Jane Doe",
            None,
            "2021-10-03T13:00:00+05:30",
        ),
    ],
)
def test_bylines(line, outlet, author, wire, published):
    got = read_byline(line)
    assert got is not None
    assert (got.outlet, got.author, got.wire) == (outlet, author, wire)
    assert (got.published.value if got.published else None) == published


@pytest.mark.parametrize(
    "line",
    [
        "Tensions escalate between Taliban and Pakistan",
        "Taliban killed 20 civilians: UN report",
        "Taliban Seize Border Town",
        "Pakistan and Tajikistan agree to coordinate efforts.",
    ],
)
def test_headlines_are_not_bylines(line):
    assert read_byline(line) is None


def test_stamp_with_place_glued_to_label():
    date, place, rest = read_stamp("IslamabadUpdated: Oct 03, 2021, 01:23 PM IST")
    assert (date.value, place, rest) == ("2021-10-03T13:23:00+05:30", "Islamabad", "")


def test_stamp_prefix_on_a_body_line():
    date, place, rest = read_stamp("date 2021-10-03 ISLAMABAD: Officials met on Saturday.")
    assert (date.value, place) == ("2021-10-03", None)
    assert rest == "ISLAMABAD: Officials met on Saturday."


def test_published_and_updated_on_one_line_takes_published():
    date, _, rest = read_stamp("Published: March 3, 2024 | Updated: March 4, 2024 11:02 IST")
    assert date.value == "2024-03-03" and rest == ""


def test_a_body_sentence_is_not_a_stamp():
    assert read_stamp("Updated figures show the border is calm.") is None
    assert read_stamp("March 3, 2024 was a turning point for the talks.") is None


def test_headline_shape(gazetteer):
    assert looks_like_headline("Tajik border guards report clashes near Khorog", gazetteer)
    assert looks_like_headline("Will the Taliban recognise the Durand Line?", gazetteer)
    assert not looks_like_headline("Officials said the talks went well.", gazetteer)
    assert not looks_like_headline("ISLAMABAD: Officials met", gazetteer)
    assert not looks_like_headline(
        "With tensions mounting between the two sides, the prime minister stepped in on "
        "Saturday to calm things down between the two neighbours and their armies along the river", gazetteer
    )


def test_header_takes_title_byline_stamp_and_leaves_the_body(gazetteer):
    paras = [
        "Tajik border guards report clashes near Khorog",
        "By Jane Doe, Reuters",
        "Published: Sunday, March 3, 2024 09:15 GMT",
        "DUSHANBE, Tajikistan (Reuters) - Tajik border guards exchanged fire late on Saturday.",
        "The committee did not say who the armed men were.",
    ]
    meta, rest = read_header(paras, gazetteer)
    rest = read_lead(rest, meta, gazetteer)
    assert meta.title == "Tajik border guards report clashes near Khorog"
    assert (meta.author, meta.wire, meta.dateline) == ("Jane Doe", "Reuters", "Dushanbe")
    assert meta.published.value == "2024-03-03T09:15:00+00:00"
    assert rest == [
        "Tajik border guards exchanged fire late on Saturday.",
        "The committee did not say who the armed men were.",
    ]


def test_no_title_when_the_first_line_is_a_sentence(gazetteer):
    meta, rest = read_header(
        ["Officials in Dushanbe said on Monday the border was calm.", "Short line without a period"], gazetteer
    )
    assert meta.title is None and len(rest) == 2


def test_trailing_agency_credit_is_taken_off_the_last_paragraph(gazetteer):
    meta, rest = read_header(
        ["The talks ended on Friday.", "Both sides will meet again next month. (PTI)"], gazetteer
    )
    rest = read_lead(rest, meta, gazetteer)
    assert meta.wire == "PTI" and rest[-1] == "Both sides will meet again next month."


def test_language_guess():
    english = (
        "The minister said the two countries would work together on border security and trade, "
        "and that talks with the Taliban were expected to continue in the coming weeks."
    )
    french = (
        "Le ministre a déclaré que les deux pays travailleraient ensemble sur la sécurité des "
        "frontières et le commerce, et que les discussions devraient se poursuivre dans les semaines."
    )
    assert detect_language(english) == "en"
    assert detect_language(french) is None
    assert detect_language("Too short to tell.") is None


@pytest.mark.parametrize(
    "notice, outlet",
    [
        (
            "Read all the latest World News and Business News on Border Daily. Follow us on X.",
            "Border Daily",
        ),
        (
            "This story has not been edited by Border Daily staff and is auto-generated.",
            "Border Daily",
        ),
        ("Follow Pamir Post on Telegram for news from the region.", "Pamir Post"),
        ("Khyber Ledger is on WhatsApp. Follow our channel for the top stories.", "Khyber Ledger"),
        ("Read all the Latest News here. Follow us on Facebook.", None),
        ("Follow us on Facebook.", None),
    ],
)
def test_outlet_named_in_its_own_footer(notice, outlet):
    from tidings.extract.metadata import outlet_from_removed
    from tidings.extract.textclean import Removed

    assert outlet_from_removed([Removed(notice, "site footer")]) == outlet
