"""Typed records that pass between the stages of tidings, each defined once (lowest layer: imports nothing of tidings)."""
from .actors import ArticleActors, Entity, LearnedRole, Mention
from .article import PRECISIONS, Article, Failure, RawDoc
from .events import MODALITIES, ArticleEvents, Event, Location, Party, PlaceMention
from .item import Item
from .nlp import Analysis, Ent
from .time import EventDate, Timex

__all__ = ["MODALITIES", "PRECISIONS", "Analysis", "Article", "ArticleActors", "ArticleEvents", "Ent", "Entity",
           "Event", "EventDate", "Failure", "Item", "LearnedRole", "Location", "Mention", "Party", "PlaceMention",
           "RawDoc", "Timex"]
