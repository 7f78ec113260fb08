"""Nicknames a text introduces, bound by syntactic family rather than by phrase (issue 15).

``mention.epithet_introduced`` reads every clause that gives a person a second name and binds the
name (the *epithet*) to the person the clause is about; every other use of the same epithet in the
document (case-insensitive, with or without its article, in quotes or not) is then that person
too (``mention.epithet_repeated``). The families, each found from the parse and the word classes,
never from a listed phrase:

- a naming verb (class ``nickname_verbs``) with the epithet after it: ``X call(s) P E``,
  ``P, nicknamed/dubbed/called E``, ``P is known (to X) as E``, ``X know(s) him as E``,
  ``X refer to P as E``, ``P goes by E``; the person is the verb's object, else its passive
  subject, else the person the participle hangs on (the nearest person before it in the clause),
  else the antecedent of a pronoun;
- an ``as``-clause after the epithet: ``E, as X call P``, ``E, as P is known``, ``P, or E as X call
  him``, ``E, as his supporters say`` (class ``nickname_say_verbs``: no object, the possessive's
  antecedent is the person);
- a nickname noun (class ``nickname_nouns``): ``P's nickname, E,``, ``his nickname is E``, ``P
  earned the moniker E``, ``whose nickname is E``, ``goes by the name of E``;
- (``alias``/``a.k.a.``, a quoted appositive ``P, "E",``/``P ("E")``, and ``P, or the E,`` are naming frames
  of ``data/lexicons/naming_frames.jsonl``, read by ``naming_frames.py``).

The epithet is a quotation, or capitalised words with their article (class ``epithet_articles``:
``the``, ``El``, ``La`` …) and linking words (``of``, ``the``), or after an explicit naming word a
lower-case definite noun phrase (``the old fox``). A pronoun's person is the nearest person named
before it in the sentence, else a subject of the sentences before (its gender agreeing when the name
tells one). A clause whose object is a thing (``drivers call the bridge "the Harp"``) binds nothing.
The clause that introduces the nickname is no event (its verb goes to ``ResolvedActors.not_events``).
"""
from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import word_class
from ..nlp import sentence_of, tokens_of
from ..records import Actor
from ..rules import REGISTRY
from .decide import mention_rule, switched_on
from .epithet_words import (OPEN, PRONOUNS, SUBJECTS, antecedent, articles, epithet_at, epithet_before,
                            left_person, name_like, name_word_person, person_of, personal, pronoun_gender)
from .epithet_uses import REPEATED, bind_epithet, usable
from .name_forms import claim, is_person
from .state import State, positions

_OBJECTS = ("dobj", "dative", "nsubjpass")
INTRODUCED = mention_rule("mention.epithet_introduced", 0.75,
                          "a nickname a clause gives a person, by the clause's syntax (naming verb, as-clause, "
                          "nickname noun, alias, quoted appositive): the person the clause is about",
                          ("parse", "actors", "lexicon:nickname_verbs", "lexicon:nickname_nouns"))

def _object_of(st: State, verb: Token) -> Token | None:
    """The verb's object: its direct object or dative, ``refer to P``, a passive subject; when the parse
    gives none, a person or personal pronoun written right after the verb (or after ``to``): the parser
    often reads ``called P "E"`` with P as a predicate and a naming verb as a noun."""
    for c in verb.children:
        if c.dep_ in _OBJECTS:
            return c
    for c in verb.children:  # "refer to P as E" (but "known to X as E": X are the ones who know)
        if c.dep_ == "prep" and c.lower_ == "to" and verb.lemma_.lower() == "refer":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return surface_object(st, verb)


def surface_object(st: State, verb: Token) -> Token | None:
    """A person or personal pronoun written right after the verb (or after ``refer to``): its last token."""
    doc = st.doc
    i = _skip_adverbs(doc, verb.i + 1)
    if i < len(doc) and doc[i].lower_ == "to" and verb.lemma_.lower() == "refer":
        i += 1
    if i >= len(doc):
        return None
    if doc[i].lower_ in PRONOUNS and doc[i].tag_ == "PRP":
        return doc[i]
    a = st.out.actor_at(i)
    if is_person(a) or name_like(st, a):
        while i + 1 < len(doc) and st.out.token_actor.get(i + 1) == st.out.token_actor.get(i):
            i += 1
        return doc[i]
    return None


def _end_of(st: State, tok: Token) -> int:
    """The token after the object's words: after the actor's name when it names one (the parse often hangs
    the nickname itself on the name), else after its phrase."""
    aid = st.out.token_actor.get(tok.i)
    if aid is not None:
        i = tok.i
        while i + 1 < len(st.doc) and st.out.token_actor.get(i + 1) == aid:
            i += 1
        return i + 1
    return tok.i + 1 if tok.lower_ in PRONOUNS else tok.right_edge.i + 1


def _callers(verb: Token) -> set[int]:
    """Tokens of the active subject of a naming verb: the ones who call, never the one called."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return set(range(subj.left_edge.i, subj.right_edge.i + 1)) if subj is not None else set()


def _as_before(doc, verb: Token) -> Token | None:
    """An ``as`` opening the verb's clause (``E, as X call P``), within a few words and no punctuation."""
    for j in range(verb.i - 1, max(sentence_of(doc, verb.i).start, verb.i - 8) - 1, -1):
        if doc[j].lower_ == "as":
            return doc[j]
        if doc[j].is_punct:
            return None
    return None


def _as_after(doc, verb: Token) -> Token | None:
    """``known (to his rivals) as``: an ``as`` a few words after the verb, no clause break between."""
    for j in range(verb.i + 1, min(sentence_of(doc, verb.i).end, verb.i + 9)):
        if doc[j].lower_ == "as":
            return doc[j]
        if doc[j].is_punct and doc[j].text not in OPEN:
            return None
    return None


def _skip_adverbs(doc, i: int) -> int:
    while i < len(doc) and doc[i].pos_ == "ADV" and doc[i].text.islower():
        i += 1
    return i


def _from_verb(st: State, verb: Token) -> tuple[tuple[int, int], Actor] | None:
    doc = st.doc
    obj = _object_of(st, verb)
    # (1) E, as X call P / E, as P is known / E, as his supporters say / P, or E as X call him
    mark = _as_before(doc, verb)
    if mark is not None and mark.i > sentence_of(doc, verb.i).start:
        end = mark.i - 1 if doc[mark.i - 1].text == "," else mark.i
        ep = epithet_before(doc, end)
        if ep is None:
            return None
        if obj is not None:
            person = person_of(st, obj, ep)
            return _paired(ep, person)
        if verb.lemma_.lower() in word_class("nickname_say_verbs") and not _named(st, ep):
            poss = next((t for t in verb.subtree if t.dep_ == "poss" and t.lower_ in PRONOUNS), None)
            if poss is not None:
                person = antecedent(st, ep[0], pronoun_gender(poss))
                return _paired(ep, person)
        return None
    if verb.lemma_.lower() in word_class("nickname_say_verbs"):
        return None
    # (2) ... known (to X) as E / X know him as E / X refer to P as E / X describe P as E
    as_ = _as_after(doc, verb)
    if as_ is not None:
        ep = epithet_at(doc, as_.i + 1, loose=verb.lemma_.lower() != "describe" and verb.pos_ != "NOUN")
        if ep is None:
            return None
        if obj is not None and obj.i < as_.i:
            person = person_of(st, obj, ep)
            return _paired(ep, person)
        if verb.lemma_.lower() == "describe":
            return None
        return _participle_person(st, verb, ep)
    first = epithet_at(doc, _skip_adverbs(doc, verb.i + 1), loose=False)
    participle = verb.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
    if obj is not None and first is not None and first[0] <= obj.i < first[1] and (
            participle or doc[first[0] - 1].text in OPEN):
        obj = None  # "P, nicknamed 'E' by X": the name parsed as the participle's object
    surf = surface_object(st, verb)
    if surf is not None and obj is not None and surf.i < obj.i and person_of(st, obj, (obj.i, obj.i + 1)) is None:
        # "called P 'E'" with the opening quote read as P's possessive and E as the object
        ep = epithet_at(doc, _skip_adverbs(doc, _end_of(st, surf)), loose=False)
        if ep is not None and ep[0] <= obj.i < ep[1]:
            person = person_of(st, surf, ep)
            return _paired(ep, person)
    # (3) X call(s) P E / X dubbed him E: the object, and the name right after it
    if obj is not None and obj.i > verb.i:
        after = _skip_adverbs(doc, _end_of(st, obj))
        ep = epithet_at(doc, after, loose=False)
        if ep is not None:
            person = person_of(st, obj, ep)
            return _paired(ep, person)
        # "calls her the Iron Butterfly" parsed with the name as the object and the pronoun before it
        pron = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        if pron is not None and pron.lower_ in PRONOUNS and pron.i != obj.i:
            ep = epithet_at(doc, pron.i + 1)
            person = person_of(st, pron, ep) if ep is not None else None
            return (ep, person) if ep is not None and person is not None else None
        if obj.lower_ in PRONOUNS or is_person(st.out.actor_at(obj.i)):
            return None
    # (3a) P, whom X (have long) call(ed) E: the relative pronoun is the object, its antecedent the person
    if obj is not None and obj.i < verb.i and obj.lower_ in word_class("relative_pronouns"):
        ep = epithet_at(doc, _skip_adverbs(doc, verb.i + 1), loose=False)
        if ep is None:
            return None
        person = _relative_person(st, verb, obj, ep)
        return _paired(ep, person)
    # (3b) P, the man X call E: a relative clause with no object of its own names its antecedent
    if obj is None and verb.dep_ == "relcl" and any(c.dep_ == "nsubj" for c in verb.children):
        ep = epithet_at(doc, _skip_adverbs(doc, verb.i + 1), loose=False)
        if ep is None:
            return None
        person = _relative_person(st, verb, None, ep)
        return _paired(ep, person)
    # (4) P, nicknamed E / P is called E / P, dubbed E by the press / P goes by E
    if verb.tag_ == "VBN" or verb.lemma_.lower() == "go":
        after = _skip_adverbs(doc, verb.i + 1)
        if verb.lemma_.lower() == "go":
            if after >= len(doc) or doc[after].lower_ != "by":
                return None
            after += 1
        ep = epithet_at(doc, after, loose=True)
        if ep is None and obj is not None and obj.i > verb.i and doc[obj.left_edge.i].text in OPEN:
            ep = epithet_at(doc, obj.left_edge.i)  # the quoted name read as the participle's object
        if ep is not None:
            return _participle_person(st, verb, ep)
    return None


def _relative_person(st: State, verb: Token, pron: Token | None, ep: tuple[int, int]) -> Actor | None:
    """The antecedent of a relative clause that names someone: the person the clause hangs on, or the
    person a person noun it hangs on stands beside (``P, the man X call E``); with ``whom``/``who`` also the
    nearest person before it (the parse of such clauses often goes astray). ``which`` is never a person."""
    if pron is not None and pron.lower_ in ("which",):
        return None
    head = verb.head if verb.dep_ == "relcl" else None
    if head is not None:
        person = personal(st, st.out.actor_at(head.i)) or (
            name_word_person(st, head.i) if not (ep[0] <= head.i < ep[1]) else None)
        if person is None and head.dep_ == "appos" and head.lower_ in word_class("person_nouns"):
            person = personal(st, st.out.actor_at(head.head.i))
        if person is None and head.pos_ == "NOUN" and head.lower_ in word_class("person_nouns"):
            person = left_person(st, head.i, ep)
        if person is not None or head.pos_ == "NOUN":
            return person
    if pron is not None and pron.lower_ in ("whom", "who"):
        return left_person(st, pron.i, ep)
    return None


def _named(st: State, ep: tuple[int, int]) -> bool:
    """The words already name an actor the knowledge base or the recogniser read (a person, a place, an
    institution): with nothing but an ``as his aides say`` to go on they are not taken for a nickname."""
    doc = st.doc
    if doc[ep[0]].text in OPEN or (ep[0] > 0 and doc[ep[0] - 1].text in OPEN):
        return False
    def known(t: int) -> bool:
        a = st.out.actor_at(t)
        return t in st.hits or (a is not None and not _unknown_entity(a) and not article)

    article = doc[ep[0]].lower_ in articles()  # "the Comet": a person's name takes no article

    return any(known(t) for t in range(*ep) if doc[t].lower_ not in articles())


def _unknown_entity(a: Actor) -> bool:
    return a.code is None and all((m.rule or "") == "mention.unknown_entity" for m in a.mentions)


def _participle_person(st: State, verb: Token, ep: tuple[int, int]) -> tuple[tuple[int, int], Actor] | None:
    """The bearer of ``known as E`` / ``nicknamed E``: the passive subject, else the person the participle
    (or its relative clause) hangs on, else the person named right before it."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is not None:
        person = person_of(st, subj, ep)
        return _paired(ep, person)
    if any(c.dep_ == "nsubj" for c in verb.children):
        return None  # an active clause with no object slot read: no bearer to be sure of
    j = verb.i - 1 - (verb.i > 1 and st.doc[verb.i - 1].text == "-")
    if j >= 0 and st.doc[j].lower_ == "so":
        # "so called": the writer's distance; a name only as "P, the so-called E" beside a person
        if j >= 3 and st.doc[j - 1].lower_ == "the" and st.doc[j - 2].text == ",":
            person = personal(st, st.out.actor_at(j - 3))
            return _paired(ep, person)
        return None
    head = verb.head
    if verb.dep_ == "advcl" and verb.i < head.i and _skip_adverbs_back(st.doc, verb.i) >= 0:
        # "Known to his supporters as E, P won": a participle opening the sentence is about its subject
        subj = next((c for c in head.children if c.dep_ in SUBJECTS), None)
        person = person_of(st, subj, ep) if subj is not None else None
        return _paired(ep, person)
    if verb.dep_ in ("acl", "relcl") and head.i != verb.i:
        # the participle says what its noun is called: a person (P, nicknamed E), a person noun beside a
        # person (P, the man known as E), never a thing (a movie called E, a colony called E)
        person = personal(st, st.out.actor_at(head.i))
        if person is None and head.lower_ in word_class("person_nouns"):
            person = personal(st, st.out.actor_at(head.head.i)) if head.dep_ == "appos" else \
                left_person(st, head.i, ep)
        return _paired(ep, person)
    person = _just_before(st, verb.i)
    return _paired(ep, person)


def _skip_adverbs_back(doc, i: int) -> int:
    """``i``, or the sentence start when only adverbs stand before it there."""
    start = sentence_of(doc, i).start
    return start if all(doc[j].pos_ == "ADV" for j in range(start, i)) else -1


def _paired(ep: tuple[int, int], person: Actor | None) -> tuple[tuple[int, int], Actor] | None:
    """The epithet and its person, or None when the clause named no person: what every frame returns."""
    return (ep, person) if person is not None else None


def _just_before(st: State, i: int) -> Actor | None:
    """The person whose name ends right before token ``i``, over a comma, adverbs and ``who is``
    (``P, nicknamed E``, ``P, who is better known as E``); a noun between makes it that noun's name."""
    doc = st.doc
    j = i - 1
    while j >= 0 and (doc[j].text == "," or doc[j].pos_ in ("ADV", "AUX") or doc[j].lower_ in ("who", "also")):
        j -= 1
    return personal(st, st.out.actor_at(j)) if j >= 0 else None


def _from_noun(st: State, noun: Token) -> tuple[tuple[int, int], Actor] | None:
    """``P's nickname, E,`` / ``his nickname is E`` / ``P earned the moniker E`` / ``by the name of E``."""
    doc = st.doc
    if noun.lower_ in ("name", "nom") and not (noun.i >= 2 and doc[noun.i - 1].lower_ == "the"
                                               and doc[noun.i - 2].lower_ == "by"):
        if noun.lower_ == "name" or noun.i + 1 >= len(doc) or doc[noun.i + 1].lower_ != "de":
            return None
    send = sentence_of(doc, noun.i).end
    behind = _noun_after_epithet(st, noun)
    if behind is not None:
        return behind
    i = noun.i + 1
    while i < send and doc[i].lower_ in ("de", "guerre", "of"):  # nom de guerre, name of
        i += 1
    if i < send and doc[i].pos_ == "ADP" and doc[i].lower_ != "of":  # "a nickname among her staff: E"
        j = i
        while j < min(send, i + 6) and not doc[j].is_punct and doc[j].lemma_ != "be":
            j += 1
        i = j if j < send and (doc[j].text in (",", ":") or doc[j].lemma_ == "be") else i
    if i < send and (doc[i].text in (",", ":") or doc[i].lemma_ == "be"):
        i += 1
    ep = epithet_at(doc, i, loose=True)
    if ep is None:
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        person = person_of(st, poss, ep)
        return _paired(ep, person)
    head = noun.head
    if head.pos_ in ("VERB", "AUX") and noun.dep_ in ("dobj", "attr", "nsubj"):
        dative = next((c for c in head.children if c.i < noun.i and (c.dep_ in ("dative",) or (
            c.dep_ == "dobj" and c.i != noun.i))), None)  # "the press gave him the nickname E"
        if dative is not None:
            person = person_of(st, dative, ep)
            return _paired(ep, person)
        subj = next((c for c in head.children if c.dep_ in SUBJECTS), None)
        if subj is not None and subj.i != noun.i:
            person = person_of(st, subj, ep)
            return _paired(ep, person)
    person = left_person(st, noun.i, ep)
    return _paired(ep, person)


def _noun_after_epithet(st: State, noun: Token) -> tuple[tuple[int, int], Actor] | None:
    """``E, a nickname P earned …`` / ``E, the nickname given to P``: the nickname noun in apposition after
    the epithet; the person is the noun's possessor, the subject of its relative clause, else the first
    person named in its phrase."""
    doc = st.doc
    k = noun.i - 1
    while k > 0 and doc[k].pos_ == "ADJ":
        k -= 1
    if k < 1 or doc[k].tag_ not in ("DT", "PRP$", "POS") or doc[k - 1].text not in (",", "--", "—", "–", "("):
        if not (k >= 1 and doc[k].tag_ == "POS"):
            return None
    comma = k - 1
    while comma > 0 and doc[comma].text not in (",", "--", "—", "–", "("):
        comma -= 1  # "E, P's nickname": over the possessor's name
    if comma <= 0 or noun.i - comma > 6:
        return None
    ep = epithet_before(doc, comma)
    if ep is None:
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        person = person_of(st, poss, ep)
        return _paired(ep, person)
    rel = next((c for c in noun.children if c.dep_ in ("relcl", "acl")), None)
    subj = next((c for c in rel.children if c.dep_ == "nsubj"), None) if rel is not None else None
    if subj is not None:
        person = person_of(st, subj, ep)
        return _paired(ep, person)
    for t in range(noun.i + 1, min(len(doc), noun.i + 8)):
        if doc[t].is_punct:
            break
        a = personal(st, st.out.actor_at(t))
        if a is not None:
            return ep, a
    return None


def _introductions(st: State) -> list[tuple[tuple[int, int], Actor, int | None]]:
    doc = st.doc
    # "named P Defence Minister" appoints: ``name`` introduces no nickname here (``nicknamed`` does)
    verbs = (word_class("nickname_verbs") - {"name"}) | word_class("nickname_say_verbs") | {"go"}
    nouns = word_class("nickname_nouns")
    found: list[tuple[tuple[int, int], Actor, int | None]] = []
    toks = tokens_of(doc)
    # every branch below starts from one of these words: only their tokens are read
    for i in positions(st, nouns, verbs):
        tok = toks[i]
        got = None
        cue: int | None = tok.i
        lemma = tok.lemma_.lower()
        if lemma in verbs and (tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "NOUN" and (tok.dep_ in (
                "advcl", "relcl", "ccomp", "acl") or _object_of(st, tok) is not None) and not (
                tok.i > 0 and doc[tok.i - 1].tag_ in ("DT", "PRP$")))):
            got = _from_verb(st, tok)
        elif tok.lower_ in nouns and tok.pos_ in ("NOUN", "PROPN"):
            got = _from_noun(st, tok)
            cue = tok.head.i if got is not None and tok.head.pos_ == "VERB" else None
        if got is not None:
            found.append((got[0], got[1], cue))
    return found


def bind_epithets(st: State) -> None:
    if not switched_on(INTRODUCED):
        return
    for ep, person, cue in _introductions(st):
        if person.id not in st.out.actors or not usable(st, ep, person):
            continue
        if cue is not None:
            st.out.not_events.add(cue)
        if switched_on(REPEATED):
            bind_epithet(st, ep, person, INTRODUCED)
        else:
            claim(st, ep[0], ep[1], person, INTRODUCED, REGISTRY[INTRODUCED].confidence)
