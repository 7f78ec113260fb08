"""The model of the system a corpus describes: actors, ranked dyads, signed network, triads.

``system(con)`` answers the ``diplograph system`` contract: ``{"actors", "dyads", "triads"}``
plus ``"balance"`` (share of balanced triads, frustration index). Dyads are ranked by
activity (events) and change (|slope| of the Goldstein scores of its counted events against
their dates, in points per 30 days; ``trend`` names it: improving, worsening or stable); the sign
of a dyad is the sign of its undirected pair in the signed network (see ``network.py``).
"""
from __future__ import annotations

from datetime import date
from typing import Any

import duckdb

from ..corpus.weights import RELATION_POINTS, modality_weight
from .dyads import STABLE_SLOPE, actor_activity, date_filter, dyad_table, pair_scores
from .network import SignedGraph, balance, closed_triads, triads

# The triads and the frustration index are computed on the most active edges: enough for
# every pair an analyst reads, and bounded so that a store of millions of events answers fast.
NETWORK_EDGES = 1000


def relation_scores(con: duckdb.DuckDBPyConnection, since: date | None = None,
                    until: date | None = None) -> list[tuple[str, str, float, int]]:
    """Relation-state statements (``relations are strained``) as (a, b, points, 1) rows."""
    extra, params = date_filter(since, until, "r.date")
    rows = con.execute(
        f"""SELECT la.corpus_id, lb.corpus_id, r.sign, r.modality FROM relations r
            JOIN actor_links la ON la.doc_id = r.doc_id AND la.actor_id = r.a
            JOIN actor_links lb ON lb.doc_id = r.doc_id AND lb.actor_id = r.b
            WHERE la.corpus_id <> lb.corpus_id {extra}""", params).fetchall()
    return [(a, b, RELATION_POINTS * sign * modality_weight(m), 1) for a, b, sign, m in rows if modality_weight(m)]


def _trend_word(slope: float | None) -> str | None:
    if slope is None:
        return None
    return "stable" if abs(slope) < STABLE_SLOPE else ("improving" if slope > 0 else "worsening")


def signed_graph(con: duckdb.DuckDBPyConnection, since: date | None = None, until: date | None = None,
                 edges: int | None = NETWORK_EDGES) -> SignedGraph:
    """The signed network of the most active pairs (events both ways plus relation states)."""
    scores = pair_scores(con, since, until, edges)
    if since is None and until is None:
        return SignedGraph.from_scores(scores)  # the summary already holds the relation states
    keep = {(a, b) for a, b, _, _ in scores}
    rel = [r for r in relation_scores(con, since, until) if not edges or (min(r[:2]), max(r[:2])) in keep
           or len(keep) < edges]
    return SignedGraph.from_scores(scores + rel)


def system(con: duckdb.DuckDBPyConnection, since: date | None = None, until: date | None = None,
           top: int = 50, top_triads: int = 50, top_actors: int = 50) -> dict[str, Any]:
    dyads = dyad_table(con, since, until, limit=top or None)
    graph = signed_graph(con, since, until)
    for d in dyads:
        sign = graph.sign(d["a"], d["b"])
        d["sign"] = sign if sign is not None else (1 if d["goldstein"] > 0 else -1 if d["goldstein"] < 0 else None)
        d["trend"] = _trend_word(d["slope"])
    degree = actor_activity(con, since, until, top_actors)
    ids = set(degree) | {x for d in dyads for x in (d["a"], d["b"])}
    names = _names(con, graph_nodes(graph) | ids)
    found = closed_triads(graph)
    listed = triads(graph, names, top_triads, found)
    ids |= {x for t in listed for x in t["actors"]}
    missing = sorted(ids - set(degree))
    if missing:
        degree.update(actor_activity(con, since, until, ids=missing))
    actors = _actors(con, ids, degree)
    for d in dyads:
        d["names"] = [names.get(d["a"], d["a"]), names.get(d["b"], d["b"])]
    return {"actors": actors, "dyads": dyads, "triads": listed, "balance": balance(graph, found),
            "period": {"since": since.isoformat() if since else None, "until": until.isoformat() if until else None}}


def graph_nodes(graph: SignedGraph) -> set[str]:
    return {a for p in graph.edges for a in p}


def _names(con: duckdb.DuckDBPyConnection, ids: set[str]) -> dict[str, str]:
    if not ids:
        return {}
    rows = con.execute("SELECT id, name FROM corpus_actors WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                       [sorted(ids)]).fetchall()
    return dict(rows)


def _actors(con: duckdb.DuckDBPyConnection, ids: set[str], degree: dict[str, int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    rows = con.execute(
        "SELECT id, name, type, code, country, documents, mentions FROM corpus_actors "
        "WHERE id IN (SELECT unnest(?::VARCHAR[]))", [sorted(ids)]).fetchall()
    cols = ("id", "name", "type", "code", "country", "documents", "mentions")
    out = [dict(zip(cols, r), events=degree.get(r[0], 0)) for r in rows]
    out.sort(key=lambda a: (-a["events"], -a["documents"], a["id"]))
    return out
