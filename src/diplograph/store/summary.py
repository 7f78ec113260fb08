"""Per-dyad and per-pair sums kept by the writer, so the whole-corpus `system` view reads a few
thousand rows instead of millions of events.

``dyad_summary`` (ordered a → b): events (weight > 0) per quad class, weighted Goldstein sum
and weight sum, mentions, excluded events, first/last date, and the sums a least-squares slope
needs (n, Σx, Σy, Σxy, Σx² with x = date in 30-day units, y = Goldstein), so that the slope is
exactly ``regr_slope`` over the dyad's events. ``pair_summary`` (unordered {x, y}, x < y): the
signed-network score (events both ways plus relation-state points) and the activity (events
plus relation-state statements, as the network of ``analysis/system.py`` counts them; the weights
are ``relation.py``'s).
``actor_summary``: the activity of each actor (the sum over its pairs).
Both are recomputed for the dyads and pairs a batch touches, in the batch's transaction.

Each dyad and pair row also carries two flags (``pairs.flagged_sql``): ``own`` (an actor and its own
state: domestic, no pair) and ``political`` (neither end is a news outlet or the like), so that the
whole-corpus views filter on a column instead of joining the actors for every row on every call.
They depend on the two actors' type, code and country: when a batch changes those of an actor, the
flags of all its dyads and pairs are computed again (``reflag``), touched by the batch or not.
"""
from __future__ import annotations

import duckdb

from ..relation import RELATION_POINTS, WEIGHT_SQL
from .pairs import flagged_sql

_WEIGHT_CASE = WEIGHT_SQL.format(col="r.modality")  # relation.py's weights, as every view reads them

_DYAD_SELECT = """
SELECT c.a, c.b, count(*) FILTER (weight > 0),
       count(*) FILTER (weight > 0 AND quad_class = 1), count(*) FILTER (weight > 0 AND quad_class = 2),
       count(*) FILTER (weight > 0 AND quad_class = 3), count(*) FILTER (weight > 0 AND quad_class = 4),
       coalesce(sum(goldstein * weight), 0), coalesce(sum(weight), 0), coalesce(sum(mentions), 0),
       count(*) FILTER (weight = 0),
       count(*) FILTER (weight > 0 AND date IS NOT NULL),
       coalesce(sum(epoch(date) / 2592000.0) FILTER (weight > 0), 0),
       coalesce(sum(goldstein) FILTER (weight > 0 AND date IS NOT NULL), 0),
       coalesce(sum(epoch(date) / 2592000.0 * goldstein) FILTER (weight > 0), 0),
       coalesce(sum(pow(epoch(date) / 2592000.0, 2)) FILTER (weight > 0), 0),
       min(date), max(date)
FROM corpus_events c {join}
WHERE c.a IS NOT NULL AND c.b IS NOT NULL AND c.a <> c.b
GROUP BY c.a, c.b"""

_RELATIONS = f"""
SELECT least(la.corpus_id, lb.corpus_id) AS x, greatest(la.corpus_id, lb.corpus_id) AS y,
       sum({RELATION_POINTS} * r.sign * ({_WEIGHT_CASE})) AS score, count(*) FILTER (({_WEIGHT_CASE}) > 0) AS n
FROM relations r
JOIN actor_links la ON la.doc_id = r.doc_id AND la.actor_id = r.a
JOIN actor_links lb ON lb.doc_id = r.doc_id AND lb.actor_id = r.b
WHERE la.corpus_id <> lb.corpus_id {{filter}}
GROUP BY x, y"""

_PAIRS = """
SELECT x, y, sum(score), sum(events) FROM (
    SELECT least(a, b) AS x, greatest(a, b) AS y, gsum AS score, events FROM dyad_summary {dyad_filter}
    UNION ALL
    SELECT x, y, score, n FROM ({relations})
) GROUP BY x, y"""


def _insert_dyads(con: duckdb.DuckDBPyConnection, join: str) -> None:
    con.execute("INSERT INTO dyad_summary " + flagged_sql(_DYAD_SELECT.format(join=join), "a", "b"))


def _insert_pairs(con: duckdb.DuckDBPyConnection, dyad_filter: str, relations: str) -> None:
    con.execute("INSERT INTO pair_summary " + flagged_sql(_PAIRS.format(dyad_filter=dyad_filter, relations=relations),
                                                          "x", "y"))


_ACTORS = """
INSERT INTO actor_summary
SELECT x, sum(events) FROM (SELECT x, events FROM pair_summary {fx} UNION ALL SELECT y, events FROM pair_summary {fy})
GROUP BY x"""


def rebuild(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute every summary (a migration, or a store filled by other means)."""
    con.execute("DELETE FROM dyad_summary")
    con.execute("DELETE FROM pair_summary")
    _insert_dyads(con, "")
    _insert_pairs(con, "", _RELATIONS.format(filter=""))
    con.execute("DELETE FROM actor_summary")
    con.execute(_ACTORS.format(fx="", fy=""))


def refresh(con: duckdb.DuckDBPyConnection, doc_ids: list[str], changed_actors: list[str] | None = None) -> None:
    """Recompute the summaries of the dyads and pairs the documents ``doc_ids`` touch, and the flags
    of every dyad and pair of the corpus actors whose type, code or country the batch changed."""
    con.execute(
        """CREATE OR REPLACE TEMP TABLE touched_dyads AS
           SELECT DISTINCT c.a, c.b FROM event_mentions em JOIN corpus_events c ON c.id = em.event_id
           WHERE em.doc_id IN (SELECT unnest(?::VARCHAR[])) AND c.a IS NOT NULL AND c.b IS NOT NULL AND c.a <> c.b""",
        [doc_ids])
    con.execute(
        """CREATE OR REPLACE TEMP TABLE touched_pairs AS
           SELECT DISTINCT least(a, b) AS x, greatest(a, b) AS y FROM touched_dyads
           UNION
           SELECT least(la.corpus_id, lb.corpus_id), greatest(la.corpus_id, lb.corpus_id) FROM relations r
           JOIN actor_links la ON la.doc_id = r.doc_id AND la.actor_id = r.a
           JOIN actor_links lb ON lb.doc_id = r.doc_id AND lb.actor_id = r.b
           WHERE r.doc_id IN (SELECT unnest(?::VARCHAR[])) AND la.corpus_id <> lb.corpus_id""", [doc_ids])
    con.execute("DELETE FROM dyad_summary WHERE (a, b) IN (SELECT (a, b) FROM touched_dyads)")
    _insert_dyads(con, "JOIN touched_dyads t ON t.a = c.a AND t.b = c.b")
    con.execute("DELETE FROM pair_summary WHERE (x, y) IN (SELECT (x, y) FROM touched_pairs)")
    _insert_pairs(con, "WHERE (least(a, b), greatest(a, b)) IN (SELECT (x, y) FROM touched_pairs)",
                  _RELATIONS.format(filter="AND (least(la.corpus_id, lb.corpus_id), greatest(la.corpus_id, lb.corpus_id))"
                                           " IN (SELECT (x, y) FROM touched_pairs)"))
    if changed_actors:
        reflag(con, changed_actors)
    con.execute("CREATE OR REPLACE TEMP TABLE touched_actors AS SELECT x FROM touched_pairs UNION SELECT y FROM touched_pairs")
    con.execute("DELETE FROM actor_summary WHERE id IN (SELECT x FROM touched_actors)")
    con.execute(_ACTORS.format(fx="WHERE x IN (SELECT x FROM touched_actors)", fy="WHERE y IN (SELECT x FROM touched_actors)"))


def reflag(con: duckdb.DuckDBPyConnection, actors: list[str]) -> None:
    """Compute again the ``own`` and ``political`` flags of every dyad and pair of ``actors``."""
    for table, x, y in (("dyad_summary", "a", "b"), ("pair_summary", "x", "y")):
        con.execute(
            f"""UPDATE {table} SET own = n.own, political = n.political FROM ({flagged_sql(
                f"SELECT {x}, {y} FROM {table} WHERE {x} IN (SELECT unnest(?::VARCHAR[])) "
                f"OR {y} IN (SELECT unnest(?::VARCHAR[]))", x, y)}) n
                WHERE {table}.{x} = n.{x} AND {table}.{y} = n.{y}""", [actors, actors])
