"""One code per state: the other codes outside sources write for it (countries.tsv ``aliases``) are read in as the
state's own by ``hierarchy.canonical_code``, wherever a code comes from."""
from __future__ import annotations

from diplograph.actors.kb import _default_kb
from diplograph.hierarchy import _aliases, canonical_code, state_codes
from diplograph.records import Document


def test_an_alias_is_read_as_the_states_own_code_with_its_sector() -> None:
    aliases = _aliases()
    assert aliases, "countries.tsv lists no alias"
    for alias, own in aliases.items():
        assert own in state_codes() and alias != own
        assert canonical_code(alias) == own and canonical_code(alias + "GOV") == own + "GOV"
    assert canonical_code("SRBGOV") == "SRBGOV" and canonical_code("GOV") == "GOV"


def test_no_alias_is_itself_a_states_code() -> None:
    # an alias that were also some state's code would move that state's actors
    assert not set(_aliases()) & {c for c in state_codes() if c not in _aliases().values()}


def test_the_shipped_dictionaries_write_every_state_the_projects_way() -> None:
    kb = _default_kb()
    assert not set(kb.countries) & set(_aliases())
    assert all(canonical_code(r.code) == r.code for e in kb.countries.values() for r in e.rules)


def test_a_dictionary_person_and_the_state_tables_agree_on_the_code(pipeline) -> None:
    # the tables write Kosovo's state (its name, its people's nationality) with the code the dictionaries'
    # people of that state now carry too: one state, not two
    a = pipeline.analyze_one(Document("k", "Kosovo's police said a Kosovar minister, Dren Halitaj, resigned. "
                                           "Speaker Jakup Krasniqi of Kosovo thanked him.", "2009-05-01"))
    states = {x.country for x in a.actors if x.country}
    assert states == {canonical_code("KSV")}, states
