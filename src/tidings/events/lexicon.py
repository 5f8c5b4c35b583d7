"""The PLOVER lexicon: event types, verbal and nominal triggers, frames and modality cues, read from TOML (and generated JSON) data files."""
from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import Path

from .. import cache
from ..errors import ConfigError

PACKAGED = Path(__file__).parent / "data" / "lexicon.toml"
# Packaged layers read after tidings' own entries: triggers converted from public dictionaries
# (events/tools/convert_petrarch.py). A head word is tried against every entry of tidings' own
# (and user) files first, longest first; a converted entry is tried only when none of those
# matched. A converted entry never makes a trigger of a frame or reporting verb ("expect",
# "say") or of a light verb ("hold", "launch": the noun they govern carries the event), nor
# restates a noun trigger of ours as its object ("complete withdrawal").
# Generated layers are JSON (read in a fortieth of the time of the same data as TOML); files
# written by hand stay TOML.
LAYERS = (Path(__file__).parent / "data" / "petrarch.json",)
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
FRAME_KINDS = ("negate", "request", "promise", "threat", "uncertain", "cause")
# Event types a sentence can tell with no doer at all ("a bomb went off", "a rally was held"):
# a sentence with one of their triggers is parsed even when it names no party.
UNSEEN_DOER = frozenset({"ASSAULT", "PROTEST"})
_WORD = re.compile(r"[a-z][a-z'-]*")
# One sense per discourse (Gale, Church and Yarowsky 1992): an article that speaks of air, drone,
# missile, rocket or artillery strikes means those by a bare "the strikes", not a labour strike.
_MILITARY_STRIKES = re.compile(r"\b(air|drone|missile|rocket|artillery|aerial|military)[\s-]?strikes?\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TypeInfo:
    """What PLOVER.md gives each event type: quad class, intensity and its CAMEO root."""

    quad: int
    intensity: float
    cameo: str


@dataclass(frozen=True, slots=True)
class Trigger:
    """One lexicon entry: a head lemma, the words that must hang off it, and what it codes."""

    head: str
    extras: tuple[str, ...]
    pos: str                  # "verb" or "noun"
    type: str
    mode: str | None
    cameo: str
    swap: bool = False
    order: int = 0            # position in the file: earlier wins a tie
    layer: int = 0            # 0: tidings' own and user entries; 1: a converted layer (LAYERS), tried after

    @property
    def words(self) -> int:
        return 1 + len(self.extras)


@dataclass(slots=True)
class Lexicon:
    """Everything the clause coder looks up, indexed by head lemma."""

    types: dict[str, TypeInfo]
    aliases: dict[str, str]
    verbs: dict[str, list[Trigger]] = field(default_factory=dict)
    nouns: dict[str, list[Trigger]] = field(default_factory=dict)
    frames: dict[str, str] = field(default_factory=dict)        # lemma -> frame kind
    frame_particles: dict[str, str] = field(default_factory=dict)   # lemma -> particle it needs ("rule out")
    speech: frozenset[str] = frozenset()
    light: frozenset[str] = frozenset()
    modality: dict[str, frozenset[str]] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)       # head noun -> sector
    reciprocal_heads: frozenset[str] = frozenset()
    reciprocal_dets: frozenset[str] = frozenset()
    forms: frozenset[str] = frozenset()                         # surface forms of every head word
    form_heads: dict[str, tuple[str, ...]] = field(default_factory=dict)   # surface form -> head words
    crowds: frozenset[str] = frozenset()                        # nouns for a crowd ("protesters", "mob")
    unseen_forms: frozenset[str] = frozenset()                  # forms of tidings' own UNSEEN_DOER triggers

    def info(self, event_type: str) -> TypeInfo:
        return self.types[event_type]

    def for_article(self, body: str) -> Lexicon:
        """The lexicon as one article uses it: where the article tells of military strikes
        anywhere, a bare "strike" noun is coded as that kind of attack (the entry of its
        "air strike" or "drone strike"), not as a labour strike."""
        m = _MILITARY_STRIKES.search(body)
        if m is None:
            return self
        kind = m.group(1).lower()   # "airstrikes" too: the separator is optional
        entries = self.nouns.get("strike", [])
        military = next((t for t in entries if t.extras == (kind,)), None) or next(
            (t for t in entries if t.extras == ("air",)), None)
        if military is None:
            return self
        bare = [replace(military, extras=()) if not t.extras and t.type == "PROTEST" else t for t in entries]
        return replace(self, nouns={**self.nouns, "strike": bare})

    def canonical(self, label: str) -> str:
        """A current PLOVER type for a label, older ones mapped ("FIGHT" -> "ASSAULT")."""
        up = label.strip().upper()
        return self.aliases.get(up, up)

    def is_candidate(self, sentence: str) -> bool:
        """True when some word of the sentence could be a trigger (checked before parsing)."""
        return any(w in self.forms for w in _WORD.findall(sentence.lower()))

    def frame_of(self, tok) -> str | None:
        """The frame kind a parsed verb or adjective opens, if any ("ruled" only with "out")."""
        lemma = tok.lemma_.lower()
        kind = self.frames.get(lemma) or self.frames.get(tok.lower_)
        particle = self.frame_particles.get(lemma)
        if kind is not None and particle is not None and not any(c.lower_ == particle for c in tok.children):
            return None
        return kind

    def tells_unseen_doer(self, sentence: str) -> bool:
        """True when the sentence holds a trigger of an attack or protest that may have no doer named."""
        return any(w in self.unseen_forms for w in _WORD.findall(sentence.lower()))

    def names_party(self, sentence: str) -> bool:
        """True when the sentence holds a noun that can be a party with no name ("police", "rebels")."""
        words = _WORD.findall(sentence.lower())
        pairs = [f"{a} {b.removesuffix('s')}" for a, b in pairwise(words)]
        return (any(w in self.sectors or (w.endswith("s") and w[:-1] in self.sectors) for w in words)
                or any(p in self.sectors for p in pairs))


def load_lexicon(extra_files: Sequence[Path | str] = (), cache_dir: Path | None = None) -> Lexicon:
    """The packaged lexicon with any user files layered on top (their entries come first) and the
    packaged converted layers (LAYERS) below it; with a cache_dir, read from its compiled copy
    there when that is current (tidings.cache)."""
    stamps = tuple((str(p), Path(p).stat().st_mtime_ns) for p in extra_files if Path(p).is_file())
    missing = [str(p) for p in extra_files if not Path(p).is_file()]
    if missing:
        raise ConfigError(f"Lexicon file(s) not found: {', '.join(missing)}. Check the paths given.")
    layers = tuple(p for p in LAYERS if p.is_file())
    sources = [Path(__file__), PACKAGED, *layers, *(Path(p) for p, _ in stamps)]
    key = cache.source_key("lexicon", sources, [str(p) for p, _ in stamps])
    return cache.cached(cache_dir, "lexicon", key, lambda: _load(stamps, layers), _dump, _undump)


def _dump(lex: Lexicon) -> dict:
    """The lexicon as plain data for the start-up cache (tidings.cache): triggers as field tuples."""
    triggers = {name: {head: [_trigger_fields(t) for t in ts] for head, ts in index.items()}
                for name, index in (("verbs", lex.verbs), ("nouns", lex.nouns))}
    plain = {f: getattr(lex, f) for f in _PLAIN_FIELDS}
    return {**plain, **triggers, "types": {k: (t.quad, t.intensity, t.cameo) for k, t in lex.types.items()}}


def _undump(data: dict) -> Lexicon:
    triggers = {name: {head: [Trigger(*t) for t in ts] for head, ts in data[name].items()}
                for name in ("verbs", "nouns")}
    types = {k: TypeInfo(*t) for k, t in data["types"].items()}
    return Lexicon(types=types, **triggers, **{f: data[f] for f in _PLAIN_FIELDS})


# Fields of Lexicon held as plain values (strings, sets and dicts of them).
_PLAIN_FIELDS = ("aliases", "frames", "frame_particles", "speech", "light", "modality", "sectors",
                 "reciprocal_heads", "reciprocal_dets", "forms", "form_heads", "crowds", "unseen_forms")


def _trigger_fields(t: Trigger) -> tuple:
    return (t.head, t.extras, t.pos, t.type, t.mode, t.cameo, t.swap, t.order, t.layer)


def _load(stamps: tuple[tuple[str, int], ...], layers: Sequence[Path] = ()) -> Lexicon:
    base = _read(PACKAGED)
    docs = [_read(Path(p)) for p, _ in stamps] + [base] + [_read(p) for p in layers]
    types = {k: TypeInfo(int(v["quad"]), float(v["intensity"]), str(v["cameo"])) for k, v in base["types"].items()}
    lex = Lexicon(types=types, aliases={k.upper(): v.upper() for k, v in base.get("aliases", {}).items()})
    order = 0
    irregular: dict[str, list[str]] = {}
    frames = base.get("frames", {})
    reserved = {p.split()[0] for kind in (*FRAME_KINDS, "speech", "light") for p in frames.get(kind, [])}
    own = len(docs) - len(layers)
    for n, doc in enumerate(docs):
        layer = int(n >= own)
        for k, v in doc.get("forms", {}).items():
            irregular.setdefault(k, []).extend(v)
        for entry in doc.get("trigger", []):
            for trig in _entries(entry, types, order, layer):
                if layer and (trig.head in reserved or _restates(trig, lex.nouns)):
                    continue
                index = lex.verbs if trig.pos == "verb" else lex.nouns
                index.setdefault(trig.head, []).append(trig)
                order += 1
    for index in (lex.verbs, lex.nouns):
        for entries in index.values():
            entries.sort(key=lambda t: (t.layer, -t.words, t.order))
    for kind in FRAME_KINDS:
        for phrase in frames.get(kind, []):
            lemma, *particle = phrase.split()
            lex.frames.setdefault(lemma, kind)
            if particle:
                lex.frame_particles.setdefault(lemma, particle[0])
    lex.speech = frozenset(frames.get("speech", []))
    lex.light = frozenset(w for w in frames.get("light", []) if " " not in w)
    lex.modality = {k: frozenset(v) for k, v in base.get("modality", {}).items()}
    lex.sectors = {w: sector for sector, words in base.get("sectors", {}).items() for w in words}
    for doc in docs[own:]:
        for sector, words in doc.get("sectors", {}).items():
            for w in words:
                lex.sectors.setdefault(w, sector)
    lex.crowds = frozenset(base.get("riot", {}).get("crowds", []))
    rec = base.get("reciprocal", {})
    lex.reciprocal_heads = frozenset(rec.get("heads", []))
    lex.reciprocal_dets = frozenset(rec.get("determiners", []))
    heads = set(lex.verbs) | set(lex.nouns)   # a frame alone ("agreed to") needs a trigger under it
    form_heads: dict[str, list[str]] = {}
    for h in sorted(heads):
        for f in inflections(h, irregular.get(h, ())):
            form_heads.setdefault(f, []).append(h)
    lex.form_heads = {f: tuple(hs) for f, hs in form_heads.items()}
    lex.forms = frozenset(form_heads)
    unseen = {t.head for index in (lex.verbs, lex.nouns) for ts in index.values() for t in ts
              if t.layer == 0 and t.type in UNSEEN_DOER}
    lex.unseen_forms = frozenset(f for f, hs in form_heads.items() if unseen.intersection(hs))
    return lex


def _restates(trig: Trigger, nouns: dict[str, list[Trigger]]) -> bool:
    """A converted verb entry whose object is already a noun trigger of the same type ("complete
    withdrawal", "stage protest"): the noun codes that event, with the parties the noun finds."""
    return any(t.type == trig.type and t.layer == 0 for w in trig.extras for t in nouns.get(w, ()))


def _read(path: Path) -> dict:
    """A lexicon file: TOML, or JSON of the same layout (a generated layer)."""
    try:
        text = path.read_text(encoding="utf-8")
        return json.loads(text) if path.suffix == ".json" else tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, json.JSONDecodeError) as e:
        raise ConfigError(f"Cannot read lexicon file {path}: {e}. Fix the file (docs/events.md shows the layout).") from e


def _entries(entry: dict, types: dict[str, TypeInfo], order: int, layer: int = 0) -> Iterable[Trigger]:
    etype = str(entry.get("type", "")).upper()
    if etype not in types:
        raise ConfigError(f"Lexicon entry {entry!r} has type {etype!r}; known types: {', '.join(types)}.")
    mode, swap = entry.get("mode"), bool(entry.get("swap", False))
    cameo = str(entry.get("cameo", types[etype].cameo))
    for phrase in entry.get("verbs", []):
        words = phrase.lower().split()
        yield Trigger(words[0], tuple(words[1:]), "verb", etype, mode, cameo, swap, order, layer)
    for phrase in entry.get("nouns", []):
        words = phrase.lower().split()
        yield Trigger(words[-1], tuple(words[:-1]), "noun", etype, mode, cameo, swap, order, layer)


def inflections(lemma: str, irregular: Iterable[str] = ()) -> set[str]:
    """Regular English forms of a verb or noun lemma, plus the irregular ones given."""
    out = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing", *irregular}
    if lemma.endswith("e"):
        out.add(lemma[:-1] + "ing")
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return out


__all__ = ["FRAME_KINDS", "PLOVER_TYPES", "UNSEEN_DOER", "Lexicon", "Trigger", "TypeInfo", "inflections", "load_lexicon"]
