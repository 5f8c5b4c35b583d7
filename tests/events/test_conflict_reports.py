"""Short conflict and protest reports in the classes the coder used to miss (property destroyed,
peaceful and violent demonstrations, grenade, bomb and chemical attacks, sexual violence,
agreements, headlines): the first asserted event has the expected type (and mode)."""
import pytest

# (report, PLOVER type, mode or None). Signed agreements are SUPPORT (PLOVER: "ratify, sign, or
# finalize an agreement"), agreeing is AGREE; crowd violence is PROTEST riot (CAMEO 145); property
# destroyed is ASSAULT (CAMEO 1712); police firing tear gas is violent repression, ASSAULT (CAMEO 175).
REPORTS = [
    ('Unknown arsonists burned down a primary school in the village of Kalma overnight.', 'ASSAULT', None),
    ('Several shops were set ablaze in central Bamako after a night of unrest.', 'ASSAULT', None),
    ('Militants blew up a mobile phone tower outside Kunduz on Friday.', 'ASSAULT', None),
    ('Suspected herders destroyed farmland and razed three homes in Benue State.', 'ASSAULT', None),
    ('A polling station in Sindh was vandalised and ballot boxes were burnt, officials said.', 'ASSAULT', None),
    ('Gunmen torched two trucks carrying food aid on the road to Mekelle.', 'ASSAULT', None),
    ('Attackers damaged a power substation near Zaporizhzhia with explosives.', 'ASSAULT', None),
    ('The destruction of a mosque by settlers in the West Bank drew wide condemnation.', 'ASSAULT', None),
    ('Thousands of nurses marched peacefully through Lagos to demand unpaid wages.', 'PROTEST', 'demo'),
    ('Farmers held a sit-in outside the regional parliament in Punjab on Tuesday.', 'PROTEST', 'demo'),
    ('Residents of Sfax protested against water shortages, blocking no roads.', 'PROTEST', 'demo'),
    ('Students demonstrated in front of the education ministry in Amman.', 'PROTEST', 'demo'),
    ('A peaceful rally was held in Tbilisi in support of press freedom.', 'PROTEST', 'demo'),
    ("Hundreds of women gathered in Kabul to protest the closure of girls' schools.", 'PROTEST', 'demo'),
    ('Opposition supporters staged a demonstration in Harare against fuel prices.', 'PROTEST', 'demo'),
    ('Workers at the copper mine in Kolwezi went on strike over unpaid bonuses.', 'PROTEST', 'strike'),
    ('Lawyers boycotted the courts in Islamabad to protest the arrest of a colleague.', 'PROTEST', 'boycott'),
    ('Protesters clashed with riot police in Nairobi as anger over taxes grew.', 'PROTEST', 'riot'),
    ('Demonstrators pelted security forces with stones in Srinagar.', 'PROTEST', 'riot'),
    ('An angry mob attacked a police station in Sylhet after the death of a trader.', 'PROTEST', 'riot'),
    ('Rioters looted shops and set cars on fire in Durban on Monday night.', 'PROTEST', 'riot'),
    ('Violent protests erupted in Dakar after the opposition leader was jailed.', 'PROTEST', 'riot'),
    ("Protesters stormed the governor's office in Basra and smashed windows.", 'PROTEST', 'riot'),
    ('A crowd of youths burned tyres and threw rocks at soldiers in Conakry.', 'PROTEST', 'riot'),
    ('Unknown assailants hurled a grenade at a police patrol in Pulwama, wounding three officers.', 'ASSAULT', None),
    ('A bomb went off near a market in Maiduguri, killing at least six people.', 'ASSAULT', 'explosives'),
    ('A grenade was lobbed into a bar in Bujumbura late on Saturday.', 'ASSAULT', None),
    ('Residents of Douma reported a gas attack by government aircraft.', 'ASSAULT', None),
    ('An improvised explosive device exploded beside an army convoy near Gao.', 'ASSAULT', 'explosives'),
    ('Two soldiers were killed when their vehicle struck a landmine in Tigray.', 'ASSAULT', None),
    ('Five civilians were killed when a mortar shell hit a house in Donetsk.', 'ASSAULT', None),
    ('A car bomb exploded outside a hotel in Mogadishu.', 'ASSAULT', 'explosives'),
    ('Al-Shabaab fighters attacked an army base in Lower Shabelle with rocket-propelled grenades.', 'ASSAULT', None),
    ('Soldiers sexually assaulted several women during a raid on a village in Rakhine.', 'ASSAULT', 'sexual'),
    ('Two girls were raped by armed men near a camp for displaced people in Ituri.', 'ASSAULT', 'sexual'),
    ('Militiamen raped a woman in Kalehe territory, a local rights group said.', 'ASSAULT', 'sexual'),
    ('The UN documented cases of sexual violence by security forces in Darfur.', 'ASSAULT', 'sexual'),
    ('The two sides signed a ceasefire in Addis Ababa on Wednesday.', 'SUPPORT', None),
    ('The government and the ELN signed an accord on humanitarian relief in Havana.', 'SUPPORT', None),
    ('Representatives of Armenia and Azerbaijan signed a peace deal in Washington.', 'SUPPORT', None),
    ('A power-sharing agreement was signed in Khartoum by the military and civilian leaders.', 'SUPPORT', None),
    ('Rival militias in Tripoli agreed to a truce after two days of fighting.', 'AGREE', None),
    ('Herders and farmers in Plateau State reached a peace agreement brokered by local chiefs.', 'AGREE', None),
    ('The army and the rebels concluded a ceasefire agreement in Kinshasa.', 'SUPPORT', None),
    ('Colombia and the FARC dissidents inked a deal to release hostages.', 'SUPPORT', None),
    ('Gunmen kill five in attack on church in Ondo', 'ASSAULT', None),
]

# Still missed: a weapon told only by what it carries ("barrels filled with chlorine") and
# headlines in the present tense, which the parser reads as noun phrases.
MISSED = [
    ("Regime helicopters dropped barrels filled with chlorine on the town of Saraqib.", "ASSAULT", None),
    ("Police fire tear gas at protesters in Kampala", "ASSAULT", None),
    ("Teachers rally in Yerevan over pay", "PROTEST", "demo"),
]
REPORTS += [pytest.param(*r, marks=pytest.mark.xfail(strict=True, reason="not coded yet")) for r in MISSED]


@pytest.mark.parametrize(("text", "event_type", "mode"), REPORTS, ids=[str(r[0] if isinstance(r, tuple) else r.values[0])[:40] for r in REPORTS])
def test_first_asserted_event(code, text, event_type, mode):
    events = sorted((e for e in code(text) if e.modality == "asserted"), key=lambda e: -e.confidence)
    assert events, "no asserted event"
    assert events[0].event_type == event_type
    if mode is not None:
        assert events[0].mode == mode


def test_an_unnamed_doer_is_unidentified_and_placed(code):
    ev = code("A car bomb exploded outside a hotel in Mogadishu.")
    bomb = next(e for e in ev if e.event_type == "ASSAULT")
    assert bomb.actors[0].name == "unidentified" and bomb.actors[0].country == "SOM"


def test_a_storm_that_damaged_houses_is_no_attack(code):
    assert not code("The storm damaged dozens of houses in Chittagong.")


def test_a_planned_protest_stays_a_plan(code):
    ev = code("Teachers' unions in Nairobi planned to protest the pay freeze next week.")
    assert not [e for e in ev if e.event_type == "PROTEST" and e.modality == "asserted"]


def test_strikes_with_no_doer_are_not_a_labour_strike(code):
    ev = code("The strikes followed an ambush near Miranshah in which four soldiers were killed.")
    assert not [e for e in ev if e.event_type == "PROTEST"]


def test_a_criticised_partys_ally_is_not_made_the_doer(code):
    ev = code("Kabul blamed Islamabad for sheltering the TTP, whose attacks killed dozens of police officers.")
    assert all(e.actors[0].name != "Pakistan" for e in ev if e.event_type == "ASSAULT")
