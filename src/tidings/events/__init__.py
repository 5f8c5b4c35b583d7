"""PLOVER event coding: lexicon and dependency patterns, clause coder, modality, dates and places per event."""
from .lexicon import Lexicon, load_lexicon
from .model import ArticleEvents, Event, Location, Party, PlaceMention

__all__ = ["ArticleEvents", "Event", "Lexicon", "Location", "Party", "PlaceMention", "load_lexicon"]
