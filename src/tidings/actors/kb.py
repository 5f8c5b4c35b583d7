"""Actor knowledge base: packaged and user TOML (or JSON) files of countries, IGOs, groups, agencies, media and people, with lookup."""
from __future__ import annotations

import datetime as dt
import json
import re
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from .. import cache
from ..errors import ConfigError

TYPES = frozenset({"PER", "COUNTRY", "GROUP", "IGO", "AGENCY", "MEDIA"})
# PLOVER actor sectors (shared/ontology/PLOVER.md, "Actors").
SECTORS = frozenset({
    "GOV", "MIL", "SPY", "COP", "JUD", "LEG", "PTY", "REB", "UAF", "IGO", "NGO", "MED", "BUS",
    "CVL", "REF", "OPP", "REL", "LAB", "EDU", "UNK",
})
# The broad layer converted from the Phoenix dictionaries (tools/convert_phoenix.py) is read
# first, so that every curated file after it extends or corrects its entities: ours win.
BROAD_FILES = ("phoenix.json",)
CURATED_FILES = ("countries.toml", "igos.toml", "groups.toml", "agencies.toml", "media.toml", "people.toml")
PACKAGED_FILES = BROAD_FILES + CURATED_FILES

# How a surface form reached an entity, best first (lookup() orders its results by this).
VIA_ORDER = {"name": 0, "alias": 1, "demonym": 2, "metonym": 3, "generic": 4}

_ENTITY_KEYS = {"id", "name", "type", "country", "sector", "aliases", "roles", "metonyms",
                "generic", "parent", "cameo"}
_COUNTRY_KEYS = {"iso3", "iso2", "name", "aliases", "demonyms", "ethnonyms", "capital",
                 "metonyms", "sovereign", "un_member"}
_ROLE_KEYS = {"country", "sector", "title", "start", "end"}
_LIST_KEYS = ("aliases", "metonyms", "generic", "demonyms", "ethnonyms")
_ID_RE = re.compile(r"^[a-z]+:[A-Za-z0-9][A-Za-z0-9._-]*$")
_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# Titles dropped from the front of a mention before lookup ("Lt. Gen. Asim Malik").
_TITLES = [
    "president", "vice president", "first vice president", "acting president", "prime minister",
    "deputy prime minister", "caretaker prime minister", "pm", "premier", "chancellor",
    "foreign minister", "defence minister", "defense minister", "interior minister", "minister",
    "minister of state", "foreign secretary", "secretary of state", "secretary", "senator",
    "ambassador", "envoy", "special envoy", "spokesman", "spokesperson", "spokeswoman",
    "army chief", "isi chief", "chief", "supreme leader", "king", "queen", "crown prince",
    "prince", "emir", "sheikh", "shaikh", "mullah", "mawlawi", "maulvi", "maulana", "ayatollah",
    "lt gen", "lt general", "lieutenant general", "lieutenant gen", "maj gen", "major general",
    "gen", "general", "field marshal", "brig", "brigadier", "col", "colonel", "adm", "admiral",
    "mr", "mrs", "ms", "dr", "prof", "professor", "sir", "lord", "dame", "his excellency",
]
_TITLE_SET = frozenset(_TITLES)
_MAX_TITLE_WORDS = max(len(t.split()) for t in _TITLES)

# Acronyms that are also English words: matched only when the mention is written as in the
# data or in capitals ("US" is the country, "us" a pronoun; "LeT" or "LET", not "let").
_COMMON_WORDS = frozenset({
    "us", "is", "it", "in", "on", "at", "as", "an", "am", "be", "by", "do", "go", "he", "if",
    "me", "my", "no", "of", "or", "so", "to", "up", "we", "who", "all", "and", "are", "can",
    "may", "not", "one", "per", "aid", "app", "let", "raw", "tip", "mod", "sis", "mps", "inc",
    "eco", "fo", "ria", "aa", "ana", "ap", "ht", "rt", "gu", "hig",
})

# Transliteration skeleton for fuzzy matching: tuned on spellings of Central and South Asian
# names in English news (Rahmon/Rakhmon/Rehmon/Rahmonov, Mirziyoyev/Mirziyoev,
# Muhriddin/Mukhriddin, Hibatullah/Haibatullah, Mahmood/Mehmood).
_DIGRAPHS = [("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("sh", "s"),
             ("ch", "c"), ("ph", "f"), ("th", "t"), ("q", "k"), ("w", "v"), ("y", "i"),
             ("x", "ks"), ("ee", "i"), ("oo", "u"), ("ou", "u")]
_VOWEL_CLASSES = str.maketrans("aeiouy", "aaiuui")
_SLAVIC_SUFFIX = re.compile(r"(?<=\w{4})(ov|ev|ova|eva)$")
# fuzzy() scores a candidate max(literal ratio, mean of literal and skeleton ratios), so a
# skeleton match lifts a spelling variant (Rehmon: literal 83, skeleton 100 -> 92) but
# never above an equally close literal spelling.
# Candidates below this rapidfuzz ratio (0-100) are not returned by fuzzy(). On the Rahmon,
# Mirziyoyev, Hibatullah and Muttaqi variants the right entity scores 90-100 and unrelated
# names 60-80, so 60 keeps runners-up visible while dropping noise.
_FUZZY_CUTOFF = 60.0


# ---------------------------------------------------------------- data classes


@dataclass(frozen=True)
class Role:
    """One office or standing, held from start to end (inclusive; None = open)."""

    country: str
    sector: str
    title: str | None = None
    start: str | None = None
    end: str | None = None

    def active(self, day: str) -> bool:
        return (self.start is None or _lo(self.start) <= day) and (
            self.end is None or day <= _hi(self.end))


@dataclass(frozen=True)
class KbEntity:
    """An actor: id like "per:emomali-rahmon" or "cty:TJK", canonical name, type, country, sector.

    `country` and `sector` are the entity's own, or those of its current or last role.
    """

    id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    metonyms: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()        # ISO3, ISO2 and CAMEO codes
    capital: str | None = None
    un_member: bool = False
    parent: str | None = None
    broad: bool = False                # only in the broad layer: matched by exact name, never fuzzily

    def role_at(self, date: str | None) -> Role | None:
        """The office held on `date` (ISO date or datetime); with None, the current or last one.

        Of several offices held at once, the one taken up last. An entity with no dated
        roles but a sector (most agencies, groups, IGOs) has one standing: its country and
        sector. Countries have neither and give None.
        """
        roles = self.roles or self._standing()
        if date is None:
            return max(roles, key=lambda r: (_hi(r.end) if r.end else "9999", _lo(r.start or "0000")),
                       default=None)
        day = _lo(date[:10])
        active = [r for r in roles if r.active(day)]
        return max(active, key=lambda r: _lo(r.start or "0000"), default=None)

    def standing_at(self, date: str | None) -> tuple[str | None, str | None]:
        """Country and sector on `date`: the office then held; with no date, the current or last one.

        Outside every dated role an entity keeps its own country with sector UNK: a person out
        of office, a force dissolved ("Afghan special forces" after August 2021 are Afghan, no
        longer the state's military); an organisation with no country of its own (an ended
        affiliation) has no standing at all.
        """
        role = self.role_at(date) if self.roles or self.sector else None
        if role is not None:
            return role.country or self.country, role.sector
        if date is None or not self.roles:
            return self.country, self.sector
        return (self.country, "UNK") if self.type == "PER" or self.country else (None, None)

    def _standing(self) -> tuple[Role, ...]:
        if self.sector is None:
            return ()
        return (Role(self.country or "", self.sector),)


@dataclass(frozen=True)
class Hit:
    """One way a surface form names an entity."""

    entity: KbEntity
    via: str             # name | alias | demonym | metonym | generic
    form: str            # the form as written in the data
    ethnic: bool = False  # a demonym that also names an ethnic group across borders ("Tajiks")


@dataclass
class _Entry:
    """One raw [[entity]] or [[country]] table with where it came from, before merging."""

    data: dict[str, Any]
    origin: str
    index: int
    kind: str  # "entity" | "country"

    def where(self) -> str:
        label = self.data.get("id") or self.data.get("iso3") or self.data.get("name") or "?"
        return f"{self.origin}: [[{self.kind}]] #{self.index + 1} ({label})"


# ---------------------------------------------------------------- normalisation


def normalise(text: str) -> str:
    """Lookup key: casefolded, no diacritics, no possessive 's, no punctuation, no leading "the"."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = s.replace("’", "'").replace("‘", "'").replace("`", "'")
    s = s.replace(".", "")
    s = re.sub(r"(?<=\w)'s\b", "", s)
    s = s.replace("'", "")
    s = re.sub(r"[^\w\s]|_", " ", s)
    s = " ".join(s.split())
    return s[4:] if s.startswith("the ") and len(s) > 4 else s


def skeleton(key: str) -> str:
    """Transliteration-insensitive form of a normalised key: Rakhmon, Rehmon, Rahmonov -> rahman."""
    s = key
    for a, b in _DIGRAPHS:
        s = s.replace(a, b)
    s = " ".join(_SLAVIC_SUFFIX.sub("", tok) for tok in s.split())
    s = s.translate(_VOWEL_CLASSES)
    return re.sub(r"(.)\1+", r"\1", s)


def _block(skel: str) -> str:
    """Fuzzy block of a skeleton: its first letter, all vowels together (Emomali / Imomali)."""
    first = skel[:1]
    return "*" if first in "aiu" else first


def _letters(form: str) -> str:
    return "".join(c for c in form if c.isalpha())


def _lo(d: str) -> str:
    return d + "-01-01" if len(d) == 4 else d + "-01" if len(d) == 7 else d


def _hi(d: str) -> str:
    return d + "-12-31" if len(d) == 4 else d + "-31" if len(d) == 7 else d


def _plural(demonym: str) -> str | None:
    """"Tajik" -> "Tajiks"; None where English has no -s plural ("Chinese", "Swiss", "British")."""
    if demonym.endswith(("ese", "s", "sh", "ch", "x", "z")):
        return None
    return demonym + "s"


# ---------------------------------------------------------------- reading and validating


# Top-level keys a JSON file (which has no comments) may carry to say what it is and its licence.
JSON_NOTES = frozenset({"about", "licence"})


def _read_file(path: Path, origin: str) -> list[_Entry]:
    """Entries of one file: TOML, or JSON of the same layout (the converted broad layer, which
    parses about fifteen times faster than the same data as TOML)."""
    is_json = path.suffix == ".json"
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if is_json else tomllib.loads(text)
    except OSError as e:
        raise ConfigError(f"Cannot read knowledge-base file {origin}: {e}. Check the path in kb_files.") from e
    except (tomllib.TOMLDecodeError, json.JSONDecodeError, UnicodeDecodeError) as e:
        kind = "JSON" if is_json else "TOML"
        raise ConfigError(f"{origin} is not valid {kind}: {e}. Fix the syntax (see docs/knowledge-base.md).") from e
    if not isinstance(data, dict) or "version" not in data:
        raise ConfigError(f'{origin}: no top-level `version` key. Add `version = "1"` at the top.')
    unknown = set(data) - {"version", "entity", "country"} - (JSON_NOTES if is_json else set())
    if unknown:
        raise ConfigError(f"{origin}: unknown top-level keys {sorted(unknown)}; "
                          "a file holds only `version`, [[entity]] and [[country]] tables.")
    entries = []
    for kind in ("country", "entity"):
        tables = data.get(kind, [])
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            raise ConfigError(f"{origin}: `{kind}` must be an array of tables, written [[{kind}]].")
        entries += [_Entry(t, origin, i, kind) for i, t in enumerate(tables)]
    return entries


def _fail(entry: _Entry, problem: str) -> ConfigError:
    return ConfigError(f"{entry.where()}: {problem}")


def _check_str(entry: _Entry, key: str, required: bool = False) -> None:
    value = entry.data.get(key)
    if value is None:
        if required:
            raise _fail(entry, f"missing required key `{key}`.")
        return
    if not isinstance(value, str) or not value.strip():
        raise _fail(entry, f"`{key}` must be a non-empty string, got {value!r}.")


def _check_list(entry: _Entry, key: str) -> None:
    value = entry.data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(entry, f"`{key}` must be a list of non-empty strings, got {value!r}.")


def _check_date(entry: _Entry, value: Any, what: str) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not _DATE_RE.match(value):
        raise _fail(entry, f"{what} must be a string YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}.")
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError as e:
        raise _fail(entry, f"{what} {value!r} is not a real date ({e}).") from e


def _check_sector(entry: _Entry, value: Any, what: str) -> None:
    if value is not None and value not in SECTORS:
        raise _fail(entry, f"{what} {value!r} is not a PLOVER sector; use one of {', '.join(sorted(SECTORS))}.")


def _check_roles(entry: _Entry) -> None:
    roles = entry.data.get("roles", [])
    if not isinstance(roles, list):
        raise _fail(entry, "`roles` must be a list of tables like {country = \"PAK\", sector = \"GOV\", ...}.")
    for n, role in enumerate(roles, 1):
        what = f"role {n}"
        if not isinstance(role, dict):
            raise _fail(entry, f"{what} must be a table, got {role!r}.")
        unknown = set(role) - _ROLE_KEYS
        if unknown:
            raise _fail(entry, f"{what} has unknown keys {sorted(unknown)}; allowed: {sorted(_ROLE_KEYS)}.")
        for key in ("country", "sector"):
            if not isinstance(role.get(key), str):
                raise _fail(entry, f"{what} needs `{key}` as a string.")
        _check_sector(entry, role["sector"], f"{what} sector")
        if role.get("title") is not None and not isinstance(role["title"], str):
            raise _fail(entry, f"{what} `title` must be a string.")
        _check_date(entry, role.get("start"), f"{what} start")
        _check_date(entry, role.get("end"), f"{what} end")
        if role.get("start") and role.get("end") and _lo(role["start"]) > _hi(role["end"]):
            raise _fail(entry, f"{what} starts ({role['start']}) after it ends ({role['end']}).")


def _validate_entity(entry: _Entry, known: bool) -> None:
    """Check one [[entity]] table. `known`: it extends an entity already loaded (fewer keys required)."""
    d = entry.data
    unknown = set(d) - _ENTITY_KEYS
    if unknown:
        raise _fail(entry, f"unknown keys {sorted(unknown)}; allowed: {sorted(_ENTITY_KEYS)}.")
    _check_str(entry, "id", required=True)
    if not _ID_RE.match(d["id"]):
        raise _fail(entry, f"id {d['id']!r} must look like 'per:emomali-rahmon' (prefix, colon, slug).")
    _check_str(entry, "name", required=not known)
    _check_str(entry, "type", required=not known)
    if "type" in d and d["type"] not in TYPES:
        raise _fail(entry, f"type {d['type']!r} must be one of {', '.join(sorted(TYPES))}.")
    for key in ("country", "parent", "cameo"):
        _check_str(entry, key)
    _check_sector(entry, d.get("sector"), "sector")
    for key in ("aliases", "metonyms", "generic"):
        _check_list(entry, key)
    _check_roles(entry)


def _validate_country(entry: _Entry, known: bool) -> None:
    d = entry.data
    unknown = set(d) - _COUNTRY_KEYS
    if unknown:
        raise _fail(entry, f"unknown keys {sorted(unknown)}; allowed: {sorted(_COUNTRY_KEYS)}.")
    _check_str(entry, "iso3", required=True)
    if not re.fullmatch(r"[A-Z]{3}", d["iso3"]):
        raise _fail(entry, f"iso3 {d['iso3']!r} must be three capital letters.")
    _check_str(entry, "name", required=not known)
    _check_str(entry, "iso2")
    if d.get("capital") is not None and not isinstance(d["capital"], str):
        raise _fail(entry, "`capital` must be a string.")
    for key in ("aliases", "demonyms", "ethnonyms", "metonyms"):
        _check_list(entry, key)
    for key in ("sovereign", "un_member"):
        if key in d and not isinstance(d[key], bool):
            raise _fail(entry, f"`{key}` must be true or false.")


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """A later entry with the same id: its scalars and roles replace, its name lists add."""
    out = dict(base)
    for key, value in extra.items():
        if key in _LIST_KEYS:
            out[key] = list(dict.fromkeys(list(base.get(key, [])) + list(value)))
        else:
            out[key] = value
    return out


def _collect(entries: Iterable[_Entry]) -> tuple[dict[str, _Entry], dict[str, _Entry]]:
    """Validate and merge entries in order; returns countries by ISO3 and entities by id."""
    countries: dict[str, _Entry] = {}
    entities: dict[str, _Entry] = {}
    seen: dict[tuple[str, str], str] = {}
    for entry in entries:
        table = countries if entry.kind == "country" else entities
        key = entry.data.get("iso3") if entry.kind == "country" else entry.data.get("id")
        known = isinstance(key, str) and key in table
        (_validate_country if entry.kind == "country" else _validate_entity)(entry, known)
        if (entry.origin, key) in seen:
            raise _fail(entry, f"duplicate {entry.kind} {key!r} in the same file (first at {seen[(entry.origin, key)]}).")
        seen[(entry.origin, key)] = entry.where()
        if known:
            table[key] = _Entry(_merge(table[key].data, entry.data), entry.origin, entry.index, entry.kind)
        else:
            table[key] = entry
    return countries, entities


def _check_codes(countries: dict[str, _Entry], entities: dict[str, _Entry]) -> None:
    """Every country code used must be an ISO3 code in the country table or an IGO's code."""
    codes = set(countries)
    for e in entities.values():
        is_org = e.data.get("type") == "IGO" or e.data.get("sector") in ("IGO", "NGO")
        if is_org and e.data.get("country"):
            codes.add(e.data["country"])
    for e in entities.values():
        used = [("country", e.data.get("country"))]
        used += [(f"role {n} country", r["country"]) for n, r in enumerate(e.data.get("roles", []), 1)]
        for what, code in used:
            if code is not None and code not in codes:
                raise _fail(e, f"{what} {code!r} is neither an ISO 3166-1 alpha-3 code in the country "
                               "table nor the code of an IGO; use e.g. \"PAK\" or \"UNO\".")
        parent = e.data.get("parent")
        if parent is not None and parent not in entities:
            raise _fail(e, f"parent {parent!r} is not the id of any entity.")


# ---------------------------------------------------------------- building entities


def _country_entity(d: dict[str, Any]) -> KbEntity:
    capital = d.get("capital") or None
    demonyms = list(d.get("demonyms", []))
    demonyms += [p for p in map(_plural, demonyms) if p]
    return KbEntity(
        id=f"cty:{d['iso3']}", name=d["name"], type="COUNTRY", country=d["iso3"], sector=None,
        aliases=tuple(dict.fromkeys(d.get("aliases", []))), metonyms=tuple(d.get("metonyms", [])),
        demonyms=tuple(dict.fromkeys(demonyms)),
        codes=tuple(c for c in (d["iso3"], d.get("iso2")) if c), capital=capital,
        un_member=bool(d.get("un_member", False)),
    )


def _short_names(country: KbEntity) -> list[str]:
    """Forms of a country's name that prefix an agency's generic name ("Pakistani army")."""
    names = [country.name] + [a for a in country.aliases if "," not in a and len(a.split()) <= 3]
    singular = [d for d in country.demonyms if d[:-1] not in country.demonyms]  # not "Tajiks"
    return list(dict.fromkeys(names + singular))


def _generic_aliases(generic: Sequence[str], country: KbEntity | None) -> list[str]:
    if country is None:
        return []
    out = []
    for g in generic:
        out += [f"{n} {g}" for n in _short_names(country)]
        out.append(f"{g} of {country.name}")
    return out


def _entity(d: dict[str, Any], countries: dict[str, KbEntity], broad: bool = False) -> KbEntity:
    roles = tuple(Role(r["country"], r["sector"], r.get("title"), r.get("start"), r.get("end"))
                  for r in d.get("roles", []))
    draft = KbEntity(id=d["id"], name=d["name"], type=d["type"], country=d.get("country"),
                     sector=d.get("sector"), roles=roles)
    latest = draft.role_at(None) if roles else None
    country = d.get("country") or (latest.country if latest else None)
    sector = d.get("sector") or (latest.sector if latest else None)
    generic = tuple(d.get("generic", []))
    aliases = list(d.get("aliases", [])) + _generic_aliases(generic, countries.get(f"cty:{country}"))
    aliases = [a for a in dict.fromkeys(aliases) if a != d["name"]]
    codes = tuple(c for c in (d.get("cameo"),) if c)
    return replace(draft, country=country, sector=sector, aliases=tuple(aliases), generic=generic,
                   metonyms=tuple(d.get("metonyms", [])), codes=codes, parent=d.get("parent"), broad=broad)


# ---------------------------------------------------------------- the knowledge base


@dataclass
class _Index:
    exact: dict[str, list[tuple[str, str, str, bool]]] = field(default_factory=lambda: defaultdict(list))
    caps_only: dict[str, list[tuple[str, str, str, bool]]] = field(default_factory=lambda: defaultdict(list))
    # (type, _block(skeleton)) -> [(skeleton, key, entity id)]
    blocks: dict[tuple[str, str], list[tuple[str, str, str]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, form: str, entity: KbEntity, via: str, ethnic: bool = False) -> None:
        key = normalise(form)
        if not key:
            return
        caps = key in _COMMON_WORDS and sum(c.isupper() for c in form) >= 2
        target = self.caps_only if caps else self.exact
        hits = target[key]
        if not any(h[0] == entity.id for h in hits):
            hits.append((entity.id, via, form, ethnic))
        if via != "generic" and target is self.exact and not entity.broad:
            self.add_fuzzy(key, entity)
            if via == "name" and entity.type == "PER":
                words = key.split()  # "Mahmood Qureshi", "Berdymukhamedov" without the given name
                for tail in {" ".join(words[1:]), words[-1]} if len(words) > 1 else ():
                    self.add_fuzzy(tail, entity)

    def add_fuzzy(self, key: str, entity: KbEntity) -> None:
        skel = skeleton(key)
        self.blocks[(entity.type, _block(skel))].append((skel, key, entity.id))


class KnowledgeBase:
    """Entities by id plus an exact index (normalised forms) and fuzzy blocks (skeleton first letter)."""

    def __init__(self, entities: Iterable[KbEntity], ethnonyms: dict[str, set[str]] | None = None):
        self._by_id: dict[str, KbEntity] = {}
        self._index = _Index()
        ethnonyms = ethnonyms or {}
        for e in entities:
            self._by_id[e.id] = e
            self._add(e, ethnonyms.get(e.id, set()))
        self._code_map = {c.casefold(): e for e in self._by_id.values() if e.type == "COUNTRY"
                          for c in e.codes}
        self._country_prefixes = frozenset(
            k for k, hits in self._index.exact.items()
            if any(self._by_id[h[0]].type == "COUNTRY" and h[1] in ("name", "alias", "demonym") for h in hits))
        self._regions: frozenset[str] | None = None  # built on first use (is_region)

    def _add(self, e: KbEntity, ethnonyms: set[str]) -> None:
        idx = self._index
        idx.add(e.name, e, "name")
        for a in e.aliases:
            idx.add(a, e, "alias")
        for d in e.demonyms:
            idx.add(d, e, "demonym", ethnic=normalise(d) in ethnonyms)
        for m in e.metonyms:
            idx.add(m, e, "metonym")
        for g in e.generic:
            if g[:1].isupper():  # "Foreign Office", "GKNB"; not "army" or "government" alone
                idx.add(g, e, "generic")

    # ---- loading

    @classmethod
    def load(cls, extra_files: Sequence[Path] = (), cache_dir: Path | None = None) -> KnowledgeBase:
        """The packaged data with user files (same format) layered on top, in order (tidings.resources
        keeps one per process); with a cache_dir, read from its compiled copy there when that is
        current (tidings.cache)."""
        paths = []
        for p in extra_files:
            path = Path(p).expanduser().resolve()
            try:
                path.stat()
            except OSError as e:
                raise ConfigError(f"Knowledge-base file {p} cannot be read: {e}. Check kb_files.") from e
            paths.append(str(path))
        key = source_key(paths)
        return cache.cached(cache_dir, "kb", key, lambda: _load(paths), KnowledgeBase._dump,
                            KnowledgeBase._undump)

    # ---- the start-up cache (tidings.cache): plain data out and back

    def _dump(self) -> dict:
        """Entities (as field tuples) and the built indexes, as plain data."""
        idx = self._index
        return {"entities": [_entity_fields(e) for e in self._by_id.values()],
                "exact": dict(idx.exact), "caps_only": dict(idx.caps_only), "blocks": dict(idx.blocks),
                "country_prefixes": self._country_prefixes}

    @classmethod
    def _undump(cls, data: dict) -> KnowledgeBase:
        kb = cls(())
        kb._by_id = {f[0]: _entity_from_fields(f) for f in data["entities"]}
        kb._index = _Index(defaultdict(list, data["exact"]), defaultdict(list, data["caps_only"]),
                           defaultdict(list, data["blocks"]))
        kb._code_map = {c.casefold(): e for e in kb._by_id.values() if e.type == "COUNTRY" for c in e.codes}
        kb._country_prefixes = data["country_prefixes"]
        return kb

    @classmethod
    def from_entries(cls, entries: Iterable[_Entry]) -> KnowledgeBase:
        countries_raw, entities_raw = _collect(entries)
        _check_codes(countries_raw, entities_raw)
        countries = {f"cty:{k}": _country_entity(v.data) for k, v in sorted(countries_raw.items())}
        ethnonyms = {
            f"cty:{k}": {normalise(x) for n in v.data.get("ethnonyms", []) for x in (n, _plural(n) or n)}
            for k, v in countries_raw.items()
        }
        broad = {f"tidings/actors/data/{name}" for name in BROAD_FILES}
        others = [_entity(v.data, countries, v.origin in broad) for v in entities_raw.values()]
        return cls(list(countries.values()) + others, ethnonyms)

    # ---- queries

    def get(self, entity_id: str) -> KbEntity | None:
        return self._by_id.get(entity_id)

    def entities(self) -> Iterator[KbEntity]:
        yield from self._by_id.values()

    def match(self, surface: str) -> list[Hit]:
        """Every way the surface form names an entity, best first; titles are stripped if needed."""
        key = normalise(surface)
        hits = self._hits(key, surface)
        if not hits:
            stripped = self._strip_titles(key)
            if stripped != key:
                hits = self._hits(stripped, surface)
        if not hits:
            hits = self._country_scoped(key, surface)
        hits.sort(key=lambda h: VIA_ORDER[h.via])
        return hits

    def knows(self, surface: str) -> bool:
        """Whether the normalised form is already some entity's name, alias, demonym, metonym or generic name."""
        key = normalise(surface)
        return key in self._index.exact or key in self._index.caps_only

    def lookup(self, surface: str) -> list[KbEntity]:
        """Entities whose name, alias, demonym, metonym or generic name equals the surface form after normalisation."""
        return list(dict.fromkeys(h.entity for h in self.match(surface)))

    def metonym(self, surface: str) -> KbEntity | None:
        """The government (or agency) a place-name metonym stands for: "Islamabad" -> Pakistan, "Kremlin" -> Russia."""
        return next((h.entity for h in self.match(surface) if h.via == "metonym"), None)

    def country(self, code_or_name: str) -> KbEntity | None:
        """A country by ISO3, ISO2, name, short form, demonym or capital."""
        text = code_or_name.strip()
        is_code = re.fullmatch(r"[A-Za-z]{3}|[A-Z]{2}", text) is not None  # "in" is not India
        if is_code and text.casefold() in self._code_map:
            return self._code_map[text.casefold()]
        return next((h.entity for h in self.match(text) if h.entity.type == "COUNTRY"), None)

    def fuzzy(self, surface: str, type: str | None = None, limit: int = 3) -> list[tuple[KbEntity, float]]:
        """Closest entities by spelling (rapidfuzz ratio 0-100), tolerant of transliteration variants."""
        key = self._strip_titles(normalise(surface))
        if not key:
            return []
        skel = skeleton(key)
        types = [type] if type else sorted(TYPES)
        best: dict[str, float] = {}
        for t in types:
            block = self._index.blocks.get((t, _block(skel)), [])
            if not block:
                continue
            found = process.extract(skel, [b[0] for b in block], scorer=fuzz.ratio,
                                    score_cutoff=_FUZZY_CUTOFF, limit=max(limit * 10, 30))
            for _, skel_score, i in found:
                _, cand_key, eid = block[i]
                raw = fuzz.ratio(key, cand_key)
                score = max(raw, (raw + skel_score) / 2)
                if score >= _FUZZY_CUTOFF and score > best.get(eid, -1.0):
                    best[eid] = score
        ranked = sorted(best.items(), key=lambda kv: -kv[1])[:limit]
        return [(self._by_id[eid], round(score, 1)) for eid, score in ranked]

    # ---- helpers

    def _hits(self, key: str, surface: str) -> list[Hit]:
        raw = list(self._index.exact.get(key, []))
        letters = _letters(surface)
        raw += [h for h in self._index.caps_only.get(key, []) if letters in (_letters(h[2]), _letters(h[2]).upper())]
        return [Hit(self._by_id[eid], via, form, ethnic) for eid, via, form, ethnic in raw]

    def _country_scoped(self, key: str, surface: str) -> list[Hit]:
        """"Pakistan's ISI", "Tajik Foreign Ministry": the rest of the mention, kept to that country."""
        words = key.split()
        for n in range(min(3, len(words) - 1), 0, -1):
            prefix = " ".join(words[:n])
            if prefix not in self._country_prefixes:
                continue
            codes = {h[0][4:] for h in self._index.exact[prefix] if h[0].startswith("cty:")}
            rest = self._strip_titles(" ".join(words[n:]))
            return [h for h in self._hits(rest, surface)
                    if h.entity.country in codes or any(r.country in codes for r in h.entity.roles)]
        return []

    def _strip_titles(self, key: str) -> str:
        """Drop leading titles, and a country before a title ("pakistan prime minister imran khan")."""
        words = key.split()
        while len(words) > 1:
            n = self._title_len(words)
            if n == 0:
                n = self._country_then_title_len(words)
            if n == 0 or n >= len(words):
                break
            words = words[n:]
        return " ".join(words)

    @staticmethod
    def _title_len(words: list[str]) -> int:
        for n in range(min(_MAX_TITLE_WORDS, len(words) - 1), 0, -1):
            if " ".join(words[:n]) in _TITLE_SET:
                return n
        return 0

    def _country_then_title_len(self, words: list[str]) -> int:
        for n in range(min(4, len(words) - 2), 0, -1):
            if " ".join(words[:n]) in self._country_prefixes and self._title_len(words[n:]):
                return n
        return 0

    def __len__(self) -> int:
        return len(self._by_id)

    def is_region(self, name: str) -> bool:
        """A province or region name (ISO 3166-2 through pycountry; "X province" too): a place,
        never an actor."""
        if self._regions is None:
            import pycountry

            self._regions = frozenset(normalise(s.name) for s in pycountry.subdivisions)
        key = normalise(name)
        return key in self._regions or key.removesuffix(" province") in self._regions


def _packaged_entries(names: Sequence[str] = PACKAGED_FILES) -> Iterator[_Entry]:
    data = resources.files("tidings.actors") / "data"
    for name in names:
        with resources.as_file(data / name) as path:
            yield from _read_file(Path(path), f"tidings/actors/data/{name}")


def curated() -> KnowledgeBase:
    """The curated packaged files alone, without the broad layer (what its converter checks against)."""
    return KnowledgeBase.from_entries(_packaged_entries(CURATED_FILES))


def _load(paths: Sequence[str]) -> KnowledgeBase:
    entries = list(_packaged_entries())
    for path in paths:
        entries += _read_file(Path(path), path)
    return KnowledgeBase.from_entries(entries)


def source_key(extra_files: Sequence[Path | str] = ()) -> bytes:
    """The start-up cache key of the knowledge base with these user files (tidings.cache): the
    packaged files, the user files (by resolved path) and this module."""
    data = Path(__file__).parent / "data"
    paths = [str(Path(p).expanduser().resolve()) for p in extra_files]
    sources = [Path(__file__), *(data / name for name in PACKAGED_FILES), *map(Path, paths)]
    return cache.source_key("kb", sources, paths)


def _entity_fields(e: KbEntity) -> tuple:
    roles = tuple((r.country, r.sector, r.title, r.start, r.end) for r in e.roles)
    return (e.id, e.name, e.type, e.country, e.sector, e.aliases, roles, e.metonyms, e.demonyms,
            e.generic, e.codes, e.capital, e.un_member, e.parent, e.broad)


def _entity_from_fields(f: tuple) -> KbEntity:
    roles = tuple(Role(*r) for r in f[6])
    return KbEntity(f[0], f[1], f[2], f[3], f[4], f[5], roles, *f[7:])
