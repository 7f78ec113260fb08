"""Modality over the parse: which cues govern which event, and which one wins."""
import pytest

from .helpers import modality


@pytest.mark.parametrize("sentence,word,expected", [
    # negation: own clause, shared conjuncts, infinitives — never asserted
    ("The envoy did not openly criticize or condemn the junta.", "condemn", "negated"),
    ("The envoy did not criticize the junta, but praised its restraint.", "praised", "asserted"),
    ("Ruritania is not hoping to annex the valley.", "annex", "negated"),
    ("The rebels refused to surrender the town.", "surrender", "negated"),
    ("The minister said there was no need to mobilize the reserves.", "mobilize", "negated"),
    ("The army left without paying the villagers.", "paying", "negated"),
    ("I do not think that Osterlich attacked the convoy.", "attacked", "hedged"),
    # hedges: modals, adverbs, doxastic verbs, "seen as"
    ("Osterlich may have tried to bribe the mayor.", "bribe", "hedged"),
    ("Osterlich probably bribed the mayor.", "bribed", "hedged"),
    ("The visit can be seen as a threat to Elbonia.", "threat", "hedged"),
    ("Observers believe that Elbonia will recognize the regime.", "recognize", "hedged"),
    ("The blockade seems to have hurt the port.", "hurt", "hedged"),
    ("The army is capable of invading the province.", "invading", "hedged"),
    # the outermost cue wins: an asserted wish, a hedged attempt
    ("The king hoped that his neighbours would back the claim.", "back", "desired"),
    ("In order to weaken the rebels, the regent closed the border.", "weaken", "desired"),
    ("The regent plans to close the border.", "close", "future"),
    ("The regent will sign the treaty.", "sign", "future"),
    ("If the talks collapse, the regent will close the border.", "close", "conditional"),
    ("If the talks collapse, the regent will close the border.", "collapse", "conditional"),
    ("Will the regent close the border?", "close", "question"),
    # out of scope: adjuncts, relative clauses, factive complements, subjects
    ("By hosting the exiles, the regent may have tried to warn the king.", "hosting", "asserted"),
    ("The regent is not hoping to depose the king, who has managed to win the election.", "win", "asserted"),
    ("The regent knew that the king had arrested the envoy.", "arrested", "asserted"),
    ("Despite the pressure on the king, the regent did not resign.", "pressure", "asserted"),
    ("The envoy met the king.", "met", "asserted"),
])
def test_modality(nlp, sentence, word, expected):
    assert modality(nlp, sentence, word) == expected


@pytest.mark.parametrize("sentence,word,expected", [
    ("Moscow threatened to cut the gas supply.", "cut", "future"),
    ("The council urged both sides to withdraw their troops.", "withdraw", "desired"),
    ("Leave the city now!", "Leave", "desired"),  # an imperative: a directive, not a report
    ("Who provoked the clash?", "provoked", "asserted"),  # a wh-question presupposes its event
])
def test_directives_and_questions(nlp, sentence, word, expected):
    assert modality(nlp, sentence, word) == expected
