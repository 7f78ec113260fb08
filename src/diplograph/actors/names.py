"""Later names of people already in the document: bare surnames, honorific nicknames, gender.

``Nazarbayev`` after ``Nursultan Nazarbayev`` (``mention.surname_alias``); ``Lao Na`` — an
honorific prefix and a short syllable that starts a name of a person in the document
(``mention.nickname_honorific``); the gender a pronoun must agree with, from the name's form.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from ..lexicon import word_class
from ..nlp import pos_of, texts_of, tokens_of
from ..records import Mention
from ..text.normalize import PLACEHOLDER
from .aliases import honorific_prefixes, nickname_target, translit_key
from .decide import mention_rule, switched_on
from .people import SURNAME_ALIAS
from .state import CAPITALISED, State, add_mention, capitalised_tokens, key_of

NICKNAME = mention_rule("mention.nickname_honorific", 0.75,
                        "an honorific prefix and a short capitalised syllable (Lao Na) that starts a name of a person "
                        "in the document", ("parse", "kb:honorifics", "actors"))


def add_surnames(st: State) -> None:
    """A proper noun that is the surname of a person already in the document (``Nazarbayev``); also a
    capitalised word the tagger read as a noun when it opens a sentence before its verb."""
    if not switched_on(SURNAME_ALIAS):
        return
    toks, texts, pos = tokens_of(st.doc), texts_of(st.doc), pos_of(st.doc)
    for i in capitalised_tokens(st):
        text = texts[i]
        if i in st.out.token_actor or i in st.reserved:
            continue
        if pos[i] != "PROPN" and not (pos[i] in ("NOUN", "ADJ") and toks[i].is_sent_start and i + 1 < len(toks)
                                      and pos[i + 1] in ("VERB", "AUX")):
            continue  # the tagger reads an unknown name opening a sentence as a noun ("Marape likes ...") or,
            # with a demonym-like ending, an adjective ("Pezeshkian came ...")
        aid = st.by_surname.get(translit_key(text))
        if aid is None or st.out.actors[aid].type != "person":
            continue
        run = inside_longer_name(st, i, aid)
        if run == (-1, -1):
            continue  # "Mahamat Idriss Deby": a middle name is no one else's surname
        s, e = run or (i, i + 1)
        add_mention(st, s, e, key_of(st.out.actors[aid]), "alias", 0.85, SURNAME_ALIAS)


def name_run_around(st: State, i: int) -> tuple[int, int]:
    """The run of capitalised proper nouns around token ``i`` that no title, honorific, place or other KB
    phrase explains: the words of one written name."""
    toks = tokens_of(st.doc)

    def name_word(j: int) -> bool:
        n = toks[j]
        return not (n.text == PLACEHOLDER or n.pos_ != "PROPN" or not CAPITALISED.match(n.text) or j in st.hits
                    or n.ent_type_ in ("GPE", "LOC", "NORP", "DATE") or n.text.endswith(".")
                    or n.lower_ in word_class("office_words") or n.lower_ in honorific_prefixes())

    s, e = i, i + 1
    while s - 1 >= 0 and name_word(s - 1):
        s -= 1
    while e < len(toks) and name_word(e):
        e += 1
    return s, e


def inside_longer_name(st: State, i: int, aid: str) -> tuple[int, int] | None:
    """Token ``i`` is one word of a longer written name (a given or middle name, one part of a double
    surname). None when it stands alone; the run's bounds when every other word of the run is a name word
    of ``aid`` (``Ilse Vandorn`` after ``Ilse Vandorn``: the whole run is that person); else ``(-1, -1)``:
    a word inside another name never names ``aid`` on its own."""
    s, e = name_run_around(st, i)
    if e - s == 1:
        return None
    mine = {translit_key(w) for w in st.names.get(aid, [])} | {
        translit_key(w) for w in st.out.actors[aid].name.replace("-", " ").split()}
    others = [st.doc[j].text for j in range(s, e) if j != i]
    if all(translit_key(w) in mine for w in others) and not any(
            st.out.token_actor.get(j) not in (None, aid) for j in range(s, e)):
        return s, e
    return -1, -1


def nickname_tokens(doc: Doc) -> dict[int, int]:
    """``Lao Na``: an honorific prefix and a short capitalised syllable; prefix token → syllable token."""
    prefixes = honorific_prefixes()
    out: dict[int, int] = {}
    toks, texts = tokens_of(doc), texts_of(doc)
    for i in range(len(toks) - 1):
        if texts[i].lower() not in prefixes:
            continue
        t, nxt = toks[i], toks[i + 1]
        if CAPITALISED.match(t.text) and CAPITALISED.match(nxt.text) \
                and nxt.text.isalpha() and len(nxt.text) <= 4 and nxt.text != PLACEHOLDER:
            if t.i + 2 < len(doc) and toks[t.i + 2].pos_ == "PROPN" and CAPITALISED.match(toks[t.i + 2].text):
                continue  # "Lao Na Kham …" is a full name, not a nickname
            out[t.i] = nxt.i
    return out


def add_nicknames(st: State, nick: dict[int, int]) -> None:
    if not nick or not switched_on(NICKNAME):
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
