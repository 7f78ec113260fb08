"""The sobriquet table read country by country (kb/sobriquets.tsv, actors/sobriquets.py): rows of every
region are read and bound; a sobriquet two people bear goes to the one the document names; one that is
an ordinary word or acronym (context ``person``) needs its person named; the matcher is one trie-shaped
pattern. Forms of address of more languages (kb/honorifics.tsv, honorific_suffixes.tsv). Sentences and
the people in the honorific cases are made up; the sobriquets are public ones with a source in the table."""
from __future__ import annotations

import pytest

from diplograph.actors.sobriquets import _pattern, sobriquets
from diplograph.lexicon import table
from diplograph.records import Document


def owner(pipeline, text: str, needle: str, on: str = "2025-03-01"):
    a = pipeline.analyze_one(Document("t", text, on))
    s = text.index(needle)
    e = s + len(needle)
    hit = [(x, m) for x in a.actors for m in x.mentions if min(e, m.end) - max(s, m.start) > 0]
    return hit[0] if hit else (None, None)


BOUND = [
    # a nom de guerre, a commander's sobriquet, initials, a clipped name, a Thai nickname: five regions
    ("Rebels entered Damascus at dawn. Al-Jolani told Syrian television the transition had begun.",
     "Jolani", "al-Shara"),
    ("In Sri Lanka, parliament reopened on Tuesday. AKD promised to cut the cost of living.", "AKD", "Dissanayake"),
    ("Albo flew to Jakarta after talks in Canberra; Australia wants a new security pact.", "Albo", "Albanese"),
    # a leader table lists him under the sobriquet: with his name in the text, one person, not two
    ("Pushpa Kamal Dahal met envoys in Kathmandu. Prachanda said his party would stay in the government.",
     "Prachanda", "Dahal"),
    ("Zimbabwe's opposition called a strike. Ngwena warned that the army would keep order.", "Ngwena",
     "Mnangagwa"),
    ("In Tunisia the courts sentenced another critic. Robocop has ruled by decree since 2021.", "Robocop",
     "Saied"),
    ("Thailand's coalition met in Bangkok. Ung Ing promised a stimulus package.", "Ung Ing", "Shinawatra"),
]


@pytest.mark.parametrize("text,needle,person", BOUND, ids=[c[1] for c in BOUND])
def test_a_sobriquet_of_the_table_binds_its_person(pipeline, text, needle, person):
    x, m = owner(pipeline, text, needle)
    assert x is not None and person in x.name and m.rule == "mention.known_sobriquet", (x, m)


def test_a_shared_sobriquet_is_the_bearer_of_the_state_named(pipeline):
    x, _ = owner(pipeline, "Liberia's senate honoured her on Monday. The Iron Lady had led the country for "
                           "twelve years.", "Iron Lady")
    assert x is not None and "Sirleaf" in x.name
    x, _ = owner(pipeline, "Britain's miners remember 1984. The Iron Lady never forgave them.", "Iron Lady")
    assert x is not None and "Thatcher" in x.name


def test_a_shared_sobriquet_with_both_bearers_states_named_is_nobody(pipeline):
    x, m = owner(pipeline, "Israel and Liberia signed a trade deal. The Iron Lady was quoted at the ceremony.",
                 "Iron Lady")
    assert m is None or m.rule != "mention.known_sobriquet"


def test_a_shared_sobriquet_goes_to_the_bearer_the_text_names(pipeline):
    text = ("Sri Lanka and Pakistan opened talks. Basil Rajapaksa arrived late, and Mr. Ten Percent, as "
            "critics still call him, declined to comment.")
    x, m = owner(pipeline, text, "Mr. Ten Percent")
    assert x is not None and "Rajapaksa" in x.name


@pytest.mark.parametrize("text,needle,wrong", [
    # ordinary words and acronyms marked ``person``: their state named, their person not
    ("Bulldozer drivers in Tanzania walked off the building sites on Monday.", "Bulldozer", "Magufuli"),
    ("Pepe, a waiter in Montevideo, said Uruguay had changed.", "Pepe", "Mujica"),
    ("Mel, a fisherman in Honduras, said the catch had halved.", "Mel", "Zelaya"),
    ("Supporters in Kenya chanted for Baba outside the stadium.", "Baba", "Odinga"),
    # a sobriquet in its ordinary sense with neither its person nor its state in the document
    ("Tourists at the Sphinx in Giza complained about the heat in Egypt.", "Sphinx", "Mitterrand"),
    ("The Crocodile Hunter was filmed in Queensland, Australia.", "Crocodile", "Mnangagwa"),
    ("The Great Helmsman restaurant in Leeds closed.", "Great Helmsman", "Mao"),
])
def test_a_sobriquet_in_its_ordinary_sense_is_no_person(pipeline, text, needle, wrong):
    x, m = owner(pipeline, text, needle)
    assert x is None or wrong not in x.name, x


def test_an_ordinary_word_sobriquet_binds_once_its_person_is_named(pipeline):
    text = "Raila Odinga flew to Kisumu on Friday. Baba told the crowd that the talks would go on."
    x, m = owner(pipeline, text, "Baba told")
    assert x is not None and "Odinga" in x.name


def test_every_row_has_a_source_and_a_known_context():
    for r in table("kb", "sobriquets.tsv"):
        assert r["source"].startswith("Wikipedia") or "Factbook" in r["source"], r
        assert r["context"] in ("state", "person"), r
        assert len(r["state"]) == 3 and r["state"].isupper(), r


def test_the_trie_pattern_prefers_the_longer_sobriquet_and_backtracks():
    p = _pattern()
    found = [m.group(0) for m in p.finditer("Little Rocket Man met Rocket Man; Baba Go-Slow and Baba; "
                                            "AMLO's plan; Batkas; the Bulldozer")]
    assert found == ["Little Rocket Man", "Rocket Man", "Baba Go-Slow", "Baba", "AMLO", "Bulldozer"]
    assert all(k in sobriquets() for k in found)


HONORIFICS = [
    ("Trade minister Alemitu Gebremariam spoke in Addis Ababa. Weyzero Alemitu promised new permits.",
     "Weyzero Alemitu", "Gebremariam"),
    ("Opposition leader Giorgi Beridze returned to Tbilisi. Batono Giorgi thanked his supporters.",
     "Batono Giorgi", "Beridze"),
    ("Minister Tendai Moyondoro opened the dam in Zimbabwe. Cde Moyondoro said it would feed Harare.",
     "Cde Moyondoro", "Moyondoro"),
    ("Senator Hauwa Bellomi addressed the assembly in Abuja. Hajiya Hauwa demanded a recount.",
     "Hajiya Hauwa", "Bellomi"),
    ("Former minister Rahima Chowdhury toured Dhaka. Rahima Apa greeted the garment workers.",
     "Rahima Apa", "Chowdhury"),
    ("The commander Hibatullah Zadran spoke in Kandahar. Mawlawi Zadran ordered the schools shut.",
     "Mawlawi Zadran", "Zadran"),
]


@pytest.mark.parametrize("text,mention,person", HONORIFICS, ids=[c[1] for c in HONORIFICS])
def test_a_form_of_address_of_another_language_and_a_name_part_are_the_person(pipeline, text, mention, person):
    x, _ = owner(pipeline, text, mention, "2024-05-01")
    assert x is not None and person in x.name, x


def test_a_shared_ordinary_word_sobriquet_goes_to_the_bearer_named(pipeline):
    text = "Suleyman Demirel returned to Ankara in 1991. Baba said Turkey would keep its promises."
    x, _ = owner(pipeline, text, "Baba said")
    assert x is not None and "Demirel" in x.name
    text = "Francisco Franco reviewed the troops in Madrid. The Generalissimo did not speak."
    x, _ = owner(pipeline, text, "Generalissimo")
    assert x is not None and "Franco" in x.name


@pytest.mark.parametrize("text,needle,wrong", [
    ("Batman opened in cinemas across Bulgaria on Friday.", "Batman", "Borisov"),
    ("The orchestra played Mozart in Amsterdam, and the Netherlands applauded.", "Mozart", "Wilders"),
    ("Ike and Tina Turner toured the United States in 1971.", "Ike", "Eisenhower"),
])
def test_a_second_pass_sobriquet_in_its_ordinary_sense_is_no_person(pipeline, text, needle, wrong):
    x, m = owner(pipeline, text, needle)
    assert x is None or wrong not in x.name, x


def test_a_short_name_the_factbook_quotes_needs_its_person(pipeline):
    # the leader tables quote "Frank" inside a Fijian prime minister's name; another Frank is not him
    x, m = owner(pipeline, "Frank, a dockworker in Suva, said Fiji's ports were busy.", "Frank")
    assert x is None or "Bainimarama" not in x.name


def test_an_honorific_before_a_leaders_surname_is_no_given_name(pipeline):
    # the tables find the leader by the surname; the honorific must not become a second person's name
    text = "President Paul Kagame spoke in Kigali. Later Mzee Kagame told supporters he would stay."
    a = pipeline.analyze_one(Document("t", text, "2025-03-01"))
    people = [x for x in a.actors if x.type == "person"]
    assert len(people) == 1 and "Kagame" in people[0].name, people
    for text, needle, state in (("Rwanda voted in July. Mzee Kagame told supporters he would stay.", "Mzee Kagame",
                                 "RWA"),
                                ("Nigeria voted in February. Baba Tinubu told supporters he would stay.",
                                 "Baba Tinubu", "NGA")):
        x, _ = owner(pipeline, text, needle)
        assert x is not None and x.country == state and needle.split()[0] not in x.name, x


def test_an_honorific_that_is_part_of_the_leaders_own_name_stays(pipeline):
    x, _ = owner(pipeline, "Nana Akufo-Addo spoke in Accra on Monday.", "Nana Akufo-Addo", "2020-03-01")
    assert x is not None and "Nana" in x.name, x


@pytest.mark.parametrize("text,needle,person", [
    # the text writes the sobriquet with an accent the table does not have: one pass over the folded text
    ("Hungary's prime minister Viktor Orban met the unions in Budapest. Viktátor has survived four elections.",
     "Viktátor", "Orban"),
    # and without one the table has
    ("Brazil's Supreme Court judge Alexandre de Moraes ruled again. Xandao has ordered the platform to pay.",
     "Xandao", "Moraes"),
    # a possessive after the sobriquet
    ("Israel's coalition met in Jerusalem. Bibi's partners threatened to leave.", "Bibi", "Netanyahu"),
])
def test_a_sobriquet_is_read_whatever_its_accents_and_possessive(pipeline, text, needle, person):
    x, m = owner(pipeline, text, needle)
    assert x is not None and person in x.name, (x, m)


def test_the_letter_fold_keeps_offsets():
    from diplograph.actors.sobriquets import fold_letters

    for text in ("Viktátor", "Türkmenbaşy Ørsted", "Xandão e Méluche"):
        assert len(fold_letters(text)) == len(text)
    assert fold_letters("Viktátor") == "Viktator"
