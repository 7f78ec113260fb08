"""ASCII folding of names: accents dropped, and the letters Unicode cannot decompose written as
their languages romanise them (``Đuro`` → ``Djuro``, ``Støre`` → ``Store``), so that a name typed
with and without its diacritics gives one key and one actor id."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..lexicon import table


@lru_cache(maxsize=1)
def _letter_folds() -> dict[int, str]:
    return {ord(r["letter"]): r["ascii"] for r in table("lexicons", "letter_folds.tsv") if len(r["letter"]) == 1}


def ascii_fold(text: str) -> str:
    """``Đuro Macut`` → ``Djuro Macut``; ASCII text is returned as it is."""
    if text.isascii():
        return text
    t = unicodedata.normalize("NFKD", text.translate(_letter_folds()))
    return t.encode("ascii", "ignore").decode()
