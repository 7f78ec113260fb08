"""Shipped KB people whose dated codes all miss the document date keep their nationality."""
from __future__ import annotations

from datetime import date

from diplograph.actors.dictionaries import ActorEntry, CodeRule
from diplograph.actors.kb import nearest_dated_code
from diplograph.records import Document


def person(*rules: CodeRule) -> ActorEntry:
    # is_person_entry: a CountryInfo-style entry of the shipped country file, sector codes only.
    return ActorEntry("ANNA_VELIKOVA_", ["ANNA_VELIKOVA_"], list(rules), "Phoenix.Countries.actors.txt")


def test_before_first_range_takes_its_code():
    e = person(CodeRule("BGRGOV", date(2005, 1, 1), date(2009, 6, 30)))
    assert e.code_on(date(1998, 3, 1)) is None  # PETRARCH's reading: nothing holds
    assert nearest_dated_code(e, date(1998, 3, 1)) == "BGRGOV"


def test_after_last_office_is_former_elite():
    e = person(CodeRule("BGRGOVMIL", date(2005, 1, 1), date(2009, 6, 30)))
    assert nearest_dated_code(e, date(2014, 3, 1)) == "BGRELI"


def test_nearest_of_several_ranges_and_non_office_sectors_stay():
    e = person(CodeRule("BGROPP", date(1991, 1, 1), date(1995, 1, 1)),
               CodeRule("ROUGOV", date(2001, 1, 1), date(2003, 1, 1)))
    assert nearest_dated_code(e, date(1996, 1, 1)) == "BGROPP"  # ended a year before; opposition is no office
    assert nearest_dated_code(e, date(2000, 6, 1)) == "ROUGOV"  # starts half a year later
    assert nearest_dated_code(e, date(2002, 1, 1)) == e.code_on(date(2002, 1, 1)) == "ROUGOV"  # inside a range


def test_undated_or_unknown_date_gives_nothing():
    assert nearest_dated_code(person(CodeRule("BGRGOV")), date(2000, 1, 1)) is None
    assert nearest_dated_code(person(CodeRule("BGRGOV", date(2005, 1, 1), None)), None) is None


def test_shipped_person_out_of_range_keeps_the_state(pipeline):
    # A Phoenix CountryInfo person listed only as [KENGOV 060401-080228].
    text = "Mohammed Kuti criticised the opposition in Mombasa."
    for when, code in (("1999-02-01", "KENGOV"), ("2015-02-01", "KENELI")):
        a = pipeline.analyze_one(Document("k", text, when))
        kuti = [x for x in a.actors if x.name == "Mohammed Kuti"]
        assert kuti and kuti[0].code == code and kuti[0].country == "KEN", (when, [(x.name, x.code) for x in a.actors])
        assert all(m.confidence <= 0.6 for m in kuti[0].mentions)


def test_text_role_beats_the_nearest_dated_code(pipeline):
    text = "U.N. envoy Mohammed Kuti met rebel commanders on Tuesday."
    a = pipeline.analyze_one(Document("k", text, "1999-02-01"))
    kuti = [x for x in a.actors if x.name == "Mohammed Kuti"]
    assert kuti and kuti[0].code.startswith("IGO"), [(x.name, x.code) for x in a.actors]


def test_user_dictionary_keeps_petrarch_dates(tmp_path):
    from diplograph.pipeline import Options, Pipeline

    actors = tmp_path / "actors.txt"
    actors.write_text("OSKAR_BRANDT_\n+BRANDT_\n\t[MRLGOV 100101-151231]\n")
    pipe = Pipeline(Options(actor_files=[actors]))
    a = pipe.analyze_one(Document("u", "Brandt criticised the opposition.", "2019-01-01"))
    assert not any((x.code or "").startswith("MRL") for x in a.actors), [(x.name, x.code) for x in a.actors]


def test_leader_before_tenure_or_undated_keeps_only_the_state(pipeline):
    # REIGN: Sooronbay Jeenbekov, Kyrgyzstan, 2017-11-24 to 2020-11.
    text = "Sooronbay Jeenbekov met the governor on Monday."
    for when in ("2001-01-01", None):
        a = pipeline.analyze_one(Document("j", text, when))
        j = [x for x in a.actors if x.name == "Sooronbay Jeenbekov"]
        assert j and j[0].code == "KGZ" and j[0].mentions[0].confidence <= 0.6, [(x.name, x.code) for x in a.actors]
    during = pipeline.analyze_one(Document("j", text, "2019-01-01"))
    assert [x.code for x in during.actors if x.name == "Sooronbay Jeenbekov"] == ["KGZGOV"]


def test_a_leaders_surname_with_another_given_name_gets_no_state():
    from diplograph.actors.leaders import load_leaders

    leaders = load_leaders()
    assert leaders.nationality("Sooronbay Jeenbekov") == "KGZ"
    assert leaders.nationality("Jeenbekov") is None  # a surname alone
    assert leaders.nationality("Aibek Jeenbekov") is None  # another given name
