"""A person's gender from the form of their name (``names.name_gender``): given names in -a are women's unless the
class of men's given names in -a lists them."""
from __future__ import annotations

from diplograph.actors.names import name_gender
from diplograph.lexicon import word_class


def test_every_listed_mans_name_ends_in_a() -> None:
    # the class is only read for given names in -a: an entry in another letter is never read
    assert all(w.endswith("a") for w in word_class("male_given_names_in_a"))


def test_a_womans_given_name_in_a_is_a_womans() -> None:
    assert name_gender("Aminata Korvelle", "Aminata Korvelle spoke.", []) == "f"
    assert name_gender("Idrissa Korvelle", "Idrissa Korvelle spoke.", []) == "m"
