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

_ORDER: dict[tuple[int, str], list[tuple[str, Callable[..., Any]]]] = {}


def mention_rule(name: str, confidence: float, description: str, reads: Iterable[str] = ("parse",)) -> str:
    """Declare a rule of the actor stage (kind ``mention``: it decides what a span names); returns its name."""
    return REGISTRY.declare(name, stage="actors", kind="mention", reads=tuple(reads), confidence=confidence,
                            description=description)


def _ordered(candidates: Candidates) -> list[tuple[str, Callable[..., Any]]]:
    """The switched-on rules of a competition, best-scored first (stable for equal scores)."""
    key = (id(candidates), os.environ.get("DIPLOGRAPH_RULES_OFF", ""))
    order = _ORDER.get(key)
    if order is None:
        live = [c for c in candidates if REGISTRY.enabled(c[0])]
        order = _ORDER[key] = sorted(live, key=lambda c: -REGISTRY.weight(c[0]) * REGISTRY[c[0]].confidence)
    return order


def best(candidates: Candidates, *args: Any) -> Proposal[Any] | None:
    """The winning proposal of a competition (``REGISTRY.best`` over every rule's proposal)."""
    for name, fn in _ordered(candidates):
        value = fn(*args)
        if value is not None:
            return Proposal("mention", value, REGISTRY[name].confidence, name)
    return None


def ranked_names(candidates: Candidates) -> list[str]:
    """The rules of a competition in the order they are tried (for tests and benchmarks)."""
    return [name for name, _ in _ordered(candidates)]
