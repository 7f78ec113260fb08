"""Where events happened, for the exports: GDELT's geo columns and a GeoJSON of the events.

Reads the ``location`` JSON of stored events (the places stage) and the small country table
``data/geo/countries.tsv`` (FIPS codes and centroids; no gazetteer is loaded here).

GDELT 2.0 geo columns (``{Actor1,Actor2,Action}Geo_*``), as GDELT defines them:

- ``Type``: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (admin area); 0 none;
- ``FullName``: ``place, admin-1, country``; ``CountryCode``: FIPS 10-4; ``ADM1Code``: FIPS country
  + GeoNames' admin-1 code (GeoNames uses FIPS admin codes for most states); ``ADM2Code`` blank;
- ``Lat``/``Long``; ``FeatureID``: the GeoNames id, the ADM1Code for an area, the FIPS code for a country.

``ActionGeo`` is the event's location; ``Actor1Geo``/``Actor2Geo`` the actor's state (its centroid,
type 1) where the actor has one: the text does not say where an actor is, only whose it is.
"""
from __future__ import annotations

import csv
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb

from ..data import data_path

NO_GEO = ["0", "", "", "", "", "", "", ""]


@lru_cache(maxsize=1)
def countries() -> dict[str, dict[str, str]]:
    """ISO-3 and Phoenix code → the country's row (iso2, iso3, fips, code, name, geonames_id, lat, lon)."""
    out: dict[str, dict[str, str]] = {}
    with data_path("geo", "countries.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))
    for r in rows:
        out[r["iso3"]] = r
    for r in rows:
        out.setdefault(r["code"], r)  # a Phoenix code that is not an ISO-3 code
    return out


def location_of(value: Any) -> dict[str, Any] | None:
    if value is None:
        return None
    loc = json.loads(value) if isinstance(value, str) else value
    return loc if isinstance(loc, dict) and loc.get("lat") is not None else None


def gdelt_action_geo(value: Any) -> list[str]:
    """The 8 ``ActionGeo_*`` columns of a stored location (JSON text or dict)."""
    loc = location_of(value)
    if loc is None:
        return list(NO_GEO)
    c = countries().get(loc.get("country") or "", {})
    fips = c.get("fips", "")
    feature = loc.get("feature") or ""
    us = loc.get("country") == "USA"
    if feature == "PCLI":
        kind = "1"
    elif feature in ("ADM1", "ADM2"):
        kind = "2" if us and feature == "ADM1" else "5"
    else:
        kind = "3" if us else "4"
    adm1 = f"{fips}{loc.get('admin1_code') or ''}" if fips and feature != "PCLI" else fips
    parts = [loc.get("name")]
    if feature not in ("PCLI", "ADM1") and loc.get("admin1"):
        parts.append(loc["admin1"])
    if feature != "PCLI" and c.get("name"):
        parts.append(c["name"])
    full = ", ".join(p for p in parts if p)
    fid = str(loc.get("geonames_id") or "") if feature not in ("ADM1", "ADM2", "PCLI") else (
        adm1 if feature != "PCLI" else fips)
    return [kind, full, fips, adm1, "", f"{float(loc['lat']):.4f}", f"{float(loc['lon']):.4f}", fid]


def gdelt_actor_geo(country: str | None) -> list[str]:
    """An actor's state as GDELT's ``Actor{n}Geo_*`` columns (type 1, the country's centroid)."""
    c = countries().get(country or "")
    if c is None:
        return list(NO_GEO)
    return ["1", c["name"], c["fips"], c["fips"], "", f"{float(c['lat']):.4f}", f"{float(c['lon']):.4f}", c["fips"]]


_GEOJSON_SQL = """
SELECT c.id, c.num, c.date, c.cameo, c.plover, c.goldstein, c.quad_class, c.modality, c.mentions,
       aa.name, ab.name, c.first_doc, c.evidence_text, e.location
FROM corpus_events c JOIN events e ON e.id = c.first_mention
LEFT JOIN corpus_actors aa ON aa.id = c.a LEFT JOIN corpus_actors ab ON ab.id = c.b
WHERE e.location IS NOT NULL
ORDER BY c.num
"""


def export_geojson(con: duckdb.DuckDBPyConnection, out: Path) -> int:
    """A GeoJSON FeatureCollection (RFC 7946): one Point per located corpus event, [lon, lat] in WGS 84."""
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        f.write('{"type": "FeatureCollection", "features": [\n')
        cur = con.execute(_GEOJSON_SQL)
        while rows := cur.fetchmany(10000):
            for (cid, num, d, cameo, plover, gold, quad, modality, mentions, an, bn, doc, text, location) in rows:
                loc = location_of(location)
                if loc is None:
                    continue
                feature = {
                    "type": "Feature", "id": cid,
                    "geometry": {"type": "Point", "coordinates": [float(loc["lon"]), float(loc["lat"])]},
                    "properties": {
                        "num": num, "date": d.isoformat() if d else None, "source": an, "target": bn,
                        "cameo": cameo, "plover": plover, "goldstein": gold, "quad_class": quad,
                        "modality": modality, "mentions": mentions, "doc_id": doc, "evidence": text,
                        "place": loc.get("name"), "country": loc.get("country"), "admin1": loc.get("admin1"),
                        "geonames_id": loc.get("geonames_id"), "precision": loc.get("precision"),
                        "place_rule": loc.get("rule")}}
                f.write(("" if n == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
                n += 1
        f.write("\n]}\n")
    return n
