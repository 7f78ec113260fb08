"""Event nouns: ``the meeting between X and Y``, ``Russia's closure of the route``.

The noun's own phrase gives the participants first: a possessive, a ``by`` phrase or a
national adjective is the source; ``of``/``to``/``with``/``against``/``on`` objects are
targets; ``between X and Y`` is reciprocal. When the phrase names no source, the clause
around it does:

- a light verb's subject: ``X held a meeting with Y``, ``X expressed opposition to Y``;
- a predicate: ``X's invitation can be seen as a warning to Y`` (the source of the subject);
- a consequence: ``X's handling of the riots, which led to the arrest of …``.

Ending the activity a noun names (``X ended its mediation between Y and Z``, ``X suspended the
talks``) is the reduction of it, not the activity (``lexicons/nominal_reversals.tsv``).

When it names no target and the noun is the subject of a clause, the clause's object is the
one affected: ``Russia's closure … has caused problems for Kazakhstan's exports``.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from ..actors.resolve import ResolvedActors
from ..data import data_path
from .coder import (FORCE_ROOTS, PLACE_PREPS, SPEAKER_PRONOUNS, Candidate, _actor_in, _anaphor, _clause_weight,
                    _is_passive, _prep_objects, _speaker, _speaker_actors, _subject, _targets, bare_sector,
                    sector_adjective)

LIGHT_VERBS = {"hold", "have", "conduct", "launch", "send", "issue", "make", "express", "stage", "begin",
               "start", "carry", "give", "pay", "deliver", "voice", "lodge", "impose", "take", "announce",
               "continue", "resume", "mount", "file", "extend", "order", "initiate", "organize", "organise",
               "host", "convene", "call", "declare", "threaten", "step", "intensify", "escalate", "open",
               "complete", "conclude", "end", "finish", "reiterate", "renew", "level", "signal", "apply",
               "tighten", "enforce", "maintain", "lift", "ease", "relax"}
# verbs ending the activity their object names: "ended its mediation", "suspended the talks"
# ("concluded talks", "completed the withdrawal": the act took place — those stay light verbs)
ENDING_VERBS = {"end", "halt", "stop", "suspend", "cease", "terminate", "abandon", "quit", "cancel", "freeze",
                "lift", "ease", "relax", "scrap", "interrupt", "discontinue"}
# generic heads an event noun can modify and still be the event ("mediation efforts"); other heads
# make it a qualifier ("opposition parties", "war crimes")
ACTIVITY_HEADS = {"effort", "process", "mission", "bid", "campaign", "operation", "attempt", "initiative",
                  "round", "programme", "program", "drive", "plan", "activity", "activities"}
# verbs of going somewhere "for talks": their subject is the one who takes part
MOTION_VERBS = {"go", "come", "return", "arrive", "travel", "fly", "head", "gather", "assemble", "leave"}
CAUSAL_VERBS = {"lead", "result", "contribute", "cause", "prompt", "trigger", "spark", "bring", "amount"}
SOURCE_PREPS = {"by", "from"}
TARGET_PREPS = ("of", "with", "to", "against", "on", "upon", "into", "toward", "towards", "at", "over", "for")


def _own_args(noun: Token, actors: ResolvedActors) -> tuple[list[str], list[str], bool]:
    sources: list[str] = []
    targets: list[str] = []
    between = False
    for c in noun.children:
        if c.dep_ == "poss":
            sources += _actor_in(c, actors, depth=1)
        elif c.dep_ in ("compound", "amod", "nmod") and c.i in actors.token_actor and \
                not sector_adjective(c, actors):
            sources.append(actors.token_actor[c.i])
        elif c.dep_ == "prep":
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                names = _actor_in(g, actors)
                prep = c.lower_
                if prep in SOURCE_PREPS and not (prep == "from" and noun.lemma_ in ("withdrawal", "expulsion")):
                    sources += names
                elif prep in ("between", "among"):
                    sources += names
                    between = True
                elif prep in TARGET_PREPS:
                    targets += names or _anaphor(g, actors, sources)
    return _unique(sources), _unique([t for t in targets if t not in sources]), between


def _unique(xs: list[str]) -> list[str]:
    out: list[str] = []
    for x in xs:
        if x not in out:
            out.append(x)
    return out


@lru_cache(maxsize=1)
def reversals() -> list[tuple[str, str]]:
    """(noun code prefix, code of ending it), longest prefix first (data/lexicons/nominal_reversals.tsv)."""
    rows = []
    with data_path("lexicons", "nominal_reversals.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                prefix, code = line.split("\t")[:2]
                rows.append((prefix.strip(), code.strip()))
    return sorted(rows, key=lambda r: -len(r[0]))


def reversed_code(code: str) -> str | None:
    """The code of ending the activity ``code`` names, or None when ending it is not an event."""
    return next((c for prefix, c in reversals() if code.startswith(prefix)), None)


def ending_verb(noun: Token) -> Token | None:
    """The verb that ends the activity the noun names: ``ended its mediation efforts``."""
    verb, how = _governor(noun)
    if verb is None or how != "dobj" or verb.lemma_.lower() not in ENDING_VERBS:
        return None
    return verb


def _head_of_compound(noun: Token) -> Token:
    """``mediation efforts``, ``peace process``: an event noun modifying a generic head stands
    where the head stands."""
    t = noun
    while t.dep_ == "compound" and t.head.pos_ == "NOUN" and t.head.i > t.i and \
            t.head.lemma_.lower() in ACTIVITY_HEADS:
        t = t.head
    return t


def _governor(noun: Token) -> tuple[Token | None, str]:
    """The verb governing a noun phrase and how: ``dobj``, ``attr``, ``as``, ``prep:to``, ``nsubj``."""
    t = _head_of_compound(noun)
    while t.dep_ == "conj" and t.head.pos_ in ("NOUN", "PROPN"):
        t = t.head
    if t.dep_ in ("dobj", "attr", "oprd", "nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX"):
        return t.head, t.dep_
    if t.dep_ == "pobj" and t.head.dep_ in ("prep", "agent") and t.head.head.pos_ in ("VERB", "AUX"):
        return t.head.head, "prep:" + t.head.lower_
    return None, ""


def is_light(verb: Token) -> bool:
    """A light verb, also when the tagger's lemma is off (``staged`` → ``stag``)."""
    if verb.lemma_.lower() in LIGHT_VERBS:
        return True
    word = verb.lower_
    return verb.tag_ in ("VBD", "VBN") and word.endswith("ed") and (word[:-1] in LIGHT_VERBS or word[:-2] in LIGHT_VERBS)


def _source_from_clause(noun: Token, actors: ResolvedActors) -> list[str]:
    verb, how = _governor(noun)
    if verb is None:
        return []
    lemma = verb.lemma_.lower()
    if (how == "dobj" and (is_light(verb) or lemma in ENDING_VERBS)) or (
            how == "prep:for" and _went_for(verb) and not _is_passive(verb)):
        # "X held a meeting", "X ended its mediation", "X returned to Geneva for talks"
        subj = _subject(verb)
        found = _actor_in(subj, actors)
        if not found and subj is not None and subj.lower_ in SPEAKER_PRONOUNS:
            found = _speaker_actors(verb, actors)  # "NATO said it would tighten the blockade"
        return found
    if how == "attr" or how == "prep:as" or how == "oprd":
        # "X's invitation can be seen as a warning": the source of the subject phrase
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            found = _actor_in(subj, actors, depth=1)
            if not found:
                found = next((_actor_in(c, actors, depth=1) for c in subj.children if c.dep_ == "poss"), [])
            return found
    if how in ("prep:to", "prep:in") and lemma in CAUSAL_VERBS:
        subj = _subject(verb)
        found = _actor_in(subj, actors)
        if not found and subj is not None and subj.dep_ == "pobj" and subj.head.head.pos_ == "NOUN":
            found = _actor_in(subj.head.head, actors, depth=1)  # "X's response to the coup, which led to …"
        return found
    return []


def _targets_from_clause(noun: Token, actors: ResolvedActors, exclude: list[str]) -> list[str]:
    verb, how = _governor(noun)
    if verb is None:
        return []
    if how == "nsubj" and not _is_passive(verb):
        return _targets(verb, actors, exclude)  # "X's closure … caused problems for Y"
    if how == "dobj" and is_light(verb):
        return _targets(verb, actors, exclude)  # "sent pressure to Y"
    if how in ("attr", "prep:as"):
        return [a for a in _targets(verb, actors, exclude) if a not in exclude]
    if how == "prep:for" and _went_for(verb) and len(exclude) == 1:
        # "X arrived in Y for talks", "X is in Y for talks": the host is whom they talk with
        # (not the goer's own state: "returned home to X's capital for talks"; with two goers,
        # "X and Y negotiators return to Z for talks", the place is only the venue)
        home = {actors.actors[a].country for a in exclude if a in actors.actors}
        return [a for g in _prep_objects(verb, ("to", "in")) for a in _actor_in(g, actors)
                if a not in exclude and actors.actors[a].country not in home]
    return []


def _went_for(verb: Token) -> bool:
    """A verb of going or being somewhere (``returned to Geneva``, ``is in Kigali``) for an activity."""
    lemma = verb.lemma_.lower()
    return lemma in MOTION_VERBS or (lemma == "be" and any(
        c.dep_ == "prep" and c.lower_ in ("in", "at") for c in verb.children))


def nominal_candidates(noun: Token, actors: ResolvedActors, code: str, reciprocal: bool) -> list[Candidate]:
    if ending_verb(noun) is not None:
        return _ended(noun, actors, code)
    sources, targets, between = _own_args(noun, actors)
    if noun.dep_ == "compound" and _head_of_compound(noun) is noun:
        return []  # "opposition parties", "war crimes": a qualifier, not an event
    if not sources and not targets and noun.dep_ == "compound":
        sources, targets, between = _own_args(_head_of_compound(noun), actors)  # "mediation efforts between …"
    head = noun
    if not sources and not targets and noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        sources, targets, between = _own_args(noun.head, actors)  # "the investigation and arrest of X"
    if not targets and noun.dep_ != "conj":
        for c in noun.conjuncts:  # "investigation and arrest of members of the family"
            _, more, _ = _own_args(c, actors)
            targets += [t for t in more if t not in sources and t not in targets]
    if not sources:
        sources = [a for a in _source_from_clause(head, actors) if a not in targets]
    own_targets = bool(targets)
    if noun.pos_ == "VERB" and not sources and not targets:
        return []  # a gerund standing as a noun names its own parties ("Fighting between X and Y")
    if not targets:
        targets = [a for a in _targets_from_clause(head, actors, sources) if a not in sources]
    if sources and (not targets or all(bare_sector(a, actors) for a in targets)) and code[:2] in FORCE_ROOTS:
        # "an offensive in northern X", "the raid in X killed five people": as for a verb, the
        # place of a use of force is whom it hits when no one else is named
        placed = [a for g in _prep_objects(noun, PLACE_PREPS) for a in _actor_in(g, actors)
                  if a not in sources and not bare_sector(a, actors)]
        targets = placed or targets
    if not sources and not targets:
        return []
    speaker = _speaker(noun)
    conf = (0.4 + (0.15 if sources else 0) + (0.1 if targets else 0)) * (0.6 + 0.4 * _clause_weight(noun))
    res: list[Candidate] = []
    if (reciprocal or between) and len(sources) >= 2 and not targets:
        for a in sources:
            for b in sources:
                if a != b:
                    res.append(Candidate(noun, a, b, code, nominal=True, speaker=speaker, confidence=conf))
        return res
    for s in sources or [None]:
        for t in targets or [None]:
            if s is not None and s == t:
                continue
            res.append(Candidate(noun, s, t, code, nominal=True, speaker=speaker, confidence=conf))
            if reciprocal and s and t and (own_targets or len(sources) < 2):
                # (not "Clashes between X and Y killed civilians": the civilians fought no one)
                res.append(Candidate(noun, t, s, code, nominal=True, speaker=speaker, confidence=conf - 0.05))
    return res


def _ended(noun: Token, actors: ResolvedActors, code: str) -> list[Candidate]:
    """``X ended its mediation between Y and Z`` / ``X suspended talks with Y``: the ender
    reduces the activity with the parties of the noun (CAMEO 16/08, ``nominal_reversals.tsv``)."""
    reduced = reversed_code(code)
    verb = ending_verb(noun)
    if reduced is None or verb is None or any(c.dep_ == "neg" for c in verb.children):
        return []
    sources = _source_from_clause(noun, actors)
    if not sources:
        return []
    own_s, own_t, _ = _own_args(noun, actors)
    if not own_s and not own_t and noun.dep_ == "compound":
        own_s, own_t, _ = _own_args(_head_of_compound(noun), actors)
    # the parties of the ended activity are its targets ("talks with Y", "mediation between Y and Z")
    targets = [a for a in _unique(own_t + own_s) if a not in sources] or \
        [a for a in _targets(verb, actors, sources) if a not in sources]
    speaker = _speaker(verb)
    conf = (0.4 + 0.15 + (0.1 if targets else 0)) * (0.6 + 0.4 * _clause_weight(verb))
    return [Candidate(noun, s, t, reduced, nominal=True, speaker=speaker, confidence=conf)
            for s in sources for t in targets or [None] if s != t]
