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


def _quote_source(nlp, text: str, word: str):
    from diplograph.claims.attribution import attribution_of, quotations
    from diplograph.claims.cues import find_cues
    from diplograph.claims.modality import cue_index

    from .helpers import token

    doc = nlp(text)
    index = cue_index(find_cues(doc))
    return attribution_of(token(doc, word), index, quotations(doc, index))


@pytest.mark.parametrize("text,word,expected,rule", [
    # the speaker is named in the next sentence, or in the previous one
    ("“The rebels burned the market.” The governor said so on Monday.", "burned", "The governor",
     "source.adjacent_quote"),
    ("The governor insisted on Monday. “The rebels burned the market.”", "burned", "The governor",
     "source.adjacent_quote"),
    ("The army arrived on Monday. “The rebels burned the market.”", "burned", None, None),
    # a colon after the reporting verb
    ("The governor said: “The rebels burned the market.”", "burned", "The governor", None),
])
def test_quotation_speaker_across_sentences(nlp, text, word, expected, rule):
    src = _quote_source(nlp, text, word)
    assert (src.text if src else None) == expected
    if rule is not None:
        assert src.rule == rule


@pytest.mark.parametrize("sentence,word,vague", [
    ("Some critics say the rebels seized the airport.", "seized", True),
    ("It is believed that the rebels seized the airport.", "seized", True),
    ("The rebels reportedly seized the airport.", "seized", True),
    ("Analysts said the rebels seized the airport.", "seized", True),
    ("The foreign minister said that the rebels seized the airport.", "seized", False),
    ("Ruritania's envoy said that the rebels seized the airport.", "seized", False),
])
def test_vague_sources_typed(nlp, sentence, word, vague):
    from diplograph.claims.attribution import attribution_of
    from diplograph.claims.cues import find_cues
    from diplograph.claims.modality import cue_index

    from .helpers import token

    doc = nlp(sentence)
    src = attribution_of(token(doc, word), cue_index(find_cues(doc)))
    assert src is not None and src.vague is vague, (src and src.text, src and src.vague)


def test_attribution_relations_of_a_document(nlp):
    from diplograph.claims.attribution_spans import attributions
    from diplograph.claims.cues import find_cues

    doc = nlp("Senator Blutarsky: The embargo has failed. The envoy accused Ruritania of shelling the port, "
              "and the minister tweeted that the talks were over.")
    found = {doc[r.cue[0]:r.cue[1]].text: (doc[r.source[0]:r.source[1]].text if r.source else None,
                                           doc[r.content[0]:r.content[1]].text if r.content else None)
             for r in attributions(doc, find_cues(doc))}
    assert found.get(":") == ("Senator Blutarsky", "The embargo has failed."), found
    assert found.get("tweeted") == ("the minister", "that the talks were over"), found
    assert found.get("accused", (None,))[0] == "The envoy", found
