from datetime import date

from diplograph.corpus.dedup import Cluster, Mention, assign, similarity
from diplograph.corpus.weights import best_modality


def m(i, text, d, a="rus", b="ukr", root="19", doc=None):
    return Mention(i, doc or i, doc or i, a, b, root, d, "asserted", text)


def test_similarity_separates_reports_of_one_event_from_other_events():
    x = "Russian forces shelled Kharkiv overnight, killing four civilians, officials said."
    y = "Four civilians were killed when Russian forces shelled Kharkiv overnight."
    z = "Russia's navy blockaded the port of Odesa, cutting grain exports."
    assert similarity(x, y) >= 0.5 > similarity(x, z)


def test_assign_groups_by_actors_root_window_and_text():
    t = "Russian forces shelled Kharkiv overnight, killing four civilians."
    ms = [m("1", t, date(2024, 3, 1)), m("2", "Overnight Russian shelling of Kharkiv killed four civilians.", date(2024, 3, 2)),
          m("3", t, date(2024, 3, 20)),                        # outside the window
          m("4", t, date(2024, 3, 1), a="ukr", b="rus"),       # the other direction
          m("5", t, date(2024, 3, 1), root="04"),              # another CAMEO root
          m("6", "Russia's navy blockaded the port of Odesa.", date(2024, 3, 1))]  # another event
    out, created = assign(ms, [])
    assert out["2"][0] == out["1"][0] == "1"
    assert {out[k][0] for k in "3456"} == {"3", "4", "5", "6"}
    assert len(created) == 5


def test_assign_joins_existing_clusters_and_undated_needs_near_identical_text():
    c = Cluster("old", "rus", "ukr", "19", date(2024, 3, 1), ["Russian forces shelled Kharkiv overnight."])
    out, created = assign([m("n", "Russian forces shelled Kharkiv overnight, officials said.", date(2024, 2, 28)),
                           m("u", "Russia shelled something somewhere.", None)], [c])
    assert out["n"][0] == "old" and c.date == date(2024, 2, 28)
    assert out["u"][0] == "u" and [x.id for x in created] == ["u"]


def test_best_modality_prefers_the_assertion():
    assert best_modality(["hedged", "asserted", "negated"]) == "asserted"
    assert best_modality(["negated", "desired"]) == "desired"
