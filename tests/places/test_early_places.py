"""The toponyms read right after the parse (before the actors) and what the actor stage makes of them."""
from __future__ import annotations

from diplograph.places import read_toponyms, toponyms_of
from diplograph.records import Document


def _sector(analysis, word: str):
    return next((a for a in analysis.actors for m in a.mentions if m.text == word), None)


def test_toponyms_are_kept_on_the_document_and_survive_a_merge(pipeline):
    sdoc = pipeline.nlp("Farmers marched in Nakuru town. Later Kim Tae-soo spoke in Eldoret.")
    found = read_toponyms(sdoc, pipeline.gazetteer)
    n = len(sdoc)
    names = [t.text for t in found]
    assert "Nakuru" in names and "Eldoret" in names
    with sdoc.retokenize() as rt:  # a later stage joins a name: token indices after it move
        rt.merge(sdoc[8:11])  # "Tae - soo" → "Tae-soo"
    assert len(sdoc) < n
    again = toponyms_of(sdoc)
    eldoret = next(t for t in again if t.text == "Eldoret")
    assert sdoc[eldoret.start:eldoret.end].text == "Eldoret"


def test_a_sector_noun_takes_the_state_of_the_place_where_it_acts(pipeline):
    a = pipeline.analyze_one(Document("t", "Traders blocked the main road in Kisumu town on Monday.", "2021-03-04"))
    traders = _sector(a, "Traders")
    assert traders is not None and traders.country == "KEN", [(x.name, x.code) for x in a.actors]


def test_a_place_in_a_report_list_is_no_person(pipeline):
    text = "Gunmen killed two herders near Velmara (Dukhani, Lower Shabelle) on Sunday."
    a = pipeline.analyze_one(Document("t", text, "2021-03-04"))
    assert not any(x.type == "person" for x in a.actors), [(x.name, x.type) for x in a.actors]
    located = [e.location for e in a.events if e.location is not None]
    assert all(loc.country == "SOM" for loc in located), located


def test_a_made_up_country_is_not_a_town_abroad(pipeline):
    a = pipeline.analyze_one(Document("t", "Rioters looted shops in Borduria on Friday.", "2021-03-04"))
    assert all(e.location is None or e.location.rule != "place.spelling_variant" for e in a.events), \
        [e.location for e in a.events]
