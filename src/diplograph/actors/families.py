"""A family is a group, never one of its members (issue 15: names stay whole, no person split).

- ``mention.family_plural``: a family named in the plural (``the Almontes``, ``the Marcoses'``) — a
  capitalised plural after ``the`` whose singular is a word of a person's name in the same document
  (a PERSON entity of the recogniser) — is the family: a group actor of its own (``Almonte family``,
  with the members' state when they share one). Its tokens are reserved before the person names are read,
  so the plural never becomes a person that matches two members, and no member takes it.
- ``mention.family_noun``: ``the X family``/``clan``/``dynasty``/``brothers`` (word class ``family_nouns``)
  where two or more people of the document bear the name X: the same group. With one bearer only, the
  name stays that person's (the seed's ``the Lao Na family`` is named after one man).
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..lexicon import word_class
from ..nlp import ents_of, texts_of, tokens_of
from ..records import Actor
from ..rules import REGISTRY
from .aliases import translit_key
from .decide import mention_rule, switched_on
from .state import CAPITALISED, State, add_mention, drop_mentions, positions, slug

FAMILY_PLURAL = mention_rule("mention.family_plural", 0.7,
                             "a family named in the plural (the Xs) whose singular is a person's name word in the "
                             "document is a group (the X family), never one of its members", ("parse", "actors"))
FAMILY_NOUN = mention_rule("mention.family_noun", 0.7,
                           "the X family/clan/brothers, where two people of the document bear the name X, is a group "
                           "(the X family), not either of them", ("parse", "actors", "lexicon:family_nouns"))


def _singulars(word: str) -> list[str]:
    out = []
    if word.endswith("es") and len(word) > 5:
        out.append(word[:-2])  # Marcoses, Bushes
    if word.endswith("s") and not word.endswith("ss") and len(word) > 4:
        out.append(word[:-1])  # Almontes
    return out


def family_plurals(doc: Doc) -> dict[int, str]:
    """Token → the family name it is the plural of: ``the`` + a capitalised plural whose singular is, elsewhere
    in the document, a word of a PERSON entity (so ``the Philippines``, ``the Democrats`` are not)."""
    if not switched_on(FAMILY_PLURAL):
        return {}
    person_words = {t.text for e in ents_of(doc) if e.label_ == "PERSON" for t in e}
    if not person_words:
        return {}
    texts = texts_of(doc)
    out: dict[int, str] = {}
    for i in range(1, len(texts)):
        w = texts[i]
        if w[-1] != "s" or not CAPITALISED.match(w) or texts[i - 1].lower() != "the" or not w.isalpha() \
                or w.isupper():
            continue
        for stem in _singulars(w):
            if stem in person_words:
                out[i] = stem
                break
    return out


def _bearers(st: State, stem: str) -> list:
    key = translit_key(stem)
    return [a for a in st.out.actors.values() if a.type == "person" and len(a.name.split()) > 1
            and key in {translit_key(w) for w in a.name.replace("-", " ").split()}]


def _family_actor(st: State, stem: str, bearers: list) -> tuple:
    states = {a.country for a in bearers if a.country}
    country = states.pop() if len(states) == 1 else None
    name = f"{stem} family"
    return slug(name), name, "group", None, country


def add_families(st: State, plurals: dict[int, str]) -> None:
    """Run after the person names are read: the plural tokens found by ``family_plurals`` (reserved until now)
    and ``the X family`` phrases with two bearers become the family's group actor."""
    for i, stem in plurals.items():
        if i in st.out.token_actor:
            continue
        add_mention(st, i, i + 1, _family_actor(st, stem, _bearers(st, stem)), "learned",
                    REGISTRY[FAMILY_PLURAL].confidence, FAMILY_PLURAL)
    if not switched_on(FAMILY_NOUN):
        return
    toks, texts = tokens_of(st.doc), texts_of(st.doc)
    for k in positions(st, word_class("family_nouns")):
        if k < 2:
            continue
        s = k
        while s - 1 >= 0 and CAPITALISED.match(texts[s - 1]) and texts[s - 1].isalpha() and toks[s - 1].lower_ != "the":
            s -= 1
        if s == k or toks[s - 1].lower_ != "the" or k - s > 2:
            continue
        stem = texts[k - 1]
        bearers = _bearers(st, stem)
        if len(bearers) < 2:
            continue  # one bearer: the family is named after that person (left to the name rules)
        for t in range(s, k):
            aid = st.out.token_actor.get(t)
            if aid is not None and aid in st.out.actors:
                drop_mentions(st, aid, t, t + 1)
        add_mention(st, s, k + 1, _family_actor(st, stem, bearers), "learned", REGISTRY[FAMILY_NOUN].confidence,
                    FAMILY_NOUN)


def plural_people_to_families(st: State) -> None:
    """A person actor named only by a plural of another person's name word (``Almontes`` read as a name
    wherever it stands, with no ``the`` before it) is that family, not a person who would match two members."""
    if not switched_on(FAMILY_PLURAL):
        return
    from .identity import move_mentions

    for a in [x for x in st.out.actors.values() if x.type == "person" and not x.code]:
        words = {m.text.strip().rstrip("'’") for m in a.mentions}
        if len(words) != 1 or " " in (word := next(iter(words))) or not word.endswith("s"):
            continue
        for stem in _singulars(word):
            bearers = [b for b in _bearers(st, stem) if b.id != a.id]
            if bearers:
                key = _family_actor(st, stem, bearers)
                if key[0] not in st.out.actors:
                    st.out.actors[key[0]] = Actor(*key, [])
                move_mentions(st, a, st.out.actors[key[0]], FAMILY_PLURAL, method="learned")
                break
