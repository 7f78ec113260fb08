"""What a text says about a person that a later description can be matched against: ages (``X, 71,``,
``X, 39 years old``, ``X (71)``, ``X, aged 71``, ``the 71-year-old X``), and the shape of the descriptions
that speak of a person by age alone (``the 80-year-old``, ``the 48-year-old Roman``); the order of two kin by age
(``X's elder brother Y``).

Read by the descriptor pass (``descriptors``): an age description fits a person whose age the text gave only
when the ages agree (a year either way: birthdays), and is contradicted by a person the text gave another age,
or a leader whose birth year the tables hold (``data/kb/births.tsv``, REIGN and Archigos) that does not fit.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ..lexicon import table
from ..nlp import tokens_of
from ..records import Actor
from .aliases import surname_of, translit_key
from .state import State, positions

_AGE_MIN, _AGE_MAX = 16, 110
# a head after "the N-year-old" that reads as a verb the tagger took for a plural noun ("remembers")
_VERBAL_DEPS = frozenset({"ROOT", "conj", "relcl", "ccomp", "advcl", "xcomp"})
_YEAR = frozenset({"year", "years"})


def _number(tok: Token) -> int | None:
    if not tok.like_num or not tok.text.isdigit():
        return None
    n = int(tok.text)
    return n if _AGE_MIN <= n <= _AGE_MAX else None


def age_before(doc: Doc, i: int) -> int | None:
    """The age of ``N-year-old`` ending right before token ``i`` (tokens ``N - year - old``), else None."""
    if i < 5 or doc[i - 1].lower_ != "old" or doc[i - 2].text != "-" or doc[i - 3].lower_ not in _YEAR:
        return None
    if doc[i - 4].text != "-":
        return None
    return _number(doc[i - 5])


def age_number(doc: Doc, j: int) -> bool:
    """Token ``j`` is the number of an age or a count of times (``80-year-old``, ``three-time``): it
    characterises a person, it does not rank them (``the first runner``)."""
    return j + 2 < len(doc) and doc[j + 1].text == "-" and doc[j + 2].lower_ in ("year", "years", "time", "term")


def age_in(doc: Doc, start: int, end: int) -> int | None:
    """The age an ``N-year-old`` inside tokens [start, end) gives."""
    for j in range(start, end - 4):
        if doc[j + 1].text == "-" and doc[j + 2].lower_ in _YEAR and doc[j + 3].text == "-" and \
                doc[j + 4].lower_ == "old":
            n = _number(doc[j])
            if n is not None:
                return n
    return None


def age_head(doc: Doc, tok: Token) -> bool:
    """``tok`` ends a description that speaks of a person by age alone: ``old`` of ``the 80-year-old`` with
    no noun after it (``The 80-year-old remembers``), or one capitalised word after the age (``the
    48-year-old Roman``) that is no part of a longer name."""
    i = tok.i
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if tok.lower_ == "old":
        if age_before(doc, i + 1) is None:
            return False
        if nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM"):
            return True
        return nxt.pos_ == "NOUN" and nxt.tag_ == "NNS" and nxt.dep_ in _VERBAL_DEPS
    if tok.pos_ == "PROPN" and age_before(doc, i) is not None:
        return nxt is None or nxt.pos_ != "PROPN"
    return False


def stated_age(doc: Doc, first: int, last: int) -> int | None:
    """The age the text gives the person named by tokens [first, last]: ``X, 71,``, ``X, 39 years old``,
    ``X (71)``, ``X, aged 71``, ``the 71-year-old X``."""
    n = len(doc)
    before = age_before(doc, first)
    if before is not None:
        return before
    k = last + 1
    if k + 1 >= n or doc[k].text not in (",", "("):
        return None
    if doc[k + 1].lower_ == "aged" and k + 2 < n:
        return _number(doc[k + 2])
    age = _number(doc[k + 1])
    if age is None:
        return None
    after = doc[k + 2] if k + 2 < n else None
    if doc[k].text == "(":
        return age if after is not None and after.text == ")" else None
    if after is None or after.text in (",", ".", ";", "—", "–") or after.lower_ == "and":
        return age
    if after.lower_ in _YEAR and k + 3 < n and doc[k + 3].lower_ == "old":
        return age
    return None


def special_head(doc: Doc, tok: Token, nouns: frozenset[str], past: frozenset[str]) -> bool:
    """A description head that is no common noun: an age alone or a capitalised word after an age
    (``age_head``), or an all-capital occupation noun after a past word (``the former DJ``)."""
    if age_head(doc, tok):
        return True
    return tok.text.isupper() and len(tok.text) > 1 and tok.lower_ in nouns and tok.i > 0 and \
        doc[tok.i - 1].lower_ in past


@lru_cache(maxsize=1)
def _births() -> dict[tuple[str, str], int]:
    return {(r["country"], r["key"]): int(r["born"]) for r in table("kb", "births.tsv")}


def born(country: str | None, name: str) -> int | None:
    """The birth year the tables give the leader of ``country`` with this name's surname, else None."""
    if not country or not name:
        return None
    return _births().get((country, translit_key(surname_of(name))))


def age_fits(age: int, birth_year: int, year: int) -> bool:
    """An age said in ``year`` fits a birth year (a year either way: the birthday, the source's rounding)."""
    return abs((year - birth_year) - age) <= 1


def _person(st: State, i: int) -> Actor | None:
    a = st.out.actor_at(i)
    return a if a is not None and a.type == "person" else None


def kin_order(st: State, kin_nouns: frozenset[str], ranks: dict[str, str]) -> tuple[str, str, int] | None:
    """``X's elder brother Y`` → (older, younger, token of the kin noun): the last such pair of the text."""
    out = None
    toks = tokens_of(st.doc)
    for i in positions(st, kin_nouns):
        tok = toks[i]
        rank = next((ranks[c.lower_] for c in tok.children if c.dep_ == "amod" and c.lower_ in ranks), None)
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if rank is None or poss is None:
            continue
        x = _person(st, poss.i)
        y = _person(st, tok.i + 1) if tok.i + 1 < len(st.doc) else None
        if y is None:
            y = next((_person(st, c.i) for c in tok.children if c.dep_ == "appos" and _person(st, c.i)), None)
        if x is None or y is None or x.id == y.id:
            continue
        out = (y.id, x.id, tok.i) if rank == "older" else (x.id, y.id, tok.i)
    return out
