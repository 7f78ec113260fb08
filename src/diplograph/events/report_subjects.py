"""The subject of a report's main verb where the parser lost it (rules ``event.fronted_list_subject``,
``event.noun_rooted_clause``).

Conflict and protest reports open with where and when: ``On <date>, in <town>, <province>, workers of a
hospital protested …``. The parser reads the comma list of places as going on into the subject
(``workers`` becomes one more conjunct or apposition of the province), so the main verb has no subject,
the coder finds no doer and the type layer proposes nothing: a note that reports a protest gets no event.
Two shapes, both a repair of the parse read before every stage (nothing here knows actors or codes):

- ``event.fronted_list_subject``: the main verb has no subject; a fronted locative phrase (``in``,
  ``at`` … of ``report_place_prepositions``) ends in a list whose last member is a common noun phrase
  (or a pronoun) that runs right up to the verb (only adverbs between): that phrase is the subject;
- ``event.noun_rooted_clause``: the sentence's root is a noun and the only clause is a verb hung on it as
  a reduced relative (``On <date>, miners protested in X``, read as "miners (who were) protested").
  When that verb has an object of its own, or is an act no one undergoes (class ``intransitive_act_verbs``:
  protest, demonstrate, rally, clash …), it is the main verb and the noun its subject; a passive
  participle with an agent or none of these (``4 policemen injured``) stays as it is. A label before the
  sentence (``Arrests: On <date>, X arrested Y``, read as the noun ``Arrests`` and a relative clause) leaves
  the clause, which has its own subject, as the main one.

Both run once per parsed document (idempotent: a repaired verb has its subject) and only on sentences
whose main verb has no subject, so ordinary news sentences are not touched.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ..lexicon import word_class
from ..nlp import sentences_of
from ..rules import REGISTRY

FRONTED_LIST_SUBJECT = REGISTRY.declare(
    "event.fronted_list_subject", stage="events", kind="event", reads=("parse", "lexicon:report_place_prepositions"),
    confidence=0.8, description="a report's subject the parser read as the last member of a fronted list of "
    "places (in X, Y, workers protested) is the main verb's subject")
NOUN_ROOTED_CLAUSE = REGISTRY.declare(
    "event.noun_rooted_clause", stage="events", kind="event", reads=("parse", "lexicon:intransitive_act_verbs"),
    confidence=0.7, description="a sentence whose root is a noun with an active verb hung on it (miners protested "
    "in X) has that verb as its main verb and the noun as its subject")

_REPAIRED = "diplograph.repaired_subjects"  # doc.user_data key: subject token index -> the rule that attached it
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_LIST = frozenset({"conj", "appos"})
_SUBJECT_POS = frozenset({"NOUN", "PRON"})


@lru_cache(maxsize=1)
def _place_preps() -> frozenset[str]:
    return word_class("report_place_prepositions")


@lru_cache(maxsize=1)
def _intransitive() -> frozenset[str]:
    return word_class("intransitive_act_verbs")


def repair_report_subjects(doc: Doc) -> int:
    """Re-attach lost subjects in place; returns how many sentences were repaired."""
    fronted, rooted = REGISTRY.enabled(FRONTED_LIST_SUBJECT), REGISTRY.enabled(NOUN_ROOTED_CLAUSE)
    if not (fronted or rooted):
        return 0
    done = 0
    for sent in sentences_of(doc):
        root = sent.root
        if root.pos_ in ("VERB", "AUX"):
            if fronted and not any(c.dep_ in _SUBJECTS for c in root.children):
                subj = _fronted_subject(root)
                if subj is not None:
                    subj.head = root
                    subj.dep_ = "nsubj"
                    doc.user_data.setdefault(_REPAIRED, {})[subj.i] = FRONTED_LIST_SUBJECT
                    done += 1
        elif rooted:
            verb, noun, label = _rooted_verb(sent)
            if verb is not None:
                verb.head = verb
                verb.dep_ = "ROOT"
                if root.i != noun.i:
                    root.head = verb  # the fronted phrase ("in X, Y") now hangs on the verb
                    root.dep_ = "prep" if root.pos_ == "ADP" else "dep"
                noun.head = verb
                noun.dep_ = "dep" if label else "nsubj"
                if not label:
                    doc.user_data.setdefault(_REPAIRED, {})[noun.i] = NOUN_ROOTED_CLAUSE
                done += 1
    return done


def repaired_by(tok: Token) -> str | None:
    """The rule that made ``tok`` its verb's subject, if a repair did (the coder names it as the source's
    reading: ``source.fronted_place_list`` for a subject taken back from a list of places)."""
    return tok.doc.user_data.get(_REPAIRED, {}).get(tok.i)


def _fronted_place(tok: Token) -> bool:
    """``tok`` is a member of a list that a locative preposition before it introduces (``in X, Y, Z``)."""
    top = tok
    while top.dep_ in _LIST and top.head.i < top.i:
        top = top.head
    return top.i != tok.i and top.dep_ == "pobj" and top.head.lower_ in _place_preps() \
        and top.pos_ in ("PROPN", "NOUN")


def _listed(tok: Token) -> bool:
    """A noun phrase set off by a comma as one more member of a list of places."""
    doc = tok.doc
    return tok.dep_ in _LIST and tok.pos_ in _SUBJECT_POS and tok.left_edge.i > 0 \
        and doc[tok.left_edge.i - 1].text == "," and _fronted_place(tok)


def _fronted_subject(verb: Token) -> Token | None:
    """The common noun phrase ending a fronted list of places right before ``verb``, if any."""
    doc, sent = verb.doc, verb.sent
    k = verb.i - 1
    while k > sent.start and doc[k].dep_ == "advmod" and doc[k].head.i == verb.i:
        k -= 1  # "workers reportedly protested"
    for t in doc[sent.start:k + 1]:
        if t.right_edge.i == k and _listed(t):
            prep = t
            while prep.dep_ != "pobj":
                prep = prep.head
            if prep.head.i == verb.i or any(a.i == verb.i for a in prep.head.ancestors):  # the verb's own place
                return t
    return None


def _rooted_verb(sent) -> tuple[Token | None, Token | None, bool]:
    """A sentence with no verb at its root: the verb hung as a reduced relative on a noun — the root noun
    itself or the last member of a fronted list of places — that is the sentence's main verb; the noun;
    and whether the noun is a label before the sentence (``Arrests: On <date>, X arrested Y``: the verb
    has its own subject)."""
    root = sent.root
    for verb in sent:
        if verb.dep_ != "acl" or verb.pos_ != "VERB" or verb.head.i > verb.i or verb.head.pos_ != "NOUN":
            continue
        noun = verb.head
        if noun.i != root.i and not _listed(noun):
            continue
        deps = {c.dep_ for c in verb.children}
        if deps & {"nsubj", "nsubjpass"}:
            colon = noun.i == root.i and any(t.text == ":" for t in noun.doc[noun.i + 1:verb.i])
            return (verb, noun, True) if colon else (None, None, False)  # a label, then its own clause
        if deps & (_SUBJECTS | {"agent", "auxpass", "aux"}):
            return None, None, False  # a passive participle with its agent
        if "dobj" not in deps and verb.lemma_.lower() not in _intransitive():
            return None, None, False  # "4 policemen injured": a passive participle
        return verb, noun, False
    return None, None, False
