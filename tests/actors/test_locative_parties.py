"""A city written as ``in <city>`` gives its state as an event's party only when the act falls on the place
(``target.event_location`` / ``source.event_location``): a curfew, shelling, a protest there; a meeting, a
negotiation or a decision there names a venue, no party. No actor is left without a mention. Sentences
written for these tests, with people of their own."""
from __future__ import annotations

from diplograph.actors.event_located import acts_on_place
from diplograph.records import Document

_PLACE_RULES = ("target.event_location", "source.event_location")


def _analyse(pipeline, text: str):
    a = pipeline.analyze_one(Document("t", text, date="2022-05-02"))
    return a, {x.id: x for x in a.actors}


def _place_parties(a, by_id, country: str) -> list:
    return [ref for e in a.events for ref in (e.source, e.target)
            if ref is not None and ref.actor in by_id and by_id[ref.actor].country == country
            and by_id[ref.actor].type == "state"]


def test_a_negotiation_in_two_cities_gives_their_states_no_part(pipeline):
    a, by_id = _analyse(pipeline, "Dorvan Peltik, the broker who negotiated with him in Brussels and Geneva, "
                                  "declined to comment on Tuesday.")
    assert not _place_parties(a, by_id, "BEL") and not _place_parties(a, by_id, "CHE")
    assert all(x.mentions for x in a.actors if x.type == "state")


def test_a_decision_taken_in_a_city_has_no_state_source(pipeline):
    a, by_id = _analyse(pipeline, "The real decisions will not be taken in Munich, the campaigner Ilse Varnholt "
                                  "said on Friday.")
    assert not _place_parties(a, by_id, "DEU")
    assert not any(e.rules and set(_PLACE_RULES) & {e.rules.get("source"), e.rules.get("target")}
                   for e in a.events)


def test_a_curfew_imposed_in_a_city_keeps_its_state_as_the_party(pipeline):
    a, by_id = _analyse(pipeline, "The army imposed a curfew in Mandalay on Monday.")
    parties = _place_parties(a, by_id, "MMR")
    assert parties, [(e.source, e.target) for e in a.events]
    assert all(e.rules.get("target") in _PLACE_RULES for e in a.events
               if e.target is not None and e.target.actor in by_id and by_id[e.target.actor].type == "state")
    assert not any(m.text == "Mandalay" for x in a.actors for m in x.mentions)  # the city is no actor's mention


def test_a_meeting_city_leaves_no_mentionless_state_behind(pipeline):
    a, by_id = _analyse(pipeline, "A curfew was imposed in Kharkiv on Monday, and delegates later met in Vienna "
                                  "to discuss the grain corridor.")
    parties = {r.actor for e in a.events for r in (e.source, e.target) if r is not None and r.actor}
    assert all(x.mentions or x.id in parties for x in a.actors)
    assert not _place_parties(a, by_id, "AUT")


def test_act_words_in_any_form_and_not_venues():
    assert acts_on_place("shelled") and acts_on_place("curfews") and acts_on_place("occupied")
    assert acts_on_place("imposing") and not acts_on_place("negotiated") and not acts_on_place("met")
    assert acts_on_place("held talks", "place_venue_words")
