"""One definition of a relation: `system --json`, `dyad --json`, /api/dyad, /api/graph and the exports
give the same counts, signs and trends for the same pairs, at actor and at state level; and the actor
hierarchy: no pair or triad of an actor and its own state, the seed's Kazakhstan–Russia at state level.

The store is web_store (conftest): hand-made texts and the seed, ingested by the real engine.
"""
from __future__ import annotations

import json

import networkx as nx
import pandas as pd
import pytest
from typer.testing import CliRunner

from diplograph.analysis.exports import export
from diplograph.cli import app as cli_app
from diplograph.hierarchy import member, own_state, state_codes
from diplograph.store.duck import open_reader


runner = CliRunner()


def _cli(*args: str) -> dict:
    res = runner.invoke(cli_app, list(args))
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


@pytest.mark.parametrize("level", ["actor", "state"])
def test_every_view_gives_a_pair_the_same_counts_signs_and_trend(client, web_store, tmp_path, level):
    store = str(web_store)
    s = _cli("system", "--store", store, "--json", "--top", "0", "--level", level)
    dyads = {(d["a"], d["b"]): d for d in s["dyads"]}
    g = client.get("/api/graph", params={"level": level, "limit": 5000}).json()
    assert g["level"] == level and g["edges"] and not g["truncated"]
    edges = {(e["a"], e["b"]): e for e in g["edges"]}
    # every pair with counted events in one view is in the other, with the same events both ways
    pairs = {tuple(sorted(k)) for k in dyads}
    assert pairs == {k for k, e in edges.items() if e["events"]}
    for (a, b), e in edges.items():
        both = [dyads.get((a, b)), dyads.get((b, a))]
        assert e["events"] == sum(d["events"] for d in both if d)
        for d in both:
            if d:
                assert d["sign"] == (e["sign"] or None), (a, b)
    con = open_reader(web_store)
    try:
        out = tmp_path / f"net-{level}.graphml"
        export(con, "graphml", out, level=level)
        gml = nx.read_graphml(out)
        assert {(u, v) for u, v in gml.edges} == set(dyads)
        for u, v, data in gml.edges(data=True):
            assert data["events"] == dyads[(u, v)]["events"] and data.get("sign") == dyads[(u, v)]["sign"]
        pq = tmp_path / f"events-{level}.parquet"
        export(con, "parquet", pq, level=level)
        df = pd.read_parquet(pq)
        counted = df[(df.weight > 0) & ~df.domestic.astype(bool) & df.source_actor.notna() & df.target_actor.notna()
                     & (df.source_actor != df.target_actor)]
    finally:
        con.close()
    parquet_counts = counted.groupby(["source_actor", "target_actor"]).size().to_dict()
    assert parquet_counts == {k: d["events"] for k, d in dyads.items()}
    # a sample of pairs through `dyad --json` and /api/dyad: the busiest, and a hostile one if any
    sample = sorted(edges.values(), key=lambda e: -e["events"])[:3] + [e for e in edges.values() if e["sign"] < 0][:2]
    for e in sample:
        d = _cli("dyad", e["a"], e["b"], "--store", store, "--json", "--level", level)
        api = client.get("/api/dyad", params={"a": e["a"], "b": e["b"], "level": level}).json()
        assert d["a"]["id"] == api["a"]["id"] == e["a"] and d["b"]["id"] == api["b"]["id"] == e["b"]
        assert d["a_to_b"]["events"] + d["b_to_a"]["events"] == api["total"] == e["events"] == len(api["evidence"])
        assert d["sign"] == api["sign"] == (e["sign"] or None) and not d["domestic"] and not api["domestic"]
        for key, (x, y) in (("a_to_b", (e["a"], e["b"])), ("b_to_a", (e["b"], e["a"]))):
            listed = dyads.get((x, y))
            assert d[key]["events"] == api[key]["events"] == (listed["events"] if listed else 0)
            if listed:
                assert d[key]["trend"]["direction"] == api[key]["trend"] == listed["trend"]
                assert d[key]["trend"]["slope"] == api[key]["slope"] == listed["slope"]
                assert abs(d[key]["goldstein"] - listed["goldstein"]) < 0.011


def test_no_pair_or_triad_joins_an_actor_and_its_own_state(web_store):
    s = _cli("system", "--store", str(web_store), "--json", "--top", "0")
    who = {a["id"]: member(a["id"], a["type"], a["code"], a["country"]) for a in s["actors"]}
    assert who, "the system lists actors"
    for d in s["dyads"]:
        assert not own_state(who[d["a"]], who[d["b"]]), d
    for t in s["triads"]:
        x, y, z = (who[i] for i in t["actors"])
        assert not (own_state(x, y) or own_state(y, z) or own_state(x, z)), t
    assert any(d["events"] for d in s["domestic"])  # the seed's leader acting at home is domestic, reported
    states = _cli("system", "--store", str(web_store), "--json", "--top", "0", "--level", "state")
    listed = {(d["a"], d["b"]) for d in states["dyads"]}
    assert ("RUS", "KAZ") in listed and all(d["a"] != d["b"] for d in states["dyads"])
    by_id = {a["id"]: a for a in states["actors"]}
    assert by_id["KAZ"]["type"] == "state" and by_id["KAZ"]["name"] == "Kazakhstan"


def test_the_seed_documents_triads_never_pair_an_actor_with_its_own_state(client):
    doc = client.get("/api/documents/seed").json()
    who = {a["id"]: member(a["id"], a["type"], a["code"], a["country"]) for a in doc["actors"]}
    analysis = json.loads(json.dumps(doc))  # the triads are in the stored analysis, read through the store
    con_triads = _stored_triads(client, "seed")
    assert con_triads, "the seed has triads"
    for t in con_triads:
        x, y, z = (who[i] for i in t["actors"])
        assert not (own_state(x, y) or own_state(y, z) or own_state(x, z)), t["reading"]
    assert analysis["id"] == "seed"


def _stored_triads(client, doc_id: str) -> list[dict]:
    con = client.app.state.con.cursor()
    try:
        raw = con.execute("SELECT analysis FROM documents WHERE id = ?", [doc_id]).fetchone()[0]
    finally:
        con.close()
    return json.loads(raw)["triads"]


def test_state_level_graph_and_dyad_roll_up_and_keep_domestic_apart(client):
    g = client.get("/api/graph", params={"level": "state"}).json()
    ids = {n["id"] for n in g["nodes"]}
    assert {"RUS", "KAZ"} <= ids and all(e["a"] != e["b"] for e in g["edges"])
    assert {n["id"] for n in g["nodes"] if n["type"] == "state"} <= state_codes() | ids
    d = client.get("/api/dyad", params={"a": "KAZ", "b": "RUS", "level": "state"}).json()
    assert d["total"] > 0 and d["sign"] in (1, -1) and not d["domestic"]
    home = client.get("/api/dyad", params={"a": "KAZ", "b": "KAZ", "level": "state"}).json()
    assert home["domestic"] and home["sign"] is None
    actor_level = client.get("/api/graph").json()
    assert actor_level["level"] == "actor" and "KAZ" not in {n["id"] for n in actor_level["nodes"]}
    assert client.get("/api/graph", params={"level": "galaxy"}).status_code == 422
    spec = client.get("/openapi.json").json()
    params = {p["name"]: p for p in spec["paths"]["/api/graph"]["get"]["parameters"]}
    assert params["level"]["schema"]["enum"] == ["actor", "state"] and "state" in params["level"]["description"]
