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

from ..lexicon import word_class as _cls
from ..nlp import sent_of

# Complements: the head's modality reaches into them.
COMPLEMENT_DEPS = {"xcomp", "ccomp", "csubj", "dobj", "attr", "oprd", "dative", "pobj", "pcomp", "acomp", "appos"}
# Word classes (data/lexicons/classes): adjunct prepositions of time, cause, concession and means ("despite the
# pressure", "by inviting": presupposed); locative prepositions (adjuncts for a noun, "the talks in Geneva", but a
# gerund under them is often an argument: "help them in quelling"); factive verbs (their complement is presupposed
# true: "Putin knew that …"); contrastive coordinators; condition marks.
MODIFIER_DEPS = {"neg", "aux", "auxpass", "advmod", "mark", "det", "npadvmod", "acomp", "amod"}


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
    contrast = _cls("contrast_conjunctions")
    return any(c.dep_ == "cc" and lo < c.i < hi and c.lower_ in contrast for c in head.children) or any(
        c.dep_ == "cc" and c.lower_ in contrast for c in conj.children if c.i < conj.i)


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
            below = levels[-2].head.dep_ if len(levels) > 1 else ""
            if head.pos_ in ("VERB", "AUX", "ADJ") and (
                    t.lower_ in _cls("adjunct_prepositions")
                    or t.lower_ in _cls("locative_prepositions") and below != "pcomp"):
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
        if head.lemma_.lower() in _cls("factive_verbs") and dep in ("ccomp", "xcomp"):
            break  # presupposed true whatever governs the factive verb
        levels.append(Level(head, dep, lexical=True, modifiers=_modifiers(head)))
        t = head
        shared = True
    return levels


def clause_conditions(level: Level) -> bool:
    """The head has an ``if``/``unless`` clause, or is itself inside one."""
    h = level.head
    for c in h.children:
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in _cls("condition_marks") for g in c.children):
            return True
    if h.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in _cls("condition_marks") for g in h.children):
        return True
    return False


def purpose_clause(level: Level) -> bool:
    """``in order to reduce …``, ``so as to``: an infinitival adverbial clause states an aim."""
    h = level.head
    if h.dep_ != "advcl" or not any(c.tag_ == "TO" for c in h.children):
        return False
    return True


_ATTACHED = {"neg", "aux", "auxpass", "advmod", "mark", "det", "amod", "npadvmod", "preconj", "cc"}
_COMPLEMENTS = {"ccomp", "xcomp", "acl", "dobj", "pcomp", "pobj", "attr", "acomp", "oprd", "parataxis"}


def cue_scope(doc, start: int, end: int, typ: str) -> tuple[int, int] | None:
    """Token range ``[a, b)`` a cue governs: the clause it modifies, or the complement of a cue word.

    ``did not [oppose or resist]``, ``hoped [that they would support …]``, ``without [firing a
    shot]``, ``if [the talks fail]``; a question governs its sentence. Attribution cues govern
    what is said (their complement).
    """
    cue = doc[start:end]
    t = cue.root
    if typ == "question":
        sent = sent_of(t)
        return sent.start, t.i
    if t.dep_ in _ATTACHED and t.head.i != t.i and (t.pos_ in ("PART", "AUX", "ADV", "DET", "SCONJ", "ADJ")
                                                    or t.tag_ == "MD"):
        head = t.head
        while head.dep_ in ("aux", "auxpass") and head.head.i != head.i:
            head = head.head
        if t.dep_ == "mark":  # "if [the talks fail]"
            return _edges(head, exclude=cue)
        if t.dep_ == "amod" or t.dep_ == "det":  # "no [need to …]", "possible [attack]"
            return _edges(head, exclude=cue, start_after=t.i)
        subj_end = max((c.right_edge.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")
                        and c.i < head.i), default=-1)
        a, b = _edges(head, exclude=cue, start_after=max(subj_end, t.i))  # "is not [the place]"
        return (a, b) if a < b else None
    if cue[0].lower_ == "according" and cue[0].head.i != cue[0].i:  # "according to X, [the content]"
        prep = cue[0]
        drop = doc[prep.left_edge.i:prep.right_edge.i + 1]
        a, b = _edges(prep.head, exclude=drop)
        return (a, b) if a < b else None
    comps = [c for c in t.children if c.dep_ in _COMPLEMENTS or c.dep_ == "prep" and c.i > t.i]
    if t.pos_ == "ADP" or cue[-1].pos_ == "ADP":  # "without [paying]", "according to [the agency]"
        last = cue[-1]
        comps = [c for c in last.children if c.dep_ in ("pobj", "pcomp")] or comps
    comps = [c for c in comps if c.i >= end or c.i < start]
    if not comps:
        return None
    a = min(c.left_edge.i for c in comps)
    b = max(c.right_edge.i for c in comps) + 1
    if a < end <= b and a < start:
        a = end
    return (a, b) if a < b else None


def _edges(head: Token, exclude, start_after: int = -1) -> tuple[int, int]:
    """The head's words after ``start_after``, up to a contrasted conjunct (``not X, but Y``: Y is out)."""
    clauses = [c for c in head.children if c.dep_ == "conj" and _own_subject(c)]  # "…, and Cross doesn't seem"
    contrast = _cls("contrast_conjunctions")
    stop = min([c.i for c in head.children if c.dep_ == "cc" and c.lower_ in contrast and c.i > start_after]
               + [c.left_edge.i for c in clauses if c.i > start_after]
               + [c.i for c in head.children if c.dep_ == "cc" and any(k.i > c.i for k in clauses)
                  and c.i > start_after],
               default=head.right_edge.i + 1)
    toks = [x.i for x in head.subtree if not (exclude.start <= x.i < exclude.end) and start_after < x.i < stop
            and not x.is_punct]
    return (min(toks), max(toks) + 1) if toks else (0, 0)
