"""``his predecessor`` / ``his successor``: who held an office before or after the person a possessive names.

Read by the descriptor pass (``descriptors``, rules ``mention.descriptor_predecessor`` and
``mention.descriptor_successor``). The possessor is the most salient person named before the description;
the answer is one person of the document or nobody (two that fit: no guess).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from ..records import Actor
from .state import State


class People(Protocol):
    """What the descriptor pass knows of the document's people (``descriptors.People``)."""

    occurrences: list[tuple[int, int, str, bool]]
    former: set[str]

    def ranked(self, st: State, before: int, fits: Callable[[Actor], float | None]) -> list[tuple[float, float, str]]:
        ...


def _owner(st: State, people: People, start: int) -> Actor | None:
    ranked = people.ranked(st, start, lambda a: 1.0)
    return st.out.actors[ranked[0][2]] if ranked else None


def _named_before(st: State, people: People, start: int) -> dict[str, int]:
    """Actor → the first token naming them."""
    first = {aid: ti for ti, _, aid, _ in reversed(people.occurrences)}
    return {aid: ti for aid, ti in first.items() if ti < start}


def predecessor(st: State, people: People, start: int) -> Actor | None:
    """The one other person of the possessor's state (or of no known state), named before, whom the text calls
    former or the tables code as a former leader."""
    owner = _owner(st, people, start)
    if owner is None:
        return None
    named = _named_before(st, people, start)
    formers = [a for a in st.out.actors.values() if a.type == "person" and a.id != owner.id and a.id in named and
               (a.id in people.former or (a.code or "").endswith("ELI")) and
               (not owner.country or not a.country or a.country == owner.country)]
    return formers[0] if len(formers) == 1 else None


def _title(st: State, a: Actor) -> str:
    return (st.titles.get(a.id) or st.tenure_title.get(a.id) or "").lower()


def successor(st: State, people: People, start: int) -> Actor | None:
    """The one other person of the possessor's state, named before, who holds an office now (coded GOV, never
    called former); of the possessor's own office when the text or the tables title them."""
    owner = _owner(st, people, start)
    if owner is None or not owner.country:
        return None
    named = _named_before(st, people, start)
    holders = [a for a in st.out.actors.values() if a.type == "person" and a.id != owner.id and a.id in named and
               (a.code or "").endswith("GOV") and a.id not in people.former and a.country == owner.country]
    title = _title(st, owner)
    if title and len(holders) > 1:
        holders = [a for a in holders if _title(st, a) == title]
    return holders[0] if len(holders) == 1 else None
