"""build_article on text dumps and pages written for these tests: metadata precedence, ids, and refusals."""

from __future__ import annotations

import functools
from datetime import date

import pytest

import tidings.extract.html as html_module
from tidings.config import Settings
from tidings.errors import InputError
from tidings.extract import article_id, build_article, extract
from tidings.geo import Gazetteer
from tidings.model.article import RawDoc

TODAY = date(2026, 11, 22)

# Wire copy with a byline, a labelled timestamp, a caption, a related link, an ad label and footers.
REUTERS_STYLE = """\
Tajik border guards report clashes near Khorog

By Jane Doe, Reuters
Published: Sunday, March 3, 2024 09:15 GMT

DUSHANBE, Tajikistan (Reuters) - Tajik border guards exchanged fire with armed men on the Afghan side \
of the Panj river late on Saturday, the State Committee for National Security said, adding that none of \
its officers were hurt.

Image: Border guards patrol the Panj river near Khorog / AFP

The committee did not say who the armed men were. A Taliban spokesman in Kabul said he had no \
information about the incident.

Also read: Tajikistan and Kyrgyzstan sign border deal

Advertisement

Residents of Khorog told local media they heard gunfire for about an hour. A photograph shared by one \
resident showed smoke rising over the river bank.

Sign up for our daily newsletter to get the top stories in your inbox.
Follow us on Facebook, Twitter and Instagram.
"""

# Hard-wrapped agency copy: dateline with a date but no year, and a weekday in the lead.
PTI_STYLE = """\
NEW DELHI, March 3 (PTI) - India and Tajikistan on Thursday agreed to
widen defence cooperation, including the training of Tajik officers at
Indian military academies, officials said after talks in the capital.

The two sides also reviewed the situation in Afghanistan and agreed that
its territory should not be used to shelter groups that attack its
neighbours, according to a statement issued after the meeting.

(With inputs from Agencies)
"""

# A Pakistani-paper lead with no year; a full date elsewhere in the text fixes it.
DAWN_STYLE = """\
PESHAWAR, Oct 3: Police in Khyber Pakhtunkhwa said on Sunday that they had arrested four men \
suspected of planning attacks on checkposts along the Afghan border.

The arrests followed a raid in the Bajaur district, where officials had reported a rise in \
militant activity since September 28, 2021, when a convoy was ambushed near the border crossing.
"""


# One gazetteer for the module (it tells a place-only dateline lead from a shouted word).
gazetteer = functools.cache(Gazetteer.load)


def build(text: str, **fields: str):
    return extract(RawDoc("fixture.txt", text, fields=fields), Settings(), gazetteer(), today=TODAY)


def test_wire_copy_with_byline_and_debris():
    ex = build(REUTERS_STYLE)
    a = ex.article
    assert a.title == "Tajik border guards report clashes near Khorog"
    assert (a.author, a.wire, a.dateline) == ("Jane Doe", "Reuters", "Dushanbe")
    assert a.outlet == "Reuters"  # no other publisher named: the wire's own copy
    assert a.published == "2024-03-03T09:15:00+00:00" and a.published_precision == "datetime"
    assert a.body.startswith("Tajik border guards exchanged fire")
    for debris in (
        "Image:",
        "Also read",
        "Advertisement",
        "newsletter",
        "Follow us",
        "By Jane Doe",
    ):
        assert debris not in a.body
    assert "A photograph shared by one resident showed smoke" in a.body
    assert len(a.body.split("\n\n")) == 3


def test_hard_wrapped_copy_year_from_weekday():
    a = build(PTI_STYLE).article
    assert (a.dateline, a.wire) == ("New Delhi", "PTI")
    assert a.published == "2022-03-03"
    assert a.published_precision == "day: year 2022 inferred from the weekday Thursday"
    assert a.body.count("\n\n") == 1
    assert "academies, officials said" in a.body
    assert "inputs" not in a.body


def test_year_from_a_full_date_in_the_body():
    a = build(DAWN_STYLE).article
    # "on Sunday" also fits: Oct 3, 2021 was a Sunday.
    assert a.published == "2021-10-03" and a.dateline == "Peshawar"
    assert "September 28, 2021" in a.published_precision


def test_container_fields_win_over_text_cues():
    a = build(
        REUTERS_STYLE,
        title="Clashes on the Tajik-Afghan border",
        published="Mon, 04 Mar 2024 06:00:00 GMT",
        outlet="Border Daily",
        author="J. Doe",
        url="https://example.org/a/1",
        language="en",
    ).article
    assert a.title == "Clashes on the Tajik-Afghan border"
    assert a.published == "2024-03-04T06:00:00+00:00"
    assert (a.outlet, a.author, a.url, a.language) == (
        "Border Daily",
        "J. Doe",
        "https://example.org/a/1",
        "en",
    )
    assert a.wire == "Reuters" and a.dateline == "Dushanbe"


def test_unreadable_container_date_falls_back_to_the_text_and_unknown_says_why():
    a = build(REUTERS_STYLE, published="sometime last spring").article
    assert a.published == "2024-03-03T09:15:00+00:00"
    body_only = "Officials met in Dushanbe to discuss the border. " * 6
    b = build(body_only, published="sometime last spring").article
    assert b.published is None and "sometime last spring" in b.published_precision


def test_short_text_is_refused_with_a_reason():
    with pytest.raises(InputError) as err:
        build_article(
            RawDoc("stub.txt", "Advertisement\n\nShort notice.\n\nFollow us on X."), Settings(), gazetteer()
        )
    assert err.value.reason == "has no article text after cleaning (13 characters left)"


def test_article_id_is_stable_under_case_space_and_width():
    one = article_id("Tajik guards  exchanged fire.\n\nNo one was hurt.")
    two = article_id("TAJIK GUARDS exchanged fire. No one was hurt.")
    three = article_id("Tajik guards exchanged fire.\u00a0No one was hurt.")
    assert one == two == three
    assert len(one) == 64 and one != article_id("Tajik guards exchanged fire.")


def test_same_text_twice_gives_the_same_id():
    assert build(REUTERS_STYLE).article.id == build(REUTERS_STYLE.replace("\n", "\r\n")).article.id


def test_html_page_metadata_wins_and_text_cleaning_runs_on_its_body(monkeypatch):
    page_body = (
        "Clashes on the Tajik border\n\n"
        "DUSHANBE (AFP) - Border guards exchanged fire with armed men late on Saturday, officials "
        "said, adding that no one was hurt.\n\nAdvertisement\n\n"
        "The committee did not say who the armed men were, and the Taliban said it had no "
        "information about the incident."
    )

    def fake_extract_html(html, url, settings):
        return html_module.HtmlExtract(
            text=page_body,
            title="Clashes on the Tajik border",
            author="Jane Doe",
            published="2024-03-03",
            published_precision="day",
            outlet="Border Daily",
            language="en",
            url=url,
        )

    monkeypatch.setattr(html_module, "extract_html", fake_extract_html)
    raw = RawDoc(
        "https://example.org/a/2",
        "<html>...</html>",
        kind="html",
        fields={"url": "https://example.org/a/2"},
    )
    a = build_article(raw, Settings(), gazetteer())
    assert a.title == "Clashes on the Tajik border"
    assert (a.outlet, a.author, a.published, a.published_precision) == (
        "Border Daily",
        "Jane Doe",
        "2024-03-03",
        "day",
    )
    assert (a.dateline, a.wire) == ("Dushanbe", "AFP")
    assert a.body.startswith("Border guards exchanged fire") and "Advertisement" not in a.body
    assert a.url == "https://example.org/a/2"


def test_a_weekday_outside_the_lead_does_not_fix_the_year():
    text = (
        "PESHAWAR, Oct 3: Police in Khyber Pakhtunkhwa said they had arrested four men suspected of "
        "planning attacks on checkposts along the Afghan border.\n\n"
        "A court will hear the case on Thursday, a prosecutor said, adding that more arrests were "
        "likely in the coming days."
    )
    a = build(text).article
    assert a.published is None
    assert a.published_precision == "unknown: 'Oct 3' has no year and nothing in the text fixes it"


# An analysis page: outlet and section line, byline with reading time, share buttons.
ANALYSIS_STYLE = """\
Why the Panj border matters to Dushanbe

Border Review | Analysis
By Kamila Rustamova | 5 January 2025 | 5 min read

Share this article
Twitter  Facebook  LinkedIn  Email

Tajikistan has spent two decades fortifying a river frontier that was drawn for another \
empire, and the work is far from done, officials in Khorog concede.

Foreign Minister Sirojiddin Muhriddin with border guard officers in Khorog. Photo: Foreign Ministry handout

Much of the 1,344-kilometre line runs through gorges where patrols move on foot, and smugglers \
have long known the fords better than the guards do.
"""

# A dump with a ticker, a stamp in day.month.year order, highlight bullets and a pasted-twice body.
TICKER_STYLE = """\
breaking_ticker

Tajik reservists called up as fighting nears the river

Border Daily Web Team
Dushanbe | Updated: 06.07.2021, 18:20 (GMT+5)

Story highlights

Thousands of reservists are being called up, an official said
Afghan soldiers crossed the river overnight

President Emomali Rahmon ordered the call-up of thousands of reservists on Monday to reinforce \
the border with Afghanistan, a defence ministry official said.

The official, who asked not to be named, said the reservists would join units in Badakhshan \
within days.
"""


def test_analysis_page_outlet_section_reading_time_and_share_buttons():
    ex = build(ANALYSIS_STYLE)
    a = ex.article
    assert a.title == "Why the Panj border matters to Dushanbe"
    assert (a.outlet, a.author, a.published) == ("Border Review", "Kamila Rustamova", "2025-01-05")
    assert a.body.startswith("Tajikistan has spent two decades")
    assert "Twitter" not in a.body and "Photo:" not in a.body and "Share" not in a.body
    assert len(a.body.split("\n\n")) == 2


def test_ticker_day_month_stamp_and_highlight_bullets():
    a = build(TICKER_STYLE).article
    assert (a.outlet, a.dateline) == ("Border Daily", "Dushanbe")
    assert a.published == "2021-07-06T18:20:00+05:00" and a.published_precision == "datetime"
    assert a.body.startswith("President Emomali Rahmon ordered")
    assert "crossed the river overnight" not in a.body and "breaking_ticker" not in a.body


def test_article_pasted_twice_with_its_header_keeps_one_copy_in_order():
    header = "Border guards report clashes near Khorog\nBorder Daily Desk / Farid Ahmad / 3rd March 2024\n"
    body = (
        "KHOROG: Tajik border guards exchanged fire with armed men on the Afghan bank of the Panj late "
        "on Saturday, a security official said.\n"
        "The official said none of the guards were hurt and that the men withdrew after about an hour.\n"
        "Residents said they heard gunfire and saw flares over the river until shortly before midnight.\n"
    )
    ex = build(header + body + header + body)
    a = ex.article
    assert (a.title, a.author, a.published, a.dateline) == (
        "Border guards report clashes near Khorog",
        "Farid Ahmad",
        "2024-03-03",
        "Khorog",
    )
    paras = a.body.split("\n\n")
    assert len(paras) == 3
    assert paras[0].startswith("Tajik border guards exchanged fire")
    assert paras[2].startswith("Residents said")
    assert "header repeated in body" in {r.reason for r in ex.removed}


def test_joint_dateline_and_an_agency_outside_the_wire_list():
    text = (
        "ISLAMABAD/KABUL, March 18 (CANS) - Pakistani aircraft struck targets in two Afghan border "
        "provinces before dawn on Monday, officials on both sides said.\n\n"
        "Kabul said civilians were among the dead; Islamabad said it had hit militant hideouts."
    )
    a = build(text).article
    assert (a.dateline, a.wire, a.outlet) == ("Islamabad", "CANS", "CANS")
    assert a.published == "2024-03-18"  # the most recent past March 18 that was a Monday


def test_outlet_name_drops_feed_taglines():
    from tidings.extract.article import outlet_name

    assert outlet_name("CANS - Central Asia News Service: Top stories") == "CANS"
    assert outlet_name("Pamir Dispatch | Tajikistan and the region") == "Pamir Dispatch"
    assert outlet_name("Indus Evening Post") == "Indus Evening Post"
    assert outlet_name("Al-Monitor") == "Al-Monitor"
    assert outlet_name(None) is None
