"""Pasted-twice content: keep one copy of a paragraph that repeats exactly or nearly, in text order."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from .textclean import Removed

SHINGLE_SIZE = 3
# A paragraph is a copy of another when both hold:
#  - this share of its word 3-shingles occur in the other, and
#  - this share of its distinct words occur in the other,
# and every name and number it states is in the other too ("Hohon on Monday" against
# "Shekay on Tuesday", or a changed figure, is a different fact, not a copy).
# Tuned on the seeds: an exact repeat (003) scores 1.0/1.0; a highlight sentence repeated
# inside a longer paragraph with "were" changed to "have been" (000) scores 0.87/0.95; a
# sentence reworded with its clauses reordered (004) scores 0.69/0.92 and 0.67/0.89.
# Different sentences that share a frame ("The Taliban seized the district of X on Monday
# after a brief gunfight, local officials said.") reach 0.64/0.87 and are told apart by the
# names and numbers test.
SHINGLE_CONTAINMENT = 0.6
WORD_CONTAINMENT = 0.8
# Shorter paragraphs (labels, subheads, separators, table headers) are never dropped as
# copies: on the article-extraction benchmark pages, repeated short lines ("___", "[CNET]",
# table headers) are part of the gold text, and the seeds' repeats are all 20+ words.
MIN_WORDS = 8
# A shingle found in more kept paragraphs than this ("according to the") is too common to
# propose candidates; it still counts in the overlap of candidates found through rarer ones.
MAX_POSTINGS = 64
# A candidate is compared in full only when its overlap through rare shingles reaches this
# share of what a copy needs; common shingles can hide at most half of a real copy's overlap.
CANDIDATE_SHARE = 0.5


@dataclass(slots=True)
class _Para:
    text: str
    key: str
    shingles: frozenset[tuple[str, ...]]
    vocab: frozenset[str]
    facts: frozenset[str]  # names and numbers: capitalised words and words with digits
    alive: bool = True


def tokens(text: str) -> list[str]:
    """Words of a paragraph for comparison: NFKC, casefolded, punctuation dropped."""
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())


def _para(text: str) -> _Para:
    norm = unicodedata.normalize("NFKC", text)
    toks = re.findall(r"\w+", norm.casefold())
    shingles = (
        frozenset(zip(*(toks[i:] for i in range(SHINGLE_SIZE))))
        if len(toks) >= SHINGLE_SIZE
        else frozenset([tuple(toks)])
    )
    return _Para(
        text=text,
        key=" ".join(toks),
        shingles=shingles,
        vocab=frozenset(toks),
        facts=frozenset(
            w.casefold() for w in re.findall(r"\w+", norm) if w[0].isupper() or not w.isalpha()
        ),
    )


def _is_copy(small: _Para, big: _Para, overlap: int) -> bool:
    """Whether `small` says nothing `big` does not (see the thresholds above)."""
    if len(small.vocab) == 0 or len(small.shingles) == 0:
        return False
    if overlap / len(small.shingles) < SHINGLE_CONTAINMENT:
        return False
    if len(small.vocab & big.vocab) / len(small.vocab) < WORD_CONTAINMENT:
        return False
    return small.facts <= big.vocab


def drop_repeats(paras: list[str], removed: list[Removed]) -> list[str]:
    """Keep one copy of each repeated paragraph: the later copy goes, or the shorter one it holds."""
    kept: list[_Para] = []
    by_key: dict[str, _Para] = {}
    postings: dict[tuple[str, ...], list[int]] = {}
    for text in paras:
        p = _para(text)
        if not p.key:
            kept.append(p)
            continue
        if len(p.key.split()) < MIN_WORDS:
            kept.append(p)
            continue
        twin = by_key.get(p.key)
        if twin is not None and twin.alive:
            removed.append(Removed(text, "repeats an earlier paragraph"))
            continue
        if _absorbed(p, kept, postings, removed):
            continue
        kept.append(p)
        by_key.setdefault(p.key, p)
        for s in p.shingles:
            ids = postings.setdefault(s, [])
            if len(ids) <= MAX_POSTINGS:  # one past the cap marks the shingle as common
                ids.append(len(kept) - 1)
    return [p.text for p in kept if p.alive]


def _absorbed(
    p: _Para, kept: list[_Para], postings: dict[tuple[str, ...], list[int]], removed: list[Removed]
) -> bool:
    """True when p copies an earlier paragraph; earlier paragraphs that p holds are dropped."""
    overlap: Counter[int] = Counter()
    for s in p.shingles:
        ids = postings.get(s)
        if ids and len(ids) <= MAX_POSTINGS:
            overlap.update(ids)
    for idx, rare in overlap.most_common():
        q = kept[idx]
        if not q.alive:
            continue
        if rare < CANDIDATE_SHARE * SHINGLE_CONTAINMENT * min(len(p.shingles), len(q.shingles)):
            continue
        shared = len(p.shingles & q.shingles)
        if _is_copy(p, q, shared):
            removed.append(Removed(p.text, "repeats an earlier paragraph"))
            return True
        if _is_copy(q, p, shared):
            q.alive = False
            removed.append(Removed(q.text, "repeated in a later, longer paragraph"))
    return False
