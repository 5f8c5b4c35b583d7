"""The event stage: sentences with an actor and a trigger are parsed and coded into PLOVER events; then their parties are completed."""
from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.language import Language

from ..actors.kb import KnowledgeBase
from ..model.actors import ArticleActors
from ..model.article import Article
from ..model.events import ArticleEvents, Event, Party
from .clause import (
    UNIDENTIFIED,
    Antecedent,
    ArgMention,
    Coded,
    SentenceContext,
    code_sentence,
    sentence_subjects,
)
from .lexicon import Lexicon

# Bumped when coding changes enough that stored events should be recomputed.
CODER_VERSION = "4"
# Sentences per nlp.pipe batch when parsing the selected sentences.
PARSE_BATCH = 64
# Parse components the coder does not need (entities come from the actor stage).
NOT_FOR_PARSE = ("ner", "kb_ruler")
# Sentences that name no actor can still hold a reciprocal or pronoun subject ("The two leaders agreed").
_CONTEXT_SUBJECT = re.compile(r"\b(?:he|she|they|it|both|two|leaders?|sides?)\b", re.IGNORECASE)


# ---------------------------------------------------------------- batch entry points


def code_events(articles: Sequence[Article], actors: Sequence[ArticleActors], parser: Language,
                lexicon: Lexicon, kb: KnowledgeBase) -> list[ArticleEvents]:
    """Events of each article: its selected sentences parsed in one batch, then coded in order.
    Dates, places and the parties' missing countries come from later stages."""
    selected = [select_sentences(a, act, lexicon) for a, act in zip(articles, actors)]
    texts = [a.body[s:e] for a, sel in zip(articles, selected) for _, s, e in sel]
    docs = iter(parser.pipe(texts, batch_size=PARSE_BATCH, disable=[p for p in NOT_FOR_PARSE
                                                                     if p in parser.pipe_names]))
    out = []
    for a, act, sel in zip(articles, actors, selected):
        parsed = [(i, s, e, next(docs)) for i, s, e in sel]
        out.append(code_article(a, act, parsed, lexicon, kb))
    return out


def select_sentences(a: Article, actors: ArticleActors, lex: Lexicon) -> list[tuple[int, int, int]]:
    """(index, start, end) of the sentences worth parsing: a trigger candidate and an actor
    (a name, a pronoun or reciprocal subject, or a noun such as "police" or "rebels"), or a
    trigger of an attack or protest, which may be told with no doer ("a bomb went off")."""
    with_actor = {m.sentence_index for m in actors.mentions if m.entity_id}
    out = []
    for i, (s, e) in enumerate(actors.sentences):
        text = a.body[s:e]
        if not lex.is_candidate(text):
            continue
        if i in with_actor or _CONTEXT_SUBJECT.search(text) or lex.names_party(text) or lex.tells_unseen_doer(text):
            out.append((i, s, e))
    return out


# ---------------------------------------------------------------- one article


def code_article(a: Article, actors: ArticleActors, parsed: Sequence[tuple[int, int, int, object]],
                 lexicon: Lexicon, kb: KnowledgeBase) -> ArticleEvents:
    """All events of one article from its parsed sentences (index, start, end, spaCy Doc). Pure."""
    lexicon = lexicon.for_article(a.body)
    party = _party_maker(actors, kb, _day(a))
    types = {eid: ent.type for eid, ent in actors.entities.items()}
    mentions = [m for m in actors.mentions if m.entity_id and m.entity_id in actors.entities]
    result = ArticleEvents(a.id, parsed_sentences=len(parsed))
    previous: list[Party] = []
    subjects: list[tuple[int, list[Antecedent]]] = []   # (sentence index, its subjects), nearest last
    named = {m.sentence_index for m in mentions}
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
                              previous or _sentence_parties(mentions, actors, index - 1, party),
                              _prior_subjects(subjects, index, named))
        coded = code_sentence(ctx, lexicon)
        subjects.append((index, sentence_subjects(ctx, lexicon)))
        for c in coded:
            result.events.append(_event(a, index, s, e, c, lexicon))
        dyads = [c for c in coded if len({*_ids(c.actors), *_ids(c.recipients)}) >= 2 and c.explicit
                 and all(p.entity_id for p in [*c.actors, *c.recipients])]   # named sides only
        if dyads:
            previous = [*dyads[0].actors, *dyads[0].recipients]
    return result


def _prior_subjects(subjects: list[tuple[int, list[Antecedent]]], index: int,
                    named: set[int]) -> list[Antecedent]:
    """Subjects of the sentences right before sentence `index`, nearest sentence first. The run
    stops at a sentence that was not parsed but names an actor (its subject is unknown); one that
    names none holds no subject a pronoun could take, so it is passed over."""
    out: list[Antecedent] = []
    done = {i: subs for i, subs in subjects}
    for i in range(index - 1, -1, -1):
        if i in done:
            out += done[i]
        elif i in named:
            break
    return out


def complete_parties(a: Article, actors: ArticleActors, result: ArticleEvents, kb: KnowledgeBase) -> None:
    """After dates and places: parties with no country take one from around them, an event with
    no recipient takes the place it acts on, and a mobilisation is never aimed at its own state."""
    party = _party_maker(actors, kb, _day(a))
    _fill_countries(a, actors, result, result.dateline.country if result.dateline is not None else None)
    _place_recipients(actors, result, party)
    _domestic_recipients(result, kb)
    for ev in result.events:
        if ev.event_type == "MOBILIZE":
            ev.recipients = _not_own_state(ev.actors, ev.recipients)


def _day(a: Article) -> str | None:
    return a.published[:10] if a.published else None


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
    earlier: dict[tuple[str, str | None], str] = {}   # a party with no name -> the country it got
    for ev in sorted(result.events, key=lambda e: e.sentence_index):
        found = [c for _, c in sorted(named.get(ev.sentence_index, []))]
        aimed_at = {p.country for p in ev.recipients if p.entity_id and _is_state(actors, p.entity_id)}
        place = ev.location.country if ev.location is not None else None
        sentence = a.body[ev.sentence_start:ev.sentence_end]
        ev.actors = [_carried(p, sentence, earlier) or _fill(p, found, aimed_at, place, dateline, dominant)
                     for p in ev.actors]
        ev.recipients = [_carried(p, sentence, earlier) or _fill(p, found, set(), place, dateline, dominant)
                         for p in ev.recipients]
        for p in [*ev.actors, *ev.recipients]:
            if p.entity_id is None and p.country and p.name in sentence:
                earlier.setdefault((p.name, p.sector), p.country)


def _carried(p: Party, sentence: str, earlier: dict[tuple[str, str | None], str]) -> Party | None:
    """A party with no name that its sentence does not spell out came from a pronoun ("The
    foreign ministers met in Tashkent. They pledged ..."): it keeps the country it got where it
    was named, not one from the sentence of the pronoun."""
    if p.entity_id is not None or p.country or p.name in sentence:
        return None
    country = earlier.get((p.name, p.sector))
    return None if country is None else Party(None, p.name, country, p.sector, p.not_country)


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


# Event types that, when the text names no target, are aimed at the state where they happen:
# a protest at its government, a concession, refusal, threat or act of force inside one country
# at that country. This is the coding convention of CAMEO and PLOVER (a domestic event's target
# is its country), not a choice made on records; meetings, statements and accusations, whose
# target is always someone named, are left without one.
DOMESTIC_TARGET_TYPES = frozenset({"PROTEST", "CONCEDE", "REJECT", "THREATEN", "COERCE"})


def _domestic_recipients(result: ArticleEvents, kb: KnowledgeBase) -> None:
    """An event of a domestic type with no recipient is aimed at the country it happens in: its
    place's country, else its actors' one country. An event placed abroad by actors of one
    country ("Turkish police ... in Iraq") is left alone unless it is a protest."""
    for ev in result.events:
        if ev.recipients or ev.event_type not in DOMESTIC_TARGET_TYPES:
            continue
        place = ev.location.country if ev.location is not None else None
        own = {p.country for p in ev.actors if p.country}
        if place and own and place not in own and ev.event_type != "PROTEST":
            continue
        country = place or (next(iter(own)) if len(own) == 1 else None)
        state = kb.get(f"cty:{country}") if country else None
        if state is not None:
            ev.recipients = [Party(state.id, state.name, country, "GOV")]


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
        if learned and kbe is not None and kbe.broad:   # this article's title beats the broad layer's old roles
            country, sector = learned[0].country or country, learned[0].sector or sector
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


def _event(a: Article, index: int, s: int, e: int, c: Coded, lexicon: Lexicon) -> Event:
    info = lexicon.info(c.event_type)
    root = c.cameo[:2]
    return Event(a.id, index, s, e, c.trigger_text, s + c.trigger_start, s + c.trigger_end, c.event_type,
                 c.mode, c.modality, root, info.quad, info.intensity, c.actors, c.recipients, c.confidence,
                 clause=tuple((s + lo, s + hi) for lo, hi in c.clause))
