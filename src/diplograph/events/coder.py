"""Events: who did what to whom, from the dependency parse and the CAMEO verb dictionary.

Reads the spaCy ``Doc`` and the document's ``ResolvedActors``; writes candidate events
(trigger token, source/target actor ids, CAMEO code). The verb lemma selects the verb
block; a pattern whose words stand among the verb's dependents refines the code; the
longest matching pattern wins. Sources come from the subject (or the agent of a
passive), targets from the object or a prepositional object; coordination gives one
event per (source, target) pair. Event nouns (``the meeting between X and Y``,
``Russia's closure of the route``) are coded from ``data/lexicons/nominal_events.tsv``.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..actors.resolve import ResolvedActors
from ..data import data_path
from .verbs import Pattern, VerbDictionary

SPEECH_VERBS = {"say", "tell", "state", "add", "note", "announce", "claim", "report", "write",
                "declare", "insist", "explain", "reply", "argue", "believe", "think", "know", "infer"}
SUBJ = ("nsubj", "csubj")
OBJ = ("dobj", "dative", "attr", "oprd")


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
            out[row[0]] = (row[1], row[2].strip() == "1")
    return out


def _words_of(tok: Token) -> set[str]:
    return {t.lemma_.upper() for t in tok.subtree} | {t.text.upper() for t in tok.subtree}


def _expand(words: list[str], vd: VerbDictionary) -> list[set[str]]:
    """Each pattern word as the set of words it accepts (synonym sets expanded)."""
    out = []
    for w in words:
        w = w.rstrip("_")
        if w.startswith("&"):
            out.append(set(vd.synonyms.get(w[1:].rstrip("_"), [])) | {w})
        else:
            out.append({w})
    return out


def _pattern_matches(p: Pattern, verb: Token, vd: VerbDictionary) -> bool:
    right: set[str] = set()
    left: set[str] = set()
    preps: dict[str, set[str]] = {}
    for c in verb.children:
        if c.dep_ in SUBJ or c.dep_ == "nsubjpass":
            continue
        words = _words_of(c)
        (left if c.i < verb.i else right).update(words)
        if c.dep_ in ("prep", "agent", "dative"):
            preps.setdefault(c.text.upper(), set()).update(words)
    for accepted in _expand(p.post, vd):
        if not accepted & right:
            return False
    for accepted in _expand(p.pre, vd):
        if not accepted & left:
            return False
    for group in p.preps:
        if not group:
            continue
        head, *rest = group
        if head.startswith("&") or head.upper() not in preps:
            return False
        bag = preps[head.upper()]
        for accepted in _expand(rest, vd):
            if not accepted & bag:
                return False
    return True


def verb_code(verb: Token, vd: VerbDictionary) -> tuple[str, str | None, Pattern | None] | None:
    """(code, reverse code, pattern) for a verb token, or None."""
    lemma = verb.lemma_.upper()
    entries = vd.entries_for(lemma) or vd.entries_for(verb.text.upper())
    if not entries:
        return None
    particles = {c.text.upper() for c in verb.children if c.dep_ in ("prt", "prep")}
    best = None
    for e in entries:
        if len(e.words) > 1 and not set(e.words[1:]) <= particles:
            continue
        if best is None or len(e.words) > len(best.words):
            best = e
    if best is None:
        return None
    chosen: Pattern | None = None
    for p in best.block.patterns:
        if p.size and (chosen is None or p.size > chosen.size) and _pattern_matches(p, verb, vd):
            chosen = p
    if chosen is not None:
        return chosen.code, chosen.reverse, chosen
    return (best.code or best.block.code), None, None


def _actor_in(tok: Token, actors: ResolvedActors, depth: int = 2) -> list[str]:
    """Actor ids a noun phrase names: the head's own actor, else a close modifier's; conjuncts too."""
    found: list[str] = []
    for t in [tok] + [c for c in tok.conjuncts if c.i > tok.i]:
        aid = _head_actor(t, actors, depth)
        if aid and aid not in found:
            found.append(aid)
    return found


def _head_actor(tok: Token, actors: ResolvedActors, depth: int) -> str | None:
    if tok.i in actors.token_actor:
        return actors.token_actor[tok.i]
    if depth == 0:
        return None
    for c in tok.children:
        if c.dep_ in ("compound", "poss", "amod", "nmod", "appos") or (c.dep_ == "prep" and c.text.lower() == "of"):
            inner = c if c.dep_ != "prep" else next((g for g in c.children if g.dep_ == "pobj"), None)
            if inner is not None:
                aid = _head_actor(inner, actors, depth - 1)
                if aid:
                    return aid
    return None


def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in SUBJ:
            return c
    for c in verb.children:  # passive: "by X"
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    if verb.dep_ == "relcl":
        return verb.head
    if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp") and verb.head.pos_ in ("VERB", "AUX"):
        if verb.dep_ == "xcomp":  # "X urged Y to withdraw": Y acts; "X tried to send": X acts
            obj = next((c for c in verb.head.children if c.dep_ in ("dobj",)), None)
            if obj is not None and verb.head.lemma_ not in ("try", "decide", "want", "hope", "plan", "seek", "choose", "attempt"):
                return obj
        if verb.dep_ != "ccomp":
            return _subject(verb.head)
    return None


def _objects(verb: Token) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ in OBJ or c.dep_ == "nsubjpass"]
    for c in verb.children:
        if c.dep_ in ("prep", "dative") and c.dep_ != "agent":
            objs.extend(g for g in c.children if g.dep_ == "pobj")
        if c.dep_ == "xcomp":  # "chose to invite X"
            objs.extend(g for g in c.children if g.dep_ in OBJ)
    return objs


def _speaker(tok: Token) -> Token | None:
    """The reporting verb governing ``tok`` (``X said that …``), if any."""
    t = tok
    while t.head.i != t.i:
        if t.dep_ == "ccomp" and t.head.lemma_ in SPEECH_VERBS:
            return t.head
        t = t.head
    return None


def code_events(doc: Doc, actors: ResolvedActors, vd: VerbDictionary) -> list[Candidate]:
    out: list[Candidate] = []
    lex = nominal_lexicon()
    for tok in doc:
        if tok.pos_ == "VERB":
            out.extend(_verbal(tok, actors, vd))
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lex:
            out.extend(_nominal(tok, actors, *lex[tok.lemma_.lower()]))
    return out


def _pairs(sources: list[str], targets: list[str]) -> list[tuple[str | None, str | None]]:
    pairs = [(s, t) for s in sources or [None] for t in targets or [None] if s != t]
    return pairs


def _verbal(verb: Token, actors: ResolvedActors, vd: VerbDictionary) -> list[Candidate]:
    coded = verb_code(verb, vd)
    if coded is None:
        return []
    code, reverse, _ = coded
    if not code or code.startswith("-"):
        return []
    # Reported speech: the speaking itself is only an event when the statement is one.
    if verb.lemma_ in SPEECH_VERBS and code.startswith("01") and any(c.dep_ == "ccomp" for c in verb.children):
        return []
    subj = _subject(verb)
    sources = _actor_in(subj, actors) if subj is not None else []
    targets: list[str] = []
    for o in _objects(verb):
        for a in _actor_in(o, actors):
            if a not in targets and a not in sources:
                targets.append(a)
    if not sources and not targets:
        return []
    conf = 0.6 + (0.2 if sources else 0) + (0.1 if targets else 0) + (0.1 if verb.dep_ == "ROOT" else 0)
    res = []
    for s, t in _pairs(sources, targets):
        res.append(Candidate(verb, s, t, code, speaker=_speaker(verb), confidence=min(conf, 1.0)))
        if reverse and s and t:
            res.append(Candidate(verb, t, s, reverse, speaker=_speaker(verb), confidence=min(conf, 1.0) - 0.1))
    return res


def _nominal(noun: Token, actors: ResolvedActors, code: str, reciprocal: bool) -> list[Candidate]:
    sources: list[str] = []
    targets: list[str] = []
    for c in noun.children:
        if c.dep_ == "poss":
            sources += _actor_in(c, actors)
        elif c.dep_ in ("compound", "amod") and c.i in actors.token_actor:
            sources.append(actors.token_actor[c.i])
        elif c.dep_ == "prep":
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                names = _actor_in(g, actors)
                if c.text.lower() == "by":
                    sources += names
                elif c.text.lower() == "between":
                    sources += names
                else:
                    targets += names
    # "X held a meeting with Y": the holder is the source.
    if not sources and noun.dep_ in OBJ and noun.head.pos_ == "VERB":
        subj = _subject(noun.head)
        if subj is not None:
            sources = _actor_in(subj, actors)
    if not sources and not targets:
        return []
    res: list[Candidate] = []
    if reciprocal and len(sources) >= 2 and not targets:
        sources, targets = sources[:1], sources[1:]
    for s, t in _pairs(sources, targets):
        res.append(Candidate(noun, s, t, code, nominal=True, speaker=_speaker(noun), confidence=0.6))
        if reciprocal and s and t:
            res.append(Candidate(noun, t, s, code, nominal=True, speaker=_speaker(noun), confidence=0.5))
    return res
