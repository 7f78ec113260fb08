"""Source and target rules of a coded verb.

Each rule is named and registered (``source.*``, ``target.*``); the rules competing for one
decision propose actor lists and :func:`~.candidates.choose` keeps the best by score. The base
confidences are today's priority order: a ``$``/``+`` slot of the matched pattern first, then
the subject (or the ``by`` agent of a passive); for the target the object, prepositional
objects, places, an actor deep inside the object's modifiers, a bare sector word, and last the
inferences (a protest's purpose clause, an accusation's clause, a threat's condition, a shared
object of coordinated verbs). A few rules refine the choice made (:func:`refine_targets`): the
place of a use of force, the purpose of a means, the subject of a complaint.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors.resolve import ResolvedActors
from ..lexicon import word_class, word_list
from ..rules import Proposal
from ..syntax import (OBJ, PLACE_PREPS, TARGET_PREPS, agent, fronted_place_subject, is_passive, misparsed_noun,
                      passive_patient, prep_objects, relative_object, subject)
from . import codebook
from .report_subjects import FRONTED_LIST_SUBJECT, repaired_by
from .candidates import SWITCHES, Option, better, choose, declare, proposal
from .clauses import SOURCE_SPEAKER, SPEAKER_PRONOUNS, source_from_clause
from .tables import nominal_lexicon
from .patterns import Match
from .phrases import actor_in, bare_sector, deep_actor, noun_author, slot_actor, speaker_actors, stance_anaphor

PROTEST_PURPOSES = word_class("protest_purposes")
OBJECT_PRONOUNS = word_class("object_pronouns")
CONDITION_MARKS = word_class("condition_marks")
TOPIC_PREPS = word_list("topic_preps")
PREPOSITION_NOUNS = word_class("preposition_nouns")
ADDRESSEE_PREPS = word_list("complaint_addressee_preps")

R = ("parse", "actors")
SOURCE_SLOT = declare("source.slot", "source", R + ("verb_dictionary",), 0.95,
                      "the actor at the matched pattern's $ slot")
SOURCE_SUBJECT = declare("source.subject", "source", R + ("lexicon:object_control_verbs",), 0.9,
                         "the subject of an active verb (through relative clauses, control and coordination)")
SOURCE_AGENT = declare("source.passive_agent", "source", R, 0.9, "the 'by' agent of a passive verb")
SOURCE_PLACE_STATE = declare("source.passive_place_state", "source", R + ("codebook:agentless_passive",), 0.7,
                             "'X was arrested in Lebanon': with no agent, the state where it was done did it")
SOURCE_MISPARSED = declare("source.misparsed_noun", "source", R, 0.7,
                           "a gerund joined to a verb stands for a noun: its clause's doer ('seen as a warning')")
SOURCE_FRONTED = declare("source.fronted_place_list", "source", R, 0.7,
                         "'In X, Y, workers protested': the noun the parser joined to a fronted list of places is "
                         "the subject of a verb that has none")
SOURCE_THING_AGENT = declare("source.thing_agent", "source", R, 0.65,
                             "'shells fired by X killed …', 'a bomb planted by X exploded': a subject that is no "
                             "actor, whose participle's 'by' agent is the doer")

TARGET_SLOT = declare("target.slot", "target", R + ("verb_dictionary",), 0.95,
                      "the actor at the matched pattern's + slot (no other target rule is asked)")
# the places a target can stand, best first (a group whose actors are all bare sectors falls back)
GROUPS = (
    declare("target.object", "target", R + ("lexicon:relative_pronouns", "lexicon:stance_nouns"), 0.9,
            "the object, dative or passive patient (an event noun object: its author; 'this position': its holder)"),
    declare("target.prep_object", "target", R + ("lexicon:target_preps",), 0.88,
            "a prepositional object of the verb, in the order of target_preps ('met with X')"),
    declare("target.object_prep", "target", R + ("lexicon:target_preps",), 0.86,
            "a prepositional object of the object ('expressed opposition to X')"),
    declare("target.xcomp_object", "target", R, 0.84, "the object of an open complement ('chose to invite X')"),
    declare("target.place", "target", R + ("lexicon:place_preps",), 0.8, "where the act happens ('in X')"),
    declare("target.object_place", "target", R + ("lexicon:place_preps",), 0.78,
            "where the object is ('declared a curfew in X')"),
)
TARGET_DEEP = declare("target.deep_modifier", "target", R, 0.6,
                      "the nearest named state or organisation inside the object's or complements' modifiers")
TARGET_SECTOR = declare("target.sector_object", "target", R, 0.55,
                        "a bare sector word as the object ('contributed troops'), when no one else is named")
TARGET_PURPOSE = declare("target.purpose_clause", "target", R + ("codebook:protest", "lexicon:protest_purposes"), 0.5,
                         "a protest aimed through its purpose clause ('marched to denounce X')")
TARGET_ACCUSED = declare("target.accused_subject", "target", R + ("codebook:disapproval",), 0.5,
                         "a disapproval stated as a clause aims at its subject ('X charged that Y's troops …')")
TARGET_CONDITION = declare("target.condition_subject", "target", R + ("codebook:threat", "lexicon:condition_marks"),
                           0.5, "a threat aims at the subject of its condition ('… if Y attacked')")
TARGET_SHARED = declare("target.shared_object", "target", R, 0.45,
                        "two coordinated verbs sharing one object: the first takes the second's target")
TARGET_PRONOUN = declare("target.pronoun_object", "target", R + ("lexicon:object_pronouns",), 0.44,
                         "an unresolved object pronoun of the second of two acts is the first act's target")
TARGET_FORCE_PLACE = declare("target.force_place", "target", R + ("codebook:force",), 0.97,
                             "a use of force whose target is no one or a bare sector hits where it happens")
TARGET_ABOUT = declare("target.complaint_about", "target", R + ("codebook:aimed_at_subject",), 0.97,
                       "a complaint to A about B is aimed at B, not at the addressee A")
TARGET_MEANS_PURPOSE = declare("target.means_purpose", "target", R + ("codebook:means",), 0.97,
                               "a means (aid, deployment) with only a sector or a place named serves whom its "
                               "purpose clause names ('sent troops to help X')")


# ---------------------------------------------------------------- sources

def verb_sources(verb: Token, match: Match, actors: ResolvedActors) -> Proposal[list[str]] | None:
    """Who did what ``verb`` says, by the best source rule."""
    options: list[Option] = []
    if match.source_at is not None:
        options.append((SOURCE_SLOT, lambda: slot_actor(match.source_at, actors)))
    if is_passive(verb):
        who = agent(verb)
        if who is not None:
            options.append((SOURCE_AGENT, lambda: actor_in(who, actors)))
        elif codebook.has(match.code or match.reverse, "agentless_passive"):
            options.append((SOURCE_PLACE_STATE, lambda: [a for g in prep_objects(verb, ("in",))
                                                         for a in actor_in(g, actors)
                                                         if actors.actors[a].type == "state"][:1]))
    else:
        subj = subject(verb)
        if subj is not None:
            if not options and subj.lower_ not in SPEAKER_PRONOUNS:
                # (most verbs: the subject is the only rule that applies)
                # a subject the parse repair took back from a fronted list of places keeps that reading's name
                named = SOURCE_FRONTED if repaired_by(subj) == FRONTED_LIST_SUBJECT else SOURCE_SUBJECT
                p = proposal(named, actor_in(subj, actors))
                if p is None and SWITCHES.enabled(SOURCE_THING_AGENT):
                    # "shells fired by X killed …": a thing as the subject, its participle names the doer
                    by = thing_agent(subj)
                    return proposal(SOURCE_THING_AGENT, actor_in(by, actors)) if by is not None else None
                return p if p is not None and SWITCHES.enabled(named) else None
            options.append((SOURCE_SUBJECT, lambda: actor_in(subj, actors)))
            if subj.lower_ in SPEAKER_PRONOUNS:
                options.append((SOURCE_SPEAKER, lambda: speaker_actors(verb, actors)))
        else:
            noun = misparsed_noun(verb)
            if noun is not None:
                options.append((SOURCE_MISPARSED, lambda: _renamed(source_from_clause(noun, actors),
                                                                   SOURCE_MISPARSED)))
            fronted = fronted_place_subject(verb)
            if fronted is not None:
                options.append((SOURCE_FRONTED, lambda: actor_in(fronted, actors)))
    return choose(options)


def thing_agent(subj: Token) -> Token | None:
    """The ``by`` agent of a participle modifying the subject (``shells fired by X``)."""
    for c in subj.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            return agent(c)
    return None


def _renamed(p: Proposal[list[str]] | None, rule: str) -> Proposal[list[str]] | None:
    return proposal(rule, p.value) if p is not None else None


# ---------------------------------------------------------------- targets

def verb_targets(verb: Token, match: Match, actors: ResolvedActors,
                 sources: list[str]) -> Proposal[list[str]] | None:
    """Whom ``verb`` is aimed at, by the best target rule, then refined."""
    if match.target_at is not None:
        return proposal(TARGET_SLOT, [a for a in slot_actor(match.target_at, actors) if a not in sources])
    code = match.code
    # the verb's own places first: their rules' confidences lie above every inference's, so the
    # inferences are asked only when no place names anyone (or the switches reweighted them)
    chosen = placed_targets(verb, actors, sources)
    if chosen is None or SWITCHES.score(chosen) < INFERENCE_BOUND():
        options: list[Option] = []
        if codebook.has(code, "protest"):
            # (the rules after the protest's purpose need a named doer: a target alone would only
            # crowd out another event of the sentence with the same pair)
            options.append((TARGET_PURPOSE, lambda: purpose_targets(verb, actors, sources)))
        elif sources and codebook.has(code, "disapproval"):
            options.append((TARGET_ACCUSED, lambda: accused_subject(verb, actors, sources)))
        elif sources and codebook.has(code, "threat"):
            options.append((TARGET_CONDITION, lambda: condition_subject(verb, actors, sources)))
        if sources:
            # (inferred, so less sure than a named target: the other verb's own event comes first)
            options.append((TARGET_SHARED, lambda: shared_object_targets(verb, actors, sources)))
            options.append((TARGET_PRONOUN, lambda: pronoun_object_targets(verb, actors, sources)))
        chosen = better(chosen, choose(options))
    return refine_targets(verb, code, actors, sources, chosen)


def INFERENCE_BOUND() -> float:  # noqa: N802 (reads like the constant it is between switch changes)
    """The best score an inferred target can have (the weights may change per run)."""
    bound = SWITCHES.bound
    return max(bound.get(r, 0.0) for r in INFERENCES) if bound else 1.0


def placed_targets(verb: Token, actors: ResolvedActors, exclude: list[str]) -> Proposal[list[str]] | None:
    """The target named at the verb's own places (object, prepositions, places), else deep in
    their modifiers, else a bare sector word standing there."""
    groups = _groups(verb)
    lex = nominal_lexicon()
    fallback: Proposal[list[str]] | None = None
    on = SWITCHES.on
    for rule, group in groups:
        if not on.get(rule, True):
            continue
        out: list[str] = []
        for o in group:
            if o.lemma_.lower() in lex and o.i not in actors.token_actor:
                # an event noun carries its own event ("led to the arrest of X"); whose act it is
                # is who the verb answers: "rejected X's demand", "dismissed an appeal from X"
                names = noun_author(o, actors)
            else:
                names = actor_in(o, actors) or stance_anaphor(o, actors, exclude)
            for a in names:
                if a not in out and a not in exclude:
                    out.append(a)
        if out and all(bare_sector(a, actors) for a in out):
            # "contributed troops to Liberia", "offered its troops to Y": the sector noun is
            # what is given; a named state or organisation further on is who receives it
            fallback = fallback or proposal(TARGET_SECTOR, out)
            continue
        if out:
            # "filed a lawsuit against X at the court": a bare sector beside a named actor in the
            # same place is where or through whom, not a second target
            return proposal(rule, [a for a in out if not bare_sector(a, actors)])
    # no one named directly: the nearest actor inside the object's or the complements' own
    # modifiers ("an offensive in its war with X", "parties to the conflict in X", "the X-led war")
    roots = [t for _, g in groups for t in g]
    roots += [g for c in verb.children if c.dep_ == "xcomp" for g in prep_objects(c, TARGET_PREPS + PLACE_PREPS)]
    return proposal(TARGET_DEEP, deep_actor(roots, actors, exclude)) or fallback


INFERENCES = (TARGET_PURPOSE, TARGET_ACCUSED, TARGET_CONDITION, TARGET_SHARED, TARGET_PRONOUN)


def _groups(verb: Token) -> list[tuple[str, list[Token]]]:
    obj_rule, prep_rule, obj_prep_rule, xcomp_rule, place_rule, obj_place_rule = GROUPS
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative", "oprd")]
    if is_passive(verb):
        patient = passive_patient(verb)
        if patient is not None:
            objs.insert(0, patient)
    if relative_object(verb):
        objs.insert(0, verb.head)  # "the city which the army attacked"
    groups = [(obj_rule, objs), (prep_rule, prep_objects(verb)),
              (obj_prep_rule, [g for o in objs for g in prep_objects(o)])]  # "expressed opposition to X"
    for c in verb.children:
        if c.dep_ == "xcomp":  # "chose to invite X"
            groups.append((xcomp_rule, [g for g in c.children if g.dep_ in OBJ]))
    groups.append((place_rule, prep_objects(verb, PLACE_PREPS)))
    groups.append((obj_place_rule, [g for o in objs for g in prep_objects(o, PLACE_PREPS)]))  # "a curfew in X"
    return groups


def is_deep(p: Proposal[list[str]] | None) -> bool:
    """Whether a target was found inside modifiers rather than named at the verb's own places."""
    return p is not None and p.rule in DEEP_RULES


DEEP_RULES = frozenset({TARGET_DEEP, TARGET_PURPOSE, TARGET_ACCUSED, TARGET_CONDITION, TARGET_SHARED,
                        TARGET_PRONOUN, TARGET_FORCE_PLACE, TARGET_MEANS_PURPOSE})


def refine_targets(verb: Token, code: str | None, actors: ResolvedActors, sources: list[str],
                   chosen: Proposal[list[str]] | None) -> Proposal[list[str]] | None:
    """Rules that replace the chosen target when it is no one, a bare sector or only a place."""
    targets = chosen.value if chosen is not None else []
    if sources and codebook.has(code, "force") and all(bare_sector(a, actors) for a in targets):
        # "the raid in southern X killed five people": the act its subject names hit X
        subj = subject(verb)
        if subj is not None and subj.lemma_.lower() in nominal_lexicon():
            chosen = better(chosen, proposal(TARGET_FORCE_PLACE, [
                a for g in prep_objects(subj, PLACE_PREPS) for a in actor_in(g, actors)
                if a not in sources and not bare_sector(a, actors)]))
            targets = chosen.value if chosen is not None else []
    if targets and codebook.has(code, "aimed_at_subject") and not is_deep(chosen):
        about = aimed_at_topic(verb, targets, actors, sources)
        if about != targets:
            chosen = better(chosen, proposal(TARGET_ABOUT, about))
            targets = chosen.value if chosen is not None else []
    if sources and codebook.has(code, "means") and (all(bare_sector(a, actors) for a in targets) or
                                                    only_places(verb, targets, actors)):
        # "sent peacekeepers to help X's government", "deployed troops to fight rebels in X",
        # "mobilized groups in X to support Y": with no one named but what is sent or where,
        # the act is aimed where its purpose clause aims
        chosen = better(chosen, proposal(TARGET_MEANS_PURPOSE,
                                         purpose_targets(verb, actors, sources, any_purpose=True)))
    return chosen


def targets_of(verb: Token, actors: ResolvedActors, exclude: list[str]) -> list[str]:
    """The actors a verb's own places name (what an embedded or neighbouring act reads)."""
    p = placed_targets(verb, actors, exclude)
    return list(p.value) if p is not None else []


def purpose_targets(verb: Token, actors: ResolvedActors, exclude: list[str],
                    any_purpose: bool = False) -> list[str]:
    """A protest aimed through its purpose clause: ``began a hunger strike to protest against
    Ruritania's decision``, ``marched to denounce X``: the clause's own target (on the verb or on
    its object). With ``any_purpose``, any adverbial purpose clause of the verb (``to help X``) that
    names a state or organisation directly (not deep inside its object, not a bare sector); an
    ``xcomp`` is then left to the verb frames (``agreed to help X``)."""
    # (an object's own infinitive, "an agreement to facilitate …", says what the object is, not
    # whom the act is aimed at: only the verb's adverbial clause counts then)
    heads = [verb] + ([] if any_purpose else [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")])
    deps = ("advcl",) if any_purpose else ("advcl", "xcomp", "acl")
    for h in heads:
        for c in h.children:
            if c.dep_ in deps and c.pos_ == "VERB" and (any_purpose or c.lemma_.lower() in PROTEST_PURPOSES) \
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                p = placed_targets(c, actors, exclude)
                found = list(p.value) if p is not None else []
                if any_purpose:
                    found = [] if is_deep(p) else [a for a in found if not bare_sector(a, actors)]
                if found:
                    return found
    return []


def only_places(verb: Token, targets: list[str], actors: ResolvedActors) -> bool:
    """Whether every target is only where the act happens (``… groups in X``), not its object."""
    if not targets:
        return False
    heads = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "dative", "oprd")]
    places = {a for h in heads for g in prep_objects(h, PLACE_PREPS) for a in actor_in(g, actors)}
    return set(targets) <= places


def aimed_at_topic(verb: Token, targets: list[str], actors: ResolvedActors, sources: list[str]) -> list[str]:
    """``X complained to the UN over / about / regarding Y's raids``: a disapproval or protest is
    aimed at whom it is about (its topic, any preposition of ``topic_preps``: PLOVER's target), not
    at whom it is addressed to; the addressee stays the target when the complaint names no one else.
    When no other target is left, the first topic that names someone gives it, even when the verb's
    target prepositions do not list its preposition (``regarding``)."""
    addressed = {a for g in prep_objects(verb, ADDRESSEE_PREPS) for a in actor_in(g, actors)}
    # "complained to the UN on behalf of Y": a complex preposition names whom the act is for, no topic
    topics = [found for g in prep_objects(verb, TOPIC_PREPS) if g.lemma_.lower() not in PREPOSITION_NOUNS
              if (found := [a for a in actor_in(g, actors) if a not in addressed and a not in sources])]
    if not (addressed & set(targets)) or not topics:
        return targets
    return [a for a in targets if a not in addressed] or topics[0]


def pronoun_object_targets(verb: Token, actors: ResolvedActors, exclude: list[str]) -> list[str]:
    """``X accused Y of harbouring rebels and warned it to stop``: an object pronoun the actor
    stage leaves unresolved, in the second of two coordinated acts, is the first act's target."""
    if verb.dep_ != "conj" or verb.head.pos_ != "VERB" or not any(
            c.dep_ == "dobj" and c.lower_ in OBJECT_PRONOUNS and c.i not in actors.token_actor for c in verb.children):
        return []
    p = placed_targets(verb.head, actors, exclude)
    return [] if p is None or is_deep(p) else [a for a in p.value if not bare_sector(a, actors)]


def shared_object_targets(verb: Token, actors: ResolvedActors, exclude: list[str]) -> list[str]:
    """``X condemned and rejected Y's decision``: two verbs sharing one object, which the parser
    hangs on the last; the first verb, with nothing of its own after it, takes the same target."""
    conj = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
    if conj is None or any(c.i > verb.i and c.dep_ not in ("cc", "punct", "conj", "advmod") for c in verb.children):
        return []
    if not any(c.dep_ == "dobj" for c in conj.children):
        return []
    p = placed_targets(conj, actors, exclude)
    return [] if p is None or is_deep(p) else list(p.value)


def condition_subject(verb: Token, actors: ResolvedActors, exclude: list[str]) -> list[str]:
    """A threat is aimed at whoever must act to avoid it: ``X warned of retaliation if Y attacked``,
    ``X threatened to leave unless Y withdrew`` — the subject of the condition, here or in the
    threat's own complement (``X warned that it would retaliate if Y …``)."""
    clauses = [verb] + [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    for h in clauses:
        for c in h.children:
            if c.dep_ != "advcl" or not any(g.dep_ == "mark" and g.lower_ in CONDITION_MARKS for g in c.children):
                continue
            doer = agent(c) if is_passive(c) else next((g for g in c.children if g.dep_ == "nsubj"), None)
            named = [a for a in actor_in(doer, actors) if a not in exclude and not bare_sector(a, actors)]
            if named:
                return named
    return []


def accused_subject(verb: Token, actors: ResolvedActors, exclude: list[str]) -> list[str]:
    """A disapproval stated as a clause aims at the clause's subject: ``X charged that Y's
    troops had crossed the border``, ``X complained that Y harassed its citizens``."""
    for c in verb.children:
        if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"):
            # the doer: the subject, or the agent of a passive ("… were beaten by Y's police")
            subj = agent(c) if is_passive(c) else next((g for g in c.children if g.dep_ == "nsubj"), None)
            if subj is not None:
                return [a for a in actor_in(subj, actors) if a not in exclude and not bare_sector(a, actors)]
    return []
