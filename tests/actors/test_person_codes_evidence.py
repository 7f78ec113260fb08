"""A person's code from the strongest evidence the text gives (made-up names and organisations):
the state of a person no table knows (``mention.person_home_state``) and the side of a person who leads a party
or acts against the government (``mention.person_side``); with no evidence for a sector, a plain state code."""
from __future__ import annotations

from diplograph.records import Document

from .reading import covering_actor


def _code(pipeline, text: str, name: str, when: str = "2025-06-01") -> str | None:
    a = pipeline.analyze_one(Document("t", text, when))
    x = covering_actor(a, text, name)
    assert x is not None and x.type == "person", (name, x)
    return x.code


ONE_STATE = ("Kenya's electoral board met in Nairobi on Monday, and Kenyan observers praised the count. "
             "Turnout in the Kenyan highlands was high. ")


def test_a_person_no_table_knows_takes_the_main_state_of_a_story_about_one_state(pipeline):
    text = ONE_STATE + "Later, Oduya Marenko spoke to reporters about the ballots."
    assert _code(pipeline, text, "Oduya Marenko") == "KEN"  # the state only: nothing says what they are


def test_a_story_about_two_states_gives_no_state(pipeline):
    text = ("Kenya and Uganda signed a border deal. Ugandan and Kenyan officials praised it. "
            "Later, Oduya Marenko spoke to reporters about the ballots.")
    assert (_code(pipeline, text, "Oduya Marenko") or "")[:3] not in ("KEN", "UGA")


def test_an_organisations_leader_is_opposition_in_a_one_state_story(pipeline):
    text = ONE_STATE + "Oduya Marenko, the FDK's leader, spoke to reporters about the ballots."
    assert _code(pipeline, text, "Oduya Marenko") == "KENOPP"


def test_a_former_president_who_leads_a_party_today_is_opposition(pipeline):
    text = ONE_STATE + ("Former President Oduya Marenko, who now leads the largest opposition bloc, spoke to "
                        "reporters about the ballots.")
    assert _code(pipeline, text, "Oduya Marenko") == "KENOPP"


def test_a_former_president_with_no_side_stays_a_former_official(pipeline):
    text = ONE_STATE + "Former President Oduya Marenko spoke to reporters about the ballots."
    assert _code(pipeline, text, "Oduya Marenko") == "KENELI"


def test_accusing_the_government_is_a_side_accusing_others_is_not(pipeline):
    text = ONE_STATE + "Oduya Marenko accused the government of rigging the count."
    assert _code(pipeline, text, "Oduya Marenko") == "KENOPP"
    text = ONE_STATE + "Oduya Marenko accused the smugglers of rigging the count."
    assert _code(pipeline, text, "Oduya Marenko") == "KEN"


def test_a_state_office_is_no_party_post(pipeline):
    text = ONE_STATE + "Oduya Marenko, the country's interior minister, spoke to reporters about the ballots."
    assert _code(pipeline, text, "Oduya Marenko") == "KENGOV"


def test_a_former_president_who_runs_again_is_a_contender(pipeline):
    text = ONE_STATE + "Former President Oduya Marenko will fight the election in December."
    assert _code(pipeline, text, "Oduya Marenko") == "KENOPP"
    text = ONE_STATE + "Former President Oduya Marenko will watch the election in December."
    assert _code(pipeline, text, "Oduya Marenko") == "KENELI"


def test_a_hidden_office_beside_a_counterpart_of_one_state_is_of_the_other(pipeline):
    text = ("Foreign ** Daro Velkhan and his Armenian counterpart Tigran Oskanyan met in southern Armenia on Monday. "
            "Azerbaijan welcomed the talks.")
    assert (_code(pipeline, text, "Daro Velkhan") or "")[:3] == "AZE"


def test_a_former_president_with_a_party_of_his_own_is_on_a_side(pipeline):
    text = ONE_STATE + "Former President Oduya Marenko was silent, but Marenko's party would not sign the count."
    assert _code(pipeline, text, "Oduya Marenko") == "KENOPP"
    text = ONE_STATE + "Former President Oduya Marenko was silent, but Marenko's farm would not sign the count."
    assert _code(pipeline, text, "Oduya Marenko") == "KENELI"
