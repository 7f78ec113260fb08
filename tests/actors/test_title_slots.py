"""Censored titles: what the slot around the redaction says (a post abroad, a party before it, a council's
secretary), two spellings of one office as one candidate, and the slot features the title model weighs; names
of our own."""
from __future__ import annotations

from diplograph.actors.title_choice import merge
from diplograph.records import Document


def restored(pipeline, text: str, on: str = "2024-05-01") -> list[str | None]:
    return [r.restored for r in pipeline.analyze_one(Document("t", text, on)).redactions]


def test_a_post_in_another_state_is_an_envoy(pipeline):
    assert restored(pipeline, "Kenya's ** in France, Wanjiru Odhiambo-Kerre, praised the accord.") == ["ambassador"]
    assert restored(pipeline, "The Kenyan ** to the United Nations, Wanjiru Odhiambo-Kerre, praised the accord.") \
        == ["ambassador"]


def test_a_post_in_its_own_state_is_no_envoy(pipeline):
    assert restored(pipeline, "Wanjiru Odhiambo-Kerre, Kenya's ** in Nairobi, praised the accord.") != ["ambassador"]


def test_a_security_council_is_run_by_its_secretary(pipeline):
    text = "For now, the talks belong to security council ** Dariusz Velenko, who flew to Geneva."
    assert restored(pipeline, text) == ["secretary"]


def test_the_head_of_a_presidency_is_its_secretary_general(pipeline):
    text = "The man who matters is Ousmane Tchamba Tchamba, the ** of the presidency, who signs the decrees."
    assert restored(pipeline, text) == ["secretary general"]


def test_an_adjective_between_a_party_and_the_redaction_keeps_the_party(pipeline):
    out = restored(pipeline, "The UPR's national ** Kofi Adumekwe promised patience to the activists.")
    assert out[0] is not None and out[0].lower() in ("leader", "chairman", "president")


def test_two_spellings_of_one_office_are_one_candidate_in_the_formal_spelling():
    one = merge([("mention.title_from_text", "premier"), ("mention.title_kb_office", "Prime Minister")])
    assert [c.title for c in one] == ["Prime Minister"]
    assert one[0].rules == ["mention.title_from_text", "mention.title_kb_office"]
    assert [c.title for c in merge([("mention.title_from_text", "Premier")])] == ["Premier"]  # no formal one proposed
