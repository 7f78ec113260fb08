"""No person split in two (issue 15): compound and double surnames, family words the tagger reads as something
else, accents dropped, a city before a surname; and two people who share a family name stay two. Made-up names."""
from __future__ import annotations

import pytest

from diplograph.actors.spelling import units
from diplograph.actors.identity import family_units
from diplograph.records import Document

from .reading import covering_actor


def analysed(pipeline, text: str, on: str = "2024-05-01"):
    return pipeline.analyze_one(Document("t", text, on))


def persons_named(a, word: str) -> list[str]:
    return sorted({x.id for x in a.actors if x.type == "person" and word.lower() in x.name.lower()})


def test_family_units_are_the_words_a_person_is_called_by_alone():
    # a double surname: both family words; a two-word name: the last; particles are no family word
    assert family_units("Anselmo Berraquero Lodi") == units("Berraquero Lodi")
    assert family_units("Anselmo Lodi") == units("Lodi")
    assert family_units("Ana van Lodi") == units("Lodi")


@pytest.mark.parametrize("text", [
    "The Chilean ** Teodoro Villaseca-Urrutia spent the winter defending his pension plan. Villaseca-Urrutia has "
    "answered critics with rallies, and Villaseca-Urrutia will not back down.",
    "The Chilean labour minister Teodoro Villaseca-Urrutia spent the winter defending his plan. "
    "Villaseca-Urrutia has answered critics with rallies.",
])
def test_a_compound_surname_after_a_given_name_stays_one_person(pipeline, text):
    a = analysed(pipeline, text)
    assert len(persons_named(a, "Urrutia")) == 1
    assert len(persons_named(a, "Villaseca")) == 1
    got = covering_actor(a, text, "Villaseca-Urrutia", 2)
    assert got is not None and got.type == "person" and "Teodoro" in got.name


def test_two_people_joined_by_a_hyphen_are_not_one_name(pipeline):
    text = ("Orvald Prenn met Kasimir Dulowa in the capital. The Prenn-Dulowa meeting ended without a deal, "
            "and Prenn flew home.")
    a = analysed(pipeline, text)
    assert not any(x.type == "person" and "Prenn-Dulowa" in x.name for x in a.actors)


@pytest.mark.parametrize("text, word, nth, first", [
    # the first part of a double surname alone, read by the tagger as an organisation
    ("The man who runs the cabinet is ** Anselmo Cabrero Lodi, a former port manager. The head of government "
     "speaks well, but Cabrero has no room to act.", "Cabrero", 2, "Anselmo"),
    # the same, misspelt
    ("The man who runs the cabinet is ** Anselmo Cabrero Lodi, a former port manager. The head of government "
     "speaks well, but Cabrerro has no room to act.", "Cabrerro", 1, "Anselmo"),
    # an accent dropped, the word read as an adverb
    ("In the capital the junta chief, Captain Ismaël Ouattoré, addressed the crowd on Sunday. The ousted "
     "colonel, whom Ouattore overthrew in 2023, lives abroad.", "Ouattore", 1, "Ismaël"),
    ("In the capital the junta chief, Captain Sékou Tiendrébéogo, addressed the crowd on Sunday. The ousted "
     "colonel, whom Tiendrebeogo overthrew in 2023, lives abroad.", "Tiendrebeogo", 1, "Sékou"),
    # a three-word name: the family name alone after the given names alone
    ("The Portuguese ** Nuno Aurélio Fragateiro met his Spanish counterpart in Madrid. Nuno Aurélio said the "
     "talks went well, and Fragateiro later added that Lisbon would sign.", "Fragateiro", 2, "Nuno"),
])
def test_a_family_word_alone_links_back_to_the_full_name(pipeline, text, word, nth, first):
    a = analysed(pipeline, text)
    got = covering_actor(a, text, word, nth)
    assert got is not None and got.type == "person" and first in got.name


def test_a_city_before_a_surname_is_a_place_and_that_person(pipeline):
    text = ("Waiting in the wings is ** Corentin Kervellec, the 31-year-old who would lead the party. Kervellec "
            "has been careful, but in Brussels and Berlin Kervelec is already treated as a future minister.")
    a = analysed(pipeline, text)
    got = covering_actor(a, text, "Kervelec", 1)
    assert got is not None and got.name == "Corentin Kervellec"
    assert not any(x.type == "person" and "Berlin" in x.name for x in a.actors)


def test_a_father_and_a_son_who_share_a_family_name_stay_two(pipeline):
    text = ("Former President Anselmo Berraquero Lodi and his son, Senator Iñigo Berraquero Salvat, both "
            "campaigned this week. Anselmo Berraquero told reporters the deal was dead, while Iñigo Berraquero "
            "disagreed. Berraquero also said the vote would be close.")
    a = analysed(pipeline, text)
    names = persons_named(a, "Berraquero")
    assert len(names) == 2
    # the lone family word two people share goes to neither by this rule
    got = covering_actor(a, text, "Berraquero", 5)
    assert got is None or not any((m.rule or "") == "mention.lone_surname" for m in got.mentions)



def test_a_later_part_of_a_longer_name_is_no_namesake_of_the_tables(pipeline):
    # "Tomé Vieira" is inside the document's "Rui Tomé Vieira": not the tables' surname-only leader Vieira
    text = ("The Portuguese opposition leader Rui Tomé Vieira spent the week attacking the budget. Rui Tomé, as "
            "everyone in Lisbon calls him, wants an early election. Tomé Vieira's allies are less sure.")
    a = analysed(pipeline, text)
    assert len([x for x in a.actors if x.type == "person" and "Vieira" in x.name]) == 1
    got = covering_actor(a, text, "Tomé Vieira", 2)
    assert got is not None and got.name == "Rui Tomé Vieira"


def test_a_titled_surname_before_the_full_name_is_that_person(pipeline):
    # the portfolio word of the title ("Interior") is no given name; the surname is the first part of a compound
    text = ("Interior Minister Okonjo said the curfew would stay. Later the minister, Chidike Okonjo-Ezeani, told "
            "reporters that the army would help.")
    a = analysed(pipeline, text)
    assert len([x for x in a.actors if x.type == "person" and "Okonjo" in x.name]) == 1
