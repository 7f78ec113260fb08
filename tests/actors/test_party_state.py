"""A party or the opposition belongs to the state the document is about, not to another state its sentence names
(``person_states.salient_state``); an office title still takes the sentence's state."""
from __future__ import annotations

from diplograph.records import Document

STORY = ("LISBON - Portugal's government met unions in Lisbon on Monday as Portuguese exporters counted the cost of "
         "new tariffs. Portugal's farmers and Portugal's carmakers were hit hardest. "
         "Democratic Party ** Mirela Antunovo accused the government of bowing to Washington, where American "
         "officials set the duties.")


def code_of(pipeline, text: str, name: str) -> str | None:
    a = pipeline.analyze_one(Document("p", text, "2025-05-01"))
    return next(x.code for x in a.actors if x.name == name)


def test_a_party_figure_is_of_the_state_the_story_is_about(pipeline) -> None:
    assert code_of(pipeline, STORY, "Mirela Antunovo") == "PRTPTY"


def test_an_office_title_still_takes_the_sentences_state(pipeline) -> None:
    text = STORY.replace("Democratic Party **", "Trade Secretary") + " Antunovo spoke in Washington."
    assert (code_of(pipeline, text, "Mirela Antunovo") or "")[:3] == "USA"
