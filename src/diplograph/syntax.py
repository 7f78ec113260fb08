"""Syntax helpers over the spaCy dependency parse, shared by the stages that read clauses.

Who is the subject of a verb (through relative clauses, control verbs and coordination), the
agent and the patient of a passive, the prepositional objects of a head in a preference order,
the verb governing a noun phrase, the reporting verb over a clause and how central a clause is
to its sentence. Nothing here knows about actors or codes: these are questions about the parse.
The word classes they read (speech verbs, relative pronouns, object-control verbs, activity
heads) are data files under ``data/lexicons/classes`` (:func:`diplograph.lexicon.word_class`).
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import word_class, word_list

SUBJ = ("nsubj", "csubj")
OBJ = ("dobj", "dative", "attr", "oprd")

# bound once at import: these are read for every verb of every sentence
SPEECH_VERBS = word_class("speech_verbs")
RELATIVE = word_class("relative_pronouns")
OBJECT_CONTROL = word_class("object_control_verbs")
ACTIVITY_HEADS = word_class("activity_heads")
DOER_OBJECT_PREPS = word_class("doer_object_preps")
TARGET_PREPS = word_list("target_preps")
PLACE_PREPS = word_list("place_preps")


def subject(verb: Token) -> Token | None:
    """The doer of ``verb``: its own subject, the noun a relative clause modifies, the object of
    an object-control verb (``urged Y to withdraw``), or the subject of the verb it hangs on."""
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
        return subject(verb.head.head)  # "X is ready to contribute"
    if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp") and verb.head.pos_ in ("VERB", "AUX"):
        if verb.dep_ == "xcomp":
            obj = next((c for c in verb.head.children if c.dep_ in ("dobj",)), None)
            if obj is not None and verb.head.lemma_ in OBJECT_CONTROL:
                return obj
        if verb.dep_ not in ("ccomp",):
            return subject(verb.head)
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
        governor = verb.head.head
        obj = next((c for c in governor.children if c.dep_ == "dobj"), None)
        if obj is not None and verb.head.lower_ in DOER_OBJECT_PREPS:
            return obj  # "accused X of attacking Y", "prevented X from entering": X is the doer
        return subject(governor)  # "By inviting X, Putin …"
    return None


def agent(verb: Token) -> Token | None:
    """The ``by`` object of a passive verb."""
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or \
        (verb.dep_ == "acl" and verb.tag_ == "VBN")


def passive_patient(verb: Token) -> Token | None:
    """Who undergoes a passive verb: its passive subject, or the noun a participle modifies."""
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            if c.lower_ in RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return c
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":  # "the man arrested by police"
        return verb.head
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and is_passive(verb.head):
        return passive_patient(verb.head)
    return None


def prep_objects(head: Token, preps: tuple[str, ...] = TARGET_PREPS) -> list[Token]:
    """The objects of ``head``'s prepositions in ``preps``, in the order of ``preps``. A participial
    preposition (``concerning``) may carry its object as ``dobj``."""
    found: list[tuple[int, Token]] = []
    for c in head.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            for g in c.children:
                if g.dep_ in ("pobj", "dobj"):
                    found.append((preps.index(c.lower_), g))
    return [g for _, g in sorted(found, key=lambda x: x[0])]


def relative_object(verb: Token) -> bool:
    """Whether ``verb`` heads a relative clause whose object is the relative pronoun
    (``the city which the army attacked``): the modified noun is then its object."""
    return verb.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in RELATIVE for c in verb.children)


def head_of_compound(noun: Token) -> Token:
    """``mediation efforts``, ``peace process``: an event noun modifying a generic head stands
    where the head stands."""
    t = noun
    while t.dep_ == "compound" and t.head.pos_ == "NOUN" and t.head.i > t.i and \
            t.head.lemma_.lower() in ACTIVITY_HEADS:
        t = t.head
    return t


def governor(noun: Token) -> tuple[Token | None, str]:
    """The verb governing a noun phrase and how: ``dobj``, ``attr``, ``as``, ``prep:to``, ``nsubj``."""
    t = head_of_compound(noun)
    while t.dep_ == "conj" and t.head.pos_ in ("NOUN", "PROPN"):
        t = t.head
    if t.dep_ in ("dobj", "attr", "oprd", "nsubj", "nsubjpass") and t.head.pos_ in ("VERB", "AUX"):
        return t.head, t.dep_
    if t.dep_ == "pobj" and t.head.dep_ in ("prep", "agent") and t.head.head.pos_ in ("VERB", "AUX"):
        return t.head.head, "prep:" + t.head.lower_
    return None, ""


def speaker(tok: Token) -> Token | None:
    """The reporting verb governing ``tok`` (``X said that …``), if any."""
    t = tok
    while t.head.i != t.i:
        if t.dep_ == "ccomp" and t.head.lemma_ in SPEECH_VERBS:
            return t.head
        t = t.head
    return None


def clause_weight(tok: Token) -> float:
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


def misparsed_noun(verb: Token) -> Token | None:
    """``seen as a hint or warning to Y``: a gerund the parser joined to the verb, standing for
    a noun coordinated with the noun before the conjunction."""
    if verb.dep_ != "conj" or verb.tag_ != "VBG" or verb.i < 2:
        return None
    cc, before = verb.doc[verb.i - 1], verb.doc[verb.i - 2]
    if cc.dep_ == "cc" and before.pos_ == "NOUN" and before.dep_ in ("pobj", "dobj", "attr"):
        return before
    return None


def fronted_place_subject(verb: Token) -> Token | None:
    """``In X, Y, workers protested``: a subject the parser joined to the list of places of a
    fronted locative phrase (as its conjunct or apposition): the last common noun of that list,
    standing right before the verb that has no subject of its own."""
    if subject(verb) is not None or is_passive(verb):
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.i > verb.i:
            continue
        objs = [c for c in prep.children if c.dep_ == "pobj"]
        chain: list[Token] = []
        while objs:
            o = objs.pop()
            chain.append(o)
            objs.extend(c for c in o.children if c.dep_ in ("conj", "appos"))
        nouns = [t for t in chain if t.pos_ == "NOUN" and t.i < verb.i and t.tag_ in ("NNS", "NN")]
        if not nouns or not any(t.pos_ == "PROPN" for t in chain):
            continue
        noun = max(nouns, key=lambda t: t.i)
        # nothing but the noun's own phrase between it and the verb
        if noun.right_edge.i + 1 == verb.i or all(verb.doc[k].dep_ in ("advmod", "punct") for k in
                                                   range(noun.right_edge.i + 1, verb.i)):
            return noun
    return None


def embedded(verb: Token) -> Token | None:
    """The verb a frame verb takes: ``agreed to meet`` (xcomp), ``demanded that Y leave`` (ccomp),
    ``ready to contribute`` (an adjective's xcomp); not the reported clause of a speech verb."""
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


def reporter_tokens(sent) -> set[int]:
    """Tokens naming who reports the sentence (``…, the news agency reported``): the subjects
    of its speech verbs."""
    out: set[int] = set()
    for tok in sent:
        if tok.lemma_ in SPEECH_VERBS and tok.pos_ == "VERB":
            for c in tok.children:
                if c.dep_ in SUBJ:
                    out.update(t.i for t in c.subtree)
    return out


# Argument and phrase structure read by the actor stage ----------------------------------------

def argument_of(tok: Token) -> tuple[int, str] | None:
    """(verb index, ``subj``/``obj``) of the clause argument a noun is or stands inside
    (through ``on``/``at`` phrases, conjuncts and appositions); None when it is no argument."""
    for _ in range(6):
        dep = tok.dep_
        if dep in ("nsubj", "nsubjpass"):
            return tok.head.i, "subj"
        if dep in ("dobj", "dative", "attr", "oprd"):
            return tok.head.i, "obj"
        if dep == "pobj":
            prep = tok.head
            if prep.head.pos_ in ("VERB", "AUX"):
                return prep.head.i, "subj" if prep.dep_ == "agent" else "obj"
            tok = prep.head
            continue
        if dep in ("conj", "appos"):
            tok = tok.head
            continue
        return None
    return None


def span_head(doc: Doc, start: int, end: int) -> int:
    """The token of a multi-word phrase whose head lies outside it (``ambassador`` in
    ``ambassador to``), else its last token."""
    for t in range(start, end):
        h = doc[t].head.i
        if (h < start or h >= end or h == t) and doc[t].pos_ in ("NOUN", "PROPN"):
            return t
    return end - 1


def pobj_of(prep: Token) -> Token | None:
    """The object of a preposition."""
    return next((g for g in prep.children if g.dep_ == "pobj"), None)
