from diplograph.analysis.dyads import dyad, trend
from diplograph.corpus.weights import MODALITY_WEIGHTS
from diplograph.analysis.system import system
from diplograph.store.duck import open_reader

from ..store.corpus_helpers import corpus


def test_weights_exclude_negated_and_wished_and_halve_hedged():
    assert MODALITY_WEIGHTS["negated"] == MODALITY_WEIGHTS["desired"] == 0
    assert 0 < MODALITY_WEIGHTS["hedged"] < MODALITY_WEIGHTS["asserted"] == 1


def test_trend_slope_and_change_point():
    t = trend([-10, -10, -10, -1, -1, -1])
    assert t["direction"] == "improving" and t["change_point"]["index"] == 3
    assert trend([2.0, 2.0, 2.0])["direction"] == "stable" and trend([1.0])["slope"] is None


def test_dyad_series_by_month_with_quads_and_trend(tmp_path):
    path, _ = corpus(tmp_path)
    d = dyad(open_reader(path), "Russian Federation", "UKR", by="month")
    s = d["a_to_b"]["series"]
    assert [p["period"] for p in s] == ["2023-01-01", "2023-02-01", "2023-03-01", "2023-04-01", "2023-05-01",
                                        "2023-06-01"]
    assert s[0]["quad"]["material_conflict"] == 1 and s[0]["goldstein"] == -10.0
    assert s[4]["events"] == 2 and s[4]["goldstein_mean"] == -1.0
    assert d["a_to_b"]["trend"]["direction"] == "improving"
    assert d["a_to_b"]["trend"]["change_point"]["period"] == "2023-04-01"
    assert d["evidence"] and d["b"]["id"] == "ukraine"


def test_negated_events_are_excluded_but_counted(tmp_path):
    path, _ = corpus(tmp_path)
    d = dyad(open_reader(path), "police@a3", "russian-federation")
    (p,) = d["a_to_b"]["series"]
    assert p["events"] == 0 and p["excluded"] == 1 and p["goldstein_mean"] is None


def test_system_lists_dyads_signs_and_the_triad(tmp_path):
    path, _ = corpus(tmp_path)
    s = system(open_reader(path))
    pairs = {(d["a"], d["b"]): d for d in s["dyads"]}
    assert pairs[("vladimir-putin", "nursultan-nazarbayev")]["events"] == 2
    assert pairs[("vladimir-putin", "nursultan-nazarbayev")]["sign"] == 1
    assert pairs[("russian-federation", "ukraine")]["sign"] == -1
    t = next(t for t in s["triads"] if set(t["actors"]) == {"vladimir-putin", "nursultan-nazarbayev",
                                                            "kassym-jomart-tokayev"})
    assert t["signs"].count(-1) == 2 and t["balanced"] and "signal to" in t["reading"]
    assert {a["id"] for a in s["actors"]} >= {"vladimir-putin", "kassym-jomart-tokayev"}
    later = system(open_reader(path), since=__import__("datetime").date(2023, 11, 1))
    assert ("russian-federation", "ukraine") not in {(d["a"], d["b"]) for d in later["dyads"]}


def test_the_writers_summaries_agree_with_the_events(tmp_path):
    from datetime import date

    from diplograph.analysis.system import signed_graph
    from diplograph.store.duck import StoreWriter

    from ..store.corpus_helpers import document, write

    path, _ = corpus(tmp_path)
    # a later batch that touches an existing dyad and adds a relation-only pair
    write(path, [document("b1", "2023-07-02", [("Russia shelled Ukrainian ports again overnight.", "russia", "ukraine",
                                                "190")], relations=[("tokayev", "ukraine", 1)])])
    con = open_reader(path)
    everything = date(1900, 1, 1)  # a date filter takes the path that reads the events themselves
    from diplograph.analysis.dyads import dyad_table
    assert dyad_table(con) == dyad_table(con, since=everything)
    assert signed_graph(con).edges == signed_graph(con, since=everything).edges
    con.close()
    w = StoreWriter(path)  # a full rebuild gives the same sums as the incremental refresh
    before = w.con.execute("SELECT * FROM dyad_summary ORDER BY a, b").fetchall()
    from diplograph.store.summary import rebuild
    rebuild(w.con)
    assert w.con.execute("SELECT * FROM dyad_summary ORDER BY a, b").fetchall() == before
    w.close()


def test_undated_events_are_a_last_row_not_lost(tmp_path):
    from ..store.corpus_helpers import document, write

    path, _ = corpus(tmp_path)
    write(path, [document("nodate", None, [("Russia attacked Ukraine's ports with drones.", "russia", "ukraine",
                                            "190")])])
    d = dyad(open_reader(path), "russian-federation", "ukraine")
    s = d["a_to_b"]["series"]
    assert s[-1]["period"] is None and s[-1]["events"] == 1
    assert d["a_to_b"]["events"] == 10 and d["a_to_b"]["trend"]["change_point"]["period"] == "2023-04-01"
