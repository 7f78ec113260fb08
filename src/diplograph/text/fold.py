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


class _Capitalised:
    """Does a word start with a capital letter of any alphabet (``İmamoğlu``, ``Özel``, ``Élysée`` as well as
    ``Smith``)? The pattern ``^[A-Z]`` read every name starting with an accented or Turkish capital as a
    common word, so a name lost that word. ``match`` keeps the interface of a compiled pattern (truthy or
    None), so the callers that held such a pattern read this one."""

    @staticmethod
    def match(word: str) -> bool | None:
        c = word[:1]
        if "A" <= c <= "Z":
            return True
        # A Latin capital only: the engine reads English, and every capitalised word of a story in another
        # script (a Cyrillic sentence opening) would otherwise look like a name.
        return True if c.isupper() and _latin(c) else None


@lru_cache(maxsize=1024)
def _latin(c: str) -> bool:
    return unicodedata.name(c, "").startswith("LATIN")


CAPITALISED = _Capitalised()
