"""Structural balance on hand-made signed graphs."""
from diplograph.analysis.network import SignedGraph, balance, frustration, triad_reading, triads


def g(*edges):
    return SignedGraph({frozenset((a, b)): (s, 1) for a, b, s in edges})


def test_triad_balance_follows_the_sign_product():
    cases = {(1, 1, 1): True, (1, -1, -1): True, (1, 1, -1): False, (-1, -1, -1): False}
    for (ab, bc, ac), balanced in cases.items():
        (t,) = triads(g(("A", "B", ab), ("B", "C", bc), ("A", "C", ac)))
        assert t["signs"] == [ab, bc, ac] and t["balanced"] is balanced


def test_readings_say_who_signals_to_whom():
    names = {"p": "Putin", "n": "Nazarbayev", "t": "Tokayev"}
    text = triad_reading(names, ("n", "p", "t"), (1, -1, -1))
    assert "Nazarbayev and Putin stand together against Tokayev" in text
    assert "read as a signal to Tokayev" in text
    assert "Unbalanced" in triad_reading(names, ("n", "p", "t"), (1, 1, -1))


def test_frustration_index_on_known_graphs():
    # balanced: two camps {A, B} and {C, D}
    camps = g(("A", "B", 1), ("C", "D", 1), ("A", "C", -1), ("A", "D", -1), ("B", "C", -1), ("B", "D", -1))
    assert frustration(camps)["frustration"] == 0
    # an all-negative triangle needs one change
    assert frustration(g(("A", "B", -1), ("B", "C", -1), ("A", "C", -1)))["frustration"] == 1
    # K4 all negative: best split 2+2 leaves 2 frustrated edges
    k4 = g(*[(a, b, -1) for a, b in (("A", "B"), ("A", "C"), ("A", "D"), ("B", "C"), ("B", "D"), ("C", "D"))])
    f = frustration(k4)
    assert f["frustration"] == 2 and f["exact"] and f["edges"] == 6
    # two disjoint unbalanced triangles add up
    two = g(("A", "B", 1), ("B", "C", 1), ("A", "C", -1), ("X", "Y", 1), ("Y", "Z", 1), ("X", "Z", -1))
    b = balance(two)
    assert b["frustration"] == 2 and b["triads"] == 2 and b["balanced_triads"] == 0


def test_local_search_bound_on_a_large_balanced_graph_is_exact_zero():
    left, right = [f"L{i}" for i in range(12)], [f"R{i}" for i in range(12)]
    edges = [(a, b, 1) for i, a in enumerate(left) for b in left[i + 1:]]
    edges += [(a, b, 1) for i, a in enumerate(right) for b in right[i + 1:]]
    edges += [(a, b, -1) for a in left for b in right]
    f = frustration(g(*edges))
    assert not f["exact"] and f["frustration"] == 0


def test_scores_from_both_directions_add_up():
    sg = SignedGraph.from_scores([("A", "B", 5.0, 2), ("B", "A", -7.0, 1), ("A", "C", 0.0, 3)])
    assert sg.sign("A", "B") == -1 and sg.edges[frozenset("AB")][1] == 3
    assert sg.sign("A", "C") is None
