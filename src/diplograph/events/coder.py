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

Each decision is a named rule (``diplograph.rules``): sources and targets in ``arguments.py``,
frames and transformations in ``frames.py``, event nouns in ``nominal.py``, domestic targets in
``domestic.py``; every candidate carries the names of the rules that decided it (``rules``).
This module only orders them.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..actors.resolve import ResolvedActors
from ..nlp import text_of, tokens_of
from ..syntax import embedded as embedded_verb
from ..syntax import governor, prep_objects, subject
from . import codebook
from .candidates import SWITCHES, Candidate
from .discards import discard_index
from .domestic import domestic_targets
from .frames import apply_frames, content_not_fact, frames_without_verb, transformations
from .nominal import nominal_candidates
from .patterns import Match, code_verb
from .tables import nominal_lexicon, verb_frames
from .verbal import Verbal, verbal_args, verbal_candidates
from .verbs import VerbDictionary

__all__ = ["Candidate", "code_events", "demanded_clause", "verb_code"]

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
    for i in np.nonzero(pos == NOUN)[0].tolist():
        if not is_noun[i] and i >= 2 and any(w in lex for w in hyphened(toks[i])):
            is_noun[i] = True  # "a shoot-out": the tagger splits the word, the lexicon has it whole
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
    SWITCHES.refresh()  # the rules' switches as the registry has them now (data/rules.tsv, environment)
    families, _ = verb_frames()
    lex = nominal_lexicon()
    out: list[Candidate] = []
    for start, end, verbs, nouns in _sentences(doc, lex):
        if discards.sentence(text[doc[start].idx:doc[end - 1].idx + len(doc[end - 1])]):
            continue
        coded: dict[int, Verbal] = {}
        for tok in verbs:
            if tok.i in actors.not_events:
                continue  # it only introduces a nickname ("N, as X call him"): the actor stage says so
            if tok.dep_ != "aux" and tok.dep_ != "auxpass":
                m = code_verb(tok, vd, subject(tok))
                if m is not None and (m.code or m.reverse):
                    coded[tok.i] = verbal_args(tok, m, actors)
                elif tok.lemma_.lower() in families and embedded_verb(tok) is not None:
                    # "refused to commit …": a frame verb the dictionary leaves uncoded
                    coded[tok.i] = verbal_args(tok, Match(None, None, None), actors)
        suppressed: set[int] = set()
        frames_without_verb(coded, lex, actors)
        for i, v in coded.items():
            if content_not_fact(v, coded):
                suppressed.add(i)
        for tok in nouns:
            entry = noun_entry(tok, lex)
            clause = demanded_clause(tok) if entry and codebook.has(entry[0], "demand") else None
            if clause is not None and clause.i in coded:
                suppressed.add(clause.i)  # "its demand that Y withdraw": the withdrawal has not happened
        apply_frames(coded, suppressed, actors)
        if vd.transformations:
            out.extend(transformations(coded, suppressed, vd, actors))
        coded_verbs: set[int] = set()
        for i, v in coded.items():
            if i in suppressed:
                continue
            found = verbal_candidates(v)
            if found:
                coded_verbs.add(i)
            out.extend(found)
        for tok in nouns:
            gov, how = governor(tok)
            if gov is not None and gov.i in coded_verbs and how in ("dobj", "prep:with", "prep:for", "prep:in"):
                continue  # "held talks with Y": the verb's pattern already codes the event
            code, recip = noun_entry(tok, lex)
            found = nominal_candidates(tok, actors, code, recip)
            if coded_verbs:
                # with a verbal event in the sentence, a nominal one needs its own source:
                # "X accused Y of an attack on Z" does not assert an attack by no one on Z
                found = [c for c in found if c.source is not None]
            out.extend(found)
    domestic_targets(out, actors)
    return out


def hyphened(tok: Token) -> tuple[str, ...]:
    """The hyphenated word a noun ends, as written and with the noun's lemma (``shoot-outs``, ``shoot-out``: the
    tokenizer splits them), else ()."""
    doc = tok.doc
    i = tok.i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 2].whitespace_ or doc[i - 1].whitespace_:
        return ()
    return f"{doc[i - 2].lower_}-{tok.lower_}", f"{doc[i - 2].lower_}-{tok.lemma_.lower()}"


def noun_entry(tok: Token, lex: dict) -> tuple[str, bool] | None:
    """The event-noun lexicon's (code, reciprocal) for a noun: its lemma, its word, or the hyphenated word it ends."""
    entry = lex.get(tok.lemma_.lower()) or lex.get(tok.lower_)
    for joined in hyphened(tok) if entry is None else ():
        entry = entry or lex.get(joined)
    return entry


def demanded_clause(noun: Token) -> Token | None:
    """The clause a demand noun asks for: ``its demand that Y withdraw``, ``a call for Y to leave``."""
    for c in noun.children:
        if c.dep_ in ("acl", "ccomp", "relcl") and c.pos_ in ("VERB", "AUX", "NOUN") and any(
                g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
            return c
    for g in prep_objects(noun, ("for",)):
        for c in g.children:  # "a call for Y to leave": Y with an infinitive
            if c.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                return c
    return None


def verb_code(verb: Token, vd: VerbDictionary) -> tuple[str | None, str | None, object] | None:
    """(code, reverse code, pattern) for a verb token, or None."""
    m = code_verb(verb, vd, subject(verb))
    return None if m is None else (m.code, m.reverse, m.pattern)
