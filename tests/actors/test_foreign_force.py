"""A foreign force's nationality is no owner of what it strikes (``owner.sole_state``); the parties it strikes
take the state where the event happens (``target.event_location`` through ``locate_by_events``). Sentences
written for these tests, with villages of their own."""
from __future__ import annotations

from diplograph.records import Document


def _actors(pipeline, text: str):
    a = pipeline.analyze_one(Document("t", text, date="2021-05-07"))
    return a, {x.name: x for x in a.actors}


def test_the_positions_a_foreign_force_shells_are_not_its_states(pipeline):
    _, by_name = _actors(pipeline, "On 7 May 2021, Turkish forces shelled regime positions near Zarkun.")
    regime = [x for x in by_name.values() if x.code and x.code.endswith("GOV")]
    assert regime and all(x.country != "TUR" for x in regime)


def test_the_police_of_a_domestic_sentence_still_take_its_state(pipeline):
    _, by_name = _actors(pipeline, "On 7 May 2021, riot police fired tear gas at Kenyan traders who blocked a market road.")
    assert any(x.code == "KENCOP" for x in by_name.values())


def test_villages_a_foreign_force_shells_are_where_the_event_happens(pipeline):
    a, by_name = _actors(pipeline, "On 7 May 2021, Saudi forces fired shells at farming villages east of "
                                   "Zarkun district (Sadah).")
    ids = {x.id: x for x in a.actors}
    targets = [ids[e.target.actor] for e in a.events if e.target is not None and e.target.actor]
    assert targets and all(x.country == "YEM" for x in targets)
