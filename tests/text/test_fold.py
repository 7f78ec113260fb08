"""ASCII folding keeps the letters Unicode cannot decompose (made-up names)."""
from diplograph.actors.aliases import translit_key
from diplograph.actors.state import slug
from diplograph.text.fold import ascii_fold


def test_letters_without_decomposition_are_romanised_not_dropped():
    assert ascii_fold("Đorđe Lukač") == "Djordje Lukac"
    assert ascii_fold("Łukasz Wróbel") == "Lukasz Wrobel"
    assert ascii_fold("Søren Ødegård") == "Soren Odegard"
    assert ascii_fold("Plain Name") == "Plain Name"


def test_a_name_with_and_without_its_diacritics_is_one_key_and_one_id():
    assert translit_key("Đorđe Lukač") == translit_key("Djordje Lukac")
    assert slug("Đorđe Lukač") == slug("Djordje Lukac") == "djordje-lukac"
