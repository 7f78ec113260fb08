"""The read-only API, in process, over a store built by the real ingest from hand-made texts."""
from __future__ import annotations

import duckdb
import pytest
from typer.main import get_command
from typer.testing import CliRunner

from diplograph.cli import app as cli_app
from diplograph.web import LOOPBACK
from diplograph.web.app import built
from diplograph.web.queries import MAX_ACTORS, MAX_EDGES

from ..conftest import SEED


def actor_id(client, query: str) -> str:
    found = client.get("/api/actors", params={"q": query}).json()["actors"]
    assert found, f"no actor matches {query!r}"
    return found[0]["id"]


def test_actors_most_active_first_and_searchable(client):
    body = client.get("/api/actors").json()
    assert body["total"] >= 5 and body["actors"]
    counts = [a["events"] for a in body["actors"]]
    assert counts == sorted(counts, reverse=True)
    naz = client.get("/api/actors", params={"q": "nazarbayev"}).json()["actors"]
    assert any("Nazarbayev" in a["name"] for a in naz)


def test_events_of_an_actor_point_at_their_evidence(client):
    russia = actor_id(client, "Russia")
    body = client.get("/api/events", params={"actor": russia}).json()
    assert body["events"]
    for e in body["events"]:
        assert russia in ((e["source"] or {}).get("actor"), (e["target"] or {}).get("actor"))
        doc = client.get(f"/api/documents/{e['doc_id']}").json()
        ev = e["evidence"]
        assert doc["text"][ev["start"]:ev["end"]] == ev["text"]


def test_graph_edges_and_nodes_agree_and_filters_narrow(client):
    g = client.get("/api/graph").json()
    assert g["edges"] and g["nodes"]
    ids = {n["id"] for n in g["nodes"]}
    for e in g["edges"]:
        assert e["a"] in ids and e["b"] in ids and e["a"] < e["b"]
        assert e["weight"] == e["events"] + e["statements"] and e["sign"] in (-1, 0, 1)
    conflict = client.get("/api/graph", params={"quad": [3, 4]}).json()
    assert sum(e["events"] for e in conflict["edges"]) < sum(e["events"] for e in g["edges"])
    assert all(e["cooperative"] == 0 for e in conflict["edges"])
    hedged = client.get("/api/graph", params={"modality": "hedged"}).json()
    assert hedged["edges"]
    for e in hedged["edges"]:
        d = client.get("/api/dyad", params={"a": e["a"], "b": e["b"], "modality": "hedged"}).json()
        assert {x["modality"] for x in d["evidence"]} <= {"hedged"}
    late = client.get("/api/graph", params={"since": "2024-03-05", "until": "2024-12-31"}).json()
    assert sum(e["events"] for e in late["edges"]) < sum(e["events"] for e in g["edges"])
    heavy = max(e["weight"] for e in g["edges"])
    assert all(e["weight"] >= heavy for e in client.get("/api/graph", params={"min_weight": heavy}).json()["edges"])
    one = client.get("/api/graph", params={"limit": 1}).json()
    assert len(one["edges"]) == 1 and one["truncated"] == (one["total_edges"] > 1)


def test_dyad_time_series_counts_its_evidence(client):
    g = client.get("/api/graph").json()
    edge = max(g["edges"], key=lambda e: e["events"])
    d = client.get("/api/dyad", params={"a": edge["a"], "b": edge["b"]}).json()
    assert d["total"] == edge["events"] == len(d["evidence"])
    assert sum(s["events"] for s in d["series"]) + d["undated"] == d["total"]
    for s in d["series"]:
        assert len(s["period"]) == 10 and s["period"].endswith("-01")  # months, as dates
    for e in d["evidence"]:
        assert {e["source"]["actor"], e["target"]["actor"]} == {edge["a"], edge["b"]}
        assert e["doc_id"] and e["evidence"]["text"]


def test_seed_document_with_nazarbayev_mentions(client):
    doc = client.get("/api/documents/seed").json()
    assert doc["text"] == SEED.read_text(encoding="utf-8")
    assert "path" not in doc  # no file path of the server leaves it
    naz = [a for a in doc["actors"] if "Nazarbayev" in a["name"]]
    assert naz and len(naz[0]["mentions"]) >= 3
    for m in naz[0]["mentions"]:
        assert doc["text"][m["start"]:m["end"]] == m["text"] and m["method"]
    assert {e["modality"] for e in doc["events"]} and doc["events"][0]["evidence"]["text"]


def test_events_and_mentions_name_their_rules(client):
    doc = client.get("/api/documents/provenance").json()
    assert doc["events"][0]["rules"] == {"event": "event.test_verb", "source": "source.test_subject",
                                         "target": "target.test_object"}
    rules = {m["text"]: m["rule"] for a in doc["actors"] for m in a["mentions"]}
    assert rules == {"Marovia": "mention.test_kb", "Tessaly": "mention.test_alias"}
    listed = client.get("/api/events", params={"actor": "marovia"}).json()["events"]
    assert [e["rules"]["event"] for e in listed] == ["event.test_verb"]
    seed = client.get("/api/documents/seed").json()  # an event without provenance says so: null, not absent
    assert all("rules" in e for e in seed["events"])


def test_hostile_text_is_data_and_never_in_the_page_html(client):
    doc = client.get("/api/documents/hostile").json()
    assert "<script>window.__pwned = 1</script>" in doc["text"]
    assert client.get("/api/documents/hostile").headers["content-type"].startswith("application/json")
    if built():
        page = client.get("/documents/hostile")
        assert page.status_code == 200 and "__pwned" not in page.text and "<b>title" not in page.text
    csp = client.get("/api/actors").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_only_get_and_head_are_answered(client, web_store):
    for method in ("POST", "PUT", "PATCH", "DELETE", "OPTIONS"):
        r = client.request(method, "/api/actors")
        assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD"
    head = client.head("/api/actors")
    assert head.status_code == 200 and head.content == b""
    assert client.request("GET", "/api/actors", content=b"x" * 10).status_code == 413
    assert client.get("/api/actors?q=" + "a" * 5000).status_code == 414
    with pytest.raises(duckdb.Error):  # the store itself is open read-only
        client.app.state.con.execute("DELETE FROM events")
    before = duckdb.connect(str(web_store), read_only=True)
    try:
        assert before.execute("SELECT count(*) FROM events").fetchone()[0] > 0
    finally:
        before.close()


def test_requests_and_results_are_bounded(client):
    assert client.get("/api/actors", params={"limit": MAX_ACTORS + 1}).status_code == 422
    assert client.get("/api/graph", params={"limit": MAX_EDGES + 1}).status_code == 422
    assert client.get("/api/actors", params={"q": "x" * 101}).status_code == 422
    assert client.get("/api/graph", params={"since": "yesterday"}).status_code == 422
    r = client.get("/api/graph", params={"modality": "maybe"})
    assert r.status_code == 422 and "hedged" in r.json()["detail"]  # lists the valid options
    assert client.get("/api/graph", params={"quad": 5}).status_code == 422


def test_sql_is_parameterised(client):
    hostile = "'; DROP TABLE events; --"
    assert client.get("/api/actors", params={"q": hostile}).json()["actors"] == []
    # an unknown actor is an error that says so (issue 17), never a match of the SQL
    r = client.get("/api/events", params={"actor": hostile})
    assert r.status_code == 404 and "no actor matches" in r.json()["detail"]
    assert client.get("/api/actors", params={"q": "%"}).json()["actors"] == []  # a literal %, not a wildcard
    assert client.get("/api/events").json()["total"] > 0


def test_no_file_path_from_a_request_is_opened(client):
    for url in ("/api/documents/../../pyproject.toml", "/api/documents/%2e%2e%2fpyproject.toml",
                "/static/../app.py", "/static/%2e%2e/app.py", "/api/documents/" + str(SEED)):
        r = client.get(url)
        assert r.status_code == 404, url
        assert "[build-system]" not in r.text and "create_app" not in r.text and "Nazarbayev" not in r.text
    page = client.get("/documents/" + str(SEED))
    assert page.status_code in (404, 503) and "Nazarbayev" not in page.text


def test_openapi_documents_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/actors", "/api/events", "/api/dyad", "/api/graph", "/api/documents/{doc_id}"):
        assert p in paths, p
    assert client.get("/docs").status_code == (200 if built() else 503)


def test_serve_binds_loopback_by_default_and_fails_cleanly_without_store(tmp_path):
    serve = get_command(cli_app).commands["serve"]
    host = next(p for p in serve.params if p.name == "host")
    assert host.default == LOOPBACK == "127.0.0.1"
    res = CliRunner().invoke(cli_app, ["serve", "--store", str(tmp_path / "none.duckdb"), "--port", "1"])
    assert res.exit_code == 1 and "E001" in res.output and "Traceback" not in res.output


def test_graph_of_one_actor_keeps_only_its_edges(client):
    naz = actor_id(client, "Nazarbayev")
    g = client.get("/api/graph", params={"actor": naz}).json()
    assert g["edges"] and all(naz in (e["a"], e["b"]) for e in g["edges"])
    assert len(client.get("/api/graph").json()["edges"]) > len(g["edges"])
