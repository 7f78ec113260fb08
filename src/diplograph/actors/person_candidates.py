"""Person name candidates: the spans of a document that name a person, before anyone decides who.

KB people, spaCy PERSON entities grown over the particles and name words the recogniser left out, full
names the recogniser read as an organisation that the leader tables list as a person, proper names after a
title, a nationality or a redaction, courtesy-titled names and place words inside a name run. Who each
name is is decided in ``people``.
"""
from __future__ import annotations

from ..nlp import ents_of, texts_of
from ..text.normalize import PLACEHOLDER
from .decide import switched_on
from .kb import KBHit, is_person_entry
from .leaders import load_leaders
from .name_runs import courtesy_names, name_run, place_word_names
from .name_structure import NAME_RUN, grow as grow_name
from .state import CAPITALISED, Span, State


def person_candidates(st: State, spans: list[Span]) -> list[tuple[int, int, KBHit | None]]:
    """Name spans (start, end, KB person hit or None), in text order, without overlaps."""
    doc = st.doc
    cands: dict[int, tuple[int, int, KBHit | None]] = {}
    kb_tokens = set(st.hits)
    for s, e, hit in spans:
        if hit.kind == "actor" and hit.entry is not None and (is_person_entry(hit.entry) or (
                hit.user and len(hit.entry.code_on(st.on) or "") > 3 and doc[s].ent_type_ == "PERSON")):
            cands[s] = (s, e, hit)
    covered = {t for s, e, _ in cands.values() for t in range(s, e)}
    for ent in ents_of(doc):
        if ent.label_ != "PERSON":
            continue
        toks = [t.i for t in ent if t.text != PLACEHOLDER and t.i not in kb_tokens and t.i not in st.reserved
                and (t.pos_ == "PROPN" or _given_name_mistagged(doc, t, ent))]
        if not toks or any(t in covered for t in toks):
            continue
        # The name is the run of unclaimed proper nouns at the end of the entity, grown over the particles and
        # name words the recogniser left out (``Ana | de Sousa``, ``Rui Miguel | Tavares``): names stay whole.
        s = toks[-1]
        while s - 1 in toks:
            s -= 1
        s, e = grow_name(doc, s, toks[-1] + 1, kb_tokens | st.reserved | covered) if switched_on(NAME_RUN) \
            else (s, toks[-1] + 1)
        cands[s] = (s, e, None)
        covered.update(range(s, e))
    # Names stay whole: a full name the recogniser read as an organisation ("Mahamat Idriss Deby", "Miguel
    # Diaz-Canel") that the leader tables list as a person is one person, not words for other rules to take.
    for ent in ents_of(doc):
        if ent.label_ not in ("ORG", "FAC", "WORK_OF_ART") or len(ent) < 2 or any(t.i in covered for t in ent):
            continue
        words = [t for t in ent if t.text != "-"]
        if len(words) < 2 or any(t.i in kb_tokens or t.i in st.reserved or t.pos_ != "PROPN"
                                 or not CAPITALISED.match(t.text) for t in ent if t.text != "-"):
            continue
        if known_person_name(ent.text):
            cands[ent.start] = (ent.start, ent.end, None)
            covered.update(range(ent.start, ent.end))
    # A proper name right after a title or a nationality (+ redaction) is a person even if NER missed it.
    for s0, e0, hit in spans:
        if hit.kind == "agent" or hit.kind == "demonym":
            j = e0 + (1 if e0 < len(doc) and doc[e0].text == PLACEHOLDER else 0)
            if j < len(doc) and j not in covered and j not in kb_tokens and j not in st.reserved:
                end = name_run(doc, j, kb_tokens | st.reserved)
                if end > j and (hit.kind == "agent" or j > e0 or doc[j].ent_type_ == "PERSON"):
                    cands[j] = (j, end, None)
                    covered.update(range(j, end))
    # A proper name right after a redaction (``the ** Hakainde X``, ``[censored] X``): the hidden word
    # is a title, whatever the tagger made of the name.
    for i in [i for i, text in enumerate(texts_of(doc)) if text == PLACEHOLDER]:
        j = i + 1
        if j < len(doc) and j not in covered and j not in kb_tokens \
                and j not in st.reserved and not (j in cands):
            end = name_run(doc, j, kb_tokens | st.reserved)
            if end > j and all(doc[k].text[:1].isupper() and doc[k].text.replace("-", "").isalpha()
                                 for k in range(j, end)):  # a hyphenated given name is one word
                cands[j] = (j, end, None)
                covered.update(range(j, end))
    courtesy_names(st, cands, covered, kb_tokens)
    place_word_names(st, cands, covered, kb_tokens)
    out: list[tuple[int, int, KBHit | None]] = []
    for c in (cands[k] for k in sorted(cands)):
        if out and c[0] < out[-1][1]:  # two readings of one written name overlap: the whole run is one name
            if out[-1][2] is None and c[2] is None:
                out[-1] = (out[-1][0], max(out[-1][1], c[1]), None)
            continue
        out.append(c)
    return out


def _given_name_mistagged(doc, t, ent) -> bool:
    """A word of a person entity the tagger read as a noun, an adjective or a verb (``Tomasz`` at the start of
    a sentence) is a name word when a proper noun of the entity follows it: the name stays whole."""
    from .name_structure import name_word_shape

    return t.pos_ in ("NOUN", "ADJ", "VERB") and t.i + 1 < ent.end and doc[t.i + 1].pos_ == "PROPN" \
        and name_word_shape(t)


def known_person_name(name: str) -> bool:
    """A name of two words or more that the leader tables give a person (every word of a short name, three of
    a long one agreeing: see ``Leaders.tenures``)."""
    if len(name.split()) < 2 and "-" not in name:
        return False
    return any(len(t.leader.split()) > 1 for t in load_leaders().tenures(name))
