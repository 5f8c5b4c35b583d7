"""A name check for dateline leads: is this a known place (a city of 1000+ people, a province, a country)?"""

from __future__ import annotations

from ..geo import Gazetteer


def is_known_place(name: str) -> bool:
    """True when the whole name is a known place name ("Islamabad", "New Delhi", "Kurram"); case
    does not matter. Uses the gazetteer's own names and curated aliases, not alternate names."""
    return Gazetteer.load().knows(name.strip())
