"""Alias mechanisms made general (issue 15, fourth round): relative-clause nickname introductions,
honorifics of many languages, aspiration-h spelling variants. Made-up names and sentences only."""
from __future__ import annotations

from diplograph.records import Document


def analysed(pipeline, text: str, on: str = "2024-05-01"):
    return pipeline.analyze_one(Document("t", text, on))


def owner(a, mention: str):
    for x in a.actors:
        for m in x.mentions:
            if m.text == mention:
                return x, m
    return None, None


def test_whom_x_call_n_binds_the_nickname_to_the_antecedent(pipeline):
    text = ("Tomasz Virelko met the farmers in the north on Monday. Virelko, whom harbour workers still call "
            "\"the Lighthouse\" because of his height, promised new cranes. The Lighthouse left by train.")
    a = analysed(pipeline, text)
    hits = [(x, m) for x in a.actors for m in x.mentions if m.text in ("Lighthouse", "the Lighthouse")]
    assert len(hits) == 2
    assert all("Virelko" in x.name for x, _ in hits), [(x.name, m.text) for x, m in hits]


def test_whom_x_knows_as_n(pipeline):
    text = ("The Ruritanian minister Odile Brannec, whom the whole province knows as Brisket, signed the "
            "decree on Tuesday.")
    x, m = owner(analysed(pipeline, text), "Brisket")
    assert x is not None and "Brannec" in x.name and m.rule == "mention.nickname_introduced"


def test_an_adverb_before_called_does_not_hide_the_person(pipeline):
    text = ("Ruritanian President Lukas Permand chaired the meeting. Permand, still called \"the Clockmaker\" by his former "
            "students, said little.")
    x, m = owner(analysed(pipeline, text), "the Clockmaker")
    if x is None:
        x, m = owner(analysed(pipeline, text), "Clockmaker")
    assert x is not None and "Permand" in x.name


def test_a_relative_clause_about_a_thing_binds_no_nickname(pipeline):
    text = ("Lukas Permand opened the new bridge, which drivers call \"the Harp\" because of its cables, "
            "on Friday.")
    x, m = owner(analysed(pipeline, text), "Harp")
    assert x is None or x.type != "person" or m.rule != "mention.nickname_introduced"


def test_honorifics_of_other_languages(pipeline):
    for hon, name, full in (("Tonton", "Makossa", "Pierre Makossa"), ("Kak", "Dilshad", "Dilshad Rozhani"),
                            ("Hermano", "Quispeño", "Ramiro Quispeño")):
        text = f"{full} spoke in the capital on Monday. For the villagers he is simply {hon} {name}."
        x, m = owner(analysed(pipeline, text), f"{hon} {name}")
        assert x is not None and x.name == full, (hon, x and x.name)


def test_an_honorific_written_after_the_name(pipeline):
    text = "Selin Okurlar teaches law in the capital. Her students address her as Selin Hoca."
    x, m = owner(analysed(pipeline, text), "Selin Hoca")
    assert x is not None and x.name == "Selin Okurlar"


def test_what_joined_an_honorific_name_follows_it(pipeline):
    text = ("Pierre Makossa has ruled for decades. Older residents call him Tonton Makossa. Makossa did not "
            "travel this year.")
    a = analysed(pipeline, text)
    ps = [x for x in a.actors if x.type == "person" and any("Makossa" in m.text for m in x.mentions)]
    assert len(ps) == 1 and ps[0].name == "Pierre Makossa", [p.name for p in ps]


def test_an_aspiration_h_left_out_is_the_same_person(pipeline):
    text = ("General Than Phyo Hmaung inspected the troops on Monday. Critics say Than Phyo Maung wants "
            "the presidency.")
    ps = [x for x in analysed(pipeline, text).actors if x.type == "person" and "Phyo" in x.name]
    assert len(ps) == 1, [p.name for p in ps]


def test_a_surname_without_its_h_is_the_same_person():
    from diplograph.actors.identity import _close
    from diplograph.actors.spelling import units

    assert _close(units("Thavisak")[0], units("Tavisak")[0])
    assert not _close(units("Hana")[0], units("Ana")[0])  # an h before a vowel is no aspiration mark


def test_a_given_name_known_by_a_nickname_is_the_person(pipeline):
    text = ("Ruritanian President Arvid Solveng took office in May. Arvid, known among students as "
            "\"the Beekeeper\", vetoed the budget. The Beekeeper did not comment.")
    a = analysed(pipeline, text)
    hits = [(x.name, m.text) for x in a.actors for m in x.mentions if "Beekeeper" in m.text or m.text == "Arvid"]
    assert hits and all(n == "Arvid Solveng" for n, _ in hits), hits


def test_a_garbled_surname_no_pass_read_is_the_person(pipeline):
    text = ("Ruritanian President Arvid Solveng met the press on Monday. Critics say Solvang still "
            "controls the army.")
    a = analysed(pipeline, text)
    x, m = owner(a, "Solvang")
    assert x is not None and x.name == "Arvid Solveng"


def test_a_word_two_letters_away_is_not_the_person(pipeline):
    text = ("Ruritanian President Arvid Solveng met the press on Monday. Critics say Selvana still "
            "controls the army.")
    x, m = owner(analysed(pipeline, text), "Selvana")
    assert x is None or x.name != "Arvid Solveng"
