"""Places the gazetteer lacks: the state their names are spelled like, weighed with the actors' states.

Sentences and village names are made up for these tests (no dev record's)."""
from __future__ import annotations

import pytest

from diplograph.places import load_gazetteer, name_key
from diplograph.places.spelling import build_spelling_model, grams
from diplograph.places.toponyms import unseen_of
from diplograph.records import Document


def _events(pipeline, text: str):
    return pipeline.analyze_one(Document("t", text, "2021-03-04")).events


def test_grams_mark_the_ends():
    gs = grams("ivka")
    assert "^i" in gs and "ka$" in gs and "vka$" in gs and "^ivk" in gs


def test_a_small_model_learns_suffixes():
    names = [("petrivka", "UKR"), ("olenivka", "UKR"), ("marivka", "UKR"), ("semenivka", "UKR"),
             ("hasanabad", "IRN"), ("aliabad", "IRN"), ("karimabad", "IRN"), ("jafarabad", "IRN")]
    m = build_spelling_model(names)
    ll = m.log_likelihoods("dorivka")
    assert ll["UKR"] > ll["IRN"]
    ll = m.log_likelihoods("rostamabad")
    assert ll["IRN"] > ll["UKR"]
    assert m.log_likelihoods("qqqq") == {}  # no gram known: no opinion


def test_the_gazetteer_model_tells_transliterations_apart():
    m = load_gazetteer().spelling
    assert m is not None
    for name, state in (("Zarichnivka", "UKR"), ("Hosseinabad-e Pain", "IRN")):
        ll = m.log_likelihoods(name_key(name))
        assert max(ll, key=ll.get) == state


def test_an_unknown_village_after_near_is_kept_as_unseen(pipeline):
    from diplograph.text.normalize import normalize

    sdoc = pipeline.nlp(normalize("Monitors recorded twenty explosions near Verkhnopetrivka on Monday.").text)
    from diplograph.places import read_toponyms

    read_toponyms(sdoc, pipeline.gazetteer)
    assert [t.text for t in unseen_of(sdoc)] == ["Verkhnopetrivka"]
    sdoc = pipeline.nlp("The talks resumed in June after a pause.")
    read_toponyms(sdoc, pipeline.gazetteer)
    assert unseen_of(sdoc) == []  # a month is no place


@pytest.mark.parametrize("text, state", [
    ("Gunmen killed two farmers in Kampung Sungai Lembarau on Monday.", "MYS"),
    ("Unknown gunmen shelled houses near Novokaterynivka overnight, killing a woman.", "UKR"),
])
def test_an_event_at_an_unknown_village_gets_the_state_of_its_spelling(pipeline, text, state):
    evs = [e for e in _events(pipeline, text) if e.location is not None]
    assert evs, text
    loc = evs[0].location
    assert loc.country == state and loc.precision == "country" and loc.rule == "place.name_spelling"
    assert loc.evidence.text in text and loc.evidence.text[0].isupper()


def test_a_known_place_wins_over_the_spelling_guess(pipeline):
    evs = [e for e in _events(pipeline, "Gunmen killed two farmers in Mirzahosseinabad village near Kerman.")
           if e.location is not None]
    assert evs and evs[0].location.rule != "place.name_spelling" and evs[0].location.country == "IRN"


def test_a_spelling_shared_by_neighbours_is_no_guess_alone_but_the_actors_decide(pipeline):
    # "-abad" is written in several states: alone it places nothing; Iranian police say which
    evs = _events(pipeline, "Gunmen killed two farmers in Mirzahosseinabad village on Monday.")
    assert all(e.location is None for e in evs)
    evs = [e for e in _events(pipeline, "Iranian police arrested two farmers in Mirzahosseinabad village on Monday.")
           if e.location is not None]
    assert evs and evs[0].location.country == "IRN"


def test_the_actors_state_weighs_against_a_spelling_shared_by_neighbours(pipeline):
    # an Arabic village name is spelled alike in many states: the state the actors belong to decides
    evs = [e for e in _events(pipeline, "Iraqi police arrested five smugglers in Umm Qasabiyah village.")
           if e.location is not None]
    assert evs and evs[0].location.country == "IRQ"


def test_no_territory_is_coded_as_a_namesake_state():
    # countries.tsv: a territory takes another state's code only if it uses that state's money
    # (scripts/build_gazetteer.state_code); Jersey is no synonym of the United States, nor the Turks
    # and Caicos Islands of Turkey
    from diplograph.data import data_path

    rows = {}
    with data_path("geo", "countries.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("iso2\t"):
                continue
            iso2, iso3, _fips, code, name, *_ = line.rstrip("\n").split("\t")
            rows[iso3] = (code, name)
    assert rows["JEY"][0] == "JEY" and rows["TCA"][0] == "TCA"
    assert rows["ALA"][0] == "FIN"  # Aland is Finland's, and pays in euros
    gaz = load_gazetteer()
    assert gaz.country("JEY").name == "Jersey" and gaz.country("USA").name == "United States"


def _toponyms(pipeline, text: str):
    from diplograph.places import read_toponyms

    return read_toponyms(pipeline.nlp(text), pipeline.gazetteer)


def test_the_tail_of_a_hyphenated_name_is_no_place_of_its_own(pipeline):
    found = _toponyms(pipeline, "Rioters blocked the Zahle-Homs road on Sunday.")
    assert not any(t.text == "Homs" for t in found)


def test_a_name_the_next_area_holds_is_a_place_whatever_the_tagger_says(pipeline):
    # the tagger reads "the Government Medical College, Patiala" as one organisation; Punjab alone would
    # be Pakistan's (the more populous), Patiala is in India's
    evs = [e for e in _events(pipeline, "About 50 workers protested at the Government Medical College, Patiala "
                                        "(Punjab) against delays.") if e.location is not None]
    assert evs and evs[0].location.country == "IND" and evs[0].location.name.startswith("Patiala")


def test_a_namesake_abroad_of_a_name_put_in_an_area_is_dropped(pipeline):
    # Sevan is a town of Armenia; the text puts this one in Donetsk
    evs = [e for e in _events(pipeline, "Ukrainian forces fired mortars at positions in the area of Sevan, "
                                        "Donetsk, on Monday.") if e.location is not None]
    assert evs and all(e.location.country == "UKR" for e in evs)


def test_a_compass_area_in_a_bracketed_list_is_a_place(pipeline):
    evs = [e for e in _events(pipeline, "Gunmen burned a school in Ndoukoula village, Bourha subdivision "
                                        "(Mayo-Tsanaga, Extreme-Nord) on Friday.") if e.location is not None]
    assert evs and evs[0].location.country == "CMR" and evs[0].location.precision == "region"


def test_a_compass_word_heading_a_name_is_no_place_alone(pipeline):
    # GeoNames spells the area "Muhafazat Shamal Sina'": "North Sinai" is found by its spelling, not as
    # some "North" province elsewhere, and it puts the Rafah of this text in Egypt, not in Gaza
    text = "Egyptian army units shelled militant hideouts in Rafah (Rafah, North Sinai) on Monday."
    found = _toponyms(pipeline, text)
    assert not any(t.text == "North" for t in found)
    evs = [e for e in _events(pipeline, text) if e.location is not None]
    assert evs and evs[0].location.country == "EGY"


def test_word_breaks_are_spelling(pipeline):
    # GeoNames writes "Salah ad Din Governorate"; texts write the English "Saladin"
    evs = [e for e in _events(pipeline, "Gunmen killed a farmer near a village in Saladin province on Monday.")
           if e.location is not None]
    assert evs and evs[0].location.country == "IRQ" and evs[0].location.precision == "region"


def test_a_list_of_places_goes_on_after_a_name_the_gazetteer_lacks(pipeline):
    # "in X, Y": X is a village no gazetteer has, Y the province it lies in; the province places the event
    events = _events(pipeline, "On 3 March 2021, in Zorvantillo, Sinaloa, two gunmen shot a shopkeeper.")
    located = [e.location for e in events if e.location is not None]
    assert located and all(loc.code == "MEX" and loc.rule != "place.name_spelling" for loc in located)
