"""Names written as a report writes a place are no actors (``mention.veto_written_place``): sentences
written for these tests, with villages of their own."""
from __future__ import annotations

from diplograph.records import Document


def _analyse(pipeline, text: str):
    a = pipeline.analyze_one(Document("t", text, date="2021-03-01"))
    return a, {x.id: x for x in a.actors}


def _mentioned(a, word: str) -> bool:
    return any(m.text == word for x in a.actors for m in x.mentions)


def test_a_province_after_a_district_is_no_actor_but_its_state_stays_the_party(pipeline):
    a, by_id = _analyse(pipeline, "On 3 March 2021, bandits burned a clinic in Zarkan district, Kandahar, and "
                                  "wounded a guard.")
    assert not _mentioned(a, "Kandahar")
    targets = [e for e in a.events if e.target is not None and e.target.actor]
    assert targets and all(by_id[e.target.actor].country == "AFG" for e in targets)
    assert all(e.rules.get("target") == "target.event_location" for e in targets
               if by_id[e.target.actor].type == "state")


def test_a_village_before_its_bracketed_places_is_no_person(pipeline):
    a, by_id = _analyse(pipeline, "On 3 March 2021, gunmen raided Kobenda (Zarkan, Kandahar) and stole cattle.")
    assert not _mentioned(a, "Kobenda") and not _mentioned(a, "Kandahar")
    assert not any(x.type == "person" for x in a.actors)
    assert any(by_id[r.actor].country == "AFG" for e in a.events for r in (e.source, e.target)
               if r is not None and r.actor)


def test_a_city_naming_a_road_is_no_actor(pipeline):
    a, _ = _analyse(pipeline, "On 3 March 2021, police dispersed traders who blocked the Kandahar highway near "
                              "Zarkan.")
    assert not _mentioned(a, "Kandahar")


def test_a_state_named_as_the_container_of_a_town_is_no_actor(pipeline):
    a, _ = _analyse(pipeline, "On 3 March 2021, in Mirandola town, Paraguay, teachers protested against unpaid "
                              "salaries.")
    assert not _mentioned(a, "Paraguay")
    # a state named as where an act is done to keeps its mention: it is no container of a place
    b, _ = _analyse(pipeline, "On 3 March 2021, the army imposed a curfew in Paraguay after the riots.")
    assert _mentioned(b, "Paraguay")


def test_a_city_standing_for_its_government_stays(pipeline):
    a, _ = _analyse(pipeline, "Kandahar rejected the demands of the tribes near Zarkan district on Monday.")
    assert any(m.text == "Kandahar" and x.country == "AFG" for x in a.actors for m in x.mentions)


def test_switched_off_the_place_stays_an_actor(pipeline, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_RULES_OFF", "mention.veto_written_place")
    a, _ = _analyse(pipeline, "On 3 March 2021, bandits burned a clinic in Zarkan district, Kandahar, and "
                              "wounded a guard.")
    assert _mentioned(a, "Kandahar")


def test_a_name_right_after_in_is_a_place_whatever_the_parse(pipeline):
    # "in X, Y, a man ...": the parser may take the province for the clause's subject
    a, _ = _analyse(pipeline, "On 3 March 2021, in Zorvantillo, Sinaloa, a trader was shot dead by two gunmen.")
    assert not _mentioned(a, "Sinaloa")
    # the owner of a building after "outside" is no place: the party keeps that mention
    b, _ = _analyse(pipeline, "On 3 March 2021, members of the KRP protested outside KRP building in Zarkan town.")
    assert sum(m.text == "KRP" for x in b.actors for m in x.mentions) == 2


def test_a_person_who_acts_elsewhere_is_no_place_before_a_place_word(pipeline):
    # "the X camp": a camp of people around a politician named X, who acts in the next sentence
    text = ("Senator Dorvanek Zembrisk criticised the budget on Monday. Teachers and the Zembrisk camp have "
            "rarely agreed, Zembrisk said.")
    a, _ = _analyse(pipeline, text)
    assert sum(m.text == "Zembrisk" for x in a.actors if x.type == "person" for m in x.mentions) == 2


def test_a_province_before_a_sector_noun_gives_the_state_but_is_no_part_of_the_actor(pipeline):
    a, _ = _analyse(pipeline, "On 3 March 2021, Kandahar police arrested two smugglers near a market.")
    police = [x for x in a.actors if x.code == "AFGCOP"]
    assert police and [m.text for m in police[0].mentions] == ["police"]
    assert not _mentioned(a, "Kandahar") and not _mentioned(a, "Kandahar police")


def test_a_nationality_before_a_sector_noun_stays_in_its_mention(pipeline):
    a, _ = _analyse(pipeline, "On 3 March 2021, Afghan police arrested two smugglers near a market.")
    assert _mentioned(a, "Afghan police")


def test_names_in_a_coders_remark_are_no_actors(pipeline):
    text = "On 1 May 2021, gunmen killed a guard on the Zarkun-Kaduna highway (coded as Zarkun LGA, Kaduna)."
    a, _ = _analyse(pipeline, text)
    assert not _mentioned(a, "Zarkun LGA") and not _mentioned(a, "Kaduna")


def test_a_party_named_in_a_coders_remark_stays(pipeline):
    a, _ = _analyse(pipeline, "On 1 May 2021, joint forces (coded as Velmor Resistance) repelled an attack near Taizz.")
    assert _mentioned(a, "Velmor Resistance")


def test_a_dictionary_group_named_like_the_town_after_in_is_no_actor(pipeline):
    a, _ = _analyse(pipeline, "On 2 February 2021, Egyptian army engineers destroyed two smuggling tunnels near "
                              "the border in Rafah (Rafah, North Sinai).")
    assert not _mentioned(a, "Rafah")


def test_the_village_residents_are_of_is_no_person(pipeline):
    a, _ = _analyse(pipeline, "On 4 April 2021, several residents of Kafr Tamra in Idlib gathered to denounce "
                              "arrests by HTS.")
    assert not _mentioned(a, "Kafr Tamra")
    assert not any(x.type == "person" for x in a.actors)


def test_a_village_close_to_which_an_attack_happened_is_no_person(pipeline):
    a, _ = _analyse(pipeline, "On 3 March 2021, rebels attacked an army post close to Tembeku Hills in Zarkan "
                              "district.")
    assert not _mentioned(a, "Tembeku Hills")
    # a person close to whom sources are is still a person
    b, _ = _analyse(pipeline, "Sources close to Ivan Dorvek said he would resign.")
    assert any(x.type == "person" and x.name == "Ivan Dorvek" for x in b.actors)


def test_a_village_coordinated_with_a_bracketed_place_is_no_person(pipeline):
    a, _ = _analyse(pipeline, "On 3 March 2021, an IED exploded between Gorlami and Tesseku (Zarkan, Kandahar), "
                              "wounding two soldiers.")
    assert not _mentioned(a, "Gorlami")


def test_the_object_of_surrounding_is_a_place(pipeline):
    a, _ = _analyse(pipeline, "On 3 March 2021, the army shelled the area surrounding Tell Hamdun in Aleppo.")
    assert not _mentioned(a, "Tell Hamdun")


def test_a_town_that_is_no_seat_and_does_not_act_is_no_actor(pipeline):
    a, by_id = _analyse(pipeline, "On 3 March 2021, protesters shouted that Mombasa is a Kenyan city.")
    assert not _mentioned(a, "Mombasa")
    assert any(x.country == "KEN" for x in a.actors)


def test_a_bracketed_alias_of_a_village_is_no_person(pipeline):
    a, _ = _analyse(pipeline, "On 3 March 2021, five villagers were killed when their car hit a mine in the Dara "
                              "Kelan (Dara Kel) area of Zarkan district, Kandahar.")
    assert not any(x.type == "person" for x in a.actors)
