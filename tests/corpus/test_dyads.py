"""Dyad trends: cooperation and conflict per unordered actor pair and period, each merged event counted once."""
from __future__ import annotations

import pytest

from tidings.corpus.dyads import dyad_trends, pairs_of, period_of

PAK = {"entity_id": "cty:PAK", "name": "Pakistan", "country": "PAK", "sector": "GOV"}
TAL = {"entity_id": "grp:taliban", "name": "Taliban", "country": "AFG", "sector": "GOV"}
TJK = {"entity_id": "cty:TJK", "name": "Tajikistan", "country": "TJK", "sector": "GOV"}


def row(date, quad, intensity, actors, recipients=(), sources=1, modality="asserted"):
    return {"date": date, "date_start": date, "quad_class": quad, "intensity": intensity, "actors": list(actors),
            "recipients": list(recipients), "num_sources": sources, "modality": modality}


ROWS = [
    row("2024-03-18", 4, -9.0, [PAK], [TAL], sources=3),    # air strikes (three outlets, one event)
    row("2024-03-19", 3, -3.0, [TAL], [PAK]),               # the Taliban condemn them: same unordered pair
    row("2024-03-25", 1, 2.5, [PAK, TAL]),                  # talks, both named as actors
    row("2024-04-02", 4, -9.0, [TAL, PAK]),                 # a border clash
    row("2024-04-03", 1, 2.5, [PAK], [TJK]),
    row("2024-04-04", 4, -9.0, [PAK], [TAL], modality="negated"),  # did not happen: left out
]


def test_monthly_counts_and_intensity_per_unordered_pair():
    points = {(p.a, p.b, p.period): p for p in dyad_trends(ROWS, by="month")}
    march = points[("cty:PAK", "grp:taliban", "2024-03")]
    assert (march.events, march.cooperation, march.conflict) == (3, 1, 2)
    assert march.intensity_sum == pytest.approx(-9.5)
    assert march.intensity_mean == pytest.approx(-9.5 / 3)
    assert march.record()["material_conflict"] == 1 and march.sources == 5
    april = points[("cty:PAK", "grp:taliban", "2024-04")]
    assert (april.events, april.conflict) == (1, 1)
    assert ("cty:PAK", "cty:TJK", "2024-04") in points


def test_actor_filter_weeks_and_country_level():
    weekly = dyad_trends(ROWS, by="week", actors=("Pakistan", "Taliban"))
    assert {p.period for p in weekly} == {"2024-W12", "2024-W13", "2024-W14"}
    countries = dyad_trends(ROWS, by="year", level="country")
    assert {(p.a, p.b) for p in countries} == {("AFG", "PAK"), ("PAK", "TJK")}


def test_periods_and_pairs():
    assert period_of("2021-10-03", "week") == "2021-W39"
    assert period_of("2021-10-03T13:23:00", "day") == "2021-10-03"
    with pytest.raises(ValueError):
        period_of("2021-10-03", "fortnight")
    assert pairs_of(row("2024-01-01", 1, 1.0, [PAK, PAK])) == []
