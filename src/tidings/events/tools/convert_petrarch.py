"""Convert PETRARCH2's CAMEO verb dictionary, through the PLOVER manual's CAMEO-to-PLOVER table,
into a tidings lexicon layer: JSON in the layout of events/data/lexicon.toml (`trigger`, `sectors`).

    python -m tidings.events.tools.convert_petrarch /work/shared/resources \
        --out src/tidings/events/data/petrarch.json

Input (RESOURCES is the folder of /work/shared/resources/README.md):
  petrarch2/CAMEO.2.0.txt      synonym sets (`&NAME` then `+WORD` lines) and verb blocks
                               (`---  NAME  [code]  ---`, verb lines, `- ... * ... [code]` patterns)
  plover/CAMEO2PLOVER-2021.txt `code: TYPE, mode, context # description`

What is kept, and how it maps:
  * a pattern's CAMEO code goes to the PLOVER type and mode of the longest matching prefix in the
    table (1712 "destroy property" -> ASSAULT; 145 "riot" -> PROTEST riot); root 02 (appeal), which
    the table leaves out, is REQUEST as in tidings' ontology; root 01 (statements) and codes the
    table does not reach are dropped; a mode is kept only where tidings' ontology lists it for
    the type ("assassinate" is ASSAULT's "targeted");
  * a verb with a code of its own gives a bare verb entry; so does each verb of a block named for
    a category of material conflict (EXPLOSIVE_DESTRUCTION: "torch", "bombard") with the block's
    code (FORCE_ROOTS); of a block named
    after one of its verbs (DESTROY) only that verb does, since its other verbs are loose synonyms
    ("master", "overshadow") that take part only through the patterns, which name the words that
    must hang off the verb;
  * a pattern becomes "verb word ..." with the words after the verb, lemmatised: a plain word,
    a `{noun compound}` (all its words), a `(prep phrase)` (the preposition and its noun), at most
    three words, since the coder looks at the verb's children and grandchildren only; synonym
    sets (`&TREATY`) are expanded; patterns with words before the verb (subjects) are dropped,
    because the coder matches a verb's complements, never its subject; so are patterns asking
    only for a preposition that also opens time and place phrases ("kill in", "demand on").
  * blocks of reporting verbs (default code in root 01) and blocks named after a verb tidings'
    own lexicon reads as a frame, report or light verb ("expect", "say", "hold") are skipped whole:
    their synonyms share that role, and their patterns code what was said or intended, which the
    coder already reads through the frame;
  * Phoenix agent nouns (`TEACHER [~EDU]`, `MILITIAMAN [~REB]`) become `[sectors]`: nouns of one or two words
    whose agent code starts with a sector of tidings' ontology (`~GOVMIL` is GOV); religious
    codes are REL; codes with no PLOVER sector (criminals, health, elites) are left out.
The output is deterministic (sorted), so rerunning it on the same inputs gives the same file.
"""
from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

OWN_LEXICON = Path(__file__).resolve().parents[1] / "data" / "lexicon.toml"
VERBS = Path("petrarch2") / "CAMEO.2.0.txt"
AGENTS = Path("petrarch2") / "Phoenix.agents.txt"
TABLE = Path("plover") / "CAMEO2PLOVER-2021.txt"
# Modes tidings' ontology (PLOVER.md) gives each type; the table's other labels are contexts or
# finer distinctions tidings does not carry. Renamed labels first.
RENAME = {("ASSAULT", "assassinate"): "targeted"}
MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "arrest", "deport", "censor", "curfew", "cyber"},
    "ASSAULT": {"firearms", "explosives", "aerial", "drone", "heavy-weapons", "suicide-attack", "abduct", "targeted"},
}
# CAMEO roots the table leaves out and what tidings' ontology (PLOVER.md) codes them as.
ROOT_EXTRA = {"02": ("REQUEST", None)}
# CAMEO roots of material conflict (protest, force posture, reducing relations, coercion, assault):
# a category block of these (EXPLOSIVE_DESTRUCTION) lists verbs that each name the act ("torch",
# "dynamite"); the verbs of other category blocks (OVERSEE_MANAGE: "control", "manage") need the
# object their patterns name.
FORCE_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
# CAMEO roots of statements: a block with such a default holds reporting verbs ("comment",
# "repeat") whose patterns code what was said; tidings reads through reporting verbs instead.
STATEMENT_ROOTS = frozenset({"01"})
# What the converted file says of itself (a JSON file has no comments).
ABOUT = [
    ("tidings PLOVER lexicon layer converted from PETRARCH2's CAMEO verb dictionary (openeventdata/petrarch2,"
    " CAMEO.2.0.txt, MIT licence, Copyright (c) 2015 Open Event Data Alliance) through the PLOVER manual's"
    " CAMEO-to-PLOVER table (openeventdata/PLOVER, CAMEO2PLOVER-2021.txt, CC BY-SA 4.0), and sector nouns"
    " from PETRARCH2's Phoenix agents dictionary (Phoenix.agents.txt, MIT licence, Copyright (c) 2014 Open"
    " Event Data Alliance)."),
    ("Generated by: python -m tidings.events.tools.convert_petrarch RESOURCES --out"
    " src/tidings/events/data/petrarch.json"),
    ("Do not edit by hand: change the converter and rerun it. Loaded after lexicon.toml, so tidings' own"
    " entries are tried first; docs/events.md describes the layering."),
    ("The types and modes derive from the CAMEO-to-PLOVER table (CC BY-SA 4.0): this file is shared under"
    " the same terms as far as it derives from it. `licence` holds PETRARCH2's licence."),
]
# Most words a converted entry asks for after its verb (the coder reaches children and grandchildren).
MAX_EXTRAS = 3
# Most variants one pattern expands to through its synonym sets.
MAX_VARIANTS = 60
# Function words of a pattern that are no dependents of their own worth matching.
SKIP_WORDS = frozenset({"a", "an", "the", "of", "and", "or", "to_be", "it", "that", "his", "her", "their", "its"})
# Prepositions that also open time and place phrases ("on Tuesday", "in Gaza"): alone after a
# verb they say nothing of the event, so a pattern asking for nothing else is dropped.
LOOSE_PREPS = frozenset({"in", "on", "at", "during", "after", "before", "since", "from", "near", "by", "over"})
_CODE = re.compile(r"\[([^\]]*)\]")
_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")


def read_table(path: Path) -> dict[str, tuple[str, str | None]]:
    """CAMEO code -> (PLOVER type, mode or None), from the PLOVER manual's table."""
    out: dict[str, tuple[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,#]*))?", line)
        if not m:
            continue
        code, etype, mode = m.group(1), m.group(2), (m.group(3) or "").strip() or None
        if len(code) == 2:
            continue          # the root lines ("08: CONCEDE", "08: RETREAT") are headings
        out.setdefault(code, (etype, mode))
    return out


def plover(code: str, table: dict[str, tuple[str, str | None]]) -> tuple[str, str | None] | None:
    """The PLOVER (type, mode) of a CAMEO code: the longest prefix the table holds."""
    for n in range(len(code), 2, -1):
        hit = table.get(code[:n])
        if hit is not None:
            etype, mode = hit
            mode = RENAME.get((etype, mode), mode)
            return etype, (mode if mode in MODES.get(etype, ()) else None)
    extra = ROOT_EXTRA.get(code[:2])
    if extra is not None:
        return extra
    root = table.get(code[:2] + "0")
    return (root[0], None) if root is not None and len(code) == 2 else None


def singular(word: str) -> str:
    """A plain English singular, close enough to spaCy's lemma for matching ("houses" -> "house")."""
    w = word.lower()
    if len(w) <= 3 or w.endswith(("ss", "us", "is", "ics", "news")):
        return w
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses", "zes")):
        return w[:-2]
    if w.endswith("s"):
        return w[:-1]
    return w


# Phoenix agent codes -> tidings sector (PLOVER.md "Actors"); first three letters of the code.
AGENT_SECTORS = {c: c for c in ("GOV", "MIL", "SPY", "COP", "JUD", "LEG", "PTY", "REB", "UAF", "IGO", "NGO",
                                "MED", "BUS", "CVL", "REF", "OPP", "REL", "LAB", "EDU")}
AGENT_SECTORS |= {"AGR": "CVL", "CHR": "REL", "MUS": "REL", "JEW": "REL", "HIN": "REL", "BUD": "REL"}


def read_agents(path: Path) -> dict[str, list[str]]:
    """Sector -> agent nouns of one or two words (lower case, the last word singular; "-man" nouns
    with their "-men" plural): "teacher", "islamic fundamentalist"."""
    subs: dict[str, list[str]] = {}
    out: dict[str, set[str]] = defaultdict(set)
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^(\S+)\s+\[~([A-Z]{3})[A-Z]*\]", line)
        if not m:
            continue
        sector = AGENT_SECTORS.get(m.group(2))
        if sector is None:
            continue
        words = [m.group(1)]
        for key, alts in subs.items():
            if key in words[0]:
                words = [w.replace(key, a) for w in words for a in alts]
        for w in words:
            w = w.strip("_").lower().replace("_", " ")
            if re.fullmatch(r"[a-z][a-z-]+( [a-z][a-z-]+)?", w):
                w = " ".join([*w.split()[:-1], singular(w.split()[-1])]) if " " in w else w
                out[sector].add(w)
                if w.endswith("man"):
                    out[sector].add(w[:-3] + "men")
    return {k: sorted(v) for k, v in sorted(out.items())}


def read_synonyms(lines: list[str]) -> dict[str, list[str]]:
    """`&NAME` -> its `+WORD` members (multi-word members joined by spaces)."""
    sets: dict[str, list[str]] = {}
    current = None
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if line.startswith("&"):
            current = line.split()[0]
            sets[current] = []
        elif line.startswith("+") and current is not None:
            word = line[1:].split()[0].replace("_", " ").strip()
            if word:
                sets[current].append(word.lower())
        elif not line:
            current = None
    return sets


def _groups(text: str) -> list[str]:
    """Pattern elements: words, `{...}` compounds and `(...)` phrases kept whole."""
    out, depth, cur = [], 0, ""
    for ch in text:
        if ch in "{(":
            if depth == 0 and cur.strip():
                out += cur.split()
                cur = ""
            depth += 1
            cur += ch
        elif ch in "})":
            depth -= 1
            cur += ch
            if depth == 0:
                out.append(cur.strip())
                cur = ""
        else:
            cur += ch
    out += cur.split()
    return out


def _element_words(el: str, synonyms: dict[str, list[str]]) -> list[list[str]] | None:
    """Alternatives (each a list of words) one pattern element asks for; [] when it asks for
    nothing (an actor marker); None when it cannot be matched on a parse."""
    if el in ("$", "+", "^", "%", ".", "_"):
        return [[]]
    if el.startswith("{"):
        parts = [_word_options(w, synonyms) for w in el.strip("{}").split()]
        if any(p is None for p in parts):
            return None
        return [[w for alt in combo for w in alt] for combo in itertools.islice(itertools.product(*parts), MAX_VARIANTS)]
    if el.startswith("("):
        inner = _groups(el[1:-1])
        words: list[list[list[str]]] = []
        for sub in inner:
            got = _element_words(sub, synonyms)
            if got is None:
                return None
            words.append(got)
        # the preposition and the head of its object: the coder reaches no deeper
        combos = [[w for alt in combo for w in alt] for combo in itertools.islice(itertools.product(*words), MAX_VARIANTS)]
        return [c[:1] + c[-1:] if len(c) > 2 else c for c in combos]
    return _word_options(el, synonyms)


def _word_options(word: str, synonyms: dict[str, list[str]]) -> list[list[str]] | None:
    if word in ("$", "+", "^", "%"):
        return [[]]
    if word.startswith("&"):
        members = synonyms.get(word.rstrip(",."))
        if not members:
            return None
        return [[singular(w) for w in m.split()][-2:] for m in members]
    w = word.strip(",.").replace("_", " ").strip()
    if not w or not re.fullmatch(r"[A-Za-z][A-Za-z' -]*", w):
        return None
    return [[singular(x) for x in w.split()]]


def pattern_phrases(pattern: str, synonyms: dict[str, list[str]]) -> list[tuple[str, ...]] | None:
    """The word lists (after the verb) a pattern line asks for, or None when it cannot be used."""
    before, star, after = pattern.partition("*")
    if not star:
        return None
    if any(el not in ("$", "+", "^", "%") for el in _groups(before)):
        return None                        # words before the verb: a subject the coder never matches
    parts = []
    for el in _groups(after):
        got = _element_words(el, synonyms)
        if got is None:
            return None
        parts.append(got)
    out = []
    for combo in itertools.islice(itertools.product(*parts), MAX_VARIANTS):
        words = [w for alt in combo for w in alt if w not in SKIP_WORDS]
        words = list(dict.fromkeys(words))[:MAX_EXTRAS]
        if words and all(w in LOOSE_PREPS for w in words):
            continue
        out.append(tuple(words))
    return out


def _code_of(text: str) -> str | None:
    m = _CODE.search(text)
    if m is None:
        return None
    code = m.group(1).split(":")[0].strip()
    return code if code.isdigit() else None


def _verb_of(line: str) -> tuple[str, str | None] | None:
    """(verb phrase in lower case, its own code) of a verb line of a block."""
    text = line.split("#", 1)[0]
    code = _code_of(text)
    text = re.sub(r"\{[^}]*\}", " ", _CODE.sub(" ", text)).strip()
    if not text:
        return None
    word = text.split()[0].lstrip("+").replace("_", " ").strip().lower()
    if not re.fullmatch(r"[a-z][a-z' -]*", word):
        return None
    words = word.split()
    if len(words) > 1 and words[-1] in ("and", "or", "by"):
        return None                        # "killed and", "angered by": fragments, not verbs
    return " ".join(words), code


def _verb_named_blocks(lines: list[str]) -> set[str]:
    """Blocks named after one of their own verbs ("DESTROY"): their other verbs are loose synonyms.
    A block named for a category ("EXPLOSIVE_DESTRUCTION") lists verbs of that one class."""
    named, name, verbs = set(), "", set()
    for line in [*lines, "---  END_  [---]  ---"]:
        header = _HEADER.match(line)
        if header:
            if name and name.replace("_", " ") in verbs:
                named.add(name)
            name, verbs = header.group(1).lower(), set()
        elif line.strip() and not line.startswith(("-", "#", "~")):
            got = _verb_of(line)
            if got is not None:
                verbs.add(got[0])
    return named


def reserved_verbs(lexicon: Path = OWN_LEXICON) -> set[str]:
    """Verbs tidings' own lexicon reads as frames, reports or light verbs ("expect", "say", "hold")."""
    frames = tomllib.loads(lexicon.read_text(encoding="utf-8")).get("frames", {})
    return {p.split()[0] for words in frames.values() for p in words}


def convert(resources: Path, reserved: set[str] | None = None) -> dict[tuple[str, str | None, str], set[str]]:
    """(type, mode, CAMEO code) -> verb phrases in tidings' layout ("burn house", "riot")."""
    reserved = reserved_verbs() if reserved is None else reserved
    table = read_table(resources / TABLE)
    lines = (resources / VERBS).read_text(encoding="utf-8", errors="replace").splitlines()
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    synonyms = read_synonyms(lines[:start])
    out: dict[tuple[str, str | None, str], set[str]] = defaultdict(set)

    def add(code: str | None, phrase: str) -> None:
        if code is None:
            return
        hit = plover(code, table)
        if hit is not None:
            out[(hit[0], hit[1], code)].add(phrase)

    block_code: str | None = None
    block_name = ""
    verbs: list[tuple[str, str | None]] = []
    named = _verb_named_blocks(lines[start + 1:])
    skip = False
    for raw in lines[start + 1:]:
        line = raw.rstrip()
        header = _HEADER.match(line)
        if header:
            block_name = header.group(1).lower()
            block_code = header.group(2) if header.group(2).isdigit() else None
            verbs = []
            skip = (block_code or "")[:2] in STATEMENT_ROOTS or block_name.replace("_", " ") in reserved
            continue
        if skip:
            continue
        if not line.strip() or line.startswith(("#", "~")):
            continue
        if line.startswith("- "):
            code = _code_of(line.split("#", 1)[0])
            phrases = pattern_phrases(_CODE.sub(" ", line.split("#", 1)[0])[2:], synonyms)
            if code is None or not phrases:
                continue
            for verb, _ in verbs:
                for words in phrases:
                    add(code, " ".join([verb, *words]))
            continue
        got = _verb_of(line)
        if got is None:
            continue
        verb, own = got
        verbs.append((verb, own))
        if own is not None:
            add(own, verb)
        elif block_code is not None and (verb == block_name.replace("_", " ")
                                         or (block_name not in named and block_code[:2] in FORCE_ROOTS)):
            add(block_code, verb)
    return out


def render(entries: dict[tuple[str, str | None, str], set[str]], agents: dict[str, list[str]] | None = None,
           licence: str = "") -> str:
    """The JSON text of a lexicon layer holding the converted entries (the layout of a lexicon
    TOML file: `trigger` and `sectors`, with `about` and `licence` notes), sorted for a stable
    file. JSON, not TOML: the lexicon reads it in a fortieth of the time."""
    triggers = []
    by_phrase: dict[str, tuple[str, str | None, str]] = {}
    # one code per phrase: the most specific (longest) CAMEO code, then the lowest
    for key in sorted(entries, key=lambda k: (-len(k[2]), k[2], k[0], k[1] or "")):
        for phrase in sorted(entries[key]):
            by_phrase.setdefault(phrase, key)
    grouped: dict[tuple[str, str | None, str], list[str]] = defaultdict(list)
    for phrase, key in by_phrase.items():
        grouped[key].append(phrase)
    for (etype, mode, code) in sorted(grouped, key=lambda k: (k[2], k[0], k[1] or "")):
        entry = {"type": etype, **({"mode": mode} if mode else {}), "cameo": code,
                 "verbs": sorted(grouped[(etype, mode, code)])}
        triggers.append(entry)
    notes = {"about": ABOUT, **({"licence": licence.strip().splitlines()} if licence.strip() else {}),
             "version": 1}
    # One trigger entry a line, so that a change to the converter shows as a readable diff.
    out = json.dumps(notes, ensure_ascii=False, indent=1)[:-2] + ',\n "trigger": [\n  '
    out += ",\n  ".join(json.dumps(t, ensure_ascii=False) for t in triggers) + "\n ]"
    if agents:  # agent nouns and the sector they give a party with no name (tidings' own win)
        out += ',\n "sectors": ' + json.dumps(agents, ensure_ascii=False)
    return out + "\n}\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tidings.events.tools.convert_petrarch", description=__doc__.split("\n")[0])
    ap.add_argument("resources", type=Path, help="folder holding petrarch2/ and plover/")
    ap.add_argument("--out", type=Path, required=True, help="lexicon layer (JSON) to write")
    args = ap.parse_args(argv)
    for rel in (VERBS, TABLE, AGENTS):
        if not (args.resources / rel).is_file():
            print(f"{args.resources / rel} is missing", file=sys.stderr)
            return 2
    entries = convert(args.resources)
    licence = args.resources / "petrarch2" / "LICENSE"
    text = render(entries, read_agents(args.resources / AGENTS),
                  licence.read_text(encoding="utf-8") if licence.is_file() else "")
    args.out.write_text(text, encoding="utf-8")
    n = sum(len(v) for v in entries.values())
    print(f"wrote {args.out}: {len(json.loads(text)['trigger'])} entries, {n} verb phrases")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
