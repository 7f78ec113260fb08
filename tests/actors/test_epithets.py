"""Nicknames a text introduces, bound by the syntax of the introduction (actors/epithets.py, issue 15).

Every name and sentence here is made up; each test is one syntactic family, and each checks the
introduction and a later use of the nickname, written differently (case, article, quotes)."""
from __future__ import annotations

import pytest

from diplograph.records import Document

from .reading import owners


def analysed(pipeline, text: str, on: str = "2024-05-01"):
    return pipeline.analyze_one(Document("t", text, on))


FRAMES = [
    # naming verb, participle after the name, quoted
    ("Finance Minister Tomasz Wierzbak, nicknamed 'the Abacus' by his staff, cut spending on Monday. "
     "The Abacus then left for Brussels.", "Abacus", "Wierzbak"),
    # known to X as E, unquoted, later lower-case with the article
    ("President Rui Salvaterra, known to fishermen as the Skipper, opened the harbour. Critics say the "
     "skipper ignored the storms.", "Skipper", "Salvaterra"),
    # X call(s) P E, the object a name
    ("Opponents call Senator Halvard Brekke the Glacier. The Glacier did not answer.", "Glacier", "Brekke"),
    # X call(s) pronoun E: the pronoun's antecedent in the sentence before
    ("Governor Ines Balcazar won a third term. Her opponents call her the Iron Widow. The Iron Widow "
     "thanked her voters.", "Iron Widow", "Balcazar"),
    # X know(s) him as E: pronoun object, epithet after "as"
    ("Defence Minister Kwesi Ampofo-Larbi toured the barracks. Young recruits know him as the Anvil. "
     "The Anvil promised new boots.", "Anvil", "Ampofo-Larbi"),
    # E, as X call P
    ("The Weaver, as traders in the capital call Minister Delphine Aboukar, signed the cotton deal. "
     "The Weaver left at noon.", "Weaver", "Aboukar"),
    # E, as his supporters say: no object, the possessive's antecedent
    ("President Anselmo Quiroga flew home on Sunday. The Comet, as his supporters say, is never away "
     "for long. Aides said the Comet would speak on Monday.", "Comet", "Quiroga"),
    # P, or E as X call him
    ("General Bakary Sangare, or Papa Lion as his soldiers call him, took the airport. Papa Lion "
     "then closed the border.", "Papa Lion", "Sangare"),
    # P, whom X call E
    ("Prime Minister Jovana Radulic, whom the tabloids call \"the Lighthouse\", resigned. The "
     "Lighthouse will stay in parliament.", "Lighthouse", "Radulic"),
    # P, the man X call E
    ("Ambassador Kenji Morimura, the man his colleagues call 'the Metronome', chaired the talks. "
     "The Metronome kept to time.", "Metronome", "Morimura"),
    # nickname noun with a possessor
    ("Senator Halvard Brekke's nickname, the Glacier, dates from his skiing years. The Glacier voted no.",
     "Glacier", "Brekke"),
    # earned the moniker E: the subject of the verb
    ("Interior Minister Farida Osmanova earned the moniker \"the Padlock\" during the curfew. Police "
     "chiefs said the Padlock would not relent.", "Padlock", "Osmanova"),
    # whose nickname is E
    ("The new speaker, Matteo Ravagnani, whose nickname is the Notary, opened the session. The Notary "
     "read the rules.", "Notary", "Ravagnani"),
    # quoted appositive to his friends
    ("President Obinna Chukwuemeka-Eze, \"the Tortoise\" to his friends, signed the budget. The "
     "Tortoise took his time.", "Tortoise", "Chukwuemeka-Eze"),
    # alias
    ("The rebel commander Tadesse Gebremariam, alias the Hyena, seized the town. The Hyena then "
     "released the prisoners.", "Hyena", "Gebremariam"),
    # passive known as, foreign article
    ("Minister Ana Lucia Carvajal is known as La Maestra in the provinces. La Maestra opened a school.",
     "La Maestra", "Carvajal"),
    # X refer to P as E
    ("Diplomats refer to Foreign Minister Sione Tupou as 'the Navigator'. The Navigator flew to Suva.",
     "Navigator", "Tupou"),
    # goes by the name of E
    ("Militia leader Idriss Mahamat, who goes by the name of the Scorpion, attacked the convoy. The "
     "Scorpion denied it.", "Scorpion", "Mahamat"),
]


def test_a_thing_given_a_nickname_is_no_person(pipeline):
    text = ("Minister Rui Salvaterra opened the new stadium, which fans call \"the Kettle\", on Friday. "
            "The Kettle holds forty thousand.")
    a = analysed(pipeline, text)
    assert not any(m.rule and m.rule.startswith("mention.epithet") for x in a.actors for m in x.mentions
                   if "Kettle" in m.text)


def test_the_introduction_is_no_event(pipeline):
    text = "Her opponents call Governor Ines Balcazar the Iron Widow."
    a = analysed(pipeline, text)
    assert not [e for e in a.events if e.trigger.lower().startswith("call")], [e.trigger for e in a.events]


def test_a_nickname_inside_a_longer_name_is_that_name(pipeline):
    text = ("Senator Halvard Brekke, known as Fox, met the writer Fox Mulgrew on Monday. Fox said the "
            "meeting went well.")
    a = analysed(pipeline, text)
    hits = [(x.name, m.text) for x in a.actors for m in x.mentions if "Mulgrew" in m.text]
    assert hits and all("Brekke" not in n for n, _ in hits), hits


def test_a_recurring_institution_is_no_epithet(pipeline):
    text = ("Minister Odile Brannec met the envoys. Later the Assembly met, and the Assembly voted.")
    a = analysed(pipeline, text)
    assert not any(m.rule == "mention.epithet_unintroduced" for x in a.actors for m in x.mentions)


OPENING = [
    ("Known to his supporters as the Lion, Oumar Kanoute won the vote. The Lion thanked the farmers.",
     "Lion", "Kanoute"),
    ("Nicknamed 'the Tractor', Minister Ilir Bashkimi rebuilt the roads. The Tractor then turned to bridges.",
     "Tractor", "Bashkimi"),
    ("Finance Minister Teodor Vasilescu, or 'Uncle Teo', cut taxes. Uncle Teo was cheered in the markets.",
     "Uncle Teo", "Vasilescu"),
]


MORE = [
    # the nickname noun in apposition after the epithet, the person in its relative clause
    ("The Ferryman, a nickname Prime Minister Tavita Lealaiauloto earned on the campaign trail, promised "
     "new boats. The Ferryman met donors on Friday.", "Ferryman", "Lealaiauloto"),
    # the opening quote read as a possessive by the parser
    ("For years the press has called Interior Minister Bogdan Wierzchon 'the Marshal of Mud'. The Marshal "
     "of Mud denied the reports.", "Marshal of Mud", "Wierzchon"),
    # the so-called E beside a person
    ("Governor Pedro Ixtapalco, the so-called Lord of the Lagoons, opened the dam. The Lord of the Lagoons "
     "cut the ribbon.", "Lord of the Lagoons", "Ixtapalco"),
    # the nearest person of the clause, not the one named earlier
    ("Minister Halvard Brekke met Governor Ines Balcazar in Oslo. Balcazar, whom farmers call the "
     "Harvest Queen, asked for subsidies. The Harvest Queen got none.", "Harvest Queen", "Balcazar"),
    # the callers are not the person
    ("President Anselmo Quiroga calls Senator Halvard Brekke the Glacier. The Glacier said nothing.", "Glacier",
     "Brekke"),
    # a recurring epithet beside a person is the person
    ("Trade Minister Odile Brannec, the Locksmith, reopened the border on Monday. Exporters said the "
     "Locksmith had kept her word.", "Locksmith", "Brannec"),
]


BOUND = FRAMES + OPENING + MORE


@pytest.mark.parametrize("text,nickname,person", BOUND, ids=[f[1] for f in BOUND])
def test_an_introduced_nickname_and_every_later_use_are_the_person(pipeline, text, nickname, person):
    # every case writes the nickname twice or more: each use is the person's
    got = owners(analysed(pipeline, text), text, nickname)
    assert len(got) >= 2 and all(person in g for g in got), got


NO_EPITHET = [
    # a quoted description of a plan
    "Senator Halvard Brekke described the budget as \"the Monster\". The Monster passed on Friday.",
    # an appointment
    "The president named Ines Balcazar Defence Minister on Monday. Balcazar thanked him.",
    # a date or a known name before "as his aides say"
    "Senator Halvard Brekke lost the vote. In March, as his aides said, Governor Ines Balcazar left the party. "
    "Balcazar, as her aides say, wants a deal.",
    # a quoted saying after a name
    "Governor Ines Balcazar, \"we will not give up,\" told the crowd on Monday.",
    # a thing called by a name is not the person before it
    "Senator Halvard Brekke crossed the fjord on a home-built boat called the Puffin. The Puffin sank later.",
    # "or" between two people
    "Senator Halvard Brekke, or Governor Ines Balcazar, will chair the committee.",
]


@pytest.mark.parametrize("text", NO_EPITHET)
def test_no_nickname_is_read(pipeline, text):
    a = analysed(pipeline, text)
    assert not any(m.rule and m.rule.startswith("mention.epithet") for x in a.actors for m in x.mentions)

