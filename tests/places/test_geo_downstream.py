"""Locations downstream: the store column (and its migration), GDELT's geo columns, PLOVER's location,
Parquet, GeoJSON read back with shapely, and the API (near=, /api/places). Hand-made corpus, no parser."""
from __future__ import annotations

import json
import warnings

import duckdb
import pandas as pd
import pytest

from diplograph.analysis.exports import GDELT_COLUMNS, export
from diplograph.records import Location, Span
from diplograph.store import schema
from diplograph.store.duck import StoreWriter, open_reader
from diplograph.web.app import create_app

from ..store.corpus_helpers import document, write

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

# two made-up places with real coordinates: a town and a region, some 400 km apart
TOWN = Location("Ulmora", 1234567, "UKR", "Kharkiv", 49.98, 36.25, "exact", Span(0, 6, "Ulmora"),
                feature="PPL", code="UKR", rule="place.clause_locative", admin1_code="07")
REGION = Location("Vessa Oblast", None, "UKR", "Vessa Oblast", 46.64, 32.61, "region", Span(0, 5, "Vessa"),
                  feature="ADM1", code="UKR", rule="place.sentence", admin1_code="14")


def corpus(tmp_path):
    doc, a = document("geo1", "2022-03-01", [
        ("Russia attacked Ukraine in Ulmora.", "russia", "ukraine", "190"),
        ("Russia threatened Ukraine over Vessa.", "russia", "ukraine", "130"),
        ("Putin met Tokayev.", "putin", "tokayev", "040"),
    ])
    a.events[0].location = TOWN
    a.events[1].location = REGION
    path = tmp_path / "geo.duckdb"
    write(path, [(doc, a)])
    return path, a


def test_store_keeps_the_location(tmp_path):
    path, a = corpus(tmp_path)
    con = open_reader(path)
    stored = dict(con.execute("SELECT id, location FROM events").fetchall())
    assert json.loads(stored[a.events[0].id])["name"] == "Ulmora"
    assert stored[a.events[2].id] is None


def test_version_4_store_migrates_and_takes_locations_from_its_analyses(tmp_path):
    path = tmp_path / "v4.duckdb"
    con = duckdb.connect(str(path))
    for v in range(1, 5):
        for stmt in schema.MIGRATIONS[v]:
            if not stmt.startswith("--"):
                con.execute(stmt)
    con.execute("INSERT INTO meta VALUES ('schema_version', '4')")
    con.close()
    doc, a = document("old", "2022-03-01", [("Russia attacked Ukraine in Ulmora.", "russia", "ukraine", "190")])
    a.events[0].location = TOWN
    w = StoreWriter.__new__(StoreWriter)
    w.path, w.con = str(path), duckdb.connect(str(path))
    assert "location" not in {r[0] for r in w.con.execute("DESCRIBE events").fetchall()}
    w._write(doc, a)  # a version-4 writer: the analysis JSON has the location, no column does
    w.con.close()
    r = open_reader(path)
    assert r.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(schema.SCHEMA_VERSION)
    loc = json.loads(r.execute("SELECT location FROM events").fetchone()[0])
    assert loc["name"] == "Ulmora" and loc["lat"] == pytest.approx(49.98)


def test_gdelt_geo_columns(tmp_path):
    path, _ = corpus(tmp_path)
    out = tmp_path / "events.tsv"
    n = export(open_reader(path), "gdelt", out)
    df = pd.read_csv(out, sep="\t", header=None, names=GDELT_COLUMNS, dtype=str, keep_default_na=False)
    assert df.shape == (n, 61)
    attack = df[df.EventCode == "190"].iloc[0]
    assert attack.ActionGeo_Type == "4" and attack.ActionGeo_CountryCode == "UP"  # FIPS, as GDELT
    assert attack.ActionGeo_FullName.startswith("Ulmora, Kharkiv")
    assert float(attack.ActionGeo_Lat) == pytest.approx(49.98) and float(attack.ActionGeo_Long) == pytest.approx(36.25)
    assert attack.ActionGeo_FeatureID == "1234567" and attack.ActionGeo_ADM1Code == "UP07"
    assert attack.Actor1Geo_Type == "1" and attack.Actor1Geo_CountryCode == "RS"  # the actor's state
    threat = df[df.EventCode == "130"].iloc[0]
    assert threat.ActionGeo_Type == "5" and threat.ActionGeo_FeatureID == "UP14"
    meet = df[df.EventCode == "040"].iloc[0]
    assert meet.ActionGeo_Type == "0" and meet.ActionGeo_Lat == ""  # not located: empty, as GDELT


def test_plover_and_parquet_carry_the_location(tmp_path):
    path, _ = corpus(tmp_path)
    out = tmp_path / "events.jsonl"
    export(open_reader(path), "plover", out)
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    attack = next(r for r in rows if r["cameo"] == "190")
    assert attack["location"]["name"] == "Ulmora" and attack["location"]["precision"] == "exact"
    assert next(r for r in rows if r["cameo"] == "040")["location"] is None
    pq = tmp_path / "events.parquet"
    export(open_reader(path), "parquet", pq)
    df = pd.read_parquet(pq)
    row = df[df.cameo == "190"].iloc[0]
    assert row.location_name == "Ulmora" and row.latitude == pytest.approx(49.98) and row.geo_precision == "exact"
    assert row.geonames_id == 1234567


def test_geojson_reads_back_in_shapely(tmp_path):
    shapely_geometry = pytest.importorskip("shapely.geometry")
    path, _ = corpus(tmp_path)
    out = tmp_path / "events.geojson"
    n = export(open_reader(path), "geojson", out)
    data = json.loads(out.read_text())
    assert data["type"] == "FeatureCollection" and len(data["features"]) == n == 2
    for f in data["features"]:
        assert f["type"] == "Feature" and set(f) >= {"geometry", "properties", "id"}
        geom = shapely_geometry.shape(f["geometry"])
        assert geom.geom_type == "Point" and geom.is_valid
        assert -180 <= geom.x <= 180 and -90 <= geom.y <= 90
    town = next(f for f in data["features"] if f["properties"]["place"] == "Ulmora")
    assert shapely_geometry.shape(town["geometry"]).coords[0] == pytest.approx((36.25, 49.98))  # lon, lat


def test_api_near_and_places(tmp_path):
    path, _ = corpus(tmp_path)
    with TestClient(create_app(path)) as c:
        near = c.get("/api/events", params={"near": "49.9,36.3,50"}).json()
        assert [e["location"]["name"] for e in near["events"]] == ["Ulmora"]
        wide = c.get("/api/events", params={"near": "48.0,34.5,1000"}).json()
        assert {e["location"]["name"] for e in wide["events"]} == {"Ulmora", "Vessa Oblast"}
        assert c.get("/api/events").json()["total"] == 3  # without near: every event
        assert c.get("/api/events", params={"near": "95,36.3,50"}).json()["total"] == 0  # clamped to the pole
        assert c.get("/api/events", params={"near": "abc"}).status_code == 422
        places = c.get("/api/places").json()
        assert places["total"] == 2 and {p["name"] for p in places["places"]} == {"Ulmora", "Vessa Oblast"}
        assert c.get("/api/places", params={"q": "ulm"}).json()["places"][0]["geonames_id"] == 1234567
        assert c.get("/api/places", params={"country": "RUS"}).json()["total"] == 0


def test_cli_exports_geojson(tmp_path):
    from typer.testing import CliRunner

    from diplograph.cli import app

    path, _ = corpus(tmp_path)
    out = tmp_path / "cli.geojson"
    res = CliRunner().invoke(app, ["export", "--format", "geojson", "--store", str(path), str(out)])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text())
    assert data["type"] == "FeatureCollection" and len(data["features"]) == 2
    res = CliRunner().invoke(app, ["export", "--format", "kml", "--store", str(path), str(tmp_path / "x")])
    assert res.exit_code != 0  # an unknown format is refused with the list of formats
