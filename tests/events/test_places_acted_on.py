"""A place the event acts on, named without a preposition, is where the event happened."""


def _only(events, event_type):
    found = [e for e in events if e.event_type == event_type]
    assert len(found) == 1, [(e.event_type, e.trigger) for e in events]
    return found[0]


def test_the_subject_of_a_passive_attack_is_its_place(code):
    events = code("Militants have attacked several police posts in Pakistan in recent weeks. "
                  "Punjab has also been targeted by the group, officials said.", dateline="Islamabad")
    ev = next(e for e in events if e.trigger == "targeted")
    assert ev.location is not None and ev.location.name == "Punjab" and ev.location.country == "PAK"


def test_a_place_right_after_the_trigger_is_its_place(code):
    ev = _only(code("Afghan forces shelled Kunar overnight, local officials said on Sunday."), "ASSAULT")
    assert ev.location is not None and (ev.location.country, ev.location.admin1) == ("AFG", "Konar")  # GeoNames spelling


def test_a_person_before_a_passive_trigger_is_no_place(code):
    events = code("Kabulov was received by the Tajik foreign minister in Dushanbe on Monday.")
    assert all(e.location is None or e.location.name == "Dushanbe" for e in events)


def test_a_possessor_after_the_trigger_is_no_place_acted_on(code):
    events = code("Kabul Radio said the Taliban captured Afghanistan's last northern border crossing on Friday.")
    assert all(e.location is None or e.location.name != "Afghanistan" for e in events)
