"""The actor hierarchy and the levels of the corpus views, on a real store written by the real writer.

Made-up people with real state codes: Olek Varga governs Hungary (HUNGOV), Ana Petrescu governs
Romania (ROUGOV); in one report Varga speaks as a UN official (IGOUNO), his role on that date.
"""
from __future__ import annotations

import json

import pandas as pd
from typer.testing import CliRunner

from diplograph.analysis.dyads import dyad, dyad_table
from diplograph.analysis.exports import GDELT_COLUMNS, export
from diplograph.analysis.system import system
from diplograph.cli import app
from diplograph.hierarchy import member, node, own_state, state_of
from diplograph.records import Actor, Document, DocumentAnalysis, Event, Mention, Ref, Relation, Span
from diplograph.relation import event_score, sign_of, trend_word
from diplograph.store.duck import open_reader
from diplograph.triads import document_triads, edge_signs

from ..store.corpus_helpers import write

PEOPLE = {
    "varga": ("olek-varga", "Olek Varga", "person", "HUNGOV", "HUN"),
    "petrescu": ("ana-petrescu", "Ana Petrescu", "person", "ROUGOV", "ROU"),
    "hungary": ("hungary", "Hungary", "state", "HUN", "HUN"),
    "romania": ("romania", "Romania", "state", "ROU", "ROU"),
    "un": ("united-nations", "United Nations", "igo", "IGOUNO", None),
}
CODES = {"042": ("04", "CONSULT", 1.9, 1), "111": ("11", "DISAPPROVE", -2.0, 3), "057": ("05", "AGREE", 8.0, 1),
         "173": ("17", "COERCE", -5.0, 4), "130": ("13", "THREATEN", -4.4, 3)}


def _doc(doc_id: str, day: str, sentences: list[tuple]) -> tuple[Document, DocumentAnalysis]:
    """``sentences``: (text, source key, target key, cameo[, modality[, source code on that date]])."""
    text, events, used = "", [], set()
    for n, (body, src, tgt, cameo, *rest) in enumerate(sentences):
        modality = rest[0] if rest else "asserted"
        s, t = PEOPLE[src], PEOPLE[tgt]
        code = rest[1] if len(rest) > 1 else s[3]
        root, plover, gold, quad = CODES[cameo]
        start = len(text)
        events.append(Event(f"{doc_id}-{n}", Ref(s[0], s[1], code, s[1]), Ref(t[0], t[1], t[3], t[1]), cameo, root,
                            plover, None, gold, quad, modality, None, day, body.split()[2],
                            Span(start, start + len(body), body), 0.9))
        used |= {src, tgt}
        text += body + "\n\n"
    actors = [Actor(*PEOPLE[k], [Mention(PEOPLE[k][1], 0, 1, "kb", 0.9)]) for k in sorted(used)]
    return Document(doc_id, text, day, None, f"https://{doc_id}.example.org/x", f"{doc_id}.txt"), \
        DocumentAnalysis(doc_id, day, "input", actors, events)


def _store(tmp_path):
    docs = [
        _doc("d1", "2024-01-10", [
            ("Prime minister Olek Varga praised the parliament of Hungary for its budget.", "varga", "hungary", "042"),
            ("Premier Olek Varga criticized Ana Petrescu over the border crossing.", "varga", "petrescu", "111"),
        ]),
        _doc("d2", "2024-02-12", [
            ("Premier Ana Petrescu threatened Hungary with a trade embargo.", "petrescu", "hungary", "130"),
            ("Leaders Hungary and Romania agreed to reopen the crossing.", "hungary", "romania", "057"),
            ("Minister Ana Petrescu did not meet Olek Varga in Vienna.", "petrescu", "varga", "042", "negated"),
        ]),
        # on this date Varga acted as a UN envoy: his role, not his state, speaks
        _doc("d3", "2024-03-15", [
            ("Envoy Olek Varga consulted Romania on the refugee plan.", "varga", "romania", "042", "asserted", "IGOUNO"),
        ]),
    ]
    path = tmp_path / "levels.duckdb"
    write(path, docs)
    return path


def test_an_actor_belongs_to_its_state_by_its_code_on_the_date():
    assert state_of("HUNGOV") == "HUN" and state_of("IGOUNO", "HUN") is None and state_of(None, "ROU") == "ROU"
    assert state_of("WST", "WST") is None  # a region is no state
    varga, hungary = member("olek-varga", "person", "HUNGOV", "HUN"), member("hungary", "state", "HUN", "HUN")
    assert own_state(varga, hungary) and not own_state(varga, member("ana-petrescu", "person", "ROUGOV", "ROU"))
    assert not own_state(varga, member("x", "person", "HUNGOV", "HUN"))  # two people of one state are a pair
    assert node(varga, "state") == "HUN" and node(varga, "actor") == "olek-varga"


def test_one_definition_of_weight_sign_and_trend():
    assert event_score(-4.0, "hedged") == -2.0 and event_score(8.0, "negated") == 0 == event_score(5.0, "desired")
    assert event_score(4.0, "conditional") == 1.0 and event_score(4.0, "future") == 2.0
    assert sign_of(0.0) is None and sign_of(-0.1) == -1 and trend_word(0.1) == "stable"
    assert trend_word(-1.0) == "worsening" and trend_word(None) is None


def test_actor_level_keeps_an_actor_and_its_own_state_apart_as_domestic(tmp_path):
    con = open_reader(_store(tmp_path))
    s = system(con, top=0)
    pairs = {(d["a"], d["b"]) for d in s["dyads"]}
    assert ("olek-varga", "hungary") not in pairs and ("olek-varga", "ana-petrescu") in pairs
    assert ("ana-petrescu", "hungary") in pairs  # a foreign premier and a state are a pair
    assert [(d["state"], d["events"]) for d in s["domestic"]] == [("HUN", 1)]
    d = dyad(con, "Olek Varga", "Hungary")
    assert d["domestic"] and d["sign"] is None and d["a_to_b"]["events"] == 1
    assert s["totals"]["dyads"] == len(s["dyads"]) and {a["id"]: a["state"] for a in s["actors"]}["olek-varga"] == "HUN"


def test_state_level_rolls_events_up_to_state_pairs(tmp_path):
    con = open_reader(_store(tmp_path))
    rows = {(d["a"], d["b"]): d for d in dyad_table(con, level="state")}
    # Varga → Petrescu and Hungary → Romania roll up; Varga as a UN envoy belongs to no state on that
    # date and is no party of his own: that event is left out of the state level, counted as unplaced
    assert rows[("HUN", "ROU")]["events"] == 2 and rows[("ROU", "HUN")]["events"] == 1
    assert not any("olek-varga" in pair for pair in rows) and ("HUN", "HUN") not in rows
    s = system(con, level="state", top=0)
    assert {a["id"] for a in s["actors"]} == {"HUN", "ROU"} and s["totals"]["unplaced_events"] == 1
    assert s["domestic"][0]["state"] == "HUN" and s["domestic"][0]["events"] == 1
    d = dyad(con, "Hungary", "ROU", level="state")
    assert d["a"]["id"] == "HUN" and d["b"]["id"] == "ROU" and d["a_to_b"]["events"] == 2
    # the negated meeting counts nowhere, but is reported as excluded
    assert d["b_to_a"]["events"] == 1 and d["b_to_a"]["excluded"] == 1
    assert d["sign"] == sign_of(-2.0 + 8.0 - 4.4)


def test_exports_roll_up_and_say_what_their_records_are(tmp_path):
    path = _store(tmp_path)
    out = tmp_path / "states.tsv"
    export(open_reader(path), "gdelt", out, level="state")
    df = pd.read_csv(out, sep="\t", header=None, names=GDELT_COLUMNS, dtype=str)
    assert set(df.Actor1Code) == {"HUN", "ROU", "IGOUNO"} and "HUNGARY" in set(df.Actor1Name)
    res = CliRunner().invoke(app, ["export", str(tmp_path / "e.parquet"), "--format", "parquet", "--store", str(path)])
    assert res.exit_code == 0 and "one row per de-duplicated event" in res.stderr and "negated" in res.stderr
    res = CliRunner().invoke(app, ["export", str(tmp_path / "n.graphml"), "--format", "graphml", "--store", str(path),
                                   "--level", "state"])
    assert res.exit_code == 0 and "directed dyads at state level" in " ".join(res.stderr.split())
    res = CliRunner().invoke(app, ["system", "--store", str(path), "--level", "county"])
    assert res.exit_code == 1 and "actor, state" in res.stderr
    res = CliRunner().invoke(app, ["system", "--store", str(path), "--level", "state", "--json"])
    assert json.loads(res.stdout)["level"] == "state"
    res = CliRunner().invoke(app, ["system", "--store", str(path), "--top", "1"])
    assert "1 shown of" in res.stdout and "Domestic events" in res.stdout


def test_document_triads_skip_an_actor_with_its_own_state_and_weigh_like_the_corpus():
    _, a = _doc("t1", "2024-01-10", [
        ("Premier Olek Varga praised the parliament of Hungary.", "varga", "hungary", "042"),
        ("Premier Olek Varga criticized Ana Petrescu again.", "varga", "petrescu", "111"),
        ("Leaders Hungary and Romania agreed on the crossing.", "hungary", "romania", "057"),
        ("Premier Ana Petrescu threatened Hungary with an embargo.", "petrescu", "hungary", "130", "conditional"),
        ("Premier Olek Varga consulted Romania on the plan.", "varga", "romania", "042"),
    ])
    a.relations = [Relation("olek-varga", "hungary", -1, "asserted", Span(0, 5, "x"))]
    signs = edge_signs(a)
    assert frozenset(("olek-varga", "hungary")) not in signs
    # the conditional threat counts at a quarter of its weight, and still signs the pair
    assert signs[frozenset(("ana-petrescu", "hungary"))] == -1
    for t in document_triads(a):
        assert not {"olek-varga", "hungary"} <= set(t.actors), t.reading


def test_date_bounds_compare_as_dates_not_as_text(tmp_path):
    """Every corpus view bounds dates through one ``levels.date_filter``: the bounds are inclusive and
    compared as dates, also when given as text without leading zeros or read from a text column."""
    import duckdb

    from diplograph.analysis.levels import date_filter

    con = open_reader(_store(tmp_path))
    # as text, '2024-01-10' >= '2024-1-11' and '2024-02-12' <= '2024-2-12' would both fail
    later = {(d["a"], d["b"]) for d in dyad_table(con, since="2024-1-11", until="2024-2-12")}
    assert later == {("ana-petrescu", "hungary"), ("hungary", "romania")}
    assert {(d["a"], d["b"]) for d in dyad_table(con, until="2024-1-10")} == {("olek-varga", "ana-petrescu")}
    mem = duckdb.connect()
    mem.execute("CREATE TABLE t (day VARCHAR)")
    mem.execute("INSERT INTO t VALUES ('2024-09-29'), ('2024-09-30'), ('2024-10-01'), ('2024-10-02')")
    sql, params = date_filter("2024-9-30", "2024-10-1", "day")
    assert mem.execute(f"SELECT day FROM t WHERE true {sql} ORDER BY day", params).fetchall() == \
        [("2024-09-30",), ("2024-10-01",)]
