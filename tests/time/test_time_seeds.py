"""Time expressions on the seed articles in ../shared (skipped when it is absent)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tidings.time import find_timexes

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds"


def seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is absent")
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def values(prefix: str, dct: str | None) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for t in find_timexes(seed(prefix), dct):
        out.setdefault(t.text, set()).add(t.value)
    return out


def test_seed_000_on_sunday_is_the_dct():
    assert values("000", "2021-10-03")["Sunday"] == {"2021-10-03"}


def test_seed_001_saturday_sept_18_and_earlier_in_the_week():
    found = find_timexes(seed("001"), "2021-10-03")
    by_text = {t.text: t for t in found}
    assert by_text["Saturday"].value == "2021-10-02"
    assert by_text["Sept 18"].value == "2021-09-18"
    week = by_text["earlier in the week"]
    assert (week.value, week.date_start, week.date_end) == ("2021-W39", "2021-09-27", "2021-10-03")


def test_seed_002_tuesday_and_a_day_after():
    v = values("002", "2021-07-06")
    assert v["Tuesday"] == {"2021-07-06"}
    assert v["a day after"] == {"2021-07-05"}


def test_seed_004_late_last_year_found_but_unresolved_without_a_date():
    found = [t for t in find_timexes(seed("004"), None) if t.text == "late last year"]
    assert len(found) == 1
    assert (found[0].value, found[0].precision, found[0].date_start) == ("XXXX-XX-XX", "unknown", None)
