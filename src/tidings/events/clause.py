"""The clause coder: one parsed sentence -> PLOVER events (type, mode, who did it to whom, modality, confidence)."""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..model.events import Party
from .lexicon import UNSEEN_DOER, Lexicon, Trigger
from .modality import frame_above, modality_of

# Prepositions that introduce the other party of an event ("talks with X", "attacks on X").
RECIPIENT_PREPS = frozenset({"with", "to", "against", "on", "upon", "toward", "towards", "at", "into"})
# Verbs also take their other party with "from" ("withdraw troops from Lebanon", "demanded
# autonomy from the Serbian authorities"); for nouns "from" names the doer.
VERB_RECIPIENT_PREPS = RECIPIENT_PREPS | {"from"}
# Prepositions after a verb's object noun that name the other party ("rejected calls by Belarus",
# "accepted demands from the rebels", "cut off electricity to Nakhichevan").
OBJECT_NOUN_PREPS = frozenset({"by", "from", "to", "with", "against", "on"})
# Dependency labels that put a name in the object role of some verb: not a fallback actor.
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "iobj", "nsubjpass", "attr", "oprd"})
# Prepositions that introduce the doer of a nominal event ("attacks by X", "attacks from X").
ACTOR_PREPS = frozenset({"by", "from", "of"})
# Dependency labels of a noun's modifiers that can name who did it ("Pakistan's airstrikes").
MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod"})
# Dependencies that start another clause: an argument phrase stops there.
CLAUSAL = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp", "csubj", "parataxis", "conj"})
PERSONAL = {"he": "PER", "she": "PER", "him": "PER", "her": "PER", "his": "PER",
            "it": "ORG", "its": "ORG", "they": "ANY", "them": "ANY", "their": "ANY", "we": "ANY"}
# Verbs whose subject suffers the nominal event in their object ("Pakistan faces daily attacks").
UNDERGO = frozenset({"face", "suffer", "endure", "experience", "witness", "sustain"})
RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
# Pronoun subjects that take the nearest fitting subject before them (_subject_antecedent).
SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they"})
# Head nouns of a party with no name that stand for one person ("the minister ... he said").
PERSON_HEADS = frozenset({"minister", "president", "premier", "leader", "spokesman", "spokeswoman", "spokesperson",
                          "envoy", "ambassador", "commander", "general", "chief", "official", "governor", "king",
                          "emir", "prince", "mayor", "secretary"})
RETALIATION = frozenset({"retaliatory", "retaliation", "counterattack", "counter-attack", "retaliate", "reprisal", "revenge"})
# Words before a nationality plural that make it a minority living elsewhere ("ethnic Albanians").
MINORITY = frozenset({"ethnic"})
# Nouns that carry what their participle says ("issued a declaration demanding ..."): the
# participle is an event of the noun's issuer. Under any other noun a participle only describes
# it ("groups opposing the Taliban", "in order to prevent") and is no event of its own.
MESSAGE_NOUNS = frozenset({"declaration", "statement", "letter", "resolution", "communique", "communiqué",
                           "message", "decree", "appeal", "petition", "memorandum", "note", "ultimatum"})
# Sector nouns that, singular and unnamed, are seldom a party ("with full force", "by force").
MASS_SENSES = frozenset({"force", "military", "intelligence", "media", "office", "authority", "security"})
# Possessive pronouns that stand for a party inside a phrase ("its forces", "their troops").
POSSESSIVES = frozenset({"its", "their", "his", "her"})
# Heads of a definite description that refers back to the last armed group or movement named
# ("the group agreed to a ceasefire").
GROUP_ANAPHORS = frozenset({"group", "organisation", "organization", "movement", "outfit", "network", "militia"})
# Subjects that name a speaker the sentence does not ("I have initiated a dialogue"): no fallback actor.
SPEAKERS = frozenset({"i", "we", "you"})
# Participles that place a party ("a group based in Trinidad", "the Red Cross operating in Iraq").
LOCATED = frozenset({"base", "operate", "station", "locate", "headquarter"})
# Event types whose doer may go unnamed ("a roadside bomb killed two soldiers"): coded with an
# unidentified actor whose country the place or the sentence gives later (stage._fill_countries).
UNNAMED_DOER = frozenset({"ASSAULT", "COERCE", "ACCUSE"})
# Heads that only count or gather the party after "of" ("tens of thousands of students").
QUANTITY = frozenset({"ten", "tens", "hundred", "hundreds", "thousand", "thousands", "dozen", "dozens",
                      "million", "millions", "score", "scores", "number", "third", "half", "quarter",
                      "majority", "group", "crowd", "band", "batch", "contingent", "patch", "some", "many",
                      "most", "all", "several", "one", "two", "three", "four", "five"})
# Participles after a name that make it a backer, not the party ("U.S.-backed forces").
BACKER = frozenset({"back", "support", "sponsor", "broker", "fund", "finance", "arm", "train", "ally", "inspire"})
# Prepositions that place a party with a sector noun ("students throughout Indonesia").
PLACING = frozenset({"in", "from", "throughout", "across"})
UNIDENTIFIED = "unidentified"
# "unidentified men", "armed men", "masked gunmen": people with no name who act as an armed party.
PERSONS = frozenset({"man", "men", "person", "people", "individual", "youth", "assailant"})
UNKNOWN_ARMED = frozenset({"unidentified", "unknown", "armed", "masked", "suspected"})
# Nominal events of these types take "of X" as their target ("the blockade of Serbia",
# "criticism of the decision", "the killing of X"); others as their doer ("the visit of the
# president", "the withdrawal of the troops", "at the request of the Taliban").
OF_TARGET = frozenset({"ACCUSE", "REJECT", "PROTEST", "SANCTION", "COERCE", "ASSAULT"})
# Event types a passive subject does to itself when no agent is named ("troops have been
# deployed", "guerrillas have been demobilized"): the subject is the actor.
SELF_PASSIVE = frozenset({"MOBILIZE", "RETREAT"})
# Last words of an organisation's name: a capitalised run ending in one is a name, not an event.
ORGANISATION_HEADS = frozenset({"organization", "organisation", "alliance", "union", "council", "front",
                                "party", "movement", "pact", "league", "association", "committee", "coalition",
                                "bloc", "agency", "commission", "court", "tribunal", "bank", "fund", "corps",
                                "brigade", "brigades", "command", "ministry", "institute", "foundation",
                                "forces", "army", "group", "network", "federation", "assembly"})
# Longest name given to a party with no entity ("Leaders of the Azadliq opposition coalition").
MAX_NAME_WORDS = 8

# Confidence of a coded event: a base per kind of trigger, then adjustments. Tuned on the dev
# PLOVER records (../shared/eval/plover): the main clause's event should come first.
BASE = {"verb": 0.80, "noun": 0.70}
EXPLICIT_ACTOR = 0.10      # the actor came from the parse (subject, agent, possessor)
FALLBACK_ACTOR = -0.30     # the actor is only the nearest name before the trigger
PER_DEPTH = -0.05          # per step from the root of the sentence (capped at 4 steps)
PER_WORD = 0.03            # per extra word a lexicon entry matched ("held telephonic conversation")
DERIVED = -0.10            # AGREE/THREATEN derived from a promised or conditional event


@dataclass(slots=True)
class ArgMention:
    """An actor mention inside the sentence: token range (doc indexes) and its entity."""

    start: int
    end: int
    entity_id: str
    label: str


@dataclass(frozen=True, slots=True)
class Antecedent:
    """A subject a later pronoun can refer back to: its parties, whether it is plural, whether a person."""

    parties: tuple[Party, ...]
    plural: bool
    person: bool


@dataclass(slots=True)
class SentenceContext:
    """What the coder knows about one sentence: its parse, its actor mentions and the article around it."""

    doc: object                                    # spaCy Doc of the sentence alone
    mentions: list[ArgMention]
    party: Callable[[str, str | None], Party | None]   # entity id, sector hint -> Party at the event date
    entity_type: Callable[[str], str]              # entity id -> PER, COUNTRY, GROUP ...
    earlier: Sequence[tuple[str, str]] = ()        # (entity id, type) of mentions before this sentence, in order
    previous_parties: list[Party] = field(default_factory=list)   # parties of the article's last event
    # Subjects of the sentences right before this one, nearest sentence first (its main clause's
    # subject first); empty when the sentence before was not parsed.
    prior_subjects: Sequence[Antecedent] = ()
    token_mention: dict[int, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for k, m in enumerate(self.mentions):
            for i in range(m.start, m.end):
                self.token_mention.setdefault(i, k)


@dataclass(slots=True)
class Coded:
    """An event found in a sentence, before dates, places and article offsets are attached."""

    trigger_start: int          # char offsets into the sentence text
    trigger_end: int
    trigger_text: str
    event_type: str
    mode: str | None
    cameo: str
    modality: str
    actors: list[Party]
    recipients: list[Party]
    confidence: float
    clause: tuple[tuple[int, int], ...]   # char segments of the clause (for its time expression and place)
    token: int = -1             # index of the trigger's head token
    derived: bool = False
    explicit: bool = True       # the actors came from the parse, not the nearest name
    conditional: str | None = None   # "unless" / "if" when a condition hangs off the event's verb


# ---------------------------------------------------------------- trigger matching


def _near_words(tok) -> set[str]:
    """Lemmas and forms of a token's children and grandchildren (through prepositions)."""
    words: set[str] = set()
    for c in tok.children:
        if c.dep_ in ("ccomp", "advcl", "relcl", "conj", "parataxis", "aux", "auxpass", "nsubj", "nsubjpass", "neg", "punct", "mark"):
            continue
        words |= {c.lemma_.lower(), c.lower_}
        for g in c.children:
            if c.dep_ in ("prep", "dobj", "prt", "dative", "attr", "acomp", "compound", "amod", "pobj", "xcomp"):
                words |= {g.lemma_.lower(), g.lower_}
    return words


def _modifier_words(tok) -> set[str]:
    words: set[str] = set()
    for c in tok.children:
        if c.dep_ in MODIFIER_DEPS or c.dep_ == "prep":
            words |= {c.lemma_.lower(), c.lower_}
            if c.dep_ == "compound":
                words |= {g.lemma_.lower() for g in c.children if g.dep_ in ("compound", "amod")}
            if c.dep_ == "prep":
                words |= {g.lemma_.lower() for g in c.children}
    return words


def match_trigger(tok, lex: Lexicon) -> Trigger | None:
    """The most specific lexicon entry this token heads, if any."""
    lemma, lower = tok.lemma_.lower(), tok.lower_
    if tok.pos_ == "VERB" or (tok.tag_.startswith("VB") and tok.pos_ != "AUX"):
        entries = lex.verbs.get(lemma) or lex.verbs.get(lower) or _by_form(lex.verbs, lower, lex)
        near = _near_words(tok) if entries else set()
    elif tok.pos_ in ("NOUN", "PROPN"):
        joined = _hyphenated(tok)
        entries = ((lex.nouns.get(joined) if joined else None) or lex.nouns.get(lemma) or lex.nouns.get(lower)
                   or _by_form(lex.nouns, lower, lex))
        near = _modifier_words(tok) if entries else set()
    else:
        return None
    for entry in entries:
        if all(w in near for w in entry.extras):
            return entry
    return None


def _hyphenated(tok) -> str | None:
    """The whole hyphenated word a token ends ("sit-in", "pull-out", "cease-fire"), which the
    tokenizer splits into three tokens, with the token's lemma last; None when there is none."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text not in ("-", "‐") or doc[tok.i - 1].whitespace_ or doc[tok.i - 2].whitespace_:
        return None
    return f"{doc[tok.i - 2].lower_}-{tok.lemma_.lower()}"


def _by_form(index: dict[str, list[Trigger]], form: str, lex: Lexicon) -> list[Trigger]:
    """Entries of the head words a surface form inflects, when the tagger's lemma is no head word
    ("raped" lemmatised as "rap")."""
    return [t for h in lex.form_heads.get(form, ()) if h != form for t in index.get(h, ())]


# ---------------------------------------------------------------- parties


def _conjuncts(tok) -> list:
    """The token and its coordinated siblings ("China, Russia and Pakistan")."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ == "conj" or (c.dep_ == "appos" and c.pos_ == "PROPN" and t.pos_ == "PROPN"
                                    and _same_kind(t, c)):
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _same_kind(a, b) -> bool:
    """Two proper nouns in apposition are a list ("China, Russia, Pakistan") when both are countries."""
    return a.ent_type_ == b.ent_type_ == "GPE" or (a.ent_type_ == "" and b.ent_type_ == "")


def _pronoun_party(ctx: SentenceContext, tok) -> list[str]:
    want = PERSONAL.get(tok.lower_)
    if want is None:
        return []
    # the last fitting mention before the pronoun: in this sentence first, then earlier ones
    inside = [(m.entity_id, ctx.entity_type(m.entity_id)) for m in ctx.mentions if m.end <= tok.i]
    for eid, etype in reversed([*ctx.earlier, *inside]):
        if want == "ANY" and etype != "PER" or want == "PER" and etype == "PER" or want == "ORG" and etype != "PER":
            return [eid]
    return []


def _subject_antecedent(ctx: SentenceContext, pron, lex: Lexicon, depth: int) -> list[Party]:
    """The parties a pronoun subject stands for: the nearest subject before it of the same number
    and kind, in its own sentence first, then the subjects of the sentences before (their main
    clause's first); never a noun inside a relative clause or a prepositional phrase ("Tajikistan
    sent aid to the province, which the Taliban control. It also ...": Tajikistan)."""
    doc = ctx.doc
    own = [t for t in doc if t.i < pron.i and t.dep_ in ("nsubj", "nsubjpass")
           and t.lower_ not in RELATIVE and _main_subject(t) and pron not in t.subtree]
    for t in reversed(own):
        parties = phrase_parties(ctx, t, lex, depth + 1)
        if parties and _fits(pron, _antecedent(ctx, t, parties)):
            return parties
    for a in ctx.prior_subjects:
        if _fits(pron, a):
            return list(a.parties)
    return []


def _main_subject(t) -> bool:
    """A subject that is not inside a relative or participle clause or a prepositional phrase."""
    return not any(a.dep_ in ("relcl", "acl", "pcomp", "pobj") for a in [t.head, *t.head.ancestors])


def _antecedent(ctx: SentenceContext, t, parties: list[Party]) -> Antecedent:
    """A subject token with its parties, its number and whether it names a person."""
    m = _mention_at(ctx, t)
    plural = (t.tag_ in ("NNS", "NNPS") or t.lower_ in ("they", "we")
              or any(c.dep_ == "conj" for c in t.children) or len(parties) > 1)
    if m is not None:
        person = ctx.entity_type(m.entity_id) == "PER"
    else:
        person = t.lower_ in ("he", "she") or t.lemma_.lower() in PERSON_HEADS
    return Antecedent(tuple(parties), plural, person)


def _fits(pron, a: Antecedent) -> bool:
    """"he"/"she": one person; "it": one thing that is no person; "they": several, or an
    organisation, group or country (never one person)."""
    word = pron.lower_
    if word in ("he", "she"):
        return a.person and not a.plural
    if word == "it":
        return not a.person and not a.plural
    return a.plural or not a.person


def sentence_subjects(ctx: SentenceContext, lex: Lexicon) -> list[Antecedent]:
    """The subjects a pronoun in the next sentence can refer back to: the main clause's subject
    first, then the sentence's other subjects from the last back (none inside a relative clause
    or a prepositional phrase)."""
    subjects = [t for t in ctx.doc if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ not in RELATIVE
                and _main_subject(t)]
    subjects.sort(key=lambda t: (t.head.dep_ != "ROOT", -t.i))
    out = []
    for t in subjects:
        parties = phrase_parties(ctx, t, lex)
        if parties:
            out.append(_antecedent(ctx, t, parties))
    return out


def _antecedent_phrase(ctx: SentenceContext, tok):
    """The head of the subject phrase a pronoun refers back to in its own sentence, when the name
    it takes sits inside a larger phrase ("Bosnian Serbs"); None otherwise."""
    eids = _pronoun_party(ctx, tok)
    inside = [m for m in ctx.mentions if m.end <= tok.i and eids and m.entity_id == eids[0]]
    if not inside:
        return None
    head = ctx.doc[inside[-1].start:inside[-1].end].root
    while head.dep_ in ("compound", "amod", "nmod", "poss") and head.head.i != head.i:
        head = head.head
    return head if head.dep_ in ("nsubj", "nsubjpass") and head.i < tok.i else None


def _mention_at(ctx: SentenceContext, tok) -> ArgMention | None:
    k = ctx.token_mention.get(tok.i)
    return ctx.mentions[k] if k is not None else None


def phrase_parties(ctx: SentenceContext, tok, lex: Lexicon, depth: int = 0) -> list[Party]:
    """The parties a noun phrase names: one per conjunct, the head's own name first, then an
    apposition ("chief, Asim Malik"), then a possessor or modifier ("Pakistani troops")."""
    out: list[Party] = []
    for c in _conjuncts(tok):
        for p in _one_party(ctx, c, lex, depth):
            if p not in out:
                out.append(p)
    return out


def _sector_of(c, lex: Lexicon) -> str | None:
    """The sector a head noun gives, alone ("police") or with its modifier ("Islamic fundamentalists")."""
    sector = lex.sectors.get(c.lemma_.lower()) or lex.sectors.get(c.lower_)
    if sector is None:
        for m in c.children:
            if m.dep_ in ("amod", "compound") and m.i < c.i:
                sector = lex.sectors.get(f"{m.lower_} {c.lemma_.lower()}")
                if sector:
                    break
    return sector


def _one_party(ctx: SentenceContext, c, lex: Lexicon, depth: int) -> list[Party]:
    sector = _sector_of(c, lex)
    m = _mention_at(ctx, c)
    if m is not None:
        people = _people(ctx, c, m, sector)
        if people is not None:
            return [people]
        p = ctx.party(m.entity_id, None)
        if p is not None and p.country is None:
            p = _affiliated(ctx, c, m, p)
        out = [p] if p else []
        if c.pos_ == "NOUN":   # "Indian and Chinese troops": "Chinese troops" is one name, "Indian" another
            for a in c.children:
                for t in [a, *a.conjuncts] if a.dep_ == "amod" else []:
                    other = _mention_at(ctx, t)
                    q = ctx.party(other.entity_id, sector) if other is not None and other.entity_id != m.entity_id else None
                    if q is not None and q not in out:
                        out.insert(0, q) if t.i < c.i and t.i < m.start else out.append(q)
        return out
    if (c.lemma_.lower() in QUANTITY or c.like_num) and c.pos_ in ("NOUN", "NUM", "PRON") and depth < 3:
        for a in c.children:                    # "tens of thousands of students", "a group of refugees"
            if a.dep_ == "prep" and a.lower_ == "of":
                inner = [p for g in a.children if g.dep_ == "pobj" for p in phrase_parties(ctx, g, lex, depth + 1)]
                if inner and c.lemma_.lower() in lex.crowds and all(p.entity_id is None for p in inner):
                    return [Party(None, phrase_text(c), None, p.sector) for p in inner[:1]]   # "a crowd of youths"
                if inner:
                    return inner
    if c.lower_ in RELATIVE and c.head.dep_ == "relcl":
        return phrase_parties(ctx, c.head.head, lex, depth + 1) if depth < 3 else []
    if c.lower_ in SUBJECT_PRONOUNS and c.dep_ in ("nsubj", "nsubjpass") and depth < 3:
        found = _subject_antecedent(ctx, c, lex, depth)
        if found:
            return found
    if c.lower_ in PERSONAL:
        antecedent = _antecedent_phrase(ctx, c)
        if antecedent is not None and depth < 3:   # "Bosnian Serbs said their forces ...": the phrase, not "Serbs"
            found = phrase_parties(ctx, antecedent, lex, depth + 1)
            if found:
                return found
        return [p for p in (ctx.party(e, None) for e in _pronoun_party(ctx, c)) if p]
    for a in c.children:
        if a.dep_ == "appos":
            am = _mention_at(ctx, a)
            if am is not None:
                p = ctx.party(am.entity_id, None)
                return [p] if p else []
    if c.pos_ == "NOUN":
        person = _person_within(ctx, c)
        if person is not None:
            p = ctx.party(person.entity_id, None)
            return [p] if p else []
    picks = []
    for a in c.children:
        if a.dep_ in MODIFIER_DEPS and a.pos_ == "VERB":   # "Vietnamese-led forces", not "U.S.-backed forces"
            targets = [] if a.lemma_.lower() in BACKER else [g for g in a.children if g.dep_ in ("npadvmod", "compound")]
        elif a.dep_ in MODIFIER_DEPS or (a.dep_ == "prep" and (a.lower_ == "of" or sector and a.lower_ in PLACING)):
            targets = [g for g in a.children if g.dep_ == "pobj"] if a.dep_ == "prep" else [a]
        elif sector and a.dep_ == "acl" and a.lemma_.lower() in LOCATED:
            targets = [g for p in a.children if p.dep_ == "prep" and p.lower_ in ("in", "from") for g in p.children
                       if g.dep_ == "pobj"]
        else:
            continue
        for t in [x for y in targets for x in (y, *y.conjuncts)]:   # "ministers of China and Russia"
            for sub in [t, *[g for g in t.children if g.dep_ in ("compound", "amod", "poss")]]:
                sm = _mention_at(ctx, sub)
                if sm is not None and sm not in picks:
                    picks.append(sm)
    owner = _owner(ctx, c, lex, sector, depth) if sector and not picks else []
    if owner:
        return owner
    minority = [x for x in picks if ctx.entity_type(x.entity_id) == "COUNTRY" and x.start > 0
                and ctx.doc[x.start - 1].lower_ in MINORITY]
    if minority:                  # "ethnic Albanian guerrillas (operating in Macedonia)": not Albania's
        picks = [x for x in picks if x not in minority]
        if not picks:
            own = ctx.party(minority[0].entity_id, None)
            return [Party(None, phrase_text(c), None, sector, not_country=own.country if own else None)]
    if picks:
        # "Afghan Taliban forces": the group, not its country; "Indian and Chinese troops": both
        parties = [p for p in (ctx.party(x.entity_id, sector) for x in picks) if p]
        groups = {p.country for p, x in zip(parties, picks) if ctx.entity_type(x.entity_id) != "COUNTRY"}
        kept = [p for p, x in zip(parties, picks)
                if ctx.entity_type(x.entity_id) != "COUNTRY" or p.country not in groups]
        kept.sort(key=lambda p: p.entity_id is not None and p.entity_id.startswith("cty:"))
        return kept
    if _reciprocal(c, lex):   # "the two sides" with no sides named before: the phrase itself
        return _reciprocal_parties(ctx, c) or [Party(None, phrase_text(c), None, None)]
    return _generic(ctx, c, lex, sector)


def _owner(ctx: SentenceContext, c, lex: Lexicon, sector: str, depth: int) -> list[Party]:
    """The party a possessive pronoun stands for, with the head noun's sector: "its forces"
    (the last organisation or country named), "whose fighters" (what the relative clause describes)."""
    for a in c.children:
        if a.dep_ != "poss":
            continue
        if a.lower_ == "whose" and depth < 3:
            rel = next((t for t in a.ancestors if t.dep_ == "relcl"), None)
            if rel is not None:
                return [_with_sector(p, sector) for p in phrase_parties(ctx, rel.head, lex, depth + 1)]
        if a.lower_ in POSSESSIVES:
            return [p for p in (ctx.party(e, sector) for e in _pronoun_party(ctx, a)) if p]
    return []


def _with_sector(p: Party, sector: str) -> Party:
    """A state or group party acting through a body of the given sector ("whose fighters")."""
    return p if p.entity_id is None else Party(p.entity_id, p.name, p.country, sector)


def _generic(ctx: SentenceContext, c, lex: Lexicon, sector: str | None) -> list[Party]:
    """A party with no name ("police", "the rebels", "a terror group", "Leaders of the opposition
    coalition"): the phrase itself with the sector of its head noun, or of an "of" phrase or a
    modifier when the head says little ("leaders" of a coalition: OPP, not GOV). Its country is
    filled in later from the place or the sentence."""
    if c.pos_ not in ("NOUN", "PROPN") or c.dep_ in ("compound", "amod", "npadvmod"):
        return []          # a PROPN here is a capitalised common noun with no entity ("Militiamen looted")
    if c.lemma_.lower() in GROUP_ANAPHORS and any(d.lower_ == "the" for d in c.children if d.dep_ == "det"):
        named = [eid for eid, etype in [*ctx.earlier, *((m.entity_id, ctx.entity_type(m.entity_id))
                                                         for m in ctx.mentions if m.end <= c.i)] if etype == "GROUP"]
        if named:                        # "the group agreed to a ceasefire": the last group named
            p = ctx.party(named[-1], None)
            return [p] if p else []
    if sector is None and c.lemma_.lower() in PERSONS and any(
            a.dep_ == "amod" and a.lower_ in UNKNOWN_ARMED for a in c.children):
        return [Party(None, phrase_text(c), None, "UAF")]   # "unidentified men", "armed men"
    if sector is None or (c.lemma_.lower() in MASS_SENSES and c.tag_ == "NN"):
        return []
    if sector in ("GOV", "UNK"):
        for a in c.children:
            kids = [g for g in a.children if g.dep_ == "pobj"] if a.dep_ == "prep" and a.lower_ == "of" else [a]
            for t in kids:
                for w in [t, *(g for g in t.children if g.dep_ in ("compound", "amod"))]:
                    other = lex.sectors.get(w.lemma_.lower()) or lex.sectors.get(w.lower_)
                    if other and other not in ("GOV", "UNK") and w is not c:
                        return [Party(None, phrase_text(c), None, other)]
    return [Party(None, phrase_text(c), None, sector)]


def phrase_text(c) -> str:
    """The words of a noun phrase without its determiner and nested clauses ("ethnic Albanians")."""
    toks = [c]
    stack = [x for x in c.children if x.dep_ not in CLAUSAL and x.dep_ not in ("det", "predet", "punct", "cc", "appos")]
    while stack:
        t = stack.pop()
        toks.append(t)
        stack += [x for x in t.children if x.dep_ not in CLAUSAL and x.dep_ not in ("cc", "appos")]
    toks.sort(key=lambda t: t.i)
    while toks and (toks[0].dep_ in ("det", "predet", "punct") or toks[0].pos_ == "PUNCT"):
        toks.pop(0)
    toks = [t for t in toks if not (t.dep_ == "case" and t.head.i == c.i)]   # "the army's": "army"
    while toks and toks[-1].pos_ == "PUNCT" and toks[-1].text not in (")",):
        toks.pop()
    toks = toks[:MAX_NAME_WORDS] if toks and toks[0].i <= c.i else [c]
    doc = c.doc
    return doc.text[toks[0].idx:toks[-1].idx + len(toks[-1])] if toks else c.text


def _people(ctx: SentenceContext, c, m: ArgMention, sector: str | None) -> Party | None:
    """A nationality plural that names people, not a state: "Bosnian Serbs" belong to the country
    that modifies them, "Albanians of southern Serbia" to the one after "of/in", and "ethnic Turks"
    are a minority whose country the sentence gives later (never Turkey)."""
    if ctx.entity_type(m.entity_id) != "COUNTRY" or not _plural_people(ctx, c, m):
        return None
    own = ctx.party(m.entity_id, None)
    own_country = own.country if own is not None else None
    home = None
    for a in c.children:
        kids = [a] if a.dep_ in ("amod", "compound", "nmod") else (
            [g for g in a.children if g.dep_ == "pobj"] if a.dep_ == "prep" and a.lower_ in ("of", "in", "from") else [])
        for t in kids:
            for sub in [t, *(g for g in t.children if g.dep_ in ("compound", "amod"))]:
                other = _mention_at(ctx, sub)
                q = ctx.party(other.entity_id, None) if other is not None and other.entity_id != m.entity_id else None
                if q is not None and ctx.entity_type(other.entity_id) == "COUNTRY" and q.country != own_country:
                    home = home or q.country
    if home is not None:
        return Party(None, phrase_text(c), home, sector)
    if any(a.lower_ in MINORITY for a in c.children):
        return Party(None, phrase_text(c), None, sector, not_country=own_country)
    return None


def _plural_people(ctx: SentenceContext, c, m: ArgMention) -> bool:
    """"Serbs", "Albanians", "Israelis": a plural demonym, not the country's own name ("Philippines")."""
    if c.tag_ not in ("NNPS", "NNS") or not c.text.endswith("s") or m.end - m.start != 1:
        return False
    own = ctx.party(m.entity_id, None)
    return own is not None and c.text.lower() not in own.name.lower()


# Head nouns of reciprocal phrases and the entity type they stand for ("both countries").
_RECIPROCAL_TYPE = {"leader": "PER", "minister": "PER", "official": "PER", "country": "COUNTRY",
                    "nation": "COUNTRY", "neighbour": "COUNTRY", "neighbor": "COUNTRY", "state": "COUNTRY"}


def _reciprocal_parties(ctx: SentenceContext, c) -> list[Party]:
    """"both countries", "the two leaders": the last two of that kind named before in the
    sentence, else the two sides of the article's last two-party event."""
    want = _RECIPROCAL_TYPE.get(c.lemma_.lower())
    seen: list[str] = []
    for m in reversed([m for m in ctx.mentions if m.end <= c.i]):
        if (want is None or ctx.entity_type(m.entity_id) == want) and m.entity_id not in seen:
            seen.append(m.entity_id)
        if len(seen) == 2:
            parties = [p for p in (ctx.party(e, None) for e in reversed(seen)) if p]
            if len(parties) == 2:
                return parties
    return list(ctx.previous_parties)


def _affiliated(ctx: SentenceContext, c, m: ArgMention, p: Party) -> Party:
    """A party with no known country takes the country (or IGO standing) of a name in its own
    noun phrase: "U.N. Secretary-General Kofi Annan", "Chilean judge X"."""
    for t in ctx.doc[max(0, m.start - 6):m.start]:
        other = _mention_at(ctx, t)
        if other is None or other.entity_id == m.entity_id or t.head.i not in range(m.start, m.end) and t.head.head.i not in range(m.start, m.end):
            continue
        q = ctx.party(other.entity_id, None)
        if q is not None and (q.country or q.sector == "IGO"):
            return Party(p.entity_id, p.name, q.country, "IGO" if q.sector == "IGO" else p.sector)
    return p


def _person_within(ctx: SentenceContext, head) -> ArgMention | None:
    """A named person inside a title phrase ("minister of state ... Hina Rabbani Khar"), not in a nested clause."""
    stack = [c for c in head.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp")]
    while stack:
        t = stack.pop(0)
        m = _mention_at(ctx, t)
        if m is not None and ctx.entity_type(m.entity_id) == "PER":
            return m
        stack += [c for c in t.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp")]
    return None


def _reciprocal(tok, lex: Lexicon) -> bool:
    if tok.lemma_.lower() not in lex.reciprocal_heads and tok.lower_ not in lex.reciprocal_heads:
        return False
    return any(c.lower_ in lex.reciprocal_dets for c in tok.children) or tok.lower_ in ("both",)


def _args(tok, deps: set[str]) -> list:
    return [c for c in tok.children if c.dep_ in deps]


def _prep_objects(tok, preps: frozenset[str]) -> list:
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            out += [g for g in c.children if g.dep_ == "pobj"]
    return out


def subject_of(tok, lex: Lexicon, hops: int = 0):
    """(subject token, passive) of a verb, following conj, xcomp, advcl and relative clauses up."""
    subj = _args(tok, {"nsubj", "csubj", "expl"})
    if subj:
        return subj[0], False
    passive = _args(tok, {"nsubjpass"})
    if passive:
        return passive[0], True
    if hops > 3 or tok.head.i == tok.i:
        return None, False
    if tok.dep_ in ("conj", "advcl", "xcomp", "ccomp", "pcomp", "acomp"):
        head = tok.head
        if tok.dep_ == "xcomp" and lex.frames.get(head.lemma_.lower()) in ("request",):
            objs = _args(head, {"dobj", "dative"}) or _prep_objects(head, frozenset({"on", "upon"}))
            if objs:
                return objs[0], False
        return subject_of(head, lex, hops + 1)
    if tok.dep_ in ("relcl", "acl"):
        head = tok.head
        if tok.dep_ == "acl" and head.dep_ == "attr" and head.head.lemma_.lower() == "be":
            s, _ = subject_of(head.head, lex, hops + 1)   # "Khar is the first minister to visit Kabul"
            if s is not None:
                return s, False
        return head, False
    return None, False


# ---------------------------------------------------------------- coding


def code_sentence(ctx: SentenceContext, lex: Lexicon) -> list[Coded]:
    """Every event the sentence holds, most confident first."""
    doc = ctx.doc
    found: list[Coded] = []
    matched = [(tok, match_trigger(tok, lex)) for tok in doc]
    # The first half of a compound trigger ("call" in "call-up") is not a trigger of its own.
    inside = {c.i for tok, trig in matched if trig is not None and trig.extras
              for c in tok.children if c.dep_ == "compound" and (c.lemma_.lower() in trig.extras or c.lower_ in trig.extras)}
    for tok, trig in matched:
        if trig is None or tok.i in inside or _absorbed(tok, lex) or _in_name(ctx, tok):
            continue
        ev = _code(ctx, tok, trig, lex)
        if ev is not None:
            found.append(ev)
    found = _cross_clause(ctx, found)
    _criticisms(ctx, found, lex)
    if any(e.explicit for e in found):
        found = [e for e in found if e.explicit or e.token is not None and doc[e.token].pos_ == "VERB"]
    found = _drop_frames(ctx, found, lex)
    found = [_riot(ev, lex) for ev in found]
    found += _requests(ctx, lex, found)
    _protest_targets(ctx, found)
    _protest_purposes(ctx, found, lex)
    found += _derived(found, lex)
    return _dedupe(found)


# Prepositions after a criticism that name what is criticised ("condemned X for abducting Y",
# "accused X of torture", "criticism of the killing", "anger over the arrests").
CRITICISED_PREPS = frozenset({"for", "of", "over", "against"})
# Events that voice a criticism: an accusation, and a protest against what it names ("rallied to
# protest the violations by X").
CRITICISING = frozenset({"ACCUSE", "PROTEST"})
# Quad classes of the events a criticism can be about: verbal and material conflict (PLOVER.md).
CONFLICT_QUADS = (3, 4)


def _criticisms(ctx: SentenceContext, found: list[Coded], lex: Lexicon) -> None:
    """An abuse inside a criticism ("condemned the army's killing of protesters", "criticised the
    militia for abducting aid workers", "denounced torture by prison guards", "rallied to protest
    the violations by X") is the critic's claim, not an event the sentence asserts: it is
    uncertain, its doer is the one criticised (never the critic), and the criticism (ACCUSE or
    PROTEST) is aimed at that doer."""
    doc = ctx.doc
    for ev in found:
        if ev.event_type not in CRITICISING or ev.derived:
            continue
        tok = doc[ev.token]
        objects = _args(tok, {"dobj"}) if tok.pos_ == "VERB" else []
        about = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in CRITICISED_PREPS]
        for other in found:
            if other is ev or other.event_type in CRITICISING or lex.info(other.event_type).quad not in CONFLICT_QUADS:
                continue
            inner = doc[other.token]
            if not any(inner in o.subtree for o in objects) and not any(inner in g.subtree for g in about):
                continue
            if other.modality == "asserted":
                other.modality = "uncertain"
            critic = set(_ids(ev.actors))
            unnamed = all(a.entity_id is None and a.name == UNIDENTIFIED for a in other.actors)
            direct = inner.head in about or inner in objects   # "for abducting", not "for sheltering X, whose attacks"
            if direct and inner not in objects and objects and (
                    unnamed or not other.explicit or critic & set(_ids(other.actors))):
                other.actors = [p for o in objects for p in phrase_parties(ctx, o, lex)] or other.actors
                other.recipients = [r for r in other.recipients if r not in other.actors]
                other.explicit = True
            doers = [a for a in other.actors if not (a.entity_id is None and a.name == UNIDENTIFIED)
                     and _key(a) not in critic]
            if doers:
                rest = [r for r in ev.recipients if r not in doers and r not in other.recipients]
                ev.recipients = [*doers, *rest]


def _in_name(ctx: SentenceContext, tok) -> bool:
    """A word inside an organisation's name is no trigger ("Collective Security Treaty
    Organization" is no treaty, "the Northern Alliance" no alliance): inside the mention of an
    entity that is neither a person nor a country, or in a run of capitalised words (not opening
    the sentence) that ends in a word naming an organisation."""
    m = _mention_at(ctx, tok)
    if m is not None and ctx.entity_type(m.entity_id) not in ("PER", "COUNTRY"):
        return True
    if not _capitalised(tok):
        return False
    end = tok
    while end.i + 1 < len(ctx.doc) and _capitalised(ctx.doc[end.i + 1]):
        end = ctx.doc[end.i + 1]
    return end.lower_ in ORGANISATION_HEADS


def _capitalised(tok) -> bool:
    return tok.i > 0 and tok.text[:1].isupper() and tok.is_alpha


# Events that name what a protest is for or against ("to demand reforms from X", "calling for
# independence from X", "to protest X's decision").
PURPOSE_TYPES = frozenset({"REQUEST", "ACCUSE", "REJECT"})


def _protest_targets(ctx: SentenceContext, found: list[Coded]) -> None:
    """A protest with no recipient is aimed at whoever its purpose clause addresses: "students
    staged demonstrations to demand reforms by the government", "Kurds demonstrated calling for
    independence from Iraq"."""
    doc = ctx.doc
    for ev in found:
        if ev.event_type != "PROTEST" or ev.recipients:
            continue
        v = doc[ev.token]
        while v.pos_ not in ("VERB", "AUX") and v.head.i != v.i:
            v = v.head
        clauses = [c for c in v.children if c.dep_ in ("advcl", "xcomp", "acl", "ccomp")]
        clauses += [c for c in doc[ev.token].children if c.dep_ in ("acl", "relcl", "prep")]
        for other in found:
            if other is ev or other.event_type not in PURPOSE_TYPES or not other.recipients:
                continue
            if any(doc[other.token] in c.subtree for c in clauses):
                ev.recipients = [r for r in other.recipients if r not in ev.actors]
                break


def _protest_purposes(ctx: SentenceContext, found: list[Coded], lex: Lexicon) -> None:
    """A protest that is the purpose of what was done ("women gathered in Kabul to protest the
    closure", "lawyers boycotted the courts to protest the arrest") happened in the doing: it is
    as asserted as the act, not a plan. Not under a frame ("planned to protest")."""
    doc = ctx.doc
    for ev in found:
        tok = doc[ev.token]
        if ev.event_type != "PROTEST" or ev.modality != "hypothetical" or tok.dep_ not in ("advcl", "xcomp"):
            continue
        head = tok.head
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) or head.pos_ != "VERB":
            continue
        if lex.frame_of(head) is None and modality_of(head, head, lex) == "asserted":
            ev.modality = "asserted"


def _riot(ev: Coded, lex: Lexicon) -> Coded:
    """Violence by a crowd ("protesters clashed with police", "rioters attacked shops", "protesters
    stormed the governor's office") is a violent protest: PROTEST with mode riot, as the PLOVER
    manual codes CAMEO 145."""
    if not (ev.event_type == "ASSAULT" or (ev.event_type == "COERCE" and ev.mode == "seize")) or not ev.actors or not lex.crowds:
        return ev          # a crowd that storms or loots a building riots too
    if all(p.entity_id is None and _crowd_noun(p.name, lex) for p in ev.actors):
        ev.event_type, ev.mode, ev.cameo = "PROTEST", "riot", "145"
    return ev


def _crowd_noun(name: str, lex: Lexicon) -> bool:
    words = name.lower().replace("-", " ").split()
    return bool(words) and any(w in lex.crowds or (w.endswith("s") and w[:-1] in lex.crowds) for w in words)


def _absorbed(tok, lex: Lexicon) -> bool:
    """Tokens that are part of another event's phrase, not events themselves."""
    if tok.pos_ == "VERB" and tok.dep_ in ("amod",):
        return True
    if (tok.pos_ == "VERB" and tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and not _args(tok, {"nsubj"})
            and tok.head.lemma_.lower() not in MESSAGE_NOUNS):
        return True   # "airstrikes targeting the TTP", "groups opposing the Taliban": a description
    if tok.lemma_.lower() == "meet" and _args(tok, {"auxpass"}) and any(c.lower_ == "with" for c in tok.children):
        return True   # "were met with retaliatory attacks": a response, not a meeting
    # "held talks": the noun carries the event
    return tok.pos_ == "VERB" and tok.lemma_.lower() in lex.light and any(
        match_trigger(c, lex) for c in tok.children if c.dep_ in ("dobj", "attr", "nsubjpass", "oprd"))


def _depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i and d < 4:
        tok, d = tok.head, d + 1
    return d


def _clause_span(tok) -> tuple[tuple[int, int], ...]:
    """Char segments of the clause around a trigger: its governing verb's subtree without nested clauses."""
    head = tok
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    toks = [head]
    nested = ("ccomp", "advcl", "conj", "parataxis", "relcl", "acl")

    def keep(c) -> bool:   # the trigger's own clause, and a clause describing the trigger noun itself
        return c.dep_ not in nested or tok in c.subtree or (c.dep_ == "acl" and c.head.i == tok.i)

    stack = [c for c in head.children if keep(c)]
    while stack:
        t = stack.pop()
        toks.append(t)
        stack += [c for c in t.children if keep(c)]
    segments: list[list[int]] = []
    for t in sorted(toks, key=lambda t: t.i):
        if segments and segments[-1][2] == t.i - 1:
            segments[-1][1], segments[-1][2] = t.idx + len(t), t.i
        else:
            segments.append([t.idx, t.idx + len(t), t.i])
    return tuple((a, b) for a, b, _ in segments)


def _code(ctx: SentenceContext, tok, trig: Trigger, lex: Lexicon) -> Coded | None:
    anchor = tok
    explicit = True
    if trig.pos == "verb":
        actors, recipients = _verb_parties(ctx, tok, trig, lex)
    else:
        actors, recipients, anchor = _noun_parties(ctx, tok, trig, lex)
    if trig.swap:
        actors, recipients = recipients, actors
    if not actors and trig.type in SELF_PASSIVE and trig.pos == "verb" and _args(tok, {"nsubjpass"}):
        actors, recipients = recipients[:1], recipients[1:]   # "forces have been deployed"
    speaker = _speaker_subject(anchor if trig.pos == "noun" else tok, lex)
    if not actors and not speaker:
        actors = _fallback_actor(ctx, tok, recipients, lex)
        explicit = False
    recipients = [r for r in recipients if _key(r) not in {_key(a) for a in actors}]   # not "its troops" offered
    retaliation = bool({tok.lemma_.lower(), *(c.lower_ for c in tok.children)} & RETALIATION)
    if not actors and not speaker and (recipients or retaliation) and trig.type in UNNAMED_DOER:
        # "a roadside bomb killed two soldiers"; a retaliation's sides come from the attack before it
        actors = [Party(None, UNIDENTIFIED, None, None)]
    if not actors and not speaker and trig.type in UNSEEN_DOER and _doer_unsaid(tok, trig, lex):
        actors = [Party(None, UNIDENTIFIED, None, None)]   # "shops were set ablaze", "a bomb went off"
    if not actors:
        return None
    modality = modality_of(tok, anchor, lex)
    if modality == "suppressed":
        return None
    conf = BASE[trig.pos] + (EXPLICIT_ACTOR if explicit else FALLBACK_ACTOR)
    conf += PER_DEPTH * _depth(anchor) + PER_WORD * (trig.words - 1)
    first, last = _trigger_tokens(tok, trig)
    cond = next((m.lower_ for c in anchor.children if c.dep_ == "advcl" for m in c.children
                 if m.dep_ == "mark" and m.lower_ in ("unless", "if")), None)
    return Coded(first.idx, last.idx + len(last), ctx.doc.text[first.idx:last.idx + len(last)],
                 trig.type, trig.mode, trig.cameo, modality, actors, recipients,
                 round(max(0.05, min(0.99, conf)), 3), _clause_span(anchor), tok.i, explicit=explicit,
                 conditional=cond)


def _doer_unsaid(tok, trig: Trigger, lex: Lexicon) -> bool:
    """An attack or protest told without its doer, as a thing that happened: a passive with no
    agent ("several shops were set ablaze"), a device as the subject of the attack ("a bomb went
    off", "a car bomb exploded"), or the event noun as its clause's subject ("a grenade was
    lobbed into a bar", "violent protests erupted", "a peaceful rally was held")."""
    if trig.pos == "noun":   # not "the strikes followed an ambush" (air strikes?), not "our fight is ..."
        ambiguous = any(t.type != trig.type and t.layer == 0 and not t.extras for t in lex.verbs.get(tok.lemma_.lower(), ()))
        return (tok.dep_ in ("nsubj", "nsubjpass") and not ambiguous and tok.head.lemma_.lower() != "be"
                and match_trigger(tok.head, lex) is None)
    if _args(tok, {"nsubjpass", "auxpass"}) and not _args(tok, {"agent"}):
        return True
    subj = _args(tok, {"nsubj"})
    instrument = match_trigger(subj[0], lex) if subj else None
    return instrument is not None and instrument.type == "ASSAULT" and instrument.pos == "noun"


def _trigger_tokens(tok, trig: Trigger):
    """First and last token of the trigger phrase (the head plus the words the entry matched)."""
    toks = [tok]
    for c in tok.children:
        if c.lemma_.lower() in trig.extras or c.lower_ in trig.extras or trig.pos == "verb" and c.dep_ in ("prt",):
            toks.append(c)
    toks = [t for t in toks if abs(t.i - tok.i) <= 3]
    return min(toks, key=lambda t: t.i), max(toks, key=lambda t: t.i)


def _verb_parties(ctx: SentenceContext, tok, trig: Trigger, lex: Lexicon) -> tuple[list[Party], list[Party]]:
    subj, passive = subject_of(tok, lex)
    actors: list[Party] = []
    recipients: list[Party] = []
    frame = frame_above(tok, lex)
    if frame is not None and frame[1] == "cause" and not _reported(tok, frame[0], lex):
        s, _ = subject_of(frame[0], lex)
        if s is not None:
            actors = phrase_parties(ctx, s, lex)
    own_passive = bool(_args(tok, {"nsubjpass", "auxpass"}))
    agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if not actors:
        if own_passive or passive:
            for a in agents:
                actors += phrase_parties(ctx, a, lex)
            if not agents:         # "an agreement was signed between X and Y": both sides acted
                for o in _prep_objects(tok, frozenset({"between"})) + (
                        _prep_objects(subj, frozenset({"between"})) if subj is not None else []):
                    actors += [p for p in phrase_parties(ctx, o, lex) if p not in actors]
            if subj is not None:
                recipients += phrase_parties(ctx, subj, lex)
        elif subj is not None:
            actors = phrase_parties(ctx, subj, lex)
            if not actors and tok.dep_ == "acl" and subj.dep_ in ("dobj", "attr") and subj.head.pos_ == "VERB":
                s2, passive2 = subject_of(subj.head, lex)   # "X issued a declaration demanding ..."
                if s2 is not None and not passive2:
                    actors = phrase_parties(ctx, s2, lex)
    for o in _args(tok, {"dobj", "dative", "iobj", "attr"}) + _prep_objects(tok, VERB_RECIPIENT_PREPS):
        for p in phrase_parties(ctx, o, lex):
            if p not in recipients and p not in actors:
                recipients.append(p)
    if not actors and subj is not None and _reciprocal(subj, lex):
        actors = list(ctx.previous_parties)
    if not any(r.entity_id for r in recipients):
        named = [p for p in _complement_targets(ctx, tok, trig, lex) if p not in actors and p not in recipients]
        recipients = [*named, *recipients]
    return actors, recipients


def _reported(tok, frame, lex: Lexicon) -> bool:
    """"X told AFP that Y happened": a report under a verb that can also order ("told them to go")."""
    if frame.lemma_.lower() not in lex.speech:
        return False
    link = next((t for t in [tok, *tok.ancestors] if t.head.i == frame.i), None)
    return link is not None and link.dep_ == "ccomp"


def _complement_targets(ctx: SentenceContext, tok, trig: Trigger, lex: Lexicon, depth: int = 0) -> list[Party]:
    """The other party a verb's object or complement names when the verb names none itself:
    "rejected calls by Belarus's rulers", "offered to hand over two suspects to Britain",
    "threatened to break relations with Russia", "demanded that the Turkish government provide ..."."""
    out: list[Party] = []
    objects = _args(tok, {"dobj"})
    if trig.type == "REQUEST":      # "called for sanctions against Nigeria": what was asked names the target
        objects += _prep_objects(tok, frozenset({"for"}))
    for o in objects:
        for g in _prep_objects(o, OBJECT_NOUN_PREPS):
            out += phrase_parties(ctx, g, lex)
    for c in tok.children:
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
            for o in _args(c, {"dobj", "dative", "iobj"}) + _prep_objects(c, VERB_RECIPIENT_PREPS):
                out += phrase_parties(ctx, o, lex)
            if not out and depth < 2:
                out += _complement_targets(ctx, c, trig, lex, depth + 1)
        elif c.dep_ == "ccomp" and (trig.type == "REQUEST" or lex.frames.get(tok.lemma_.lower()) == "request"):
            s, _ = subject_of(c, lex)
            if s is not None:
                out += phrase_parties(ctx, s, lex)
    return list(dict.fromkeys(out))


def _noun_parties(ctx: SentenceContext, tok, trig: Trigger, lex: Lexicon):
    """(actors, recipients, anchor) of a nominal trigger: its own possessor, "by"/"from" phrase
    or modifier; else, under a light verb ("held talks") or a verb that is no event itself
    ("would tighten the blockade"), the verb's subject. "Of" names the target of a conflict
    ("the blockade of Serbia") and the doer of anything else ("the visit of the president")."""
    actors: list[Party] = []
    recipients: list[Party] = []
    conflict = trig.type in OF_TARGET
    for c in tok.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and not (c.pos_ == "VERB" and c.lemma_.lower() in BACKER):
            actors += [p for p in phrase_parties(ctx, c, lex) if p not in actors]   # not "a UN-brokered deal"
            sector = _sector_of(c, lex) if c.dep_ == "compound" and c.pos_ == "NOUN" and not actors else None
            if sector is not None and c.lemma_.lower() not in MASS_SENSES:
                actors.append(Party(None, phrase_text(c), None, sector))   # "a police crackdown", "rebel attacks"
    for o in _prep_objects(tok, ACTOR_PREPS):
        if (o.head.lower_ == "of" and conflict) or (o.head.lower_ == "from" and trig.type == "RETREAT"):
            # "the blockade of Serbia"; "the withdrawal from Gorazde" (what was left, not who left)
            recipients += [p for p in phrase_parties(ctx, o, lex) if p not in recipients]
        elif not actors or o.head.lower_ in ("by", "from"):
            actors += [p for p in phrase_parties(ctx, o, lex) if p not in actors]
    for o in _prep_objects(tok, RECIPIENT_PREPS):
        recipients += phrase_parties(ctx, o, lex)
    if not actors and tok.dep_ == "dobj" and not _args(tok.head, {"nsubjpass", "auxpass"}):
        # "denounced torture by prison guards": an active verb has no agent, so a "by" phrase
        # the parse hung on it after its object names the object's doer
        for o in (g for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > tok.i
                  for g in c.children if g.dep_ == "pobj"):
            actors += [p for p in phrase_parties(ctx, o, lex) if p not in actors]
    for c in tok.children:
        if c.dep_ == "acl" and c.pos_ == "VERB":   # "airstrikes targeting the TTP"
            for o in _args(c, {"dobj"}) + _prep_objects(c, frozenset({"against", "on"})):
                recipients += phrase_parties(ctx, o, lex)
            if not actors:                          # "abuses carried out by the Taliban"
                for a in (g for x in c.children if x.dep_ == "agent" for g in x.children if g.dep_ == "pobj"):
                    actors += [p for p in phrase_parties(ctx, a, lex) if p not in actors]
    anchor = tok
    head = tok.head
    light = _light_before(tok, lex)
    if light is not None and not (tok.dep_ in ("dobj", "attr", "oprd", "nsubjpass") and head.lemma_.lower() in lex.light):
        head = light
        if not actors:
            s, passive = subject_of(head, lex)
            if s is not None and not passive:
                actors = phrase_parties(ctx, s, lex)
        return actors, [r for r in recipients if r not in actors], head
    if tok.dep_ == "dobj" and head.lemma_.lower() in UNDERGO:
        s, passive = subject_of(head, lex)
        if s is not None and not passive:
            recipients += [p for p in phrase_parties(ctx, s, lex) if p not in recipients]
        return actors, [r for r in recipients if r not in actors], head
    if tok.dep_ == "attr" and head.lemma_.lower() == "be":
        s, _ = subject_of(head, lex)
        if s is not None and not actors:
            actors = phrase_parties(ctx, s, lex)
        for o in _prep_objects(tok, frozenset({"of"})):
            recipients += [p for p in phrase_parties(ctx, o, lex) if p not in recipients]
        return actors, [r for r in recipients if r not in actors], head
    if tok.dep_ in ("dobj", "attr", "oprd", "nsubjpass") and head.lemma_.lower() in lex.light:
        anchor = head
        if not actors:
            s, passive = subject_of(head, lex)
            if s is not None and not passive:
                actors = phrase_parties(ctx, s, lex)
        for o in _args(head, {"dative", "iobj"}) + _prep_objects(head, RECIPIENT_PREPS):
            recipients += [p for p in phrase_parties(ctx, o, lex) if p not in recipients]
    elif tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "under" and head.head.pos_ in ("VERB", "AUX"):
        anchor = head.head                   # "came under attack", "was put under investigation"
        s, _ = subject_of(anchor, lex)
        if s is not None:
            recipients += [p for p in phrase_parties(ctx, s, lex) if p not in recipients]
    elif tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and not actors:
        # "agreed to a ceasefire", "called for talks": the verb's own event covers it
        anchor = head.head
    elif tok.dep_ == "dobj" and head.pos_ == "VERB" and not actors and _plain_verb(head, lex):
        s, passive = subject_of(head, lex)   # "NATO would tighten the blockade of Serbia"
        if s is not None and not passive:
            actors = phrase_parties(ctx, s, lex)
            anchor = head
    recipients = [r for r in recipients if r not in actors]
    return actors, recipients, anchor


def _plain_verb(tok, lex: Lexicon) -> bool:
    """A verb that is no event, frame or report of its own ("tighten", "step up"), so its
    subject is the doer of the nominal event it governs ("condemned the attack" is not)."""
    lemma = tok.lemma_.lower()
    return match_trigger(tok, lex) is None and lemma not in lex.frames and lemma not in lex.speech


def _light_before(tok, lex: Lexicon):
    """A light verb right before the noun ("held one-on-one talks"), even when the parse attached
    the noun elsewhere."""
    for i in range(tok.i - 1, max(-1, tok.i - 7), -1):
        t = tok.doc[i]
        if t.pos_ == "VERB":
            return t if t.lemma_.lower() in lex.light else None
        if t.pos_ not in ("DET", "ADJ", "NUM", "PUNCT", "ADP", "NOUN", "ADV", "PROPN", "PART"):
            return None
    return None


def _speaker_subject(tok, lex: Lexicon) -> bool:
    """Whether the verb's subject is "I", "we" or "you": a speaker the sentence does not name."""
    s, _ = subject_of(tok, lex) if tok.pos_ in ("VERB", "AUX") else (None, False)
    return s is not None and s.lower_ in SPEAKERS


def _fallback_actor(ctx: SentenceContext, tok, recipients: list[Party], lex: Lexicon) -> list[Party]:
    """The nearest name before the trigger that is no verb's object ("killed one U.S. soldier
    and wounded two others": not the U.S.), read with its phrase ("the Taliban administration of
    Afghanistan" is the Taliban), when the parse gave no actor."""
    before = [m for m in ctx.mentions if m.end <= tok.i]
    for m in reversed(before):
        root = ctx.doc[m.start:m.end].root
        if _object_like(root):
            continue
        head = _phrase_head(root)
        if head.i != root.i and tok not in head.subtree:
            found = [p for p in phrase_parties(ctx, head, lex) if p not in recipients]
            if found:
                return found[:1]
        p = ctx.party(m.entity_id, None)
        if p is not None and p not in recipients:
            return [p]
    return []


def _phrase_head(tok):
    """The head noun of the phrase a name sits in ("Taliban" in "the Taliban administration of Afghanistan")."""
    t = tok
    for _ in range(6):
        if t.dep_ in ("compound", "amod", "poss", "nmod") and t.head.pos_ in ("NOUN", "PROPN"):
            t = t.head
        elif t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ in ("NOUN", "PROPN"):
            t = t.head.head
        else:
            break
    return t


def _object_like(tok) -> bool:
    """Whether the phrase a name heads or modifies is some verb's object (or passive subject), not
    its doer: "one U.S. soldier" after "killed", "in Iraq" after a verb; "by" X is a doer."""
    t = tok
    while t.dep_ in ("compound", "amod", "poss", "nmod", "nummod") and t.head.i != t.i:
        t = t.head
    if t.dep_ == "pobj":   # a verb's own prepositional object, not one inside a noun phrase
        return t.head.dep_ != "agent" and t.head.head.pos_ in ("VERB", "AUX")
    return t.dep_ in OBJECT_DEPS


def _cross_clause(ctx: SentenceContext, found: list[Coded]) -> list[Coded]:
    """"Airstrikes ... were met with retaliatory attacks": the retaliation's actors are the first
    event's targets, and its targets the first event's actors."""
    doc = ctx.doc
    out = []
    for ev in found:
        tok = doc[ev.token]
        words = {tok.lemma_.lower(), *(c.lower_ for c in tok.children)}
        if words & RETALIATION:
            earlier = [e for e in found if e is not ev and e.event_type == "ASSAULT" and e.token != ev.token
                       and e.recipients]
            if earlier:
                first = earlier[0]
                explicit = [a for a in ev.actors if a not in first.actors]
                if not explicit or not ev.explicit:
                    ev.actors = list(first.recipients)
                    ev.recipients = list(first.actors)
                    ev.confidence = max(ev.confidence, first.confidence - 0.05)
                    ev.explicit = True
        elif not ev.explicit and tok.dep_ == "advcl":
            # "..., killing Pakistani personnel": the participle continues the event before it
            same = [e for e in out if e.event_type == ev.event_type and e.explicit]
            if same:
                ev.actors = list(same[-1].actors)
                ev.recipients = [r for r in ev.recipients if r not in ev.actors]
        out.append(ev)
    return out


# Verbs that deny an act rather than reject an initiative: "denied carrying out the strikes" is
# no REJECT (PLOVER: rejecting a proposal, request or demand); the act under it is coded negated.
DENIALS = frozenset({"deny"})


def _drop_frames(ctx: SentenceContext, found: list[Coded], lex: Lexicon) -> list[Coded]:
    """An order is coded as what was ordered ("ordered troops deployed"), and a denial as the act
    denied ("denied shelling the village"): drop the order or denial itself when the act under it
    was coded."""
    doc = ctx.doc
    tokens = {e.token for e in found}
    out = []
    for ev in found:
        tok = doc[ev.token]
        lemma = tok.lemma_.lower()
        deps = ("xcomp", "ccomp", "dobj") if lex.frames.get(lemma) == "cause" else ("xcomp", "ccomp") if lemma in DENIALS else ()
        if any(t in tokens for c in tok.children if c.dep_ in deps for t in (x.i for x in c.subtree)):
            continue
        out.append(ev)
    return out


COOPERATIVE_QUADS = (1, 2)


def _derived(found: list[Coded], lex: Lexicon) -> list[Coded]:
    """PLOVER's AGREE for promised cooperation ("will provide aid", "ready to help") and
    THREATEN for promised or conditional coercion ("will extend the curfew")."""
    out = []
    have = {(e.event_type, e.token) for e in found}
    for ev in found:
        if ev.modality == "negated" and ev.event_type in ("AGREE", "CONCEDE") and ev.explicit:
            kind = "REJECT"       # "will not accept", "will not allow": a refusal
        elif ev.modality != "future" or ev.event_type in ("AGREE", "THREATEN", "REQUEST", "REJECT", "ACCUSE"):
            continue
        elif ev.conditional == "unless" or (ev.conditional and lex.info(ev.event_type).quad not in COOPERATIVE_QUADS):
            kind = "THREATEN"     # "will withdraw unless ..."
        else:
            kind = "AGREE" if lex.info(ev.event_type).quad in COOPERATIVE_QUADS else "THREATEN"
        if any(e.event_type == kind and e.modality == "asserted" for e in found):
            continue
        if all(a.name == UNIDENTIFIED and a.entity_id is None for a in ev.actors):
            continue              # a promise or threat needs someone who made it
        if (kind, ev.token) in have:
            continue
        info = lex.info(kind)
        out.append(Coded(ev.trigger_start, ev.trigger_end, ev.trigger_text, kind, None, info.cameo, "asserted",
                         list(ev.actors), list(ev.recipients), round(max(0.05, ev.confidence + DERIVED), 3),
                         ev.clause, ev.token, derived=True))
    return out


def _requests(ctx: SentenceContext, lex: Lexicon, found: list[Coded]) -> list[Coded]:
    """"X said Y must do Z": a REQUEST from X to Y (Z is only what was asked)."""
    out = []
    for tok in ctx.doc:
        if tok.lemma_.lower() not in lex.speech and tok.lemma_.lower() not in ("demand", "insist"):
            continue
        for c in tok.children:
            if c.dep_ != "ccomp" or not any(a.dep_ == "aux" and a.lower_ in ("must", "should") for a in c.children):
                continue
            s, _ = subject_of(tok, lex)
            o, _ = subject_of(c, lex)
            actors = phrase_parties(ctx, s, lex) if s is not None else []
            recipients = phrase_parties(ctx, o, lex) if o is not None else []
            if not actors:
                actors = _fallback_actor(ctx, tok, recipients, lex)
            if not actors or any(e.event_type == "REQUEST" and e.token == tok.i for e in found):
                continue
            conf = BASE["verb"] + EXPLICIT_ACTOR + PER_DEPTH * _depth(tok)
            out.append(Coded(tok.idx, tok.idx + len(tok), tok.text, "REQUEST", None, lex.info("REQUEST").cameo,
                             "asserted", actors, [r for r in recipients if r not in actors], round(conf, 3),
                             _clause_span(tok), tok.i))
    return out


def _dedupe(found: list[Coded]) -> list[Coded]:
    """One event per type and actors in a sentence: the most confident, with all recipients."""
    found = sorted(found, key=lambda e: (-e.confidence, e.trigger_start))
    out: list[Coded] = []
    for ev in found:
        twin = next((o for o in out if o.event_type == ev.event_type and o.modality == ev.modality
                     and set(_ids(o.actors)) & set(_ids(ev.actors))
                     and (o.clause == ev.clause or not ev.explicit or ev.derived)), None)
        if twin is not None:
            twin.recipients += [r for r in ev.recipients if r not in twin.recipients and r not in twin.actors]
            continue
        out.append(ev)
    return out


def _ids(parties: list[Party]) -> list[str]:
    return [_key(p) for p in parties]


def _key(p: Party) -> str:
    """One party whatever sector it acts through (Syria's troops are Syria)."""
    return p.entity_id or p.name


__all__ = ["Antecedent", "ArgMention", "Coded", "SentenceContext", "code_sentence", "match_trigger", "phrase_parties",
           "sentence_subjects"]
