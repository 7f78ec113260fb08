"""Who an event noun's clause says did it: the subject of a light verb, of a predicate, of a
consequence (``X held talks``, ``X's invitation is seen as a warning``, ``X's response, which led
to the arrest of …``). Read by the nominal rules and by the verb rule for a gerund the parser
joined to a verb (``seen as a hint or warning to Y``).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..actors.resolve import ResolvedActors
from ..lexicon import word_class
from ..rules import Proposal
from ..syntax import governor, is_passive, subject
from .candidates import declare, proposal
from .phrases import actor_in, speaker_actors

LIGHT_VERBS = word_class("light_verbs")
ENDING_VERBS = word_class("ending_verbs")
MOTION_VERBS = word_class("motion_verbs")
CONSEQUENCE_VERBS = word_class("consequence_verbs")
SPEAKER_PRONOUNS = word_class("speaker_pronouns")
PRESENCE_PREPS = word_class("presence_preps")

SOURCE_LIGHT_VERB = declare(
    "source.light_verb_subject", "source", ("parse", "actors", "lexicon:light_verbs", "lexicon:ending_verbs",
                                            "lexicon:motion_verbs"), 0.8,
    "the subject of the light verb whose object is the event noun: 'X held talks', 'X went there for talks'")
SOURCE_SPEAKER = declare(
    "source.speaker_pronoun", "source", ("parse", "actors", "lexicon:speaker_pronouns", "lexicon:speech_verbs"),
    0.75, "a pronoun subject of a reported clause is the speaker: 'Syria says it will not accept …'")
SOURCE_PREDICATE = declare(
    "source.predicate_subject", "source", ("parse", "actors"), 0.75,
    "the author of the subject of a predicate noun: 'X's invitation can be seen as a warning'")
SOURCE_CONSEQUENCE = declare(
    "source.consequence_subject", "source", ("parse", "actors", "lexicon:consequence_verbs"), 0.7,
    "the subject of a verb of consequence: 'X's response, which led to the arrest of …'")


def is_light(verb: Token) -> bool:
    """A light verb, also when the tagger's lemma is off (``staged`` → ``stag``)."""
    if verb.lemma_.lower() in LIGHT_VERBS:
        return True
    word = verb.lower_
    return verb.tag_ in ("VBD", "VBN") and word.endswith("ed") and (word[:-1] in LIGHT_VERBS or word[:-2] in LIGHT_VERBS)


def went_for(verb: Token) -> bool:
    """A verb of going or being somewhere (``returned to Geneva``, ``is in Kigali``) for an activity."""
    lemma = verb.lemma_.lower()
    return lemma in MOTION_VERBS or (lemma == "be" and any(
        c.dep_ == "prep" and c.lower_ in PRESENCE_PREPS for c in verb.children))


def ending_verb(noun: Token) -> Token | None:
    """The verb that ends the activity the noun names: ``ended its mediation efforts``."""
    verb, how = governor(noun)
    if verb is None or how != "dobj" or verb.lemma_.lower() not in ENDING_VERBS:
        return None
    return verb


def source_from_clause(noun: Token, actors: ResolvedActors) -> Proposal[list[str]] | None:
    """Who the clause around an event noun names as its doer, and by which rule."""
    verb, how = governor(noun)
    if verb is None:
        return None
    lemma = verb.lemma_.lower()
    if (how == "dobj" and (is_light(verb) or lemma in ENDING_VERBS)) or (
            how == "prep:for" and went_for(verb) and not is_passive(verb)):
        # "X held a meeting", "X ended its mediation", "X returned to Geneva for talks"
        subj = subject(verb)
        found = actor_in(subj, actors)
        if not found and subj is not None and subj.lower_ in SPEAKER_PRONOUNS:
            return proposal(SOURCE_SPEAKER, speaker_actors(verb, actors))  # "NATO said it would tighten …"
        return proposal(SOURCE_LIGHT_VERB, found)
    if how == "attr" or how == "prep:as" or how == "oprd":
        # "X's invitation can be seen as a warning": the source of the subject phrase
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            found = actor_in(subj, actors, depth=1)
            if not found:
                found = next((actor_in(c, actors, depth=1) for c in subj.children if c.dep_ == "poss"), [])
            return proposal(SOURCE_PREDICATE, found)
    if how in ("prep:to", "prep:in") and lemma in CONSEQUENCE_VERBS:
        subj = subject(verb)
        found = actor_in(subj, actors)
        if not found and subj is not None and subj.dep_ == "pobj" and subj.head.head.pos_ == "NOUN":
            found = actor_in(subj.head.head, actors, depth=1)  # "X's response to the coup, which led to …"
        return proposal(SOURCE_CONSEQUENCE, found)
    return None
