"""Name words and spelling-insensitive comparison of person names.

A person's name is compared word by word: each word (and each part of a hyphenated word,
and the hyphenated word whole) becomes a *unit* with two keys, its transliteration key
(``aliases.translit_key``: ``Nazarbaev`` ~ ``Nazarbayev``) and a consonant skeleton (vowels
dropped: ``Muhammad`` ~ ``Mohammed``, ``Jung`` ~ ``Jong``). Particles (``bin``, ``al``, ``da``)
are not units. Two names share a unit when one of the keys agrees.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import word_class
from .aliases import translit_key

PARTICLES = word_class("name_comparison_particles")


def skeleton(key: str) -> str:
    """Consonants of a transliteration key, vowels and glides dropped: ``muhamad`` → ``mhmd``, ``ahmed`` → ``hmd``."""
    return re.sub(r"[aeiouyw]", "", key)


@lru_cache(maxsize=65536)
def units(name: str) -> tuple[tuple[str, str], ...]:
    """(transliteration key, skeleton) of every word unit of a name, particles left out."""
    out: list[tuple[str, str]] = []
    for word in re.split(r"\s+", name.replace(".", " ").replace(",", " ").strip()):
        if not word:
            continue
        parts = [p for p in word.split("-") if p]
        for p in parts + ([word] if len(parts) > 1 else []):
            k = translit_key(p)
            if k and k not in PARTICLES:
                out.append((k, skeleton(k)))
    return tuple(out)


@lru_cache(maxsize=65536)
def vowel_fold(key: str) -> str:
    """A transliteration key with the vowels romanisations swap folded together (``e``/``i``,
    ``o``/``u``) and doubled letters collapsed: ``zaed`` (Zayed) ~ ``zaid`` (Zayid), ``jong`` ~ ``jung``.
    It keeps the vowels' places, so short words whose consonant skeleton is too short to compare
    (two consonants) still compare."""
    return re.sub(r"(.)\1+", r"\1", key.translate(_FOLD))


_FOLD = str.maketrans({"e": "i", "o": "u"})


def same_unit(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two name units spelt alike: the same key, the same consonant skeleton (three consonants or
    more), or the same vowel-folded key (three letters or more)."""
    if a[0] == b[0] or (len(a[1]) >= 3 and a[1] == b[1]):
        return True
    fa = vowel_fold(a[0])
    return len(fa) >= 3 and fa == vowel_fold(b[0])


_same = same_unit


def shared_units(a: str, b: str) -> int:
    """How many word units of ``a`` agree with some unit of ``b``."""
    ub = units(b)
    return sum(1 for u in units(a) if any(_same(u, v) for v in ub))


def name_keys(name: str) -> set[str]:
    """The transliteration keys of the name's units (for set tests)."""
    return {k for k, _ in units(name)}


def same_word(a: str, b: str) -> bool:
    """One name word spelt two ways (``Jong`` ~ ``Jung``, ``Mohammed`` ~ ``Muhammad``)."""
    ua, ub = units(a), units(b)
    return bool(ua and ub) and _same(ua[-1], ub[-1])


def h_dropped(a: str, b: str) -> bool:
    """One aspiration ``h`` next to a consonant written in one word and left out in the other (``Thaksin``/
    ``Taksin``, ``Trumph``/``Trump``), in words of four letters or more; or a final ``h`` (three letters or
    more before it)."""
    short, long_ = sorted((a, b), key=len)
    if len(short) < 3 or len(long_) != len(short) + 1:
        return False
    if long_[-1] == "h" and long_[:-1] == short:
        return True  # a final h written or left out (Aryeh/Arye, Chinh/Chin, Sarah/Sara): a romanisation's ending
    if len(short) < 4:
        return False
    for i, ch in enumerate(long_):
        if ch != "h" or long_[:i] + long_[i + 1:] != short:
            continue
        near = long_[i - 1:i] + long_[i + 1:i + 2]
        if any(c.isalpha() and c not in "aeiouy" for c in near):
            return True
    return False


def initial_c_j(a: str, b: str) -> bool:
    """Two transliteration keys that differ only in a first ``s`` (the key of ``c``) against ``j``: Turkic
    orthographies write the sound ``c`` that others write ``j`` (Cemal/Jemal, Ceyhun/Jeyhun). Five letters at
    least: short names that differ in their first letter are other names (Song/Jong)."""
    return len(a) >= 5 and len(a) == len(b) and a[1:] == b[1:] and {a[0], b[0]} == {"s", "j"}
