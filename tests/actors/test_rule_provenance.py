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


def test_remembered_switches_follow_the_environment_from_the_next_document(monkeypatch):
    from diplograph.actors.decide import refresh, switched_on

    monkeypatch.setenv("DIPLOGRAPH_RULES_OFF", "owner.*")
    refresh()
    assert not switched_on(owners.MODIFIER) and switched_on(people.PERSON_KB)
    monkeypatch.setenv("DIPLOGRAPH_RULES_OFF", "mention.person_kb")
    refresh()  # a new document: the remembered answers are forgotten
    assert switched_on(owners.MODIFIER) and not switched_on(people.PERSON_KB)
    monkeypatch.delenv("DIPLOGRAPH_RULES_OFF")
    refresh()
    assert switched_on(owners.MODIFIER) and switched_on(people.PERSON_KB)


def test_a_stem_phrase_matches_by_prefix_and_other_paths_skip_the_search():
    from diplograph.actors.dictionaries import AgentEntry
    from diplograph.actors.kb import KnowledgeBase

    kb = KnowledgeBase()
    kb.add_agents([AgentEntry("RURAL_MINIST", "~GOV"), AgentEntry("RURAL_POLICE_", "~COP")])
    assert kb.longest_match(["RURAL", "MINISTRY", "SAID"], 0)[0] == 2
    assert kb.longest_match(["RURAL", "POLICEMEN"], 0) is None  # POLICE_ is no stem: whole words only
    assert kb.stem_paths() == frozenset({("RURAL",)})
    assert kb.longest_match(["HILL", "GUARDSMEN"], 0) is None
    kb.add_agents([AgentEntry("HILL_GUARD", "~MIL")])  # a dictionary added later: its stems count too
    assert kb.longest_match(["HILL", "GUARDSMEN"], 0)[0] == 2
