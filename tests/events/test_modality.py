"""Modality: negated, hypothetical, uncertain and future events never come out asserted."""
from event_helpers import find


def test_refusal_is_an_asserted_reject(code):
    ev = code("Emomali Rahmon refused to recognise the new cabinet in Kabul.")
    assert find(ev, "REJECT", modality="asserted")
    assert not find(ev, "SUPPORT", modality="asserted")


def test_will_have_to_is_hypothetical(code):
    ev = code("Imran Khan said the United States will have to recognise the Taliban sooner or later.")
    support = find(ev, "SUPPORT")
    assert support and all(e.modality == "hypothetical" for e in support)


def test_no_confirmation_is_uncertain(code):
    ev = code("There is no confirmation that Asim Malik met Amrullah Saleh in Dushanbe.")
    consult = find(ev, "CONSULT")
    assert consult and all(e.modality == "uncertain" for e in consult)


def test_urging_is_an_asserted_request_and_its_content_is_not_an_event(code):
    ev = code("Russia urged Tajikistan and the Taliban to settle their dispute through talks.")
    assert find(ev, "REQUEST", modality="asserted")
    assert not [e for e in ev if e.event_type == "CONSULT" and e.modality == "asserted"]


def test_agreeing_to_stay_in_contact_is_agree(code):
    ev = code("Shehbaz Sharif and Recep Tayyip Erdogan agreed to remain in close contact.")
    assert find(ev, "AGREE", modality="asserted")


def test_did_not_meet_is_negated(code):
    ev = code("Hina Rabbani Khar did not meet Amir Khan Muttaqi during her visit to Kabul.")
    meet = [e for e in find(ev, "CONSULT") if e.trigger.startswith("meet")]
    assert meet and meet[0].modality == "negated"


def test_will_meet_is_future(code):
    ev = code("Shavkat Mirziyoyev will meet Kassym-Jomart Tokayev in Astana next week.")
    meet = find(ev, "CONSULT")
    assert meet and meet[0].modality == "future"


def test_reportedly_is_uncertain(code):
    ev = code("Taliban fighters reportedly attacked a Tajik border post.")
    assert find(ev, "ASSAULT") and all(e.modality == "uncertain" for e in find(ev, "ASSAULT"))


def test_promised_aid_is_future_and_the_promise_is_agree(code):
    ev = code("Russia is ready to provide Tajikistan with military aid.")
    aid = find(ev, "AID")
    assert aid and aid[0].modality == "future"
    assert find(ev, "AGREE", modality="asserted")


def test_nothing_unconfirmed_comes_out_asserted(code):
    text = ("Kabul did not attack the post. Islamabad would retaliate if provoked. "
            "There is no evidence that Iran armed the rebels.")
    ev = code(text)
    assert all(e.modality != "asserted" for e in ev if e.event_type in ("ASSAULT", "AID"))
