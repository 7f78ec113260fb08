"""Verb frames: verbs taking a verb combine into one code, and the embedded act is not a fact.

``agreed to meet``, ``urged Y to withdraw``, ``demanded that Y leave`` combine through
``data/lexicons/verb_frames.tsv`` and ``verb_combinations.tsv`` (``event.verb_frame``); frames
whose second part is not a coded verb (``ready to contribute``, ``agreed to an extension``,
``X said Y must …``, ``would not accept …``) have rules of their own; the verb dictionary's
``~`` transformations (``event.transformation``) read a verb governing a coded clause.
"""
from __future__ import annotations

from ..actors.resolve import ResolvedActors
from ..lexicon import word_class
from ..syntax import SPEECH_VERBS, embedded, prep_objects, subject
from . import codebook
from .arguments import is_deep, placed_targets
from .candidates import Candidate, declare
from .patterns import Match
from .phrases import actor_in
from .tables import combine, verb_frames
from .verbal import FRAMED_RULES, Verbal, verbal_args, verbal_candidates
from .verbs import VerbDictionary

READY_ADJECTIVES = word_class("ready_adjectives")
READY_HEADS = word_class("ready_heads")
ACCEPTANCE_VERBS = word_class("acceptance_verbs")
OBLIGATION_MODALS = word_class("obligation_modals")
OFFICE_TAKING_VERBS = word_class("office_taking_verbs")
OFFICE_NOUNS = word_class("office_nouns")

F = ("parse", "verb_frames")
EVENT_FRAME = declare("event.verb_frame", "event", F + ("verb_combinations",), 0.9,
                      "a frame verb and the act it takes combine into one code ('agreed to meet', 'urged Y to leave')")
EVENT_READY = declare("event.frame_ready", "event", F + ("lexicon:ready_adjectives",), 0.8,
                      "'X is ready to contribute': an intent to do the act")
EVENT_INTENT_NOUN = declare("event.frame_intent_noun", "event", F + ("nominal_events",), 0.8,
                            "'X agreed to an extension': an intent, the event noun saying which")
EVENT_DEMAND = declare("event.frame_reported_demand", "event", F + ("lexicon:obligation_modals",), 0.82,
                       "'X said Y must hand over …': a demand on Y")
EVENT_REFUSAL = declare("event.frame_negated_acceptance", "event",
                        ("parse", "lexicon:acceptance_verbs", "codebook:refused_as"), 0.85,
                        "'X would not accept …': a rejection, the negation absorbed in the code")
EVENT_TRANSFORM = declare("event.transformation", "event", ("parse", "verb_dictionary"), 0.9,
                          "a verb-dictionary ~ transformation over a verb governing a coded clause")
FRAMED_RULES.update({EVENT_FRAME, EVENT_READY, EVENT_INTENT_NOUN, EVENT_DEMAND, EVENT_REFUSAL, EVENT_TRANSFORM})

EVENT_OFFICE = declare("event.office_taking", "event",
                       ("parse", "lexicon:office_taking_verbs", "lexicon:office_nouns"), 0.95,
                       "'X took office / assumed power / took the oath': a change of office, no act between actors")

TARGET_DEMANDED = declare("target.demanded_subject", "target", ("parse", "actors"), 0.9,
                          "'X said Y must …': the one the demand is made on")
TARGET_INNER_DOER = declare("target.frame_inner_doer", "target", ("parse", "actors", "verb_frames"), 0.85,
                            "'demanded that Y renounce …': the doer of the clause a frame verb takes")
TARGET_INNER_TARGET = declare("target.frame_inner_target", "target", ("parse", "actors", "verb_frames"), 0.8,
                              "'threatened to cut supplies to Y': the target of the act a frame verb takes")
SOURCE_TRANSFORM = declare("source.transformation", "source", ("parse", "verb_dictionary"), 0.9,
                           "the source a verb-dictionary transformation binds")
TARGET_TRANSFORM = declare("target.transformation", "target", ("parse", "verb_dictionary"), 0.9,
                           "the target a verb-dictionary transformation binds")


def frames_without_verb(coded: dict[int, Verbal], lex: dict, actors: ResolvedActors) -> None:
    """Frames whose second part is not a coded verb of their own.

    ``X is ready to contribute`` (an intent), ``X agreed to an extension`` (intent + event noun),
    ``X said Y must hand over …`` (a demand on Y), ``X would not accept …`` (a rejection).
    """
    families, _ = verb_frames()
    for i, v in list(coded.items()):
        verb = v.verb
        lemma = verb.lemma_.lower()
        code = v.match.code or ""
        if lemma in OFFICE_TAKING_VERBS and any(c.dep_ == "dobj" and c.lemma_.lower() in OFFICE_NOUNS
                                                for c in verb.children):
            v.propose(EVENT_OFFICE, Match(None, None, None))  # no code: the office change is no event
            continue
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in READY_ADJECTIVES:
            v.propose(EVENT_READY, Match(combine("intent", code), None, v.match.pattern))
            continue
        if families.get(lemma) == "intent" and embedded(verb) is None and v.match.pattern is None:
            nouns = [g for g in prep_objects(verb, ("to",)) if g.pos_ == "NOUN"]
            if nouns:  # "agreed to an extension of the mandate": an intent; the noun may say which
                inner = lex.get(nouns[0].lemma_.lower())
                v.propose(EVENT_INTENT_NOUN, Match(combine("intent", inner[0] if inner else None), None, None))
                continue
        if lemma in SPEECH_VERBS:
            for c in verb.children:
                if c.dep_ != "ccomp" or not any(a.lower_ in OBLIGATION_MODALS or
                                                (a.lower_ == "to" and a.head.lemma_ == "have")
                                                for a in c.children if a.dep_ == "aux"):
                    continue
                inner = coded.get(c.i)
                subj = subject(c)
                names = [a for a in actor_in(subj, actors) if a not in v.sources]
                if names and v.sources:
                    if v.propose(EVENT_DEMAND, Match(combine("demand", inner.match.code if inner else None), None,
                                                     v.match.pattern)):
                        v.retarget(TARGET_DEMANDED, names)
                        if inner is not None:
                            inner.void()  # the demanded act has not happened
                        v.demand_frame = True
        meets_someone = lemma == "meet" and any(c.dep_ == "dobj" and c.i in actors.token_actor for c in verb.children)
        refused = codebook.value(code, "refused_as")
        if lemma in ACCEPTANCE_VERBS and any(c.dep_ == "neg" for c in verb.children) and not meets_someone and \
                refused and v.propose(EVENT_REFUSAL, Match(refused, None, v.match.pattern)):
            v.negation_absorbed = True


def apply_frames(coded: dict[int, Verbal], suppressed: set[int], actors: ResolvedActors) -> None:
    """Combine each frame verb with the act it takes; the taken act is suppressed."""
    families, _ = verb_frames()
    for i, v in list(coded.items()):
        family = families.get(v.verb.lemma_.lower())
        if v.verb.dep_ == "acomp" or family is None:
            # "ready to contribute": the copula's subject and an intent frame
            family = "intent" if v.verb.lemma_.lower() in READY_HEADS else family
        emb = embedded(v.verb)
        taken = coded.get(emb.i) if emb is not None else None
        if taken is not None and taken.event_rule == EVENT_OFFICE:
            v.propose(EVENT_OFFICE, Match(None, None, None))  # "managed to take power": no act either
            continue
        if family is None or emb is None:
            continue
        inner = coded.get(emb.i)
        if not v.propose(EVENT_FRAME, Match(combine(family, inner.match.code if inner else None), None,
                                            v.match.pattern)):
            continue
        if inner is not None:
            suppressed.add(emb.i)
            inner_direct = emb.dep_ == "ccomp" or not inner.deep_target
            if not v.targets or (v.deep_target and inner_direct):
                # "urged Y to withdraw from Z" → Y; "demanded that Hamas renounce …" → Hamas
                doer = emb.dep_ == "ccomp"
                named = [a for a in (inner.sources if doer else inner.targets) if a not in v.sources]
                if named or not v.targets:
                    v.retarget(TARGET_INNER_DOER if doer else TARGET_INNER_TARGET, named, deep=not inner_direct)
        elif not v.targets and emb.dep_ == "ccomp":
            v.retarget(TARGET_INNER_DOER, [a for a in actor_in(subject(emb), actors) if a not in v.sources])
        elif not v.targets and emb.dep_ == "xcomp" and len(v.sources) == 1:
            # "threatened to cut gas supplies to Y", "refused to hand the suspects over to Y":
            # an embedded act the dictionary leaves uncoded still names whom the frame aims at
            # (named directly; "X and Y agreed to …" stays their reciprocal agreement)
            p = placed_targets(emb, actors, v.sources)
            if p is not None and not is_deep(p):
                v.retarget(TARGET_INNER_TARGET, list(p.value))


def transformations(coded: dict[int, Verbal], suppressed: set[int], vd: VerbDictionary,
                    actors: ResolvedActors) -> list[Candidate]:
    """Apply the dictionary's ``~`` transformations to verbs governing a coded clause."""
    from .transform import apply, parse_rules

    rules = _rules_of(vd, parse_rules)
    names = {r.verb for r in rules}
    out: list[Candidate] = []
    for i, inner in list(coded.items()):
        verb = inner.verb
        if i in suppressed or verb.dep_ not in ("ccomp", "xcomp"):
            continue
        if verb.head.i not in coded and verb.head.pos_ == "VERB" and verb.head.lemma_.upper() in names:
            coded[verb.head.i] = verbal_args(verb.head, Match(None, None, None), actors)  # "attempted to"
        if verb.head.i not in coded or verb.i < verb.head.i:
            continue  # "Arnor attacked Gondor, Rohan said": a source line, not a statement about Arnor
        outer = coded[verb.head.i]
        if not inner.match.code:
            continue
        own_subject = bool(set(inner.sources) - set(outer.sources))  # "X wants Y to …" has one
        for rule in rules:
            got = apply(rule, outer.verb, outer.sources, verb, inner.match.code, inner.sources, inner.targets,
                        own_subject, vd)
            if got is None:
                continue
            sources, targets, code = got
            t = Verbal(outer.verb, Match(code, None, None), sources, targets, event_rule=EVENT_TRANSFORM,
                       source_rule=SOURCE_TRANSFORM, target_rule=TARGET_TRANSFORM)
            found = verbal_candidates(t, force=True)
            suppressed.add(outer.verb.i)
            if verb.dep_ == "ccomp" and outer.verb.lemma_ in SPEECH_VERBS:
                for c in found:  # the reported act stays the sentence's main event
                    c.confidence *= 0.9
            else:
                suppressed.add(i)  # "X wants to attack Y": the intention replaces the act
            out.extend(found)
            break
    return out


def _rules_of(vd: VerbDictionary, parse) -> list:
    rules = getattr(vd, "parsed_transformations", None)
    if rules is None:
        rules = vd.parsed_transformations = parse(vd.transformations)
    return rules


def content_not_fact(v: Verbal, coded: dict[int, Verbal]) -> bool:
    """``X accused Y of attacking Z``: the attack is the accusation's content, not a fact."""
    return v.verb.dep_ == "pcomp" and v.verb.head.head.i in coded and \
        codebook.has(coded[v.verb.head.head.i].match.code, "content_not_fact")

