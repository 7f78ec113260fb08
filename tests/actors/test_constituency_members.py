"""``the Member for <seat>``: the person named before it, the seat no person (made-up names and seats)."""
from __future__ import annotations

from diplograph.records import Document

from .reading import longest_mention_owner


def _actors(pipeline, text: str):
    return pipeline.analyze_one(Document("t", text, "2025-06-01")).actors


def test_the_member_for_a_seat_is_the_person_named_before_it(pipeline):
    text = ("Tamsin Ardlow has never hidden her ambitions. The Member for Quarrybank, whom her rivals call "
            "\"the Surveyor\", has spent the year pushing her housing bill.")
    actors = _actors(pipeline, text)
    x, rule = longest_mention_owner(actors, "Member for Quarrybank")
    assert x is not None and x.name == "Tamsin Ardlow" and rule == "mention.office_holder_constituency"
    assert not any(a.type == "person" and a.name == "Quarrybank" for a in actors)  # the seat is no person


def test_a_member_noun_without_a_seat_or_a_person_before_is_left_alone(pipeline):
    text = "Farmers blocked the roads near Quarrybank. The Member for Quarrybank promised a hearing."
    x, rule = longest_mention_owner(_actors(pipeline, text), "Member for Quarrybank")
    assert rule != "mention.office_holder_constituency"
    text = "Tamsin Ardlow spoke on Monday. The deputy for foreign affairs promised a hearing."
    x, rule = longest_mention_owner(_actors(pipeline, text), "deputy")
    assert rule != "mention.office_holder_constituency"
