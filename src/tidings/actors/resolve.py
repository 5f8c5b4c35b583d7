"""Mention -> entity resolution within one article: knowledge base, in-article coreference, acronyms, titles, fuzzy spellings."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.actors import ArticleActors, Entity, LearnedRole, Mention
from ..model.nlp import Analysis, Ent
from .affiliation import ENT_MARK, TITLE_SECTORS, TitleRead, read_title, title_matches
from .kb import KbEntity, KnowledgeBase, normalise
from .latin import slug

# kb.fuzzy() score (0-100) a person's spelling needs to be taken as a known person: with the
# person's country named in the same article; anywhere else it needs FUZZY_ALONE. Tuned on the
# seeds and the demo corpus (Rakhmon 100, Rehmon 92; unrelated people <= 80).
FUZZY_WITH_CONTEXT = 86.0
FUZZY_ALONE = 95.0
# Organisation names are long and share words ("... Front", "... Party"): stricter.
FUZZY_ORG = 93.0
# Words before a capital that make it a place, not an actor ("in Islamabad", not "Islamabad said").
_PLACE_PREPS = {"in", "at", "near", "from", "to", "into", "outside", "around", "across", "via", "of"}
# Label -> knowledge-base types it may resolve to.
_TYPES = {
    "PERSON": ("PER",), "ORG": ("GROUP", "AGENCY", "IGO", "MEDIA", "COUNTRY"),
    "GPE": ("COUNTRY", "AGENCY", "GROUP", "IGO"), "NORP": ("COUNTRY", "GROUP"),
    "FAC": ("AGENCY", "COUNTRY"), "LOC": ("COUNTRY",),
}
_NEW_PREFIX = {"PERSON": "per", "ORG": "org"}
_TITLE_ONLY = re.compile(
    r"\b(?P<the>[Tt]he)\s+(?:(?P<cty>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)(?:['’]s)?\s+)?"
    r"(?P<title>(?i:prime minister|president|foreign minister|defence minister|defense minister"
    r"|special representative|army chief|isi chief|premier))\b(?!\s+(?:of|[A-Z]))"
)
_ACRONYM_AFTER = re.compile(r"^\s*\(\s*([A-Z][A-Za-z]{1,9})\s*\)")
_HONORIFIC = re.compile(r"^(?:(?:mr|mrs|ms|dr|pm|president|gen|general|lt|minister|prof|sheikh|mullah|mawlawi)\.?\s+)+",
                        re.IGNORECASE)


@dataclass
class _Ctx:
    """What one article's resolution knows so far."""

    kb: KnowledgeBase
    body: str
    day: str | None
    analysis: Analysis
    countries: set[str] = field(default_factory=set)       # ISO3 codes named in the article
    entities: dict[str, Entity] = field(default_factory=dict)
    roles: dict[str, list[LearnedRole]] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)
    local: dict[str, str] = field(default_factory=dict)      # normalised form -> entity id (this article)


def resolve_article(article_id: str, body: str, published: str | None, analysis: Analysis,
                    kb: KnowledgeBase) -> ArticleActors:
    """Every actor mention of one article, resolved to a knowledge-base or new entity.

    Pure: depends only on its arguments. Learned roles are dated at `published` (its day).
    """
    ctx = _Ctx(kb, body, published[:10] if published else None, analysis)
    ents = [e for e in analysis.ents if _clean(e.text)]
    ctx.countries = {c for e in ents for c in _country_codes(ctx, e)}
    resolved: dict[int, str | None] = {}
    # Pass 1: full names and knowledge-base forms; pass 2: single surnames, acronyms, leftovers.
    for i, e in enumerate(ents):
        if e.label == "PERSON" and len(_clean(e.text).split()) == 1 and not e.kb_id:
            continue
        resolved[i] = _resolve_named(ctx, e, ents, i)
    _acronyms(ctx, ents, resolved)
    for i, e in enumerate(ents):
        if i not in resolved:
            resolved[i] = _resolve_single(ctx, e)
    mentions = [
        Mention(article_id, analysis.sentence_of(e.start), e.start, e.end, e.text, e.label, resolved[i])
        for i, e in enumerate(ents) if resolved.get(i) is not False
    ]
    _learn_affiliations(ctx, ents, resolved, article_id)
    mentions = _title_mentions(ctx, mentions, article_id)
    mentions.sort(key=lambda m: m.start)
    return ArticleActors(article_id, list(analysis.sentences), mentions, ctx.entities, ctx.roles, ctx.aliases)


# ---------------------------------------------------------------- names


def _clean(surface: str) -> str:
    """The name without leading "the", possessive 's, honorifics or surrounding punctuation."""
    s = surface.replace("’", "'").strip(" \t\n\"'“”()[],.:;")
    s = re.sub(r"'s$", "", s)
    s = re.sub(r"^(?:the|The)\s+", "", s)
    s = _HONORIFIC.sub("", s) if len(s.split()) > 1 else s
    return s.strip()


def _country_codes(ctx: _Ctx, e: Ent) -> list[str]:
    if e.label not in ("GPE", "NORP"):
        return []
    hit = ctx.kb.get(e.kb_id) if e.kb_id else ctx.kb.country(_clean(e.text))
    return [hit.country] if hit is not None and hit.type == "COUNTRY" and hit.country else []


def _remember(ctx: _Ctx, kbe: KbEntity) -> str:
    if kbe.id not in ctx.entities:
        # A person's country and sector are those of the office held on the article's date
        # (Imran Khan in 2021 is Pakistan's government, not the party he led later).
        country, sector = kbe.standing_at(ctx.day)
        ctx.entities[kbe.id] = Entity(kbe.id, kbe.name, kbe.type, country, sector, origin="kb")
    return kbe.id


def _new(ctx: _Ctx, e: Ent, name: str) -> str | bool:
    prefix = _NEW_PREFIX.get(e.label)
    if prefix is None or not any(c.isupper() for c in name) or sum(c.isalpha() for c in name) < 2:
        return False
    if ctx.kb.is_region(name):
        return False  # "Khyber Pakhtunkhwa" tagged ORG by the model: a place  # an unknown place or people: not an actor here (geo and events handle them)
    eid = f"{prefix}:new-{slug(name)}"
    if eid not in ctx.entities:
        ctx.entities[eid] = Entity(eid, name, "PER" if prefix == "per" else "ORG", origin="text")
    return eid


def _pick(ctx: _Ctx, candidates: list[KbEntity], e: Ent) -> KbEntity | None:
    """Of several knowledge-base entities for one form: allowed type, then office held at the
    article's date, then country named in the article."""
    allowed = [c for c in candidates if c.type in _TYPES.get(e.label, ())]
    if not allowed:
        return None

    def rank(c: KbEntity) -> tuple:
        active = c.role_at(ctx.day) is not None if ctx.day and c.roles else False
        return (_TYPES[e.label].index(c.type), not active, c.country not in ctx.countries)

    return min(allowed, key=rank)


def _is_place_use(ctx: _Ctx, e: Ent) -> bool:
    before = ctx.body[max(0, e.start - 12):e.start].split()
    return bool(before) and before[-1].lower() in _PLACE_PREPS


def _resolve_named(ctx: _Ctx, e: Ent, ents: list[Ent], i: int) -> str | bool | None:
    name = _clean(e.text)
    kbe = ctx.kb.get(e.kb_id) if e.kb_id else None
    if kbe is None:
        every = ctx.kb.match(name)
        hits = [h for h in every if not (h.via == "metonym" and _is_place_use(ctx, e))]
        if every and not hits:
            return False  # "in Dushanbe": a place, for the geo stage
        kbe = _pick(ctx, list(dict.fromkeys(h.entity for h in hits)), e)
    if kbe is None and e.label in ("PERSON", "ORG"):
        kbe = _fuzzy(ctx, name, e.label)
    if kbe is not None:
        eid = _remember(ctx, kbe)
    else:
        key = normalise(name)
        eid = ctx.local.get(key) or _new(ctx, e, name)
    if isinstance(eid, str):
        ctx.local.setdefault(normalise(name), eid)
    return eid


def _fuzzy(ctx: _Ctx, name: str, label: str) -> KbEntity | None:
    types = ("PER",) if label == "PERSON" else ("GROUP", "AGENCY", "IGO")
    best: tuple[float, KbEntity] | None = None
    for t in types:
        for cand, score in ctx.kb.fuzzy(name, t, limit=3):
            if best is None or score > best[0]:
                best = (score, cand)
    if best is None:
        return None
    score, cand = best
    if label != "PERSON":
        return cand if score >= FUZZY_ORG else None
    codes = {cand.country} | {r.country for r in cand.roles}
    if score >= FUZZY_ALONE or (score >= FUZZY_WITH_CONTEXT and codes & ctx.countries):
        return cand
    return None


def _resolve_single(ctx: _Ctx, e: Ent) -> str | bool | None:
    """A one-word person ("Khan" after "Mr"), or anything pass 1 left: a full name of this
    article first (unique surname, then unique any-name match), then the knowledge base."""
    name = _clean(e.text)
    if e.label == "PERSON":
        key = normalise(name)
        people = {eid: ent for eid, ent in ctx.entities.items() if ent.type == "PER"}
        for part in (-1, None):
            found = {eid for eid, ent in people.items() for form in [ent.name, *_local_forms(ctx, eid)]
                     if (normalise(form).split()[-1:] == [key] if part == -1 else key in normalise(form).split())
                     and len(normalise(form).split()) > 1}
            if len(found) == 1:
                return found.pop()
            if len(found) > 1:
                return None  # two Khans in one article: leave it unresolved
    return _resolve_named(ctx, e, [], 0)


def _local_forms(ctx: _Ctx, eid: str) -> list[str]:
    return [k for k, v in ctx.local.items() if v == eid]


def _acronyms(ctx: _Ctx, ents: list[Ent], resolved: dict[int, str | bool | None]) -> None:
    """"Tehreek-e-Taliban Pakistan (TTP)": the acronym names the entity of the long form, here
    and (through the stored aliases) in later articles."""
    for i, e in enumerate(ents):
        m = _ACRONYM_AFTER.match(ctx.body[e.end:e.end + 16])
        eid = resolved.get(i)
        if not m or not isinstance(eid, str) or e.label not in ("ORG", "GPE", "NORP"):
            continue
        acro = m.group(1)
        if not _initials_match(_clean(e.text), acro):
            continue
        known = _known_acronym(ctx, acro) if ctx.entities[eid].origin == "text" else None
        if known is not None:   # "International Labor Office (ILO)": the spelling is new, the ILO is not
            kid = _remember(ctx, known)
            for j, r in list(resolved.items()):
                if r == eid:
                    resolved[j] = kid
            ctx.local = {k: (kid if v == eid else v) for k, v in ctx.local.items()}
            del ctx.entities[eid]
            eid = kid
        ctx.local[normalise(acro)] = eid
        if ctx.entities[eid].origin == "text":
            ctx.aliases.setdefault(eid, []).append(acro)
        for j, other in enumerate(ents):
            if _clean(other.text) == acro and (j not in resolved or resolved[j] != eid):
                known = ctx.kb.get(other.kb_id) if other.kb_id else None
                if known is None or known.id == eid:
                    resolved[j] = eid


def _known_acronym(ctx: _Ctx, acro: str) -> KbEntity | None:
    """The one organisation the knowledge base knows by this acronym, if exactly one."""
    found = {h.entity.id: h.entity for h in ctx.kb.match(acro)
             if h.via in ("name", "alias") and h.entity.type in ("IGO", "GROUP", "AGENCY")}
    return next(iter(found.values())) if len(found) == 1 else None


def _initials_match(long: str, acro: str) -> bool:
    words = [w for w in re.split(r"[\s-]+", long) if w]
    initials = "".join(w[0] for w in words if w[0].isupper())
    every = "".join(w[0] for w in words)
    return acro.upper() in (initials.upper(), every.upper())


# ---------------------------------------------------------------- affiliation


def _learn_affiliations(ctx: _Ctx, ents: list[Ent], resolved: dict, article_id: str) -> None:
    """Titles and appositions around each person: "Pakistan's ISI chief, Lt Gen X", "Tajikistan
    President X", "X, Russia's special representative for Afghanistan", "President X of Tajikistan"."""
    sents = ctx.analysis.sentences
    for i, e in enumerate(ents):
        eid = resolved.get(i)
        if e.label != "PERSON" or not isinstance(eid, str):
            continue
        s_index = ctx.analysis.sentence_of(e.start)
        s_start, s_end = sents[s_index] if sents else (0, len(ctx.body))
        found = _before(ctx, ents, resolved, i, s_start) or _after(ctx, ents, resolved, i, s_end)
        if found is None:
            continue
        country, title, sector = found
        role = LearnedRole(country, sector, title, ctx.day, ctx.day, article_id)
        if role not in ctx.roles.setdefault(eid, []):
            ctx.roles[eid].append(role)
        ent = ctx.entities[eid]
        if ent.origin == "text":
            ent.country = ent.country or country
            ent.sector = ent.sector or sector


def _marked(ctx: _Ctx, ents: list[Ent], lo: int, hi: int) -> tuple[str, list[int]]:
    """body[lo:hi] with each entity inside replaced by ENT_MARK, and those entities' indexes."""
    parts, inside, pos = [], [], lo
    for j, o in enumerate(ents):
        if o.start >= lo and o.end <= hi:
            parts.append(ctx.body[pos:o.start])
            parts.append(f" {ENT_MARK} ")
            inside.append(j)
            pos = o.end
    parts.append(ctx.body[pos:hi])
    return "".join(parts), inside


def _org_sector(ctx: _Ctx, resolved: dict, inside: list[int]) -> tuple[str | None, str | None]:
    for j in inside:
        eid = resolved.get(j)
        kbe = ctx.kb.get(eid) if isinstance(eid, str) else None
        if kbe is not None and kbe.type in ("AGENCY", "GROUP") and kbe.sector:
            return kbe.country, kbe.sector
    return None, None


def _country_of(ctx: _Ctx, e: Ent, eid) -> str | None:
    """The country (or IGO code) a possessor or modifier gives a title: "Pakistan's", "U.N."."""
    kbe = ctx.kb.get(eid) if isinstance(eid, str) else None
    return kbe.country if kbe is not None and kbe.type in ("COUNTRY", "IGO") else None


def _standing(ctx: _Ctx, resolved: dict, j: int, title: TitleRead) -> str | None:
    """The sector a title gives a person when no agency is named inside it: IGO under an IGO
    possessor ("U.N. Secretary-General X"), else the title's own ("foreign minister": GOV)."""
    kbe = ctx.kb.get(resolved.get(j)) if isinstance(resolved.get(j), str) else None
    return "IGO" if kbe is not None and kbe.type == "IGO" else title.sector


def _before(ctx: _Ctx, ents: list[Ent], resolved: dict, i: int, s_start: int):
    e = ents[i]
    for j in range(i - 1, max(-1, i - 4), -1):  # the possessor may sit behind a place ("for Afghanistan")
        c = ents[j]
        if c.end <= s_start or c.label == "PERSON":
            break
        country = _country_of(ctx, c, resolved.get(j))
        if country is None:
            continue
        between, inside = _marked(ctx, ents, c.end, e.start)
        title = read_title(between)
        if title is not None:
            org_country, org_sector = _org_sector(ctx, resolved, inside)
            return (org_country or country, title.title, org_sector or _standing(ctx, resolved, j, title))
    # "President X of Tajikistan": a bare title before, "of <country>" after.
    nxt = ents[i + 1] if i + 1 < len(ents) else None
    if nxt is not None and re.match(r"^\s+of\s+(?:the\s+)?$", ctx.body[e.end:nxt.start]):
        country = _country_of(ctx, nxt, resolved.get(i + 1))
        head = re.search(r"((?:[A-Z][a-z]+\.?\s+){1,3})$", ctx.body[max(s_start, e.start - 40):e.start])
        title = read_title(head.group(1)) if head else None
        if country and title:
            return (country, title.title, title.sector)
    return None


def _after(ctx: _Ctx, ents: list[Ent], resolved: dict, i: int, s_end: int):
    """"X, Pakistan's foreign minister, said": a country and a title right after the name."""
    e = ents[i]
    nxt = ents[i + 1] if i + 1 < len(ents) else None
    if nxt is None or nxt.start >= s_end or not re.match(r"^\s*,\s*(?:the\s+)?$", ctx.body[e.end:nxt.start]):
        return None
    country = _country_of(ctx, nxt, resolved.get(i + 1))
    if country is None:
        return None
    tail = re.match(r"^[^,.;:()\"“”]{0,80}", ctx.body[nxt.end:s_end]).group(0)
    stop = next((o.start for o in ents[i + 2:] if o.start < nxt.end + len(tail) and o.label == "PERSON"), None)
    if stop is not None:
        tail = ctx.body[nxt.end:stop]
    between, inside = _marked(ctx, ents, nxt.end, nxt.end + len(tail))
    title = read_title(between)
    if title is None:
        return None
    org_country, org_sector = _org_sector(ctx, resolved, inside)
    return (org_country or country, title.title, org_sector or _standing(ctx, resolved, i + 1, title))


# ---------------------------------------------------------------- "the Pakistan prime minister"


def _title_mentions(ctx: _Ctx, mentions: list[Mention], article_id: str) -> list[Mention]:
    """"the President", "the Pakistan prime minister": a mention of the one person of this
    article who holds that office at the article's date (from the knowledge base or the text)."""
    for m in _TITLE_ONLY.finditer(ctx.body):
        title = m.group("title").lower()
        country = None
        if m.group("cty"):
            hit = ctx.kb.country(m.group("cty"))
            if hit is None:
                continue
            country = hit.country
        holders = _holders(ctx, title, country)
        if len(holders) != 1:
            continue
        start, end = m.start("cty") if m.group("cty") else m.start("title"), m.end("title")
        mentions = [x for x in mentions if x.end <= start or x.start >= end]
        mentions.append(Mention(article_id, ctx.analysis.sentence_of(start), start, end,
                                ctx.body[start:end], "TITLE", holders.pop()))
    return mentions


def _holders(ctx: _Ctx, title: str, country: str | None) -> set[str]:
    found = set()
    for eid, ent in ctx.entities.items():
        if ent.type != "PER":
            continue
        offices = list(ctx.roles.get(eid, []))
        kbe = ctx.kb.get(eid)
        if kbe is not None:
            role = kbe.role_at(ctx.day)
            if role is not None:
                offices.append(LearnedRole(role.country, role.sector, role.title))
        for r in offices:
            if title_matches(title, r.title) and (country is None or r.country == country):
                found.add(eid)
    return found


__all__ = ["TITLE_SECTORS", "resolve_article", "slug"]
