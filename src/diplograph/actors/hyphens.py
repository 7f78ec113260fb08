"""Names stay whole: a hyphenated part of a person's name is one token.

The tokenizer splits ``Lee Jae-myung`` into ``Lee Jae - myung`` and ``Kim Jong-un`` into ``Kim
Jong - un``; read word by word, a name so split becomes two actors (``Lee Jae`` and ``myung``).
Before any rule reads the parse, a capitalised word, a hyphen and a word written together (no
space) are merged into one proper-noun token when the second word is lower case (a romanised
syllable: ``Jae-myung``, ``Suk-yeol``) inside or right after a PERSON entity, or when both stand inside one PERSON entity
(``Kasym-Zhomart``), or, right after a redaction (where the entity recogniser sees no name), when
two proper nouns no entity claims are followed by a third (``the ** Jens-Erik Holm``), or a given name is
followed by two capitalised words (a compound surname: ``the ** Inés Garmendia-Solar``), or wherever the leader
tables know the two words as one hyphenated family name (the tagger reads such a surname alone as an
organisation). Two nationalities (``Israeli-Palestinian``) or a state and a participle
(``U.S.-led``) are left alone: the first is no PERSON entity and the second is not lower case
after a capital, and a place (``Port-au-Prince``) is no PERSON entity; participles
(``Kim-backed``) are listed in the lexicon class ``hyphen_participles``.
"""
from __future__ import annotations

import threading
from functools import lru_cache

from spacy.tokens import Doc

from ..lexicon import word_class
from ..nlp import text_of, tokens_of
from ..rules import REGISTRY
from ..text.normalize import PLACEHOLDER
from .aliases import translit_key

NAME_HYPHEN = REGISTRY.declare("mention.name_hyphen", stage="actors", kind="mention", reads=("parse",),
                               confidence=0.9, description="a capitalised word, a hyphen and a syllable written "
                               "together are one name word (Jae-myung), so a name is not split in two")


def _joins(doc: list, i: int) -> bool:
    a, h, b = doc[i], doc[i + 1], doc[i + 2]
    if h.text != "-" or a.whitespace_ or h.whitespace_ or not a.is_alpha or not b.is_alpha:
        return False
    if not a.text[:1].isupper() or a.is_upper and len(a.text) > 1:
        return False
    if b.text[:1].islower():
        person = a.ent_type_ == "PERSON" or (a.ent_type_ == "" and a.pos_ == "PROPN" and i > 0
                                             and doc[i - 1].ent_type_ == "PERSON")
        return person and b.lower_ not in word_class("hyphen_participles")
    if a.ent_type_ == "PERSON" and b.ent_type_ == "PERSON" and a.ent_iob_ != "" and b.ent_iob_ == "I":
        return True
    if a.ent_type_ in _PLACE_ENTS or b.ent_type_ in _PLACE_ENTS or a.pos_ != "PROPN" or b.pos_ != "PROPN":
        return _table_family(a.text, b.text)
    # Right after a redaction the entity recogniser sees no name at all (``the ** Jens-Erik Holm``):
    # two proper nouns no entity claims, followed by another, are a double given name ...
    if (i > 0 and doc[i - 1].text == PLACEHOLDER and a.ent_type_ == "" and b.ent_type_ == ""
            and i + 3 < len(doc) and doc[i + 3].pos_ == "PROPN" and doc[i + 3].text[:1].isupper()):
        return True
    # ... and a given name followed by two capitalised words written together is a compound surname
    # (``the ** Inés Garmendia-Solar``, ``Minister Inés Garmendia-Solar``): two states or two people joined by
    # a hyphen (``Garmendia-Solar talks``) have no given name before them.
    g = doc[i - 1] if i > 0 else None
    if g is not None and g.pos_ == "PROPN" and g.is_alpha and g.text[:1].isupper() and g.whitespace_ \
            and g.ent_type_ not in _PLACE_ENTS and i > 1 and (
                doc[i - 2].text == PLACEHOLDER or doc[i - 2].lower_ in word_class("office_words")
                or doc[i - 2].lower_ in word_class("courtesy_titles")):
        return True
    return _table_family(a.text, b.text)


_PLACE_ENTS = frozenset({"GPE", "NORP", "LOC", "FAC"})


@lru_cache(maxsize=1)
def _table_families() -> frozenset[str]:
    """The hyphenated family names of the leader tables (``Akufo-Addo``), by transliteration key."""
    from .leaders import load_leaders

    return frozenset(translit_key(t.family) for ts in load_leaders().by_surname.values() for t in ts
                     if "-" in t.family and " " not in t.family)


def _table_family(a: str, b: str) -> bool:
    return translit_key(a + "-" + b) in _table_families()


def _chain(doc: list, i: int) -> bool:
    """``Zia-ul-Haq``, ``Anwar-Uz-Karim``, ``Abd-al-Rahman``: a capitalised word, a linking syllable of a name
    (word class ``hyphen_name_particles``, either case) and another capitalised word, written together: one
    name word wherever it stands (no place or thing is written so)."""
    if i + 4 >= len(doc) or doc[i + 3].text != "-" or doc[i + 2].lower_ not in word_class("hyphen_name_particles"):
        return False  # the cheap tests first: most hyphens join no name
    a, h1, p, h2, b = doc[i:i + 5]
    return (h1.text == "-" and h2.text == "-" and not (a.whitespace_ or h1.whitespace_ or p.whitespace_ or h2.whitespace_)
            and a.is_alpha and b.is_alpha and a.text[:1].isupper() and b.text[:1].isupper()
            and p.lower_ in word_class("hyphen_name_particles"))


def _goes_on(doc: list, j: int) -> bool:
    """The hyphenated name word ending at token ``j`` goes on past the next hyphen."""
    if j + 2 >= len(doc) or doc[j + 1].text != "-":
        return False
    if _joins(doc, j) or _chain(doc, j):
        return True
    # after a linking syllable (``-ul-``) the name's next part follows whatever its case
    return (doc[j].lower_ in word_class("hyphen_name_particles") and not doc[j].whitespace_
            and not doc[j + 1].whitespace_ and doc[j + 2].is_alpha and doc[j + 2].text[:1].isupper())


# The last document joined, per thread: the pipeline joins before the toponyms are read, and
# resolve_mentions (which library callers use alone) joins again; a joined word has a hyphen in
# it, so is no longer alphabetic and joins nothing more: the second pass is skipped.
_joined = threading.local()


def join_hyphenated_names(doc: Doc) -> int:
    """Merge hyphenated name words in place; returns how many were merged. A word joined inside a
    person's name is joined wherever else the document writes it (``Min-jae said``)."""
    if not REGISTRY.enabled(NAME_HYPHEN):
        return 0
    last = getattr(_joined, "last", None)
    if last is not None and last[0] is doc and last[1] == len(doc):
        return 0
    merged = _join(doc)
    _joined.last = (doc, len(doc))
    return merged


def _join(doc: Doc) -> int:
    if "-" not in text_of(doc):
        return 0
    toks = tokens_of(doc)
    hyphens = [i - 1 for i in range(1, len(toks) - 1) if toks[i].text == "-"]
    named = {toks[i].text + "-" + toks[i + 2].text for i in hyphens if _joins(toks, i)}
    chained = any(_chain(toks, i) for i in hyphens)
    if not named and not chained:
        return 0
    spans = []
    i = 0
    while i + 2 < len(toks):
        if toks[i + 1].text != "-":
            i += 1
            continue
        if _joins(toks, i) or _chain(toks, i) or (not toks[i].whitespace_ and not toks[i + 1].whitespace_
                                                  and toks[i].text + "-" + toks[i + 2].text in named):
            j = i + 2
            while _goes_on(toks, j):
                j += 2
            spans.append(doc[i:j + 1])
            i = j + 1
        else:
            i += 1
    if not spans:
        return 0
    with doc.retokenize() as rt:
        for sp in spans:
            attrs = {"POS": "PROPN", "TAG": "NNP"}
            first = sp[0]
            if first.ent_type_ == "PERSON" or (sp.start > 0 and doc[sp.start - 1].ent_type_ == "PERSON"):
                # The syllable after the hyphen belongs to the name the entity began.
                inside = first.ent_iob_ == "I" or (first.ent_iob_ != "B" and sp.start > 0
                                                   and doc[sp.start - 1].ent_type_ == "PERSON")
                attrs.update({"ENT_TYPE": "PERSON", "ENT_IOB": 1 if inside else 3})
            rt.merge(sp, attrs=attrs)
    return len(spans)
