"""Widely used sobriquets (kb/sobriquets.tsv) matched in the text however the tokenizer splits them
(actors/sobriquets.py, issue 15). Sentences made up; the sobriquets are public ones with a source in the table."""
from __future__ import annotations

from diplograph.records import Document


def owner(pipeline, text: str, needle: str, on: str = "2019-05-01"):
    a = pipeline.analyze_one(Document("t", text, on))
    s = text.index(needle)
    e = s + len(needle)
    hit = [x for x in a.actors for m in x.mentions if min(e, m.end) - max(s, m.start) > 0]
    return hit[0] if hit else None


def test_a_hyphenated_sobriquet_with_its_state_named(pipeline):
    x = owner(pipeline, "Traders in Nigeria blamed Baba Go-Slow for the fuel queues.", "Go-Slow")
    assert x is not None and "Buhari" in x.name


def test_a_sobriquet_with_a_capitalised_article_and_a_possessive(pipeline):
    x = owner(pipeline, "Myanmar's generals met on Monday. The Lady's lawyers were not allowed in.", "Lady")
    assert x is not None and "Suu Kyi" in x.name


def test_no_sobriquet_without_its_person_or_state(pipeline):
    x = owner(pipeline, "Children queued to see Winnie the Pooh at the cinema in Leeds.", "Pooh")
    assert x is None or "Xi" not in x.name


def test_a_sobriquet_word_before_a_name_is_an_honorific_not_the_sobriquet(pipeline):
    x = owner(pipeline, "Kenya's opposition met in Kisumu. Supporters of Amos Wekesa cheered Tinga Wekesa.",
              "Tinga Wekesa")
    assert x is None or "Odinga" not in x.name
