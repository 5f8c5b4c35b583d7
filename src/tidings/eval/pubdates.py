"""`tidings eval pubdates`: page publication days scored as htmldate's own comparison counts them."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import htmldate
from htmldate import find_date
from lxml import etree

from ..config import Settings
from ..errors import GoldError, InputError
from ..extract import build_article
from ..extract.html import find_published
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

LAYOUT = ("a folder with labels.json ({url: {file, date}}, date YYYY-MM-DD or null/NaN) and "
          "html/<file> (the htmldate evaluation layout)")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
OUTCOMES = ("tp", "fp", "tn", "fn")


@dataclass(frozen=True, slots=True)
class GoldDate:
    url: str
    page: Path
    day: str | None  # None: the page has no publication date


def run(gold: Path, out: Path, settings: Settings, *, progress: Progress | None = None,
        postprocess: Postprocess | None = None) -> EvalReport:
    """Predict each page's day with tidings and with htmldate's extensive mode; score both."""
    labels = load_labels(gold)
    gazetteer = Gazetteer.load(settings.cache_dir)
    ours: dict[str, int] = dict.fromkeys(OUTCOMES, 0)
    baseline: dict[str, int] = dict.fromkeys(OUTCOMES, 0)
    with PredictionWriter(out) as writer:
        for label in ticking(labels, progress):
            html = read_page(label.page, settings)
            day = predict_day(html, label.url, settings, gazetteer)
            writer.write({"id": label.url, "published": day})
            ours[outcome(day, label.day)] += 1
            baseline[outcome(htmldate_baseline(html), label.day)] += 1
    scores = outcome_scores(ours)
    scores.update({f"baseline_htmldate_{k}": v for k, v in outcome_scores(baseline).items()})
    no_date = sum(label.day is None for label in labels)
    notes = [
        (f"baseline: htmldate {htmldate.__version__} find_date(extensive_search=True, "
         "original_date=True), as htmldate's comparison script calls it"),
        f"tidings: {_counts(ours)}; htmldate: {_counts(baseline)}",
    ]
    if no_date:
        notes.append(f"{no_date} gold dates are null or NaN: scored as 'no date' (a null prediction is correct)")
    return EvalReport("pubdates", len(labels), scores, notes)


def _counts(counts: dict[str, int]) -> str:
    return " ".join(f"{k}={counts[k]}" for k in OUTCOMES)


def load_labels(gold: Path) -> list[GoldDate]:
    """The labelled pages; GoldError when the folder is not in htmldate's evaluation layout."""
    folder = require_folder(gold, LAYOUT)
    data = read_json(folder / "labels.json", LAYOUT)
    if not isinstance(data, dict) or not data:
        raise GoldError(f"{folder}/labels.json must be a non-empty object keyed by URL; expected {LAYOUT}.")
    labels = []
    for url, value in data.items():
        if not isinstance(value, dict) or not isinstance(value.get("file"), str):
            raise GoldError(f"{folder}/labels.json: entry {url!r} has no file name; expected {LAYOUT}.")
        page = folder / "html" / value["file"]
        if not page.is_file():
            raise GoldError(f"{folder}: html/{value['file']} is missing; expected {LAYOUT}.")
        labels.append(GoldDate(url, page, _gold_day(value.get("date"), url, folder)))
    return labels


def _gold_day(value: object, url: str, folder: Path) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
        return None
    if isinstance(value, str) and _DAY.match(value):
        return value
    raise GoldError(f"{folder}/labels.json: date {value!r} of {url!r} is not YYYY-MM-DD; expected {LAYOUT}.")


def predict_day(html: str, url: str | None, settings: Settings, gazetteer: Gazetteer) -> str | None:
    """tidings' publication day of a page as the ingest pipeline stores it, or None below day precision."""
    try:
        raw = RawDoc(url or "page", html, "html", {"url": url} if url else {})
        article = build_article(raw, settings, gazetteer)
        value, precision = article.published, article.published_precision
    except InputError:
        # A page with no article text may still carry its date (same finder extract_html uses).
        found = find_published(html, url)
        value, precision = found.value, found.precision
    if value is None or precision not in ("datetime", "day"):
        return None
    return value[:10]


def htmldate_baseline(html: str) -> str | None:
    """htmldate alone, extensive mode, original date: the reference of its own evaluation."""
    try:
        return find_date(html, extensive_search=True, original_date=True)
    except (ValueError, TypeError, AttributeError, RecursionError, etree.LxmlError):
        return None


def outcome(pred: str | None, gold: str | None) -> str:
    """htmldate's counting: both null is a true negative, a null prediction a false negative,
    an equal day a true positive, anything else (a wrong day, or a day for a dateless page) a false positive."""
    if pred is None:
        return "tn" if gold is None else "fn"
    return "tp" if pred == gold else "fp"


def outcome_scores(counts: dict[str, int]) -> dict[str, float]:
    """Accuracy first (the headline), then precision, recall and F-score as htmldate reports them."""
    tp, fp, tn, fn = (counts[k] for k in OUTCOMES)
    total = tp + fp + tn + fn
    return {
        "accuracy": (tp + tn) / total if total else 0.0,
        "precision": tp / (tp + fp) if tp + fp else 0.0,
        "recall": tp / (tp + fn) if tp + fn else 0.0,
        "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0,
    }
