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
