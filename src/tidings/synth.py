"""`tidings synth`: a deterministic corpus of synthetic political news for scale runs of `tidings bench` and ingest."""
from __future__ import annotations

import datetime as dt
import importlib.resources
import json
import random
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import ConfigError

# The period stories are dated in: offices in the knowledge base are checked against it.
FIRST_DAY = dt.date(2016, 1, 1)
LAST_DAY = dt.date(2025, 6, 30)
ARTICLES_PER_FILE = 1000       # JSON lines per output file
FORMATS = ("jsonl", "txt")

# Shape of the corpus (chosen to look like a month of a news aggregator's intake, not tuned):
FLASH_SHARE = 0.08             # one-paragraph wire flashes
COPIES_SHARE = 0.30            # stories republished by 1-3 other outlets with small edits
FOLLOW_UP_SHARE = 0.25         # stories with a second article days later


# ---------------------------------------------------------------- the world: actors, places, outlets


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    demonym: str
    capital: str


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    surname: str
    title: str
    country: str           # ISO3
    start: dt.date
    end: dt.date


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    domain: str
    wire: bool             # datelines carry the outlet's name, as agencies write them
    reporters: tuple[str, ...]
    footer: tuple[str, ...]  # the lines this outlet appends to every article


@dataclass
class World:
    countries: dict[str, Country]
    people: list[Person]
    groups: list[str]
    igos: list[str]
    outlets: list[Outlet] = field(default_factory=list)


def _kb_file(name: str) -> dict:
    path = importlib.resources.files("tidings.actors") / "data" / name
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _day(value: str | None, default: dt.date) -> dt.date:
    if not value:
        return default
    parts = [int(p) for p in str(value).split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def load_world() -> World:
    """Names from the packaged knowledge base (so that they resolve): sovereign countries with
    their capitals (which the gazetteer knows), people in dated offices, armed groups, IGOs."""
    countries = {}
    for c in _kb_file("countries.toml")["country"]:
        if c.get("un_member") and c.get("capital") and c.get("demonyms"):
            countries[c["iso3"]] = Country(c["iso3"], c["name"], c["demonyms"][0], c["capital"])
    people = []
    for e in _kb_file("people.toml")["entity"]:
        for role in e.get("roles", ()):
            start, end = _day(role.get("start"), FIRST_DAY), _day(role.get("end"), LAST_DAY)
            if role.get("country") in countries and end >= FIRST_DAY and start <= LAST_DAY and role.get("title"):
                people.append(Person(e["name"], e["name"].split()[-1], role["title"], role["country"],
                                     max(start, FIRST_DAY), min(end, LAST_DAY)))
    groups = [e["name"] for e in _kb_file("groups.toml")["entity"]]
    igos = [e["name"] for e in _kb_file("igos.toml")["entity"]]
    if not people or not countries:
        raise ConfigError("the packaged knowledge base has no people or countries to write synthetic news about")
    return World(countries, people, groups, igos, outlets=_outlets())


_OUTLET_NAMES = (
    ("Meridian Wire", True), ("Continental Press Agency", True), ("Northbridge Newswire", True),
    ("The Harbour Chronicle", False), ("Capital Evening Standard", False), ("Riverside Courier", False),
    ("The Frontier Observer", False), ("Atlas Daily", False), ("The Lantern", False),
    ("Eastern Gazette", False), ("The Morning Ledger", False), ("Summit Times", False),
    ("Plains Tribune", False), ("The Civic Record", False), ("Granite Post", False),
)
_GIVEN = ("Amara", "Jonas", "Leila", "Tomasz", "Priya", "Kofi", "Ines", "Mateo", "Sana", "Erik",
          "Nadia", "Omar", "Yuki", "Farid", "Helena", "Bruno", "Zainab", "Dmitri", "Chloe", "Rahim")
_FAMILY = ("Okafor", "Lindqvist", "Haddad", "Novak", "Raman", "Mensah", "Duarte", "Castell", "Qureshi",
           "Holm", "Petrenko", "Saleh", "Tanaka", "Karimi", "Weiss", "Moreau", "Bello", "Orlov", "Dupont", "Aziz")
_FOOTERS = (
    "Follow {o} on social media for breaking news as it happens.",
    "Sign up for the {o} morning briefing, delivered before 7am.",
    "{o} is an independent newsroom. Support our reporting with a subscription.",
    "Copyright {o}. All rights reserved. Republication without permission is prohibited.",
    "Have a story tip? Write to the {o} news desk.",
    "Download the {o} app to read stories offline.",
    "Reporting by the {o} staff; editing by the foreign desk.",
    "Comments on this story are closed. Read our community guidelines.",
)


def _outlets() -> list[Outlet]:
    rng = random.Random(7)  # the outlets are the same for every seed
    outlets = []
    for name, wire in _OUTLET_NAMES:
        domain = "".join(ch for ch in name.lower().removeprefix("the ") if ch.isalnum()) + ".example"
        reporters = tuple(f"{rng.choice(_GIVEN)} {rng.choice(_FAMILY)}" for _ in range(5))
        footer = tuple(line.format(o=name) for line in rng.sample(_FOOTERS, rng.randint(1, 2)))
        outlets.append(Outlet(name, domain, wire, reporters, footer))
    return outlets


# ---------------------------------------------------------------- what happens: event kinds and templates
#
# Slots: {a} and {b} first mentions ("Pakistan's Prime Minister Shehbaz Sharif"), {as} and {bs}
# later ones (surname, or the name of a group or country), {ac}/{bc} country names, {ad}/{bd}
# demonyms, {place}, {weekday}, {n} a number.

KINDS: dict[str, dict[str, tuple[str, ...]]] = {
    "meet": {
        "head": ("{as} and {bs} hold talks in {place}", "{ad} and {bd} leaders meet in {place}",
                 "{as} meets {bs} as ties warm", "Talks in {place} focus on trade and security"),
        "lead": ("{a} met {b} in {place} on {weekday} for talks on trade, security and energy, officials said.",
                 "{a} held talks with {b} in {place} on {weekday}, the first such meeting in more than a year.",
                 "{a} and {b} met in {place} on {weekday} and discussed border security and transit trade."),
    },
    "agree": {
        "head": ("{ac} and {bc} sign transit and energy deal", "{as}, {bs} agree to expand trade",
                 "Deal signed in {place} on power lines and roads"),
        "lead": ("{a} and {b} signed an agreement in {place} on {weekday} to build a power line and expand trade, officials said.",
                 "{ac} and {bc} agreed on {weekday} to reopen a border crossing and cut tariffs, after talks between {a} and {b} in {place}.",
                 "{a} signed a memorandum of understanding with {b} in {place} on {weekday} on water sharing and rail links."),
    },
    "accuse": {
        "head": ("{as} accuses {bc} of meddling", "{ac} blames {bc} for border unrest",
                 "{as} says {bs} is arming militants"),
        "lead": ("{a} accused {bc} on {weekday} of sheltering militants who attack {ad} border posts.",
                 "{a} on {weekday} blamed {b} for a wave of unrest along the frontier and said {ac} would respond.",
                 "{a} accused {b} of interfering in {ad} affairs, in a speech in {place} on {weekday}."),
    },
    "attack": {
        "head": ("{n} killed in attack near {place}", "Militants attack checkpoint outside {place}",
                 "{bs} fighters storm police post near {place}"),
        "lead": ("Fighters of the {bs} attacked a security checkpoint near {place} on {weekday}, killing {n} soldiers, officials said.",
                 "At least {n} people were killed when {bs} militants stormed a police station near {place} on {weekday}.",
                 "The {bs} claimed an attack on an army convoy near {place} on {weekday} in which {n} soldiers died."),
    },
    "strike": {
        "head": ("{ac} strikes targets across the border", "Air strikes hit {bc} border districts",
                 "{bc} says {n} civilians died in {ad} raids"),
        "lead": ("{ad} aircraft bombed suspected militant hideouts in {bc} on {weekday}, {bd} officials said, adding that {n} civilians were killed.",
                 "{ac} carried out air strikes inside {bc} on {weekday}, a day after {a} vowed to hunt down the attackers.",
                 "{ad} forces shelled villages across the border in {bc} on {weekday}; {b} said {n} people died."),
    },
    "protest": {
        "head": ("Thousands rally in {place} against price rises", "Protesters march on parliament in {place}",
                 "Demonstrators in {place} demand the government resign"),
        "lead": ("Thousands of people marched through {place} on {weekday} to protest against rising fuel prices and demand that {a} resign.",
                 "Protesters gathered outside parliament in {place} on {weekday}, chanting slogans against {a}.",
                 "Opposition supporters rallied in {place} on {weekday}, accusing {a} of rigging the vote."),
    },
    "aid": {
        "head": ("{ac} sends aid to {bc} after floods", "Relief flights land in {place}",
                 "{as} pledges ${n} million for {bc}"),
        "lead": ("{ac} sent {n} tonnes of food and medicine to {bc} on {weekday}, {a} said, after floods left thousands homeless.",
                 "{a} pledged ${n} million in humanitarian aid to {bc} on {weekday} during a visit to {place}.",
                 "Relief flights from {ac} carrying tents and blankets landed in {place} on {weekday}, {b} said."),
    },
    "sanction": {
        "head": ("{ac} imposes sanctions on {bc} officials", "New sanctions target {bd} banks",
                 "{as} announces asset freezes"),
        "lead": ("{ac} imposed sanctions on {n} {bd} officials and two banks on {weekday}, {a} said.",
                 "{a} announced on {weekday} that {ac} would freeze the assets of {bd} companies accused of funding the army.",
                 "{ac} expelled {n} {bd} diplomats and banned imports of {bd} steel on {weekday}."),
    },
    "threaten": {
        "head": ("{as} warns {bc} of consequences", "{ac} threatens to close border with {bc}",
                 "{as} issues warning over troop build-up"),
        "lead": ("{a} warned {bc} on {weekday} that {ac} would close the border if attacks continued.",
                 "{a} threatened on {weekday} to cut off trade with {bc} unless {b} handed over the suspects.",
                 "{a} said on {weekday} that {ac} was ready to use force if {bd} troops crossed the line."),
    },
    "request": {
        "head": ("{as} calls for ceasefire talks", "{ac} asks {bc} to reopen crossing",
                 "{as} urges {bs} to release detainees"),
        "lead": ("{a} called on {b} on {weekday} to agree to a ceasefire and return to talks in {place}.",
                 "{a} urged {bc} on {weekday} to release {n} detained fishermen and reopen the crossing.",
                 "{a} asked {b} on {weekday} to help investigate the killing of {n} border guards."),
    },
    "reject": {
        "head": ("{as} rejects {bd} proposal", "{ac} turns down offer of talks",
                 "{as} refuses to recognise {bd} vote"),
        "lead": ("{a} rejected a {bd} proposal on {weekday} for a joint commission on the border dispute.",
                 "{a} said on {weekday} that {ac} would not recognise the results of the vote in {bc}.",
                 "{a} refused on {weekday} to meet {b}, saying the time for talks had passed."),
    },
    "mobilize": {
        "head": ("{ac} moves troops to border", "{ac} calls up reservists", "Troops mass near {place}"),
        "lead": ("{ac} moved {n} troops and armoured vehicles to its border with {bc} on {weekday}, {a} said.",
                 "{a} ordered the call-up of {n} reservists on {weekday} as tension with {bc} rose.",
                 "{ad} forces staged military exercises near {place} on {weekday}, days after {b} warned of attacks."),
    },
}
# How often each kind opens a story; follow-ups come from FOLLOWS.
KIND_WEIGHTS = {"meet": 18, "agree": 10, "accuse": 10, "attack": 10, "strike": 6, "protest": 8, "aid": 8,
                "sanction": 6, "threaten": 8, "request": 8, "reject": 5, "mobilize": 5}
FOLLOWS = {"meet": ("agree", "request"), "agree": ("reject", "aid"), "accuse": ("reject", "threaten"),
           "attack": ("strike", "accuse"), "strike": ("accuse", "request"), "protest": ("reject", "protest"),
           "aid": ("meet", "request"), "sanction": ("accuse", "threaten"), "threaten": ("mobilize", "request"),
           "request": ("reject", "agree"), "reject": ("threaten", "accuse"), "mobilize": ("threaten", "request")}
PAST = {"meet": "{as} met {bs} in {place}", "agree": "{as} signed a deal with {bs}",
        "accuse": "{as} accused {bc} of meddling", "attack": "a deadly attack near {place}",
        "strike": "{ad} air strikes inside {bc}", "protest": "mass protests in {place}",
        "aid": "{as} pledged aid to {bc}", "sanction": "{ac} imposed new sanctions on {bc}",
        "threaten": "{as} warned {bc} of consequences", "request": "{as} called for talks with {bc}",
        "reject": "{as} rejected a proposal from {bc}", "mobilize": "{ac} moved troops towards {place}"}

# Paragraphs any story can carry; some belong to a side ({a...} or {b...}).
BODY = (
    "Officials in {place} said the {weekday} meeting had been planned for weeks, although neither side published an agenda in advance.",
    "A spokesman for the {ad} foreign ministry told reporters on {weekday} that the government wanted a lasting settlement and would not be drawn into a war of words.",
    "{as} has faced growing criticism at home over the economy, with inflation above {n} percent and fuel shortages in several provinces.",
    "Relations between {ac} and {bc} have been strained for years over the border, which was drawn in colonial times and is not recognised in full by either side.",
    "Diplomats in {place} said the move by {ac} reflected a wider shift in the region, where governments are hedging between rival powers.",
    "The {bd} embassy did not respond to a request for comment on {weekday} evening.",
    "Analysts in {place} said the announcement by {as} was aimed as much at voters at home as at the government in {bc}.",
    "Trade between {ac} and {bc} fell by a third last year, according to customs figures, as crossings were repeatedly closed.",
    "\"We have always said that dialogue is the only way forward,\" a senior {ad} official said of {bs}, speaking on condition of anonymity because he was not authorised to talk to the media.",
    "\"Our patience with {ac} is not unlimited,\" a government adviser in {bc} said in a televised interview, adding that the next weeks would be decisive.",
    "The {igo} said on {weekday} it was following the situation closely and urged all parties to show restraint and respect international law.",
    "Residents of villages near {place} said they had seen more patrols since {weekday} and that markets had closed early.",
    "Opposition politicians in {ac} said {as} had failed to consult parliament and called for a debate.",
    "The last round of talks between {as} and {bs} ended without agreement after the two sides disagreed over the sequence of steps.",
    "Security was tight in {place} on {weekday}, where police closed several roads around government buildings and the airport.",
    "The {grp} has been active near {place} for years and has claimed several attacks on security forces.",
    "The governments of {ac} and {bc} face elections within two years, and neither can afford to look weak, said a researcher at a university in {place}.",
    "Energy is at the heart of ties with {bc}: {ac} imports most of its electricity in the winter months and has struggled with blackouts.",
    "Aid agencies in {place} warned that thousands of families had been displaced and that food prices around {place} had doubled since the start of the year.",
    "Earlier this year {as} said {ac} would seek new partners for investment in roads, railways and power plants.",
    "A joint statement issued in {place} spoke of mutual respect and non-interference but gave few details.",
    "Markets in {place} reacted calmly on {weekday}, and the currency closed almost unchanged against the dollar.",
    "The {ad} foreign ministry said it had summoned the {bd} ambassador to lodge a formal protest.",
    "Human rights groups said reporters in {ac} had been prevented from reaching the area and called for an independent inquiry.",
    "The government in {bc} has denied claims by {as} in the past and says its forces act only in self-defence.",
    "Parliament in {ac} is expected to question {as} and debate the issue next week, and several lawmakers have asked for a closed briefing.",
    "{bs} told a news conference in {place} that the door to negotiation remained open, but that any deal would have to be reciprocal.",
    "Western diplomats in {place} said privately that they doubted the commitments would be kept without outside monitoring.",
    "{ac} and {bc} share a long and porous border that crosses high mountain passes, closed by snow for months each year.",
    "Officials said {n} experts from {ac} and {bc} would meet within a month to draw up a timetable.",
    "Local media reported that {n} people had gathered outside the {ad} foreign ministry to wait for news.",
    "Shares in {ad} construction and energy companies rose in early trading on the news on {weekday}.",
    "The United Nations has repeatedly warned that {bc} faces one of the worst humanitarian crises in a decade.",
    "Neither {ac} nor {bc} gave figures for the number of troops involved, and independent verification was not possible.",
    "A former {ad} ambassador to {bc} said the episode showed how quickly a local incident could grow into a national crisis.",
    "The {ad} interior ministry said it had arrested {n} suspects and seized weapons and explosives in raids overnight.",
    "Critics in {ac} say the government of {as} has used the crisis to silence journalists and detain opposition activists.",
    "{as} is due to travel to {bc} next month for a summit where the issue is likely to come up again.",
    "Farmers outside {place} said irrigation canals had run dry and that they feared for the next harvest.",
    "The statement from {as} did not say when the measures would take effect or how they would be enforced.",
    "In a separate development, the {ad} central bank raised interest rates by two percentage points to defend the currency.",
    "Rights groups in {place} called on the governments of {ac} and {bc} to protect civilians and allow aid convoys through.",
    "The agreement still has to be approved by the {ad} parliament, where the ruling coalition holds a narrow majority.",
    "Television footage from {place} showed damaged buildings, burnt-out vehicles and ambulances arriving at the scene.",
    "Officials from {ac} and {bc} are expected to meet again after the holiday, according to a diplomatic source.",
    "The latest episode follows months of rising tension, including the expulsion of {n} {bd} diplomats and a trade embargo.",
    "Some observers in {place} saw the move by {as} as a sign that the government was preparing for a longer standoff.",
    "The foreign ministry in {bc} called the remarks by {as} unfounded and said they would harm relations.",
)
FLASH_TAIL = ("More details to follow.", "This is a developing story.", "Further reporting to come.")
EDITS = (("said", "stated"), ("officials", "authorities"), ("told reporters", "told journalists"),
         ("border", "frontier"), ("talks", "discussions"), ("on condition of anonymity", "anonymously"))
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")


# ---------------------------------------------------------------- stories and articles


@dataclass(frozen=True)
class Story:
    kind: str
    day: dt.date
    slots: dict[str, str]
    outlet: Outlet
    flash: bool


@dataclass(frozen=True)
class SynthArticle:
    title: str
    text: str
    outlet: str
    author: str
    published: str
    url: str

    def record(self) -> dict[str, str]:
        return {"title": self.title, "url": self.url, "published": self.published, "outlet": self.outlet,
                "author": self.author, "text": self.text}

    def as_text(self) -> str:
        """A text dump as a news site gives it: headline, byline line, body."""
        return f"{self.title}\n{self.outlet} / {self.author} / {self.published[:10]}\n\n{self.text}\n"


def _person_on(rng: random.Random, world: World, day: dt.date, exclude: str | None = None) -> Person | None:
    serving = [p for p in world.people if p.start <= day <= p.end and p.country != exclude]
    return rng.choice(serving) if serving else None


def _slots(rng: random.Random, world: World, kind: str, day: dt.date) -> dict[str, str]:
    a = _person_on(rng, world, day)
    if a is None:
        a = rng.choice(world.people)
    b = _person_on(rng, world, day, exclude=a.country) or rng.choice(world.people)
    ca, cb = world.countries[a.country], world.countries[b.country]
    group = rng.choice(world.groups) if world.groups else "militants"
    slots = {
        "a": f"{ca.name}'s {a.title} {a.name}" if rng.random() < 0.6 else f"{a.title} {a.name} of {ca.name}",
        "as": a.surname, "ac": ca.name, "ad": ca.demonym,
        "b": f"{cb.demonym} {b.title} {b.name}", "bs": b.surname, "bc": cb.name, "bd": cb.demonym,
        "place": rng.choice((ca.capital, ca.capital, cb.capital)),
        "igo": rng.choice(world.igos) if world.igos else "United Nations", "grp": group,
    }
    if kind == "attack":  # the attacker is an armed group, the target the first side's forces
        slots.update(bs=group, b=f"the {group}")
    return slots


def _fill(template: str, slots: dict[str, str], rng: random.Random, day: dt.date) -> str:
    return template.format(**slots, weekday=day.strftime("%A"), n=rng.choice((3, 5, 7, 12, 20, 40, 150, 300)))


def _dateline(outlet: Outlet, place: str, day: dt.date, credit: str | None) -> str:
    who = credit or (outlet.name if outlet.wire else None)
    when = f"{MONTHS[day.month - 1]} {day.day}"
    return f"{place.upper()}, {when} ({who}) - " if who else f"{place.upper()}: "


def _body(rng: random.Random, story: Story, lead: str, follow_of: Story | None) -> list[str]:
    if story.flash:
        return [lead + " " + rng.choice(FLASH_TAIL)]
    paragraphs = [lead]
    if follow_of is not None:
        since = (story.day - follow_of.day).days
        paragraphs.append(f"The move came {since} days after {_fill(PAST[follow_of.kind], follow_of.slots, rng, follow_of.day)}"
                          f", which {story.slots['as']} described as a turning point.")
    # 12-32 sentences of about 22 words, two or three to a paragraph: 300-800 words.
    sentences = [_fill(t, story.slots, rng, story.day) for t in rng.sample(BODY, min(rng.randint(12, 32), len(BODY)))]
    while sentences:
        take = rng.choice((1, 2, 2, 3))
        paragraphs.append(" ".join(sentences[:take]))
        sentences = sentences[take:]
    return paragraphs


def _article(rng: random.Random, story: Story, paragraphs: list[str], title: str, outlet: Outlet,
             credit: str | None, hours: int, serial: int) -> SynthArticle:
    first = _dateline(outlet, story.slots["place"], story.day, credit) + paragraphs[0]
    text = "\n\n".join([first, *paragraphs[1:], *outlet.footer])
    published = dt.datetime.combine(story.day, dt.time(rng.randint(6, 20), rng.choice((0, 15, 30, 45))))
    published += dt.timedelta(hours=hours)
    slug = "-".join(title.lower().replace(",", "").replace("$", "").split()[:8])
    return SynthArticle(title, text, outlet.name, rng.choice(outlet.reporters), published.isoformat(timespec="minutes"),
                        f"https://{outlet.domain}/{story.day:%Y/%m/%d}/{slug}-{serial}")


def _copy(rng: random.Random, story: Story, paragraphs: list[str], outlet: Outlet, serial: int) -> SynthArticle:
    """The story republished by another outlet: a new headline, a few words changed, a paragraph
    dropped or one sentence added, its own footer; the dateline credits the original outlet."""
    edited = list(paragraphs)
    for old, new in rng.sample(EDITS, 2):
        edited = [re.sub(rf"\b{old}\b", new, p) for p in edited]
    if len(edited) > 4 and rng.random() < 0.5:
        edited.pop(rng.randrange(2, len(edited)))
    elif not story.flash:
        edited.insert(1, f"The report from {story.slots['place']} could not be independently verified by {outlet.name}.")
    title = _fill(rng.choice(KINDS[story.kind]["head"]), story.slots, rng, story.day)
    return _article(rng, story, edited, title, outlet, story.outlet.name, rng.randint(1, 8), serial)


def _story(rng: random.Random, world: World, kind: str, day: dt.date, slots: dict | None = None) -> Story:
    return Story(kind, day, slots or _slots(rng, world, kind, day), rng.choice(world.outlets),
                 rng.random() < FLASH_SHARE)


def generate(articles: int, seed: int, world: World | None = None) -> Iterator[SynthArticle]:
    """Exactly `articles` synthetic articles, the same ones for the same seed: stories over the
    period, each an original, maybe copies by other outlets, maybe a follow-up days later."""
    rng = random.Random(seed)
    world = world or load_world()
    span = (LAST_DAY - FIRST_DAY).days
    made = 0
    while made < articles:
        kind = rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()))[0]
        story = _story(rng, world, kind, FIRST_DAY + dt.timedelta(days=rng.randrange(span)))
        chain: list[tuple[Story, Story | None]] = [(story, None)]
        if rng.random() < FOLLOW_UP_SHARE:
            later = min(story.day + dt.timedelta(days=rng.randint(1, 10)), LAST_DAY)
            follow = _story(rng, world, rng.choice(FOLLOWS[kind]), later, dict(story.slots))
            chain.append((replace(follow, flash=False), story))
        for current, before in chain:
            lead = _fill(rng.choice(KINDS[current.kind]["lead"]), current.slots, rng, current.day)
            paragraphs = _body(rng, current, lead, before)
            title = _fill(rng.choice(KINDS[current.kind]["head"]), current.slots, rng, current.day)
            yield _article(rng, current, paragraphs, title, current.outlet, None, 0, made)
            made += 1
            if rng.random() < COPIES_SHARE:
                others = [o for o in world.outlets if o is not current.outlet]
                for outlet in rng.sample(others, rng.randint(1, 3)):
                    if made >= articles:
                        return
                    yield _copy(rng, current, paragraphs, outlet, made)
                    made += 1
            if made >= articles:
                return


def write_corpus(out: Path, articles: int, seed: int, fmt: str = "jsonl") -> list[Path]:
    """Write `articles` synthetic articles under `out`: JSON lines files of ARTICLES_PER_FILE
    records, or one .txt file per article; returns the files written."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown synthetic corpus format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if articles < 1:
        raise ConfigError("ask for at least one synthetic article (--articles N)")
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    stream = generate(articles, seed)
    if fmt == "txt":
        for n, art in enumerate(stream):
            path = out / f"{n:06d}.txt"
            path.write_text(art.as_text(), encoding="utf-8")
            written.append(path)
        return written
    handle = None
    for n, art in enumerate(stream):
        if n % ARTICLES_PER_FILE == 0:
            if handle:
                handle.close()
            written.append(out / f"synth-{n // ARTICLES_PER_FILE:05d}.jsonl")
            handle = written[-1].open("w", encoding="utf-8")
        handle.write(json.dumps(art.record(), ensure_ascii=False) + "\n")
    if handle:
        handle.close()
    return written


def main(argv: list[str] | None = None) -> None:
    """`python -m tidings.synth --articles N --out DIR [--seed S] [--format jsonl|txt]`."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tidings.synth", description=__doc__)
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=FORMATS, default="jsonl")
    args = parser.parse_args(argv)
    files = write_corpus(args.out, args.articles, args.seed, args.format)
    print(f"{args.articles} articles in {len(files)} files under {args.out}")


if __name__ == "__main__":
    main()
