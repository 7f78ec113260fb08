"""One person, one actor under spelling variants (issue 15), with made-up names and sentences."""
from __future__ import annotations

from diplograph.actors.aliases import translit_key
from diplograph.records import Document


def people(pipeline, text: str, on: str = "2024-03-01"):
    a = pipeline.analyze_one(Document("t", text, on))
    return [x for x in a.actors if x.type == "person"]


def test_softened_c_and_glides_share_a_key():
    assert translit_key("Kovačić") == translit_key("Kovacic") == translit_key("Kovachich")
    assert translit_key("Elaias") == translit_key("Elayas")
    assert translit_key("Macron") != translit_key("Masron")  # a c before a consonant stays c


def test_a_given_name_missing_a_final_consonant_is_the_same_person(pipeline):
    text = ("Ruritanian Prime Minister Jorek Dobrin spoke on Monday. Jore Dobrin's critics in the capital "
            "say he moved too fast.")
    ps = people(pipeline, text)
    assert len([p for p in ps if "Dobrin" in p.name]) == 1


def test_a_vowel_changed_given_name_is_not_merged(pipeline):
    text = "Ivan Dobrin met Ivana Dobrin in the capital of Ruritania on Monday to discuss the budget."
    ps = people(pipeline, text)
    assert len([p for p in ps if "Dobrin" in p.name]) == 2


def test_a_name_read_as_an_organisation_joins_the_person(pipeline):
    text = ("The Ruritanian president Elaias Gorvenko spoke on Monday. Whether Dr. Tamsin, Elayas Gorvenko "
            "and Marta Kell will all come is another matter.")
    ps = people(pipeline, text)
    assert len([p for p in ps if "Gorvenko" in p.name]) == 1


def test_a_sentence_opening_surname_the_tagger_read_as_a_noun(pipeline):
    text = ("The partner is Teodor Malape, who has been in office since 2019. Malape likes to repeat that "
            "his country is a friend to all.")
    ps = [p for p in people(pipeline, text) if "Malape" in p.name]
    assert len(ps) == 1 and any(m.text == "Malape" for m in ps[0].mentions)

