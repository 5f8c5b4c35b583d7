"""Affiliation from the text: appositions and titles that give a person a country, a sector and a dated role."""
from __future__ import annotations

import re
from dataclasses import dataclass

# Title phrases and the PLOVER sector they put a person in; the longest phrase found wins,
# and an agency or group named inside the title ("ISI chief") overrides it with its own sector.
TITLE_SECTORS: dict[str, str] = {
    "president": "GOV", "vice president": "GOV", "prime minister": "GOV", "premier": "GOV",
    "minister": "GOV", "foreign minister": "GOV", "defence minister": "GOV", "defense minister": "GOV",
    "interior minister": "GOV", "minister of state": "GOV", "chancellor": "GOV", "ambassador": "GOV",
    "envoy": "GOV", "special envoy": "GOV", "representative": "GOV", "special representative": "GOV",
    "spokesman": "GOV", "spokesperson": "GOV", "spokeswoman": "GOV", "secretary": "GOV",
    "foreign secretary": "GOV", "governor": "GOV", "king": "GOV", "emir": "GOV",
    "supreme leader": "GOV", "official": "GOV", "diplomat": "GOV", "adviser": "GOV", "advisor": "GOV",
    "national security adviser": "GOV", "head of state": "GOV", "mediator": "GOV", "negotiator": "GOV",
    "army chief": "MIL", "chief of army staff": "MIL", "general": "MIL", "lieutenant general": "MIL",
    "major general": "MIL", "commander": "MIL", "colonel": "MIL", "admiral": "MIL", "military chief": "MIL",
    "defence chief": "MIL",
    "intelligence chief": "SPY", "spy chief": "SPY", "spymaster": "SPY", "isi chief": "SPY",
    "police chief": "COP", "inspector general of police": "COP",
    "judge": "JUD", "chief justice": "JUD",
    "senator": "LEG", "lawmaker": "LEG", "speaker": "LEG", "parliamentarian": "LEG", "mp": "LEG",
    "opposition leader": "OPP", "party leader": "PTY", "party chairman": "PTY",
    "militant commander": "REB", "rebel leader": "REB", "militant leader": "REB",
}
# Words a title may be built of besides the phrases above ("special representative for
# Afghanistan", "minister of state for foreign affairs", "Lt. Gen.").
_FILLER = {
    "special", "deputy", "acting", "former", "foreign", "affairs", "defence", "defense", "interior",
    "state", "of", "for", "the", "to", "chief", "head", "director", "lieutenant", "lt", "gen", "maj",
    "major", "brig", "brigadier", "col", "senior", "top", "new", "then", "national", "security",
    "staff", "army", "military", "intelligence", "spy", "presidential", "federal", "finance",
    "information", "ministry", "caretaker", "interim", "first", "general", "and", "services",
    "inter", "inter-services", "public", "relations", "permanent", "external", "home", "trade",
    "commerce", "economy", "energy", "health", "education", "justice", "president's", "leader",
}
# A title must hold one of these (a bare "the" or "former" before a name is no title).
_HEADS = {"president", "minister", "premier", "chancellor", "ambassador", "envoy", "representative",
          "spokesman", "spokesperson", "spokeswoman", "secretary", "governor", "king", "emir",
          "leader", "official", "diplomat", "adviser", "advisor", "chief", "head", "director",
          "general", "commander", "colonel", "admiral", "spymaster", "judge", "justice", "senator",
          "lawmaker", "speaker", "parliamentarian", "mp", "gen", "mediator", "negotiator"}
_TITLE_WORDS = {w for phrase in TITLE_SECTORS for w in phrase.split()} | _FILLER | _HEADS
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|,|\S")
ENT_MARK = "\x00"  # stands for a named entity inside the text between two mentions


@dataclass(frozen=True, slots=True)
class TitleRead:
    """A title read off the text: the words as written and the sector they imply (or None)."""

    title: str
    sector: str | None


def read_title(between: str, trailing_comma_ok: bool = True) -> TitleRead | None:
    """The title in `between` when it is made only of title words (entities marked ENT_MARK
    allowed, "'s" at the start, one comma at the end); None when it holds anything else."""
    text = between.replace("’", "'").strip()
    text = text.removeprefix("'s")
    text = text.replace(".", " ").strip()
    if trailing_comma_ok and text.endswith(","):
        text = text[:-1].strip()
    if not text:
        return None
    words, commas = [], 0
    for tok in _TOKEN.findall(text):
        if tok == ",":  # "ISI chief, Lieutenant General": one comma between title and rank
            commas += 1
            if commas > 1:
                return None
            continue
        if tok == ENT_MARK:
            words.append(tok)
            continue
        low = tok.lower().replace("’", "'")
        parts = [low] if low in _TITLE_WORDS else low.split("-")   # "Secretary-General", "Vice-President"
        if not all(p in _TITLE_WORDS for p in parts):
            return None
        words += parts
    plain = [w for w in words if w != ENT_MARK]
    if not any(w in _HEADS for w in plain):
        return None
    return TitleRead(" ".join(plain), title_sector(" ".join(plain)))


def title_sector(title: str) -> str | None:
    """The sector of the longest TITLE_SECTORS phrase inside `title` (word-aligned)."""
    padded = f" {title.lower()} "
    best = max((p for p in TITLE_SECTORS if f" {p} " in padded), key=len, default=None)
    return TITLE_SECTORS[best] if best else None


def title_matches(wanted: str, office: str | None) -> bool:
    """Whether an office title ("Presidential Special Representative for Afghanistan") is the
    one a descriptor names ("special representative"): every word of `wanted` is in it."""
    if not office:
        return False
    have = set(re.findall(r"[a-z]+", office.lower().replace("premier", "prime minister")))
    return all(w in have for w in re.findall(r"[a-z]+", wanted.lower()))
