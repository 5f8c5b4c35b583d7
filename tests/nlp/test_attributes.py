"""The indexed attribute ruler: the parse pipeline's tags, lemmas and features exactly as spaCy's own ruler sets them."""
import pytest

from tidings.nlp import load_pipeline, resolve_model_name
from tidings.nlp.attributes import IndexedAttributeRuler, compile_rules
from tidings.nlp.load import DEFAULT_MODEL

TEXT = (
    "There were no talks in Dushanbe on Tuesday, and the two ministers ain't gonna meet again "
    "before the summit, y'all were told. Let's see whether the border posts reopen.\n\n"
    "Officials of the Interior Ministry said 14 people had been detained after the protest "
    "near the parliament building; the opposition's leader, who has called for new elections, "
    "was questioned and released. C'mon, said one of the protesters, it's gotta change."
)


def _attributes(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def parser():
    return load_pipeline(parse=True)


def test_parse_pipeline_uses_the_indexed_ruler(parser):
    assert isinstance(parser.get_pipe("attribute_ruler"), IndexedAttributeRuler)


def test_same_attributes_as_spacys_own_ruler(parser):
    import spacy

    spacys = spacy.load(resolve_model_name(DEFAULT_MODEL)).get_pipe("attribute_ruler")
    parsed = parser(TEXT, disable=["attribute_ruler", "lemmatizer", "ner", "kb_ruler"])
    lemmatizer = parser.get_pipe("lemmatizer")
    ours = lemmatizer(parser.get_pipe("attribute_ruler")(parsed.copy()))
    theirs = lemmatizer(spacys(parsed.copy()))
    assert _attributes(ours) == _attributes(theirs)
    lemmas = {t.text: t.lemma_ for t in ours}
    assert [lemmas[w] for w in ("ai", "gon", "na", "y'", "C'm")] == ["be", "go", "to", "you", "come"]
    assert ours[1].text == "were" and ours[1].pos_ == "VERB"    # "There were": a two-token rule


def test_a_later_rule_wins_and_a_pattern_it_cannot_read_keeps_spacys_ruler():
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "border"}]], {"LEMMA": "first"})
    ruler.add([[{"LOWER": {"REGEX": "^bord"}}, {"LOWER": "posts"}]], {"LEMMA": "second"})
    indexed = IndexedAttributeRuler()
    indexed.fill(ruler, compile_rules(ruler))
    doc = indexed(nlp.make_doc("The border posts and the border"))
    assert [t.lemma_ for t in doc] == ["", "second", "", "", "", "first"]
    ruler.add([[{"LOWER": "border", "OP": "+"}]], {"LEMMA": "many"})
    assert compile_rules(ruler) is None
