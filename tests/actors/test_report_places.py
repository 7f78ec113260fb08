"""Conflict-report style sentences (written for these tests, with names of their own): the people of
an event take the state of the place it happens in, occupations are actors, places are not."""
from __future__ import annotations

import pytest

from diplograph.records import Document


def _analyse(pipeline, text: str):
    a = pipeline.analyze_one(Document("t", text, date="2021-03-01"))
    by_id = {x.id: x for x in a.actors}
    return a, by_id


def _event_states(a, by_id) -> set[str]:
    return {by_id[r.actor].country for e in a.events for r in (e.source, e.target)
            if r is not None and r.actor and by_id[r.actor].country}


@pytest.mark.parametrize("text, state", [
    ("On 3 March 2021, minibus drivers protested in Kisumu town against the new fuel levy.", "KEN"),
    ("On 3 March 2021, hundreds of dockers demonstrated in Mombasa city to claim unpaid wages.", "KEN"),
    ("On 3 March 2021, tribesmen blocked the highway near Sukkur, demanding compensation.", "PAK"),
])
def test_occupations_are_actors_of_the_place(pipeline, text, state):
    a, by_id = _analyse(pipeline, text)
    assert _event_states(a, by_id) == {state}


def test_people_who_protest_are_of_the_place(pipeline):
    a, by_id = _analyse(pipeline, "On 3 March 2021, people in Kisumu town protested against the curfew.")
    assert _event_states(a, by_id) == {"KEN"}


def test_gunmen_are_of_the_place_their_sentence_names(pipeline):
    # an often-abroad sector (gunmen) takes the place of a sentence that names no state
    a, by_id = _analyse(pipeline, "On 3 March 2021, gunmen attacked a bus station in Garissa town, killing two guards.")
    assert "KEN" in _event_states(a, by_id)
    b, by_b = _analyse(pipeline, "On 3 March 2021, Somali gunmen attacked a bus station in Garissa town.")
    assert not any(x.type == "sector" and x.code and x.code.endswith("UAF") and x.country == "KEN"
                   for x in b.actors)


def test_a_fronted_list_of_places_keeps_its_subject(pipeline):
    a, by_id = _analyse(pipeline, "On 3 March 2021, in Tucuman, Salta, nurses of the Central Hospital protested "
                                  "demanding higher wages.")
    assert any(e.source is not None and by_id[e.source.actor].country == "ARG" for e in a.events)


def test_a_currency_named_after_a_state_is_no_actor(pipeline):
    a, _ = _analyse(pipeline, "On 3 March 2021, traders blocked a road in Kisumu town against the soaring US "
                              "dollar exchange rate.")
    assert not any(x.country == "USA" for x in a.actors)


def test_a_container_place_is_no_party(pipeline):
    # "near X, Y": Y says where X lies; the state a KB reads in Y's name is no party of the report
    a, by_id = _analyse(pipeline, "Rebels fired mortars at army positions near Kovalivka, Donetsk, on Monday.")
    assert not any(m.text == "Donetsk" for x in a.actors for m in x.mentions)
    assert _event_states(a, by_id) == {"UKR"}
    # a capital that acts stands for its government
    b, _ = _analyse(pipeline, "Moscow warned Kyiv on Monday.")
    assert any(m.text == "Moscow" and x.code == "RUS" for x in b.actors for m in x.mentions)


def test_a_witnessed_attack_is_done_by_unidentified_forces_of_its_place(pipeline):
    # observers who record explosions did not fire; the doer is unnamed, the place says whose ground
    a, by_id = _analyse(pipeline, "On 3 March 2021, UN observers recorded a total of 25 shots and explosions "
                                  "near Horlivka town.")
    sources = [by_id[e.source.actor] for e in a.events if e.source is not None and e.source.actor]
    assert sources and all(s.code == "UKRUAF" for s in sources)
    assert not any(e.source is not None and e.source.code and e.source.code.startswith("IGO") for e in a.events)


def test_a_victim_takes_the_state_its_event_is_located_in(pipeline):
    # the actor stage finds no sure place for a victim (a bracketed list); the located event does
    a, by_id = _analyse(pipeline, "On Monday, the corpse of a man was discovered in Kivuli (Eldoret, Uasin Gishu).")
    assert "KEN" in _event_states(a, by_id)


def test_a_city_after_a_locative_preposition_is_no_actor(pipeline):
    # "a curfew in X": the state acted on is the event's located state, not a mention of the city
    a, by_id = _analyse(pipeline, "On 3 March 2021, police imposed a curfew in Mombasa after night clashes.")
    assert not any(m.text == "Mombasa" for x in a.actors for m in x.mentions)
    placed = [e for e in a.events if e.rules and e.rules.get("target") == "target.event_location"]
    assert placed and all(e.target is not None and e.target.code == "KEN" == e.location.code for e in placed)
    # a city that acts keeps standing for its government
    b, _ = _analyse(pipeline, "Nairobi warned Kampala against closing the border.")
    assert any(m.text == "Nairobi" and x.code == "KEN" for x in b.actors for m in x.mentions)


def test_a_city_where_people_were_attacked_is_no_actor(pipeline):
    a, by_id = _analyse(pipeline, "On 3 March 2021, gunmen attacked farmers in the fields outside Garissa.")
    assert not any(m.text == "Garissa" for x in a.actors for m in x.mentions)
    assert "KEN" in _event_states(a, by_id)


def test_a_city_after_a_place_word_of_is_no_actor(pipeline):
    # "the outskirts of X": a place word says the name is where
    a, _ = _analyse(pipeline, "On 3 March 2021, police dispersed traders on the outskirts of Mombasa.")
    assert not any(m.text == "Mombasa" for x in a.actors for m in x.mentions)


def test_a_party_placed_in_a_town_is_of_its_state_though_another_state_is_named(pipeline):
    # owner.event_town: the event happens near a town; the group named by an unknown acronym is of
    # that town's state, whoever else the note names; an often-abroad sector (the army) is not
    text = "On 3 March 2021, the KRM clashed with the army near Kassala city, Eritrean officials said."
    a, by_id = _analyse(pipeline, text)
    krm = [x for x in a.actors if x.name == "KRM"]
    assert krm and krm[0].country == "SDN" and all(m.rule == "owner.event_town" for m in krm[0].mentions)
    army = [x for x in a.actors if x.name == "army"]
    assert army and not army[0].country
    # only the country named: whose they are stays unsaid
    b, _ = _analyse(pipeline, "On 3 March 2021, the KRM clashed with the army in eastern Sudan, Eritrean officials said.")
    assert not any(x.name == "KRM" and x.country for x in b.actors)


def test_the_town_rule_switched_off_leaves_the_party_stateless(pipeline, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_RULES_OFF", "owner.event_town")
    a, _ = _analyse(pipeline, "On 3 March 2021, the KRM clashed with the army near Kassala city, Eritrean officials said.")
    assert not any(x.name == "KRM" and x.country for x in a.actors)


def test_a_name_put_inside_a_known_place_is_no_state(pipeline):
    # "X (Y, Z)": X has readings in several states (one a city the KB reads as its state), the text puts
    # it inside places of another state: it says where, it is no actor
    a, _ = _analyse(pipeline, "On 3 March 2021, an IED struck a truck near Gorkha (Kidal, Gao), wounding two people.")
    assert not any(m.text == "Gorkha" for x in a.actors for m in x.mentions)
    assert not any(x.type == "state" and x.country == "NPL" for x in a.actors)


def test_a_known_area_holding_a_town_is_no_person(pipeline):
    # "in X, Y" with X in Y: Y is an area, not the leader a surname table reads in the word
    a, _ = _analyse(pipeline, "On 3 March 2021, in Los Teques, Miranda, police clashed with armed men.")
    assert not any(m.text == "Miranda" and x.type == "person" for x in a.actors for m in x.mentions)
