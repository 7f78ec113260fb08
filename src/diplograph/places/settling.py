"""The found place names read together (``settle``): a name the actor stage reads as a state is that state,
``X, Y`` / ``X of Y`` puts X inside Y, a name that is the subject or owner of an act stands for its government, and
each name's best reading is chosen with the states the document names. Called by ``toponyms.find_toponyms`` and,
once the actors are known, again by the places stage.
"""
from __future__ import annotations

import threading
from collections import Counter
from typing import Any

from spacy.tokens import Doc, Token

from ..lexicon import word_class
from ..nlp import sentences_of
from .gazetteer import Gazetteer
from .model import Toponym
from .reading import FUZZY_RULE, resolve


def settle(found: list[Toponym], toks: list[Token], gaz: Gazetteer, actors: Any) -> None:
    """Read the found names together: the actors' states, containers, names standing for a
    government, and each name's best reading (again from scratch when called a second time)."""
    token_actor = getattr(actors, "token_actor", {}) if actors is not None else {}
    actor_map = getattr(actors, "actors", {}) if actors is not None else {}
    # a name the actor stage reads as a state, and no place bears as its own name, is that state
    # ("Britain" is not Brittany, whose alternate it is)
    for t in found:
        t.place, t.features, t.confidence, t.container, t.is_container = None, {}, 0.0, None, False
        code = _actor_state_code(t, token_actor, actor_map)
        # only where the gazetteer knows the name as no place's own (the actor stage reads some
        # cities as states by their dictionary synonyms: Tripoli is Libya's there)
        if code and not any(own for _, own in t.candidates):
            inside = [(p, own) for p, own in t.candidates if p.code == code]
            country = gaz.country(code)
            t.candidates = inside or ([(country, True)] if country is not None else t.candidates)
    _containers(found, toks)
    _actor_roles(found, toks)
    resolve(found, gaz, _context_countries(found, actor_map))


# Per thread, the last document and the end of each token's sentence (``Token.sent`` walks the whole
# document on every access).
_SENT_ENDS = threading.local()


def sentence_ends(doc: Doc) -> list[int]:
    last = getattr(_SENT_ENDS, "last", None)
    if last is None or last[0] is not doc:
        ends = [0] * len(doc)
        for sent in sentences_of(doc):
            for k in range(sent.start, sent.end):
                ends[k] = sent.end
        last = _SENT_ENDS.last = (doc, ends)
    return last[1]


def _actor_state_code(t: Toponym, token_actor: dict, actor_map: dict) -> str | None:
    ids = {token_actor.get(k) for k in range(t.start, t.end)}
    if len(ids) != 1 or None in ids:
        return None
    a = actor_map.get(next(iter(ids)))
    if a is None or a.type != "state" or not a.code or len(a.code) != 3:
        return None
    return a.code


def _containers(found: list[Toponym], toks: list[Token]) -> None:
    """``X, Y`` / ``X of Y`` / ``X in Y`` / ``X (Y)`` (with an area word between allowed: ``X district
    of Y``): Y is where the text puts X."""
    for a, b in zip(found, found[1:]):
        j = a.end
        if a.level_wanted is not None and j < b.start:
            j += 1  # the area word
        between = [t.lower_ for t in toks[j:b.start]]
        if between in (
                [], [","], ["of"], ["in"], ["("], [",", "in"], ["of", "the"], ["in", "the"], [",", "the"]) \
                and sentence_ends(toks[a.start].doc)[a.start] == sentence_ends(toks[b.start].doc)[b.start] \
                and not (a.candidates and all(p.level == 0 for p, _ in a.candidates)):  # a list of states
            a.container = b
            b.is_container = True


def _actor_roles(found: list[Toponym], toks: list[Token]) -> None:
    """A place name as the subject or owner of an act (``Moscow said``, ``Kyiv's decision``)
    stands for its government: not a location unless a preposition puts it as one."""
    for t in found:
        head = toks[t.end - 1]
        while head.head.i != head.i and t.start <= head.head.i < t.end:
            head = head.head
        while head.dep_ == "conj" and head.head.i != head.i:  # "Kenya and Uganda signed": both act
            head = head.head
        if head.dep_ in ("nsubj", "nsubjpass", "poss", "agent") or (
                head.dep_ == "compound" and head.head.pos_ == "NOUN" and head.head.lower_ in _GOVERNMENT_NOUNS):
            t.stands_for_actor = True


_GOVERNMENT_NOUNS = word_class("place_government_nouns")


def _context_countries(found: list[Toponym], actors: dict) -> Counter[str]:
    """The states the document names: its actors' countries and its unambiguous places."""
    named: Counter[str] = Counter()
    for a in actors.values():
        c = getattr(a, "country", None) or (a.code[:3] if getattr(a, "code", None) else None)
        if c:
            named[c] += len(a.mentions) or 1
    for t in found:
        if t.rule == FUZZY_RULE:
            continue  # a guessed spelling is no evidence of the document's states
        codes = {p.code for p, _ in t.candidates}
        if len(codes) == 1:
            named[next(iter(codes))] += 1
    return named
