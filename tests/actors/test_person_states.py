"""The state of a person the tables do not know (issue 15, the eighth stop's leftovers): the one state their
sentence names, the state the text is about for a hidden title, the state before a compound title's first word,
a dictionary person's possessive; a state-only code takes the sector a later role gives. Made-up names."""
from __future__ import annotations

import pytest

from diplograph.records import Document


def _codes(pipeline, text: str, mention: str, when: str = "2024-05-01") -> list[str | None]:
    a = pipeline.analyze_one(Document("t", text, when))
    s = text.index(mention)
    e = s + len(mention)
    return [x.code for x in a.actors for m in x.mentions if min(e, m.end) - max(s, m.start) > 0 and x.type == "person"]


@pytest.mark.parametrize("text,mention,code", [
    ("John Mbeluke spoke to reporters in Nairobi.", "John Mbeluke", "KEN"),
    ("Voters in Hungary now favour the party of Peter Szalontai.", "Peter Szalontai", "HUN"),
])
def test_a_new_person_takes_the_one_state_of_their_sentence(pipeline, text, mention, code):
    assert code in _codes(pipeline, text, mention)


@pytest.mark.parametrize("text,mention", [
    ("Peter Szalontai met Polish and Czech envoys.", "Peter Szalontai"),   # two states: nobody's
    ("John Mbeluke spoke to reporters.", "John Mbeluke"),                   # none
    ("Voters in Europe now favour the party of Peter Szalontai.", "Peter Szalontai"),  # a region is no state
])
def test_no_state_when_the_sentence_names_none_or_several(pipeline, text, mention):
    assert _codes(pipeline, text, mention) == [None]


def test_a_hidden_title_is_an_office_of_the_state_the_text_is_about(pipeline):
    text = "Zambia signed the loan in May. Finance ** Chanda Mwelwa said the terms were fair."
    assert [c for c in _codes(pipeline, text, "Chanda Mwelwa") if (c or "").startswith("ZMB")]


def test_the_state_before_a_compound_titles_first_word(pipeline):
    text = "The Turkish foreign ** Hakan Ferdal said no, and Damascus and the Syrian Kurds read every step."
    assert [c for c in _codes(pipeline, text, "Hakan Ferdal") if (c or "").startswith("TUR")]


def test_a_later_role_adds_its_sector_to_a_state_only_code(pipeline):
    text = ("Zambia signed the loan in May. Officials said ** Chanda Mwelwa had approved it. Army commander "
            "Chanda Mwelwa did not comment.")
    assert [c for c in _codes(pipeline, text, "Chanda Mwelwa") if c == "ZMBMIL"]
