"""Cue patterns across spaCy memory zones: the ingest workers analyse every task inside
``nlp.memory_zone()``, which frees the strings added during it. A matcher first built inside
one zone must still work, and name its pattern, in the next (it failed with E018 before)."""
from __future__ import annotations

import spacy

from diplograph.claims.cues import find_cues
from diplograph.nlp import MODEL


def test_pattern_cues_survive_a_memory_zone():
    nlp = spacy.load(MODEL)  # a vocabulary of its own: no matcher built for it yet
    text = "It is widely believed that the Veldanian envoy left the talks early."
    with nlp.memory_zone():
        first = [(c.type, c.rule) for c in find_cues(nlp(text))]
    with nlp.memory_zone():
        second = [(c.type, c.rule) for c in find_cues(nlp(text))]
    assert ("speculation", "cue.pattern") in first
    assert second == first
