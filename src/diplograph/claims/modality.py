"""Modality and attribution of each event: what governs its trigger in the parse.

A cue governs an event when the cue is attached to the trigger or to a verb on the
trigger's path up to its clause root (through ``xcomp``, ``ccomp``, ``conj``,
``advcl`` …). When several apply, the first in ``PRECEDENCE`` wins:
negated > desired > conditional > question > hedged > future > asserted.
A negated wish (``is not hoping to oust``) is negated: never asserted.
"""
from __future__ import annotations

from spacy.tokens import Token

from .cues import TokenCue

PRECEDENCE = ("negated", "desired", "conditional", "question", "hedged", "future")
_TYPE_TO_MODALITY = {"negation": "negated", "desire": "desired", "condition": "conditional",
                     "question": "question", "speculation": "hedged", "future": "future"}
_CLIMB = {"xcomp", "ccomp", "conj", "advcl", "relcl", "acl", "pcomp", "pobj", "dobj", "prep", "attr", "nsubj",
          "nsubjpass", "appos", "oprd", "dep"}


def governing_path(trigger: Token) -> list[Token]:
    """The trigger and the heads above it up to the sentence root."""
    path = [trigger]
    t = trigger
    while t.head.i != t.i and t.dep_ in _CLIMB:
        t = t.head
        path.append(t)
    return path


def modality_of(trigger: Token, cues_by_token: dict[int, TokenCue]) -> str:
    found: set[str] = set()
    path = governing_path(trigger)
    on_path = {t.i for t in path}
    for k, t in enumerate(path):
        # cues that are the path tokens themselves (a governing "hope", "seem") — not the trigger
        if k > 0 and t.i in cues_by_token:
            found.add(_TYPE_TO_MODALITY.get(cues_by_token[t.i].type, ""))
        for c in t.children:
            if c.i in on_path:
                continue
            cue = cues_by_token.get(c.i)
            if cue is not None and c.dep_ in ("neg", "aux", "advmod", "mark", "det", "auxpass", "prep", "npadvmod"):
                if cue.type == "condition" and c.dep_ != "mark":
                    continue
                found.add(_TYPE_TO_MODALITY.get(cue.type, ""))
            elif c.dep_ == "mark" and c.lower_ in ("if", "unless"):
                found.add("conditional")
        # a negated "the X did not ... but implied": negation of a conjunct head applies to it only
        if t.dep_ == "conj":
            break
    for c in trigger.sent:
        if c.text == "?" and c.i == trigger.sent.end - 1:
            found.add("question")
    for m in PRECEDENCE:
        if m in found:
            return m
    return "asserted"


def speaker_of(trigger: Token) -> Token | None:
    """The subject of a reporting verb above the trigger, or the object of ``according to``."""
    from ..events.coder import _speaker

    verb = _speaker(trigger)
    if verb is not None:
        return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    for t in trigger.sent:
        if t.lower_ == "according" and t.i + 2 < len(trigger.doc) and trigger.doc[t.i + 1].lower_ == "to":
            return next((g for g in trigger.doc[t.i + 1].children if g.dep_ == "pobj"), None)
    return None


def cue_index(cues: list[TokenCue]) -> dict[int, TokenCue]:
    return {i: c for c in cues for i in range(c.start, c.end)}

