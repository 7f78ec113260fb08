"""The learned antecedent chooser of definite descriptions (actors/antecedents.py), with made-up people
and sentences."""
from __future__ import annotations

import pytest

from diplograph.actors import antecedents
from diplograph.records import Document


def owner(pipeline, text: str, mention: str, on: str = "2024-03-01"):
    a = pipeline.analyze_one(Document("t", text, on))
    for x in a.actors:
        for m in x.mentions:
            if m.text == mention:
                return x, m
    return None, None


def test_the_shipped_model_reads_the_features_the_code_computes():
    m = antecedents.model()
    assert m["features"] == list(antecedents.FEATURES)
    assert len(m["coef"]) == len(antecedents.FEATURES)
    assert 0.0 < m["threshold"] < 1.0
    # cross-validated by set over the build sets, never on b1-b4 nor the validation sets i, j, k, l
    assert set(m["loso"]) == {"a", "c", "d", "e", "f", "g", "h", "m", "n", "q", "r"}


@pytest.mark.parametrize("text, mention, who", [
    ("Paulo Renner travelled to the coast on Friday. Critics say the former shipyard welder has lost touch "
     "with the unions.", "the former shipyard welder", "Paulo Renner"),
    ("Petra Halvorsen has run the central bank for six years, and the soft-spoken economist rarely gives "
     "interviews.", "the soft-spoken economist", "Petra Halvorsen"),
    ("Aurel Costin returned from exile in March. Since then the former trawlerman has toured the northern "
     "provinces.", "the former trawlerman", "Aurel Costin"),
    ("Supporters of Dario Venn gathered outside the court. The veteran cleric told them to go home.",
     "The veteran cleric", "Dario Venn"),
])
def test_a_description_refers_back_to_the_person_named_before(pipeline, text, mention, who):
    x, m = owner(pipeline, text, mention)
    assert x is not None and x.type == "person" and x.name == who
    assert m.rule == "mention.descriptor_salient"


def test_the_object_of_a_persons_own_clause_is_someone_else(pipeline):
    text = "Mira Solberg defeated the veteran candidate in the second round of the vote."
    x, _ = owner(pipeline, text, "the veteran candidate")
    assert x is None or x.name != "Mira Solberg"


def test_a_restrictive_modifier_picks_out_someone_new(pipeline):
    text = "Oskar Velde met the press in Brevna. The policeman at the door said nothing."
    x, _ = owner(pipeline, text, "The policeman")
    assert x is None or x.type != "person"


def test_a_quoted_nickname_is_not_a_description(pipeline):
    text = 'Kasimir Lund, still called "the Professor" by his students, opened the congress.'
    x, m = owner(pipeline, text, "the Professor")
    assert m is None or m.rule != "mention.descriptor_salient"


def test_no_person_before_leaves_the_description_alone(pipeline):
    text = "The former goalkeeper opened a bakery in the old town last spring."
    x, _ = owner(pipeline, text, "The former goalkeeper")
    assert x is None or x.type != "person"


def test_a_post_names_its_holder_not_the_last_person(pipeline):
    text = "Lena Moravec spoke to reporters in the capital. The provincial governor later cancelled the visit."
    x, _ = owner(pipeline, text, "The provincial governor")
    assert x is None or x.name != "Lena Moravec"


def test_a_description_inside_a_quotation_is_the_speakers(pipeline):
    text = 'Ivo Brandt left the court on Monday. "The soft-spoken economist was fair," a lawyer said.'
    x, _ = owner(pipeline, text, "The soft-spoken economist")
    assert x is None or x.name != "Ivo Brandt"


def test_a_ranked_description_picks_out_someone_else(pipeline):
    text = "Anja Keller won the race on Sunday. The second-fastest runner finished a minute later."
    x, _ = owner(pipeline, text, "The second-fastest runner")
    assert x is None or x.name != "Anja Keller"
