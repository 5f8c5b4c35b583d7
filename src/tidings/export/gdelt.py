"""The GDELT-style event table: coded events in the GDELT 2.0 event columns we can fill (gdelt_events.*; `--format gdelt` writes it as GDELT TSV)."""
from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date

from ..api import Corpus
from .records import Field, record_source

# The 61 columns of a GDELT 2.0 event file, in order (the GDELT 2.0 Event Database codebook).
ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
         "Type1Code", "Type2Code", "Type3Code")
GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in ACTOR) + tuple(f"Actor2{c}" for c in ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{c}" for c in GEO) + tuple(f"Actor2Geo_{c}" for c in GEO)
    + tuple(f"ActionGeo_{c}" for c in GEO)
    + ("DATEADDED", "SOURCEURL")
)
# One column after GDELT's 61: the tidings id of the row (merged event or event), to join back.
COLUMNS = GDELT_COLUMNS + ("TidingsID",)
INTEGER = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions",
           "NumSources", "NumArticles", "ActionGeo_Type", "DATEADDED"}
FLOAT = {"FractionDate", "GoldsteinScale", "ActionGeo_Lat", "ActionGeo_Long"}
# GDELT calls an event "root" when it is in the lead paragraph; we know sentences, not paragraphs:
# the first three sentences stand for the lead (a news lead paragraph runs one to three sentences).
LEAD_SENTENCES = 3
# Actor sectors that are CAMEO type codes as they are (the rest go in Type1Code only if listed).
CAMEO_TYPES = frozenset({"GOV", "MIL", "REB", "OPP", "SPY", "COP", "JUD", "LEG", "MED", "EDU", "BUS", "CRM",
                         "CVL", "IGO", "NGO", "REF", "HLH", "AGR", "ELI", "LAB", "UAF", "INS", "SEP", "RAD"})


def global_event_id(tidings_id: str) -> int:
    """A stable 48-bit integer for a tidings id (GDELT ids are integers; ours are strings)."""
    return int(hashlib.sha1(tidings_id.encode("utf-8")).hexdigest()[:12], 16)


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


def _dates(day: date | None) -> dict:
    if day is None:
        return {}
    start = date(day.year, 1, 1)
    fraction = day.year + (day - start).days / 365
    return {"SQLDATE": int(day.strftime("%Y%m%d")), "MonthYear": int(day.strftime("%Y%m")), "Year": day.year,
            "FractionDate": round(fraction, 4)}


def _actor(prefix: str, parties: list[dict]) -> dict:
    """The first party of a side as GDELT codes an actor: country + type code, name, country, type."""
    if not parties:
        return {}
    p = parties[0]
    country, sector = p.get("country") or "", p.get("sector") or ""
    is_country = len(country) == 3 and country.isalpha() and sector != "IGO"
    out = {f"{prefix}Name": (p.get("name") or "").upper(),
           f"{prefix}Code": (country if is_country else "") + (sector if sector in CAMEO_TYPES else "")
           or (country + sector)}
    if is_country:
        out[f"{prefix}CountryCode"] = country
    elif country:
        out[f"{prefix}KnownGroupCode"] = country  # an IGO code (CSTO, SCO ...) stands where GDELT has known groups
    if sector in CAMEO_TYPES:
        out[f"{prefix}Type1Code"] = sector
    return out


def _action_geo(location: dict | None) -> dict:
    if not location or location.get("lat") is None:
        return {}
    is_country = not location.get("admin1")  # a whole country has no province; GDELT type 1, else 4 (a world city)
    parts = [location.get("name"), location.get("admin1"), location.get("country")]
    names = ", ".join(dict.fromkeys(p for p in parts if p))
    return {"ActionGeo_Type": 1 if is_country else 4, "ActionGeo_FullName": names,
            "ActionGeo_CountryCode": location.get("country") or "", "ActionGeo_Lat": location["lat"],
            "ActionGeo_Long": location["lon"]}


class _Articles:
    """Per-article facts the rows need (source URL, outlet, when its events were coded), cached."""

    def __init__(self, corpus: Corpus):
        self.corpus, self.cache = corpus, {}

    def get(self, article_id: str) -> tuple[str, str, str | None]:
        if article_id not in self.cache:
            url, outlet, dup, coded = self.corpus.event_article_facts(article_id)
            added = "".join(ch for ch in (coded or "")[:19] if ch.isdigit()) or None
            self.cache[article_id] = (url, outlet if dup is None else f"copy:{dup}", added)
        return self.cache[article_id]


def _row(tidings_id: str, lead: dict, members: list[dict], articles: _Articles) -> dict:
    """One GDELT row for an event (members: its mentions; one for an unmerged event)."""
    facts = [articles.get(m["article_id"]) for m in members]
    day = _day(lead.get("date") if lead.get("date_precision", "").startswith(("day", "datetime")) else None) \
        or _day(lead.get("date_start"))
    root = lead.get("cameo_root") or ""
    row = {"GLOBALEVENTID": global_event_id(tidings_id), **_dates(day),
           **_actor("Actor1", lead["actors"]), **_actor("Actor2", lead["recipients"]),
           "IsRootEvent": int(any(m["sentence_index"] < LEAD_SENTENCES for m in members)),
           "EventCode": root, "EventBaseCode": root, "EventRootCode": root, "QuadClass": lead["quad_class"],
           "GoldsteinScale": lead["intensity"], "NumMentions": len(members),
           "NumSources": max(1, len({outlet for _, outlet, _ in facts if not outlet.startswith("copy:")})),
           "NumArticles": len({m["article_id"] for m in members}),
           **_action_geo(lead.get("location") or next((m["location"] for m in members if m.get("location")), None)),
           "DATEADDED": max((int(a) for _, _, a in facts if a), default=None),
           "SOURCEURL": facts[0][0] if facts else "", "TidingsID": tidings_id}
    return {c: row.get(c) for c in COLUMNS}


def gdelt_rows(corpus: Corpus) -> Iterator[dict]:
    """A row per asserted-or-not coded happening: each merged event once (its most confident mention
    leads), and each event mention no merge stage has placed."""
    articles = _Articles(corpus)
    merged: dict[str, list[dict]] = {}
    for ev in corpus.event_records():
        if ev.get("merged_event_id"):
            merged.setdefault(ev["merged_event_id"], []).append(ev)
        else:
            yield _row(ev["id"], ev, [ev], articles)
    for mid, members in merged.items():
        lead = max(members, key=lambda m: (m["confidence"], -m["sentence_index"]))
        yield _row(mid, lead, members, articles)


GDELT_FIELDS = tuple(Field(c, "int" if c in INTEGER else "float" if c in FLOAT else "str") for c in COLUMNS)


@record_source("gdelt_events", GDELT_FIELDS)
def _gdelt(corpus: Corpus) -> Iterator[dict]:
    yield from gdelt_rows(corpus)
