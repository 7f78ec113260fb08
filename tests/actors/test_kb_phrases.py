"""Shipped dictionary phrases with a bracketed part: ``NAME_(ACRONYM)_``."""
from __future__ import annotations

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
