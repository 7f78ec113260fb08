"""The learned event-type model and the scorer that combines it with the dictionary coder.

Sentences are written for these tests, with made-up names."""
from __future__ import annotations

import numpy as np
import pytest

from diplograph.events.typemodel import NONE, TypeModel, load_type_model, read_model, sentence_features
from diplograph.events.typescore import OFF, ScorerParams, SentenceView, decide


@pytest.fixture(scope="module")
def model() -> TypeModel:
    m = load_type_model()
    assert m is not None, "the shipped model data/models/event_type.* is missing"
    return m


def first_sentence(nlp, text: str):
    return next(iter(nlp(text).sents))


def test_features_read_the_parse(nlp):
    f = sentence_features(first_sentence(nlp, "Troops of Velmaria did not attack the village of Oskar."))
    assert "neg|attack" in f
    assert "v=attack|obj=village" in f
    assert "l=troop" in f
    assert f == sorted(set(f))


def test_names_generalise_as_entity_types(nlp):
    f = sentence_features(first_sentence(nlp, "Velmaria condemned Borland on Monday."))
    assert not [x for x in f if "velmaria" in x.lower() or "borland" in x.lower()]
    assert any(x.startswith("s=#") and x.endswith("|v=condemn") for x in f)


def test_features_are_read_once_per_sentence_and_each_document_gets_its_own(nlp):
    first = nlp("Velmaria condemned Borland on Monday. Borland recalled its envoy from Velmaria.")
    a, b = list(first.sents)
    got = sentence_features(a)
    got.append("mutated by a caller")  # a caller's list is its own: the memo stays as read
    assert sentence_features(a) == sorted(set(sentence_features(a))) and "mutated by a caller" not in sentence_features(a)
    assert "v=recall|obj=envoy" in sentence_features(b) and "v=recall|obj=envoy" not in sentence_features(a)
    other = nlp("Troops of Velmaria did not attack the village of Oskar.")
    assert "neg|attack" in sentence_features(next(iter(other.sents)))
    # back to the first document: its sentences are read again, with the same result
    assert "v=recall|obj=envoy" in sentence_features(b)


def test_a_sentence_is_scored_once_per_model_and_each_caller_gets_its_own_dict(nlp, model, monkeypatch):
    doc = nlp("Velmaria condemned Borland on Monday. Borland recalled its envoy from Velmaria.")
    a, b = list(doc.sents)
    calls = []
    scores = TypeModel.scores
    monkeypatch.setattr(TypeModel, "scores", lambda self, f: calls.append(1) or scores(self, f))
    first = model.sentence(a)
    assert first == model.proba(sentence_features(a))  # the same numbers as scoring the features
    first["mutated by a caller"] = 1.0
    again = model.sentence(a)
    assert "mutated by a caller" not in again and again == model.proba(sentence_features(a))
    assert len(calls) == 3  # the memo: two direct probas and one sentence score
    assert model.sentence(b) != again and len(calls) == 4
    other = TypeModel(model.classes, model.vocabulary, model.coef * 0, model.intercept, model.meta)
    flat = other.sentence(a)  # another model scores the sentence itself
    assert len(calls) == 5 and max(flat.values()) == pytest.approx(max(other.proba([]).values()), rel=1e-5)


def test_shipped_model_is_small_and_names_its_sources(model):
    assert len(model.classes) == model.coef.shape[1] == len(model.intercept)
    assert model.coef.shape[0] == len(model.vocabulary)
    assert NONE in model.classes and "19" in model.classes and "20" not in model.classes
    assert model.meta.get("sources") and model.meta.get("thresholds")


@pytest.mark.parametrize("text, expected", [
    ("Rebels of the Marun Front clashed with government troops near Oskarsville on Tuesday.", "19"),
    ("Thousands of nurses marched through Tarvik demanding higher wages.", "14"),
    ("Net profit of Wendal Holdings rose 12 pct to 4.5 mln dlrs in the first quarter.", NONE),
])
def test_model_reads_kinds_of_act(model, nlp, text, expected):
    p = model.sentence(first_sentence(nlp, text))
    assert abs(sum(p.values()) - 1.0) < 1e-4
    assert max(p, key=p.get) == expected


def test_round_trip(tmp_path, model):
    small = TypeModel(["03", NONE], {"l=sign": 0, "l=profit": 1},
                      np.array([[2.0, -1.0], [-1.0, 2.0]], dtype=np.float32), np.zeros(2, dtype=np.float32),
                      {"thresholds": {"none": 0.7}})
    small.save(tmp_path / "m")
    back = read_model(tmp_path / "m")
    assert back.classes == ["03", NONE] and back.vocabulary == small.vocabulary
    assert back.proba(["l=sign"])["03"] > 0.9
    assert back.proba([])["03"] == pytest.approx(0.5)
    assert back.threshold("none", 0.5) == 0.7


def view(cands, proba, proposal=1):
    return SentenceView(cands, proba, proposal)


def test_coder_alone_takes_its_most_confident_candidate():
    v = view([("04", 0.6, 2, 1), ("20", 0.8, 2, 1)], {})
    assert decide(v, None) == "18"  # 20 is ASSAULT like 18
    assert decide(view([], {"19": 0.99}), None) is None


def test_model_reranks_inside_a_clause_retypes_and_drops():
    p = {"04": 0.1, "03": 0.5, NONE: 0.4}
    same = [("04", 0.7, 1, 5), ("03", 0.6, 1, 5)]  # two readings of one clause
    assert decide(view(same, p), ScorerParams()) == "04"  # weight 0: the coder's order
    assert decide(view(same, p), ScorerParams(weight=1.0)) == "03"  # re-ranked
    two = [("04", 0.7, 1, 5), ("03", 0.6, 1, 9)]  # two clauses: the coder's main clause stays first
    assert decide(view(two, p), ScorerParams(weight=1.0)) == "04"
    assert decide(view([("04", 0.7, 1, 5)], p), ScorerParams(retype=0.5)) == "03"  # re-typed
    assert decide(view([("04", 0.7, 1, 5)], p), ScorerParams(retype=0.6)) == "04"
    assert decide(view(two, p), ScorerParams(retype=0.5)) == "03"  # the clause with the model's type is the act
    framing = [("04", 0.7, 1, 5, True), ("03", 0.6, 1, 9, False)]  # the best frames the other act
    assert decide(view(framing, p), ScorerParams(retype=0.5)) == "04"
    assert decide(view([("04", 0.7, 1, 5, True)], p), ScorerParams(retype=0.5)) == "04"
    assert decide(view(same, p), ScorerParams(none=0.4)) is None  # no political act
    assert decide(view([("04", 0.7, 2, 5)], p), ScorerParams(none=0.4)) == "04"  # two political actors stay
    assert decide(view(same, p), ScorerParams(none=OFF)) == "04"


def test_model_proposes_only_with_actors():
    p = {"19": 0.9, NONE: 0.1}
    assert decide(view([], p, proposal=0), ScorerParams(propose=0.8)) == "19"  # violence: any parties
    assert decide(view([], p, proposal=None), ScorerParams(propose=0.8)) is None  # no doer, no object
    assert decide(view([], p), ScorerParams(propose=0.95)) is None
    assert decide(view([], {"04": 0.9}, proposal=0), ScorerParams(propose=0.8)) is None  # no political side


def test_an_event_needs_a_political_side_unless_protest_or_violence():
    p = {"04": 0.5, NONE: 0.1}
    assert decide(view([("04", 0.7, 0, 1)], p), ScorerParams()) is None
    assert decide(view([("04", 0.7, 0, 1), ("04", 0.5, 1, 2)], p), ScorerParams()) == "04"
    assert decide(view([("14", 0.7, 0, 1)], p), ScorerParams()) == "14"
    assert decide(view([("20", 0.7, 0, 1)], p), ScorerParams()) == "18"
