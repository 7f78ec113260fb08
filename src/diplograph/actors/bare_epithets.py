"""A nickname the text uses without introducing it (``mention.epithet_unintroduced``, issue 15).

A recurring epithet — ``the`` and capitalised words (``the Accountant``) or a capitalised quotation
(``'Uncle Bulldozer'``) that the document uses at least twice — with no clause that says whose it is,
is the person it stands beside, as an appositive, the first time (``P, the Accountant,`` / ``the
Accountant, P,``); later uses count only with their article or quotes. Never an institution or a place:
not words the knowledge base or an earlier rule gave an actor, nor words the recogniser reads as an
organisation, a place, a law, a product, an event or a date in most uses, nor a title (``the
President``) or an organisation's head word. (A first version that also took the person an epithet's
first use points back to bound dozens of product and organisation names on the project's examples.)
"""
from __future__ import annotations

from ..lexicon import word_class
from ..nlp import tokens_of
from ..records import Actor
from ..text.normalize import PLACEHOLDER
from .decide import mention_rule, switched_on
from .epithet_words import CLOSE, OPEN, articles, quoted
from .epithet_uses import bind_epithet
from .name_forms import is_person, weak_actor
from .state import CAPITALISED, State, positions

UNINTRODUCED = mention_rule("mention.epithet_unintroduced", 0.5,
                            "a recurring capitalised or quoted epithet no clause introduces: the person it stands "
                            "beside as an appositive", ("parse", "actors"))

_STARTS = frozenset(OPEN) | {"the"}  # a candidate opens with a quotation mark or ``the``
_PUNCT = (",", "(", ")", "--", "—", "–", ".", ";")
_NOT_PEOPLE = ("ORG", "GPE", "LOC", "FAC", "LAW", "PRODUCT", "EVENT", "DATE", "TIME", "MONEY", "CARDINAL",
               "ORDINAL", "PERCENT", "QUANTITY", "LANGUAGE")


def _candidates(st: State) -> list[tuple[int, int]]:
    """``the`` + one to three capitalised words, or a quotation of one to four words starting capitalised."""
    doc = st.doc
    toks = tokens_of(doc)
    out: list[tuple[int, int]] = []
    i = 0  # the first token not yet inside a candidate
    for i0 in positions(st, _STARTS):
        if i0 < i:
            continue
        i = i0
        tok = toks[i]
        span = None
        if tok.text in OPEN:
            q = quoted(doc, i)
            if q is not None and q[1] - q[0] <= 4 and CAPITALISED.match(doc[q[0]].text):
                span = q
        else:  # "the"
            j = i + 1
            while j < min(len(doc), i + 4) and CAPITALISED.match(doc[j].text) and doc[j].is_alpha \
                    and doc[j].text != PLACEHOLDER and not doc[j].is_sent_start:
                j += 1
            if j > i + 1 and not (j < len(doc) and CAPITALISED.match(doc[j].text) and doc[j].is_alpha):
                span = (i, j)
        if span is not None:
            out.append(span)
            i = span[1]  # past the candidate (both kinds end after ``i``)
        else:
            i += 1
    return out


def _words(doc, span: tuple[int, int]) -> range:
    s, e = span
    while s < e and (doc[s].lower_ in articles() or doc[s].text in OPEN + CLOSE):
        s += 1
    return range(s, e)


def _key(doc, span: tuple[int, int]) -> tuple[str, ...]:
    return tuple(doc[t].lower_ for t in _words(doc, span))


def _beside(st: State, span: tuple[int, int]) -> Actor | None:
    """The person written right before (``P, the X``) or right after (``the X, P``) the epithet."""
    doc = st.doc
    s, e = span
    s = s - 1 if s > 0 and doc[s - 1].text in OPEN else s
    q = e + 1 if e < len(doc) and doc[e].text in CLOSE else e
    closed = q >= len(doc) or doc[q].text in _PUNCT  # a whole noun phrase, not a modifier ("the X candidate")
    if closed and s >= 2 and doc[s - 1].text in _PUNCT and is_person(st.out.actor_at(s - 2)):
        return st.out.actor_at(s - 2)
    opened = s == 0 or doc[s - 1].text in _PUNCT or doc[s].is_sent_start
    if opened and q + 1 < len(doc) and doc[q].text in (",", "(", "--", "—", "–") and is_person(
            st.out.actor_at(q + 1)):
        return st.out.actor_at(q + 1)
    return None


def _plausible(st: State, span: tuple[int, int]) -> bool:
    doc = st.doc
    words = _words(doc, span)
    if not words:
        return False
    titles = (word_class("office_words") - {"the", "of", "and"}) | word_class("leader_nouns")
    for t in words:
        if doc[t].lower_ in titles or doc[t].lower_ in word_class("organisation_name_heads"):
            return False
        aid = st.out.token_actor.get(t)
        if aid is not None and (not weak_actor(st, aid) or is_person(st.out.actors.get(aid))
                                and st.out.actors[aid].code is not None):
            return False
    return True


def _named_by_a_clause(st: State, span: tuple[int, int]) -> bool:
    """A naming word right before the epithet (``called``, ``known as``, ``the nickname``, ``as``)."""
    doc = st.doc
    cues = word_class("nickname_verbs") | word_class("nickname_nouns") | word_class("nickname_alias_words")
    for t in range(span[0] - 1, max(doc[span[0]].sent.start, span[0] - 4) - 1, -1):
        if doc[t].lemma_.lower() in cues or doc[t].lower_ in cues or doc[t].lower_ == "as":
            return True
    return False


def bind_bare_epithets(st: State) -> None:
    if not switched_on(UNINTRODUCED):
        return
    doc = st.doc
    spans = _candidates(st)
    seen: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for sp in spans:
        seen.setdefault(_key(doc, sp), []).append(sp)
    for key, uses in seen.items():
        if len(uses) < 2 or not key:
            continue
        first = uses[0]
        if any(is_person(st.out.actor_at(t)) and not weak_actor(st, st.out.token_actor[t])
               for sp in uses for t in _words(doc, sp)):
            continue  # already a known person's (an introduction bound it)
        if not all(_plausible(st, sp) for sp in uses):
            continue
        if 2 * sum(any(doc[t].ent_type_ in _NOT_PEOPLE for t in _words(doc, sp)) for sp in uses) > len(uses):
            continue  # most uses read as an organisation, a place, a law … (one stray reading is noise)
        if _named_by_a_clause(st, first):
            continue  # a naming clause gave it to someone or something: epithets.py decided
        person = _beside(st, first)
        if person is not None and person.type == "person":
            bind_epithet(st, first, person, UNINTRODUCED, strict=True)
