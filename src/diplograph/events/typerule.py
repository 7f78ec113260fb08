"""The learned type model as rules over the dictionary coder's candidates.

Per sentence, the model (``typemodel``) gives a probability to each CAMEO root and to ``none``;
the scorer (``typescore``, parameters fitted on held-out folds and shipped with the model) then:

- ``event.no_political_act``: drops every candidate of a sentence the model reads as reporting no
  political act between actors (market, company and commodity news);
- ``event.political_side``: drops a candidate none of whose sides is a political actor (a state, an
  international body, a state organ, a party or armed group, a person holding such a role), unless
  the act is itself a protest or violence (14, 18–20), which PLOVER codes between private people too;
- ``event.type_model``: re-ranks the candidates by confidence + weight × P(root), re-types the best
  one when the model is confident of another root, and proposes an event (subject → object actors
  of the main verb) when the coder has none and the model is confident; a protest or violence needs
  no resolved actor (``gunmen killed two farmers``: its sides stay empty where no actor stands).

A re-typed or proposed event names ``event.type_model`` as its event rule (``Candidate.rules``); a
proposed one names ``source.main_subject`` / ``target.main_object`` for its sides.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any

from ..actors.state import ResolvedActors
from ..lexicon import sector_has, word_class
from ..nlp import sent_of, sentences_of
from ..records import Actor
from ..rules import REGISTRY
from .candidates import Candidate
from .typemodel import TypeModel, load_type_model, sentence_features
from .typeparse import dated_opening, hurt_parties, parties
from .typescore import ANY_PARTIES, ScorerParams, SentenceView, decide_sentence, model_root
from .typestack import DOC_SENTENCES, document_view

TYPE_MODEL = REGISTRY.declare(
    "event.type_model", stage="events", kind="event", reads=("parse", "candidates", "model:event_type"),
    confidence=0.6, description="the learned type model re-ranks, re-types or proposes a sentence's event")
NO_POLITICAL_ACT = REGISTRY.declare(
    "event.no_political_act", stage="events", kind="event", reads=("parse", "model:event_type"),
    confidence=0.6, description="no event where the model reads no political act between actors")
MAIN_SUBJECT = REGISTRY.declare(
    "source.main_subject", stage="events", kind="source", reads=("parse", "actors"),
    confidence=0.5, description="the source of a model-proposed event: the actor doing the main verb")
MAIN_OBJECT = REGISTRY.declare(
    "target.main_object", stage="events", kind="target", reads=("parse", "actors"),
    confidence=0.5, description="the target of a model-proposed event: the actor the main verb acts on")
POLITICAL_SIDE = REGISTRY.declare(
    "event.political_side", stage="events", kind="event", reads=("actors", "kb:sectors"),
    confidence=0.8, description="an event needs a political actor on one side (protest and violence excepted)")

_PRIVATE_PREFIXES = ("MNC",)
_POLITICAL_PREFIXES = ("IGO", "NGO", "IMG", "UNO")


def political(actor: Actor | None) -> bool:
    """A state, an international body, or an actor whose code names a non-private sector."""
    if actor is None:
        return False
    if actor.type in ("state", "igo"):
        return True
    code = actor.code or ""
    if not code or code.startswith(_PRIVATE_PREFIXES):
        return False
    if code.startswith(_POLITICAL_PREFIXES):
        return True
    if actor.country and code.startswith(actor.country):
        rest = code[len(actor.country):]
    elif actor.type == "sector":
        rest = code  # a sector of no known state: its code is sectors only
    else:
        rest = code[3:]
    if not rest:
        return True  # a bare state code
    return any(not sector_has(rest[i:i + 3], "private") for i in range(0, len(rest), 3))


# dependencies that start a clause of their own: candidates under different ones are different acts
_CLAUSE_DEPS = {"ROOT", "advcl", "relcl", "ccomp", "acl", "csubj", "parataxis", "conj", "pcomp"}


def clause_of(tok: Any) -> int:
    """The index of the head of the clause a trigger belongs to (a verb, or the noun's governing verb)."""
    t = tok
    for _ in range(40):
        if t.dep_ in _CLAUSE_DEPS and t.pos_ in ("VERB", "AUX") or t.head is t:
            return t.i
        t = t.head
    return t.i


_FRAME_DEPS = {"ccomp", "xcomp", "acl", "advcl"}


def frames(tok: Any) -> bool:
    """Whether the trigger (or the verb whose object it is) frames another act: a complement or
    adverbial clause (``demand that Y withdraw``, ``agreed to end``, ``mobilized X to support Y``,
    ``attacked Y after Z criticized W``): the model reads both acts' words, the coder the frame."""
    heads = [tok] + ([tok.head] if tok.dep_ in ("dobj", "pobj", "attr") else [])
    return any(c.dep_ in _FRAME_DEPS for h in heads for c in h.children)


def _code_of_root(root: str) -> str:
    return root + "0"


def _argument_actor(tok: Any, actors: ResolvedActors) -> str | None:
    for t in tok.subtree:
        aid = actors.token_actor.get(t.i)
        if aid:
            return aid
    return None


# the main verb's arguments that name a party of its act (a doer, or the one acted on)
_PARTY_DEPS = {"nsubj", "nsubjpass", "agent", "dobj"}


@lru_cache(maxsize=1)
def _party_nouns() -> frozenset[str]:
    return (word_class("party_nouns") | word_class("crowd_nouns") | word_class("unarmed_person_nouns")
            | word_class("person_nouns"))


def _a_party(arg: Any) -> bool:
    """Whether an argument names people (or an organisation): a person, group or organisation name,
    or a noun of people (``party_nouns`` …), itself or through ``of`` (``dozens of workers``)."""
    heads = [arg] + [g for c in arg.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"]
    people = _party_nouns()
    return any(h.ent_type_ in ("PERSON", "NORP", "ORG") or h.lemma_.lower() in people for h in heads)


def _proposed(sent: Any, actors: ResolvedActors, root: str, p: float) -> Candidate | None:
    """The model's event for a sentence the coder left: the main verb's doer and its object. An act
    PLOVER codes whoever the parties are (protest, violence: :data:`ANY_PARTIES`; ``root`` "00" asks
    whether any could be proposed) needs no resolved doer: a party the parse names is enough
    (``dozens of workers protested``, ``gunmen killed three farmers``, ``a man was found dead``);
    the sides no actor stands for stay empty."""
    verb = sent.root
    source = target = None
    named = False
    for c in verb.children:
        named = named or (c.dep_ in _PARTY_DEPS and _a_party(c))
        if c.dep_ == "nsubj" and source is None:
            source = _argument_actor(c, actors)
        elif c.dep_ == "nsubjpass" and target is None:
            target = _argument_actor(c, actors)
        elif c.dep_ == "agent" and source is None:
            source = _argument_actor(c, actors)
        elif c.dep_ in ("dobj", "prep", "dative") and target is None:
            target = _argument_actor(c, actors)
    if source is None or source == target:
        if not named or root not in ANY_PARTIES + ("00",):
            return None
        target = None if target == source else target
    return Candidate(verb, source, target, _code_of_root(root), confidence=round(p, 2),
                     rules={"event": TYPE_MODEL, "source": MAIN_SUBJECT if source else None,
                            "target": MAIN_OBJECT if target else None})


_MEASURE_ENTS = {"MONEY", "QUANTITY", "PERCENT"}
_ARGUMENT_DEPS = {"dobj", "attr", "nsubjpass", "npadvmod", "oprd", "dative", "prep", "acomp"}


def _measured(tok: Any) -> bool:
    """A measured amount: money, a quantity with its unit, a percentage, or a number of a unit of
    goods or money (``19.6 mln bags``, ``57 mln dlrs``); never a count of people or places
    (``three soldiers`` is no market figure)."""
    if tok.ent_type_ in _MEASURE_ENTS:
        return True
    if tok.like_num and tok.dep_ in ("nummod", "compound", "quantmod"):
        tok = tok.head
    return tok.lemma_.lower() in _units() and any(c.like_num for c in tok.children)


@lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    return word_class("measure_units")


def acts_on_quantity(tok: Any) -> bool:
    """Whether a trigger's own arguments are amounts (``exported 11,000 tonnes``, ``bought one mln
    tonnes of corn``, ``estimated output at 1.8 mln``): a trade or market figure rather than an act
    on an actor. Read two levels down (the argument and its modifiers, or a preposition's object)."""
    for c in tok.children:
        if c.dep_ not in _ARGUMENT_DEPS:
            continue
        for t in (c, *c.children, *(g for x in c.children if x.dep_ == "pobj" for g in x.children)):
            if _measured(t):
                return True
    return False


def quantity_share(sent: Any) -> float:
    """The share of a sentence's words that are measured amounts (money, quantities, per cent)."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    return round(sum(1 for t in words if _measured(t)) / len(words), 3) if words else 0.0


def sentence_view(sent: Any, actors: ResolvedActors, cands: list[Candidate], proba: dict[str, float],
                  doc: dict[str, Any] | None = None) -> SentenceView:
    """The scorer's view of a sentence: its candidates, the model's probabilities, a possible proposal,
    who is hurt, and (``doc``) how the whole text reads."""
    proposal = _proposed(sent, actors, "00", 0.0)
    return SentenceView(
        [(c.code[:2], c.confidence, _political_side(c, actors), clause_of(c.trigger), frames(c.trigger),
          c.target is not None, acts_on_quantity(c.trigger), c.nominal, *parties(c, actors),
          clause_of(c.trigger) == clause_of(sent.root))
         for c in cands], proba,
        None if proposal is None else _political_side(proposal, actors), quantity_share(sent),
        hurt_parties(sent, actors), doc)


def coder_top(cands: list[Candidate]) -> str | None:
    """The model class of the coder's most confident candidate."""
    return model_root(max(cands, key=lambda c: c.confidence).code[:2]) if cands else None


def document_reading(doc: Any, model: TypeModel, by_sent: dict[int, list[Candidate]]) -> dict[str, Any]:
    """The text's document reading (``typestack.document_view``) from its first sentences."""
    sents = sentences_of(doc)[:DOC_SENTENCES]
    probas, pooled = [], set()
    for sent in sents:
        pooled.update(sentence_features(sent))
        probas.append(model.sentence(sent))
    tops = [coder_top(by_sent.get(s.start, [])) for s in sents]
    return document_view(probas, model.proba(sorted(pooled)), tops, dated_opening(doc))


def apply_type_model(doc: Any, actors: ResolvedActors, candidates: list[Candidate],
                     model: TypeModel | None = None) -> list[Candidate]:
    """The candidates the scorer keeps, re-ranked and possibly re-typed, plus the model's own."""
    model = model or load_type_model()
    if model is None:
        return candidates
    params = ScorerParams.from_dict(model.meta.get("thresholds"), model.meta.get("stacker"))
    switches = {"use_model": REGISTRY.enabled(TYPE_MODEL), "use_none": REGISTRY.enabled(NO_POLITICAL_ACT),
                "use_side": REGISTRY.enabled(POLITICAL_SIDE)}
    if not any(switches.values()):
        return candidates
    by_sent: dict[int, list[Candidate]] = defaultdict(list)
    for c in candidates:
        by_sent[sent_of(c.trigger).start].append(c)
    out: list[Candidate] = []
    reading = document_reading(doc, model, by_sent) if switches["use_model"] else None
    for sent in sentences_of(doc):
        cands = by_sent.get(sent.start, [])
        if not cands and not (switches["use_model"] and any(i in actors.token_actor
                                                            for i in range(sent.start, sent.end))):
            continue
        needs_model = switches["use_model"] or switches["use_none"]
        proba = {}
        if needs_model:
            proba = model.sentence(sent)
        view = sentence_view(sent, actors, cands, proba, reading)
        d = decide_sentence(view, params, **switches)
        if d.propose:
            cand = _proposed(sent, actors, d.propose,
                             d.confidence if d.confidence is not None else view.proba.get(d.propose, 0.0))
            if cand is not None:
                out.append(cand)
            continue
        for i, score in zip(d.keep, d.scores):
            c = cands[i]
            c.confidence = score
            if d.retype and d.retype[0] == i:
                c.code = _code_of_root(d.retype[1])
                c.rules["event"] = TYPE_MODEL
            out.append(c)
    return out


def _political_side(c: Candidate, actors: ResolvedActors) -> int:
    """How many of the candidate's sides (0–2) are political actors."""
    return sum(political(actors.actors.get(a)) for a in (c.source, c.target) if a)
