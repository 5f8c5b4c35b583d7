"""The broad knowledge-base layer converted from the Phoenix dictionaries, and dated standing."""
from pathlib import Path

import pytest

from tidings.actors.kb import KnowledgeBase
from tidings.actors.resolve import resolve_article
from tidings.actors.tools.convert_phoenix import display, read_code, read_entries
from tidings.nlp import analyse

RESOURCES = Path("/work/shared/resources")


@pytest.fixture(scope="module")
def kb():
    return KnowledgeBase.load()


def test_codes_and_dates_read_as_dated_roles():
    isos, orgs = {"USA", "KOR"}, {"UNO", "HCR"}
    assert read_code("USAGOV 930120-010120", isos, orgs) == {
        "country": "USA", "sector": "GOV", "start": "1993-01-20", "end": "2001-01-20"}
    assert read_code("IGOUNOREFHCR >050501", isos, orgs)["country"] == "HCR"
    assert read_code("IGOUNOAIE", isos, orgs)["country"] == "UNO"
    assert read_code("KORGOVBUS 2004017-20061201", isos, orgs) is None   # unreadable date
    assert display("BASQUE_FATHERLAND_AND_FREEDOM_(ETA)_") == "Basque Fatherland and Freedom (ETA)"


def test_curated_entries_win_over_the_broad_layer(kb):
    # A curated person keeps the curated roles; the broad layer only adds spellings.
    (putin,) = kb.lookup("Vladimir Putin")
    assert putin.id == "per:vladimir-putin" and not putin.broad
    assert "Security Council" not in kb.get("igo:unsc").aliases   # many states have one


def test_broad_person_holds_office_only_inside_its_dates(kb):
    (clinton,) = kb.lookup("Bill Clinton")
    assert clinton.broad
    assert clinton.standing_at("1998-06-01") == ("USA", "GOV")
    assert clinton.standing_at("2005-06-01") == ("USA", "UNK")   # out of office
    assert all(not e.broad for e, _ in kb.fuzzy("Bill Clintonn", type="PER"))   # exact names only


def test_afghan_republic_forces_are_no_military_after_august_2021(kb):
    (ana,) = kb.lookup("Afghan special forces")
    assert ana.standing_at("2021-07-20") == ("AFG", "MIL")
    assert ana.standing_at("2022-03-01") == ("AFG", "UNK")   # Afghan, no longer the state's military


def test_resolved_afghan_army_after_the_takeover_is_not_the_government_military(resources):
    text = "Former Afghan National Army soldiers were seen crossing into Iran on Tuesday, officials said."
    before = resolve_article("a1", text, "2021-06-01", analyse(resources.ner, text), resources.kb)
    after = resolve_article("a2", text, "2022-06-01", analyse(resources.ner, text), resources.kb)
    ent_b = before.entities.get("agy:afg-andsf")
    ent_a = after.entities.get("agy:afg-andsf")
    assert ent_b is not None and (ent_b.country, ent_b.sector) == ("AFG", "MIL")
    assert ent_a is not None and (ent_a.country, ent_a.sector) == ("AFG", "UNK")


@pytest.mark.skipif(not RESOURCES.exists(), reason="needs /work/shared/resources")
def test_the_dictionaries_read_with_names_and_codes():
    entries = read_entries(RESOURCES / "petrarch2" / "Phoenix.MilNonState.actors.txt", "milnonstate")
    assert len(entries) > 300 and all(e.codes for e in entries)


def test_a_json_file_of_the_toml_layout_is_read(tmp_path):
    from tidings.actors.kb import KnowledgeBase
    path = tmp_path / "extra.json"
    path.write_text('{"about": "test layer", "licence": "none", "version": "1", "country": [], '
                    '"entity": [{"id": "org:oxus-watch", "name": "Oxus Watch", "type": "GROUP", "country": "TJK", '
                    '"sector": "NGO", "aliases": ["OXW"]}]}', encoding="utf-8")
    kb = KnowledgeBase.load([path])
    assert kb.get("org:oxus-watch").country == "TJK"
