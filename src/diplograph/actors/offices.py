"""Office holders: a descriptor names the person who holds the office.

``the South Korean president``, ``the Turkish leader``, ``the Saudi crown prince``, ``the
Colombian head of state``, ``the supreme leader``: a definite description made of a state (a
nationality or ``X's``) and an office title is, in order of preference,

1. ``mention.office_holder_named``: the one person the text itself names in that office of that
   state (``Kenyan President William Ruto`` … ``the Kenyan president``);
2. ``mention.office_holder_kb``: else the holder of that office on the document date in the
   leader tables (``Leaders.holder``; a person of the document when the text names them, else a
   new person actor with the table's full name); a date after the tables end keeps the last
   known holder and the analysis says so in a warning;
3. else it stays what the earlier passes made of it (a role of that state).

A description without a state (``the crown prince``) takes the person an earlier description of
the same office named. A former holder (``the former president``), a plural (``the presidents``)
and an indefinite noun phrase (``a president``) are no office holder: coreference reads them.
"""
from __future__ import annotations

from functools import lru_cache

from ..lexicon import table, word_class
from ..nlp import tokens_of
from ..records import Actor
from ..rules import REGISTRY
from .decide import mention_rule, switched_on
from .identity import move_mentions
from .office_descriptors import DETERMINERS, descriptor, is_office, mention_tokens, office_title
from .office_focus import focus_state
from .office_recent import new_holder, says_new
from .office_states import tenure_actor
from .office_states import (compass_state as _compass_state, past_title as _past_title, state_word as _state_word,
                            window_states as _window_states)
from .office_named import canonical_office, holder_words, is_portfolio, named_in_office, office_heads, same_office
from .leaders import load_leaders, note_beyond_data, title_fits as _fits
from .office_people import (COMPOUND_HOLDER, DOCUMENT_HOLDER, PARTY_LEADER, PARTY_NAMED, document_holder,
                            last_person_before, party_leader, party_named_heads)
from .spelling import shared_units
from .state import State, add_mention, drop_mentions, key_of, positions

OFFICE_NAMED = mention_rule("mention.office_holder_named", 0.8,
                            "a state's office descriptor is the one person the text names in that office",
                            ("actors", "lexicon:leader_nouns"))
FOCUS_HOLDER = mention_rule("mention.office_holder_focus", 0.55,
                            "an office description with no state ('the president', 'the country's leader') is the "
                            "holder of that office of the document's focus state (the text's, else the tables'), "
                            "unless another state's holder of it was named before", ("actors", "leaders"))
OFFICE_KB = mention_rule("mention.office_holder_kb", 0.7,
                         "a state's office descriptor is the holder of that office on the document date "
                         "(leader tables; the last known holder after they end)", ("leaders", "lexicon:leader_nouns"))





def _named_holder(st: State, country: str, title: str) -> Actor | None:
    """The one person the text names in this office of this state (in apposition or predicate, else by its own
    title, else by its tenure's)."""
    said_so = named_in_office(st, country, lambda said: same_office(title, said))
    if len(said_so) == 1:
        return st.out.actors[said_so[0]]
    fits = []
    for p in st.out.actors.values():
        if p.type != "person" or p.country != country or "GOV" not in (p.code or "")[3:] or \
                not ((p.code or "").endswith("GOV") or is_portfolio(title)):
            continue  # (a minister may carry the ministry's sector after GOV)
        said = (st.titles.get(p.id) or st.tenure_title.get(p.id) or "").lower()
        if not said:
            continue
        if title in word_class("leader_nouns"):
            h = load_leaders().holder(country, st.on, title)
            ok = (h is not None and shared_units(p.name, h.leader) >= 1) or (
                not _past_title(said) and same_office(title, said))  # "President X" … "the country's leader"
        else:
            ok = _fits(title, said) or _fits(title, canonical_office(said))  # not "president" of a "vice president"
        if ok:
            fits.append(p)
    if not fits:
        fits = _introduced(st, country, title)
    if len(fits) > 1 and title in word_class("leader_nouns"):
        fits = _most_named(fits)  # "the Serbian leader" of a text naming its president and its prime minister
    return fits[0] if len(fits) == 1 else None


def _most_named(people: list[Actor]) -> list[Actor]:
    """Of several holders of a state's top offices, the one the text names most often by name (the state's
    leader the text is about); all of them on a tie."""
    def named(p: Actor) -> int:
        return sum(1 for m in p.mentions if m.text[:1].isupper() and m.method != "coref")
    counts = sorted(((named(p), p) for p in people), key=lambda x: -x[0])
    return [counts[0][1]] if counts[0][0] > counts[1][0] else people


def _introduced(st: State, country: str, title: str) -> list[Actor]:
    """The persons the text introduces with this state's word before a censored title (``the Chilean **
    X``, ``X, the Chilean **``), not as former holders and not known to hold another office: the seed's
    style names every leader so, and ``the Chilean president`` later is one of them."""
    from .redactions import introduced_states

    out = []
    for aid, (c, former) in introduced_states(st).items():
        p = st.out.actors.get(aid)
        if p is None or c != country or former or (p.code or "").endswith("ELI"):
            continue
        said = (st.titles.get(aid) or st.tenure_title.get(aid) or "").lower()
        if said and title not in word_class("leader_nouns") and not _fits(title, said):
            continue  # the text or the tables give them another office
        out.append(p)
    return out


def _kb_holder(st: State, country: str, title: str) -> Actor | None:
    leaders = load_leaders()
    h = leaders.holder(country, st.on, title)
    if h is None:
        return None
    note_beyond_data(st)  # the holder is the last known one: the analysis says so, named in the text or not
    return tenure_actor(st, h, country, "GOV")



def holder_and_rule(st: State, country: str, title: str) -> tuple[Actor, str] | None:
    """The person holding ``title`` of ``country`` and the rule that found them (the text's holder, else the
    tables')."""
    if not country:
        return None
    p = _named_holder(st, country, title) if switched_on(OFFICE_NAMED) else None
    if p is not None:
        return p, OFFICE_NAMED
    p = _kb_holder(st, country, title) if switched_on(OFFICE_KB) else None
    return (p, OFFICE_KB) if p is not None else None


def focus_holder(st: State, start: int, title: str) -> Actor | None:
    """The holder of ``title`` of the document's focus state, for a description with no state at token ``start``
    (``the president`` in a story about Kenya); None when there is no focus state or the text has named, before
    the description, a holder of that office of another state (then it may mean them: coreference decides)."""
    country = focus_state(st)
    if country is None:
        return None
    tok = st.doc[start]
    at = st.norm.to_original(tok.idx, tok.idx + len(tok))[0]
    named = []
    for p in st.out.actors.values():
        if p.type != "person" or not any(m.start < at for m in p.mentions):
            continue
        said = (st.titles.get(p.id) or st.tenure_title.get(p.id) or "").lower()
        if not said or _past_title(said) or not (title in word_class("leader_nouns") or _fits(title, said)):
            continue
        if p.country not in (country, None):
            return None  # "the president" after another state's president was named
        named.append(p)
    for pid in named_in_office(st, country, lambda said: same_office(title, said)):
        p = st.out.actors[pid]
        if p not in named and any(m.start < at for m in p.mentions):
            named.append(p)  # the office the text gave them ("X, the finance minister")
    if len(named) > 1:  # several named with the title (a namesake's tenure title, a spelling): the tables' holder
        h = load_leaders().holder(country, st.on, title)
        named = [p for p in named if h is not None and shared_units(p.name, h.leader) >= min(2, len(p.name.split()))]
    if named:  # the text's own holder, whom the tables may not know
        return named[0] if len(named) == 1 else None
    return holder_person(st, country, title)



def holder_person(st: State, country: str, title: str) -> Actor | None:
    """The person holding ``title`` of ``country``: the one the text names, else the table's holder."""
    if not country:
        return None
    return _named_holder(st, country, title) or _kb_holder(st, country, title)


def resolve_office_holders(st: State) -> None:
    """Move office descriptors from the role actors earlier passes made to the persons holding the office."""
    named_on = switched_on(OFFICE_NAMED)
    kb_on = switched_on(OFFICE_KB)
    if not (named_on or kb_on):
        return
    seen: dict[str, Actor] = {}  # office title → the person an earlier descriptor named
    found = []
    for a in list(st.out.actors.values()):
        if a.type not in ("sector", "person") or (a.type == "person" and any(
                c.isupper() for m in a.mentions for c in m.text.split()[-1][:1])):
            continue
        for m in list(a.mentions):
            toks = mention_tokens(st, a, m)
            if not toks:
                continue
            d = descriptor(st, a, toks)
            if d is None and a.type == "sector" and switched_on(COMPOUND_HOLDER):
                _compound_holder(st, a, m, toks)
                continue
            if d is None or not d[1]:
                continue
            found.append((m.start, a, m, d[0], d[2] or a.country, toks[0], d[2] is None and says_new(st, toks[0], toks[-1])))
    for _, a, m, title, country, first, new in sorted(found, key=lambda x: x[0]):
        person = None
        rule = OFFICE_NAMED
        got = new_holder(st, first, title) if new else None  # "the new head of government": who took it lately
        if got is not None:
            person, rule = got
        elif country:
            person = _named_holder(st, country, title) if named_on else None
            if person is None and kb_on:
                person, rule = _kb_holder(st, country, title), OFFICE_KB
        elif title in seen:
            person = seen[title]
        else:
            if switched_on(DOCUMENT_HOLDER):
                person, rule = document_holder(st, first, title), DOCUMENT_HOLDER
            if person is None and switched_on(FOCUS_HOLDER):
                person, rule = focus_holder(st, first, title), FOCUS_HOLDER
        if person is None or person.id == a.id:
            continue
        seen[title] = person
        if a.id in st.out.actors:
            move_mentions(st, a, person, rule, only=[m], method="coref")
    _bare_descriptors(st, seen)
    _head_of_phrases(st)
    if switched_on(PARTY_NAMED):
        party_named_heads(st)


# "the head of the Cuban state", "the head of the Sudanese government": the office the governed thing names
_HEAD_OF = {"state": "head of state", "country": "head of state", "nation": "head of state",
            "republic": "head of state", "government": "head of government", "cabinet": "head of government",
            "junta": "leader", "regime": "leader"}


def _head_of_phrases(st: State) -> None:
    """``the head of the Cuban state`` / ``the leader of the Malian junta``: the holder of that state's office."""
    doc = st.doc
    toks = tokens_of(doc)
    for i in positions(st, office_heads() | {"head", "chief", "leader"}):
        tok = toks[i]
        if tok.tag_ in ("NNS", "NNPS"):
            continue
        own, first = office_title(doc, i)  # "the prime minister of X", "the emir of X"
        if not is_office(own) and tok.lower_ not in ("head", "chief", "leader"):
            continue
        b = first - 1
        while b > 0 and doc[b].lower_ in holder_words():
            b -= 1  # "the new emir of X" (not "the vice president of X")
        if b < 0 or doc[b].lower_ not in DETERMINERS:
            continue
        j = tok.i + 1
        if j >= len(doc) or doc[j].lower_ != "of":
            continue
        j += 1
        if j < len(doc) and doc[j].lower_ == "the":
            j += 1
        country = None
        while j < len(doc) and doc[j].lower_ not in _HEAD_OF and j - tok.i <= 6:
            c = _state_word(st, j) or (_compass_state(st, j) if doc[j].lower_ in ("south", "north") else None)
            if c is None and j in st.hits and st.hits[j][2].kind == "demonym":
                c = st.hits[j][2].country
            named = st.out.actor_at(j)
            if c is None and named is not None and named.type == "state" and named.country:
                c = named.country  # "the emir of Saudi Arabia": a state's name of several words
                while j + 1 < len(doc) and st.out.actor_at(j + 1) is named:
                    j += 1
            if c is None and doc[j].lower_ not in ("'s", "’s"):
                break
            country = country or c
            j += 1
        if country is None:
            continue
        if j < len(doc) and doc[j].lower_ in _HEAD_OF and tok.lower_ in ("head", "chief", "leader"):
            office, end = _HEAD_OF[doc[j].lower_], j + 1  # "the head of the Cuban state"
        elif tok.lower_ not in ("head", "chief") and (j >= len(doc) or doc[j].lower_ not in _HEAD_OF):
            office, end = own, j  # "the emir of Qatar", "the prime minister of Spain"
        else:
            continue
        found = holder_and_rule(st, country, office)
        if found is None:
            continue
        person, rule = found
        start = b
        owners = {st.out.token_actor[t] for t in range(start, end) if t in st.out.token_actor}
        if any(st.out.actors[o].type == "person" for o in owners if o in st.out.actors):
            continue
        for aid in owners:
            if aid in st.out.actors:
                drop_mentions(st, aid, start, end)
        add_mention(st, start, end, key_of(person), "coref", REGISTRY[rule].confidence, rule)


_HEADS = ("leader", "chief", "commander")  # the head of the organisation the first word names


@lru_cache(maxsize=1)
def _compounds() -> dict[str, str]:
    return {r["word"].strip().lower(): r["title"].strip() for r in table("kb", "title_compounds.tsv")}


def _compound_holder(st: State, a: Actor, m, toks: list[int]) -> None:
    """``the [Malian] junta leader`` / ``the army chief``: an office named by its first word (the table of censored
    compounds) with no person in it is the person of that state (if one is written) named last before it."""
    doc = st.doc
    definite = toks[0] > 0 and doc[toks[0] - 1].lower_ in DETERMINERS
    words, state = [], None
    for t in toks:
        low = doc[t].lower_
        c = _state_word(st, t)
        if c is None and t in st.hits and st.hits[t][2].kind == "demonym":
            c = st.hits[t][2].country
        if low in DETERMINERS:
            definite = True
        elif c is not None:
            state = state or c
        elif not (doc[t].pos_ == "ADJ" and doc[t].text.islower()) or low in _compounds():
            words.append(low)
    if not definite or len(words) != 2 or _compounds().get(words[0]) != words[1] or words[1] not in _HEADS:
        return  # (a portfolio, ``the foreign minister``, is one of many people of a state: no recency guess)
    person = last_person_before(st, toks[0], state or None)
    if person is not None and person.id != a.id:
        move_mentions(st, a, person, COMPOUND_HOLDER, only=[m], method="coref")




@lru_cache(maxsize=None)
def _common(title: str) -> bool:
    """An office most states have (president, prime minister): a bare descriptor of it names no state."""
    leaders = load_leaders()
    fits = {c for c, ts in leaders.by_country.items() for t in ts if t.end is None and _fits(title, t.title)}
    return len(fits) >= COMMON_OFFICE_STATES


# An office held in this many states is too common for a descriptor without a state to pick one.
COMMON_OFFICE_STATES = 10


def _bare_descriptors(st: State, seen: dict[str, Actor]) -> None:
    """``the supreme leader``, ``the crown prince`` with no state of their own (deferred to coreference by
    the sector pass): the person an earlier descriptor of the office named, else the one holder of that
    office among the states of this sentence and the one before."""
    keep = []
    for start, end, hit in st.deferred:
        toks = list(range(start, end))
        d = descriptor(st, None, toks)  # type: ignore[arg-type]
        if d is not None and d[1] and d[2]:  # "the PNG leader": its state written before it
            found = holder_and_rule(st, d[2], d[0])
            if found is not None:
                seen[d[0]] = found[0]
                add_mention(st, start, end, key_of(found[0]), "coref", REGISTRY[found[1]].confidence, found[1])
                continue
        if d is not None and d[1] and d[0] in word_class("leader_nouns"):
            # no state: the one head of state the text named, or the person a party's description follows
            person = document_holder(st, start, d[0]) if switched_on(DOCUMENT_HOLDER) else None
            rule, first = DOCUMENT_HOLDER, start
            if person is None and switched_on(PARTY_LEADER):
                led = party_leader(st, start, d[0])
                if led is not None:
                    (person, first), rule = led, PARTY_LEADER
                    for aid in {st.out.token_actor[t] for t in range(first, start) if t in st.out.token_actor}:
                        drop_mentions(st, aid, first, start)  # the party's name modifies the description
            if person is not None:
                add_mention(st, first, end, key_of(person), "coref", REGISTRY[rule].confidence, rule)
                continue
        if d is not None and d[1] and switched_on(FOCUS_HOLDER) and (d[0] in word_class("leader_nouns")
                                                                      or is_portfolio(d[0]) or _common(d[0])):
            rule = FOCUS_HOLDER
            got = new_holder(st, start, d[0]) if says_new(st, start, end - 1) else None
            person = None
            if got is not None:
                person, rule = got
            else:
                person = focus_holder(st, start, d[0])  # "the president" of a story about one state
            if person is not None:
                seen[d[0]] = person
                add_mention(st, start, end, key_of(person), "coref", REGISTRY[rule].confidence, rule)
                continue
        if d is None or not d[1] or (d[0] in word_class("leader_nouns")):
            keep.append((start, end, hit))  # "the leader", "the president": too common for a guess here
            continue
        title = d[0]
        if _common(title):
            keep.append((start, end, hit))  # "the president": many states have one; coreference decides
            continue
        person = seen.get(title)
        rule = OFFICE_NAMED
        if person is None and switched_on(OFFICE_KB):
            holders = {}
            for c in _window_states(st, start):
                h = load_leaders().holder(c, st.on, title)
                if h is not None:
                    holders[c] = h
            if len(holders) == 1:
                c = next(iter(holders))
                person, rule = _kb_holder(st, c, title), OFFICE_KB
        if person is None:
            keep.append((start, end, hit))
            continue
        seen[title] = person
        add_mention(st, start, end, key_of(person), "coref", REGISTRY[rule].confidence, rule)
    st.deferred = keep
