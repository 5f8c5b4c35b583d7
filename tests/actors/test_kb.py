"""Actor knowledge base: packaged data coverage, lookup, metonyms, fuzzy spellings, dated roles, user files."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tidings.actors import KnowledgeBase, normalise
from tidings.errors import ConfigError

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds"

# The 193 member states of the United Nations (ISO 3166-1 alpha-3), written out here so the
# test does not trust the data file's own `un_member` flags.
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA
BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE
DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM
GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT
KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO
MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL
POL PRT QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF
SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR
USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()  # noqa: SIM905 (a block of codes reads better than a list literal)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def ids(entities) -> list[str]:
    return [e.id for e in entities]


# ---- countries


def test_every_un_member_has_a_country_entity_with_capital_and_demonym(kb):
    assert len(set(UN_MEMBERS)) == 193
    for iso3 in UN_MEMBERS:
        entity = kb.country(iso3)
        assert entity is not None and entity.id == f"cty:{iso3}", iso3
        assert entity.un_member and entity.capital and entity.demonyms, iso3
    flagged = {e.country for e in kb.entities() if e.type == "COUNTRY" and e.un_member}
    assert flagged == set(UN_MEMBERS)


@pytest.mark.parametrize("form, iso3", [
    ("Tajik", "TJK"), ("Tajiks", "TJK"), ("Pakistani", "PAK"), ("Afghan", "AFG"), ("Russian", "RUS"),
    ("Uzbek", "UZB"), ("Kyrgyz", "KGZ"), ("Kazakh", "KAZ"), ("Turkmen", "TKM"), ("Iranian", "IRN"),
    ("Indian", "IND"), ("Chinese", "CHN"), ("American", "USA"), ("U.S.", "USA"), ("US", "USA"),
    ("USA", "USA"), ("America", "USA"), ("UK", "GBR"), ("Britain", "GBR"), ("Türkiye", "TUR"),
    ("Kyrgyz Republic", "KGZ"), ("Pakistan's", "PAK"), ("the United States", "USA"),
])
def test_short_forms_and_demonyms_resolve_to_the_country(kb, form, iso3):
    assert ids(kb.lookup(form)) == [f"cty:{iso3}"]
    assert kb.country(form).country == iso3


def test_country_accepts_codes_names_and_capitals(kb):
    assert kb.country("TJK").name == "Tajikistan"
    assert kb.country("TJ").country == "TJK"
    assert kb.country("pak").country == "PAK"
    assert kb.country("Islamic Republic of Pakistan").country == "PAK"
    assert kb.country("Dushanbe").country == "TJK"
    assert kb.country("Atlantis") is None


def test_lowercase_pronoun_us_is_not_the_united_states(kb):
    assert kb.lookup("us") == []
    assert kb.lookup("who") == []
    assert ids(kb.lookup("WHO")) == ["igo:who"]


@pytest.mark.parametrize("form, iso3", [
    ("Islamabad", "PAK"), ("Dushanbe", "TJK"), ("Kabul", "AFG"), ("Moscow", "RUS"), ("Kremlin", "RUS"),
    ("the Kremlin", "RUS"), ("Beijing", "CHN"), ("New Delhi", "IND"), ("Tashkent", "UZB"),
    ("Washington", "USA"), ("White House", "USA"), ("Tehran", "IRN"), ("Astana", "KAZ"),
    ("Bishkek", "KGZ"), ("Ashgabat", "TKM"),
])
def test_capitals_are_metonyms_for_the_country(kb, form, iso3):
    assert kb.metonym(form).id == f"cty:{iso3}"
    [hit] = kb.match(form)
    assert hit.via == "metonym" and hit.entity.country == iso3


def test_a_country_name_is_not_a_metonym(kb):
    assert kb.metonym("Pakistan") is None
    assert kb.match("Pakistan")[0].via == "name"


def test_demonyms_shared_with_ethnic_groups_are_flagged(kb):
    # "include Tajiks, Hazaras & Uzbeks" in an Afghan government means the peoples, not the states.
    assert kb.match("Tajiks")[0].ethnic
    assert kb.match("Uzbeks")[0].ethnic
    assert not kb.match("Pakistani")[0].ethnic


# ---- people: lookup, titles, spellings


@pytest.mark.parametrize("mention, entity_id", [
    ("Emomali Rahmon", "per:emomali-rahmon"),
    ("President Emomali Rahmon", "per:emomali-rahmon"),
    ("Tajikistan's President Emomali Rahmon", "per:emomali-rahmon"),
    ("Pakistan Prime Minister Imran Khan", "per:imran-khan"),
    ("PM Imran Khan", "per:imran-khan"),
    ("Lt. Gen. Asim Malik", "per:asim-malik"),
    ("Lieutenant General Asim Malik", "per:asim-malik"),
    ("Mr Khar", None),
    ("Hina Rabbani Khar", "per:hina-rabbani-khar"),
    ("Zamir Kabulov", "per:zamir-kabulov"),
    ("Dr. Abdullah Abdullah", "per:abdullah-abdullah"),
    ("Mullah Baradar", "per:abdul-ghani-baradar"),
    ("Sergei Lavrov", "per:sergey-lavrov"),
    ("Putin’s", "per:vladimir-putin"),
])
def test_people_resolve_with_titles_and_possessives(kb, mention, entity_id):
    found = ids(kb.lookup(mention))
    assert found == ([entity_id] if entity_id else [])


@pytest.mark.parametrize("spelling", ["Rakhmon", "Rehmon", "Rahmonov", "Rakhmonov", "Emomalii Rakhmon",
                                      "Imomali Rahmon", "President Rakhmon"])
def test_transliteration_variants_of_rahmon_score_high(kb, spelling):
    [(best, score), *_] = kb.fuzzy(spelling, type="PER")
    assert best.id == "per:emomali-rahmon"
    assert score >= 90


@pytest.mark.parametrize("spelling, entity_id", [
    ("Mirziyoev", "per:shavkat-mirziyoyev"),
    ("Haibatullah Akhunzada", "per:hibatullah-akhundzada"),
    ("Sirojiddin Mukhriddinov", "per:sirojiddin-muhriddin"),
    ("Shahbaz Sharif", "per:shehbaz-sharif"),
    ("Mahmood Qureshi", "per:shah-mehmood-qureshi"),
])
def test_fuzzy_finds_other_central_and_south_asian_spellings(kb, spelling, entity_id):
    assert kb.fuzzy(spelling, type="PER")[0][0].id == entity_id


def test_fuzzy_respects_type_and_limit(kb):
    results = kb.fuzzy("Rakhmon", type="COUNTRY", limit=2)
    assert len(results) <= 2
    assert all(e.type == "COUNTRY" for e, _ in results)
    assert kb.fuzzy("") == []


# ---- groups and dated roles


def test_ttp_is_distinct_from_the_taliban(kb):
    ttp = kb.lookup("Tehrik-i-Taliban Pakistan")
    assert ids(ttp) == ["grp:ttp"]
    assert ids(kb.lookup("TTP")) == ["grp:ttp"]
    assert ids(kb.lookup("Tehreek-e-Taliban Pakistan")) == ["grp:ttp"]
    assert ids(kb.lookup("Pakistani Taliban")) == ["grp:ttp"]
    assert ttp[0].country == "PAK" and ttp[0].sector == "REB"
    assert ids(kb.lookup("Taliban")) == ["grp:taliban"]
    assert ids(kb.lookup("the Taliban's")) == ["grp:taliban"]


def test_taliban_were_an_armed_group_before_august_2021_and_the_government_after(kb):
    [taliban] = kb.lookup("Islamic Emirate of Afghanistan")
    before = taliban.role_at("2021-07-06")
    after = taliban.role_at("2021-10-03")
    assert (before.country, before.sector) == ("AFG", "REB")
    assert (after.country, after.sector) == ("AFG", "GOV")
    assert taliban.role_at("2021-08-14").sector == "REB"
    assert taliban.role_at("2021-08-15").sector == "GOV"
    assert taliban.role_at("1999-01-01").sector == "GOV"
    assert (taliban.country, taliban.sector) == ("AFG", "GOV")


def test_imran_khan_was_prime_minister_until_april_2022(kb):
    [imran] = kb.lookup("Imran Khan")
    role = imran.role_at("2021-10-03")
    assert (role.country, role.sector, role.title) == ("PAK", "GOV", "Prime Minister")
    assert role.end.startswith("2022-04")
    later = imran.role_at("2023-01-01")
    assert later is None or later.sector != "GOV"
    assert imran.role_at("2023-01-01T10:00:00+05:00") == later


def test_role_at_takes_the_latest_office_among_concurrent_ones(kb):
    [dar] = kb.lookup("Ishaq Dar")
    assert dar.role_at("2024-03-20").title == "Minister of Foreign Affairs"
    assert dar.role_at("2025-01-05").title.startswith("Deputy Prime Minister")
    assert dar.role_at("2020-01-01") is None


def test_isi_chiefs_follow_each_other(kb):
    chiefs = [e for e in kb.entities() if e.type == "PER"
              and any(r.title == "Director General of Inter-Services Intelligence" for r in e.roles)]
    on_day = {d: [e.id for e in chiefs if (r := e.role_at(d)) and "Inter-Services Intelligence" in (r.title or "")]
              for d in ("2020-01-01", "2022-06-01", "2025-01-05")}
    assert on_day == {"2020-01-01": ["per:faiz-hameed"], "2022-06-01": ["per:nadeem-anjum"],
                      "2025-01-05": ["per:asim-malik"]}


def test_role_at_none_is_the_current_office(kb):
    assert kb.get("per:vladimir-putin").role_at(None).title == "President"
    assert kb.get("per:asim-munir").role_at(None).sector == "MIL"


# ---- agencies, IGOs, media


def test_isi_is_pakistan_intelligence(kb):
    [isi] = kb.lookup("ISI")
    assert (isi.type, isi.country, isi.sector) == ("AGENCY", "PAK", "SPY")
    assert kb.lookup("Pakistan's ISI") == [isi]
    assert isi.role_at("2025-01-05").sector == "SPY"


def test_sco_is_an_igo(kb):
    [sco] = kb.lookup("SCO")
    assert (sco.type, sco.sector) == ("IGO", "IGO")
    assert kb.lookup("Shanghai Cooperation Organisation’s") == [sco]


def test_igo_codes_follow_cameo_where_it_has_one(kb):
    assert kb.lookup("United Nations")[0].country == "UNO"
    assert kb.lookup("NATO")[0].country == "NAT"
    assert kb.lookup("European Union")[0].country == "EEC"


def test_generic_agency_names_return_every_country_and_country_forms_pick_one(kb):
    assert set(ids(kb.lookup("Foreign Office"))) >= {"agy:pak-mofa", "agy:gbr-fcdo"}
    assert all(h.via == "generic" for h in kb.match("Foreign Office"))
    assert ids(kb.lookup("Pakistan’s Foreign Ministry")) == ["agy:pak-mofa"]
    assert ids(kb.lookup("Tajik border troops")) == ["agy:tjk-border-troops"]
    assert ids(kb.lookup("Kyrgyz GKNB")) == ["agy:kgz-gknb"]


def test_media_are_sector_med(kb):
    [pajhwok] = kb.lookup("Pajhwok News")
    assert (pajhwok.type, pajhwok.country, pajhwok.sector) == ("MEDIA", "AFG", "MED")
    # PTI is both Imran Khan's party and the Press Trust of India.
    assert set(ids(kb.lookup("PTI"))) == {"grp:pti", "med:pti-india"}


def test_every_entity_has_a_known_sector_and_type(kb):
    from tidings.actors.kb import SECTORS, TYPES
    seen = set()
    for e in kb.entities():
        assert e.id not in seen
        seen.add(e.id)
        assert e.type in TYPES
        assert e.sector is None or e.sector in SECTORS, e.id
        if e.type == "PER":
            assert e.roles and e.country, e.id


def test_normalise():
    assert normalise("The U.S.’s") == "us"
    assert normalise("Tehreek-e-Taliban  Pakistan") == "tehreek e taliban pakistan"
    assert normalise("Élysée") == "elysee"


def test_the_entity_ruler_and_the_stages_share_one_knowledge_base(resources):
    ruler = resources.ner.get_pipe("kb_ruler")
    assert resources.kb is ruler.kb and len(resources.kb) > 700


# ---- user files


def write(tmp_path: Path, text: str, name: str = "mine.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_user_file_adds_entities_and_extends_packaged_ones(tmp_path):
    path = write(tmp_path, '''
version = "1"

[[entity]]
id = "per:emomali-rahmon"
aliases = ["Janobi Oli"]

[[entity]]
id = "per:example-governor"
name = "Khurshed Example"
type = "PER"
roles = [{country = "TJK", sector = "GOV", title = "Governor of Sughd", start = "2023-03"}]
''')
    kb = KnowledgeBase.load([path])
    assert ids(kb.lookup("Janobi Oli")) == ["per:emomali-rahmon"]
    assert ids(kb.lookup("Rakhmon")) == ["per:emomali-rahmon"]  # packaged aliases kept
    [governor] = kb.lookup("Khurshed Example")
    assert (governor.country, governor.sector) == ("TJK", "GOV")
    assert governor.role_at("2022-01-01") is None


PERSON = 'version = "1"\n[[entity]]\nid = "per:x"\nname = "X"\ntype = "PER"\n'


@pytest.mark.parametrize("body, expected", [
    ('[[entity]]\nid = "per:x"\nname = "X"\ntype = "PER"\n', r"no top-level `version`"),
    ('version = "1"\n[[entity]\n', r"not valid TOML"),
    ('version = "1"\n[[entity]]\nname = "X"\ntype = "PER"\n', r"#1 .*missing required key `id`"),
    ('version = "1"\n[[entity]]\nid = "per:x"\ntype = "PER"\n', r"\(per:x\): missing required key `name`"),
    ('version = "1"\n[[entity]]\nid = "per:x"\nname = "X"\ntype = "PERSON"\n', r"\(per:x\).*type 'PERSON'"),
    ('version = "1"\n[[entity]]\nid = "grp:x"\nname = "X"\ntype = "GROUP"\nsector = "INS"\n',
     r"sector 'INS' is not a PLOVER sector"),
    (PERSON + 'roles = [{country = "PAK", sector = "GOV", start = "2021-13"}]\n',
     r"role 1 start '2021-13' is not a real date"),
    (PERSON + 'roles = [{country = "PAK", sector = "GOV", start = "March 2021"}]\n',
     r"role 1 start must be .*YYYY-MM"),
    (PERSON + 'roles = [{country = "PAK", sector = "GOV", start = "2022-05", end = "2021"}]\n',
     r"starts \(2022-05\) after it ends"),
    (PERSON + 'roles = [{country = "Pakistan", sector = "GOV"}]\n', r"country 'Pakistan' is neither"),
    (PERSON + 'aliases = "X Y"\n', r"`aliases` must be a list"),
    (PERSON + 'alias = ["X Y"]\n', r"unknown keys \['alias'\]"),
    ('version = "1"\n[[person]]\nid = "per:x"\n', r"unknown top-level keys \['person'\]"),
])
def test_malformed_user_file_raises_config_error_naming_file_entry_and_problem(tmp_path, body, expected):
    path = write(tmp_path, body, "broken.toml")
    with pytest.raises(ConfigError) as info:
        KnowledgeBase.load([path])
    message = str(info.value)
    assert "broken.toml" in message
    assert re.search(expected, message), message


def test_missing_user_file_raises_config_error(tmp_path):
    with pytest.raises(ConfigError, match="nowhere.toml"):
        KnowledgeBase.load([tmp_path / "nowhere.toml"])


# ---- the seed articles


def test_seed_article_spellings_resolve(kb):
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not present")
    text = " ".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(SEEDS.glob("*.txt")))
    expected = {"Rahmon": "per:emomali-rahmon", "Rakhmon": "per:emomali-rahmon",
                "Rehmon": "per:emomali-rahmon", "Imran Khan": "per:imran-khan",
                "Tehreek-e-Taliban Pakistan": "grp:ttp", "Asim Malik": "per:asim-malik",
                "Amrullah Saleh": "per:amrullah-saleh", "Hina Rabbani Khar": "per:hina-rabbani-khar",
                "Zamir Kabulov": "per:zamir-kabulov", "Pajhwok News": "med:pajhwok",
                "Shanghai Cooperation Organisation": "igo:sco"}
    present = {form: eid for form, eid in expected.items() if form in text}
    assert len(present) >= 8
    for form, eid in present.items():
        assert ids(kb.lookup(form)) == [eid], form


def test_father_and_son_massoud_stay_apart():
    from tidings.actors.kb import KnowledgeBase

    kb = KnowledgeBase.load()
    assert [e.id for e in kb.lookup("Ahmad Shah Massoud")] == ["per:ahmad-shah-massoud"]
    assert [e.id for e in kb.lookup("Ahmad Massoud")] == ["per:ahmad-massoud"]
