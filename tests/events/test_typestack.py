"""The fitted stacking layer between the dictionary coder and the type model, the market-figure
features it reads, and the headline event of a text.

Sentences are written for these tests, with made-up names; the layer's weights here are made up
too (the shipped ones are fitted by scripts/train_event_type.py), so the tests check the mechanism."""
from __future__ import annotations

import pytest

from diplograph.events.headline import headline
from diplograph.events.typemodel import load_type_model
from diplograph.events.typerule import acts_on_quantity, quantity_share
from diplograph.events.typescore import ScorerParams, SentenceView, decide, decide_sentence
from diplograph.events.typestack import NONE, choose, options
from diplograph.records import Event, Span


def _tok(doc, word):
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize("text, trigger, expected", [
    ("Borduria shipped 40,000 tonnes of barley to Syldavia in May.", "shipped", True),
    ("The Syldavian treasury bought 3.2 mln bags of cocoa from Borduria.", "bought", True),
    ("Borduria condemned Syldavia's decision to close the border.", "condemned", False),
    ("Militia fighters attacked two hamlets near the Vardan border.", "attacked", False),
])
def test_a_trigger_acting_on_a_market_figure(nlp, text, trigger, expected):
    doc = nlp(text)
    assert acts_on_quantity(_tok(doc, trigger)) is expected


def test_quantity_share_counts_measured_amounts_only(nlp):
    figures = next(iter(nlp("Exports rose to 40,000 tonnes, up 12 pct, worth 9 mln dlrs.").sents))
    counts = next(iter(nlp("Three soldiers and two officers met the envoy.").sents))
    assert quantity_share(figures) > 0.2
    assert quantity_share(counts) == 0.0


# made-up weights: trust the model's probability, distrust acts on quantities, a plain "none" option
WEIGHTS = {"coef": {"pm": 4.0, "cc": 1.0, "ctop": 0.5, "qty": -3.0, "N": 0.0, "N_pnone": 4.0, "N_qty": 2.0},
           "intercept": -2.0}


def sv(cands, proba, proposal=None, quantity=0.0):
    return SentenceView(cands, proba, proposal, quantity)


def test_options_cover_the_coder_the_model_and_none():
    v = sv([("19", 0.7, 1, 1, False, True, False, False)], {"18": 0.6, "14": 0.3, "19": 0.05, NONE: 0.05})
    opts = {o.root: o for o in options(v, [0], retype=0.5)}
    assert set(opts) == {"19", "18", NONE}  # the model re-types only to its own first choice
    assert opts["19"].how == "candidate" and opts["18"].how == "retype"
    assert opts["19"].feats["ctop"] == 1.0 and opts["18"].feats["mtop"] == 1.0
    assert set(o.root for o in options(v, [0], retype=0.7)) == {"19", NONE}  # not sure enough to re-type
    pair = sv([("19", 0.7, 2, 1, False, True, False, False)], v.proba)
    assert NONE not in {o.root for o in options(pair, [0])}  # an act between two political actors


def test_the_layer_retypes_when_the_model_outweighs_the_coder():
    v = sv([("19", 0.7, 2, 1, False, True, False, False)], {"18": 0.9, "19": 0.05, NONE: 0.05})
    assert decide(v, ScorerParams(retype=0.5, stacker=WEIGHTS)) == "18"
    d = decide_sentence(v, ScorerParams(retype=0.5, stacker=WEIGHTS))
    assert d.retype == (0, "18") and 0 < d.scores[0] < 1
    assert decide(v, ScorerParams(retype=0.95, stacker=WEIGHTS)) == "19"  # below the fitted bar
    framing = sv([("19", 0.7, 2, 1, True, True, False, False)], v.proba)
    assert decide(framing, ScorerParams(retype=0.5, stacker=WEIGHTS)) == "19"  # the act frames another


def test_the_model_reorders_the_readings_of_one_clause():
    proba = {"03": 0.8, "04": 0.1, NONE: 0.1}
    one_clause = sv([("04", 0.8, 2, 1, False, True, False, False), ("03", 0.5, 2, 1, False, True, False, False)], proba)
    d = decide_sentence(one_clause, ScorerParams(stacker=WEIGHTS))
    assert d.scores[d.keep.index(1)] == max(d.scores) and len(d.keep) == 2  # the other reading stays, below
    two_clauses = sv([("04", 0.8, 2, 1, False, True, False, False), ("03", 0.5, 2, 2, False, True, False, False)],
                     proba)
    d = decide_sentence(two_clauses, ScorerParams(retype=0.9, stacker=WEIGHTS))
    assert d.scores[d.keep.index(0)] == max(d.scores) and d.retype is None  # the coder's main clause stands
    d = decide_sentence(two_clauses, ScorerParams(retype=0.5, stacker=WEIGHTS))
    assert d.scores[d.keep.index(1)] == max(d.scores)  # unless the model is sure of the other clause's type
    framing = sv([("04", 0.8, 2, 1, True, True, False, False), ("03", 0.5, 2, 2, False, True, False, False)], proba)
    d = decide_sentence(framing, ScorerParams(retype=0.5, stacker=WEIGHTS))
    assert d.scores[d.keep.index(0)] == max(d.scores)  # and the coder's act frames no other


def test_symmetric_readings_share_the_chosen_confidence():
    v = sv([("04", 0.7, 2, 1, False, True, False, False), ("04", 0.7, 2, 1, False, True, False, False)],
           {"04": 0.7, NONE: 0.3})
    d = decide_sentence(v, ScorerParams(stacker=WEIGHTS))
    assert len(set(d.scores)) == 1


def test_a_market_figure_and_a_none_reading():
    figure = sv([("06", 0.7, 1, 1, False, True, True, False)], {"06": 0.2, NONE: 0.8}, quantity=0.3)
    o, _ = choose(figure, [0], WEIGHTS)
    assert o.root == NONE  # the layer's own "none" option, as fitted with the options
    # in the pipeline, whether a sentence has an act is the fitted "none" bar: a one-sided act goes,
    # an act between two political actors stays
    assert decide(figure, ScorerParams(none=0.5, stacker=WEIGHTS)) is None
    pair = sv([("06", 0.7, 2, 1, False, True, False, False)], {"06": 0.2, NONE: 0.8})
    assert decide(pair, ScorerParams(none=0.5, stacker=WEIGHTS)) == "06"


def test_a_proposal_needs_a_political_side_unless_violent():
    proba = {"04": 0.9, "13": 0.05, NONE: 0.05}
    assert choose(sv([], proba, proposal=0), [], WEIGHTS, use_none=False) is None  # no political side
    o, _ = choose(sv([], proba, proposal=1), [], WEIGHTS, use_none=False)
    assert o.how == "propose" and o.root == "04"
    o, _ = choose(sv([], {"19": 0.9, NONE: 0.1}, proposal=0), [], WEIGHTS, use_none=False)
    assert o.root == "19"


def _event(start: int, conf: float, code: str) -> Event:
    return Event(id=f"{start}-{code}", source=None, target=None, cameo=code, cameo_root=code[:2], plover=None,
                 plover_mode=None, goldstein=None, quad_class=None, modality="asserted", attribution=None, date=None,
                 trigger="x", evidence=Span(start, start + 10, "x"), confidence=conf)


def test_headline_is_the_leads_event_not_the_most_confident_anywhere():
    events = [_event(0, 0.55, "190"), _event(0, 0.6, "180"), _event(40, 0.9, "040")]
    assert headline(events).cameo == "180"
    assert headline([]) is None


def test_shipped_model_carries_a_fitted_layer():
    m = load_type_model()
    assert m is not None
    st = m.meta.get("stacker")
    assert st and {"pm", "N_pnone", "qty"} <= set(st["coef"]) and "intercept" in st
    assert m.meta["out_of_fold"].get("headline") and m.meta["thresholds"]["retype"] <= 1.01



def test_an_event_noun_outside_the_main_clause_keeps_its_act():
    """An event noun in a subordinate clause (``…, which led to the inquiry into X, …``) names its own
    act, while the model's type reads the whole sentence, mostly its main clause: with the fitted guard
    (``keep_nominal``) the model does not re-type it. In the main clause, or read from a verb, it may."""
    proba = {"05": 0.9, "09": 0.02, NONE: 0.08}
    # (root, conf, sides, clause, frames, target, quantity, nominal, src armed, tgt armed, crowds, main clause)
    noun = sv([("09", 0.6, 2, 1, False, True, False, True, 0.5, 0.5, False, False, False)], proba)
    guarded = dict(WEIGHTS, keep_nominal=True)
    assert decide(noun, ScorerParams(retype=0.5, stacker=WEIGHTS)) == "05"  # without the guard: re-typed
    assert decide(noun, ScorerParams(retype=0.5, stacker=guarded)) == "09"
    assert "retype" not in {o.how for o in options(noun, [0], retype=0.5, keep_nominal=True)}
    main = sv([("09", 0.6, 2, 1, False, True, False, True, 0.5, 0.5, False, False, True)], proba)
    assert decide(main, ScorerParams(retype=0.5, stacker=guarded)) == "05"
    verb = sv([("09", 0.6, 2, 1, False, True, False, False, 0.5, 0.5, False, False, False)], proba)
    assert decide(verb, ScorerParams(retype=0.5, stacker=guarded)) == "05"
