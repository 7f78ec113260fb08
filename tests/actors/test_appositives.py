"""Roles from an appositive noun phrase the parser attaches to a name, read whole."""
from __future__ import annotations

import pytest

from diplograph.records import Document


def actor(pipeline, text: str, name: str):
    a = pipeline.analyze_one(Document("t", text, "2011-01-01"))
    found = [x for x in a.actors if x.name == name]
    assert found, [(x.name, x.code) for x in a.actors]
    return found[0]


@pytest.mark.parametrize("text, name, code", [
    ("Amina Teklu, the African Union Special Envoy, urged both armies to pull back.", "Amina Teklu", "IGOAFRAU"),
    ("Piet Vermaak, Namibia's leading opposition politician, began a hunger strike.", "Piet Vermaak", "NAM"),
    ("Anna Velikova, the former Bulgarian defence minister, criticised the plan.", "Anna Velikova", "BGRELI"),
])
def test_appositive_gives_organisation_or_country(pipeline, text, name, code):
    assert (actor(pipeline, text, name).code or "").startswith(code)


def test_appositive_beats_a_kb_code_dated_elsewhere(pipeline):
    # Mohammed Kuti is a Phoenix person only as [KENGOV 060401-080228]; in 2011 the text's role holds.
    kuti = actor(pipeline, "Mohammed Kuti, the African Union Special Envoy, urged both armies to pull back.",
                 "Mohammed Kuti")
    assert kuti.code.startswith("IGO") and {m.method for m in kuti.mentions} == {"role"}


def test_organisation_named_after_its_state_is_that_states_group(pipeline):
    org = actor(pipeline, "The Nigerian Football Federation banned two players.", "Nigerian Football Federation")
    assert org.type == "group" and org.country == "NGA"


def test_unknown_organisation_in_apposition_takes_the_group_nouns_code(pipeline):
    text = "The main Tuareg rebel group, the Movement for Azawad Unity, attacked a Malian army base."
    org = actor(pipeline, text, "Movement for Azawad Unity")
    assert org.code == "MLIREB"


def test_coordinated_nationalities_of_one_sector_noun_keep_their_states(pipeline):
    from datetime import date

    from diplograph.actors.resolve import resolve_mentions
    from diplograph.text.normalize import normalize

    norm = normalize("Estonian and Latvian troops launched joint exercises on Monday.")
    doc = pipeline.nlp(norm.text)
    res = resolve_mentions(doc, norm, pipeline.kb, date(2011, 1, 1))
    by_word = {t.text: res.actor_at(t.i) for t in doc}
    assert by_word["troops"].country == "EST"
    assert by_word["Latvian"].country == "LVA"
    a = pipeline.analyze_one(Document("t", norm.text, "2011-01-01"))
    sources = {e.source.code[:3] for e in a.events if e.source and e.source.code}
    assert {"EST", "LVA"} <= sources, [(e.cameo, e.source and e.source.code) for e in a.events]


@pytest.mark.parametrize("text, span, code", [
    ("Saudi-led forces bombed rebel positions on Monday.", "Saudi-led forces", "SAU"),
    ("The U.S.-led coalition attacked militia positions.", "U.S.-led coalition", "USA"),
])
def test_a_group_a_state_leads_is_that_states(pipeline, text, span, code):
    a = pipeline.analyze_one(Document("t", text, "2011-01-01"))
    assert [x.country for x in a.actors for m in x.mentions if m.text == span] == [code]


def test_led_act_or_backed_group_is_not_the_states(pipeline):
    a = pipeline.analyze_one(Document("t", "Ethiopian-backed militias joined the U.S.-led war on Monday.", "2011-01-01"))
    spans = {m.text for x in a.actors for m in x.mentions}
    assert "U.S.-led war" not in spans and "Ethiopian-backed militias" not in spans


def test_paired_nationalities_are_both_states(pipeline):
    a = pipeline.analyze_one(Document("t", "Indian-Pakistani relations worsened after the attack.", "2005-01-01"))
    assert {x.country for x in a.actors} >= {"IND", "PAK"}, [(x.name, x.code) for x in a.actors]


def test_a_states_name_on_an_ordinary_noun_is_a_topic_not_a_nationality(pipeline):
    # "a senior Peru analyst" studies Peru; with no sector noun the state is not the person's.
    assert actor(pipeline, "Mark Dolan, a senior Peru analyst at a consultancy, said talks failed.",
                 "Mark Dolan").country is None
    # A nationality adjective is the person's, and a state's name before a sector noun is its owner.
    assert actor(pipeline, "Lena Ortiz, a Chilean lawyer, said talks failed.", "Lena Ortiz").country == "CHL"
    assert actor(pipeline, "Tom Hale, a Kenya government spokesman, said talks failed.",
                 "Tom Hale").code == "KENGOV"


@pytest.mark.parametrize("form, code", [("Ecuadoran", "ECU"), ("Comorian", "COM"), ("Luxembourgish", "LUX")])
def test_nationality_forms_the_dictionaries_lack(pipeline, form, code):
    a = pipeline.analyze_one(Document("t", f"{form} police arrested two men on Monday.", "2011-01-01"))
    assert any(x.code == code + "COP" for x in a.actors), [(x.name, x.code) for x in a.actors]
