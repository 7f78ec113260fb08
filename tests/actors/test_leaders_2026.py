"""Leaders carried to 2026 from the CIA World Factbook: holders of offices on a date, full names
matched word by word, and a date after the table's end keeping the last known holder."""
from __future__ import annotations

from datetime import date, timedelta

from diplograph.actors.leaders import title_fits, load_leaders
from diplograph.actors.spelling import same_word, shared_units


def test_the_table_knows_when_it_ends():
    leaders = load_leaders()
    assert leaders.data_end is not None and leaders.data_end.year >= 2026
    assert leaders.beyond_data(leaders.data_end + timedelta(days=30))
    assert not leaders.beyond_data(leaders.data_end)


def test_an_office_holder_after_2021_is_known():
    leaders = load_leaders()
    t = leaders.holder("KOR", date(2025, 11, 1), "president")
    assert t is not None and t.start >= date(2025, 1, 1) and t.source == "Factbook"
    # The same office before the change of holder is someone else.
    before = leaders.holder("KOR", date(2023, 1, 1), "president")
    assert before is not None and before.leader != t.leader


def test_the_last_known_holder_stays_after_the_data_ends():
    leaders = load_leaders()
    late = leaders.data_end + timedelta(days=200)
    last = leaders.holder("TUR", leaders.data_end, "president")
    assert last is not None and leaders.holder("TUR", late, "president") == last


def test_a_deputy_is_not_the_office():
    assert title_fits("president", "State Affairs Commission President")
    assert title_fits("prime minister", "Crown Prince and Prime Minister")
    assert not title_fits("president", "Vice President")
    assert not title_fits("prime minister", "First Deputy Prime Minister")
    assert title_fits("vice president", "Vice President")


def test_names_compared_word_by_word():
    assert shared_units("Lee Jae Myung", "Lee Jae-myung") >= 2
    assert shared_units("Kim Min-seok", "Kim Jong Un") == 1
    assert same_word("Muhammad", "Mohammed") and same_word("Berdimuhamedov", "Berdimuhamedow")
    assert not same_word("Merz", "Marx")


def test_a_family_name_written_first_finds_its_tenure():
    leaders = load_leaders()
    on = date(2025, 9, 1)
    role = leaders.role_on("Kim Jong Un", on)
    assert role is not None and role.code == "PRKGOV"
    assert leaders.role_on("Kim Yo Jong", on) is None or leaders.role_on("Kim Yo Jong", on).tenure.leader != role.tenure.leader
