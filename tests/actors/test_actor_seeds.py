"""On the real seed articles: every spelling of one person is one entity, with the right country."""
from pathlib import Path

import pytest

from tidings.config import Settings
from tidings.pipeline import ingest
from tidings.store import Store
from tidings.store.actors import entity_rows, find_entities

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is absent")
    db = tmp_path_factory.mktemp("seeds") / "t.db"
    with Store.open(db) as s:
        ingest([str(SEEDS)], s, Settings(db=db))
        yield s


def entity_of(store, surface):
    conn = store.connection
    return {r[0] for r in conn.execute("SELECT entity_id FROM mentions WHERE text = ?", (surface,))}


@pytest.mark.parametrize("surface", ["Rahmon", "Rakhmon", "Rehmon", "Emomali", "Emomali Rahmon"])
def test_rahmon_spellings(store, surface):
    assert entity_of(store, surface) == {"per:emomali-rahmon"}


@pytest.mark.parametrize("surface", ["Imran Khan", "Khan", "PM Khan"])
def test_imran_khan_spellings(store, surface):
    assert entity_of(store, surface) == {"per:imran-khan"}


def test_countries_and_sectors(store):
    conn = store.connection
    rows = {r.id: r for r in entity_rows(conn)}
    assert rows["per:emomali-rahmon"].country == "TJK"
    assert rows["per:imran-khan"].country == "PAK"
    assert (rows["per:asim-malik"].country, rows["per:asim-malik"].sector) == ("PAK", "SPY")
    assert rows["per:hina-rabbani-khar"].country == "PAK"
    assert rows["per:zamir-kabulov"].country == "RUS"
    assert entity_of(store, "Khar") == {"per:hina-rabbani-khar"}


def test_asim_malik_role_learned_from_apposition(store):
    roles = store.connection.execute(
        "SELECT country, sector FROM entity_roles WHERE entity_id = 'per:asim-malik'").fetchall()
    assert ("PAK", "SPY") in roles


def test_ttp_distinct_from_taliban(store):
    assert entity_of(store, "TTP") == {"grp:ttp"}
    assert "grp:ttp" not in entity_of(store, "Taliban")
    assert find_entities(store.connection, "Rakhmon") == ["per:emomali-rahmon"]
