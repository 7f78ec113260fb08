"""Relation states: sentences about the condition of a relationship between actors.

``relations between the two were strained`` → sign −1; ``not harmonious`` → −1;
``close allies`` → +1. The words and their signs are a data file
(``data/lexicons/relation_states.tsv``); a negation on the word flips the sign. The
pair comes from the actors named in the sentence around the relation word or, for
``the two`` / ``the two sides``, the two most recently named actors.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..actors.resolve import ResolvedActors
from ..data import data_path

RELATION_NOUNS = {"relation", "relationship", "tie", "contradiction", "struggle", "rivalry", "rift", "alliance",
                  "rapprochement", "feud", "tension", "dispute", "partnership"}


@dataclass
class RelationCandidate:
    a: str
    b: str
    sign: int
    word: Token
    negated: bool


@lru_cache(maxsize=1)
def state_lexicon() -> dict[str, int]:
    with data_path("lexicons", "relation_states.tsv").open(encoding="utf-8") as fh:
        rows = csv.reader((l for l in fh if l.strip() and not l.startswith("#")), delimiter="\t")
        return {r[0].strip(): int(r[1]) for r in rows}


def _negated(t: Token) -> bool:
    return any(c.dep_ == "neg" for c in t.children) or any(c.dep_ == "neg" for c in t.head.children) and t.dep_ in ("acomp", "attr")


def find_relation_states(doc: Doc, actors: ResolvedActors) -> list[RelationCandidate]:
    lex = state_lexicon()
    out: list[RelationCandidate] = []
    recent: list[str] = []  # actor ids in order of last mention (persons and states)
    seen_sent_actors: dict[int, list[str]] = {}
    for sent in doc.sents:
        ids = []
        for t in sent:
            aid = actors.token_actor.get(t.i)
            if aid and aid not in ids:
                ids.append(aid)
        seen_sent_actors[sent.start] = ids
        rel_nouns = [t for t in sent if t.lemma_.lower() in RELATION_NOUNS]
        states = [t for t in sent if t.lemma_.lower() in lex]
        if rel_nouns and states:
            state = states[0]
            sign = lex[state.lemma_.lower()]
            neg = _negated(state)
            if neg:
                sign = -sign
            pair = _pair(sent, ids, recent)
            if pair:
                out.append(RelationCandidate(pair[0], pair[1], sign, state, neg))
        for aid in ids:
            if aid in recent:
                recent.remove(aid)
            recent.append(aid)
    return out


def _pair(sent, ids: list[str], recent: list[str]) -> tuple[str, str] | None:
    text = sent.text.lower()
    if ("the two" in text or "both sides" in text) and len(ids) < 2:
        cands = [a for a in recent if a not in ids][-2:] if not ids else [recent[-1] if recent else None, ids[0]]
        cands = [c for c in cands if c]
        if len(cands) == 2 and cands[0] != cands[1]:
            return cands[0], cands[1]
    if len(ids) >= 2:
        return ids[0], ids[1]
    return None
