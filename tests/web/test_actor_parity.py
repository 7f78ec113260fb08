"""The API takes actors as the CLI does (id, name or code; whole words); an unknown one is a 404."""
from __future__ import annotations

import warnings

import pytest

from diplograph.text.search import matches_words, word_key
from diplograph.web.app import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def client(web_store):
    with TestClient(create_app(web_store)) as c:
        yield c


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
