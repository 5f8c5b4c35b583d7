"""Actors and places of Russian, Tajik, Persian, Pashto and Urdu articles: native-script names
resolved to the same knowledge-base entities and gazetteer places as English names."""
from __future__ import annotations

from pathlib import Path

import pytest

import tidings
from tidings.actors.kb import KnowledgeBase
from tidings.actors.native import names_read, native_names
from tidings.config import Settings
from tidings.nlp.names import NameMatcher, sentences

NATIVE = Path(__file__).parent / "native"
# What each of the three articles of tests/lang/native names: the same facts in three languages.
ACTORS = {"per:emomali-rahmon", "per:vladimir-putin", "grp:taliban", "igo:un", "cty:TJK", "cty:RUS", "cty:AFG"}
PLACES = {"Dushanbe", "Kabul"}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.fixture(scope="module")
def actor_matchers(kb) -> dict[str, NameMatcher[str]]:
    return {lang: NameMatcher(pairs) for lang, pairs in names_read(kb).items()}


def _found(matcher: NameMatcher, text: str) -> list[tuple[str, object]]:
    return [(h.text, h.value) for h in matcher.find(text)]


# ---------------------------------------------------------------- the matcher


def test_russian_case_endings_find_the_nominative_name():
    m = NameMatcher([("Владимир Путин", "putin"), ("Путин", "putin"), ("Россия", "rus"), ("Рахмон", "rahmon")])
    text = "Встреча Владимира Путина с Рахмоном. Путину и Путиным; в России, о Россией. Россиянин, путинский."
    assert _found(m, text) == [("Владимира Путина", "putin"), ("Рахмоном", "rahmon"), ("Путину", "putin"),
                               ("Путиным", "putin"), ("России", "rus"), ("Россией", "rus")]


def test_tajik_letters_and_suffixes_fold_to_the_russian_form():
    m = NameMatcher([("Эмомали Рахмон", "rahmon")])
    assert _found(m, "Эмомалӣ Раҳмонро ва Эмомали Рахмон.") == [("Эмомалӣ Раҳмонро", "rahmon"),
                                                                ("Эмомали Рахмон", "rahmon")]


def test_words_end_at_their_boundaries_in_every_script():
    m = NameMatcher([("ООН", "un"), ("طالبان", "taliban"), ("اسلام آباد", "isb"), ("Хан", "khan")])
    assert _found(m, "ООНовский, ХАНТЫ, طالبانی") == []
    # the zero-width non-joiner, Arabic yeh and vowel marks are spelling, not different words
    assert _found(m, "اسلام\u200cآباد و اسلام آباد، طالِبان") == [("اسلام\u200cآباد", "isb"),
                                                                  ("اسلام آباد", "isb"), ("طالِبان", "taliban")]


def test_abbreviations_match_as_written():
    m = NameMatcher([("ООН", "un")])
    assert _found(m, "ООН и ООНа") == [("ООН", "un")]


def test_longest_name_wins():
    m = NameMatcher([("Талибан", "afg"), ("Техрик-и-Талибан Пакистан", "ttp")])
    assert _found(m, "Боевики Техрик-и-Талибан Пакистан и Талибан") == [
        ("Техрик-и-Талибан Пакистан", "ttp"), ("Талибан", "afg")]


def test_sentences_of_every_script():
    text = "Первое предложение. Второе!\n\nسومی جمله؟ چهارم۔ پنجم"
    assert [text[s:e] for s, e in sentences(text)] == [
        "Первое предложение.", "Второе!", "سومی جمله؟", "چهارم۔", "پنجم"]


# ---------------------------------------------------------------- native names of the knowledge base


def test_every_native_name_belongs_to_a_knowledge_base_entity(kb):
    names = native_names(kb)
    assert set(names) == {"ru", "tg", "fa", "ps", "ur"}
    assert all(kb.get(eid) is not None for pairs in names.values() for _, eid in pairs)
    assert ("Талибан", "grp:taliban") in names["ru"] and ("تحریک طالبان پاکستان", "grp:ttp") in names["ur"]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("ru", "Имран Хан, Шахбаз Шариф и Наваз Шариф", ["per:imran-khan", "per:shehbaz-sharif", "per:nawaz-sharif"]),
    ("ru", "Эмомали Рахмон и Рустам Эмомали", ["per:emomali-rahmon", "per:rustam-emomali"]),
    ("ru", "Шавкат Мирзиёев и Касым-Жомарт Токаев", ["per:shavkat-mirziyoyev", "per:kassym-jomart-tokayev"]),
    ("ur", "عمران خان اور شہباز شریف", ["per:imran-khan", "per:shehbaz-sharif"]),
    ("fa", "اشرف غنی و حامد کرزی", ["per:ashraf-ghani", "per:hamid-karzai"]),
    ("tg", "Эмомалӣ Раҳмон бо Владимир Путин", ["per:emomali-rahmon", "per:vladimir-putin"]),
    ("ps", "امیر خان متقي په کابل کې", ["per:amir-khan-muttaqi"]),
])
def test_distinct_people_stay_distinct(actor_matchers, lang, text, expected):
    assert [h.value for h in actor_matchers[lang].find(text)] == expected


def test_a_surname_alone_that_is_a_common_word_is_not_a_person(actor_matchers):
    # "Шариф" and "Хан" alone name no one; "غنی" (rich) is not Ashraf Ghani
    assert actor_matchers["ru"].find("Шариф и Хан") == []
    assert actor_matchers["fa"].find("کشوری غنی از منابع") == []


# ---------------------------------------------------------------- through the real ingest


@pytest.mark.slow
def test_russian_persian_and_english_articles_name_the_same_entities_and_places(tmp_path):
    db = tmp_path / "native.db"
    c = tidings.open(db, Settings.load(db=db))
    try:
        report = c.ingest(NATIVE)
        assert not report.failures, report.failures
        conn = c._conn
        langs = dict(conn.execute("SELECT language, id FROM articles"))
        assert sorted(langs) == ["en", "fa", "ru"]
        for lang, aid in langs.items():
            actors = {r[0] for r in conn.execute("SELECT entity_id FROM mentions WHERE article_id = ?", (aid,))}
            places = {r[0] for r in conn.execute("SELECT p.name FROM place_mentions pm JOIN places p"
                                                  " ON p.id = pm.place_id WHERE pm.article_id = ?", (aid,))}
            assert ACTORS <= actors, (lang, ACTORS - actors)
            assert PLACES <= places, (lang, PLACES - places)
        ids = {lang: {r[0] for r in conn.execute("SELECT DISTINCT place_id FROM place_mentions pm JOIN places p"
                                                 " ON p.id = pm.place_id WHERE article_id = ? AND p.name IN"
                                                 " ('Dushanbe', 'Kabul')", (aid,))} for lang, aid in langs.items()}
        assert ids["ru"] == ids["fa"] == ids["en"]
        # no new entity from the Persian article (no tagger): only knowledge-base entities
        new = conn.execute("SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id"
                           " WHERE a.language = 'fa' AND m.entity_id LIKE '%:new-%'").fetchone()[0]
        assert new == 0
        # the entity page lists the Russian and Persian articles beside the English one
        listed = {i["language"] for i in c.article_list(entity="per:emomali-rahmon").items}
        assert listed == {"en", "ru", "fa"}
    finally:
        c.close()


@pytest.mark.parametrize(("lang", "text", "place"), [
    ("ru", "Переговоры прошли в Душанбе и Хороге.", ["Dushanbe", "Khorugh"]),
    ("tg", "Рӯзи душанбе дар Душанбе.", ["Dushanbe"]),            # the day name is lower case
    ("fa", "روز دوشنبه در شهر دوشنبه و کابل.", ["Dushanbe", "Kabul"]),  # دوشنبه alone is Monday
    ("ur", "اسلام آباد اور کابل", ["Islamabad", "Kabul"]),
    ("ru", "Министерство иностранных дел", []),                    # "дел" is not Delhi
])
def test_places_in_every_script(lang, text, place, gazetteer_matchers):
    assert [h.value.name for h in gazetteer_matchers[lang].find(text)] == place


@pytest.fixture(scope="module")
def gazetteer_matchers():
    from tidings.resources import Resources

    return Resources(Settings.load()).native_places


# ---------------------------------------------------------------- the Russian tagger


@pytest.fixture(scope="module")
def russian():
    from tidings.nlp.russian import available, load_russian_ner

    if not available():
        pytest.skip("natasha, slovnet, navec or pymorphy3 is not installed")
    return load_russian_ner()


PEOPLE = ("Андрей Рудьков встретился в Самаре с Ольгой Петровой, Анной Смирновой, Алексеем Смирновым и "
          "Дмитрием Кузнецовым. Рудьков сказал, что Игорь Сечин и Владимир Путин знают об этой встрече.")


def test_russian_names_take_their_nominative_form(russian):
    from tidings.nlp.russian import russian_entities

    people = [(e.text, e.normal) for e in russian_entities(PEOPLE, russian) if e.label == "PERSON"]
    assert people[:5] == [("Андрей Рудьков", "Андрей Рудьков"), ("Ольгой Петровой", "Ольга Петрова"),
                          ("Анной Смирновой", "Анна Смирнова"), ("Алексеем Смирновым", "Алексей Смирнов"),
                          ("Дмитрием Кузнецовым", "Дмитрий Кузнецов")]


def test_five_russian_names_stay_five_people_and_known_ones_join_the_knowledge_base(russian, kb, actor_matchers):
    from tidings.actors.native import native_actors
    from tidings.nlp.russian import russian_entities

    ents = russian_entities(PEOPLE, russian)
    found = native_actors("a", "2024-05-01", sentences(PEOPLE), actor_matchers["ru"].find(PEOPLE), kb, ents)
    ids = [m.entity_id for m in found.mentions]
    assert ids == ["per:new-andrey-rudkov", "per:new-olga-petrova", "per:new-anna-smirnova",
                   "per:new-aleksey-smirnov", "per:new-dmitriy-kuznetsov",
                   "per:new-andrey-rudkov",              # the surname alone: the full name met before
                   "per:igor-sechin", "per:vladimir-putin"]  # known by their Latin keys and native names
    assert found.entities["per:new-olga-petrova"].name == "Ольга Петрова"
    assert found.entities["per:igor-sechin"].origin == "kb"


def test_a_country_inside_a_group_name_is_no_place_but_a_ministry_keeps_its_country(tmp_path):
    from tidings.model.article import Article
    from tidings.model.item import Item
    from tidings.pipeline import ARTICLE_STAGES, run_stages
    from tidings.resources import Resources

    res = Resources(Settings.load())
    bodies = {"ur": "تحریک طالبان پاکستان نے حملے کی ذمہ داری قبول کی۔ حکومت پاکستان نے مذمت کی۔",
              "ru": "Как сообщили в Кремле, Роза Отунбаева прибыла в Кабул. МИД Пакистана это подтвердил."}
    items = []
    for lang, body in bodies.items():
        a = Article(id=lang, origin=lang, body=body, language=lang)
        items.append(Item(None, article=a))
    run_stages(items, res, [s for s in ARTICLE_STAGES if s.name == "native"])
    places = {it.article.language: [(p.text, p.location.name) for p in it.events.places] for it in items}
    assert places["ur"] == [("پاکستان", "Pakistan")]          # the government's, not the TTP's
    # the Kremlin is Russia's government, not a place; "Как" (how) is no town
    expected_ru = [("Кабул", "Kabul")]
    if res.russian_ner is not None:
        expected_ru.append(("Пакистана", "Pakistan"))
        assert places["ru"] == expected_ru
    ids = [m.entity_id for m in items[1].actors.mentions]
    assert ids[0] == "cty:RUS" and "per:roza-otunbayeva" in ids


def test_a_ministry_is_named_with_its_country(actor_matchers):
    # the bare "ministry of foreign affairs" names any country's: never taken for Afghanistan's or Pakistan's
    assert [h.value for h in actor_matchers["ps"].find("د ایران د بهرنیو چارو وزارت")] == ["cty:IRN"]
    assert [h.value for h in actor_matchers["ur"].find("بھارتی وزارت خارجہ نے کہا")] == []
    assert [h.value for h in actor_matchers["ur"].find("دفتر خارجہ کی ترجمان")] == ["agy:pak-mofa"]
