"""Which pairs of corpus actors are no relation between two parties, as SQL over ``corpus_actors``.

One definition for the writer's summaries (``summary.py`` flags each summary row once) and for the
views that read the events themselves (``analysis/levels.py``):

- *own state*: an actor and the state it belongs to (``hierarchy.state_of`` of its code, else its
  country) are one party: their events are domestic, never a pair;
- *political*: an actor that is a news outlet, a disease or the like (``actors.naming.
  NON_POLITICAL_TYPES``) is no party: its pairs stay out of the network and its views.
"""
from __future__ import annotations

from ..actors.naming import NON_POLITICAL_TYPES
from ..hierarchy import is_state_sql, state_sql


def _types() -> str:
    return ", ".join(f"'{t}'" for t in NON_POLITICAL_TYPES)


def actor_states_sql() -> str:
    """A subquery of every corpus actor with its ``state`` (hierarchy.state_of of its code and
    country) and ``country_state`` (its country, when that is a state)."""
    return f"""(SELECT ca.id, ca.name, ca.type, ca.code, ca.country, ca.documents, ca.mentions,
                       {state_sql("ca.code", "ca.country")} AS state,
                       CASE WHEN {is_state_sql("ca.country")} THEN ca.country END AS country_state
                FROM corpus_actors ca)"""


def own_state_sql(a: str = "a_actor", b: str = "b_actor") -> str:
    """SQL: the actors ``a`` and ``b`` (rows of :func:`actor_states_sql`) are an actor and its own state."""
    return f"({a}.state IS NOT NULL AND {a}.state = {b}.state AND ({a}.type = 'state' OR {b}.type = 'state'))"


def political_sql(actor: str) -> str:
    """SQL: the joined actor ``actor`` is no news outlet, disease or the like (an actor missing from
    ``corpus_actors`` counts as political, as it always has)."""
    return f"coalesce({actor}.type, '') NOT IN ({_types()})"


def non_political_sql() -> str:
    """A subquery of the corpus ids of actors that are no political actors."""
    return f"(SELECT id FROM corpus_actors WHERE type IN ({_types()}))"


def flagged_sql(rows: str, x: str, y: str) -> str:
    """The rows of the query ``rows`` with two columns added: ``own`` (its endpoints ``x`` and ``y``
    are an actor and its own state) and ``political`` (both endpoints are political actors)."""
    states = actor_states_sql()
    return f"""SELECT r.*, coalesce({own_state_sql('sx', 'sy')}, false) AS own,
                      {political_sql('sx')} AND {political_sql('sy')} AS political
               FROM ({rows}) r LEFT JOIN {states} sx ON sx.id = r.{x} LEFT JOIN {states} sy ON sy.id = r.{y}"""


__all__ = ["actor_states_sql", "own_state_sql", "political_sql", "non_political_sql", "flagged_sql"]
