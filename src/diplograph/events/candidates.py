"""Event candidates and how the event rules decide: proposals, scored in one place.

A :class:`Candidate` is one (source, target, code) reading of a trigger word, with the names of
the rules that decided its code, its source and its target (``rules``), which the pipeline puts
on ``Event.rules``. Every event-stage rule is registered in :data:`diplograph.rules.REGISTRY`
(stage ``events``); the rules that compete for one decision (the target of a verb, say) are
offered to :func:`choose`, which asks them in order of their best possible score and keeps the
best proposal (:meth:`~diplograph.rules.RuleRegistry.best`), so the base confidences are the
priority order, switchable and re-weightable by ``data/rules.tsv``.
"""
from __future__ import annotations

import os

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from ..rules import REGISTRY, Proposal

OFF_VARIABLE = "DIPLOGRAPH_RULES_OFF"  # diplograph.rules reads it for ablations

STAGE = "events"


BASE: dict[str, float] = {}  # rule name → base confidence, for the hot path


def declare(name: str, kind: str, reads: Sequence[str], confidence: float, description: str) -> str:
    """Register an event-stage rule; returns its name (for use as a constant)."""
    BASE[name] = confidence
    return REGISTRY.declare(name, stage=STAGE, kind=kind, reads=tuple(reads), confidence=confidence,
                            description=description)


@dataclass
class Candidate:
    trigger: Token
    source: str | None
    target: str | None
    code: str
    nominal: bool = False
    speaker: Token | None = None  # the head of the reporting clause, if any
    confidence: float = 0.5
    # which named rules decided the code, the source and the target (diplograph.rules)
    rules: dict[str, str | None] = field(default_factory=dict)
    negation_absorbed: bool = False  # "would not accept" coded as a rejection: the negation is in the code
    domestic_target: bool = False  # the target is the one state of a one-state sentence (target.domestic)


Actors = list[str]
Option = tuple[str, Callable[[], "Actors | Proposal[Actors] | None"]]


class Switches:
    """The event rules' switches and score bounds, read from the registry once per document
    (``code_events`` calls :meth:`refresh`): asking the registry for every verb of every sentence
    would cost more than the rules themselves."""

    def __init__(self) -> None:
        self.on: dict[str, bool] = {}
        self.bound: dict[str, float] = {}  # the best score a rule's proposal can have: confidence × weight
        self.weight: dict[str, float] = {}
        self._key: tuple[str, int] | None = None

    def refresh(self) -> None:
        """Read the switches again if the environment's switches or the rules changed."""
        key = (os.environ.get(OFF_VARIABLE, ""), len(BASE))
        if key == self._key:
            return
        self._key = key
        on: dict[str, bool] = {}
        bound: dict[str, float] = {}
        weight: dict[str, float] = {}
        for r in REGISTRY.all(stage=STAGE):
            on[r.name] = REGISTRY.enabled(r.name)
            weight[r.name] = REGISTRY.weight(r.name)
            bound[r.name] = r.confidence * weight[r.name]
        self.on, self.bound, self.weight = on, bound, weight

    def enabled(self, rule: str) -> bool:
        hit = self.on.get(rule)
        if hit is None:
            self._key = None
            self.refresh()
            hit = self.on.get(rule, True)
        return hit

    def score(self, p: Proposal[Any]) -> float:
        """:meth:`RuleRegistry.score` (confidence × weight), with the weight read at refresh."""
        return p.confidence * self.weight[p.rule]


SWITCHES = Switches()


def proposal(rule: str, actors: Actors, confidence: float | None = None) -> Proposal[Actors] | None:
    """A proposal of ``actors`` by ``rule`` (at the rule's base confidence unless given); None if empty."""
    if not actors:
        return None
    base = BASE[rule]
    return Proposal("actors", actors, base if confidence is None else min(confidence, base), rule)


def choose(options: Sequence[Option]) -> Proposal[Actors] | None:
    """The best proposal of the rules offered, each a (rule name, function proposing actors).

    The rules are asked in the order of their best possible score (base confidence × weight); a
    proposal never exceeds its rule's base confidence, so once one proposal scores at least the
    next rule's best, no later rule can win and is not asked: the result is what
    :meth:`~diplograph.rules.RuleRegistry.best` gives over every proposal. (An option may propose
    under another rule than the one it is listed by, e.g. the verb's own places under the rule of
    the place found: it is listed by its best rule.)
    """
    if not options:
        return None
    if len(options) == 1:  # (most decisions: one rule applies)
        name, fn = options[0]
        got = fn()
        p = got if isinstance(got, Proposal) or got is None else proposal(name, got)
        return p if p is not None and p.value and SWITCHES.enabled(p.rule) else None
    bound = SWITCHES.bound
    if not bound:
        SWITCHES.refresh()
        bound = SWITCHES.bound
    ranked = list(options)
    if len(ranked) > 1 and any(bound[ranked[k][0]] < bound[ranked[k + 1][0]] for k in range(len(ranked) - 1)):
        ranked.sort(key=lambda o: -bound[o[0]])
    winner: Proposal[Actors] | None = None
    top = float("-inf")
    for name, fn in ranked:
        if winner is not None and top >= bound[name]:
            break
        got = fn()
        p = got if isinstance(got, Proposal) or got is None else proposal(name, got)
        if p is not None and p.value and SWITCHES.enabled(p.rule):
            s = SWITCHES.score(p)
            if s > top:
                winner, top = p, s
    return winner


def better(current: Proposal[Actors] | None, challenger: Proposal[Actors] | None) -> Proposal[Actors] | None:
    """The better of the standing choice and a later rule's proposal (ties keep the standing one)."""
    if challenger is None or not SWITCHES.enabled(challenger.rule):
        return current
    if current is None:
        return challenger
    return challenger if SWITCHES.score(challenger) > SWITCHES.score(current) else current


def actors_of(p: Proposal[Actors] | None) -> Actors:
    return list(p.value) if p is not None else []


def rule_of(p: Proposal[Actors] | None) -> str | None:
    return p.rule if p is not None else None
