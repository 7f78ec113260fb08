"""The writer's commitment to an event: a small calculus over the parse, with lexicons as data.

Beside ``modality`` (which cue governs an event), commitment says whether the writer presents the
event as having happened (``true``), as not having happened (``false``) or leaves it open
(``uncertain``), with a score from -1 (did not happen) to +1 (happened).

The calculus walks from the trigger up its governing path to the main clause (or to the clause
that presupposes it: a relative clause, an ``after``/``because`` adjunct, a subject — those start
from +1), then composes downwards:

- each head's own **operators** (``data/lexicons/commitment/operators.tsv``) multiply its score:
  negation -1, modals, future and hedges a factor in [0, 1]; a yes/no question, an imperative, an
  ``if``/``unless`` clause and a purpose clause leave it open (factor 0);
- each embedding predicate's **signature** (``commitment/signatures.tsv``) gives its complement's
  score when the predicate holds (``pos``) and when it does not (``neg``); under an uncertain
  predicate (score ``s``) the two mix: ``(1+s)/2 · pos + (1-s)/2 · neg``. So factives keep their
  complement true under negation and questions (pos = neg = +1), two-way implicatives fix it both
  ways (``managed to`` +1/-1, ``failed to`` -1/+1), one-way ones in one direction, and neg-raising
  verbs turn ``do not think that P`` into not-P (neg = -0.8).
- a conjunct with no subject of its own shares its head's operators; a definite noun object is
  presupposed; any other complement of a predicate outside the lexicon takes a default signature.

Thresholds turn the score into the value (``THRESHOLD``). Rules (stage ``claims``, kind ``cue``) name
the parts for provenance: ``commitment.signature``, ``commitment.operator``, ``commitment.presupposed``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Token

from ..lexicon import table, word_class
from ..nlp import sent_of
from ..rules import REGISTRY

R_SIGNATURE = REGISTRY.declare(
    "commitment.signature", stage="claims", kind="cue", reads=("parse", "lexicon:commitment/signatures.tsv"),
    confidence=0.8, description="an embedding predicate's signature fixes its complement's truth")
R_OPERATOR = REGISTRY.declare(
    "commitment.operator", stage="claims", kind="cue", reads=("parse", "lexicon:commitment/operators.tsv"),
    confidence=0.8, description="negation, modals, hedges, questions and conditions scale a clause's commitment")
R_PRESUPPOSED = REGISTRY.declare(
    "commitment.presupposed", stage="claims", kind="cue", reads=("parse",), confidence=0.7,
    description="a relative clause, a temporal or causal adjunct, a subject or a definite object is presupposed")

THRESHOLD = 0.5  # |score| at or above it is a commitment (true / false); below it the event is left open
_DEFAULT_CLAUSE = (0.3, 0.0)  # "that"-clause under a predicate outside the lexicon: the writer reports, barely commits
_DEFAULT_INFINITIVE = (0.3, -0.6)  # an infinitive under an unknown verb ("helped to", "moved to"): open, leaning true
_ADJUNCT_STOP = {"relcl", "nsubj", "nsubjpass", "csubj", "csubjpass", "appos", "npadvmod", "attr"}


@dataclass(frozen=True)
class Signature:
    pos: float
    neg: float
    cls: str


@dataclass
class Commitment:
    value: str  # true | false | uncertain
    score: float  # -1 (did not happen) … +1 (happened)
    rules: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {"value": self.value, "score": round(self.score, 2)}


@lru_cache(maxsize=1)
def signatures() -> dict[tuple[str, str], Signature]:
    return {(r["lemma"], r["frame"]): Signature(float(r["pos"]), float(r["neg"]), r["class"])
            for r in table("lexicons", "commitment", "signatures.tsv")}


@lru_cache(maxsize=1)
def operators() -> dict[str, tuple[str, float]]:
    return {r["word"]: (r["kind"], float(r["factor"])) for r in table("lexicons", "commitment", "operators.tsv")}


def value_of(score: float) -> str:
    return "true" if score >= THRESHOLD else "false" if score <= -THRESHOLD else "uncertain"


def _marks(t: Token) -> set[str]:
    return {c.lower_ for c in t.children if c.dep_ in ("mark", "aux") and c.pos_ in ("SCONJ", "PART", "ADP")
            or c.dep_ == "mark"}


def _operators(h: Token, top: bool, used: list[str]) -> float:
    """The product of the head's own operators (negation, modals, hedges, conditions, questions)."""
    ops = operators()
    factor = 1.0
    kids = list(h.children)
    for c in h.children:
        if c.dep_ in ("aux", "auxpass"):
            kids.extend(g for g in c.children if g.dep_ in ("neg", "advmod"))
    negated = any(c.dep_ == "neg" or c.lower_ in ("never",) and c.dep_ == "advmod"
                  or c.dep_ == "det" and c.lower_ == "no" for c in kids)
    for c in kids:
        word = c.lower_
        if c.dep_ in ("neg",) or c.dep_ == "advmod" and word == "never" or c.dep_ == "det" and word == "no":
            factor *= ops.get(word, ("negation", -1.0))[1]
            used.append(R_OPERATOR)
        elif c.tag_ == "MD" and c.dep_ in ("aux", "auxpass") and word in ops:
            if negated and word in word_class("ability_modals"):
                continue  # "could not attend": the negation alone decides — it did not happen
            factor *= ops[word][1]
            used.append(R_OPERATOR)
        elif c.dep_ == "advmod" and word in ops and ops[word][0] in ("hedge", "booster"):
            factor *= ops[word][1]
            used.append(R_OPERATOR)
    for c in h.children:  # the consequent of a condition: "if they fail, the envoy leaves"
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in word_class("condition_marks")
                                     for g in c.children):
            factor *= 0.0
            used.append(R_OPERATOR)
    if top:
        sent = sent_of(h)
        if any(t.text == "?" for t in sent[-2:]) and not any(t.tag_ in ("WP", "WRB", "WDT", "WP$")
                                                             for t in sent if t.i < h.i):
            factor *= 0.0  # a yes/no question leaves its main clause open (a factive complement still holds)
            used.append(R_OPERATOR)
        if h.tag_ == "VB" and h.dep_ == "ROOT" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "expl")
                                                           for c in h.children):
            factor *= 0.0  # an imperative: asked for, not reported
            used.append(R_OPERATOR)
    return factor


def _frame(head: Token, child: Token, via_prep: str | None = None) -> str:
    if head.pos_ == "ADJ":
        return "adj"
    if head.pos_ in ("NOUN", "PROPN"):
        return "noun-that" if child.dep_ in ("ccomp", "acl") and "that" in _marks(child) else "noun-to"
    if via_prep is not None:
        return via_prep
    if child.dep_ == "ccomp":
        return "that"
    if child.dep_ == "xcomp":
        return "ing" if child.tag_ == "VBG" else "to"
    if child.dep_ == "dobj":
        return "obj"
    return child.dep_


def _chain(trigger: Token) -> tuple[list[Token], float, list[str]]:
    """Trigger first, then its governors up to where the calculus starts, and that start's score."""
    chain = [trigger]
    t = trigger
    used: list[str] = []
    for _ in range(12):
        dep = t.dep_
        if t.head.i == t.i:
            return chain, 1.0, used
        if dep in _ADJUNCT_STOP:
            used.append(R_PRESUPPOSED)
            return chain, 1.0, used
        if dep == "advcl":
            marks = _marks(t)
            if marks & word_class("condition_marks") or marks & {"whether"}:
                return chain, 0.0, used + [R_OPERATOR]
            if any(c.tag_ == "TO" for c in t.children) or marks & {"so", "lest"}:
                return chain, 0.0, used + [R_OPERATOR]  # a purpose: "in order to reduce"
            used.append(R_PRESUPPOSED)
            return chain, 1.0, used  # "after they met", "because it failed": presupposed
        if dep == "acl" and not any(c.tag_ == "TO" for c in t.children):
            used.append(R_PRESUPPOSED)
            return chain, 1.0, used  # "the troops stationed there"
        if dep == "prep" and t.lower_ in word_class("unrealized_prepositions"):
            return chain, 0.0, used + [R_OPERATOR]  # "before signing", "until they leave": not yet
        if dep == "prep" and t.lower_ in word_class("adjunct_prepositions") and t.lower_ not in ("by", "through"):
            used.append(R_PRESUPPOSED)
            return chain, 1.0, used  # "despite the attack", "after the talks"; a means ("by X-ing") shares its head
        chain.append(t.head)
        t = t.head
    return chain, 1.0, used


def commitment_of(trigger: Token) -> Commitment:
    """The writer's commitment to the event of ``trigger``."""
    chain, score, used = _chain(trigger)
    sigs = signatures()
    top = len(chain) - 1
    incoming = score
    for k in range(top, -1, -1):
        h = chain[k]
        s_h = max(-1.0, min(1.0, incoming * _operators(h, k == top and incoming == 1.0 and h.dep_ == "ROOT", used)))
        if k == 0:
            return Commitment(value_of(s_h), s_h, used)
        c = chain[k - 1]
        dep = c.dep_
        if h.pos_ == "ADP":  # "prevented them from attacking", "succeeded in": the frame is the preposition
            incoming = s_h
            continue
        if dep == "conj":
            shares = not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
            incoming = s_h if shares else incoming
            continue
        if dep == "prep":
            sig = sigs.get((h.lemma_.lower(), c.lower_))
            if sig is None:
                incoming = s_h if c.lower_ in ("of", "to", "for", "on", "in") else 1.0
                continue
        else:
            sig = sigs.get((h.lemma_.lower(), _frame(h, c, None)))
        if sig is not None:
            p_true = (1 + s_h) / 2
            incoming = p_true * sig.pos + (1 - p_true) * sig.neg
            used.append(R_SIGNATURE)
        elif dep == "ccomp":
            if "whether" in _marks(c) or "if" in _marks(c):
                incoming = 0.0
            else:
                p_true = (1 + s_h) / 2
                incoming = p_true * _DEFAULT_CLAUSE[0] + (1 - p_true) * _DEFAULT_CLAUSE[1]
        elif dep == "xcomp" and h.pos_ == "VERB":
            p_true = (1 + s_h) / 2
            incoming = p_true * _DEFAULT_INFINITIVE[0] + (1 - p_true) * _DEFAULT_INFINITIVE[1]
        elif any(g.tag_ == "TO" for g in c.children) and dep in ("xcomp", "acl", "advcl", "ccomp"):
            incoming = 0.0  # an infinitive under an adjective or a noun outside the lexicon: "important to monitor"
        elif dep in ("dobj", "pobj") and any(g.dep_ == "poss" or g.lower_ in word_class("definite_determiners")
                                             for g in c.children):
            incoming = 1.0  # a definite object is presupposed: "did not condemn the attack"
            used.append(R_PRESUPPOSED)
        else:
            incoming = s_h
    return Commitment(value_of(incoming), incoming, used)
