"""Descriptors, nicknames, partial names and name integrity (issue 15), with sentences of our own."""
from __future__ import annotations

from diplograph.records import Document


def owner(pipeline, text: str, on: str, mention: str):
    a = pipeline.analyze_one(Document("t", text, on))
    for x in a.actors:
        for m in x.mentions:
            if m.text == mention or mention in m.text:
                return x, m, a
    return None, None, a


def test_a_nickname_the_text_introduces_is_its_person(pipeline):
    text = ("Boris Tamanov arrived in Vienna on Monday. The Walrus, as his critics in Ruritania call Tamanov, "
            "did not answer questions.")
    x, m, _ = owner(pipeline, text, "2024-05-01", "Walrus")
    assert x is not None and "Tamanov" in x.name and m.rule == "mention.nickname_introduced"


def test_known_as_binds_the_nickname(pipeline):
    text = "Petra Lindqvist, known as the Iron Chancellor of Nordia, signed the treaty. Lindqvist smiled."
    x, m, _ = owner(pipeline, text, "2024-05-01", "Iron Chancellor")
    assert x is not None and x.name == "Petra Lindqvist"


def test_a_nickname_with_no_person_stays_unbound(pipeline):
    text = "The Walrus, as the band called the song, was recorded in London."
    x, m, _ = owner(pipeline, text, "2024-05-01", "Walrus")
    assert x is None or x.type != "person" or m.rule != "mention.nickname_introduced"


def test_an_office_descriptor_is_the_holder_on_the_date(pipeline):
    x, m, _ = owner(pipeline, "The Kenyan president met traders in Mombasa.", "2025-06-01", "Kenyan president")
    assert x is not None and x.type == "person" and x.country == "KEN" and m.rule == "mention.office_holder_kb"


def test_the_person_the_text_names_in_the_office_comes_first(pipeline):
    text = ("Kenyan President Juma Okelloh opened the session. Later the Kenyan president met traders in "
            "Mombasa.")
    x, m, _ = owner(pipeline, text, "2025-06-01", "Kenyan president")
    assert x is not None and x.name == "Juma Okelloh"


def test_a_former_holder_is_not_the_office_holder(pipeline):
    x, m, _ = owner(pipeline, "The former Kenyan president met traders.", "2025-06-01", "former Kenyan president")
    assert m is None or m.rule not in ("mention.office_holder_kb", "mention.office_holder_named")


def test_names_stay_whole_and_later_parts_link_back(pipeline):
    text = "Park Min-jae met Anna Kowalczyk in Seoul. Min-jae said Kowalczyk was welcome."
    a = pipeline.analyze_one(Document("t", text, "2024-05-01"))
    people = {x.name: {m.text for m in x.mentions} for x in a.actors if x.type == "person"}
    assert "Park Min-jae" in people and "Min-jae" in people["Park Min-jae"], people
    assert "Kowalczyk" in people.get("Anna Kowalczyk", set()), people


def test_a_word_two_people_share_links_to_neither(pipeline):
    text = "Hal Brennick and Hal Sorensen met in Oslo. Hal said the talks went well."
    a = pipeline.analyze_one(Document("t", text, "2024-05-01"))
    for x in a.actors:
        if x.name in ("Hal Brennick", "Hal Sorensen"):
            assert all(m.text != "Hal" for m in x.mentions)


def test_a_sobriquet_needs_its_person_or_state_in_the_document(pipeline):
    x, m, _ = owner(pipeline, "Bibi went to the market and bought bread.", "2024-05-01", "Bibi")
    assert x is None or m.rule != "mention.known_sobriquet"
    x, m, _ = owner(pipeline, "Israel's cabinet met on Sunday. Bibi said the war would go on.", "2024-05-01", "Bibi")
    assert x is not None and x.country == "ISR" and m.rule == "mention.known_sobriquet"


def test_honorific_before_a_name_word(pipeline):
    text = "Joko Santoso visited the port. Pak Santoso promised new roads."
    x, m, _ = owner(pipeline, text, "2024-05-01", "Pak Santoso")
    assert x is not None and x.name == "Joko Santoso"


def test_a_nickname_introduction_is_no_event(pipeline):
    text = ("Boris Tamanov arrived in Vienna on Monday. The Walrus, as his critics in Ruritania call Tamanov, "
            "did not answer questions.")
    a = pipeline.analyze_one(Document("t", text, "2024-05-01"))
    assert a.events and all(e.trigger.lower() != "call" for e in a.events), [(e.trigger, e.cameo) for e in a.events]
