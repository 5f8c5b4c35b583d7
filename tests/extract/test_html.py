"""extract_html: body without site debris, metadata from meta tags and JSON-LD, dates, bad pages."""

from __future__ import annotations

import dataclasses

import pytest

from tidings.config import Settings
from tidings.errors import InputError
from tidings.extract.html import extract_html, find_published

SETTINGS = Settings()

PARAGRAPHS = [
    (
        "The provincial water board in Gilgit approved a plan on Tuesday to rebuild three irrigation "
        "channels that were washed away by the spring floods, officials said after the meeting."
    ),
    (
        "Farmers in the valley have waited since April for the repairs, and several villages have been "
        "carrying water by tractor to their orchards while the channels remained closed."
    ),
    (
        "The board's chairman, Karim Baig, told reporters that work would begin before the end of the "
        "month and that the first channel should be running again within six weeks."
    ),
    (
        "Engineers will line the new channels with stone rather than earth, which the board expects to "
        "cut losses from seepage by almost half during the dry summer months."
    ),
]

NAV = "Home World Business Sport Weather Subscribe now"
FOOTER = "Copyright Valley Ledger. All rights reserved. Privacy policy. Terms of use."
COMMENT = "I have lived here forty years and never seen the channels this bad, says a reader."


def page(
    head: str = "", body_top: str = "", paragraphs: list[str] = PARAGRAPHS, lang: str = "en"
) -> str:
    paras = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>Water board approves channel repairs | Valley Ledger</title>
{head}</head>
<body>
<header><nav><ul>{"".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in NAV.split())}</ul></nav></header>
<main><article>
<h1>Water board approves channel repairs</h1>
{body_top}
{paras}
</article>
<section id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>{COMMENT}</p></div></section>
</main>
<footer><p>{FOOTER}</p></footer>
</body></html>"""


OG_HEAD = """<meta property="og:title" content="Water board approves channel repairs">
<meta property="og:site_name" content="Valley Ledger">
<meta name="author" content="Sana Qureshi">
<meta property="article:published_time" content="2021-06-08T14:30:00+05:00">"""


def test_body_keeps_the_article_and_drops_nav_footer_and_comments():
    result = extract_html(page(OG_HEAD), "https://valleyledger.example/news/water-board", SETTINGS)
    for paragraph in PARAGRAPHS:
        assert paragraph in result.text
    assert "Subscribe" not in result.text
    assert "All rights reserved" not in result.text
    assert "forty years" not in result.text


def test_paragraphs_are_separated_by_one_blank_line():
    result = extract_html(page(OG_HEAD), None, SETTINGS)
    body_paragraphs = [p for p in result.text.split("\n\n") if p in PARAGRAPHS]
    assert body_paragraphs == PARAGRAPHS
    assert "\n\n\n" not in result.text


def test_metadata_from_open_graph_and_article_published_time():
    result = extract_html(page(OG_HEAD), "https://valleyledger.example/news/water-board", SETTINGS)
    assert result.title == "Water board approves channel repairs"
    assert result.outlet == "Valley Ledger"
    assert result.author == "Sana Qureshi"
    assert result.language == "en"
    assert result.url == "https://valleyledger.example/news/water-board"
    # The publisher's own offset is kept: 14:30 in Pakistan is still 8 June there.
    assert result.published == "2021-06-08T14:30:00+05:00"
    assert result.published_precision == "datetime"


def test_json_ld_date_published_of_the_article():
    ld = """<script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
      {"@type": "WebPage", "datePublished": "2019-01-01"},
      {"@type": "NewsArticle", "headline": "Water board approves channel repairs",
       "datePublished": "2021-06-07", "author": {"@type": "Person", "name": "Sana Qureshi"}}]}
    </script>"""
    result = extract_html(page(ld), None, SETTINGS)
    assert result.published == "2021-06-07"
    assert result.published_precision == "day"


def test_utc_timestamp_just_after_midnight_keeps_the_url_day():
    head = '<meta property="article:published_time" content="2021-06-08T02:10:00Z">'
    url = "https://valleyledger.example/2021/06/07/water-board-approves-repairs/"
    result = extract_html(page(head), url, SETTINGS)
    assert result.published == "2021-06-07"
    assert result.published_precision == "day"


def test_metadata_far_from_the_url_day_wins_over_the_url():
    head = '<meta property="article:published_time" content="2021-06-09T11:00:00Z">'
    url = "https://valleyledger.example/news/water-board/2021/06/07/draft-1.html"
    result = extract_html(page(head), url, SETTINGS)
    assert result.published == "2021-06-09T11:00:00+00:00"


def test_date_written_only_in_the_page_text():
    byline = (
        '<p class="byline">By Sana Qureshi, <time datetime="2021-06-08">June 8, 2021</time></p>'
    )
    result = extract_html(page(body_top=byline), None, SETTINGS)
    assert result.published == "2021-06-08"
    assert result.published_precision == "day"


def test_no_date_anywhere_says_why():
    result = extract_html(page(), None, SETTINGS)
    assert result.published is None
    assert result.published_precision.startswith("unknown: ")


def test_lone_copyright_year_is_only_a_year():
    found = find_published(
        "<html><body><p>Notes from the valley.</p><p>© 2016 Valley Ledger</p></body></html>", None
    )
    assert found.value in (None, "2016")
    assert found.precision != "day"


def test_language_from_a_regional_tag():
    result = extract_html(page(OG_HEAD, lang="en-GB"), None, SETTINGS)
    assert result.language == "en"


def test_page_without_text_raises_input_error():
    empty_shell = """<html><head><title>Valley Ledger</title></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav><div class="ad"></div>
    <footer>Copyright Valley Ledger</footer></body></html>"""
    with pytest.raises(InputError, match="no article text could be extracted from the page"):
        extract_html(empty_shell, None, SETTINGS)


@pytest.mark.parametrize("html", ["", "   \n\t ", "\x00\x00\x00"])
def test_empty_or_binary_page_raises_input_error(html):
    with pytest.raises(InputError):
        extract_html(html, None, SETTINGS)


def test_too_deeply_nested_page_is_refused_with_a_reason():
    deep = (
        "<html><body>"
        + "<div>" * 60
        + "<p>"
        + PARAGRAPHS[0]
        + "</p>"
        + "</div>" * 60
        + "</body></html>"
    )
    shallow_cap = dataclasses.replace(SETTINGS, max_html_depth=40)
    with pytest.raises(InputError, match="max_html_depth"):
        extract_html(deep, None, shallow_cap)


def test_odd_markup_does_not_crash():
    odd = (
        "<html><body><p>"
        + PARAGRAPHS[0]
        + "<table><tr><td>"
        + PARAGRAPHS[1]
        + "</p></div></span><p>"
        + PARAGRAPHS[2]
        + "<script>var x = '</p>';</script>"
    )
    result = extract_html(odd, None, SETTINGS)
    assert "irrigation" in result.text


@pytest.mark.parametrize(("lang", "line"), [
    ("ru", "8 июня 2021"),          # a language tidings reads
    ("pl", "8 czerwca 2021"),       # any other language the page declares
    ("it", "8 giugno 2021"),
])
def test_date_written_out_in_the_language_the_page_declares(lang, line):
    found = find_published(page(body_top=f"<p class='date'>{line}</p>", lang=lang), None)
    assert (found.value, found.precision) == ("2021-06-08", "day")
