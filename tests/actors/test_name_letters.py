"""Names written with letters of other alphabets stay whole and meet their plain spellings (issue 15), with
made-up names: a capital of any alphabet starts a name word (Turkish İ/Ö/Ç/Ş, accented Latin capitals)."""
from __future__ import annotations

import pytest

from diplograph.text.fold import CAPITALISED

from .test_name_integrity import owner


@pytest.mark.parametrize("word", ["İlkerbay", "Özdarcan", "Çakırsoy", "Şenkaya", "Ébrard", "Ümitcan", "Łowicki",
                                  "Smith"])
def test_a_capital_of_any_alphabet_starts_a_name_word(word):
    assert CAPITALISED.match(word)


@pytest.mark.parametrize("word", ["ılık", "öğle", "élan", "smith", "42", ""])
def test_a_small_letter_does_not(word):
    assert not CAPITALISED.match(word)


@pytest.mark.parametrize("word", ["Когда", "Если", "Όταν"])
def test_a_capital_of_another_script_does_not(word):
    # The engine reads English: a sentence of a story in another script is no run of names.
    assert not CAPITALISED.match(word)


FRAMES = ["The Ankara ** {full} was arrested in March. New cases against {alone} appear every week.",
          "The party ** {full} has turned his party into a protest movement. A court removed {alone} from his post."]


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("full, alone", [
    ("Ömer Özdarcan", "Özdarcan"),
    ("Çağan İlkerbay", "İlkerbay"),
    ("Şule Çakırsoy", "Çakırsoy"),
    ("Ümit Şenkaya", "Şenkaya"),
])
def test_a_surname_with_a_non_ascii_capital_stays_in_the_name_and_links_back(pipeline, frame, full, alone):
    text = frame.format(full=full, alone=alone)
    first = owner(pipeline, text, full)
    assert first is not None and first.type == "person" and alone in first.name
    later = owner(pipeline, text, alone, nth=2)
    assert later is not None and later.id == first.id


def test_a_garbled_spelling_of_such_a_surname_is_the_same_person(pipeline):
    text = ("The opposition leader Selin Özdarcan spoke before supporters in Varnia on Sunday. "
            "Two days later Ozdarcan told reporters that the court case was political, "
            "and Özdurcan repeated it on television.")
    first = owner(pipeline, text, "Selin Özdarcan")
    assert first is not None and first.type == "person"
    assert owner(pipeline, text, "Ozdarcan").id == first.id
    assert owner(pipeline, text, "Özdurcan").id == first.id
