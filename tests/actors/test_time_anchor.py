"""``then`` dates an office to the time the text speaks of: no former role, no claim about today (issue 15, the
eighth stop's leftovers); a known sobriquet binds by its bearer's state only near the phrase. Made-up names."""
from __future__ import annotations

import pytest

from diplograph.records import Document


def _codes(pipeline, text: str, mention: str, when: str = "2024-05-01") -> list[str | None]:
    a = pipeline.analyze_one(Document("t", text, when))
    s = text.index(mention)
    e = s + len(mention)
    return [x.code for x in a.actors for m in x.mentions if min(e, m.end) - max(s, m.start) > 0]


@pytest.mark.parametrize("text", [
    "The then Moldovan president Ivo Karlan signed the treaty.",
    "The then-Moldovan president Ivo Karlan signed the treaty.",
])
def test_the_then_president_is_not_made_former(pipeline, text):
    assert "MDAGOV" in _codes(pipeline, text, "Ivo Karlan")


def test_former_still_makes_a_former_role(pipeline):
    assert "MDAELI" in _codes(pipeline, "The former Moldovan president Ivo Karlan signed the treaty.", "Ivo Karlan")


def test_then_as_an_adverb_is_no_qualifier(pipeline):
    text = "The talks failed. Then Moldovan President Ivo Karlan left the room."
    assert "MDAGOV" in _codes(pipeline, text, "Ivo Karlan")


def _bound(pipeline, text: str, word: str) -> list[str]:
    a = pipeline.analyze_one(Document("t", text, "2024-05-01"))
    return [x.name for x in a.actors for m in x.mentions if m.text == word and m.rule == "mention.known_sobriquet"]


def test_a_sobriquet_binds_where_its_state_is_in_the_sentence_or_the_one_before(pipeline):
    text = ("Philippine exports rose in March. Digong's successor will inherit the surplus. "
            "Farmers in Vietnam were pleased.")
    assert _bound(pipeline, text, "Digong")


def test_a_sobriquet_far_from_its_state_binds_no_one(pipeline):
    # the bearer's state is named only in another part of the document: the word has another sense here
    text = ("Philippine exports rose in March. Farmers in Vietnam were pleased. Prices fell in Laos. "
            "In Hanoi, the singer Digong performed for the farmers.")
    assert not _bound(pipeline, text, "Digong")
