"""A person's sector on the date from the phrases the text attaches to them (``mention.sector_from_text``):
made-up people in real states; a table leader only where the tables' code is what must hold."""
from __future__ import annotations

import pytest

from diplograph.records import Document


def _codes(pipeline, text: str, when: str = "2025-06-01") -> dict[str, str | None]:
    a = pipeline.analyze_one(Document("t", text, when))
    return {x.name: x.code for x in a.actors if x.type == "person"}


@pytest.mark.parametrize("text, name, code", [
    # a party post of someone the text and the tables give no office of the state: opposition
    ("In Warsaw, the party chairman Marek Dolinski denounced the budget.", "Marek Dolinski", "POLOPP"),
    # a hidden title after a party's acronym
    ("The KPU ** Tomas Okello spoke in Nairobi. Okello demanded early elections.", "Tomas Okello", "KENOPP"),
    # a military rank: a soldier
    ("In Kenya, the army chief General Tomas Okello met the press.", "General Tomas Okello", "KENMIL"),
    # "attorney general" is a civil office, no rank
    ("In Kenya, the attorney general Tomas Okello met the press.", "Tomas Okello", "KENGOV"),
    # only a past office: a former official
    ("Tomas Okello, Kenya's former prime minister, spoke in Nairobi.", "Tomas Okello", "KENELI"),
])
def test_sector_from_phrases(pipeline, text, name, code):
    assert _codes(pipeline, text).get(name) == code


def test_a_past_predicate_is_no_present_office(pipeline):
    text = ("Police in Colombo questioned Nimal Perera on Friday. The 76-year-old has been prime minister "
            "three times.")
    assert _codes(pipeline, text).get("Nimal Perera") != "LKAGOV"


def test_a_former_trade_leaves_the_office_holder_in_office(pipeline):
    """``X, the former insurance salesman,``: a past trade, not a past office; the tables' president stays GOV."""
    codes = _codes(pipeline, "In Kenya, William Ruto, the former insurance salesman, signed the budget.")
    assert any(c == "KENGOV" for c in codes.values())


def test_a_counterpart_is_an_official_of_the_state_written_before_it(pipeline):
    codes = _codes(pipeline, "Kamran Aliyev and his Armenian counterpart Aram Petrosyan initialled the treaty.")
    assert codes.get("Aram Petrosyan") == "ARMGOV"


def test_a_states_leader_is_its_office_holder_the_text_names_most(pipeline):
    """Two holders of a state's top offices named; ``the <nationality> leader`` is the one the text is about."""
    from diplograph.records import Document

    text = ("Serbian President Marko Ilic met students in Belgrade. Prime Minister Goran Savic stayed away. "
            "Ilic promised elections. Critics say Ilic controls the courts. The Serbian leader denied it.")
    a = pipeline.analyze_one(Document("t", text, "2025-06-01"))
    who = [x.name for x in a.actors for m in x.mentions if m.text.endswith("Serbian leader")]
    assert who == ["Marko Ilic"]


def test_a_party_acronyms_leader_is_the_partys_not_the_states(pipeline):
    """``<ACRONYM> leader X``: the title gave GOV, the acronym (no state) makes it a party's post."""
    codes = _codes(pipeline, "In Maputo, MDP leader Joao Matsinhe demanded a recount.")
    assert codes.get("Joao Matsinhe") == "MOZOPP"


def test_the_leader_of_the_opposition_is_not_the_states_leader(pipeline):
    from diplograph.records import Document

    text = ("In Wellington, Prime Minister Christopher Luxon met farmers. The leader of the opposition said the "
            "budget had failed.")
    a = pipeline.analyze_one(Document("t", text, "2025-06-01"))
    assert not [x.name for x in a.actors for m in x.mentions if x.type == "person" and "leader" in m.text]
