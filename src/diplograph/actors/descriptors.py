"""Descriptors: a definite noun phrase whose head is a role, rank, occupation, age or kin noun names a
person of the document (``the former academic``, ``the old soldier``, ``the younger``, ``his predecessor``).

Tried after names, office holders and same-person joins, and before nicknames and coreference (so that
``P, the former coup leader known as N`` binds N to P, and pronouns find the person). Each rule proposes
a person with a confidence; a description no person of the document fits stays what earlier passes made
of it (precision: a plain sector noun, or nothing).

- ``mention.descriptor_appositive``: ``P, the former law lecturer, ...`` — a definite description in
  apposition to a person's name is that person. What the text says a person is (this appositive, an
  indefinite one, ``P, a former banker,``, a predicate, ``P, who was a general``) is remembered as the
  person's described roles, which the other rules read.
- ``mention.descriptor_place``: ``the old man of/in <place>`` — a place that stands for a state (a
  capital, a seat of government): the person of that state the document names, its leader first.
- ``mention.descriptor_kin``: ``the younger`` / ``the elder`` after the text ordered two people by age
  (``X's elder brother Y``).
- ``mention.descriptor_predecessor``: ``his predecessor`` — the one other person of the possessor's
  state (or of no known state) the text calls former or the tables code as a former leader.
- ``mention.descriptor_successor``: ``his successor`` — the one person of the possessor's state the text
  names before who holds an office now (of the possessor's own office when both are titled).
- ``mention.descriptor_salient``: any other description, by salience (recent sentences, subjects) among
  the people it fits: a role the text gave them, an office they hold (or held, for ``former``); with an
  age or past word (``former``, ``old``, ``ex-``, ``33-year-old``) also a person nothing contradicts, when
  that person is clearly the most salient one.
"""
from __future__ import annotations

from ..lexicon import table, word_class
from ..nlp import lower_keys_of, pos_of, texts_of, tokens_of
from ..records import Actor
from ..rules import REGISTRY
from ..text.normalize import PLACEHOLDER
from . import antecedents, person_facts, succession
from .decide import mention_rule, switched_on
from .described import WINDOW, People, read_people, read_predicates, remember
from .description import KIN as KIN_NOUNS
from .description import (AGE, COREF_NOUNS, GENERAL_PERSON_NOUNS, NOUNS, PAST, Description, agentive, describe,
                          is_office, person_at, personal)
from .description import claim as _claim
from .leaders import load_leaders, office_forms
from .predicated import bind_predicates
from .seats import stands_for_state
from .spelling import shared_units
from .state import State, drop_mentions, positions

APPOSITIVE = mention_rule("mention.descriptor_appositive", 0.8,
                          "a definite role/occupation description in apposition to a person's name is that person",
                          ("parse", "actors", "lexicon:descriptor_nouns"))
PLACE = mention_rule("mention.descriptor_place", 0.7,
                     "the old man of/in <place>: the person of the state the place stands for (its leader first)",
                     ("parse", "actors", "lexicon:descriptor_nouns"))
SEAT_LEADER = mention_rule("mention.descriptor_seat_leader", 0.7,
                           "'the man in <capital>': a person noun placed in a place that stands for a state (its "
                           "capital, its seat of power) is that state's leader on the date (the tables' holder), "
                           "when the document names that person", ("parse", "actors", "leaders", "kb:states"))
KIN = mention_rule("mention.descriptor_kin", 0.65,
                   "the younger / the elder: the one of two people the text ordered by age (X's elder brother Y)",
                   ("parse", "actors", "lexicon:kin_nouns", "lexicon:seniority"))
PREDECESSOR = mention_rule("mention.descriptor_predecessor", 0.6,
                           "his predecessor: the one former leader of the possessor's state the document names",
                           ("parse", "actors"))
SUCCESSOR = mention_rule("mention.descriptor_successor", 0.6,
                         "his successor: the one person of the possessor's state the document names who holds an "
                         "office now (of the possessor's own office when both are titled)",
                         ("parse", "actors"))
SALIENT = mention_rule("mention.descriptor_salient", 0.6,
                       "a role/occupation description: the salient person it fits (a role the text gave them, an "
                       "office held; with an age or past word, the clearly most salient person)",
                       ("parse", "actors", "lexicon:descriptor_nouns", "lexicon:age_adjectives"))
AGED_NAME = mention_rule("mention.descriptor_aged_name", 0.75,
                         "'the 80-year-old former ** X': an age description before a person's name (and the titles "
                         "between) is that person", ("parse", "actors"))
FACT = mention_rule("mention.descriptor_fact", 0.75,
                    "a description matching what the text said of exactly one person named in the window before "
                    "it (a role in apposition or predicate: 'X, presidential envoy since 2013' ... 'the envoy'; the "
                    "age it gave: 'X, 71,' ... 'the 71-year-old') is that person",
                    ("parse", "actors", "lexicon:descriptor_nouns"))

AGE_CONTINUES = mention_rule("mention.descriptor_age_continues", 0.6,
                             "an age description ('The 45-year-old') opening its clause that no stated or tabled age "
                             "places: the person the previous sentences were about (the last subject named, of the "
                             "gender the description's pronoun gives); none when two persons are equally salient",
                             ("parse", "actors"))

_BEFORE_SPECIAL = PAST | {"old"}
_BROAD_SECTORS = frozenset({"GOV", "ELI", "PPL", "CVL", "OPP", "LEG"})
_TIME = word_class("time_words")
_END = frozenset({",", ".", ";", ":", ")", "—", "–", "!", "?"})
# A salient person the description merely does not contradict is taken only this far ahead of the next.
MARGIN = 1.0


def _seniority() -> dict[str, str]:
    return {r["word"]: r["rank"] for r in table("lexicons", "seniority.tsv")}


def _listed(doc, d: Description) -> bool:
    """``X, the army and the police``: a list, not an apposition."""
    nxt = d.head + 1
    return nxt < len(doc) and doc[nxt].lower_ in ("and", "or")


def _appositive_person(st: State, d: Description) -> Actor | None:
    doc = st.doc
    tok = doc[d.head]
    p = person_at(st, d.start - 2) if d.start >= 2 and doc[d.start - 1].text == "," else None
    if p is None:
        # the parse's apposition, when no name stands right before the comma ("X and Y, the ..." attaches
        # the appositive to the first conjunct, so the adjacent name comes first)
        return person_at(st, tok.head.i) if tok.dep_ == "appos" else None
    # "P, the former banker said" is another construction; anything else after the head (a comma, a
    # preposition, a relative clause) leaves the description in apposition
    after = d.head + 1
    if after < len(doc) and doc[after].tag_ in ("VBZ", "VBD", "VBP", "MD"):
        return None
    return p


def _fits(st: State, people: People, d: Description):
    office = is_office(d.title) or is_office(d.title.split()[-1]) and d.title.split()[-1] != "leader"
    head = d.title.split()[-1]
    # the sector the description names (a physician: health; a general: military), when narrower than government
    sector = person_facts.phrase_sector(st, d.title.split()) if not office else None
    sector = sector if sector not in _BROAD_SECTORS else None

    def fit(a: Actor) -> float | None:
        if a.type != "person":
            return None
        if d.state and a.country and a.country != d.state:
            return None
        if d.place_state and a.country != d.place_state:
            return None
        roles = people.roles.get(a.id, set())
        former = (a.code or "").endswith("ELI") or a.id in people.former
        base = 0.0
        if d.age is not None and a.id in people.ages:
            if abs(people.ages[a.id] - d.age) > 1:
                return None  # the text gave this person another age
            return 3.0  # the age the text gave: as good as a role it stated
        if d.age is not None and st.on is not None:
            year = person_facts.born(a.country, a.name)
            if year is not None:
                if not person_facts.age_fits(d.age, year, st.on.year):
                    return None  # the tables give this leader another age
                return 3.0  # the age the tables give on the document's date: a fact, as the text's own
        if d.place_state:
            base = 1.0 + (1.0 if (a.code or "").endswith("GOV") else 0.0)
        if d.title in roles or (head in roles and not office):
            return 3.0 + base
        if not office and any(r.endswith(head) and len(r) > len(head) + 2 for r in roles):
            return 3.0 + base  # "the rural schoolteacher" ... "the teacher"
        if sector is not None and sector in person_facts.person_sectors(st, a, roles):
            return 2.5 + base  # "an endocrinologist" ... "the physician": the sector fits; the chooser decides
        if office:
            said = (st.titles.get(a.id) or st.tenure_title.get(a.id) or "").lower()
            if d.past:
                return 2.0 + base if former else None
            if former:
                return None
            forms = office_forms().get(d.title, (d.title,))
            return 2.0 + base if said and any(f in said for f in forms) else None
        if d.past and not former and (a.code or "").endswith("GOV") and d.title in ("president", "leader"):
            return None
        return 1.0 + base
    return fit


def bind_descriptors(st: State) -> None:
    """The rules that tie a description to a person by the text's form (appositive, place, kin,
    predecessor), then the learned antecedent chooser for the descriptions still unplaced."""
    if switched_on(AGED_NAME):
        _aged_names(st)
    bind_predicates(st)
    heads = _heads(st)
    people = _bind(st, heads, None, learned=False)
    # The learned pass reads the people again after the rules placed descriptions; when they placed
    # none, the document is as the first pass read it, and so are its people.
    _bind(st, [h for h in heads if h[1]], people, learned=True)


def _aged_names(st: State) -> None:
    """``the 80-year-old former ** X``, ``the 71-year-old President X``: the age description is X's mention."""
    doc = st.doc
    lows, texts = lower_keys_of(doc), texts_of(doc)
    for k in [i + 1 for i in positions(st, ("old",)) if 6 <= i + 1 < len(doc)]:  # the words after an "old"
        if person_facts.age_before(doc, k) is None:
            continue
        start = k - 6 if lows[k - 6][0] == "the" else k - 5
        j = k
        # past words, lower-case titles and a censored title between the age and the name
        while j < len(doc) and j - k < 4 and person_at(st, j) is None and (
                lows[j][0] in PAST or texts[j] == PLACEHOLDER or (texts[j].islower() and pos_of(doc)[j] in ("ADJ", "NOUN"))
                or (texts[j][:1].isupper() and is_office(lows[j][0]))):
            j += 1
        # a name (its mention may begin with the past word or title), not a lower-case noun a rule took
        p = person_at(st, j) if j < len(doc) and (texts[j][:1].isupper() or lows[j][0] in PAST or
                                                  texts[j] == PLACEHOLDER) else None
        if p is not None and not any(person_at(st, t) for t in range(start, k)):
            _claim(st, start, k, p, AGED_NAME, REGISTRY[AGED_NAME].confidence)


def _named_next(st: State, d: Description) -> Actor | None:
    """``His predecessor, the former ** X, left``, ``her rival, X,``: the name in apposition right after the
    description (a comma, then past words, a censored or capitalised title, the name, and the apposition's end)."""
    doc = st.doc
    n = len(doc)
    lows, texts = lower_keys_of(doc), texts_of(doc)
    j = d.head + 1
    if j + 1 >= n or texts[j] != "," or (d.start >= 1 and texts[d.start - 1] == ","):
        return None  # no apposition after it, or the description is itself one ("X, the banker, Y")
    k = j + 1
    while k < n and k - j <= 4 and person_at(st, k) is None and (
            lows[k][0] == "the" or lows[k][0] in PAST or texts[k] == PLACEHOLDER or
            (texts[k][:1].isupper() and is_office(lows[k][0]))):
        k += 1
    p = person_at(st, k) if k < n and (texts[k][:1].isupper() or lows[k][0] in PAST or texts[k] == PLACEHOLDER) \
        else None
    if p is None:
        return None
    e = k
    while e < n and st.out.token_actor.get(e) == p.id:
        e += 1
    return p if e >= n or texts[e] in (",", ".", ";", ")", "—", "–", ":") else None


def _reclaim_appositive(st: State, people: People, tok, owner: Actor) -> None:
    """``X, the 83-year-old leader of the Y movement``: a description in apposition to a person's name is that
    person, whatever a weaker guess (an office holder read from the document's focus) made of its head."""
    toks = tokens_of(st.doc)
    s0, e0 = st.norm.to_original(toks[tok.i].idx, toks[tok.i].idx + len(toks[tok.i]))
    if any(m.start <= s0 and e0 <= m.end and m.confidence >= REGISTRY[APPOSITIVE].confidence for m in owner.mentions):
        return
    d = describe(st, tok)
    if d is None or d.possessive is not None or not agentive(tok) or _listed(st.doc, d):
        return
    p = _appositive_person(st, d)
    if p is None or p.id == owner.id or (d.state and p.country and p.country != d.state):
        return
    drop_mentions(st, owner.id, d.start, d.head + 1)
    if _claim(st, d.start, d.tail, p, APPOSITIVE, REGISTRY[APPOSITIVE].confidence):
        remember(people, p.id, d.title, tok.lemma_.lower(), d.past)


def _heads(st: State) -> list[tuple[int, bool]]:
    """(token, personal) of the singular common nouns that can head a description: what the text says of
    the words, not what the passes made of them, so both passes read the same list."""
    doc, toks = st.doc, tokens_of(st.doc)
    pos, lows, texts = pos_of(doc), lower_keys_of(doc), texts_of(doc)
    n = len(toks)
    out = []
    for i in [i for i, p in enumerate(pos) if p == "NOUN"]:
        tok = toks[i]
        if tok.tag_ in ("NNS", "NNPS") or lows[i][0] in _TIME or texts[i] == PLACEHOLDER:
            continue
        if i + 1 < n and (toks[i + 1].tag_ == "NN" or texts[i + 1] == PLACEHOLDER or (
                lows[i + 1][0] in ("'s", "’s") and not personal(tok))):
            continue  # a modifier or possessor of the head that follows (``the rebel commander``, ``the country's **``)
        out.append((i, personal(tok)))
    # heads no noun test admits: "the 80-year-old" (remembers), "the 48-year-old Roman", "the former DJ"
    # (the cheap test first: the word before is "old", a past word, or the hyphen of "-year-old")
    # "the former MEP", "the young MP": an all-capital person noun after an age or past word (a capitalised one
    # after "the" is a nickname: "the Locksmith")
    after = sorted({j + 1 for j in positions(st, _BEFORE_SPECIAL | AGE) if j + 1 < n}
                   | {i for i in positions(st, ("old",)) if i})
    special = [i for i in after if pos[i] in ("PROPN", "ADJ") and
               person_facts.special_head(doc, toks[i], NOUNS | GENERAL_PERSON_NOUNS, AGE | PAST)]
    return sorted(out + [(i, True) for i in special]) if special else out


def _bind(st: State, heads: list[tuple[int, bool]], people: People | None, learned: bool) -> People | None:
    """One pass over the description heads; returns the people it read when it placed no description
    (``people``: those of an earlier pass that placed none)."""
    on = {r: switched_on(r) for r in (APPOSITIVE, PLACE, KIN, PREDECESSOR, SUCCESSOR, SALIENT)}
    if learned:
        on = {r: (v and r == SALIENT) for r, v in on.items()}
    if not any(on.values()):
        return people
    doc = st.doc
    if people is None:
        people = read_people(st)
        if not people.occurrences:
            return people
        read_predicates(st, people)
    elif not people.occurrences:
        return people
    revision = st.revision
    ranks = _seniority()
    kin = person_facts.kin_order(st, KIN_NOUNS, ranks) if on[KIN] else None
    toks, lows = tokens_of(doc), lower_keys_of(doc)
    # the younger / the elder after the text ordered two people by age: read before anything else
    elders = {i: False for i in positions(st, ranks) if i > kin[2]} if kin is not None else {}
    for i, is_personal in sorted((dict(heads) | elders).items()) if elders else heads:
        tok = toks[i]
        low = lows[i][0]
        if i in elders:
            det = doc[tok.i - 1].lower_ if tok.i else ""
            if det == "the" and not (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ in ("NOUN", "PROPN")):
                older, younger, _ = kin
                who = st.out.actors.get(older if ranks[low] == "older" else younger)
                if who is not None:
                    _claim(st, tok.i - 1, tok.i + 1, who, KIN, REGISTRY[KIN].confidence)
            continue
        special = tok.pos_ != "NOUN"  # "the 80-year-old", "the 48-year-old Roman", "the former DJ" (_heads)
        if learned and not is_personal:
            continue  # the learned pass reads personal nouns only (below); spare it the description
        owner = person_at(st, tok.i)
        if owner is not None:
            if not learned and on[APPOSITIVE]:
                _reclaim_appositive(st, people, tok, owner)
            continue  # an earlier rule (office holders, names) already placed it
        if tok.i + 1 < len(doc) and person_at(st, tok.i + 1) is not None:
            continue  # a title before a name
        d = describe(st, tok)
        if d is None:
            continue
        if not learned and on[APPOSITIVE]:
            named = _named_next(st, d)
            if named is not None:
                if _claim(st, d.start, d.head + 1, named, APPOSITIVE, REGISTRY[APPOSITIVE].confidence):
                    remember(people, named.id, d.title, tok.lemma_.lower(), d.past)
                continue
        if d.possessive is not None:
            lemma = tok.lemma_.lower()
            rule = PREDECESSOR if lemma == "predecessor" else SUCCESSOR if lemma == "successor" else None
            if rule is not None and on[rule]:
                who = succession.by_tenure(st, people, d.start, after=rule == SUCCESSOR) or \
                    (succession.predecessor if rule == PREDECESSOR else succession.successor)(st, people, d.start)
                if who is not None:
                    _claim(st, d.start, d.head + 1, who, rule, REGISTRY[rule].confidence)
            continue
        p = _appositive_person(st, d) if on[APPOSITIVE] else None
        if p is not None and (special or agentive(tok)) and not _listed(doc, d):
            if d.state and p.country and p.country != d.state:
                continue
            if _claim(st, d.start, d.tail, p, APPOSITIVE, REGISTRY[APPOSITIVE].confidence):
                remember(people, p.id, d.title, tok.lemma_.lower(), d.past)
            continue
        if not is_personal:
            continue
        if (tok.dep_ == "appos" and tok.head.pos_ in ("NOUN", "PROPN")) or (d.start >= 2 and doc[d.start - 1].text == "," and
                                   doc[d.start - 2].pos_ in ("PROPN", "NOUN") and
                                   tok.dep_ not in ("nsubj", "nsubjpass")):
            continue  # in apposition to something that is no person of the document: it describes that (a
            # subject after a comma opens its clause: "since his return last November, the veteran leader has")
        if tok.lower_ in COREF_NOUNS and d.title == tok.lemma_.lower() and d.place is None and all(
                w in AGE or w in PAST or w == "the" for w in d.words[:-1]):
            continue  # "the old man", "the former president": coreference's descriptor rule reads them
        # "the Kenyan president", "the country's president", "the junta leader" the office-holder rules left
        # unplaced: only the learned chooser below reads them
        if d.place is not None and not d.place_state and d.title not in ("man", "woman"):
            continue
        if not d.place_state:
            if learned and on[SALIENT] and (special or not antecedents.named_form(doc, d.start, d.head)) and \
                    not antecedents.restricted(doc, d.head):
                _learned(st, people, d)
            continue
        if not learned and d.place is not None and d.title in ("man", "woman") and switched_on(SEAT_LEADER):
            leader = _seat_leader(st, d)
            if leader is not None:
                _claim(st, d.start, d.place[1], leader, SEAT_LEADER, REGISTRY[SEAT_LEADER].confidence)
                continue
        ranked = people.ranked(st, d.start, _fits(st, people, d))
        if not ranked:
            continue
        f, sal, aid = ranked[0]
        rule = PLACE
        if not on[rule]:
            continue
        if f < 2.0:
            if not (d.aged or d.place is not None):
                continue  # "the soldier": too plain to stand for a person nothing else ties it to
            if len(ranked) > 1 and sal - max(r[1] for r in ranked[1:]) < MARGIN:
                continue  # two people equally salient: no guess
        end = d.place[1] if d.place is not None else d.head + 1
        conf = REGISTRY[rule].confidence * (1.0 if f >= 2.0 else 0.85)
        _claim(st, d.start, end, st.out.actors[aid], rule, conf)
    return people if st.revision == revision else None


def _seat_leader(st: State, d: Description) -> Actor | None:
    """``the man in Yerevan``: the place is a state's own stand-in (the text's state actor there: a capital or seat
    of power the knowledge base resolves to the state, not any town of it) and ``in`` places the person there; the
    state's leader on the document date by the tables, when the document names them (one person of the document
    whose name shares a word with the holder's); none otherwise."""
    doc = st.doc
    if d.place is None or d.place[0] < 1 or doc[d.place[0] - 1].lower_ != "in":
        return None
    states = {a.country for a in (st.out.actor_at(t) for t in range(*d.place))
              if a is not None and a.type == "state" and a.country}
    if len(states) != 1:
        return None
    country = states.pop()
    if not stands_for_state(st, d.place, country):
        return None  # "the man in Mombasa": a town of the state, not its seat
    h = load_leaders().holder(country, st.on, "leader")
    if h is None:
        return None
    named = [a for a in st.out.actors.values() if a.type == "person" and a.country in (None, country) and
             any(m.text[:1].isupper() for m in a.mentions) and shared_units(a.name, h.leader) >= 1]
    if len(named) != 1:
        return None
    # "X has denied any role, but for the regime the man in <capital> remains a ghost": another person the
    # sentence has as subject before it may be the one who lives there (an exile): two candidates, no guess
    for t in range(doc[d.start].sent.start, d.start):
        other = person_at(st, t)
        if other is not None and other.id != named[0].id and doc[t].dep_ in ("nsubj", "nsubjpass"):
            return None
    return named[0]


def _learned(st: State, people: People, d: Description) -> None:
    """A description no appositive, place or kin ties to a person: the learned antecedent chooser
    (``antecedents``) among the persons named in the window before it that the description fits."""
    office = is_office(d.title) or is_office(d.title.split()[-1])
    if people.genders is None:
        people.genders = person_facts.person_genders(st, people.occurrences, people.sent)
    facts = antecedents.Facts(d.start, d.head + 1, people.sent[d.start], 0, d.state, d.past, d.aged, office,
                              d.origin, person_facts.description_gender(st.doc, d.start, d.head),
                              person_facts.phrase_sector(st, d.title.split()), d.age)
    genders = people.genders

    def traits(a: Actor) -> antecedents.Traits:
        year = person_facts.born(a.country, a.name) if d.age is not None and st.on is not None else None
        return antecedents.Traits(genders.get(a.id),
                                  frozenset(person_facts.person_sectors(st, a, people.roles.get(a.id, set()))),
                                  year is not None and person_facts.age_fits(d.age, year, st.on.year))
    got = antecedents.resolve(st, people.occurrences, people.sent, people.former, facts, _fits(st, people, d),
                              traits)
    if got is not None and got[2]:
        if switched_on(FACT):
            _claim(st, d.start, d.tail, got[0], FACT, REGISTRY[FACT].confidence)
    elif got is not None:
        _claim(st, d.start, d.tail, got[0], SALIENT, REGISTRY[SALIENT].confidence * min(1.0, 0.5 + got[1]))
    elif d.age is not None and switched_on(AGE_CONTINUES):
        who = age_continues(st, people, d, facts.gender)
        if who is not None:
            _claim(st, d.start, d.tail, who, AGE_CONTINUES, REGISTRY[AGE_CONTINUES].confidence)


def age_continues(st: State, people: People, d: Description, gender: str | None) -> Actor | None:
    """``X ... . The 45-year-old still dreams of ...``: an age description that opens its clause continues the
    person the sentences before were about: the last person named as a subject in the nearest earlier sentence
    with one (within the window). A subject whose age (the text's or the tables') or gender is another is passed
    over; no one when that sentence has two persons as subjects. On the build sets' age descriptions (a, c-h, m,
    n, q, r) this answer is right 25 times of 27 where it gives one; it is tried only when the chooser abstains."""
    doc = st.doc
    head = doc[d.head]
    if head.dep_ not in ("nsubj", "nsubjpass") and not (d.start == head.sent.start):
        return None  # "gives the 92-year-old an eighth term": an object the chooser's salience reads
    si = people.sent[d.start]
    genders = people.genders or {}

    def contradicted(a: Actor) -> bool:
        if gender is not None and genders.get(a.id) not in (None, gender):
            return True
        if a.id in people.ages and abs(people.ages[a.id] - d.age) > 1:
            return True
        year = person_facts.born(a.country, a.name) if st.on is not None else None
        return year is not None and not person_facts.age_fits(d.age, year, st.on.year)
    for s in range(si, max(-1, si - WINDOW - 1), -1):
        subjects = [st.out.actors[aid] for ti, s2, aid, subj in people.occurrences
                    if s2 == s and subj and ti < d.start and aid in st.out.actors]
        fit = [a for a in subjects if not contradicted(a)]
        if not fit:
            continue  # no subject, or only people of another age or gender: the sentence before
        if any(a.id != fit[-1].id and not antecedents.one_person(a.name, fit[-1].name) for a in fit):
            return None  # two persons equally salient
        return fit[-1]
    return None
