"""Records of the NLP layer: sentence spans and named-entity spans of one text."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Ent:
    """One named-entity span: character offsets into the analysed text, its label, the
    knowledge-base id when the entity ruler placed it ("" otherwise), and its normal form where
    the language inflects names ("Владимиром Путиным" -> "Владимир Путин"; "" otherwise)."""

    start: int
    end: int
    text: str
    label: str
    kb_id: str = ""
    normal: str = ""


@dataclass(slots=True)
class Analysis:
    """What the NLP layer found in one text: sentence spans and entities (both char offsets)."""

    sentences: list[tuple[int, int]] = field(default_factory=list)
    ents: list[Ent] = field(default_factory=list)

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding `offset` (the last one starting at or before it)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid][0] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo
