"""The definite description a noun heads (``the former law lecturer``, ``the Kosovo premier``, ``the engineer from
Caracas``, ``the 80-year-old``): its words, title, the state or place it names, its possessive and the age it
gives, read on the surface of the text. The descriptor pass (``descriptors``) ties it to a person.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicon import word_class
from ..nlp import lower_keys_of, pos_of, texts_of, tokens_of
from ..records import Actor
from . import antecedents, person_facts
from .leaders import office_forms
from .office_descriptors import office_title
from .state import State, add_mention, drop_mentions, key_of, state_of_span

COREF_NOUNS = word_class("person_nouns")
NOUNS = word_class("descriptor_nouns") | word_class("occupation_nouns") | COREF_NOUNS
# general vocabulary: nouns whose first WordNet sense is a person (scripts/build_person_nouns.py)
GENERAL_PERSON_NOUNS = word_class("wordnet_person_nouns")
AGE = word_class("age_adjectives")
PAST = frozenset({"former", "ex", "retired", "onetime", "one-time", "erstwhile", "previous"})
KIN = word_class("kin_nouns")
POSSESSIVES = frozenset({"his", "her", "their"})


@dataclass
class Description:
    start: int
    head: int
    end: int  # exclusive: the head, or the end of its place phrase
    words: list[str]  # lower-case words from the determiner to the head
    title: str  # compounds + head lemma ("law lecturer", "prime minister")
    state: str | None = None  # a state the description itself names
    place: tuple[int, int] | None = None
    place_state: str | None = None
    possessive: str | None = None
    age: int | None = None  # the age an "N-year-old" in it gives
    origin: bool = False  # "from <place>" after the head characterises the person
    tail: int = 0  # exclusive end of the phrase with its "of"/"to" complement ("the author of <book>"), else head + 1

    @property
    def aged(self) -> bool:
        return bool(set(self.words) & AGE) or any(w.endswith("-old") for w in self.words)

    @property
    def past(self) -> bool:
        return bool(set(self.words) & PAST)




def claim(st: State, start: int, end: int, person: Actor, rule: str, conf: float) -> bool:
    """Tokens [start, end) become a mention of ``person`` made by ``rule``, unless another person (no mere
    modifier of the description) owns one of them; what other actors held there is dropped."""
    owners = {st.out.token_actor[t] for t in range(start, end) if t in st.out.token_actor}
    if any(st.out.actors[o].type == "person" and not modifier_name(st, st.out.actors[o], start, end - 1)
           for o in owners if o != person.id and o in st.out.actors):
        return False
    for aid in owners:
        if aid != person.id and aid in st.out.actors:
            drop_mentions(st, aid, start, end)
    add_mention(st, start, end, key_of(person), "coref", conf, rule)
    st.deferred = [d for d in st.deferred if d[1] <= start or d[0] >= end]
    return True


def person_at(st: State, i: int) -> Actor | None:
    a = st.out.actor_at(i)
    return a if a is not None and a.type == "person" else None


def describe(st: State, tok: Token) -> Description | None:
    """The definite description ``tok`` heads, else None."""
    doc = st.doc
    # The words before the head, read on the surface (the parse of a long appositive is often wrong):
    # adjectives, nouns, names, numbers and hyphens back to a definite determiner.
    toks, lows, pos, texts = tokens_of(doc), lower_keys_of(doc), pos_of(doc), texts_of(doc)  # no Token built per word
    start, j = None, tok.i - 1
    while j >= 0 and tok.i - j <= 10:  # "the 67-year-old former constitutional law lecturer"
        low = lows[j][0]
        if low == "the" or (low in POSSESSIVES and toks[j].tag_ == "PRP$"):
            start = j
            break
        if low in ("'s", "’s") and j >= 2 and lows[j - 1][0] in antecedents.OWN_STATE and lows[j - 2][0] == "the":
            start = j - 2  # "the country's president": the state the text is about, not a person's
            break
        if not (pos[j] in ("ADJ", "NOUN", "PROPN", "NUM") or texts[j] == "-" or low in AGE or (
                toks[j].tag_ in ("VBN", "VBG")) or (pos[j] == "ADV" and texts[j + 1] == "-")):
            break  # "the soft-spoken entrepreneur", "the long-serving minister" read as modifiers too
        j -= 1
    if start is None:
        return None
    poss = lows[start][0] if lows[start][0] in POSSESSIVES else None
    words = [lows[t][0] for t in range(start, tok.i + 1)]
    k = tok.i
    while k - 1 > start and pos[k - 1] == "NOUN" and texts[k - 1] != "-":
        k -= 1
    title = " ".join([lows[t][0] for t in range(k, tok.i)] + [lows[tok.i][1]])
    office, first = office_title(doc, tok.i)
    led = first == tok.i and office in word_class("leader_nouns") and pos[tok.i - 1] == "NOUN" and \
        not (tok.i - 1 in st.hits and nationality(st, tok.i - 1))
    if first > start and is_office(office) and not led:
        # "the former prime minister", whatever the tagger made of "prime"; not "the former student leader",
        # whose leader led students, not a state
        title = office
    d = Description(start, tok.i, tok.i + 1, words, title, possessive=poss,
                    age=person_facts.age_in(doc, start, tok.i + 1))
    for t in range(start, tok.i):
        p = person_at(st, t)
        if p is not None and not modifier_name(st, p, start, tok.i):
            return None  # a name inside: a title before a name, not a description
        if t in st.hits:
            d.state = d.state or nationality(st, t)
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "from") and c.i > tok.i), None)
    if prep is None and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "from" and doc[tok.i + 2].pos_ == "PROPN":
        prep = doc[tok.i + 1]  # "asked the businessman from X to leave": the parse hangs "from" on the verb
    if prep is not None:
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and (obj.pos_ == "PROPN" or any(doc[t].pos_ == "PROPN" for t in range(obj.left_edge.i, obj.i))) \
                and _place_word(st, obj):
            d.place = (obj.left_edge.i, obj.i + 1)
            for t in range(*d.place):
                a = st.out.actor_at(t)
                if a is not None and a.type == "state" and a.country:
                    d.place_state = a.country
                elif a is not None and a.type in ("sector", "group") and a.country and a.code and a.code.endswith("GOV"):
                    d.place_state = d.place_state or a.country
                elif t in st.hits:
                    d.place_state = d.place_state or state_of_span(st, st.hits[t][2])
            if any((a.code or "").startswith("IGO") or a.type == "igo" for a in
                   (st.out.actor_at(t) for t in range(*d.place)) if a is not None):
                d.place, d.place_state = None, None  # "the former judge of the <court>": an affiliation, no place
        if prep.lower_ == "from":
            # "the engineer from Caracas": where a person comes from, not a seat of government standing for
            # a state's leader; the person is of that state (any of its people, by salience)
            d.state = d.state or d.place_state
            d.place, d.place_state, d.origin = None, None, True
    d.tail = complement_end(st, tok) if d.place is None else d.head + 1
    return d


def _place_word(st: State, obj: Token) -> bool:
    """The object of ``of``/``in``/``from`` after a description's head is a place (``the old man of the Kremlin``,
    ``the engineer from Caracas``), not the title of a work or an order whose words name a state (``the author of
    The Hungarian Way``)."""
    first = st.doc[obj.left_edge.i]
    return not (first.text == "The" and not first.is_sent_start)  # a title: "of The Hungarian Way"


_COMPLEMENT_PREPS = frozenset({"of", "to"})


def complement_end(st: State, tok: Token) -> int:
    """The end of the noun phrase ``tok`` heads with its ``of``/``to`` complement right after it (``the author of
    2084``, ``the former ambassador to <state>``, ``the son of an assassinated president``): the words that say
    which author are part of the description, not actors of their own. No complement, or one with a person's name
    or a finite verb inside, or longer than eight words: the head's end."""
    doc = st.doc
    end = tok.i + 1
    if end >= len(doc) or doc[end].lower_ not in _COMPLEMENT_PREPS or doc[end].head.i != tok.i:
        return end
    last = doc[end].right_edge.i
    if last - end > 8 or last == end:
        return end
    for t in range(end + 1, last + 1):
        w = doc[t]
        if person_at(st, t) is not None or (w.pos_ in ("VERB", "AUX") and w.dep_ != "amod") or w.text in ('"', "“", "("):
            return end
    return last + 1


def nationality(st: State, t: int) -> str | None:
    """The state a word of a description names as a nationality or by the state's own name (``the
    Sudanese diplomat``, ``the Kosovo premier``); not a city that stands for a state (``the Geneva
    diplomat`` worked in Geneva, whatever their state)."""
    start, end, hit = st.hits[t]
    c = state_of_span(st, hit)
    if c is None or hit.kind == "demonym":
        return c
    said = " ".join(st.doc[k].text for k in range(start, end)).lower().removeprefix("the ")
    if said == st.kb.state_name(c).lower() or said.upper() == c:
        return c
    last = st.doc[end - 1]
    return c if last.ent_type_ == "NORP" or (last.pos_ == "ADJ" and last.text[:1].isupper()) else None


def personal(tok: Token) -> bool:
    """A noun that names a person by role, rank, occupation or age (listed, or an agent noun: -ist, -ian)."""
    low = tok.lemma_.lower()
    return low in NOUNS or low in GENERAL_PERSON_NOUNS or (len(low) > 5 and low.endswith(("ist", "ian", "man", "woman", "leader", "master",
                                                             "maker")))  # ringleader, spymaster, kingmaker


def agentive(tok: Token) -> bool:
    """A noun an appositive may describe a person with: a personal noun, a kin noun, or an agent noun
    (founder, director, nominee, candidate); not ``the way``, ``the goal``, ``the state``."""
    low = tok.lemma_.lower()
    return personal(tok) or low in KIN or (len(low) > 5 and low.endswith(("er", "or", "ee", "ant", "ent")))


def is_office(title: str) -> bool:
    return title in office_forms() or title in word_class("leader_nouns")


def modifier_name(st: State, p: Actor, start: int, head: int) -> bool:
    """An unknown word the recogniser took for a new person, standing between the determiner and the head of
    this description (``the Banjska ringleader``, ``the Correista candidate``, ``the Karabakh-born ex-leader``):
    a modifier of the description (a place, a movement), not a person; its other namings keep their reading."""
    if p.code is not None or len(p.name.split()) > 1:
        return False
    toks = [t for t in range(start + 1, head) if st.out.token_actor.get(t) == p.id]
    return bool(toks)


