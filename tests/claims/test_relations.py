"""Relation states over hand-made texts with a small actor dictionary."""
import pytest

from diplograph.records import Document


@pytest.fixture(scope="module")
def analyze(tmp_path_factory):
    from diplograph.pipeline import Options, Pipeline

    f = tmp_path_factory.mktemp("rel") / "actors.txt"
    f.write_text("FREEDONIA_ [FRD]\nSYLVANIA_ [SYL]\nOSTERLICH_ [OST]\n")
    p = Pipeline(Options(actor_files=[f]))
    return lambda text: p.analyze_one(Document("r", text))


def _signs(a):
    ids = {x.id: x.code for x in a.actors}
    return {(frozenset((ids[r.a], ids[r.b])), r.sign, r.modality) for r in a.relations}


@pytest.mark.parametrize("text,pair,sign", [
    ("Relations between Freedonia and Sylvania were strained.", {"FRD", "SYL"}, -1),
    ("Freedonia's relations with Sylvania are not harmonious.", {"FRD", "SYL"}, -1),
    ("Freedonia and Sylvania are close allies.", {"FRD", "SYL"}, 1),
    ("Freedonia is a rival of Sylvania.", {"FRD", "SYL"}, -1),
    ("The rapprochement between Freedonia and Osterlich surprised Sylvania.", {"FRD", "OST"}, 1),
    ("Freedonia accused Sylvania of spying. Tension between the two sides grew.", {"FRD", "SYL"}, -1),
    ("Freedonia's ties with Sylvania have improved.", {"FRD", "SYL"}, 1),
])
def test_relation_state(analyze, text, pair, sign):
    found = _signs(analyze(text))
    assert (frozenset(pair), sign, "asserted") in found, found


def test_hedged_relation(analyze):
    found = _signs(analyze("Relations between Freedonia and Sylvania may be strained."))
    assert (frozenset({"FRD", "SYL"}), -1, "hedged") in found, found


def test_a_name_is_no_relationship(analyze):
    a = analyze("Freedonia joined the Sylvania Pipeline alliance route talks.")
    assert not a.relations


@pytest.mark.parametrize("text,pair,sign", [
    ("Relations between Freedonia and Sylvania have probably never been this bad.", {"FRD", "SYL"}, -1),
    ("Relations between Freedonia and Sylvania are at their lowest point in decades.", {"FRD", "SYL"}, -1),
    ("Ties between Freedonia and Sylvania have reached a freezing point.", {"FRD", "SYL"}, -1),
    ("Freedonia's relations with Sylvania have never been so close.", {"FRD", "SYL"}, 1),
    ("Freedonia's relations with Sylvania are not close.", {"FRD", "SYL"}, -1),
    ("Freedonia accused Sylvania of spying. Relations between the two neighbours are strained.", {"FRD", "SYL"}, -1),
    ("Freedonia accused Sylvania of spying. Ties between the two monarchies reached a freezing point.", {"FRD", "SYL"},
     -1),
])
def test_relation_comparison(analyze, text, pair, sign):
    found = {(p, s) for p, s, _ in _signs(analyze(text))}
    assert (frozenset(pair), sign) in found, found


def test_superlative_is_not_a_negated_relation(analyze):
    found = _signs(analyze("Relations between Freedonia and Sylvania have never been this bad."))
    assert (frozenset({"FRD", "SYL"}), -1, "asserted") in found, found
