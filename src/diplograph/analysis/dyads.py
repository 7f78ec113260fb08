"""Dyads: how each ordered pair of actors (source → target) moves over time.

Reads the corpus view of a store (``corpus_events``: de-duplicated events between unified
actors). Every event counts with a *weight* that depends on the status of the claim (the
table is ``corpus/weights.py``: asserted 1, future and hedged 0.5, conditional 0.25, question,
desired and negated 0).

A corpus event takes the most assertive status any of its reports gives it. Events of weight
0 are *excluded*: they count neither in ``events`` nor in the Goldstein figures (their number
is reported as ``excluded``). ``goldstein`` is the weighted sum Σ wᵢ·gᵢ and ``goldstein_mean``
the weighted mean Σ wᵢ·gᵢ / Σ wᵢ. The trend is the least-squares slope of the per-period
weighted Goldstein mean against the period index (per period: day, week or month), and a
single change point: the split of the series that most reduces the squared error of a
two-mean model (reported when the two means differ by at least 2 Goldstein points).
"""
from __future__ import annotations

import math
from datetime import date
from typing import Any

import duckdb

from ..errors import StoreError, UsageError

PERIODS = ("day", "week", "month")
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
STABLE_SLOPE = 0.25  # Goldstein points per period below which a trend reads as stable
MIN_CHANGE = 2.0


def date_filter(since: date | None, until: date | None, column: str = "date") -> tuple[str, list[Any]]:
    sql, params = "", []
    if since is not None:
        sql += f" AND {column} >= ?"
        params.append(since)
    if until is not None:
        sql += f" AND {column} <= ?"
        params.append(until)
    return sql, params


def find_actor(con: duckdb.DuckDBPyConnection, query: str) -> dict[str, Any]:
    """An actor named by corpus id, name or code (case-insensitive); the most documented wins."""
    q = query.strip()
    for where, arg in (("lower(id) = lower(?)", q), ("lower(name) = lower(?)", q), ("upper(code) = upper(?)", q),
                       ("lower(name) LIKE '%' || lower(?) || '%'", q)):
        row = con.execute(f"SELECT id, name, type, code, country FROM corpus_actors WHERE {where} "
                          "ORDER BY documents DESC, mentions DESC, id LIMIT 1", [arg]).fetchone()
        if row:
            return dict(zip(("id", "name", "type", "code", "country"), row))
    raise UsageError("E012", query=query)


def trend(values: list[float]) -> dict[str, Any]:
    """Slope per period and one change point of a series of per-period Goldstein means."""
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


# the events of one pair, both directions (one scan: steadier than index lookups for busy pairs)
_PAIR_EVENTS = """SELECT * FROM corpus_events WHERE (a = ? AND b = ?) OR (a = ? AND b = ?)"""


def series(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "month",
           since: date | None = None, until: date | None = None) -> list[dict[str, Any]]:
    """Per-period counts per quad class and weighted Goldstein of the events a → b (undated
    events, when there are any, in a last row whose period is None)."""
    return _series_both(con, a, b, by, since, until)[0]


def _series_both(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str, since: date | None,
                 until: date | None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The series a → b and b → a, in one scan of the events."""
    if by not in PERIODS:
        raise UsageError("E009", what="period", value=by, options=", ".join(PERIODS))
    extra, params = date_filter(since, until)
    rows = con.execute(
        f"""SELECT a = ? AS forward, date_trunc('{by}', date)::DATE AS period, count(*) FILTER (weight > 0),
                   count(*) FILTER (weight > 0 AND quad_class = 1), count(*) FILTER (weight > 0 AND quad_class = 2),
                   count(*) FILTER (weight > 0 AND quad_class = 3), count(*) FILTER (weight > 0 AND quad_class = 4),
                   sum(goldstein * weight), sum(weight), count(*) FILTER (weight = 0), sum(mentions)
            FROM ({_PAIR_EVENTS}) WHERE true {extra}
            GROUP BY forward, period ORDER BY forward DESC, period NULLS LAST""", [a, a, b, b, a, *params]).fetchall()
    out: tuple[list[dict[str, Any]], list[dict[str, Any]]] = ([], [])
    for forward, period, n, q1, q2, q3, q4, gsum, w, excluded, mentions in rows:
        out[0 if forward else 1].append({
            "period": period.isoformat() if period else None, "events": n, "quad": dict(zip(QUADS, (q1, q2, q3, q4))),
            "goldstein": round(gsum or 0.0, 2), "goldstein_mean": round(gsum / w, 2) if w else None,
            "excluded": excluded, "mentions": int(mentions or 0)})
    return out


def dyad(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "month", since: date | None = None,
         until: date | None = None, evidence: int = 10) -> dict[str, Any]:
    """The time series of one pair, both directions, with a trend and the best-attested evidence."""
    actor_a, actor_b = find_actor(con, a), find_actor(con, b)
    out: dict[str, Any] = {"a": actor_a, "b": actor_b, "by": by}
    both = _series_both(con, actor_a["id"], actor_b["id"], by, since, until)
    for key, s in (("a_to_b", both[0]), ("b_to_a", both[1])):
        dated = [p for p in s if p["goldstein_mean"] is not None and p["period"] is not None]
        t = trend([p["goldstein_mean"] for p in dated])
        if t["change_point"] is not None:
            t["change_point"]["period"] = dated[t["change_point"]["index"]]["period"]
        n = sum(p["events"] for p in s)
        g = sum(p["goldstein"] for p in s)
        out[key] = {"events": n, "goldstein": round(g, 2), "series": s, "trend": t}
    extra, params = date_filter(since, until)
    rows = con.execute(
        f"""SELECT id, a, b, cameo, plover, goldstein, quad_class, modality, date, mentions, sources, first_doc,
                   evidence_text FROM ({_PAIR_EVENTS}) WHERE true {extra}
            ORDER BY mentions DESC, weight DESC, date DESC NULLS LAST, id LIMIT ?""",
        [actor_a["id"], actor_b["id"], actor_b["id"], actor_a["id"], *params, evidence]).fetchall()
    cols = ("id", "a", "b", "cameo", "plover", "goldstein", "quad_class", "modality", "date", "mentions", "sources",
            "doc_id", "evidence")
    out["evidence"] = [dict(zip(cols, r), date=r[8].isoformat() if r[8] else None) for r in rows]
    return out


_DYAD_COLUMNS = """a, b, count(*) FILTER (weight > 0) AS n,
       count(*) FILTER (weight > 0 AND quad_class = 1), count(*) FILTER (weight > 0 AND quad_class = 2),
       count(*) FILTER (weight > 0 AND quad_class = 3), count(*) FILTER (weight > 0 AND quad_class = 4),
       sum(goldstein * weight), sum(weight), sum(mentions),
       regr_slope(goldstein, epoch(date) / 2592000.0) FILTER (weight > 0) AS slope, min(date), max(date)"""


def dyad_table(con: duckdb.DuckDBPyConnection, since: date | None = None, until: date | None = None,
               min_events: int = 1, limit: int | None = None) -> list[dict[str, Any]]:
    """Ordered dyads with their activity, weighted Goldstein and a slope over time (per 30 days),
    most active first (then the steepest change); ``limit`` keeps the first ones."""
    extra, params = date_filter(since, until)
    tail = "" if not limit else f" LIMIT {int(limit)}"
    if since is None and until is None:  # the whole corpus: the writer's summary (store/summary.py)
        query = f"""SELECT a, b, events AS n, q1, q2, q3, q4, gsum, wsum, mentions,
                           CASE WHEN nd >= 2 AND nd * sxx - sx * sx > 1e-9 * nd * sxx
                                THEN (nd * sxy - sx * sy) / (nd * sxx - sx * sx) END AS slope, first, last
                    FROM dyad_summary WHERE events >= ?
                    ORDER BY n DESC, abs(coalesce(slope, 0)) DESC, a, b{tail}"""
    else:
        query = f"""SELECT {_DYAD_COLUMNS} FROM corpus_events
                    WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b {extra}
                    GROUP BY a, b HAVING count(*) FILTER (weight > 0) >= ?
                    ORDER BY n DESC, abs(coalesce(slope, 0)) DESC, a, b{tail}"""
    try:
        rows = con.execute(query, [*params, min_events]).fetchall()
    except duckdb.CatalogException as exc:
        raise StoreError("E002", path="store", reason=str(exc).splitlines()[0]) from exc
    out = []
    for a, b, n, q1, q2, q3, q4, gsum, w, mentions, slope, first, last in rows:
        out.append({"a": a, "b": b, "events": n, "quad": dict(zip(QUADS, (q1, q2, q3, q4))),
                    "goldstein": round(gsum or 0.0, 2), "goldstein_mean": round(gsum / w, 2) if w else None,
                    "mentions": int(mentions or 0),
                    "slope": None if slope is None or math.isnan(slope) else round(slope, 3),
                    "first": first.isoformat() if first else None, "last": last.isoformat() if last else None})
    return out


def pair_scores(con: duckdb.DuckDBPyConnection, since: date | None = None, until: date | None = None,
                limit: int | None = None) -> list[tuple[str, str, float, int]]:
    """Unordered pairs (both directions together): (a, b, weighted Goldstein sum, events), most active first."""
    extra, params = date_filter(since, until)
    tail = "" if not limit else f" LIMIT {int(limit)}"
    if since is None and until is None:  # events and relation states, summed by the writer
        return con.execute(f"SELECT x, y, score, events FROM pair_summary WHERE score <> 0 "
                           f"ORDER BY events DESC, x, y{tail}").fetchall()
    return con.execute(
        f"""SELECT least(a, b) AS x, greatest(a, b) AS y, sum(goldstein * weight), count(*) FILTER (weight > 0) AS n
            FROM corpus_events WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b AND weight > 0 {extra}
            GROUP BY x, y ORDER BY n DESC, x, y{tail}""", params).fetchall()


def actor_activity(con: duckdb.DuckDBPyConnection, since: date | None = None, until: date | None = None,
                   limit: int = 50, ids: list[str] | None = None) -> dict[str, int]:
    """Events (weight > 0) each actor takes part in, as source or target: the most active, or ``ids``."""
    extra, params = date_filter(since, until)
    only = ""
    if since is None and until is None:  # the writer's summary
        if ids is None:
            rows = con.execute(f"SELECT id, events FROM actor_summary ORDER BY events DESC, id LIMIT {int(limit)}").fetchall()
        else:
            rows = con.execute("SELECT id, events FROM actor_summary WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                               [ids]).fetchall()
        return {x: int(n) for x, n in rows}
    if ids is not None:
        only, params = " WHERE x IN (SELECT unnest(?::VARCHAR[]))", [*params, ids]
    rows = con.execute(
        f"""SELECT x, count(*) AS n FROM (
                SELECT unnest([a, b]) AS x FROM corpus_events
                WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b AND weight > 0 {extra}){only}
            GROUP BY x ORDER BY n DESC, x LIMIT {int(limit) if ids is None else len(ids)}""", params).fetchall()
    return dict(rows)
