"""Censored titles in every position a redaction takes beside a name (issue 15), with names of our own."""
from __future__ import annotations

import pytest

from diplograph.records import Document
from diplograph.text.normalize import normalize


def restored(pipeline, text: str, on: str = "2024-05-01") -> list[str | None]:
    return [r.restored for r in pipeline.analyze_one(Document("t", text, on)).redactions]


LATER = " Later Prime Minister Ilse Vandorn flew to Geneva."


@pytest.mark.parametrize("text", [
    "The Moldovan ** Ilse Vandorn met the bankers.",            # nationality, redaction, name
    "Ilse Vandorn, the Moldovan **, met the bankers.",          # appositive after the name
    "Ilse Vandorn, the ** of Moldova, met the bankers.",        # appositive with an of-phrase
    "The ** of Moldova, Ilse Vandorn, met the bankers.",        # the title first, the name as its appositive
    "Ilse Vandorn, the country's ***, met the bankers.",        # the country's
    "[censored] Ilse Vandorn met the bankers.",                 # no nationality at all
    "The Moldovan *, Ilse Vandorn, met the bankers.",           # a lone asterisk, a comma before the name
])
def test_the_title_the_text_gives_elsewhere_fills_the_redaction(pipeline, text):
    assert restored(pipeline, text + LATER) == ["Prime Minister"]


def test_a_redaction_that_describes_nobody_stays_open(pipeline):
    assert restored(pipeline, "The ** said that the talks failed." + LATER) == [None]


def test_the_office_held_on_the_date_fills_it_when_the_text_gives_none(pipeline):
    # A public holder the leader tables date: president from 2021, prime minister before.
    text = "Ukhnaa Khurelsukh, the ** of Mongolia, opened the fair."
    assert restored(pipeline, text, "2024-05-01") == ["President"]
    assert restored(pipeline, text, "2019-05-01") == ["Prime Minister"]


def test_a_generic_descriptor_does_not_hide_the_office(pipeline):
    # "the Mongolian leader" names no office; the tables know which one he holds.
    text = "Ukhnaa Khurelsukh, the Mongolian **, opened the fair. The Mongolian leader then left."
    assert restored(pipeline, text, "2024-05-01") == ["President"]


def test_the_head_of_an_organisation(pipeline):
    assert restored(pipeline, "Tomas Brenner, the ** of the police, resigned on Friday.") == ["chief"]


def test_lone_asterisks_only_where_they_stand_for_a_word():
    assert [r.text for r in normalize("the Moldovan * Vandorn, and Vandorn, the *, left").redactions] == ["*", "*"]
    for text in ("* a bullet item", "3 * 4 = 12", "a footnote* here", "**bold** text"):
        assert not any(r.text == "*" for r in normalize(text).redactions), text


def test_a_relative_clause_a_copula_and_brackets_describe_the_person(pipeline):
    for text in ("Ilse Vandorn, who is the ** of Moldova, met the bankers.",
                 "Ilse Vandorn is the ** of Moldova.",
                 "Ilse Vandorn (the **) met the bankers."):
        assert restored(pipeline, text + LATER) == ["Prime Minister"], text


def test_a_state_without_a_person_and_a_bare_repetition(pipeline):
    assert restored(pipeline, "The Mongolian ** opened the fair on Monday.", "2024-05-01") == ["President"]
    assert restored(pipeline, "The Mongolian ** ministry opened the fair.", "2024-05-01") == [None]
    text = "The Moldovan ** Ilse Vandorn met the bankers." + LATER + " The ** then met farmers."
    assert restored(pipeline, text) == ["Prime Minister", "Prime Minister"]


def test_words_left_out_of_a_quotation_are_no_title(pipeline):
    text = ('Ilse Vandorn said: "We will stay. [...] Nobody leaves." Later Prime Minister Ilse Vandorn flew home.')
    assert restored(pipeline, text) == [None]
    text = 'He said: "We will stay. [...] Ilse Vandorn leaves." Later Prime Minister Ilse Vandorn flew home.'
    assert restored(pipeline, text) == [None]


@pytest.mark.parametrize("text, title", [
    ("The Ruritanian foreign ** Tomas Velk arrived in Lisbon.", "minister"),   # a portfolio
    ("Field ** Arno Keldt inspected the troops in the north.", "marshal"),     # a rank
    ("In Osterburg the vice-** Lena Oruk opened the session.", "president"),   # hyphen before the redaction
    ("The Ruritanian ** Tomas Velk arrived in Lisbon.", None),                 # no compound word: nothing to complete
])
def test_the_visible_first_word_of_a_compound_office_gives_the_title(pipeline, text, title):
    assert restored(pipeline, text) == [title]


@pytest.mark.parametrize("text, title", [
    ("The Rotterdam ** Pieter Vandekamp opened the new quay on Friday.", "mayor"),   # a town
    ("The Texas ** Dale Crampton signed the border order.", "governor"),             # a region
])
def test_a_town_or_region_before_the_redaction_gives_its_office(pipeline, text, title):
    assert restored(pipeline, text) == [title]
