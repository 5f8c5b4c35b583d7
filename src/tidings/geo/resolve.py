"""Toponym resolution: given the place-name spans of one text, pick each one's place jointly."""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from .gazetteer import ALIAS, ALTERNATE, NAME, Gazetteer, Match, Place, distance_km, norm

# Scores below were set on the GeoWebNews dev half (../shared/eval/geo/GWN.xml, 2,601 gold
# toponyms with coordinates) and checked on the hand-written sentences in tests/geo. The ones
# varied on that file are the fields of Weights, which `tidings eval geo --folds K` re-chooses
# inside each fold on the training articles only, so its cross-validated figure is not fitted.


@dataclass(frozen=True, slots=True)
class Weights:
    """The weights of resolve_places that were tuned on gold data; production uses the defaults.

    Each default is the middle of the grid `tidings eval geo --folds K` searches ({0.5x, 1x, 1.5x}
    of it, one weight at a time); see docs/benchmarks.md ("geo: cross-validated")."""

    # The first four were set on the GeoWebNews dev half, all 200 articles, one at a time (the
    # figures are fitted Acc@161 on that file); their cross-validated check is in docs/benchmarks.md.
    # The place lies in one of the article's countries: 0.5 / 1.0 / 1.5 gave 0.905 / 0.9035 / 0.900.
    context: float = 1.0
    # ... in a country another toponym of the text names or lies in: 0.4 / 0.7 / 1.0 gave
    # 0.904 / 0.9035 / 0.901.
    mentioned: float = 0.7
    # A national capital ("Washington" is the city, not the state): 0.5 / 1.0 / 1.5 gave
    # 0.902 / 0.9035 / 0.905.
    capital: float = 1.0
    # Scale of the nearness bonuses (_NEAR): 0.67x / 1x / 1.33x gave 0.895 / 0.9035 / 0.897.
    near: float = 1.0
    # A town or district inside a state, province or county the text names elsewhere ("N.J.",
    # "Bergen County"), and a division the text names again. As the default, 0.4 / 0.5 / 0.6 /
    # 0.8 / 1.0 gave a 5-fold cross-validated Acc@161 of 0.9066 / 0.9070 / 0.9066 / 0.9070 /
    # 0.9077 on the same file (the folds re-choosing every weight); 1.0 kept.
    division: float = 1.0
    # Scale of a town's population prior above 1,000 people (_prior); 1.0 is the prior as it was
    # set on the same file. As the default, 1.0 / 1.25 / 1.5 / 2.0 gave a cross-validated
    # Acc@161 of 0.9077 / 0.9062 / 0.9066 / 0.9031; 1.0 kept.
    population: float = 1.0

# An airport ranks below any town (1.6 at the least) of the same name: "Heathrow" is the airport
# only with evidence (the article's country, London nearby). Not tuned.
_AIRPORT_PRIOR = 1.5
# Point places: towns, districts and airports take the nearness bonuses.
_POINTS = ("city", "admin2", "airport")
# Prior of a feature class: a country, continent or first-level division outranks a
# same-named town; towns go by population (_city_prior).
_FEATURE_PRIOR = {"country": 5.0, "continent": 4.5, "region": 4.0, "sea": 4.0, "admin1": 2.6,
                  "admin2": 2.0, "airport": _AIRPORT_PRIOR}
_MATCH_PENALTY = 0.5  # per step of match quality (name, alias, alternate name, partial/fuzzy)
_CONTAINER_BONUS = 3.0  # "X, Y" / "X, near Y": the candidate fits Y
_CONTAINER_MISS = -1.0
_HINT_BONUS = 1.5  # "Takhar province": the candidate has the feature the head word names
# Nearness of a town or district to the places chosen for the other toponyms: (km, bonus),
# first that fits wins, scaled by Weights.near. A division gets the first bonus when another
# chosen place lies in it.
_NEAR = ((50.0, 1.2), (200.0, 0.8), (500.0, 0.4))
_FOCUS_KM = 161.0  # places this close count as support for a text's focus
_POOL = 8  # candidates per name that the first pass measures nearness to
_ROUNDS = 3  # joint passes: each pass re-scores against the previous pass's choices
_FUZZY_CUTOFF = 92  # rapidfuzz ratio for a misspelt name; below it names are too loosely alike
_FUZZY_MIN_LEN = 7
_MIN_TOWN = 15_000  # a partial or fuzzy match must reach a town at least this big (or a division)
_MAX_NAMED = 3  # a name of more counties than this ("Washington County") names none of them
_COUNTY_HEADS = frozenset({"county", "parish", "borough", "district"})
# Words after a state's or county's name that make the whole a river, a coast or a street.
_NOT_THE_DIVISION = frozenset({"river", "valley", "delta", "lake", "bay", "sound", "basin", "gulf",
                               "sea", "ocean", "mountains", "mountain", "range", "coast", "canyon",
                               "island", "islands", "street", "avenue", "road", "boulevard"})
# Lower-case toponyms that refer back to a division the text names.
_ANAPHORS = {"county": "admin2", "parish": "admin2", "borough": "admin2", "district": "admin2",
             "state": "admin1", "province": "admin1"}

PARTIAL = ALTERNATE + 1  # match quality of a sub-span, stripped or fuzzy match

# Head words after a name that say what kind of place it is.
_HEADS = {
    "province": "admin1", "state": "admin1", "governorate": "admin1", "region": "admin1",
    "oblast": "admin1", "prefecture": "admin1", "territory": "admin1", "emirate": "admin1",
    "district": "admin2", "county": "admin2", "agency": "admin2", "valley": "admin2",
    "city": "city", "town": "city", "village": "city", "capital": "city", "municipality": "city",
}
# Words that are place names somewhere ("Western", a Fijian division) but as a whole mention
# name no place, and never count as the known part of a longer name ("Royal Street").
_GENERIC_WORDS = """
north south east west northern southern eastern western central northeast northwest southeast
southwest middle upper lower greater new old great little royal state states city town village
street st road avenue square park center centre church chapel hall court house tower bank union
republic council university college school academy hospital airport station port bridge river
lake valley mountain mountains island islands beach bay harbor harbour county district province
region capitol congress parliament federal national international united royal saint holy
world cup club stadium arena market mall hotel inn embassy ministry office police army
side wing gate point grand
"""
_GENERIC = frozenset(_GENERIC_WORDS.split())
_GENERIC_CASED = frozenset(w.capitalize() for w in _GENERIC)
_PREFIXES = ("north", "northern", "south", "southern", "east", "eastern", "west", "western",
             "central", "greater", "upper", "lower", "northeast", "northwest", "southeast",
             "southwest", "northeastern", "northwestern", "southeastern", "southwestern")
# Last words of a street's name: a street named after a place is seldom in it.
_STREETS = frozenset({"street", "st", "avenue", "ave", "road", "rd", "lane", "drive", "boulevard",
                      "blvd", "highway", "parkway", "turnpike"})
_EXPANSIONS = (("st ", "saint "), ("mt ", "mount "), ("ft ", "fort "), ("saint ", "st "))
_AFTER = re.compile(r"\s*(,|\(|\bnear\b|,\s*near\b|,\s*outside\b|\boutside\b|\bin\b)\s*")
_CAPS = re.compile(r"[A-Z][\w.'’&-]*(?:\s+(?:of\s+|de\s+|al\s+)?[A-Z][\w.'’&-]*){0,3}")
_HEAD = re.compile(r"\s+(\w+)")


@dataclass
class _Toponym:
    """One span and what the text around it says about it."""

    start: int
    end: int
    key: str
    matches: list[Match]
    hint: str | None = None  # feature named by a head word
    within: list[Place] = field(default_factory=list)  # "X, Y": X lies in Y
    near: list[Place] = field(default_factory=list)  # "X, near Y"
    anaphor: str | None = None  # "the county": the feature of the division it refers to


@dataclass
class TextToponyms:
    """The spans of one text read against the gazetteer: everything resolve_places needs that
    does not depend on Weights or the context countries (read once, placed under many weights)."""

    toponyms: list[_Toponym]
    mentioned: Counter[str]  # countries the text names or its names lie in
    divisions: list[tuple[int, int, Place]]  # (start, end, division) the text names, in text order


def resolve_places(text: str, spans: Sequence[tuple[int, int]], *, gazetteer: Gazetteer,
                   context_countries: Sequence[str] = (), weights: Weights | None = None) -> list[Place | None]:
    """The place of each (start, end) span of text, or None when the name is unknown.

    Disambiguated jointly: the article's countries (ISO3 or ISO2), the countries other spans
    name, the states, provinces and counties the text names, nearness to the places chosen for
    the other spans, "X, Y" and "X, near Y", head words ("Takhar province"), feature class and
    population, and exact names over aliases and fuzzy ones. "the county" / "the state" take the
    county or state the text names. weights: the tuned weights (default: Weights()).
    """
    read = read_toponyms(text, spans, gazetteer=gazetteer)
    return place_toponyms(read, gazetteer=gazetteer, context_countries=context_countries, weights=weights)


def read_toponyms(text: str, spans: Sequence[tuple[int, int]], *, gazetteer: Gazetteer) -> TextToponyms:
    """Candidates of each span and what the text around it says (the first half of resolve_places)."""
    gaz = gazetteer
    toponyms = [_toponym(gaz, text, s, e) for s, e in spans]
    by_start = {t.start: t for t in toponyms}
    for t in toponyms:
        _read_surroundings(gaz, text, t, by_start)
    divisions = divisions_in_text(text, gaz) if toponyms else []
    counties: dict[str, list[Place]] = {}
    for _, _, p in divisions:
        if p.feature == "admin2" and (words := norm(p.name).split())[-1] in _COUNTY_HEADS:
            counties.setdefault(" ".join(words[:-1]), []).append(p)
    for t in toponyms:
        if t.anaphor:
            t.matches = _anaphor_matches(t, divisions)
        elif t.key in counties:  # "Suffolk" in a text that names Suffolk County
            known = {m.place for m in t.matches}
            t.matches += [Match(p, NAME) for p in counties[t.key] if p not in known]
    return TextToponyms(toponyms, _mentioned_countries(toponyms), divisions)


def place_toponyms(read: TextToponyms, *, gazetteer: Gazetteer, context_countries: Sequence[str] = (),
                   weights: Weights | None = None) -> list[Place | None]:
    """The second half of resolve_places: each span's place under the weights, chosen jointly."""
    gaz, w = gazetteer, weights or Weights()
    context = {gaz.iso3(c) or c for c in context_countries}
    toponyms = read.toponyms
    scoring = [_Scoring(context, read.mentioned, gaz.capitals, w, *_named(read.divisions, t))
               for t in toponyms]
    # First pass: nearness to any likely candidate of the other names; later passes: to their choices.
    chosen: list[Place | None] = [None] * len(toponyms)
    pools = [_pool(t) for t in toponyms]
    for t_index, t in enumerate(toponyms):
        others = [p for j, pool in enumerate(pools) if toponyms[j].key != t.key for p in pool]
        chosen[t_index] = _pick(t, others, scoring[t_index])
    for _ in range(_ROUNDS - 1):
        chosen = [_choose(t, i, toponyms, chosen, scoring[i]) for i, t in enumerate(toponyms)]
    # "the county" with no county named in the text: the county of the first town placed.
    for i, t in enumerate(toponyms):
        if t.anaphor and chosen[i] is None:
            chosen[i] = _division_of_towns(gaz, t.anaphor, chosen)
    return chosen


@dataclass(frozen=True, slots=True)
class _Scoring:
    """What a candidate of one span is scored against."""

    context: set[str]
    mentioned: Counter[str]
    capitals: set[tuple[str, str]]
    weights: Weights
    admin1: frozenset[tuple[str, str | None]]  # (country, admin1) the text names outside the span
    admin2: frozenset[tuple[str, str | None, str | None]]  # (country, admin1, admin2) likewise


def _named(divisions: list[tuple[int, int, Place]], t: _Toponym) -> tuple[frozenset, frozenset]:
    """The divisions the text names outside the span."""
    outside = [p for s, e, p in divisions if e <= t.start or s >= t.end]
    return (frozenset((p.country, p.admin1) for p in outside if p.feature == "admin1"),
            frozenset((p.country, p.admin1, p.admin2) for p in outside if p.feature == "admin2"))


def _toponym(gaz: Gazetteer, text: str, start: int, end: int) -> _Toponym:
    surface = text[start:end] if 0 <= start < end <= len(text) else ""
    t = _Toponym(start, end, norm(surface), [])
    if not surface.strip():
        return t
    if t.key in _ANAPHORS and (surface.islower() or surface[:4].casefold() == "the "):
        t.anaphor = _ANAPHORS[t.key]  # "the county", "The state": the one the text names
        return t
    if surface.islower():
        return t  # "the border", "city": not a name
    t.matches, t.hint = lookup(gaz, surface)
    return t


def divisions_in_text(text: str, gaz: Gazetteer) -> list[tuple[int, int, Place]]:
    """The states, provinces and counties a text names, with their spans, in text order: whole
    names ("New Jersey", "Bergen County") and AP abbreviations ("N.J."). Left out: a name that is
    also a country ("Georgia") or a national capital ("Washington"), and one that names more than
    _MAX_NAMED divisions ("Washington County")."""
    out: list[tuple[int, int, Place]] = []
    for m in _CAPS.finditer(text):
        words = [(w.start() + m.start(), w.end() + m.start()) for w in re.finditer(r"\S+", m.group(0))]
        i = 0
        while i < len(words):
            for n in range(len(words) - i, 0, -1):
                s, e = words[i][0], words[i + n - 1][1]
                phrase = text[s:e].rstrip(",;:'’")
                if n == 1 and phrase.rstrip(".") in _GENERIC_CASED:
                    continue
                found = [x for x in gaz.matches(phrase) if x.quality <= ALIAS]
                if not found:
                    continue
                after = text[words[i + n][0]:words[i + n][1]].casefold() if i + n < len(words) else ""
                if after.rstrip(".,;:'’s") not in _NOT_THE_DIVISION:  # "the Ohio River" names no state
                    out.extend((s, s + len(phrase), p) for p in _named_divisions(gaz, phrase, found))
                i += n
                break
            else:
                i += 1
    return out


def _named_divisions(gaz: Gazetteer, phrase: str, found: list[Match]) -> list[Place]:
    """The divisions a name names for certain: a county only by its head word ("Bergen County",
    not "Kent"); a state or province only when it outweighs every other place of that name by
    prior, then population ("Florida" is the US state, not the town in Cuba; "Gulf" is a sea);
    never a country or a national capital's name."""
    key = norm(phrase)
    if any(x.place.feature == "country" or (x.place.country, key) in gaz.capitals for x in found):
        return []
    words = key.split()
    if len(words) > 1 and words[-1] in _COUNTY_HEADS:
        counties = [x.place for x in found if x.place.feature == "admin2" and x.quality == NAME]
        return counties if len(counties) <= _MAX_NAMED else []
    best = max(found, key=lambda x: (_prior(x.place), x.place.population or 0))
    keep = best.place.feature == "admin1" and best.quality == NAME and best.place.population
    return [best.place] if keep else []


def _anaphor_matches(t: _Toponym, divisions: list[tuple[int, int, Place]]) -> list[Match]:
    """"the county": the county named last before it, else first after it (each county of that
    name a candidate: "Walker County" is in three states, and the text's state decides)."""
    kind = [(s, p) for s, _, p in divisions if p.feature == t.anaphor]
    before = [s for s, _ in kind if s < t.start]
    at = before[-1] if before else (kind[0][0] if kind else None)
    return [Match(p, NAME) for s, p in kind if s == at]


def _division_of_towns(gaz: Gazetteer, feature: str, chosen: list[Place | None]) -> Place | None:
    for p in chosen:
        if p is None or p.feature != "city" or not p.admin1:
            continue
        if feature == "admin1":
            return gaz.admin1.get((p.country, p.admin1))
        if p.admin2:
            return gaz.admin2.get((p.country, p.admin1, p.admin2))
    return None


def lookup(gaz: Gazetteer, surface: str) -> tuple[list[Match], str | None]:
    """Candidates of a name, trying in turn: the name; it without a head word ("Takhar province")
    or a compass prefix ("northern Syria"); spelling expansions; its longest known sub-span
    ("Dubai World Cup"); a close spelling. Returns the matches and the feature a head word names."""
    key = norm(surface)
    if key in _GENERIC:
        return [], None
    found = _acronym_filter(surface, gaz.matches(surface))
    if found:
        return found, None
    words = key.split()
    hint = _HEADS.get(words[-1]) if len(words) > 1 else None
    if hint:
        found = gaz.matches(" ".join(words[:-1]))
        if found:
            return found, hint
    for short, long in _EXPANSIONS:
        if key.startswith(short) and (found := gaz.matches(long + key[len(short):])):
            return found, hint
    if len(words) > 1 and words[0] in _PREFIXES and (found := _known(gaz, words[1:])):
        return _demote(found), hint
    if len(words) > 1 and words[-1] in _STREETS:
        return [], hint  # "Hampton Avenue" is named after Hampton, not in it
    return _demote(_sub_span(gaz, words) or _fuzzy(gaz, key)), hint


def _acronym_filter(surface: str, found: list[Match]) -> list[Match]:
    """"EU", "U.S.": an acronym names no town spelt in lower case ("Eu", "Us")."""
    letters = surface.replace(".", "").replace(" ", "")
    if not (letters.isupper() and len(letters) <= 4):
        return found
    return [m for m in found if m.place.feature not in ("city", "admin2") or m.place.name.isupper()
            or m.quality != 0]


def _demote(matches: list[Match]) -> list[Match]:
    return [Match(m.place, PARTIAL) for m in matches]


def _sub_span(gaz: Gazetteer, words: list[str]) -> list[Match]:
    """The place a longer name is built on: its longest known leading run of words ("Dubai World
    Cup", "Toronto police"), or what follows "of" ("Bank of England", "University of Alberta")."""
    if "of" in words[1:]:
        tail = words[len(words) - words[::-1].index("of"):]
        found = _known(gaz, tail)
        if found:
            return found
    for n in range(len(words) - 1, 0, -1):
        found = _known(gaz, words[:n])
        if found:
            return found
    return []


def _known(gaz: Gazetteer, words: list[str]) -> list[Match]:
    if not words or all(w in _GENERIC for w in words) or len(" ".join(words)) < 4:
        return []
    found = [m for m in gaz.matches(" ".join(words)) if m.quality < ALTERNATE and m.place.feature != "airport"]
    return found if any(_notable(m.place) for m in found) else []


def _notable(p: Place) -> bool:
    """A place a partial or fuzzy match may reach: no airport ("Camp Murray" is not the airport
    whose short name is "Camp"), no town under _MIN_TOWN people."""
    if p.feature == "airport":
        return False
    return p.feature != "city" or (p.population or 0) >= _MIN_TOWN


def _fuzzy(gaz: Gazetteer, key: str) -> list[Match]:
    if len(key) < _FUZZY_MIN_LEN:
        return []
    keys = gaz.names_by_initial().get(key[0], [])
    best = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=_FUZZY_CUTOFF)
    return [m for m in gaz.matches(best[0]) if _notable(m.place)] if best else []


def _read_surroundings(gaz: Gazetteer, text: str, t: _Toponym, by_start: dict[int, _Toponym]) -> None:
    """Head word after the name, and the place of "X, Y" / "X (Y)" / "X, near Y"."""
    head = _HEAD.match(text, t.end)
    if head and not t.hint:
        t.hint = _HEADS.get(head.group(1).casefold())
    after = _AFTER.match(text, t.end)
    if not after:
        return
    word = after.group(1)
    other = by_start.get(after.end())
    if other is not None:
        places = [m.place for m in other.matches if m.quality <= ALIAS]
    else:
        caps = _CAPS.match(text, after.end())
        places = _phrase_places(gaz, caps.group(0)) if caps else []
    places = [p for p in places if p.feature in ("country", "admin1", "admin2", "city")]
    if "near" in word or "outside" in word:
        t.near = places
    elif word in (",", "("):  # "X in Y" is left alone: "in" also heads times and events
        t.within = places


def _phrase_places(gaz: Gazetteer, phrase: str) -> list[Place]:
    words = phrase.split()
    for n in range(len(words), 0, -1):
        found = [m.place for m in gaz.matches(" ".join(words[:n])) if m.quality <= ALIAS]
        if found:
            return found
    return []


def _mentioned_countries(toponyms: list[_Toponym]) -> Counter[str]:
    """Countries the text names outright, and those of names with a single country among their candidates."""
    counts: Counter[str] = Counter()
    for t in toponyms:
        countries = {m.place.country for m in t.matches if m.quality <= ALIAS and m.place.country}
        named = [m.place.country for m in t.matches if m.place.feature == "country" and m.quality <= ALIAS]
        if named:
            counts[named[0]] += 1
        elif len(countries) == 1:
            counts[next(iter(countries))] += 1
    return counts


def _pool(t: _Toponym) -> list[Place]:
    """The likeliest towns and districts a name may be, by prior, for the first pass's nearness."""
    ranked = sorted((m for m in t.matches if m.place.feature in _POINTS),
                    key=lambda m: _prior(m.place) - _MATCH_PENALTY * m.quality, reverse=True)
    return [m.place for m in ranked[:_POOL]]


def _choose(t: _Toponym, i: int, toponyms: list[_Toponym], chosen: list[Place | None],
            scoring: _Scoring) -> Place | None:
    others = [p for j, p in enumerate(chosen)
              if p is not None and j != i and toponyms[j].key != t.key
              and p.feature in (*_POINTS, "admin1")]
    return _pick(t, others, scoring)


def _pick(t: _Toponym, others: list[Place], scoring: _Scoring) -> Place | None:
    if not t.matches:
        return None
    own = Counter({m.place.country for m in t.matches if m.place.feature == "country"})
    mentioned = scoring.mentioned - own
    best = max(t.matches, key=lambda m: _score(m, t, scoring, mentioned, others))
    return best.place


def _score(m: Match, t: _Toponym, scoring: _Scoring, mentioned: Counter[str], others: list[Place]) -> float:
    p, w = m.place, scoring.weights
    score = _prior(p, w.population) - _MATCH_PENALTY * m.quality
    if p.feature == "city" and (p.country, norm(p.name)) in scoring.capitals:
        score += w.capital
    if p.country and p.country in scoring.context:
        score += w.context
    if p.country and mentioned.get(p.country):
        score += w.mentioned
    if t.hint and p.feature == t.hint:
        score += _HINT_BONUS
    if t.within:
        score += _CONTAINER_BONUS if any(_inside(p, c) for c in t.within) else _CONTAINER_MISS
    if t.near:
        score += _CONTAINER_BONUS if any(_close(p, c, 150.0) for c in t.near) else _CONTAINER_MISS
    if p.feature in ("city", "admin2", "admin1") and (p.country, p.admin1) in scoring.admin1:
        score += w.division
    if p.admin2 and (p.country, p.admin1, p.admin2) in scoring.admin2:
        score += w.division
    if others:
        score += w.near * _nearness(p, others)
    return score


def _nearness(p: Place, others: list[Place]) -> float:
    """Bonus for lying near the other places: a division that holds one of them; a town or
    district inside a division chosen for another name, a county holding a chosen town, or
    close to another town."""
    top = _NEAR[0][1]
    if p.feature == "admin1":
        inside = any(o.country == p.country and o.admin1 == p.admin1 and o.feature != "admin1" for o in others)
        return top if inside else 0.0
    if p.feature not in _POINTS:
        return 0.0
    if p.admin1 and any(o.feature == "admin1" and o.admin1 == p.admin1 and o.country == p.country
                        for o in others):
        return top
    if p.admin2 and any(o.admin2 == p.admin2 and o.admin1 == p.admin1 and o.country == p.country
                        and o is not p and "city" in (o.feature, p.feature) for o in others):
        return top  # a county that holds another chosen town, or a town in a chosen county
    towns = [o for o in others if o.feature != "admin1" and o is not p]  # "Riverdale Lukoil" is no evidence for Riverdale
    if not towns:
        return 0.0
    d = min(distance_km(p.lat, p.lon, o.lat, o.lon) for o in towns)
    return next((bonus for limit, bonus in _NEAR if d < limit), 0.0)


def _prior(p: Place, population: float = 1.0) -> float:
    if p.feature == "city":
        # 1,000 people -> 1.6, 100,000 -> 2.27, a million -> 2.6 (a division's prior), 10 million
        # -> 2.93; population scales the part above 1,000 people (Weights.population)
        return 1.6 + population * (math.log10(max(p.population or 1000, 1000)) - 3) / 3
    return _FEATURE_PRIOR.get(p.feature, 1.0)


def _inside(p: Place, c: Place) -> bool:
    if p is c or p.country != c.country:
        return False
    if c.feature == "country":
        return True
    if c.feature == "admin1":
        return p.admin1 == c.admin1 and p.feature != "admin1"
    return _close(p, c, 100.0)


def _close(p: Place, c: Place, km: float) -> bool:
    return p is not c and distance_km(p.lat, p.lon, c.lat, c.lon) < km


def countries_in_text(text: str, gazetteer: Gazetteer) -> list[str]:
    """ISO3 codes of the countries a text names (names, short forms, demonyms), most named first.
    A longer known name is read whole: "New Jersey" does not name Jersey."""
    gaz = gazetteer
    counts: Counter[str] = Counter()
    for m in _CAPS.finditer(text):
        words = m.group(0).split()
        i = 0
        while i < len(words):
            for n in range(len(words) - i, 0, -1):
                found = gaz.matches(" ".join(words[i:i + n])) if n > 1 or words[i] not in _GENERIC_CASED else []
                if found:
                    country = next((x.place.country for x in found
                                    if x.place.feature == "country" and x.quality <= ALIAS), None)
                    if country and found[0].quality <= ALIAS:
                        counts[country] += 1
                    i += n
                    break
            else:
                i += 1
    return [c for c, _ in counts.most_common()]


def document_focus(places: Sequence[Place | None], context_countries: Sequence[str] = (),
                   gazetteer: Gazetteer | None = None) -> Place | None:
    """The place a text is mostly about: the town or district with the most of the text's other
    places near it or around it (mentions count), else its most named division, else its most
    named country, else the first of context_countries (which needs the gazetteer)."""
    found = [p for p in places if p is not None]
    towns = [p for p in found if p.feature in ("city", "admin2")]
    if towns:
        return max(towns, key=lambda p: (_support(p, found), -towns.index(p)))
    for features in (("admin1",), ("country",)):
        counts = Counter((p.name, p.country) for p in found if p.feature in features)
        if counts:
            top = counts.most_common(1)[0][0]
            return next(p for p in found if (p.name, p.country) == top)
    if context_countries and gazetteer is not None:
        gaz = gazetteer
        return gaz.countries.get(gaz.iso3(context_countries[0]) or "")
    return None


def _support(p: Place, found: list[Place]) -> int:
    return sum(1 for o in found
               if (o.feature in ("city", "admin2") and distance_km(p.lat, p.lon, o.lat, o.lon) <= _FOCUS_KM)
               or (o.feature == "admin1" and o.country == p.country and o.admin1 == p.admin1))
