"""How the actor stage's rules compete: each rule is named in ``diplograph.rules.REGISTRY`` and
proposes a value; the registry's score (base confidence × the weight ``data/rules.tsv`` gives)
decides which proposal wins, and a rule switched off there (or in ``DIPLOGRAPH_RULES_OFF``)
proposes nothing.

A competition is a static tuple of ``(rule name, function)``; :func:`best` calls the functions
with the same arguments. Every proposal of an actor rule carries its rule's base confidence, so
the winner of ``REGISTRY.best`` over all proposals is the first rule, in order of score, that
proposes anything: :func:`best` tries them in that order and stops there, which keeps rules that
cannot win (often the dearer ones, such as a leader-table lookup) from running at all.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from ..rules import REGISTRY, Proposal

T = TypeVar("T")

Candidates = Sequence[tuple[str, Callable[..., Any]]]

# A rule that decides a span names no actor at all proposes this (``None`` means "no proposal").
NOT_AN_ACTOR = object()

_NO_FEATURES: dict[str, float] = {}  # actor rules give no features yet: one shared empty dict, not one per proposal
_ORDER: dict[int, list[tuple[str, Callable[..., Any], float]]] = {}
_ON: dict[str, bool] = {}  # rule name → switched on, under the same environment as the orders
_ENV = ["?"]  # the DIPLOGRAPH_RULES_OFF value the cached orders were made under


def refresh() -> None:
    """Forget the cached orders and switches when the environment's switches changed (called once
    per document)."""
    off = os.environ.get("DIPLOGRAPH_RULES_OFF", "")
    if off != _ENV[0]:
        _ORDER.clear()
        _ON.clear()
        _ENV[0] = off


def switched_on(name: str) -> bool:
    """``REGISTRY.enabled(name)``, remembered until :func:`refresh` sees the switches change: the
    registry reads the environment on every call (microseconds), and the stage asks some forty
    times per document."""
    on = _ON.get(name)
    if on is None:
        on = _ON[name] = REGISTRY.enabled(name)
    return on


def mention_rule(name: str, confidence: float, description: str, reads: Iterable[str] = ("parse",)) -> str:
    """Declare a rule of the actor stage (kind ``mention``: it decides what a span names); returns its name."""
    return REGISTRY.declare(name, stage="actors", kind="mention", reads=tuple(reads), confidence=confidence,
                            description=description)


def _ordered(candidates: Candidates) -> list[tuple[str, Callable[..., Any], float]]:
    """The switched-on rules of a competition with their base confidence, best-scored first (stable)."""
    order = _ORDER.get(id(candidates))
    if order is None:
        live = [(name, fn, REGISTRY[name].confidence) for name, fn in candidates if REGISTRY.enabled(name)]
        order = _ORDER[id(candidates)] = sorted(live, key=lambda c: -REGISTRY.weight(c[0]) * c[2])
    return order


def ordered(candidates: Candidates) -> list[tuple[str, Callable[..., Any]]]:
    """The switched-on rules of a competition, best-scored first: for a stage that collects every rule's
    proposals and scores them itself (the censored titles' model)."""
    return [(name, fn) for name, fn, _ in _ordered(candidates)]


def best(candidates: Candidates, *args: Any) -> Proposal[Any] | None:
    """The winning proposal of a competition (``REGISTRY.best`` over every rule's proposal)."""
    for name, fn, confidence in _ordered(candidates):
        value = fn(*args)
        if value is not None:
            return Proposal("mention", value, confidence, name, None, _NO_FEATURES)
    return None


def ranked_names(candidates: Candidates) -> list[str]:
    """The rules of a competition in the order they are tried (for tests and benchmarks)."""
    refresh()
    return [c[0] for c in _ordered(candidates)]
