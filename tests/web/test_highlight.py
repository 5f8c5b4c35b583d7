"""Article bodies split into paragraphs of plain and highlighted pieces; search snippets likewise."""
from tidings.web.highlight import pieces, snippet_pieces

BODY = "Rahmon met Sharif in Dushanbe.\n\nThe talks, said Rahmon, went well."


def _span(word: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = BODY.index(word, start + 1)
    return {"start": start, "end": start + len(word), "entity_id": word.lower()}


def test_mentions_become_marked_pieces_inside_their_paragraphs():
    paras = pieces(BODY, [_span("Rahmon"), _span("Dushanbe"), _span("Rahmon", 1)])
    assert len(paras) == 2
    assert "".join(p.text for p in paras[0]) == "Rahmon met Sharif in Dushanbe."
    assert [p.text for p in paras[0] if p.mark] == ["Rahmon", "Dushanbe"]
    assert [p.text for p in paras[1] if p.mark] == ["Rahmon"]


def test_overlapping_and_out_of_range_spans_are_dropped():
    inner = {"start": 0, "end": 3, "entity_id": "x"}
    paras = pieces(BODY, [_span("Rahmon"), inner, {"start": 5, "end": 999}])
    assert [p.text for p in paras[0] if p.mark] == ["Rahmon"]


def test_text_that_looks_like_markup_stays_text():
    paras = pieces("<b>Rahmon</b> spoke.", [{"start": 3, "end": 9}])
    assert paras[0][0].text == "<b>" and paras[0][1].text == "Rahmon"


def test_snippet_marks():
    out = snippet_pieces("…the «Tajik» president «Rahmon» said")
    assert [p.text for p in out if p.mark] == ["Tajik", "Rahmon"]
    assert "".join(p.text for p in out) == "…the Tajik president Rahmon said"
