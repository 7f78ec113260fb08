"""Aggregates that the page draws beside the network: the corpus over time and the values its filters offer.

Read-only and parameterised like ``queries``; every list is bounded.
"""
from __future__ import annotations

from typing import Any

import duckdb

from .queries import PERIODS, GraphFilter, _iso, _rows

MAX_FACETS = 300  # values listed per filter (most events first)


def timeline(cur: duckdb.DuckDBPyConnection, flt: GraphFilter, by: str = "month") -> dict[str, Any]:
    """Events per period and quad class under the filters (every event, with or without a pair).

    ``periods`` are the first days of each period in order; ``quad`` maps 1-4 to counts aligned with
    them (0 where none); undated events are counted apart.
    """
    period = PERIODS.get(by, "month")
    where, params = flt.where("e", pairs_only=False)
    rows = _rows(cur, f"""
        SELECT CAST(date_trunc('{period}', coalesce(e.date, d.date)) AS DATE) AS period,
               coalesce(e.quad_class, 0) AS quad, count(*) AS n
        FROM events e LEFT JOIN documents d ON d.id = e.doc_id
        WHERE {where} GROUP BY 1, 2 ORDER BY 1 NULLS LAST, 2""", params)
    periods: list[str] = []
    counts: dict[int, list[int]] = {q: [] for q in (0, 1, 2, 3, 4)}
    undated = 0
    for r in rows:
        if r["period"] is None:
            undated += r["n"]
            continue
        p = _iso(r["period"])
        if not periods or periods[-1] != p:
            periods.append(p)
            for q in counts:
                counts[q].append(0)
        counts[int(r["quad"]) if r["quad"] in (1, 2, 3, 4) else 0][-1] += r["n"]
    total = sum(sum(v) for v in counts.values()) + undated
    return {"by": period, "periods": periods, "quad": {str(q): v for q, v in counts.items() if q},
            "other": counts[0], "undated": undated, "total": total}


def facets(cur: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """The values each filter of the page can take, most events first, and the corpus's date range."""
    def counted(sql: str) -> list[dict[str, Any]]:
        return _rows(cur, sql + f" LIMIT {MAX_FACETS}", [])

    actor_events = """SELECT a.{col} AS value, count(*) AS events
        FROM (SELECT DISTINCT actor_id, {col} FROM actors WHERE {col} IS NOT NULL AND {col} <> '') a
        JOIN (SELECT source_actor AS actor FROM events UNION ALL SELECT target_actor FROM events) ev
          ON ev.actor = a.actor_id GROUP BY 1 ORDER BY events DESC, value"""
    span = cur.execute("""SELECT min(coalesce(e.date, d.date)), max(coalesce(e.date, d.date))
                          FROM events e LEFT JOIN documents d ON d.id = e.doc_id""").fetchone()
    return {
        "countries": counted(actor_events.format(col="country")),
        "actor_types": counted(actor_events.format(col="type")),
        "plover": counted("""SELECT plover AS value, count(*) AS events FROM events WHERE plover IS NOT NULL
                             GROUP BY 1 ORDER BY events DESC, value"""),
        "since": _iso(span[0]), "until": _iso(span[1]),
    }
