"""Actors: the knowledge base of countries, IGOs, groups, agencies, media and people that mentions resolve to."""
from .kb import Hit, KbEntity, KnowledgeBase, Role, normalise, skeleton

__all__ = ["Hit", "KbEntity", "KnowledgeBase", "Role", "normalise", "skeleton"]
