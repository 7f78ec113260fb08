"""End to end on the seed article: concrete records, offsets that slice the input exactly."""
from __future__ import annotations

from datetime import date

import pytest

from diplograph.pipeline import Options, Pipeline
from diplograph.records import Document, DocumentAnalysis

from .conftest import SEED


@pytest.fixture(scope="module")
def seed() -> tuple[str, DocumentAnalysis]:
    text = SEED.read_text(encoding="utf-8")
    return text, Pipeline(Options(date=date(2023, 11, 24))).analyze_one(Document("seed", text))


def test_actors_named(seed):
    _, a = seed
    names = {x.name for x in a.actors}
    assert "Nursultan Nazarbayev" in names and "Kasymzhomart Tokayev" in names and "Vladimir Putin" in names
    codes = {x.code for x in a.actors}
    assert {"RUS", "KAZ", "UKR"} <= codes


def test_putin_nazarbayev_consultation(seed):
    _, a = seed
    found = [e for e in a.events if e.source and e.target and e.cameo_root == "04"
             and {e.source.actor, e.target.actor} == {"vladimir-putin", "nursultan-nazarbayev"}]
    assert found, "a CAMEO 04 event between Putin and Nazarbayev"
    assert any(e.modality == "asserted" for e in found)


def test_every_offset_slices_the_original(seed):
    text, a = seed
    for actor in a.actors:
        for m in actor.mentions:
            assert text[m.start:m.end] == m.text
    for e in a.events:
        assert text[e.evidence.start:e.evidence.end] == e.evidence.text
        assert e.trigger in e.evidence.text
    for r in a.redactions:
        assert text[r.start:r.end] == r.text
    assert len(a.redactions) == 2


def test_contract_fields(seed):
    _, a = seed
    d = a.to_dict()
    assert set(d) == {"doc_id", "date", "date_source", "actors", "events", "relations", "redactions", "triads",
                      "warnings"}
    ev = d["events"][0]
    assert {"id", "source", "target", "cameo", "cameo_root", "plover", "plover_mode", "goldstein",
            "quad_class", "modality", "attribution", "date", "trigger", "evidence", "confidence"} <= set(ev)
    assert DocumentAnalysis.from_dict(d).to_dict() == d
    assert a.date == "2023-11-24" and a.date_source == "option"


def test_speculation_is_not_asserted(seed):
    _, a = seed
    oust = [e for e in a.events if e.trigger == "oust"]
    assert oust and all(e.modality != "asserted" for e in oust)
