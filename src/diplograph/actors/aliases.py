"""Aliases within one document: transliteration keys, honorific nicknames, acronyms, fuzzy names.

Every matcher here compares a new name only with the actors already present in the same
document (never with the whole knowledge base), and says how sure it is.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache


from ..data import data_path
from ..lexicon import table
from ..text.fold import ascii_fold

# Spelling variation common in romanised Russian, Turkic, Arabic and Chinese names (data/kb/transliteration.tsv).
_TRANSLIT_RE = [(re.compile(r["pattern"]), r["replacement"]) for r in table("kb", "transliteration.tsv")]


# Names written in the Turkish or Azerbaijani alphabet (a letter only they have) spell c and x as those languages say
# them (data/lexicons/turkic_romanisation.tsv): Hacı = Haji, Xəlilov = Khalilov.
_TURKIC_MARKS = frozenset("çşğıİəÇŞĞƏ")
_TURKIC = {ord(r["letter"]): r["romanisation"] for r in table("lexicons", "turkic_romanisation.tsv")}


@lru_cache(maxsize=1 << 16)  # a dozen regular expressions per call; the same names recur in every document
def translit_key(name: str) -> str:
    """A spelling-insensitive key: ``Nazarbayev``, ``Nazarbaev`` → ``nazarbaev``."""
    if not name.isascii() and _TURKIC_MARKS.intersection(name):
        name = name.translate(_TURKIC)  # one person's name is written in one alphabet
    s = ascii_fold(name).lower().strip()
    for rx, rep in _TRANSLIT_RE:
        s = rx.sub(rep, s)
    return s


def surname_of(name: str) -> str:
    """The family name of a full name: the last word, particles kept attached."""
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    return words[-1] if words else name


@lru_cache(maxsize=1)
def honorific_prefixes() -> dict[str, str]:
    """Prefix word → gloss (``Lao`` → old), from ``data/kb/honorifics.tsv``."""
    out: dict[str, str] = {}
    with data_path("kb", "honorifics.tsv").open(encoding="utf-8") as fh:
        for row in csv.reader((l for l in fh if l.strip() and not l.startswith("#")), delimiter="\t"):
            if row[0] != "prefix":
                out[row[0].lower()] = row[1] if len(row) > 1 else ""
    return out


@dataclass
class AliasMatch:
    actor_id: str
    confidence: float


def nickname_target(prefix: str, syllable: str, people: dict[str, list[str]],
                    salience: dict[str, int]) -> AliasMatch | None:
    """``Lao`` + ``Na`` → the in-document person one of whose names begins with ``Na``.

    ``people`` maps actor id → its name words. Several candidates: the most salient wins,
    with lower confidence.
    """
    if prefix.lower() not in honorific_prefixes() or not (1 <= len(syllable) <= 5):
        return None
    syl = syllable.lower()
    cands = [aid for aid, words in people.items() if any(w.lower().startswith(syl) and len(w) > len(syl)
                                                          for w in words)]
    if not cands:
        return None
    cands.sort(key=lambda a: -salience.get(a, 0))
    conf = 0.75 if len(cands) == 1 else 0.5
    # A surname start is the usual form (Lao Na = Nazarbayev); a given name start is weaker.
    if not people[cands[0]][-1].lower().startswith(syl):
        conf -= 0.15
    return AliasMatch(cands[0], conf)


def acronym_fits(acronym: str, words: list[str]) -> bool:
    """An acronym defined in the text matches the initials of the words it follows (in order, gaps allowed)."""
    letters = [w[0].upper() for w in words if w[:1].isalpha()]
    a = acronym.upper().replace(".", "")
    if len(a) < 2:
        return False
    # Every letter of the acronym must be the initial of a word, in order.
    j = 0
    for ch in a:
        while j < len(letters) and letters[j] != ch:
            j += 1
        if j == len(letters):
            return False
        j += 1
    return True
