"""The signed network and one pair under filters, for the web API: the same rows, weights, signs and
hierarchy as ``system`` and ``dyad`` (``levels.py``, ``relation.py``), so the page and the CLI agree.

An edge is an unordered pair {a, b} (a < b) at a level: ``events`` its counted events (weight > 0,
both directions), ``excluded`` those of weight 0 (negated, wished, asked about), ``statements`` its
counted relation-state statements, ``weight`` = events + statements, ``goldstein`` the weighted mean
of its events, ``sign`` relation.py's sign of its score (0: none). Domestic pairs are no edge.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

from ..hierarchy import check_level, member, node, state_name
from ..relation import RELATION_POINTS, slope_sql, trend_word
from .levels import events_sql, names, statements_sql


@dataclass
class Filters:
    """All optional; lists mean 'any of'. Dates are YYYY-MM-DD strings or dates."""

    since: Any = None
    until: Any = None
    quad: list[int] = field(default_factory=list)
    modality: list[str] = field(default_factory=list)
    min_weight: int = 1
    actor: str | None = None
    level: str = "actor"
    # The page's filters (each optional): the country of either corpus actor (ISO-3), the types of both,
    # PLOVER types, and (lat, lon, km) around which the event's first report is located.
    country: list[str] = field(default_factory=list)
    actor_type: list[str] = field(default_factory=list)
    plover: list[str] = field(default_factory=list)
    near: tuple[float, float, float] | None = None

    @property
    def events_only(self) -> bool:
        """Filters relation-state statements cannot meet (they have no quad class, type or place)."""
        return bool(self.quad or self.plover or self.near or self.actor_type or self.country)


def _page_filters(flt: Filters) -> tuple[str, list[Any]]:
    """`` AND …`` over corpus event rows (``actor_a``, ``actor_b``, ``plover``, ``first_mention``) for the
    page's filters; parameterised."""
    sql, params = "", []
    if flt.country:
        of = f"(SELECT id FROM corpus_actors WHERE country IN ({', '.join('?' for _ in flt.country)}))"
        sql += f" AND (actor_a IN {of} OR actor_b IN {of})"
        params += [*flt.country, *flt.country]
    if flt.actor_type:
        of = f"(SELECT id FROM corpus_actors WHERE type IN ({', '.join('?' for _ in flt.actor_type)}))"
        sql += f" AND actor_a IN {of} AND actor_b IN {of}"
        params += [*flt.actor_type, *flt.actor_type]
    extra, p = _in("plover", flt.plover)
    sql += extra
    params += p
    if flt.near is not None:
        lat, lon, km = flt.near
        y, x = "CAST(location->>'lat' AS DOUBLE)", "CAST(location->>'lon' AS DOUBLE)"
        sql += f""" AND first_mention IN (SELECT id FROM events WHERE location IS NOT NULL AND 2 * 6371.0 * asin(
            least(1.0, sqrt(pow(sin(radians({y} - ?) / 2), 2) + cos(radians(?)) * cos(radians({y}))
                             * pow(sin(radians({x} - ?) / 2), 2)))) <= ?)"""
        params += [lat, lat, lon, km]
    return sql, params


def _in(column: str, values: list[Any]) -> tuple[str, list[Any]]:
    return (f" AND {column} IN ({', '.join('?' for _ in values)})", list(values)) if values else ("", [])


def resolve(con: duckdb.DuckDBPyConnection, query: str | None, level: str = "actor") -> str | None:
    """The node id at ``level`` of a corpus actor id, a document's actor id (through the corpus
    links) or, at state level, a state code; None when nothing has that id."""
    if not query:
        return None
    row = con.execute("SELECT id, type, code, country FROM corpus_actors WHERE id = ?", [query]).fetchone()
    if row is None:
        row = con.execute(
            """SELECT c.id, c.type, c.code, c.country FROM actor_links l JOIN corpus_actors c ON c.id = l.corpus_id
               WHERE l.actor_id = ? GROUP BY ALL ORDER BY count(*) DESC, c.id LIMIT 1""", [query]).fetchone()
    if row is None:
        return query.upper() if level == "state" and state_name(query.upper()) else None
    return node(member(*row), level)


def _event_rows(flt: Filters) -> tuple[str, list[Any]]:
    sql, params = events_sql(flt.level, flt.since, flt.until)
    where = " WHERE NOT domestic"
    for col, values in (("quad_class", flt.quad), ("modality", flt.modality)):
        extra, p = _in(col, values)
        where += extra
        params += p
    extra, p = _page_filters(flt)
    return f"SELECT *, a < b AS forward FROM ({sql}){where}{extra}", params + p


def _statement_rows(flt: Filters) -> tuple[str, list[Any]]:
    sql, params = statements_sql(flt.level, flt.since, flt.until)
    # relation statements carry no quad class, type or place: with such a filter only events count
    where = " WHERE NOT domestic AND weight > 0" + (" AND false" if flt.events_only else "")
    extra, p = _in("modality", flt.modality)
    return f"SELECT * FROM ({sql}){where}{extra}", params + p


def edges(con: duckdb.DuckDBPyConnection, flt: Filters, limit: int = 400) -> dict[str, Any]:
    """The signed network under ``flt``, heaviest edges first; ``truncated`` says when ``limit`` cut it."""
    check_level(flt.level)
    ev_sql, ev_params = _event_rows(flt)
    st_sql, st_params = _statement_rows(flt)
    only, only_params = "", []
    if flt.actor is not None:
        target = resolve(con, flt.actor, flt.level)
        only, only_params = " AND ? IN (a, b)", [target]
    sql = f"""
        WITH ev AS (
            SELECT least(a, b) AS a, greatest(a, b) AS b, count(*) FILTER (weight > 0) AS events,
                   sum(goldstein * weight) AS gsum, sum(weight) AS wsum, count(*) FILTER (weight = 0) AS excluded,
                   count(*) FILTER (weight > 0 AND quad_class IN (1, 2)) AS cooperative,
                   count(*) FILTER (weight > 0 AND quad_class IN (3, 4)) AS conflictual,
                   count(*) FILTER (weight > 0 AND forward) AS ab, count(*) FILTER (weight > 0 AND NOT forward) AS ba
            FROM ({ev_sql}) GROUP BY 1, 2),
        rel AS (
            SELECT least(a, b) AS a, greatest(a, b) AS b, count(*) AS statements,
                   sum({RELATION_POINTS} * sign * weight) AS ssum
            FROM ({st_sql}) GROUP BY 1, 2),
        joined AS (
            SELECT coalesce(ev.a, rel.a) AS a, coalesce(ev.b, rel.b) AS b,
                   coalesce(ev.events, 0) AS events, coalesce(rel.statements, 0) AS statements,
                   coalesce(ev.events, 0) + coalesce(rel.statements, 0) AS weight,
                   round(ev.gsum / nullif(ev.wsum, 0), 2) AS goldstein,
                   coalesce(ev.cooperative, 0) AS cooperative, coalesce(ev.conflictual, 0) AS conflictual,
                   coalesce(ev.excluded, 0) AS excluded, coalesce(ev.ab, 0) AS ab, coalesce(ev.ba, 0) AS ba,
                   CAST(sign(coalesce(ev.gsum, 0) + coalesce(rel.ssum, 0)) AS INTEGER) AS sign
            FROM ev FULL OUTER JOIN rel ON ev.a = rel.a AND ev.b = rel.b)
        SELECT *, count(*) OVER () AS total FROM joined WHERE weight >= ?{only}
        ORDER BY weight DESC, a, b LIMIT ?"""
    cur = con.execute(sql, [*ev_params, *st_params, max(1, flt.min_weight), *only_params, limit])
    cols = [d[0] for d in cur.description]
    rows = [dict(zip(cols, r)) for r in cur.fetchall()]
    total = rows[0]["total"] if rows else 0
    activity: dict[str, int] = {}
    for e in rows:
        e.pop("total")
        for k in (e["a"], e["b"]):
            activity[k] = activity.get(k, 0) + e["weight"]
    info = names(con, activity, flt.level)
    docs = dict(con.execute("SELECT id, documents FROM corpus_actors WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                            [sorted(activity)]).fetchall()) if activity else {}
    nodes = [{"id": k, "name": info.get(k, {}).get("name") or k, "type": info.get(k, {}).get("type"),
              "code": info.get(k, {}).get("code"), "country": info.get(k, {}).get("country"),
              "documents": docs.get(k, 0), "activity": activity[k], "level": flt.level} for k in sorted(activity)]
    return {"total_edges": total, "truncated": total > len(rows), "limit": limit, "level": flt.level,
            "nodes": nodes, "edges": rows}


def pair(con: duckdb.DuckDBPyConnection, a: str, b: str, flt: Filters, by: str = "month",
         limit: int = 200) -> dict[str, Any]:
    """One pair {a, b} under ``flt`` (its ``actor`` is ignored): per-period counts of its counted
    events, their weighted mean Goldstein, each direction's count and trend, the pair's sign, the
    evidence (one row per de-duplicated event) and the relation statements. Ids are resolved like
    :func:`resolve`; an unknown id has no events."""
    check_level(flt.level)
    x, y = resolve(con, a, flt.level) or a, resolve(con, b, flt.level) or b
    ev_sql, ev_params = events_sql(flt.level, flt.since, flt.until)
    where = "((a = ? AND b = ?) OR (a = ? AND b = ?))"
    extra = ""
    params = [x, y, y, x]
    for col, values in (("quad_class", flt.quad), ("modality", flt.modality)):
        sql, p = _in(col, values)
        extra += sql
        params += p
    sql, p = _page_filters(flt)
    extra += sql
    params += p
    rows_sql = f"SELECT * FROM ({ev_sql}) WHERE {where}{extra}"
    rows_params = [*ev_params, *params]
    # one scan: the periods (both directions together) and each direction as a whole (GROUPING SETS)
    rows = con.execute(
        f"""SELECT grouping(period) AS per_direction, grouping(forward) AS per_period, period, forward,
                   count(*) FILTER (weight > 0), round(sum(goldstein * weight) / nullif(sum(weight), 0), 2),
                   count(*) FILTER (weight > 0 AND quad_class IN (1, 2)),
                   count(*) FILTER (weight > 0 AND quad_class IN (3, 4)), count(*) FILTER (weight = 0),
                   round(coalesce(sum(goldstein * weight), 0), 2), {slope_sql()}, bool_or(domestic)
            FROM (SELECT *, CAST(date_trunc('{by}', date) AS DATE) AS period, a = ? AS forward FROM ({rows_sql}))
            GROUP BY GROUPING SETS ((period), (forward)) ORDER BY period NULLS LAST""",
        [x, *rows_params]).fetchall()
    periods = [{"period": p.isoformat() if p else None, "events": n, "goldstein": g, "cooperative": c,
                "conflictual": k, "excluded": ex}
               for by_dir, _, p, _, n, g, c, k, ex, _, _, _ in rows if not by_dir]
    undated = periods.pop()["events"] if periods and periods[-1]["period"] is None else 0
    directions = {fwd: (n, gsum, slope, dom)
                  for by_dir, _, _, fwd, n, _, _, _, _, gsum, slope, dom in rows if by_dir}
    st_sql, st_params = _statement_rows(Filters(flt.since, flt.until, flt.quad, flt.modality, level=flt.level,
                                                country=flt.country, actor_type=flt.actor_type, plover=flt.plover,
                                                near=flt.near))
    score = sum(float(g) for _, g, _, dom in directions.values() if not dom)
    statements = con.execute(
        f"""SELECT doc_id, a, b, actor_a, actor_b, sign, modality, date, evidence_start, evidence_end, evidence_text,
                   {RELATION_POINTS} * sign * weight FROM ({st_sql}) WHERE {where} ORDER BY date NULLS LAST, doc_id
            LIMIT ?""", [*st_params, x, y, y, x, limit]).fetchall()
    score += sum(r[-1] for r in statements)
    domestic = x == y or any(d for *_, d in directions.values())
    evidence = con.execute(
        f"""SELECT r.id, r.a, r.b, r.actor_a, r.actor_b, r.cameo, r.plover, r.goldstein, r.quad_class, r.modality,
                   r.weight, r.date, r.mentions, r.sources, r.first_doc, e.evidence_start, e.evidence_end,
                   r.evidence_text, e.trigger, e.source_name, e.target_name, e.source_code, e.target_code
            FROM ({rows_sql}) r JOIN events e ON e.id = r.first_mention WHERE r.weight > 0
            ORDER BY r.date NULLS LAST, r.id LIMIT ?""", [*rows_params, limit]).fetchall()
    info = names(con, {x, y}, flt.level)
    out_dirs = {}
    for key, fwd in (("a_to_b", True), ("b_to_a", False)):
        n, g, slope, _ = directions.get(fwd, (0, 0.0, None, False))
        slope = None if slope is None or slope != slope else round(slope, 3)  # NaN: no slope
        out_dirs[key] = {"events": n, "goldstein": float(g), "slope": slope, "trend": trend_word(slope)}
    return {
        "a": {"id": x, "name": info.get(x, {}).get("name")}, "b": {"id": y, "name": info.get(y, {}).get("name")},
        "by": by, "level": flt.level, "total": sum(d["events"] for d in out_dirs.values()), "undated": undated,
        "excluded": sum(p["excluded"] for p in periods), "series": periods, **out_dirs,
        "sign": None if domestic or not score else (1 if score > 0 else -1), "domestic": domestic,
        "evidence": [_evidence(r) for r in evidence],
        "relations": [{"doc_id": r[0], "a": r[1], "b": r[2], "actors": [r[3], r[4]], "sign": r[5], "modality": r[6],
                       "date": r[7].isoformat() if r[7] else None,
                       "evidence": {"start": r[8], "end": r[9], "text": r[10]}} for r in statements],
    }


def _evidence(r: tuple) -> dict[str, Any]:
    (cid, a, b, actor_a, actor_b, cameo, plover, gold, quad, modality, weight, d, mentions, sources, doc, start, end,
     text, trigger, sname, tname, scode, tcode) = r
    return {"id": cid, "doc_id": doc, "source": {"actor": a, "name": sname, "code": scode, "corpus_actor": actor_a},
            "target": {"actor": b, "name": tname, "code": tcode, "corpus_actor": actor_b},
            "cameo": cameo, "plover": plover, "goldstein": gold, "quad_class": quad, "modality": modality,
            "weight": weight, "counted": weight > 0, "date": d.isoformat() if d else None, "trigger": trigger,
            "mentions": mentions, "sources": sources, "evidence": {"start": start, "end": end, "text": text}}
