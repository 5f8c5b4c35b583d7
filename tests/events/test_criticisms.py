"""A criticism of an abuse is an ACCUSE by the critic aimed at the perpetrator; the abuse inside
it is the critic's claim (uncertain), done by the perpetrator, never by the critic."""
from event_helpers import countries, find


def names(parties) -> set:
    return {p.name for p in parties}


def accuse(events):
    found = [e for e in find(events, "ACCUSE") if e.modality == "asserted"]
    assert found, [(e.event_type, e.modality) for e in events]
    return found[0]


def test_the_possessor_of_the_abuse_noun_is_the_target(code):
    ev = code("Rights groups condemned the army's killing of unarmed protesters in Omdurman.")
    criticism = accuse(ev)
    assert names(criticism.recipients) == {"army"}
    killing = find(ev, "ASSAULT")
    assert killing and killing[0].modality == "uncertain" and names(killing[0].actors) == {"army"}


def test_the_object_of_criticise_did_what_it_is_criticised_for(code):
    ev = code("The interior ministry criticised the militia for abducting two engineers near Gao.")
    criticism = accuse(ev)
    assert names(criticism.actors) == {"interior ministry"} and names(criticism.recipients) == {"militia"}
    abduction = find(ev, "ASSAULT")
    assert abduction and names(abduction[0].actors) == {"militia"}
    assert not [e for e in ev if e.event_type == "ASSAULT" and e.modality == "asserted"]


def test_the_by_agent_of_the_abuse_noun_is_the_target(code):
    ev = code("Human Rights Watch denounced torture by prison guards in Bahrain.")
    criticism = accuse(ev)   # the guards, placed in Bahrain: Bahrain's security sector
    assert countries(criticism.recipients) == {"BHR"} and criticism.recipients[0].sector == "MIL"
    assert all(e.modality != "asserted" for e in find(ev, "ASSAULT"))
    assert all("Human Rights Watch" not in names(e.actors) for e in find(ev, "ASSAULT"))


def test_a_state_accused_of_an_abuse_is_the_target_not_the_doer_of_the_accusation(code):
    ev = code("Nigeria accused Cameroonian gendarmes of burning fishing boats on Lake Chad.")
    criticism = accuse(ev)
    assert countries(criticism.actors) == {"NGA"} and countries(criticism.recipients) == {"CMR"}
    assert all(countries(e.actors) != {"NGA"} for e in ev if e.event_type == "ASSAULT")


def test_a_criticism_of_an_arrest_by_a_named_police_force(code):
    ev = code("The European Union criticised the arrest of opposition leaders by Belarusian police.")
    criticism = accuse(ev)
    assert countries(criticism.recipients) == {"BLR"}
    arrest = find(ev, "COERCE")
    assert arrest and arrest[0].modality == "uncertain" and countries(arrest[0].actors) == {"BLR"}


def test_an_abuse_told_plainly_is_still_asserted(code):
    ev = code("The army killed four protesters in Omdurman on Sunday.")
    assert [e for e in find(ev, "ASSAULT") if e.modality == "asserted"]
