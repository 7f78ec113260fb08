"""Relation states: sentences about the condition of a relationship between two actors.

Three shapes over the parse, with words and signs from ``data/lexicons/relation_states.tsv``:

- a *carrier* with a *state*: ``strained relations between the two``, ``Putin's relations
  with Tokayev are not harmonious``, ``ties have improved``;
- a relationship *noun*: ``a secret struggle``, ``the rapprochement between A and B``;
- a *role*: ``A and B are close allies``, ``A is a rival of B``.

A negation on the state word, its copula or the noun flips the sign (``not harmonious`` → −1).
The pair comes from the phrase itself (``A's relations with B``, ``between A and B``, the
subjects of the copula); ``the two`` / ``both sides`` or a bare noun take the last pair a
relation named within a few sentences, else the two actors (people, states, groups) named
last before.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..actors.resolve import ResolvedActors
from ..data import data_path
from ..lexicon import word_class
from ..nlp import lower_keys_of, sentences_of, tokens_of

_PAIR_TYPES = {"person", "state", "group", "unknown"}
_RECENT_SENTENCES = 5


@dataclass
class RelationCandidate:
    a: str
    b: str
    sign: int
    word: Token
    negated: bool


@dataclass(frozen=True)
class StateWord:
    sign: int
    kind: str  # carrier | state | noun | role


@lru_cache(maxsize=1)
def state_lexicon() -> dict[str, StateWord]:
    with data_path("lexicons", "relation_states.tsv").open(encoding="utf-8") as fh:
        rows = csv.reader((l for l in fh if l.strip() and not l.startswith("#")), delimiter="\t")
        return {r[0].strip(): StateWord(int(r[1]), r[2].strip() if len(r) > 2 else "state") for r in rows}


def _word(t: Token) -> StateWord | None:
    lex = state_lexicon()
    return lex.get(t.lemma_.lower()) or lex.get(t.lower_)


def _state_words(doc: Doc) -> list[StateWord | None]:
    """``_word`` of every token, read from the document's cached lower-case keys."""
    lex = state_lexicon()
    return [lex.get(lemma) or lex.get(text) for text, lemma in lower_keys_of(doc)]


def _negated(*toks: Token) -> bool:
    for t in toks:
        if any(c.dep_ == "neg" or c.lower_ in ("no", "never") and c.dep_ in ("det", "advmod") for c in t.children):
            return True
    return False


def _actor_of(np: Token, actors: ResolvedActors) -> str | None:
    """The actor a noun phrase names: its head, else a word of its name (left edge to head)."""
    if np.i in actors.token_actor:
        return actors.token_actor[np.i]
    for t in np.doc[np.left_edge.i:np.i + 1]:
        if t.i in actors.token_actor:
            return actors.token_actor[t.i]
    return None


def _with_conjuncts(np: Token, actors: ResolvedActors) -> list[str]:
    out = []
    for t in [np] + list(np.conjuncts):
        a = _actor_of(t, actors)
        if a and a not in out:
            out.append(a)
    return out


def _phrase_pair(rel: Token, actors: ResolvedActors) -> tuple[list[str], bool]:
    """Actors named in the relation's own phrase, and whether it points back (``the two``)."""
    found: list[str] = []
    back = False
    for c in rel.children:
        if c.dep_ == "poss":
            found += _with_conjuncts(c, actors)
        elif c.dep_ == "prep" and c.lower_ in ("between", "with", "among", "of", "to"):
            for g in c.children:
                if g.dep_ == "pobj":
                    names = _with_conjuncts(g, actors)
                    found += names
                    if not names and (g.lower_ in word_class("relation_pair_words") or any(
                            k.dep_ in ("nummod", "det") and k.lower_ in ("two", "both") for k in g.children)):
                        back = True  # "between the two neighbours", "between the two Koreas"
        elif c.dep_ in ("nummod", "det") and c.lower_ in ("two", "both"):
            back = True
    return list(dict.fromkeys(found)), back


def _subjects(t: Token, actors: ResolvedActors) -> list[str]:
    """Subjects of the copula a role noun or state word is predicated of: ``A and B are allies``."""
    head = t.head if t.dep_ in ("attr", "acomp", "oprd") else None
    if head is None:
        return []
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return _with_conjuncts(c, actors)
    return []


class _Context:
    """What the text named last: for ``the two`` and bare relationship nouns."""

    def __init__(self, actors: ResolvedActors):
        self.actors = actors
        self.recent: list[str] = []
        self.last_pair: tuple[str, str, int] | None = None  # a, b, sentence number

    def pair(self, sent_no: int) -> tuple[str, str] | None:
        if self.last_pair and sent_no - self.last_pair[2] <= _RECENT_SENTENCES:
            return self.last_pair[0], self.last_pair[1]
        people = [a for a in self.recent if self.actors.actors[a].type in _PAIR_TYPES][-2:]
        return (people[0], people[1]) if len(people) == 2 else None

    def see(self, sent: Span) -> None:
        token_actor = self.actors.token_actor
        for i in range(sent.start, sent.end):
            aid = token_actor.get(i)
            if aid:
                if aid in self.recent:
                    self.recent.remove(aid)
                self.recent.append(aid)


def _resolve_pair(names: list[str], back: bool, ctx: _Context, sent_no: int,
                  ctx_names: list[str]) -> tuple[str, str] | None:
    if len(names) >= 2:
        return names[0], names[1]
    if len(names) == 1 and ctx_names:
        other = next((a for a in ctx_names if a != names[0]), None)
        if other:
            return names[0], other
    if not names and not back:  # a bare "there has always been a secret struggle": this sentence's pair only
        return (ctx_names[0], ctx_names[1]) if len(ctx_names) == 2 else None
    p = ctx.pair(sent_no)
    if p and (not names or names[0] in p):
        return p
    return None


def find_relation_states(doc: Doc, actors: ResolvedActors) -> list[RelationCandidate]:
    out: list[RelationCandidate] = []
    ctx = _Context(actors)
    words = _state_words(doc)
    toks = tokens_of(doc)
    for sent_no, sent in enumerate(sentences_of(doc)):
        sentence_pair: list[str] = []  # the pair a carrier of this sentence named: "… and a secret struggle"
        for t in (toks[k] for k in range(sent.start, sent.end) if words[k] is not None):
            w = words[t.i]
            found = _match(t, w, actors)
            if found is None:
                continue
            state, sign, names, back = found
            negated = _negated(state, state.head) if state.dep_ in ("acomp", "attr") else _negated(state)
            if negated and not _superlative(state):  # "have never been this bad": a superlative, not the opposite
                sign = -sign
            pair = _resolve_pair(names, back, ctx, sent_no, sentence_pair)
            if pair is None or pair[0] == pair[1]:
                continue
            ctx.last_pair = (pair[0], pair[1], sent_no)
            if sentence_pair == list(pair) and out and out[-1].sign == sign:
                continue  # "are not harmonious, and there has always been a secret struggle": one statement
            sentence_pair = list(pair)
            out.append(RelationCandidate(pair[0], pair[1], sign, state, negated))
        ctx.see(sent)
    return out


def _match(t: Token, w: StateWord, actors: ResolvedActors) -> tuple[Token, int, list[str], bool] | None:
    """(state word, sign, actors named, points back) when ``t`` starts a relation statement."""
    if w.kind == "carrier" and t.pos_ in ("NOUN", "PROPN"):
        state = _state_of_carrier(t)
        if state is None:
            return None
        names, back = _phrase_pair(t, actors)
        return state, _word(state).sign, names, back
    if w.kind == "noun" and t.pos_ == "NOUN":
        if t.dep_ == "compound" or any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children) \
                or t.ent_type_:
            return None  # "the Caspian Pipeline alliance" is a name, not a relationship
        names, back = _phrase_pair(t, actors)
        names = names or _subjects(t, actors)
        return t, w.sign, names, back
    if w.kind == "role" and t.pos_ == "NOUN" and t.dep_ in ("attr", "oprd", "appos"):
        names = _subjects(t, actors) if t.dep_ != "appos" else [a for a in [_actor_of(t.head, actors)] if a]
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "to", "with"):
                names += [a for g in c.children if g.dep_ == "pobj" for a in _with_conjuncts(g, actors)]
        names = list(dict.fromkeys(names))
        if len(names) < 2:
            return None
        qualifier = next((c for c in t.children if c.dep_ == "amod" and _word(c) and _word(c).kind == "state"), None)
        sign = -1 if qualifier is not None and _word(qualifier).sign < 0 else w.sign  # "uneasy allies"
        return t, sign, names, False
    return None


def _superlative(state: Token) -> bool:
    """A degree word or a comparative/superlative form on the state: ``this bad``, ``worse``, ``so close``."""
    return state.tag_ in ("JJR", "JJS", "RBR", "RBS") or any(
        c.dep_ in ("advmod", "det", "npadvmod") and c.lower_ in word_class("degree_words") for c in state.children)


def _state_at_point(head: Token) -> Token | None:
    """``relations are at their lowest point``, ``ties reached a freezing point``: a state word on the point noun."""
    points = word_class("relation_point_words")
    nouns = [c for c in head.children if c.dep_ in ("dobj", "attr") and head.lemma_.lower() in points]
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in points:
            nouns += [g for g in c.children if g.dep_ == "pobj"]
    for n in nouns:
        for c in [n] + list(n.children):
            w = _word(c)
            if w and w.kind == "state" and (c is n or c.dep_ in ("amod", "compound")):
                return c
    return None


def _state_of_carrier(rel: Token) -> Token | None:
    """The state word of a carrier: ``strained relations``, ``relations … are not harmonious``, ``ties improved``."""
    for c in rel.children:
        w = _word(c)
        if c.dep_ == "amod" and w and w.kind == "state":
            return c
    head = rel.head
    if rel.dep_ in ("nsubj", "nsubjpass"):
        for c in head.children:
            w = _word(c)
            if c.dep_ in ("acomp", "attr", "oprd") and w and w.kind == "state":
                return c
        w = _word(head)
        if w and w.kind == "state" and head.pos_ == "VERB":
            return head
        point = _state_at_point(head)
        if point is not None:
            return point
    if rel.dep_ == "dobj":
        w = _word(head)
        if w and w.kind == "state":
            return head  # "strained relations between the two"
    return None
