"""The hyphen join runs once per document: the pipeline joins before reading toponyms and the actor
stage asks again (its library callers use it alone). Made-up names."""
from __future__ import annotations

from diplograph.actors import hyphens
from diplograph.actors.hyphens import join_hyphenated_names


def test_a_document_is_joined_once_and_a_new_one_again(nlp, monkeypatch):
    text = "President Lee Dae-sung met Foreign Minister Park Min-woo in Sejong on Monday."
    doc = nlp(text)
    passes = []
    join = hyphens._join
    monkeypatch.setattr(hyphens, "_join", lambda d: passes.append(1) or join(d))
    first = join_hyphenated_names(doc)
    words = [t.text for t in doc]
    assert first >= 1 and "Dae-sung" in words  # the name is joined on the first ask
    assert join_hyphenated_names(doc) == 0 and [t.text for t in doc] == words  # the second ask: nothing to do
    assert len(passes) == 1
    other = nlp(text)  # a new document (the same text) is read afresh
    assert join_hyphenated_names(other) == first and len(passes) == 2
    assert [t.text for t in other] == words
    # the second pass would have found nothing either: a joined word is no longer alphabetic
    assert join(doc) == 0
