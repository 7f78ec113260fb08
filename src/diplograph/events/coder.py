"""Events: who did what to whom, from the dependency parse and the CAMEO verb dictionary.

Reads the spaCy ``Doc`` and the document's ``ResolvedActors``; writes candidate events
(trigger token, source/target actor ids, CAMEO code, confidence).

- Verbs: the lemma selects the verb block, the most specific pattern whose words stand in
  the right syntactic places gives the code (``patterns.py``); ``$``/``+`` slots place the
  source and target, otherwise the subject (or the ``by`` agent of a passive) is the source
  and the object, the dative or a prepositional object is the target.
- With no target named directly, the nearest actor inside the object's or the complement's
  own modifiers is the target, less confidently (``an offensive in its war with X``,
  ``assistance to the X-led war``).
- Coordination gives one event per (source, target) pair; a compound subject without a
  target (``X and Y agreed``) is reciprocal for cooperative codes.
- Verbs taking a verb (``agreed to meet``, ``urged Y to withdraw``, ``demanded that Y
  leave``) combine into one code (``data/lexicons/verb_frames.tsv`` and
  ``verb_combinations.tsv``); the embedded act is not coded as having happened.
- Reported speech: ``X said that Y attacked Z`` codes Y→Z; the saying is not an event.
- Event nouns (``nominal.py``): ``the meeting between X and Y``, ``Russia's closure of …``.
- Discards (``discards.py``): sentences and stories the Phoenix discard list rules out.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..actors.resolve import ResolvedActors
from ..data import data_path
from ..nlp import text_of, tokens_of
from .discards import discard_index
from .patterns import Match, code_verb, is_time_phrase
from .verbs import VerbDictionary

SPEECH_VERBS = {"say", "tell", "state", "add", "note", "announce", "claim", "report", "write", "declare",
                "insist", "explain", "reply", "argue", "believe", "think", "know", "infer", "confirm",
                "tell", "quote", "stress", "emphasize", "emphasise", "reiterate", "assert", "suggest",
                "indicate", "acknowledge", "admit", "reveal", "disclose", "allege", "charge", "hear"}
SUBJ = ("nsubj", "csubj")
OBJ = ("dobj", "dative", "attr", "oprd")
RELATIVE = {"which", "who", "that", "whom", "whose"}
# verbs whose object is the doer of the embedded verb: "X urged Y to withdraw"
OBJECT_CONTROL = {"urge", "ask", "call", "order", "force", "persuade", "tell", "allow", "invite", "encourage",
                  "press", "pressure", "request", "help", "warn", "advise", "instruct", "compel", "push",
                  "permit", "enable", "authorize", "authorise", "require", "implore", "beg", "want", "expect"}
# prepositions whose object can be a target, best first; "in"/"at" are mostly places
TARGET_PREPS = ("with", "to", "against", "on", "upon", "toward", "towards", "into", "at", "from", "for", "over",
                "of", "between", "among", "about")
CAUSAL_VERBS = {"lead", "result", "contribute", "cause", "prompt", "trigger", "spark", "bring"}
RECIPROCAL_ROOTS = {"03", "04", "05", "06", "19"}


@dataclass
class Candidate:
    trigger: Token
    source: str | None
    target: str | None
    code: str
    nominal: bool = False
    speaker: Token | None = None  # the head of the reporting clause, if any
    confidence: float = 0.5
    extra: dict = field(default_factory=dict)


@lru_cache(maxsize=1)
def nominal_lexicon() -> dict[str, tuple[str, bool]]:
    out: dict[str, tuple[str, bool]] = {}
    with data_path("lexicons", "nominal_events.tsv").open(encoding="utf-8") as fh:
        rows = csv.reader((l for l in fh if l.strip() and not l.startswith("#")), delimiter="\t")
        for row in rows:
            out.setdefault(row[0].strip(), (row[1].strip(), row[2].strip() == "1"))
    for word, entry in list(out.items()):  # an entry listed in the plural ("talks") matches either number
        if word.endswith("s") and not word.endswith("ss") and len(word) > 4:
            out.setdefault(word[:-1], entry)
    return out


@lru_cache(maxsize=1)
def verb_frames() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """(lemma → family, (family, embedded root) → combined code)."""
    def rows(name: str):
        with data_path("lexicons", name).open(encoding="utf-8") as fh:
            yield from csv.reader((l for l in fh if l.strip() and not l.startswith("#")), delimiter="\t")

    families = {r[0].strip(): r[1].strip() for r in rows("verb_frames.tsv")}
    combos = {(r[0].strip(), r[1].strip()): r[2].strip() for r in rows("verb_combinations.tsv")}
    return families, combos


def combine(family: str, embedded_code: str | None) -> str:
    _, combos = verb_frames()
    root = (embedded_code or "")[:2]
    return combos.get((family, root)) or combos.get((family, "*")) or "010"


# ---------------------------------------------------------------- actors in phrases

def _actor_in(tok: Token | None, actors: ResolvedActors, depth: int = 2) -> list[str]:
    """Actor ids a noun phrase names: the head's own actor, else a close modifier's; conjuncts too."""
    if tok is None:
        return []
    found: list[str] = []
    for t in [tok] + [c for c in tok.conjuncts if c.i > tok.i]:
        aid = _head_actor(t, actors, depth)
        if aid and aid not in found:
            found.append(aid)
        # "the Turkish and Greek sides", "French and Egyptian warships", "U.S. and Russian
        # negotiators", "the leaders of Hungary and Russia": coordinated nationalities and owners
        for c in t.children:
            owner = c.dep_ in ("amod", "compound", "nmod")
            if c.dep_ == "prep" and c.lower_ == "of" and t.i in actors.token_actor:
                c = next((g for g in c.children if g.dep_ == "pobj"), c)
                owner = c.dep_ == "pobj"
            if owner and c.i in actors.token_actor:
                for k in c.conjuncts:
                    other = actors.token_actor.get(k.i)
                    a = actors.actors.get(other) if other else None
                    if a is not None and a.country and other not in found and \
                            all(actors.actors[f].code != a.code for f in found if f in actors.actors):
                        found.append(other)
    return found


def bare_sector(aid: str | None, actors: ResolvedActors) -> bool:
    """An actor that is only a sector (``military``, ``refugees``), with no state or organisation."""
    a = actors.actors.get(aid) if aid else None
    return a is not None and a.type == "sector" and not a.country and not (a.code or "").startswith(("IGO", "NGO"))


def sector_adjective(tok: Token, actors: ResolvedActors) -> bool:
    """``military aid``, ``civilian buildings``: a sector word qualifying a thing names no actor."""
    return tok.dep_ == "amod" and bare_sector(actors.token_actor.get(tok.i), actors)


def _coded(aid: str | None, actors: ResolvedActors) -> bool:
    a = actors.actors.get(aid) if aid else None
    return a is not None and bool(a.code)


def _head_actor(tok: Token, actors: ResolvedActors, depth: int) -> str | None:
    if tok.i in actors.token_actor and not sector_adjective(tok, actors):
        aid = actors.token_actor[tok.i]
        if not _coded(aid, actors):
            # "Kenzo Oshima, the U.N. relief coordinator": a name the knowledge base does not
            # code takes the code its appositive or its other name parts give
            for c in tok.children:
                if c.dep_ in ("appos", "compound") and _coded(actors.token_actor.get(c.i), actors):
                    return actors.token_actor[c.i]
                if c.dep_ == "appos":
                    inner = _head_actor(c, actors, 0) if c.i not in actors.token_actor else None
                    if _coded(inner, actors):
                        return inner
        return aid
    if depth < 0:
        return None
    for c in tok.children:
        if c.dep_ in ("compound", "poss", "amod", "nmod", "appos") and c.i in actors.token_actor and \
                not sector_adjective(c, actors):
            return actors.token_actor[c.i]
    if depth == 0:
        return None
    for c in tok.children:
        if c.dep_ in ("compound", "poss", "nmod", "appos") or (c.dep_ == "prep" and c.lower_ == "of"):
            inner = c if c.dep_ != "prep" else next((g for g in c.children if g.dep_ == "pobj"), None)
            if inner is not None:
                aid = _head_actor(inner, actors, depth - 1)
                if aid:
                    return aid
    return None


def _slot_actor(tok: Token | None, actors: ResolvedActors) -> list[str]:
    """Actors at a ``$``/``+`` slot: the first actor-bearing phrase from the slot onwards."""
    if tok is None:
        return []
    doc = tok.doc
    for i in range(tok.i, min(tok.i + 8, tok.sent.end)):
        if i in actors.token_actor:
            t = doc[i]
            while t.dep_ in ("compound", "amod", "nmod") and t.head.i > t.i and t.head.i in actors.token_actor:
                t = t.head
            return _actor_in(t, actors) or [actors.token_actor[i]]
    return []


# ---------------------------------------------------------------- syntax

def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in SUBJ:
            if c.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return c
    if verb.dep_ == "relcl":
        return verb.head if not any(c.dep_ == "nsubjpass" for c in verb.children) else None
    if verb.dep_ == "acl" and verb.tag_ == "VBG":  # "troops attacking the city"
        return verb.head
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head.head)  # "X is ready to contribute"
    if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp") and verb.head.pos_ in ("VERB", "AUX"):
        if verb.dep_ == "xcomp":
            obj = next((c for c in verb.head.children if c.dep_ in ("dobj",)), None)
            if obj is not None and verb.head.lemma_ in OBJECT_CONTROL:
                return obj
        if verb.dep_ not in ("ccomp",):
            return _subject(verb.head)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        governor = verb.head.head
        obj = next((c for c in governor.children if c.dep_ == "dobj"), None)
        if obj is not None and verb.head.lower_ in ("of", "from", "for", "with", "into"):
            return obj  # "accused X of attacking Y", "prevented X from entering": X is the doer
        return _subject(governor)  # "By inviting X, Putin …"
    return None


def _agent(verb: Token) -> Token | None:
    for c in verb.children:  # passive: "by X"
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or \
        (verb.dep_ == "acl" and verb.tag_ == "VBN")


def _passive_patient(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            if c.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return c
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":  # "the man arrested by police"
        return verb.head
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and _is_passive(verb.head):
        return _passive_patient(verb.head)
    return None


def _prep_objects(head: Token, preps: tuple[str, ...] = TARGET_PREPS) -> list[Token]:
    found: list[tuple[int, Token]] = []
    for c in head.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj":
                    found.append((preps.index(c.lower_), g))
    return [g for _, g in sorted(found, key=lambda x: x[0])]


def _targets(verb: Token, actors: ResolvedActors, exclude: list[str]) -> list[str]:
    """Target actors of a verb, best place first: object, dative, prepositional objects."""
    return _targets_and_depth(verb, actors, exclude)[0]


def _targets_and_depth(verb: Token, actors: ResolvedActors, exclude: list[str]) -> tuple[list[str], bool]:
    """The targets, and whether they were found deep inside the object's modifiers."""
    groups: list[list[Token]] = []
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative", "oprd")]
    if _is_passive(verb):
        patient = _passive_patient(verb)
        if patient is not None:
            objs.insert(0, patient)
    if verb.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in RELATIVE for c in verb.children):
        objs.insert(0, verb.head)  # "the city which the army attacked"
    groups.append(objs)
    groups.append(_prep_objects(verb))
    groups.append([g for o in objs for g in _prep_objects(o)])  # "expressed opposition to X"
    for c in verb.children:
        if c.dep_ == "xcomp":  # "chose to invite X"
            groups.append([g for g in c.children if g.dep_ in OBJ])
    places = PLACE_PREPS
    groups.append(_prep_objects(verb, places))
    groups.append([g for o in objs for g in _prep_objects(o, places)])  # "declared a curfew in X"
    lex = nominal_lexicon()
    fallback: list[str] = []
    for group in groups:
        out: list[str] = []
        for o in group:
            if o.lemma_.lower() in lex and o.i not in actors.token_actor:
                # an event noun carries its own event ("led to the arrest of X"); whose act it is
                # is who the verb answers: "rejected X's demand", "dismissed an appeal from X"
                names = _noun_author(o, actors)
            else:
                names = _actor_in(o, actors) or _anaphor(o, actors, exclude)
            for a in names:
                if a not in out and a not in exclude:
                    out.append(a)
        if out and all(bare_sector(a, actors) for a in out):
            # "contributed troops to Liberia", "offered its troops to Y": the sector noun is
            # what is given; a named state or organisation further on is who receives it
            fallback = fallback or out
            continue
        if out:
            # "filed a lawsuit against X at the court": a bare sector beside a named actor in the
            # same place is where or through whom, not a second target
            return [a for a in out if not bare_sector(a, actors)], False
    # no one named directly: the nearest actor inside the object's or the complements' own
    # modifiers ("an offensive in its war with X", "parties to the conflict in X", "the X-led war")
    roots = [t for g in groups for t in g]
    roots += [g for c in verb.children if c.dep_ == "xcomp" for g in _prep_objects(c, TARGET_PREPS + places)]
    deep = _deep_actor(roots, actors, exclude)
    if deep:
        return deep, True
    return fallback, False


DEEP_SKIP = ("relcl", "acl", "advcl", "ccomp", "pcomp", "parataxis", "csubj", "conj", "cc", "punct", "appos", "det")


def _deep_actor(roots: list[Token], actors: ResolvedActors, exclude: list[str], depth: int = 4) -> list[str]:
    """The nearest named state or organisation below ``roots`` (breadth first, not into
    embedded clauses or time phrases); bare sectors do not count."""
    level = [c for r in roots for c in r.children]
    seen = {r.i for r in roots}
    for _ in range(depth):
        found: list[tuple[int, list[str]]] = []
        nxt: list[Token] = []
        for t in level:
            # ("condemned the killings by X": the doer of the object's act is the one answered)
            if t.i in seen or t.dep_ in DEEP_SKIP or (t.dep_ == "prep" and is_time_phrase(t)):
                continue
            seen.add(t.i)
            names = [a for a in (_actor_in(t, actors, depth=0) if t.i in actors.token_actor else [])
                     if a not in exclude and not bare_sector(a, actors)]
            if names:
                found.append((t.i, names))
            nxt.extend(t.children)
        if found:
            return min(found)[1]  # the first in the text at that depth (with its conjuncts)
        level = nxt
    return []


def _noun_author(noun: Token, actors: ResolvedActors) -> list[str]:
    """The author of an event noun: its possessive, national adjective, or ``from``/``by`` object."""
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.i in actors.token_actor
                                and not sector_adjective(c, actors)):
            names = _actor_in(c, actors, depth=1)
            if names:
                return names
    for g in _prep_objects(noun, ("from", "by")):
        names = _actor_in(g, actors)
        if names:
            return names
    return []


STANCE_NOUNS = {"position", "stance", "proposal", "plan", "demand", "idea", "policy", "view", "request",
                "call", "decision", "move", "initiative", "offer", "suggestion", "approach", "stand", "line"}


def _anaphor(np: Token, actors: ResolvedActors, exclude: list[str]) -> list[str]:
    """``this position`` / ``that proposal``: the actor whose stance it is — the subject of the
    nearest main clause before it (same or previous sentence) naming another actor."""
    if np.lemma_.lower() not in STANCE_NOUNS:
        return []
    if not any(c.dep_ == "det" and c.lower_ in ("this", "that", "these", "those", "such") for c in np.children):
        return []
    doc = np.doc
    start = np.sent.start
    prev = doc[start - 1].sent.start if start > 0 else start
    for i in range(np.i - 1, prev - 1, -1):
        t = doc[i]
        if t.dep_ not in SUBJ or t.head.dep_ not in ("ROOT", "conj"):
            continue
        for a in _actor_in(t, actors):
            if a not in exclude:
                return [a]
    return []


def _speaker(tok: Token) -> Token | None:
    """The reporting verb governing ``tok`` (``X said that …``), if any."""
    t = tok
    while t.head.i != t.i:
        if t.dep_ == "ccomp" and t.head.lemma_ in SPEECH_VERBS:
            return t.head
        t = t.head
    return None


SPEAKER_PRONOUNS = {"it", "he", "she", "they", "we"}


def _speaker_actors(tok: Token, actors: ResolvedActors) -> list[str]:
    """The actors who say the clause of ``tok``: a pronoun subject of a reported clause
    most often stands for the speaker (``Syria says it will not …``)."""
    verb = _speaker(tok)
    if verb is None:
        return []
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return _actor_in(subj, actors) if subj is not None else []


def _clause_weight(tok: Token) -> float:
    """How central the clause of ``tok`` is to its sentence (1 = the main clause)."""
    t, w = tok, 1.0
    while t.dep_ != "ROOT" and t.head.i != t.i:
        if t.dep_ == "conj" and t.head.pos_ in ("VERB", "AUX"):
            w *= 0.97
        elif t.dep_ == "ccomp" and t.head.lemma_ in SPEECH_VERBS:
            w *= 0.99  # the reported statement is what the sentence is about
        elif t.dep_ in ("xcomp", "ccomp"):
            w *= 0.88
        elif t.dep_ in ("advcl", "relcl", "acl", "pcomp"):
            w *= 0.75
        else:
            w *= 0.9
        t = t.head
    return w


# ---------------------------------------------------------------- verbal events

@dataclass
class _Verbal:
    verb: Token
    match: Match
    sources: list[str]
    targets: list[str]
    extra_demand: bool = False
    negation_absorbed: bool = False
    framed: bool = False  # the code comes from a verb frame (as specific as a pattern)
    deep_target: bool = False  # the target stands inside the object's modifiers, not as the object


def _verbal_args(verb: Token, match: Match, actors: ResolvedActors) -> _Verbal:
    if _is_passive(verb):
        agent = _agent(verb)
        sources = _actor_in(agent, actors) if agent is not None else []
        if agent is None and (match.code or match.reverse or "")[:2] >= "06":
            # "X was arrested in Lebanon": with no agent, the state where it was done did it
            sources = [a for g in _prep_objects(verb, ("in",)) for a in _actor_in(g, actors)
                       if actors.actors[a].type == "state"][:1]
    else:
        subj = _subject(verb)
        sources = _actor_in(subj, actors) if subj is not None else []
        if not sources and subj is not None and subj.lower_ in SPEAKER_PRONOUNS:
            sources = _speaker_actors(verb, actors)  # "Syria says it will not accept …"
        if not sources and subj is None:
            noun = _misparsed_noun(verb)
            if noun is not None:
                from .nominal import _source_from_clause

                sources = _source_from_clause(noun, actors)
    if match.source_at is not None:
        sources = _slot_actor(match.source_at, actors) or sources
    deep = False
    if match.target_at is not None:
        targets = [a for a in _slot_actor(match.target_at, actors) if a not in sources]
    else:
        targets, deep = _targets_and_depth(verb, actors, sources)
        # (the rules after the protest's purpose need a named doer: a target alone would only
        # crowd out another event of the sentence with the same pair)
        if not targets and (match.code or "")[:2] == "14":
            targets = _purpose_targets(verb, actors, sources)
            deep = bool(targets)
        elif not targets and sources and (match.code or "")[:2] == "11":
            targets = _accused_subject(verb, actors, sources)
            deep = bool(targets)
        elif not targets and sources and (match.code or "")[:2] == "13":
            targets = _condition_subject(verb, actors, sources)
            deep = bool(targets)
        if not targets and sources:
            # (inferred, so less sure than a named target: the other verb's own event comes first)
            targets = _shared_object_targets(verb, actors, sources) or _pronoun_object_targets(verb, actors, sources)
            deep = bool(targets)
        if sources and (match.code or "")[:2] in FORCE_ROOTS and all(bare_sector(a, actors) for a in targets):
            # "the raid in southern X killed five people": the act its subject names hit X
            subj = _subject(verb)
            if subj is not None and subj.lemma_.lower() in nominal_lexicon():
                placed = [a for g in _prep_objects(subj, PLACE_PREPS) for a in _actor_in(g, actors)
                          if a not in sources and not bare_sector(a, actors)]
                if placed:
                    targets, deep = placed, True
        if len(targets) > 1 and (match.code or "")[:2] in ("11", "14") and not deep:
            targets = _without_addressee(verb, targets, actors)
        if sources and (match.code or "")[:2] in MEANS_ROOTS and (all(bare_sector(a, actors) for a in targets) or
                                                    _only_places(verb, targets, actors)):
            # "sent peacekeepers to help X's government", "deployed troops to fight rebels in X",
            # "mobilized groups in X to support Y": with no one named but what is sent or where,
            # the act is aimed where its purpose clause aims
            purpose = _purpose_targets(verb, actors, sources, any_purpose=True)
            if purpose:
                targets, deep = purpose, True
    return _Verbal(verb, match, sources, targets, deep_target=deep)


# Acts that are a means to another (providing, cooperating, aiding, deploying): with no one named,
# whom they serve is whom their purpose clause names. Not meetings, appeals or fighting, whose
# purpose ("met to discuss the crisis in X", "fought to free X") is not their target.
MEANS_ROOTS = ("03", "06", "07", "15")

# Verbs of a purpose clause that aim a protest at someone (``to mark an anniversary`` does not).
PROTEST_PURPOSES = frozenset({"protest", "denounce", "condemn", "demand", "oppose", "criticize", "criticise",
                              "demonstrate", "press", "urge", "challenge", "reject", "decry"})


def _purpose_targets(verb: Token, actors: ResolvedActors, exclude: list[str],
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
                found, deep = _targets_and_depth(c, actors, exclude)
                if any_purpose:
                    found = [] if deep else [a for a in found if not bare_sector(a, actors)]
                if found:
                    return found
    return []


PLACE_PREPS = ("in", "inside", "within", "into")
# uses of force (coerce, assault, fight, mass violence) and displays of it: where they happen is aimed at
FORCE_ROOTS = ("15", "17", "18", "19", "20")


def _only_places(verb: Token, targets: list[str], actors: ResolvedActors) -> bool:
    """Whether every target is only where the act happens (``… groups in X``), not its object."""
    if not targets:
        return False
    heads = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "dative", "oprd")]
    places = {a for h in heads for g in _prep_objects(h, PLACE_PREPS) for a in _actor_in(g, actors)}
    return set(targets) <= places


def _without_addressee(verb: Token, targets: list[str], actors: ResolvedActors) -> list[str]:
    """``X complained to the UN over Y's raids``: a disapproval or protest is aimed at whom it is
    about (PLOVER's target), not at whom it is addressed to; the addressee stays the target when
    the complaint names no one else."""
    addressed = {a for g in _prep_objects(verb, ("to",)) for a in _actor_in(g, actors)}
    about = {a for g in _prep_objects(verb, ("over", "about", "against", "at")) for a in _actor_in(g, actors)}
    if not addressed or not (about - addressed):
        return targets
    return [a for a in targets if a not in addressed]


OBJECT_PRONOUNS = ("it", "them", "him", "her")


def _pronoun_object_targets(verb: Token, actors: ResolvedActors, exclude: list[str]) -> list[str]:
    """``X accused Y of harbouring rebels and warned it to stop``: an object pronoun the actor
    stage leaves unresolved, in the second of two coordinated acts, is the first act's target."""
    if verb.dep_ != "conj" or verb.head.pos_ != "VERB" or not any(
            c.dep_ == "dobj" and c.lower_ in OBJECT_PRONOUNS and c.i not in actors.token_actor for c in verb.children):
        return []
    named, deep = _targets_and_depth(verb.head, actors, exclude)
    return [] if deep else [a for a in named if not bare_sector(a, actors)]


def _shared_object_targets(verb: Token, actors: ResolvedActors, exclude: list[str]) -> list[str]:
    """``X condemned and rejected Y's decision``: two verbs sharing one object, which the parser
    hangs on the last; the first verb, with nothing of its own after it, takes the same target."""
    conj = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
    if conj is None or any(c.i > verb.i and c.dep_ not in ("cc", "punct", "conj", "advmod") for c in verb.children):
        return []
    if not any(c.dep_ == "dobj" for c in conj.children):
        return []
    named, deep = _targets_and_depth(conj, actors, exclude)
    return [] if deep else named


CONDITION_MARKS = ("if", "unless", "should")


def _condition_subject(verb: Token, actors: ResolvedActors, exclude: list[str]) -> list[str]:
    """A threat is aimed at whoever must act to avoid it: ``X warned of retaliation if Y attacked``,
    ``X threatened to leave unless Y withdrew`` — the subject of the condition, here or in the
    threat's own complement (``X warned that it would retaliate if Y …``)."""
    clauses = [verb] + [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    for h in clauses:
        for c in h.children:
            if c.dep_ != "advcl" or not any(g.dep_ == "mark" and g.lower_ in CONDITION_MARKS for g in c.children):
                continue
            doer = _agent(c) if _is_passive(c) else next((g for g in c.children if g.dep_ == "nsubj"), None)
            named = [a for a in _actor_in(doer, actors) if a not in exclude and not bare_sector(a, actors)]
            if named:
                return named
    return []


def _accused_subject(verb: Token, actors: ResolvedActors, exclude: list[str]) -> list[str]:
    """A disapproval stated as a clause aims at the clause's subject: ``X charged that Y's
    troops had crossed the border``, ``X complained that Y harassed its citizens``."""
    for c in verb.children:
        if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"):
            # the doer: the subject, or the agent of a passive ("… were beaten by Y's police")
            subj = _agent(c) if _is_passive(c) else next((g for g in c.children if g.dep_ == "nsubj"), None)
            if subj is not None:
                return [a for a in _actor_in(subj, actors) if a not in exclude and not bare_sector(a, actors)]
    return []


def _misparsed_noun(verb: Token) -> Token | None:
    """``seen as a hint or warning to Y``: a gerund the parser joined to the verb, standing for
    a noun coordinated with the noun before the conjunction."""
    if verb.dep_ != "conj" or verb.tag_ != "VBG" or verb.i < 2:
        return None
    cc, before = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    if cc.dep_ == "cc" and before.pos_ == "NOUN" and before.dep_ in ("pobj", "dobj", "attr"):
        return before
    return None


def _embedded(verb: Token) -> Token | None:
    """The verb a frame verb takes: ``agreed to meet`` (xcomp), ``demanded that Y leave`` (ccomp)."""
    for c in verb.children:
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
            return c
    if verb.lemma_ in SPEECH_VERBS:
        return None
    for c in verb.children:
        if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX"):
            return c
    for c in verb.children:  # "ready to contribute", "prepared to lift"
        if c.dep_ == "acomp":
            x = next((g for g in c.children if g.dep_ == "xcomp" and g.pos_ == "VERB"), None)
            if x is not None:
                return x
    return None


READY_ADJECTIVES = {"ready", "prepared", "willing", "eager", "determined"}
ACCEPTANCE_VERBS = {"accept", "agree", "allow", "comply", "meet", "yield", "concede", "obey", "heed", "recognize",
                    "recognise", "endorse", "approve", "permit", "admit", "honour", "honor", "respect"}
OBLIGATION_MODALS = {"must", "should"}


def _apply_frames_without_verb(coded: dict[int, "_Verbal"], lex: dict, actors: ResolvedActors) -> None:
    """Frames whose second part is not a coded verb of their own.

    ``X is ready to contribute`` (an intent), ``X agreed to an extension`` (intent + event noun),
    ``X said Y must hand over …`` (a demand on Y), ``X would not accept …`` (a rejection).
    """
    families, _ = verb_frames()
    for i, v in list(coded.items()):
        verb = v.verb
        lemma = verb.lemma_.lower()
        code = v.match.code or ""
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in READY_ADJECTIVES:
            v.match = Match(combine("intent", code), None, v.match.pattern)
            v.framed = True
            continue
        if families.get(lemma) == "intent" and _embedded(verb) is None and v.match.pattern is None:
            nouns = [g for g in _prep_objects(verb, ("to",)) if g.pos_ == "NOUN"]
            if nouns:  # "agreed to an extension of the mandate": an intent; the noun may say which
                inner = lex.get(nouns[0].lemma_.lower())
                v.match = Match(combine("intent", inner[0] if inner else None), None, None)
                v.framed = True
                continue
        if lemma in SPEECH_VERBS:
            for c in verb.children:
                if c.dep_ != "ccomp" or not any(a.lower_ in OBLIGATION_MODALS or
                                                (a.lower_ == "to" and a.head.lemma_ == "have")
                                                for a in c.children if a.dep_ == "aux"):
                    continue
                inner = coded.get(c.i)
                subj = _subject(c)
                names = [a for a in _actor_in(subj, actors) if a not in v.sources]
                if names and v.sources:
                    v.match = Match(combine("demand", inner.match.code if inner else None), None, v.match.pattern)
                    v.framed = True
                    v.targets = names
                    if inner is not None:
                        inner.match = Match(None, None, None)  # the demanded act has not happened
                    v.extra_demand = True
        meets_someone = lemma == "meet" and any(c.dep_ == "dobj" and c.i in actors.token_actor for c in verb.children)
        if lemma in ACCEPTANCE_VERBS and any(c.dep_ == "neg" for c in verb.children) and not meets_someone and \
                code[:2] in ("03", "04", "05", "06", "07", "08", ""):
            v.match = Match("124" if code[:2] == "08" else "120", None, v.match.pattern)
            v.negation_absorbed = v.framed = True


_HASHES: dict[int, tuple[dict, frozenset[int]]] = {}


def _word_hashes(lex: dict, strings) -> frozenset[int]:
    """The string-store hashes of the lexicon's words (the same in every vocabulary), once per lexicon."""
    hit = _HASHES.get(id(lex))
    if hit is None or hit[0] is not lex:
        hit = _HASHES[id(lex)] = (lex, frozenset(strings.add(w) for w in lex))
    return hit[1]


GERUND_NOUN_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj")


def _sentences(doc: Doc, lex: dict) -> list[tuple[int, int, list[Token], list[Token]]]:
    """(start, end, verbs, event nouns) per sentence, reading the parse as arrays: making a
    ``Token`` object for every word is most of the cost of coding."""
    from spacy.attrs import LEMMA, LOWER, POS, SENT_START
    from spacy.symbols import AUX, NOUN, VERB

    known = _word_hashes(lex, doc.vocab.strings)
    # the lemma or the word itself: the tagger's lemma of "talks" is "talk", the lexicon's word "talks"
    arr = doc.to_array([SENT_START, POS, LEMMA, LOWER])
    if not len(arr):
        return []
    import numpy as np

    starts = [0] + [int(i) for i in np.nonzero(arr[1:, 0] == 1)[0] + 1]
    ends = starts[1:] + [len(arr)]
    pos = arr[:, 1]
    is_verb = (pos == VERB) | (pos == AUX)
    is_noun = np.zeros(len(arr), dtype=bool)
    for i in np.nonzero(pos == NOUN)[0].tolist():
        is_noun[i] = int(arr[i, 2]) in known or int(arr[i, 3]) in known
    toks = tokens_of(doc)
    for i in np.nonzero(pos == VERB)[0].tolist():
        # a gerund the tagger calls a verb but standing as a noun phrase ("Fighting between X and
        # Y continued"): an event noun when the lexicon lists the word itself
        if int(arr[i, 3]) in known and toks[i].dep_ in GERUND_NOUN_DEPS and toks[i].tag_ == "VBG":
            is_noun[i] = True
    out: list[tuple[int, int, list[Token], list[Token]]] = []
    for start, end in zip(starts, ends):
        verbs = [toks[int(i)] for i in np.nonzero(is_verb[start:end])[0] + start]
        nouns = [toks[int(i)] for i in np.nonzero(is_noun[start:end])[0] + start]
        out.append((start, end, verbs, nouns))
    return out


def code_events(doc: Doc, actors: ResolvedActors, vd: VerbDictionary) -> list[Candidate]:
    discards = discard_index()
    text = text_of(doc)
    if discards.story(text):
        return []
    families, _ = verb_frames()
    lex = nominal_lexicon()
    out: list[Candidate] = []
    for start, end, verbs, nouns in _sentences(doc, lex):
        if discards.sentence(text[doc[start].idx:doc[end - 1].idx + len(doc[end - 1])]):
            continue
        coded: dict[int, _Verbal] = {}
        for tok in verbs:
            if tok.dep_ != "aux" and tok.dep_ != "auxpass":
                subj = _subject(tok)
                m = code_verb(tok, vd, subj)
                if m is not None and (m.code or m.reverse):
                    coded[tok.i] = _verbal_args(tok, m, actors)
                elif tok.lemma_.lower() in families and _embedded(tok) is not None:
                    # "refused to commit …": a frame verb the dictionary leaves uncoded
                    coded[tok.i] = _verbal_args(tok, Match(None, None, None), actors)
        suppressed: set[int] = set()
        _apply_frames_without_verb(coded, lex, actors)
        for i, v in coded.items():
            # "X accused Y of attacking Z": the attack is the accusation's content, not a fact
            if v.verb.dep_ == "pcomp" and v.verb.head.head.i in coded and \
                    (coded[v.verb.head.head.i].match.code or "")[:2] in ("11", "09", "12"):
                suppressed.add(i)
        for tok in nouns:
            entry = lex.get(tok.lemma_.lower()) or lex.get(tok.lower_)
            clause = demanded_clause(tok) if entry and entry[0][:2] in DEMAND_ROOTS else None
            if clause is not None and clause.i in coded:
                suppressed.add(clause.i)  # "its demand that Y withdraw": the withdrawal has not happened
        for i, v in list(coded.items()):
            family = families.get(v.verb.lemma_.lower())
            if v.verb.dep_ == "acomp" or family is None:
                # "ready to contribute": the copula's subject and an intent frame
                family = "intent" if v.verb.lemma_.lower() in ("ready", "prepared", "willing") else family
            emb = _embedded(v.verb)
            if family is None or emb is None:
                continue
            inner = coded.get(emb.i)
            v.match = Match(combine(family, inner.match.code if inner else None), None, v.match.pattern)
            v.framed = True
            if inner is not None:
                suppressed.add(emb.i)
                inner_direct = emb.dep_ == "ccomp" or not inner.deep_target
                if not v.targets or (v.deep_target and inner_direct):
                    # "urged Y to withdraw from Z" → Y; "demanded that Hamas renounce …" → Hamas
                    named = [a for a in (inner.sources if emb.dep_ == "ccomp" else inner.targets)
                             if a not in v.sources]
                    if named or not v.targets:
                        v.targets, v.deep_target = named, not inner_direct
            elif not v.targets and emb.dep_ == "ccomp":
                subj = _subject(emb)
                v.targets = [a for a in _actor_in(subj, actors) if a not in v.sources]
            elif not v.targets and emb.dep_ == "xcomp" and len(v.sources) == 1:
                # "threatened to cut gas supplies to Y", "refused to hand the suspects over to Y":
                # an embedded act the dictionary leaves uncoded still names whom the frame aims at
                # (named directly; "X and Y agreed to …" stays their reciprocal agreement)
                named, deep = _targets_and_depth(emb, actors, v.sources)
                if not deep:
                    v.targets = named
        extra: list[Candidate] = []
        if vd.transformations:
            extra = _transform(coded, suppressed, vd, actors)
        out.extend(extra)
        coded_verbs: set[int] = set()
        for i, v in coded.items():
            if i in suppressed:
                continue
            found = _verbal_candidates(v)
            if found:
                coded_verbs.add(i)
            out.extend(found)
        from .nominal import _governor, nominal_candidates

        for tok in nouns:
            gov, how = _governor(tok)
            if gov is not None and gov.i in coded_verbs and how in ("dobj", "prep:with", "prep:for", "prep:in"):
                continue  # "held talks with Y": the verb's pattern already codes the event
            code, recip = lex.get(tok.lemma_.lower()) or lex[tok.lower_]
            found = nominal_candidates(tok, actors, code, recip)
            if coded_verbs:
                # with a verbal event in the sentence, a nominal one needs its own source:
                # "X accused Y of an attack on Z" does not assert an attack by no one on Z
                found = [c for c in found if c.source is not None]
            out.extend(found)
    _domestic_targets(out, actors)
    return out


# appeals and demands: what they ask for has not happened
DEMAND_ROOTS = ("02", "10")


def demanded_clause(noun: Token) -> Token | None:
    """The clause a demand noun asks for: ``its demand that Y withdraw``, ``a call for Y to leave``."""
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX", "NOUN") and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            return c
    for g in _prep_objects(noun, ("for",)):
        for c in g.children:  # "a call for Y to leave": Y with an infinitive
            if c.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                return c
    return None


def _domestic_targets(cands: list[Candidate], actors: ResolvedActors) -> None:
    """An act with no one named as its object, in a sentence about one state only (``Afghan
    guerrillas blew up power lines into Kabul``, ``students throughout Indonesia staged
    demonstrations``), is aimed at that state: PLOVER's convention for domestic events."""
    state_sectors = ("GOV", "MIL", "COP", "LEG", "SPY")
    by_sentence: dict[int, tuple[set[str], dict[str, list[str]]]] = {}
    for c in cands:
        if c.source is None or c.target is not None or _self_directed(c):
            continue
        src = actors.actors.get(c.source)
        if src is None or not src.country:
            continue
        sent = c.trigger.sent
        if sent.start not in by_sentence:
            countries: set[str] = set()
            # the state itself first, else its organs named in the sentence
            # ("demonstrators rioted … removal of President X", "… seized by the government forces")
            states: dict[str, list[str]] = {}
            organs: dict[str, list[str]] = {}
            reporters = _reporter_tokens(sent)
            for i in range(sent.start, sent.end):
                a = actors.actors.get(actors.token_actor.get(i, ""))
                if a is None or not a.country or i in reporters:
                    continue
                countries.add(a.country)
                if a.type == "state" and a.code:
                    states.setdefault(a.country, []).append(a.id)
                elif a.code and a.code[3:6] in state_sectors:
                    organs.setdefault(a.country, []).append(a.id)
            by_sentence[sent.start] = (countries, {k: states.get(k, []) + organs.get(k, []) for k in countries})
        countries, states = by_sentence[sent.start]
        if countries != {src.country}:
            continue
        src_code = src.code or ""
        for aid in states.get(src.country, []):
            a = actors.actors[aid]
            if aid != c.source and a.code != src_code:
                c.target = aid
                c.extra["domestic_target"] = True
                break


# CAMEO yields the actor makes of itself: yield, accede to demands for change (resign),
# de-escalate (ceasefire, demobilise, retreat or surrender); easing sanctions on others,
# releasing or letting in someone have a recipient
SELF_DIRECTED_CODES = ("080", "083", "087")


def _self_directed(c: Candidate) -> bool:
    """A yielding act with no object (``X resigned``, ``the rebels surrendered``, ``X declared
    a unilateral ceasefire``): the actor gives something up itself; PLOVER's RETREAT/CONCEDE
    records name no recipient for it."""
    if not c.code.startswith(SELF_DIRECTED_CODES) or c.nominal:
        return False
    return not any(t.dep_ in ("dobj", "dative") and t.pos_ in ("PROPN", "PRON") or
                   (t.dep_ == "prep" and t.lower_ in ("to", "with")) for t in c.trigger.children)


def _reporter_tokens(sent) -> set[int]:
    """Tokens naming who reports the sentence (``…, the Czechoslovak news agency reported``):
    the reporter's nationality says nothing about where the reported act happened."""
    out: set[int] = set()
    for tok in sent:
        if tok.lemma_ in SPEECH_VERBS and tok.pos_ == "VERB":
            for c in tok.children:
                if c.dep_ in SUBJ:
                    out.update(t.i for t in c.subtree)
    return out


def _transform(coded: dict[int, _Verbal], suppressed: set[int], vd: VerbDictionary,
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
            coded[verb.head.i] = _verbal_args(verb.head, Match(None, None, None), actors)  # "attempted to"
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
            t = _Verbal(outer.verb, Match(code, None, None), sources, targets, framed=True)
            found = _verbal_candidates(t, force=True)
            suppressed.add(outer.verb.i)
            if verb.dep_ == "ccomp" and outer.verb.lemma_ in SPEECH_VERBS:
                for c in found:  # the reported act stays the sentence's main event
                    c.confidence *= 0.9
            else:
                suppressed.add(i)  # "X wants to attack Y": the attack is an intention
            out.extend(found)
            break
    return out


def _rules_of(vd: VerbDictionary, parse) -> list:
    rules = getattr(vd, "parsed_transformations", None)
    if rules is None:
        rules = vd.parsed_transformations = parse(vd.transformations)
    return rules


def _verbal_candidates(v: _Verbal, force: bool = False) -> list[Candidate]:
    verb, m = v.verb, v.match
    code, reverse = m.code, m.reverse
    # Reported speech: the speaking itself is only an event when the statement is one.
    if not code and not reverse:
        return []
    if not force and (code or "").startswith("01") and (verb.lemma_ in SPEECH_VERBS or not v.targets) and (
            not v.targets or verb.dep_ in ("parataxis", "ccomp") or
            any(c.dep_ in ("ccomp", "parataxis") for c in verb.children)):
        return []  # the saying is not an event (nor a statement to no one); what is said may be
    sources, targets = v.sources, v.targets
    if not sources and not (targets and _is_passive(verb) and (code or reverse or "")[:2] >= "06"):
        return []  # an agentless active verb ("considering the relationship between X and Y")
    if verb.lemma_.lower() in CAUSAL_VERBS and any(
            o.lemma_.lower() in nominal_lexicon() for o in _prep_objects(verb, ("to", "in")) +
            [c for c in verb.children if c.dep_ == "dobj"]):
        return []  # "which led to the arrest of X": the noun is the event
    speaker = _speaker(verb)
    specific = m.pattern is not None or v.framed
    conf = 0.45 + (0.2 if sources else 0) + (0.1 if targets and not v.deep_target else 0.05 if targets else 0) + \
        (0.05 if specific else 0)
    conf = min(0.99, conf * (0.4 + 0.6 * _clause_weight(verb)))
    res: list[Candidate] = []
    if not targets and len(sources) >= 2 and (code or reverse or "")[:2] in RECIPROCAL_ROOTS:
        pairs = [(a, b) for a in sources for b in sources if a != b]  # "X and Y agreed"
        for a, b in pairs:
            res.append(Candidate(verb, a, b, code or reverse, speaker=speaker, confidence=conf))
        return res
    for s in sources or [None]:
        for t in targets or [None]:
            if s is not None and s == t:
                continue
            if code:
                extra = {"negation_absorbed": True} if v.negation_absorbed else {}
                res.append(Candidate(verb, s, t, code, speaker=None if v.extra_demand else speaker,
                                     confidence=conf, extra=extra))
            if reverse and (s or t) and not (t is None and code == reverse):
                # (not for a symmetric code with no one opposite: "X signed an agreement" is not
                # also "no one signed it with X", which only puts X in a target slot)
                # a symmetric pair ([041:041], "telephoned"): both did the same, as sure as each
                # other (PLOVER codes a phone call or a meeting with both as actors); otherwise
                # "B was hosted by A" is a little less sure than "A hosted B"
                res.append(Candidate(verb, t, s, reverse, speaker=speaker,
                                     confidence=conf - (0.05 if code and code != reverse else 0)))
    return res


def verb_code(verb: Token, vd: VerbDictionary) -> tuple[str | None, str | None, object] | None:
    """(code, reverse code, pattern) for a verb token, or None."""
    m = code_verb(verb, vd, _subject(verb))
    return None if m is None else (m.code, m.reverse, m.pattern)
