"""Extractive summaries: redundancy-aware (MMR) picks of article sentences, each citing its article."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .features import words

# Maximal Marginal Relevance (Carbonell and Goldstein 1998): score = LAMBDA * relevance to the
# centroid - (1 - LAMBDA) * the highest similarity to a sentence already picked. 0.7 favours
# coverage while keeping the second report of the same fact out (checked on the demo corpus: the
# three copies of the CANS reservists story give one sentence, not three).
MMR_LAMBDA = 0.7
# A candidate this similar to a picked sentence is a restatement and never picked.
DUPLICATE_COSINE = 0.75
# Sentences shorter than this many content words say too little to stand alone.
MIN_WORDS = 6
# Sentences longer than this many characters are usually a run-on of debris, not prose.
MAX_CHARS = 400
# The first sentences of an article carry its news (inverted pyramid): at most this many per article.
LEAD_SENTENCES = 4

_SPLIT = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREV = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Prof|St|No|U\.S|U\.N|Jan|Feb|Mar|Apr|Jun|Jul|Aug"
                     r"|Sep|Sept|Oct|Nov|Dec)\.$")


@dataclass(frozen=True, slots=True)
class Cited:
    """One summary sentence and the article it comes from."""

    text: str
    article_id: str

    def render(self) -> str:
        return f"{self.text} [{self.article_id}]"

    def record(self) -> dict:
        return {"text": self.text, "article_id": self.article_id}


def sentences(text: str) -> list[str]:
    """Sentences of a clean article body: paragraphs split at ., ! or ? before a capital (titles
    such as "Mr." do not end a sentence)."""
    out = []
    for para in re.split(r"\n\s*\n|\n", text or ""):
        para = " ".join(para.split())
        if not para:
            continue
        parts = _SPLIT.split(para)
        buf = ""
        for part in parts:
            buf = f"{buf} {part}".strip() if buf else part
            if not _ABBREV.search(buf):
                out.append(buf)
                buf = ""
        if buf:
            out.append(buf)
    return out


def _vectors(texts: list[str]) -> list[dict[str, float]]:
    bags = [Counter(words(t)) for t in texts]
    df = Counter(w for b in bags for w in b)
    n = len(bags)
    vecs = []
    for b in bags:
        v = {w: (1.0 + math.log(c)) * (math.log((n + 1) / (df[w] + 1)) + 1.0) for w, c in b.items()}
        norm = math.sqrt(sum(x * x for x in v.values()))
        vecs.append({w: x / norm for w, x in v.items()} if norm else {})
    return vecs


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def mmr(candidates: Iterable[Cited], k: int = 4, lam: float = MMR_LAMBDA) -> list[Cited]:
    """Pick up to k candidates by Maximal Marginal Relevance against their TF-IDF centroid; the
    picks come back in candidate order (so a summary reads in article order)."""
    cands = [c for c in candidates if len(words(c.text)) >= MIN_WORDS and len(c.text) <= MAX_CHARS]
    if not cands:
        return []
    vecs = _vectors([c.text for c in cands])
    centroid: Counter = Counter()
    for v in vecs:
        centroid.update(v)
    norm = math.sqrt(sum(x * x for x in centroid.values())) or 1.0
    centre = {w: x / norm for w, x in centroid.items()}
    relevance = [_cos(v, centre) for v in vecs]
    picked: list[int] = []
    while len(picked) < min(k, len(cands)):
        best, best_score = None, -math.inf
        for i, v in enumerate(vecs):
            if i in picked:
                continue
            overlap = max((_cos(v, vecs[j]) for j in picked), default=0.0)
            if overlap >= DUPLICATE_COSINE:
                continue
            s = lam * relevance[i] - (1 - lam) * overlap
            if s > best_score:
                best, best_score = i, s
        if best is None:
            break
        picked.append(best)
    return [cands[i] for i in sorted(picked)]


def summarise_articles(articles: Iterable[tuple[str, str]], k: int = 4) -> list[Cited]:
    """A cited summary of (article id, body) pairs from their lead sentences."""
    cands = []
    for aid, body in articles:
        cands.extend(Cited(s, aid) for s in sentences(body)[:LEAD_SENTENCES])
    return mmr(cands, k)


__all__ = ["Cited", "mmr", "sentences", "summarise_articles"]
