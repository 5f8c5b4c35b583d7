"""`tidings eval geo`: toponym resolution on Gritta-style XML (GeoWebNews, LGL, TR-News), given the gold spans."""
from __future__ import annotations

import math
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import parse

from ..config import Settings
from ..errors import GoldError
from ..geo import Gazetteer, Place, countries_in_text, distance_km, document_focus, resolve_places
from .common import EvalReport, Postprocess, PredictionWriter, Progress, ticking

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


def run(gold: Path, out: Path, settings: Settings, *, progress: Progress | None = None,
        postprocess: Postprocess | None = None) -> EvalReport:
    """Resolve every gold toponym with coordinates; score tidings and a most-populous baseline."""
    docs = load_gold(gold)
    gaz = Gazetteer.load()
    ours: list[float] = []
    strict: list[float] = []
    baseline: list[float] = []
    with PredictionWriter(out) as writer:
        for doc in ticking(docs, progress):
            places, fallback = predict(doc, gaz)
            writer.write({"doc": doc.doc, "toponyms": [
                {"start": t.start, "end": t.end, "lat": p.lat if p else None, "lon": p.lon if p else None}
                for t, p in zip(doc.toponyms, fallback)]})
            for t, p, q in zip(doc.toponyms, places, fallback):
                strict.append(_error(t, p))
                ours.append(_error(t, q))
                baseline.append(_error(t, most_populous(gaz, _surface(doc, t))))
    scores = error_scores(ours)
    scores["strict_acc161"] = error_scores(strict)["acc161"]
    scores.update({f"baseline_populous_{k}": v for k, v in error_scores(baseline).items()})
    resolved = sum(e < MAX_ERROR_KM for e in strict)
    notes = [
        f"{len(ours)} gold toponyms with coordinates; offsets into <text>; gold spans given",
        (f"tidings named a place for {resolved} of them; the rest take the document's focus "
         "(its best supported town); strict_acc161 counts them as misses"),
        "baseline: the most populous gazetteer candidate of each name, no context",
        (f"a toponym without a prediction counts {MAX_ERROR_KM:.0f} km; auc: mean of "
         "ln(1+error)/ln(1+20039) (lower is better)"),
    ]
    return EvalReport("geo", len(docs), scores, notes)


def predict(doc: GoldDoc, gaz: Gazetteer) -> tuple[list[Place | None], list[Place | None]]:
    """tidings' place for each gold toponym, and the same with the document focus filling gaps."""
    text, spans = doc.text, [_span(doc, t) for t in doc.toponyms]
    context = countries_in_text(text, gaz)[:3]  # the article's three most named countries
    places = resolve_places(text, spans, context_countries=context, gazetteer=gaz)
    focus = document_focus(places, context, gaz)
    return places, [p if p is not None else focus for p in places]


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
