"""Binding an epithet to its person, with every other use of it in the document (``mention.epithet_repeated``;
shared by ``epithets.py`` and ``bare_epithets.py``): the same words in any case, with or without the article, in
quotes or not; a lower-case use only after ``the`` and never after ``a``; never inside another person's longer
name; an actor the recogniser made of the epithet itself is merged into the person.
"""
from __future__ import annotations

from ..lexicon import word_class
from ..nlp import tokens_of
from ..records import Actor
from ..rules import REGISTRY
from ..text.normalize import PLACEHOLDER
from .decide import mention_rule
from .epithet_words import CLOSE, NOT_NAMES, OPEN, articles
from .name_forms import claim, is_person, weak_actor
from .state import CAPITALISED, State

REPEATED = mention_rule("mention.epithet_repeated", 0.65,
                        "a later (or earlier) use of a nickname the document introduced for a person",
                        ("actors", "lexicon:epithet_articles"))


def usable(st: State, ep: tuple[int, int], person: Actor) -> bool:
    """An epithet that is not already another known actor's name, nor a placeholder."""
    s, e = ep
    if any(st.doc[t].text == PLACEHOLDER or st.doc[t].ent_type_ in NOT_NAMES for t in range(s, e)):
        return False
    if any(st.doc[t].lower_ in word_class("organisation_name_heads") for t in range(s, e)):
        return False  # "the Democratic Party": an organisation's name
    words = [t for t in st.doc[s:e] if t.lower_ not in articles() and t.is_alpha]
    if not words or not (all(CAPITALISED.match(t.text) for t in words) or words[-1].pos_ in ("NOUN", "PROPN")):
        return False  # "humble and soft-spoken", "knife-obsessed": a description, not a name
    owners = {st.out.token_actor.get(t) for t in range(s, e)} - {None, person.id}
    key = _key(st.doc, ep)
    # an actor the document names only by these words (a namesake of the tables matched on them: "Baba" for
    # some James Baba) is the nickname's, whatever its own name
    strong = [o for o in owners if not weak_actor(st, o) and not from_table(st, st.out.actors[o], s) and not
              _only_these_words(st.out.actors[o], key)]
    core = [t for t in range(s, e) if st.doc[t].lower_ not in articles()]
    return not (strong and all(st.out.token_actor.get(t) in strong for t in core))


def _key(doc, ep: tuple[int, int]) -> tuple[str, ...]:
    words = [t.lower_ for t in doc[ep[0]:ep[1]]]
    while words and words[0] in OPEN + CLOSE:  # the quotation marks around it, not a possessive inside
        words = words[1:]
    while words and words[-1] in OPEN + CLOSE:
        words = words[:-1]
    while words and words[0] in articles():
        words = words[1:]
    return tuple(words)


def _repeats(st: State, key: tuple[str, ...], capital: bool) -> list[tuple[int, int]]:
    """Every other use of the epithet: the same words (any case, article or not). A lower-case use of a
    lower-case or one-word epithet counts only after ``the`` (``the chemist``), never after ``a``."""
    doc = st.doc
    n = len(key)
    out = []
    toks = tokens_of(doc)
    for i in range(len(toks) - n + 1):
        if toks[i].lower_ != key[0] or tuple(t.lower_ for t in toks[i:i + n]) != key:
            continue
        if i + n < len(doc) and doc[i + n].pos_ in ("PROPN",) and CAPITALISED.match(doc[i + n].text):
            continue  # part of a longer name
        prev = doc[i - 1] if i > 0 else None
        definite = prev is not None and prev.lower_ in articles()
        if prev is not None and prev.lower_ in ("a", "an", "another", "every", "any", "each", "no"):
            continue
        written_big = CAPITALISED.match(doc[i].text) is not None and not doc[i].is_sent_start
        # a capitalised nickname of two words or more is distinctive enough in lower case too ("bhaiyya ji")
        several = capital and n >= 2 and sum(t.is_alpha for t in toks[i:i + n]) >= 2
        if not (written_big or definite or several or (capital and CAPITALISED.match(doc[i].text))):
            continue
        out.append((i - 1 if definite else i, i + n))
    return out


def bind_epithet(st: State, ep: tuple[int, int], person: Actor, first: str, strict: bool = False) -> None:
    """The epithet at ``ep`` (made by rule ``first``) and every other use of it in the document are ``person``
    (with ``strict``, only uses with the article or in quotes)."""
    from .identity import move_mentions

    doc = st.doc
    key = _key(doc, ep)
    if not key:
        return
    capital = any(CAPITALISED.match(t.text) for t in doc[ep[0]:ep[1]] if t.lower_ not in articles())
    s, e = ep
    if s > 0 and doc[s - 1].lower_ in articles() and doc[s - 1].text != PLACEHOLDER and doc[s].text not in OPEN:
        s -= 1
    spans = [(s, e)] + [sp for sp in _repeats(st, key, capital) if (sp[1] <= s or sp[0] >= e) and not (
        strict and doc[sp[0]].lower_ not in articles() and (sp[0] == 0 or doc[sp[0] - 1].text not in OPEN))]
    for k, (a, b) in enumerate(spans):
        if k and _inside_name(st, a, b, person):
            continue
        for o in {st.out.token_actor.get(t) for t in range(a, b)} - {None, person.id}:
            other = st.out.actors.get(o)
            if other is not None and ((weak_actor(st, o) and _key_of_name(other.name) == key) or (
                    _only_these_words(other, key) and other.type == "person")):
                move_mentions(st, other, person, REPEATED, method="alias")  # a name of its own: the same person
            elif other is not None and from_table(st, other, a):  # the table's bearer, where the text names another
                move_mentions(st, other, person, REPEATED, method="alias",
                              only=[m for m in other.mentions if m.rule == "mention.known_sobriquet" and
                                    _key_of_name(m.text) == key])
        rule = first if k == 0 else REPEATED
        if usable(st, (a, b), person) and not claim(st, a, b, person, rule, REGISTRY[rule].confidence) and k == 0:
            _relabel(st, (a, b), person, rule)


def _relabel(st: State, span: tuple[int, int], person: Actor, rule: str) -> None:
    """The introduction's own mention, moved over with the rest of a name of its own, says the rule that found it."""
    s0, e0 = st.norm.to_original(st.doc[span[0]].idx, st.doc[span[1] - 1].idx + len(st.doc[span[1] - 1]))
    for m in person.mentions:
        if m.start < e0 and s0 < m.end and m.rule == REPEATED:
            m.rule = rule
            m.confidence = REGISTRY[rule].confidence


def from_table(st: State, a: Actor, t: int) -> bool:
    """Token ``t`` is ``a``'s through the shipped sobriquet table alone, and the document names ``a`` nowhere
    else: an introduction in the text that gives the words to someone else says more than the table (where the
    text names the table's bearer too, the table's reading stands)."""
    tok = st.doc[t]
    s0, e0 = st.norm.to_original(tok.idx, tok.idx + len(tok))
    return bool(a.mentions) and all(m.rule == "mention.known_sobriquet" for m in a.mentions) and any(
        m.start <= s0 and e0 <= m.end for m in a.mentions)


def only_these_words(other: Actor, key: tuple[str, ...]) -> bool:
    return _only_these_words(other, key)


def _only_these_words(other: Actor, key: tuple[str, ...]) -> bool:
    """An actor that exists only through the nickname's own words (a namesake in the tables matched on
    ``Hammer``): the document never names it otherwise, so those words are the nickname."""
    return bool(other.mentions) and all(_key_of_name(m.text) == key for m in other.mentions)


def _key_of_name(name: str) -> tuple[str, ...]:
    words = [w.lower().strip("'\"“”‘’") for w in name.split()]
    while words and words[0] in articles():
        words = words[1:]
    return tuple(w for w in words if w)


def _inside_name(st: State, a: int, b: int, person: Actor) -> bool:
    """A use of the epithet inside another person's longer name (``Fox`` of ``Fox Mulder``)."""
    for t in (a - 1, b):
        if 0 <= t < len(st.doc):
            x, y = st.out.token_actor.get(t), st.out.token_actor.get(a)
            if x is not None and x == y and x != person.id and is_person(st.out.actors.get(x)):
                return True
    return False
