"""Reading a nickname's words and its bearer (shared by ``epithets.py``): the epithet written at or before a
token (a quotation, or capitalised words with their article and linking words), and the person a token,
a pronoun or a relative clause stands for. An unknown two- or three-word name the recogniser took for an
organisation becomes a person when a clause gives it a nickname.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import word_class
from ..nlp import sentence_of
from ..records import Actor
from ..text.normalize import PLACEHOLDER
from .pronoun_people import PRONOUNS, SUBJECTS, antecedent, name_like, personal, pronoun_gender, text_gender
from .state import CAPITALISED, State

__all__ = ["PRONOUNS", "SUBJECTS", "antecedent", "name_like", "personal", "pronoun_gender", "text_gender"]

OPEN = ('"', "“", "'", "‘", "«")
CLOSE = ('"', "”", "'", "’", "»")
_MAX_WORDS = 6
_PAIRS = {'"': ('"', "”"), "“": ("”", '"'), "'": ("'", "’"), "‘": ("’", "'"), "«": ("»",)}
NOT_NAMES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY")


def links() -> frozenset[str]:
    return word_class("nickname_span_links")


def articles() -> frozenset[str]:
    return word_class("epithet_articles")


def _is_finite_verb(t: Token) -> bool:
    return t.tag_ in ("VBD", "VBZ", "VBP", "MD")


def quoted(doc, i: int) -> tuple[int, int] | None:
    """The words between the quotation mark at ``i`` and its closing mark, when they can be a name."""
    if doc[i].text not in OPEN:
        return None
    end = min(sentence_of(doc, i).end, i + _MAX_WORDS + 3)
    closing = _PAIRS.get(doc[i].text, CLOSE)
    j = i + 1
    while j < end and doc[j].text not in closing:  # a double quotation ends at a double mark: "Brussels' man"
        j += 1
    if j >= end or j == i + 1:
        return None
    words = doc[i + 1:j]
    if any(_is_finite_verb(t) or t.lower_ in ("i", "we", "you") or t.text == PLACEHOLDER for t in words):
        return None  # a quoted saying, not a name
    if words[0].lower_ in ("a", "an") or not any(t.is_alpha for t in words):
        return None
    return i + 1, j


def _capitalised(doc, i: int, loose: bool) -> tuple[int, int] | None:
    """Capitalised words from ``i`` (an article and linking words allowed inside); with ``loose`` also a
    lower-case definite noun phrase (``the old fox``) ending in a noun."""
    sent_end = sentence_of(doc, i).end
    j = i
    if j < sent_end and doc[j].lower_ in articles() and j + 1 < sent_end:
        j += 1
    k = j
    while k < sent_end and k - j < _MAX_WORDS and doc[k].text != PLACEHOLDER:
        t = doc[k]
        if CAPITALISED.match(t.text) and t.is_alpha:
            k += 1
        elif t.lower_ in links() and k > j and k + 1 < sent_end and (
                CAPITALISED.match(doc[k + 1].text) or doc[k + 1].lower_ in articles()):
            k += 1
        else:
            break
    while k > j and doc[k - 1].lower_ in links():
        k -= 1
    if k > j:
        return i, k
    if loose and doc[i].lower_ == "the":
        k = j
        while k < sent_end and k - j < 3 and doc[k].pos_ in ("ADJ", "NOUN") and doc[k].text.islower():
            k += 1
        if k > j and doc[k - 1].pos_ == "NOUN":
            return i, k
    return None


def epithet_at(doc, i: int, loose: bool = False) -> tuple[int, int] | None:
    """A nickname written from token ``i``: a quotation or capitalised words (see the module doc)."""
    if i >= len(doc) or i < 0:
        return None
    if doc[i].lower_ in articles() and i + 1 < len(doc) and doc[i + 1].text in OPEN:
        return quoted(doc, i + 1)  # the "Iron Chancellor": the article outside the quotation
    return quoted(doc, i) or _capitalised(doc, i, loose)


def epithet_before(doc, end: int) -> tuple[int, int] | None:
    """A nickname written just before token ``end`` (exclusive): a quotation, or capitalised words and
    their article."""
    if end <= 0:
        return None
    if doc[end - 1].text in CLOSE:
        s = end - 2
        opening = tuple(o for o, closes in _PAIRS.items() if doc[end - 1].text in closes)
        while s >= max(0, end - _MAX_WORDS - 3) and doc[s].text not in opening:
            s -= 1
        return quoted(doc, s) if s >= 0 and doc[s].text in OPEN else None
    s = end
    start = sentence_of(doc, end - 1).start
    while s - 1 >= start and end - s < _MAX_WORDS and doc[s - 1].text != PLACEHOLDER and (
            (CAPITALISED.match(doc[s - 1].text) and doc[s - 1].is_alpha) or
            (doc[s - 1].lower_ in links() and s - 2 >= start and CAPITALISED.match(doc[s - 2].text))):
        s -= 1
    if s == end:
        return None
    if s - 1 >= start and doc[s - 1].lower_ in articles():
        s -= 1
    return s, end


def person_of(st: State, tok: Token, epithet: tuple[int, int]) -> Actor | None:
    """The person a token of the clause stands for: a name, a pronoun's antecedent, a relative pronoun's
    antecedent, an office or description the nickname rules know."""
    a = personal(st, st.out.actor_at(tok.i))
    if a is not None:
        return a
    if tok.lower_ in PRONOUNS:
        return antecedent(st, tok.i, pronoun_gender(tok), skip=epithet)
    if not (epithet[0] <= tok.i < epithet[1]):
        a = name_word_person(st, tok.i)
        if a is not None:
            return a
    if tok.lower_ in ("whom", "who", "whose"):
        return left_person(st, tok.i, epithet)
    if tok.pos_ == "NOUN":
        from .nicknames import person_at

        return person_at(st, tok, epithet)
    return None


def name_word_person(st: State, i: int) -> Actor | None:
    """A capitalised word no actor holds yet that is a name word of exactly one person named in full in the
    document (``Saqqa, whom his members call E`` before the later pass links the lone surname): that person, the
    word now theirs (``mention.partial_name``)."""
    from .identity import PARTIAL_NAME
    from .name_forms import claim
    from .spelling import units

    doc = st.doc
    tok = doc[i]
    if st.out.actor_at(i) is not None or tok.pos_ not in ("PROPN", "NOUN") or not CAPITALISED.match(tok.text) or \
            tok.is_stop or tok.text == PLACEHOLDER or i in st.reserved or i in st.hits or not tok.is_alpha:
        return None
    us = units(tok.text)
    if not us:
        return None
    key = us[0][0]
    fits = [p for p in st.out.actors.values() if p.type == "person" and p.name.lower() != tok.lower_
            and any(u[0] == key for u in units(p.name))]
    if len(fits) != 1:
        return None
    from ..rules import REGISTRY

    claim(st, i, i + 1, fits[0], PARTIAL_NAME, REGISTRY[PARTIAL_NAME].confidence)
    return fits[0]


def left_person(st: State, i: int, epithet: tuple[int, int], callers: set[int] = frozenset()) -> Actor | None:
    """The nearest person named before token ``i`` in its sentence, outside the epithet and the callers."""
    doc = st.doc
    for t in range(i - 1, sentence_of(doc, i).start - 1, -1):
        if epithet[0] <= t < epithet[1] or t in callers:
            continue
        a = personal(st, st.out.actor_at(t))
        if a is not None:
            return a
    return None
