"""A bare "strike" takes its sense from its article (military where the article tells of air or
drone strikes, a labour strike otherwise), and a denial of an act is no rejection."""
from event_helpers import find


def test_bare_strikes_in_an_article_about_air_strikes_are_attacks(code):
    ev = code("Pakistani jets carried out air strikes in Paktika on Tuesday. "
              "Local officials said the strikes hit three villages before dawn.")
    assert find(ev, "ASSAULT") and not find(ev, "PROTEST")


def test_bare_strikes_follow_drone_strikes(code):
    ev = code("A drone strike killed two commanders near Mir Ali. The strike was the third this month.")
    assert not find(ev, "PROTEST")


def test_a_labour_strike_stays_a_protest(code):
    ev = code("Teachers in Karachi went on strike on Monday over unpaid salaries. The strike closed most schools.")
    hits = find(ev, "PROTEST")
    assert hits and all(e.mode == "strike" for e in hits) and not find(ev, "ASSAULT")


def test_a_hunger_strike_stays_a_protest_beside_air_strikes(code):
    ev = code("Air strikes hit the city overnight. Three detained journalists began a hunger strike on Friday.")
    assert any(e.mode == "hunger" for e in find(ev, "PROTEST"))


def test_a_denial_is_no_rejection_and_its_act_is_negated(code):
    ev = code("The army denied shelling the village near the border on Sunday.")
    assert not find(ev, "REJECT")
    assert [e.modality for e in find(ev, "ASSAULT")] == ["negated"]


def test_neither_confirmed_nor_denied_asserts_nothing(code):
    ev = code("Drone strikes hit a compound in North Waziristan on Friday. "
              "The army neither confirmed nor denied carrying out the strikes.")
    second = [e for e in find(ev, "ASSAULT") if "carrying" in e.trigger or e.sentence_index == 1]
    assert second and all(e.modality == "uncertain" for e in second)
    assert not find(ev, "REJECT")


def test_a_refused_request_is_still_a_rejection(code):
    ev = code("The interior ministry rejected the request of the opposition party for a rally permit.")
    assert find(ev, "REJECT", modality="asserted")
