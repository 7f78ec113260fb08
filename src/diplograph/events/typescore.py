"""How the learned type model and the dictionary coder decide a sentence's event type together.

The coder proposes candidates (a CAMEO code with a confidence); the model gives a probability per
CAMEO root and for ``none`` (no political act between actors). One rule of combination, whose
four parameters are fitted on held-out folds of the model's training data
(``scripts/train_event_type.py``) and shipped with the model:

- ``none``: when the model's ``none`` probability reaches it, the sentence keeps only the events
  between two political actors;
- ``weight``: inside one clause, candidates are re-ranked by confidence plus ``weight`` × the model's
  probability of their root;
- ``retype``: when the model's best root reaches it and the best candidate has another root, a
  candidate of another clause that has the model's root becomes the best (swapping confidences);
  when none has it, the best candidate takes the model's root (the coder's actors stay);
- ``propose``: without any candidate, the model's best root proposes an event when it reaches it
  and the main verb has an actor as its doer or object.

Before these, a candidate none of whose sides is a political actor is dropped, unless its act is
a protest or violence (:data:`ANY_PARTIES`).

A parameter of 1.01 or more switches its step off (a probability never reaches it).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .typemodel import NONE
from .typestack import ANY_PARTIES, choose, model_root

__all__ = ["ANY_PARTIES", "model_root"]  # re-exported: callers read them here

OFF = 1.01


@dataclass(frozen=True)
class ScorerParams:
    weight: float = 0.0
    retype: float = OFF
    propose: float = OFF
    none: float = OFF
    # the fitted stacking layer (``typestack``): when present it decides, the thresholds above serve
    # only the model-off path (``none``) and older model files
    stacker: dict[str, Any] | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, float]:
        return {"weight": self.weight, "retype": self.retype, "propose": self.propose, "none": self.none}

    @classmethod
    def from_dict(cls, d: dict[str, float] | None, stacker: dict[str, Any] | None = None) -> "ScorerParams":
        d = d or {}
        return cls(float(d.get("weight", 0.0)), float(d.get("retype", OFF)), float(d.get("propose", OFF)),
                   float(d.get("none", OFF)), stacker)




@dataclass
class SentenceView:
    """One sentence as the scorer sees it: the coder's candidates (root, confidence, how many of its
    sides are political actors, the clause they read), the model's probabilities, and the event the
    model could propose there: None (no actor as the main verb's doer or object) or how many of its
    sides are political."""

    candidates: list[tuple]  # (root, confidence, political sides 0–2, clause group, frames another act,
    #                           has a target, acts on a quantity, nominal rule, source armed, target armed,
    #                           source a crowd, target a crowd)
    proba: dict[str, float]
    proposal: int | None = None
    quantity: float = 0.0  # share of the sentence's words that are amounts (money, quantities, per cent, counts)
    hurt: tuple[float, float] = (0.0, 0.0)  # armed / unarmed people hurt or killed (typeparse.hurt_parties)
    doc: dict[str, Any] | None = None  # how the whole text reads (typestack.document_view)


@dataclass
class Decision:
    keep: list[int]  # indices of the candidates kept
    scores: list[float]  # per kept candidate, its re-ranked confidence
    retype: tuple[int, str] | None = None  # (candidate index, new root)
    propose: str | None = None  # a root the model proposes where no candidate is left
    confidence: float | None = None  # the proposed event's confidence (the stacker's probability)


def best_class(proba: dict[str, float]) -> tuple[str | None, float]:
    """The model's most probable root (not ``none``) and its probability."""
    roots = [(k, p) for k, p in proba.items() if k != NONE]
    if not roots:
        return None, 0.0
    k, p = max(roots, key=lambda kp: kp[1])
    return k, p


def sides_ok(root: str, political_sides: int) -> bool:
    """A political actor on one side at least, unless the act is protest or violence."""
    return political_sides > 0 or root in ANY_PARTIES


def decide_sentence(view: SentenceView, params: ScorerParams, *, use_model: bool = True, use_none: bool = True,
                    use_side: bool = True) -> Decision:
    """What the scorer does with one sentence (the same function serves the pipeline and the fitting).

    Re-ranking happens inside a clause only: candidates of one clause (``group``) are alternative
    readings of one act and the model's probabilities reorder them, keeping the clause's own
    confidence values; the coder's judgement of which clause is the main one stands. Re-typing
    happens only when no candidate of the sentence has the model's type (when one has, the model
    has read that clause's act)."""
    cands = view.candidates
    keep = [i for i, c in enumerate(cands) if not use_side or sides_ok(c[0], c[2])]
    if use_none and view.proba.get(NONE, 0.0) >= params.none:
        # the model reads no political act: only an act between two political actors stays
        keep = [i for i in keep if cands[i][2] >= 2]
        if not keep:
            return Decision([], [])
    if use_model and params.stacker is not None:
        # the layer picks the act among the coder's readings and the model's; whether there is an
        # act at all is the ``none`` rule above
        return _stacked(view, keep, params.stacker, False, params.retype, params.propose)
    if not use_model:
        return Decision(keep, [cands[i][1] for i in keep])
    top, p_top = best_class(view.proba)
    if not keep:
        ok = view.proposal is not None and (not use_side or sides_ok(top or "", view.proposal))
        if use_none and view.proba.get(NONE, 0.0) >= params.none:
            ok = False
        return Decision([], [], propose=top if top is not None and p_top >= params.propose and ok else None)
    scores = {i: cands[i][1] for i in keep}
    groups: dict[object, list[int]] = {}
    for i in keep:
        groups.setdefault(cands[i][3] if len(cands[i]) > 3 else i, []).append(i)
    for members in groups.values():
        if len(members) < 2:
            continue
        by_model = sorted(members, key=lambda i: -(cands[i][1] + params.weight *
                                                   view.proba.get(model_root(cands[i][0]), 0.0)))
        values = sorted((cands[i][1] for i in members), reverse=True)
        for i, v in zip(by_model, values):
            scores[i] = v
    best = max(keep, key=lambda i: scores[i])
    retype = None
    framed = len(cands[best]) > 4 and cands[best][4]
    if top is not None and p_top >= params.retype and model_root(cands[best][0]) != top and not framed:
        other = [i for i in keep if model_root(cands[i][0]) == top]
        if other:
            # the model is sure of a type another clause's candidate has: that one is the act
            promoted = max(other, key=lambda i: scores[i])
            scores[promoted], scores[best] = scores[best], scores[promoted]
        else:
            retype = (best, top)
    return Decision(keep, [scores[i] for i in keep], retype)


def _stacked(view: SentenceView, keep: list[int], weights: dict[str, Any], use_none: bool, retype: float,
             propose: float) -> Decision:
    """The fitted layer's choice: the chosen option's event carries its probability as confidence; the
    sentence's other candidates stay, below it (other acts the sentence may report)."""
    cands = view.candidates
    res = choose(view, keep, weights, use_none, retype, propose)
    if res is None:
        return Decision(keep, [cands[i][1] for i in keep])
    opt, p = res
    p = round(p, 3)
    if opt.how == "none":
        return Decision([], [])
    if opt.how == "propose":
        return Decision([], [], propose=opt.root, confidence=p)
    chosen = cands[opt.index]
    # the chosen act's other readings (the reverse side of a reciprocal act: same clause, root and
    # confidence) share its confidence; the sentence's other acts stay below it
    scores = [p if i == opt.index or (c[0] == chosen[0] and c[1] == chosen[1] and c[3:4] == chosen[3:4])
              else max(0.01, min(c[1], p - 0.01)) for i, c in ((i, cands[i]) for i in keep)]
    return Decision(keep, scores, (opt.index, opt.root) if opt.how == "retype" else None)


def decide(view: SentenceView, params: ScorerParams | None) -> str | None:
    """The sentence's event root (a model class), or None for no event. ``params`` None: the
    coder alone (its most confident candidate)."""
    cands = view.candidates
    if params is None:
        return model_root(max(cands, key=lambda c: c[1])[0]) if cands else None
    d = decide_sentence(view, params)
    if d.propose:
        return d.propose
    if not d.keep:
        return None
    if d.retype:
        return d.retype[1]
    best = d.keep[max(range(len(d.keep)), key=d.scores.__getitem__)]
    return model_root(cands[best][0])
