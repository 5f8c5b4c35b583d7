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


# Three sentences per language, one fact each (docs/languages.md counts them).
SENTENCES = [
    ("Министерство обороны России сообщило о прибытии делегации в Москву.", "ru"),
    ("Глава МИД Казахстана посетит Бишкек на следующей неделе.", "ru"),
    ("В Хороге открылся новый мост через реку Пяндж.", "ru"),
    ("Раиси Ҷумҳур дар Хуҷанд бо сокинони вилояти Суғд вохӯрд.", "tg"),
    ("Бонки миллии Тоҷикистон қурби расмии сомониро эълон кард.", "tg"),
    ("Дар ноҳияи Варзоб роҳи нав сохта шуд.", "tg"),
    ("وزیر خارجه افغانستان به تهران سفر کرد.", "fa"),
    ("شورای امنیت سازمان ملل درباره افغانستان نشست برگزار کرد.", "fa"),
    ("قیمت آرد در بازارهای هرات کاهش یافته است.", "fa"),
    ("د ننګرهار والي له قومي مشرانو سره وکتل.", "ps"),
    ("په هلمند کې د اوبو نوی بند پرانیستل شو.", "ps"),
    ("د کابل ښاروالۍ وویل چې سړکونه به پراخه شي.", "ps"),
    ("کراچی میں بارش سے کئی سڑکیں بند ہو گئیں۔", "ur"),
    ("لاہور ہائی کورٹ نے درخواست پر فیصلہ محفوظ کر لیا۔", "ur"),
    ("پشاور میں پولیو مہم کا آغاز کر دیا گیا ہے۔", "ur"),
]


@pytest.mark.parametrize(("text", "code"), SENTENCES)
def test_one_sentence_is_enough_outside_latin_script(ident, text, code):
    assert identify(text, ident, None).code == code


def test_a_russian_article_with_tajik_spelt_names_stays_russian(ident):
    text = ("Председатель города Душанбе Рустами Эмомалӣ провёл совещание о ремонте дорог. "
            "По его словам, до конца года будут отремонтированы улицы в районах Шоҳмансур и Фирдавсӣ, "
            "а также построены два новых моста. Работы в Ҳисоре начнутся весной, сообщили в мэрии.")
    assert identify(text, ident, None).code == "ru"


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


def test_the_identifier_read_back_from_the_start_up_cache_answers_the_same(tmp_path):
    built = load_identifier(tmp_path)
    read_back = load_identifier(tmp_path)
    assert list(tmp_path.glob("langid.*"))
    for path in sorted(TEXTS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert read_back.classify(text) == built.classify(text)
