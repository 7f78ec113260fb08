"""A state's institutions are organisations or sector actors of that state, never people; sector words coded as
international news uses them (issue 15, the eighth stop's leftovers). Made-up sentences."""
from __future__ import annotations

import pytest

from diplograph.actors.dictionaries import ActorEntry, CodeRule
from diplograph.actors.kb import is_person_entry
from diplograph.records import Document


def _actors(pipeline, text: str, when: str = "2024-05-01"):
    return pipeline.analyze_one(Document("t", text, when)).actors


def _at(actors, text: str, mention: str):
    s = text.index(mention)
    e = s + len(mention)
    return [a for a in actors for m in a.mentions if min(e, m.end) - max(s, m.start) > 0]


@pytest.mark.parametrize("text,body,code", [
    ("Sri Lanka's parliament rejected the harbour lease on Tuesday.", "parliament", "LKALEG"),
    ("Costa Rica's congress rejected the harbour lease on Tuesday.", "congress", "CRILEG"),
])
def test_a_possessive_state_is_no_person_and_owns_its_body(pipeline, text, body, code):
    actors = _actors(pipeline, text)
    assert not [a for a in actors if a.type == "person"], [(a.name, a.type) for a in actors]
    assert code in [a.code for a in _at(actors, text, body)]


def test_a_dictionary_institution_is_no_person(pipeline):
    text = "The Knesset approved the water law, and Mossad declined to comment."
    actors = _actors(pipeline, text)
    for word in ("Knesset", "Mossad"):
        hit = _at(actors, text, word)
        assert hit and all(a.type != "person" for a in hit), [(a.name, a.type) for a in hit]


@pytest.mark.parametrize("entry,person", [
    (ActorEntry("NATIONAL_FARMERS_ASSEMBLY", rules=[CodeRule("ZZZLEG")], source="Phoenix.Countries.actors.txt"),
     False),
    (ActorEntry("ZORVAL", rules=[CodeRule("ZZZSPY")], source="Phoenix.Countries.actors.txt"), False),
    (ActorEntry("NORTH_ISLES_", rules=[CodeRule("ZZZNIS")], source="Phoenix.Countries.actors.txt"), False),
    (ActorEntry("TOMAS_VELDRAN_", rules=[CodeRule("ZZZOPP")], source="Phoenix.Countries.actors.txt"), True),
])
def test_person_entries_are_names_not_bodies_or_territories(entry, person):
    assert is_person_entry(entry) is person


def test_another_states_senate_is_that_states_legislature(pipeline):
    text = "The Chilean Senate blocked the pension reform. Later the Senate adjourned."
    actors = _actors(pipeline, text)
    assert "CHLLEG" in [a.code for a in _at(actors, text, "Chilean Senate")]
    later = text.rindex("Senate")
    assert not [a for a in actors for m in a.mentions if m.start == later and (a.code or "").startswith("USA")]


def test_a_senate_of_another_state_after_of(pipeline):
    text = "The Senate of Nigeria approved the budget."
    assert "NGALEG" in [a.code for a in _at(_actors(pipeline, text), text, "Senate")]


@pytest.mark.parametrize("text,mention,code", [
    ("Bolivian deputies walked out of the chamber.", "deputies", "BOLLEG"),
    ("The Peruvian deputy Ana Quiroga Salas resigned.", "Ana Quiroga Salas", "PERLEG"),
])
def test_a_deputy_is_a_legislator_not_police(pipeline, text, mention, code):
    hit = _at(_actors(pipeline, text), text, mention)
    assert code in [a.code for a in hit], [(a.name, a.code) for a in hit]
    assert not any((a.code or "").endswith("COP") for a in hit)


def test_deputy_before_a_title_is_part_of_it(pipeline):
    text = "Deputy Foreign Minister Lev Dorin met the Polish ambassador in Warsaw."
    actors = _actors(pipeline, text)
    assert not [a for a in _at(actors, text, "Deputy") if a.type == "sector"]
    assert [a for a in _at(actors, text, "Lev Dorin") if (a.code or "").endswith("GOV")]


def test_a_commissioner_is_an_official(pipeline):
    text = "The Kenyan commissioner Amos Wekulo visited the border post."
    assert "KENGOV" in [a.code for a in _at(_actors(pipeline, text), text, "Amos Wekulo")]
