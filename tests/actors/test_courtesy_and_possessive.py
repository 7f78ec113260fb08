"""Courtesy titles before a name word (kb/honorifics.tsv, mention.honorific_name) with the bearer's further name
words, and a sobriquet opened by another person's possessive (actors/sobriquets.py). Made-up sentences; the
sobriquets are the table's public ones."""
from __future__ import annotations

from diplograph.records import Document


def analysed(pipeline, text: str, on: str = "2025-06-01"):
    return pipeline.analyze_one(Document("t", text, on))


def owner(a, text: str, needle: str, nth: int = 0) -> str:
    s = -1
    for _ in range(nth + 1):
        s = text.index(needle, s + 1)
    e = s + len(needle)
    hits = sorted(((min(e, m.end) - max(s, m.start), x) for x in a.actors for m in x.mentions
                   if min(e, m.end) - max(s, m.start) > 0), key=lambda h: -h[0])
    return hits[0][1].name if hits and hits[0][1].type == "person" else ""


def test_a_courtesy_title_before_a_particle_surname_is_the_whole_name(pipeline):
    text = ("Senator Odette Le Floch and her allies voted against the budget. According to her aides, "
            "Madame Le Floch now wants early elections.")
    assert "Odette" in owner(analysed(pipeline, text), text, "Madame Le Floch")


def test_an_italian_honorific_before_a_surname(pipeline):
    text = "Deputy Prime Minister Arnaldo Tosatti spoke in Rome on Monday. Onorevole Tosatti then left for Milan."
    assert "Arnaldo" in owner(analysed(pipeline, text), text, "Onorevole Tosatti")


def test_a_sobriquet_opened_by_another_persons_possessive(pipeline):
    text = ("President Abdel Fattah el-Sisi received Donald Trump in Cairo on Monday. Trump's favourite dictator "
            "promised more gas for Europe.")
    a = analysed(pipeline, text)
    assert "Sisi" in owner(a, text, "favourite dictator")
    assert "Trump" in owner(a, text, "Trump", nth=1)  # the possessor keeps his own name


def test_the_possessive_sobriquet_needs_its_bearer(pipeline):
    text = "Donald Trump spoke in Ohio on Monday. Trump's favourite dictator was not named."
    a = analysed(pipeline, text)
    assert not any(m.rule == "mention.known_sobriquet" for x in a.actors for m in x.mentions)


def test_a_sobriquet_of_several_words_in_lower_case_needs_its_person_named(pipeline):
    named = "Prime Minister Sanae Takaichi met the press on Monday. The iron lady said nothing."
    a = analysed(pipeline, named)
    assert "Takaichi" in owner(a, named, "iron lady")
    unnamed = "The iron lady of the kitchen, the chef Ilse Brandvold, opened a restaurant in Tokyo, Japan."
    b = analysed(pipeline, unnamed)
    assert not any(m.rule == "mention.known_sobriquet" for x in b.actors for m in x.mentions)
