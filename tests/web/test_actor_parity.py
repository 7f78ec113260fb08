"""The API takes actors as the CLI does (id, name or code; whole words); an unknown one is a 404."""
from __future__ import annotations

import warnings


from diplograph.text.search import matches_words, word_key
from diplograph.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def test_whole_words_not_parts_of_words():
    assert matches_words("Putin", word_key("Vladimir Putin"))
    assert not matches_words("Putin", word_key("Performance Computing"))
    assert matches_words("vlad", word_key("Vladimir Putin"))  # the word being typed
    assert not matches_words("vlad", word_key("Vladimir Putin"), prefix_last=False)
    assert matches_words("jomart", word_key("Kassym-Jomart Tokayev"))
    assert not matches_words("%", word_key("anything")) and not matches_words("", word_key("anything"))


def test_actor_search_matches_whole_words(client):
    names = [a["name"] for a in client.get("/api/actors", params={"q": "kraine"}).json()["actors"]]
    assert names == []  # a part inside a word is no match
    names = [a["name"] for a in client.get("/api/actors", params={"q": "ukr"}).json()["actors"]]
    assert "Ukraine" in names


def test_dyad_by_name_code_or_id_gives_the_same_answer(client):
    by_name = client.get("/api/dyad", params={"a": "Russia", "b": "Ukraine"})
    assert by_name.status_code == 200, by_name.text
    body = by_name.json()
    ids = (body["a"]["id"], body["b"]["id"])
    by_id = client.get("/api/dyad", params={"a": ids[0], "b": ids[1]}).json()
    by_code = client.get("/api/dyad", params={"a": "RUS", "b": "ukr"}).json()
    assert body["total"] == by_id["total"] == by_code["total"] > 0
    assert (by_code["a"]["id"], by_code["b"]["id"]) == ids


def test_unknown_actor_is_a_404_with_a_message(client):
    for url, params in (("/api/dyad", {"a": "Russia", "b": "Nobody Atall"}), ("/api/events", {"actor": "Nobody Atall"}),
                        ("/api/graph", {"actor": "Nobody Atall"})):
        r = client.get(url, params=params)
        assert r.status_code == 404, url
        assert "no actor matches 'Nobody Atall'" in r.json()["detail"]
    assert client.get("/api/events", params={"actor": "Russia"}).json()["total"] > 0
    spec = client.get("/openapi.json").json()["paths"]
    assert "404" in spec["/api/dyad"]["get"]["responses"]


def test_events_of_a_network_node_are_found_by_its_corpus_id(tmp_path):
    # a sector actor is local to its document: its corpus id (police@np) differs from the document's (police)
    from diplograph.records import Actor, Document, DocumentAnalysis, Event, Mention, Ref, Span
    from diplograph.store.duck import StoreWriter

    text = "Police of Marovia arrested protesters."
    police = Actor("police", "Police of Marovia", "sector", "MRVCOP", "MRV", [Mention("Police", 0, 6, "kb", 0.8)])
    crowd = Actor("protesters", "protesters", "sector", "MRVCVL", "MRV", [Mention("protesters", 26, 36, "kb", 0.8)])
    ev = Event("np-1", Ref("police", police.name, "MRVCOP", "Police"), Ref("protesters", crowd.name, "MRVCVL", "protesters"),
               "173", "17", "COERCE", None, -5.0, 4, "asserted", None, "2024-05-01", "arrested", Span(0, 37, text[:37]), 0.8)
    path = tmp_path / "s.duckdb"
    w = StoreWriter(path)
    try:
        w.write_batch([(Document("np", text, "2024-05-01"), DocumentAnalysis("np", "2024-05-01", "input", [police, crowd], [ev]))])
    finally:
        w.close()
    with TestClient(create_app(path)) as c:
        assert c.get("/api/events", params={"actor": "police@np"}).json()["total"] == 1
        assert c.get("/api/events", params={"actor": "police"}).json()["total"] == 1
