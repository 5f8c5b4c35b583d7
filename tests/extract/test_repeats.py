"""Pasted-twice content: one copy kept, order kept, different sentences that share words kept."""

from __future__ import annotations

from tidings.extract.repeats import drop_repeats

A = (
    "Tajik border guards exchanged fire with armed men on the Afghan side of the Panj river late "
    "on Saturday, the State Committee for National Security said."
)
B = "The committee did not say who the armed men were, and no casualties were reported on either side."
C = "Residents of Khorog told local media they heard gunfire for about an hour before the area fell quiet."


def run(paras):
    removed = []
    return drop_repeats(paras, removed), removed


def test_block_pasted_twice_keeps_the_first_copy():
    kept, removed = run([A, B, C, A, B, C])
    assert kept == [A, B, C]
    assert [r.reason for r in removed] == ["repeats an earlier paragraph"] * 3


def test_summary_sentence_repeated_inside_a_longer_paragraph_with_a_word_changed():
    summary = (
        "Tajik forces held drills along the Afghan border as reports said Taliban units were "
        "moved into Badakhshan province."
    )
    longer = (
        "Relations between the two sides have worsened for months. Tajik forces held drills along "
        "the Afghan border as reports said Taliban units had been moved into Badakhshan province."
    )
    kept, removed = run([summary, B, longer])
    assert kept == [B, longer]
    assert removed[0].reason == "repeated in a later, longer paragraph"


def test_reworded_repeat_with_clauses_reordered_is_kept_once():
    first = (
        "In the past two months alone, the group, which wants to overthrow the government, has "
        "claimed responsibility for over 80 attacks on the police."
    )
    second = (
        "The group, which wants to overthrow the government, has claimed responsibility for more "
        "than 80 attacks on the police in the past two months."
    )
    kept, _ = run([A, first, second])
    assert len(kept) == 2 and kept[0] == A


def test_sentences_sharing_a_frame_but_not_the_facts_stay():
    one = (
        "The Taliban seized the district of Hohon on Monday after a brief gunfight, local officials "
        "said."
    )
    two = (
        "The Taliban seized the district of Shekay on Tuesday after a brief gunfight, local officials "
        "said."
    )
    kept, removed = run([one, two])
    assert kept == [one, two] and removed == []


def test_a_changed_figure_is_not_a_copy():
    one = "Police said 12 people were wounded in the blast at the market in Peshawar on Friday evening."
    two = "Police said 15 people were wounded in the blast at the market in Peshawar on Friday evening."
    kept, _ = run([one, two])
    assert kept == [one, two]


def test_short_repeated_lines_are_left_alone():
    kept, _ = run(["Key facts", A, "Key facts", B])
    assert kept == ["Key facts", A, "Key facts", B]


def test_different_paragraphs_are_untouched():
    kept, removed = run([A, B, C])
    assert kept == [A, B, C] and removed == []
