"""The event stage: articles -> (NLP, actors) -> selective parsing -> clause coding -> dates and places."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ..actors.kb import KnowledgeBase
from ..config import Settings
from ..model.actors import ArticleActors
from ..model.article import Article
from ..model.events import ArticleEvents, Event, Location, Party, PlaceMention
from ..model.nlp import Analysis
from .clause import UNIDENTIFIED, ArgMention, Coded, SentenceContext, code_sentence
from .lexicon import Lexicon, load_lexicon

# Bumped when coding changes enough that stored events should be recomputed.
CODER_VERSION = "2"
# Sentences per nlp.pipe batch when parsing the selected sentences.
PARSE_BATCH = 64
# Toponym labels handed to the gazetteer.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Parse components the coder does not need (entities come from the actor stage).
NOT_FOR_PARSE = ("ner", "kb_ruler")
# Sentences that name no actor can still hold a reciprocal or pronoun subject ("The two leaders agreed").
_CONTEXT_SUBJECT = re.compile(r"\b(?:he|she|they|it|both|two|leaders?|sides?)\b", re.IGNORECASE)
# "a day after X happened": X is dated relative to the main clause.
_RELATIVE_DAYS = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|\d+)\s+(day|days|week|weeks)\s+(after|before)\b",
                            re.IGNORECASE)
# A place preposition shortly before a toponym: "in the Panjshir province", "near the Kurram border".
_LOCATIVE = re.compile(r"\b(?:in|at|near|into|outside|across|along|inside|within|around|to|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
                       re.IGNORECASE)
# Nouns that name a place by the toponym after "of" ("the town of Samarra").
_PLACE_NOUNS = frozenset({"town", "city", "village", "province", "region", "district", "capital", "state",
                          "republic", "island", "area", "outskirts", "suburbs", "port"})
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
# Capitalised names after a place preposition, offered to the gazetteer when NER missed them
# ("near the Kurram border region").
_PLACE_AFTER_PREP = re.compile(r"\b(?:in|near|at|outside|across|along)\s+(?:the\s+)?"
                               r"(?:(?:town|city|village|province|region|district|capital)\s+of\s+)?"
                               r"((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,2})")


@dataclass(slots=True)
class Resources:
    """Read-only things the coder needs, loaded once per process."""

    nlp: object
    lexicon: Lexicon
    kb: KnowledgeBase
    gazetteer: object | None


def resources(settings: Settings) -> Resources:
    from ..actors.stage import knowledge_base, pipeline_for

    return Resources(pipeline_for(settings, parse=True), load_lexicon(), knowledge_base(settings), _gazetteer())


def _gazetteer():
    try:
        from ..geo import Gazetteer
    except ImportError:
        return None
    return Gazetteer.load()


# ---------------------------------------------------------------- batch entry points


def analyse_articles(articles: Sequence[Article], settings: Settings) -> list[tuple[Analysis, ArticleActors]]:
    """Sentences and entities (one nlp.pipe over all articles) and the actors each resolves to."""
    from ..actors.resolve import resolve_article
    from ..actors.stage import knowledge_base, pipeline_for
    from ..nlp import analyse_texts

    if not articles:
        return []
    kb = knowledge_base(settings)
    analyses = analyse_texts(pipeline_for(settings), (a.body for a in articles))
    return [(an, resolve_article(a.id, a.body, a.published, an, kb)) for a, an in zip(articles, analyses)]


def actors_and_events(articles: Sequence[Article], settings: Settings) -> list[tuple[ArticleActors, ArticleEvents]]:
    """The actor stage and the event stage over a batch of articles, in order."""
    found = analyse_articles(articles, settings)
    events = code_articles(articles, found, resources(settings))
    return [(actors, ev) for (_, actors), ev in zip(found, events)]


def code_articles(articles: Sequence[Article], found: Sequence[tuple[Analysis, ArticleActors]],
                  res: Resources) -> list[ArticleEvents]:
    """Events of each article: its selected sentences parsed in one batch, then coded in order."""
    selected = [select_sentences(a, actors, res.lexicon) for a, (_, actors) in zip(articles, found)]
    texts = [a.body[s:e] for a, sel in zip(articles, selected) for _, s, e in sel]
    docs = iter(res.nlp.pipe(texts, batch_size=PARSE_BATCH, disable=[p for p in NOT_FOR_PARSE
                                                                       if p in res.nlp.pipe_names]))
    out = []
    for a, (analysis, actors), sel in zip(articles, found, selected):
        parsed = [(i, s, e, next(docs)) for i, s, e in sel]
        out.append(code_article(a, analysis, actors, parsed, res))
    return out


def select_sentences(a: Article, actors: ArticleActors, lex: Lexicon) -> list[tuple[int, int, int]]:
    """(index, start, end) of the sentences worth parsing: a trigger candidate and an actor
    (a name, a pronoun or reciprocal subject, or a noun such as "police" or "rebels")."""
    with_actor = {m.sentence_index for m in actors.mentions if m.entity_id}
    out = []
    for i, (s, e) in enumerate(actors.sentences):
        text = a.body[s:e]
        if not lex.is_candidate(text):
            continue
        if i in with_actor or _CONTEXT_SUBJECT.search(text) or lex.names_party(text):
            out.append((i, s, e))
    return out


# ---------------------------------------------------------------- one article


def code_article(a: Article, analysis: Analysis, actors: ArticleActors,
                 parsed: Sequence[tuple[int, int, int, object]], res: Resources) -> ArticleEvents:
    """All events of one article from its parsed sentences (index, start, end, spaCy Doc). Pure."""
    day = a.published[:10] if a.published else None
    party = _party_maker(actors, res.kb, day)
    types = {eid: ent.type for eid, ent in actors.entities.items()}
    mentions = [m for m in actors.mentions if m.entity_id and m.entity_id in actors.entities]
    result = ArticleEvents(a.id, parsed_sentences=len(parsed))
    previous: list[Party] = []
    for index, s, e, doc in parsed:
        inside = [m for m in mentions if s <= m.start and m.end <= e]
        args = []
        for m in inside:
            if _opposed(a.body, m.start):
                continue      # "anti-Taliban factions" are not the Taliban
            span = doc.char_span(m.start - s, m.end - s, alignment_mode="expand")
            if span is not None:
                args.append(ArgMention(span.start, span.end, m.entity_id, m.label))
        earlier = [(m.entity_id, types.get(m.entity_id, "")) for m in mentions if m.end <= s]
        ctx = SentenceContext(doc, args, party, lambda eid: types.get(eid, ""), earlier,
                              previous or _sentence_parties(mentions, actors, index - 1, party))
        coded = code_sentence(ctx, res.lexicon)
        for c in coded:
            result.events.append(_event(a, index, s, e, c, res))
        dyads = [c for c in coded if len({*_ids(c.actors), *_ids(c.recipients)}) >= 2 and c.explicit
                 and all(p.entity_id for p in [*c.actors, *c.recipients])]   # named sides only
        if dyads:
            previous = [*dyads[0].actors, *dyads[0].recipients]
    _dates(a, actors, result.events)
    _places(a, analysis, actors, result, res)
    _fill_countries(a, actors, result, _dateline_country(a, actors, res))
    _place_recipients(actors, result, party)
    for ev in result.events:
        if ev.event_type == "MOBILIZE":
            ev.recipients = _not_own_state(ev.actors, ev.recipients)
    return result


def _not_own_state(actors: list[Party], recipients: list[Party]) -> list[Party]:
    """Drop a recipient that is the actors' own state ("Rahmon ... to shore up Tajikistan's
    border"): troops moved inside one's own country are not directed at it. Seen on the demo
    corpus, where it kept one outlet's report of a call-up apart from the others'; applied to
    MOBILIZE only, since the PLOVER dev records do code own-state recipients for other types."""
    own = {p.country for p in actors if p.country}
    if len(own) != 1 or any(p.entity_id and p.entity_id.startswith("cty:") for p in actors):
        return recipients
    return [p for p in recipients if p.entity_id != f"cty:{next(iter(own))}"]


def _fill_countries(a: Article, actors: ArticleActors, result: ArticleEvents, dateline: str | None = None) -> None:
    """Parties the knowledge base and the text give no country take one from around them.

    A person ("President Omar El Bashir") takes the first country the sentence names, as a
    country or a resolved place; as an actor, not that of a state the event is aimed at ("called
    for sanctions against Nigeria"). A party with no name ("police", "unidentified attackers",
    "ethnic Turks") takes the event's place first, then the sentence's countries, the dateline's
    and the article's most named country; never the one it is known not to belong to.
    """
    named = _named_countries(a, actors, result)
    dominant = _dominant_country(actors)
    for ev in result.events:
        found = [c for _, c in sorted(named.get(ev.sentence_index, []))]
        aimed_at = {p.country for p in ev.recipients if p.entity_id and _is_state(actors, p.entity_id)}
        place = ev.location.country if ev.location is not None else None
        ev.actors = [_fill(p, found, aimed_at, place, dateline, dominant) for p in ev.actors]
        ev.recipients = [_fill(p, found, set(), place, dateline, dominant) for p in ev.recipients]


def _fill(p: Party, found: list[str], skip: set[str], place: str | None, dateline: str | None,
          dominant: str | None) -> Party:
    if p.country or p.sector == "IGO":
        return p
    if p.entity_id is None and p.name == UNIDENTIFIED:   # whoever attacked U.S. soldiers is no U.S. party
        order = [place, *(c for c in [*found, dateline, dominant] if c not in skip)]
    else:
        preferred = [c for c in found if c not in skip] or found   # not the target state's, if another is named
        order = [place, *preferred, dateline, dominant] if p.entity_id is None else preferred
    country = next((c for c in order if c and c != p.not_country), None)
    return p if country is None else Party(p.entity_id, p.name, country, p.sector, p.not_country)


def _named_countries(a: Article, actors: ArticleActors, result: ArticleEvents) -> dict[int, list[tuple[int, str]]]:
    """Sentence index -> (offset, country) of each country named in it, as a name or a resolved place."""
    named: dict[int, list[tuple[int, str]]] = {}
    for m in actors.mentions:
        ent = actors.entities.get(m.entity_id) if m.entity_id else None
        if ent is not None and ent.type == "COUNTRY" and ent.country and not _opposed(a.body, m.start, m.end):
            named.setdefault(m.sentence_index, []).append((m.start, ent.country))
    for pm in result.places:
        if pm.location.country and not _opposed(a.body, pm.start, pm.end):
            for ev in result.events:
                if ev.sentence_start <= pm.start < ev.sentence_end:
                    named.setdefault(ev.sentence_index, []).append((pm.start, pm.location.country))
                    break
    return named


# Share of an article's country mentions one country needs to stand for the whole article
# when a party with no name has no country around it: a clear majority, set by judgement and
# not tuned (the one-sentence PLOVER records never reach this step).
DOMINANT_SHARE = 0.6


def _dominant_country(actors: ArticleActors) -> str | None:
    """The country an article is mostly about (by mentions of countries), if one clearly is."""
    counts: dict[str, int] = {}
    for m in actors.mentions:
        ent = actors.entities.get(m.entity_id) if m.entity_id else None
        if ent is not None and ent.type == "COUNTRY" and ent.country:
            counts[ent.country] = counts.get(ent.country, 0) + 1
    total = sum(counts.values())
    if total < 2:
        return None
    country, n = max(counts.items(), key=lambda kv: kv[1])
    return country if n / total >= DOMINANT_SHARE else None


def _opposed(body: str, start: int, end: int | None = None) -> bool:
    """A name inside "anti-X", "pro-X", "non-X" (it describes someone else), or a currency ("US $")."""
    if end is not None and re.match(r"\s*(?:\$|dollars?\b)", body[end:end + 9]):
        return True
    return re.search(r"(?:anti|pro|non)[-‐]\s*$", body[max(0, start - 6):start], re.IGNORECASE) is not None


def _is_state(actors: ArticleActors, eid: str) -> bool:
    ent = actors.entities.get(eid)
    return ent is not None and ent.type == "COUNTRY"


# Event types whose target can be the place their clause names when no party is named
# ("lifted the curfew in Montenegro", "refused to deploy peacekeepers in Iraq"); not meetings,
# statements or protests, whose place is only where they happened.
PLACE_TARGET_TYPES = frozenset({"CONCEDE", "RETREAT", "SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "AID",
                                "THREATEN", "REJECT", "SUPPORT", "AGREE"})


def _place_recipients(actors: ArticleActors, result: ArticleEvents, party) -> None:
    """An event with no recipient whose clause names a place takes that place (its country) as
    the target, when the event type acts on a place."""
    for ev in result.events:
        if ev.recipients or ev.location is None or ev.event_type not in PLACE_TARGET_TYPES or not ev.location.country:
            continue
        pm = next((pm for pm in result.places if pm.location == ev.location and ev.in_clause(pm.start, pm.end)), None)
        if pm is None:
            continue
        m = next((m for m in actors.mentions if m.entity_id and m.start < pm.end and pm.start < m.end), None)
        target = party(m.entity_id, None) if m is not None else None
        if target is None or not target.country:
            target = Party(None, pm.text, ev.location.country, None)
        if target not in ev.actors:
            ev.recipients = [target]


def _dateline_country(a: Article, actors: ArticleActors, res: Resources) -> str | None:
    if not a.dateline:
        return None
    countries = sorted({ent.country for ent in actors.entities.values() if ent.type == "COUNTRY" and ent.country})
    try:
        place = _dateline_place(a, countries, res)
    except ImportError:
        return None
    return place.country if place is not None else None


def _ids(parties: list[Party]) -> list[str]:
    return [p.entity_id or p.name for p in parties]


def _party_maker(actors: ArticleActors, kb: KnowledgeBase, day: str | None):
    """entity id, sector hint -> the Party as it stood on the article's day."""

    def party(eid: str, hint: str | None) -> Party | None:
        ent = actors.entities.get(eid)
        if ent is None:
            return None
        country, sector = ent.country, ent.sector
        kbe = kb.get(eid)
        role = kbe.role_at(day) if kbe is not None and (kbe.roles or kbe.sector) else None
        if role is not None:
            country, sector = role.country or country, role.sector or sector
        learned = actors.roles.get(eid)
        if learned and (country is None or sector is None):
            country, sector = country or learned[0].country, sector or learned[0].sector
        if ent.type == "IGO":
            sector = "IGO"
        elif ent.type == "COUNTRY":
            sector = hint or "GOV"
        elif hint and sector in (None, "GOV", "UNK"):
            sector = hint
        return Party(eid, ent.name, country, sector)

    return party


def _sentence_parties(mentions, actors: ArticleActors, index: int, party) -> list[Party]:
    """Parties named in one earlier sentence (the context for "the two leaders" with no event before)."""
    out: list[Party] = []
    for m in mentions:
        if m.sentence_index == index:
            p = party(m.entity_id, None)
            if p is not None and p not in out:
                out.append(p)
    return out if len(out) >= 2 else []


def _event(a: Article, index: int, s: int, e: int, c: Coded, res: Resources) -> Event:
    info = res.lexicon.info(c.event_type)
    root = c.cameo[:2]
    return Event(a.id, index, s, e, c.trigger_text, s + c.trigger_start, s + c.trigger_end, c.event_type,
                 c.mode, c.modality, root, info.quad, info.intensity, c.actors, c.recipients, c.confidence,
                 clause=tuple((s + lo, s + hi) for lo, hi in c.clause))


# ---------------------------------------------------------------- time


def _dates(a: Article, actors: ArticleActors, events: list[Event]) -> None:
    """Each event takes the date of a time expression in its own clause, else the article's."""
    if not events:
        return
    try:
        from ..time import event_date, find_timexes
    except ImportError:
        for ev in events:
            _article_date(a, ev)
        return
    timexes = find_timexes(a.body, a.published, actors.sentences)
    precision = (a.published_precision or "day").split(":")[0]
    lead = _lead_day(actors, timexes)
    for ev in events:
        own = [t for t in timexes if ev.in_clause(t.start, t.end)]
        if lead is not None and own and all(_quoted_today(a.body, ev.sentence_start, t) for t in own):
            own = [lead]
        shifted = _relative_day(a, ev, timexes, precision, event_date)
        d = shifted or event_date(own, a.published, precision)
        ev.date, ev.date_start, ev.date_end = d.date, d.date_start, d.date_end
        ev.date_precision, ev.date_text = d.precision, d.text


# Words that name the day a statement was made, not a day of the reporter's own.
_SPEAKER_TODAY = frozenset({"today", "this morning", "this afternoon", "this evening", "tonight"})


def _lead_day(actors: ArticleActors, timexes):
    """The one day the lead sentence dates its story with ("... on Saturday stepped in"), if any."""
    if not actors.sentences:
        return None
    start, end = actors.sentences[0]
    days = [t for t in timexes if start <= t.start and t.end <= end and t.precision == "day"]
    return days[0] if len(days) == 1 else None


def _quoted_today(body: str, sentence_start: int, t) -> bool:
    """A "today" inside quotation marks speaks from the day of the quoted statement, which a
    lead that dates the story ("on Saturday") gives better than the publication date does.
    Seen in seed 001: a statement quoted the next day still says "today"."""
    if t.text.lower() not in _SPEAKER_TODAY:
        return False
    before = body[sentence_start:t.start]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def _relative_day(a: Article, ev: Event, timexes, precision: str, event_date):
    """"The decision came a day after X": X happened that many days before the main clause's date."""
    sentence = a.body[ev.sentence_start:ev.sentence_end]
    m = _RELATIVE_DAYS.search(sentence)
    if m is None or ev.trigger_start < ev.sentence_start + m.end():
        return None
    word = m.group(1).lower()
    n = _NUMBERS.get(word) or (int(word) if word.isdigit() else 1)
    days = n * (7 if m.group(2).lower().startswith("week") else 1)
    cut = ev.sentence_start + m.start()
    main = [t for t in timexes if ev.sentence_start <= t.start and t.end <= cut]
    base = event_date(main, a.published, precision)
    if not base.date:
        return None
    shift = -days if m.group(3).lower() == "after" else days
    day = (date.fromisoformat(base.date) + timedelta(days=shift)).isoformat()
    return type(base)(day, day, day, "day", m.group(0))


def _article_date(a: Article, ev: Event) -> None:
    day = a.published[:10] if a.published else None
    ev.date = ev.date_start = ev.date_end = day
    ev.date_precision = f"{(a.published_precision or 'unknown').split(':')[0]}: article date" if day else "unknown"


# ---------------------------------------------------------------- place


def _places(a: Article, analysis: Analysis, actors: ArticleActors, result: ArticleEvents, res: Resources) -> None:
    """Resolve the article's toponyms; each event takes a place its clause names (not one of its
    parties), else the dateline when the event is local (the dateline lies in an actor's country)."""
    try:
        from ..geo import resolve_places
    except ImportError:
        return
    spans = _toponym_spans(a, analysis, result.events, actors)
    countries = sorted({ent.country for ent in actors.entities.values() if ent.type == "COUNTRY" and ent.country})
    places = resolve_places(a.body, spans, context_countries=countries, gazetteer=res.gazetteer) if spans else []
    found = [PlaceMention(s, e, a.body[s:e], _location(p)) for (s, e), p in zip(spans, places) if p is not None]
    result.places = found
    dateline = _dateline_place(a, countries, res)
    party_spans = [(m.start, m.end, m.entity_id) for m in actors.mentions if m.entity_id]
    for ev in result.events:
        ids = {p.entity_id for p in [*ev.actors, *ev.recipients]}
        taken = [(s, e) for s, e, eid in party_spans if eid in ids]
        inside = [pm for pm in found if ev.in_clause(pm.start, pm.end) and _locative(a.body, pm.start)
                  and not any(s < pm.end and pm.start < e for s, e in taken)]
        inside.sort(key=lambda pm: (pm.location.admin1 is None and pm.location.lat is None, _is_country(pm), pm.start))
        if inside:
            ev.location = inside[0].location
        elif dateline is not None and dateline.country in {p.country for p in ev.actors}:
            ev.location = dateline


def _locative(body: str, start: int) -> bool:
    """A place preposition shortly before a toponym; through "of" only after a place noun
    ("in the city of Basra", not "in the face of Afghanistan's ...")."""
    m = _LOCATIVE.search(body, max(0, start - 40), start)
    if m is None:
        return False
    words = m.group(0).lower().split()
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


def _toponym_spans(a: Article, analysis: Analysis, events: list[Event], actors: ArticleActors) -> list[tuple[int, int]]:
    # A name the knowledge base knows as a group, person or body is not a place ("Taliban" is
    # also a village in Turkey); names the model merely guessed at ("Kurram" as a person) may be.
    taken = [(m.start, m.end) for m in actors.mentions if m.entity_id in actors.entities
             and actors.entities[m.entity_id].origin == "kb" and actors.entities[m.entity_id].type != "COUNTRY"]
    spans = [(e.start, e.end) for e in analysis.ents if e.label in PLACE_LABELS and _could_be_place(e.text)
             and not any(x < e.end and e.start < y for x, y in taken)]
    seen = {(s, e) for s, e in spans}
    for s, e in {(ev.sentence_start, ev.sentence_end) for ev in events}:
        for m in _PLACE_AFTER_PREP.finditer(a.body, s, e):
            span = (m.start(1), m.end(1))
            if _could_be_place(m.group(1)) and not any(x < span[1] and span[0] < y for x, y in [*seen, *taken]):
                spans.append(span)
                seen.add(span)
    return sorted(spans)


def _location(p) -> Location:
    return Location(p.name, p.lat, p.lon, p.country, p.admin1, p.geonameid)


def _dateline_place(a: Article, countries: list[str], res: Resources) -> Location | None:
    if not a.dateline:
        return None
    from ..geo import resolve_places

    place = resolve_places(a.dateline, [(0, len(a.dateline))], context_countries=countries,
                           gazetteer=res.gazetteer)[0]
    return _location(place) if place is not None else None


def iter_events(results: Sequence[ArticleEvents]) -> Iterator[Event]:
    for r in results:
        yield from r.events


__all__ = ["Resources", "actors_and_events", "analyse_articles", "code_article", "code_articles",
           "resources", "select_sentences"]


def refresh_events(store, settings: Settings) -> int:
    """Corpus step: re-analyse and re-code articles whose events are stale (a body changed by the
    boilerplate sweep, or a new coder version); actors and events of each are rewritten in one
    transaction. Returns the number of articles re-coded."""
    from ..actors.stage import model_name
    from ..store.actors import write_actors
    from ..store.events import stale_event_articles, write_events

    conn = store.connection
    stale = stale_event_articles(conn, CODER_VERSION)
    model = model_name(settings)
    done = 0
    for start in range(0, len(stale), PARSE_BATCH):
        batch = [a for a in (store.article(i) for i in stale[start:start + PARSE_BATCH]) if a is not None]
        for a, (actors, events) in zip(batch, actors_and_events(batch, settings)):
            with store.transaction() as tx:
                write_actors(tx, actors, len(a.body), model)
                write_events(tx, events, len(a.body), CODER_VERSION)
            done += 1
    return done
