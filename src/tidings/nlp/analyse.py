"""Sentences and named entities of article bodies, run through nlp.pipe in batches."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model.nlp import Analysis, Ent

# Texts per nlp.pipe batch: on the seeds and the demo corpus (300-600 words each) larger
# batches did not raise words/s on 2 cores.
BATCH_SIZE = 32
# Entity labels passed on to actor resolution (places and numbers belong to other stages).
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})


def analyse_texts(nlp, texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Analysis]:
    """One Analysis per text, in order."""
    for doc in nlp.pipe(texts, batch_size=batch_size):
        text = doc.text  # built from the tokens on every access: once per doc, not per sentence
        yield Analysis(
            sentences=[_trimmed(text, s.start_char, s.end_char) for s in doc.sents],
            ents=[Ent(e.start_char, e.end_char, e.text, e.label_, e.ent_id_ or "")
                  for e in doc.ents if e.label_ in ACTOR_LABELS],
        )


def analyse(nlp, text: str) -> Analysis:
    """The Analysis of one text."""
    return next(analyse_texts(nlp, [text], batch_size=1))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A sentence span without the blank lines that close its paragraph."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
