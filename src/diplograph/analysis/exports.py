"""Exports of the corpus view: GDELT 2.0 event table, PLOVER JSONL, Parquet, GraphML, GeoJSON.

All read the de-duplicated ``corpus_events`` (one row per real-world event, counts of its
mentions, articles and sources) and the unified ``corpus_actors``.

GDELT 2.0 event table (tab-separated, no header row like GDELT's own files, 61 columns in
GDELT's order; ``GDELT_COLUMNS`` names them). Mapping:

- ``GLOBALEVENTID``: the corpus event's sequence number (unique integer).
- ``SQLDATE``/``MonthYear``/``Year``/``FractionDate``: the event date (the earliest report's);
  ``FractionDate`` = year + (month·30 + day)/365 as GDELT defines it.
- ``Actor1*``/``Actor2*``: source/target. ``Code`` the CAMEO actor code of the first report
  (``KAZGOV``); ``Name`` the unified actor's name in capitals; ``CountryCode`` its country;
  ``KnownGroupCode`` the 3 letters after ``IGO``/``NGO``/``IMG``/``MNC`` (``IGOUNO`` → ``UNO``);
  ``Type1..3Code`` the 3-letter role codes after the country (``KAZGOVMIL`` → ``GOV``, ``MIL``);
  ethnic and religion codes are left blank (not coded).
- ``IsRootEvent``: 1 when the first report's evidence starts in the lead paragraph (before the
  first blank line, or the first line break when there is none).
- ``EventCode``/``EventBaseCode``/``EventRootCode``: CAMEO code, its first 3 digits, its root.
- ``QuadClass``, ``GoldsteinScale``: from the CAMEO codebook (GDELT's convention).
- ``NumMentions``/``NumSources``/``NumArticles``: mentions, sources, articles of the event.
- ``AvgTone``: blank (tone is not measured). Geography (``analysis/geo.py``): ``ActionGeo_*`` the
  first report's event location (the places stage), ``Actor1Geo_*``/``Actor2Geo_*`` the actor's state;
  ``*Geo_Type`` 0 and the rest blank where unknown.
- ``DATEADDED``: when the first report was stored (YYYYMMDDHHMMSS); ``SOURCEURL``: the first
  report's ``source`` (a URL for the examples), else its path, else its document id.

Tabs and line breaks inside text fields become spaces and double quotes become single quotes,
so that the file reads with any CSV reader's defaults (pandas, DuckDB) as well as GDELT's own
quote-less convention.

Parquet: one row per corpus event (column ``id`` unique), with ``rules``, the struct
``{event, source, target}`` of the named rules (diplograph.rules) that decided its first report,
``weight`` (relation.py's: 0 for a negated, wished or asked-about event, which counts in no
relation), ``source_state``/``target_state`` (the state each endpoint belongs to on the event's date,
``hierarchy.py``) and ``domestic`` (an actor and its own state; at state level, one state).

Why the formats write different numbers of records (``export_described`` says it in words):
GDELT, Parquet and GeoJSON write events (GeoJSON only the located ones), PLOVER groups the events
of one sentence, code and status into one PLOVER event with several actors or recipients, and
GraphML writes the network: one edge per directed dyad, counting only the events that count in a
relation between two parties (the same dyads as ``system``, with the same counts and signs).

``level="state"`` (``levels.py``): every endpoint that belongs to a state is written as that state
(code, name, country); GraphML's nodes are then states, and events within one state are no edge.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import duckdb

from ..errors import UsageError
from ..hierarchy import check_level
from .geo import export_geojson, gdelt_action_geo, gdelt_actor_geo, location_of
from .levels import actor_join, endpoint_sql, names, own_state_sql, state_names_sql, state_sql

FORMATS = ("gdelt", "plover", "parquet", "graphml", "geojson")

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor1{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                             "Religion2Code", "Type1Code", "Type2Code", "Type3Code")],
    *[f"Actor2{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                             "Religion2Code", "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{g}Geo_{c}" for g in ("Actor1", "Actor2", "Action") for c in
      ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]
assert len(GDELT_COLUMNS) == 61

_GROUP_PREFIXES = ("IGO", "NGO", "IMG", "MNC")
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(value: Any) -> str:
    if value is None:
        return ""
    return str(value).replace("\t", " ").replace("\r", " ").replace("\n", " ").replace('"', "'")


def _actor_columns(code: str | None, name: str | None, country: str | None) -> list[str]:
    """Actor{n}Code … Actor{n}Type3Code from a CAMEO actor code (see the module doc)."""
    code = code or ""
    group = code[3:6] if code[:3] in _GROUP_PREFIXES else ""
    rest = code[3:] if country and code.startswith(country) else (code if not country and not group else "")
    types = [rest[i:i + 3] for i in range(0, min(len(rest), 9), 3)] if not group else []
    types += [""] * (3 - len(types))
    return [code, (name or "").upper(), country or "", group, "", "", "", *types]


_EVENTS_SQL = """
SELECT c.num, c.id, c.date, c.cameo, c.cameo_root, c.quad_class, c.goldstein, c.mentions, c.sources, c.articles,
       {a_code}, {a_name}, {a_country}, {b_code}, {b_name}, {b_country},
       e.evidence_start < coalesce(nullif(strpos(d.text, chr(10) || chr(10)), 0), nullif(strpos(d.text, chr(10)), 0),
                                   length(d.text) + 1) AS root,
       strftime(d.stored_at, '%Y%m%d%H%M%S'), coalesce(d.source, d.path, d.id), e.location
FROM corpus_events c
JOIN events e ON e.id = c.first_mention
JOIN documents d ON d.id = c.first_doc
LEFT JOIN corpus_actors aa ON aa.id = c.a
LEFT JOIN corpus_actors ab ON ab.id = c.b
{states}
ORDER BY c.num
"""


def _endpoints(level: str) -> dict[str, str]:
    """The format fields of ``_EVENTS_SQL``-like queries: each endpoint's id, name, code and country at
    ``level`` (aliases ``aa``/``ab`` of corpus_actors, ``e`` the first report), and the state-name joins."""
    out: dict[str, str] = {}
    for side, code, alias, names_alias in (("a", "e.source_code", "aa", "sa"), ("b", "e.target_code", "ab", "sb")):
        i, n, c, k = endpoint_sql(level, code, alias, names_alias)
        out.update({f"{side}_id": i, f"{side}_name": n, f"{side}_code": c, f"{side}_country": k,
                    f"{side}_state": state_sql(code, f"{alias}.country")})
    out["states"] = "" if level == "actor" else (
        f"LEFT JOIN {state_names_sql()} sa(code, name) ON sa.code = {out['a_state']} "
        f"LEFT JOIN {state_names_sql()} sb(code, name) ON sb.code = {out['b_state']}")
    return out


def export_gdelt(con: duckdb.DuckDBPyConnection, out: Path, header: bool = False, level: str = "actor") -> int:
    n = 0
    with open(out, "w", encoding="utf-8", newline="") as f:
        if header:
            f.write("\t".join(GDELT_COLUMNS) + "\n")
        cur = con.execute(_EVENTS_SQL.format(**_endpoints(level)))
        while rows := cur.fetchmany(10000):
            for (num, _id, d, cameo, root, quad, gold, mentions, sources, articles, c1, n1, k1, c2, n2, k2,
                 is_root, added, url, location) in rows:
                date_cols = ["", "", "", ""] if d is None else [
                    d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year),
                    f"{d.year + (d.month * 30 + d.day) / 365:.4f}"]
                row = [str(num), *date_cols, *_actor_columns(c1, n1, k1), *_actor_columns(c2, n2, k2),
                       "1" if is_root else "0", cameo, cameo[:3], root, "" if quad is None else str(quad),
                       "" if gold is None else f"{gold:g}",
                       str(mentions), str(sources), str(articles), "",
                       *gdelt_actor_geo(k1), *gdelt_actor_geo(k2), *gdelt_action_geo(location), added or "", url]
                f.write("\t".join(_clean(v) for v in row) + "\n")
                n += 1
    return n


def export_plover(con: duckdb.DuckDBPyConnection, out: Path, level: str = "actor") -> int:
    """One PLOVER event per line; corpus events of one sentence and one code are grouped, with
    their sources as ``actor`` and their targets as ``recipient`` lists (each with its ``state``)."""
    f = _endpoints(level)
    if level == "actor":
        f.update(a_code="aa.code", b_code="ab.code")  # the corpus actor's code, as before levels
    rows = con.execute(
        """SELECT c.id, {a_id}, {b_id}, c.cameo, c.plover, c.plover_mode, c.goldstein, c.quad_class, c.modality, c.date,
                  c.mentions, c.sources, c.first_doc, e.evidence_start, e.evidence_end, c.evidence_text,
                  {a_name}, {a_code}, {a_country}, {b_name}, {b_code}, {b_country},
                  (SELECT list({{'doc_id': em.doc_id, 'start': x.evidence_start, 'end': x.evidence_end,
                                'text': x.evidence_text, 'modality': x.modality}})
                   FROM event_mentions em JOIN events x ON x.id = em.mention_id WHERE em.event_id = c.id),
                  e.location, {a_state}, {b_state}
           FROM corpus_events c JOIN events e ON e.id = c.first_mention
           LEFT JOIN corpus_actors aa ON aa.id = c.a LEFT JOIN corpus_actors ab ON ab.id = c.b {states}
           ORDER BY c.num""".format(**f)).fetchall()
    # compound actors: events of one sentence, code and status with the same target are one
    # PLOVER event with several actors; then those with the same actors, several recipients
    groups: dict[tuple, dict[str, Any]] = {}
    for (cid, a, b, cameo, plover, mode, gold, quad, modality, d, mentions, sources, doc, s, e, text,
         an, ac, ak, bn, bc, bk, evidence, location, ast, bst) in rows:
        key = (doc, s, e, cameo, modality, b)
        g = groups.get(key)
        if g is None:
            g = groups[key] = {
                "id": cid, "date": d.isoformat() if d else None, "event_type": plover, "mode": mode, "context": [],
                "actor": [], "recipient": [], "cameo": cameo, "goldstein": gold, "quad_class": quad,
                "claim_status": modality, "mentions": 0, "sources": 0, "events": [], "evidence": [],
                "location": _plover_location(location)}
        g["events"].append(cid)
        g["mentions"] += mentions
        g["sources"] = max(g["sources"], sources)
        for lst, (x, xn, xc, xk, xs) in (("actor", (a, an, ac, ak, ast)), ("recipient", (b, bn, bc, bk, bst))):
            if x is not None and all(r["id"] != x for r in g[lst]):
                g[lst].append({"id": x, "name": xn, "code": xc, "country": xk, "state": xs})
        for ev in evidence or []:
            if ev not in g["evidence"]:
                g["evidence"].append(ev)
    merged: dict[tuple, dict[str, Any]] = {}
    for (doc, s, e, cameo, modality, _b), g in groups.items():
        key = (doc, s, e, cameo, modality, tuple(sorted(r["id"] for r in g["actor"])))
        m = merged.get(key)
        if m is None or not g["actor"]:
            merged[key if m is None else (*key, g["id"])] = g
            continue
        recipients = {r["id"] for r in m["recipient"]}
        if any(r["id"] in {x["id"] for x in m["actor"]} for r in g["recipient"]) or \
                any(r["id"] in {x["id"] for x in g["actor"]} for r in m["recipient"]):
            merged[(*key, g["id"])] = g  # never an actor that is its own recipient
            continue
        m["recipient"] += [r for r in g["recipient"] if r["id"] not in recipients]
        m["events"] += g["events"]
        m["mentions"] += g["mentions"]
        m["sources"] = max(m["sources"], g["sources"])
        m["evidence"] += [ev for ev in g["evidence"] if ev not in m["evidence"]]
    groups = merged
    with open(out, "w", encoding="utf-8") as f:
        for g in groups.values():
            f.write(json.dumps(g, ensure_ascii=False) + "\n")
    return len(groups)


def _plover_location(value) -> dict[str, Any] | None:
    """PLOVER's location fields: place name, GeoNames id, country, admin-1/2, coordinates, precision."""
    loc = location_of(value)
    if loc is None:
        return None
    return {k: loc.get(k) for k in ("name", "geonames_id", "country", "admin1", "admin2", "lat", "lon",
                                    "precision", "feature")}


def export_parquet(con: duckdb.DuckDBPyConnection, out: Path, level: str = "actor") -> int:
    f = _endpoints(level)
    query = f"""SELECT c.id, c.num, c.date, {f['a_id']} AS source_actor, {f['a_name']} AS source_name,
                      {f['a_code']} AS source_code, {f['b_id']} AS target_actor, {f['b_name']} AS target_name,
                      {f['b_code']} AS target_code, c.cameo, c.cameo_root, c.plover,
                      c.plover_mode, c.goldstein, c.quad_class, c.modality, c.weight, c.mentions, c.articles,
                      c.sources, c.first_doc AS doc_id, e.trigger, e.evidence_start, e.evidence_end, c.evidence_text,
                      json_transform(e.rules, '{{"event": "VARCHAR", "source": "VARCHAR", "target": "VARCHAR"}}')
                          AS rules,
                      e.location->>'name' AS location_name, e.location->>'country' AS location_country,
                      e.location->>'admin1' AS location_admin1,
                      TRY_CAST(e.location->>'geonames_id' AS BIGINT) AS geonames_id,
                      TRY_CAST(e.location->>'lat' AS DOUBLE) AS latitude,
                      TRY_CAST(e.location->>'lon' AS DOUBLE) AS longitude,
                      e.location->>'precision' AS geo_precision,
                      {f['a_state']} AS source_state, {f['b_state']} AS target_state,
                      c.a IS NOT NULL AND c.b IS NOT NULL AND c.a <> c.b AND (CASE WHEN '{level}' = 'state'
                          THEN {f['a_id']} = {f['b_id']} ELSE coalesce({own_state_sql()}, false) END) AS domestic
               FROM corpus_events c JOIN events e ON e.id = c.first_mention
               LEFT JOIN corpus_actors aa ON aa.id = c.a LEFT JOIN corpus_actors ab ON ab.id = c.b {f['states']}
               {actor_join("a_actor", "c.a")} {actor_join("b_actor", "c.b")}
               ORDER BY c.num"""
    path = str(out).replace("'", "''")
    con.execute(f"COPY ({query}) TO '{path}' (FORMAT parquet)")
    return con.execute("SELECT count(*) FROM corpus_events").fetchone()[0]


def _xml(value: Any) -> str:
    return escape(_INVALID_XML.sub(" ", str(value)))


def export_graphml(con: duckdb.DuckDBPyConnection, out: Path, level: str = "actor") -> int:
    """Actors (or states) as nodes (name, code, type, country); dyads as directed edges weighted by
    events, with their weighted Goldstein sum, trend and the sign of the pair in the signed network:
    the dyads of ``system`` with its counts and signs."""
    from .dyads import dyad_table
    from .system import signed_graph

    table = dyad_table(con, level=level)
    graph = signed_graph(con, edges=None, level=level)
    ids = sorted({x for d in table for x in (d["a"], d["b"])})
    info = names(con, ids, level)
    docs = dict(con.execute("SELECT id, documents FROM corpus_actors WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                            [ids]).fetchall())
    actors = {i: (i, v["name"], v["code"], v["type"], v["country"], docs.get(i)) for i, v in info.items()}
    node_keys = [("name", "string"), ("code", "string"), ("type", "string"), ("country", "string"),
                 ("documents", "int")]
    edge_keys = [("weight", "double"), ("events", "int"), ("goldstein", "double"), ("goldstein_mean", "double"),
                 ("sign", "int"), ("trend", "string")]
    with open(out, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
        for k, t in node_keys:
            f.write(f'  <key id="{k}" for="node" attr.name="{k}" attr.type="{t}"/>\n')
        for k, t in edge_keys:
            f.write(f'  <key id="{k}" for="edge" attr.name="{k}" attr.type="{t}"/>\n')
        f.write('  <graph id="diplograph" edgedefault="directed">\n')
        for i in ids:
            _, name, code, typ, country, docs = actors.get(i, (i, i, None, None, None, 0))
            f.write(f"    <node id={quoteattr(_INVALID_XML.sub(' ', i))}>")
            for k, v in (("name", name), ("code", code), ("type", typ), ("country", country), ("documents", docs)):
                if v is not None:
                    f.write(f'<data key="{k}">{_xml(v)}</data>')
            f.write("</node>\n")
        for d in table:
            sign = graph.sign(d["a"], d["b"])
            f.write(f"    <edge source={quoteattr(_INVALID_XML.sub(' ', d['a']))} "
                    f"target={quoteattr(_INVALID_XML.sub(' ', d['b']))}>")
            for k, v in (("weight", float(d["events"])), ("events", d["events"]), ("goldstein", d["goldstein"]),
                         ("goldstein_mean", d["goldstein_mean"]), ("sign", sign), ("trend", d["trend"])):
                if v is not None:
                    f.write(f'<data key="{k}">{_xml(v)}</data>')
            f.write("</edge>\n")
        f.write("  </graph>\n</graphml>\n")
    return len(table)


def export(con: duckdb.DuckDBPyConnection, fmt: str, out: str | Path, header: bool = False,
           level: str = "actor") -> int:
    """Write the corpus in ``fmt`` to ``out`` at ``level``; returns the number of records written."""
    out = Path(out)
    check_level(level)
    if fmt == "gdelt":
        return export_gdelt(con, out, header, level)
    if fmt == "plover":
        return export_plover(con, out, level)
    if fmt == "parquet":
        return export_parquet(con, out, level)
    if fmt == "graphml":
        return export_graphml(con, out, level)
    if fmt == "geojson":
        return export_geojson(con, out)
    raise UsageError("E009", what="format", value=fmt, options=", ".join(FORMATS))


def export_described(con: duckdb.DuckDBPyConnection, fmt: str, out: str | Path, header: bool = False,
                     level: str = "actor") -> tuple[int, str]:
    """``export``, and what its records are in words: why the formats write different counts."""
    n = export(con, fmt, out, header, level)
    events, excluded, single = con.execute(
        "SELECT count(*), count(*) FILTER (weight = 0), count(*) FILTER (a IS NULL OR b IS NULL OR a = b) "
        "FROM corpus_events").fetchone()
    counted = f"{excluded} negated, wished or asked about (weight 0: in no relation), {single} with one party only"
    if fmt in ("gdelt", "parquet"):
        return n, f"one row per de-duplicated event, all {events} of them ({counted})"
    if fmt == "plover":
        return n, (f"one PLOVER event per sentence, code and status: the {events} de-duplicated events, those of one "
                   "sentence with several actors or recipients grouped")
    if fmt == "geojson":
        return n, f"the located events only ({n} of {events} de-duplicated events have a place)"
    from .dyads import domestic_table

    domestic = sum(d["events"] for d in domestic_table(con, level=level))
    return n, (f"directed dyads at {level} level, as `system` lists them: the events counted in a relation between "
               f"two parties (of the {events} events: {counted}, {domestic} domestic, no edge)")
