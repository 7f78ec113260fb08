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

from spacy.tokens import Token

from ..actors.resolve import ResolvedActors
from ..lexicon import word_class, word_list
from ..syntax import PLACE_PREPS, clause_weight, governor, head_of_compound, is_passive, prep_objects, speaker
from . import codebook
from .arguments import TARGET_FORCE_PLACE, targets_of
from .candidates import SWITCHES, Candidate, declare
from .clauses import ending_verb, is_light, source_from_clause, went_for
from .phrases import actor_in, bare_sector, sector_adjective, stance_anaphor
from .tables import reversed_code
from .verbal import TARGET_RECIPROCAL

SOURCE_PREPS = word_class("noun_source_preps")
TARGET_PREPS = word_class("noun_target_preps")
BETWEEN_PREPS = word_class("noun_between_preps")
LEAVING_NOUNS = word_class("leaving_nouns")
DESTINATION_PREPS = word_list("destination_preps")

N = ("parse", "actors", "nominal_events")
EVENT_NOMINAL = declare("event.nominal", "event", N, 0.55, "an event noun's code ('the meeting between X and Y')")
EVENT_ENDING = declare("event.nominal_ending", "event", N + ("lexicon:ending_verbs", "nominal_reversals"), 0.6,
                       "ending the activity a noun names ('X suspended the talks'): the reduction of it")
EVENT_NOMINAL_REVERSE = declare(
    "event.nominal_reverse", "event", N, 0.5,
    "a reciprocal event noun with a named party: that party did it too ('X's talks with Y': Y talks with X); "
    "its source was found by a target rule and its target by a source rule")
SOURCE_NOUN_OWN = declare("source.noun_own", "source", N + ("lexicon:noun_source_preps",), 0.9,
                          "the noun's possessive, national adjective, 'by'/'from' or 'between' object")
TARGET_NOUN_OWN = declare("target.noun_own", "target", N + ("lexicon:noun_target_preps",), 0.9,
                          "the noun's 'of'/'with'/'to'/'against' … object ('Russia's closure of the route')")
TARGET_NOUN_CONJUNCT = declare("target.noun_conjunct", "target", N, 0.8,
                               "'the investigation and arrest of X': a coordinated noun's object")
TARGET_NOUN_CLAUSE = declare("target.noun_clause", "target", N, 0.6,
                             "the target of the clause the noun is subject or light-verb object of "
                             "('X's closure … caused problems for Y', 'sent pressure to Y')")
TARGET_NOUN_HOST = declare("target.noun_host", "target", N + ("lexicon:motion_verbs",), 0.6,
                           "'X arrived in Y for talks': the host is whom they talk with")
EVENT_OCCURRENCE = declare(
    "event.nominal_occurrence", "event", N + ("lexicon:occurrence_verbs",), 0.5,
    "an act of force or protest reported as happening ('clashes were reported between X and Y', 'a shoot-out took "
    "place in Z', 'X air raids were reported on Y'): the phrases the parser hung on the reporting verb are the "
    "noun's own; with no party named, the act still happened (its place may give its parties later)")
TARGET_ENDED_PARTIES = declare("target.ended_parties", "target", N, 0.9,
                               "the parties of an ended activity ('suspended talks with Y')")


def _own_args(noun: Token, actors: ResolvedActors, skip: frozenset[str] | tuple[str, ...] = ()) -> tuple[list[str], list[str], bool]:
    sources: list[str] = []
    targets: list[str] = []
    between = False
    for c in noun.children:
        if c.dep_ == "poss":
            sources += actor_in(c, actors, depth=1)
        elif c.dep_ in ("compound", "amod", "nmod") and c.i in actors.token_actor and \
                not sector_adjective(c, actors):
            sources.append(actors.token_actor[c.i])
        elif c.dep_ == "prep" and c.lower_ not in skip:
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                names = actor_in(g, actors)
                prep = c.lower_
                if prep in SOURCE_PREPS and not (prep == "from" and noun.lemma_ in LEAVING_NOUNS):
                    sources += names
                elif prep in BETWEEN_PREPS:
                    sources += names
                    between = True
                elif prep in TARGET_PREPS:
                    targets += names or stance_anaphor(g, actors, sources)
    return _unique(sources), _unique([t for t in targets if t not in sources]), between


def _unique(xs: list[str]) -> list[str]:
    out: list[str] = []
    for x in xs:
        if x not in out:
            out.append(x)
    return out


def _targets_from_clause(noun: Token, actors: ResolvedActors, exclude: list[str]) -> tuple[list[str], str | None]:
    verb, how = governor(noun)
    if verb is None:
        return [], None
    if how == "nsubj" and not is_passive(verb):
        return targets_of(verb, actors, exclude), TARGET_NOUN_CLAUSE  # "X's closure … caused problems for Y"
    if how == "dobj" and is_light(verb):
        return targets_of(verb, actors, exclude), TARGET_NOUN_CLAUSE  # "sent pressure to Y"
    if how in ("attr", "prep:as"):
        return [a for a in targets_of(verb, actors, exclude) if a not in exclude], TARGET_NOUN_CLAUSE
    if how == "prep:for" and went_for(verb) and len(exclude) == 1:
        # "X arrived in Y for talks", "X is in Y for talks": the host is whom they talk with
        # (not the goer's own state: "returned home to X's capital for talks"; with two goers,
        # "X and Y negotiators return to Z for talks", the place is only the venue)
        home = {actors.actors[a].country for a in exclude if a in actors.actors}
        return [a for g in prep_objects(verb, DESTINATION_PREPS) for a in actor_in(g, actors)
                if a not in exclude and actors.actors[a].country not in home], TARGET_NOUN_HOST
    return [], None


def occurrence_verb(noun: Token) -> Token | None:
    """The verb that reports the noun's act as happening, the noun its subject (class ``occurrence_verbs``: ``were
    reported``, ``erupted``, ``took place``, ``broke out``), else None."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return None
    words = word_class("occurrence_verbs")
    lemma = verb.lemma_.lower()
    if lemma in words:
        return verb
    return verb if any(f"{lemma} {c.lemma_.lower()}" in words for c in verb.children
                       if c.dep_ in ("prt", "dobj")) else None


def _occurring(noun: Token, code: str) -> bool:
    """An act of force or a protest its sentence reports as happening (``a shoot-out took place in X``)."""
    return occurrence_verb(noun) is not None and (codebook.has(code, "force") or codebook.has(code, "protest"))


def nominal_candidates(noun: Token, actors: ResolvedActors, code: str, reciprocal: bool) -> list[Candidate]:
    if ending_verb(noun) is not None:
        return _ended(noun, actors, code)
    sources, targets, between = _own_args(noun, actors)
    occurring = _occurring(noun, code)
    event_rule = EVENT_NOMINAL
    if occurring and not sources and not targets and SWITCHES.enabled(EVENT_OCCURRENCE):
        # "clashes were reported between X and Y": the parser hung the noun's phrases on the reporting verb
        # (not its places: "erupted between X and Y near Z" — where is the place stage's, whom the clashes' own)
        sources, targets, between = _own_args(noun.head, actors, PLACE_PREPS)
        event_rule = EVENT_OCCURRENCE if sources or targets else EVENT_NOMINAL
    if noun.dep_ == "compound" and head_of_compound(noun) is noun:
        return []  # "opposition parties", "war crimes": a qualifier, not an event
    if not sources and not targets and noun.dep_ == "compound":
        sources, targets, between = _own_args(head_of_compound(noun), actors)  # "mediation efforts between …"
    head = noun
    if not sources and not targets and noun.dep_ == "conj" and noun.head.pos_ == "NOUN":
        sources, targets, between = _own_args(noun.head, actors)  # "the investigation and arrest of X"
    source_rule = SOURCE_NOUN_OWN if sources else None
    target_rule = TARGET_NOUN_OWN if targets else None
    if not targets and noun.dep_ != "conj":
        for c in noun.conjuncts:  # "investigation and arrest of members of the family"
            _, more, _ = _own_args(c, actors)
            targets += [t for t in more if t not in sources and t not in targets]
        target_rule = TARGET_NOUN_CONJUNCT if targets else None
    if not sources:
        p = source_from_clause(head, actors)
        sources = [a for a in p.value if a not in targets] if p is not None else []
        source_rule = p.rule if sources and p is not None else None
    own_targets = bool(targets)
    if noun.pos_ == "VERB" and not sources and not targets:
        return []  # a gerund standing as a noun names its own parties ("Fighting between X and Y")
    if not targets and event_rule != EVENT_OCCURRENCE:  # (a reporting verb acts on no one)
        found, rule = _targets_from_clause(head, actors, sources)
        targets = [a for a in found if a not in sources]
        target_rule = rule if targets else None
    if sources and (not targets or all(bare_sector(a, actors) for a in targets)) and codebook.has(code, "force"):
        # "an offensive in northern X", "the raid in X killed five people": as for a verb, the
        # place of a use of force is whom it hits when no one else is named
        placed = [a for g in prep_objects(noun, PLACE_PREPS) for a in actor_in(g, actors)
                  if a not in sources and not bare_sector(a, actors)]
        if placed:
            targets, target_rule = placed, TARGET_FORCE_PLACE
    if not sources and not targets:
        if occurring and noun.pos_ == "NOUN" and SWITCHES.enabled(EVENT_OCCURRENCE) \
                and not any(t.i in actors.token_actor for t in noun.subtree):
            # "a shoot-out took place in X": it happened, and the text names no party (not "X-led raids were
            # reported": X is named, the coder only cannot place it)
            return [Candidate(noun, None, None, code, nominal=True, speaker=speaker(noun),
                              confidence=0.4 * (0.6 + 0.4 * clause_weight(noun)),
                              rules=_rules(EVENT_OCCURRENCE, None, None))]
        return []
    spk = speaker(noun)
    conf = (0.4 + (0.15 if sources else 0) + (0.1 if targets else 0)) * (0.6 + 0.4 * clause_weight(noun))
    res: list[Candidate] = []
    if (reciprocal or between) and len(sources) >= 2 and not targets:
        for a in sources:
            for b in sources:
                if a != b:
                    res.append(Candidate(noun, a, b, code, nominal=True, speaker=spk, confidence=conf,
                                         rules=_rules(event_rule, source_rule, TARGET_RECIPROCAL)))
        return res
    for s in sources or [None]:
        for t in targets or [None]:
            if s is not None and s == t:
                continue
            s_rule = source_rule if s is not None else None
            t_rule = target_rule if t is not None else None
            res.append(Candidate(noun, s, t, code, nominal=True, speaker=spk, confidence=conf,
                                 rules=_rules(event_rule, s_rule, t_rule)))
            if reciprocal and s and t and (own_targets or len(sources) < 2) and SWITCHES.enabled(EVENT_NOMINAL_REVERSE):
                # (not "Clashes between X and Y killed civilians": the civilians fought no one)
                res.append(Candidate(noun, t, s, code, nominal=True, speaker=spk, confidence=conf - 0.05,
                                     rules=_rules(EVENT_NOMINAL_REVERSE, t_rule, s_rule)))
    return res


def _rules(event: str, source: str | None, target: str | None) -> dict[str, str | None]:
    return {"event": event, "source": source, "target": target}


def _ended(noun: Token, actors: ResolvedActors, code: str) -> list[Candidate]:
    """``X ended its mediation between Y and Z`` / ``X suspended talks with Y``: the ender
    reduces the activity with the parties of the noun (CAMEO 16/08, ``nominal_reversals.tsv``)."""
    reduced = reversed_code(code)
    verb = ending_verb(noun)
    if reduced is None or verb is None or any(c.dep_ == "neg" for c in verb.children):
        return []
    p = source_from_clause(noun, actors)
    if p is None:
        return []
    sources, source_rule = list(p.value), p.rule
    own_s, own_t, _ = _own_args(noun, actors)
    if not own_s and not own_t and noun.dep_ == "compound":
        own_s, own_t, _ = _own_args(head_of_compound(noun), actors)
    # the parties of the ended activity are its targets ("talks with Y", "mediation between Y and Z")
    targets = [a for a in _unique(own_t + own_s) if a not in sources]
    target_rule = TARGET_ENDED_PARTIES
    if not targets:
        targets = [a for a in targets_of(verb, actors, sources) if a not in sources]
        target_rule = TARGET_NOUN_CLAUSE
    spk = speaker(verb)
    conf = (0.4 + 0.15 + (0.1 if targets else 0)) * (0.6 + 0.4 * clause_weight(verb))
    return [Candidate(noun, s, t, reduced, nominal=True, speaker=spk, confidence=conf,
                      rules=_rules(EVENT_ENDING, source_rule, target_rule if t is not None else None))
            for s in sources for t in targets or [None] if s != t]
