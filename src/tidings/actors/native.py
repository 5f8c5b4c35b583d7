"""Actors of articles in the region's languages: native-script names of knowledge-base entities (data/native.toml, ISO country names) found as whole words."""
from __future__ import annotations

import gettext
import tomllib
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Protocol

import pycountry

from ..errors import ConfigError
from ..model.actors import ArticleActors, Entity, Mention
from ..model.nlp import Ent
from .kb import KbEntity, KnowledgeBase
from .latin import latin, slug

NATIVE_FILE = "native.toml"
# The languages with native names, and the lists each one's articles are read with: Tajik news
# writes Russian forms too, Pashto news Persian ones; Russian and Persian read their own only
# (a Tajik or Pashto word may be a common word of theirs: Tajik "Чин" (China) is Russian "чин", a rank).
READS = {"ru": ("ru",), "tg": ("tg", "ru"), "fa": ("fa",), "ps": ("ps", "fa"), "ur": ("ur", "fa")}
# ISO 3166-1 names (pycountry's translations) of one word shorter than this are left out: short
# country names are common words in the region's languages (Russian "Того", "Перу"; Persian and
# Urdu "مالی", financial). Set by reading the translated names, not tuned.
MIN_ONE_WORD_COUNTRY = 5
# spaCy's labels for each knowledge-base type, as the English mentions carry them.
LABELS = {"PER": "PERSON", "COUNTRY": "GPE"}


def native_file() -> Path:
    """The packaged file of native-script names."""
    with resources.as_file(resources.files("tidings.actors") / "data" / NATIVE_FILE) as path:
        return Path(path)


def read_native(path: Path | None = None) -> list[dict]:
    """The [[names]] tables of the native-names file (id and one list of forms per language)."""
    path = path or native_file()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"Cannot read the native-names file {path}: {e}.") from e
    tables = data.get("names", [])
    for n, t in enumerate(tables, 1):
        unknown = set(t) - {"id", "metonym", *READS}
        if "id" not in t or unknown:
            raise ConfigError(f"{path}: [[names]] #{n} needs an `id` and lists of {', '.join(READS)} only, "
                              f"and may say `metonym = true` (unknown: {sorted(unknown)}).")
    return tables


def native_names(kb: KnowledgeBase, path: Path | None = None) -> dict[str, list[tuple[str, str]]]:
    """Per language, its (form, entity id) pairs: the file's, then the ISO names of the knowledge
    base's countries. A name for an id the knowledge base lacks is a ConfigError."""
    out: dict[str, list[tuple[str, str]]] = {lang: [] for lang in READS}
    for t in read_native(path):
        if kb.get(t["id"]) is None:
            raise ConfigError(f"native names: {t['id']!r} is not the id of any knowledge-base entity.")
        for lang in READS:
            out[lang] += [(form, t["id"]) for form in t.get(lang, [])]
    countries = [e for e in kb.entities() if e.type == "COUNTRY" and e.country]
    for lang in READS:
        out[lang] += list(_country_names(lang, countries))
    return out


def _country_names(lang: str, countries: list[KbEntity]) -> Iterator[tuple[str, str]]:
    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return
    for e in countries:
        iso = pycountry.countries.get(alpha_3=e.country)
        if iso is None:
            continue
        for english in {iso.name, getattr(iso, "common_name", iso.name)}:
            name = tr.gettext(english)
            if name != english and (" " in name or len(name) >= MIN_ONE_WORD_COUNTRY):
                yield name, e.id


def names_read(kb: KnowledgeBase, path: Path | None = None) -> dict[str, list[tuple[str, str]]]:
    """Per language, the (form, entity id) pairs its articles are read with (READS); what
    tidings.resources builds each language's matcher from (nlp/names.py)."""
    names = native_names(kb, path)
    return {lang: [pair for src in reads for pair in names[src]] for lang, reads in READS.items()}


class Found(Protocol):
    """A name found in a body (nlp.names.NameHit): offsets, the text as written, the entity id."""

    start: int
    end: int
    text: str
    value: str


def native_actors(article_id: str, published: str | None, sentences: list[tuple[int, int]],
                  hits: Sequence[Found], kb: KnowledgeBase, ents: Sequence[Ent] = ()) -> ArticleActors:
    """Mentions of the names found, each resolved to its knowledge-base entity (with the country
    and sector of the office held on the article's date, as in English articles); then the
    named-entity spans of a tagger (Russian) that no name found covers (_tagged)."""
    day = published[:10] if published else None
    entities: dict[str, Entity] = {}
    mentions = []

    def remember(kbe: KbEntity) -> str:
        if kbe.id not in entities:
            country, sector = kbe.standing_at(day)
            entities[kbe.id] = Entity(kbe.id, kbe.name, kbe.type, country, sector, origin="kb")
        return kbe.id

    for h in hits:
        kbe = kb.get(h.value)
        if kbe is not None:
            mentions.append(Mention(article_id, _sentence_of(sentences, h.start), h.start, h.end, h.text,
                                    LABELS.get(kbe.type, "ORG"), remember(kbe)))
    taken = [(m.start, m.end) for m in mentions]
    people: dict[str, str] = {}  # surname -> entity id of the full name met before it
    for e in ents:
        if any(s < e.end and e.start < t for s, t in taken):
            continue
        eid = _tagged(e, kb, remember, entities, people)
        if eid is not None:
            mentions.append(Mention(article_id, _sentence_of(sentences, e.start), e.start, e.end, e.text, e.label, eid))
    mentions.sort(key=lambda m: m.start)
    return ArticleActors(article_id, list(sentences), mentions, entities)


def _tagged(e: Ent, kb: KnowledgeBase, remember, entities: dict[str, Entity], people: dict[str, str]) -> str | None:
    """A tagged span's entity: the knowledge-base entity its normal form names in Latin letters
    (one of the tag's type), else for a person the full name met earlier in the article that
    ends in this surname, else a new person with a Latin-key id ("Андрей Рудьков" ->
    per:new-andrey-rudkov). Organisations and places the knowledge base lacks are left out."""
    normal = e.normal or e.text
    wanted = {"PERSON": ("PER",), "ORG": ("GROUP", "IGO", "AGENCY", "MEDIA")}.get(e.label)
    if wanted is None:
        return None  # places: the gazetteer's names (geo/native.py)
    found = {h.entity.id: h.entity for h in kb.match(latin(normal)) if h.entity.type in wanted and h.via != "generic"}
    if len(found) == 1:
        return remember(next(iter(found.values())))
    if e.label != "PERSON" or found:
        return None
    words = normal.split()
    if len(words) == 1 and normal in people:
        return people[normal]
    eid = f"per:new-{slug(normal)}"
    if eid not in entities:
        entities[eid] = Entity(eid, normal, "PER", aliases=[latin(normal)], origin="text")
    if len(words) > 1:
        people.setdefault(words[-1], eid)
    return eid


def _sentence_of(sentences: list[tuple[int, int]], offset: int) -> int:
    return max((i for i, (s, _) in enumerate(sentences) if s <= offset), default=0)


__all__ = ["READS", "Found", "names_read", "native_actors", "native_file", "native_names", "read_native"]
