"""A PETRARCH-style functional suite: fictional actors, our own tiny dictionaries passed as
``--actors/--agents/--verbs``, and the exact set of (source, target, code) triples per sentence."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "petr"
RECORDS = [json.loads(l) for l in (HERE / "records.jsonl").read_text().splitlines() if l.strip()]


@pytest.fixture(scope="module")
def petr_pipeline():
    from diplograph.pipeline import Options, Pipeline

    return Pipeline(Options(actor_files=[HERE / "actors.txt"], agent_files=[HERE / "agents.txt"],
                            verb_files=[HERE / "verbs.txt"]))


def triples(analysis) -> set[tuple[str, str, str]]:
    return {((e.source.code if e.source else None) or "-", (e.target.code if e.target else None) or "-", e.cameo)
            for e in analysis.events}


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_exact_triples(petr_pipeline, record):
    from diplograph.records import Document

    analysis = petr_pipeline.analyze_one(Document(record["id"], record["text"], date=record["date"]))
    assert triples(analysis) == {tuple(t) for t in record["expect"]}, record["text"]


def test_user_verbs_replace_the_default(petr_pipeline):
    # "bombed" is in the shipped CAMEO dictionary but not in ours: nothing is coded
    from diplograph.records import Document

    analysis = petr_pipeline.analyze_one(Document("x", "Arnor bombed Gondor.", date="2005-06-01"))
    assert analysis.events == []


def test_user_verbs_extend_the_default_when_asked(tmp_path):
    from diplograph.pipeline import _load_verbs

    mine = tmp_path / "mine.txt"
    mine.write_text("---  ZAP   [195]  ---\nZAP {ZAPS ZAPPED ZAPPING}\n---  ATTACK   [180]  ---\nATTACK\n")
    vd = _load_verbs([mine, Path("default")])
    assert vd.entries_for("ZAPPED")[0].code == "195"
    assert vd.entries_for("ATTACK")[0].code == "180"  # the user's entry comes first and wins
    assert len(vd.entries_for("BOMB")) > 0  # the shipped dictionary is still there
    assert _load_verbs([mine]).entries_for("BOMB") == []
