import pytest

from diplograph.claims.cues import cue_lexicon, find_cues
from diplograph.records import CUE_TYPES, Document


def _cues(nlp, text):
    doc = nlp(text)
    return [(doc[c.start:c.end].text, c.type) for c in find_cues(doc)]


@pytest.mark.parametrize("text,cue", [
    ("Ruritania may have shelled the port.", ("may", "speculation")),
    ("The envoy was apparently recalled.", ("apparently", "speculation")),
    ("Analysts suspect that Osterlich funded the rebels.", ("suspect", "speculation")),
    ("The move can be seen as a concession.", ("can be seen as", "speculation")),
    ("It is believed that the minister resigned.", ("It is believed", "speculation")),
    ("The rebels allegedly looted the depot.", ("allegedly", "speculation")),
    ("The army did not withdraw.", ("not", "negation")),
    ("The ministry denied the report.", ("denied", "negation")),
    ("Troops left without firing a shot.", ("without", "negation")),
    ("Unless the talks resume, the embassy closes.", ("Unless", "condition")),
    ("The president wants to visit Elbonia.", ("wants", "desire")),
    ("Parliament intends to ratify the treaty.", ("intends", "desire")),
    ("The delegation will arrive on Friday.", ("will", "future")),
    ("The government plans to expel the envoy.", ("plans", "future")),
    ("Some say the deal is dead.", ("Some say", "attribution")),
    ("According to the agency, the talks failed.", ("According to", "attribution")),
    ("Did the army withdraw?", ("?", "question")),
])
def test_cue_found(nlp, text, cue):
    assert cue in _cues(nlp, text)


@pytest.mark.parametrize("text,word", [
    ("The summit took place in May.", "May"),  # the month is no modal
    ("The plan was leaked.", "plan"),  # a plan with no clause under it
    ("The state media reported nothing.", "state"),  # a noun, not the verb "state"
    ("He could not be reached for comment.", "could"),  # inability: the "not" is the cue
    ("The firm will assume the debt.", "assume"),  # taking on, not supposing
])
def test_not_a_cue(nlp, text, word):
    assert word not in [t for t, _ in _cues(nlp, text)]


def test_reported_would_is_future(nlp):
    assert ("would", "future") in _cues(nlp, "The ministry said it would close the border.")
    assert ("would", "condition") in _cues(nlp, "A blockade would hurt the economy.")


def test_lexicon_types_are_valid():
    assert {e.type for e in cue_lexicon().values()} <= set(CUE_TYPES)


def test_offsets_slice_the_input(pipeline):
    text = "If talks fail,  Ruritania   might not sign, officials said."
    cues = next(pipeline.cues([Document("x", text)]))
    assert cues and all(text[c.start:c.end] == c.text for c in cues)


@pytest.mark.parametrize("text,cue,scope", [
    ("The envoy did not openly criticize or condemn the junta, but praised it.", "not",
     "openly criticize or condemn the junta"),
    ("The army left without firing a shot.", "without", "firing a shot"),
    ("If the talks fail, the envoy leaves.", "If", "the talks fail"),
    ("The king hoped that his allies would back the claim.", "hoped", "that his allies would back the claim"),
    ("According to the agency, the rebels seized the airport.", "According to", "the rebels seized the airport"),
])
def test_cue_scope(pipeline, text, cue, scope):
    cues = next(pipeline.cues([Document("s", text)]))
    found = {c.text: c.scope.text if c.scope else None for c in cues}
    assert found.get(cue) == scope, found
    assert all(text[c.scope.start:c.scope.end] == c.scope.text for c in cues if c.scope)
