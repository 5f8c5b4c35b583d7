"""The gazetteer: packaged data, aliases, admin1 updates, country points and lookups."""
from __future__ import annotations

import pytest

from tidings.geo import Gazetteer, distance_km
from tidings.geo.gazetteer import norm


@pytest.fixture(scope="module")
def gaz(gazetteer) -> Gazetteer:
    return gazetteer


def test_one_per_process_through_the_resources(resources):
    assert resources.gazetteer is resources.gazetteer


def test_norm():
    assert norm("U.S.") == "us"
    assert norm("Khyber-Pakhtunkhwa") == "khyber pakhtunkhwa"
    assert norm("the Hague") == "hague"
    assert norm("Düsseldorf") == "dusseldorf"
    assert norm("Pakistan's") == "pakistan"


def test_candidates_cover_many_places(gaz):
    paris = gaz.candidates("Paris")
    assert {p.country for p in paris} >= {"FRA", "USA"}
    assert max(paris, key=lambda p: p.population or 0).country == "FRA"


def test_no_admin1_from_before_2018(gaz):
    for name in ("Parachinar", "Kurram", "FATA"):
        assert all(p.admin1 != "Federally Administered Tribal Areas" for p in gaz.candidates(name))


def test_country_points_and_codes(gaz):
    usa = gaz.countries["USA"]
    assert distance_km(usa.lat, usa.lon, 39.76, -98.5) < 50
    assert gaz.iso3("PK") == "PAK" and gaz.iso3("pak") == "PAK"
    assert gaz.iso3("XX") is None


def test_alternate_names_as_fallback(gaz):
    assert "Bombay" in gaz
    assert any(p.country == "IND" for p in gaz.candidates("Bombay"))


def test_distance():
    assert distance_km(0, 0, 0, 1) == pytest.approx(111.19, abs=0.1)


def test_airports_rank_below_a_town_of_the_same_name_without_evidence(gaz):
    from tidings.geo import resolve_places
    heathrow = gaz.candidates("Heathrow")
    assert any(p.feature == "airport" and p.country == "GBR" for p in heathrow)
    text = "Heathrow"
    (alone,) = resolve_places(text, [(0, len(text))], gazetteer=gaz)
    assert alone.feature == "city"
