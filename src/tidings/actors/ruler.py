"""The knowledge-base entity ruler, registered as the spaCy component factory "kb_ruler"."""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.pipeline import EntityRuler

from .kb import KnowledgeBase, normalise

# Entity labels the ruler gives each knowledge-base type (spaCy's OntoNotes labels).
RULER_LABEL = {"COUNTRY": "GPE", "PER": "PERSON", "GROUP": "ORG", "IGO": "ORG", "AGENCY": "ORG", "MEDIA": "ORG"}
# Single-word forms shorter than this are left to the statistical model (too many collisions
# with ordinary capitalised words at the start of a sentence).
MIN_SINGLE_WORD_CHARS = 4


class KbRuler(EntityRuler):
    """An entity ruler after NER, fed with every knowledge-base name and alias, that overwrites
    the model where they overlap ("Tajikistan" as NORP, "Tehreek" cut out of a group name).
    It keeps the knowledge base it was built from (`kb`), so a process loads it once."""

    def __init__(self, nlp: Language, name: str, kb: KnowledgeBase):
        super().__init__(nlp, name, overwrite_ents=True)
        self.kb = kb
        with nlp.select_pipes(enable=[]):
            self.add_patterns(kb_patterns(kb))


@Language.factory("kb_ruler", default_config={"kb_files": [], "cache_dir": None})
def make_kb_ruler(nlp: Language, name: str, kb_files: list[str], cache_dir: str | None) -> KbRuler:
    """spaCy factory: `nlp.add_pipe("kb_ruler", after="ner", config={"kb_files": [...]})` loads the
    packaged knowledge base with the user files layered on top (docs/knowledge-base.md); with
    "cache_dir", through the start-up cache in that folder (tidings.cache)."""
    kb = KnowledgeBase.load([Path(p) for p in kb_files], Path(cache_dir) if cache_dir else None)
    return KbRuler(nlp, name, kb)


def kb_patterns(kb: KnowledgeBase) -> list[dict]:
    """Entity-ruler patterns for every usable name, alias and demonym of the knowledge base.

    The broad layer (docs/knowledge-base.md) is left to the model: its names are looked up when
    the model finds them, but thousands more patterns would slow every article and overrule the
    model on ordinary words."""
    patterns = []
    for e in kb.entities():
        label = RULER_LABEL.get(e.type)
        if label is None or e.broad:
            continue
        forms = [e.name, *e.aliases]
        if e.type == "COUNTRY":
            forms = [f for f in forms if "," not in f]
            patterns += [{"label": "NORP", "pattern": d} for d in e.demonyms if _usable(d)]
        for form in dict.fromkeys(forms):
            if _usable(form):
                patterns.append({"label": label, "pattern": form, "id": e.id})
    return patterns


def _usable(form: str) -> bool:
    """A form safe to match by exact spelling anywhere in running text."""
    key = normalise(form)
    if not key or not any(c.isupper() for c in form):
        return False
    return not (" " not in form.strip() and "-" not in form and len(form) < MIN_SINGLE_WORD_CHARS and not form.isupper())
