"""Typed records that pass between the stages of tidings, each defined once (lowest layer: imports nothing of tidings)."""
from .actors import ArticleActors, Entity, LearnedRole, Mention
from .article import PRECISIONS, Article, Failure, RawDoc
from .corpus import (
    FIELDS,
    ClusterState,
    DocFeatures,
    EventMention,
    EventPlace,
    Fingerprint,
    MergedRecord,
)
from .events import MODALITIES, ArticleEvents, Event, Location, Party, PlaceMention
from .item import Item
from .nlp import Analysis, Ent
from .time import EventDate, Timex

__all__ = ["FIELDS", "MODALITIES", "PRECISIONS", "Analysis", "Article", "ArticleActors",
           "ArticleEvents", "ClusterState", "DocFeatures", "Ent", "Entity", "Event", "EventDate",
           "EventMention", "EventPlace", "Failure", "Fingerprint", "Item", "LearnedRole", "Location",
           "Mention", "MergedRecord", "Party", "PlaceMention", "RawDoc", "Timex"]
