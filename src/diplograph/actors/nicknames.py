"""Nicknames and aliases as one mechanism: a name the text or the reader's world gives a person.

Three rules, tried after every person and office holder of the document is known (and before
coreference, so that pronouns find the person behind a nickname):

- ``mention.nickname_introduced``: the text introduces the nickname and says whose it is —
  ``N, as X call(s)/nicknamed/dubbed/described P`` (P a name, a pronoun, or ``their leader``),
  ``P, (who is/was) (better/also) known as N``, ``P, nicknamed/dubbed N``, ``X call(s) P N``;
  every later use of N in the document is P too;
- ``mention.known_sobriquet`` (``sobriquets.py``): a widely used sobriquet of a leader (``data/kb/sobriquets.tsv``,
  with a source for each, and the nicknames the leader tables quote inside a holder's name),
  only when the person or their state is named in the same document;
- ``mention.name_initials``: an all-capital word that spells the initials of one person of the
  document (``ADO``), by the text's name or any name the leader tables give them;
- ``mention.honorific_name`` (``name_forms.py``, with initials and clipped names): an honorific word before or after a name word of one person of the
  document (``little Kim``, ``Pak Prabowo``, ``Xi Dada``; prefixes in ``data/kb/honorifics.tsv``,
  suffixes in ``data/kb/honorific_suffixes.tsv``), case-insensitive on the honorific.

A nickname's introduction is not an event between the writer's sources and the person: the verb
of the introduction is published in ``ResolvedActors.not_events`` for the event stage.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import word_class
from ..nlp import sentence_of, tokens_of
from ..records import Actor
from ..rules import REGISTRY
from ..text.normalize import PLACEHOLDER
from .decide import mention_rule, switched_on
from .name_forms import (CLIPPED, HONORIFIC, INITIALS, claim, clipped, garbled_surnames, honorifics, initials,
                         is_person, weak_actor)
from .identity import PARTIAL_NAME
from .sobriquets import SOBRIQUET, bind_sobriquets, table_bearer
from .pronoun_people import antecedent, pronoun_gender
from .spelling import units
from .state import CAPITALISED, State, positions

INTRODUCED = mention_rule("mention.nickname_introduced", 0.8,
                          "a nickname the text introduces for a person (N, as X call P; P, known as N; X call P N)",
                          ("parse", "actors", "lexicon:nickname_verbs"))
_PARTICLES = word_class("nickname_span_links")
_STOP = word_class("nickname_span_stops")


def _person_before(st: State, index: int) -> Actor | None:
    """The person the text named last before token ``index``."""
    for t in range(index - 1, -1, -1):
        a = st.out.actor_at(t)
        if is_person(a):
            return a
    return None


def _person_at(st: State, tok: Token, nick: tuple[int, int]) -> Actor | None:
    """The person a token of an introduction stands for: a name, a pronoun, an office descriptor
    (``their king``, ``the Indian prime minister``), a description an earlier rule bound."""
    a = st.out.actor_at(tok.i)
    if is_person(a):
        return a
    if tok.lower_ in ("himself", "herself"):  # "as X described himself": the subject
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        a = st.out.actor_at(subj.i) if subj is not None else None
        if a is not None and a.type == "group" and a.code is None and 2 <= len(a.name.split()) <= 4 and all(
                CAPITALISED.match(w) for w in a.name.split()):
            a.type = "person"  # an unknown name that describes himself is a person, whatever NER said
        return a if is_person(a) else None
    if tok.lower_ in ("him", "her", "he", "she", "whom", "who"):
        if tok.lower_ in ("whom", "who"):
            head = tok.head.head if tok.head.dep_ == "relcl" else tok.head
            a = st.out.actor_at(head.i)
            if is_person(a):
                return a
        # the pronoun's antecedent: the nearest person of its sentence, else the most salient one before, the
        # text's own pronouns deciding gender ("Q served P for years. The press now calls him E": not Q)
        return antecedent(st, tok.i, pronoun_gender(tok), skip=nick) or _person_before(st, nick[0])
    if tok.pos_ == "NOUN":
        return _office_person(st, tok) or _described(st, tok)
    return None


person_at = _person_at  # read by epithets.py

_RELATIVE = ("whom", "who", "that")


def _after_comma(doc, i: int) -> bool:
    """Only lower-case adverbs between a comma and token ``i`` (``P, still called N``)."""
    j = i - 1
    while j >= 0 and doc[j].pos_ == "ADV" and doc[j].text.islower():
        j -= 1
    return j >= 0 and doc[j].text == ","


def _named_right_after(doc, verb: Token) -> bool:
    if any(c.dep_ == "dobj" for c in verb.children) or verb.i + 1 >= len(doc):
        return False
    nxt = doc[verb.i + 1]
    return nxt.text in ('"', "“") or (CAPITALISED.match(nxt.text) is not None and nxt.text != PLACEHOLDER)


def _relative_antecedent(st: State, verb: Token) -> Actor | None:
    """The person a relative clause of ``verb`` is about (``P, whom X (still) call N``): the parse's relative
    pronoun object with the clause hanging on P, or on the surface ``P, whom`` a few words before the verb
    with no punctuation between (the parse of such clauses often goes astray)."""
    doc = st.doc
    pron = next((c for c in verb.children if c.lower_ in _RELATIVE and c.dep_ in ("dobj", "nsubjpass")), None)
    if pron is not None and verb.dep_ == "relcl" and is_person(st.out.actor_at(verb.head.i)):
        return st.out.actor_at(verb.head.i)
    for j in range(verb.i - 1, max(sentence_of(doc, verb.i).start, verb.i - 9) - 1, -1):
        if doc[j].is_punct:
            return None
        if doc[j].lower_ == "whom":
            if j >= 2 and doc[j - 1].text == "," and is_person(st.out.actor_at(j - 2)):
                return st.out.actor_at(j - 2)
            return None
    return None


def _office_person(st: State, tok: Token) -> Actor | None:
    """``the Indian prime minister``, ``their king`` (the people the clause names: ``as Moroccans call their
    king``): the office holder, bound to the description's words too."""
    from .leaders import office_forms
    from .office_descriptors import office_title
    from .offices import holder_and_rule
    from .state import state_of_span

    doc = st.doc
    title, _ = office_title(doc, tok.i)
    if title not in office_forms() and title not in word_class("leader_nouns"):
        return None
    start = tok.left_edge.i
    state = None
    for t in range(start, tok.i):  # a state the description names itself
        if t in st.hits:
            state = state or state_of_span(st, st.hits[t][2])
    if state is None and any(c.dep_ == "poss" and c.lower_ == "their" for c in tok.children):
        verb = tok.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            for t in range(subj.left_edge.i, subj.right_edge.i + 1):
                if t in st.hits:
                    state = state or state_of_span(st, st.hits[t][2])
    if state is None:
        for t in sentence_of(doc, tok.i):
            if t.i in st.hits and st.hits[t.i][2].kind == "demonym":
                state = st.hits[t.i][2].country
                break
    found = holder_and_rule(st, state or "", title)
    if found is None:
        return None
    person, rule = found
    owners = {st.out.token_actor.get(t) for t in range(start, tok.i + 1)} - {None, person.id}
    if not any(st.out.actors[o].type == "person" for o in owners if o in st.out.actors):
        claim(st, start, tok.i + 1, person, rule, REGISTRY[rule].confidence)
    return person


def _described(st: State, tok: Token) -> Actor | None:
    """``as his fans call the captain``: the one person an earlier description with this noun was bound to."""
    fits = {a.id for a in st.out.actors.values() if a.type == "person" for m in a.mentions
            if (m.rule or "").startswith("mention.descriptor_") and tok.lower_ in m.text.lower().split()}
    return st.out.actors[next(iter(fits))] if len(fits) == 1 else None


def _name_before(st: State, comma: int) -> tuple[int, int] | None:
    """The nickname written just before a comma: a quotation, else capitalised words (``Fatty the Third``)."""
    doc = st.doc
    end = comma
    if end > 0 and doc[end - 1].text in ('"', "”", "'"):
        s = end - 2
        while s >= 0 and doc[s].text not in ('"', "“"):
            s -= 1
        return (s + 1, end - 1) if s >= 0 and end - 1 - (s + 1) <= 8 else None
    s = end
    while s - 1 >= 0 and (CAPITALISED.match(doc[s - 1].text) or doc[s - 1].lower_ in _PARTICLES) \
            and doc[s - 1].text != PLACEHOLDER and not doc[s - 1].is_sent_start:
        s -= 1
    if s == end:  # "the pharaoh, as ... call X": a definite noun phrase as the nickname
        j = end
        while j - 1 >= 0 and end - j < 3 and doc[j - 1].pos_ in ("NOUN", "ADJ") and doc[j - 1].text.islower():
            j -= 1
        if j < end and j - 1 >= 0 and doc[j - 1].lower_ == "the":
            return j - 1, end
    if s - 1 >= 0 and doc[s - 1].is_sent_start and CAPITALISED.match(doc[s - 1].text) and \
            doc[s - 1].pos_ in ("PROPN", "NOUN", "ADJ"):  # not a sentence's first adverb ("Later JO, as ...")
        s -= 1
    while s < end and doc[s].lower_ in _PARTICLES:
        s += 1
    return (s, end) if s < end and end - s <= 6 else None


def _name_after(st: State, start: int) -> tuple[int, int] | None:
    """The nickname written after ``as``/``call P``: capitalised words, or a definite noun phrase and its
    ``of`` complement (``the field marshal of Benghazi``)."""
    doc = st.doc
    if start >= len(doc):
        return None
    if doc[start].text in ('"', "“"):
        e = start + 1
        while e < len(doc) and doc[e].text not in ('"', "”"):
            e += 1
        return (start + 1, e) if e < len(doc) and e - start <= 9 else None
    e = start
    while e < len(doc) and doc[e].lower_ not in _STOP and doc[e].text != PLACEHOLDER and e - start < 8:
        tok = doc[e]
        if not (CAPITALISED.match(tok.text) or tok.lower_ in _PARTICLES or (doc[start].lower_ == "the"
                                                                           and tok.pos_ in ("NOUN", "ADJ", "DET"))):
            break
        e += 1
    while e > start and doc[e - 1].lower_ in _PARTICLES:
        e -= 1
    return (start, e) if e > start else None


def _bind(st: State, span: tuple[int, int], person: Actor, verb: int | None) -> None:
    s, e = span
    if any(st.doc[t].text == PLACEHOLDER for t in range(s, e)):
        return
    if not claim(st, s, e, person, INTRODUCED, REGISTRY[INTRODUCED].confidence):
        return
    if verb is not None:
        st.out.not_events.add(verb)
    # later uses of the nickname: the document's one alias table (``nickname_reader.apply_alias_table``)
    st.aliases.append((span, person.id, INTRODUCED))


def _name_word_person(st: State, i: int) -> Actor | None:
    """The actor named ``P`` in ``P, known as N`` (token ``i``): a person, or a one-word name the recogniser
    left unknown or unread (``Karol``) that is a name word of exactly one person of the document: being
    known by a nickname makes it that person (its mentions move there)."""
    a = st.out.actor_at(i)
    if a is not None and (a.type != "group" or a.code is not None):
        return a
    tok = st.doc[i]
    words = a.name.split() if a is not None else [tok.text]
    if len(words) != 1 or not CAPITALISED.match(words[0]) or not units(words[0]) or (
            a is None and (tok.pos_ != "PROPN" or i in st.reserved)):
        return a
    key = units(words[0])[0][0]
    fits = [p for p in st.out.actors.values() if p.type == "person" and len(p.name.split()) > 1
            and any(u[0] == key for u in units(p.name))]
    if len(fits) != 1:
        return a
    if a is None:
        claim(st, i, i + 1, fits[0], PARTIAL_NAME, REGISTRY[PARTIAL_NAME].confidence)
    else:
        from .identity import move_mentions

        move_mentions(st, a, fits[0], PARTIAL_NAME, method="alias")
    return fits[0]


def _inside_longer_name(st: State, start: int, end: int) -> bool:
    """Tokens that are part of a longer person name (``Ginger`` inside ``Ginger Baker``): that name's, not a
    later use of the nickname."""
    for t in (start - 1, end):
        if 0 <= t < len(st.doc) and st.doc[t].text != PLACEHOLDER:
            a, b = st.out.token_actor.get(t), st.out.token_actor.get(start)
            if a is not None and a == b and is_person(st.out.actors.get(a)):
                return True
    return False


def _introductions(st: State) -> None:
    doc = st.doc
    verbs = word_class("nickname_verbs")
    toks = tokens_of(doc)
    for i in positions(st, lemmas=verbs):  # the lemma first: most words stop here, before any parse is read
        tok = toks[i]
        misread = tok.pos_ == "NOUN" and tok.dep_ in ("advcl", "relcl", "ccomp") and any(
            c.dep_ == "dobj" for c in tok.children)  # "as his fans call the captain" with "call" tagged a noun
        if (tok.pos_ not in ("VERB", "AUX") and not misread) or tok.lemma_.lower() not in verbs:
            continue
        # (1) "N, as X call(s) P": an ``as`` clause after a comma right before the verb's clause.
        mark = next((c for c in tok.children if c.lower_ == "as" and c.dep_ in ("mark", "prep", "advmod")), None)
        lo = max(sentence_of(doc, tok.i).start, tok.i - 10)  # "as his opponents in the capital like to call P"
        if mark is None and tok.i >= 2 and any(doc[j].lower_ == "as" for j in range(lo, tok.i)):
            mark = next(doc[j] for j in range(tok.i - 1, lo - 1, -1) if doc[j].lower_ == "as")
        passive = any(c.dep_ == "auxpass" for c in tok.children)
        if mark is not None and mark.i > 0 and doc[mark.i - 1].text == "," and (
                tok.lemma_.lower() != "know" or passive):
            nick = _name_before(st, mark.i - 1)
            deps = ("nsubjpass",) if passive else ("dobj", "oprd", "attr", "ccomp", "xcomp")
            obj = next((c for c in tok.children if c.dep_ in deps), None)
            if obj is None and not passive:  # "as X refer to P"
                prep = next((c for c in tok.children if c.dep_ == "prep"), None)
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
            if nick is not None and obj is not None:
                person = _person_at(st, obj, nick)
                if obj.lower_ in ("him", "her"):  # a pronoun's guess yields to the table's bearer the text names
                    person = table_bearer(st, nick) or person
                if person is not None:
                    if not any(st.out.token_actor.get(t) == person.id and st.out.actors[person.id].mentions
                               for t in range(*nick) if not weak_actor(st, person.id)):
                        _bind(st, nick, person, tok.i)
                    _gloss(st, nick, person)
                continue
        # (2) "P, (who is) known as N" / "P, nicknamed N" / "P, dubbed N"
        after = None
        if tok.lemma_.lower() == "know":
            as_ = None
            for j in range(tok.i + 1, min(len(doc), tok.i + 9)):  # "known to everyone in the islands as N"
                if doc[j].lower_ == "as":
                    as_ = doc[j]
                    break
                if doc[j].is_punct and doc[j].text not in ('"', "“"):
                    break
            after = as_.i + 1 if as_ is not None else None
        elif tok.lower_ in verbs | {"nicknamed", "dubbed", "called"} and (tok.tag_ == "VBN" or (
                tok.tag_ == "VBD" and _after_comma(doc, tok.i) and _named_right_after(doc, tok))):
            # "P, still called "N" by ...": a participle tagged past, with a quoted or capitalised name right after
            # and no object ("P, posting online, called the move a mistake" is P's own act)
            after = tok.i + 1
        if after is not None:
            left = tok.i - 1
            while left >= 0 and doc[left].lower_ in ("who", "is", "was", "also", "better", "widely", "often",
                                                     "popularly", "affectionately", "sometimes", "be"):
                left -= 1
            if _after_comma(doc, left + 1) and doc[left].text != ",":
                left = next(j for j in range(left, -1, -1) if doc[j].text == ",")  # "P, still called N"
            person = None
            if left >= 0 and doc[left].text == "," and left > 0:
                person = _name_word_person(st, left - 1)
                if not is_person(person):
                    # "P, Tunisia's **, nicknamed N": over one appositive to the name before it
                    prev = next((j for j in range(left - 1, max(-1, left - 9), -1) if doc[j].text == ","), None)
                    person = st.out.actor_at(prev - 1) if prev is not None and prev > 0 else None
            elif left >= 0 and is_person(st.out.actor_at(left)):
                person = st.out.actor_at(left)  # "P, the former general known as N": a bound description
            if not is_person(person):
                person = _relative_antecedent(st, tok)  # "P, whom the whole country knows as N"
            nick = _name_after(st, after)
            if is_person(person) and nick is not None:
                _bind(st, nick, person, tok.i)  # type: ignore[arg-type]
            continue
        # (3) "X call(s) P N": the verb's object and the name after it
        obj = next((c for c in tok.children if c.dep_ in ("dobj",)), None)
        person = _relative_antecedent(st, tok) if tok.lemma_.lower() in (
            "call", "nickname", "dub", "name", "style", "christen", "label", "brand", "hail") else None
        if person is not None:
            # "P, whom X (still) call N": the relative pronoun is the object, the nickname follows the verb
            start = tok.i + 1
            while start < len(doc) and doc[start].pos_ == "ADV" and doc[start].text.islower():
                start += 1
            nick = _name_after(st, start)
            if person is not None and nick is not None and (
                    CAPITALISED.match(doc[nick[0]].text) or doc[nick[0] - 1].text in ('"', "“")):
                _bind(st, nick, person, tok.i)
            continue
        if obj is not None and obj.i + 1 < len(doc) and tok.lemma_.lower() in ("call", "nickname", "dub"):
            nick = _name_after(st, obj.i + 1)
            if nick is not None and CAPITALISED.match(doc[nick[0]].text):
                person = _person_at(st, obj, (obj.i, obj.i + 1))
                if person is not None:
                    _bind(st, nick, person, tok.i)


def _gloss(st: State, nick: tuple[int, int], person: Actor) -> None:
    """``Lao Wang, "Old King", as ...``: a quoted nickname glossing a name written just before it is
    introduced together with that name."""
    doc = st.doc
    s = nick[0] - 1  # the opening quote
    if s < 2 or doc[s].text not in ('"', "“") or doc[s - 1].text != ",":
        return
    before = _name_before(st, s - 1)
    if before is None or not CAPITALISED.match(doc[before[0]].text):
        return
    owners = {st.out.token_actor.get(t) for t in range(*before)} - {None}
    if all(weak_actor(st, o) for o in owners):
        _bind(st, before, person, None)


def bind_nicknames(st: State) -> None:
    if switched_on(INTRODUCED):
        _introductions(st)
    if switched_on(SOBRIQUET):
        bind_sobriquets(st)
    if switched_on(HONORIFIC):
        honorifics(st)
    if switched_on(INITIALS):
        initials(st)
    if switched_on(CLIPPED):
        clipped(st)
    if switched_on(PARTIAL_NAME):
        garbled_surnames(st)

