"""Dyad trends: cooperation and conflict per unordered actor pair and period (day, week, month), from merged events, ready to plot."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

PERIODS = ("day", "week", "month", "year")
COOPERATION = frozenset({1, 2})  # PLOVER quad classes: verbal and material cooperation
CONFLICT = frozenset({3, 4})     # verbal and material conflict


@dataclass(slots=True)
class DyadPoint:
    """One pair in one period. The pair is unordered (a, b sorted by id): who acted on whom is
    not kept, so "A attacked B" and "B attacked A" add to the same line."""

    a: str
    b: str
    a_name: str
    b_name: str
    period: str                 # "2021-10-02", "2021-W39" (ISO week), "2021-10", "2021"
    events: int = 0
    cooperation: int = 0
    conflict: int = 0
    quad: dict[int, int] = field(default_factory=lambda: {1: 0, 2: 0, 3: 0, 4: 0})
    intensity_sum: float = 0.0
    sources: int = 0            # summed num_sources of the merged events (how much reporting)

    @property
    def intensity_mean(self) -> float:
        return self.intensity_sum / self.events if self.events else 0.0

    def record(self) -> dict:
        return {"a": self.a, "b": self.b, "a_name": self.a_name, "b_name": self.b_name, "period": self.period,
                "events": self.events, "cooperation": self.cooperation, "conflict": self.conflict,
                "verbal_coop": self.quad[1], "material_coop": self.quad[2], "verbal_conflict": self.quad[3],
                "material_conflict": self.quad[4], "intensity_sum": round(self.intensity_sum, 3),
                "intensity_mean": round(self.intensity_mean, 3), "sources": self.sources}


def period_of(day: str, by: str) -> str:
    """The period label of an ISO day."""
    d = date.fromisoformat(day[:10])
    if by == "day":
        return d.isoformat()
    if by == "week":
        y, w, _ = d.isocalendar()
        return f"{y}-W{w:02d}"
    if by == "month":
        return d.strftime("%Y-%m")
    if by == "year":
        return str(d.year)
    raise ValueError(f"Unknown period {by!r}; use one of {', '.join(PERIODS)}.")


def _level_key(p: dict, level: str) -> tuple[str, str] | None:
    if level == "country":
        return (p["country"], p["country"]) if p.get("country") else None
    return (p["entity_id"], p.get("name") or p["entity_id"]) if p.get("entity_id") else None


def pairs_of(row: dict, level: str = "entity") -> list[tuple[tuple[str, str], tuple[str, str]]]:
    """Unordered pairs of a merged event: each actor with each recipient, or the actors among
    themselves when there is no recipient (a clash, a meeting reported as "A and B met")."""
    actors = [k for k in (_level_key(p, level) for p in row["actors"]) if k]
    recipients = [k for k in (_level_key(p, level) for p in row["recipients"]) if k]
    if recipients:
        raw = [(x, y) for x in actors for y in recipients]
    else:
        raw = [(x, y) for i, x in enumerate(actors) for y in actors[i + 1:]]
    out = {}
    for x, y in raw:
        if x[0] != y[0]:
            pair = (x, y) if x[0] < y[0] else (y, x)
            out[(pair[0][0], pair[1][0])] = pair
    return list(out.values())


def dyad_trends(rows: Iterable[dict], by: str = "month", level: str = "entity",
                actors: tuple[str, ...] = ()) -> list[DyadPoint]:
    """Per pair and period counts and intensities of asserted merged events (each merged event
    counts once, however many articles reported it). `actors` keeps pairs naming each given id,
    name or country code. Rows are sorted by pair, then period."""
    if by not in PERIODS:
        raise ValueError(f"Unknown period {by!r}; use one of {', '.join(PERIODS)}.")
    wanted = [a.casefold() for a in actors]
    points: dict[tuple[str, str, str], DyadPoint] = {}
    for row in rows:
        day = row.get("date") or row.get("date_start")
        if not day or row.get("modality", "asserted") != "asserted":
            continue
        for (a, a_name), (b, b_name) in pairs_of(row, level):
            names = {a.casefold(), b.casefold(), a_name.casefold(), b_name.casefold()}
            if not all(w in names for w in wanted):
                continue
            key = (a, b, period_of(day, by))
            pt = points.get(key)
            if pt is None:
                pt = points[key] = DyadPoint(a, b, a_name, b_name, key[2])
            quad = int(row["quad_class"])
            pt.events += 1
            pt.cooperation += quad in COOPERATION
            pt.conflict += quad in CONFLICT
            pt.quad[quad] = pt.quad.get(quad, 0) + 1
            pt.intensity_sum += float(row["intensity"])
            pt.sources += int(row.get("num_sources") or 1)
    return sorted(points.values(), key=lambda p: (p.a, p.b, p.period))


def store_dyads(conn, by: str = "month", level: str = "entity", actors: tuple[str, ...] = (),
                date_from: str | None = None, date_to: str | None = None) -> list[DyadPoint]:
    """dyad_trends over the merged events of a store."""
    from ..store.stories import MergedFilter, merged_rows

    return dyad_trends(merged_rows(conn, MergedFilter(date_from=date_from, date_to=date_to)), by, level, actors)


def dyad_frame(points: Iterable[DyadPoint]) -> Iterator[dict]:
    """Long-format rows (one per pair and period) for pandas: pd.DataFrame(dyad_frame(points))."""
    for p in points:
        yield p.record()


__all__ = ["PERIODS", "DyadPoint", "dyad_frame", "dyad_trends", "pairs_of", "period_of", "store_dyads"]
