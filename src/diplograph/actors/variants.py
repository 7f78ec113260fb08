"""Is one name word a garbled or other spelling of another? A learned acceptance (issue 15).

The rules that compare a name with the document's own people (``identity.link_partial_names``,
``fuzzy_target`` below) first try what the transliteration table says (the same key, the same
consonant skeleton, vowels folded); beyond that a spelling is accepted when this scorer says so:
a logistic regression over distances between the two words (edit distance with and without
transpositions, on the transliteration keys, on vowel-folded keys and on consonant skeletons;
Jaro-Winkler; the first letters and last letter; the lengths; changed consonants). Its weights and
acceptance threshold are fitted by ``scripts/fit_name_variants.py`` on generated pairs only: spelling
variants made from the leader tables' name words by the edits romanisations and typists make (a vowel
changed, a letter doubled or dropped or added, two letters swapped, -ka/-ko, -gh-/-g-, j/y, kh/h, an
aspiration h) against the closest OTHER name words of the same tables, with five-fold cross-validation
grouped by word (figures in ``data/models/name_variants.json``). No article or dev record is used.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache

from rapidfuzz.distance import OSA, JaroWinkler, Levenshtein

from ..data import data_path
from ..text.fold import ascii_fold
from .aliases import AliasMatch, translit_key
from .spelling import h_dropped, skeleton, vowel_fold

# First letters romanisations write for one sound (Khurelsukh/Hurelsukh, Yusuf/Jusuf, Wali/Vali).
_FIRST = [set("khxqgc"), set("jyi"), set("vwb"), set("szc"), set("td"), set("fp")]
_VOWELS = set("aeiouy")

FEATURES = ("lev", "osa", "lev_fold", "lev_skeleton", "jaro_winkler", "same_start", "same_two", "same_last",
            "short", "length_gap", "consonants_changed", "osa_count_short")


def _same_start(a: str, b: str) -> bool:
    return a[:1] == b[:1] or any(a[:1] in c and b[:1] in c for c in _FIRST)


def features(a: str, b: str) -> list[float]:
    """The features of two name words (any case, any accents): see ``FEATURES``."""
    ka, kb = translit_key(a), translit_key(b)
    if not ka or not kb:
        return [1.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0]
    sa, sb = skeleton(ka), skeleton(kb)
    n = min(len(ka), len(kb))
    changed = sum(1 for op in Levenshtein.editops(ka, kb) if op.tag == "replace"
                  and ka[op.src_pos] not in _VOWELS and kb[op.dest_pos] not in _VOWELS)
    osa = OSA.distance(ka, kb)
    return [
        Levenshtein.normalized_distance(ka, kb),
        OSA.normalized_distance(ka, kb),
        Levenshtein.normalized_distance(vowel_fold(ka), vowel_fold(kb)),
        Levenshtein.normalized_distance(sa, sb) if (sa or sb) else 0.0,
        JaroWinkler.similarity(ka, kb),
        1.0 if _same_start(ka, kb) else 0.0,
        1.0 if ka[:2] == kb[:2] else 0.0,
        1.0 if ka[-1] == kb[-1] else 0.0,
        min(n, 12) / 12,
        min(abs(len(ka) - len(kb)), 4) / 4,
        min(changed, 3) / 3,
        min(osa, 4) / max(n, 1),
    ]


@lru_cache(maxsize=1)
def _model() -> dict:
    with data_path("models", "name_variants.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def variant_probability(a: str, b: str) -> float:
    """How likely ``b`` is ``a`` spelt another way (0-1)."""
    m = _model()
    z = m["bias"] + sum(w * (x - mu) / sd for w, x, mu, sd in zip(m["weights"], features(a, b), m["mean"], m["scale"]))
    return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1 << 14)
def is_variant(a: str, b: str) -> bool:
    """``b`` is a spelling of ``a`` by the fitted threshold; words under four letters never are (too many
    short names are one edit apart), nor a word that is the other and a final vowel, nor one starting with
    another letter (``Calvert``/``Albert``, ``Song``/``Jong``)."""
    ka, kb = translit_key(a), translit_key(b)
    if ka == kb:
        return True  # the transliteration table already equates them
    if min(len(ka), len(kb)) < 4:
        return False
    if not _same_start(ka, kb):
        return False  # the generated variants keep the first letter (or one romanisations swap for it)
    short, long_ = sorted((ka, kb), key=len)
    if long_.startswith(short) and long_[len(short)] in "aeiouy":
        return False  # a vowel added at the end makes another name (Ivan/Ivana, Mari/Maria)
    return variant_probability(a, b) >= _model()["threshold"]


def fuzzy_target(name: str, people: dict[str, list[str]]) -> AliasMatch | None:
    """A garbled or alternative spelling of an in-document person's surname.

    Compared on transliteration keys. A variant spelling by the learned acceptance
    (``variants.is_variant``, fitted on generated pairs) gets 0.6–0.9, when one person fits (or one
    fits far better than the others). A looser one (the first two letters agree, Jaro-Winkler
    ≥ 0.75, lengths within two letters: ``Naksharov`` ~ ``Nazarbayev``) gets at most 0.45
    and only when a single person of the document fits, so unrelated names do not merge.
    """
    key = translit_key(name)
    if len(key) < 4:
        return None
    close: list[tuple[float, str]] = []
    loose: list[tuple[float, str]] = []
    for aid, words in people.items():
        other = translit_key(words[-1])
        if len(other) < 4 or other[0] != key[0] or other == key:
            continue
        if abs(len(other) - len(key)) <= 3 and is_variant(key, other):
            close.append((variant_probability(key, other), aid))
        elif h_dropped(ascii_fold(name).lower(), ascii_fold(words[-1]).lower()):
            close.append((0.9, aid))  # an aspiration h written or left out (Trumph, Taksin): a romanisation
        elif (other[:2] == key[:2] and abs(len(other) - len(key)) <= 2 and min(len(key), len(other)) >= 7
              and JaroWinkler.similarity(key, other) >= 0.75):
            loose.append((JaroWinkler.similarity(key, other), aid))
    if len(close) == 1 or (len(close) > 1 and sorted(close)[-1][0] - sorted(close)[-2][0] >= 0.2):
        prob, aid = max(close)
        return AliasMatch(aid, round(0.6 + 0.3 * prob, 2))
    if close:
        return None  # two people of the document fit: neither
    if len(loose) == 1 and not close:
        return AliasMatch(loose[0][1], round(min(0.45, 0.3 + (loose[0][0] - 0.75)), 2))
    return None
