"""Toponym resolution on sentences written for these tests: context, nearby places, patterns, aliases."""
from __future__ import annotations

import pytest
from geo_helpers import spans_of

from tidings.geo import Gazetteer, Place, countries_in_text, document_focus, resolve_places


@pytest.fixture(scope="module")
def gaz(gazetteer) -> Gazetteer:
    return gazetteer


def resolve(gaz: Gazetteer, text: str, *names: str, context: tuple[str, ...] = ()) -> list[Place | None]:
    return resolve_places(text, spans_of(text, *names), context_countries=context, gazetteer=gaz)


def test_ayni_near_dushanbe_is_the_tajik_town(gaz):
    text = "The new airbase at Ayni, near Dushanbe, was inspected by the defence minister on Monday."
    ayni, dushanbe = resolve(gaz, text, "Ayni", "Dushanbe")
    assert (ayni.country, dushanbe.country) == ("TJK", "TJK")
    assert ayni.feature == "city" and ayni.name == "Ayni"


def test_kurram_is_in_khyber_pakhtunkhwa_now(gaz):
    text = "Two soldiers were wounded when militants fired on a checkpost in Kurram late on Friday."
    (kurram,) = resolve(gaz, text, "Kurram")
    assert kurram.country == "PAK"
    assert kurram.admin1 == "Khyber Pakhtunkhwa"


def test_fata_towns_carry_the_current_province(gaz):
    text = "Traders in Parachinar said the road had been shut for a week."
    (town,) = resolve(gaz, text, "Parachinar")
    assert (town.country, town.admin1) == ("PAK", "Khyber Pakhtunkhwa")


@pytest.mark.parametrize("spelling", ["Panjshir", "Panjsher", "Panjshayr"])
def test_panjshir_is_an_afghan_province(gaz, spelling):
    text = f"Resistance fighters said they still held the mouth of the {spelling} valley."
    (place,) = resolve(gaz, text, spelling)
    assert (place.country, place.feature) == ("AFG", "admin1")


def test_takhar_province(gaz):
    text = "Fighting spread to Takhar province, whose capital Taloqan fell overnight."
    takhar, taloqan = resolve(gaz, text, "Takhar province", "Taloqan")
    assert (takhar.country, takhar.feature) == ("AFG", "admin1")
    assert taloqan.admin1 == "Takhar"


@pytest.mark.parametrize("name,admin1", [
    ("Badakhshan", "Badakhshan"), ("Kunar", "Konar"), ("Paktika", "Paktika"), ("KP", "Khyber Pakhtunkhwa"),
    ("Khyber Pakhtunkhwa", "Khyber Pakhtunkhwa"), ("Balochistan", "Balochistan"),
])
def test_province_aliases(gaz, name, admin1):
    (place,) = resolve(gaz, f"Officials in {name} denied the report.", name)
    assert place.feature == "admin1" and place.admin1 == admin1


@pytest.mark.parametrize("name,country", [("Kabul", "AFG"), ("Peshawar", "PAK"), ("Khost city", "AFG"),
                                          ("Dushanbe", "TJK")])
def test_capitals_and_cities(gaz, name, country):
    (place,) = resolve(gaz, f"A delegation arrived in {name} on Tuesday.", name)
    assert place.country == country and place.feature == "city"


def test_khost_alone_is_the_province_and_the_city_with_its_head_word(gaz):
    (province,) = resolve(gaz, "Drone strikes were reported across Khost.", "Khost")
    assert (province.country, province.feature) == ("AFG", "admin1")
    text = "Drone strikes were reported in Khost city."
    (city,) = resolve(gaz, text, "Khost")
    assert city.feature == "city"


def test_paris_in_a_french_story(gaz):
    text = "Protesters marched through Paris again as unions vowed to keep the French pension strike going."
    (paris,) = resolve(gaz, text, "Paris", context=("FRA",))
    assert paris.country == "FRA"


def test_paris_texas(gaz):
    text = "The county fair in Paris, Texas drew record crowds despite the heat."
    paris, texas = resolve(gaz, text, "Paris", "Texas")
    assert (paris.country, paris.admin1) == ("USA", "Texas")
    assert texas.feature == "admin1"


def test_paris_texas_without_a_span_for_the_state(gaz):
    text = "The county fair in Paris, Texas drew record crowds despite the heat."
    (paris,) = resolve(gaz, text, "Paris")
    assert paris.admin1 == "Texas"


def test_country_name_gives_the_country_point(gaz):
    text = "Tajikistan has refused to recognise the new cabinet."
    (place,) = resolve(gaz, text, "Tajikistan")
    assert (place.feature, place.country) == ("country", "TJK")
    assert place.lat == pytest.approx(38.75, abs=1) and place.lon == pytest.approx(71, abs=1)


def test_country_beats_same_named_town(gaz):
    text = "Exports from Italy rose for the third month running."
    (place,) = resolve(gaz, text, "Italy", context=("USA",))
    assert place.feature == "country" and place.country == "ITA"


def test_demonyms_and_acronyms(gaz):
    text = "Russian and U.S. envoys met EU officials."
    russian, us, eu = resolve(gaz, text, "Russian", "U.S.", "EU")
    assert (russian.country, us.country) == ("RUS", "USA")
    assert eu.feature == "continent"


def test_unknown_name_is_none(gaz):
    text = "The convoy reached Zqxvbor before dusk."
    assert resolve(gaz, text, "Zqxvbor") == [None]


def test_generic_words_are_not_places(gaz):
    text = "The Western allies and the city council disagreed."
    assert resolve(gaz, text, "Western", "city") == [None, None]


def test_one_result_per_span_in_order(gaz):
    text = "Flights from Kabul to Dushanbe resumed, officials in Islamabad said."
    places = resolve(gaz, text, "Kabul", "Dushanbe", "Islamabad")
    assert [p.country for p in places] == ["AFG", "TJK", "PAK"]
    assert resolve_places(text, [], gazetteer=gaz) == []


def test_bad_spans_give_none(gaz):
    assert resolve_places("Kabul", [(3, 1), (0, 99)], gazetteer=gaz) == [None, None]


def test_countries_in_text(gaz):
    text = ("Pakistani and Afghan officials met in Doha. Pakistan said the talks went well; "
            "a New Jersey lawmaker was also there.")
    found = countries_in_text(text, gaz)
    assert found[0] == "PAK"
    assert "AFG" in found and "JEY" not in found


def test_document_focus(gaz):
    text = "Shelling hit Kabul. Later, Kabul airport closed and roads to Charikar were cut. Afghanistan mourned."
    places = resolve(gaz, text, "Kabul", "Kabul", "Charikar", "Afghanistan")
    focus = document_focus(places)
    assert focus.name == "Kabul"
    assert document_focus([None], ["AFG"], gaz).feature == "country"


def test_an_airport_by_its_short_name_with_evidence(gaz):
    text = ("Passengers at Heathrow waited up to six hours on Sunday as fog grounded flights across "
            "London and the south of England.")
    heathrow, london = resolve(gaz, text, "Heathrow", "London", context=("GBR",))
    assert heathrow.feature == "airport" and heathrow.country == "GBR"
    assert london.name == "London" and london.country == "GBR"


def test_an_airport_by_its_full_name(gaz):
    text = "The delegation landed at Dulles International Airport late on Thursday."
    (dulles,) = resolve(gaz, text, "Dulles International Airport")
    assert dulles.feature == "airport" and dulles.country == "USA"
    assert abs(dulles.lat - 38.95) < 0.1 and abs(dulles.lon + 77.46) < 0.1


def test_a_longer_name_never_reaches_an_airport_through_one_word(gaz):
    text = "Guardsmen gathered at Camp Pendleton before the exercise."
    (camp,) = resolve(gaz, text, "Camp Pendleton")
    assert camp is None or camp.feature != "airport"
