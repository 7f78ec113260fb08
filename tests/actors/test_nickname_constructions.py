"""More introductions of a nickname and honorific forms (issue 15): each construction is a mechanism read from
the parse or the surface, never a listed phrase. Every name and sentence is made up; the honorifics and the one
table sobriquet are public words."""
from __future__ import annotations

import pytest

from diplograph.records import Document

from .reading import owners


def analysed(pipeline, text: str, on: str = "2025-03-01"):
    return pipeline.analyze_one(Document("t", text, on))


CASES = [
    # the so-called E, P: a person in apposition after a so-called nickname
    ("The so-called Lamplighter, Colonel Teodor Vasilache-Grigore, denied the report. Prosecutors say the "
     "Lamplighter signed the orders.", "Lamplighter", "Vasilache-Grigore"),
    # P (the E): the nickname alone in a parenthesis after the name
    ("Harbour Minister Dalia Okafor-Reyes (the Anchor) closed the docks. Later the Anchor reopened them.",
     "Anchor", "Okafor-Reyes"),
    # X mock <description> P as E: the parser tags the verb an adjective and misses the object
    ("Rivals mock Peruvian shipowner Aurelio Quispe Mamani as \"the Admiral\". The Admiral owns four ports.",
     "Admiral", "Quispe"),
    # P, the <noun> X call E: a relative clause with no pronoun on an appositive description
    ("Ruslan Abdykerimov, the banker Bishkek traders call the Abacus, bought the mill. The Abacus's lawyers "
     "filed suit.", "Abacus", "Abdykerimov"),
    # Known ... as E, P ...: a naming participle opening the sentence
    ("Known across the delta as Papa Rice, former governor Chukwuma Obiefuna-Eze died on Monday. Papa Rice had "
     "served two terms.", "Papa Rice", "Obiefuna-Eze"),
    # P is what X call E: the copula's subject
    ("Senator Yolanda Betancur-Lleras is what the gossip columns call 'the Velvet Fist'. The Velvet Fist denied "
     "the claims.", "Velvet Fist", "Betancur-Lleras"),
    # P is (simply) "E": a copula with a quoted, capitalised predicate
    ("Across the valley, Governor Oyunbileg Batkhuyag is simply \"the Shepherd\". The Shepherd controls the "
     "herders' unions.", "Shepherd", "Batkhuyag"),
    # a nickname that is also a one-word name of the tables: the document names that namesake nowhere else
    ("Governor Sibusiso Mkhabela-Ntuli, whom dockers call the Hammer, met the unions. The Hammer promised "
     "higher wages.", "Hammer", "Mkhabela-Ntuli"),
    # a capitalised nickname of two words, used later in lower case without its article
    ("Chief Minister Raghunath Palsokar, whom his followers call Dada Saheb, toured Pune. Critics say dada "
     "saheb ignored the farmers.", "Dada Saheb", "Palsokar"),
]


@pytest.mark.parametrize("text,nickname,person", CASES, ids=[c[1] for c in CASES])
def test_an_introduced_nickname_and_its_later_uses_are_the_person(pipeline, text, nickname, person):
    got = owners(analysed(pipeline, text), text, nickname)
    assert len(got) >= 2 and all(person in g for g in got), got


def test_the_text_introduction_outranks_the_shipped_sobriquet_table(pipeline):
    # "Bibi" is a table sobriquet read when its bearer's state is named: here the text says whose it is
    text = ("The Israeli chess champion Avital Rosenzweig-Har, whom her fans call Bibi, won in Haifa. Bibi then "
            "flew to Eilat.")
    got = owners(analysed(pipeline, text), text, "Bibi")
    assert got and all("Rosenzweig-Har" in g for g in got), got


@pytest.mark.parametrize("text,needle", [
    # no person in apposition: a so-called thing stays nobody's
    ("The so-called Lamplighter Plan was rejected by the council in Craiova.", "Lamplighter"),
    # a quoted predicate of a thing is no nickname
    ("The new harbour law is \"a Disaster\", dockers in Durban said.", "Disaster"),
    # an organisation in a parenthesis after a name is no nickname
    ("Minister Hamid Zarrinkamar-Tavana (the Ministry) rejected the bid in Tabriz.", "Ministry"),
])
def test_no_person_gets_a_phrase_that_is_no_nickname(pipeline, text, needle):
    got = owners(analysed(pipeline, text), text, needle)
    assert all(g == "" for g in got), got


HONORIFICS = [
    # a chain of honorific words before a given name (Malay styles)
    ("Opposition leader Rosmawati Kamarulzaman spoke in Ipoh. Datuk Seri Rosmawati later left for Penang.",
     "Datuk Seri Rosmawati", "Kamarulzaman"),
    ("Former minister Zulkarnain Abdul Hamid opened the forum. Tan Sri Zulkarnain praised the organisers.",
     "Tan Sri Zulkarnain", "Abdul Hamid"),
    # an honorific before the first syllables of a given name (Indonesian short forms)
    ("Regent Kartikasari Wibisono arrived in Kediri. Crowds cheered Bu Kartika as she spoke.",
     "Bu Kartika", "Wibisono"),
    # the same honorific + given name twice, the second a possessive: both the person
    ("Voters cheered their leader Gopal Tiwarekar in Nashik. Baba Gopal promised jobs. Later Baba Gopal's "
     "convoy left.", "Baba Gopal", "Tiwarekar"),
    # an honorific of another language before a given name the tables give to someone else (a one-word name)
    ("Cleric Hassan Idrisi-Maalouf preached in Tripoli. Ustaz Hassan urged calm.", "Ustaz Hassan",
     "Idrisi-Maalouf"),
    ("Egyptian general Kamal Ezzeldin Sharkawy met the envoys. Rais Kamal was unmoved.", "Rais Kamal",
     "Sharkawy"),
]


@pytest.mark.parametrize("text,form,person", HONORIFICS, ids=[h[1] for h in HONORIFICS])
def test_an_honorific_with_a_given_name_is_the_person_of_that_name(pipeline, text, form, person):
    got = owners(analysed(pipeline, text), text, form)
    assert got and all(person in g for g in got), got


def test_a_definite_description_in_an_introduction_points_back_to_the_person(pipeline):
    # "the army chief" no rule bound: like a pronoun, the person the text was about
    text = ("General Oyuun Batbayar-Tserendorj toured the garrison towns last week. In the markets of Darkhan, "
            "where the army chief is known simply as \"the Quartermaster\", traders laugh. The Quartermaster did "
            "not reply.")
    got = owners(analysed(pipeline, text), text, "Quartermaster")
    assert len(got) == 2 and all("Batbayar-Tserendorj" in g for g in got), got


def test_a_pronoun_in_an_introduction_yields_to_the_table_bearer_the_text_names(pipeline):
    # the pronoun's most salient antecedent is the first sentence's subject; the table's bearer is named too
    text = ("Peter Dutton praised his predecessor Scott Morrison at length in Brisbane. ScoMo, as the tabloids "
            "called him for years, now advises a bank. ScoMo declined to comment.")
    got = owners(analysed(pipeline, text), text, "ScoMo")
    assert len(got) == 2 and all("Morrison" in g for g in got), got


def test_a_sobriquet_with_another_article_or_an_honorific_before_it(pipeline):
    # "El X" in the table is also "the X"; an honorific before a sobriquet is part of it
    text = ("Argentine President Javier Milei spoke in Cordoba. Unions said the Peluca had lied about wages. "
            "Colombian President Gustavo Petro did not attend. In Bogota, Comrade Aureliano was absent.")
    a = analysed(pipeline, text)
    assert all("Milei" in g for g in owners(a, text, "Peluca")), owners(a, text, "Peluca")
    assert all("Petro" in g for g in owners(a, text, "Comrade Aureliano")), owners(a, text, "Comrade Aureliano")


def test_a_pronoun_is_not_the_subject_of_a_clause_whose_object_is_that_pronoun_chain(pipeline):
    # "Q dismissed him": Q is not the man the next sentence's "him" points to
    text = ("Malawi's opposition is led by Chikondi Banda-Mwale. President Lazarus Phiri-Kaunda dismissed him last "
            "year. His supporters call him \"the Surveyor\". The Surveyor is touring the north.")
    got = owners(analysed(pipeline, text), text, "Surveyor")
    assert len(got) == 2 and all("Banda-Mwale" in g for g in got), got
