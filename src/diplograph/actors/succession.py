"""``his predecessor`` / ``his successor``: who held an office before or after the person a possessive names.

Read by the descriptor pass (``descriptors``, rules ``mention.descriptor_predecessor`` and
``mention.descriptor_successor``). The possessor is the most salient person named before the description;
the answer is one person of the document or nobody (two that fit: no guess). The tables' order of office holders
comes first (``by_tenure``: the one person named before who took the possessor's office right after them, or held it
right before); the text's own facts (former, in office now) when the tables know neither.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from ..records import Actor
from .aliases import translit_key
from .leaders import Tenure, load_leaders
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


# How close one holder's end and the next holder's start must lie in the tables to be one handover.
HANDOVER_DAYS = 120


def _same_office(a: Tenure, b: Tenure) -> bool:
    return a.office == b.office and (a.source == "Factbook") == (b.source == "Factbook")


def _handovers(st: State, owner: Actor, after: bool) -> list[Tenure]:
    """The tenures the tables give right after the owner's last ended tenure (``after``) or right before the
    owner's first one: the same office of the same state, handed over within ``HANDOVER_DAYS``."""
    if not owner.country or st.on is None:
        return []
    leaders = load_leaders()
    own = [t for t in leaders.tenures(owner.name, owner.country) if t.start <= st.on]
    if not own:
        return []
    others = leaders.by_country.get(owner.country, [])
    keys = {translit_key(t.family) for t in own}
    out = []
    for t in own:
        if after and (t.end is None or t.end > st.on):
            continue
        for o in others:
            if translit_key(o.family) in keys or not _same_office(t, o) or o.start > st.on:
                continue
            if after and abs((o.start - t.end).days) <= HANDOVER_DAYS:  # type: ignore[operator]
                out.append(o)
            elif not after and o.end is not None and abs((t.start - o.end).days) <= HANDOVER_DAYS:
                out.append(o)
    return out


def by_tenure(st: State, people: People, start: int, after: bool) -> Actor | None:
    """``his successor`` / ``his predecessor`` by the tables' order of office holders: the one person named
    before the description who took an office of the possessor right after them (or held it right before),
    else None."""
    owner = _owner(st, people, start)
    if owner is None:
        return None
    handed = _handovers(st, owner, after)
    if not handed:
        return None
    leaders = load_leaders()
    named = _named_before(st, people, start)
    hits = {a.id: a for a in st.out.actors.values() if a.type == "person" and a.id != owner.id and a.id in named and
            a.country in (None, owner.country) and
            any(t in handed for t in leaders.tenures(a.name, owner.country))}
    return next(iter(hits.values())) if len(hits) == 1 else None
