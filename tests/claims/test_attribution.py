import pytest

from diplograph.records import Document

from .helpers import source


@pytest.mark.parametrize("sentence,word,expected", [
    ("Osterlich shelled the border town on Monday, officials said.", "shelled", "officials"),
    ("The foreign minister said that Osterlich had shelled the town.", "shelled", "The foreign minister"),
    ("According to the state news agency, the rebels seized the airport.", "seized", "the state news agency"),
    ("It is reported that the rebels seized the airport.", "seized", "It is reported"),
    ("Some say the rebels seized the airport.", "seized", "Some"),
    ("Observers believe that the rebels seized the airport.", "seized", "Observers"),
    ("The rebels reportedly seized the airport.", "seized", "reportedly"),
    ("The regent rejected the plan, arguing that it was not in line with the charter.", "was", "The regent"),
    ("We can infer that the regent feared a coup.", "feared", None),  # the author
    ("The rebels seized the airport.", "seized", None),
])
def test_source(nlp, sentence, word, expected):
    assert source(nlp, sentence, word) == expected


def test_attribution_names_the_actor(tmp_path):
    from diplograph.pipeline import Options, Pipeline

    f = tmp_path / "actors.txt"
    f.write_text("FREEDONIA_ [FRD]\nSYLVANIA_ [SYL]\nRUFUS_FIREFLY_ [FRDGOV]\n")
    p = Pipeline(Options(actor_files=[f]))
    a = p.analyze_one(Document("t", "Rufus Firefly said that Sylvania attacked Freedonia."))
    ev = [e for e in a.events if e.source and e.source.code == "SYL"]
    assert ev and ev[0].attribution is not None
    assert ev[0].attribution.text == "Rufus Firefly" and ev[0].attribution.actor is not None


def test_quotation_keeps_its_source(nlp):
    from diplograph.claims.attribution import attribution_of, quotations
    from diplograph.claims.cues import find_cues
    from diplograph.claims.modality import cue_index

    from .helpers import token

    doc = nlp("“The rebels shelled the town. They burned the market,” the governor said on Monday. "
              "The army arrived later.")
    index = cue_index(find_cues(doc))
    quotes = quotations(doc, index)
    src = attribution_of(token(doc, "burned"), index, quotes)
    assert src is not None and src.text == "the governor"
    assert attribution_of(token(doc, "arrived"), index, quotes) is None
