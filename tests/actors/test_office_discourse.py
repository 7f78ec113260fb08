"""``mention.office_holder_scored``: an office description no earlier rule bound (a minister the tables do not list,
a party's chief, a town's mayor) is the person the text points at — scored by the office the text gives them, the
state, a party named with both, recency and gender; a description that names no one specific stays unbound
(made-up names and places)."""
from __future__ import annotations

from diplograph.records import Document

from .reading import longest_mention_owner

RULE = "mention.office_holder_scored"


def _owner(pipeline, text: str, words: str):
    return longest_mention_owner(pipeline.analyze_one(Document("t", text, "2025-06-01")).actors, words)


def test_an_office_in_apposition_is_that_person(pipeline):
    text = ("Former minister Aurelien Castagnet said the budget must pass. Castagnet, mayor of Saint-Vireux and a "
            "declared candidate, wants an early vote, and the mayor of Saint-Vireux believes his moment has come.")
    x, rule = _owner(pipeline, text, "mayor of Saint-Vireux")
    assert x is not None and x.name == "Aurelien Castagnet" and rule == RULE


def test_a_partys_chief_is_the_person_named_last_with_the_party(pipeline):
    text = ("In Bavaria, Thomas Gruber of the Free Alpine League is pleased with himself. Gruber secured "
            "three ministries for his party. The FAL chief once wanted the chancellery for himself.")
    x, rule = _owner(pipeline, text, "FAL chief")
    assert x is not None and x.name == "Thomas Gruber" and rule == RULE


def test_a_deputys_title_is_not_the_office(pipeline):
    text = ("In Bavaria, Vice-Mayor Thomas Gruber opened the fair. Gruber praised the brewers, and the mayor of "
            "Lindenau said nothing.")
    x, rule = _owner(pipeline, text, "mayor of Lindenau")
    assert rule != RULE


def test_a_first_lady_is_not_the_man_named_last(pipeline):
    text = ("Zimbabwean ** Emmerson Mnangagwa met Mrs Ruvimbo Tovundu, who is the first lady, at the airport. She "
            "praised the harvest. Mnangagwa spoke next, and the first lady smiled.")
    x, _ = _owner(pipeline, text, "first lady")
    assert x is None or x.name != "Emmerson Mnangagwa"


def test_an_office_that_names_no_one_specific_stays_unbound(pipeline):
    for words, text in (
            ("future prime minister", "Kestrin Valdoro met farmers in Lusaka. He said any future prime minister "
                                      "would have to raise taxes."),
            ("next finance minister", "Kestrin Valdoro met farmers in Lusaka. The next finance minister will "
                                      "inherit the debt."),
            ("a minister", "Kestrin Valdoro met farmers in Lusaka. Later a minister said the talks failed.")):
        x, rule = _owner(pipeline, text, words)
        assert rule != RULE and (x is None or x.type != "person" or x.name != "Kestrin Valdoro"), words


def test_another_states_person_is_no_candidate(pipeline):
    text = ("French ** Aurelien Castagnet visited Accra on Monday. Castagnet praised the cocoa reform. "
            "The Ghanaian labour minister said nothing.")
    x, rule = _owner(pipeline, text, "Ghanaian labour minister")
    assert rule != RULE and (x is None or x.name != "Aurelien Castagnet")


def test_a_person_the_text_gives_another_office_is_not_this_one(pipeline):
    text = ("Zambian President Kestrin Valdoro met farmers in Lusaka on Monday. The Zambian interior minister "
            "warned of protests.")
    x, rule = _owner(pipeline, text, "Zambian interior minister")
    assert rule != RULE and (x is None or x.name != "Kestrin Valdoro")


def test_a_ministrys_field_before_the_name_is_its_chief(pipeline):
    text = ("Intelligence ** Selim Haddouri flew to Doha on Sunday. Haddouri is said to enjoy direct access to the "
            "palace, and some in Cairo whisper that the intelligence chief was consulted before the pardon.")
    x, rule = _owner(pipeline, text, "intelligence chief")
    assert x is not None and x.name == "Selim Haddouri"


def test_a_party_post_goes_with_a_state_office(pipeline):
    text = ("The mood in Riga is nervous. For the Harmony Party, Latvian Economy ** Darius Kelmendi has tied his "
            "name to a fuel reform, and the Harmony deputy president cannot afford a quarrel.")
    x, rule = _owner(pipeline, text, "Harmony deputy president")
    assert x is not None and x.name == "Darius Kelmendi" and rule == RULE
