"""The NLP layer: model loading, sentences, and the knowledge-base ruler correcting the small model."""
import pytest

from tidings.errors import ConfigError
from tidings.nlp import analyse, analyse_texts, load_pipeline


@pytest.fixture(scope="module")
def nlp(resources):
    return resources.ner


def test_missing_model_names_the_package_to_install():
    with pytest.raises(ConfigError, match="pip install en-core-web-xx-nothing"):
        load_pipeline("en_core_web_xx_nothing")


def test_country_tagged_norp_by_the_model_is_a_country(nlp):
    a = analyse(nlp, "Tajikistan closed two crossings on its southern border on Monday.")
    assert ("Tajikistan", "GPE", "cty:TJK") in [(e.text, e.label, e.kb_id) for e in a.ents]


def test_group_name_is_one_span_not_only_its_country(nlp):
    a = analyse(nlp, "Officials blamed Tehreek-e-Taliban Pakistan for the raid near the border post.")
    spans = [(e.text, e.kb_id) for e in a.ents]
    assert ("Tehreek-e-Taliban Pakistan", "grp:ttp") in spans
    assert not any(t == "Pakistan" for t, _ in spans)


def test_sentences_and_offsets_index_the_text(nlp):
    text = "The envoy arrived in Dushanbe. He met Emomali Rahmon on Friday."
    a = next(analyse_texts(nlp, [text]))
    assert len(a.sentences) == 2
    for e in a.ents:
        assert text[e.start:e.end] == e.text
    rahmon = next(e for e in a.ents if "Rahmon" in e.text)
    assert a.sentence_of(rahmon.start) == 1


def test_a_paragraph_break_ends_a_sentence_even_without_a_full_stop(nlp):

    text = ("Two leaders agree to coordinate border patrols\n\n"
            "Tajikistan has taken a firm line on the new authorities in Kabul. Officials said so on Monday.")
    an = analyse(nlp, text)
    sentences = [text[a:b] for a, b in an.sentences]
    assert sentences[0] == "Two leaders agree to coordinate border patrols"
    assert sentences[1].startswith("Tajikistan has taken")
