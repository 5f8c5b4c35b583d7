"""`tidings eval geo`: toponym resolution on Gritta-style XML (GeoWebNews, LGL, TR-News), given the gold spans."""
from __future__ import annotations

import math
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import parse

from ..config import Settings
from ..errors import GoldError
from ..geo import Gazetteer, Place, countries_in_text, distance_km, document_focus
from ..geo.resolve import TextToponyms, Weights, place_toponyms, read_toponyms
from .common import EvalReport, Postprocess, PredictionWriter, Progress, grouped_folds, ticking

LAYOUT = ("Gritta-style XML, a file or a folder of .xml files: <articles><article file=..> with "
          "<text> and <toponym> <start>/<end>/<latitude>/<longitude> (GeoWebNews), or "
          "<article docid=..> with <toponym> <start>/<end>/<gaztag><lat>/<lon> (LGL, TR-News)")
# Error given to a toponym left without coordinates: half the Earth's circumference, the
# largest possible error (as in Gritta et al.'s scorer).
MAX_ERROR_KM = 20_039.0
ACC_KM = 161.0  # 100 miles, the usual Acc@161


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    name: str
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class GoldDoc:
    doc: str  # "<file stem>:<docid or file attribute>"
    text: str
    toponyms: tuple[GoldToponym, ...]


# Each tuned weight of resolve.Weights is tried at these multiples of its default, one at a
# time (the others at their defaults): the grid a --folds run chooses from on the training folds.
GRID_SCALES = (0.5, 1.5)


@dataclass
class _Read:
    """One gold article read once: its spans' candidates and its context countries."""

    doc: GoldDoc
    toponyms: TextToponyms
    context: list[str]


def run(gold: Path, out: Path, settings: Settings, *, progress: Progress | None = None,
        postprocess: Postprocess | None = None, folds: int | None = None) -> EvalReport:
    """Resolve every gold toponym with coordinates; score tidings and a most-populous baseline.

    folds=K: K folds by article; in each, the weights of resolve.Weights are chosen from
    weight_grid() on the training articles (best Acc@161) and the test articles are scored with
    them. The pooled test errors give the cross-validated scores; `scores` stay those of the
    defaults (what production runs, set on all of this file)."""
    docs = load_gold(gold)
    gaz = Gazetteer.load(settings.cache_dir)  # once for the whole run, every grid point and fold
    reads: list[_Read] = []
    ours: list[float] = []
    strict: list[float] = []
    baseline: list[float] = []
    with PredictionWriter(out) as writer:
        for doc in ticking(docs, progress):
            read = _read(doc, gaz)
            reads.append(read)
            places, fallback = _place(read, gaz, Weights())
            writer.write({"doc": doc.doc, "toponyms": [
                {"start": t.start, "end": t.end, "lat": p.lat if p else None, "lon": p.lon if p else None}
                for t, p in zip(doc.toponyms, fallback)]})
            for t, p, q in zip(doc.toponyms, places, fallback):
                strict.append(_error(t, p))
                ours.append(_error(t, q))
                baseline.append(_error(t, most_populous(gaz, _surface(doc, t))))
    scores = _scores(ours, strict, baseline)
    resolved = sum(e < MAX_ERROR_KM for e in strict)
    notes = [
        f"{len(ours)} gold toponyms with coordinates; offsets into <text>; gold spans given",
        (f"tidings named a place for {resolved} of them; the rest take the document's focus "
         "(its best supported town); strict_acc161 counts them as misses"),
        "baseline: the most populous gazetteer candidate of each name, no context",
        (f"a toponym without a prediction counts {MAX_ERROR_KM:.0f} km; auc: mean of "
         "ln(1+error)/ln(1+20039) (lower is better)"),
    ]
    report = EvalReport("geo", len(docs), scores, notes)
    if folds is not None:
        _cross_validate(report, reads, baseline, gaz, folds)
    return report


def weight_grid(base: Weights | None = None) -> list[Weights]:
    """The defaults, then each weight at GRID_SCALES times its default with the others kept."""
    base = base or Weights()
    grid = [base]
    for f in fields(Weights):
        grid += [replace(base, **{f.name: getattr(base, f.name) * scale}) for scale in GRID_SCALES]
    return grid


def _cross_validate(report: EvalReport, reads: list[_Read], baseline: list[float], gaz: Gazetteer,
                    k: int) -> None:
    """Fill report.cv: per fold (by article) the grid point best on the training articles, scored
    on the test articles; the test errors of all folds pooled."""
    grid = weight_grid()
    # errors[g][d] = (fallback errors, strict errors) of article d under grid point g
    errors = []
    for weights in grid:
        per_doc = []
        for read in reads:
            places, fallback = _place(read, gaz, weights)
            per_doc.append(([_error(t, q) for t, q in zip(read.doc.toponyms, fallback)],
                            [_error(t, p) for t, p in zip(read.doc.toponyms, places)]))
        errors.append(per_doc)
    ours: list[float] = []
    strict: list[float] = []
    base: list[float] = []
    offsets = [0]
    for read in reads:
        offsets.append(offsets[-1] + len(read.doc.toponyms))
    chosen = []
    for train, test in article_folds([read.doc for read in reads], k):
        best = max(range(len(grid)), key=lambda g: (_fit(errors[g], train), -g))
        chosen.append(best)
        for d in test:
            ours += errors[best][d][0]
            strict += errors[best][d][1]
            base += baseline[offsets[d]:offsets[d + 1]]
    report.cv = _scores(ours, strict, base)
    report.folds = len(chosen)
    whole = max(range(len(grid)), key=lambda g: (_fit(errors[g], range(len(reads))), -g))
    report.notes.append(
        f"--folds {k}: folds by article; in each, the weights of resolve.Weights are chosen from "
        f"{len(grid)} grid points (defaults, then each weight at {' and '.join(map(str, GRID_SCALES))}x "
        "its default) by Acc@161 on the training articles, then the test articles are scored")
    report.notes.append("weights chosen per fold: " + "; ".join(_describe(grid[g]) for g in chosen))
    report.notes.append(
        f"fitted = the defaults (production); the grid point best on all articles is {_describe(grid[whole])} "
        f"(acc161={_fit(errors[whole], range(len(reads)))[0]:.4f})")


def article_folds(docs: Sequence[GoldDoc], k: int) -> list[tuple[list[int], list[int]]]:
    """(train, test) indexes of docs for K folds by article: an article (and any repeat of its
    id) is in the test part of exactly one fold and never in train and test at once."""
    return grouped_folds([doc.doc for doc in docs], k)


def _fit(per_doc: list[tuple[list[float], list[float]]], docs: Sequence[int] | range) -> tuple[float, float]:
    """(Acc@161, strict Acc@161) over the toponyms of some articles."""
    ours = [e for d in docs for e in per_doc[d][0]]
    strict = [e for d in docs for e in per_doc[d][1]]
    n = max(len(ours), 1)
    return sum(e <= ACC_KM for e in ours) / n, sum(e <= ACC_KM for e in strict) / n


def _describe(w: Weights) -> str:
    changed = [f"{f.name}={getattr(w, f.name):g}" for f in fields(Weights)
               if getattr(w, f.name) != getattr(Weights(), f.name)]
    return ", ".join(changed) or "defaults"


def _scores(ours: list[float], strict: list[float], baseline: list[float]) -> dict[str, float]:
    scores = error_scores(ours)
    scores["strict_acc161"] = error_scores(strict)["acc161"]
    scores.update({f"baseline_populous_{k}": v for k, v in error_scores(baseline).items()})
    return scores


def _read(doc: GoldDoc, gaz: Gazetteer) -> _Read:
    spans = [_span(doc, t) for t in doc.toponyms]
    context = countries_in_text(doc.text, gaz)[:3]  # the article's three most named countries
    return _Read(doc, read_toponyms(doc.text, spans, gazetteer=gaz), context)


def _place(read: _Read, gaz: Gazetteer, weights: Weights) -> tuple[list[Place | None], list[Place | None]]:
    places = place_toponyms(read.toponyms, gazetteer=gaz, context_countries=read.context, weights=weights)
    focus = document_focus(places, read.context, gaz)
    return places, [p if p is not None else focus for p in places]


def predict(doc: GoldDoc, gaz: Gazetteer, weights: Weights | None = None) -> tuple[list[Place | None], list[Place | None]]:
    """tidings' place for each gold toponym, and the same with the document focus filling gaps."""
    return _place(_read(doc, gaz), gaz, weights or Weights())


def _span(doc: GoldDoc, t: GoldToponym) -> tuple[int, int]:
    """The gold span, or the name's first occurrence when the gold offsets do not point at it."""
    if doc.text[t.start:t.end] == t.name or not t.name:
        return t.start, t.end
    at = doc.text.find(t.name)
    return (at, at + len(t.name)) if at >= 0 else (t.start, t.end)


def _surface(doc: GoldDoc, t: GoldToponym) -> str:
    start, end = _span(doc, t)
    return doc.text[start:end] or t.name


def most_populous(gaz: Gazetteer, name: str) -> Place | None:
    """The baseline: of all places the name can denote, the one with the most people."""
    found = gaz.candidates(name)
    return max(found, key=lambda p: p.population or 0) if found else None


def _error(t: GoldToponym, p: Place | None) -> float:
    return MAX_ERROR_KM if p is None else distance_km(t.lat, t.lon, p.lat, p.lon)


def error_scores(errors: list[float]) -> dict[str, float]:
    """acc161 (share within 161 km), mean and median error in km, AUC of the log error."""
    if not errors:
        return {"acc161": 0.0, "mean_km": 0.0, "median_km": 0.0, "auc": 0.0}
    top = math.log(1 + MAX_ERROR_KM)
    return {
        "acc161": sum(e <= ACC_KM for e in errors) / len(errors),
        "mean_km": statistics.fmean(errors),
        "median_km": statistics.median(errors),
        "auc": statistics.fmean(math.log(1 + min(e, MAX_ERROR_KM)) / top for e in errors),
    }


# ---- reading the gold

def load_gold(gold: Path) -> list[GoldDoc]:
    """Every article of a gold file or folder; GoldError when it is not Gritta-style XML."""
    if gold.is_dir():
        files = sorted(gold.rglob("*.xml"))
        if not files:
            raise GoldError(f"{gold} holds no .xml files; expected {LAYOUT}.")
    elif gold.is_file():
        files = [gold]
    else:
        raise GoldError(f"{gold} does not exist; expected {LAYOUT}.")
    docs = [doc for f in files for doc in _read_file(f)]
    if not docs:
        raise GoldError(f"{gold} holds no <article> with a <text>; expected {LAYOUT}.")
    return docs


def _read_file(path: Path) -> Iterator[GoldDoc]:
    try:
        root = parse(str(path)).getroot()
    except (ParseError, DefusedXmlException, OSError) as e:
        raise GoldError(f"{path} is not readable XML ({e}); expected {LAYOUT}.") from e
    for i, article in enumerate(root.iter("article")):
        text = article.findtext("text")
        if text is None:
            continue
        ident = article.get("docid") or article.get("file") or str(i)
        doc = f"{path.stem}:{ident}"
        toponyms = tuple(t for el in article.iter("toponym") if (t := _toponym(el, doc)) is not None)
        yield GoldDoc(doc, text, toponyms)


def _toponym(el: Element, doc: str) -> GoldToponym | None:
    """A gold toponym with coordinates, or None for one without (a non-locational mention)."""
    gaztag = el.find("gaztag")
    lat = el.findtext("latitude") or (gaztag.findtext("lat") if gaztag is not None else None)
    lon = el.findtext("longitude") or (gaztag.findtext("lon") if gaztag is not None else None)
    if not lat or not lon:
        return None
    name = el.findtext("extractedName") or el.findtext("phrase") or ""
    try:
        return GoldToponym(int(el.findtext("start") or ""), int(el.findtext("end") or ""), name,
                           float(lat), float(lon))
    except ValueError as e:
        raise GoldError(f"{doc}: toponym {name!r} has a bad offset or coordinate ({e}); "
                        f"expected {LAYOUT}.") from e
