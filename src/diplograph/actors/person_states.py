"""The state of a person the tables do not know, from the words around them (``person_codes.new_person``).

- ``salient_state``: a title (or a hidden one, ``Foreign ** X``) with no nationality is an office of the state the
  sentence, else the document, names most; a party's or the opposition's, of the state the document names most;
- ``sentence_state`` (``mention.person_sentence_state``): a new person the text gives no role takes the one state
  their sentence names, if it names exactly one (``X spoke to reporters in Nairobi``).
"""
from __future__ import annotations

from collections import Counter

from ..lexicon import sector_has, word_class
from ..nlp import sentence_of
from .decide import mention_rule, switched_on
from .naming import code_kind
from .roles import Role
from .state import State, state_of_hit

COUNTERPART_NOT_MINE = mention_rule("mention.counterpart_not_mine", 0.6,
                                    "a hidden or stateless title beside 'his <nationality> counterpart' is an office "
                                    "of another state than that nationality", ("parse", "kb",
                                                                                "lexicon:counterpart_nouns"))


def salient_state(st: State, role: Role) -> str | None:
    """A title without a nationality: the state the sentence (else the document) names most; a tie in the
    sentence goes to the one the document names most (``shuttling between Washington, Doha …: Egypt is the
    mediator`` in a text about Egypt). A side of a state's own politics (a party, the opposition: ``home_side``)
    belongs to the state the document names most, when one does: the other state a sentence names is what the
    party speaks about (``the party's leader accused the government of kneeling in Washington``)."""
    sent = sentence_of(st.doc, role.start)
    counts = named_states(st, sent.start, sent.end)
    whole = whole_states(st)
    if switched_on(COUNTERPART_NOT_MINE):
        # ``Foreign ** X and his Armenian counterpart Y``: X is of the other side, not Armenian
        mine = counterpart_states(st, sent.start, sent.end)
        if mine:
            whole = Counter({c: n for c, n in whole.items() if c not in mine})  # a copy: the whole is shared
            for c in mine:
                counts.pop(c, None)
    if whole and home_side(role.sector):
        (top, n), *rest = whole.most_common(2)
        if not rest or rest[0][1] < n:
            return top
    if counts:
        top = max(counts.values())
        return max((c for c, n in counts.items() if n == top), key=lambda c: whole[c])
    return whole.most_common(1)[0][0] if whole else None


def whole_states(st: State) -> Counter[str]:
    """``named_states`` of the whole document, counted once per resolution: it reads only the knowledge-base
    spans (``st.hits``, fixed once the names of things left them) and the parse (not to be changed by the caller)."""
    kept = st.named_states
    if kept is None or kept[0] is not st.hits or kept[1] != len(st.hits):
        kept = st.named_states = (st.hits, len(st.hits), named_states(st, 0, len(st.doc)))
    return kept[2]


def counterpart_states(st: State, start: int, end: int) -> set[str]:
    """The nationalities the tokens [start, end) give a counterpart (``his Armenian counterpart``)."""
    out: set[str] = set()
    for t in range(start, end):
        sp = st.hits.get(t)
        if sp is None or sp[0] != t or sp[2].kind != "demonym":
            continue
        head = st.doc[sp[1] - 1].head
        if head.lemma_.lower() in word_class("counterpart_nouns"):
            c = state_of_hit(st, sp[2])
            if c:
                out.add(c)
    return out


def home_side(sector: str | None) -> bool:
    """A sector that is a side of its own state's politics and no organ of it, acting at home: a party, the
    opposition (sectors.tsv: an institution, not a state organ, not abroad, not international, not private)."""
    return sector_has(sector, "institution") and not any(
        sector_has(sector, p) for p in ("state_organ", "abroad", "international", "private"))


def sentence_state(st: State, at: int) -> str | None:
    """The one state the sentence of a new person with no role names, if it names exactly one:
    ``the Turkish Cypriots elected X``, ``polls show X's party ahead in Hungary``."""
    sent = sentence_of(st.doc, at)
    counts = named_states(st, sent.start, sent.end, topics=False)
    return next(iter(counts)) if len(counts) == 1 else None


def named_states(st: State, start: int, end: int, topics: bool = True) -> Counter[str]:
    """The states the tokens [start, end) name: nationalities, states, capitals and places read as their state;
    not a region or a people without a state (European, Kurdish); with ``topics`` False, not a state's name on
    an ordinary noun (``a Peru analyst``, ``the Italy deal``: what the words are about). (Leaving out the places
    after a locative preposition, ``X was in Moscow``, was tried: it lost more right states than it mended.)"""
    counts: Counter[str] = Counter()
    for t in range(start, end):
        sp = st.hits.get(t)
        if sp is None or sp[0] != t:
            continue
        h = sp[2]
        last = st.doc[sp[1] - 1]
        if h.kind == "demonym" and _of_another_name(last):
            continue  # ``X and his Armenian counterpart Y``: the nationality is Y's
        if not topics and h.kind == "actor" and last.dep_ == "compound" and last.head.pos_ == "NOUN":
            continue  # ``a Peru analyst``: a state's name on an ordinary noun is the topic, not anyone's state
        c = state_of_hit(st, h)
        if c and c in st.kb.countries and code_kind(c) is None:
            counts[c] += 1
    return counts


def _of_another_name(tok) -> bool:
    """A nationality on a person noun that a name stands beside (``his Armenian counterpart Y``, ``the Czech envoy,
    Y``): it describes that person."""
    head = tok.head
    return tok.dep_ == "amod" and head.pos_ == "NOUN" and any(
        c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in head.children)

