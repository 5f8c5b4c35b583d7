"""Entity ids of names in any script: a Latin key, never one shared fallback."""
import pytest

from tidings.actors.latin import latin, slug


@pytest.mark.parametrize(("name", "expected"), [
    ("Андрей Рудьков", "andrey-rudkov"),
    ("Эмомалӣ Раҳмон", "emomali-rahmon"),
    ("Rahmón", "rahmon"),
    ("O'Brien", "o-brien"),
])
def test_slug_is_a_latin_key(name, expected):
    assert slug(name) == expected


def test_distinct_cyrillic_names_get_distinct_slugs():
    names = ["Андрей Рудьков", "Сергей Лавров", "Мария Захарова", "Думаю", "Вот"]
    assert len({slug(n) for n in names}) == len(names)


def test_arabic_script_names_get_distinct_slugs():
    names = ["امامعلی رحمان", "شہباز شریف", "امیر خان متقي"]
    slugs = {slug(n) for n in names}
    assert len(slugs) == 3 and all(s.isascii() and s for s in slugs)


def test_a_name_without_letters_gets_a_hash_not_a_shared_slug():
    assert slug("!!") != slug("??")
    assert slug("!!").startswith("h")


def test_latin_names_are_left_as_written():
    for name in ("Łukasz Kamiński", "Shavkat Mirziyoyev", "Rahmón"):
        assert latin(name) == name
