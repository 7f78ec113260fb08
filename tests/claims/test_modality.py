import pytest

from diplograph.records import Document


@pytest.mark.parametrize("sentence,expected", [
    ("Freedonia attacked Sylvania.", "asserted"),
    ("Freedonia may have attacked Sylvania.", "hedged"),
    ("Freedonia did not attack Sylvania.", "negated"),
    ("Freedonia hopes to attack Sylvania.", "desired"),
])
def test_event_modality(pipeline, tmp_path, sentence, expected):

    f = tmp_path / "actors.txt"
    f.write_text("FREEDONIA_ [FRD]\nSYLVANIA_ [SYL]\n")
    from diplograph.pipeline import Options, Pipeline

    p = Pipeline(Options(actor_files=[f]))
    a = p.analyze_one(Document("t", sentence))
    pairs = [(e.source.code if e.source else None, e.target.code if e.target else None, e.modality) for e in a.events]
    assert ("FRD", "SYL", expected) in pairs, pairs


def test_cues_types(pipeline):
    cues = next(pipeline.cues([Document("c", "If the talks fail, Russia might not sign, officials said.")]))
    types = {c.type for c in cues}
    assert {"condition", "speculation", "negation", "attribution"} <= types
