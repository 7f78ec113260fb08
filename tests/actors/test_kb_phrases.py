"""Shipped dictionary phrases with a bracketed part: ``NAME_(ACRONYM)_``."""
from __future__ import annotations

import pytest

from diplograph.actors.dictionaries import ActorEntry, CodeRule
from diplograph.actors.kb import KnowledgeBase, phrase_key
from diplograph.records import Document


def kb_with(phrase: str, user: bool = False) -> KnowledgeBase:
    kb = KnowledgeBase()
    kb.add_actors([ActorEntry(phrase, [phrase], [CodeRule("FRDREB")], "Phoenix.MilNonState.actors.txt")], user=user)
    return kb


def match(kb: KnowledgeBase, text: str):
    words = list(phrase_key(text.replace(" ", "_")))
    m = kb.longest_match(words, 0)
    return m if m is None or m[0] == len(words) else None


def test_name_without_the_bracket_and_a_fitting_acronym():
    kb = kb_with("SOUTHERN_ISLANDS_LIBERATION_FRONT_(SILF)_")
    assert match(kb, "Southern Islands Liberation Front")[1].entry.rules[0].code == "FRDREB"
    acronym = match(kb, "SILF")[1]
    assert acronym.upper_only and acronym.entry.rules[0].code == "FRDREB"


def test_bracket_that_is_no_acronym_of_the_name_is_not_read_alone():
    kb = kb_with("PEOPLES_ARMY_(GREECE)_")
    assert match(kb, "Peoples Army") is not None
    assert match(kb, "Greece") is None


def test_user_dictionaries_are_read_as_written():
    kb = kb_with("SOUTHERN_ISLANDS_LIBERATION_FRONT_(SILF)_", user=True)
    assert match(kb, "Southern Islands Liberation Front") is None and match(kb, "SILF") is None


def test_acronym_only_in_capitals(pipeline):
    # Phoenix: LIBERATION_TIGERS_OF_TAMIL_EELAM_(LTTE)_ [LKAREB]
    caps = pipeline.analyze_one(Document("a", "LTTE fighters attacked an army camp.", "2001-01-01"))
    assert any(x.code == "LKAREB" for x in caps.actors), [(x.name, x.code) for x in caps.actors]
    name = pipeline.analyze_one(Document("b", "The Liberation Tigers of Tamil Eelam rejected the offer.", "2001-01-01"))
    assert [x.code for x in name.actors] == ["LKAREB"]


def test_hyphenated_phrases_match_spacy_tokens():
    from diplograph.actors.kb import hyphen_split

    assert hyphen_split(("GUINEA-BISSAU",)) == ("GUINEA", "-", "BISSAU")
    assert hyphen_split(("ANTI-",)) == ("ANTI-",)  # a trailing hyphen is no infix
    kb = kb_with("ISLAMIC_FRONT_OF_NOVA-RUSSA_")
    words = ["ISLAMIC", "FRONT", "OF", "NOVA", "-", "RUSSA"]
    assert kb.longest_match(words, 0)[0] == len(words)


def test_hyphen_in_text_for_a_space_in_the_dictionary():
    kb = kb_with("GRAND_FENWICK_")
    assert kb.longest_match(["GRAND", "-", "FENWICK", "SAID"], 0)[0] == 3


@pytest.mark.parametrize("text, code", [("Guinea-Bissau condemned the attack.", "GNB"),
                                        ("The Non-Aligned Movement condemned the attack.", "IGONON")])
def test_hyphenated_names_in_text(pipeline, text, code):
    a = pipeline.analyze_one(Document("h", text, "2005-01-01"))
    assert [x.code for x in a.actors] == [code]
