"""Runs of words that make one person's name, whatever the tagger read them as (used by ``people``'s candidates).

- ``name_run``: the proper nouns after a title or a redaction; a capitalised word tagged as another part of
  speech is a name word when a proper noun follows it (``** Elly Schlein``), and a word tagged as a place that no
  dictionary knows is one after another name word (``** Chanda Mwelwa``).
- ``courtesy_names``: ``Madame X``, ``Herr X``, ``Mr X Y`` (``lexicons/classes/courtesy_titles.txt``): the title is
  no part of the name and the words after it are a person's name.
- ``place_word_names``: ``Ana Sofia X``: a place word that ``mention.veto_place_inside_name`` read as a word of a
  name makes the run around it one name.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..lexicon import word_class
from ..nlp import texts_of
from ..text.normalize import PLACEHOLDER
from .decide import switched_on
from .kb import KBHit
from .name_structure import NAME_RUN, grow as grow_name
from .state import CAPITALISED, State

Candidates = dict[int, tuple[int, int, KBHit | None]]
_OPENING_QUOTES = frozenset({'"', "“", "'", "‘", "«"})


def name_run(doc: Doc, start: int, stop: set[int]) -> int:
    """End of the proper-name run starting at ``start``. A capitalised word the tagger read as another part of
    speech (``** Elly Schlein``: an adverb; a given name read as a noun or an adjective) is a name word when a
    proper noun follows it in the run."""
    end = start
    while end < len(doc) and end not in stop and CAPITALISED.match(doc[end].text) \
            and doc[end].text != PLACEHOLDER and (doc[end].ent_type_ not in ("GPE", "DATE", "NORP", "LOC") or (
                end > start and doc[end].ent_type_ in ("GPE", "LOC") and doc[end].ent_iob_ == "B"
                and doc[end].is_alpha)) \
            and (doc[end].pos_ == "PROPN" or _name_word_mistagged(doc, end, stop)):
        # (a word the tagger took for a place right after a name word, that no dictionary knows as one (``stop``
        # holds the knowledge base's words), is the surname: ``** Chanda Mwelwa``)
        end += 1
    if end > start and switched_on(NAME_RUN):
        end = grow_name(doc, start, end, stop)[1]  # on over the particles of the name (``X dela Y``)
    return end


def _name_word_mistagged(doc: Doc, i: int, stop: set[int]) -> bool:
    t = doc[i]
    if t.pos_ not in ("NOUN", "ADJ", "VERB", "ADV") or not t.is_alpha or i + 1 >= len(doc) or i + 1 in stop:
        return False
    nxt = doc[i + 1]
    return nxt.pos_ == "PROPN" and nxt.is_alpha and bool(CAPITALISED.match(nxt.text)) \
        and nxt.ent_type_ not in ("GPE", "DATE", "NORP", "LOC")


def courtesy_names(st: State, cands: Candidates, covered: set[int], kb_tokens: set[int]) -> None:
    """``Madame X``, ``Herr X``, ``Mr X Y``: a courtesy title is no part of the name, and the capitalised words
    after it are a person's name whatever the tagger read them as (a group, a place, an adjective)."""
    doc = st.doc
    titles = word_class("courtesy_titles")
    texts = texts_of(doc)
    # ``call him "Mr X"``: a courtesy title quoted with a word is a nickname, wherever it is written again
    quoted = {(texts[k + 1].lower(), texts[k + 2]) for k in range(len(texts) - 2) if texts[k] in _OPENING_QUOTES}
    for s in list(cands):
        c = cands[s]
        if c[2] is None and c[1] - c[0] > 1 and doc[s].lower_ in titles and (doc[s].lower_, texts[s + 1]) not in quoted:
            del cands[s]
            cands[s + 1] = (s + 1, c[1], None)
    for i, text in enumerate(texts):
        j = i + 1
        if j < len(doc) and (text.lower(), texts[j]) in quoted:
            continue
        if text.lower() not in titles or j >= len(doc) or j in covered or j in st.reserved or j in cands \
                or (i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha and i - 1 in covered):
            continue
        end = j
        while end < len(doc) and end not in st.reserved and CAPITALISED.match(doc[end].text) \
                and doc[end].text != PLACEHOLDER and (end not in kb_tokens or end > j) and end - j < 4:
            end += 1
        if end > j:
            cands[j] = (j, end, None)
            covered.update(range(j, end))


def place_word_names(st: State, cands: Candidates, covered: set[int], kb_tokens: set[int]) -> None:
    """``Ana Sofia X``: the run of proper nouns around a place word read as a name word is one name."""
    doc = st.doc
    for i in sorted(st.name_words):
        s = i
        while s - 1 >= 0 and s - 1 not in kb_tokens and s - 1 not in st.reserved and doc[s - 1].pos_ == "PROPN" \
                and doc[s - 1].is_alpha and CAPITALISED.match(doc[s - 1].text):
            s -= 1
        end = name_run(doc, i + 1, kb_tokens | st.reserved)
        if any(c[0] < end and s < c[1] and (c[0] < s or c[1] > end) for c in cands.values()):
            continue  # a longer name already holds some of these words
        for k in [k for k, c in cands.items() if s <= c[0] and c[1] <= end]:
            del cands[k]
        cands[s] = (s, end, None)
        covered.update(range(s, end))
