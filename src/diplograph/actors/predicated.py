"""What the text says a named person is, as a mention of that person: ``P, a former police chief,`` (an
indefinite or definite noun phrase in apposition to the name) and ``P is the former planning minister`` /
``P, who was a chemist,`` (a predicate noun of a copula whose subject is the person). The noun phrase refers to
P (a coreference convention: an appositive or predicate nominative names its subject), so the words are P's
mention, not a generic role actor ("Minister of X") beside P.

Only such a phrase is bound: an indefinite description anywhere else (``a former minister said``) names
somebody the text does not identify and stays what earlier passes made of it (precision).
"""
from __future__ import annotations

from ..rules import REGISTRY
from .decide import mention_rule, switched_on
from .described import predications
from .description import claim, person_at
from .state import State

PREDICATE = mention_rule("mention.descriptor_predicate", 0.75,
                         "a noun phrase headed by a person noun in apposition to a person's name ('P, a former "
                         "banker,') or the predicate noun of a copula whose subject is that person ('P is the former "
                         "planning minister') is a mention of that person",
                         ("parse", "actors", "lexicon:descriptor_nouns", "lexicon:wordnet_person_nouns"))

_DETERMINERS = frozenset({"a", "an", "the"})


def bind_predicates(st: State) -> None:
    """Each appositive or predicate noun phrase of a named person (``described.predications``), from its
    determiner to its head, becomes a mention of that person; a phrase with another person's name inside, a
    plural (``P and Q, both lawyers``) or no determiner (``P, president since 2019``: a title the office rules
    read) is left alone."""
    if not switched_on(PREDICATE):
        return
    doc = st.doc
    conf = REGISTRY[PREDICATE].confidence
    for i, aid in predications(st):
        tok = doc[i]
        start = tok.left_edge.i
        if tok.tag_ in ("NNS", "NNPS") or doc[start].lower_ not in _DETERMINERS or aid not in st.out.actors:
            continue
        if tok.dep_ == "appos" and doc[start].lower_ == "the":
            continue  # a definite appositive: mention.descriptor_appositive reads it with the description's facts
        if any(person_at(st, t) is not None for t in range(start, i + 1)):
            continue  # a name inside ("a friend of Q"), or a rule placed the phrase already
        if i + 1 < len(doc) and doc[i + 1].tag_ == "POS":
            continue  # "P, the general's son": the possessor is someone else
        claim(st, start, i + 1, st.out.actors[aid], PREDICATE, conf)
