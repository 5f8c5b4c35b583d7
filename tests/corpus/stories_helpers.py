"""Shared builders for the merge and story tests: event mentions written for these tests."""
from __future__ import annotations

from pathlib import Path

from tidings.model.corpus import EventMention
from tidings.model.events import Party

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEEDS = SHARED / "corpus" / "seeds"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

KHAN = Party("per:imran-khan", "Imran Khan", "PAK", "GOV")
RAHMON = Party("per:emomali-rahmon", "Emomali Rahmon", "TJK", "GOV")
PUTIN = Party("per:vladimir-putin", "Vladimir Putin", "RUS", "GOV")
TJK_GOV = Party(None, "the Tajik government", "TJK", "GOV")

_n = 0


def mention(article: str, *, etype="CONSULT", mode=None, modality="asserted", actors=(KHAN,), recipients=(RAHMON,),
            date="2021-10-02", precision="day", source=None, outlet=None, cluster="cl-1", sentence="",
            copy=False, quad=1, intensity=2.5, place=None) -> EventMention:
    global _n
    _n += 1
    return EventMention(
        event_id=f"ev:{_n:016x}", article_id=article, cluster_id=cluster, source=source or f"outlet:{outlet or article}",
        outlet=outlet or article, event_type=etype, mode=mode, modality=modality, quad_class=quad,
        intensity=intensity, confidence=0.8, date=date, date_start=date, date_end=date, date_precision=precision,
        actors=tuple(actors), recipients=tuple(recipients), sentence=sentence or f"A sentence of {article}.",
        place=place, copy=copy)
