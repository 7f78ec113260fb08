"""Office descriptors with no state: the head of state the text named, a party's leader (issue 15), made-up names."""
from __future__ import annotations

from diplograph.records import Document


def mentions(pipeline, text: str, on: str = "2024-05-01") -> dict[str, list[tuple[str, str | None]]]:
    """Actor name → its mentions' (text, rule)."""
    a = pipeline.analyze_one(Document("t", text, on))
    return {x.name: [(m.text, m.rule) for m in x.mentions] for x in a.actors}


def test_the_head_of_state_is_the_one_head_of_state_the_text_named(pipeline):
    text = ("The French ** Emmanuel Macron met the German ** Olaf Scholz. "
            "Then the head of state spoke about the budget.")
    got = mentions(pipeline, text)
    assert ("head of state", "mention.office_holder_document") in got["Emmanuel Macron"]
    assert all(m[0] != "head of state" for m in got["Olaf Scholz"])  # a head of government, not of state


def test_no_head_of_state_named_leaves_the_role(pipeline):
    got = mentions(pipeline, "Tomas Velkoro met the bankers. Then the head of state spoke about the budget.")
    assert all(rule != "mention.office_holder_document" for ms in got.values() for _, rule in ms)


def test_a_states_possessive_makes_the_descriptor_definite(pipeline):
    got = mentions(pipeline, "Kenya's head of state does not want to give lessons to a neighbour.")
    assert [("head of state", "mention.office_holder_kb")] == [m for ms in got.values() for m in ms
                                                            if m[1] == "mention.office_holder_kb"]


def test_a_party_leader_is_the_person_named_before_it(pipeline):
    text = ("The first loser of the crisis is Tomas Velkoro. "
            "Only in January the Conservative leader was far ahead in the polls.")
    got = mentions(pipeline, text)
    assert ("Conservative leader", "mention.office_holder_party") in got["Tomas Velkoro"]
    assert "Conservative" not in got  # the party's name modifies the description


def test_a_party_leader_with_nobody_named_before_stays_open(pipeline):
    got = mentions(pipeline, "Only in January the Conservative leader was far ahead in the polls.")
    assert all(rule != "mention.office_holder_party" for ms in got.values() for _, rule in ms)


def test_a_state_before_the_leader_is_no_party(pipeline):
    got = mentions(pipeline, "Tomas Velkoro met the press. The Turkish leader was far ahead in the polls.")
    assert all(rule != "mention.office_holder_party" for ms in got.values() for _, rule in ms)


def test_the_countrys_office_is_that_of_the_state_named_last_before_it(pipeline):
    text = ("The Mongolian ** Ukhnaa Khurelsukh spoke first. "
            "The speaker had quarrelled with the party, including with the country's president.")
    got = mentions(pipeline, text)
    assert any(rule and rule.startswith("mention.office_holder") for _, rule in got["Ukhnaa Khurelsukh"])
    got = mentions(pipeline, "Tomas Velkoro quarrelled with the country's president.")  # no state named
    assert all(not (rule or "").startswith("mention.office_holder") for ms in got.values() for _, rule in ms)


def test_the_country_is_that_of_the_person_named_last_before_a_nearer_capital(pipeline):
    text = ("The Ivorian ** Tomas Velkoro was once a mediator. "
            "Nobody in Nairobi wants to lecture the country's president about term limits.")
    a = pipeline.analyze_one(Document("t", text, "2024-05-01"))
    holders = [x for x in a.actors for m in x.mentions if (m.rule or "").startswith("mention.office_holder")]
    assert holders and all(x.country == "CIV" for x in holders)


def test_an_office_named_by_its_first_word_is_the_person_named_last_before(pipeline):
    got = mentions(pipeline, "In Velkograd the real strongman is Tomas Velkoro. The army chief was promoted to marshal.")
    assert ("army chief", "mention.office_holder_compound") in got["Tomas Velkoro"]
    got = mentions(pipeline, "The army chief was promoted to marshal.")  # nobody named before
    assert all(rule != "mention.office_holder_compound" for ms in got.values() for _, rule in ms)
