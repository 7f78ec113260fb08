"""``the American envoy``: the one person of that state the text named before, holding no office by the tables
(made-up names)."""
from __future__ import annotations

from diplograph.records import Document

from .reading import longest_mention_owner


def _owner(pipeline, text: str, words: str):
    return longest_mention_owner(pipeline.analyze_one(Document("t", text, "2025-06-01")).actors, words)


def test_a_states_envoy_is_the_one_person_of_it_named_before(pipeline):
    text = ("The US ** Corwin Halbeck, a banker, brought a plan to Beirut in June. Halbeck praised the cabinet. In "
            "the south, the American envoy is seen as a messenger.")
    x, rule = _owner(pipeline, text, "American envoy")
    assert x is not None and x.name == "Corwin Halbeck" and rule == "mention.office_holder_envoy"


def test_the_president_who_sends_the_envoy_is_not_the_envoy(pipeline):
    text = ("Kenyan ** Lina Karsavo flew to Oslo with President William Ruto. Karsavo praised the deal. "
            "The Kenyan envoy returned on Friday.")
    x, _ = _owner(pipeline, text, "Kenyan envoy")
    assert x is not None and x.name == "Lina Karsavo"


def test_an_envoy_nobody_in_the_text_is_stays_a_role_of_its_state(pipeline):
    text = "Kenyan farmers marched in Nairobi. The Kenyan envoy returned on Friday."
    x, rule = _owner(pipeline, text, "Kenyan envoy")
    assert rule != "mention.office_holder_envoy" and (x is None or x.type != "person")
    text = ("Kenyan ** Lina Karsavo and Kenyan ** Odera Mwangaza flew to Oslo. They praised the deal. "
            "The Kenyan envoy returned on Friday.")
    _, rule = _owner(pipeline, text, "Kenyan envoy")
    assert rule != "mention.office_holder_envoy"  # two candidates: no guess
