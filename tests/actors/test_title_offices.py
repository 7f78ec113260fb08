"""More candidate titles for a censored title (issue 15): the redaction's slot, what the text says the person
leads or is, an organisation's name before it, a region's style, the tables' other and past offices.

Made-up people, parties and places, except where a rule reads the leader tables by a person's name (a public
person no alias article names)."""
from __future__ import annotations

from collections import Counter

import pytest

from diplograph.actors import redactions, title_choice  # noqa: F401  (registers the title rules)
from diplograph.actors.title_offices import organisation_heads, party_head_titles, text_features
from diplograph.records import Document


def candidates(pipeline, text: str, on: str = "2024-05-01") -> list[dict[str, list[str]]]:
    """Per redaction: candidate title (lower case) → the rules that proposed it."""
    title_choice.TRACE = []
    try:
        pipeline.analyze_one(Document("t", text, on))
        trace = sorted(title_choice.TRACE, key=lambda t: t["where"])
    finally:
        title_choice.TRACE = None
    return [{title.lower(): sorted(k[3:] for k in f if k.startswith("by:")) for title, f in t["candidates"]}
            for t in trace]


def test_the_person_given_the_office_is_found_through_the_redactions_slot(pipeline):
    # the redaction stands apart from the name: a naming verb's complement, ``as **``
    got = candidates(pipeline, "The council met on Monday. Ollanta Humala, whom the council named ** last "
                               "month, spoke about the budget.", "2013-05-01")
    assert "president" in got[0] and "kb_office" in got[0]["president"]
    got = candidates(pipeline, "The appointment of Ollanta Humala as ** was read as a signal.", "2013-05-01")
    assert "president" in got[0]


def test_what_the_text_says_the_person_leads_proposes_that_organisations_head(pipeline):
    got = candidates(pipeline, "The valley is the domain of ** Tomas Brenner, the head of the Velkan farmers' "
                               "confederation, who called a strike.")
    assert "leads" in got[0].get("president", []) and "leads" in got[0].get("leader", [])
    got = candidates(pipeline, "His cabinet is headed by ** Tomas Brenner, a lawyer from the north.")
    assert "leads" in got[0].get("prime minister", [])


def test_a_name_no_table_knows_before_the_redaction_is_a_partys(pipeline):
    got = candidates(pipeline, "Karel Vostrik, the Zandrovi ** and a candidate, ran his campaign from a cell.")
    assert "named_organisation" in got[0].get("leader", [])
    got = candidates(pipeline, "Across the aisle, Labour ** Tomas Brenner has steadied his party.")
    assert "named_organisation" in got[0].get("leader", [])


def test_a_later_description_of_the_person_proposes_its_office(pipeline):
    got = candidates(pipeline, "Tomas Brenner, whom the junta named ** this summer, is a banker. The new premier "
                               "is a former banker.")
    assert "described" in got[0].get("premier", [])


def test_the_tables_past_offices_are_candidates_too(pipeline):
    got = candidates(pipeline, "On Monday ** Ollanta Humala spoke to farmers in Cusco.", "2019-05-01")
    assert any("kb_any" in rules or "kb_identity" in rules for t, rules in got[0].items() if t == "president")


@pytest.mark.parametrize("word", ["party", "confederation", "cabinet", "court", "army"])
def test_every_organisation_noun_has_a_head_title(word):
    assert organisation_heads()[word]


def test_how_often_the_document_writes_the_title_word_is_a_feature():
    words = Counter({"the": 9, "presidency": 1, "president": 2, "budget": 1, "leader": 1})
    got = text_features(["President", "governor", "leader"], words)
    assert [f["in_text"] for f in got] == [1.0, 0.0, 1.0]
    assert [f["text_most"] for f in got] == [1.0, 0.0, 0.0]
    assert got[0]["text_count"] > got[2]["text_count"] > got[1]["text_count"] == 0.0


def test_a_party_next_to_the_redaction_proposes_what_the_states_party_heads_are_called(pipeline):
    got = candidates(pipeline, "In Dar es Salaam, Tanzania's ruling party's ** Tomas Brenner spoke on Monday.")
    assert "party_head" in got[0].get("chairman", [])
    assert party_head_titles()["GBR"][0] == "leader"
