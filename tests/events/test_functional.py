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


def test_codes_outside_cameo_pass_through_with_one_warning(tmp_path):
    """A user's own ontology: its codes are kept as given, without Goldstein, quad class or
    PLOVER type; one warning lists them; an unreadable line is skipped with its line number."""
    from diplograph.pipeline import Options, Pipeline
    from diplograph.records import Document, Event

    verbs = tmp_path / "verbs.txt"
    verbs.write_text("---  DETAIN   [212]  ---\nDETAIN {DETAINS DETAINED DETAINING}\n"
                     "- * {ON SIGHT}  [###]  # a code with hashes is a code, not a comment\n"
                     "---  SCOLD   [X12:Y12]  ---\nSCOLD {SCOLDS SCOLDED SCOLDING}\n"
                     "- SCOLDED missing its star [111]\n"
                     "---  PRAISE   [051]  ---\nPRAISE {PRAISES PRAISED PRAISING}\n")
    pipe = Pipeline(Options(actor_files=[HERE / "actors.txt"], agent_files=[HERE / "agents.txt"],
                            verb_files=[verbs]))
    notes = [p for p in pipe.problems if "outside CAMEO" in p]
    assert len(notes) == 1 and all(c in notes[0] for c in ("212", "###", "X12", "Y12"))
    assert any(":6:" in p and "without *" in p for p in pipe.problems)  # the bad line, by number
    a = pipe.analyze_one(Document("u", "Arnor detained Gondor. Gondor praised Arnor.", date="2005-06-01"))
    by_code = {e.cameo: e for e in a.events}
    assert set(by_code) == {"212", "051"}
    odd = by_code["212"]
    assert (odd.goldstein, odd.quad_class, odd.plover) == (None, None, None)
    assert by_code["051"].goldstein is not None and by_code["051"].quad_class == 1
    back = Event.from_dict(json.loads(odd.to_json()))
    assert back.goldstein is None and back.quad_class is None and back.cameo == "212"
