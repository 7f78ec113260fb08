"""The actor stage decides by named rules: every mention names its rule, rules can be switched off,
competitions rank as their base confidences say, and the stage leaves the normalize stage's records alone."""
from __future__ import annotations

from datetime import date

from diplograph.actors import owners, people
from diplograph.actors.decide import ranked_names
from diplograph.actors.resolve import resolve_mentions
from diplograph.records import Document
from diplograph.rules import REGISTRY
from diplograph.text.normalize import normalize

TEXT = ("Moldovan President Oskar Valbrenn met the former Georgian leader Mirek Dostal in Tbilisi. "
        "The Moldovan ** Valbrenn later said the old man still had influence, and Lao Va agreed with him. "
        "Police fired tear gas at protesters. The Northern Unity Front (NUF) denied it.")


def test_every_mention_names_a_registered_actor_rule(pipeline):
    a = pipeline.analyze_one(Document("p", TEXT, "2022-05-01"))
    rules = {m.rule for x in a.actors for m in x.mentions}
    assert None not in rules and rules
    for name in rules:
        assert REGISTRY[name].stage == "actors", name
    assert {"mention.coref_pronoun", "mention.acronym_defined", "mention.nickname_honorific"} <= rules


def test_redaction_restored_without_touching_the_normalized_text(pipeline):
    norm = normalize(TEXT)
    r = resolve_mentions(pipeline.nlp(norm.text), norm, pipeline.kb, date(2022, 5, 1))
    assert [x.restored for x in norm.redactions] == [None]  # the normalize stage's record is its own
    assert list(r.restored.values()) == ["President"]
    a = pipeline.analyze_one(Document("p", TEXT, "2022-05-01"))
    assert [x.restored for x in a.redactions] == ["President"]


def test_a_rule_switched_off_proposes_nothing(pipeline, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_RULES_OFF", "mention.nickname_honorific,owner.*")
    a = pipeline.analyze_one(Document("p", TEXT, "2022-05-01"))
    rules = {m.rule for x in a.actors for m in x.mentions}
    assert "mention.nickname_honorific" not in rules and not any(r.startswith("owner.") for r in rules)
    assert "mention.sector_noun" in rules  # police with no owner rule left: a plain sector noun


def test_competitions_rank_by_base_confidence():
    assert ranked_names(owners.OWNER_RULES) == [owners.MODIFIER, owners.DESCRIPTOR, owners.POSSESSOR, owners.IGO,
                                                owners.EVENT_PLACE, owners.SOLE_STATE, owners.CLAUSE_LOCATION, owners.DOMINANT_STATE]
    assert ranked_names(people.FULL_NAME_RULES)[0] == people.PERSON_KB
    assert ranked_names(people.SINGLE_NAME_RULES)[-1] == people.PERSON_NEW
