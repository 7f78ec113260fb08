"""What the text says a named person is, as that person's mention (actors/predicated.py), and the general person
nouns a description may be headed by (lexicon class wordnet_person_nouns); made-up people and sentences."""
from __future__ import annotations

from diplograph.actors.description import GENERAL_PERSON_NOUNS
from diplograph.records import Document


def mentions(pipeline, text: str, on: str = "2024-03-01") -> dict[str, list[tuple[str, str | None]]]:
    a = pipeline.analyze_one(Document("t", text, on))
    return {x.name: [(m.text, m.rule) for m in x.mentions] for x in a.actors}


def test_an_indefinite_appositive_is_the_persons_mention(pipeline):
    got = mentions(pipeline, "Tomas Brevik, a former police chief, met the press in the capital on Monday.")
    assert ("a former police chief", "mention.descriptor_predicate") in got["Tomas Brevik"]
    assert not any(t == "a former police chief" for name, ms in got.items() if name != "Tomas Brevik" for t, _ in ms)


def test_a_predicate_noun_of_a_person_subject_is_the_persons_mention(pipeline):
    got = mentions(pipeline, "Hanna Lindqvist is the former planning minister and rarely speaks in public.")
    assert ("the former planning minister", "mention.descriptor_predicate") in got["Hanna Lindqvist"]


def test_an_indefinite_description_nobody_is_said_to_be_stays_unbound(pipeline):
    got = mentions(pipeline, "A former minister said the talks had failed, and Tomas Brevik agreed.")
    assert not any(t.lower() == "a former minister" or rule == "mention.descriptor_predicate"
                   for ms in got.values() for t, rule in ms)


def test_a_plural_appositive_is_no_ones_mention(pipeline):
    got = mentions(pipeline, "Oskar Velde and Ivo Marsh, both lawyers, met the press.")
    assert not any(rule == "mention.descriptor_predicate" for ms in got.values() for _, rule in ms)


def test_general_person_nouns_are_persons_by_their_first_sense():
    assert {"novelist", "billionaire", "northerner", "runner-up", "oligarch"} <= GENERAL_PERSON_NOUNS
    # a word whose first sense is a group, a body part, an abstraction: no person noun
    assert not {"party", "head", "source", "state", "government", "army"} & GENERAL_PERSON_NOUNS
    # a person noun that also names an abstraction: "the spectre of inflation", "the spirit of the accord"
    assert not {"spectre", "spirit", "soul", "genius"} & GENERAL_PERSON_NOUNS


def test_an_abstraction_named_like_a_person_is_no_description(pipeline):
    got = mentions(pipeline, "Finance minister Edouard Varin spoke on Monday. He raised the spectre of a spiral of "
                             "wages and prices.")
    assert not any("spectre" in t for ms in got.values() for t, _ in ms)


def test_a_description_with_its_complement_is_one_mention(pipeline):
    got = mentions(pipeline, "Lena Varga spoke in Budapest on Monday. The author of The Hungarian Way of Ruling said "
                             "little.")
    assert ("The author of The Hungarian Way of Ruling", "mention.descriptor_salient") in got["Lena Varga"]


def test_a_complement_with_a_name_inside_is_not_swallowed(pipeline):
    got = mentions(pipeline, "Lena Varga, the daughter of Tomas Brevik, spoke in the capital on Monday.")
    assert "Tomas Brevik" in got
    assert not any("Tomas Brevik" in t for t, _ in got.get("Lena Varga", []))


def test_an_abbreviated_person_noun_after_an_age_or_past_word_heads_a_description(pipeline):
    got = mentions(pipeline, "Tomas Brevik, the former MEP whose phone was tapped, spoke on Monday.")
    assert any(t == "the former MEP" for t, _ in got["Tomas Brevik"])
    got = mentions(pipeline, "Tomas Brevik accepted the result without fuss. The young MP can afford to wait.")
    assert any(t == "The young MP" for t, _ in got["Tomas Brevik"])


def test_an_abbreviation_before_a_name_is_a_title_not_a_description(pipeline):
    got = mentions(pipeline, "Lena Varga spoke first. Then the young MP Tomas Brevik answered her.")
    assert not any(t.startswith("the young MP") for t, _ in got.get("Lena Varga", []))
