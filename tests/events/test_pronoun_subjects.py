"""A pronoun subject takes the nearest subject before it of the same number and kind (the
previous sentence's first), never a noun inside a relative clause or a prepositional phrase."""
from event_helpers import countries, find


def names(parties) -> set:
    return {p.name for p in parties}


def test_they_takes_the_subject_of_the_sentence_before(code):
    ev = code("The interior ministers met in Samarkand on Monday. "
              "They pledged flour and blankets to families displaced from Afghanistan.")
    pledge = find(ev, "AGREE")
    assert pledge and names(pledge[0].actors) == {"interior ministers"}
    # the ministers keep the country of the sentence that named them, not the refugees'
    assert countries(pledge[0].actors) == {"UZB"}


def test_they_takes_every_country_of_a_coordinated_subject(code):
    ev = code("The foreign ministers of Kazakhstan and Kyrgyzstan met in Bishkek. "
              "They promised to send aid to Afghanistan.")
    promise = find(ev, "AGREE")
    assert promise and countries(promise[0].actors) == {"KAZ", "KGZ"}


def test_it_skips_a_name_inside_a_relative_clause(code):
    ev = code("Tajikistan sent aid to the Afghan province of Badakhshan, which the Taliban control. "
              "It also pledged to send doctors to the province.")
    pledge = find(ev, "AGREE")
    assert pledge and countries(pledge[0].actors) == {"TJK"}
    assert "Taliban" not in names(pledge[0].actors)


def test_they_skips_a_name_inside_a_prepositional_phrase(code):
    ev = code("Kazakh officials met envoys from the Taliban in Almaty. "
              "They promised to deliver wheat to northern Afghanistan.")
    promise = find(ev, "AGREE")
    assert promise and countries(promise[0].actors) == {"KAZ"}


def test_a_pronoun_in_the_same_sentence_takes_its_main_subject(code):
    ev = code("Germany, which has criticised Belarus for months, said it would withhold economic aid.")
    assert all(countries(e.actors) == {"DEU"} for e in find(ev, "SANCTION"))
    assert find(ev, "SANCTION")


def test_he_takes_a_person_not_a_country(code):
    ev = code("President Rahmon received the Taliban delegation in Dushanbe. "
              "He promised to send aid to Afghanistan.")
    promise = find(ev, "AGREE")
    assert promise and names(promise[0].actors) == {"Emomali Rahmon"}
