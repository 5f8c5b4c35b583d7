"""`tidings eval timex`: time expressions in TimeML documents, scored as the TempEval-3 entity scorer does."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ..config import Settings
from ..errors import GoldError
from ..time import find_timexes
from .common import EvalReport, Postprocess, PredictionWriter, Progress, require_folder, ticking

LAYOUT = "a folder (searched recursively) of TimeML .tml files with a DCT element and a TEXT element"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class GoldDoc:
    name: str
    text: str
    dct: str | None
    timexes: list[Span]


@dataclass(slots=True)
class Counts:
    """The TempEval-3 entity scorer's tallies, summed over documents."""

    gold: int = 0
    system: int = 0
    strict_recall: int = 0  # gold timexes with a system timex of exactly the same extent
    relaxed_recall: int = 0  # gold timexes overlapped by a system timex
    strict_precision: int = 0
    relaxed_precision: int = 0
    type_match: int = 0  # over the relaxed-matched gold timexes
    value_match: int = 0
    wrong: list[tuple[str, str, str, str]] = field(default_factory=list)  # (doc, text, gold, predicted)


def run(gold: Path, out: Path, settings: Settings, *, progress: Progress | None = None,
        postprocess: Postprocess | None = None) -> EvalReport:
    """Find and normalise time expressions in each TEXT against its DCT; score with TempEval-3's rules."""
    docs = load_gold(gold)
    counts = Counts()
    with PredictionWriter(out) as writer:
        for doc in ticking(docs, progress):
            predicted = [Span(t.start, t.end, t.type, t.value) for t in find_timexes(doc.text, doc.dct)]
            writer.write({"doc": doc.name, "timexes": [
                {"start": s.start, "end": s.end, "text": doc.text[s.start:s.end], "type": s.type, "value": s.value}
                for s in predicted]})
            score_document(doc, predicted, counts)
    notes = [
        ("TempEval-3 entity scoring: relaxed match = any overlap, strict = same extent; type and value accuracy "
        "over relaxed-matched gold timexes; value_f1 = value accuracy x relaxed F1 (the scorer's 'Attribute F1')"),
        "the DCT timex (functionInDocument=CREATION_TIME) is outside TEXT and scored by neither side",
        "no baseline system is run for this task (HeidelTime reports value F1 77.6 on the TempEval-3 test set)",
    ]
    if postprocess is not None:
        notes.append("postprocess is not applied: predictions are offsets into the gold text")
    return EvalReport("timex", len(docs), scores(counts), notes)


def load_gold(gold: Path) -> list[GoldDoc]:
    """Every .tml file under the folder; GoldError when there are none or one cannot be read."""
    folder = require_folder(gold, LAYOUT)
    files = sorted(folder.rglob("*.tml"))
    if not files:
        raise GoldError(f"{folder} holds no .tml files; expected {LAYOUT}.")
    return [read_tml(path) for path in files]


def read_tml(path: Path) -> GoldDoc:
    """Text of TEXT ("".join(itertext())), its TIMEX3 spans, and the DCT value."""
    try:
        root = etree.parse(str(path), _PARSER).getroot()
    except (OSError, etree.XMLSyntaxError) as e:
        raise GoldError(f"cannot read TimeML file {path}: {e}") from e
    text_el = root.find(".//TEXT")
    if text_el is None:
        raise GoldError(f"{path} has no TEXT element; expected {LAYOUT}.")
    dct = None
    for t in root.iterfind(".//DCT//TIMEX3"):
        dct = t.get("value")
    if dct is None:
        for t in root.iter("TIMEX3"):
            if t.get("functionInDocument") == "CREATION_TIME":
                dct = t.get("value")
    parts: list[str] = []
    spans: list[Span] = []
    _walk(text_el, parts, spans, top=True)
    return GoldDoc(path.name, "".join(parts), dct, spans)


def _walk(el: etree._Element, parts: list[str], spans: list[Span], top: bool = False) -> None:
    start = sum(map(len, parts))
    parts.append(el.text or "")
    for child in el:
        _walk(child, parts, spans)
    if el.tag == "TIMEX3" and el.get("functionInDocument") != "CREATION_TIME":
        spans.append(Span(start, sum(map(len, parts)), el.get("type", ""), el.get("value", "")))
    if not top:
        parts.append(el.tail or "")


def score_document(doc: GoldDoc, predicted: Iterable[Span], counts: Counts) -> None:
    """Add one document's matches to the tallies (each gold timex paired with its most-overlapping prediction)."""
    system = list(predicted)
    counts.gold += len(doc.timexes)
    counts.system += len(system)
    for g in doc.timexes:
        overlapping = [s for s in system if s.start < g.end and g.start < s.end]
        if not overlapping:
            continue
        s = max(overlapping, key=lambda s: min(s.end, g.end) - max(s.start, g.start))
        counts.relaxed_recall += 1
        counts.strict_recall += (s.start, s.end) == (g.start, g.end)
        counts.type_match += s.type == g.type
        if s.value == g.value:
            counts.value_match += 1
        else:
            counts.wrong.append((doc.name, doc.text[g.start:g.end], g.value, s.value))
    for s in system:
        overlapping = [g for g in doc.timexes if s.start < g.end and g.start < s.end]
        counts.relaxed_precision += bool(overlapping)
        counts.strict_precision += any((g.start, g.end) == (s.start, s.end) for g in overlapping)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def scores(c: Counts) -> dict[str, float]:
    """Headline value_f1 first, then the scorer's other figures."""
    sp = c.strict_precision / c.system if c.system else 0.0
    sr = c.strict_recall / c.gold if c.gold else 0.0
    rp = c.relaxed_precision / c.system if c.system else 0.0
    rr = c.relaxed_recall / c.gold if c.gold else 0.0
    relaxed_f1 = _f1(rp, rr)
    value_acc = c.value_match / c.relaxed_recall if c.relaxed_recall else 0.0
    type_acc = c.type_match / c.relaxed_recall if c.relaxed_recall else 0.0
    return {
        "value_f1": value_acc * relaxed_f1, "type_f1": type_acc * relaxed_f1,
        "value_accuracy": value_acc, "type_accuracy": type_acc,
        "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": relaxed_f1,
        "strict_p": sp, "strict_r": sr, "strict_f1": _f1(sp, sr),
    }
