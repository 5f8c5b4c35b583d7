"""The remembered lemmatizer: the parse pipeline's lemmas exactly as spaCy's rule lemmatizer gives them."""
import pytest

from tidings.nlp import load_pipeline
from tidings.nlp.load import CachedLemmatizer

TEXT = (
    "Border guards detained three smugglers who were carrying heavier loads than the crossings "
    "allowed; the ministries said the worst cases had been referred to prosecutors.\n\n"
    "Protesters gathered outside the courthouses in Khujand and Dushanbe, chanting slogans, "
    "while the police were watching quietly. The governments' envoys met, talked and agreed "
    "on better terms, and the talks resumed on Wednesday after the ceasefire's collapse."
)


@pytest.fixture(scope="module")
def parser():
    return load_pipeline(parse=True)


def _lemmas(doc):
    return [(t.text, t.pos_, t.lemma_) for t in doc]


def test_parse_pipeline_remembers_lemmas(parser):
    assert isinstance(parser.get_pipe("lemmatizer"), CachedLemmatizer)


def test_same_lemmas_as_spacys_lemmatizer(parser):
    ours = parser.get_pipe("lemmatizer")
    parsed = parser(TEXT, disable=["lemmatizer", "ner", "kb_ruler"])
    theirs = parsed.copy()
    for token in theirs:
        if token.lemma == 0:
            token.lemma_ = ours.inner.lemmatize(token)[0]
    first = ours(parsed.copy())
    again = ours(parsed.copy())     # the second time from what it remembers
    assert _lemmas(first) == _lemmas(theirs) == _lemmas(again)
    lemmas = {t.text: t.lemma_ for t in first}
    assert [lemmas[w] for w in ("detained", "smugglers", "heavier", "ministries", "worst", "met")] == [
        "detain", "smuggler", "heavy", "ministry", "bad", "meet"]
    assert lemmas["Khujand"] == "Khujand"
