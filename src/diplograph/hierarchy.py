"""The actor hierarchy: which state an actor belongs to, and the level a view reads pairs at.

A person belongs to a state through their role on the event's date: the CAMEO/Phoenix code the
event carries was chosen by the knowledge base's dated tenures for that date (``KAZGOV`` → KAZ;
a former leader coded ``KAZELI`` → KAZ; a UN official's ``IGOUNO`` → no state). Without a code
the actor's country says it. An organ or sector actor (``RUSMIL``, "the Kazakh government")
belongs to its state the same way; a state belongs to itself. International organisations,
multinationals and groups of no state belong to none and stay themselves at every level.

Levels (``LEVELS``): at ``actor`` level pairs are the actors themselves, except that an actor and
its own state are never a pair (Tokayev → Kazakhstan is domestic, not a relation between two
parties). At ``state`` level every endpoint rolls up to its state (an actor of no state stays
itself) and events within one state are *domestic*: they are reported per state, never as a pair.

The states are the rows of ``data/geo/countries.tsv`` (ISO-3 and Phoenix codes, with names).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from .data import data_path
from .lexicon import sectors_with

LEVELS = ("actor", "state")
# Actors that are parties of their own at state level when they belong to no state: organisations of
# states and non-state groups (armed groups, parties, companies). A person or a sector actor whose state
# is unknown cannot be placed: the state-level views leave its events out and count them as unplaced.
STANDALONE_TYPES = ("state", "igo", "group")
_CODE = re.compile(r"^[A-Z]{3}$")


@lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, str], ...]:
    with data_path("geo", "countries.tsv").open(encoding="utf-8") as fh:
        return tuple(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    """Another code of a state → the code the project writes (the ``aliases`` column of countries.tsv)."""
    return {a: r["code"] for r in _rows() for a in (r.get("aliases") or "").split()}


def canonical_code(code: str) -> str:
    """The code with its state written the project's one way: a code whose first three letters are another
    code of a state (Kosovo: ``KSV`` in the Phoenix dictionaries, ``KOS`` elsewhere; the project writes
    ``XKX``, as the gazetteer and the tables do) takes the state's own code, its sector kept (``KSVGOV`` →
    ``XKXGOV``). Every reader of outside codes (the shipped dictionaries, benchmark gold) calls this."""
    own = _aliases().get(code[:3])
    return own + code[3:] if own else code


@lru_cache(maxsize=1)
def _states() -> dict[str, str]:
    """State code (ISO-3 and Phoenix code) → name."""
    out: dict[str, str] = {}
    rows = _rows()
    for column in ("iso3", "code"):  # ISO-3 names first: a territory's Phoenix code is its parent's (JEY → GBR)
        for r in rows:
            if _CODE.match(r[column] or ""):
                out.setdefault(r[column], r["name"])
    return out


def state_codes() -> frozenset[str]:
    return frozenset(_states())


def state_name(code: str | None) -> str | None:
    return _states().get(code or "")


def state_of(code: str | None, country: str | None = None) -> str | None:
    """The state an actor with this code (or, without a state in its code, this country) belongs to."""
    states = _states()
    if code and len(code) >= 3:
        head = code[:3]
        if head in sectors_with("international"):
            return None  # acting for an organisation of no one state on that date (IGOUNO)
        if head in states:
            return head
    return country if country in states else None


@dataclass(frozen=True)
class Member:
    """An endpoint of a pair as the hierarchy sees it: its id, whether it is a state, its state."""

    id: str
    is_state: bool
    state: str | None


def member(actor_id: str, type: str | None, code: str | None, country: str | None) -> Member:
    st = state_of(code, country)
    return Member(actor_id, type == "state" and st is not None, st)


def own_state(a: Member, b: Member) -> bool:
    """An actor paired with the state it belongs to (or two names of one state): not a relation."""
    return a.state is not None and a.state == b.state and (a.is_state or b.is_state)


def node(m: Member, level: str) -> str:
    """The id an endpoint has at ``level``: itself, or its state's code at state level."""
    return m.state if level == "state" and m.state else m.id


def international_sql() -> str:
    """``('IGO', 'IMG', …)``: the code heads of organisations of no one state, as an SQL list."""
    return "(" + ", ".join(f"'{c}'" for c in sectors_with("international")) + ")"


def _states_text() -> str:
    """``'|AFG|ALB|…|'``: the state codes as one SQL string literal (our own data: 3 capitals each),
    for ``contains``: one substring search per row, cheaper to plan and run than a join or a list."""
    return "'|" + "|".join(sorted(_states())) + "|'"


def is_state_sql(value: str) -> str:
    """SQL: ``value`` is a state code."""
    return f"contains({_states_text()}, '|' || {value} || '|')"


def state_sql(code: str, country: str) -> str:
    """SQL for :func:`state_of` over a code column (or expression) and a country one."""
    head = f"left({code}, 3)"
    return (f"(CASE WHEN {head} IN {international_sql()} THEN NULL "
            f"WHEN length({code}) >= 3 AND {is_state_sql(head)} THEN {head} "
            f"WHEN {is_state_sql(country)} THEN {country} END)")


def check_level(level: str) -> str:
    from .errors import UsageError

    if level not in LEVELS:
        raise UsageError("E009", what="level", value=level, options=", ".join(LEVELS))
    return level


__all__ = ["LEVELS", "STANDALONE_TYPES", "Member", "member", "own_state", "node", "state_of", "state_name", "state_codes", "state_sql",
           "is_state_sql", "international_sql", "check_level"]
