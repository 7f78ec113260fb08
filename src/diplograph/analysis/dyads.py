"""Dyads: how each ordered pair of actors (source → target) moves over time.

Reads the corpus view of a store (``corpus_events``: de-duplicated events between unified
actors) at a level (``levels.py``: actors, or their states), with the one definition of a
relation (``relation.py``): every event counts with the *weight* of the status of its claim
(asserted 1, future and hedged 0.5, conditional 0.25, question, desired and negated 0).

A corpus event takes the most assertive status any of its reports gives it. Events of weight
0 are *excluded*: they count neither in ``events`` nor in the Goldstein figures (their number
is reported as ``excluded``). ``goldstein`` is the weighted sum Σ wᵢ·gᵢ and ``goldstein_mean``
the weighted mean Σ wᵢ·gᵢ / Σ wᵢ. The trend (``slope``, ``direction``) is ``relation.py``'s: the
least-squares slope of the counted events' Goldstein scores against their dates, per 30 days;
``system`` and ``dyad`` report the same one. ``dyad`` adds a single change point of its series of
per-period weighted means: the split that most reduces the squared error of a two-mean model
(reported when the two means differ by at least 2 Goldstein points).

An actor and its own state (at state level: two endpoints in one state) are not a dyad: their
events are *domestic* (``domestic_table``).
"""
from __future__ import annotations

import math
from datetime import date
from typing import Any

import duckdb

from ..errors import StoreError, UsageError
from ..hierarchy import check_level, member, node
from ..relation import RELATION_POINTS, STABLE_SLOPE, sign_of, slope_sql, trend_word
from ..text.search import matches_words, word_key
from ..store.pairs import non_political_sql
from .levels import actor_join, events_sql, statements_sql

PERIODS = ("day", "week", "month")
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
MIN_CHANGE = 2.0


def find_actor(con: duckdb.DuckDBPyConnection, query: str) -> dict[str, Any]:
    """An actor named by corpus id, name or code (case-insensitive); the most documented wins."""
    q = query.strip()
    cols = ("id", "name", "type", "code", "country")
    for where in ("lower(id) = lower(?)", "lower(name) = lower(?)", "upper(code) = upper(?)"):
        row = con.execute(f"SELECT id, name, type, code, country FROM corpus_actors WHERE {where} "
                          "ORDER BY documents DESC, mentions DESC, id LIMIT 1", [q]).fetchone()
        if row:
            return dict(zip(cols, row))
    # a name the texts call it by (Russia for the Russian Federation), most often so called
    row = con.execute("""SELECT c.id, c.name, c.type, c.code, c.country FROM mentions m
                         JOIN actor_links l ON l.doc_id = m.doc_id AND l.actor_id = m.actor_id
                         JOIN corpus_actors c ON c.id = l.corpus_id
                         WHERE lower(m.text) = lower(?) AND m.method <> 'coref' AND c.id NOT LIKE '%@%'
                         GROUP BY ALL ORDER BY count(*) DESC, c.id LIMIT 1""", [q]).fetchone()
    if row:
        return dict(zip(cols, row))
    # whole words of the name (Putin: Vladimir Putin, not Performance Computing)
    rows = con.execute("SELECT id, name, type, code, country FROM corpus_actors WHERE lower(name) LIKE '%' || "
                       "lower(?) || '%' ORDER BY documents DESC, mentions DESC, id", [q]).fetchall()
    for row in rows:
        if matches_words(q, word_key(row[1] or ""), prefix_last=False):
            return dict(zip(cols, row))
    raise UsageError("E012", query=query)


def trend(values: list[float]) -> dict[str, Any]:
    """Slope per period and one change point of a series of per-period Goldstein means (``dyad``
    reports its change point; its direction and slope are replaced by ``relation.py``'s trend)."""
    n = len(values)
    out: dict[str, Any] = {"direction": None, "slope": None, "change_point": None}
    if n < 2:
        return out
    xm, ym = (n - 1) / 2, sum(values) / n
    sxx = sum((i - xm) ** 2 for i in range(n))
    slope = sum((i - xm) * (v - ym) for i, v in enumerate(values)) / sxx
    out["slope"] = round(slope, 3)
    out["direction"] = "stable" if abs(slope) < STABLE_SLOPE else ("improving" if slope > 0 else "worsening")
    best = None
    total = sum((v - ym) ** 2 for v in values)
    # prefix sums: the squared error of each split in O(1), the whole scan in O(n)
    ps, pq = [0.0], [0.0]
    for v in values:
        ps.append(ps[-1] + v)
        pq.append(pq[-1] + v * v)
    for k in range(1, n):
        ls, lq, rs, rq = ps[k], pq[k], ps[n] - ps[k], pq[n] - pq[k]
        lm, rm = ls / k, rs / (n - k)
        sse = (lq - ls * lm) + (rq - rs * rm)
        if best is None or sse < best[0] - 1e-12:
            best = (sse, k, lm, rm)
    if best and abs(best[3] - best[2]) >= MIN_CHANGE and best[0] < total:
        out["change_point"] = {"index": best[1], "before": round(best[2], 2), "after": round(best[3], 2)}
    return out


def _slope(value: float | None) -> float | None:
    return None if value is None or math.isnan(value) else round(value, 3)


# The slope of relation.py's trend over the rows of events_sql (x: the date in 30-day units).
_SLOPE = slope_sql()


def series(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "month",
           since: date | None = None, until: date | None = None, level: str = "actor") -> list[dict[str, Any]]:
    """Per-period counts per quad class and weighted Goldstein of the events a → b (undated
    events, when there are any, in a last row whose period is None)."""
    return _series_both(con, a, b, by, since, until, level)[0]


def _series_both(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str, since: date | None,
                 until: date | None, level: str = "actor",
                 facts: dict[bool, tuple] | None = None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The series a → b and b → a, in one scan of the events; ``facts`` (if given) receives, per
    direction (True: a → b), (slope, any domestic, weighted Goldstein sum) from the same scan."""
    if by not in PERIODS:
        raise UsageError("E009", what="period", value=by, options=", ".join(PERIODS))
    rows_sql, params = events_sql(level, since, until, pair=(a, b))
    rows = con.execute(
        f"""SELECT a = ? AS forward, date_trunc('{by}', date)::DATE AS period, grouping(period) AS whole,
                   count(*) FILTER (weight > 0),
                   count(*) FILTER (weight > 0 AND quad_class = 1), count(*) FILTER (weight > 0 AND quad_class = 2),
                   count(*) FILTER (weight > 0 AND quad_class = 3), count(*) FILTER (weight > 0 AND quad_class = 4),
                   sum(goldstein * weight), sum(weight), count(*) FILTER (weight = 0), sum(mentions),
                   {_SLOPE}, bool_or(domestic)
            FROM ({rows_sql}) WHERE (a = ? AND b = ?) OR (a = ? AND b = ?)
            GROUP BY GROUPING SETS ((forward, period), (forward)) ORDER BY forward DESC, period NULLS LAST""",
        [a, *params, a, b, b, a]).fetchall()
    out: tuple[list[dict[str, Any]], list[dict[str, Any]]] = ([], [])
    for forward, period, whole, n, q1, q2, q3, q4, gsum, w, excluded, mentions, slope, domestic in rows:
        if whole:  # the direction as a whole (relation.py's trend needs every event, not period means)
            if facts is not None:
                facts[bool(forward)] = (slope, domestic, gsum)
            continue
        out[0 if forward else 1].append({
            "period": period.isoformat() if period else None, "events": n, "quad": dict(zip(QUADS, (q1, q2, q3, q4))),
            "goldstein": round(gsum or 0.0, 2), "goldstein_mean": round(gsum / w, 2) if w else None,
            "excluded": excluded, "mentions": int(mentions or 0)})
    return out


def endpoint(con: duckdb.DuckDBPyConnection, query: str, level: str = "actor") -> dict[str, Any]:
    """The node ``query`` names at ``level``: the corpus actor, or at state level the state it belongs
    to (a state code such as ``KAZ`` names the state itself)."""
    check_level(level)
    from ..hierarchy import state_name

    if level == "state" and state_name(query.strip().upper()) is not None:
        code = query.strip().upper()
        return {"id": code, "name": state_name(code), "type": "state", "code": code, "country": code, "level": "state"}
    found = find_actor(con, query)
    if level == "state":
        at = node(member(found["id"], found["type"], found["code"], found["country"]), "state")
        if at != found["id"]:
            return {"id": at, "name": state_name(at), "type": "state", "code": at, "country": at, "level": "state",
                    "member": found}
    return {**found, "level": level}


def dyad(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "month", since: date | None = None,
         until: date | None = None, evidence: int = 10, level: str = "actor") -> dict[str, Any]:
    """The time series of one pair, both directions, with a trend, the pair's sign and the
    best-attested evidence. A pair that is domestic (``levels.py``) says so and has no sign."""
    actor_a, actor_b = endpoint(con, a, level), endpoint(con, b, level)
    x, y = actor_a["id"], actor_b["id"]
    out: dict[str, Any] = {"a": actor_a, "b": actor_b, "by": by, "level": level}
    facts: dict[bool, tuple] = {}
    both = _series_both(con, x, y, by, since, until, level, facts)
    rows_sql, params = events_sql(level, since, until, pair=(x, y))
    for key, fwd, s in (("a_to_b", True, both[0]), ("b_to_a", False, both[1])):
        dated = [p for p in s if p["goldstein_mean"] is not None and p["period"] is not None]
        t = trend([p["goldstein_mean"] for p in dated])
        if t["change_point"] is not None:
            t["change_point"]["period"] = dated[t["change_point"]["index"]]["period"]
        slope = _slope(facts.get(fwd, (None, None, None))[0])
        t.update(slope=slope, direction=trend_word(slope), unit="Goldstein points per 30 days")
        n = sum(p["events"] for p in s)
        g = sum(p["goldstein"] for p in s)
        out[key] = {"events": n, "goldstein": round(g, 2), "excluded": sum(p["excluded"] for p in s), "series": s,
                    "trend": t}
    domestic = x == y or any(f[1] for f in facts.values()) or _own_pair(con, actor_a, actor_b, level)
    out["domestic"] = domestic
    if domestic:
        out["sign"] = None
    else:  # relation.py's score: the events both ways (already summed above) and the statements
        st_sql, st_params = statements_sql(level, since, until, pair=(x, y))
        statements = con.execute(
            f"""SELECT sum({RELATION_POINTS} * sign * weight) FROM ({st_sql}) WHERE NOT domestic
                AND ((a = ? AND b = ?) OR (a = ? AND b = ?))""", [*st_params, x, y, y, x]).fetchone()[0]
        out["sign"] = sign_of(sum(f[2] or 0.0 for f in facts.values()) + (statements or 0.0))
    rows = con.execute(
        f"""SELECT id, a, b, cameo, plover, goldstein, quad_class, modality, date, mentions, sources, first_doc,
                   evidence_text, actor_a, actor_b FROM ({rows_sql}) WHERE (a = ? AND b = ?) OR (a = ? AND b = ?)
            ORDER BY mentions DESC, weight DESC, date DESC NULLS LAST, id LIMIT ?""",
        [*params, x, y, y, x, evidence]).fetchall()
    cols = ("id", "a", "b", "cameo", "plover", "goldstein", "quad_class", "modality", "date", "mentions", "sources",
            "doc_id", "evidence", "actor_a", "actor_b")
    out["evidence"] = [dict(zip(cols, r), date=r[8].isoformat() if r[8] else None) for r in rows]
    if level == "actor":
        for e in out["evidence"]:
            del e["actor_a"], e["actor_b"]
    return out


def _own_pair(con: duckdb.DuckDBPyConnection, x: dict[str, Any], y: dict[str, Any], level: str) -> bool:
    if level == "state":
        return x["id"] == y["id"]
    from ..hierarchy import own_state

    return own_state(member(x["id"], x["type"], x["code"], x["country"]),
                     member(y["id"], y["type"], y["code"], y["country"]))


def pair_sign(con: duckdb.DuckDBPyConnection, x: str, y: str, since: date | None = None, until: date | None = None,
              level: str = "actor") -> int | None:
    """The sign of the undirected pair {x, y}: relation.py's score of its events and statements."""
    ev_sql, ev_params = events_sql(level, since, until, pair=(x, y))
    st_sql, st_params = statements_sql(level, since, until, pair=(x, y))
    score = con.execute(
        f"""SELECT coalesce((SELECT sum(goldstein * weight) FROM ({ev_sql}) WHERE NOT domestic
                                AND ((a = ? AND b = ?) OR (a = ? AND b = ?))), 0)
                 + coalesce((SELECT sum({RELATION_POINTS} * sign * weight) FROM ({st_sql}) WHERE NOT domestic
                                AND ((a = ? AND b = ?) OR (a = ? AND b = ?))), 0)""",
        [*ev_params, x, y, y, x, *st_params, x, y, y, x]).fetchone()[0]
    return sign_of(score)


_DYAD_COLUMNS = f"""a, b, count(*) FILTER (weight > 0) AS n,
       count(*) FILTER (weight > 0 AND quad_class = 1), count(*) FILTER (weight > 0 AND quad_class = 2),
       count(*) FILTER (weight > 0 AND quad_class = 3), count(*) FILTER (weight > 0 AND quad_class = 4),
       sum(goldstein * weight), sum(weight), sum(mentions), {_SLOPE} AS slope, min(date), max(date)"""


def dyad_rows(con: duckdb.DuckDBPyConnection, since: date | None = None, until: date | None = None,
              min_events: int = 1, limit: int | None = None, level: str = "actor") -> tuple[list[dict[str, Any]], int]:
    """``dyad_table``'s rows and the number of dyads there are (before ``limit``)."""
    check_level(level)
    tail = "" if not limit else f" LIMIT {int(limit)}"
    if since is None and until is None and level == "actor":  # the writer's summary, its pairs flagged (store/summary.py)
        source = """SELECT s.a, s.b, s.events AS n, s.q1, s.q2, s.q3, s.q4, s.gsum, s.wsum, s.mentions,
                            CASE WHEN s.nd >= 2 AND s.nd * s.sxx - s.sx * s.sx > 1e-9 * s.nd * s.sxx
                                 THEN (s.nd * s.sxy - s.sx * s.sy) / (s.nd * s.sxx - s.sx * s.sx) END AS slope,
                            s.first, s.last
                     FROM dyad_summary s WHERE s.events >= ? AND NOT s.own AND s.political"""
        params: list[Any] = []
    else:
        rows_sql, params = events_sql(level, since, until)
        source = f"""SELECT {_DYAD_COLUMNS} FROM ({rows_sql}) WHERE NOT domestic
                     GROUP BY a, b HAVING count(*) FILTER (weight > 0) >= ?"""
    try:
        rows = con.execute(f"SELECT * FROM ({source}) ORDER BY n DESC, abs(coalesce(slope, 0)) DESC, a, b{tail}",
                           [*params, min_events]).fetchall()
        total = len(rows) if not limit or len(rows) < limit else \
            con.execute(f"SELECT count(*) FROM ({source})", [*params, min_events]).fetchone()[0]
    except duckdb.CatalogException as exc:
        raise StoreError("E002", path="store", reason=str(exc).splitlines()[0]) from exc
    out = []
    for a, b, n, q1, q2, q3, q4, gsum, w, mentions, slope, first, last in rows:
        slope = _slope(slope)
        out.append({"a": a, "b": b, "events": n, "quad": dict(zip(QUADS, (q1, q2, q3, q4))),
                    "goldstein": round(gsum or 0.0, 2), "goldstein_mean": round(gsum / w, 2) if w else None,
                    "mentions": int(mentions or 0), "slope": slope, "trend": trend_word(slope),
                    "first": first.isoformat() if first else None, "last": last.isoformat() if last else None})
    return out, total


def dyad_table(con: duckdb.DuckDBPyConnection, since: date | None = None, until: date | None = None,
               min_events: int = 1, limit: int | None = None, level: str = "actor") -> list[dict[str, Any]]:
    """Ordered dyads with their activity, weighted Goldstein and relation.py's trend (slope per 30
    days), most active first (then the steepest change); ``limit`` keeps the first ones."""
    return dyad_rows(con, since, until, min_events, limit, level)[0]


def pair_scores(con: duckdb.DuckDBPyConnection, since: date | None = None, until: date | None = None,
                limit: int | None = None, level: str = "actor") -> list[tuple[str, str, float, int]]:
    """Unordered pairs (both directions together): (a, b, weighted Goldstein sum, events), most active
    first. Without dates at actor level, the writer's sums of events and relation statements."""
    check_level(level)
    tail = "" if not limit else f" LIMIT {int(limit)}"
    if since is None and until is None and level == "actor":  # events and relation states, summed by the writer
        return con.execute(
            f"""SELECT p.x, p.y, p.score, p.events FROM pair_summary p
                WHERE p.score <> 0 AND NOT p.own AND p.political
                ORDER BY p.events DESC, p.x, p.y{tail}""").fetchall()
    rows_sql, params = events_sql(level, since, until)
    return con.execute(
        f"""SELECT least(a, b) AS x, greatest(a, b) AS y, sum(goldstein * weight), count(*) FILTER (weight > 0) AS n
            FROM ({rows_sql}) WHERE weight > 0 AND NOT domestic
            GROUP BY x, y ORDER BY n DESC, x, y{tail}""", params).fetchall()


def actor_activity(con: duckdb.DuckDBPyConnection, since: date | None = None, until: date | None = None,
                   limit: int = 50, ids: list[str] | None = None, level: str = "actor") -> dict[str, int]:
    """Events (weight > 0) each actor takes part in, as source or target: the most active, or ``ids``.
    At state level, the events with other parties (domestic events are ``domestic_table``'s)."""
    check_level(level)
    only = ""
    if since is None and until is None and level == "actor":  # the writer's summary
        if ids is None:
            rows = con.execute(f"SELECT id, events FROM actor_summary WHERE id NOT IN {non_political_sql()} "
                               f"ORDER BY events DESC, id LIMIT {int(limit)}").fetchall()
        else:
            rows = con.execute("SELECT id, events FROM actor_summary WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                               [ids]).fetchall()
        return {x: int(n) for x, n in rows}
    rows_sql, params = events_sql(level, since, until)
    if ids is not None:
        only, params = " WHERE x IN (SELECT unnest(?::VARCHAR[]))", [*params, ids]
    keep = "" if level == "actor" else " AND NOT domestic"
    rows = con.execute(
        f"""SELECT x, count(*) AS n FROM (
                SELECT unnest([a, b]) AS x FROM ({rows_sql}) WHERE weight > 0{keep}){only}
            GROUP BY x ORDER BY n DESC, x LIMIT {int(limit) if ids is None else max(1, len(ids))}""", params).fetchall()
    return dict(rows)


def domestic_table(con: duckdb.DuckDBPyConnection, since: date | None = None, until: date | None = None,
                   level: str = "actor") -> list[dict[str, Any]]:
    """The domestic events per state (an actor and its own state; at state level, any two endpoints
    of one state): counted events, weighted Goldstein, and the events excluded by their status."""
    from ..hierarchy import state_name

    if since is None and until is None and level == "actor":  # the writer's summary
        rows = con.execute(
            f"""SELECT a_actor.state, sum(s.events), sum(s.gsum), sum(s.excluded)
                FROM dyad_summary s {actor_join("a_actor", "s.a")} WHERE s.own AND s.political
                GROUP BY 1 ORDER BY 2 DESC, 1""").fetchall()
    else:
        rows_sql, params = events_sql(level, since, until)
        state = "r.a" if level == "state" else "a_actor.state"
        rows = con.execute(
            f"""SELECT {state}, count(*) FILTER (weight > 0), sum(goldstein * weight), count(*) FILTER (weight = 0)
                FROM ({rows_sql}) r {actor_join("a_actor", "r.actor_a")}
                WHERE domestic GROUP BY 1 ORDER BY 2 DESC, 1""", params).fetchall()
    return [{"state": s, "name": state_name(s) or s, "events": int(n or 0), "goldstein": round(g or 0.0, 2),
             "excluded": int(x or 0)} for s, n, g, x in rows if s is not None]
