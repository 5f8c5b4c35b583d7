"""Split an article body into paragraphs of plain and highlighted pieces, for the template to escape."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..api import SNIPPET_CLOSE, SNIPPET_OPEN


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text; `mark` is the span dict (a mention, later an event or date) it highlights, or None."""

    text: str
    mark: dict | None = None


def pieces(body: str, spans: Iterable[dict]) -> list[list[Piece]]:
    """Paragraphs (split on blank lines) of pieces; spans are dicts with start/end offsets into body.
    Overlapping spans keep the first (earliest, then longest)."""
    ordered = sorted((s for s in spans if 0 <= s["start"] < s["end"] <= len(body)),
                     key=lambda s: (s["start"], -s["end"]))
    flat: list[Piece] = []
    at = 0
    for span in ordered:
        if span["start"] < at:
            continue
        if span["start"] > at:
            flat.append(Piece(body[at:span["start"]]))
        flat.append(Piece(body[span["start"]:span["end"]], span))
        at = span["end"]
    if at < len(body):
        flat.append(Piece(body[at:]))
    return _paragraphs(flat)


def _paragraphs(flat: list[Piece]) -> list[list[Piece]]:
    paras: list[list[Piece]] = [[]]
    for piece in flat:
        if piece.mark is not None:
            paras[-1].append(piece)
            continue
        parts = piece.text.split("\n\n")
        for i, part in enumerate(parts):
            if i:
                paras.append([])
            if part.strip("\n"):
                paras[-1].append(Piece(part.strip("\n") if len(parts) > 1 else part))
    return [p for p in paras if p]


def snippet_pieces(snippet: str) -> list[Piece]:
    """A search snippet with its «matches» as marked pieces (the marks themselves dropped)."""
    out: list[Piece] = []
    rest = snippet
    while SNIPPET_OPEN in rest:
        before, _, after = rest.partition(SNIPPET_OPEN)
        match, _, rest = after.partition(SNIPPET_CLOSE)
        if before:
            out.append(Piece(before))
        out.append(Piece(match, {"match": True}))
    if rest:
        out.append(Piece(rest))
    return out
