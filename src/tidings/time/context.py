"""What a time rule may look at besides its match: the anchor date, the sentence, its tense and earlier times."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

# Cheap tense cues: the cue nearest to a time expression in its sentence decides whether a bare
# weekday or month points back or forward. Future cues come first so "scheduled to" is future.
# An "-ed" past cue must be a lower-case word: "United" (States) is a name, not a verb.
_CUES = re.compile(
    r"(?P<future>\b(?:will|won't|shall|going\s+to|is\s+to|are\s+to|due\s+to|set\s+to|scheduled|expected\s+to"
    r"|plans?|planned|planning|intends?\s+to|to\s+be\s+held|would\s+be|upcoming|coming|from\s+now|as\s+soon\s+as"
    r"|until|till|payable|effective|expires?|through)\b|'ll\b)"
    r"|(?P<past>\b(?:was|were|had|did|said|says|ago|last|earlier)\b|\b(?-i:[a-z]\w{2,}ed)\b)",
    re.IGNORECASE,
)


# A cue after the expression counts as this many times further away than one before it: the verb
# that governs a time expression usually comes first (tuned on the TimeBank/AQUAINT dev half).
_AFTER_WEIGHT = 3


class NoAnchor(Exception):
    """Raised by a rule that needs the document date when there is none."""


@dataclass(slots=True)
class Context:
    """The surroundings of one candidate time expression."""

    text: str
    dct: date | None
    sentence: tuple[int, int] = (0, 0)
    ref: date | None = None  # day of the last day-precise time expression earlier in the same sentence
    last: str | None = None  # value of the last DATE expression earlier in the document
    last_day: date | None = None  # day of the last day-precise expression earlier in the document
    quarter: str | None = None  # the quarter a financial report is about: the last one named outright
    _cues: dict[tuple[int, int], list[tuple[int, int, str]]] = field(default_factory=dict)

    def anchor(self) -> date:
        """The document date, or NoAnchor."""
        if self.dct is None:
            raise NoAnchor
        return self.dct

    def reference(self) -> date:
        """The day a relative expression counts from: a day named earlier in the sentence, else the document date."""
        return self.ref if self.ref is not None else self.anchor()

    def before(self, start: int, n: int = 24) -> str:
        return self.text[max(self.sentence[0], start - n):start]

    def after(self, end: int, n: int = 24) -> str:
        return self.text[end:min(self.sentence[1], end + n)]

    def tense(self, start: int, end: int) -> str | None:
        """"future" or "past" from the nearest tense cue in the sentence; None when it has none."""
        cues = self._cues.get(self.sentence)
        if cues is None:
            s0, s1 = self.sentence
            cues = [(m.start(), m.end(), "future" if m.lastgroup == "future" else "past")
                    for m in _CUES.finditer(self.text, s0, s1)]
            self._cues[self.sentence] = cues
        best: tuple[int, str] | None = None
        for a, b, kind in cues:
            if b <= start:
                dist = start - b
            elif a >= end:
                dist = _AFTER_WEIGHT * (a - end)
            else:
                continue  # a cue inside the expression itself ("last", "later") is the rule's business
            if best is None or dist < best[0]:
                best = (dist, kind)
        return best[1] if best else None
