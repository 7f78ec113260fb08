"""The writer's summaries flag each pair once (own state, political); the whole-corpus views filter on
the flags and must agree with the views that read the events, also after a later batch changes what
an actor is. Made-up people with real state codes, written by the real writer batch by batch."""
from __future__ import annotations

from datetime import date

from diplograph.analysis.system import system
from diplograph.records import Actor, Document, DocumentAnalysis, Event, Mention, Ref, Span
from diplograph.store.duck import StoreWriter, open_reader

STATES = {"hungary": ("hungary", "Hungary", "state", "HUN", "HUN"), "romania": ("romania", "Romania", "state", "ROU", "ROU")}


def _doc(doc_id: str, day: str, text: str, person: tuple, target: str, cameo: str, gold: float, quad: int):
    """One sentence: the person acts on a state."""
    state = STATES[target]
    actors = [Actor(*person, [Mention(person[1], 0, len(person[1]), "kb", 0.9)]),
              Actor(*state, [Mention(state[1], text.index(state[1]), text.index(state[1]) + len(state[1]), "kb", 0.9)])]
    ev = Event(f"{doc_id}-0", Ref(person[0], person[1], person[3], person[1]), Ref(state[0], state[1], state[3], state[1]),
               cameo, cameo[:2], None, None, gold, quad, "asserted", None, day, text.split()[2], Span(0, len(text), text), 0.9)
    return Document(doc_id, text, day, None, f"https://{doc_id}.example.org/x", f"{doc_id}.txt"), \
        DocumentAnalysis(doc_id, day, "input", actors, [ev])


def _views(con) -> tuple[set, list]:
    whole = system(con, top=0)  # the summaries
    dated = system(con, until=date(2030, 1, 1), top=0)  # the events themselves
    pairs = {(d["a"], d["b"]) for d in whole["dyads"]}
    assert pairs == {(d["a"], d["b"]) for d in dated["dyads"]}
    assert whole["domestic"] == dated["domestic"]
    return pairs, whole["domestic"]


def test_a_later_batch_that_places_an_actor_in_a_state_reflags_its_old_pairs(tmp_path):
    path = tmp_path / "flags.duckdb"
    unknown = ("ilse-barosz", "Ilse Barosz", "person", None, None)
    placed = ("ilse-barosz", "Ilse Barosz", "person", "HUNGOV", "HUN")
    w = StoreWriter(path)
    try:
        w.write_batch([_doc("f1", "2024-04-02", "Ilse Barosz praised Hungary for its harvest.", unknown, "hungary", "051",
                            3.4, 1)])
    finally:
        w.close()
    con = open_reader(path)
    pairs, domestic = _views(con)
    assert pairs == {("ilse-barosz", "hungary")} and domestic == []  # of no known state yet: a pair
    con.close()
    # a later batch says who she is (minister of Hungary): her old pair with Hungary is domestic now,
    # though this batch does not touch that pair
    w = StoreWriter(path)
    try:
        w.write_batch([_doc("f2", "2024-05-07", "Minister Ilse Barosz criticized Romania over the dam.", placed,
                            "romania", "111", -2.0, 3)])
    finally:
        w.close()
    con = open_reader(path)
    pairs, domestic = _views(con)
    assert pairs == {("ilse-barosz", "romania")}
    assert [(d["state"], d["events"]) for d in domestic] == [("HUN", 1)]


def test_a_news_outlet_on_its_own_state_is_no_domestic_event_either(tmp_path):
    # outlets stay out of the political views: not as a pair, and not as a state's domestic event
    path = tmp_path / "media.duckdb"
    paper = ("lake-courier", "Lake Courier", "media", None, "HUN")
    w = StoreWriter(path)
    try:
        w.write_batch([_doc("m1", "2024-04-02", "The Lake Courier criticized Hungary over the harvest.", paper, "hungary",
                            "111", -2.0, 3)])
    finally:
        w.close()
    assert _views(open_reader(path)) == (set(), [])
