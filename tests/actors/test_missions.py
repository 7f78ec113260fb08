"""Missions of one host state (``actors/missions.py``, ``source.mission_host``): violence a mission saw
happened in its host state while it was deployed. Sentences and villages made up for these tests."""
from __future__ import annotations

from diplograph.actors.missions import mission_state
from diplograph.records import Document
from diplograph.rules import REGISTRY


def test_a_named_mission_gives_its_host_state_while_deployed():
    assert mission_state("Patrols of MINUSCA heard gunfire near Tembavo.", "2021-06-02") == "CAF"
    assert mission_state("The OSCE SMM recorded shelling.", "2019-01-10") == "UKR"
    # before the mandate and after it: no state
    assert mission_state("The OSCE SMM recorded shelling.", "2023-01-10") is None
    assert mission_state("UNAMID observed clashes.", "2021-06-02") is None


def test_no_mission_or_two_host_states_give_nothing():
    assert mission_state("UN observers recorded shelling near Tarvola.", "2021-06-02") is None
    assert mission_state("MONUSCO and UNMISS staff reported shots.", "2021-06-02") is None
    # only the written form: a lower-cased word is no acronym of a mission
    assert mission_state("the minusca of the text", "2021-06-02") is None


def _sources(pipeline, text: str, day: str = "2021-03-01") -> list[tuple[str | None, str | None]]:
    a = pipeline.analyze_one(Document("t", text, date=day))
    return [(e.source.code if e.source else None, (e.rules or {}).get("source")) for e in a.events]


def test_shots_a_mission_saw_near_an_unknown_village_are_of_its_host_state(pipeline):
    got = _sources(pipeline, "On 3 March 2021 the OSCE SMM observed roughly 30 blasts and shots close to Zarvelka.")
    assert ("UKRUAF", "source.mission_host") in got
    got = _sources(pipeline, "MINUSCA patrols heard some 25 explosions and shots fired around Zarvelka on 3 March 2021.")
    assert ("CAFUAF", "source.mission_host") in got
    # observers of no known mission: the doer stays unnamed
    got = _sources(pipeline, "UN observers recorded about 30 explosions and gunshots in the vicinity of Zarvelka on 3 March 2021.")
    assert got and all(s is None for s, _ in got)
    # the mission's mandate had ended: no state
    got = _sources(pipeline, "On 3 March 2023 the OSCE SMM observed roughly 30 blasts and shots close to Zarvelka.",
                   "2023-03-04")
    assert got and all(s is None for s, _ in got)


def test_a_known_place_says_where_before_the_mission(pipeline):
    # a place the gazetteer knows decides; the mission is read only when no place is known
    got = _sources(pipeline, "On 3 March 2021 the OSCE SMM observed roughly 30 blasts and shots close to Goma town.")
    assert ("CODUAF", "source.unidentified_located") in got


def test_the_rule_switched_off_names_no_doer(pipeline, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_RULES_OFF", "source.mission_host")
    assert not REGISTRY.enabled("source.mission_host")
    got = _sources(pipeline, "On 3 March 2021 the OSCE SMM observed roughly 30 blasts and shots close to Zarvelka.")
    assert got and all(s is None for s, _ in got)
