"""Whose a sector noun is: the state (or organisation) that owns ``troops``, ``police``, ``the minister``.

Named rules propose an owner and compete in ``decide.best`` (their base confidences encode the
order in which the evidence is trusted): the noun's own modifiers (``Russian troops``,
``Russia's army``, ``the president of Armenia``) → a definite person noun with none waits for
coreference → a known person's possession (``Tembo's government``) → an international
organisation among its modifiers → the state of the place where its clause happens
(``located.py``) → the one state the sentence names → the state where its
clause happens → the state the document is about.
"""
from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from spacy.tokens import Doc, Token

from ..lexicon import sectors_with, word_class
from ..nlp import sentence_of
from .coref import DEFINITE, PERSON_NOUNS
from .decide import mention_rule
from .located import EVENT_PLACE, event_place_state
from .state import State, state_of_span
from ..syntax import argument_of, pobj_of

# A state owns the document when it has at least this share of the state mentions (and two of them).
DOMINANT_SHARE = 0.75


class Owner(NamedTuple):
    country: str | None
    igo: str | None = None
    guessed: bool = False  # from the sentence or the document, not from the noun's own words


class Noun(NamedTuple):
    """A sector noun whose owner is sought: its phrase, head token and whether its people are at home."""

    st: State
    start: int
    end: int
    head: int
    located: bool  # police, officials: where they are says whose they are (soldiers often are abroad)


DEFER = object()  # the noun waits for coreference (``the president``)

MODIFIER = mention_rule("owner.modifier", 0.8,
                        "a sector noun's own nationality, possessor state, or of/from/in phrase gives its state",
                        ("parse", "kb", "lexicon:origin_prepositions"))
DESCRIPTOR = mention_rule("mention.descriptor_deferred", 0.78,
                          "a definite person noun with no state of its own (the president) waits for coreference",
                          ("parse", "coref:person_nouns"))
POSSESSOR = mention_rule("owner.possessor", 0.75, "a known person's possession is that person's state",
                         ("parse", "actors"))
IGO = mention_rule("owner.igo", 0.7, "an international organisation among the noun's modifiers owns it",
                   ("parse", "kb"))
SOLE_STATE = mention_rule("owner.sole_state", 0.6,
                          "the one state the sentence names (not the other side's, for often-abroad sectors)",
                          ("parse", "kb", "sectors:abroad"))
CLAUSE_LOCATION = mention_rule("owner.clause_location", 0.55,
                               "the state a locative phrase of the noun's clause names",
                               ("parse", "kb", "lexicon:locatives"))
DOMINANT_STATE = mention_rule("owner.dominant_state", 0.5,
                              "in a sentence naming no state: the state with most of the document's state mentions",
                              ("kb",))


def country_of_modifiers(st: State, noun: int, located: bool = False) -> str | None:
    """Country of a sector noun: ``Russian troops``, ``Russia's army``, ``the president of Armenia``;
    ``located``: also where the people are (``police in Mombasa``, ``protesters in Kenya``)."""
    doc = st.doc
    for child in doc[noun].children:
        cand = None
        if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i in st.hits:
            cand = st.hits[child.i][2]
        elif child.dep_ == "prep" and (child.lower_ == "of" or child.lower_ == "from" and from_is_origin(doc[noun])
                                       or child.lower_ == "in" and located and child.i == noun + 1):
            pobj = pobj_of(child)
            if pobj is not None and pobj.i in st.hits and st.hits[pobj.i][2].kind in ("demonym", "actor"):
                cand = st.hits[pobj.i][2]
        if cand is None:
            continue
        if cand.kind == "demonym":
            return cand.country
        if cand.kind == "actor" and cand.entry:
            code = cand.entry.code_on(st.on)
            if code and len(code) >= 3 and code[:3] in st.kb.countries:  # not IGO, NGO, a placeholder (KKL)
                return code[:3]
    return None


def from_is_origin(noun: Token) -> bool:
    """``from X`` after the noun says where its people come from (``officials from X met``, ``talks
    with diplomats from X``), not where they are moved from (``withdrew troops from X``)."""
    while noun.dep_ == "conj":
        noun = noun.head
    if noun.dep_ in word_class("origin_dependencies"):
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ in word_class("origin_prepositions")


def possessor_state(st: State, noun: int) -> str | None:
    """The state of the known person a sector noun belongs to (``Putin's government``)."""
    for child in st.doc[noun].children:
        if child.dep_ == "poss" and child.pos_ == "PROPN" and child.i not in st.hits:
            a = st.out.actor_at(child.i)
            return a.country if a is not None and a.type == "person" else None
    return None


def igo_of_modifiers(st: State, noun: int) -> str | None:
    """The organisation a sector noun belongs to: ``the U.N. war crimes court``, ``NATO officials``,
    ``diplomats from the Group of Seven`` (``from`` where it says where people come from)."""
    tok = st.doc[noun]
    for child in tok.subtree:
        if child.i >= noun or child.i not in st.hits or child.head.i > noun:
            continue
        hit = st.hits[child.i][2]
        if hit.kind == "actor" and hit.entry:
            code = hit.entry.code_on(st.on) or ""
            if code.startswith("IGO"):
                return code
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.i > noun and prep.lower_ == "from" and from_is_origin(tok):
            pobj = pobj_of(prep)
            hit = st.hits[pobj.i][2] if pobj is not None and pobj.i in st.hits else None
            code = (hit.entry.code_on(st.on) or "") if hit is not None and hit.kind == "actor" and hit.entry else ""
            if code.startswith("IGO"):
                return code
    return None


def sentence_state(st: State, token: int, abroad: bool = False) -> str | None:
    """The one state a sentence names, if it names only one: a sector noun with no nationality
    of its own (``police used tear gas to disperse demonstrators in Monrovia``, ``authorities
    pressured workers``) is then most likely that state's (a domestic event). ``abroad``
    (soldiers, peacekeepers): no guess when a nationality in the sentence is the other side's
    (``soldiers fired on Lebanese protesters`` are not Lebanon's)."""
    sent = sentence_of(st.doc, token)
    states: set[str] = set()
    for t in range(sent.start, sent.end):
        if t not in st.hits or t == token:
            continue
        c = state_of_span(st, st.hits[t][2])
        if c is None:
            continue
        if (abroad or _armed_noun(st, st.doc[t].head.i)) and owned_by_other_people(st, t, token):
            return None  # (a foreign force's nationality says nothing of whom it strikes: ``X forces
            # shelled villages``, ``X forces shelled regime positions``; they are where it happens)
        states.add(c)
        if len(states) > 1:
            return None
    return next(iter(states)) if states else None


def _armed_noun(st: State, noun: int) -> bool:
    """The token is a sector noun of a sector often abroad (soldiers, forces, warplanes)."""
    span = st.hits.get(noun)
    hit = span[2] if span is not None else None
    if hit is None:  # a nationality's noun the state's own reading took in (``Turkish forces``)
        found = st.kb.longest_match([st.doc[noun].text.upper()], 0)
        hit = found[1] if found is not None else None
    if hit is None or hit.agent is None:
        return st.doc[noun].lemma_.lower() in word_class("armed_force_nouns")
    return any(k in hit.agent.code for k in sectors_with("abroad"))


def names_no_state(st: State, token: int) -> bool:
    """The token's sentence names no state (besides the token itself), and the token is no state word."""
    if token in st.hits and state_of_span(st, st.hits[token][2]):
        return False
    sent = sentence_of(st.doc, token)
    return not any(t in st.hits and t != token and state_of_span(st, st.hits[t][2])
                   for t in range(sent.start, sent.end))


def sole_state(st: State, token: int) -> str | None:
    """The sentence's one state, else (a sentence that names no state) the document's dominant state."""
    found = sentence_state(st, token)
    if found is not None:
        return found
    return dominant_state(st) if names_no_state(st, token) else None


def owned_by_other_people(st: State, t: int, token: int) -> bool:
    """The state word at ``t`` is the nationality of the other side of ``token``'s clause:
    ``token`` is the subject and the nationality's noun the object, or the reverse
    (``soldiers fired on Lebanese stone-throwers``; not ``the Nigerian minister announced a
    military force``, whose minister and force are not opponents)."""
    noun = st.doc[t].head
    if st.doc[t].dep_ not in ("amod", "compound", "poss", "nmod") or noun.i == t:
        return False
    own = st.hits.get(token)
    if own is not None and own[0] <= noun.i < own[1]:
        return False
    a, b = argument_of(noun), argument_of(_through_compound(st.doc[token]))
    return a is not None and b is not None and a[0] == b[0] and a[1] != b[1]


def _through_compound(tok: Token) -> Token:
    """The noun a compound modifier belongs to (``regime positions``: the positions are the argument)."""
    while tok.dep_ == "compound" and tok.head.i > tok.i:
        tok = tok.head
    return tok


def clause_location(st: State, token: int) -> str | None:
    """The state where the clause of a sector noun happens, when the sentence names several:
    ``rebels attacked a town in Ruritania, Freedonian officials said`` → the rebels are
    Ruritania's. Only for the subject or object of a verb with a locative phrase (``in``/``near``
    …) of its own or of its object whose noun is one state's name or city."""
    noun = st.doc[token]
    if noun.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return None
    locatives = word_class("locatives")
    verb = noun.head
    places = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in locatives]
    for obj in verb.children:
        if obj.dep_ == "dobj" and obj.i != token:
            places += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in locatives]
    states: set[str] = set()
    for prep in places:
        pobj = pobj_of(prep)
        for place in [pobj, *pobj.conjuncts] if pobj is not None else []:
            span = st.hits.get(place.i)
            c = state_of_span(st, span[2]) if span is not None else None
            states.add(c or "")  # a place of no known state makes the location unsure
    return states.pop() if len(states) == 1 and "" not in states else None


def state_word_counts(st: State) -> Counter[str]:
    """How many of the document's knowledge-base spans name each state (nationalities, state names, a state's groups)."""
    counts: Counter[str] = Counter()
    for _, _, hit in {sp[0]: sp for sp in st.hits.values()}.values():
        c = state_of_span(st, hit)
        if c is not None:
            counts[c] += 1
    return counts


def dominant_state(st: State) -> str | None:
    """The state a document is about, when one state has nearly all its state mentions (a story
    about one country): a sector noun in a sentence that names no state is that state's."""
    if st.dominant is None:
        counts = state_word_counts(st)
        top = counts.most_common(1)
        total = sum(counts.values())
        st.dominant = top[0][0] if top and top[0][1] >= 2 and top[0][1] >= DOMINANT_SHARE * total else ""
    return st.dominant or None


def is_description(doc: Doc, start: int, end: int) -> bool:
    """``the president``, ``the old man``: a definite person noun that coreference may resolve."""
    head = doc[end - 1]
    if head.lower_ not in PERSON_NOUNS or head.tag_ != "NN":
        return False
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children)


# The owner rules -----------------------------------------------------------------------------

def _modifier(n: Noun) -> Owner | None:
    c = country_of_modifiers(n.st, n.head, n.located)
    return Owner(c) if c else None


def _descriptor(n: Noun):
    return DEFER if is_description(n.st.doc, n.start, n.end) else None


def _possessor(n: Noun) -> Owner | None:
    c = possessor_state(n.st, n.head)
    return Owner(c) if c else None


def _igo(n: Noun) -> Owner | None:
    code = igo_of_modifiers(n.st, n.head)
    return Owner(None, code) if code else None


def _sole_state(n: Noun) -> Owner | None:
    c = sentence_state(n.st, n.head, abroad=not n.located)
    return Owner(c, None, True) if c else None


def _clause_location(n: Noun) -> Owner | None:
    c = clause_location(n.st, n.head) if n.located else None
    return Owner(c, None, True) if c else None


def _event_place(n: Noun) -> Owner | None:
    c = event_place_state(n.st, n.head, n.located)
    return Owner(c, None, True) if c else None


def _dominant(n: Noun) -> Owner | None:
    if not n.located or not names_no_state(n.st, n.head):
        return None
    c = dominant_state(n.st)
    return Owner(c, None, True) if c else None


OWNER_RULES = ((MODIFIER, _modifier), (DESCRIPTOR, _descriptor), (POSSESSOR, _possessor), (IGO, _igo),
               (EVENT_PLACE, _event_place), (SOLE_STATE, _sole_state), (CLAUSE_LOCATION, _clause_location), (DOMINANT_STATE, _dominant))
