"""Who the parties of an event are and which country they get, on sentences written for each rule."""
from event_helpers import countries, find


def first_asserted(events, event_type):
    hits = find(events, event_type, modality="asserted")
    return hits[0] if hits else None


# ---------------------------------------------------------------- parties with no name


def test_common_noun_actor_takes_the_country_of_its_place(code):
    ev = code("Police arrested dozens of protesters in Kunduz on Monday.")
    hit = first_asserted(ev, "COERCE")
    assert hit is not None
    actor = hit.actors[0]
    assert actor.entity_id is None and actor.sector == "COP" and actor.country == "AFG"


def test_modifier_gives_country_and_sector(code):
    ev = code("Uzbek border guards detained two smugglers near Termez on Friday.")
    hit = first_asserted(ev, "COERCE")
    assert hit is not None and hit.actors[0].country == "UZB"


def test_leaders_of_an_opposition_coalition_are_opposition(code):
    ev = code("Leaders of the Vatan opposition coalition agreed to call off the rally in Dushanbe.")
    hit = first_asserted(ev, "AGREE")
    assert hit is not None
    assert (hit.actors[0].country, hit.actors[0].sector) == ("TJK", "OPP")


def test_a_crowd_of_students_is_the_party_not_the_count(code):
    ev = code("Thousands of students throughout Kyrgyzstan staged demonstrations against the new tax law.")
    hit = first_asserted(ev, "PROTEST")
    assert hit is not None and hit.actors[0].country == "KGZ"


def test_the_group_refers_back_to_the_last_group_named(code):
    ev = code("Pakistan held talks with the TTP in Kabul last year. The group agreed to a month-long ceasefire.")
    hit = first_asserted(ev, "AGREE")
    assert hit is not None and hit.actors[0].name == "Tehreek-e-Taliban Pakistan"


# ---------------------------------------------------------------- nationality plurals


def test_bosnian_serbs_belong_to_bosnia(code):
    ev = code("Bosnian Serbs demanded a halt to the shelling of their villages.")
    hit = first_asserted(ev, "REQUEST")
    assert hit is not None and hit.actors[0].country == "BIH"


def test_people_of_a_country_named_after_of(code):
    ev = code("The Tajiks of northern Afghanistan are demanding autonomy from the Taliban.")
    hit = first_asserted(ev, "REQUEST")
    assert hit is not None and hit.actors[0].country == "AFG"


def test_an_ethnic_minority_is_not_the_country_of_its_name(code):
    ev = code("Ethnic Uzbeks in Osh protested against the Kyrgyz government on Sunday.")
    hit = first_asserted(ev, "PROTEST")
    assert hit is not None and hit.actors[0].country != "UZB"


def test_a_pronoun_takes_the_whole_phrase_it_refers_to(code):
    ev = code("Bosnian Serbs said on Monday their forces had completed their withdrawal from the town.")
    hit = first_asserted(ev, "RETREAT")
    assert hit is not None and hit.actors[0].country == "BIH"


# ---------------------------------------------------------------- unnamed doers and fallbacks


def test_unnamed_attackers_take_the_place_not_the_victims_country(code):
    ev = code("A roadside bomb near the town of Kunduz killed three American soldiers on Tuesday.")
    hit = first_asserted(ev, "ASSAULT")
    assert hit is not None
    assert hit.actors[0].name == "unidentified" and hit.actors[0].country == "AFG"
    assert countries(hit.recipients) == {"USA"}


def test_an_objects_country_is_never_the_fallback_actor(code):
    ev = code("A roadside bombing on Sunday killed one U.S. soldier and wounded two others.")
    for e in find(ev, "ASSAULT"):
        assert all(a.country != "USA" for a in e.actors)


def test_an_unnamed_doer_makes_no_promise(code):
    ev = code("An attempt to kill a district governor in Badakhshan was foiled, police said.")
    assert not [e for e in ev if e.event_type in ("AGREE", "THREATEN") and e.actors
                and e.actors[0].name == "unidentified"]


def test_a_first_person_speaker_is_not_replaced_by_another_name(code):
    ev = code("\u201cAfter a long discussion with President Rahmon, I have started a dialogue with the Taliban,\u201d "
              "the minister wrote.")
    for e in find(ev, "CONSULT"):
        assert all(a.country != "TJK" for a in e.actors)


def test_passive_deployment_is_done_by_the_forces_themselves(code):
    ev = code("Reports said Afghan special forces have been deployed along the Tajik border.", published="2021-07-20")
    hit = find(ev, "MOBILIZE")
    assert hit and (hit[0].actors[0].country, hit[0].actors[0].sector) == ("AFG", "MIL")


def test_the_republics_forces_are_not_afghanistans_military_after_the_takeover(code):
    ev = code("Reports said Afghan special forces have been deployed along the Tajik border.", published="2021-10-03")
    hit = find(ev, "MOBILIZE")
    assert hit and (hit[0].actors[0].country, hit[0].actors[0].sector) == ("AFG", "UNK")


def test_unknown_person_prefers_a_country_other_than_the_target_state(code):
    ev = code("President Juma Karimov called for sanctions against Iran, a U.S. official said.")
    hit = first_asserted(ev, "REQUEST")
    assert hit is not None and hit.actors[0].country != "IRN"


# ---------------------------------------------------------------- recipients


def test_recipient_from_an_infinitive_complement(code):
    ev = code("Iran threatened to cut off gas supplies to Turkmenistan over unpaid bills.")
    hit = find(ev, "THREATEN")
    assert hit and "TKM" in countries(hit[0].recipients)


def test_recipient_from_the_objects_by_phrase(code):
    ev = code("Kazakhstan rejected calls by Russia for a joint air defence system.")
    hit = first_asserted(ev, "REJECT")
    assert hit is not None and "RUS" in countries(hit.recipients)


def test_recipient_of_a_demand_is_the_subject_of_what_is_demanded(code):
    ev = code("The rebels issued a statement demanding that the Tajik government free their leader.")
    hit = first_asserted(ev, "REQUEST")
    assert hit is not None and "TJK" in countries(hit.recipients)


def test_of_names_the_target_of_a_conflict_noun(code):
    ev = code("Emomali Rahmon has long been a vocal critic of the Taliban.")
    hit = first_asserted(ev, "ACCUSE")
    assert hit is not None
    assert hit.actors[0].country == "TJK" and hit.recipients[0].name == "Taliban"


def test_place_is_the_target_when_no_party_is_named(code):
    ev = code("Uzbekistan lifted the night curfew in Tajikistan's Sughd region on Sunday.")
    hit = first_asserted(ev, "CONCEDE")
    assert hit is not None and countries(hit.recipients) == {"TJK"}


def test_withdrawal_from_a_country_targets_it(code):
    ev = code("Russia said it is willing to withdraw its troops from Tajikistan.")
    assert any("TJK" in countries(e.recipients) for e in find(ev, "RETREAT"))


# ---------------------------------------------------------------- modality around the new patterns


def test_what_a_request_noun_asks_for_is_not_asserted(code):
    ev = code("The United Nations reiterated its demand that Pakistan ease restrictions on Afghan refugees.")
    assert not find(ev, "CONCEDE", modality="asserted")
    assert first_asserted(ev, "REQUEST") is not None


def test_sworn_to_fight_is_a_threat(code):
    ev = code("Ethnic Tajik militias have sworn to fight until they regain the valley, officials said.")
    assert first_asserted(ev, "THREATEN") is not None
    assert not find(ev, "ASSAULT", modality="asserted")


def test_rule_alone_is_no_refusal(code):
    ev = code("The Taliban ruled Afghanistan and shared weapons with foreign militants.")
    assert not [e for e in ev if e.modality == "negated" and e.event_type == "COOPERATE"]


# ---------------------------------------------------------------- domestic events with no target named


def test_a_protest_with_no_target_is_aimed_at_the_state_where_it_happens(code):
    ev = code("Several hundred teachers marched through Osh on Tuesday demanding unpaid wages.")
    hit = first_asserted(ev, "PROTEST")
    assert hit is not None and countries(hit.recipients) == {"KGZ"}


def test_a_concession_at_home_is_aimed_at_the_actors_country(code):
    ev = code("The Uzbek government lifted the curfew on Thursday after a week of calm.")
    hit = first_asserted(ev, "CONCEDE")
    assert hit is not None and countries(hit.recipients) == {"UZB"}


def test_a_named_target_is_kept(code):
    ev = code("Students protested against China's new border rules in Bishkek on Monday.")
    hit = first_asserted(ev, "PROTEST")
    assert hit is not None and countries(hit.recipients) == {"CHN"}


def test_a_meeting_gets_no_target_from_its_place(code):
    ev = code("The foreign minister held talks in Dushanbe on Monday.")
    for e in find(ev, "CONSULT"):
        assert not e.recipients
