"""A general reader of nickname introductions (issue 15): one procedure for every naming signal that the
frame readers (``nicknames.py``, ``epithets.py``) left unread, instead of one branch per phrasing.

A *signal* is a naming verb in any form or tag (class ``nickname_verbs``: call, dub, nickname, label, brand,
christen, style, mock, hail, term, know as, refer to as …; the parser often tags a participle as a finite verb
or a noun, so the tag is not trusted), ``so-called``, or a parenthesis (``E (P)``). From the signal the reader
takes

- the nickname: the quoted or capitalised noun phrase after the verb (past adverbs, ``to be``, the object,
  a ``to X``/``among X`` phrase, ``as``, ``so-called``), else the one before an ``as``/``how``/``what`` that
  opens the verb's clause (``E, as X call P``; ``E -- that is how X call P``; ``E is what X call P``);
- candidates for the person named, each scored by how it is tied to the verb (:data:`_TIES`): the object or
  passive subject (a name, a pronoun's antecedent, a relative pronoun's antecedent), the name a participle
  or relative clause hangs on (over person nouns and appositive descriptions), the subject of ``likes to be
  called``, a person in apposition to the nickname (``what X call E, P``; ``E (P)``). The callers (the active
  subject, a ``by`` agent) are never candidates; two people with the same best score name nobody.

The nickname and every later use of it (the document's alias table, ``epithet_uses.bind_epithet``) are then the
person, and the naming verb is no event: the writer's sources calling someone something is no political act.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import word_class
from ..nlp import sentence_of, tokens_of
from ..records import Actor
from ..text.normalize import PLACEHOLDER
from .decide import mention_rule, switched_on
from .epithet_uses import bind_epithet, from_table, only_these_words, usable
from .epithet_words import CLOSE, OPEN, PRONOUNS, articles, epithet_at, epithet_before, personal
from .name_forms import is_person, weak_actor
from .nickname_slots import (actor_end, after_person, candidate, copula_what, opening_participle, person_at,
                             quoted_predicate, skip_adverbs, zero_relative)
from .state import CAPITALISED, State, positions

GENERAL = mention_rule("mention.nickname_general", 0.7,
                       "a nickname a naming verb, so-called or a parenthesis gives a person, read by one general "
                       "procedure: the quoted or capitalised phrase, and the best-tied person (object, passive "
                       "subject, the name a participle or relative clause hangs on, an apposition)",
                       ("parse", "actors", "lexicon:nickname_verbs", "lexicon:person_nouns"))

# How strongly each tie says the person is the one named (the best tie wins; equal best ties: nobody).
_TIES = {"object": 5, "passive": 5, "anchor": 4, "apposition": 3}
_MIN = 3
_BE = ("to", "be", "being", "been", "is", "was", "are", "were", "has", "have", "had")
_LEFT_SKIP = word_class("nickname_left_skip")
_DASHES = (",", "(", "--", "—", "–", "-")
_MARKERS = ("as", "how", "what")
_PREP_BEFORE_AS = ("to", "among", "in", "by", "across", "throughout", "on", "at", "within")


def _verbs() -> frozenset[str]:
    # "named P Defence Minister" appoints; "described as" is a judgement unless a frame reader saw more
    return word_class("nickname_verbs") - {"name", "describe", "address"}






def _so_called(doc, i: int, end: int) -> int:
    """Past ``the so-called`` / ``so-called`` / ``so called`` (kept ``the``)."""
    j = i + 1 if i < end and doc[i].lower_ == "the" else i
    if j < end and doc[j].lower_ == "so":
        k = j + 1 + (j + 1 < end and doc[j + 1].text in ("-", "‑"))
        if k < end and doc[k].lower_ == "called":
            return k + 1 if j == i else k  # "the so-called E": E keeps no article; "so-called E"
    return i


def _after(st: State, v: Token) -> tuple[tuple[int, int] | None, Token | None]:
    """The nickname written after the verb, and the object token (a person or pronoun) read on the way."""
    doc = st.doc
    end = sentence_of(doc, v.i).end
    i = skip_adverbs(doc, v.i + 1, end)
    lemma = v.lemma_.lower()
    if i < end and doc[i].lower_ == "to" and lemma == "refer":
        i += 1
    obj: Token | None = None
    if i < end and doc[i].lower_ in PRONOUNS and doc[i].lower_ not in ("his", "hers"):
        obj, i = doc[i], i + 1
    elif i < end and candidate(st, st.out.actor_at(i)) is not None:
        j = actor_end(st, i)
        obj, i = doc[j - 1], j
    else:  # "mock Cambodian tycoon P as E": a description, then the person right before ``as``
        for j in range(i, min(end, i + 8)):
            if doc[j].is_punct or doc[j].lower_ == "as" or doc[j].pos_ in ("VERB", "AUX"):
                break
            if candidate(st, st.out.actor_at(j)) is not None:
                e = actor_end(st, j)
                if e < end and doc[e].lower_ == "as":
                    obj, i = doc[e - 1], e
                break
    i = skip_adverbs(doc, i, end)
    # "known to the traders of Mbare as E", "hailed by farmers as E": a short phrase before ``as``
    if i < end and doc[i].lower_ != "as":
        for j in range(i, min(end, i + 9)):
            if doc[j].lower_ == "as":
                if doc[i].lower_ in _PREP_BEFORE_AS:
                    i = j
                break
            if doc[j].is_punct and doc[j].text not in OPEN:
                break
    if i < end and doc[i].lower_ == "as":
        i += 1
    elif lemma in word_class("naming_verbs_with_as"):
        return None, obj  # "referring to the Gulf", "hailed the deal": these name only with "as"
    i = _so_called(doc, i, end)
    loose = lemma in ("nickname", "dub", "christen") or (i < end and doc[i].text in OPEN)
    ep = epithet_at(doc, i, loose=loose)
    return ep, obj


def _before(st: State, v: Token) -> tuple[int, int] | None:
    """The nickname written before a marker opening the verb's clause: ``E, as X call P``, ``E -- that is how
    X call P``, ``E is what X call P``, ``E, as P likes to be called``."""
    doc = st.doc
    start = sentence_of(doc, v.i).start
    for j in range(v.i - 1, max(start, v.i - 10) - 1, -1):
        if doc[j].lower_ in _MARKERS:
            k = j
            while k > start and (doc[k - 1].text in _DASHES or doc[k - 1].lower_ in ("that", "this", "is", "was",
                                                                                   "precisely", "exactly")):
                k -= 1
            return epithet_before(doc, k) if k < j or doc[j].lower_ != "as" else None
        if doc[j].is_punct and doc[j].text not in OPEN + CLOSE:
            return None
    return None


def _passive(doc, v: Token) -> bool:
    """``is called``, ``has been branded``, ``likes to be called``: not ``was referring`` (a progressive)."""
    return any(c.dep_ == "auxpass" for c in v.children) or (
        v.tag_ == "VBN" and v.i > 0 and doc[v.i - 1].lemma_ == "be")


def _callers(v: Token, passive: bool) -> set[int]:
    """The ones who call: the active subject's words, a ``by`` agent's words."""
    out: set[int] = set()
    for c in v.children:
        if (c.dep_ == "nsubj" and not passive) or c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            out.update(range(c.left_edge.i, c.right_edge.i + 1))
    return out






def _anchor(st: State, v: Token, ep: tuple[int, int]) -> Actor | None:
    """The person a participle or relative clause hangs on, read on the surface: left of the verb over
    adverbs, ``who is``, a relative clause's subject (``whom the press call``), the comma, and an appositive
    description (``P, the Harvard-trained economist whom X call E``)."""
    doc = st.doc
    start = sentence_of(doc, v.i).start
    j = v.i - 1
    while j > start and (doc[j].lower_ in _LEFT_SKIP or doc[j].lower_ in _BE or
                         (doc[j].pos_ == "ADV" and doc[j].text.islower())):
        j -= 1
    rel = None
    # "whom the money changers of X call E": over the relative clause's subject to its pronoun
    for k in range(j, max(start, v.i - 12) - 1, -1):
        if doc[k].lower_ in ("whom", "whose", "who"):
            rel = k
            break
        if doc[k].is_punct:
            break
    if rel is not None:
        j = rel - 1
    if j < start or doc[j].text not in _DASHES:
        if rel is None:
            return zero_relative(st, v, ep)
    else:
        j -= 1
    for _ in range(2):  # the name, or an appositive description and the name before it
        if j < start:
            return None
        a = candidate(st, st.out.actor_at(j))
        if a is not None and not (ep[0] <= j < ep[1]):
            return a
        if doc[j].pos_ not in ("NOUN", "PROPN", "ADJ"):
            return None
        k = j
        while k > start and doc[k].text not in _DASHES:
            if doc[k].pos_ in ("VERB", "AUX") or doc[k].text in OPEN + CLOSE:
                return None
            k -= 1
        if k <= start or k == j:
            return None
        j = k - 1
    return None








def _head_person(st: State, v: Token, ep: tuple[int, int]) -> Actor | None:
    """The noun a participle or relative clause hangs on in the parse, when it is a person, a description an
    earlier rule bound to one, or a person noun in apposition to one (``P, the man his supporters call E``).
    A thing (``a stadium fans call E``) is nobody."""
    if v.dep_ not in ("acl", "relcl") or v.head.i == v.i:
        return None
    head = v.head
    a = person_at(st, head, ep)
    if a is None and head.lower_ in word_class("person_nouns") and head.dep_ == "appos":
        a = person_at(st, head.head, ep)
    return a


def _apposition(st: State, ep: tuple[int, int]) -> Actor | None:
    """A person written right after the nickname, set off by a comma or a parenthesis (``what the press calls
    E, P, …``, ``E (P)``)."""
    doc = st.doc
    i = ep[1] + (ep[1] < len(doc) and doc[ep[1]].text in CLOSE)
    if i + 1 < len(doc) and doc[i].text in (",", "("):
        j = i + 1
        while j < min(len(doc), i + 4) and st.out.actor_at(j) is None and CAPITALISED.match(doc[j].text):
            j += 1  # a title before the name the recogniser left out of it ("Speaker P")
        a = candidate(st, st.out.actor_at(j)) if j < len(doc) else None
        if a is not None:
            e = actor_end(st, j)
            if e >= len(doc) or doc[e].text in (",", ")", ".", ";", "--", "—", "–"):
                return a
    return None


def _passive_subject(st: State, v: Token, ep: tuple[int, int]) -> Actor | None:
    """``P is called E``, ``P likes to be called E``, ``P has been branded E``: the subject."""
    doc = st.doc
    passive = _passive(doc, v)
    if not passive:
        return None
    def nearest(head: Token, deps: tuple[str, ...]) -> Token | None:
        # the parse may hang the nickname itself on the verb as a second subject: the nearest other one
        found = [c for c in head.children if c.dep_ in deps and not (ep[0] <= c.i < ep[1])]
        return min(found, key=lambda c: abs(c.i - v.i)) if found else None

    subj = nearest(v, ("nsubjpass", "nsubj"))
    if subj is None and v.dep_ == "xcomp":
        subj = nearest(v.head, ("nsubj",))
    return person_at(st, subj, ep) if subj is not None else None


def _so_called_object(st: State, v: Token) -> tuple[tuple[int, int], Actor] | None:
    """``X present P as the so-called E``: ``so-called`` marks a name; the person is the object of the verb the
    ``as`` hangs on (a thing there, or no ``as``: nothing — ``P, the so-called E`` is a frame reader's)."""
    doc = st.doc
    k = v.i - 1 - (v.i > 1 and doc[v.i - 1].text in ("-", "‑"))
    j = k - 1 - (k > 0 and doc[k - 1].lower_ == "the")
    if j < 0 or doc[j].lower_ != "as":
        ep = epithet_at(doc, v.i + 1)  # "the so-called E, General P, denied …": a person in apposition
        person = _apposition(st, ep) if ep is not None else None
        return (ep, person) if ep is not None and person is not None else None
    ep = epithet_at(doc, v.i + 1)
    verb = doc[j].head
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    person = person_at(st, obj, ep) if ep is not None and obj is not None else None
    return (ep, person) if ep is not None and person is not None else None


def _read(st: State, v: Token) -> tuple[tuple[int, int], Actor] | None:
    doc = st.doc
    if v.lower_ == "called" and v.i > 1 and "so" in (doc[v.i - 1].lower_, doc[v.i - 2].lower_):
        return _so_called_object(st, v)
    ep, obj = _after(st, v)
    before = ep is None
    if before:
        ep = _before(st, v)
    if ep is None:
        return None
    passive = _passive(doc, v)
    callers = _callers(v, passive)
    scores: dict[str, tuple[int, Actor]] = {}

    def add(a: Actor | None, tie: str, at: int | None = None) -> None:
        if a is None or (at is not None and at in callers):
            return
        s = _TIES[tie]
        if scores.get(a.id, (0, a))[0] < s:
            scores[a.id] = (s, a)

    if obj is not None:
        add(person_at(st, obj, ep), "object", obj.i)
    for c in v.children:
        if c.dep_ in ("dobj", "dative", "nsubjpass") and not (ep[0] <= c.i < ep[1]):
            add(person_at(st, c, ep), "object", c.i)
    add(_passive_subject(st, v, ep), "passive")
    if not before or obj is None:
        add(_anchor(st, v, ep), "anchor")
        add(_head_person(st, v, ep), "anchor")
    add(_apposition(st, ep), "apposition")
    add(copula_what(st, v, ep), "passive")
    if not before:
        add(opening_participle(st, v, ep), "anchor")
    if v.dep_ == "advcl" and v.i < v.head.i and v.i == sentence_of(doc, v.i).start:
        subj = next((c for c in v.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            add(person_at(st, subj, ep), "anchor")  # "Dubbed E by investors, P cut rates"
    if not scores:
        return None
    ranked = sorted(scores.values(), key=lambda x: -x[0])
    if ranked[0][0] < _MIN or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return None
    return ep, ranked[0][1]


def _noun_read(st: State, noun: Token) -> tuple[tuple[int, int], Actor] | None:
    """``E, a name (that) X gave P`` / ``E, the label P's rivals use`` / ``E, the name by which P is known``:
    a naming noun in apposition right after the nickname; the person is the object or passive subject of
    the noun's relative clause, else its possessor (the frame readers take ``P's nickname, E``)."""
    doc = st.doc
    k = noun.i - 1
    while k > 0 and doc[k].pos_ in ("ADJ", "ADV"):
        k -= 1
    if k < 2 or doc[k].lower_ not in ("a", "an", "the") or doc[k - 1].text not in (",", "--", "—", "–", "("):
        return None
    ep = epithet_before(doc, k - 1)
    if ep is None or not _capital_or_quoted(doc, ep):
        return None
    rel = next((c for c in noun.children if c.dep_ in ("relcl", "acl")), None)
    people: list[Actor] = []
    if rel is not None:
        callers = _callers(rel, any(c.dep_ == "auxpass" for c in rel.children))
        for c in rel.subtree:
            if c.i in callers or c.i == rel.i:
                continue
            if c.dep_ in ("dobj", "dative", "nsubjpass", "pobj") or c.lower_ in PRONOUNS:
                a = person_at(st, c, ep)
                if a is not None and a not in people:
                    people.append(a)
    if not people:
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        a = person_at(st, poss, ep) if poss is not None else None
        people = [a] if a is not None else []
    return (ep, people[0]) if len(people) == 1 else None


def _parenthesis(st: State, i: int) -> tuple[tuple[int, int], Actor] | None:
    """``E (P)``: a capitalised or quoted nickname with its article, the person alone inside the parenthesis."""
    doc = st.doc
    if i < 2:
        return None
    after = after_person(st, i)
    if after is not None:
        return after
    ep = epithet_before(doc, i)
    if ep is None or not (doc[ep[0]].lower_ in articles() or doc[ep[0] - 1].text in OPEN if ep[0] else False):
        return None
    a = st.out.actor_at(i + 1) if i + 1 < len(doc) else None
    if not is_person(a) or a.code is None:  # type: ignore[union-attr]
        return None  # a name the tables and the text's titles say nothing of may be the phrase's translation
    assert a is not None
    e = actor_end(st, i + 1)
    return (ep, a) if e < len(doc) and doc[e].text == ")" else None






def _no_name(doc, ep: tuple[int, int]) -> bool:
    """Words that cannot be a nickname: a pronoun (``"He (Ongpin) wants …"``), only function words."""
    return not any(t.pos_ in ("NOUN", "PROPN", "ADJ") and t.tag_ not in ("PRP", "PRP$") and not t.is_stop
                   for t in doc[ep[0]:ep[1]])


def _already_named(st: State, ep: tuple[int, int]) -> bool:
    """Some token of the nickname is already a person's (a frame reader bound it, or it is a name) — not a
    person the recogniser made of the nickname's own words (``christened the Surfer``: ``Surfer`` a new name),
    a namesake of the tables the document names only by these words (``call the Hammer``), or a sobriquet of
    the shipped table (the text's own introduction says whose it is here)."""
    key = tuple(t.lower_ for t in st.doc[ep[0]:ep[1]] if t.lower_ not in articles() and t.text not in OPEN + CLOSE)
    for t in range(*ep):
        a = st.out.actor_at(t)
        if st.doc[t].lower_ in articles() or not is_person(a):
            continue
        assert a is not None
        if (weak_actor(st, a.id) or only_these_words(a, key)) and tuple(w.lower() for w in a.name.split()) == key:
            continue
        if not (only_these_words(a, key) or from_table(st, a, t)):
            return True
    return False


def read_nicknames(st: State) -> None:
    if not switched_on(GENERAL):
        return
    doc = st.doc
    toks = tokens_of(doc)
    nouns = word_class("nickname_nouns") | word_class("naming_nouns")
    for i in positions(st, {"(", "so"} | nouns, _verbs() | {"be"}):
        tok = toks[i]
        got, cue = None, None
        if tok.text == "(":
            got = _parenthesis(st, i)
        elif tok.lemma_ == "be":
            if tok.i + 1 < len(doc) and (doc[tok.i + 1].text in OPEN or doc[tok.i + 1].pos_ == "ADV"):
                got = quoted_predicate(st, tok)
        elif tok.lower_ in nouns and tok.pos_ in ("NOUN", "PROPN"):
            got = _noun_read(st, tok)
        elif tok.lower_ == "so":
            continue  # read through the verb ("so-called" tags "called" with the naming lemma)
        elif tok.lemma_.lower() in _verbs() and (tok.pos_ in ("VERB", "AUX", "NOUN") or (
                tok.pos_ == "ADJ" and tok.lower_ in word_class("naming_verbs_with_as"))):
            if tok.pos_ == "NOUN" and tok.i > 0 and doc[tok.i - 1].tag_ in ("DT", "PRP$"):
                continue  # "a call", "his label"
            got, cue = _read(st, tok), tok.i
        if got is None:
            continue
        ep, person = got
        loose = cue is not None and toks[cue].lemma_.lower() in ("nickname", "dub", "christen")
        if _no_name(doc, ep) or _already_named(st, ep) or not (loose or _capital_or_quoted(doc, ep)) or \
                not usable(st, ep, person):
            continue
        if any(doc[t].text == PLACEHOLDER for t in range(*ep)):
            continue
        person = personal(st, person) or person  # a name-like unknown given a nickname is a person
        if cue is not None:
            st.out.not_events.add(cue)
        bind_epithet(st, ep, person, GENERAL)


def _capital_or_quoted(doc, ep: tuple[int, int]) -> bool:
    if ep[0] > 0 and doc[ep[0] - 1].text in OPEN:
        return True
    return any(CAPITALISED.match(t.text) for t in doc[ep[0]:ep[1]] if t.lower_ not in articles())


def apply_alias_table(st: State) -> None:
    """Every later use of a nickname a frame reader introduced (any case, with or without the article, quoted
    or not, a possessive; never inside another person's longer name) is the person it was given to."""
    for span, aid, rule in st.aliases:
        person = st.out.actors.get(aid)
        if person is not None:
            bind_epithet(st, span, person, rule)
