"""Extractive summaries: MMR picks cover the story without repeating it, and every sentence cites its article."""
from __future__ import annotations

from tidings.corpus.summary import Cited, mmr, sentences, summarise_articles

WIRE = ("Tajikistan called up twenty thousand reservists on Monday to guard its long border with Afghanistan. "
        "The order followed the flight of Afghan soldiers across the Panj river.")
COPY = ("Tajikistan called up twenty thousand reservists on Monday to guard its long border with Afghanistan. "
        "The order followed the flight of Afghan soldiers across the Panj river.\n\nRead more on our site.")
OWN = ("Russia said its base near Dushanbe stood ready to help the Tajik army if the fighting spread north. "
       "Mr. Putin spoke with the Tajik president by telephone about the border situation on Tuesday.")


def test_sentences_keep_titles_whole():
    found = sentences(OWN)
    assert len(found) == 2 and found[1].startswith("Mr. Putin spoke")


def test_mmr_leaves_out_restatements_and_cites_each_sentence():
    picked = summarise_articles([("wire", WIRE), ("copy", COPY), ("own", OWN)], k=4)
    texts = [c.text for c in picked]
    assert len(texts) == len(set(texts))
    assert sum("twenty thousand reservists" in t for t in texts) == 1
    assert {c.article_id for c in picked} >= {"own"}
    assert all(c.render().endswith(f"[{c.article_id}]") for c in picked)


def test_short_fragments_are_never_picked():
    assert mmr([Cited("Read more.", "a"), Cited("Share this.", "b")]) == []
