"""Merged events: event mentions of many articles that report one happening become one record with its sources, best date and contradictions."""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..config import Settings
from ..model.corpus import EventMention, EventPlace, MergedRecord
from ..model.events import Party
from ..store import Store
from ..store.stories import (
    delete_merged,
    merge_candidates,
    merged_members,
    pending_articles,
    pending_mentions,
    set_merged_id,
    stale_merged,
    write_merged,
)

# --- When two mentions report the same event ----------------------------------------------------
# Types whose two sides can be told in either order ("Khan called Rahmon" = "Rahmon spoke with
# Khan"; a clash has two attackers): a mention may match a merged event with its sides swapped.
RECIPROCAL_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE", "ASSAULT"})
# Modes the coder gives when it knows no better: compatible with any more specific mode.
GENERIC_MODES = frozenset({None, "", "meet"})
# A date taken from the article's publication (no date in the sentence) may be this many days
# off the event: the demo corpus reports a Tuesday meeting in Wednesday's paper, and a call of
# Saturday 2 October 2021 in a paper of 3 October.
ARTICLE_DATE_WINDOW_DAYS = 2
# Two explicit days this far apart may still be one event when both articles are in one
# same-event cluster: the outlets then disagree on the date (Saturday vs Sunday in the demo
# corpus and the seeds). Across clusters explicit days must be equal.
CONFLICTING_DAYS = 1
# Across clusters a mention joins a merged event only with this many shared parties (a dyad)
# and the same day ("strong evidence": same dyad, type and day).
CROSS_CLUSTER_SHARED = 2
# Days either side of a mention's dates within which merged events are fetched from the store as
# candidates: the widest window any date rule above accepts, plus one.
CANDIDATE_WINDOW_DAYS = max(ARTICLE_DATE_WINDOW_DAYS, CONFLICTING_DAYS) + 1

# --- Contradictions ------------------------------------------------------------------------------
# Two numbers attached to the same noun disagree when the larger exceeds the smaller by more than
# a factor: the merge_number_tolerance setting (tidings.config, where its tuning is noted).
# Two event places disagree when both are towns (not countries) this far apart.
PLACE_CONFLICT_KM = 100.0
# Modes with no meaningful place (the call's place is where each caller sat).
PLACELESS_MODES = frozenset({"phone"})
# Only material acts (quad classes 2 and 4) and meetings have a place outlets can disagree on.
PLACED_QUADS = frozenset({2, 4})
PLACED_TYPES = frozenset({"CONSULT"})
# Words that may stand between a number and its noun ("20,000 military reservists").
_NUMBER = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(thousand|million|billion))?"
    r"((?:[\s-]+[A-Za-z][A-Za-z'’-]*){1,3})")
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
_STOP_AFTER_NUMBER = frozenset(["to", "of", "in", "on", "at", "from", "for", "and", "or", "by", "with", "who", "that", "which", "as", "than", "after", "before", "since", "per", "a", "an", "the", "were", "was", "is", "are", "had", "has", "have", "been", "be", "said", "says", "percent", "per", "cent"])
_MONTHS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])
_UNITS_SKIPPED = frozenset({"am", "pm", "gmt", "ist", "utc", "hours", "hour", "minutes", "minute", "years", "year",
                            "days", "day", "weeks", "week", "months", "month", "st", "nd", "rd", "th"})


@dataclass(slots=True)
class MergedState:
    """A merged event while the merger works: its member mentions."""

    id: str
    members: list[EventMention] = field(default_factory=list)

    @property
    def event_type(self) -> str:
        return self.members[0].event_type

    @property
    def clusters(self) -> set[str]:
        return {m.cluster_id for m in self.members if m.cluster_id}

    def sides(self) -> tuple[set[str], set[str]]:
        """Party keys on each side, members oriented as the first one."""
        actors, recipients = set(), set()
        for m in self.members:
            actors.update(p.key for p in m.actors)
            recipients.update(p.key for p in m.recipients)
        return actors, recipients

    def parties(self) -> list[Party]:
        seen: dict[str, Party] = {}
        for m in self.members:
            for p in (*m.actors, *m.recipients):
                seen.setdefault(p.key, p)
        return list(seen.values())


# ------------------------------------------------------------------------------------ matching


def _side_match(mine: tuple[Party, ...], theirs: list[Party]) -> tuple[str, int]:
    """How one side of a mention fits a side of a merged event: ('same', shared), ('open', 0)
    when either is empty, ('country', 0) when both are resolved but share only a country, else
    ('none', 0). An unresolved party fits a resolved one of the same country and sector."""
    if not mine or not theirs:
        return "open", 0
    keys = {p.key for p in theirs}
    shared = sum(1 for p in mine if p.key in keys)
    if not shared:
        loose = {(p.country, p.sector) for p in theirs}
        shared = sum(1 for p in mine if (p.entity_id is None or any(t.entity_id is None for t in theirs))
                     and p.country and (p.country, p.sector) in loose)
    if shared:
        return "same", shared
    if {p.country for p in mine if p.country} & {p.country for p in theirs if p.country}:
        return "country", 0
    return "none", 0


def _merged_sides(state: MergedState) -> tuple[list[Party], list[Party]]:
    actors: dict[str, Party] = {}
    recipients: dict[str, Party] = {}
    for m in state.members:
        for p in m.actors:
            actors.setdefault(p.key, p)
        for p in m.recipients:
            recipients.setdefault(p.key, p)
    return list(actors.values()), list(recipients.values())


def party_fit(m: EventMention, state: MergedState) -> tuple[int, bool] | None:
    """(shared parties, actor-side conflict) when the mention's parties fit the merged event, in
    its own order or (reciprocal types) swapped; None when they do not."""
    actors, recipients = _merged_sides(state)
    orders = [(m.actors, m.recipients)]
    if m.event_type in RECIPROCAL_TYPES:
        orders.append((m.recipients, m.actors))
    best = None
    for mine_a, mine_r in orders:
        (ka, na), (kr, nr) = _side_match(mine_a, actors), _side_match(mine_r, recipients)
        if "none" in (ka, kr) or (ka == "country" and kr == "country"):
            continue
        shared = na + nr
        if shared == 0:
            continue
        conflict = "country" in (ka, kr)
        if conflict and m.event_type in RECIPROCAL_TYPES:
            continue  # a clash or meeting with someone else is another event
        if best is None or shared > best[0]:
            best = (shared, conflict)
    if best is None and m.event_type in RECIPROCAL_TYPES:
        # both sides named as actors in one report and as actor -> recipient in another
        keys = {p.key for p in state.parties()}
        shared = sum(1 for p in (*m.actors, *m.recipients) if p.key in keys)
        if shared >= 2:
            best = (shared, False)
    return best


def mode_fit(m: EventMention, state: MergedState) -> bool:
    modes = {x.mode for x in state.members} - GENERIC_MODES
    return m.mode in GENERIC_MODES or not modes or m.mode in modes


def date_fit(m: EventMention, state: MergedState, same_cluster: bool) -> str | None:
    """'same' (same day or overlapping intervals), 'near' (explicit days a day apart, same
    cluster: a date contradiction), 'window' (a publication-date fallback close by), or None."""
    span = m.span
    others = [x for x in state.members if x.span is not None]
    stated = [x for x in others if x.explicit]
    if stated:  # the dates the articles state anchor the event; publication fallbacks only follow them
        others = stated
    if span is None or not others:
        return "same" if same_cluster else None
    best = None
    rank = {"same": 3, "window": 2, "near": 1}
    for x in others:
        lo, hi = x.span
        fit = None
        if m.day_level and x.day_level and m.explicit and x.explicit:
            gap = abs((span[0] - lo).days)
            fit = "same" if gap == 0 else ("near" if gap <= CONFLICTING_DAYS and same_cluster else None)
        elif not m.explicit or not x.explicit:
            fit = _fallback_fit(m, x)
        elif span[0] <= hi and lo <= span[1]:
            fit = "same" if (same_cluster or (m.day_level and x.day_level)) else None
        if fit and (best is None or rank[fit] > rank[best]):
            best = fit
    return best


def _fallback_fit(m: EventMention, x: EventMention) -> str | None:
    """A publication-date fallback reports something on or up to a few days before that date."""
    (mlo, mhi), (xlo, xhi) = m.span, x.span
    if m.explicit or x.explicit:
        pub, (lo, hi) = ((mhi, (xlo, xhi)) if not m.explicit else (xhi, (mlo, mhi)))
        if lo <= pub and (pub - hi).days <= ARTICLE_DATE_WINDOW_DAYS:
            return "same" if lo <= pub <= hi else "window"
        return None
    gap = max((xlo - mhi).days, (mlo - xhi).days, 0)
    return "same" if gap == 0 else ("window" if gap <= ARTICLE_DATE_WINDOW_DAYS else None)


def place_fit(m: EventMention, state: MergedState) -> bool:
    """Outlets that disagree on where something happened name towns in one country; towns in
    two countries are two events (seen on the demo corpus: Rahmon's calls from Dushanbe merged
    with an envoy's meeting in Moscow two days later)."""
    if not (m.place and m.place.town and m.place.country):
        return True
    countries = {x.place.country for x in state.members if x.place and x.place.town and x.place.country}
    return not countries or m.place.country in countries


def match_score(m: EventMention, state: MergedState) -> float | None:
    """How well a mention fits a merged event (higher is better), None when it does not fit."""
    if m.event_type != state.event_type or m.modality != state.members[0].modality or not mode_fit(m, state):
        return None
    if not place_fit(m, state):
        return None
    same_cluster = m.cluster_id is not None and m.cluster_id in state.clusters
    same_article = any(x.article_id == m.article_id for x in state.members)
    fit = party_fit(m, state)
    if fit is None:
        return None
    shared, _conflict = fit
    dfit = date_fit(m, state, same_cluster or same_article)
    if dfit is None:
        return None
    if not (same_cluster or same_article):
        strong = shared >= CROSS_CLUSTER_SHARED and dfit == "same" and m.day_level
        if not strong:
            return None
    return shared + {"same": 1.0, "window": 0.6, "near": 0.4}[dfit] + (1.0 if same_cluster else 0.0)


def best_match(m: EventMention, candidates: Iterable[MergedState]) -> MergedState | None:
    best, best_score = None, 0.0
    for state in candidates:
        s = match_score(m, state)
        if s is not None and s > best_score:
            best, best_score = state, s
    return best


def merge_mentions(mentions: Iterable[EventMention]) -> list[MergedState]:
    """Merge mentions in memory (arrival order decides, as in the store): for tests and small runs."""
    states: list[MergedState] = []
    for m in mentions:
        found = best_match(m, states)
        if found is None:
            found = MergedState("me:" + m.event_id.removeprefix("ev:"))
            states.append(found)
        found.members.append(m)
    return states


# ------------------------------------------------------------------------------------ the record


_PRECISION_RANK = {"datetime": 5, "day": 5, "week": 3, "month": 2, "interval": 2, "season": 1, "year": 1}


def _precision_rank(m: EventMention) -> int:
    base = _PRECISION_RANK.get((m.date_precision or "").split(":")[0].strip(), 0)
    return base if m.explicit else base - 1  # a publication-date fallback is less sure than a stated day


def best_date(members: list[EventMention]) -> EventMention | None:
    """The mention whose date most sources support (ties to the more precise, then to more
    mentions, then to the earlier date)."""
    dated = [m for m in members if m.date_start]
    if not dated:
        return None
    support: dict[tuple, set[str]] = defaultdict(set)
    count: Counter = Counter()
    for m in dated:
        key = (m.date, m.date_start, m.date_end)
        support[key].add(m.source)
        count[key] += 1
    best_precision: dict[tuple, int] = {}
    for m in dated:
        key = (m.date, m.date_start, m.date_end)
        best_precision[key] = max(best_precision.get(key, -9), _precision_rank(m))

    def rank(key: tuple) -> tuple:
        return (-len(support[key]), -best_precision[key], -count[key], key[1] or "")

    top = min(support, key=rank)
    return max((m for m in dated if (m.date, m.date_start, m.date_end) == top), key=_precision_rank)


def _orient(members: list[EventMention]) -> tuple[list[Party], list[Party]]:
    """Actors and recipients of the merged event: each party on the side most mentions put it."""
    side: dict[str, Counter] = defaultdict(Counter)
    first: dict[str, Party] = {}
    for m in members:
        for p in m.actors:
            side[p.key]["actor"] += 1
            first.setdefault(p.key, p)
        for p in m.recipients:
            side[p.key]["recipient"] += 1
            first.setdefault(p.key, p)
    # a tie goes the way the first mention that names a recipient puts it
    framing = next((m for m in members if m.recipients), None)
    framed_recipients = {p.key for p in framing.recipients} if framing else set()

    def is_recipient(k: str) -> bool:
        c = side[k]
        return c["recipient"] > c["actor"] or (c["recipient"] == c["actor"] and k in framed_recipients)

    actors = [first[k] for k in side if not is_recipient(k)]
    recipients = [first[k] for k in side if is_recipient(k)]
    return actors, recipients


def dyads_of(actors: list[Party], recipients: list[Party]) -> list[tuple[str, str]]:
    """Unordered pairs of resolved parties: actor x recipient, or among actors when none receives."""
    a_ids = [p.entity_id for p in actors if p.entity_id]
    r_ids = [p.entity_id for p in recipients if p.entity_id]
    pairs = {tuple(sorted((a, r))) for a in a_ids for r in r_ids if a != r}
    if not r_ids:
        pairs |= {tuple(sorted((a, b))) for i, a in enumerate(a_ids) for b in a_ids[i + 1:] if a != b}
    return sorted(pairs)


def build_record(state: MergedState, settings: Settings, summary: str = "") -> MergedRecord:
    """The merged record of a merged event's members (a pure function of them and the settings)."""
    members = state.members
    dated = best_date(members)
    actors, recipients = _orient(members)
    modes = Counter(m.mode for m in members if m.mode not in GENERIC_MODES)
    mode = modes.most_common(1)[0][0] if modes else next((m.mode for m in members if m.mode), None)
    articles = list(dict.fromkeys(m.article_id for m in members))
    sources = sorted({m.source for m in members})
    clusters = Counter(m.cluster_id for m in members if m.cluster_id)
    lead = _lead(members)
    return MergedRecord(
        id=state.id, event_type=state.event_type, mode=mode, modality=members[0].modality,
        quad_class=members[0].quad_class, intensity=members[0].intensity,
        date=dated.date if dated else None, date_start=dated.date_start if dated else None,
        date_end=dated.date_end if dated else None, date_precision=dated.date_precision if dated else None,
        cluster_id=clusters.most_common(1)[0][0] if clusters else None,
        actors=[p.record() for p in actors], recipients=[p.record() for p in recipients],
        article_ids=articles, num_articles=len(articles), num_sources=len(sources), sources=sources,
        contradictions=contradictions(members, settings.merge_number_tolerance),
        summary=summary or f"{lead.sentence} [{lead.article_id}]",
        text=lead.sentence, dyads=dyads_of(actors, recipients), n_members=len(members),
    )


def _lead(members: list[EventMention]) -> EventMention:
    """The mention that best reports the event: an original (not a copy), dated explicitly, surest."""
    return max(members, key=lambda m: (not m.copy, m.explicit, m.confidence, -len(m.sentence)))


# ------------------------------------------------------------------------------------ contradictions


def _per_source(members: list[EventMention], value_of) -> dict[str, tuple[object, EventMention]]:
    """One value per source (from its original article when it has one), sources in member order."""
    out: dict[str, tuple[object, EventMention]] = {}
    for m in sorted(members, key=lambda x: x.copy):
        v = value_of(m)
        if v is not None and m.source not in out:
            out[m.source] = (v, m)
    return out


def _side(field_name: str, seen: dict[str, tuple[object, EventMention]], show=str) -> dict | None:
    values = {v for v, _ in seen.values()}
    if len(values) < 2 or len(seen) < 2:
        return None
    return {"field": field_name, "values": [
        {"value": show(v), "article_id": m.article_id, "outlet": m.outlet or m.source, "text": m.sentence}
        for v, m in sorted(seen.values(), key=lambda vm: (str(vm[0]), vm[1].article_id))]}


def numbers_in(sentence: str) -> dict[str, float]:
    """Numbers attached to nouns in a sentence: {'reservist': 20000.0} ('20,000 military reservists')."""
    out: dict[str, float] = {}
    for m in _NUMBER.finditer(sentence):
        raw, scale, tail = m.group(1), m.group(2), m.group(3)
        before = sentence[max(0, m.start() - 12):m.start()].lower()
        if any(mon in before.split() for mon in _MONTHS):
            continue  # "July 6", "on 5 July 2021"
        value = float(raw.replace(",", "")) * _SCALE.get(scale or "", 1.0)
        if "," not in raw and "." not in raw and 1900 <= value <= 2100 and not scale:
            continue  # a year
        noun = _noun(re.findall(r"[A-Za-z][A-Za-z'’-]*", tail))
        if noun:
            out.setdefault(noun, value)
    return out


def _noun(words: list[str]) -> str | None:
    run = []
    for w in words:
        lw = w.lower()
        if lw in _STOP_AFTER_NUMBER:
            break
        run.append(lw)
    if not run or run[0] in _MONTHS or run[0] in _UNITS_SKIPPED:
        return None
    plural = next((w for w in run if w.endswith(("men", "people", "ren")) or (w.endswith("s") and len(w) > 3
                                                                              and not w.endswith("ss"))), None)
    word = (plural or run[0]).split("-")[-1]
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _number_conflicts(members: list[EventMention], tolerance: float) -> list[dict]:
    by_noun: dict[str, dict[str, tuple[float, EventMention]]] = defaultdict(dict)
    for m in sorted(members, key=lambda x: x.copy):
        for noun, value in numbers_in(m.sentence).items():
            by_noun[noun].setdefault(m.source, (value, m))
    out = []
    for noun, seen in sorted(by_noun.items()):
        values = [v for v, _ in seen.values()]
        if len(seen) >= 2 and max(values) > min(values) * tolerance:
            rec = _side(f"number:{noun}", seen, show=lambda v: f"{v:,.0f}" if float(v).is_integer() else str(v))
            if rec:
                out.append(rec)
    return out


def _km(a: EventPlace, b: EventPlace) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _place_conflict(members: list[EventMention]) -> dict | None:
    """Outlets placing a material act or a meeting in towns far apart (where a statement was
    made, or where each caller sat, is no contradiction)."""
    if any(m.mode in PLACELESS_MODES for m in members):
        return None
    if members[0].quad_class not in PLACED_QUADS and members[0].event_type not in PLACED_TYPES:
        return None
    seen = _per_source([m for m in members if m.place and m.place.town], lambda m: m.place.id)
    if len(seen) < 2:
        return None
    places = [m.place for _, m in seen.values()]
    far = any((_km(a, b) or (0.0 if a.country == b.country else PLACE_CONFLICT_KM + 1)) > PLACE_CONFLICT_KM
              for i, a in enumerate(places) for b in places[i + 1:])
    if not far:
        return None
    named = {s: (m.place.name, m) for s, (_, m) in seen.items()}
    return _side("place", named)


def _actor_conflict(members: list[EventMention]) -> dict | None:
    """Outlets naming different resolved actors for the same act (directed types only)."""
    if members[0].event_type in RECIPROCAL_TYPES:
        return None
    seen = _per_source([m for m in members if any(p.entity_id for p in m.actors)],
                       lambda m: tuple(sorted(p.name for p in m.actors if p.entity_id)))
    # Sides agree when they share an actor or a country: "Tajikistan" and "Armed Forces of
    # Tajikistan" name one state; "the Taliban" and "the TTP" do not.
    sides = [frozenset(p.entity_id for p in m.actors if p.entity_id) | frozenset(p.country for p in m.actors if p.country)
             for _, m in seen.values()]
    disjoint = any(not (a & b) for i, a in enumerate(sides) for b in sides[i + 1:])
    return _side("actor", seen, show=lambda v: ", ".join(v)) if disjoint else None


def contradictions(members: list[EventMention], number_tolerance: float) -> list[dict]:
    """Where the sources of one merged event disagree: date, numbers (the larger above the smaller
    times number_tolerance), place, actor. Each side cites one article per source (an original
    before its copies), its outlet and sentence."""
    out = []
    dated = _side("date", _per_source([m for m in members if m.explicit and m.day_level], lambda m: m.date[:10]))
    if dated:
        out.append(dated)
    out.extend(_number_conflicts(members, number_tolerance))
    for rec in (_place_conflict(members), _actor_conflict(members)):
        if rec:
            out.append(rec)
    return out


@dataclass(slots=True)
class MergeReport:
    """What one merge pass did."""

    mentions: int = 0       # event mentions placed
    created: int = 0        # new merged events
    joined: int = 0         # mentions that joined an existing merged event
    refreshed: int = 0      # merged events recomputed
    removed: int = 0        # merged events left without mentions (their articles were re-coded)


def load_merged(conn, merged_id: str) -> MergedState | None:
    """A stored merged event with its mentions (None when it has none left)."""
    members = merged_members(conn, merged_id)
    return MergedState(merged_id, members) if members else None


class _PassCache:
    """The merged events one merge pass has loaded or made, each loaded from the store once."""

    def __init__(self) -> None:
        self.states: dict[str, MergedState | None] = {}  # None: a stored merged event with no mentions
        self.rank: dict[str, int] = {}                    # when each id entered (a replaced state keeps it)

    def add(self, state: MergedState) -> MergedState:
        self.states[state.id] = state
        self.rank.setdefault(state.id, len(self.rank))
        return state

    def get(self, conn, merged_id: str) -> MergedState | None:
        if merged_id not in self.states:
            self.states[merged_id] = load_merged(conn, merged_id)
            self.rank.setdefault(merged_id, len(self.rank))
        return self.states[merged_id]

    def pool(self, conn, candidates: list[str], touched: set[str]) -> list[MergedState]:
        """The candidates a mention may join: the store's, then those its article already joined
        or made (in the order they entered the pass), each once, none without mentions."""
        pool = [self.get(conn, i) for i in candidates]
        seen = {s.id for s in pool if s is not None}
        pool += [self.states[i] for i in sorted(touched - seen, key=self.rank.__getitem__)]
        return [s for s in pool if s is not None and s.members]


def update_merged(store: Store, settings: Settings) -> MergeReport:
    """Place every event mention without a merged event, article by article in publication order,
    one transaction per article; recompute the merged events that changed. Rerunning does nothing.
    Runs after clustering (an article waits for its cluster: merging leans on it) and before the
    stories; settings.merge_number_tolerance decides number contradictions."""
    report = MergeReport()
    conn = store.connection
    cache = _PassCache()
    for article_id in pending_articles(conn):
        with store.transaction() as tx:
            touched: set[str] = set()
            for m in pending_mentions(tx, article_id):
                pool = cache.pool(tx, merge_candidates(tx, m, CANDIDATE_WINDOW_DAYS), touched)
                found = best_match(m, pool)
                if found is None:
                    found = cache.add(MergedState("me:" + m.event_id.removeprefix("ev:")))
                    report.created += 1
                else:
                    report.joined += 1
                found.members.append(m)
                set_merged_id(tx, m.event_id, found.id)
                touched.add(found.id)
                report.mentions += 1
            for mid in touched:
                record = build_record(cache.states[mid], settings)
                write_merged(tx, record)
                report.refreshed += 1
    with store.transaction() as tx:
        for mid in stale_merged(tx):
            state = load_merged(tx, mid)
            if state is None or not state.members:
                delete_merged(tx, mid)
                report.removed += 1
            else:
                write_merged(tx, build_record(state, settings))
                report.refreshed += 1
    return report


__all__ = [
    "MergeReport",
    "MergedState",
    "best_date",
    "best_match",
    "build_record",
    "contradictions",
    "dyads_of",
    "match_score",
    "merge_mentions",
    "numbers_in",
    "update_merged",
]
