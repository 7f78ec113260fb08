"""Which side of its state's politics the text puts a person on, from the grammar around their mentions
(``mention.person_side``), read by ``person_roles.sector_from_text``.

Two kinds of evidence, each general English, never a name:

- **an organisation's post**: the person heads, leads or founded a body that is no organ of a state — a party, a
  movement, a bloc, or a named organisation that is not a state (``the Freedom Union's leader X``, ``X, founder of
  the Y Movement``, ``X, who still leads the largest opposition bloc``, ``<Org> ** X`` with the title hidden), or
  has a party of their own (``his party``, ``X's movement``);
- **an act against the government**: the person is the subject of an accusing or opposing verb whose object is
  the government (``X accuses the government of ...``, ``X denounced the cabinet``), or
  runs for an office (``X will fight the election``, ``X is running for president``).

Either is a present side in the state's politics: a person the tables do not hold in office on the date and
whom no phrase gives a state office is then OPP (a former head of state who leads a party today is in
opposition, not a retired elite).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import word_class
from ..text.normalize import PLACEHOLDER
from .decide import mention_rule
from .office_states import state_word
from .state import State

PERSON_SIDE = mention_rule("mention.person_side", 0.5,
                           "a person who heads, leads or founded a party, movement or other non-state organisation, "
                           "or who accuses or opposes the government, is on a side of the state's politics: OPP "
                           "unless in office", ("parse", "actors", "lexicon:led_organisation_nouns",
                                                "lexicon:organisation_head_nouns", "lexicon:opposition_act_verbs",
                                                "lexicon:contest_verbs", "lexicon:election_nouns"))

_GOVERNMENT_NOUNS = frozenset({"government", "cabinet", "regime", "administration", "executive", "presidency"})


def _organisation_words() -> frozenset[str]:
    return (word_class("led_organisation_nouns") - {"union"}) | word_class("party_words")


def _head_nouns() -> frozenset[str]:
    return word_class("organisation_head_nouns") | word_class("party_head_nouns") | {"founder", "co-founder"}


def _names_organisation(st: State, toks: list[Token], person: str) -> bool:
    """The words name a non-state organisation: a party or movement word (``the opposition bloc``, ``Labour``),
    or a capitalised name that is no state, no place and no person (``the Freedom Union``, ``AfD``)."""
    if any(t.lower_ in _organisation_words() or t.lower_ in word_class("opposition_words") for t in toks):
        return True
    for t in toks:
        if not t.text[:1].isupper() or t.pos_ not in ("PROPN", "NOUN") or t.is_sent_start or t.text == PLACEHOLDER:
            continue
        other = st.out.actor_at(t.i)
        acronym = sum(ch.isupper() for ch in t.text) >= 2  # AfD, PDS: an organisation a recogniser took for a name
        if other is not None and (other.id == person or other.type == "state" or (other.type == "person" and not
                                                                                 acronym)
                                  or "GOV" in (other.code or "")[3:] or "LEG" in (other.code or "")[3:]):
            continue
        if state_word(st, t.i) is not None:
            continue
        hit = st.hits.get(t.i)
        if hit is not None and (hit[2].place or hit[2].kind in ("demonym", "place")):
            continue  # a city or a region: a local office (``the Taipei mayor``), no organisation
        if other is not None or hit is None:
            return True
    return False


def _post_of(st: State, head: Token, person: str, mine: set[int]) -> bool:
    """``leader of the X Party``, ``the X's leader``, ``X leader``: a head noun whose ``of`` phrase, possessor or
    compound names a non-state organisation."""
    if head.lower_ not in _head_nouns() and head.text != PLACEHOLDER:
        return False
    near: list[Token] = []
    for c in head.children:
        if c.i in mine:
            continue
        if c.dep_ == "prep" and c.lower_ == "of":
            near += [g for g in c.subtree if abs(g.i - c.i) <= 6]
        elif c.dep_ in ("poss", "compound", "nmod", "amod"):
            near += [g for g in c.subtree if g.i < head.i]
    return bool(near) and _names_organisation(st, near, person)


def _led_object(st: State, verb: Token, person: str) -> bool:
    """The verb, or one it is coordinated with (``ran the country and still leads ...``), leads an organisation
    (``leads the largest opposition bloc``, ``founded the Y Movement``)."""
    return any(_leads(st, v, person) for v in [verb, *verb.conjuncts] if v.pos_ in ("VERB", "AUX"))


def _leads(st: State, verb: Token, person: str) -> bool:
    lemma = verb.lemma_.lower()
    if lemma not in (word_class("organisation_lead_verbs") - {"govern", "command", "direct"}) | {"found", "co-found"}:
        return False
    for c in verb.children:
        if c.dep_ in ("dobj", "obj"):
            span = [g for g in c.subtree if abs(g.i - c.i) <= 6]
            if c.lower_ in _GOVERNMENT_NOUNS or state_word(st, c.i) is not None:
                return False  # ``ran the country``, ``leads Kenya``: the state
            if _names_organisation(st, span, person):
                return True
    return False


def _against_government(verb: Token) -> bool:
    """The verb accuses or opposes the government: its object (or its ``against`` phrase) is the government (not a
    person in office: one politician criticising another says nothing of which side either is on)."""
    if verb.lemma_.lower() not in word_class("opposition_act_verbs"):
        return False
    for c in verb.children:
        objs = [c] if c.dep_ in ("dobj", "obj") else [g for g in c.children if g.dep_ == "pobj"] \
            if c.dep_ == "prep" and c.lower_ == "against" else []
        if any(o.lower_ in _GOVERNMENT_NOUNS for o in objs):
            return True
    return False


def _runs_for_office(verb: Token) -> bool:
    """``X will fight the election``, ``X is running for president``, ``X contests the vote``: a contender."""
    if verb.lemma_.lower() not in word_class("contest_verbs"):
        return False
    for c in verb.children:
        words = [c] if c.dep_ in ("dobj", "obj") else [g for g in c.children if g.dep_ == "pobj"] \
            if c.dep_ == "prep" and c.lower_ in ("for", "in") else []
        if any(w.lemma_.lower() in word_class("election_nouns") or w.lower_ in word_class("office_words")
               for w in words):
            return True
    return False


def _verbs_of_subject(tok: Token) -> list[Token]:
    """The verbs whose subject the token is: its own verb, and a relative clause on it (``X, who leads ...``)."""
    out = [tok.head] if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.pos_ in ("VERB", "AUX") else []
    for c in tok.children:
        if c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.lower_ in ("who", "that") for g in c.children):
            out.append(c)
    return out


def organisation_post(st: State, toks: list[int], person: str) -> bool:
    """A phrase about the person (the words before a name, a description) names a post of a non-state
    organisation: a head noun whose possessor, compound or ``of`` phrase is one (``the Freedom Union's leader``)."""
    mine = set(toks)
    return any(_post_of(st, st.doc[t], person, set()) for t in toks) if mine else False


def person_side(st: State, person: str, mine: list[int]) -> tuple[bool, bool]:
    """(heads a non-state organisation, acts against the government) for the person whose tokens are ``mine``."""
    doc = st.doc
    own = set(mine)
    post = against = False
    roots = [t for t in mine if doc[t].head.i not in own or doc[t].head.i == t]
    for r in roots:
        tok = doc[r]
        # the mention's own head noun, an apposition on either side, a prefix head (``the X's leader Y``)
        heads = [tok] + [c for c in tok.children if c.dep_ == "appos"]
        if tok.dep_ == "appos":
            heads.append(tok.head)
        heads += [c for c in tok.children if c.dep_ == "compound" and c.i not in own]
        if any(_post_of(st, h, person, own) for h in heads):
            post = True
        if tok.dep_ == "poss" and tok.head.i not in own and tok.head.lower_ in _organisation_words():
            post = True  # ``his party``, ``X's movement``: a party of their own today
        for h in heads:
            for verb in _verbs_of_subject(h):
                post = post or _led_object(st, verb, person)
                against = against or _against_government(verb) or _runs_for_office(verb)
    return post, against
