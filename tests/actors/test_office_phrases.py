"""Office descriptions (actors/offices.py): the holder a text introduces, "the head of the X state", with
made-up people and sentences."""
from __future__ import annotations

from diplograph.records import Document


def owner(pipeline, text: str, mention: str, on: str):
    a = pipeline.analyze_one(Document("t", text, on))
    for x in a.actors:
        for m in x.mentions:
            if mention in m.text:
                return x
    return None


def test_the_office_description_is_the_person_the_text_introduced_with_that_states_word(pipeline):
    text = ("The new Chilean ** Tomas Ravel Ortiz ended his tour in Lima. Critics say the Chilean president "
            "must sell copper to everyone.")
    x = owner(pipeline, text, "Chilean president", "2026-04-01")
    assert x is not None and x.name == "Tomas Ravel Ortiz"


def test_a_former_holder_the_text_introduced_is_not_the_office_holder(pipeline):
    text = ("The former Chilean ** Tomas Ravel Ortiz ended his tour in Lima. Critics say the Chilean president "
            "must sell copper to everyone.")
    x = owner(pipeline, text, "Chilean president", "2026-04-01")
    assert x is None or x.name != "Tomas Ravel Ortiz"


def test_the_head_of_a_states_state_is_its_head_of_state(pipeline):
    x = owner(pipeline, "The head of the Cuban state opened a trade fair on Monday.", "head of the Cuban state",
              "2024-05-01")
    assert x is not None and x.type == "person" and x.code == "CUBGOV"


def test_the_head_of_a_government_is_its_head_of_government(pipeline):
    x = owner(pipeline, "Farmers blocked the road while the head of the Italian government was abroad.",
              "head of the Italian government", "2024-05-01")
    assert x is not None and x.type == "person" and x.code == "ITAGOV"


def test_two_compass_words_name_their_own_state(pipeline):
    text = ("Ayen Deng Malual, the South Sudanese **, flew to Khartoum. The visit showed that the South Sudanese "
            "president needs the pipeline.")
    x = owner(pipeline, text, "Sudanese president", "2024-05-01")
    assert x is not None and x.name == "Ayen Deng Malual"  # not Sudan's president


def test_an_office_description_with_a_city_before_it_moves_whole_to_its_holder(pipeline):
    # the city before the sector noun stays the noun's token outside its mention; when the description goes to
    # the holder, that token must go with it (it once pointed at a deleted actor and the analysis raised)
    text = ("The Benghazi premier, Omar Talbi, rejected the plan. Later the Tripoli premier said he would meet "
            "the envoy.")
    a = pipeline.analyze_one(Document("t", text, "2025-05-01"))
    assert any(x.type == "person" and any("premier" in m.text for m in x.mentions) for x in a.actors)
