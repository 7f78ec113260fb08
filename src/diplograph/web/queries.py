"""Read-only queries over a store, shaped for the web page and its API.

Every query is parameterised (values are never formatted into SQL) and every result is
bounded by a limit the caller cannot raise above the ``MAX_*`` constants.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

import duckdb

from ..analysis.graph import Filters as CorpusFilters
from ..analysis.graph import edges as corpus_edges
from ..analysis.graph import pair as corpus_pair
from ..text.search import matches_words, word_key, words_of

MAX_ACTORS = 1000
MAX_EVENTS = 1000
MAX_EDGES = 5000
MAX_EVIDENCE = 500
MODALITIES = ("asserted", "hedged", "negated", "desired", "conditional", "future", "question")
PERIODS = {"day": "day", "week": "week", "month": "month", "year": "year"}


@dataclass
class GraphFilter:
    """The filters of the network: all optional; lists mean 'any of'."""

    since: str | None = None
    until: str | None = None
    quad: list[int] = field(default_factory=list)
    modality: list[str] = field(default_factory=list)
    min_weight: int = 1
    actor: str | None = None
    level: str = "actor"  # actor, or state: every actor rolled up to its state (graph and dyad)
    country: list[str] = field(default_factory=list)  # the source's or the target's country (ISO-3)
    actor_type: list[str] = field(default_factory=list)  # both ends of the event of these types
    plover: list[str] = field(default_factory=list)  # PLOVER event types
    near: tuple[float, float, float] | None = None  # (lat, lon, km): located within km of the point

    def where(self, alias: str = "e", pairs_only: bool = True) -> tuple[str, list[Any]]:
        """The WHERE clause over events aliased ``alias`` (joined to documents as ``d``).

        ``pairs_only``: only events with two different actors (edges of the network).
        """
        clauses = [f"{alias}.source_actor IS NOT NULL", f"{alias}.target_actor IS NOT NULL",
                   f"{alias}.source_actor <> {alias}.target_actor"] if pairs_only else ["TRUE"]
        params: list[Any] = []
        if self.since:
            clauses.append(f"coalesce({alias}.date, d.date) >= CAST(? AS DATE)")
            params.append(self.since)
        if self.until:
            clauses.append(f"coalesce({alias}.date, d.date) <= CAST(? AS DATE)")
            params.append(self.until)
        if self.quad:
            clauses.append(f"{alias}.quad_class IN ({_placeholders(self.quad)})")
            params.extend(self.quad)
        if self.modality:
            clauses.append(f"{alias}.modality IN ({_placeholders(self.modality)})")
            params.extend(self.modality)
        if self.actor:
            # a document's actor id, or a corpus actor id (the network's nodes) through its links
            clauses.append(f"(? IN ({alias}.source_actor, {alias}.target_actor) OR EXISTS (SELECT 1 FROM actor_links l "
                           f"WHERE l.corpus_id = ? AND l.doc_id = {alias}.doc_id "
                           f"AND l.actor_id IN ({alias}.source_actor, {alias}.target_actor)))")
            params += [self.actor, self.actor]
        if self.country:
            of = f"(SELECT actor_id FROM actors WHERE country IN ({_placeholders(self.country)}))"
            clauses.append(f"({alias}.source_actor IN {of} OR {alias}.target_actor IN {of})")
            params.extend(self.country + self.country)
        if self.actor_type:
            of = f"(SELECT actor_id FROM actors WHERE type IN ({_placeholders(self.actor_type)}))"
            clauses.append(f"({alias}.source_actor IN {of} AND {alias}.target_actor IN {of})")
            params.extend(self.actor_type + self.actor_type)
        if self.plover:
            clauses.append(f"{alias}.plover IN ({_placeholders(self.plover)})")
            params.extend(self.plover)
        if self.near is not None:
            lat, lon, km = self.near
            clauses.append(f"{alias}.location IS NOT NULL AND {_distance_sql(alias)} <= ?")
            params.extend([lat, lat, lon, km])
        return " AND ".join(clauses), params


def _distance_sql(alias: str = "e") -> str:
    """Great-circle distance in km from a point (?, ?, ?: lat, lat, lon) to an event's location
    (haversine, mean Earth radius)."""
    lat, lon = f"CAST({alias}.location->>'lat' AS DOUBLE)", f"CAST({alias}.location->>'lon' AS DOUBLE)"
    return f"""2 * 6371.0 * asin(least(1.0, sqrt(
        pow(sin(radians({lat} - ?) / 2), 2)
        + cos(radians(?)) * cos(radians({lat})) * pow(sin(radians({lon} - ?) / 2), 2))))"""


def _placeholders(values: list[Any]) -> str:
    """``?, ?, ?`` for an ``IN (…)`` of parameters: values never enter the SQL text."""
    return ", ".join("?" for _ in values)


def _rows(cur: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


class ActorIndex:
    """Every actor of the store with its activity, read once: the store does not change while it
    is served read-only (a writer cannot open it meanwhile), and the page asks for actors often."""

    def __init__(self, cur: duckdb.DuckDBPyConnection):
        self.rows = _rows(cur, """
            WITH act AS (
                SELECT actor_id AS id, mode(name) AS name, mode(type) AS type, mode(code) AS code,
                       mode(country) AS country, count(DISTINCT doc_id) AS documents
                FROM actors WHERE actor_id IS NOT NULL GROUP BY actor_id),
            ev AS (
                SELECT actor, count(*) AS events FROM (
                    SELECT source_actor AS actor FROM events WHERE source_actor IS NOT NULL
                    UNION ALL SELECT target_actor FROM events WHERE target_actor IS NOT NULL) GROUP BY actor)
            SELECT act.*, coalesce(ev.events, 0) AS events FROM act LEFT JOIN ev ON ev.actor = act.id
            ORDER BY events DESC, documents DESC, act.id""", [])
        self.by_id = {r["id"]: r for r in self.rows}
        self._keys = [word_key(" ".join(str(r[k] or "") for k in ("id", "name", "code"))) for r in self.rows]

    def search(self, q: str | None = None, limit: int = 100, offset: int = 0) -> dict[str, Any]:
        """Most active first; ``q`` matches whole words of the id, name or code (case-insensitive),
        its last word also the start of a word, as one types: ``Putin`` finds Vladimir Putin, not
        Performance Computing."""
        limit = max(1, min(limit, MAX_ACTORS))
        offset = max(0, offset)
        if q and words_of(q):
            found = [r for r, key in zip(self.rows, self._keys) if matches_words(q, key)]
        else:
            found = [] if q else self.rows
        return {"total": len(found), "limit": limit, "offset": offset,
                "actors": [dict(r) for r in found[offset:offset + limit]]}


_EVENT_COLUMNS = """e.id, e.doc_id, e.source_actor, e.source_name, e.source_code, e.target_actor, e.target_name,
    e.target_code, e.cameo, e.cameo_root, e.plover, e.plover_mode, e.goldstein, e.quad_class, e.modality,
    e.attribution, coalesce(e.date, d.date) AS date, e.trigger, e.evidence_start, e.evidence_end,
    e.evidence_text, e.confidence, e.rules, e.location, d.title AS doc_title"""


def _event(row: dict[str, Any]) -> dict[str, Any]:
    """A stored event row in the contract's *Event* shape, plus its document."""

    def ref(prefix: str) -> dict[str, Any] | None:
        if row[f"{prefix}_actor"] is None and row[f"{prefix}_name"] is None:
            return None
        return {"actor": row[f"{prefix}_actor"], "name": row[f"{prefix}_name"], "code": row[f"{prefix}_code"]}

    return {
        "id": row["id"], "doc_id": row["doc_id"], "doc_title": row["doc_title"],
        "source": ref("source"), "target": ref("target"),
        "cameo": row["cameo"], "cameo_root": row["cameo_root"], "plover": row["plover"],
        "plover_mode": row["plover_mode"], "goldstein": row["goldstein"], "quad_class": row["quad_class"],
        "modality": row["modality"],
        "attribution": json.loads(row["attribution"]) if row["attribution"] else None,
        "date": _iso(row["date"]), "trigger": row["trigger"],
        "evidence": {"start": row["evidence_start"], "end": row["evidence_end"], "text": row["evidence_text"]},
        "confidence": row["confidence"],
        "rules": json.loads(row["rules"]) if row["rules"] else None,  # which named rules decided it
        "location": json.loads(row["location"]) if row.get("location") else None,  # where it happened
    }


def events(cur: duckdb.DuckDBPyConnection, actor: str | None = None, flt: GraphFilter | None = None,
           limit: int = 100, offset: int = 0, near: tuple[float, float, float] | None = None) -> dict[str, Any]:
    """Events, newest first; with ``actor``, those where it is the source or the target; with
    ``near`` = (lat, lon, km), those located within km of the point."""
    limit = max(1, min(limit, MAX_EVENTS))
    flt = replace(flt or GraphFilter(), actor=actor or (flt.actor if flt else None))
    if near is not None:
        flt = replace(flt, near=near)
    where, params = flt.where("e", pairs_only=False)
    where = f"WHERE {where}"
    sql = f"""SELECT {_EVENT_COLUMNS}, count(*) OVER () AS total
              FROM events e LEFT JOIN documents d ON d.id = e.doc_id {where}
              ORDER BY coalesce(e.date, d.date) DESC NULLS LAST, e.id LIMIT ? OFFSET ?"""
    rows = _rows(cur, sql, params + [limit, max(0, offset)])
    total = rows[0]["total"] if rows else 0
    return {"total": total, "limit": limit, "offset": offset, "events": [_event(r) for r in rows]}


def places(cur: duckdb.DuckDBPyConnection, q: str | None = None, country: str | None = None,
           limit: int = 100, offset: int = 0, flt: GraphFilter | None = None) -> dict[str, Any]:
    """The places events happened in, most events first; ``q`` searches the name, ``country`` the ISO-3
    code; ``flt`` keeps the events under the page's filters."""
    limit = max(1, min(limit, MAX_EVENTS))
    clauses, params = ["e.location IS NOT NULL"], []
    if flt is not None:
        where, params = flt.where("e", pairs_only=False)
        clauses.append(where)
    if q:
        clauses.append("lower(e.location->>'name') LIKE ?")
        params.append("%" + q.lower().replace("%", "").replace("_", "") + "%")
    if country:
        clauses.append("e.location->>'country' = ?")
        params.append(country.upper())
    rows = _rows(cur, f"""
        SELECT e.location->>'name' AS name, TRY_CAST(e.location->>'geonames_id' AS BIGINT) AS geonames_id,
               e.location->>'country' AS country, e.location->>'admin1' AS admin1,
               e.location->>'feature' AS feature, CAST(e.location->>'lat' AS DOUBLE) AS lat,
               CAST(e.location->>'lon' AS DOUBLE) AS lon, count(*) AS events,
               count(DISTINCT e.doc_id) AS documents, count(*) OVER () AS total
        FROM events e LEFT JOIN documents d ON d.id = e.doc_id WHERE {" AND ".join(clauses)}
        GROUP BY ALL ORDER BY events DESC, name LIMIT ? OFFSET ?""", params + [limit, max(0, offset)])
    total = rows[0]["total"] if rows else 0
    for r in rows:
        r.pop("total")
    return {"total": total, "limit": limit, "offset": offset, "places": rows}


def _corpus_filter(flt: GraphFilter) -> CorpusFilters:
    return CorpusFilters(since=flt.since, until=flt.until, quad=list(flt.quad), modality=list(flt.modality),
                         min_weight=flt.min_weight, actor=flt.actor, level=flt.level, country=list(flt.country),
                         actor_type=list(flt.actor_type), plover=list(flt.plover), near=flt.near)


def dyad(cur: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "month", flt: GraphFilter | None = None,
         limit: int = 200, index: ActorIndex | None = None) -> dict[str, Any]:
    """One pair in both directions at the filter's level: its time series by period, each direction's
    counts and trend, its sign and the evidence (one de-duplicated event each), as ``dyad`` counts them
    (``analysis/graph.py``). Each evidence event is the contract's *Event* of its first report, its
    ``source``/``target`` ``actor`` the pair's ids at the level."""
    period = PERIODS.get(by, "month")
    limit = max(1, min(limit, MAX_EVIDENCE))
    out = corpus_pair(cur, a, b, _corpus_filter(flt or GraphFilter()), by=period, limit=limit)
    ids = [e["id"] for e in out["evidence"]]
    full = {r["id"]: _event(r) for r in _rows(
        cur, f"SELECT {_EVENT_COLUMNS} FROM events e LEFT JOIN documents d ON d.id = e.doc_id "
             "WHERE e.id IN (SELECT unnest(?::VARCHAR[]))", [ids])} if ids else {}
    evidence = []
    for e in out["evidence"]:
        ev = full.get(e["id"])
        if ev is None:
            continue
        for side in ("source", "target"):
            ev[side] = {**(ev[side] or {}), "actor": e[side]["actor"], "corpus_actor": e[side]["corpus_actor"]}
        ev.update(mentions=e["mentions"], sources=e["sources"], weight=e["weight"])
        evidence.append(ev)
    out["evidence"] = evidence
    return out


def graph(cur: duckdb.DuckDBPyConnection, index: ActorIndex, flt: GraphFilter, limit: int = 400) -> dict[str, Any]:
    """The signed network at the filter's level (``analysis/graph.py``: the same counts and signs as
    ``system``): undirected edges with their volume, weighted mean Goldstein and sign, heaviest first;
    ``truncated`` says when ``limit`` cut it."""
    return corpus_edges(cur, _corpus_filter(flt), limit=max(1, min(limit, MAX_EDGES)))


def document(cur: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, Any] | None:
    """One stored document: its text, actors with mentions, events and relations (no file path)."""
    row = cur.execute("SELECT id, title, source, date, date_source, text, analysis FROM documents WHERE id = ?",
                      [doc_id]).fetchone()
    if row is None:
        return None
    did, title, source, date, date_source, text, analysis = row
    actors_ = _rows(cur, "SELECT actor_id AS id, name, type, code, country FROM actors WHERE doc_id = ? "
                         "ORDER BY actor_id", [doc_id])
    mentions = _rows(cur, 'SELECT actor_id, text, start, "end", method, confidence, rule FROM mentions '
                          'WHERE doc_id = ? ORDER BY start', [doc_id])
    by_actor: dict[str, list[dict[str, Any]]] = {}
    for m in mentions:
        by_actor.setdefault(m.pop("actor_id"), []).append(m)
    for a in actors_:
        a["mentions"] = by_actor.get(a["id"], [])
    evs = _rows(cur, f"SELECT {_EVENT_COLUMNS} FROM events e LEFT JOIN documents d ON d.id = e.doc_id "
                     "WHERE e.doc_id = ? ORDER BY e.evidence_start, e.id", [doc_id])
    rels = _rows(cur, "SELECT a, b, sign, modality, evidence_start, evidence_end, evidence_text FROM relations "
                      "WHERE doc_id = ? ORDER BY evidence_start", [doc_id])
    extra = json.loads(analysis) if analysis else {}
    return {
        "id": did, "title": title, "source": source, "date": _iso(date), "date_source": date_source, "text": text,
        "actors": actors_, "events": [_event(r) for r in evs],
        "relations": [{"a": r["a"], "b": r["b"], "sign": r["sign"], "modality": r["modality"],
                       "evidence": {"start": r["evidence_start"], "end": r["evidence_end"],
                                    "text": r["evidence_text"]}} for r in rels],
        "redactions": extra.get("redactions", []), "warnings": extra.get("warnings", []),
    }


MAX_DOCUMENTS = 1000
SNIPPET_CHARS = 240


def _like(q: str) -> str:
    """A LIKE pattern that finds ``q`` literally (its own % and _ are escaped, not wildcards)."""
    return "%" + q.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def snippet(text: str, q: str | None = None, size: int = SNIPPET_CHARS) -> str:
    """About ``size`` characters of ``text`` around the first match of ``q`` (else its start), cut at
    word boundaries, an ellipsis where it was cut."""
    flat = " ".join(text.split())
    at = flat.lower().find(q.lower()) if q else -1
    start = max(0, at - size // 3) if at > 0 else 0
    end = min(len(flat), start + size)
    if start > 0:
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < (at if at > 0 else end) else start
    if end < len(flat):
        space = flat.rfind(" ", start, end)
        end = space if space > start else end
    return ("…" if start > 0 else "") + flat[start:end] + ("…" if end < len(flat) else "")


def documents(cur: duckdb.DuckDBPyConnection, q: str | None = None, title: str | None = None,
              since: str | None = None, until: str | None = None, limit: int = 100,
              offset: int = 0) -> dict[str, Any]:
    """Stored documents, newest first: ``q`` finds a phrase in the text or the title, ``title`` in the
    title only (case-insensitive, literal); ``since``/``until`` bound the document date (inclusive)."""
    limit = max(1, min(limit, MAX_DOCUMENTS))
    clauses: list[str] = ["d.status = 'done'"]
    params: list[Any] = []
    if q:
        clauses.append("(lower(d.text) LIKE ? ESCAPE '\\' OR lower(coalesce(d.title, '')) LIKE ? ESCAPE '\\')")
        params += [_like(q), _like(q)]
    if title:
        clauses.append("lower(coalesce(d.title, '')) LIKE ? ESCAPE '\\'")
        params.append(_like(title))
    if since:
        clauses.append("d.date >= CAST(? AS DATE)")
        params.append(since)
    if until:
        clauses.append("d.date <= CAST(? AS DATE)")
        params.append(until)
    rows = _rows(cur, f"""
        WITH page AS (
            SELECT d.id, d.title, d.source, d.date, d.date_source, d.text, count(*) OVER () AS total
            FROM documents d WHERE {" AND ".join(clauses)}
            ORDER BY d.date DESC NULLS LAST, d.id LIMIT ? OFFSET ?)
        SELECT page.*,
               (SELECT count(*) FROM events e WHERE e.doc_id = page.id) AS events,
               (SELECT count(*) FROM actors a WHERE a.doc_id = page.id) AS actors
        FROM page ORDER BY page.date DESC NULLS LAST, page.id""", params + [limit, max(0, offset)])
    total = rows[0]["total"] if rows else 0
    out = []
    for r in rows:
        out.append({"id": r["id"], "title": r["title"], "source": r["source"], "date": _iso(r["date"]),
                    "date_source": r["date_source"], "events": r["events"], "actors": r["actors"],
                    "characters": len(r["text"] or ""), "snippet": snippet(r["text"] or "", q)})
    return {"total": total, "limit": limit, "offset": offset, "documents": out}
