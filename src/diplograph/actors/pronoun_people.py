"""Whom a pronoun or a name-like unknown stands for, shared by the nickname readers (``nicknames.py``,
``epithets.py``, ``nickname_reader.py``): the nearest person in the sentence, else the most salient person
of the sentences before (a subject or a copula's predicate, then the highest in the parse), the text's own
pronouns deciding gender before the name's form does.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import word_class
from ..nlp import sentence_of, text_of
from ..records import Actor
from .name_forms import is_person
from .state import CAPITALISED, State

SUBJECTS = ("nsubj", "nsubjpass")
PRONOUNS = ("he", "him", "his", "she", "her", "hers", "himself", "herself")


def name_like(st: State, a: Actor | None) -> bool:
    """An unknown name the recogniser took for an organisation or a place (``Amara Tenkodo``): two or three
    capitalised words, nothing the knowledge base knows. Being given a nickname makes it a person."""
    if a is None or a.type not in ("group", "state") or a.code is not None or not a.mentions:
        return False
    if any((m.rule or "") != "mention.unknown_entity" for m in a.mentions):
        return False
    words = a.name.split()
    heads = word_class("non_actor_name_heads") | word_class("named_thing_heads") | word_class("media_name_heads")
    return 2 <= len(words) <= 3 and all(w.isalpha() and CAPITALISED.match(w) and not w.isupper() for w in words) \
        and words[-1].lower() not in heads


def personal(st: State, a: Actor | None) -> Actor | None:
    """``a`` when it is a person, or a name-like unknown made one (see :func:`name_like`)."""
    if is_person(a):
        return a
    if name_like(st, a):
        assert a is not None
        a.type = "person"
        return a
    return None


def pronoun_gender(tok: Token) -> str | None:
    if tok.lower_ in word_class("male_pronouns"):
        return "m"
    if tok.lower_ in word_class("female_pronouns"):
        return "f"
    return None


def _fits(st: State, a: Actor, gender: str | None, at: int | None = None) -> bool:
    if gender is None:
        return True
    told = text_gender(st, a, sentence_of(st.doc, at).start if at is not None else None)
    if told is not None:
        return told == gender
    from .names import name_gender

    return name_gender(a.name, text_of(st.doc), a.mentions) == gender


def text_gender(st: State, a: Actor, until: int | None = None) -> str | None:
    """The gender the text's own pronouns give a person: those written after a mention of theirs before any
    other person is named (``Takaichi did not say it. Her predecessors …``); None when they do not agree or
    there are none. Names tell gender only roughly (most name tables are European), pronouns tell it. Only
    the text before token ``until`` (the sentence of the pronoun being resolved) is read: what follows may be
    the very pronoun, or nickname, in question."""
    doc = st.doc
    male, female = word_class("male_pronouns"), word_class("female_pronouns")
    tally = {"m": 0, "f": 0}
    seen = False
    for i in range(len(doc) if until is None else until):
        if st.out.token_actor.get(i) == a.id:
            seen = True
            continue
        if not seen:
            continue
        owner = st.out.actors.get(st.out.token_actor.get(i, ""))
        if owner is not None and owner.type == "person" and owner.id != a.id and doc[i].lower_ not in PRONOUNS:
            seen = False  # another person named: later pronouns may be theirs
            continue
        if doc[i].lower_ in male:
            tally["m"] += 1
        elif doc[i].lower_ in female:
            tally["f"] += 1
    if tally["m"] == tally["f"]:
        return None
    return "m" if tally["m"] > tally["f"] else "f"


def antecedent(st: State, i: int, gender: str | None = None, skip: tuple[int, int] | None = None) -> Actor | None:
    """The person a pronoun (or a possessive) at token ``i`` points back to: the nearest person before it in
    its sentence, else the most salient person of the two sentences before; one of the pronoun's gender first (as
    the text's own earlier pronouns tell it, else as the name's form does), then anyone."""
    found = _antecedent(st, i, gender, skip)
    return found if found is not None or gender is None else _antecedent(st, i, None, skip)


def _antecedent(st: State, i: int, gender: str | None, skip: tuple[int, int] | None) -> Actor | None:
    doc = st.doc
    sent = sentence_of(doc, i)
    for t in range(i - 1, sent.start - 1, -1):
        if skip is not None and skip[0] <= t < skip[1]:
            continue
        a = st.out.actor_at(t)
        if (is_person(a) or name_like(st, a)) and _fits(st, a, gender, i):  # type: ignore[arg-type]
            return personal(st, a)
    prev = sent.start
    for _ in range(2):
        if prev <= 0:
            break
        s = sentence_of(doc, prev - 1)
        people = [(t, a) for t in reversed(s) if (a := st.out.actor_at(t.i)) is not None
                  and (is_person(a) or name_like(st, a)) and _fits(st, a, gender, i) and not _object_is_other(t)]
        if people:
            # the person the sentence is about: its subject or the predicate of ``the man who … is P``, then
            # the one highest in the parse (not one inside a relative clause: ``P, who served Q``), then the nearest
            best = min(range(len(people)), key=lambda k: (_salience(people[k][0]), k))
            return personal(st, people[best][1])
        prev = s.start
    return None


def _object_is_other(t: Token) -> bool:
    """``Q dismissed him``: the subject of a clause whose object is a personal pronoun is not the person that
    pronoun — nor, a sentence on, the one a later pronoun of the same chain points to."""
    head = t.head if t.dep_ == "compound" else t
    if head.dep_ not in ("nsubj",):
        return False
    return any(c.dep_ in ("dobj", "dative") and c.lower_ in ("him", "her") for c in head.head.children)


def _salience(t: Token) -> tuple[int, int]:
    """Lower is more salient: a subject (or the predicate of a copula: ``the winner is P``) first, then depth."""
    subject = t.dep_ in SUBJECTS or t.dep_ == "attr" or t.head.dep_ in SUBJECTS or (
        t.dep_ == "compound" and t.head.dep_ in SUBJECTS + ("attr",))
    depth, h = 0, t
    while h.head.i != h.i and depth < 30:
        h, depth = h.head, depth + 1
    return (0 if subject else 1, depth)
