"""Actors in phrases: which resolved actors a noun phrase, a slot or a clause names.

Reads the parse and the actor stage's result (``ResolvedActors``): the head's own actor, else a
close modifier's, with coordinated owners (``the Turkish and Greek sides``); a bare sector word
(``military``, ``refugees``) is only an actor when nothing better is named.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors.resolve import ResolvedActors
from ..lexicon import sector_has, word_class, word_list
from ..nlp import sent_of, sentence_of
from ..syntax import SUBJ, prep_objects, speaker
from .patterns import is_time_phrase

STANCE_NOUNS = word_class("stance_nouns")
DEMONSTRATIVES = word_class("demonstratives")
AUTHOR_PREPS = word_list("noun_source_preps")

# clauses and function words a search for the nearest named actor below a phrase does not enter
DEEP_SKIP = ("relcl", "acl", "advcl", "ccomp", "pcomp", "parataxis", "csubj", "conj", "cc", "punct", "appos", "det")


def actor_in(tok: Token | None, actors: ResolvedActors, depth: int = 2) -> list[str]:
    """Actor ids a noun phrase names: the head's own actor, else a close modifier's; conjuncts too."""
    if tok is None:
        return []
    found: list[str] = []
    for t in [tok] + [c for c in tok.conjuncts if c.i > tok.i]:
        aid = head_actor(t, actors, depth)
        if aid and aid not in found:
            found.append(aid)
        # "the Turkish and Greek sides", "French and Egyptian warships", "U.S. and Russian
        # negotiators", "the leaders of Hungary and Russia": coordinated nationalities and owners
        for c in t.children:
            owner = c.dep_ in ("amod", "compound", "nmod")
            if c.dep_ == "prep" and c.lower_ == "of" and t.i in actors.token_actor:
                c = next((g for g in c.children if g.dep_ == "pobj"), c)
                owner = c.dep_ == "pobj"
            if owner and c.i in actors.token_actor:
                for k in c.conjuncts:
                    other = actors.token_actor.get(k.i)
                    a = actors.actors.get(other) if other else None
                    if a is not None and a.country and other not in found and \
                            all(actors.actors[f].code != a.code for f in found if f in actors.actors):
                        found.append(other)
    return found


def bare_sector(aid: str | None, actors: ResolvedActors) -> bool:
    """An actor that is only a sector (``military``, ``refugees``), with no state or organisation."""
    a = actors.actors.get(aid) if aid else None
    return a is not None and a.type == "sector" and not a.country and not _international(a.code)


def _international(code: str | None) -> bool:
    """A sector that belongs to no state (IGO, NGO …: ``sectors.tsv`` column ``international``)."""
    return bool(code) and sector_has(code[:3], "international")


def sector_adjective(tok: Token, actors: ResolvedActors) -> bool:
    """``military aid``, ``civilian buildings``: a sector word qualifying a thing names no actor."""
    return tok.dep_ == "amod" and bare_sector(actors.token_actor.get(tok.i), actors)


def is_coded(aid: str | None, actors: ResolvedActors) -> bool:
    a = actors.actors.get(aid) if aid else None
    return a is not None and bool(a.code)


def head_actor(tok: Token, actors: ResolvedActors, depth: int) -> str | None:
    """The actor a phrase's head names, or the nearest one among its close modifiers."""
    if tok.i in actors.token_actor and not sector_adjective(tok, actors):
        aid = actors.token_actor[tok.i]
        if not is_coded(aid, actors):
            # "Kenzo Oshima, the U.N. relief coordinator": a name the knowledge base does not
            # code takes the code its appositive or its other name parts give
            for c in tok.children:
                if c.dep_ in ("appos", "compound") and is_coded(actors.token_actor.get(c.i), actors):
                    return actors.token_actor[c.i]
                if c.dep_ == "appos":
                    inner = head_actor(c, actors, 0) if c.i not in actors.token_actor else None
                    if is_coded(inner, actors):
                        return inner
        return aid
    if depth < 0:
        return None
    for c in tok.children:
        if c.dep_ in ("compound", "poss", "amod", "nmod", "appos") and c.i in actors.token_actor and \
                not sector_adjective(c, actors):
            return actors.token_actor[c.i]
    if depth == 0:
        return None
    for c in tok.children:
        if c.dep_ in ("compound", "poss", "nmod", "appos") or (c.dep_ == "prep" and c.lower_ == "of"):
            inner = c if c.dep_ != "prep" else next((g for g in c.children if g.dep_ == "pobj"), None)
            if inner is not None:
                aid = head_actor(inner, actors, depth - 1)
                if aid:
                    return aid
    return None


def slot_actor(tok: Token | None, actors: ResolvedActors) -> list[str]:
    """Actors at a ``$``/``+`` slot: the first actor-bearing phrase from the slot onwards."""
    if tok is None:
        return []
    doc = tok.doc
    for i in range(tok.i, min(tok.i + 8, sent_of(tok).end)):
        if i in actors.token_actor:
            t = doc[i]
            while t.dep_ in ("compound", "amod", "nmod") and t.head.i > t.i and t.head.i in actors.token_actor:
                t = t.head
            return actor_in(t, actors) or [actors.token_actor[i]]
    return []


def noun_author(noun: Token, actors: ResolvedActors) -> list[str]:
    """The author of an event noun: its possessive, national adjective, or ``from``/``by`` object."""
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.i in actors.token_actor
                                and not sector_adjective(c, actors)):
            names = actor_in(c, actors, depth=1)
            if names:
                return names
    for g in prep_objects(noun, AUTHOR_PREPS):
        names = actor_in(g, actors)
        if names:
            return names
    return []


def deep_actor(roots: list[Token], actors: ResolvedActors, exclude: list[str], depth: int = 4) -> list[str]:
    """The nearest named state or organisation below ``roots`` (breadth first, not into
    embedded clauses or time phrases); bare sectors do not count."""
    level = [c for r in roots for c in r.children]
    seen = {r.i for r in roots}
    for _ in range(depth):
        found: list[tuple[int, list[str]]] = []
        nxt: list[Token] = []
        for t in level:
            # ("condemned the killings by X": the doer of the object's act is the one answered)
            if t.i in seen or t.dep_ in DEEP_SKIP or (t.dep_ == "prep" and is_time_phrase(t)):
                continue
            seen.add(t.i)
            names = [a for a in (actor_in(t, actors, depth=0) if t.i in actors.token_actor else [])
                     if a not in exclude and not bare_sector(a, actors)]
            if names:
                found.append((t.i, names))
            nxt.extend(t.children)
        if found:
            return min(found)[1]  # the first in the text at that depth (with its conjuncts)
        level = nxt
    return []


def stance_anaphor(np: Token, actors: ResolvedActors, exclude: list[str]) -> list[str]:
    """``this position`` / ``that proposal``: the actor whose stance it is — the subject of the
    nearest main clause before it (same or previous sentence) naming another actor."""
    if np.lemma_.lower() not in STANCE_NOUNS:
        return []
    if not any(c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in np.children):
        return []
    doc = np.doc
    start = sent_of(np).start
    prev = sentence_of(doc, start - 1).start if start > 0 else start
    for i in range(np.i - 1, prev - 1, -1):
        t = doc[i]
        if t.dep_ not in SUBJ or t.head.dep_ not in ("ROOT", "conj"):
            continue
        for a in actor_in(t, actors):
            if a not in exclude:
                return [a]
    return []


def speaker_actors(tok: Token, actors: ResolvedActors) -> list[str]:
    """The actors who say the clause of ``tok``: a pronoun subject of a reported clause
    most often stands for the speaker (``Syria says it will not …``)."""
    verb = speaker(tok)
    if verb is None:
        return []
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return actor_in(subj, actors) if subj is not None else []
