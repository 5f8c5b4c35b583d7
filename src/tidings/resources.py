"""Read-only resources of the per-article stages (spaCy pipelines, knowledge base, lexicon, gazetteer), loaded once per process."""
from __future__ import annotations

from functools import cached_property

from spacy.language import Language

from .actors import native as native_actors
from .actors.kb import KnowledgeBase
from .actors.ruler import KbRuler
from .actors.stage import kb_paths
from .config import Settings
from .events.lexicon import Lexicon, load_lexicon
from .extract.lang import LanguageIdentifier, load_identifier
from .geo import native as native_places
from .geo.gazetteer import Gazetteer, Place
from .nlp.load import load_pipeline, resolve_model_name
from .nlp.names import NameMatcher
from .nlp.russian import RussianNer, load_russian_ner


class Resources:
    """What the per-article stages read and never change, each loaded on first use and then kept:
    build one per process (`Resources(settings)`, or `shared(settings)` in a worker) and hand it to
    the stages. Nothing else in tidings keeps a model, a knowledge base or a gazetteer. The
    knowledge base, lexicon and gazetteer are read through the start-up cache in
    `settings.cache_dir` (tidings.cache): compiled on first use, read back after."""

    def __init__(self, settings: Settings):
        self.settings = settings

    @cached_property
    def model(self) -> str:
        """The spaCy package in use (recorded with stored actors and events)."""
        return resolve_model_name(self.settings.spacy_model)

    @cached_property
    def ner(self) -> Language:
        """Sentences and entities: the model without its parser, with the knowledge-base ruler after NER."""
        nlp = load_pipeline(self.settings.spacy_model)
        if "ner" in nlp.pipe_names:
            nlp.add_pipe("kb_ruler", after="ner", config={"kb_files": list(kb_paths(self.settings)),
                                                             "cache_dir": str(self.settings.cache_dir)})
        return nlp

    @cached_property
    def parser(self) -> Language:
        """The full model, for the sentences the event stage parses."""
        return load_pipeline(self.settings.spacy_model, parse=True)

    @cached_property
    def kb(self) -> KnowledgeBase:
        """The knowledge base: the one the entity ruler was built from, once that is loaded."""
        nlp = self.__dict__.get("ner")
        ruler = nlp.get_pipe("kb_ruler") if nlp is not None and "kb_ruler" in nlp.pipe_names else None
        if isinstance(ruler, KbRuler):
            return ruler.kb
        return KnowledgeBase.load(list(kb_paths(self.settings)), self.settings.cache_dir)

    @cached_property
    def lexicon(self) -> Lexicon:
        return load_lexicon(cache_dir=self.settings.cache_dir)

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return Gazetteer.load(self.settings.cache_dir)

    @cached_property
    def native_actors(self) -> dict[str, NameMatcher[str]]:
        """Per language (ru, tg, fa, ps, ur), the knowledge base's native-script names (actors/native.py)."""
        return {lang: NameMatcher(pairs) for lang, pairs in native_actors.names_read(self.kb).items()}

    @cached_property
    def native_places(self) -> dict[str, NameMatcher[Place]]:
        """Per language, the gazetteer's place names in its script (geo/native.py)."""
        by_script = {script: NameMatcher(plain, capitalised)
                     for script, (plain, capitalised)
                     in native_places.load_native_place_names(self.gazetteer, self.settings.cache_dir).items()}
        return {lang: by_script[script] for lang, script in native_places.SCRIPTS.items()}

    @cached_property
    def russian_ner(self) -> RussianNer | None:
        """Russian named entities (natasha's slovnet model, from its wheel); None when not installed."""
        return load_russian_ner()

    @cached_property
    def langid(self) -> LanguageIdentifier:
        """The language identifier (py3langid's model, from its wheel) over the languages tidings serves."""
        return load_identifier(self.settings.cache_dir)


_PER_PROCESS: dict[Settings, Resources] = {}


def shared(settings: Settings) -> Resources:
    """This process's Resources for these settings: what a pool or Ray worker uses, so that it
    loads the models once and reuses them for every batch it runs."""
    if settings not in _PER_PROCESS:
        _PER_PROCESS[settings] = Resources(settings)
    return _PER_PROCESS[settings]
