"""The PETRARCH2 converter on small dictionary files written here in the published layouts, and
the converted layer as the lexicon loads it (tidings' own entries first)."""
import json
from pathlib import Path

from tidings.events import lexicon as lexmod
from tidings.events.tools.convert_petrarch import (
    convert,
    main,
    plover,
    read_agents,
    read_table,
    render,
)

TABLE = """# table
14: PROTEST
141: PROTEST, demo,   # Demonstrate or rally
145: PROTEST, riot ,      # Protest violently, riot
17: COERCE
1712: ASSAULT, seize, human_security  # Destroy property
18: ASSAULT
183: ASSAULT,  suicide-attack,  # bombing
185: ASSAULT, assassinate,    # Attempt to assassinate
"""

VERBS = """# dictionary
&BUILDING
+HOUSE
+OFFICE

####### VERB PATTERNS #######

---  SCORCH   [---]  ---
SCORCH
- * &BUILDING                                 [1712]   # SCORCH
- * (ON)                                      [1712]   # SCORCH
- VILLAGERS *                                 [141]    # SCORCH
- * FLAG                                      [---]    # SCORCH

---  VIOLENT_DISSENT   [145]  ---
RAMPAGE
RUN_AMOK {}

---  SMOTHER   [185]  ---
SMOTHER
STIFLE
- * &BUILDING                                 [1712]
"""

AGENTS = """# agents
!PERSON! = MAN, WOMAN
PICKETER [~OPP]
MILITIA!PERSON! [~REB]
NURSE [~HLH]
"""


def write(tmp_path: Path) -> Path:
    (tmp_path / "petrarch2").mkdir()
    (tmp_path / "plover").mkdir()
    (tmp_path / "plover" / "CAMEO2PLOVER-2021.txt").write_text(TABLE)
    (tmp_path / "petrarch2" / "CAMEO.2.0.txt").write_text(VERBS)
    (tmp_path / "petrarch2" / "Phoenix.agents.txt").write_text(AGENTS)
    return tmp_path


def test_codes_map_through_the_table_by_longest_prefix(tmp_path):
    table = read_table(write(tmp_path) / "plover" / "CAMEO2PLOVER-2021.txt")
    assert plover("1712", table) == ("ASSAULT", None)        # "seize" is no ASSAULT mode
    assert plover("1451", table) == ("PROTEST", "riot")       # 1451 falls back to 145
    assert plover("185", table) == ("ASSAULT", "targeted")    # renamed mode
    assert plover("010", table) is None                       # statements: not an event
    assert plover("020", table) == ("REQUEST", None)          # appeals, as tidings' ontology codes them


def test_patterns_become_verb_entries(tmp_path):
    entries = convert(write(tmp_path))
    phrases = {p: key for key, ps in entries.items() for p in ps}
    assert phrases["scorch house"][:2] == ("ASSAULT", None)
    assert "scorch office" in phrases
    assert "scorch on" not in phrases and "scorch" not in phrases   # a bare time preposition; no code of its own
    assert not any(p.startswith("villager") for p in phrases)                # a subject pattern
    # a block named for a category gives its code to all its verbs, one named after a verb only to that verb
    assert phrases["rampage"][:2] == ("PROTEST", "riot") and phrases["run amok"][:2] == ("PROTEST", "riot")
    assert "smother" in phrases and "stifle" not in phrases and "stifle house" in phrases


def test_agents_become_sectors(tmp_path):
    agents = read_agents(write(tmp_path) / "petrarch2" / "Phoenix.agents.txt")
    assert agents["OPP"] == ["picketer"]
    assert {"militiaman", "militiamen", "militiawoman"} <= set(agents["REB"])
    assert "nurse" not in {w for ws in agents.values() for w in ws}


def test_the_output_is_the_same_on_every_run_and_loads_as_a_layer(tmp_path, monkeypatch):
    res = write(tmp_path)
    out1, out2 = tmp_path / "a.json", tmp_path / "b.json"
    assert main([str(res), "--out", str(out1)]) == 0
    assert main([str(res), "--out", str(out2)]) == 0
    assert out1.read_text() == out2.read_text()
    data = json.loads(out1.read_text())
    assert data["version"] == 1 and data["about"] and "licence" not in data  # no LICENSE file given
    assert json.loads(render(convert(res)))["trigger"] == data["trigger"]
    monkeypatch.setattr(lexmod, "LAYERS", (out1,))
    lex = lexmod.load_lexicon()
    assert lex.verbs["scorch"][0].type == "ASSAULT" and lex.verbs["scorch"][0].layer == 1
    assert lex.sectors["picketer"] == "OPP"


def test_tidings_own_entries_are_tried_before_converted_ones(tmp_path, monkeypatch):
    layer = tmp_path / "layer.toml"
    layer.write_text('version = 1\n[[trigger]]\ntype = "ASSAULT"\nverbs = ["meet resistance", "say motion", "hold election"]\n'
                     '[sectors]\nCVL = ["police"]\n')
    monkeypatch.setattr(lexmod, "LAYERS", (layer,))
    lex = lexmod.load_lexicon()
    assert lex.verbs["meet"][0].type == "CONSULT"          # ours first, though the converted entry is longer
    assert all(t.layer == 0 for t in lex.verbs.get("say", []))    # a reporting verb is never a converted trigger
    assert all(t.layer == 0 for t in lex.verbs.get("hold", []))   # nor a light verb
    assert lex.sectors["police"] == "COP"                  # our sectors win
