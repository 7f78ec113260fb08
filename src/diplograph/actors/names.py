"""Later names of people already in the document: bare surnames, honorific nicknames, gender.

``Nazarbayev`` after ``Nursultan Nazarbayev`` (``mention.surname_alias``); ``Lao Na`` — an
honorific prefix and a short syllable that starts a name of a person in the document
(``mention.nickname_honorific``); the gender a pronoun must agree with, from the name's form.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from ..lexicon import word_class
from ..nlp import tokens_of
from ..records import Mention
from ..rules import REGISTRY
from ..text.normalize import PLACEHOLDER
from .aliases import honorific_prefixes, nickname_target, translit_key
from .decide import mention_rule
from .people import SURNAME_ALIAS
from .state import CAPITALISED, State, add_mention, key_of

NICKNAME = mention_rule("mention.nickname_honorific", 0.75,
                        "an honorific prefix and a short capitalised syllable (Lao Na) that starts a name of a person "
                        "in the document", ("parse", "kb:honorifics", "actors"))


def add_surnames(st: State) -> None:
    """A proper noun that is the surname of a person already in the document (``Nazarbayev``); also a
    capitalised word the tagger read as a noun when it opens a sentence before its verb."""
    if not REGISTRY.enabled(SURNAME_ALIAS):
        return
    toks = tokens_of(st.doc)
    for t in toks:
        if t.i in st.out.token_actor or t.i in st.reserved or not CAPITALISED.match(t.text):
            continue
        if t.pos_ != "PROPN" and not (t.pos_ == "NOUN" and t.is_sent_start and t.i + 1 < len(toks)
                                     and toks[t.i + 1].pos_ in ("VERB", "AUX")):
            continue  # the tagger reads an unknown name opening a sentence as a noun ("Marape likes ...")
        aid = st.by_surname.get(translit_key(t.text))
        if aid is None or st.out.actors[aid].type != "person":
            continue
        add_mention(st, t.i, t.i + 1, key_of(st.out.actors[aid]), "alias", 0.85, SURNAME_ALIAS)


def nickname_tokens(doc: Doc) -> dict[int, int]:
    """``Lao Na``: an honorific prefix and a short capitalised syllable; prefix token → syllable token."""
    prefixes = honorific_prefixes()
    out: dict[int, int] = {}
    toks = tokens_of(doc)
    for t in toks[:-1]:
        if t.text.lower() not in prefixes:
            continue
        nxt = toks[t.i + 1]
        if CAPITALISED.match(t.text) and CAPITALISED.match(nxt.text) \
                and nxt.text.isalpha() and len(nxt.text) <= 4 and nxt.text != PLACEHOLDER:
            if t.i + 2 < len(doc) and toks[t.i + 2].pos_ == "PROPN" and CAPITALISED.match(toks[t.i + 2].text):
                continue  # "Lao Na Kham …" is a full name, not a nickname
            out[t.i] = nxt.i
    return out


def add_nicknames(st: State, nick: dict[int, int]) -> None:
    if not nick or not REGISTRY.enabled(NICKNAME):
        return
    salience = Counter(st.out.token_actor.values())
    for p, syl in nick.items():
        if p in st.out.token_actor or syl in st.out.token_actor:
            continue
        m = nickname_target(st.doc[p].text, st.doc[syl].text, st.names, salience)
        if m is None:
            continue
        add_mention(st, p, syl + 1, key_of(st.out.actors[m.actor_id]), "alias", m.confidence, NICKNAME)


def name_gender(name: str, text: str, mentions: list[Mention]) -> str:
    """``f`` or ``m`` from the name's form: Slavic/Baltic female surnames, given names in -a, female titles."""
    words = name.split()
    sur = words[-1].lower()
    if sur.endswith(tuple(word_class("female_surname_endings"))) and len(sur) > 4:
        return "f"
    if len(words) > 1:
        given = words[0].lower()
        if given.endswith("a") and given not in word_class("male_given_names_in_a"):
            return "f"
    titles = word_class("female_titles")
    for m in mentions:
        before = text[max(0, m.start - 12):m.start]
        if any(before.rstrip(". ").endswith(t) for t in titles):
            return "f"
    return "m"
