"""``the Member for Epsom``, ``the MP for Tatton``, ``the senator for Tasmania``: the person who holds an assembly
seat, named by the seat.

A member noun (``lexicons/classes/constituency_member_nouns.txt``) after a determiner and before ``for`` and a
capitalised name is a description of a person: the seat's name is where they were elected, not an actor (the
recogniser may have made a person of it, ``Epsom``). The text introduces a member by name before describing them by
their seat, so the description is the person named last before it, in its sentence or the one before (not a former
holder: ELI), as :mod:`.office_people` reads ``the <Party> leader``. Whatever an earlier pass bound to the seat's
misread person (a nickname in a relative clause on the description) is the member's. With nobody named before it,
the description is left alone.
"""
from __future__ import annotations

from ..lexicon import word_class
from ..nlp import sentence_index, sentences_of
from ..records import Actor
from ..rules import REGISTRY
from .decide import mention_rule, switched_on
from .identity import move_mentions
from .state import State, add_mention, drop_mentions, key_of, positions

SEAT_MEMBER = mention_rule("mention.office_holder_constituency", 0.55,
                           "'the Member for <seat>' is the person named last before it (its sentence or the one "
                           "before), not a former holder; the seat is no person",
                           ("actors", "parse", "lexicon:constituency_member_nouns"))

_DETERMINERS = ("the", "this", "that")
SENTENCES_BACK = 1


def _member_before(st: State, start: int, seat: set[str]) -> Actor | None:
    sents = sentences_of(st.doc)
    k = sentence_index(st.doc)[start]
    first = sents[max(0, k - SENTENCES_BACK)].start
    for t in range(start - 1, first - 1, -1):
        a = st.out.actor_at(t)
        if a is None or a.type != "person" or a.id in seat:
            continue
        return None if (a.code or "").endswith("ELI") else a
    return None


def resolve_constituency_members(st: State) -> None:
    if not switched_on(SEAT_MEMBER):
        return
    doc = st.doc
    for i in positions(st, word_class("constituency_member_nouns")):
        if i == 0 or doc[i - 1].lower_ not in _DETERMINERS or i + 2 >= len(doc) or doc[i + 1].lower_ != "for":
            continue
        end = i + 2
        while end < len(doc) and doc[end].text[:1].isupper() and doc[end].pos_ in ("PROPN", "NOUN", "ADJ"):
            end += 1
        if end == i + 2:
            continue  # "the member for life", "the deputy for foreign affairs": no seat's name
        start = i - 1
        owners = {st.out.token_actor[t] for t in range(start, end) if t in st.out.token_actor}
        seat = {aid for aid in owners if aid in st.out.actors and st.out.actors[aid].type == "person"}
        person = _member_before(st, start, seat)
        if person is None:
            continue
        for aid in owners:
            if aid in st.out.actors:
                drop_mentions(st, aid, start, end)
        for aid in seat:
            if aid in st.out.actors:  # the seat read as a person: what was bound to it is the member's
                move_mentions(st, st.out.actors[aid], person, SEAT_MEMBER, method="coref")
        add_mention(st, start, end, key_of(person), "coref", REGISTRY[SEAT_MEMBER].confidence, SEAT_MEMBER)
