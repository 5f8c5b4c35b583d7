"""Language identification of article bodies: the five languages of the region and English."""
from pathlib import Path

import pytest

from tidings.extract.lang import declared, identify, is_english, load_identifier, scripts

TEXTS = Path(__file__).parent / "texts"


@pytest.fixture(scope="module")
def ident():
    return load_identifier()


@pytest.mark.parametrize("code", ["en", "ru", "tg", "fa", "ps", "ur"])
def test_each_test_article_is_identified(ident, code):
    text = (TEXTS / f"{code}.txt").read_text(encoding="utf-8")
    english_rule = "en" if code == "en" else None
    assert identify(text, ident, english_rule).code == code


@pytest.mark.parametrize(("text", "code"), [
    ("Министерство обороны России сообщило о прибытии делегации в Москву.", "ru"),
    ("Раиси Ҷумҳур дар Хуҷанд бо сокинони вилояти Суғд вохӯрд.", "tg"),
    ("وزیر خارجه افغانستان به تهران سفر کرد.", "fa"),
    ("د ننګرهار والي له قومي مشرانو سره وکتل.", "ps"),
    ("کراچی میں بارش سے کئی سڑکیں بند ہو گئیں۔", "ur"),
])
def test_one_sentence_is_enough_outside_latin_script(ident, text, code):
    assert identify(text, ident, None).code == code


def test_tajik_letters_decide_against_russian(ident):
    # Tajik without its own letters reads as Russian to the model; one ҳ or ҷ per sentence settles it.
    text = "Вазири корҳои хориҷӣ дар Душанбе бо сафири Чин вохӯрд."
    assert identify(text, ident, None).code == "tg"
    assert identify(text, ident, None).via == "script"


def test_a_short_latin_text_keeps_the_english_rule(ident):
    # A headline is too short for the model: the function-word rule's answer stands, even None.
    assert identify("Talks in Dushanbe", ident, None).code is None
    assert identify("Talks in Dushanbe", ident, "en").code == "en"


def test_scripts_count_letters_only():
    counts = scripts("Душанбе 2024, Kabul کابل!")
    assert counts == {"cyrillic": 7, "latin": 5, "arabic": 4}


@pytest.mark.parametrize(("value", "code"), [("en-US", "en"), ("ru_RU", "ru"), ("FA", "fa"), ("", None), (None, None)])
def test_declared_languages_become_iso_639_1(value, code):
    assert declared(value) == code


def test_only_english_or_unknown_goes_through_the_english_stages():
    assert is_english("en") and is_english(None)
    assert not any(is_english(c) for c in ("ru", "tg", "fa", "ps", "ur", "de"))
