"""Whole-word matching of a query against names, for actor search in the CLI and the API alike:
``Putin`` finds ``Vladimir Putin`` and not ``Performance Computing``."""
from __future__ import annotations

import re

_WORD = re.compile(r"[^\W_]+")


def words_of(text: str) -> list[str]:
    """The words of a name or a query, case-folded (punctuation and hyphens split them)."""
    return _WORD.findall(text.casefold())


def word_key(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """A name prepared for :func:`matches_words` (its words as a set and in order)."""
    words = words_of(text)
    return frozenset(words), tuple(words)


def matches_words(query: str, key: tuple[frozenset[str], tuple[str, ...]], prefix_last: bool = True) -> bool:
    """Every word of ``query`` is a word of the key; with ``prefix_last`` the last may be the start
    of one (a query being typed). A query without words matches nothing."""
    words = words_of(query)
    if not words:
        return False
    whole, ordered = key
    *done, last = words
    if not all(w in whole for w in done):
        return False
    return last in whole or (prefix_last and any(k.startswith(last) for k in ordered))
