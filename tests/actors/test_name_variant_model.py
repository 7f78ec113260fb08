"""The learned acceptance of garbled name spellings (issue 15), on made-up name words."""
from __future__ import annotations

import json

import pytest

from diplograph.actors.variants import fuzzy_target, is_variant, variant_probability
from diplograph.data import data_path


@pytest.mark.parametrize("a, b", [
    ("Marandoski", "Maradnoski"),   # two neighbours swapped
    ("Tembulani", "Tembulanni"),    # a letter doubled
    ("Okonkwelo", "Okonkwlo"),      # a letter dropped inside the word
    ("Vasilenka", "Vasilenko"),     # -ka / -ko
    ("Abaraghan", "Abaragan"),      # -ghan / -gan
])
def test_garbled_spellings_are_variants(a, b):
    assert is_variant(a, b) and is_variant(b, a)


@pytest.mark.parametrize("a, b", [
    ("Kaminsky", "Kaminer"),        # another name sharing a stem
    ("Ivan", "Ivana"),              # a final vowel: another (the other gender's) name
    ("Doran", "Dorana"),
    ("Abel", "Abed"),               # short words: too many names are one edit apart
    ("Petrosian", "Petrakis"),
])
def test_other_names_are_not_variants(a, b):
    assert not is_variant(a, b)


def test_the_probability_orders_a_variant_above_another_name():
    assert variant_probability("Marandoski", "Maradnoski") > variant_probability("Marandoski", "Marinetti")


def test_the_model_file_says_how_it_was_fitted():
    m = json.loads(data_path("models", "name_variants.json").read_text(encoding="utf-8"))
    assert len(m["weights"]) == len(m["features"]) == len(m["mean"]) == len(m["scale"])
    assert 0 < m["threshold"] < 1 and m["cv"]["folds"] == 5 and m["cv"]["auc"] > 0.9


def test_a_garbled_surname_goes_to_the_one_person_it_fits_and_to_no_one_when_two_fit():
    one = fuzzy_target("Maradnoski", {"a": ["Teo", "Marandoski"], "b": ["Ilse", "Vandorn"]})
    assert one is not None and one.actor_id == "a"
    assert fuzzy_target("Maradnoski", {"a": ["Teo", "Marandoski"], "b": ["Ilse", "Marandosky"]}) is None


@pytest.mark.parametrize("a, b", [("Calvert", "Albert"), ("Yorana", "Borana"), ("Tesvani", "Desvanil")])
def test_a_word_starting_with_another_letter_is_not_a_variant(a, b):
    assert not is_variant(a, b)
