"""The witness frame: ``monitors observed 40 explosions near X``, ``the mission recorded shots``.

A verb of seeing or recording (``witness_verbs``) can carry a violent or a protest reading when its
object is an act (explosions, shelling, a rally); the type model then codes the act on the verb
and makes the verb's subject its source. The subject only saw it: the doer is not named.

- ``source.witness_frame``: such a candidate keeps its code and loses its source (the witness); the
  actor stage's late pass (``actors.event_located``) may then name the unidentified armed party of the
  place the event happens in.
"""
from __future__ import annotations

from ..lexicon import word_class
from .candidates import Candidate, declare

WITNESS_FRAME = declare(
    "source.witness_frame", "source", ("parse", "lexicon:witness_verbs"), 0.7,
    "the subject of a verb of seeing or recording (observed, recorded) a violent act or a protest is a "
    "witness, not its doer")

# CAMEO roots of acts a witness tells of: protest (14), assault (18), fight (19), mass violence (20)
_ACTS = ("14", "18", "19", "20")


def apply_witness_frame(candidates: list[Candidate]) -> list[Candidate]:
    """Candidates whose source only witnessed the act lose that source (in place; returned)."""
    verbs = word_class("witness_verbs")
    for c in candidates:
        t = c.trigger
        if c.source is None or not c.code.startswith(_ACTS) or t.lemma_.lower() not in verbs or t.pos_ != "VERB":
            continue
        if not any(ch.dep_ in ("nsubj", "agent") for ch in t.children):
            continue  # the source came from elsewhere than the verb's own subject
        c.source = None
        c.rules["source"] = WITNESS_FRAME
    return candidates
