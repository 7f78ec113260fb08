"""The places stage: toponyms resolved by context, events located by their own clause first.

Sentences are written for these tests (other names than any dev record)."""
from __future__ import annotations

import pytest

from diplograph.places import distance_km, find_places, load_gazetteer, name_key
from diplograph.records import Document, Event, Location
from diplograph.rules import REGISTRY


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def _events(pipeline, text: str):
    return pipeline.analyze_one(Document("t", text, "2021-03-04")).events


def _places(pipeline, text: str):
    from diplograph.actors.resolve import resolve_mentions
    from diplograph.text.normalize import normalize

    norm = normalize(text)
    sdoc = pipeline.nlp(norm.text)
    actors = resolve_mentions(sdoc, norm, pipeline.kb, None)
    return find_places(sdoc, pipeline.gazetteer, actors)


def test_name_key_folds_spelling():
    assert name_key("Sana'a") == name_key("Sanaa") == "sanaa"
    assert name_key("Al-Hudaydah") == "al hudaydah"
    assert name_key("Zürich") == "zurich"


def test_gazetteer_has_places_areas_and_countries(gaz):
    kinds = {p.fcode for p, _ in gaz.lookup("kharkiv")}
    assert {"PPL", "ADM1"} <= kinds
    ukraine = gaz.country("UKR")
    assert ukraine is not None and ukraine.level == 0 and ukraine.geonames_id
    city = next(p for p, own in gaz.lookup("kharkiv") if p.fcode == "PPL" and p.iso3 == "UKR")
    assert city.geonames_id and city.admin1 and 49 < city.lat < 51 and 35 < city.lon < 38


def test_distance_is_great_circle():
    assert distance_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.5)
    assert distance_km(10, 20, 10, 20) == 0


def test_container_decides_an_ambiguous_town(pipeline):
    # Springfield is a town in several US states; the state the text names decides
    places = _places(pipeline, "Police arrested twelve people in Springfield, Massachusetts, on Friday.")
    t = next(t for t in places.toponyms if t.text == "Springfield")
    assert t.place.admin1 == "Massachusetts"
    places = _places(pipeline, "Police arrested twelve people in Springfield, Oregon, on Friday.")
    t = next(t for t in places.toponyms if t.text == "Springfield")
    assert t.place.admin1 == "Oregon"


def test_document_state_decides_a_namesake(pipeline):
    # Tripoli: Libya's capital by population, Lebanon's city in a text about Lebanon
    text = "Lebanese troops deployed in Tripoli after clashes between rival gunmen, the Lebanese army said."
    t = next(t for t in _places(pipeline, text).toponyms if t.text == "Tripoli")
    assert t.place.iso3 == "LBN"
    text = "Libyan militias clashed in Tripoli on Sunday."
    t = next(t for t in _places(pipeline, text).toponyms if t.text == "Tripoli")
    assert t.place.iso3 == "LBY"


def test_area_word_asks_for_the_area(pipeline):
    t = next(t for t in _places(pipeline, "Fighting spread across Kandahar province overnight.").toponyms
             if t.text == "Kandahar")
    assert t.place.fcode == "ADM1" and t.rule == "place.admin_word"
    t = next(t for t in _places(pipeline, "A bomb exploded in Kandahar on Monday.").toponyms if t.text == "Kandahar")
    assert t.place.fclass == "P"


def test_event_takes_its_own_clause_place_with_precision(pipeline):
    evs = _events(pipeline, "Ethiopian troops attacked rebels near Mekele on Tuesday.")
    ev = next(e for e in evs if e.trigger == "attacked")
    assert ev.location is not None
    assert ev.location.country == "ETH" and ev.location.precision == "near"
    assert ev.location.rule == "place.clause_locative"
    assert ev.location.evidence.text == "Mekele"
    evs = _events(pipeline, "Ethiopian troops attacked rebels in Mekele on Tuesday.")
    assert next(e for e in evs if e.trigger == "attacked").location.precision == "exact"


def test_government_metonym_is_not_the_location(pipeline):
    # "Nairobi condemned": the government speaks; the act happened where the text says
    text = "Nairobi condemned the raid, which Somali gunmen carried out in Mandera."
    places = _places(pipeline, text)
    nairobi = next(t for t in places.toponyms if t.text == "Nairobi")
    assert nairobi.stands_for_actor
    for ev in _events(pipeline, text):
        assert ev.location is None or ev.location.name != "Nairobi"


def test_dateline_places_an_event_without_a_place(pipeline):
    text = "HARARE, June 2 (Reuters) - Soldiers beat protesters who demanded higher wages, witnesses said."
    evs = [e for e in _events(pipeline, text) if e.location is not None]
    assert evs and all(e.location.country == "ZWE" for e in evs)
    assert {e.location.rule for e in evs} <= {"place.dateline", "place.sentence", "place.clause_locative"}


def test_no_place_no_actor_state_gives_no_location(pipeline):
    evs = _events(pipeline, "The rebels attacked the convoy and the soldiers fought back.")
    assert all(e.location is None for e in evs)


def test_rules_are_registered_with_stage_places():
    names = {r.name for r in REGISTRY.all(stage="places")}
    assert {"place.clause_locative", "place.sentence", "place.dateline", "place.document",
            "place.gazetteer_name", "place.admin_word", "place.state_actor", "place.actor_state"} <= names
    assert all(r.kind == "place" for r in REGISTRY.all(stage="places"))


def test_switching_off_the_clause_rule_falls_back(pipeline, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_RULES_OFF", "place.clause_locative")
    ev = next(e for e in _events(pipeline, "Ethiopian troops attacked rebels near Mekele on Tuesday.")
              if e.trigger == "attacked")
    assert ev.location is not None and ev.location.rule != "place.clause_locative"


def test_location_round_trips_through_json(pipeline):
    ev = next(e for e in _events(pipeline, "Ethiopian troops attacked rebels in Mekele on Tuesday.")
              if e.location is not None)
    back = Event.from_dict(ev.to_dict())
    assert back.location == ev.location
    assert Location.from_dict(None) is None
    old = ev.to_dict()
    old.pop("location")
    assert Event.from_dict(old).location is None  # old records without the key still read


def test_a_state_the_actors_read_is_not_a_namesake_region(pipeline):
    # "Britain" is a GeoNames alternate of the French region Brittany; the actor stage reads the state
    places = _places(pipeline, "Delegates from Britain and Norway met in Oslo on Monday.")
    t = next(t for t in places.toponyms if t.text == "Britain")
    assert t.place.iso3 == "GBR" and t.place.level == 0


def test_a_bare_compass_word_is_not_a_place(pipeline):
    places = _places(pipeline, "Officials cited Western diplomats and Central bankers in Lagos.")
    assert {t.text for t in places.toponyms} == {"Lagos"}
    places = _places(pipeline, "Floods hit the Western Province of the country, near Kisumu, Kenya.")
    assert any(t.text.startswith("Western") and t.place is not None for t in places.toponyms)


def test_spelling_variant_of_an_area(pipeline):
    # GeoNames spells the Ethiopian region "Oromiya"; texts write "Oromia"
    t = next(t for t in _places(pipeline, "Clashes were reported in Oromia region on Friday.").toponyms
             if t.text == "Oromia")
    assert t.place is not None and t.place.iso3 == "ETH" and t.place.fcode == "ADM1"
