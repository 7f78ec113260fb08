"""The antecedent of a definite description: which person of the document ``the former banker``,
``the elder statesman``, ``the soft-spoken entrepreneur`` refers back to.

A description is definite-description coreference: it names a person the text has already named. The
candidates are the persons named in the same sentence before it and in the ``WINDOW`` sentences before;
each gets a few features (how far back, subject or not, the last person named, the paragraph's topic,
what the text or the tables say the person is, the description's nationality) and a learned logistic
score (``data/models/antecedents.json``, fitted by ``scripts/train_antecedents.py`` on the build alias
articles, regularisation chosen by leave-one-set-out cross-validation; the file records the figures).
The best candidate is taken when its score reaches the model's threshold and leads the next one by the
model's margin (both chosen by the same cross-validation); a candidate the description
contradicts (another state, an office it holds now against ``former``) is no candidate at all, and a
description with no candidate stays unresolved (precision).

``TRACE``: when a list, every description scored is appended to it with its candidates' features (the
training script reads it; the pipeline never sets it).
"""
from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..lexicon import word_class
from ..nlp import sentence_of, sentences_of
from ..records import Actor
from .aliases import honorific_prefixes, translit_key
from .name_forms import honorific_suffixes
from .person_facts import age_number
from .state import State

WINDOW = 5  # sentences back (how far back is a feature: sentences_back, nearer)

FEATURES = (
    "same_sentence",  # named earlier in the description's own sentence
    "one_back",  # last named in the sentence before
    "far_back",  # last named two or more sentences before
    "sentences_back",  # log(1 + sentences between the last naming and the description)
    "latest",  # the last person named before the description
    "second_latest",  # the one before that
    "nearer",  # log(1 + other persons named after this one's last naming, before the description)
    "subject",  # a subject where last named
    "subject_latest_sentence",  # the subject of the latest sentence that names a person
    "topic",  # the person the paragraph names most so far
    "first_in_paragraph",  # the first person the paragraph names
    "in_paragraph",  # named in the description's paragraph before it
    "mentions",  # log(1 + times named so far)
    "state_match",  # the description's nationality is the person's state
    "role_stated",  # the text gave the person this role or occupation (appositive, predicate)
    "office_held",  # an office description the person holds (text title or tables)
    "past_and_former",  # a past word (former, ex-) and the person is a former leader
    "age_word",  # the description has an age or past word (old, young, former, N-year-old)
    "born_fits",  # the description's age fits the birth year the tables give the person
    "gender_agree",  # the description's gender (its noun, a pronoun after it) is the person's (pronouns)
    "gender_clash",  # ... and is not
    "sector_match",  # the description's sector (general: military, cleric: religious) is one of the person's
)

TRACE: list | None = None
OWN_STATE = frozenset({"country", "nation", "state"})
_NICKNAME_VERBS = word_class("nickname_verbs")
_POSTS = word_class("position_nouns")


@dataclass
class Candidate:
    actor: str
    token: int  # last token naming the person before the description
    sentence: int
    subject: bool
    count: int  # times named before the description


@dataclass
class Facts:
    """What the description itself says (filled by the descriptor pass)."""

    start: int
    end: int
    sentence: int
    paragraph_start: int  # first sentence of the paragraph
    state: str | None  # a nationality or state word in the description
    past: bool
    aged: bool
    office: bool  # the head is an office title
    origin: bool = False  # "the pharmacist from X": a place of origin characterises the person
    gender: str | None = None  # "m"/"f" the description gives (person_facts.description_gender)
    sector: str | None = None  # the sector family its noun names (person_facts.phrase_sector)
    age: int | None = None  # the age an "N-year-old" in it gives
    plain: bool = False  # "the judge", "the provincial governor": nothing but the noun characterises the person


@dataclass
class Traits:
    """What the document and the tables say of a candidate, beside where it is named."""

    gender: str | None = None
    sectors: frozenset[str] = frozenset()
    born_fits: bool = False  # the tables' birth year fits the description's age


@lru_cache(maxsize=1)
def model() -> dict:
    path = resources.files("diplograph.data").joinpath("models/antecedents.json")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:  # untrained: a plain recency prior (the training script writes the file)
        prior = {"same_sentence": 1.5, "one_back": 1.0, "far_back": -0.5, "latest": 2.0, "subject": 0.5,
                 "topic": 0.5, "state_match": 2.0, "role_stated": 2.0, "office_held": 2.0, "gender_clash": -2.0}
        return {"features": list(prior), "coef": list(prior.values()), "intercept": -2.5, "threshold": 0.5}


def score(feats: dict[str, float]) -> float:
    m = model()
    z = m["intercept"] + sum(c * feats.get(f, 0.0) for f, c in zip(m["features"], m["coef"]))
    return 1.0 / (1.0 + math.exp(-z))


def features(f: Facts, c: Candidate, cands: list[Candidate], sent_subject: dict[int, str],
             paragraph: list[tuple[int, int, str]], fit: float, country: str | None, former: bool,
             traits: Traits) -> dict[str, float]:
    """The features of one candidate. ``paragraph``: (token, sentence, actor) of the paragraph's person
    occurrences before the description; ``fit``: the descriptor pass's fit (3 role stated, 2 office held)."""
    order = sorted(cands, key=lambda x: -x.token)
    counts: dict[str, int] = {}
    for _, _, aid in paragraph:
        counts[aid] = counts.get(aid, 0) + 1
    top = max(counts.values()) if counts else 0
    latest_subject_sentence = max((s for s in sent_subject if s <= f.sentence), default=None)
    nearer = sum(1 for x in cands if x.token > c.token and x.actor != c.actor)
    genders = bool(f.gender) and bool(traits.gender)
    return {
        "same_sentence": float(c.sentence == f.sentence),
        "one_back": float(c.sentence == f.sentence - 1),
        "far_back": float(c.sentence <= f.sentence - 2),
        "sentences_back": math.log1p(max(0, f.sentence - c.sentence)),
        "latest": float(order[0].actor == c.actor),
        "second_latest": float(len(order) > 1 and order[1].actor == c.actor),
        "nearer": math.log1p(nearer),
        "subject": float(c.subject),
        "subject_latest_sentence": float(latest_subject_sentence is not None and
                                         sent_subject[latest_subject_sentence] == c.actor),
        "topic": float(top > 0 and counts.get(c.actor, 0) == top),
        "first_in_paragraph": float(bool(paragraph) and paragraph[0][2] == c.actor),
        "in_paragraph": float(c.actor in counts),
        "mentions": math.log1p(c.count),
        "state_match": float(bool(f.state) and country == f.state),
        "role_stated": float(fit >= 3.0),
        "office_held": float(2.0 <= fit < 3.0 and f.office),
        "past_and_former": float(f.past and former),
        "age_word": float(f.aged or f.past),
        "born_fits": float(traits.born_fits),
        "gender_agree": float(genders and f.gender == traits.gender),
        "gender_clash": float(genders and f.gender != traits.gender),
        "sector_match": float(bool(f.sector) and f.sector in traits.sectors),
    }


def one_person(x: str, y: str) -> bool:
    """Two candidates' names are one person's (``Museveni`` / ``Yoweri Museveni``, ``Maitre Wade`` / ``Abdoulaye
    Wade``): the words of one (honorifics left out) stand together, in order, in the other. Such a pair is not
    two rivals: whichever the chooser takes, it names the same person (kin who share a surname do not pass,
    nor ``Kim Jong`` / ``Kim Yo Jong``)."""
    hon = honorific_prefixes().keys() | honorific_suffixes()
    wx = [translit_key(w) for w in x.split() if w.lower().rstrip(".") not in hon]
    wy = [translit_key(w) for w in y.split() if w.lower().rstrip(".") not in hon]
    if not wx or not wy:
        return False
    short, long_ = (wx, wy) if len(wx) <= len(wy) else (wy, wx)
    return any(long_[k:k + len(short)] == short for k in range(len(long_) - len(short) + 1))


def merge_people(st: State, cands: dict[str, Candidate]) -> tuple[dict[str, Candidate], dict[str, str]]:
    """The candidates with those that are one person's (``one_person``) joined into the one with the longest
    name: its latest naming, subject or not, and the times they were named together; and each joined
    candidate's actor → the actor it joined."""
    out: dict[str, Candidate] = {}
    joined: dict[str, str] = {}
    for c in sorted(cands.values(), key=lambda c: -len(st.out.actors[c.actor].name)):
        name = st.out.actors[c.actor].name
        rep = next((r for r in out.values() if one_person(st.out.actors[r.actor].name, name)), None)
        if rep is None:
            out[c.actor] = Candidate(c.actor, c.token, c.sentence, c.subject, c.count)
            continue
        joined[c.actor] = rep.actor
        if c.token > rep.token:
            rep.token, rep.sentence, rep.subject = c.token, c.sentence, c.subject
        rep.count += c.count
    return out, joined


def decide(ranked: list[tuple[float, str]]) -> int | None:
    """Index of the chosen candidate in ``ranked`` ((score, name), best first), else None: the best when it
    reaches the model's threshold and leads the best candidate that is another person by the model's margin.
    The training script decides with this same function."""
    if not ranked:
        return None
    p, name = ranked[0]
    second = next((q for q, other in ranked[1:] if not one_person(name, other)), 0.0)
    m = model()
    if p < m["threshold"] or p - second < m.get("margin", 0.0):
        return None  # too weak, or two people nearly as good: no guess
    return 0


def choose(f: Facts, scored: list[tuple[Actor, dict[str, float]]], text: str = "") -> tuple[Actor, float] | None:
    """The best-scoring candidate when ``decide`` takes it, else None."""
    if TRACE is not None:
        TRACE.append({"start": f.start, "end": f.end, "text": text,
                      "candidates": [(a.name, feats) for a, feats in scored]})
    ranked = sorted(((score(feats), a) for a, feats in scored), key=lambda x: -x[0])
    k = decide([(p, a.name) for p, a in ranked])
    return (ranked[k][1], ranked[k][0]) if k is not None else None


_RESTRICTIVE_PREPS = frozenset({"at", "in", "on", "near", "behind", "outside", "inside", "with", "under", "beside",
                                 "by", "for", "against", "among"})


def restricted(doc, head_i: int) -> bool:
    """``the soldier at the gate``, ``the candidate supported by Ankara``, ``the officer who ...``: a restrictive
    modifier after the head picks out someone new, not a person named before (``of``/``from`` phrases say
    where a known person is from: ``the mathematician from Bucharest``)."""
    head = doc[head_i]
    for c in head.children:
        if c.i <= head.i or doc[c.left_edge.i - 1].text in (",", "(", "—", "–"):
            continue  # set off by a comma: a non-restrictive remark about the person ("the banker, who ...")
        if c.dep_ == "prep" and c.lower_ in _RESTRICTIVE_PREPS:
            if c.lower_ == "with" and any(t.tag_ == "PRP$" for t in c.subtree):
                continue  # "the engineer with her Nobel": her is the person described, known already
            return True
        if (c.dep_ == "acl" and c.tag_ in ("VBN", "VBG")) or c.dep_ == "relcl":
            return True  # a finite verb read as a clause of the noun ("the footballer celebrated") is a misparse
    return False


def clause_subject(doc, head_i: int) -> int | None:
    """The subject of the clause a description is the object of (``X defeated the candidate``): binding says
    the description is someone else."""
    head = doc[head_i]
    verb = head.head
    if head.dep_ == "pobj" and verb.dep_ in ("prep", "agent"):
        verb = verb.head
    elif head.dep_ not in ("dobj", "dative"):
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.lower_ in ("which", "who", "that") and verb.dep_ == "relcl":
        # "X has been mentioned for the post, which infuriates the founder": the clause the relative one
        # comments on has X for its subject
        up = verb.head
        while up.pos_ not in ("VERB", "AUX") and up.head.i != up.i:
            up = up.head
        subj = next((c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
            if up.pos_ in ("VERB", "AUX") else None
    return subj.i if subj is not None else None


def named_after(st: State, head_i: int) -> bool:
    """``the truck driver was identified as X``, ``the winner is X``: the clause names the person after the
    description (cataphora), so it refers forward, not back."""
    doc = st.doc
    head = doc[head_i]
    if head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    for c in head.head.children:
        if c.i <= head_i:
            continue
        # the predicate noun itself (not a phrase inside it: "a hero for many Africans") is the person
        named = [c] if c.dep_ in ("attr", "oprd") else \
            [o for o in c.children if o.dep_ == "pobj"] if c.dep_ == "prep" and c.lower_ == "as" else []
        for t in named:
            a = st.out.actor_at(t.i)
            if a is not None and a.type == "person":
                return True
    return False


_CONTRAST = frozenset({"other", "another", "next"})


def predicate(doc, head_i: int) -> bool:
    """``X has always been the diplomat of the family``, ``celebrated as the architect of``, ``proclaimed himself
    the real winner``: a predicate says what someone is; it is no second naming of a person."""
    head = doc[head_i]
    if head.dep_ in ("attr", "oprd", "acomp"):
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "as"


def own_state(doc, start: int) -> bool:
    """``the country's president``."""
    return start + 2 < len(doc) and doc[start + 1].lower_ in OWN_STATE and doc[start + 2].lower_ in ("'s", "’s")


def named_form(doc, start: int, head_i: int) -> bool:
    """A capitalised head inside a sentence (``the Spokesman``), a quoted phrase or the name a nickname
    verb gives is a nickname, not a description: the nickname rules read it."""
    head = doc[head_i]
    if head.text[:1].isupper() and not head.is_sent_start and start != sentence_of(doc, head_i).start:
        return True
    if head.dep_ in ("dobj", "oprd") and head.head.lemma_.lower() in _NICKNAME_VERBS:
        return True  # "as his fans call the captain": the nickname rules bind it to the captain named before
    return start > 0 and doc[start - 1].text in ('"', "“", "'", "‘", "«")


def quoted(doc, i: int) -> bool:
    """Token ``i`` stands inside a quotation of its paragraph (an odd number of quotation marks before it)."""
    n = 0
    for j in range(i - 1, -1, -1):
        t = doc[j].text
        if "\n" in t:
            break
        if t in ('"', "“", "”"):
            n += 1
    return n % 2 == 1


def paragraph_start(doc, sentence: int) -> int:
    """The first sentence of the paragraph (a line of the text) that sentence ``sentence`` is in."""
    sents = sentences_of(doc)
    k = sentence
    while k > 0 and "\n" not in doc[sents[k - 1].start:sents[k].start].text_with_ws:
        k -= 1
    return k


def resolve(st: State, occurrences: list[tuple[int, int, str, bool]], sent: list[int], formers: set[str],
            f: Facts, fit: Callable[[Actor], float | None],
            traits: Callable[[Actor], Traits] | None = None) -> tuple[Actor, float, bool] | None:
    """The antecedent of the description ``f`` (token offsets; rewritten to the original text's) among the
    persons ``occurrences`` (token, sentence, actor, subject) name in the window before it that ``fit``
    (the descriptor pass's compatibility: None = contradicted, 3 = a role the text gave, 2 = an office
    held) does not exclude, with its score and whether a fact the text stated decided it (then the only
    person it stated it of; no score needed); None when no candidate reaches the model's bars.
    ``traits``: a candidate's gender, sectors and birth-year fit (features only)."""
    doc = st.doc
    start, head = f.start, f.end - 1
    if quoted(doc, start):
        return None  # a speaker's words: their "the judge" is not the writer's reference
    if named_after(st, head) or predicate(doc, head):
        return None
    if any(doc[j].lower_ in _CONTRAST for j in range(start, head)):
        return None  # "the other candidate", "the next prime minister": someone else than the one named
    # "the <noun>", nothing that characterises the person (an "of"/"to" complement does: "the author of <book>")
    bare = head == start + 1 and not f.origin and not (
        head + 1 < len(doc) and doc[head + 1].lower_ in ("of", "to") and doc[head + 1].head.i == head)
    # "the suspended mayor", "the jailed governor": a participle that says what befell a known person
    befell = any(doc[j].tag_ == "VBN" and doc[j].dep_ == "amod" for j in range(start + 1, head))
    post = doc[head].lemma_.lower() in _POSTS and not (f.past or f.aged or befell)
    f.plain = bare or post
    if any(doc[j].ent_type_ == "ORDINAL" or (doc[j].like_num and not age_number(doc, j)) or
           doc[j].lower_.endswith(("-largest", "-biggest")) for j in range(start, head)):
        return None  # "the first runner", "the third-largest producer": picked out by rank, not named before
    si = f.sentence
    para = f.paragraph_start = paragraph_start(doc, si)
    cands: dict[str, Candidate] = {}
    sent_subject: dict[int, str] = {}
    paragraph: list[tuple[int, int, str]] = []
    before: dict[str, int] = {}
    for ti, s, aid, subj in occurrences:
        if ti >= start or aid not in st.out.actors:
            continue
        before[aid] = before.get(aid, 0) + 1  # times named anywhere before, not only in the window
        if s >= para:
            paragraph.append((ti, s, aid))
        if si - s > WINDOW:
            continue
        if subj and s not in sent_subject:
            sent_subject[s] = aid
        c = cands.get(aid)
        if c is None:
            cands[aid] = Candidate(aid, ti, s, subj, 1)
        else:
            c.token, c.sentence, c.subject = ti, s, subj
    for c in cands.values():
        c.count = before.get(c.actor, c.count)
    cands, joined = merge_people(st, cands)
    if joined:
        paragraph = [(ti, s, joined.get(aid, aid)) for ti, s, aid in paragraph]
        sent_subject = {s: joined.get(aid, aid) for s, aid in sent_subject.items()}
    order = list(cands.values())
    trait_of: dict[str, Traits] = {}

    def traits_of(a: Actor) -> Traits:
        if a.id not in trait_of:
            trait_of[a.id] = traits(a) if traits is not None else Traits()
        return trait_of[a.id]
    subj_tok = clause_subject(doc, head)
    bound = st.out.token_actor.get(subj_tok) if subj_tok is not None else None
    scored = []
    fits: list[float] = []
    for c in order:
        a = st.out.actors[c.actor]
        if a.code is None and len(a.name.split()) == 1:
            continue  # one unknown word the recogniser took for a person ("Africans"): no antecedent
        if a.id == bound:
            continue  # "X defeated the candidate": the object of X's own clause is not X
        fv = fit(a)
        if fv is None:
            continue  # the description contradicts the person
        if f.state and a.country != f.state and not (f.origin and a.country is None):
            continue  # "the Saudi ambassador": a person of that state, not one whose state is unknown
        if f.plain and fv < 2.0:
            continue  # "the judge", "the gunman", "the provincial governor": as often someone new; only a role
            # or post the text or the tables gave the person (a model trained with these descriptions as a
            # feature abstained more on the others: the build sets' descriptors fell 146 -> 130 of 222)
        former = (a.code or "").endswith("ELI") or a.id in formers
        scored.append((a, features(f, c, order, sent_subject, paragraph, fv, a.country, former, traits_of(a))))
        fits.append(fv)
    stated = [sc for sc, v in zip(scored, fits) if v >= 3.0]
    span = doc[start:head + 1]
    f.start, f.end, text = st.norm.original_span(span.start_char, span.end_char)
    if len(stated) == 1:
        # the text itself said this of one of them (a role in apposition or predicate, the age it gave): the
        # others, merely not contradicted, are no candidates ("the 69-year-old envoy" after "X, presidential
        # envoy since 2013" and a more recent Y); no salience needed
        return stated[0][0], 1.0, True
    got = choose(f, stated or scored, text)
    return (got[0], got[1], False) if got is not None else None
