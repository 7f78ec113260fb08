"""Acts reported as happening (``event.nominal_occurrence``) and acts with no side named (the located sources):
sentences written for these tests."""
from __future__ import annotations

from diplograph.records import Document


def _events(pipeline, text: str):
    return pipeline.analyze_one(Document("t", text, date="2021-03-01")).events


def test_a_hyphenated_event_noun_is_read_whole(pipeline):
    evs = _events(pipeline, "On 2 March 2021, a shoot-out took place near Mandera.")
    assert [e.cameo_root for e in evs] == ["19"]
    assert evs[0].source is not None and evs[0].source.code == "KENUAF"


def test_a_named_doer_the_coder_cannot_place_gets_no_unidentified_source(pipeline):
    evs = _events(pipeline, "On 2 March 2021, two Saudi-led air raids were reported near Saada.")
    assert not any(e.source is not None and e.source.code.endswith("UAF") for e in evs)


def test_the_phrases_hung_on_the_reporting_verb_are_the_clashes_parties(pipeline):
    evs = _events(pipeline, "On 2 March 2021, clashes erupted between Kenyan police and Somali militiamen near "
                            "Mandera.")
    pairs = {(e.source.code[:3], e.target.code[:3]) for e in evs if e.source is not None and e.target is not None}
    assert ("KEN", "SOM") in pairs and ("SOM", "KEN") in pairs
