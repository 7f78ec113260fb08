"""The aggregates and filters the page draws from: /api/timeline, /api/facets, the new filters, places
under filters, whole-word actor search (in process, over the store built by the real ingest)."""
from __future__ import annotations

import pytest


def test_timeline_counts_every_event_by_period_and_quad(client):
    every = client.get("/api/events", params={"limit": 1}).json()["total"]
    t = client.get("/api/timeline").json()
    assert t["by"] == "month" and t["periods"] == sorted(t["periods"])
    assert all(p.endswith("-01") for p in t["periods"])
    counted = sum(sum(v) for v in t["quad"].values()) + sum(t["other"]) + t["undated"]
    assert counted == t["total"] == every
    assert all(len(v) == len(t["periods"]) for v in t["quad"].values())
    weeks = client.get("/api/timeline", params={"by": "week"}).json()
    assert len(weeks["periods"]) >= len(t["periods"]) and weeks["total"] == every
    conflict = client.get("/api/timeline", params={"quad": [3, 4]}).json()
    assert sum(conflict["quad"]["1"]) == sum(conflict["quad"]["2"]) == 0 < conflict["total"] < every
    assert client.get("/api/timeline", params={"by": "decade"}).status_code == 422


def test_facets_list_the_values_with_their_events(client):
    f = client.get("/api/facets").json()
    assert f["since"] <= f["until"]
    types = {x["value"]: x["events"] for x in f["actor_types"]}
    assert "state" in types and types["state"] > 0
    assert f["plover"] and all(x["events"] > 0 for x in f["plover"])
    counts = [x["events"] for x in f["plover"]]
    assert counts == sorted(counts, reverse=True)
    assert client.get("/api/facets", params={"limit": 1}).json()["plover"] == f["plover"][:1]


def test_new_filters_narrow_the_graph_and_events(client):
    g = client.get("/api/graph").json()
    facets = client.get("/api/facets").json()
    plover = facets["plover"][0]["value"]
    typed = client.get("/api/events", params={"plover": plover, "limit": 1000}).json()
    assert typed["events"] and {e["plover"] for e in typed["events"]} == {plover}
    states = client.get("/api/graph", params={"actor_type": "state"}).json()
    types = {n["id"]: n["type"] for n in states["nodes"]}
    assert states["edges"] and set(types.values()) == {"state"}
    assert len(states["edges"]) <= len(g["edges"])
    country = next(x["value"] for x in facets["countries"])
    by_country = client.get("/api/graph", params={"country": country}).json()
    assert by_country["edges"] and len(by_country["edges"]) <= len(g["edges"])
    for e in by_country["edges"]:
        ends = {n["id"]: n for n in by_country["nodes"]}
        assert country in (ends[e["a"]]["country"], ends[e["b"]]["country"]) or e["events"] > 0
    assert client.get("/api/graph", params={"plover": "x'; --"}).status_code == 422


def test_edges_carry_their_directions(client):
    for e in client.get("/api/graph").json()["edges"]:
        assert e["ab"] + e["ba"] == e["events"]
        d = client.get("/api/dyad", params={"a": e["a"], "b": e["b"]}).json()
        forward = sum(1 for x in d["evidence"] if x["source"]["actor"] == e["a"])
        assert forward == e["ab"]


def test_places_and_near_follow_the_filters(client):
    every = client.get("/api/places").json()
    if not every["places"]:
        pytest.skip("no located events in the hand-made store")
    p = every["places"][0]
    near = f"{p['lat']},{p['lon']},5"
    located = client.get("/api/events", params={"near": near}).json()
    assert located["total"] >= p["events"]
    g = client.get("/api/graph", params={"near": near}).json()
    assert sum(e["events"] for e in g["edges"]) <= located["total"]
    none = client.get("/api/places", params={"since": "1900-01-01", "until": "1900-12-31"}).json()
    assert none["places"] == []
