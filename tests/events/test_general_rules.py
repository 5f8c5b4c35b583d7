"""General rules of the coder, on sentences written for them: negated reports, names that hold
trigger words, crowd violence, and the gaps the converted PETRARCH2 layer fills."""
from event_helpers import find


def asserted(events, event_type):
    return [e for e in find(events, event_type) if e.modality == "asserted"]


def test_a_claim_inside_a_negated_report_is_not_asserted(code):
    ev = code("The ministry's statement did not say that Iran had called for new talks with Saudi Arabia.")
    assert not asserted(ev, "REQUEST")
    assert find(ev, "REQUEST")[0].modality == "uncertain"
    ev = code("Armenia never claimed that Russia had attacked its border posts.")
    assert not asserted(ev, "ASSAULT")


def test_the_same_claim_reported_plainly_is_asserted(code):
    ev = code("Iran called for new talks with Saudi Arabia, the statement said.")
    assert asserted(ev, "REQUEST")


def test_a_word_inside_an_organisations_name_is_no_trigger(code):
    ev = code("Kazakhstan hosted a meeting of the Collective Security Treaty Organization in Almaty on Monday.")
    assert not find(ev, "SUPPORT")
    assert find(ev, "CONSULT")
    ev = code("Leaders of the Northern Alliance met Pakistani officials in Islamabad.")
    assert not find(ev, "COOPERATE")
    assert asserted(ev, "CONSULT")




def test_protesters_clashing_with_police_is_a_riot(code):
    ev = code("Protesters clashed with police in Lagos, throwing stones and burning tyres.")
    riot = asserted(ev, "PROTEST")
    assert riot and riot[0].mode == "riot"
    assert not asserted(ev, "ASSAULT")


def test_soldiers_clashing_with_rebels_stays_an_assault(code):
    ev = code("Soldiers clashed with rebels near Goma on Tuesday.")
    assert asserted(ev, "ASSAULT") and not find(ev, "PROTEST")


def test_property_destruction_is_coded(code):
    ev = code("Unidentified men set fire to a government building in Kandahar on Monday.")
    assert asserted(ev, "ASSAULT")
    ev = code("Rioters torched several shops and houses in the market town of Jos.")
    assert asserted(ev, "PROTEST")[0].mode == "riot"


def test_a_grenade_thrown_at_a_checkpoint_is_an_assault(code):
    ev = code("Gunmen threw a hand grenade at an army checkpoint near Mosul.")
    assert asserted(ev, "ASSAULT")


def test_a_chemical_attack_is_an_assault(code):
    ev = code("Government forces used chemical weapons against rebel-held villages near Idlib, activists said.")
    assert asserted(ev, "ASSAULT")


def test_a_peaceful_march_is_a_protest(code):
    ev = code("Hundreds of teachers staged a peaceful march through the centre of Nairobi to demand higher pay.")
    demo = asserted(ev, "PROTEST")
    assert demo and demo[0].mode == "demo"


def test_a_signed_accord_is_support_and_a_reached_agreement_is_agree(code):
    # PLOVER manual: SUPPORT covers "ratify, sign, or finalize an agreement or treaty"; AGREE the
    # agreeing to and promises to sign.
    ev = code("The government and the rebels signed a peace accord in Juba on Sunday.")
    first = max(ev, key=lambda e: e.confidence)
    assert first.event_type == "SUPPORT" and not find(ev, "RETREAT")
    ev = code("The two factions reached an agreement to share power in Tripoli.")
    assert asserted(ev, "AGREE")


def test_a_verb_the_tagger_lemmatises_wrongly_is_still_found(code):
    ev = code("Soldiers raped several women in a village in South Kivu, a rights group said.")
    assert asserted(ev, "ASSAULT")


def test_a_protest_is_aimed_at_whom_its_purpose_clause_addresses(code):
    ev = code("Thousands of Kenyan farmers marched through Nairobi to demand compensation from the government of Uganda.")
    demo = asserted(ev, "PROTEST")
    assert demo and {p.country for p in demo[0].recipients} == {"UGA"}
    ev = code("Hundreds of Tajik students demonstrated in Dushanbe calling for sanctions against Russia.")
    assert {p.country for p in asserted(ev, "PROTEST")[0].recipients} == {"RUS"}


def test_a_call_for_measures_against_a_state_is_aimed_at_it(code):
    ev = code("The archbishop of Cape Town called for an arms embargo against Myanmar on Sunday.")
    req = asserted(ev, "REQUEST")
    assert req and "MMR" in {p.country for p in req[0].recipients}


def test_an_event_noun_asked_for_is_the_content_of_the_request(code):
    ev = code("Opposition parties in Nepal demanded the resignation of Prime Minister Sher Bahadur Deuba.")
    assert asserted(ev, "REQUEST")
    assert not asserted(ev, "RETREAT")
    ev = code("Kyrgyzstan called for the release of two journalists held in Tajikistan.")
    assert not asserted(ev, "RETREAT")


def test_a_two_word_agent_noun_names_a_party(code):
    ev = code("Islamic fundamentalists staged a rally in Algiers on Friday.")
    demo = asserted(ev, "PROTEST")
    assert demo and demo[0].actors[0].sector == "REL" and demo[0].actors[0].country == "DZA"


def test_an_event_that_is_the_topic_of_an_agreement_has_not_happened(code):
    ev = code("Ethiopia and Eritrea signed an agreement on the withdrawal of troops from the border.")
    assert not asserted(ev, "RETREAT")
    first = max(ev, key=lambda e: e.confidence)
    assert first.event_type == "SUPPORT" and {p.country for p in first.actors} == {"ETH", "ERI"}


def test_a_passive_signing_between_two_sides_has_them_as_actors(code):
    ev = code("A peace agreement was signed between Armenia and Azerbaijan in Washington.")
    sup = asserted(ev, "SUPPORT")
    assert sup and {"ARM", "AZE"} <= {p.country for p in sup[0].actors}
