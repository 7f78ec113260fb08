"""The general nickname reader (actors/nickname_reader.py) and the document's alias table (issue 15).

Every name and sentence is made up. Each case checks the introduction and every later use of the nickname
(written in another case, with or without the article, possessive), and that the naming verb is no event."""
from __future__ import annotations

import pytest

from diplograph.records import Document

from .reading import owners


def analysed(pipeline, text: str, on: str = "2025-03-01"):
    return pipeline.analyze_one(Document("t", text, on))


CASES = [
    # what X call(s) E, P: the person in apposition to the nickname
    ("What the tabloids call the Duchess, Senator Wilhelmina Ostervald, has delayed the vote twice. Few doubt "
     "that the duchess will prevail.", "Duchess", "Ostervald"),
    # E (P): the person alone inside a parenthesis after the nickname
    ("The Beekeeper (Agriculture Minister Tomislav Hrvacic) wants a new subsidy. On Friday the Beekeeper's "
     "plan was rejected.", "Beekeeper", "Hrvacic"),
    # P, mocked as 'E' (participle the parser reads as a finite verb)
    ("Mayor Svetlana Obrenovac, mocked as 'the Countess of Cones' online, reopened the bridge. The Countess of "
     "Cones thanked the workers.", "Countess of Cones", "Obrenovac"),
    # P, also called E
    ("President Temur Alimbekov, also called the Falconer, spoke on the radio. The Falconer warned the smugglers.",
     "Falconer", "Alimbekov"),
    # E, as P likes to be called: the subject of the verb the infinitive hangs on
    ("The Helmsman, as Premier Gudrun Aasvik likes to be called, met the fishermen. The helmsman left early.",
     "Helmsman", "Aasvik"),
    # P, the man X call E: a relative clause on a person noun in apposition
    ("The militia chief Yacouba Sanogo-Keita, the man his fighters call the Anvil, entered the town. The Anvil "
     "freed the hostages.", "Anvil", "Sanogo-Keita"),
    # E, a name that X gave him: a naming noun in apposition after the nickname
    ("The Hatchet, a name that Colonel Bartolome Quispe-Huaman's rivals gave him, took the garrison. The "
     "Hatchet then sealed the roads.", "Hatchet", "Quispe-Huaman"),
    # X present P as the so-called E
    ("His allies in Cusco present Reinaldo Apaza as the so-called Man of Granite. The Man of Granite won the "
     "runoff.", "Man of Granite", "Apaza"),
    # P, christened E: the recogniser made a new person of the nickname's own words
    ("Governor Keoni Alapai, christened the Paddler by reporters, signed the budget. The Paddler is popular.",
     "Paddler", "Alapai"),
    # the previous sentence is about its copula's predicate, not about the man inside his relative clause
    ("The man who claims victory is Oluwaseun Adeyemi-Coker, a former aide who served President Tunde "
     "Obafemi for years. The state radio now calls him 'the Turncoat'. The Turncoat published his count.",
     "Turncoat", "Adeyemi-Coker"),
    # "Her plan" after the first name says whose the later "her" can be; the name's form says nothing
    ("Governor Chiaki Moriyasu took office in May. Her plan surprised Tokyo. Minister Hiroshi Oshiro praised it, while "
     "the Sendai Heron, as the press call her, said nothing. The Sendai Heron left for Seoul.",
     "Sendai Heron", "Moriyasu"),
    # a word the leader tables hold as someone's surname, never otherwise named here, is the nickname
    ("Defence Minister Baraka Mwangaza, who is called the Hammer by his officers, visited the front. "
     "The Hammer stayed two days.",
     "Hammer", "Mwangaza"),
]


@pytest.mark.parametrize("text,nickname,person", CASES, ids=[c[1] for c in CASES])
def test_a_nickname_and_every_later_use_are_the_person(pipeline, text, nickname, person):
    # every case writes the nickname twice or more: each use is the person's
    got = owners(analysed(pipeline, text), text, nickname)
    assert len(got) >= 2 and all(person in g for g in got), got


def test_the_naming_verb_is_no_event(pipeline):
    text = "Mayor Svetlana Obrenovac, mocked as 'the Countess of Cones' online, reopened the bridge."
    a = analysed(pipeline, text)
    assert not [e for e in a.events if e.trigger.lower().startswith("mock")], [e.trigger for e in a.events]


NEGATIVE = [
    # a thing a relative clause names
    "Minister Tomislav Hrvacic opened the ring road, which drivers call the Noose, on Friday. The Noose is jammed.",
    # "called for", "called on": no name after the verb
    "Senator Wilhelmina Ostervald called for calm. She called on the Assembly to wait.",
    # a place known as something
    "Governor Keoni Alapai toured the valley known as the Green Bowl. The Green Bowl floods every spring.",
    # a parenthesis holding an acronym, not a person
    "The Farmers' Union (FU) met Minister Tomislav Hrvacic on Monday.",
    # an appointment: "named" is no naming verb
    "The president named Reinaldo Apaza Interior Minister. Apaza thanked him.",
    # a reporter's gloss of a pronoun inside a quotation
    'Minister Tomislav Hrvacic spoke first. "He (Hrvacic) wants the talks over by Friday," an aide said.',
    # "referring to" with no "as", a progressive read as no passive
    "Governor Keoni Alapai spoke on Monday. He was referring to the Southern Reef, which tourists love.",
]


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_person_gets_a_nickname(pipeline, text):
    a = analysed(pipeline, text)
    bad = [(x.name, m.text) for x in a.actors for m in x.mentions
           if m.rule in ("mention.nickname_general", "mention.epithet_introduced", "mention.nickname_introduced",
                         "mention.epithet_repeated")]
    assert not bad, bad
