"""Scope over the dependency parse: which words govern a token's claim.

A cue governs an event when it sits on the event's *governing path*: the trigger, then
each head reached through a complement (``xcomp`` ``ccomp`` infinitival ``acl``, the object
or the ``as``/``of`` phrase of a verb, a shared conjunct). Adjuncts (``relcl``, most
``advcl``, ``despite``/``after`` phrases) and subjects end the path: what they say is
presupposed, not in the scope of the main verb's modals. A factive verb (``know``,
``realize``) ends it too: its complement is taken as true.

``path_levels`` gives, from the trigger outwards, one ``Level`` per head with the
words that modify that head (its ``aux``, ``neg``, ``advmod``, ``mark`` … children) and
whether the head itself is a cue word for the level below.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

# Complements: the head's modality reaches into them.
COMPLEMENT_DEPS = {"xcomp", "ccomp", "csubj", "dobj", "attr", "oprd", "dative", "pobj", "pcomp", "acomp", "appos"}
# Adjunct prepositions: a phrase under them is not in the head's scope ("despite the pressure").
ADJUNCT_PREPS = {"despite", "after", "before", "since", "during", "because", "although", "though", "while",
                 "following", "amid", "amidst", "by", "in", "at", "on", "from", "until", "over", "through",
                 "throughout", "under", "upon", "within", "among", "across", "behind"}
# The complement of these is presupposed true: "Putin knew that …", "wants Tokayev to understand that …".
FACTIVE_LEMMAS = {"know", "realize", "realise", "understand", "regret", "notice", "discover", "learn", "forget",
                  "remember", "recognize", "recognise", "reveal", "show", "prove", "confirm", "acknowledge",
                  "admit", "note", "ignore", "resent", "find"}
MODIFIER_DEPS = {"neg", "aux", "auxpass", "advmod", "mark", "det", "npadvmod", "acomp", "amod"}
CONTRAST = {"but", "yet", "while", "whereas", "although", "though"}
CONDITION_MARKS = {"if", "unless"}


@dataclass
class Level:
    head: Token
    via: str  # the dependency by which the level below hangs on this head ("" for the trigger)
    lexical: bool  # the head's own meaning governs the level below (False through a conjunction)
    shared: bool = True  # the head's modifiers (aux, neg …) apply to the level below
    modifiers: list[Token] = field(default_factory=list)


def _modifiers(t: Token) -> list[Token]:
    """The head's children, and those of its auxiliaries: the parser may hang ``may`` on ``be``."""
    out = list(t.children)
    for c in t.children:
        if c.dep_ in ("aux", "auxpass"):
            out.extend(g for g in c.children if g.dep_ in ("aux", "neg", "advmod"))
    return out


def _own_subject(t: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in t.children)


def _own_aux(t: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass", "neg") and c.tag_ != "TO" for c in t.children)


def _contrasted(conj: Token) -> bool:
    """``did not oppose, but implied`` — a contrastive coordinator between head and conjunct."""
    head = conj.head
    lo, hi = sorted((head.i, conj.i))
    return any(c.dep_ == "cc" and lo < c.i < hi and c.lower_ in CONTRAST for c in head.children) or any(
        c.dep_ == "cc" and c.lower_ in CONTRAST for c in conj.children if c.i < conj.i)


def path_levels(trigger: Token, max_depth: int = 8) -> list[Level]:
    """The trigger's level and the heads that govern it, nearest first."""
    levels = [Level(trigger, "", lexical=False, modifiers=_modifiers(trigger))]
    t = trigger
    shared = True
    while t.head.i != t.i and len(levels) < max_depth:
        dep = t.dep_
        head = t.head
        if dep == "conj":
            shared = shared and not _contrasted(t) and not _own_subject(t) and not (_own_aux(t) and t.pos_ != "NOUN")
            levels.append(Level(head, dep, lexical=False, shared=shared, modifiers=_modifiers(head)))
            t = head
            continue
        if dep == "prep":
            if t.lower_ in ADJUNCT_PREPS and head.pos_ in ("VERB", "AUX", "ADJ"):
                break
            levels.append(Level(head, dep, lexical=True, modifiers=_modifiers(head)))
            t = head
            shared = True
            continue
        if dep in ("acl", "relcl"):
            if not any(c.tag_ == "TO" for c in t.children):
                break  # a participle or relative clause describing a noun: not in the noun's scope
            # "a way for Putin to send", "the plan to build": the infinitive is in the noun's scope
            levels.append(Level(head, dep, lexical=True, modifiers=_modifiers(head)))
            t = head
            shared = True
            continue
        if dep == "advcl":
            break  # adjunct clause: conditions and purposes are read off its own mark
        if dep not in COMPLEMENT_DEPS:
            break
        if head.lemma_.lower() in FACTIVE_LEMMAS and dep in ("ccomp", "xcomp"):
            break  # presupposed true whatever governs the factive verb
        levels.append(Level(head, dep, lexical=True, modifiers=_modifiers(head)))
        t = head
        shared = True
    return levels


def clause_conditions(level: Level) -> bool:
    """The head has an ``if``/``unless`` clause, or is itself inside one."""
    h = level.head
    for c in h.children:
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in CONDITION_MARKS for g in c.children):
            return True
    if h.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in CONDITION_MARKS for g in h.children):
        return True
    return False


def purpose_clause(level: Level) -> bool:
    """``in order to reduce …``, ``so as to``: an infinitival adverbial clause states an aim."""
    h = level.head
    if h.dep_ != "advcl" or not any(c.tag_ == "TO" for c in h.children):
        return False
    return True
