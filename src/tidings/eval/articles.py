"""`tidings eval articles`: article bodies scored as the ScrapingHub article-extraction-benchmark scores them."""
from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import trafilatura
from lxml import etree

from ..config import Settings
from ..errors import GoldError, InputError
from ..extract import build_article
from ..extract.html import extract_html
from ..geo import Gazetteer
from ..model.article import RawDoc
from .common import (
    EvalReport,
    Postprocess,
    PredictionWriter,
    Progress,
    read_json,
    read_page,
    require_folder,
    ticking,
)

LAYOUT = ("a folder with ground-truth.json ({id: {articleBody, url}}) and html/<id>.html.gz "
          "(the ScrapingHub article-extraction-benchmark layout)")
NGRAM = 4  # the benchmark's shingle length
_TOKEN = re.compile(r"\w+")  # the benchmark's tokens: runs of word characters, case kept


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    body: str
    url: str | None
    page: Path


@dataclass(frozen=True, slots=True)
class Counts:
    """Shingle matches of one document, normalised to sum to 1 so every document weighs the same."""

    tp: float
    fp: float
    fn: float


def run(gold: Path, out: Path, settings: Settings, *, progress: Progress | None = None,
        postprocess: Postprocess | None = None) -> EvalReport:
    """Extract every gold page with tidings and with trafilatura's defaults; score both."""
    articles = load_gold(gold)
    gazetteer = Gazetteer.load(settings.cache_dir)
    ours: list[Counts] = []
    html_only: list[Counts] = []
    baseline: list[Counts] = []
    failed = 0
    with PredictionWriter(out) as writer:
        for article in ticking(articles, progress):
            html = read_page(article.page, settings)
            try:  # the whole per-article pipeline, as `tidings ingest` runs it
                raw = RawDoc(article.url or article.id, html, "html", {"url": article.url} if article.url else {})
                built = build_article(raw, settings, gazetteer)
                body, title = built.body, built.title
            except InputError:
                body, title, failed = "", None, failed + 1
            try:  # extract_html alone, to show what the text cleaning adds or costs
                html_only.append(match_counts(article.body, extract_html(html, article.url, settings).text))
            except InputError:
                html_only.append(match_counts(article.body, ""))
            if postprocess is not None and body:
                body = postprocess(body)
            writer.write({"id": article.id, "body": body, "title": title})
            ours.append(match_counts(article.body, body))
            baseline.append(match_counts(article.body, trafilatura_baseline(html, article.url)))
    scores = corpus_scores(ours)
    scores["extract_html_only_f1"] = corpus_scores(html_only)["f1"]
    scores.update({f"baseline_trafilatura_{k}": v for k, v in corpus_scores(baseline).items()})
    notes = [f"baseline: trafilatura {trafilatura.__version__} extract() with its default options"]
    if postprocess is not None:
        notes.append("bodies were post-processed before scoring")
    if failed:
        notes.append(f"{failed} pages gave no article text (scored as empty predictions)")
    return EvalReport("articles", len(articles), scores, notes)


def load_gold(gold: Path) -> list[GoldArticle]:
    """The gold articles in file order; GoldError when the folder is not in the benchmark's layout."""
    folder = require_folder(gold, LAYOUT)
    data = read_json(folder / "ground-truth.json", LAYOUT)
    if not isinstance(data, dict) or not data:
        raise _bad(folder, "ground-truth.json must be a non-empty object keyed by page id")
    articles = []
    for key, value in data.items():
        if not isinstance(value, dict) or not isinstance(value.get("articleBody", ""), str):
            raise _bad(folder, f"entry {key!r} has no articleBody string")
        page = folder / "html" / f"{key}.html.gz"
        if not page.is_file():
            raise _bad(folder, f"html/{key}.html.gz is missing")
        url = value.get("url") if isinstance(value.get("url"), str) else None
        articles.append(GoldArticle(key, value.get("articleBody") or "", url, page))
    return articles


def _bad(folder: Path, problem: str) -> GoldError:
    return GoldError(f"{folder}: {problem}; expected {LAYOUT}.")


def trafilatura_baseline(html: str, url: str | None) -> str:
    """trafilatura on its own, library defaults: the reference this benchmark compares against."""
    try:
        return trafilatura.extract(html, url=url) or ""
    except (ValueError, TypeError, AttributeError, RecursionError, etree.LxmlError):
        return ""


def shingles(text: str, n: int = NGRAM) -> Counter[tuple[str, ...]]:
    """Counts of n-token shingles; a text shorter than n tokens is one shorter shingle."""
    tokens = _TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)))


def match_counts(true: str, pred: str) -> Counts:
    """Shingle TP/FP/FN of one document (multiset overlap), normalised by their sum."""
    gold, guess = shingles(true), shingles(pred)
    tp = sum((gold & guess).values())
    fp = sum((guess - gold).values())
    fn = sum((gold - guess).values())
    total = tp + fp + fn
    if total == 0:
        return Counts(0.0, 0.0, 0.0)
    return Counts(tp / total, fp / total, fn / total)


def corpus_scores(counts: list[Counts]) -> dict[str, float]:
    """Mean per-document precision (over documents with a prediction) and recall (over documents
    with gold text); F1 is their harmonic mean, as the benchmark reports it."""
    precisions = [_precision(c) for c in counts if c.tp + c.fp > 0]
    recalls = [_recall(c) for c in counts if c.tp + c.fn > 0]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def _precision(c: Counts) -> float:
    if c.fp == 0 and c.fn == 0:
        return 1.0
    return c.tp / (c.tp + c.fp) if c.tp + c.fp else 0.0


def _recall(c: Counts) -> float:
    if c.fp == 0 and c.fn == 0:
        return 1.0
    return c.tp / (c.tp + c.fn) if c.tp + c.fn else 0.0
