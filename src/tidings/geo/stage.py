"""The geo stage: an article's toponyms resolved to places; each event takes the place the nearest evidence names."""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import partial

from ..model.actors import ArticleActors
from ..model.article import Article
from ..model.events import ArticleEvents, Event, Location, PlaceMention
from ..model.nlp import Analysis, Ent
from .gazetteer import ALIAS, Gazetteer
from .resolve import resolve_places

# Toponym labels handed to the gazetteer.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A place preposition shortly before a toponym: "in the Panjshir province", "near the Kurram border".
_LOCATIVE = re.compile(r"\b(?:in|at|near|into|outside|across|along|inside|within|around|to|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
                       re.IGNORECASE)
# Prepositions of where to: a place after one is a destination, not where a sentence is set.
_MOTION = frozenset({"to", "into", "on"})
# Nouns that name a place by the toponym after "of" ("the town of Samarra").
_PLACE_NOUNS = frozenset({"town", "city", "village", "province", "region", "district", "capital", "state",
                          "republic", "island", "area", "outskirts", "suburbs", "port"})
# Capitalised names after a place preposition, offered to the gazetteer when NER missed them
# ("near the Kurram border region").
_PLACE_AFTER_PREP = re.compile(r"\b(?:in|near|at|outside|across|along)\s+(?:the\s+)?"
                               r"(?:(?:town|city|village|province|region|district|capital)\s+of\s+)?"
                               r"((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2})")


def place_events(a: Article, analysis: Analysis, actors: ArticleActors, result: ArticleEvents,
                 gazetteer: Gazetteer) -> None:
    """Resolve the article's toponyms and its dateline, then give each event its place (_event_place)."""
    countries = sorted({ent.country for ent in actors.entities.values() if ent.type == "COUNTRY" and ent.country})
    spans = _toponym_spans(a, analysis, result.events, actors, gazetteer, countries)
    places = resolve_places(a.body, spans, context_countries=countries, gazetteer=gazetteer) if spans else []
    found = [PlaceMention(s, e, a.body[s:e], _location(p)) for (s, e), p in zip(spans, places) if p is not None]
    result.places = found
    dateline = result.dateline = _dateline_place(a, countries, gazetteer)
    party_spans = [(m.start, m.end, m.entity_id) for m in actors.mentions if m.entity_id]
    # The countries a party's place name is read in: the article's, else the dateline's.
    tie_context = countries or ([dateline.country] if dateline is not None and dateline.country else [])
    # sentence -> (event type, parties, the place its own text names) of its events
    placed: dict[int, list[tuple[str, set[str], Location]]] = {}
    for ev in sorted(result.events, key=lambda e: (e.sentence_start, e.trigger_start)):
        ids = {p.entity_id for p in [*ev.actors, *ev.recipients] if p.entity_id}
        spans_of_parties = [(s, e) for s, e, eid in party_spans if eid in ids]
        named = _named_place(a.body, ev, found, spans_of_parties, partial(_party_places, ev, gazetteer, tie_context))
        if named is not None and ids:
            placed.setdefault(ev.sentence_index, []).append((ev.event_type, ids, named))
        # the same event told on: the previous sentence's event of this type with a party in common
        earlier = next((loc for kind, parties, loc in placed.get(ev.sentence_index - 1, ())
                        if kind == ev.event_type and parties & ids), None)
        ev.location = _event_place(a.body, ev, found, spans_of_parties, named or earlier, dateline)


def _named_place(body: str, ev: Event, found: list[PlaceMention], taken: list[tuple[int, int]],
                 tied_names: Callable[[], list[Location]]) -> Location | None:
    """The place the event's own sentence gives it, by the evidence nearest to it:

    1. a place its clause names, not one of its parties: after a place preposition or acted on
       ("shelled Kunar", "Punjab has also been targeted"); a town or province before a country;
    2. a town, district or province a party is tied to by its name ("Punjab police", "the
       Khost governor": a toponym inside a longer party mention in its clause, or a party named
       after one);
    3. the setting its sentence opens with ("In Quetta, troops arrested ...")."""
    in_sentence = [pm for pm in found if ev.sentence_start <= pm.start and pm.end <= ev.sentence_end]
    free = [pm for pm in in_sentence if not _overlaps(pm, taken)]
    clause = [pm for pm in free if ev.in_clause(pm.start, pm.end)
              and (_locative(body, pm.start) or _undergoes(body, pm, ev))]
    if clause:
        return _most_precise(clause).location
    tied = [pm.location for pm in in_sentence if ev.in_clause(pm.start, pm.end) and not _is_country(pm)
            and any(s <= pm.start and pm.end <= e and e - s > pm.end - pm.start for s, e in taken)]
    tied = tied or tied_names()   # the parties' own names are resolved only when needed
    if tied:
        return tied[0]
    setting = [pm for pm in free if _SETTING.match(body[ev.sentence_start:pm.start])]
    return setting[0].location if setting else None


def _event_place(body: str, ev: Event, found: list[PlaceMention], taken: list[tuple[int, int]],
                 named: Location | None, dateline: Location | None) -> Location | None:
    """The place its sentence names (_named_place), else that of the same event told in the
    previous sentence (same type, a party in common: "X met Y in Astana. The two leaders held
    talks ..."); else the dateline, when the sentence sets nothing elsewhere (no town, district or
    province after a place preposition, other than the dateline's own) and the dateline lies in
    an actor's country."""
    if named is not None:
        return named
    local = dateline is not None and dateline.country in {p.country for p in ev.actors}
    in_sentence = [pm for pm in found if ev.sentence_start <= pm.start and pm.end <= ev.sentence_end]
    elsewhere = [pm for pm in in_sentence if not _overlaps(pm, taken) and not _is_country(pm)
                 and _locative(body, pm.start, static=True) and not _holds(pm.location, dateline)]
    return dateline if local and not elsewhere else None


# The text of a sentence before its opening setting: "In", "At the", "Outside".
_SETTING = re.compile(r"^\W*(?:in|at|near|outside|inside)\s+(?:the\s+)?$", re.IGNORECASE)


def _party_places(ev: Event, gazetteer: Gazetteer, countries: Sequence[str]) -> list[Location]:
    """Towns, districts and provinces parties are named after: "Punjab police", "Kabul municipality"
    (a known place's own name or alias, in one of the article's countries when it has any, then
    one lower-case word)."""
    out = []
    for party in [*ev.actors, *ev.recipients]:
        words = party.name.split()
        if len(words) < 2 or not words[-1].islower() or not all(w[:1].isupper() for w in words[:-1]):
            continue
        name = " ".join(words[:-1])
        if not _known_place(name, gazetteer, countries):
            continue
        place = resolve_places(name, [(0, len(name))], context_countries=countries, gazetteer=gazetteer)[0]
        if place is not None and place.feature in ("city", "admin2", "admin1"):
            out.append(_location(place))
    return out


def _most_precise(mentions: list[PlaceMention]) -> PlaceMention:
    """A town or province before a country, then the first named."""
    return min(mentions, key=lambda pm: (pm.location.admin1 is None and pm.location.lat is None,
                                         _is_country(pm), pm.start))


def _overlaps(pm: PlaceMention, spans: list[tuple[int, int]]) -> bool:
    return any(s < pm.end and pm.start < e for s, e in spans)


def _holds(place: Location, inner: Location | None) -> bool:
    """The place is the inner place or holds it: its country, or its province."""
    if inner is None or place.country != inner.country:
        return False
    if place.admin1 is None:
        return True  # the country itself
    return place.name == inner.name or (place.name == place.admin1 == inner.admin1)


# The place a trigger acts on, named without a preposition: the subject of a passive trigger
# ("Punjab has also been targeted", "Kunar was hit again") or the word right after the trigger
# ("shelled Kunar", "visited Dushanbe"). Where a thing is done to a place, that place is where it happened.
# The auxiliaries (and adverbs) between a passive subject and its trigger: "has also been", "was".
_PASSIVE_AUX = (r"\s+(?:(?:has|have|had|was|were|is|are|been|being|also|again|now|repeatedly|reportedly|twice)\s+)*"
                r"(?:been|was|were|is|are|being)\s+")
_PASSIVE_BEFORE = re.compile(rf"^{_PASSIVE_AUX}$", re.IGNORECASE)
_OBJECT_AFTER = re.compile(r"^\s+(?:the\s+)?$", re.IGNORECASE)
# A capitalised name right after a trigger ("shelled Kunar").
_NAME_AFTER_TRIGGER = re.compile(r"\s+(?:the\s+)?((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2})")
# A capitalised name right before a passive auxiliary chain ending at a trigger.
_NAME_BEFORE_PASSIVE = re.compile(r"((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2})" + _PASSIVE_AUX)


def _undergoes(body: str, pm: PlaceMention, ev: Event) -> bool:
    """The toponym is the subject of the passive trigger or its object, with nothing but auxiliaries
    (or "the") between them."""
    if pm.end <= ev.trigger_start:
        return _PASSIVE_BEFORE.match(body[pm.end:ev.trigger_start]) is not None
    possessor = body[pm.end:pm.end + 2] in ("'s", "’s")   # "awarded Tajikistan's highest honour"
    return not possessor and _OBJECT_AFTER.match(body[ev.trigger_end:pm.start]) is not None


def _locative(body: str, start: int, *, static: bool = False) -> bool:
    """A place preposition shortly before a toponym; through "of" only after a place noun
    ("in the city of Basra", not "in the face of Afghanistan's ..."). static: a preposition of
    where ("in", "at", "near"), not of where to ("to", "into")."""
    m = _LOCATIVE.search(body, max(0, start - 40), start)
    if m is None:
        return False
    words = m.group(0).lower().split()
    if static and words[0] in _MOTION:
        return False
    return words[-1] != "of" or (len(words) > 1 and words[-2] in _PLACE_NOUNS)


def _is_country(pm: PlaceMention) -> bool:
    return pm.location.admin1 is None


# Capitalised words the model or "in X" can take for places that never are: calendar words
# ("in August" resolved to a town in California on the demo corpus) and nationality adjectives
# ("Russian" taken for Russia).
_NOT_PLACES = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
_ADJECTIVE_ENDINGS = ("ian", "ese", "ish", "ean", "ani", "iyan")


def _could_be_place(text: str) -> bool:
    word = text.strip()
    if word.lower() in _NOT_PLACES:
        return False
    return " " in word or not word.lower().endswith(_ADJECTIVE_ENDINGS)


def _toponym_spans(a: Article, analysis: Analysis, events: list[Event], actors: ArticleActors,
                   gazetteer: Gazetteer, countries: Sequence[str] = ()) -> list[tuple[int, int]]:
    # A name the knowledge base knows as a group, person or body is not a place ("Taliban" is
    # also a village in Turkey); names the model merely guessed at ("Kurram" as a person) may be.
    taken = [(m.start, m.end) for m in actors.mentions if m.entity_id in actors.entities
             and actors.entities[m.entity_id].origin == "kb" and actors.entities[m.entity_id].type != "COUNTRY"]
    spans = [(e.start, e.end) for e in analysis.ents
             if (e.label in PLACE_LABELS or _place_by_context(a.body, e, gazetteer, countries))
             and _could_be_place(e.text)
             and not any(x < e.end and e.start < y for x, y in taken)]
    seen = {(s, e) for s, e in spans}
    for s, e in {(ev.sentence_start, ev.sentence_end) for ev in events}:
        for m in _PLACE_AFTER_PREP.finditer(a.body, s, e):
            span = (m.start(1), m.end(1))
            if _could_be_place(m.group(1)) and not any(x < span[1] and span[0] < y for x, y in [*seen, *taken]):
                spans.append(span)
                seen.add(span)
    for ev in events:   # the place acted on, left untagged: "Punjab has been targeted", "shelled Kunar"
        before = _NAME_BEFORE_PASSIVE.search(a.body, ev.sentence_start, ev.trigger_start)
        after = _NAME_AFTER_TRIGGER.match(a.body, ev.trigger_end, ev.sentence_end)
        for m in (before if before is not None and before.end() == ev.trigger_start else None, after):
            if m is None:
                continue
            span = (m.start(1), m.end(1))
            if (_could_be_place(m.group(1)) and _known_place(m.group(1), gazetteer, countries)
                    and not any(x < span[1] and span[0] < y for x, y in [*seen, *taken])):
                spans.append(span)
                seen.add(span)
    return sorted(spans)


# A name the model calls a person or organisation is a place when the words around it say so:
# a place preposition before it ("clashes in Kurram", "the road to Shughnon", "residents of
# Ayni") or a place noun after it ("the Kurram border").
_PERSON_LABELS = frozenset({"PERSON", "ORG"})
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|into|outside|across|along|inside|within|around|from|towards?|through)"
    r"|\b(?:road|roads|route|highway|way|journey|trip|flights?|fled|returned|headed|travell?ed)\s+to"
    r"|\b(?:residents|people|inhabitants|outskirts|suburbs|streets|centre|center|heart|town|city|"
    r"village|province|region|district|capital|area|port|mayor|governor)\s+of"
    r"|\b(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of)"
    r"\s+(?:the\s+)?$", re.IGNORECASE)
_PLACE_AFTER = re.compile(
    r"\s+(?:province|district|region|valley|border|city|town|village|county|governorate|"
    r"airport|area|agency|state|oblast)\b", re.IGNORECASE)


def _place_by_context(body: str, e: Ent, gazetteer: Gazetteer, countries: Sequence[str]) -> bool:
    """A PERSON or ORG span that the gazetteer knows as a town, district, province or country
    by its own name or a curated alias, with a place preposition right before it or a place
    noun right after it. When the article has countries (ISO3), the place must lie in one of
    them: a district the gazetteer lacks ("Spera district" of Khost) is not its namesake abroad."""
    if e.label not in _PERSON_LABELS or not e.text[:1].isupper():
        return False
    if not (_PLACE_BEFORE.search(body, max(0, e.start - 40), e.start) or _PLACE_AFTER.match(body, e.end)):
        return False
    return _known_place(e.text, gazetteer, countries)


def _known_place(name: str, gazetteer: Gazetteer, countries: Sequence[str]) -> bool:
    """The gazetteer knows the name (its own or a curated alias) as a town, district, province or
    country; in one of the article's countries when it has any."""
    iso3 = {gazetteer.iso3(c) or c for c in countries}
    return any(m.quality <= ALIAS and m.place.feature in _PLACE_FEATURES
               and (not iso3 or m.place.country in iso3) for m in gazetteer.matches(name))


_PLACE_FEATURES = frozenset({"city", "admin2", "admin1", "country"})


def _location(p) -> Location:
    return Location(p.name, p.lat, p.lon, p.country, p.admin1, p.geonameid)


def _dateline_place(a: Article, countries: list[str], gazetteer: Gazetteer) -> Location | None:
    if not a.dateline:
        return None
    place = resolve_places(a.dateline, [(0, len(a.dateline))], context_countries=countries,
                           gazetteer=gazetteer)[0]
    return _location(place) if place is not None else None
