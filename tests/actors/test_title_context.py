"""Censored titles read from the words around the redaction and from past and future tenures (issue 15).

Made-up people where the rule reads only the text and the state's offices; public people no alias article
names where it reads a person's own tenures in the leader tables."""
from __future__ import annotations

import pytest

from diplograph.actors.leaders import load_leaders
from diplograph.actors.title_context import factbook_title
from diplograph.records import Document


def restored(pipeline, text: str, on: str = "2024-05-01") -> list[tuple[str | None, str | None]]:
    return [(r.restored, r.rule) for r in pipeline.analyze_one(Document("t", text, on)).redactions]


@pytest.mark.parametrize("text, title", [
    ("The Moldovan deputy ** Ilse Vandorn met the bankers in Chisinau.", "prime minister"),  # a premier apart
    ("Arno Keldt, the deputy ** of Moldova, met the bankers.", "prime minister"),            # appositive, of-phrase
    ("The Kenyan deputy ** Tomas Velkoro met the bankers in Nairobi.", "President"),         # the president governs
])
def test_a_deputy_holds_the_states_second_office(pipeline, text, title):
    assert restored(pipeline, text) == [(title, "mention.title_deputy")]


def test_a_deputy_of_no_known_state_gets_no_title(pipeline):
    assert restored(pipeline, "The bankers met the deputy ** Ilse Vandorn.") == [(None, None)]


def test_a_former_office_is_the_one_held_before_the_date(pipeline):
    # REIGN guesses Lithuania's effective leader a prime minister; the Factbook names the next one president.
    assert restored(pipeline, "On Monday the former ** Valdas Adamkus spoke in Vilnius.") == [
        ("President", "mention.title_former_office")]
    assert restored(pipeline, "On Monday the former Ethiopian ** Desalegn spoke in Addis Ababa.") == [
        ("Prime Minister", "mention.title_former_office")]
    # nobody the tables know: no former office (only the generic title of a former leader)
    assert restored(pipeline, "On Monday the former ** Tomas Velkoro spoke in Vilnius.") == [
        ("leader", "mention.title_government_role")]


def test_a_title_the_regime_table_guessed_is_read_from_the_factbook():
    leaders = load_leaders()
    adamkus = max((t for t in leaders.by_country["LTU"] if t.leader == "Adamkus" and t.source == "REIGN"),
                  key=lambda t: t.start)  # to 2009; the Factbook names his successor (from 2009) president
    assert adamkus.title == "Prime Minister"  # what the regime table guessed
    assert factbook_title(adamkus) == "President"
    najib = next(t for t in leaders.by_country["MYS"] if t.source == "REIGN" and "Najib" in t.leader)
    assert (najib.title, factbook_title(najib)) == ("President", "Prime Minister")  # his own Factbook office


def test_an_adverb_then_is_no_former(pipeline):
    text = "Mongolian leader Ukhnaa Khurelsukh spoke first. Then the Mongolian ** Ukhnaa Khurelsukh opened the fair."
    assert restored(pipeline, text)[0][0] == "President"


def test_a_person_taking_office_after_the_date_is_elect(pipeline):
    text = "The Indonesian ** Prabowo Subianto visited Beijing."
    assert restored(pipeline, text, "2024-08-01") == [("President-elect", "mention.title_incoming")]
    assert restored(pipeline, text, "2024-12-01") == [("President", "mention.title_kb_office")]


@pytest.mark.parametrize("text, title", [
    ("In the capital, the ZNP ** Tomas Velkoro promised a boycott of the vote.", "leader"),      # initials
    ("Velkoria is tense, and the party's young ** Tomas Velkoro wants early elections.", "leader"),
    ("His son, the ground forces ** Arno Keldt, inspected the troops.", "commander"),            # a sector noun
    ("The Hezbollah ** Arno Keldt met the press in Beirut.", "leader"),                          # a KB group
    ("The gang ** Arno Keldt met the press in the slum.", "leader"),
])
def test_an_organisation_before_the_redaction_gives_its_head(pipeline, text, title):
    assert restored(pipeline, text) == [(title, "mention.title_organisation_before")]


@pytest.mark.parametrize("text", [
    "In the capital, the US ** Tomas Velkoro promised a boycott of the vote.",  # a state's initials
    "In the capital, the ** Tomas Velkoro promised a boycott of the vote.",
])
def test_no_organisation_no_head(pipeline, text):
    assert restored(pipeline, text) == [(None, None)]


def test_a_person_coded_with_a_sector_gets_its_head_title(pipeline):
    text = ("Soldiers loyal to Tomas Velkoro hold the airport. Army officer Tomas Velkoro spoke. "
            "Later the ** Velkoro refused.")
    assert restored(pipeline, text)[-1] == ("commander", "mention.title_person_sector")


def test_the_head_of_an_organisation_before_the_persons_office(pipeline):
    # ``the ** of the army``: the organisation's title, not the office the tables give the person
    assert restored(pipeline, "Ukhnaa Khurelsukh, the ** of the army, resigned on Friday.") == [
        ("commander", "mention.title_organisation_head")]


def test_its_before_the_redaction_belongs_to_the_party_named_before(pipeline):
    text = ("The main opposition party Velko was not on the ballot at all, and its ** Tomas Velkoro has been in "
            "prison since April.")
    assert restored(pipeline, text) == [("leader", "mention.title_organisation_before")]
    text = "Moldova was not on the list at all, and its ** Tomas Velkoro has been in prison since April."
    assert restored(pipeline, text) == [(None, None)]  # a state's: not an organisation's head


def test_a_style_of_address_is_no_title(pipeline):
    text = ("In Kandahar, the Taliban ** Tomas Velkoro kept his usual silence. Sheikh Tomas Velkoro never speaks.")
    assert restored(pipeline, text) == [("leader", "mention.title_organisation_before")]
