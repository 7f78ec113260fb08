from datetime import date

import pytest

from diplograph.text.dates import find_dateline, find_time_expressions

ANCHOR = date(2023, 11, 24)  # a Friday


@pytest.mark.parametrize("text,expected,kept", [
    ("He stepped down four years ago.", date(2019, 1, 1), "four years ago"),
    ("The war began last year.", date(2022, 1, 1), "last year"),
    ("They met on Monday.", date(2023, 11, 20), "on Monday"),
    ("They met yesterday.", date(2023, 11, 23), "yesterday"),
    ("They met recently.", ANCHOR, "recently"),
    ("They met 3 weeks ago.", date(2023, 11, 3), "3 weeks ago"),
    ("They will meet next month.", date(2023, 12, 1), "next month"),
    ("They met on March 3.", date(2023, 3, 3), "March 3"),
    ("They met on Dec. 30.", date(2022, 12, 30), "Dec. 30"),
    ("They met on 5 June 2021.", date(2021, 6, 5), "5 June 2021"),
    ("Talks stalled in 2019.", date(2019, 1, 1), "in 2019"),
    ("Talks stalled earlier this month.", date(2023, 11, 1), "earlier this month"),
])
def test_resolved(text, expected, kept):
    found = find_time_expressions(text, ANCHOR)
    assert found, text
    x = found[0]
    assert (x.date, x.text) == (expected, kept)
    assert text[x.start:x.end] == kept


def test_nothing_to_resolve():
    assert find_time_expressions("The envoy may visit the capital.", ANCHOR) == []


@pytest.mark.parametrize("text,expected", [
    ("MOSCOW, Nov. 24, 2023 (Reuters) - Talks resumed.", date(2023, 11, 24)),
    ("Friday, January 4, 2019\nTalks resumed.", date(2019, 1, 4)),
    ("ASTANA, 3 March 2022 — Talks resumed.", date(2022, 3, 3)),
    ("2021-07-09: talks resumed.", date(2021, 7, 9)),
    ("Talks resumed.", None),
])
def test_dateline(text, expected):
    assert find_dateline(text) == expected


def test_leap_day_read_early_in_a_leap_year_goes_to_the_last_leap_year():
    # "29 February" read on 3 January 2028 is the past one; 2027 has none, so it is 2024's
    found = find_time_expressions("The ceasefire talks collapsed on February 29.", date(2028, 1, 3))
    assert [t.date for t in found] == [date(2024, 2, 29)]
