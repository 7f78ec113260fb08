"""Triads in words, and the closed triads of one document.

Shared by the pipeline (each document's ``triads``) and the analysis (the corpus network's
triads), so the reading is the same in both and neither imports the other.
"""
from __future__ import annotations

import itertools

from .hierarchy import Member, member, own_state
from .records import DocumentAnalysis, Triad
from .relation import balanced as is_balanced
from .relation import event_score, sign_of, statement_score

_VERB = {1: "cooperates with", -1: "is at odds with"}


def triad_reading(names: dict[str, str], actors: tuple[str, str, str], signs: tuple[int, int, int]) -> str:
    """The triad in words, with what its balance suggests."""
    a, b, c = (names.get(x, x) for x in actors)
    ab, bc, ac = signs
    text = f"{a} {_VERB[ab]} {b}; {b} {_VERB[bc]} {c}; {a} {_VERB[ac]} {c}."
    negatives = [ab, bc, ac].count(-1)
    if negatives == 0:
        return text + " Balanced: the three act as a bloc."
    if negatives == 2:
        # the one positive tie is the pair facing the third together
        pair, third = {(1, 0, 0): ((a, b), c), (0, 1, 0): ((b, c), a), (0, 0, 1): ((a, c), b)}[
            (int(ab > 0), int(bc > 0), int(ac > 0))]
        return (text + f" Balanced: {pair[0]} and {pair[1]} stand together against {third}; "
                f"{pair[0]}'s dealings with {pair[1]} read as a signal to {third}.")
    if negatives == 1:
        pivot, ends = {(-1, 1, 1): (c, (a, b)), (1, -1, 1): (a, (b, c)), (1, 1, -1): (b, (a, c))}[(ab, bc, ac)]
        return (text + f" Unbalanced: {pivot} keeps ties with both {ends[0]} and {ends[1]}, who are at odds; "
                "expect one of these relations to change.")
    return text + " Unbalanced: all three are at odds; expect two of them to draw closer."



def edge_signs(analysis: DocumentAnalysis) -> dict[frozenset[str], int]:
    """Sign per unordered actor pair, as ``relation.py`` defines it: events weighted by the status of
    their claim plus relation-state statements. An actor and its own state (by the code the event
    gives it on its date, ``hierarchy.py``) are never a pair: their events are domestic."""
    actors = {a.id: a for a in analysis.actors}

    def end(actor_id: str, code: str | None) -> Member:
        a = actors.get(actor_id)
        return member(actor_id, a.type if a else None, code if code is not None else (a.code if a else None),
                      a.country if a else None)

    score: dict[frozenset[str], float] = {}
    for ev in analysis.events:
        if not (ev.source and ev.target and ev.source.actor and ev.target.actor):
            continue
        pair = frozenset((ev.source.actor, ev.target.actor))
        if len(pair) < 2 or own_state(end(ev.source.actor, ev.source.code), end(ev.target.actor, ev.target.code)):
            continue
        points = event_score(ev.goldstein, ev.modality)
        if points:
            score[pair] = score.get(pair, 0.0) + points
    for r in analysis.relations:
        pair = frozenset((r.a, r.b))
        if len(pair) == 2 and not own_state(end(r.a, None), end(r.b, None)):
            score[pair] = score.get(pair, 0.0) + statement_score(r.sign, r.modality)
    return {p: s for p, v in score.items() if (s := sign_of(v)) is not None}


def document_triads(analysis: DocumentAnalysis) -> list[Triad]:
    """The document's closed triads, read in words as the corpus view reads them."""
    signs = edge_signs(analysis)
    nodes = sorted({a for p in signs for a in p})
    names = {a.id: a.name for a in analysis.actors}
    out: list[Triad] = []
    for a, b, c in itertools.combinations(nodes, 3):
        ab, bc, ac = (signs.get(frozenset(p)) for p in ((a, b), (b, c), (a, c)))
        if ab is None or bc is None or ac is None:
            continue
        balanced = is_balanced((ab, bc, ac))
        out.append(Triad([a, b, c], [ab, bc, ac], balanced, triad_reading(names, (a, b, c), (ab, bc, ac))))
    return out
