"""Toponym resolution: place names to coordinates, country and admin1, disambiguated by context."""
from .gazetteer import Gazetteer, Match, Place, distance_km
from .resolve import countries_in_text, document_focus, resolve_places

__all__ = ["Gazetteer", "Match", "Place", "countries_in_text", "distance_km", "document_focus",
           "resolve_places"]
