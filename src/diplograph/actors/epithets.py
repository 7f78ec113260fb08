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
- ``alias``/``a.k.a.`` (class ``nickname_alias_words``) and a quoted appositive right after a person:
  ``P, "E",``, ``P ("E")``, ``P -- "E" to his colleagues --``.

The epithet is a quotation, or capitalised words with their article (class ``epithet_articles``:
``the``, ``El``, ``La`` …) and linking words (``of``, ``the``), or after an explicit naming word a
lower-case definite noun phrase (``the old fox``). A pronoun's person is the nearest person named
before it in the sentence, else a subject of the sentences before (its gender agreeing when the name
tells one). A clause whose object is a thing (``drivers call the bridge "the Harp"``) binds nothing.
The clause that introduces the nickname is no event (its verb goes to ``ResolvedActors.not_events``).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicon import word_class
from ..records import Actor
from ..rules import REGISTRY
from ..text.normalize import PLACEHOLDER
from .decide import mention_rule
from .name_forms import claim, is_person, weak_actor
from .state import CAPITALISED, State

INTRODUCED = mention_rule("mention.epithet_introduced", 0.75,
                          "a nickname a clause gives a person, by the clause's syntax (naming verb, as-clause, "
                          "nickname noun, alias, quoted appositive): the person the clause is about",
                          ("parse", "actors", "lexicon:nickname_verbs", "lexicon:nickname_nouns"))
REPEATED = mention_rule("mention.epithet_repeated", 0.65,
                        "a later (or earlier) use of a nickname the document introduced for a person",
                        ("actors", "lexicon:epithet_articles"))

OPEN = ('"', "“", "'", "‘", "«")
CLOSE = ('"', "”", "'", "’", "»")
_SUBJECTS = ("nsubj", "nsubjpass")
_OBJECTS = ("dobj", "dative", "nsubjpass")
_PRONOUNS = ("he", "him", "his", "she", "her", "hers", "himself", "herself")
_MAX_WORDS = 6


def _links() -> frozenset[str]:
    return word_class("nickname_span_links")


def _articles() -> frozenset[str]:
    return word_class("epithet_articles")


def _is_finite_verb(t: Token) -> bool:
    return t.tag_ in ("VBD", "VBZ", "VBP", "MD")


def _quoted(doc, i: int) -> tuple[int, int] | None:
    """The words between the quotation mark at ``i`` and its closing mark, when they can be a name."""
    if doc[i].text not in OPEN:
        return None
    end = min(doc[i].sent.end, i + _MAX_WORDS + 3)
    j = i + 1
    while j < end and doc[j].text not in CLOSE:
        j += 1
    if j >= end or j == i + 1:
        return None
    words = doc[i + 1:j]
    if any(_is_finite_verb(t) or t.lower_ in ("i", "we", "you") or t.text == PLACEHOLDER for t in words):
        return None  # a quoted saying, not a name
    if words[0].lower_ in ("a", "an") or not any(t.is_alpha for t in words):
        return None
    return i + 1, j


def _capitalised(doc, i: int, loose: bool) -> tuple[int, int] | None:
    """Capitalised words from ``i`` (an article and linking words allowed inside); with ``loose`` also a
    lower-case definite noun phrase (``the old fox``) ending in a noun."""
    sent_end = doc[i].sent.end
    j = i
    if j < sent_end and doc[j].lower_ in _articles() and j + 1 < sent_end:
        j += 1
    k = j
    while k < sent_end and k - j < _MAX_WORDS and doc[k].text != PLACEHOLDER:
        t = doc[k]
        if CAPITALISED.match(t.text) and t.is_alpha:
            k += 1
        elif t.lower_ in _links() and k > j and k + 1 < sent_end and (
                CAPITALISED.match(doc[k + 1].text) or doc[k + 1].lower_ in _articles()):
            k += 1
        else:
            break
    while k > j and doc[k - 1].lower_ in _links():
        k -= 1
    if k > j:
        return i, k
    if loose and doc[i].lower_ == "the":
        k = j
        while k < sent_end and k - j < 3 and doc[k].pos_ in ("ADJ", "NOUN") and doc[k].text.islower():
            k += 1
        if k > j and doc[k - 1].pos_ == "NOUN":
            return i, k
    return None


def epithet_at(doc, i: int, loose: bool = False) -> tuple[int, int] | None:
    """A nickname written from token ``i``: a quotation or capitalised words (see the module doc)."""
    if i >= len(doc) or i < 0:
        return None
    return _quoted(doc, i) or _capitalised(doc, i, loose)


def epithet_before(doc, end: int) -> tuple[int, int] | None:
    """A nickname written just before token ``end`` (exclusive): a quotation, or capitalised words and
    their article."""
    if end <= 0:
        return None
    if doc[end - 1].text in CLOSE:
        s = end - 2
        while s >= max(0, end - _MAX_WORDS - 3) and doc[s].text not in OPEN:
            s -= 1
        return _quoted(doc, s) if s >= 0 and doc[s].text in OPEN else None
    s = end
    start = doc[end - 1].sent.start
    while s - 1 >= start and end - s < _MAX_WORDS and doc[s - 1].text != PLACEHOLDER and (
            (CAPITALISED.match(doc[s - 1].text) and doc[s - 1].is_alpha) or
            (doc[s - 1].lower_ in _links() and s - 2 >= start and CAPITALISED.match(doc[s - 2].text))):
        s -= 1
    if s == end:
        return None
    if s - 1 >= start and doc[s - 1].lower_ in _articles():
        s -= 1
    return s, end


def _name_like(st: State, a: Actor | None) -> bool:
    """An unknown name the recogniser took for an organisation or a place (``Amara Tenkodo``): two or three
    capitalised words, nothing the knowledge base knows. Being given a nickname makes it a person."""
    if a is None or a.type not in ("group", "state") or a.code is not None or not a.mentions:
        return False
    if any((m.rule or "") != "mention.unknown_entity" for m in a.mentions):
        return False
    words = a.name.split()
    heads = word_class("non_actor_name_heads") | word_class("named_thing_heads") | word_class("media_name_heads")
    return 2 <= len(words) <= 3 and all(w.isalpha() and CAPITALISED.match(w) and not w.isupper() for w in words) \
        and words[-1].lower() not in heads


def _personal(st: State, a: Actor | None) -> Actor | None:
    """``a`` when it is a person, or a name-like unknown made one (see :func:`_name_like`)."""
    if is_person(a):
        return a
    if _name_like(st, a):
        assert a is not None
        a.type = "person"
        return a
    return None


def _gender_of_pronoun(tok: Token) -> str | None:
    if tok.lower_ in word_class("male_pronouns"):
        return "m"
    if tok.lower_ in word_class("female_pronouns"):
        return "f"
    return None


def _fits(st: State, a: Actor, gender: str | None) -> bool:
    if gender is None:
        return True
    from .names import name_gender

    return name_gender(a.name, st.doc.text, a.mentions) == gender


def antecedent(st: State, i: int, gender: str | None = None, skip: tuple[int, int] | None = None) -> Actor | None:
    """The person a pronoun (or a possessive) at token ``i`` points back to: the nearest person before it in
    its sentence, else a subject of the two sentences before (the nearest first), else any person there;
    one whose name agrees with the pronoun's gender first (names tell gender only roughly)."""
    found = _antecedent(st, i, gender, skip)
    return found if found is not None or gender is None else _antecedent(st, i, None, skip)


def _antecedent(st: State, i: int, gender: str | None, skip: tuple[int, int] | None) -> Actor | None:
    doc = st.doc
    sent = doc[i].sent
    for t in range(i - 1, sent.start - 1, -1):
        if skip is not None and skip[0] <= t < skip[1]:
            continue
        a = st.out.actor_at(t)
        if (is_person(a) or _name_like(st, a)) and _fits(st, a, gender):  # type: ignore[arg-type]
            return _personal(st, a)
    prev = sent.start
    for _ in range(2):
        if prev <= 0:
            break
        s = doc[prev - 1].sent
        people = [(t, st.out.actor_at(t.i)) for t in reversed(s)]
        people = [(t, a) for t, a in people if (is_person(a) or _name_like(st, a)) and _fits(st, a, gender)]  # type: ignore[arg-type]
        subj = [a for t, a in people if t.dep_ in _SUBJECTS or t.head.dep_ in _SUBJECTS]
        if subj or people:
            return _personal(st, (subj or [a for _, a in people])[0])
        prev = s.start
    return None


def _person_of(st: State, tok: Token, epithet: tuple[int, int]) -> Actor | None:
    """The person a token of the clause stands for: a name, a pronoun's antecedent, a relative pronoun's
    antecedent, an office or description the nickname rules know."""
    a = _personal(st, st.out.actor_at(tok.i))
    if a is not None:
        return a
    if tok.lower_ in _PRONOUNS:
        return antecedent(st, tok.i, _gender_of_pronoun(tok), skip=epithet)
    if tok.lower_ in ("whom", "who", "whose"):
        return _left_person(st, tok.i, epithet)
    if tok.pos_ == "NOUN":
        from .nicknames import person_at

        return person_at(st, tok, epithet)
    return None


def _left_person(st: State, i: int, epithet: tuple[int, int], callers: set[int] = frozenset()) -> Actor | None:
    """The nearest person named before token ``i`` in its sentence, outside the epithet and the callers."""
    doc = st.doc
    for t in range(i - 1, doc[i].sent.start - 1, -1):
        if epithet[0] <= t < epithet[1] or t in callers:
            continue
        a = _personal(st, st.out.actor_at(t))
        if a is not None:
            return a
    return None


def _object_of(st: State, verb: Token) -> Token | None:
    """The verb's object: its direct object or dative, ``refer to P``, a passive subject; when the parse
    gives none, a person or personal pronoun written right after the verb (or after ``to``): the parser
    often reads ``called P "E"`` with P as a predicate and a naming verb as a noun."""
    for c in verb.children:
        if c.dep_ in _OBJECTS:
            return c
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "to":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    doc = st.doc
    i = _skip_adverbs(doc, verb.i + 1)
    if i < len(doc) and doc[i].lower_ == "to":
        i += 1
    if i >= len(doc):
        return None
    if doc[i].lower_ in _PRONOUNS and doc[i].tag_ == "PRP":
        return doc[i]
    a = st.out.actor_at(i)
    if is_person(a) or _name_like(st, a):
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
    return tok.i + 1 if tok.lower_ in _PRONOUNS else tok.right_edge.i + 1


def _callers(verb: Token) -> set[int]:
    """Tokens of the active subject of a naming verb: the ones who call, never the one called."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return set(range(subj.left_edge.i, subj.right_edge.i + 1)) if subj is not None else set()


def _as_before(doc, verb: Token) -> Token | None:
    """An ``as`` opening the verb's clause (``E, as X call P``), within a few words and no punctuation."""
    for j in range(verb.i - 1, max(verb.sent.start, verb.i - 8) - 1, -1):
        if doc[j].lower_ == "as":
            return doc[j]
        if doc[j].is_punct:
            return None
    return None


def _as_after(doc, verb: Token) -> Token | None:
    """``known (to his rivals) as``: an ``as`` a few words after the verb, no clause break between."""
    for j in range(verb.i + 1, min(verb.sent.end, verb.i + 9)):
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
    if mark is not None and mark.i > verb.sent.start:
        end = mark.i - 1 if doc[mark.i - 1].text == "," else mark.i
        ep = epithet_before(doc, end)
        if ep is None:
            return None
        if obj is not None:
            person = _person_of(st, obj, ep)
            return (ep, person) if person is not None else None
        if verb.lemma_.lower() in word_class("nickname_say_verbs"):
            poss = next((t for t in verb.subtree if t.dep_ == "poss" and t.lower_ in _PRONOUNS), None)
            if poss is not None:
                person = antecedent(st, ep[0], _gender_of_pronoun(poss))
                return (ep, person) if person is not None else None
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
            person = _person_of(st, obj, ep)
            return (ep, person) if person is not None else None
        if verb.lemma_.lower() == "describe":
            return None
        return _participle_person(st, verb, ep)
    first = epithet_at(doc, _skip_adverbs(doc, verb.i + 1), loose=False)
    participle = verb.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
    if obj is not None and first is not None and first[0] <= obj.i < first[1] and (
            participle or doc[first[0] - 1].text in OPEN):
        obj = None  # "P, nicknamed 'E' by X": the name parsed as the participle's object
    # (3) X call(s) P E / X dubbed him E: the object, and the name right after it
    if obj is not None and obj.i > verb.i:
        after = _skip_adverbs(doc, _end_of(st, obj))
        ep = epithet_at(doc, after, loose=False)
        if ep is not None:
            person = _person_of(st, obj, ep)
            return (ep, person) if person is not None else None
        # "calls her the Iron Butterfly" parsed with the name as the object and the pronoun before it
        pron = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        if pron is not None and pron.lower_ in _PRONOUNS and pron.i != obj.i:
            ep = epithet_at(doc, pron.i + 1)
            person = _person_of(st, pron, ep) if ep is not None else None
            return (ep, person) if ep is not None and person is not None else None
        if obj.lower_ in _PRONOUNS or is_person(st.out.actor_at(obj.i)):
            return None
    # (3b) P, the man X call E: a relative clause with no object of its own names its antecedent
    if obj is None and verb.dep_ == "relcl" and any(c.dep_ == "nsubj" for c in verb.children):
        ep = epithet_at(doc, _skip_adverbs(doc, verb.i + 1), loose=False)
        if ep is None:
            return None
        head = verb.head
        person = _personal(st, st.out.actor_at(head.i))
        if person is None and head.dep_ == "appos":
            person = _personal(st, st.out.actor_at(head.head.i))
        if person is None and head.pos_ == "NOUN" and head.lower_ in word_class("person_nouns"):
            person = _left_person(st, head.i, ep)
        return (ep, person) if person is not None else None
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


def _participle_person(st: State, verb: Token, ep: tuple[int, int]) -> tuple[tuple[int, int], Actor] | None:
    """The bearer of ``known as E`` / ``nicknamed E``: the passive subject, else the person the participle
    (or its relative clause) hangs on, the nearest person before it in the sentence."""
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is not None:
        person = _person_of(st, subj, ep)
        return (ep, person) if person is not None else None
    if any(c.dep_ == "nsubj" for c in verb.children):
        return None  # an active clause with no object slot read: no bearer to be sure of
    person = _left_person(st, verb.i, ep)
    return (ep, person) if person is not None else None


def _from_noun(st: State, noun: Token) -> tuple[tuple[int, int], Actor] | None:
    """``P's nickname, E,`` / ``his nickname is E`` / ``P earned the moniker E`` / ``by the name of E``."""
    doc = st.doc
    if noun.lower_ in ("name", "nom") and not (noun.i >= 2 and doc[noun.i - 1].lower_ == "the"
                                               and doc[noun.i - 2].lower_ == "by"):
        if noun.lower_ == "name" or noun.i + 1 >= len(doc) or doc[noun.i + 1].lower_ != "de":
            return None
    i = noun.i + 1
    while i < noun.sent.end and doc[i].lower_ in ("de", "guerre", "of"):  # nom de guerre, name of
        i += 1
    if i < noun.sent.end and (doc[i].text in (",", ":") or doc[i].lemma_ == "be"):
        i += 1
    ep = epithet_at(doc, i, loose=True)
    if ep is None:
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        person = _person_of(st, poss, ep)
        return (ep, person) if person is not None else None
    head = noun.head
    if head.pos_ in ("VERB", "AUX") and noun.dep_ in ("dobj", "attr", "nsubj"):
        dative = next((c for c in head.children if c.dep_ in ("dative",) or (
            c.dep_ == "dobj" and c.i != noun.i)), None)  # "the press gave him the nickname E"
        if dative is not None:
            person = _person_of(st, dative, ep)
            return (ep, person) if person is not None else None
        subj = next((c for c in head.children if c.dep_ in _SUBJECTS), None)
        if subj is not None and subj.i != noun.i:
            person = _person_of(st, subj, ep)
            return (ep, person) if person is not None else None
    person = _left_person(st, noun.i, ep)
    return (ep, person) if person is not None else None


def _after_person(st: State, i: int) -> Actor | None:
    """The person whose name ends right before the punctuation at ``i`` (``P, "E"``, ``P ("E")``, ``P -- "E"``)."""
    if i <= 0 or st.doc[i].text not in (",", "(", "--", "—", "–", "-"):
        return None
    a = st.out.actor_at(i - 1)
    return a if is_person(a) else None


def _introductions(st: State) -> list[tuple[tuple[int, int], Actor, int | None]]:
    doc = st.doc
    verbs = word_class("nickname_verbs") | word_class("nickname_say_verbs") | {"go"}
    nouns = word_class("nickname_nouns")
    aliases = word_class("nickname_alias_words")
    found: list[tuple[tuple[int, int], Actor, int | None]] = []
    for tok in doc:
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
        elif tok.lower_ in aliases:
            ep = epithet_at(doc, tok.i + 1, loose=True)
            j = tok.i - 1 if tok.i > 0 and doc[tok.i - 1].text in (",", "(") else tok.i
            person = _after_person(st, j) if j != tok.i else (st.out.actor_at(tok.i - 1) if tok.i else None)
            got = (ep, person) if ep is not None and is_person(person) else None
            cue = None
        elif tok.text in OPEN and tok.i > 0:
            person = _after_person(st, tok.i - 1)
            ep = _quoted(doc, tok.i)
            if person is not None and ep is not None and (
                    CAPITALISED.match(doc[ep[0]].text) or doc[ep[0]].lower_ in _articles()):
                close = ep[1]
                nxt = doc[close + 1] if close + 1 < len(doc) else None
                if nxt is None or nxt.text in (",", ")", "--", "—", "–", "-", ".") or nxt.lower_ == "to":
                    got = (ep, person)
            cue = None
        if got is not None:
            found.append((got[0], got[1], cue))
    return found


def _usable(st: State, ep: tuple[int, int], person: Actor) -> bool:
    """An epithet that is not already another known actor's name, nor a placeholder."""
    s, e = ep
    if any(st.doc[t].text == PLACEHOLDER for t in range(s, e)):
        return False
    owners = {st.out.token_actor.get(t) for t in range(s, e)} - {None, person.id}
    strong = [o for o in owners if not weak_actor(st, o)]
    core = [t for t in range(s, e) if st.doc[t].lower_ not in _articles()]
    return not (strong and all(st.out.token_actor.get(t) in strong for t in core))


def _key(doc, ep: tuple[int, int]) -> tuple[str, ...]:
    words = [t.lower_ for t in doc[ep[0]:ep[1]] if t.text not in OPEN + CLOSE]
    while words and words[0] in _articles():
        words = words[1:]
    return tuple(words)


def _repeats(st: State, key: tuple[str, ...], capital: bool) -> list[tuple[int, int]]:
    """Every other use of the epithet: the same words (any case, article or not). A lower-case use of a
    lower-case or one-word epithet counts only after ``the`` (``the chemist``), never after ``a``."""
    doc = st.doc
    n = len(key)
    out = []
    for i in range(len(doc) - n + 1):
        if doc[i].lower_ != key[0] or tuple(t.lower_ for t in doc[i:i + n]) != key:
            continue
        if i + n < len(doc) and doc[i + n].pos_ in ("PROPN",) and CAPITALISED.match(doc[i + n].text):
            continue  # part of a longer name
        prev = doc[i - 1] if i > 0 else None
        definite = prev is not None and prev.lower_ in _articles()
        if prev is not None and prev.lower_ in ("a", "an", "another", "every", "any", "each", "no"):
            continue
        written_big = CAPITALISED.match(doc[i].text) is not None and not doc[i].is_sent_start
        if not (written_big or definite or (capital and CAPITALISED.match(doc[i].text))):
            continue
        out.append((i - 1 if definite else i, i + n))
    return out


def _bind(st: State, ep: tuple[int, int], person: Actor) -> None:
    from .identity import move_mentions

    doc = st.doc
    key = _key(doc, ep)
    if not key:
        return
    capital = any(CAPITALISED.match(t.text) for t in doc[ep[0]:ep[1]] if t.lower_ not in _articles())
    s, e = ep
    if s > 0 and doc[s - 1].lower_ in _articles() and doc[s - 1].text != PLACEHOLDER and doc[s].text not in OPEN:
        s -= 1
    spans = [(s, e)] + [sp for sp in _repeats(st, key, capital) if sp[1] <= s or sp[0] >= e]
    for k, (a, b) in enumerate(spans):
        if k and _inside_name(st, a, b, person):
            continue
        for o in {st.out.token_actor.get(t) for t in range(a, b)} - {None, person.id}:
            other = st.out.actors.get(o)
            if other is not None and weak_actor(st, o) and _key_of_name(other.name) == key:
                move_mentions(st, other, person, REPEATED, method="alias")  # a name of its own: the same person
        rule = INTRODUCED if k == 0 else REPEATED
        if _usable(st, (a, b), person):
            claim(st, a, b, person, rule, REGISTRY[rule].confidence)


def _key_of_name(name: str) -> tuple[str, ...]:
    words = [w.lower().strip("'\"“”‘’") for w in name.split()]
    while words and words[0] in _articles():
        words = words[1:]
    return tuple(w for w in words if w)


def _inside_name(st: State, a: int, b: int, person: Actor) -> bool:
    """A use of the epithet inside another person's longer name (``Fox`` of ``Fox Mulder``)."""
    for t in (a - 1, b):
        if 0 <= t < len(st.doc):
            x, y = st.out.token_actor.get(t), st.out.token_actor.get(a)
            if x is not None and x == y and x != person.id and is_person(st.out.actors.get(x)):
                return True
    return False


def bind_epithets(st: State) -> None:
    if not REGISTRY.enabled(INTRODUCED):
        return
    for ep, person, cue in _introductions(st):
        if person.id not in st.out.actors or not _usable(st, ep, person):
            continue
        if cue is not None:
            st.out.not_events.add(cue)
        if REGISTRY.enabled(REPEATED):
            _bind(st, ep, person)
        else:
            claim(st, ep[0], ep[1], person, INTRODUCED, REGISTRY[INTRODUCED].confidence)
