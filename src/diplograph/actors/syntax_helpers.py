"""Generic reading of the dependency parse used by the actor rules.

Nothing here knows about actors; these belong with the shared ``diplograph.syntax`` module
once it is on main (the events side creates it), and move there then.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token


def argument_of(tok: Token) -> tuple[int, str] | None:
    """(verb index, ``subj``/``obj``) of the clause argument a noun is or stands inside
    (through ``on``/``at`` phrases, conjuncts and appositions); None when it is no argument."""
    for _ in range(6):
        dep = tok.dep_
        if dep in ("nsubj", "nsubjpass"):
            return tok.head.i, "subj"
        if dep in ("dobj", "dative", "attr", "oprd"):
            return tok.head.i, "obj"
        if dep == "pobj":
            prep = tok.head
            if prep.head.pos_ in ("VERB", "AUX"):
                return prep.head.i, "subj" if prep.dep_ == "agent" else "obj"
            tok = prep.head
            continue
        if dep in ("conj", "appos"):
            tok = tok.head
            continue
        return None
    return None


def span_head(doc: Doc, start: int, end: int) -> int:
    """The token of a multi-word phrase whose head lies outside it (``ambassador`` in
    ``ambassador to``), else its last token."""
    for t in range(start, end):
        h = doc[t].head.i
        if (h < start or h >= end or h == t) and doc[t].pos_ in ("NOUN", "PROPN"):
            return t
    return end - 1


def pobj_of(prep: Token) -> Token | None:
    """The object of a preposition."""
    return next((g for g in prep.children if g.dep_ == "pobj"), None)
