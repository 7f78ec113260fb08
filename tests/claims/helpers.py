"""Small helpers: the claim of one word of a hand-made sentence."""
from __future__ import annotations

from diplograph.claims.attribution import attribution_of
from diplograph.claims.cues import find_cues
from diplograph.claims.modality import cue_index, modality_of


def token(doc, word: str, nth: int = 0):
    hits = [t for t in doc if t.text == word]
    assert len(hits) > nth, f"{word!r} not in {doc.text!r}"
    return hits[nth]


def modality(nlp, sentence: str, word: str, nth: int = 0) -> str:
    doc = nlp(sentence)
    return modality_of(token(doc, word, nth), cue_index(find_cues(doc)))


def source(nlp, sentence: str, word: str) -> str | None:
    doc = nlp(sentence)
    src = attribution_of(token(doc, word), cue_index(find_cues(doc)))
    return src.text if src is not None else None
