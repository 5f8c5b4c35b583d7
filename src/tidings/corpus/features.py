"""What the same-event clusterer compares: term counts of title, body and entities, actors and a date per document."""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date

from ..model.corpus import FIELDS, DocFeatures

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s$")

# Function words and reporting verbs that say nothing about which event a story is about.
STOPWORDS = frozenset(["a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "said", "says", "say", "told", "tell", "according", "reported", "reports", "report", "also", "mr", "mrs", "ms", "dr", "one", "two", "new", "would", "could", "may", "might", "must", "shall", "us", "yet", "still", "even", "since", "per", "via", "http", "https", "www", "com", "org", "net", "html", "htm", "php", "aspx", "shtml", "cfm", "index", "article", "articles", "story", "news"])


def words(text: str) -> list[str]:
    """Casefolded content words of a text (stopwords and one-letter tokens out, possessives cut)."""
    out = []
    for w in _WORD.findall(unicodedata.normalize("NFKC", text or "").casefold()):
        w = _POSSESSIVE.sub("", w)
        if len(w) > 1 and w not in STOPWORDS:
            out.append(w)
    return out


# Opening words of a body that make its lead: a news report's first sentence (wire leads run to
# 25-35 words), where the event's own specifics stand before any background. Two values were
# measured leave-one-topic-out on the ECB+ dev half (docs/benchmarks.md): 60 words 0.8904,
# 35 words 0.9043; 35 is kept.
LEAD_WORDS = 35


def lead_people(person_mentions: Iterable[str], n: int = 2, min_mentions: int = 2) -> list[str]:
    """The `n` people named most often (at least `min_mentions` times) among person mentions
    given as ids or keys; ties by first mention."""
    counts = Counter(p for p in person_mentions if p)
    return [p for p, c in counts.most_common(n) if c >= min_mentions]


def entity_key(surface: str) -> str:
    """A surface form of a name reduced to a term: "the Philadelphia 76ers'" -> "philadelphia_76ers"."""
    toks = [w for w in words(surface) if w not in {"the"}]
    return "_".join(toks)


def doc_features(
    doc_id: str,
    title: str,
    body: str,
    entities: Iterable[str] = (),
    actors: Iterable[str] = (),
    leads: Iterable[str] = (),
    day: date | None = None,
    year: int | None = None,
) -> DocFeatures:
    """Features of one document from its text, its entity terms (names, ids) and its actor ids."""
    terms = {
        "title": Counter(words(title)),
        "body": Counter(words(body)),
        "ents": Counter(e for e in entities if e),
    }
    return DocFeatures(doc_id, terms, frozenset(a for a in actors if a), frozenset(a for a in leads if a), day,
                       None if day is not None else year, title=title.strip(),
                       lead=Counter(words(" ".join((body or "").split()[:LEAD_WORDS]))))


class DocFreq:
    """Document frequencies per field, updated as documents arrive (incremental IDF)."""

    def __init__(self, n_docs: int = 0, df: Mapping[str, Mapping[str, int]] | None = None):
        self.n_docs = n_docs
        self.df: dict[str, Counter[str]] = {f: Counter((df or {}).get(f, {})) for f in FIELDS}
        self._idf: dict[str, dict[str, float]] = {f: {} for f in FIELDS}  # memo, cleared on add

    def add(self, doc: DocFeatures) -> None:
        self.n_docs += 1
        for f in FIELDS:
            self.df[f].update(doc.terms[f].keys())
            self._idf[f].clear()

    def idf(self, fieldname: str, term: str) -> float:
        """Smoothed inverse document frequency: ln((N + 1) / (df + 1)) + 1."""
        memo = self._idf[fieldname]
        v = memo.get(term)
        if v is None:
            v = memo[term] = math.log((self.n_docs + 1) / (self.df[fieldname].get(term, 0) + 1)) + 1.0
        return v


def unit(vec: Mapping[str, float]) -> dict[str, float]:
    """The vector scaled to length 1 (an empty or zero vector stays empty)."""
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two L2-normalised sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())
