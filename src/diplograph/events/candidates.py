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

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..rules import REGISTRY, Proposal

STAGE = "events"


def declare(name: str, kind: str, reads: Sequence[str], confidence: float, description: str) -> str:
    """Register an event-stage rule; returns its name (for use as a constant)."""
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


def proposal(rule: str, actors: Actors, confidence: float | None = None) -> Proposal[Actors] | None:
    """A proposal of ``actors`` by ``rule`` (at the rule's base confidence unless given); None if empty."""
    if not actors:
        return None
    base = REGISTRY[rule].confidence
    return Proposal("actors", actors, base if confidence is None else min(confidence, base), rule)


def choose(options: Iterable[Option]) -> Proposal[Actors] | None:
    """The best proposal of the rules offered, each a (rule name, function proposing actors).

    The rules are asked in the order of their best possible score (base confidence × weight); a
    proposal never exceeds its rule's base confidence, so once one proposal scores at least the
    next rule's best, no later rule can win and is not asked (the result is :meth:`best` over all).
    """
    # (an option may propose under another rule than the one it is listed by, e.g. the verb's own
    # places under the rule of the place found: it is listed by its best rule; best() drops a
    # proposal whose rule is switched off)
    ranked = sorted(((REGISTRY[name].confidence * REGISTRY.weight(name), name, fn) for name, fn in options),
                    key=lambda x: -x[0])
    winner: Proposal[Actors] | None = None
    for bound, name, fn in ranked:
        if winner is not None and REGISTRY.score(winner) >= bound:
            break
        got = fn()
        p = got if isinstance(got, Proposal) or got is None else proposal(name, got)
        if p is not None and p.value and REGISTRY.enabled(p.rule):
            winner = p if winner is None else REGISTRY.best([winner, p])
    return winner


def better(current: Proposal[Actors] | None, challenger: Proposal[Actors] | None) -> Proposal[Actors] | None:
    """The better of the standing choice and a later rule's proposal (ties keep the standing one)."""
    if challenger is None or not REGISTRY.enabled(challenger.rule):
        return current
    if current is None:
        return challenger
    return REGISTRY.best([current, challenger])


def actors_of(p: Proposal[Actors] | None) -> Actors:
    return list(p.value) if p is not None else []


def rule_of(p: Proposal[Actors] | None) -> str | None:
    return p.rule if p is not None else None
