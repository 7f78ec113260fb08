"""The writer's commitment: one sentence per signature (factive, implicative, neg-raising …), names made up."""
import pytest

from diplograph.claims.commitment import commitment_of

from .helpers import token


@pytest.mark.parametrize("sentence,word,expected", [
    # factives: the complement holds under negation and questions
    ("The regent did not realize that the rebels had seized the port.", "seized", "true"),
    ("Did the regent know that the rebels had seized the port?", "seized", "true"),
    ("The regent was not aware that the rebels had left.", "left", "true"),
    ("The regent forgot that he had signed the charter.", "signed", "true"),
    # two-way implicatives
    ("The regent managed to leave Zembla.", "leave", "true"),
    ("The regent did not manage to leave Zembla.", "leave", "false"),
    ("The regent failed to leave Zembla.", "leave", "false"),
    ("The regent did not fail to leave Zembla.", "leave", "true"),
    ("The regent forgot to sign the charter.", "sign", "false"),
    ("The regent refused to sign the charter.", "sign", "false"),
    ("The regent did not refuse to sign the charter.", "sign", "true"),
    # one-way implicatives
    ("The guards prevented the rebels from seizing the port.", "seizing", "false"),
    ("The regent was not able to sign the charter.", "sign", "false"),
    ("The regent could not sign the charter.", "sign", "false"),
    # neg-raising and non-factive belief verbs
    ("I don't think that the regent signed the charter.", "signed", "false"),
    ("I think that the regent signed the charter.", "signed", "uncertain"),
    ("The envoy said that the rebels seized the port.", "seized", "uncertain"),
    # counterfactive
    ("The regent pretended that the rebels had left.", "left", "false"),
    # operators: modals, future, conditions, questions, wishes
    ("The regent may have signed the charter.", "signed", "uncertain"),
    ("The regent will sign the charter.", "sign", "uncertain"),
    ("If the regent signs the charter, the war ends.", "ends", "uncertain"),
    ("If the regent signs the charter, the war ends.", "signs", "uncertain"),
    ("Did the regent sign the charter?", "sign", "uncertain"),
    ("The regent wants to sign the charter.", "sign", "uncertain"),
    # plain assertions, negations and presupposed clauses
    ("The regent signed the charter.", "signed", "true"),
    ("The regent did not sign the charter.", "sign", "false"),
    ("The regent, who signed the charter, left Zembla.", "signed", "true"),
])
def test_commitment_signature(nlp, sentence, word, expected):
    c = commitment_of(token(nlp(sentence), word))
    assert c.value == expected, (c.value, c.score)
    assert -1.0 <= c.score <= 1.0


def test_events_carry_commitment(pipeline):
    from diplograph.records import Document

    a = pipeline.analyze_one(Document("c", "Peru did not invade Chile. Peru invaded Bolivia."))
    found = {e.target.code: e.commitment for e in a.events if e.target}
    assert found.get("BOL", {}).get("value") == "true", found
    assert found.get("CHL", {}).get("value") == "false", found
