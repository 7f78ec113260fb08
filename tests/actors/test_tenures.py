"""Dated tenures and the codes they give: the Factbook's text read into names, offices and dates (made-up
holders), one person's several tenures, styles of address, and former office holders."""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

from diplograph.actors.leaders import Leaders, Tenure
from diplograph.actors.person_codes import present_office
from diplograph.actors.roles import Role
from diplograph.lexicon import word_class
from diplograph.records import Actor, Document

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from factbook_leaders import endings, holdings, parse_entry, tenures  # noqa: E402

OFFICE = word_class("office_words")


def test_the_name_starts_after_the_office_and_the_state_it_names():
    got = parse_entry("President of the Republic of Freedonia Amara Lin VOSK (since 3 March 2019)", OFFICE)
    assert got is not None and got[:3] == ("President", "Amara Lin Vosk", "Vosk") and got[3] == date(2019, 3, 3)
    got = parse_entry("First Deputy Prime Minister and Harbours Minister Ilse MARDOW (since 2 May 2018)", OFFICE)
    assert got is not None and got[1] == "Ilse Mardow"


def test_a_movement_leader_keeps_the_title_the_text_gives():
    got = parse_entry("Brotherhood Leader Tobin KESSARD (since 1 May 2020)", OFFICE)
    assert got is not None and got[0] == "Leader" and got[1] == "Tobin Kessard"


def test_a_style_is_neither_title_nor_name_and_a_holder_who_left_is_no_holder():
    got = parse_entry("Prime Minister Sheikh Dalo HASSUR (since 1 June 2010)", OFFICE)
    assert got is not None and got[0] == "Prime Minister" and got[1] == "Dalo Hassur"
    assert parse_entry("Pell ORVANDI resigned 2 March 2021", OFFICE) is None


def _rows(tmp_path: Path, rows: list[tuple[str, str, str]]) -> Path:
    p = tmp_path / "fb.jsonl"
    p.write_text("\n".join(json.dumps({"snapshot": s, "iso3": "ZZZ", "country": "Zedland", "chief_of_state": c,
                                       "head_of_government": h}) for s, c, h in rows), encoding="utf-8")
    return p


def test_a_note_that_says_when_a_holder_left_ends_the_tenure_there(tmp_path):
    p = _rows(tmp_path, [
        ("2020-06-01", "President Ora KELM (since 1 May 2016)", "Prime Minister Sheikh Dalo HASSUR (since 1 June 2010)"),
        ("2021-03-01", "President Ora KELM (since 1 May 2016)",
         "vacant; on 5 February 2021, Prime Minister Sheikh Dalo HASSUR resigned and left the country"),
        ("2021-06-01", "President Ora KELM (since 1 May 2016)",
         "Interim Prime Minister Kiva ORLAND (since 9 February 2021); Pim VESTA (since 2019)"),
    ])
    ts, end = tenures(holdings(p, OFFICE), endings(p))
    by = {t.name: t for t in ts}
    assert by["Dalo Hassur"].end == date(2021, 2, 5)  # not the next snapshot (1 March)
    assert by["Kiva Orland"].start == date(2021, 2, 9) and by["Kiva Orland"].end is None
    assert by["Ora Kelm"].end is None and end == date(2021, 6, 1)
    # An untitled holder after the first names no office: not a second prime minister.
    assert by["Pim Vesta"].title == "" and by["Pim Vesta"].office == "other"


def _leaders() -> Leaders:
    L = Leaders()
    L.add(Tenure("ZZZ", "Varo", date(2021, 1, 20), date(2025, 1, 20), "President", source="REIGN"))
    L.add(Tenure("ZZZ", "Tomas J. Varo Jr.", date(2021, 1, 20), date(2025, 1, 20), "President", "Varo",
                 "government", "Factbook"))
    L.add(Tenure("ZZZ", "Tomas J. Varo", date(2009, 1, 20), date(2017, 1, 20), "Vice President", "Varo", "other",
                 "Factbook"))
    L.add(Tenure("ZZZ", "Dalo Hassur", date(2009, 1, 6), date(2024, 8, 5), "Prime Minister", "Hassur",
                 "government", "Factbook"))
    L.add(Tenure("ZZZ", "Kiva Orland", date(2024, 8, 8), None, "Interim Prime Minister", "Orland", "government",
                 "Factbook"))
    L.add(Tenure("YYY", "Ali Sheikh Mumin", date(2022, 5, 15), None, "President", "Mumin", "state", "Factbook"))
    return L


def test_one_persons_tenures_are_read_together():
    L = _leaders()
    # Between a vice-presidency and a presidency the person is a former official, not the government.
    role = L.role_on("Tom Varo", date(2020, 5, 10))
    assert role is not None and role.code == "ZZZELI"
    assert L.role_on("Tom Varo", date(2022, 5, 10)).code == "ZZZGOV"  # type: ignore[union-attr]
    assert L.role_on("Tom Varo", date(2026, 5, 10)).code == "ZZZELI"  # type: ignore[union-attr]


def test_a_style_of_address_is_not_part_of_the_name_looked_up():
    L = _leaders()
    assert L.role_on("Sheikh Dalo Hassur", date(2023, 1, 1)).code == "ZZZGOV"  # type: ignore[union-attr]
    assert L.role_on("Sheikh Hassur", date(2025, 3, 1)).code == "ZZZELI"  # type: ignore[union-attr]


def test_the_former_holder_is_the_one_who_left_recently():
    L = _leaders()
    t = L.former_holder("ZZZ", date(2025, 3, 1), "prime minister")
    assert t is not None and t.leader == "Dalo Hassur"
    # Years later nobody fits uniquely and recently: the description stays a role.
    assert L.former_holder("ZZZ", date(2029, 3, 1), "prime minister") is None
    # The holder on the date is no former holder.
    assert L.holder("ZZZ", date(2025, 3, 1), "prime minister").leader == "Kiva Orland"  # type: ignore[union-attr]


def test_a_style_title_does_not_claim_a_present_office():
    a = Actor("x", "Dalo Hassur", "person", "ZZZELI", "ZZZ", [])
    assert present_office(Role("ZZZ", "GOV", title="Prime Minister"), a)
    assert not present_office(Role("ZZZ", "GOV", title="Sheikh", style=True), a)


def test_a_former_office_descriptor_is_never_the_government(pipeline):
    text = "The former Chilean president criticised the government on Monday."
    a = pipeline.analyze_one(Document("t", text, "2025-03-01"))
    s = text.index("Chilean")
    got = [x for x in a.actors for m in x.mentions if m.start <= s < m.end]
    assert got and all(not (x.code or "").endswith("GOV") for x in got)


def test_an_office_before_a_style_is_the_role(pipeline):
    text = "Bangladesh's former prime minister Sheikh Dalo Hassur met officials in Delhi."
    a = pipeline.analyze_one(Document("t", text, "2025-03-01"))
    p = next(x for x in a.actors if x.type == "person" and "Hassur" in x.name)
    assert p.code == "BGDELI"


def test_a_list_that_stops_naming_deputies_does_not_end_their_tenure(tmp_path):
    p = _rows(tmp_path, [
        ("2023-06-01", "President Ora KELM (since 1 May 2016); Vice President Lune PARDO (since 1 May 2016)",
         "Prime Minister Kiva ORLAND (since 9 February 2021); Deputy Prime Minister Edo VANCE (since 2019)"),
        ("2024-06-21", "President Ora KELM (since 1 May 2016)", "Prime Minister Kiva ORLAND (since 9 February 2021)"),
        ("2025-03-01", "President Tam WREN (since 20 January 2025)",
         "Prime Minister Kiva ORLAND (since 9 February 2021)"),
    ])
    by = {t.name: t for t in tenures(holdings(p, OFFICE), endings(p))[0]}
    # No later snapshot names another office: the deputy's end is unknown; the vice president's is the
    # next president's start.
    assert by["Edo Vance"].end is None
    assert by["Lune Pardo"].end == date(2025, 1, 20)


def test_two_spellings_of_one_person_in_two_offices_are_one_person():
    L = Leaders()
    L.add(Tenure("ZZZ", "Nessa Ulo", date(2015, 11, 5), date(2021, 3, 19), "Vice President", "Ulo", "other",
                 "Factbook"))
    L.add(Tenure("ZZZ", "Nessa Ulo Marandi", date(2021, 3, 19), None, "President", "Marandi", "state",
                 "Factbook"))
    assert L.role_on("Nessa Ulo", date(2025, 11, 1)).code == "ZZZGOV"  # type: ignore[union-attr]


def test_brothers_who_share_a_given_name_are_two_people():
    L = Leaders()
    L.add(Tenure("ZZZ", "Omar Tarik Velan", date(2013, 6, 5), date(2017, 7, 28), "Prime Minister", "Velan",
                 "government", "Factbook"))
    L.add(Tenure("ZZZ", "Omar Sabri Velan", date(2022, 4, 11), None, "Prime Minister", "Velan", "government",
                 "Factbook"))
    assert L.role_on("Omar Tarik Velan", date(2024, 1, 1)).code == "ZZZELI"  # type: ignore[union-attr]


def test_a_date_after_the_tables_end_keeps_the_last_holder_and_says_so(pipeline):
    from diplograph.actors.leaders import load_leaders

    end = load_leaders().data_end
    assert end is not None
    text = "The Kenyan president met traders in Mombasa. The Kenyan president said nothing."
    late = pipeline.analyze_one(Document("t", text, date(end.year + 1, 6, 1).isoformat()))
    now = pipeline.analyze_one(Document("t", text, end.isoformat()))
    holder = [a.name for a in now.actors if a.type == "person"]
    assert holder and [a.name for a in late.actors if a.type == "person"] == holder
    assert any("W010" in w for w in late.warnings) and not any("W010" in w for w in now.warnings)
