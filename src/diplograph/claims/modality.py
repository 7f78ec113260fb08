"""Modality of each event: the cues in scope of its trigger (see ``scope.py``).

Walking the governing path outwards from the trigger, every cue in scope gives a
modality (speculation → hedged, negation → negated, desire → desired, condition →
conditional, future → future, a closing ``?`` → question; attribution gives none: it
names the source, see ``attribution.py``). Which one the event gets:

1. **negated** whenever a negation governs the event through the trigger's own clause,
   a shared conjunct or an infinitive (``did not oppose or resist``, ``is not hoping to
   oust``, ``refused to sign``, ``no need to overemphasize``). A negation above a
   *that*-clause (``did not say that …``, ``don't think that …``) only hedges it.
2. otherwise the **outermost** cue wins: the one nearest the author's own voice.
   ``may have tried to send`` is hedged (the author hedges an attempt), ``hoped that
   they would support`` is desired (the author asserts a wish), ``will plan to`` is future.
   Within one head its modifiers are outside its own meaning (``may want`` → hedged), and
   among modifiers of the same head: conditional > question > hedged > desired > future.
   An imperative main verb (``Leave the city!``) counts as desired: a directive, not a report.
3. **asserted** when nothing applies.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..nlp import sent_of
from .cues import TokenCue, cue_lexicon
from .scope import MODIFIER_DEPS, Level, clause_conditions, path_levels, purpose_clause

PRECEDENCE = ("negated", "conditional", "question", "hedged", "desired", "future")
_TYPE_TO_MODALITY = {"negation": "negated", "desire": "desired", "condition": "conditional",
                     "question": "question", "speculation": "hedged", "future": "future"}
_MODIFIER_RANK = {"future": 1, "desired": 2, "hedged": 3, "question": 4, "conditional": 5}


def cue_index(cues: list[TokenCue]) -> dict[int, TokenCue]:
    return {i: c for c in cues for i in range(c.start, c.end)}


def _lexical_modality(tok: Token, cues_by_token: dict[int, TokenCue]) -> str | None:
    cue = cues_by_token.get(tok.i)
    if cue is None:
        return None
    if cue.type == "attribution":
        # "observers believe": a vague source, and a belief — hedged
        entry = cue_lexicon().get((tok.lemma_.lower(),))
        return "hedged" if entry is not None and entry.type == "speculation" else None
    return _TYPE_TO_MODALITY.get(cue.type)


def _modifier_modalities(level: Level, cues_by_token: dict[int, TokenCue]) -> list[str]:
    found = []
    for c in level.modifiers:
        if c.dep_ not in MODIFIER_DEPS:
            continue
        cue = cues_by_token.get(c.i)
        if cue is None:
            continue
        m = _TYPE_TO_MODALITY.get(cue.type)
        if m == "conditional" and c.dep_ == "mark":
            continue  # "if" marks this head's own clause: see clause_conditions
        if m is not None:
            found.append(m)
        elif cue.type == "attribution" and c.dep_ == "advmod" and c.lower_.endswith("ly"):
            found.append("hedged")  # "reportedly"
    return found


def modality_of(trigger: Token, cues_by_token: dict[int, TokenCue]) -> str:
    levels = path_levels(trigger)
    negated = False
    outer: tuple[int, int] | None = None  # (position outwards, rank) of the outermost cue so far
    outer_mod = "asserted"

    def offer(pos: int, rank: int, mod: str) -> None:
        nonlocal outer, outer_mod
        if outer is None or (pos, rank) >= outer:
            outer, outer_mod = (pos, rank), mod

    through_that = False  # a that-clause lies between the trigger and this level
    for k, level in enumerate(levels):
        if k > 0 and levels[k - 1].head.dep_ == "ccomp":
            through_that = True
        if k > 0 and level.lexical:
            m = _lexical_modality(level.head, cues_by_token)
            if m == "negated":
                negated = True
            elif m is not None:
                offer(2 * k, 0, m)
        if level.shared or k == 0:
            for m in _modifier_modalities(level, cues_by_token):
                if m == "negated":
                    if through_that:
                        offer(2 * k + 1, _MODIFIER_RANK["hedged"], "hedged")
                    else:
                        negated = True
                else:
                    offer(2 * k + 1, _MODIFIER_RANK[m], m)
            if clause_conditions(level):
                offer(2 * k + 1, _MODIFIER_RANK["conditional"], "conditional")
    if _imperative(levels[-1].head):
        offer(2 * len(levels), 1, "desired")  # "Leave the city!": a directive, not a report
    if purpose_clause(levels[-1]):
        offer(2 * len(levels), 0, "desired")
    sent = sent_of(trigger)
    top = levels[-1].head
    main_clause = top.dep_ == "ROOT" or top.dep_ == "conj" and top.head.dep_ == "ROOT"
    if main_clause and any(t.text == "?" for t in sent[-2:]) and not _wh_question(trigger, levels):
        offer(2 * len(levels) + 1, 0, "question")
    return "negated" if negated else outer_mod


def _imperative(head: Token) -> bool:
    """A bare verb at the root with no subject and nothing before it but adverbs: ``Leave now``, ``let us``."""
    if head.tag_ != "VB" or head.dep_ not in ("ROOT", "conj") or (head.dep_ == "conj" and not _imperative(head.head)):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl", "csubj") for c in head.children):
        return False
    before = [t for t in sent_of(head) if t.i < head.i and not t.is_punct]
    return all(t.dep_ in ("advmod", "intj", "discourse", "cc", "neg", "aux") and t.tag_ != "MD"
               for t in before) if head.dep_ == "ROOT" else True


def _wh_question(trigger: Token, levels: list[Level]) -> bool:
    """``who provoked it?`` presupposes that it was provoked: only yes/no questions leave it open."""
    top = levels[-1].head
    return any(t.tag_ in ("WP", "WRB", "WDT", "WP$") and t.i <= trigger.i for t in top.subtree)
