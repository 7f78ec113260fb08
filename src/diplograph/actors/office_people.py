"""Office descriptors that name no state or no office of a state: whom ``the head of state``, ``the Conservative
leader`` and ``the army chief`` mean.

:mod:`.offices` binds ``the Kenyan president`` to the holder of that state's office. Two descriptors give no
state and are kept for coreference there (a leader noun is too common for a guess across states); each is
read here from the people the document has named before it:

- ``mention.office_holder_document``: ``the head of state`` / ``the head of government`` with no state is the
  one person named before it who holds that office of their own state on the date (leader tables): in a text
  about France, Spain and Italy that names Macron, Sánchez and Meloni, the head of state is Macron alone;
- ``mention.office_holder_party``: ``the Conservative leader`` (a party or movement the text names, not a state,
  before the leader noun) is the person named last before it, in its sentence or the two before (the text
  introduces a party's leader by name and then describes them by the party).

- ``mention.office_holder_compound``: ``the army chief``, ``the Malian junta leader`` — the head of an organisation
  named by its first word (the pairs of ``data/kb/title_compounds.tsv`` whose title is leader, chief or commander;
  not a portfolio, ``the foreign minister``, which many people of a state hold in turn) is the person (of that
  state, if one is written) named last before it, in its sentence or the two before.

All read the descriptors the office pass already found (no pass over the document's tokens).
"""
from __future__ import annotations

from ..lexicon import word_class
from ..nlp import sentence_index, sentences_of
from ..records import Actor
from ..rules import REGISTRY
from .decide import mention_rule
from .leaders import load_leaders
from .spelling import shared_units
from .state import State, add_mention, drop_mentions, key_of, positions

DOCUMENT_HOLDER = mention_rule("mention.office_holder_document", 0.6,
                               "a bare 'the head of state/government' (no state) is the one person named before it "
                               "who holds that office of their own state on the date (leader tables)",
                               ("actors", "leaders"))
COMPOUND_HOLDER = mention_rule("mention.office_holder_compound", 0.5,
                               "'the [state] army chief / junta leader' (the head of an organisation named by a first "
                               "word, kb/title_compounds.tsv) is the person of that state named last before it, in "
                               "its sentence or the two before", ("actors", "parse", "kb:title_compounds"))
PARTY_LEADER = mention_rule("mention.office_holder_party", 0.5,
                            "'the <Party> leader' (a group the text names before the leader noun, no state) is the "
                            "person named last before it, in its sentence or the two before",
                            ("actors", "parse", "lexicon:party_leader_nouns"))

PARTY_NAMED = mention_rule("mention.office_holder_party_named", 0.6,
                           "'the <Party> chief' is the one person the text introduced with that party's name before "
                           "their own ('CSU ** X', 'Renamo leader X')", ("actors", "lexicon:party_head_nouns"))

STATE_OFFICES = ("head of state", "head of government")
_GROUP_TYPES = ("group", "unknown")
_PARTY_SECTORS = ("PTY", "OPP")


def document_holder(st: State, start: int, title: str) -> Actor | None:
    """The one person named before token ``start`` who holds ``title`` of their own state on the date."""
    if title not in STATE_OFFICES or st.on is None:
        return None
    leaders = load_leaders()
    tok = st.doc[start]
    at = st.norm.to_original(tok.idx, tok.idx + len(tok))[0]  # mentions carry offsets in the original text
    fits = []
    for p in st.out.actors.values():
        if p.type != "person" or not p.country or not (p.code or "").endswith("GOV"):
            continue
        h = leaders.holder(p.country, st.on, title)
        if h is None or shared_units(p.name, h.leader) < min(2, len(p.name.split())):
            continue
        if any(m.start < at for m in p.mentions):
            fits.append(p)
    return fits[0] if len(fits) == 1 else None


def _party_before(st: State, start: int) -> int | None:
    """The first token of a party or movement the text names right before the leader noun (``the Conservative
    leader``), else None."""
    doc = st.doc
    j = start - 1
    while j >= 0 and doc[j].pos_ == "ADJ" and doc[j].text.islower():
        j -= 1
    if j < 0 or not doc[j].text[:1].isupper():
        return None
    a = st.out.actor_at(j)
    if a is None:
        return None
    code = a.code or ""
    if a.type not in _GROUP_TYPES and (a.type == "state" or len(code) <= 3 or not code[3:].startswith(_PARTY_SECTORS)):
        return None
    while j > 0 and st.out.actor_at(j - 1) is a:
        j -= 1
    return j


def party_leader(st: State, start: int, title: str) -> tuple[Actor, int] | None:
    """The person named last before a ``the <Party> leader`` descriptor whose leader noun starts at token
    ``start``, and the descriptor's first token (the party's: the description is the person's, the party its
    modifier)."""
    if title not in word_class("party_leader_nouns"):
        return None
    party = _party_before(st, start)
    if party is None:
        return None
    person = last_person_before(st, party)
    return (person, party) if person is not None else None


def last_person_before(st: State, start: int, country: str | None = None, sentences_back: int = 2) -> Actor | None:
    """The person named last before token ``start`` in its sentence or the ``sentences_back`` before (of ``country``
    if given)."""
    sents = sentences_of(st.doc)
    k = sentence_index(st.doc)[start]
    first = sents[max(0, k - sentences_back)].start
    for t in range(start - 1, first - 1, -1):
        a = st.out.actor_at(t)
        if a is not None and a.type == "person" and (country is None or a.country == country):
            return a
    return None


def party_named_heads(st: State) -> None:
    """``the CSU chief``: the person the text introduced with the same party's name before their own (``CSU ** X``,
    ``Renamo leader X``, ``the party chairman X`` does not count: no party's name), when exactly one was."""
    from ..text.normalize import PLACEHOLDER

    doc = st.doc
    for i in positions(st, word_class("party_head_nouns")):
        owner = st.out.actor_at(i)
        if doc[i].tag_ in ("NNS", "NNPS") or (owner is not None and owner.type == "person"):
            continue
        party = _party_before(st, i)
        if party is None or party == 0 or doc[party - 1].lower_ not in ("the", "its", "their"):
            continue
        g = st.out.actor_at(party)
        if g is None:
            continue
        people = set()
        for t, aid in st.out.token_actor.items():
            if aid != g.id or t >= party:
                continue
            k = t + 1
            while k < len(doc) and k - t <= 4 and (st.out.actor_at(k) is g or doc[k].text == PLACEHOLDER or
                                                   (doc[k].pos_ == "NOUN" and doc[k].text.islower())):
                k += 1  # "CSU ** X", "Renamo leader X": the party's words, a hidden title, a title noun
            p = st.out.actor_at(k) if k < len(doc) else None
            if p is not None and p.type == "person":
                people.add(p.id)
        if len(people) != 1:
            continue
        person = st.out.actors[people.pop()]
        drop_mentions(st, g.id, party, i + 1)
        if st.out.actor_at(i) is not None:
            drop_mentions(st, st.out.actor_at(i).id, party, i + 1)
        add_mention(st, party - 1, i + 1, key_of(person), "coref", REGISTRY[PARTY_NAMED].confidence, PARTY_NAMED)
