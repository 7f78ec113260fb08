"""How the learned type model and the dictionary coder decide a sentence's event type together.

The coder proposes candidates (a CAMEO code with a confidence); the model gives a probability per
CAMEO root and for ``none`` (no political act between actors). One rule of combination, whose
four parameters are fitted on held-out folds of the model's training data
(``scripts/train_event_type.py``) and shipped with the model:

- ``none``: when the model's ``none`` probability reaches it, the sentence gets no event;
- ``weight``: a candidate's score is its confidence plus ``weight`` × the model's probability of
  its root (the re-ranking);
- ``retype``: when the model's best root reaches it and the coder's best candidate has another
  root, the event takes the model's root (the coder's actors stay);
- ``propose``: without any candidate, the model's best root proposes an event when it reaches it
  and the sentence has actors.

A parameter of 1.01 or more switches its step off (a probability never reaches it).
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass

from .typemodel import NONE

OFF = 1.01


def model_root(cameo_root: str) -> str:
    """The model's class of a CAMEO root: 20 (unconventional mass violence) is ASSAULT like 18."""
    return "18" if cameo_root == "20" else cameo_root


@dataclass(frozen=True)
class ScorerParams:
    weight: float = 0.0
    retype: float = OFF
    propose: float = OFF
    none: float = OFF

    def to_dict(self) -> dict[str, float]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, float] | None) -> "ScorerParams":
        d = d or {}
        return cls(float(d.get("weight", 0.0)), float(d.get("retype", OFF)), float(d.get("propose", OFF)),
                   float(d.get("none", OFF)))


@dataclass
class SentenceView:
    """One sentence as the scorer sees it: the coder's candidates (root, confidence, both sides
    named), the model's probabilities, and how many actors the text names."""

    candidates: list[tuple[str, float, bool]]
    proba: dict[str, float]
    actors: int


def best_class(proba: dict[str, float]) -> tuple[str | None, float]:
    """The model's most probable root (not ``none``) and its probability."""
    roots = [(k, p) for k, p in proba.items() if k != NONE]
    if not roots:
        return None, 0.0
    k, p = max(roots, key=lambda kp: kp[1])
    return k, p


def rescored(candidates: Iterable[tuple[str, float]], proba: dict[str, float],
             params: ScorerParams) -> list[float]:
    """Each candidate's score after re-ranking (confidence + weight × P(its root))."""
    return [conf + params.weight * proba.get(model_root(root), 0.0) for root, conf in candidates]


def decide(view: SentenceView, params: ScorerParams | None) -> str | None:
    """The sentence's event root (a model class), or None for no event. ``params`` None: the
    coder alone (its most confident candidate)."""
    cands = view.candidates
    if params is None:
        if not cands:
            return None
        return model_root(max(cands, key=lambda c: c[1])[0])
    if view.proba.get(NONE, 0.0) >= params.none:
        return None
    top, p_top = best_class(view.proba)
    if not cands:
        return top if top is not None and p_top >= params.propose and view.actors > 0 else None
    scores = rescored(((c[0], c[1]) for c in cands), view.proba, params)
    root = model_root(cands[max(range(len(cands)), key=scores.__getitem__)][0])
    if top is not None and top != root and p_top >= params.retype:
        return top
    return root
