"""What the parse says about a sentence's parties, for the fitted type layer (``typestack``).

PLOVER tells FIGHT from ASSAULT, and a riot from an attack, by the parties: an exchange between
armed parties is FIGHT, violence on people who do not fight back is ASSAULT, a crowd's violence a
riot. The dictionary codes the verb; these features give the layer the parties as the actor stage
resolved them and the parse shows them, so it learns from its training rows how much they weigh:

- per candidate: whether its source and its target are armed parties (1, 0, or 0.5 unknown), and
  whether either side is a crowd;
- per sentence: whether it reports armed people hurt or killed, and unarmed people hurt or killed
  (the object of ``kill``/``wound``, the subject of ``die``, the people of ``deaths``/``casualties``).

Cheap: a walk over the sentence's tokens and the children of its casualty words.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..actors.state import ResolvedActors
from ..lexicon import word_class
from .candidates import Candidate
from .violence import armed, crowd_side


@lru_cache(maxsize=1)
def _casualty() -> frozenset[str]:
    return word_class("casualty_words")


@lru_cache(maxsize=1)
def _unarmed() -> frozenset[str]:
    return word_class("unarmed_person_nouns")


def _armed_value(flag: bool | None) -> float:
    return 0.5 if flag is None else float(flag)


def parties(c: Candidate, actors: ResolvedActors) -> tuple[float, float, bool, bool]:
    """(source armed, target armed, source a crowd, target a crowd) of a candidate."""
    src = actors.actors.get(c.source) if c.source else None
    tgt = actors.actors.get(c.target) if c.target else None
    return (_armed_value(armed(src)) if src else 0.5, _armed_value(armed(tgt)) if tgt else 0.5,
            crowd_side(c, actors, "source"), crowd_side(c, actors, "target"))


_HURT_DEPS = {"dobj", "nsubjpass"}  # killed X, X were killed
_NOUN_DEPS = {"prep", "amod", "compound", "nmod", "poss"}  # deaths of X, civilian casualties


def _hurt_tokens(t: Any) -> list[Any]:
    """The words naming who a casualty word says was hurt."""
    if t.pos_ == "VERB":
        deps = {"nsubj"} if t.lemma_.lower() == "die" else _HURT_DEPS
        return [c for c in t.children if c.dep_ in deps]
    if t.pos_ == "NOUN":
        out = []
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                out.extend(g for g in c.children if g.dep_ == "pobj")
            elif c.dep_ in _NOUN_DEPS and c.dep_ != "prep":
                out.append(c)
        return out
    # an adjective: "five soldiers dead", "leaving ten villagers injured", "shot dead two students",
    # "two guards were dead" (the doer of "shot" is not the one hurt)
    if t.head.pos_ in ("NOUN", "PROPN"):
        return [t.head]
    deps = {"dobj", "nsubjpass"} | ({"nsubj"} if t.head.lemma_ == "be" else set())
    return [c for c in t.head.children if c.dep_ in deps and c is not t]


def hurt_parties(sent: Any, actors: ResolvedActors) -> tuple[float, float]:
    """(armed people hurt, unarmed people hurt) in a sentence, each 0 or 1."""
    cas = _casualty()
    got_armed = got_unarmed = 0.0
    for t in sent:
        if t.lemma_.lower() not in cas and t.lower_ not in cas:
            continue
        for h in _hurt_tokens(t):
            aid = next((actors.token_actor[x.i] for x in h.subtree if x.i in actors.token_actor), None)
            flag = armed(actors.actors.get(aid)) if aid else None
            if flag is None:
                flag = False if h.lemma_.lower() in _unarmed() else None
            if flag is True:
                got_armed = 1.0
            elif flag is False:
                got_unarmed = 1.0
    return got_armed, got_unarmed


def dated_opening(doc: Any) -> bool:
    """Whether the text opens with a date (``On 12 May, …``, ``Around 3 March …``): the form of a
    dated incident report."""
    return any(t.ent_type_ == "DATE" for t in doc[:4])
