"""PLOVER event coding: lexicon and dependency patterns, clause coder, modality, dates and places per event."""
from ..model.events import ArticleEvents, Event, Location, Party, PlaceMention
from .lexicon import Lexicon, load_lexicon

__all__ = ["ArticleEvents", "Event", "Lexicon", "Location", "Party", "PlaceMention", "load_lexicon"]
