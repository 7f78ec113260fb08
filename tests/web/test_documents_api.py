"""/api/documents: the stored documents listed, searched by text and title, filtered by date."""
from __future__ import annotations

from diplograph.web.queries import MAX_DOCUMENTS, snippet


def test_lists_every_document_newest_first_with_counts(client):
    body = client.get("/api/documents").json()
    ids = [d["id"] for d in body["documents"]]
    assert body["total"] == len(ids) >= 5 and {"attack", "talks", "seed", "provenance"} <= set(ids)
    dates = [d["date"] for d in body["documents"] if d["date"]]
    assert dates == sorted(dates, reverse=True)
    attack = next(d for d in body["documents"] if d["id"] == "attack")
    assert attack["date"] == "2024-03-04" and attack["events"] >= 1 and attack["actors"] >= 2
    assert attack["snippet"].startswith("Russia attacked Ukraine") and "path" not in attack


def test_search_by_text_by_title_and_by_date(client):
    found = client.get("/api/documents", params={"q": "trade agreement"}).json()
    assert [d["id"] for d in found["documents"]] == ["talks"]
    assert "trade agreement" in found["documents"][0]["snippet"]
    assert [d["id"] for d in client.get("/api/documents", params={"title": "hedge"}).json()["documents"]] == ["hedge"]
    # q also looks in titles; title does not look in texts
    assert "hedge" in [d["id"] for d in client.get("/api/documents", params={"q": "HEDGE <b>"}).json()["documents"]]
    assert client.get("/api/documents", params={"title": "trade agreement"}).json()["total"] == 0
    april = client.get("/api/documents", params={"since": "2024-04-01", "until": "2024-04-30"}).json()
    assert {d["id"] for d in april["documents"]} == {"hedge", "hostile"}
    page = client.get("/api/documents", params={"limit": 2, "offset": 1}).json()
    assert len(page["documents"]) == 2 and page["total"] == client.get("/api/documents").json()["total"]


def test_search_is_literal_and_bounded(client):
    assert client.get("/api/documents", params={"q": "%"}).json()["total"] == 0
    assert client.get("/api/documents", params={"q": "'; DROP TABLE documents; --"}).json()["total"] == 0
    assert client.get("/api/documents", params={"since": "2024-13-45"}).status_code == 422
    assert client.get("/api/documents", params={"limit": MAX_DOCUMENTS + 1}).status_code == 422
    assert client.get("/api/documents").status_code == 200  # the store is untouched


def test_openapi_types_the_document_list(client):
    spec = client.get("/openapi.json").json()
    ok = spec["paths"]["/api/documents"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    name = ok["$ref"].rsplit("/", 1)[1]
    props = spec["components"]["schemas"][name]["properties"]
    assert {"total", "limit", "offset", "documents"} <= set(props)


def test_snippet_cuts_at_word_boundaries():
    text = " ".join(f"word{i}" for i in range(200)) + " the needle here " + " ".join(f"tail{i}" for i in range(200))
    s = snippet(text, "needle", size=80)
    assert "needle" in s and s.startswith("…") and s.endswith("…")
    inner = s.strip("…").split()
    assert all(w in text.split() for w in inner)  # no word cut in half
    assert snippet("Short text.", None) == "Short text."


def test_openapi_types_every_read_endpoint(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/actors", "/api/events", "/api/places", "/api/dyad", "/api/graph", "/api/documents",
                 "/api/documents/{doc_id}"):
        schema = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert "$ref" in schema, path
        name = schema["$ref"].rsplit("/", 1)[1]
        assert spec["components"]["schemas"][name]["properties"], path
    doc = client.get("/api/documents/seed").json()
    assert doc["actors"] and doc["events"] and "text" in doc  # the typed response keeps every field
