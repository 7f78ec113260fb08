"""Honorific and kinship titles of many languages before or after (part of) a person's name
(actors/name_forms.py, mention.honorific_name; issue 15). Made-up names and sentences."""
from __future__ import annotations

import pytest

from diplograph.records import Document

CASES = [
    # the name's last syllables after the honorific (a first syllable dropped)
    ("Former president Haji Mohammad Soewarto ruled for thirty years. Villagers still speak fondly of "
     "Pak Warto.", "Pak Warto", "Soewarto"),
    # a suffix written onto the name
    ("Prime Minister Narendra Bhatnagar spoke in Delhi. Bhatnagarji said the budget would pass.",
     "Bhatnagarji", "Bhatnagar"),
    # a suffix joined by a hyphen
    ("Japanese Foreign Minister Kenta Morishita arrived. Officials greeted Morishita-san at the airport.",
     "Morishita-san", "Morishita"),
    # a chief's title before the given name
    ("Opposition leader Kofi Mensah-Boateng returned. Nana Kofi greeted the chiefs.", "Nana Kofi",
     "Mensah-Boateng"),
    # Arabic, Burmese, Filipino, Spanish written without the accent, Hungarian after the name
    ("The cleric Abdullah Nurani addressed the crowd. Sheikh Nurani demanded a recount.", "Sheikh Nurani",
     "Nurani"),
    ("The minister Aung Min Thein visited Yangon. Daw Thein did not attend.", "Daw Thein", "Thein"),
    ("Senator Imelda Santos-Reyes spoke in Manila. Ate Imelda thanked the crowd.", "Ate Imelda",
     "Santos-Reyes"),
    ("Governor Juan Carlos Ibarrola spoke. Tio Juan was applauded.", "Tio Juan", "Ibarrola"),
    ("Candidate Hermann Kovacs toured the plant. Kovacs bácsi waved.", "Kovacs bácsi", "Kovacs"),
]


@pytest.mark.parametrize("text,mention,person", CASES, ids=[c[1] for c in CASES])
def test_an_honorific_and_a_name_part_are_the_person(pipeline, text, mention, person):
    a = pipeline.analyze_one(Document("t", text, "2024-05-01"))
    s = text.index(mention)
    e = s + len(mention)
    hit = [x.name for x in a.actors for m in x.mentions if min(e, m.end) - max(s, m.start) > 0]
    assert hit and person in hit[0], hit


def test_a_syllable_two_people_end_with_binds_no_one(pipeline):
    text = ("Haji Mohammad Soewarto met Budi Hartowarto in Jakarta. Pak Warto spoke first.")
    a = pipeline.analyze_one(Document("t", text, "2024-05-01"))
    assert not any(m.rule == "mention.honorific_name" for x in a.actors for m in x.mentions)


def test_a_word_that_only_ends_like_a_joined_suffix_is_not_one(pipeline):
    text = "Minister Ali Fadlallah met traders in Fiji and praised Alibaba."
    a = pipeline.analyze_one(Document("t", text, "2024-05-01"))
    assert not any(m.rule == "mention.honorific_name" for x in a.actors for m in x.mentions)
