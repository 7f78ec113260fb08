"""The structure of a written person name: its words, the particles that join them, its parts (issue 15).

A name is read as one run of words: capitalised name words and, between two of them, the lower-case
particles of Iberian, Latin-American, Philippine, Dutch, German, Italian and Arabic names (word classes
``name_particles``, ``name_particles_second``: ``Ana Sousa e Lima``, ``Rafael dela Cruz``, ``Omar bin
Yusuf``, ``Jan van der Berg``). The entity recogniser often cuts such names at a particle or past a
double given name (``Rui Miguel | Tavares Bastos``); ``grow`` gives the whole run back, so the name
stays one person and its later parts (a compound surname, a double given name, the second surname alone)
find it.

``parts`` cuts a written name into its name words (particles left out, a hyphenated word one word),
which ``identity.link_contained_names`` compares.
"""
from __future__ import annotations

from collections.abc import Container

from spacy.tokens import Doc

from ..lexicon import word_class
from ..nlp import tokens_of
from ..text.normalize import PLACEHOLDER
from .aliases import honorific_prefixes
from .decide import mention_rule
from .state import CAPITALISED

NAME_RUN = mention_rule("mention.name_run", 0.8,
                        "a written name runs over its particles (de, e, y, dela, bin, ould, van der) and the name "
                        "words the entity recogniser cut off: one person, not two", ("parse", "lexicon:name_particles",
                                                                          "lexicon:title_abbreviations"))

# Entity types a name word after a plain name word may not carry (after a particle any but a date may).
_NOT_NAMES = ("GPE", "LOC", "NORP", "DATE", "TIME", "ORG", "FAC", "EVENT", "LAW", "MONEY", "PERCENT", "CARDINAL",
              "ORDINAL", "QUANTITY", "PRODUCT", "WORK_OF_ART", "LANGUAGE")


def particles() -> frozenset[str]:
    return word_class("name_particles")


def _word(doc: Doc, i: int, stop: Container[int], after_particle: bool = False) -> bool:
    """Token ``i`` can be a word of a written person name."""
    if i < 0 or i >= len(doc) or i in stop:
        return False
    t = tokens_of(doc)[i]
    text = t.text
    if text == PLACEHOLDER or not CAPITALISED.match(text) or not text.replace("-", "").replace("'", "").isalpha():
        return False
    if text.isupper() and len(text) > 1:
        return False  # an acronym
    low = t.lower_
    if low in word_class("office_words") or low in honorific_prefixes():
        return False
    if after_particle:
        return t.ent_type_ not in ("DATE", "TIME", "CARDINAL", "ORDINAL")
    return t.pos_ == "PROPN" and t.ent_type_ not in _NOT_NAMES


def name_word_shape(t) -> bool:
    """A token written as a name word: capitalised letters (a hyphen or an apostrophe inside), no acronym, no
    office word or honorific."""
    text = t.text
    if text == PLACEHOLDER or not CAPITALISED.match(text) or not text.replace("-", "").replace("'", "").isalpha():
        return False
    if text.isupper() and len(text) > 1:
        return False
    return t.lower_ not in word_class("office_words") and t.lower_ not in honorific_prefixes() and not _courtesy(t)


def _courtesy(t) -> bool:
    """``Dr``, ``Mr``, ``Sheikh``, ``Señora``, ``Sister``: a courtesy, style or kin title before a name, no word
    of it."""
    low = t.lower_.rstrip(".")
    return low in word_class("courtesy_titles") or low in word_class("style_titles") \
        or low in word_class("title_abbreviations") or low in word_class("kin_nouns") \
        or low in word_class("person_nouns")


def _place_read_surname(doc: Doc, s: int, e: int, stop: Container[int]) -> bool:
    """Token ``e`` ends a name the recogniser cut before it (``Kwame Osei | Nketsia``, the last word read as a
    place): a capitalised proper noun no dictionary knows (not in ``stop``), that the recogniser starts as a
    place of its own, while the parser makes the name word before it a compound of it (one noun phrase,
    not a person next to a place)."""
    if e <= s or e >= len(doc) or e in stop:
        return False
    toks = tokens_of(doc)
    t, prev = toks[e], toks[e - 1]
    return t.ent_type_ in ("GPE", "LOC") and t.ent_iob_ == "B" and t.pos_ == "PROPN" and t.is_alpha \
        and bool(CAPITALISED.match(t.text)) and not (t.text.isupper() and len(t.text) > 1) \
        and prev.whitespace_ == " " and prev.dep_ == "compound" and prev.head.i == e


def _particles_at(doc: Doc, j: int) -> int:
    """How many particle tokens start at ``j`` (0, 1 or 2: ``de``, ``de la``), written in lower case."""
    toks = tokens_of(doc)
    if j >= len(doc) or toks[j].text not in particles():
        return 0
    if j + 1 < len(doc) and toks[j + 1].text in word_class("name_particles_second"):
        return 2
    return 1


def grow(doc: Doc, s: int, e: int, stop: Container[int]) -> tuple[int, int]:
    """The whole written name around tokens [s, e): forward over name words and over particles followed by a
    name word; backward over a particle preceded by a name word (and the name words before that)."""
    while True:
        if _word(doc, e, stop) or _place_read_surname(doc, s, e, stop):
            e += 1
            continue
        k = _particles_at(doc, e)
        if k and not any(x in stop for x in range(e, e + k)) and _word(doc, e + k, stop, after_particle=True):
            e += k + 1
            continue
        break
    crossed = False
    while s >= 2:
        k = 2 if s >= 3 and tokens_of(doc)[s - 2].text in particles() and \
            tokens_of(doc)[s - 1].text in word_class("name_particles_second") else \
            (1 if tokens_of(doc)[s - 1].text in particles() else 0)
        if not k or any(x in stop for x in range(s - k, s)) or not _word(doc, s - k - 1, stop):
            break
        s -= k + 1
        crossed = True
    while crossed and _word(doc, s - 1, stop):
        s -= 1
    # A first given name the recogniser left out of the entity (``Ama | Serwaa Boateng``): a proper noun of no
    # entity right before the name, that the parser makes a compound of a word of it.
    while _word(doc, s - 1, stop) and not _courtesy(tokens_of(doc)[s - 1]) and tokens_of(doc)[s - 1].ent_iob_ == "O" \
            and tokens_of(doc)[s - 1].dep_ == "compound" and s <= tokens_of(doc)[s - 1].head.i < e \
            and tokens_of(doc)[s - 1].whitespace_ == " ":
        s -= 1
    return s, e


def parts(name: str) -> list[str]:
    """The name words of a written name: words with a capital (``al-Alimi`` too; a lower-case title is none),
    particles (case-blind: ``Dela Cruz`` at a sentence start) and office words (``Minister``) left out, a
    hyphenated word whole."""
    ps = particles() | word_class("name_particles_second")
    offices = word_class("office_words")
    return [w for w in name.replace(".", " ").split() if w.lower() not in ps
            and any(c.isupper() for c in w) and w.lower() not in offices]
