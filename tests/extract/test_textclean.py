"""Unicode normalisation, paragraph splitting and the site-debris table, on lines written in the manner of news sites."""

from __future__ import annotations

import pytest

from tidings.extract.textclean import debris_reason, normalise_text, paragraphs


def test_odd_spaces_and_invisible_characters():
    text = "Border\u00a0guards\u202fsaid\u200b the in\u00adcident was\u2009minor.\r\nNext  line\u2028third"
    assert normalise_text(text) == "Border guards said the incident was minor.\nNext line\nthird"


def test_curly_quotes_are_kept_and_text_is_nfc():
    text = "\u201cWe will stay,\u201d said Emomali Rahmon\u2019s aide in Khorugh. Cafe\u0301"
    out = normalise_text(text)
    assert "\u201cWe will stay,\u201d" in out and "\u2019s" in out
    assert out.endswith("Caf\u00e9")


def test_blank_lines_and_single_newlines_both_separate_paragraphs():
    text = "First paragraph here.\nSecond paragraph here.\n\n\n\nThird paragraph here."
    assert paragraphs(text) == [
        "First paragraph here.",
        "Second paragraph here.",
        "Third paragraph here.",
    ]


def test_hard_wrapped_wire_copy_is_rejoined():
    text = (
        "India and Tajikistan on Thursday agreed to widen defence cooperation,\n"
        "including the training of Tajik officers at Indian military academies,\n"
        "officials said after talks in the capital.\n"
        "\n"
        "The two sides also discussed the situation in Afghanistan.\n"
    )
    paras = paragraphs(normalise_text(text))
    assert len(paras) == 2
    assert paras[0].startswith("India and Tajikistan") and paras[0].endswith("in the capital.")


@pytest.mark.parametrize(
    "line, reason",
    [
        ("ugc_banner", "template token"),
        ("main img", "image placeholder"),
        ("·1-min read", "reading time"),
        ("2 min read", "reading time"),
        ("Reading time: 4 minutes", "reading time"),
        ("Pakistan Prime Minister Imran Khan (File photo) Photograph:(ANI)", "photo caption"),
        ("Tajikistan Flag Photo credit Reuters", "photo caption"),
        ("Image: Border guards patrol the Panj river near Khorog", "photo caption"),
        ("Photo: Ahmad Saleem / AFP", "photo caption"),
        ("Taliban fighters at a checkpoint in Kunduz / AFP", "photo caption"),
        ("Representational image", "photo caption"),
        ("Story highlights", "section label"),
        ("Advertisement", "section label"),
        ("ADVERTISEMENT", "section label"),
        ("Also read: Tajikistan and Kyrgyzstan sign a border deal", "related link"),
        ("READ MORE | Pakistan summons Afghan envoy over border firing", "related link"),
        (
            "Read all the Latest News, World News and Politics News here. Follow us on X and YouTube.",
            "site footer",
        ),
        ("Follow us on Facebook, Twitter and Instagram.", "follow/share notice"),
        ("Follow Border Daily on Telegram for live updates", "follow/share notice"),
        (
            "Sign up for our daily newsletter to get the top stories in your inbox.",
            "subscribe notice",
        ),
        (
            "We have closed comments on this story to keep the discussion civil.",
            "comment policy notice",
        ),
        (
            "In order to improve our community experience, we are temporarily suspending article commenting",
            "comment policy notice",
        ),
        ("(With inputs from Agencies)", "agency credit"),
        ("(With inputs from PTI)", "agency credit"),
        ("— Reuters", "agency credit"),
        (
            "This story has not been edited by our staff and is auto-generated from a syndicated feed.",
            "syndication notice",
        ),
        ("© 2024 Border Daily. All rights reserved.", "copyright line"),
    ],
)
def test_debris_lines(line, reason):
    assert debris_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        # Real sentences that mention photographs, comments, newsletters or agencies stay.
        "A photograph shared by one resident showed smoke rising over the river bank.",
        "The photo was taken by a Reuters photographer on the Afghan side of the border.",
        "Rahmon's office released an image of the two leaders shaking hands in Dushanbe.",
        "The ministry declined to comment on the reports, saying the investigation was continuing.",
        "Officials said comments made by the envoy had been taken out of context.",
        "The Taliban urged its supporters to follow the group's spokesman on Twitter for statements.",
        "The committee will publish its findings in a newsletter sent to member states next month.",
        "Reuters could not independently verify the claims made by either side.",
        "Highlights of the agreement include a joint patrol of the border and an exchange of liaison officers.",
        "Tajikistan strengthens security on Afghanistan border, as Taliban launch offensive",
        "Two leaders agree to coordinate efforts in support of Afghan stability",
        "Pakistan Prime Minister Imran Khan held talks with President Emomali Rahmon on Sunday.",
    ],
)
def test_real_text_is_not_debris(line):
    assert debris_reason(line) is None


def test_highlight_bullets_go_but_a_full_highlight_sentence_stays_for_the_repeat_check():
    from tidings.extract.textclean import drop_debris

    removed = []
    paras = [
        "Story highlights",
        "Border guards on alert after overnight gunfire",
        "Tajik forces held drills near the river as reports said Taliban units moved north.",
        "Officials in Khorog said the border was calm on Sunday morning.",
    ]
    kept = list(drop_debris(paras, removed))
    assert kept == paras[2:]
    assert [r.reason for r in removed] == ["section label", "story highlight"]
