"""Events → location: where the act happened, from the text, with a precision and its evidence.

Rules, in falling confidence (each a registered rule of stage ``places``; the best live proposal wins):

- ``place.clause_locative``: a locative phrase of the event's own clause (``in/at/near/outside X``,
  ``the X district of Y``, ``N km from Z``), on the trigger, its clause's verb or a noun it heads;
- ``place.sentence``: else a place of its sentence that does not stand for a government;
- ``place.dateline``: else the dateline's place (``KABUL, May 3 (Reuters) -``);
- ``place.document``: else the document's dominant place (most named, most specific on a tie).

Precision (ACLED's geo_precision, in words): ``exact`` a town named as where it happened, ``near``
near/outside/around it or N km from it, ``region`` an admin area (or a town whose place is the
area around it), ``country`` only the state.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from ..lexicon import word_class
from ..nlp import sent_of, text_of, tokens_of
from ..rules import REGISTRY, Proposal

from .gazetteer import Gazetteer, Place, name_key
from .toponyms import Toponym, unseen_of

CLAUSE = REGISTRY.declare(
    "place.clause_locative", stage="places", kind="place", reads=("parse", "places"), confidence=0.9,
    description="a locative phrase (in/at/near/outside X, N km from X) of the event's own clause")
SENTENCE = REGISTRY.declare(
    "place.sentence", stage="places", kind="place", reads=("parse", "places"), confidence=0.6,
    description="a place of the event's sentence that does not stand for a government")
DATELINE = REGISTRY.declare(
    "place.dateline", stage="places", kind="place", reads=("text", "places"), confidence=0.5,
    description="the place of the document's dateline (KABUL, May 3 (Reuters) -)")
ACTOR_STATE = REGISTRY.declare(
    "place.actor_state", stage="places", kind="place", reads=("actors", "gazetteer"), confidence=0.2,
    description="no place named: the state most of the document's actors belong to, at country precision")
NAME_SPELLING = REGISTRY.declare(
    "place.name_spelling", stage="places", kind="place", reads=("parse", "actors", "gazetteer"), confidence=0.3,
    description="no known place named: the state the unknown place names are spelled like (a model of the "
                "gazetteer's names), weighed with the states of the document's actors; country precision")
DOCUMENT = REGISTRY.declare(
    "place.document", stage="places", kind="place", reads=("places",), confidence=0.4,
    description="the document's dominant place: the most named, the most specific on a tie")

# Prepositions of place for an event (not "to"/"from" of motion, not "of" of possession).
EVENT_LOCATIVE = word_class("event_place_prepositions")
NEAR_WORDS = word_class("near_words")
_DISTANCE = re.compile(r"(?i)\b\d+(?:[.,]\d+)?\s*(?:km|kms|kilometers|kilometres|miles|mi)\b")


@dataclass
class Located:
    """A place proposal for an event: the toponym, the precision and the rule."""

    toponym: Toponym
    precision: str
    rule: str
    phrase: tuple[int, int] | None = None  # the locative phrase's tokens [start, end), for a clause's place


def precision_of(place: Place, near: bool) -> str:
    if place.level == 0:
        return "country"
    if place.level in (1, 2):
        return "region"
    return "near" if near else "exact"


@dataclass
class DocumentPlaces:
    """The places of one document and the fallbacks every event may take."""

    sdoc: Doc
    toponyms: list[Toponym]
    dateline: Toponym | None
    dominant: Toponym | None
    actor_state: Toponym | None = None  # a pseudo-toponym: the actors' state (no span of its own)
    name_state: Toponym | None = None  # the state the unknown place names are spelled like (span: the first)

    def locate(self, trigger: Token) -> Located | None:
        proposals: list[Proposal[Located]] = []
        clause = clause_place(trigger, self.toponyms)
        if clause is not None:
            proposals.append(Proposal("place", clause, REGISTRY[CLAUSE].confidence, CLAUSE, clause.toponym))
        sent = sent_of(trigger)
        in_sentence = [t for t in self.toponyms if sent.start <= t.start < sent.end and t.place is not None
                       and not t.stands_for_actor]
        if in_sentence:
            t = _most_specific(in_sentence)
            proposals.append(Proposal("place", Located(t, precision_of(t.place, _is_near(self.sdoc, t)), SENTENCE),
                                      REGISTRY[SENTENCE].confidence, SENTENCE, t))
        if self.dateline is not None and self.dateline.place is not None:
            t = self.dateline
            proposals.append(Proposal("place", Located(t, precision_of(t.place, False), DATELINE),
                                      REGISTRY[DATELINE].confidence, DATELINE, t))
        if self.dominant is not None and self.dominant.place is not None:
            t = self.dominant
            proposals.append(Proposal("place", Located(t, precision_of(t.place, False), DOCUMENT),
                                      REGISTRY[DOCUMENT].confidence, DOCUMENT, t))
        if self.name_state is not None:
            t = self.name_state
            proposals.append(Proposal("place", Located(t, "country", NAME_SPELLING),
                                      REGISTRY[NAME_SPELLING].confidence, NAME_SPELLING, t))
        if self.actor_state is not None:
            t = self.actor_state
            proposals.append(Proposal("place", Located(t, "country", ACTOR_STATE),
                                      REGISTRY[ACTOR_STATE].confidence, ACTOR_STATE, t))
        best = REGISTRY.best(proposals)
        return None if best is None else best.value


def document_places(sdoc: Doc, toponyms: list[Toponym], gaz: Gazetteer | None = None,
                    actors: Any = None) -> DocumentPlaces:
    counts, first = _actor_states(actors)
    dominant = _dominant(toponyms)
    return DocumentPlaces(sdoc, toponyms, _dateline(sdoc, toponyms), dominant,
                          _actor_state(gaz, counts, first),
                          _name_state(sdoc, toponyms, gaz, actors, counts) if dominant is None else None)


def _actor_states(actors: Any) -> tuple[Counter[str], dict[str, Any]]:
    """The states of the document's actor mentions (mentions per state) and each state's first mention."""
    counts: Counter[str] = Counter()
    first: dict[str, Any] = {}
    for a in getattr(actors, "actors", {}).values() if actors is not None else ():
        c = getattr(a, "country", None)
        if not c or not a.mentions:
            continue
        counts[c] += len(a.mentions)
        m = min(a.mentions, key=lambda m: m.start)
        if c not in first or m.start < first[c].start:
            first[c] = m
    return counts, first


# How far the spelling of unknown names counts against the actors' states (a temperature on the mean
# gram log-likelihood), the weight of a state no actor belongs to, and the posterior a guess needs.
# Chosen on the build half of ACLED's notes (97 notes with no known place; the actors' state alone
# places 16 in the right state). Temperature 6, no threshold: 45 guesses right, 32 wrong; a posterior of
# 0.5 asked: 40 right, 19 wrong (0.7: 31 right, 9 wrong) — precision counts as much as recall.
SPELLING_TEMPERATURE = 6.0
UNNAMED_STATE_WEIGHT = 0.02
SPELLING_MIN_POSTERIOR = 0.5
_DIGITS = re.compile(r"\s*\d+\s*")


def _name_state(sdoc: Doc, toponyms: list[Toponym], gaz: Gazetteer | None, actors: Any,
                counts: Counter[str]) -> Toponym | None:
    """The state the document's unknown place names (``near Kominternove``, ``Kerawa village``) are
    spelled like, the actors' states as the prior: a place of country precision whose evidence is the
    first such name."""
    if gaz is None or gaz.spelling is None:
        return None
    # the unseen names, and the names the gazetteer knows of no place here (a guessed spelling the
    # document does not confirm, a namesake abroad dropped)
    # (an unseen name the actor stage took for an organisation is still written where a place is)
    names = [*unseen_of(sdoc), *(t for t in toponyms if t.place is None and t.start >= 0)]
    if not names:
        return None
    total: dict[str, float] = {}
    seen: set[str] = set()
    for t in names:
        key = _DIGITS.sub(" ", name_key(t.text)).strip()  # "Zolote-5": the number is no spelling
        if len(key) >= 4 and key not in seen:
            seen.add(key)
    for key in seen:  # the mean over the names: ten names are no surer of their state than one
        for c, ll in gaz.spelling.log_likelihoods(key).items():
            total[c] = total.get(c, 0.0) + ll / len(seen)
    if not total:
        return None
    named: Counter[str] = Counter()
    for code, n in counts.items():
        state = gaz.country(code)
        if state is not None:
            named[state.iso3] += n
    scores = {c: SPELLING_TEMPERATURE * ll + math.log(named.get(c, 0) + UNNAMED_STATE_WEIGHT)
              for c, ll in total.items()}
    top = max(scores.values())
    norm = sum(math.exp(v - top) for v in scores.values())
    best = max(scores, key=scores.get)
    if 1.0 / norm < SPELLING_MIN_POSTERIOR:
        return None
    country = gaz.country(best)
    if country is None:
        return None
    first = min(names, key=lambda t: t.start_char)
    return Toponym(first.start, first.end, first.text, first.start_char, first.end_char, [(country, True)],
                   NAME_SPELLING, place=country)


def _actor_state(gaz: Gazetteer | None, counts: Counter[str], first: dict[str, Any]) -> Toponym | None:
    """The state of most of the document's actor mentions, as a place of country precision; its
    evidence is the first mention of an actor of that state."""
    if gaz is None or not counts:
        return None
    (code, n), *rest = counts.most_common(2) + [("", 0)]
    if rest and rest[0][1] == n:
        return None  # two states alike: no guess
    country = gaz.country(code)
    if country is None:
        return None
    m = first[code]
    return Toponym(-1, -1, m.text, -1, -1, [(country, True)], ACTOR_STATE, place=country, original=(m.start, m.end))


def where_state(token: Token, toponyms: list[Toponym], named: set[str] | None = None,
                clause_only: bool = False,
                document: Callable[[], str | None] | None = None) -> tuple[str, str] | None:
    """(state code, how) of the place where the clause of ``token`` happens, for the actor stage: the
    locative phrase of its clause (``clause``; none when the phrase also names a proper noun that is
    no known place: ``in Ruritania and Ghana``), else the one state of its sentence's places
    (``sentence``), else the dateline's or the one state of the document's places (``document``).
    The last two only when ``named`` (the states the sentence names otherwise) holds no other state.
    A name that stands for a government is no place here. ``document``: ``document_state(token.doc, toponyms)``,
    when the caller keeps it (it is the same for every token of the document)."""
    found = clause_place(token, toponyms)
    if found is not None and found.toponym.place is not None:
        if found.phrase is not None and not _all_placed(token.doc, found.phrase, toponyms):
            return None
        return found.toponym.place.code, "clause"
    if clause_only:
        return None
    sent = sent_of(token)
    codes = {t.place.code for t in toponyms if t.place is not None and not t.stands_for_actor
             and sent.start <= t.start < sent.end and not _in_a_longer_name(token.doc, t)}
    if len(codes) > 1:
        return None  # the sentence names places of several states: no guess
    how = "sentence" if codes else "document"
    code = codes.pop() if codes else document() if document is not None else document_state(token.doc, toponyms)
    if code is None or (named and named != {code}):
        return None
    return code, how


def _in_a_longer_name(doc: Doc, t: Toponym) -> bool:
    """``the Montenegro Municipality Association``: the place names an organisation, not where it is."""
    e = t.end + (1 if t.level_wanted is not None else 0)
    return e < len(doc) and doc[e].pos_ == "PROPN" and doc[e].text[:1].isupper()


def _all_placed(doc: Doc, phrase: tuple[int, int], toponyms: list[Toponym]) -> bool:
    """Every proper noun the locative phrase puts as a place (its object and the objects coordinated
    with it: ``in Ruritania and Ghana``) is inside a toponym the places stage read."""
    inside = {i for t in toponyms if t.place is not None or not t.candidates for i in range(t.start, t.end)}
    prep = doc[phrase[0]]
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    objects += [c for o in objects for c in o.conjuncts]
    return all(o.i in inside for o in objects if o.pos_ == "PROPN")


def document_state(sdoc: Doc, toponyms: list[Toponym]) -> str | None:
    """The state the document's places lie in: the dateline's, else the state of most of its places
    (not those standing for a government) when it clearly leads."""
    dateline = _dateline(sdoc, toponyms)
    if dateline is not None and dateline.place is not None:
        return dateline.place.code
    counts: Counter[str] = Counter(t.place.code for t in toponyms if t.place is not None and not t.stands_for_actor
                                   and not _in_a_longer_name(sdoc, t))
    if not counts:
        return None
    (code, n), *rest = counts.most_common(2)
    return code if not rest or n >= 2 * rest[0][1] else None


def _most_specific(ts: list[Toponym]) -> Toponym:
    """The most specific place of a phrase (``Al Madid area of Nihm district, Sanaa`` → Nihm),
    the first on a tie."""
    return max(ts, key=lambda t: (t.place.level if t.place else -1, -t.start))


def _is_near(sdoc: Doc, t: Toponym) -> bool:
    """``near X``, ``outside X``, ``5 km from X``: the words just before the name."""
    toks = tokens_of(sdoc)
    before = toks[max(0, t.start - 5):t.start]
    if any(w.lower_ in NEAR_WORDS for w in before[-3:]):
        return True
    return bool(before) and before[-1].lower_ in ("from", "of") and bool(
        _DISTANCE.search(text_of(sdoc)[before[0].idx:t.start_char]))


def clause_place(trigger: Token, toponyms: list[Toponym]) -> Located | None:
    """The locative phrase of the trigger's clause: prepositions on the trigger, on the verb of its
    clause and on a noun the trigger heads or is governed by, nearest first."""
    heads = [trigger]
    h = trigger
    for _ in range(3):  # up to the clause's verb ("clashes erupted in X": trigger "clashes" → "erupted")
        if h.head.i == h.i or h.dep_ in ("ccomp", "advcl", "relcl", "parataxis"):
            break
        h = h.head
        heads.append(h)
        if h.pos_ in ("VERB", "AUX"):
            break
    if trigger.dep_ == "conj" and trigger.head.pos_ == "VERB":
        heads.append(trigger.head)  # "attacked and looted the village in X": the shared phrase
    by_token = {}
    for t in toponyms:
        for i in range(t.start, t.end):
            by_token[i] = t
    for head in heads:
        for prep in head.children:
            if prep.dep_ not in ("prep", "advmod", "npadvmod", "advcl") and prep.pos_ != "ADP":
                continue
            word = prep.lower_
            distance = False
            if prep.dep_ in ("npadvmod", "advmod") and word not in EVENT_LOCATIVE:
                # "20 km north of X", "some 5 kilometres from X"
                text = prep.doc[prep.left_edge.i:prep.right_edge.i + 1].text
                if not _DISTANCE.search(text):
                    continue
                distance = True
            elif word not in EVENT_LOCATIVE and word not in ("from", "of") :
                continue
            elif word in ("from", "of") and not _DISTANCE.search(
                    prep.doc[max(head.i, prep.i - 6):prep.i].text):
                continue  # "from" and "of" place only after a distance ("5 km from X")
            else:
                distance = word in ("from", "of")
            inside = [by_token[i] for i in range(prep.left_edge.i, prep.right_edge.i + 1)
                      if i in by_token and by_token[i].place is not None]
            inside = list(dict.fromkeys(inside))
            if not inside:
                continue
            t = _most_specific(inside)
            near = distance or word in NEAR_WORDS
            return Located(t, precision_of(t.place, near), CLAUSE, (prep.left_edge.i, prep.right_edge.i + 1))
    return None


_DATELINE_END = re.compile(r"^\s*[,(—–-]")


def _dateline(sdoc: Doc, toponyms: list[Toponym]) -> Toponym | None:
    """``KABUL, May 3 (Reuters) -`` / ``NAIROBI —``: a place that opens the text, in capitals or
    followed by a comma, dash or bracket, within the first line."""
    if not toponyms:
        return None
    t = toponyms[0]
    text = text_of(sdoc)
    if t.start_char > 3 or t.place is None:
        return None
    line_end = text.find("\n")
    if line_end != -1 and t.end_char > line_end:
        return None
    if t.text.isupper() or _DATELINE_END.match(text[t.end_char:t.end_char + 3]):
        return t
    return None


def _dominant(toponyms: list[Toponym]) -> Toponym | None:
    """The most named place of the document; on a tie the most specific, then the first.
    A place that only stands for a government counts less."""
    placed = [t for t in toponyms if t.place is not None]
    if not placed:
        return None
    counts: Counter[int] = Counter()
    containers = {id(t.container) for t in placed if t.container is not None}
    for t in placed:
        # a name that only says where another is (``Kragujevac, Serbia``) and one that stands for a
        # government count less than a place named for itself
        counts[t.place.index] += 0.5 if t.stands_for_actor or id(t) in containers else 1.0
    first: dict[int, Toponym] = {}
    for t in placed:
        first.setdefault(t.place.index, t)
    best = max(first.values(), key=lambda t: (counts[t.place.index], t.place.level, -t.start))
    return best
