"""Convert PETRARCH2's Phoenix actor dictionaries into the broad knowledge-base layer (actors/data/phoenix.json).

    python -m tidings.actors.tools.convert_phoenix /work/shared/resources \\
        --out src/tidings/actors/data/phoenix.json

Input (RESOURCES is the folder of /work/shared/resources/README.md), TABARI actor files: a name
line (`BILL_CLINTON_`), `+` lines with other names, and codes in brackets on the name line or on
indented lines after it (`[USAGOV 930120-010120]`: country, sector, from-to; `>990427` from,
`<061231` until; six-digit dates are YYMMDD):
  petrarch2/Phoenix.Countries.actors.txt      countries (with misspellings, cities and provinces)
                                              and their people with dated roles
  petrarch2/Phoenix.International.actors.txt  IGOs, NGOs, companies and international people
  petrarch2/Phoenix.MilNonState.actors.txt    armed groups and their leaders

What is kept, and how it maps (general rules, never per name):
  * a code is a country (ISO3 in tidings' country table) then sectors, or IGO/NGO then
    organisation codes: the first sector with a PLOVER counterpart is the role's sector
    (GOVAGR is GOV; INS and SEP are REB; religious codes are REL; ELI, former officials and
    other elites, is UNK); an IGO role takes the most specific organisation code the knowledge
    base defines (IGOUNOREFHCR is HCR, IGOUNOAIE falls back to UNO); NGO is sector NGO; IMG
    (international militant groups) is UAF with no country; other codes with no country are
    dropped, and so is a person left with no role of a country;
  * people: full names of two to six words only, never a bare surname; forms starting with a
    title or a country ("US President Bill Clinton") are dropped, since lookup strips those;
    a name two people of different countries share is dropped (it cannot say which);
  * organisations and groups: names with an organisation's word or of two words or more; an
    acronym of one word only when the data gives it in brackets after the full name
    ("BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_") or it has four letters or more;
  * companies (MNC) and business entries are left out (no PLOVER actor country to gain);
  * countries: only misspellings of a country's name (rapidfuzz ratio >= MISSPELLING_RATIO
    against one of the curated names, and no other country's form); cities, provinces and
    historical names in the same lists are left to the gazetteer;
  * ours win: an entry sharing a form with a curated entity of the same kind is written under
    the curated id with its other names only (the curated entry, read later, keeps its name,
    country, sector and roles; ours carry everything after 2016); a form that is already a
    curated entity's form is never added to another entity.
The output is deterministic (sorted), so rerunning it on the same inputs gives the same file.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from ..kb import KnowledgeBase, curated, normalise
from ..resolve import slug

FILES = {
    "countries": Path("petrarch2") / "Phoenix.Countries.actors.txt",
    "international": Path("petrarch2") / "Phoenix.International.actors.txt",
    "milnonstate": Path("petrarch2") / "Phoenix.MilNonState.actors.txt",
}
LICENSE = Path("petrarch2") / "LICENSE"
# CAMEO role codes and their PLOVER sector (shared/ontology/PLOVER.md, "Actors").
SECTOR = {
    "GOV": "GOV", "MIL": "MIL", "SPY": "SPY", "COP": "COP", "JUD": "JUD", "LEG": "LEG", "PTY": "PTY",
    "REB": "REB", "INS": "REB", "SEP": "REB", "UAF": "UAF", "OPP": "OPP", "MED": "MED", "BUS": "BUS",
    "CVL": "CVL", "REF": "REF", "LAB": "LAB", "EDU": "EDU", "IGO": "IGO", "NGO": "NGO", "ELI": "UNK",
}
# CAMEO religion codes: sector REL.
RELIGION = {"REL", "ATH", "BAH", "BUD", "CHR", "CON", "DOX", "HIN", "ITH", "JAN", "JEW", "MOS",
            "PAG", "SHI", "SHN", "SIK", "TAO", "ZRO", "CTH", "PRO", "SUN", "MUS"}
# A two-digit year below this is 20YY, else 19YY: the dictionaries were made in 2014-2016 and
# write years before 1930 with four digits ("19270101").
CENTURY_PIVOT = 30
# A country alias is kept as a misspelling of the country's name from this rapidfuzz ratio
# (0-100): set by judgement on the Afghanistan and Ethiopia lists (AFGANISTAN 95, AFGHANESTAN 95,
# ETHOPIA 93), where cities and provinces score below 60.
MISSPELLING_RATIO = 85.0
# Shorter forms are left out: a one-letter slip in a short name is another word ("The US").
MIN_MISSPELLING_CHARS = 6
# Words that make a name an organisation's (the International file mixes organisations and people).
ORG_WORDS = {
    "organization", "organisation", "union", "council", "fund", "bank", "agency", "commission",
    "committee", "secretariat", "court", "tribunal", "assembly", "association", "federation",
    "institute", "programme", "program", "office", "forum", "league", "movement", "front", "army",
    "brigade", "brigades", "party", "group", "groups", "network", "mission", "force", "forces",
    "alliance", "community", "conference", "foundation", "society", "centre", "center", "services",
    "watch", "international", "nations", "cross", "crescent", "panel", "bureau", "department",
    "authority", "administration", "government", "ministry", "parliament", "faction", "cells",
    "nuclei", "nucleus", "organization's", "corps", "battalion", "militia", "jihad", "jihadists",
    "fighters", "revolutionary", "liberation", "resistance", "initiative", "project", "trust",
}
# Small words left in lower case in a converted name ("Army of God").
SMALL = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "de", "la", "el", "al", "bin", "ibn", "du", "des", "y"}
MAX_PERSON_WORDS = 6
MIN_ACRONYM_LETTERS = 4
_CODE = re.compile(r"\[([^\]]*)\]")
_BRACKETED = re.compile(r"\(([A-Z][A-Z0-9./-]{1,9})\)")


@dataclass
class RawActor:
    """One dictionary entry: its names as written and its bracketed codes."""

    names: list[str]
    codes: list[str] = field(default_factory=list)
    source: str = ""


@dataclass
class Actor:
    """An entry read: kind PER, IGO, NGO or GROUP, forms (display spellings), roles or a standing."""

    kind: str
    forms: list[str]
    roles: list[dict]
    country: str | None = None
    sector: str | None = None


# ---------------------------------------------------------------- reading


def read_entries(path: Path, source: str) -> list[RawActor]:
    """The entries of one TABARI actor file, in order."""
    out: list[RawActor] = []
    cur: RawActor | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body = line.split("#", 1)[0].rstrip()
        if not body.strip():
            continue
        codes = _CODE.findall(body)
        rest = _CODE.sub(" ", body).strip()
        if body[0] in " \t":
            if cur is not None:
                cur.codes += codes
        elif body.startswith("+"):
            if cur is not None:
                cur.names += [n for n in rest[1:].split("+") if n.strip()]
                cur.codes += codes
        else:
            cur = RawActor([rest], codes, source)
            out.append(cur)
    return [e for e in out if e.codes]


def display(raw: str) -> str:
    """"BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_" -> "Basque Fatherland and Freedom (ETA)"."""
    words = raw.replace("_", " ").split()
    out = []
    for i, w in enumerate(words):
        if w.startswith("(") or not re.search(r"[AEIOUaeiou]", w) or (len(words) == 1 and len(w) <= 5):
            out.append(w)   # an acronym as written
        elif len(w) == 2 and w.lower() not in SMALL:
            out.append(w.upper())   # UN, EU, US
        elif i > 0 and w.lower() in SMALL:
            out.append(w.lower())
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def _date(text: str) -> str | None:
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        text = (f"20{text[:2]}" if yy < CENTURY_PIVOT else f"19{text[:2]}") + text[2:]
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat()
    except ValueError:
        return None


def _span(text: str) -> tuple[str | None, str | None] | None:
    """"930120-010120", ">990427", "<061231", "" -> (start, end); None when unreadable."""
    text = text.strip()
    if not text:
        return None, None
    if text[0] in "<>":
        day = _date(text[1:].strip())
        if day is None:
            return None
        return (day, None) if text[0] == ">" else (None, day)
    if "-" in text:
        a, b = (p.strip() for p in text.split("-", 1))
        start, end = _date(a), _date(b)
        if start is None or end is None or start > end:
            return None
        return start, end
    return None


def _chunks(code: str) -> list[str]:
    return [code[i:i + 3] for i in range(0, len(code), 3)] if len(code) % 3 == 0 else []


def _sector(chunks: list[str]) -> str | None:
    for c in chunks:
        if c in SECTOR:
            return SECTOR[c]
        if c in RELIGION:
            return "REL"
    return None


def read_code(code: str, isos: set[str], orgs: set[str]) -> dict | None:
    """One bracketed code -> a role {country, sector, start, end}; None when it gives no country."""
    parts = code.split(None, 1)
    if not parts or parts[0].startswith("-"):
        return None
    span = _span(parts[1] if len(parts) > 1 else "")
    chunks = _chunks(parts[0].upper())
    if span is None or not chunks:
        return None
    head, rest = chunks[0], chunks[1:]
    if head in isos:
        country, sector = head, _sector(rest) or "UNK"
    elif head in ("IGO", "NGO"):
        known = [c for c in rest if c in orgs]
        country = known[-1] if known else None
        sector = head
        if country is None and head == "IGO":
            return None
    elif head == "IMG":
        country, sector = None, "UAF"
    else:
        return None
    return {"country": country, "sector": sector, "start": span[0], "end": span[1]}


# ---------------------------------------------------------------- classifying


def _is_org_name(words: list[str]) -> bool:
    return any(w.lower().strip("()'") in ORG_WORDS for w in words)


def classify(e: RawActor, isos: set[str], orgs: set[str]) -> Actor | None:
    """What an entry is (person, IGO, NGO, armed group), with its roles; None to leave it out."""
    roles = [r for r in (read_code(c, isos, orgs) for c in e.codes) if r is not None]
    first = e.codes[0].split(None, 1)[0].upper() if e.codes else ""
    forms = [display(n) for n in e.names if n.strip()]
    if not roles or not forms or first.startswith(("MNC", "BUS")):
        return None
    words = forms[0].split()
    org = _is_org_name(words) or len(words) == 1 or e.source == "milnonstate" and len(words) > 3
    if e.source == "milnonstate" and not org and roles[0]["sector"] in ("REB", "UAF"):
        org = not any(r["start"] for r in roles) and len(words) > 2
    if not org:
        if len(words) > MAX_PERSON_WORDS:
            return None
        return Actor("PER", forms, roles)
    standing = roles[0]
    international = standing["sector"] == "NGO" and standing["country"] not in isos   # a national NGO is a group
    kind = "IGO" if first.startswith("IGO") else "NGO" if international else "GROUP"
    return Actor(kind, forms, [], standing["country"], standing["sector"])


# ---------------------------------------------------------------- filtering forms


class Filter:
    """General rules for which spellings of an entry are safe to look up by exact name."""

    def __init__(self, kb: KnowledgeBase):
        from ..affiliation import TITLE_SECTORS
        from ..kb import _TITLE_SET

        self.kb = kb
        self.titles = _TITLE_SET
        self.title_words = {w for t in (*_TITLE_SET, *TITLE_SECTORS) for w in t.split()} - {"of", "the", "for", "state"}
        self.country_words = {
            normalise(f) for e in kb.entities() if e.type == "COUNTRY"
            for f in (e.name, *e.aliases, *e.demonyms) if "," not in f
        } | {normalise(f) for e in kb.entities() if e.type == "IGO" for f in (e.name, *e.aliases) if len(f) <= 5}

    def person(self, form: str) -> bool:
        key = normalise(form)
        words = key.split()
        if not 2 <= len(words) <= MAX_PERSON_WORDS or any(c.isdigit() for c in key):
            return False
        if any(w in self.title_words for w in words):
            return False
        return not (any(w in self.country_words for w in words) or self.kb.is_region(form))

    def org(self, form: str, bracketed: set[str]) -> bool:
        key = normalise(form)
        if not key or any(c.isdigit() for c in key) or self.kb.is_region(form):
            return False
        if key in self.country_words:
            return False
        if key.split()[-1] in self.title_words:   # "World Bank President": a person's title
            return False
        if " " not in key:
            return form in bracketed or (form.isupper() and len(form) >= MIN_ACRONYM_LETTERS)
        return True


def _org_forms(a: Actor) -> tuple[list[str], set[str]]:
    """"Basque Fatherland and Freedom (ETA)" -> the name without the bracket, and ETA."""
    forms, bracketed = [], set()
    for f in a.forms:
        acros = _BRACKETED.findall(f)
        bracketed.update(acros)
        forms.append(" ".join(_BRACKETED.sub(" ", f).split()))
        forms += acros
    return [f for f in dict.fromkeys(forms) if f], bracketed


# ---------------------------------------------------------------- countries


def country_aliases(entries: list[RawActor], kb: KnowledgeBase) -> dict[str, list[str]]:
    """ISO3 -> misspellings of the country's name found in its Phoenix entry."""
    out: dict[str, list[str]] = defaultdict(list)
    for e in entries:
        if len(e.codes) != 1 or not re.fullmatch(r"[A-Z]{3}", e.codes[0].strip()):
            continue
        cty = kb.get(f"cty:{e.codes[0].strip()}")
        if cty is None:
            continue
        names = [normalise(n) for n in (cty.name, *cty.aliases) if "," not in n]
        for raw in e.names[1:]:
            form = display(raw)
            key = normalise(form)
            if len(key) < MIN_MISSPELLING_CHARS or kb.knows(form) or len(key.split()) > 3:
                continue
            score = max(fuzz.ratio(key, n) for n in names)
            if MISSPELLING_RATIO <= score < 100:
                out[cty.country].append(form)
    return {k: sorted(set(v)) for k, v in out.items()}


# ---------------------------------------------------------------- merging and writing


@dataclass
class Out:
    """One [[entity]] to write."""

    id: str
    name: str
    type: str
    aliases: list[str]
    country: str | None = None
    sector: str | None = None
    roles: list[dict] = field(default_factory=list)
    folded: bool = False


_KB_TYPES = {"PER": ("PER",), "IGO": ("IGO",), "NGO": ("GROUP", "IGO"), "GROUP": ("GROUP", "AGENCY")}
_PREFIX = {"PER": "per", "IGO": "igo", "NGO": "ngo", "GROUP": "grp"}


def build(actors: list[Actor], kb: KnowledgeBase, flt: Filter) -> list[Out]:
    """Actors merged by name, filtered, folded into curated entities where they share a form."""
    merged: dict[tuple[str, str], Actor] = {}
    for a in actors:
        if a.kind == "PER":
            forms = [f for f in a.forms if flt.person(f)]
        else:
            forms, bracketed = _org_forms(a)
            forms = [f for f in forms if flt.org(f, bracketed)]
        if not forms:
            continue
        countries = {r["country"] for r in a.roles} if a.kind == "PER" else {a.country}
        key = (a.kind, normalise(forms[0]), ) + tuple(sorted(c or "" for c in countries))[:1]
        if key in merged:
            m = merged[key]
            m.forms += [f for f in forms if f not in m.forms]
            m.roles += [r for r in a.roles if r not in m.roles]
        else:
            merged[key] = Actor(a.kind, forms, list(a.roles), a.country, a.sector)
    # A form two entries of different countries share says nothing: drop it from both.
    owners: dict[str, set[str | None]] = defaultdict(set)
    for a in merged.values():
        for f in a.forms:
            owners[normalise(f)].add(_main_country(a))
    tails = _name_tails(kb)
    out: dict[str, Out] = {}
    kept: list[tuple[Actor, list[str]]] = []
    taken: set[str] = set()   # forms given to an entity already (curated, folded or converted)
    for a in merged.values():
        forms = [f for f in a.forms if len(owners[normalise(f)]) == 1]
        if not forms:
            continue
        target = _curated_match(kb, a.kind, forms)
        if target is None:
            kept.append((a, forms))
            continue
        new = [f for f in forms if not kb.knows(f) and normalise(f) not in taken | tails]
        if new:
            o = out.setdefault(target.id, Out(target.id, target.name, target.type, [], folded=True))
            o.aliases += [f for f in new if f not in o.aliases]
            taken.update(normalise(f) for f in new)
    for a, forms in kept:
        forms = [f for f in forms if not kb.knows(f) and normalise(f) not in taken | tails]   # ours win
        if not forms:
            continue
        taken.update(normalise(f) for f in forms)
        eid = f"{_PREFIX[a.kind]}:{slug(forms[0])}"
        while eid in out:
            eid += "-2"
        kb_type = "IGO" if a.kind == "IGO" else "PER" if a.kind == "PER" else "GROUP"
        roles = _merge_roles(a.roles)
        if a.kind == "PER" and not roles:
            continue   # a person with no country (international militants, NGO staff): nothing to code
        sector = a.sector if a.kind != "PER" else None
        out[eid] = Out(eid, forms[0], kb_type, forms[1:], a.country, sector, roles)
    return sorted(out.values(), key=lambda o: o.id)


def _name_tails(kb: KnowledgeBase) -> set[str]:
    """A curated organisation's name without its qualifier ("security council" of the "United
    Nations Security Council"): many states have a body of that name, so it names none alone."""
    tails = set()
    for e in kb.entities():
        words = normalise(e.name).split()
        if e.type in ("IGO", "GROUP", "AGENCY"):
            tails.update(" ".join(words[i:]) for i in range(1, len(words)))
    return tails


def _main_country(a: Actor) -> str | None:
    if a.kind != "PER":
        return a.country
    countries = sorted({r["country"] or "" for r in a.roles})
    return "|".join(countries)


def _curated_match(kb: KnowledgeBase, kind: str, forms: list[str]):
    """The curated entity the entry's own name (of two words or more) names, if any: folding
    through an alias would follow acronyms and leaders' names to the wrong entity."""
    if " " not in normalise(forms[0]):
        return None
    return next((e for e in kb.lookup(forms[0]) if e.type in _KB_TYPES[kind]), None)


def _merge_roles(roles: list[dict]) -> list[dict]:
    """Roles with a country, dated elite spans (UNK: the years before and after an office, in the
    same country) left out, and overlapping or touching spans of one country and sector joined."""
    kept = [r for r in roles if r["country"] and not (r["sector"] == "UNK" and (r["start"] or r["end"]))]
    undated = [r for r in kept if not r["start"] and not r["end"]]
    dated = sorted((r for r in kept if r["start"] or r["end"]),
                   key=lambda r: (r["country"], r["sector"], r["start"] or "", r["end"] or "9999"))
    joined: list[dict] = []
    for r in dated:
        last = joined[-1] if joined else None
        if (last is not None and (last["country"], last["sector"]) == (r["country"], r["sector"])
                and last["end"] is not None and r["start"] is not None and r["start"] <= _next_day(last["end"])):
            last["end"] = None if r["end"] is None else max(last["end"], r["end"])
            continue
        joined.append(dict(r))
    out = [dict(r) for r in undated[:1]] + sorted(joined, key=lambda r: (r["start"] or "", r["end"] or "9999"))
    return [{k: v for k, v in r.items() if v is not None} for r in out]


def _next_day(day: str) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()


ABOUT = ("Broad knowledge-base layer converted from the Phoenix actor dictionaries of PETRARCH2 "
         "(openeventdata/petrarch2: Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, "
         "Phoenix.MilNonState.actors.txt) by src/tidings/actors/tools/convert_phoenix.py. Do not edit: "
         "correct entities in the curated files, which are read after this one and win. The dictionaries "
         "date from 2014-2016; offices held after that are not here.")


def _line(d: dict) -> str:
    return json.dumps(d, ensure_ascii=False, separators=(", ", ": "))


def render(entities: list[Out], countries: dict[str, list[str]], kb: KnowledgeBase, licence: str) -> str:
    """The layer as JSON in the knowledge-base file layout, one entity per line (diffable)."""
    rows = [{"iso3": cty, "name": kb.get("cty:" + cty).name, "aliases": countries[cty]} for cty in sorted(countries)]
    ents = []
    for o in entities:
        d = {"id": o.id, "name": o.name, "type": o.type}
        if not o.folded:
            if o.country:
                d["country"] = o.country
            if o.sector and not o.roles:
                d["sector"] = o.sector
        if o.aliases:
            d["aliases"] = o.aliases
        if o.roles and not o.folded:
            d["roles"] = o.roles
        ents.append(d)
    head = [f'"about": {json.dumps(ABOUT)}', f'"licence": {json.dumps(licence.strip())}', '"version": "1"']
    body = [",\n".join(f"  {_line(r)}" for r in rows), ",\n".join(f"  {_line(e)}" for e in ents)]
    return ("{\n" + ",\n".join(head) + ',\n"country": [\n' + body[0] + '\n],\n"entity": [\n' + body[1] + "\n]\n}\n")


def convert(resources_dir: Path) -> str:
    kb = curated()
    isos = {e.country for e in kb.entities() if e.type == "COUNTRY" and e.country}
    orgs = {e.country for e in kb.entities() if e.type == "IGO" and e.country} | \
           {e.country for e in kb.entities() if e.sector == "NGO" and e.country}
    raw = {src: read_entries(resources_dir / path, src) for src, path in FILES.items()}
    countries = country_aliases(raw["countries"], kb)
    actors = []
    for src in ("countries", "international", "milnonstate"):
        entries = raw[src]
        if src == "countries":   # country entries themselves are handled above
            entries = [e for e in entries if not (len(e.codes) == 1 and re.fullmatch(r"[A-Z]{3}(\w{3})?", e.codes[0].strip()))]
        actors += [a for a in (classify(e, isos, orgs) for e in entries) if a is not None]
    entities = build(actors, kb, Filter(kb))
    _check_codes(entities, isos, orgs)
    return render(entities, countries, kb, (resources_dir / LICENSE).read_text(encoding="utf-8"))


def _check_codes(entities: list[Out], isos: set[str], orgs: set[str]) -> None:
    """Drop roles whose country no entity defines (an organisation code only the data uses)."""
    known = isos | orgs | {o.country for o in entities if o.type == "IGO" or o.sector in ("IGO", "NGO")}
    for o in entities:
        o.roles = [r for r in o.roles if r.get("country") in known]
        if o.country not in known:
            o.country = None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("resources", type=Path, help="folder holding petrarch2/ (see /work/shared/resources/README.md)")
    ap.add_argument("--out", type=Path, default=None, help="output JSON file (default: stdout)")
    args = ap.parse_args(argv)
    text = convert(args.resources)
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
