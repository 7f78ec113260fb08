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

from dataclasses import dataclass, field

from spacy.tokens import Token

from ..lexicon import table, word_class
from ..nlp import lower_keys_of, pos_of, sentence_index, texts_of, tokens_of
from ..records import Actor
from ..rules import REGISTRY
from ..text.normalize import PLACEHOLDER
from . import antecedents, person_facts, succession
from .decide import mention_rule, switched_on
from .leaders import office_forms
from .offices import office_title
from .state import State, add_mention, drop_mentions, key_of, positions, state_of_span

APPOSITIVE = mention_rule("mention.descriptor_appositive", 0.8,
                          "a definite role/occupation description in apposition to a person's name is that person",
                          ("parse", "actors", "lexicon:descriptor_nouns"))
PLACE = mention_rule("mention.descriptor_place", 0.7,
                     "the old man of/in <place>: the person of the state the place stands for (its leader first)",
                     ("parse", "actors", "lexicon:descriptor_nouns"))
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
FACT = mention_rule("mention.descriptor_fact", 0.75,
                    "a description matching what the text said of exactly one person named in the window before "
                    "it (a role in apposition or predicate: 'X, presidential envoy since 2013' ... 'the envoy'; the "
                    "age it gave: 'X, 71,' ... 'the 71-year-old') is that person",
                    ("parse", "actors", "lexicon:descriptor_nouns"))

_COREF_NOUNS = word_class("person_nouns")
_NOUNS = word_class("descriptor_nouns") | word_class("occupation_nouns") | _COREF_NOUNS
_AGE = word_class("age_adjectives")
_PAST = frozenset({"former", "ex", "retired", "onetime", "one-time", "erstwhile", "previous"})
_KIN = word_class("kin_nouns")
_BEFORE_SPECIAL = _PAST | {"old"}
_TIME = word_class("time_words")
_POSSESSIVES = frozenset({"his", "her", "their"})
_END = frozenset({",", ".", ";", ":", ")", "—", "–", "!", "?"})
# A salient person the description merely does not contradict is taken only this far ahead of the next.
MARGIN = 1.0
WINDOW = 3  # sentences back


def _seniority() -> dict[str, str]:
    return {r["word"]: r["rank"] for r in table("lexicons", "seniority.tsv")}


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

    @property
    def aged(self) -> bool:
        return bool(set(self.words) & _AGE) or any(w.endswith("-old") for w in self.words)

    @property
    def past(self) -> bool:
        return bool(set(self.words) & _PAST)


@dataclass
class People:
    """Where the document names its people so far, and what it says they are."""

    sent: list[int]  # per token, its sentence's ordinal
    occurrences: list[tuple[int, int, str, bool]] = field(default_factory=list)  # token, sentence, actor, subject
    roles: dict[str, set[str]] = field(default_factory=dict)
    former: set[str] = field(default_factory=set)
    ages: dict[str, int] = field(default_factory=dict)  # the age the text gave a person (X, 71, ...)
    genders: dict[str, str] | None = None  # the gender pronouns give a person (read when first needed)

    def ranked(self, st: State, before: int, fits) -> list[tuple[float, float, str]]:
        """(fit, salience, actor) of the people named in the window before token ``before``, best first."""
        si = self.sent[before]
        best: dict[str, float] = {}
        for ti, s, aid, subj in self.occurrences:
            if ti >= before or si - s > WINDOW or aid not in st.out.actors:
                continue
            v = -2.0 * (si - s) + (1.0 if subj else 0.0) + 0.001 * ti
            best[aid] = max(best.get(aid, -99.0), v)
        out = []
        for aid, sal in best.items():
            f = fits(st.out.actors[aid])
            if f is not None:
                out.append((f, sal, aid))
        return sorted(out, reverse=True)


def _person(st: State, i: int) -> Actor | None:
    a = st.out.actor_at(i)
    return a if a is not None and a.type == "person" else None


def _people(st: State) -> People:
    doc = st.doc
    p = People(sentence_index(doc))
    toks = tokens_of(doc)
    for i in sorted(st.out.token_actor):  # the tokens of a person are among the tokens of an actor
        a = _person(st, i)
        if a is None:
            continue
        tok = toks[i]
        last = tok.i + 1 >= len(doc) or st.out.token_actor.get(tok.i + 1) != a.id
        if last:
            j = tok.i
            while j - 1 >= 0 and st.out.token_actor.get(j - 1) == a.id:
                j -= 1
            subj = any(doc[t].dep_ in ("nsubj", "nsubjpass") for t in range(j, tok.i + 1))
            p.occurrences.append((tok.i, p.sent[tok.i], a.id, subj))
            if any(doc[t].lower_ in _PAST for t in range(max(0, j - 3), tok.i + 1)):
                p.former.add(a.id)  # "the former premier X"
            age = person_facts.stated_age(doc, j, tok.i)
            if age is not None:
                p.ages.setdefault(a.id, age)
    return p


def _describe(st: State, tok: Token) -> Description | None:
    """The definite description ``tok`` heads, else None."""
    doc = st.doc
    # The words before the head, read on the surface (the parse of a long appositive is often wrong):
    # adjectives, nouns, names, numbers and hyphens back to a definite determiner.
    toks, lows, pos, texts = tokens_of(doc), lower_keys_of(doc), pos_of(doc), texts_of(doc)  # no Token built per word
    start, j = None, tok.i - 1
    while j >= 0 and tok.i - j <= 8:
        low = lows[j][0]
        if low == "the" or (low in _POSSESSIVES and toks[j].tag_ == "PRP$"):
            start = j
            break
        if low in ("'s", "’s") and j >= 2 and lows[j - 1][0] in antecedents.OWN_STATE and lows[j - 2][0] == "the":
            start = j - 2  # "the country's president": the state the text is about, not a person's
            break
        if not (pos[j] in ("ADJ", "NOUN", "PROPN", "NUM") or texts[j] == "-" or low in _AGE or (
                toks[j].tag_ in ("VBN", "VBG")) or (pos[j] == "ADV" and texts[j + 1] == "-")):
            break  # "the soft-spoken entrepreneur", "the long-serving minister" read as modifiers too
        j -= 1
    if start is None:
        return None
    poss = lows[start][0] if lows[start][0] in _POSSESSIVES else None
    words = [lows[t][0] for t in range(start, tok.i + 1)]
    k = tok.i
    while k - 1 > start and pos[k - 1] == "NOUN" and texts[k - 1] != "-":
        k -= 1
    title = " ".join([lows[t][0] for t in range(k, tok.i)] + [lows[tok.i][1]])
    office, first = office_title(doc, tok.i)
    led = first == tok.i and office in word_class("leader_nouns") and pos[tok.i - 1] == "NOUN" and \
        not (tok.i - 1 in st.hits and _nationality(st, tok.i - 1))
    if first > start and _is_office(office) and not led:
        # "the former prime minister", whatever the tagger made of "prime"; not "the former student leader",
        # whose leader led students, not a state
        title = office
    d = Description(start, tok.i, tok.i + 1, words, title, possessive=poss,
                    age=person_facts.age_in(doc, start, tok.i + 1))
    for t in range(start, tok.i):
        p = _person(st, t)
        if p is not None and not _modifier_name(st, p, start, tok.i):
            return None  # a name inside: a title before a name, not a description
        if t in st.hits:
            d.state = d.state or _nationality(st, t)
    prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "from") and c.i > tok.i), None)
    if prep is None and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "from" and doc[tok.i + 2].pos_ == "PROPN":
        prep = doc[tok.i + 1]  # "asked the businessman from X to leave": the parse hangs "from" on the verb
    if prep is not None:
        obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if obj is not None and (obj.pos_ == "PROPN" or any(doc[t].pos_ == "PROPN" for t in range(obj.left_edge.i, obj.i))):
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
    return d


def _nationality(st: State, t: int) -> str | None:
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


def _personal(tok: Token) -> bool:
    """A noun that names a person by role, rank, occupation or age (listed, or an agent noun: -ist, -ian)."""
    low = tok.lemma_.lower()
    return low in _NOUNS or (len(low) > 5 and low.endswith(("ist", "ian", "man", "woman", "leader", "master",
                                                             "maker")))  # ringleader, spymaster, kingmaker


def _agentive(tok: Token) -> bool:
    """A noun an appositive may describe a person with: a personal noun, a kin noun, or an agent noun
    (founder, director, nominee, candidate); not ``the way``, ``the goal``, ``the state``."""
    low = tok.lemma_.lower()
    return _personal(tok) or low in _KIN or (len(low) > 5 and low.endswith(("er", "or", "ee", "ant", "ent")))


def _listed(doc, d: Description) -> bool:
    """``X, the army and the police``: a list, not an apposition."""
    nxt = d.head + 1
    return nxt < len(doc) and doc[nxt].lower_ in ("and", "or")


def _is_office(title: str) -> bool:
    return title in office_forms() or title in word_class("leader_nouns")


def _modifier_name(st: State, p: Actor, start: int, head: int) -> bool:
    """An unknown word the recogniser took for a new person, standing between the determiner and the head of
    this description (``the Banjska ringleader``, ``the Correista candidate``, ``the Karabakh-born ex-leader``):
    a modifier of the description (a place, a movement), not a person; its other namings keep their reading."""
    if p.code is not None or len(p.name.split()) > 1:
        return False
    toks = [t for t in range(start + 1, head) if st.out.token_actor.get(t) == p.id]
    return bool(toks)


def _claim(st: State, start: int, end: int, person: Actor, rule: str, conf: float) -> bool:
    owners = {st.out.token_actor[t] for t in range(start, end) if t in st.out.token_actor}
    if any(st.out.actors[o].type == "person" and not _modifier_name(st, st.out.actors[o], start, end - 1)
           for o in owners if o != person.id and o in st.out.actors):
        return False
    for aid in owners:
        if aid != person.id and aid in st.out.actors:
            drop_mentions(st, aid, start, end)
    add_mention(st, start, end, key_of(person), "coref", conf, rule)
    st.deferred = [d for d in st.deferred if d[1] <= start or d[0] >= end]
    return True


def _appositive_person(st: State, d: Description) -> Actor | None:
    doc = st.doc
    tok = doc[d.head]
    p = _person(st, d.start - 2) if d.start >= 2 and doc[d.start - 1].text == "," else None
    if p is None:
        # the parse's apposition, when no name stands right before the comma ("X and Y, the ..." attaches
        # the appositive to the first conjunct, so the adjacent name comes first)
        return _person(st, tok.head.i) if tok.dep_ == "appos" else None
    # "P, the former banker said" is another construction; anything else after the head (a comma, a
    # preposition, a relative clause) leaves the description in apposition
    after = d.head + 1
    if after < len(doc) and doc[after].tag_ in ("VBZ", "VBD", "VBP", "MD"):
        return None
    return p


def _remember(people: People, aid: str, title: str, head: str, past: bool) -> None:
    roles = people.roles.setdefault(aid, set())
    roles |= {title, head}
    if past:
        people.former.add(aid)


def _predicates(st: State, people: People) -> None:
    """``P, a former banker,`` / ``P, who was a general`` / ``P is an economist``: what the text says P is."""
    pos, lows = pos_of(st.doc), lower_keys_of(st.doc)
    for tok in tokens_of(st.doc):
        if pos[tok.i] != "NOUN" or lows[tok.i][1] not in _NOUNS:
            continue
        p = None
        if tok.dep_ == "appos":
            p = _person(st, tok.head.i)
        elif tok.dep_ == "attr" and tok.head.lemma_ == "be":
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subj is not None:
                p = _person(st, subj.i)
                if p is None and subj.lower_ in ("who", "that") and tok.head.dep_ == "relcl":
                    p = _person(st, tok.head.head.i)
        if p is None:
            continue
        words = {st.doc[t].lower_ for t in range(tok.left_edge.i, tok.i)}
        comp = [c.lower_ for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < tok.i]
        _remember(people, p.id, " ".join(comp + [tok.lemma_.lower()]), tok.lemma_.lower(), bool(words & _PAST))


def _fits(st: State, people: People, d: Description):
    office = _is_office(d.title) or _is_office(d.title.split()[-1]) and d.title.split()[-1] != "leader"

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
            if year is not None and not person_facts.age_fits(d.age, year, st.on.year):
                return None  # the tables give this leader another age
        if d.place_state:
            base = 1.0 + (1.0 if (a.code or "").endswith("GOV") else 0.0)
        if d.title in roles or (d.title.split()[-1] in roles and not office):
            return 3.0 + base
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
    heads = _heads(st)
    people = _bind(st, heads, None, learned=False)
    # The learned pass reads the people again after the rules placed descriptions; when they placed
    # none, the document is as the first pass read it, and so are its people.
    _bind(st, [h for h in heads if h[1]], people, learned=True)


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
        if i + 1 < n and (toks[i + 1].tag_ == "NN" or lows[i + 1][0] in ("'s", "’s") or texts[i + 1] == PLACEHOLDER):
            continue  # a modifier or possessor of the head that follows (``the rebel commander``, ``the country's **``)
        out.append((i, _personal(tok)))
    # heads no noun test admits: "the 80-year-old" (remembers), "the 48-year-old Roman", "the former DJ"
    # (the cheap test first: the word before is "old", a past word, or the hyphen of "-year-old")
    special = [i for i in range(1, n) if (lows[i - 1][0] in _BEFORE_SPECIAL or lows[i][0] == "old") and
               pos[i] in ("PROPN", "ADJ") and person_facts.special_head(doc, toks[i], _NOUNS, _PAST)]
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
        people = _people(st)
        if not people.occurrences:
            return people
        _predicates(st, people)
    elif not people.occurrences:
        return people
    revision = st.revision
    ranks = _seniority()
    kin = person_facts.kin_order(st, _KIN, ranks) if on[KIN] else None
    toks, lows = tokens_of(doc), lower_keys_of(doc)
    # the younger / the elder after the text ordered two people by age: read before anything else
    elders = {i: False for i in positions(st, ranks) if i > kin[2]} if kin is not None else {}
    for i, personal in sorted((dict(heads) | elders).items()) if elders else heads:
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
        if learned and not personal:
            continue  # the learned pass reads personal nouns only (below); spare it the description
        if _person(st, tok.i) is not None:
            continue  # an earlier rule (office holders, names) already placed it
        if tok.i + 1 < len(doc) and _person(st, tok.i + 1) is not None:
            continue  # a title before a name
        d = _describe(st, tok)
        if d is None:
            continue
        if d.possessive is not None:
            lemma = tok.lemma_.lower()
            rule = PREDECESSOR if lemma == "predecessor" else SUCCESSOR if lemma == "successor" else None
            if rule is not None and on[rule]:
                who = (succession.predecessor if rule == PREDECESSOR else succession.successor)(st, people, d.start)
                if who is not None:
                    _claim(st, d.start, d.head + 1, who, rule, REGISTRY[rule].confidence)
            continue
        p = _appositive_person(st, d) if on[APPOSITIVE] else None
        if p is not None and (special or _agentive(tok)) and not _listed(doc, d):
            if d.state and p.country and p.country != d.state:
                continue
            if _claim(st, d.start, d.head + 1, p, APPOSITIVE, REGISTRY[APPOSITIVE].confidence):
                _remember(people, p.id, d.title, tok.lemma_.lower(), d.past)
            continue
        if not personal:
            continue
        if (tok.dep_ == "appos" and tok.head.pos_ in ("NOUN", "PROPN")) or (d.start >= 2 and doc[d.start - 1].text == "," and
                                   doc[d.start - 2].pos_ in ("PROPN", "NOUN") and
                                   tok.dep_ not in ("nsubj", "nsubjpass")):
            continue  # in apposition to something that is no person of the document: it describes that (a
            # subject after a comma opens its clause: "since his return last November, the veteran leader has")
        if tok.lower_ in _COREF_NOUNS and d.title == tok.lemma_.lower() and d.place is None and all(
                w in _AGE or w in _PAST or w == "the" for w in d.words[:-1]):
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


def _learned(st: State, people: People, d: Description) -> None:
    """A description no appositive, place or kin ties to a person: the learned antecedent chooser
    (``antecedents``) among the persons named in the window before it that the description fits."""
    office = _is_office(d.title) or _is_office(d.title.split()[-1])
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
            _claim(st, d.start, d.head + 1, got[0], FACT, REGISTRY[FACT].confidence)
    elif got is not None:
        _claim(st, d.start, d.head + 1, got[0], SALIENT, REGISTRY[SALIENT].confidence * min(1.0, 0.5 + got[1]))
