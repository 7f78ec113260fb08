"""PLOVER's lines between FIGHT, ASSAULT, COERCE and PROTEST from the parties, and no event where
no political act happens between actors. Sentences written for these tests."""
from __future__ import annotations

import pytest

from diplograph.events.typerule import political
from diplograph.events.violence import armed
from diplograph.records import Actor, Document


@pytest.fixture(scope="module")
def pipe():
    from diplograph.pipeline import Pipeline

    return Pipeline()


def roots(pipe, text: str) -> list[str]:
    a = pipe.analyze_one(Document("t", text, date="2021-03-01"))
    return [e.cameo_root for e in sorted(a.events, key=lambda e: -e.confidence)]


@pytest.mark.parametrize("actor, expected", [
    (Actor("a", "Norway", "state", "NOR", "NOR"), True),
    (Actor("b", "NOR police", "sector", "NORCOP", "NOR"), True),
    (Actor("c", "villagers", "sector", "CVL", None), False),
    (Actor("d", "NOR doctors", "sector", "NORHLH", "NOR"), False),
    (Actor("e", "Some Front", "group", None, None), None),
])
def test_armed_parties_by_their_codes(actor, expected):
    assert armed(actor) is expected


@pytest.mark.parametrize("actor, expected", [
    (Actor("a", "Chile", "state", "CHL", "CHL"), True),
    (Actor("b", "CHL ministry", "sector", "CHLGOV", "CHL"), True),
    (Actor("c", "Tarlow Holdings", "group", None, None), False),
    (Actor("d", "CHL business", "sector", "CHLBUS", "CHL"), False),
    (Actor("e", "a multinational", "group", "MNCUSA", None), False),
    (Actor("f", "Elsa Varga", "person", None, None), False),
])
def test_political_actors(actor, expected):
    assert political(actor) is expected


def test_one_sided_violence_is_assault(pipe):
    got = roots(pipe, "Gunmen shot dead five villagers in northern Nigeria on Sunday.")
    assert got and got[0] in ("18", "20")


def test_force_of_police_on_protesters_is_repression(pipe):
    got = roots(pipe, "Kenyan police beat protesters in Nairobi with batons on Tuesday.")
    assert got and got[0] == "17"


@pytest.mark.parametrize("text", [
    "Tarlow Holdings said it agreed to buy Brenner Tools Inc for 40 mln dlrs in cash.",
    "Quarterly net profit of Harlan Mills rose 12 pct to 4.5 mln dlrs on higher sales.",
    "Wheat futures fell sharply in Chicago on Monday as export demand weakened.",
])
def test_no_event_without_a_political_act(pipe, text):
    assert roots(pipe, text) == []


def test_political_acts_keep_their_events(pipe):
    assert roots(pipe, "Chile's foreign minister met his Peruvian counterpart in Lima on Monday.")[:1] == ["04"]
    assert roots(pipe, "Chile condemned Peru's decision to close the border.")[:1] == ["11"]


def test_taking_an_office_is_no_event_but_seizing_or_taking_territory_is(pipeline):
    """Entering an office (took office, assumed power, took the oath, managed to take power) is a change
    of office, not an act between actors; taking a town or a prisoner stays an act (made-up names)."""
    quiet = ["Ilse Vandermeer took office as prime minister of Belgium in March.",
             "Colonel Tomas Ardeni assumed power in Paraguay after the vote.",
             "Chancellor Jorun Halvik, who managed to take power in Norway last year, was re-elected."]
    for text in quiet:
        assert [e.cameo for e in pipeline.analyze_one(Document("d", text, "2024-05-01")).events] == [], text
    acts = pipeline.analyze_one(Document("d", "Belgium took Dutch soldiers prisoner near the border.", "2024-05-01"))
    assert acts.events and all(e.rules.get("event") != "event.office_taking" for e in acts.events)
