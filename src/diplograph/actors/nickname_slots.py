"""Slots of a nickname introduction read on the surface or from the parse, shared by the general reader
(``nickname_reader.py``): the person a token stands for, and the constructions whose person the parse often
hangs elsewhere — a relative clause with no pronoun on an appositive description (``P, the banker X call E``),
a naming participle opening the sentence (``Known … as E, P …``), ``P is what X call E``, ``P (the E)`` and
``P is (simply) "E"``. Split from the reader to keep modules small.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import word_class
from ..nlp import sentence_of
from ..records import Actor
from .epithet_words import (CLOSE, OPEN, PRONOUNS, antecedent, articles, epithet_at, name_like, name_word_person,
                            pronoun_gender)
from .name_forms import is_person, weak_actor
from .state import CAPITALISED, State

_DASHES = (",", "(", "--", "—", "–", "-")


def skip_adverbs(doc, i: int, end: int) -> int:
    while i < end and doc[i].pos_ == "ADV" and doc[i].text.islower() and doc[i].lower_ not in ("as", "so"):
        i += 1
    return i


def actor_end(st: State, i: int) -> int:
    aid = st.out.token_actor.get(i)
    while i + 1 < len(st.doc) and aid is not None and st.out.token_actor.get(i + 1) == aid:
        i += 1
    return i + 1


def candidate(st: State, a: Actor | None) -> Actor | None:
    """A person, or a name-like unknown that may be one: a candidate, made a person only once chosen."""
    return a if is_person(a) or name_like(st, a) else None


def person_at(st: State, tok: Token, ep: tuple[int, int]) -> Actor | None:
    if ep[0] <= tok.i < ep[1]:
        return None
    a = candidate(st, st.out.actor_at(tok.i)) or name_word_person(st, tok.i)
    if a is not None:
        return a
    if tok.lower_ in PRONOUNS:
        return antecedent(st, tok.i, pronoun_gender(tok), skip=ep) or _cataphor(st, tok.i, ep)
    if tok.pos_ == "NOUN" and tok.text.islower() and any(c.lower_ == "the" for c in tok.children) and (
            tok.lower_ in word_class("title_heads") | word_class("person_nouns") | word_class("descriptor_nouns")):
        # "where the junta chief is known as E": a definite description of a person no rule bound points
        # back, as a pronoun does, to the person the text was about
        return antecedent(st, tok.i, None, skip=ep)
    return None


def _cataphor(st: State, i: int, ep: tuple[int, int]) -> Actor | None:
    """A pronoun before any person is named (``They call him "E". P, the minister of works, …``): the first
    person the next sentence names, when nobody the text names before the pronoun could be meant."""
    doc = st.doc
    if any(is_person(st.out.actors.get(a)) for t, a in st.out.token_actor.items() if t < i):
        return None
    nxt = sentence_of(doc, i).end
    if nxt >= len(doc):
        return None
    for t in range(nxt, min(sentence_of(doc, nxt).end, nxt + 6)):
        if ep[0] <= t < ep[1]:
            continue
        a = candidate(st, st.out.actor_at(t))
        if a is not None:
            return a
    return None


def zero_relative(st: State, v: Token, ep: tuple[int, int]) -> Actor | None:
    """``P, the oligarch Ukrainians call E`` / ``P, a man his rivals call E``: a relative clause with no pronoun
    on an appositive description (an article, lower-case words) of the person before the comma; read on the
    surface, since the parser often makes the description the callers' compound."""
    doc = st.doc
    start = sentence_of(doc, v.i).start
    for j in range(v.i - 1, max(start, v.i - 9), -1):
        if doc[j].text in _DASHES and doc[j].text != "-":
            k = j + 1
            if k + 2 >= v.i or doc[k].lower_ not in ("the", "a", "an") or not doc[k + 1].text.islower() or \
                    doc[k + 1].pos_ not in ("NOUN", "ADJ"):
                return None
            a = candidate(st, st.out.actor_at(j - 1)) if j > start else None
            return a if a is not None and not (ep[0] <= j - 1 < ep[1]) else None
        if doc[j].is_punct or doc[j].pos_ in ("VERB", "AUX") or doc[j].lower_ in ("who", "whom", "that", "which"):
            return None
    return None


def opening_participle(st: State, v: Token, ep: tuple[int, int]) -> Actor | None:
    """``Known to all of X as E, former minister P died``: a naming participle opening the sentence; the person
    is the first name after the comma that closes the nickname (over a title or a short description)."""
    doc = st.doc
    sent = sentence_of(doc, v.i)
    k = v.i - 1
    while k >= sent.start and doc[k].pos_ == "ADV":
        k -= 1
    if k >= sent.start or v.tag_ != "VBN":
        return None
    i = ep[1] + (ep[1] < len(doc) and doc[ep[1]].text in CLOSE)
    if i >= sent.end or doc[i].text != ",":
        return None
    for j in range(i + 1, min(sent.end, i + 6)):
        a = candidate(st, st.out.actor_at(j))
        if a is not None:
            return a
        if doc[j].is_punct or doc[j].pos_ in ("VERB", "AUX"):
            return None
    return None


def copula_what(st: State, v: Token, ep: tuple[int, int]) -> Actor | None:
    """``P is what the tabloids call E``: the subject of the copula whose predicate is the ``what`` clause."""
    doc = st.doc
    what = next((c for c in v.children if c.lower_ == "what"), None)
    if what is None and v.i >= 3 and doc[v.i - 2].lower_ == "what":
        what = doc[v.i - 2]
    if what is None or what.i < 1:
        return None
    be = next((t for t in (v.head, doc[what.i - 1]) if t.lemma_ == "be" and t.i < what.i), None)
    if be is None:
        return None
    subj = next((c for c in be.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return person_at(st, subj, ep) if subj is not None else None


def after_person(st: State, i: int) -> tuple[tuple[int, int], Actor] | None:
    """``P (the E)`` / ``P ("E")``: a quoted nickname, or one with its article, alone inside a parenthesis right
    after a person's name (not an acronym, a party, a state or a place the knowledge base knows)."""
    doc = st.doc
    a = candidate(st, st.out.actor_at(i - 1))
    if a is None or i + 2 >= len(doc):
        return None
    j = i + 1
    quoted_ = doc[j].text in OPEN
    if not quoted_ and doc[j].lower_ not in articles():
        return None
    ep = epithet_at(doc, j)
    if ep is None:
        return None
    e = ep[1] + (ep[1] < len(doc) and doc[ep[1]].text in CLOSE)
    if e >= len(doc) or doc[e].text != ")" or any(
            t in st.hits or (t in st.out.token_actor and not weak_actor(st, st.out.token_actor[t]))
            for t in range(*ep) if doc[t].lower_ not in articles()):
        return None
    return ep, a


def quoted_predicate(st: State, be: Token) -> tuple[tuple[int, int], Actor] | None:
    """``P is (simply) "the E" (to his friends)``: a copula whose predicate is a quoted, capitalised name."""
    doc = st.doc
    end = sentence_of(doc, be.i).end
    j = skip_adverbs(doc, be.i + 1, end)
    if j >= end or doc[j].text not in OPEN:
        return None
    ep = epithet_at(doc, j)
    if ep is None or not any(CAPITALISED.match(t.text) for t in doc[ep[0]:ep[1]] if t.lower_ not in articles()):
        return None
    subj = next((c for c in be.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and be.i > 0:  # the parser hung the name elsewhere: the name right before the copula
        subj = doc[be.i - 1]
    if subj is None or subj.i > be.i:
        return None
    person = person_at(st, subj, ep)
    return (ep, person) if person is not None else None
