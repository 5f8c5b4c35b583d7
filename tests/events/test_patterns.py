"""Dependency patterns of the clause coder, on sentences written for each pattern."""
from event_helpers import countries, find


def test_passive_voice_puts_the_agent_first(code):
    ev = code("A Tajik border post was attacked by Taliban fighters on Friday, officials in Dushanbe said.")
    hits = find(ev, "ASSAULT")
    assert hits and hits[0].actors[0].country == "AFG"
    assert "TJK" in countries(hits[0].recipients)


def test_compound_actors_are_one_event(code):
    ev = code("China, Russia and Iran called on the United States to lift its sanctions.")
    req = find(ev, "REQUEST")
    assert len(req) == 1
    assert countries(req[0].actors) == {"CHN", "RUS", "IRN"}
    assert countries(req[0].recipients) == {"USA"}


def test_reciprocal_meeting(code):
    ev = code("Uzbekistan and Kazakhstan met in Tashkent to discuss water sharing.")
    consult = find(ev, "CONSULT")
    assert consult and {"UZB", "KAZ"} <= countries(consult[0].actors)


def test_the_two_leaders_refer_back(code):
    ev = code("Imran Khan spoke by telephone with Emomali Rahmon. The two leaders agreed to stay in touch.")
    agree = find(ev, "AGREE")
    assert agree and countries(agree[0].actors) == {"PAK", "TJK"}


def test_reported_speech_codes_the_reported_event(code):
    ev = code("Officials in Kabul said Pakistani jets bombed a village in Khost on Monday.")
    assault = find(ev, "ASSAULT")
    assert assault and assault[0].actors[0].country == "PAK"
    assert assault[0].modality == "asserted"


def test_several_events_in_one_sentence(code):
    ev = code("Iran condemned the raid and recalled its ambassador from Kabul.")
    assert find(ev, "ACCUSE") and find(ev, "SANCTION")


def test_nominal_event_with_possessor_and_target(code):
    ev = code("Pakistan's drone strikes targeting the TTP in Afghanistan drew criticism.")
    hit = find(ev, "ASSAULT")
    assert hit and hit[0].actors[0].country == "PAK"
    assert [r.name for r in hit[0].recipients] == ["Tehreek-e-Taliban Pakistan"]
    assert hit[0].mode == "drone"


def test_cross_clause_retaliation_reverses_the_sides(code):
    ev = code("Pakistan's air strikes on the TTP were met with retaliatory attacks that killed six soldiers.")
    attacks = find(ev, "ASSAULT")
    first = next(e for e in attacks if e.mode == "aerial")
    second = next(e for e in attacks if e is not first)
    assert first.actors[0].country == "PAK"
    assert second.actors[0].name == "Tehreek-e-Taliban Pakistan"
    assert second.recipients and second.recipients[0].country == "PAK"


def test_light_verb_with_nominal_trigger(code):
    ev = code("Vladimir Putin held telephonic conversation with Emomali Rahmon on Saturday.")
    hit = find(ev, "CONSULT", mode="phone")
    assert hit and hit[0].actors[0].country == "RUS" and hit[0].recipients[0].country == "TJK"
    assert hit[0].date == "2021-10-02"


def test_ordered_deployment_is_the_orderers_mobilisation(code):
    ev = code("Emomali Rahmon ordered the army to deploy 20,000 troops to the border.")
    mob = find(ev, "MOBILIZE")
    assert mob and mob[0].actors[0].name == "Emomali Rahmon" and mob[0].modality == "asserted"
    assert not find(ev, "REQUEST")


def test_every_event_carries_plover_codes(code):
    ev = code("Pakistani troops clashed with Afghan forces near Torkham.")
    hit = find(ev, "ASSAULT")[0]
    assert (hit.quad_class, hit.intensity, hit.cameo_root) == (4, -9.0, "19")
    assert hit.trigger in hit_sentence(hit, "Pakistani troops clashed with Afghan forces near Torkham.")
    assert 0 < hit.confidence <= 1


def hit_sentence(ev, text):
    return text[ev.sentence_start:ev.sentence_end]


def test_a_call_up_of_reservists_is_a_mobilisation_not_a_phone_call(code):
    ev = code("President Emomali Rahmon has ordered the call-up of around 15,000 military reservists "
              "to shore up the border with Afghanistan, a defence ministry official said on Tuesday.")
    assert find(ev, "MOBILIZE")
    assert not find(ev, "CONSULT")


def test_calendar_words_and_nationality_adjectives_are_never_places():
    from tidings.geo.stage import _could_be_place

    assert not _could_be_place("August") and not _could_be_place("Tuesday")
    assert not _could_be_place("Russian") and not _could_be_place("Chinese")
    assert _could_be_place("Kurram") and _could_be_place("Dushanbe") and _could_be_place("New Delhi")
