"""The lexicon loader: ordered word classes."""
from __future__ import annotations

import pytest

from diplograph import lexicon


def test_word_list_keeps_the_file_order_and_word_class_the_same_entries():
    preps = lexicon.word_list("target_preps")
    assert preps[:2] == ("with", "to") and preps.index("to") < preps.index("of")
    assert set(preps) == lexicon.word_class("target_preps") and len(preps) == len(set(preps))


def test_word_list_of_a_missing_class_is_an_error():
    with pytest.raises(lexicon.LexiconError):
        lexicon.word_list("no_such_class")


def test_every_word_class_says_what_it_is():
    for name in lexicon.word_classes():
        path = lexicon.data_path("lexicons", "classes", f"{name}.txt")
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# ") and len(first) > 20, name
