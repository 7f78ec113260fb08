"""The forms an office description takes (issue 15, helper ``office``): the state from a possessor, a focus
state, ``of <state>`` or a counterpart's; the holder the text names in apposition or predicate before the
tables'; words that say who holds an office (an age, ``first woman``) against words that make it another office
(``vice``, a party). Made-up people and sentences; real states only where the tables' holder is the point (the
assertions read codes, not names)."""
from __future__ import annotations

from datetime import date

from diplograph.actors.leaders import load_leaders, title_fits
from diplograph.records import Document

from .reading import longest_mention_owner


def owner(pipeline, text: str, mention: str, on: str = "2025-06-01"):
    """(actor, rule) of the mention whose text contains ``mention`` (the longest such mention)."""
    return longest_mention_owner(pipeline.analyze_one(Document("t", text, on)).actors, mention)


def test_a_bare_office_in_a_story_about_one_state_is_that_states_holder(pipeline):
    text = "Teachers in Kenya struck in Nakuru, Eldoret and Kisumu on Monday. The president met their union."
    x, rule = owner(pipeline, text, "president")
    assert x is not None and x.type == "person" and x.code == "KENGOV" and rule == "mention.office_holder_focus"


def test_a_bare_office_after_another_states_holder_is_not_the_focus_states(pipeline):
    text = ("Teachers in Kenya struck in Nakuru, Eldoret and Kisumu. Ugandan President Odera Mwangaza sent a note. "
            "The president met their union.")
    _, rule = owner(pipeline, text, "president met")
    assert rule != "mention.office_holder_focus"


def test_words_that_say_who_holds_an_office_leave_it_the_office(pipeline):
    text = "Bread prices rose in Kenya in May. Kenya's first woman president would not have waited so long."
    x, _ = owner(pipeline, text, "president")
    assert x is not None and x.type == "person" and x.code == "KENGOV"
    x, _ = owner(pipeline, "Bread prices rose. The 58-year-old Kenyan president said nothing.", "Kenyan president")
    assert x is not None and x.type == "person" and x.code == "KENGOV"


def test_a_state_of_several_words_possesses_the_office(pipeline):
    x, _ = owner(pipeline, "Oil prices rose. Saudi Arabia's crown prince received envoys.", "crown prince")
    assert x is not None and x.type == "person" and x.code == "SAUGOV"


def test_the_office_of_a_state_after_the_title(pipeline):
    x, _ = owner(pipeline, "Gas prices rose. The emir of Qatar received envoys.", "emir")
    assert x is not None and x.type == "person" and x.code == "QATGOV"


def test_the_holder_the_text_names_in_apposition_comes_before_the_tables(pipeline):
    text = "Rallies filled Nairobi. Odera Mwangaza, the Kenyan president, spoke. The head of state then left."
    x, _ = owner(pipeline, text, "head of state")
    assert x is not None and x.name == "Odera Mwangaza"


def test_the_holder_the_text_names_in_a_predicate_comes_before_the_tables(pipeline):
    for said in ("Odera Mwangaza was sworn in as president of Kenya in May.", "Odera Mwangaza, who leads Kenya, spoke."):
        x, _ = owner(pipeline, f"Rallies filled Nairobi. {said} The Kenyan leader then left.", "Kenyan leader")
        assert x is not None and x.name == "Odera Mwangaza", said


def test_a_deputy_or_a_partys_leader_is_not_the_states_holder(pipeline):
    text = "Odera Mwangaza, the vice president of Kenya, spoke. Then the Kenyan president spoke."
    x, _ = owner(pipeline, text, "Kenyan president")
    assert x is None or x.name != "Odera Mwangaza"
    text = ("Lina Karsavo, the leader of the Umoja Forum, was excluded from the Kenyan vote. "
            "Few in Nairobi lecture the country's president about term limits.")
    x, _ = owner(pipeline, text, "president")
    assert x is None or x.name != "Lina Karsavo"


def test_a_counterpart_is_the_holder_of_the_possessors_office_in_that_state(pipeline):
    x, rule = owner(pipeline, "The Egyptian president phoned his Tunisian counterpart on Monday.", "Tunisian counterpart")
    assert x is not None and x.code == "TUNGOV" and rule == "mention.office_holder_counterpart"
    # a president's counterpart in a kingdom is its head of state
    x, _ = owner(pipeline, "The Egyptian president phoned his Jordanian counterpart on Monday.", "Jordanian counterpart")
    assert x is not None and x.type == "person" and x.code == "JORGOV"


def test_a_past_word_makes_the_description_a_former_holders(pipeline):
    x, _ = owner(pipeline, "Rallies filled Nairobi. Kenya's late president was remembered.", "president")
    assert x is None or not (x.code or "").endswith("GOV")


def test_an_office_the_factbook_text_missed_falls_back_to_the_open_older_tenure():
    # the Factbook names some of a state's offices on the date but not this one: the open REIGN tenure holds it
    leaders = load_leaders()
    on = date(2025, 6, 1)
    missed = [c for c, ts in leaders.by_country.items()
              if any(t.source == "Factbook" and t.holds(on) for t in ts)
              and not any(t.source == "Factbook" and t.holds(on) and title_fits("prime minister", t.title) for t in ts)
              and any(t.source == "REIGN" and t.holds(on) and t.title == "Prime Minister" for t in ts)]
    assert missed, "no state to check the fallback on"
    assert all(leaders.holder(c, on, "prime minister") is not None for c in missed)


def test_an_heirs_title_is_not_the_monarchs():
    assert not title_fits("monarch", "Crown Prince")
    assert not title_fits("monarch", "Heir Apparent Prince")
    assert title_fits("crown prince", "Crown Prince")
    assert title_fits("monarch", "King")


def test_the_holder_of_a_seat_of_power_is_its_states_leader(pipeline):
    x, rule = owner(pipeline, "The Kremlin's master met traders on Monday.", "master")
    assert x is not None and x.code == "RUSGOV" and rule == "mention.office_holder_seat"
    x, rule = owner(pipeline, "The tenant of the flat met traders on Monday.", "tenant")
    assert rule != "mention.office_holder_seat"


def test_a_ministers_portfolio_is_an_office_the_text_names_its_holder_in(pipeline):
    text = ("Finance ** Amos Kiberu met bankers in Nairobi, Mombasa and Kisumu. Kenyan unions are angry. "
            "The finance minister promised calm.")
    x, _ = owner(pipeline, text, "finance minister")
    assert x is not None and x.name == "Amos Kiberu"
    text = "Lina Karsavo, the Kenyan minister of foreign affairs, flew to Oslo. Kenya's top diplomat returned on Friday."
    x, _ = owner(pipeline, text, "diplomat")
    assert x is not None and x.name == "Lina Karsavo"


def test_a_deputy_of_a_portfolio_is_not_its_minister(pipeline):
    text = ("Odera Mwangaza, the deputy finance minister, met bankers in Nairobi, Mombasa and Kisumu. Kenyan unions "
            "are angry. The finance minister promised calm.")
    x, rule = owner(pipeline, text, "The finance minister")
    # (another description rule may still read it as his; the office rules do not)
    assert x is None or x.name != "Odera Mwangaza" or not (rule or "").startswith("mention.office_holder")


def test_a_new_holder_is_the_one_who_took_the_office_last_among_the_documents_states(pipeline):
    # two states the text names have a prime minister; one took office weeks before the date
    text = "Ottawa and London trade insults over fish. The new prime minister called an early election."
    x, rule = owner(pipeline, text, "prime minister", on="2025-04-01")
    assert x is not None and x.code == "CANGOV" and rule == "mention.office_holder_new"


def test_the_new_holder_is_the_newcomer_the_text_just_named(pipeline):
    text = "Kenyan unions marched in Nairobi. Amos Kiberu was sworn in on Monday, and the new finance minister promised calm."
    x, rule = owner(pipeline, text, "finance minister")
    assert x is not None and x.name == "Amos Kiberu" and rule == "mention.office_holder_new_text"


def test_the_newcomer_is_not_the_holder_of_another_office_who_appointed_them(pipeline):
    # the president named last holds another office by the tables: the newcomer is the one named before him
    text = ("Kenyan unions marched in Nairobi. Amos Kiberu was sworn in by President William Ruto, and the new "
            "finance minister promised calm.")
    x, rule = owner(pipeline, text, "finance minister")
    assert x is not None and x.name == "Amos Kiberu" and rule == "mention.office_holder_new_text"


def test_a_long_serving_holder_is_not_the_new_one(pipeline):
    text = "Kenyan unions marched in Nairobi. William Ruto spoke there, and the new president promised calm."
    _, rule = owner(pipeline, text, "president")
    assert rule != "mention.office_holder_new_text"


def test_a_new_office_nobody_in_the_text_holds_stays_a_role(pipeline):
    text = "Kenyan unions marched in Nairobi on Monday. The new finance minister promised calm."
    x, rule = owner(pipeline, text, "finance minister")
    assert rule != "mention.office_holder_new_text" and (x is None or x.type != "person")
