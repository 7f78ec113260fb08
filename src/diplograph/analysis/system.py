"""The model of the system a corpus describes: actors, ranked dyads, signed network, triads.

``system(con)`` answers the ``diplograph system`` contract: ``{"actors", "dyads", "triads"}``
plus ``"balance"`` (share of balanced triads, frustration index). Dyads are ranked by
activity (events) and change (|slope| of the Goldstein scores of its counted events against
their dates, in points per 30 days; ``trend`` names it: improving, worsening or stable); the sign
of a dyad is the sign of its undirected pair in the signed network (see ``network.py``).
Weights, signs and trend are ``relation.py``'s, the same as ``dyad``'s, the exports' and the API's.

``level`` (``levels.py``): ``actor`` (the default) or ``state``, where every endpoint rolls up to
its state. An actor and its own state are never a dyad, at state level no state is paired with
itself: those events are listed per state under ``domestic``. ``totals`` says how many dyads there
are besides the ``top`` listed.
"""
from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

from ..hierarchy import check_level, state_of
from ..relation import RELATION_POINTS
from .dyads import actor_activity, domestic_table, dyad_rows, pair_scores
from .levels import names as level_names
from .levels import events_sql, statements_sql
from .network import SignedGraph, balance, closed_triads, triads

# The triads and the frustration index are computed on the most active edges: enough for
# every pair an analyst reads, and bounded so that a store of millions of events answers fast.
NETWORK_EDGES = 1000


def relation_scores(con: duckdb.DuckDBPyConnection, since: date | None = None,
                    until: date | None = None, level: str = "actor") -> list[tuple[str, str, float, int]]:
    """Relation-state statements (``relations are strained``) as (a, b, points, 1) rows, weighted
    like events; none between an actor and its own state (or within one state at state level)."""
    sql, params = statements_sql(level, since, until)
    rows = con.execute(f"SELECT a, b, {RELATION_POINTS} * sign * weight FROM ({sql}) WHERE weight > 0 AND NOT domestic",
                       params).fetchall()
    return [(a, b, points, 1) for a, b, points in rows]


def signed_graph(con: duckdb.DuckDBPyConnection, since: date | None = None, until: date | None = None,
                 edges: int | None = NETWORK_EDGES, level: str = "actor") -> SignedGraph:
    """The signed network of the most active pairs (events both ways plus relation states)."""
    scores = pair_scores(con, since, until, edges, level)
    if since is None and until is None and level == "actor":
        return SignedGraph.from_scores(scores)  # the summary already holds the relation states
    keep = {(a, b) for a, b, _, _ in scores}
    rel = [r for r in relation_scores(con, since, until, level) if not edges or (min(r[:2]), max(r[:2])) in keep
           or len(keep) < edges]
    return SignedGraph.from_scores(scores + rel)


def system(con: duckdb.DuckDBPyConnection, since: date | None = None, until: date | None = None,
           top: int = 50, top_triads: int = 50, top_actors: int = 50, level: str = "actor") -> dict[str, Any]:
    check_level(level)
    dyads, total = dyad_rows(con, since, until, limit=top or None, level=level)
    graph = signed_graph(con, since, until, level=level)
    for d in dyads:
        sign = graph.sign(d["a"], d["b"])
        if sign is None and len(graph.edges) >= NETWORK_EDGES:
            # a pair beyond the network's most active edges: the same score, computed for itself
            from .dyads import pair_sign

            sign = pair_sign(con, d["a"], d["b"], since, until, level)
        d["sign"] = sign
    degree = actor_activity(con, since, until, top_actors, level=level)
    ids = set(degree) | {x for d in dyads for x in (d["a"], d["b"])}
    info = level_names(con, graph_nodes(graph) | ids, level)
    names = {k: v["name"] for k, v in info.items()}
    found = closed_triads(graph)
    listed = triads(graph, names, top_triads, found)
    ids |= {x for t in listed for x in t["actors"]}
    missing = sorted(ids - set(degree))
    if missing:
        degree.update(actor_activity(con, since, until, ids=missing, level=level))
    actors = _actors(con, ids, degree, level)
    for d in dyads:
        d["names"] = [names.get(d["a"], d["a"]), names.get(d["b"], d["b"])]
    return {"actors": actors, "dyads": dyads, "triads": listed, "balance": balance(graph, found),
            "period": {"since": since.isoformat() if since else None, "until": until.isoformat() if until else None},
            "level": level, "domestic": domestic_table(con, since, until, level),
            "totals": {"dyads": total, "listed": len(dyads), "triads": len(found), "triads_listed": len(listed),
                       **({"unplaced_events": unplaced_events(con, since, until)} if level == "state" else {})}}


def unplaced_events(con: duckdb.DuckDBPyConnection, since: date | None = None, until: date | None = None) -> int:
    """Counted events the state level leaves out: an endpoint of unknown state that is no party of
    its own (a person or a sector actor the texts tie to no state)."""
    sql, params = events_sql("state", since, until, unplaced=True)
    return con.execute(f"SELECT count(*) FROM ({sql}) WHERE NOT placed AND weight > 0", params).fetchone()[0]


def graph_nodes(graph: SignedGraph) -> set[str]:
    return {a for p in graph.edges for a in p}


def _actors(con: duckdb.DuckDBPyConnection, ids: set[str], degree: dict[str, int],
            level: str = "actor") -> list[dict[str, Any]]:
    if not ids:
        return []
    rows = con.execute(
        "SELECT id, documents, mentions FROM corpus_actors WHERE id IN (SELECT unnest(?::VARCHAR[]))",
        [sorted(ids)]).fetchall()
    counts = {r[0]: r[1:] for r in rows}
    out = []
    for i, info in level_names(con, ids, level).items():
        documents, mentions = counts.get(i, (None, None))
        out.append({"id": i, "name": info["name"], "type": info["type"], "code": info["code"],
                    "country": info["country"], "documents": documents, "mentions": mentions,
                    "events": degree.get(i, 0), "level": info["level"],
                    "state": state_of(info["code"], info["country"])})
    out.sort(key=lambda a: (-a["events"], -(a["documents"] or 0), a["id"]))
    return out
