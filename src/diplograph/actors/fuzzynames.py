"""Fuzzy names with context: a name the leader tables do not list as written is matched to an
office holder of a state the document names, by transliteration-aware similarity.

``Sheinbaun``, ``Mohamed bin Zayed``, ``Shahbaz Sharif``: the tables index people by the exact
transliteration key of their family name, so a misspelt or differently romanised name finds no
tenure. ``mention.person_leader_fuzzy`` compares the name instead with the people who hold an
office on the document date in the states the document names (its nationalities, state names and
the name's own role): every distinctive word of the text's name must agree with a word of the
holder's name (``spelling.same_unit``, or one edit in a word of five letters or more, two in a word
of eight or more, the first letter kept), and the last word must be among them. It is accepted only
when exactly one person fits; otherwise the name stays a new actor.

``canonical_name`` gives the tables' spelling to a person the text writes another way, so that the
misspelling and the right spelling are one actor under one name.
"""
from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from .aliases import translit_key
from .leaders import Tenure, load_leaders
from .spelling import same_unit, units
from .state import State, state_of_span


# First letters romanisations write for one sound (Khurelsukh/Hurelsukh, Yusuf/Jusuf, Wali/Vali).
_FIRST = [set("khxqgc"), set("jyi"), set("vwb"), set("szc"), set("td"), set("fp")]


def _same_start(a: str, b: str) -> bool:
    return a[:1] == b[:1] or any(a[:1] in c and b[:1] in c for c in _FIRST)


def close_unit(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two name words spelt alike, or one edit apart in a word of five letters or more (two in a
    word of eight or more), starting with the same letter or one romanisations swap for it."""
    if same_unit(a, b):
        return True
    n = min(len(a[0]), len(b[0]))
    return n >= 5 and _same_start(a[0], b[0]) and Levenshtein.distance(a[0], b[0]) <= (1 if n < 8 else 2)


def _word_units(name: str) -> list[tuple[str, str]]:
    """One unit per written word (a hyphenated word whole), particles left out."""
    out = []
    for w in re.split(r"\s+", name.replace(".", " ").strip()):
        u = units(w)
        if u:
            out.append(u[-1] if "-" in w else u[0])
    return out


@lru_cache(maxsize=1 << 16)  # pure; asked for every holder of the states a document names, for each of its names
def fits_name(text_name: str, table_name: str, family: str = "") -> bool:
    """Every distinctive word of the text's name agrees with a word of the table's name
    (``Mohamed bin Zayed`` ~ ``Muhammad bin Zayid Al Nuhayyan``). A one-word name must be the
    family name (``family``, else the last word), spelt alike without edits: a given name
    (``Michel`` ~ ``Michael``) or a plural (``Trumps``) is no one."""
    mine, theirs = _word_units(text_name), units(table_name)
    if not mine or not theirs:
        return False
    if len(mine) == 1:
        fam = units(family or table_name.split()[-1])
        return bool(fam) and any(same_unit(mine[0], v) for v in fam)
    return all(any(close_unit(u, v) for v in theirs) for u in mine)


def exact_spelling(text_name: str, table_name: str) -> bool:
    """Every word of the text's name has the same transliteration key as a word of the table's name."""
    keys = {k for k, _ in units(table_name)}
    return all(u[0] in keys for u in _word_units(text_name))


def document_states(st: State) -> set[str]:
    """The states the document names (nationalities, state names, a state's groups)."""
    cached = getattr(st, "_doc_states", None)
    if cached is None:
        cached = {c for _, _, hit in {sp[0]: sp for sp in st.hits.values()}.values()
                  if (c := state_of_span(st, hit)) is not None}
        st._doc_states = cached  # type: ignore[attr-defined]
    return cached


def fuzzy_holder(st: State, name: str, country: str | None) -> Tenure | None:
    """The one office holder on the document date, in ``country`` (else the states the document
    names), whose name the text's name spells another way."""
    if st.on is None:
        return None
    leaders = load_leaders()
    states = {country} if country else document_states(st)
    found: list[Tenure] = []
    for c in states:
        for t in leaders.by_country.get(c, []):
            if t.holds(st.on) and len(t.leader.split()) > 1 and fits_name(name, t.leader, t.family):
                found.append(t)
    if not found:
        return None
    # One person may hold two offices or be written two ways (same state, same first day, or the same
    # family name): more than one person fitting is no answer.
    first = found[0]
    if all(t.country == first.country and (t.start == first.start or translit_key(t.family) ==
                                           translit_key(first.family)) for t in found):
        return first
    return None


def canonical_name(text_name: str, tenure: Tenure) -> str:
    """The tables' name for a person the text spells another way (the text's name when it agrees with one
    of the names the tables give that person). A table name the text's words do not fit (another
    romanisation that drops or adds a given name: ``Abdelrahman Burhan`` for ``Abdel Fattah al-Burhan``)
    is not the text's person spelt otherwise: the text's name stays."""
    if len(tenure.leader.split()) < 2 or exact_spelling(text_name, tenure.leader):
        return text_name
    if fits_name(text_name, tenure.leader):
        return tenure.leader
    spellings = load_leaders().spellings(tenure)
    if any(exact_spelling(text_name, sp) for sp in spellings):
        return text_name
    for sp in spellings:
        if len(sp.split()) > 1 and fits_name(text_name, sp):
            return sp
    return text_name
