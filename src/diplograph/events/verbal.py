"""A coded verb: its event proposals, its source and target, and the candidates it yields.

The verb dictionary proposes the first code (``event.verb_pattern`` when a pattern's words
matched, ``event.verb_entry`` for the verb's own code); frames and transformations propose
later (``frames.py``), and the best proposal is the verb's code (their base confidences are the
order in which they were applied before: a later, more specific reading wins).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..actors.resolve import ResolvedActors
from ..lexicon import word_class, word_list
from ..rules import Proposal
from ..syntax import SPEECH_VERBS, clause_weight, is_passive, prep_objects, speaker
from . import codebook
from .arguments import is_deep, verb_sources, verb_targets
from .candidates import BASE, SWITCHES, Candidate, declare
from .patterns import Match
from .tables import nominal_lexicon

CAUSAL_VERBS = word_class("causal_verbs")
CONSEQUENCE_PREPS = word_list("consequence_preps")

EVENT_ENTRY = declare("event.verb_entry", "event", ("parse", "verb_dictionary"), 0.5,
                      "the verb dictionary's code for the verb itself (no pattern's words matched)")
EVENT_PATTERN = declare("event.verb_pattern", "event", ("parse", "verb_dictionary"), 0.6,
                        "the most specific verb-dictionary pattern whose words stand in the right places")
EVENT_REVERSE = declare("event.verb_reverse", "event", ("parse", "verb_dictionary"), 0.5,
                        "the pattern's reverse code [a:b]: the one opposite did b ('B was hosted by A'); its source "
                        "was found by a target rule and its target by a source rule")
TARGET_RECIPROCAL = declare("target.reciprocal", "target", ("parse", "actors", "codebook:reciprocal"), 0.6,
                            "'X and Y agreed': with no target, each subject is the other's target")


@dataclass
class Verbal:
    verb: Token
    match: Match
    sources: list[str]
    targets: list[str]
    event_rule: str | None = None
    source_rule: str | None = None
    target_rule: str | None = None
    demand_frame: bool = False  # "X said Y must …": a demand of the speaker, not reported speech
    negation_absorbed: bool = False
    deep_target: bool = False  # the target stands inside the object's modifiers, not as the object
    proposals: list[Proposal[Match]] = field(default_factory=list)

    @property
    def framed(self) -> bool:
        """The code comes from a frame or a transformation (as specific as a pattern)."""
        return self.event_rule in FRAMED_RULES

    def propose(self, rule: str, match: Match) -> bool:
        """A later rule's reading of the event; it becomes the code if it scores at least as well
        as the standing one (a later reading of equal rank is the more specific). Returns whether
        it did."""
        p = Proposal("event", match, BASE[rule], rule)
        self.proposals.append(p)
        current = self._current()
        if SWITCHES.enabled(rule) and (current is None or SWITCHES.score(p) >= SWITCHES.score(current)):
            self.match, self.event_rule = match, rule
            return True
        return False

    def _current(self) -> Proposal[Match] | None:
        if self.event_rule is None:
            return None
        return Proposal("event", self.match, BASE[self.event_rule], self.event_rule)

    def void(self) -> None:
        """The act is not coded (an embedded act another rule reads as not having happened)."""
        self.match, self.event_rule = Match(None, None, None), None

    def retarget(self, rule: str, targets: list[str], deep: bool | None = None) -> bool:
        """A frame rule's target replaces the verb's own (when the rule is on)."""
        if not SWITCHES.enabled(rule):
            return False
        self.targets, self.target_rule = targets, rule if targets else None
        if deep is not None:
            self.deep_target = deep
        return True


FRAMED_RULES: set[str] = set()  # filled by frames.py with the names of its event rules


def verbal_args(verb: Token, match: Match, actors: ResolvedActors) -> Verbal:
    """The verb with its dictionary code, its source and its target decided by the rules."""
    src = verb_sources(verb, match, actors)
    sources = list(src.value) if src is not None else []
    tgt = verb_targets(verb, match, actors, sources)
    v = Verbal(verb, match, sources, list(tgt.value) if tgt is not None else [],
               source_rule=src.rule if src is not None else None, target_rule=tgt.rule if tgt is not None else None,
               deep_target=is_deep(tgt))
    if match.code or match.reverse:
        v.event_rule = EVENT_PATTERN if match.pattern is not None else EVENT_ENTRY
    return v


def verbal_candidates(v: Verbal, force: bool = False) -> list[Candidate]:
    verb, m = v.verb, v.match
    code, reverse = m.code, m.reverse
    # Reported speech: the speaking itself is only an event when the statement is one.
    if not code and not reverse:
        return []
    if not force and codebook.has(code, "statement") and (verb.lemma_ in SPEECH_VERBS or not v.targets) and (
            not v.targets or verb.dep_ in ("parataxis", "ccomp") or
            any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)):
        return []  # the saying is not an event (nor a statement to no one); what is said may be
    sources, targets = v.sources, v.targets
    if not sources and not (targets and is_passive(verb) and codebook.has(code or reverse, "agentless_passive")):
        return []  # an agentless active verb ("considering the relationship between X and Y")
    if verb.lemma_.lower() in CAUSAL_VERBS and any(
            o.lemma_.lower() in nominal_lexicon() for o in prep_objects(verb, CONSEQUENCE_PREPS) +
            [c for c in verb.children if c.dep_ == "dobj"]):
        return []  # "which led to the arrest of X": the noun is the event
    spk = speaker(verb)
    specific = m.pattern is not None or v.framed
    conf = 0.45 + (0.2 if sources else 0) + (0.1 if targets and not v.deep_target else 0.05 if targets else 0) + \
        (0.05 if specific else 0)
    conf = min(0.99, conf * (0.4 + 0.6 * clause_weight(verb)))
    res: list[Candidate] = []
    if not targets and len(sources) >= 2 and codebook.has(code or reverse, "reciprocal") and \
            SWITCHES.enabled(TARGET_RECIPROCAL):
        pairs = [(a, b) for a in sources for b in sources if a != b]  # "X and Y agreed"
        for a, b in pairs:
            res.append(Candidate(verb, a, b, code or reverse, speaker=spk, confidence=conf,
                                 rules={"event": v.event_rule, "source": v.source_rule, "target": TARGET_RECIPROCAL}))
        return res
    for s in sources or [None]:
        for t in targets or [None]:
            if s is not None and s == t:
                continue
            s_rule = v.source_rule if s is not None else None
            t_rule = v.target_rule if t is not None else None
            if code:
                res.append(Candidate(verb, s, t, code, speaker=None if v.demand_frame else spk, confidence=conf,
                                     rules={"event": v.event_rule, "source": s_rule, "target": t_rule},
                                     negation_absorbed=v.negation_absorbed))
            if reverse and (s or t) and not (t is None and code == reverse) and SWITCHES.enabled(EVENT_REVERSE):
                # (not for a symmetric code with no one opposite: "X signed an agreement" is not
                # also "no one signed it with X", which only puts X in a target slot)
                # a symmetric pair ([041:041], "telephoned"): both did the same, as sure as each
                # other (PLOVER codes a phone call or a meeting with both as actors); otherwise
                # "B was hosted by A" is a little less sure than "A hosted B"
                res.append(Candidate(verb, t, s, reverse, speaker=spk,
                                     confidence=conf - (0.05 if code and code != reverse else 0),
                                     rules={"event": EVENT_REVERSE, "source": t_rule, "target": s_rule}))
    return res
