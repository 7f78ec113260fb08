"""A report's subject the parser lost to its fronted places (``event.fronted_list_subject``,
``event.noun_rooted_clause``): sentences written for these tests, with places and people of their own.
The unit tests build the parser's misreadings by hand (the parser does not make them on every sentence);
the end-to-end tests read a sentence the shipped parser does misread."""
from __future__ import annotations

from spacy.tokens import Doc

from diplograph.events.report_subjects import repair_report_subjects
from diplograph.records import Document

NOTE = ("On 8 June 2021, in Quelimane, Sonora, about 50 dock workers in the port sector demonstrated demanding "
        "state support to address job cuts.")


def _doc(nlp, rows: list[tuple[str, str, str, int, str]]) -> Doc:
    """A parsed sentence from (word, lemma, pos, head, dep) rows."""
    words, lemmas, pos, heads, deps = (list(x) for x in zip(*rows))
    return Doc(nlp.vocab, words=words, lemmas=lemmas, pos=pos, heads=heads, deps=deps)


def test_a_subject_read_as_one_more_place_is_the_subject(nlp):
    # On 1 June, in Talvora, Oaxaca, nurses protested .  — "nurses" read as a conjunct of the province
    doc = _doc(nlp, [
        ("On", "on", "ADP", 9, "prep"), ("1", "1", "NUM", 2, "nummod"), ("June", "June", "PROPN", 0, "pobj"),
        (",", ",", "PUNCT", 9, "punct"), ("in", "in", "ADP", 9, "prep"), ("Talvora", "Talvora", "PROPN", 4, "pobj"),
        (",", ",", "PUNCT", 5, "punct"), ("Oaxaca", "Oaxaca", "PROPN", 5, "conj"), (",", ",", "PUNCT", 7, "punct"),
        ("protested", "protest", "VERB", 9, "ROOT"), (".", ".", "PUNCT", 9, "punct")])
    assert repair_report_subjects(doc) == 0  # no noun after the province: nothing to repair
    doc = _doc(nlp, [
        ("On", "on", "ADP", 10, "prep"), ("1", "1", "NUM", 2, "nummod"), ("June", "June", "PROPN", 0, "pobj"),
        (",", ",", "PUNCT", 10, "punct"), ("in", "in", "ADP", 10, "prep"), ("Talvora", "Talvora", "PROPN", 4, "pobj"),
        (",", ",", "PUNCT", 5, "punct"), ("Oaxaca", "Oaxaca", "PROPN", 5, "conj"), (",", ",", "PUNCT", 7, "punct"),
        ("nurses", "nurse", "NOUN", 7, "conj"), ("protested", "protest", "VERB", 10, "ROOT"),
        (".", ".", "PUNCT", 10, "punct")])
    assert repair_report_subjects(doc) == 1
    assert (doc[9].dep_, doc[9].head.i) == ("nsubj", 10)
    assert repair_report_subjects(doc) == 0  # once repaired, the verb has its subject


def test_an_act_hung_on_a_root_noun_is_the_main_verb(nlp):
    # On 1 June, miners protested in Talvora .  — read as "miners (who were) protested"
    rows = [("On", "on", "ADP", 4, "prep"), ("1", "1", "NUM", 2, "nummod"), ("June", "June", "PROPN", 0, "pobj"),
            (",", ",", "PUNCT", 4, "punct"), ("miners", "miner", "NOUN", 4, "ROOT"),
            ("protested", "protest", "VERB", 4, "acl"), ("in", "in", "ADP", 5, "prep"),
            ("Talvora", "Talvora", "PROPN", 6, "pobj"), (".", ".", "PUNCT", 4, "punct")]
    doc = _doc(nlp, rows)
    assert repair_report_subjects(doc) == 1
    assert doc[5].dep_ == "ROOT" and (doc[4].dep_, doc[4].head.i) == ("nsubj", 5)


def test_a_passive_participle_on_a_root_noun_stays_passive(nlp):
    # On 1 June, 4 policemen injured in Talvora .  — "injured" is done to them: no repair
    rows = [("On", "on", "ADP", 5, "prep"), ("1", "1", "NUM", 2, "nummod"), ("June", "June", "PROPN", 0, "pobj"),
            (",", ",", "PUNCT", 5, "punct"), ("4", "4", "NUM", 5, "nummod"), ("policemen", "policeman", "NOUN", 5, "ROOT"),
            ("injured", "injure", "VERB", 5, "acl"), ("in", "in", "ADP", 6, "prep"),
            ("Talvora", "Talvora", "PROPN", 7, "pobj"), (".", ".", "PUNCT", 5, "punct")]
    doc = _doc(nlp, rows)
    assert repair_report_subjects(doc) == 0
    assert doc[6].dep_ == "acl"


def test_a_label_before_the_sentence_leaves_its_clause_the_main_one(nlp):
    # Arrests : police detained 3 traders .  — read as the noun "Arrests" with a relative clause
    rows = [("Arrests", "arrest", "NOUN", 0, "ROOT"), (":", ":", "PUNCT", 0, "punct"),
            ("police", "police", "NOUN", 3, "nsubj"), ("detained", "detain", "VERB", 0, "acl"),
            ("3", "3", "NUM", 5, "nummod"), ("traders", "trader", "NOUN", 3, "dobj"), (".", ".", "PUNCT", 0, "punct")]
    doc = _doc(nlp, rows)
    assert repair_report_subjects(doc) == 1
    assert doc[3].dep_ == "ROOT" and doc[0].head.i == 3


def test_a_protest_note_with_fronted_places_has_its_event_and_state(pipeline):
    a = pipeline.analyze_one(Document("t", NOTE, date="2021-06-08"))
    by_id = {x.id: x for x in a.actors}
    sources = [by_id[e.source.actor] for e in a.events if e.cameo.startswith("14") and e.source and e.source.actor]
    assert sources and all(x.country == "MEX" for x in sources)


def test_switched_off_the_note_has_no_doer(pipeline, monkeypatch):
    monkeypatch.setenv("DIPLOGRAPH_RULES_OFF", "event.fronted_list_subject")
    a = pipeline.analyze_one(Document("t", NOTE, date="2021-06-08"))
    assert not any(e.source and e.source.actor for e in a.events)
