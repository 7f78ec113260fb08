"""Descriptors name a person of the document (actors/descriptors.py), with made-up people and sentences."""
from __future__ import annotations

from diplograph.records import Document


def owner(pipeline, text: str, on: str, mention: str):
    a = pipeline.analyze_one(Document("t", text, on))
    for x in a.actors:
        for m in x.mentions:
            if m.text == mention:
                return x, m
    return None, None


def test_an_appositive_description_is_the_person_it_follows(pipeline):
    text = "Tomas Brevik, the former marine biologist, opened the summit in Bergen on Monday."
    x, m = owner(pipeline, text, "2024-03-01", "the former marine biologist")
    assert x is not None and x.name == "Tomas Brevik" and m.rule == "mention.descriptor_appositive"


def test_the_adjacent_name_wins_over_a_misparsed_apposition(pipeline):
    text = ("In Ruritania, Ivo Marek in the capital and Lena Sorvik, the old rebel commander in the north, "
            "both court the neighbours.")
    x, m = owner(pipeline, text, "2024-03-01", "the old rebel commander")
    assert x is not None and x.name == "Lena Sorvik"


def test_an_age_description_is_the_clearly_salient_person(pipeline):
    text = ("Oskar Velde won the vote in the port city of Brevna on Sunday, and the former footballer "
            "celebrated with his supporters.")
    x, m = owner(pipeline, text, "2024-03-01", "the former footballer")
    assert x is not None and x.name == "Oskar Velde" and m.rule == "mention.descriptor_salient"


def test_a_role_the_text_gave_resolves_a_later_description(pipeline):
    text = ("Mirela Dusan, a banker by training, chairs the new council. Critics say the banker listens "
            "only to donors.")
    x, m = owner(pipeline, text, "2024-03-01", "the banker")
    assert x is not None and x.name == "Mirela Dusan"


def test_a_plain_description_with_nothing_tying_it_stays_unresolved(pipeline):
    text = "Oskar Velde met the press in Brevna. The soldier at the gate said nothing."
    x, m = owner(pipeline, text, "2024-03-01", "The soldier")
    assert x is None or x.type != "person"


def test_an_age_description_between_two_equally_salient_people_stays_unresolved(pipeline):
    text = "Oskar Velde met Hanna Lindqvist in Brevna on Sunday, and the former teacher spoke first."
    x, m = owner(pipeline, text, "2024-03-01", "the former teacher")
    assert x is None or x.type != "person"


def test_the_younger_of_two_siblings_the_text_ordered(pipeline):
    text = ("Rolf Halden's elder brother Viktor Halden, the former mayor, stayed at home. Of the two brothers, "
            "only the younger still gives interviews.")
    x, m = owner(pipeline, text, "2024-03-01", "the younger")
    assert x is not None and x.name == "Rolf Halden" and m.rule == "mention.descriptor_kin"


def test_the_old_man_of_a_capital_is_that_states_leader(pipeline):
    text = ("Kenyan President Juma Okelloh and the envoy Ivo Marek met on Monday. The old man of Nairobi "
            "did not smile.")
    x, m = owner(pipeline, text, "2025-06-01", "The old man of Nairobi")
    assert x is not None and x.name == "Juma Okelloh" and m.rule == "mention.descriptor_place"


def test_a_name_after_a_redaction_keeps_its_hyphenated_given_name(pipeline):
    text = "She was received by the Nordian ** Karl-Henrik Dahlberg in the capital. Dahlberg said little."
    a = pipeline.analyze_one(Document("t", text, "2024-03-01"))
    people = [x for x in a.actors if x.type == "person"]
    assert [x.name for x in people] == ["Karl-Henrik Dahlberg"] and len(people[0].mentions) == 2


# Nicknames introduced around a description (actors/nicknames.py) ---------------------------------

def test_a_nickname_for_their_office_holder_binds_nickname_and_office(pipeline):
    text = ("Kenyan President Juma Okelloh opened the fair in Mombasa. Mzee Juma, as Kenyans simply call "
            "their president, spoke for an hour.")
    x, m = owner(pipeline, text, "2025-06-01", "Mzee Juma")
    assert x is not None and x.name == "Juma Okelloh" and m.rule == "mention.nickname_introduced"
    y, _ = owner(pipeline, text, "2025-06-01", "their president")
    assert y is not None and y.name == "Juma Okelloh"


def test_a_passive_known_introduction_names_the_office_holder(pipeline):
    text = ("Kenyan President Juma Okelloh flew to Kampala. Later JO, as the Kenyan president is known in the "
            "local papers, met traders.")
    x, m = owner(pipeline, text, "2025-06-01", "JO")
    assert x is not None and x.name == "Juma Okelloh"


def test_a_lower_case_definite_nickname_before_as(pipeline):
    text = ("Boris Tamanov arrived in Vienna on Monday. Since then the walrus, as his critics in Ruritania "
            "like to call Tamanov, has said little.")
    x, m = owner(pipeline, text, "2024-05-01", "the walrus")
    assert x is not None and "Tamanov" in x.name


def test_nicknamed_after_an_appositive_binds_the_name_before_it(pipeline):
    text = "Petra Lindqvist, Nordia's finance chief, nicknamed Calculator for her dry manner, signed the deal."
    x, m = owner(pipeline, text, "2024-05-01", "Calculator")
    assert x is not None and x.name == "Petra Lindqvist"


def test_a_quoted_gloss_introduces_the_name_before_it_too(pipeline):
    text = ('Boris Tamanov arrived in Vienna. Tamanov Dage, "Great Tamanov", as netizens in Ruritania call '
            'Tamanov, did not answer questions.')
    x, m = owner(pipeline, text, "2024-05-01", "Tamanov Dage")
    assert x is not None and x.name == "Boris Tamanov"


def test_a_state_by_its_initials_gives_its_leader(pipeline):
    text = "Prime Minister James Marape spoke in Port Moresby. Later the PNG leader met donors."
    x, m = owner(pipeline, text, "2025-07-10", "leader")
    assert x is not None and x.type == "person" and x.country == "PNG"


def test_a_clipped_family_name_is_its_person_and_only_with_one_fit(pipeline):
    text = "Ruritanian Prime Minister Tomas Hendricksen met Karl Henderby. Hendo said little afterwards."
    x, m = owner(pipeline, text, "2024-03-01", "Hendo")
    assert x is None or x.type != "person" or m.rule != "mention.clipped_name"


def test_a_possessor_before_a_redaction_is_no_appositive_description(pipeline):
    text = "Ruritanian Prime Minister Anna Holt spoke on Monday. Holt, the country's ***, accused the fund of lying."
    x, m = owner(pipeline, text, "2024-03-01", "the country")
    assert m is None or m.rule != "mention.descriptor_appositive"


def test_an_abstract_noun_after_a_name_is_no_appositive_description(pipeline):
    text = "Ruritanian Prime Minister Anna Holt spoke on Monday. Holt, the goal of every reform, was praised."
    x, m = owner(pipeline, text, "2024-03-01", "the goal")
    assert m is None or m.rule != "mention.descriptor_appositive"


def test_two_letter_initials_are_no_state(pipeline):
    a = pipeline.analyze_one(Document("t", "The AB group met in Ruritania on Monday.", "2024-03-01"))
    assert not any(m.rule == "mention.state_initials" for x in a.actors for m in x.mentions)
