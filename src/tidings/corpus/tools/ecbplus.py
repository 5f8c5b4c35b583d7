"""ECB+ documents as the clusterer sees them: the gold JSONL reader, a date from each document's
head, B-cubed scoring and the TF-IDF average-link reference (used by `tidings eval clusters` and
by `python -m tidings.corpus.tools.fit_clusters`)."""
from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ...config import Settings
from ...errors import GoldError
from ...model.corpus import DocFeatures
from ...resources import Resources
from ..features import doc_features, entity_key, lead_people, words

LAYOUT = "a JSONL file of ECB+ documents, one {doc_id, topic, seminal_event, text} object a line"
# Entity labels whose names become entity terms and actors of an ECB+ document (spaCy's
# OntoNotes labels; numbers and dates are left to the body terms and the date finder).
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "WORK_OF_ART", "PRODUCT"})
# Lines at the head of a document searched for its own date (ECB+ texts put the URL, the
# headline and the dateline there; later dates are mostly other events).
HEAD_LINES = 4
# Average-link baseline: cosine-distance cut-offs tried, the best on the gold set reported.
BASELINE_CUTS = tuple(round(0.50 + 0.02 * i, 2) for i in range(25))

_MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})\s*(?:st|nd|rd|th)?\s+{_MONTH}\s*,?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(rf"\b{_MONTH}\s+\.?\s*(\d{{1,2}})\s*(?:st|nd|rd|th)?\s*,?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_ISO_PATH = re.compile(r"\b((?:19|20)\d\d)\s*[-/]\s*(\d\d)\s*[-/]\s*(\d\d)\b")
_YEAR_PATH = re.compile(r"/\s*((?:19|20)\d\d)\s*/")
_URL_LINE = re.compile(r"^\s*https?\s*:", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class GoldDoc:
    doc_id: str
    topic: str
    event: str
    text: str


def load_gold(gold: Path) -> list[GoldDoc]:
    """The gold documents in file order; GoldError when the file is not the expected JSONL."""
    if not gold.is_file():
        raise GoldError(f"{gold} is not a file; expected {LAYOUT}.")
    docs = []
    with gold.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                docs.append(GoldDoc(str(obj["doc_id"]), str(obj["topic"]), str(obj["seminal_event"]),
                                    str(obj["text"])))
            except (ValueError, KeyError, TypeError) as e:
                raise GoldError(f"{gold} line {n} is not a gold document ({e}); expected {LAYOUT}.") from e
    if not docs:
        raise GoldError(f"{gold} holds no documents; expected {LAYOUT}.")
    return docs


def gold_features(docs: Sequence[GoldDoc], texts: Sequence[str], settings: Settings) -> Iterator[DocFeatures]:
    """DocFeatures of each gold document: title, body, named entities (spaCy NER with the
    knowledge-base ruler) as entity terms and actors, and a date from the text's head."""
    import spacy  # noqa: F401 - the NLP layer needs it; fail here with spaCy's own message

    nlp = Resources(settings).ner
    for d, text, doc in zip(docs, texts, nlp.pipe(texts, batch_size=32)):
        names = [e.ent_id_ or entity_key(e.text) for e in doc.ents if e.label_ in NAME_LABELS]
        people = [e.ent_id_ or _surname(e.text) for e in doc.ents if e.label_ == "PERSON"]
        day, year = text_date(text)
        title, body = split_head(text)
        yield doc_features(d.doc_id, title, body, entities=names, actors=set(names) | set(people),
                           leads=lead_people(people), day=day, year=year)


def _surname(name: str) -> str:
    """A person's last name as a key ("Jamal Williams", "Williams" -> "williams")."""
    key = entity_key(name)
    return key.rsplit("_", 1)[-1]


def split_head(text: str) -> tuple[str, str]:
    """(title, body): a leading URL line's words and the first line after it make the title."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not lines:
        return "", ""
    head = []
    if _URL_LINE.match(lines[0]) and len(lines) > 1:
        head.append(lines[0])
        lines = lines[1:]
    head.append(lines[0])
    return " ".join(head), "\n".join(lines)


def text_date(text: str) -> tuple[date | None, int | None]:
    """(day, year) the document dates itself to from its first lines: a full date, else a year in
    its URL path; (None, None) when it names none."""
    head = "\n".join(text.splitlines()[:HEAD_LINES])
    found = _first_day(head)
    if found is not None:
        return found, None
    m = _YEAR_PATH.search(head.splitlines()[0]) if head else None
    return None, int(m.group(1)) if m else None


def _first_day(text: str) -> date | None:
    hits = []
    for m in _DAY_MONTH_YEAR.finditer(text):
        hits.append((m.start(), _make(m.group(3), m.group(2), m.group(1))))
    for m in _MONTH_DAY_YEAR.finditer(text):
        hits.append((m.start(), _make(m.group(3), m.group(1), m.group(2))))
    for m in _ISO_PATH.finditer(text):
        hits.append((m.start(), _make(m.group(1), m.group(2), m.group(3), numeric=True)))
    hits = [(pos, d) for pos, d in hits if d is not None]
    return min(hits)[1] if hits else None


def _make(year: str, month: str, day: str, numeric: bool = False) -> date | None:
    try:
        mon = int(month) if numeric else _MONTHS[month[:3].lower()]
        return date(int(year), mon, int(day))
    except (KeyError, ValueError):
        return None


def bcubed(predicted: dict[str, str], truth: dict[str, str]) -> dict[str, float]:
    """B-cubed precision, recall (averaged over documents) and their F1 (Bagga and Baldwin 1998)."""
    pred_sets: dict[str, set[str]] = {}
    gold_sets: dict[str, set[str]] = {}
    for doc, c in predicted.items():
        pred_sets.setdefault(c, set()).add(doc)
    for doc, c in truth.items():
        gold_sets.setdefault(c, set()).add(doc)
    p = r = 0.0
    for doc in truth:
        mine, real = pred_sets[predicted[doc]], gold_sets[truth[doc]]
        both = len(mine & real)
        p += both / len(mine)
        r += both / len(real)
    p, r = p / len(truth), r / len(truth)
    return {"f1": 2 * p * r / (p + r) if p + r else 0.0, "precision": p, "recall": r}


def avglink_tree(texts: Sequence[str], background: Sequence[str] = ()):
    """The average-link (scipy) merge tree of plain TF-IDF vectors of whole texts (sublinear TF,
    IDF over these texts and the background ones, cosine distance): the reference clusterer."""
    import numpy as np
    from scipy.cluster.hierarchy import linkage

    counts = [Counter(words(t)) for t in texts]
    seen = [set(words(t)) for t in background]
    vocab = {t: i for i, t in enumerate(sorted({t for c in counts for t in c}))}
    df = np.zeros(len(vocab))
    for c in [*counts, *seen]:
        for t in c:
            if t in vocab:
                df[vocab[t]] += 1
    idf = np.log((len(texts) + len(seen) + 1) / (df + 1)) + 1
    m = np.zeros((len(texts), max(len(vocab), 1)))
    for i, c in enumerate(counts):
        for t, n in c.items():
            m[i, vocab[t]] = (1 + np.log(n)) * idf[vocab[t]]
    m /= np.maximum(np.linalg.norm(m, axis=1, keepdims=True), 1e-12)
    if len(texts) < 2:
        return None
    return linkage(m, method="average", metric="cosine")


def avglink_clusters(ids: Sequence[str], tree, cut: float) -> dict[str, str]:
    """Doc id -> cluster label of the tree cut at a cosine distance."""
    from scipy.cluster.hierarchy import fcluster

    if tree is None:
        return {d: "1" for d in ids}
    return {d: str(lab) for d, lab in zip(ids, fcluster(tree, t=cut, criterion="distance"))}


def best_cut(ids: Sequence[str], texts: Sequence[str], truth: dict[str, str]) -> tuple[float, dict[str, float]]:
    """The cut-off of BASELINE_CUTS whose average-link clusters of these documents score the best
    B-cubed F1 against truth, with those scores (the lowest such cut on a tie)."""
    tree = avglink_tree(texts)
    best: tuple[float, dict[str, float]] = (BASELINE_CUTS[0], {"f1": -1.0})
    for cut in BASELINE_CUTS:
        s = bcubed(avglink_clusters(ids, tree, cut), {d: truth[d] for d in ids})
        if s["f1"] > best[1]["f1"]:
            best = (cut, s)
    return best
