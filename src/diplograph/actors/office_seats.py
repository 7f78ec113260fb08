"""``the Kremlin's master``, ``the occupant of the Planalto``, ``the Casa Rosada tenant``: the person who holds a
seat of power is the leader of its state.

A seat-holder noun (``lexicons/classes/seat_holder_nouns.txt``) whose possessor, modifier or ``of`` object names a
state — by its name, its nationality or its seat of power (``data/kb/states.tsv`` lists seats with their state) —
is the state's leader: the one the text names, else the tables' holder on the date (``offices.holder_and_rule``).
A seat-holder noun with nothing that names a state (``the tenant``, ``the master of the house``) is left alone.
"""
from __future__ import annotations

from ..lexicon import word_class
from ..rules import REGISTRY
from .decide import mention_rule, switched_on
from .offices import holder_and_rule
from .state import State, add_mention, drop_mentions, key_of, positions, state_at

SEAT_HOLDER = mention_rule("mention.office_holder_seat", 0.6,
                           "'the Kremlin's master' / 'the occupant of the Planalto': the holder of a seat of power "
                           "is its state's leader (the text's, else the tables')",
                           ("actors", "kb:states", "lexicon:seat_holder_nouns", "leaders"))

_DETERMINERS = ("the", "this", "that")


def resolve_seat_holders(st: State) -> None:
    if not switched_on(SEAT_HOLDER):
        return
    doc = st.doc
    for i in positions(st, word_class("seat_holder_nouns")):
        tok = doc[i]
        if tok.tag_ != "NN" or st.out.actor_at(i) is not None and st.out.actor_at(i).type == "person":
            continue
        country, start, end = None, i, i + 1
        j = i - 1
        if j >= 1 and doc[j].lower_ in ("'s", "’s"):
            j -= 1
        country = state_at(st, j) if j >= 0 else None  # "the Kremlin's master", "the Casa Rosada tenant"
        if country is not None:
            while j > 0 and state_at(st, j - 1) == country:
                j -= 1
            start = j
        elif i + 2 < len(doc) and doc[i + 1].lower_ == "of":
            k = i + 2 + (doc[i + 2].lower_ == "the")
            if k < len(doc):
                country = state_at(st, k)  # "the occupant of the Planalto"
                while country is not None and k + 1 < len(doc) and state_at(st, k + 1) == country:
                    k += 1
                end = k + 1
        if country is None or (start == i and (i == 0 or doc[i - 1].lower_ not in _DETERMINERS)):
            continue  # "the occupant of X" is definite; "an occupant of X" is anyone
        found = holder_and_rule(st, country, "leader")
        if found is None:
            continue
        for aid in {st.out.token_actor[t] for t in range(start, end) if t in st.out.token_actor}:
            drop_mentions(st, aid, start, end)
        add_mention(st, start, end, key_of(found[0]), "coref", REGISTRY[SEAT_HOLDER].confidence, SEAT_HOLDER)
