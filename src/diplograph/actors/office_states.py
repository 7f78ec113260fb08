"""The state an office description names, and the words around it that change which holder it means.

Read by :mod:`.offices` (and the other office passes): the state a token names (``Kenyan``, ``South Sudanese``), a
possessor's (``Kenya's``, ``Saudi Arabia's``, ``the country's``), the state of the nearest person or state word
(``the country``), an age written before the office (``the 58-year-old president``) and the past words
(``former``, ``late``, ``ousted``) that make a description a former holder's.
"""
from __future__ import annotations

from ..lexicon import word_class
from ..nlp import sentence_index, sentences_of
from ..records import Actor
from .leaders import Tenure, load_leaders
from .office_focus import focus_state, is_state_noun
from .spelling import shared_units
from .state import State, slug


def state_word(st: State, t: int) -> str | None:
    """The state a token names by itself (a nationality or a state's name), else None."""
    tok = st.doc[t]
    if not tok.text[:1].isupper():
        return None
    m = st.kb.longest_match([tok.text.upper()], 0)
    if m is None or m[0] != 1:
        return None
    hit = m[1]
    if hit.kind == "demonym":
        return hit.country
    code = hit.entry.code_on(st.on) if hit.kind == "actor" and hit.entry is not None else None
    return code if code and len(code) == 3 and code in st.kb.countries else None


def compass_state(st: State, t: int) -> str | None:
    """``South Sudanese``, ``North Korean``: the state the two words name together (a state of its own),
    else the state of the second word."""
    if t + 1 < len(st.doc):
        m = st.kb.longest_match([st.doc[t].text.upper(), st.doc[t + 1].text.upper()], 0)
        if m is not None and m[0] == 2:
            hit = m[1]
            if hit.kind == "demonym" and hit.country:
                return hit.country
            code = hit.entry.code_on(st.on) if hit.kind == "actor" and hit.entry is not None else None
            if code and len(code) == 3 and code in st.kb.countries:
                return code
    return state_word(st, t + 1) if t + 1 < len(st.doc) else None


def nearest_state(st: State, token: int) -> str | None:
    """The state ``the country`` means: that of the person named last before ``token`` in its sentence or the one
    before (a text speaks of a country's people, then of its offices), else the state named last there."""
    sents = sentences_of(st.doc)
    k = sentence_index(st.doc)[token]
    first = sents[max(0, k - 1)].start
    for t in range(token - 1, first - 1, -1):
        a = st.out.actor_at(t)
        if a is not None and a.type == "person" and a.country:
            return a.country
    for t in range(token - 1, first - 1, -1):
        c = state_word(st, t)
        if c is None and t in st.hits and st.hits[t][2].kind == "demonym":
            c = st.hits[t][2].country
        if c:
            return c
    return None


def window_states(st: State, token: int) -> list[str]:
    """States the sentence of ``token`` and the one before name (nearest first)."""
    sents = sentences_of(st.doc)
    k = sentence_index(st.doc)[token]
    out: list[str] = []
    for s in (sents[k], sents[k - 1] if k else None):
        if s is None:
            continue
        for t in range(s.start, s.end):
            c = state_word(st, t)
            if c is None and t in st.hits and st.hits[t][2].kind == "demonym":
                c = st.hits[t][2].country
            if c and c not in out:
                out.append(c)
    return out


def possessor_state(st: State, t: int) -> str | None:
    """The state a possessor before ``'s`` names: a state's word, a state's name of several words (``Saudi
    Arabia's``), or a noun standing for the state the text speaks of (``the country's``, ``the kingdom's``)."""
    c = state_word(st, t)
    if c is not None:
        return c
    a = st.out.actor_at(t)
    if a is not None and a.type == "state" and a.country:
        return a.country
    if is_state_noun(st.doc[t].lower_):
        return nearest_state(st, t) or focus_state(st)
    return None


def age_before(doc, j: int) -> int | None:
    """The token before an age written ``58-year-old`` that ends at token ``j`` (``old``), else None."""
    if doc[j].lower_ != "old" or j < 4 or doc[j - 1].text != "-" or doc[j - 2].lower_ not in ("year", "years"):
        return None
    k = j - 3
    if doc[k].text == "-":
        k -= 1
    return k - 1 if k >= 0 and doc[k].like_num else None


def past_word(low: str) -> bool:
    return low in word_class("former_adjectives") - {"old", "elderly", "aging", "ageing", "first"} \
        or low in word_class("former_words") or low.startswith("ex-")


def past_title(said: str) -> bool:
    return any(past_word(w) for w in said.split())


def tenure_actor(st: State, tenure: Tenure, country: str, sector: str) -> Actor:
    """The person of ``tenure``: the document's actor of that name, else a new actor coded with
    ``sector`` (GOV for a holder on the document's date, ELI for a former one)."""
    names = load_leaders().spellings(tenure)
    for p in st.out.actors.values():
        if p.type == "person" and p.country in (country, None) and any(
                shared_units(p.name, n) >= min(2, len(p.name.split())) for n in names):
            return p
    aid = slug(tenure.leader)
    if aid not in st.out.actors:
        st.out.actors[aid] = Actor(aid, tenure.leader, "person", country + sector, country, [])
        st.tenure_title[aid] = tenure.title
    return st.out.actors[aid]
