"""The corpus events and relation statements at a level (``actor`` or ``state``), as SQL.

Every corpus view of pairs (``system``, ``dyad``, the exports, the web API's graph and dyad) reads
its rows through :func:`events_sql` and :func:`statements_sql`, so that they count the same events
with the same weights (``relation.py``) and the same hierarchy (``hierarchy.py``):

- ``actor`` level: endpoints are corpus actors. A pair of an actor and its own state (by the
  corpus actor's code, else its country) is *domestic*.
- ``state`` level: each endpoint rolls up to its state by the code its event carries (the role on
  the event's date), else the actor's country; an actor of no state stays itself. Events whose two
  endpoints roll up to one state are *domestic*.

Domestic rows are flagged (column ``domestic``), never paired: the views report them per state.
"""
from __future__ import annotations

from datetime import date
from typing import Any

from ..hierarchy import STANDALONE_TYPES, check_level, international_sql, is_state_sql, state_name, state_sql
from ..relation import WEIGHT_SQL
# one definition of an actor's state, of an actor and its own state and of a political actor, shared
# with the writer's summaries (which flag each pair once)
from ..store.pairs import actor_states_sql, own_state_sql, political_sql


def actor_join(alias: str, on: str, only: int = 0) -> str:
    """``LEFT JOIN`` of :func:`actor_states_sql` as ``alias`` on the corpus id column ``on``; ``only``:
    that many ``?`` parameters list the only actors needed (a pair), so the join reads two rows."""
    if only:
        return (f"LEFT JOIN (SELECT * FROM {actor_states_sql()} WHERE id IN ({', '.join('?' * only)})) {alias} "
                f"ON {alias}.id = {on}")
    return f"LEFT JOIN {actor_states_sql()} {alias} ON {alias}.id = {on}"


def _event_state(code: str, actor: str) -> str:
    """The state of an event endpoint: its event code's (its role on the date), else its actor's country."""
    head = f"left({code}, 3)"
    return (f"(CASE WHEN {head} IN {international_sql()} THEN NULL "
            f"WHEN length({code}) >= 3 AND {is_state_sql(head)} THEN {head} ELSE {actor}.country_state END)")


def date_filter(since: date | str | None, until: date | str | None, column: str = "date") -> tuple[str, list[Any]]:
    """SQL (`` AND …``) and its parameters bounding ``column`` to [since, until], both inclusive.
    Both sides are compared as dates: a bound given as text ('2024-9-30') or a column read as text
    would otherwise compare letter by letter ('2024-10-01' < '2024-9-30'). On a DATE column the cast
    of the column is a no-op that the planner drops, so the filter still reaches the scan."""
    sql, params = "", []
    if since is not None:
        sql += f" AND CAST({column} AS DATE) >= CAST(? AS DATE)"
        params.append(since)
    if until is not None:
        sql += f" AND CAST({column} AS DATE) <= CAST(? AS DATE)"
        params.append(until)
    return sql, params


def _placed(node: str, corpus_id: str, actor: str) -> str:
    """SQL: an endpoint has a place at state level: a state, or an actor that is a party of its own."""
    types = ", ".join(f"'{t}'" for t in STANDALONE_TYPES)
    return f"({node} <> {corpus_id} OR coalesce({actor}.type, 'unknown') IN ({types}))"


def events_sql(level: str = "actor", since: date | str | None = None, until: date | str | None = None,
               pair: tuple[str, str] | None = None, unplaced: bool = False) -> tuple[str, list[Any]]:
    """A subquery of the corpus events between two different actors, one row per event, with
    ``a``/``b`` the endpoints at ``level``, ``actor_a``/``actor_b`` the corpus actors, ``domestic``,
    and the event's columns (weight, goldstein, quad_class, modality, date, mentions, …).
    ``pair`` (actor level): only the events between these two corpus actors, read by the index.
    At state level an event with an endpoint of unknown state that is no party of its own (a person,
    a sector actor: ``hierarchy.STANDALONE_TYPES``) is left out; ``unplaced`` keeps them, flagged
    ``placed`` false, to count them."""
    check_level(level)
    extra, params = date_filter(since, until, "c.date")
    only, head = 0, []
    if pair is not None and level == "actor":
        extra += " AND ((c.a = ? AND c.b = ?) OR (c.a = ? AND c.b = ?))"
        params += [pair[0], pair[1], pair[1], pair[0]]
        only, head = 2, [pair[0], pair[1], pair[0], pair[1]]
    if level == "state":
        a = f"coalesce({_event_state('e.source_code', 'a_actor')}, c.a)"
        b = f"coalesce({_event_state('e.target_code', 'b_actor')}, c.b)"
        join = "LEFT JOIN events e ON e.id = c.first_mention"  # a view filled by other means may lack it
        domestic = "a = b"
        placed = f"{_placed(a, 'c.a', 'a_actor')} AND {_placed(b, 'c.b', 'b_actor')}"
    else:
        a, b, join, domestic, placed = "c.a", "c.b", "", "own", "true"
    keep = "" if unplaced else " WHERE placed"
    sql = f"""SELECT * EXCLUDE (own{'' if unplaced else ', placed'}), {domestic} AS domestic FROM (
        SELECT c.id, c.num, {a} AS a, {b} AS b, c.a AS actor_a, c.b AS actor_b, c.cameo, c.cameo_root, c.plover,
               c.plover_mode, c.goldstein, c.quad_class, c.modality, c.weight, c.date, c.mentions, c.sources,
               c.articles, c.first_doc, c.first_mention, c.evidence_text, coalesce({own_state_sql()}, false) AS own,
               {placed} AS placed
        FROM corpus_events c {actor_join("a_actor", "c.a", only)} {actor_join("b_actor", "c.b", only)} {join}
        WHERE c.a IS NOT NULL AND c.b IS NOT NULL AND c.a <> c.b {extra}
              AND {political_sql("a_actor")} AND {political_sql("b_actor")}){keep}"""
    return sql, head + params


def statements_sql(level: str = "actor", since: date | str | None = None, until: date | str | None = None,
                   pair: tuple[str, str] | None = None) -> tuple[str, list[Any]]:
    """A subquery of the relation-state statements (``relations are strained``) between two different
    corpus actors: ``a``, ``b`` at ``level``, ``sign``, ``modality``, ``weight``, ``date``, ``domestic``
    and the evidence."""
    check_level(level)
    extra, params = date_filter(since, until, "r.date")
    if pair is not None and level == "actor":
        extra += " AND la.corpus_id IN (?, ?) AND lb.corpus_id IN (?, ?)"
        params += [*pair, *pair]
    if level == "state":
        a = f"coalesce({state_sql('da.code', 'da.country')}, la.corpus_id)"
        b = f"coalesce({state_sql('db.code', 'db.country')}, lb.corpus_id)"
        join = ("LEFT JOIN actors da ON da.doc_id = r.doc_id AND da.actor_id = r.a "
                "LEFT JOIN actors db ON db.doc_id = r.doc_id AND db.actor_id = r.b")
        placed = f"{_placed(a, 'la.corpus_id', 'a_actor')} AND {_placed(b, 'lb.corpus_id', 'b_actor')}"
    else:
        a, b, join, placed = "la.corpus_id", "lb.corpus_id", "", "true"
    weight = WEIGHT_SQL.format(col="r.modality")
    sql = f"""SELECT * EXCLUDE (own), CASE WHEN '{level}' = 'state' THEN a = b ELSE own END AS domestic FROM (
        SELECT {a} AS a, {b} AS b, la.corpus_id AS actor_a, lb.corpus_id AS actor_b, r.doc_id, r.sign, r.modality,
               {weight} AS weight, r.date, r.evidence_start, r.evidence_end, r.evidence_text,
               coalesce({own_state_sql()}, false) AS own
        FROM relations r
        JOIN actor_links la ON la.doc_id = r.doc_id AND la.actor_id = r.a
        JOIN actor_links lb ON lb.doc_id = r.doc_id AND lb.actor_id = r.b {join}
        {actor_join("a_actor", "la.corpus_id")} {actor_join("b_actor", "lb.corpus_id")}
        WHERE la.corpus_id <> lb.corpus_id {extra} AND {placed}
              AND {political_sql("a_actor")} AND {political_sql("b_actor")})"""
    return sql, params


def names(con, ids: set[str] | list[str], level: str = "actor") -> dict[str, dict[str, Any]]:
    """Name, type, code and country of node ids at ``level`` (a state code at state level is a state)."""
    ids = sorted(set(ids))
    if not ids:
        return {}
    rows = con.execute("SELECT id, name, type, code, country FROM corpus_actors WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                       [ids]).fetchall()
    out = {r[0]: dict(zip(("id", "name", "type", "code", "country"), r), level="actor") for r in rows}
    if level == "state":
        for i in ids:
            n = state_name(i)
            if n is not None and i not in out:
                out[i] = {"id": i, "name": n, "type": "state", "code": i, "country": i, "level": "state"}
    return out


def state_names_sql() -> str:
    """``(VALUES ('KAZ', 'Kazakhstan'), …)``: the states' names as a relation to join (our own data)."""
    from ..hierarchy import state_codes

    rows = ", ".join(f"('{c}', '{(state_name(c) or c).replace(chr(39), chr(39) * 2)}')" for c in sorted(state_codes()))
    return f"(VALUES {rows})"


def endpoint_sql(level: str, code: str, actor: str, side: str) -> tuple[str, str, str, str]:
    """SQL for one endpoint of an exported event at ``level``: (id, name, code, country) expressions,
    given its event code column ``code`` and its ``corpus_actors`` alias ``actor``; at state level
    the state (when it has one) replaces the actor. ``side`` names the joined state-name alias."""
    check_level(level)
    if level == "actor":
        return f"{actor}.id", f"{actor}.name", code, f"{actor}.country"
    st = state_sql(code, f"{actor}.country")
    return (f"coalesce({st}, {actor}.id)", f"coalesce({side}.name, {actor}.name)", f"coalesce({st}, {code})",
            f"coalesce({st}, {actor}.country)")
