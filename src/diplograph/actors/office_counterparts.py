"""``his Russian counterpart``: the holder, in the state the description names, of the office of the person it
is said of.

A counterpart is the same office in another state: ``The Kenyan president met his Ugandan counterpart`` names
Uganda's president; ``Foreign Minister X called her Spanish counterpart`` Spain's foreign minister. The office is
the possessor's (the subject of the clause, else the person named last before it in the sentence): the office the
text gives them, else their own title, else their tenure's. The holder is the one the text names in that office,
else the tables' (``offices.holder_and_rule``). A counterpart the text names in apposition (``his Ugandan
counterpart, X``) is that person's already, and one with no state or no known office stays what it was.
"""
from __future__ import annotations

from ..lexicon import word_class
from ..records import Actor
from ..rules import REGISTRY
from .decide import mention_rule, switched_on
from .leaders import office_forms
from .office_named import office_kind, text_offices
from .office_people import last_person_before
from .offices import holder_and_rule
from .state import State, add_mention, drop_mentions, key_of, positions, state_at

COUNTERPART = mention_rule("mention.office_holder_counterpart", 0.6,
                           "'his <state> counterpart' is the holder of the possessor's office in that state (the "
                           "text's holder, else the tables')", ("actors", "parse", "leaders"))

_POSSESSIVES = ("his", "her", "its", "their")


def resolve_counterparts(st: State) -> None:
    if not switched_on(COUNTERPART):
        return
    doc = st.doc
    for i in positions(st, ("counterpart",)):
        tok = doc[i]
        if tok.tag_ != "NN" or any(c.dep_ == "appos" for c in tok.children) or tok.dep_ == "appos":
            continue  # "his Ugandan counterpart, X": the text names them
        country, first = None, i
        for c in tok.children:
            if c.i > i or c.dep_ not in ("amod", "compound", "nmod", "poss", "det"):
                continue
            first = min(first, c.i)
            if c.lower_ in _POSSESSIVES:
                continue
            country = country or state_at(st, c.i)
        if country is None:
            continue
        person = _possessor(st, tok)
        office = _office(st, person) if person is not None else None
        if office is None or person.country == country:
            continue
        found = holder_and_rule(st, country, office)
        kind = office_kind(office)
        if found is None and kind is not None:  # a president's counterpart in a kingdom: its head of state
            found = holder_and_rule(st, country, "head of " + kind)
        if found is None or found[0].id == person.id:
            continue
        holder = found[0]
        for aid in {st.out.token_actor[t] for t in range(first, i + 1) if t in st.out.token_actor}:
            drop_mentions(st, aid, first, i + 1)
        start = first + 1 if doc[first].lower_ in _POSSESSIVES else first
        add_mention(st, start, i + 1, key_of(holder), "coref", REGISTRY[COUNTERPART].confidence, COUNTERPART)


def _possessor(st: State, tok) -> Actor | None:
    """The person whose counterpart this is: the subject of its clause, else the person named last before it in
    its sentence."""
    head = tok
    while head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            for t in range(c.left_edge.i, c.right_edge.i + 1):
                a = st.out.actor_at(t)
                if a is not None and a.type == "person":
                    return a
    return last_person_before(st, tok.i, sentences_back=0)


def _office(st: State, person: Actor) -> str | None:
    """The office the text (else the person's title, else their tenure) gives a person, as a title a description
    writes (``president``, ``prime minister``, ``foreign minister``)."""
    for title, _, past in text_offices(st).get(person.id, []):
        if not past:
            return title
    said = (st.titles.get(person.id) or st.tenure_title.get(person.id) or "").lower().split()
    if not said or said[0] in word_class("former_words") or said[0] in ("former", "ex"):
        return None
    known = set(office_forms()) | set(word_class("leader_nouns"))
    for n in (3, 2, 1):
        tail = " ".join(said[-n:])
        if len(said) >= n and (tail in known or n == 2 and said[-1] == "minister"):
            return tail
    return None
