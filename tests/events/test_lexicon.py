"""The lexicon data file: types, triggers, frames and the candidate check before parsing."""
import pytest

from tidings.errors import ConfigError
from tidings.events.lexicon import PLOVER_TYPES, inflections, load_lexicon


def test_every_plover_type_has_codes_and_triggers():
    lex = load_lexicon()
    assert set(lex.types) == set(PLOVER_TYPES)
    used = {t.type for entries in [*lex.verbs.values(), *lex.nouns.values()] for t in entries}
    assert used == set(PLOVER_TYPES)
    assert lex.info("ASSAULT").quad == 4 and lex.info("CONSULT").cameo == "04"


def test_old_labels_map_to_current_ones():
    lex = load_lexicon()
    assert lex.canonical("FIGHT") == "ASSAULT" and lex.canonical("demand") == "REQUEST"


def test_specific_entries_come_first():
    lex = load_lexicon()
    assert lex.nouns["strike"][0].words == 2 and lex.nouns["strike"][-1].words == 1
    assert lex.nouns["conversation"][0].mode == "phone"


def test_candidates_need_a_trigger_word():
    lex = load_lexicon()
    assert lex.is_candidate("The two ministers met in Tashkent.")
    assert lex.is_candidate("Troops were deployed along the frontier.")
    assert not lex.is_candidate("The weather in Dushanbe was mild.")


def test_inflections():
    assert {"planned", "planning", "plans"} <= inflections("plan")
    assert {"deploying", "deployed"} <= inflections("deploy")
    assert "met" in inflections("meet", ["met"])


def test_user_file_adds_entries(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[[trigger]]\ntype = "PROTEST"\nmode = "demo"\nverbs = ["picket"]\nnouns = ["go-slow"]\n')
    lex = load_lexicon([extra])
    assert lex.nouns["go-slow"][0].type == "PROTEST"


def test_bad_user_file(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[trigger]]\ntype = "NOPE"\nverbs = ["x"]\n')
    with pytest.raises(ConfigError):
        load_lexicon([bad])
    with pytest.raises(ConfigError):
        load_lexicon([tmp_path / "missing.toml"])
