"""Readers of the claims stage's lexicons (data, not code).

- ``data/lexicons/attribution/reporting.tsv``: reporting and attitude predicates (``say``,
  ``tweet``, ``accuse``, ``call for``, ``the statement that``), each with its kind, the frames that
  can hold its content and its precision as a cue on the PolNeAR train split.
- ``data/lexicons/commitment/signatures.tsv``: what a predicate says about the truth of its
  complement (factive, implicative, non-factive, neg-raising), read by ``commitment.py``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from ..lexicon import table

_DEFAULT_P = {"say": 0.8, "write": 0.7, "ask": 0.6, "request": 0.6, "belief": 0.6, "attitude": 0.4,
              "evidence": 0.5, "deny": 0.7}
_CONTENT_DEPS = {"ccomp", "xcomp", "parataxis", "dobj", "csubj"}
_QUOTES = {'"', "“", "”", "'", "‘", "’", "``", "''"}
MIN_P = 0.35  # an entry below this precision on the train split proposes no cue (F1 gains above ~F/2)


@dataclass(frozen=True)
class ReportingEntry:
    lemma: str
    particle: str | None
    pos: str
    kind: str
    frames: frozenset[str]
    p: float | None  # precision as a cue (with a content frame) on the PolNeAR train split; None: unmeasured
    p_any: float | None  # the same whatever the frame

    @property
    def confidence(self) -> float:
        return self.p if self.p is not None else _DEFAULT_P.get(self.kind, 0.5)

    def fires(self, t: Token) -> bool:
        """Whether ``t`` is used as a cue: with a frame that can hold content (a clause, a quote, an
        object …), or in any frame when the word is a cue whatever its frame (``p_any``)."""
        if self.particle is not None and not _has_particle(t, self.particle):
            return False
        if self.p_any is not None and self.p_any >= MIN_P:
            return True
        return self.confidence >= MIN_P and content_frame(t, self.frames) is not None


def _has_particle(t: Token, word: str) -> bool:
    return any(c.dep_ in ("prt", "prep") and c.lower_ == word for c in t.children)


def content_frame(t: Token, frames: frozenset[str]) -> str | None:
    """The frame by which ``t`` holds content, or None."""
    doc = t.doc
    for c in t.children:
        if c.dep_ in ("ccomp", "csubj") and ("that" in frames or "whether" in frames):
            return "that"
        if c.dep_ == "xcomp" and ("to" in frames or "that" in frames):
            return "to"
        if c.dep_ == "parataxis" and ("quote" in frames or "that" in frames):
            return "quote"
        if c.dep_ == "dobj" and "obj" in frames:
            return "obj"
        if c.dep_ == "acomp" and "acomp" in frames:
            return "acomp"
        if c.dep_ in ("acl", "relcl") and t.pos_ == "NOUN" and "that" in frames and \
                any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children):
            return "that"
        if c.dep_ == "prep" and c.lower_ in frames and any(g.dep_ in ("pobj", "pcomp") for g in c.children):
            return c.lower_
    if t.pos_ == "VERB" and "quote" in frames and (t.dep_ == "parataxis" or t.dep_ == "ccomp" and t.head.i < t.i):
        return "quote"  # "Russia attacked, officials said": the verb hangs under its content
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == ":" and "colon" in frames:
        return "colon"
    if nxt is not None and nxt.text in _QUOTES and "quote" in frames:
        return "quote"
    if t.i > 0 and doc[t.i - 1].text in _QUOTES and "quote" in frames and t.pos_ == "VERB":
        return "quote"
    return None


@lru_cache(maxsize=1)
def reporting_lexicon() -> dict[tuple[str, str], list[ReportingEntry]]:
    """(lemma, pos) → its entries (several when particles differ: ``call``, ``call for``)."""
    out: dict[tuple[str, str], list[ReportingEntry]] = {}
    for r in table("lexicons", "attribution", "reporting.tsv"):
        words = r["lemma"].split()
        entry = ReportingEntry(words[0], words[1] if len(words) > 1 else None, r["pos"], r["kind"],
                               frozenset(r["frames"].split("|")), float(r["p"]) if r["p"] else None,
                               float(r["p_any"]) if r["p_any"] else None)
        out.setdefault((entry.lemma, entry.pos), []).append(entry)
    for entries in out.values():
        entries.sort(key=lambda e: e.particle is None)  # with a particle first: "call for" before "call"
    return out


def reporting_entry(t: Token) -> ReportingEntry | None:
    """The reporting-lexicon entry of ``t`` (its particle-bearing entry first), or None."""
    pos = "VERB" if t.pos_ in ("VERB", "AUX") else t.pos_
    entries = reporting_lexicon().get((t.lemma_.lower(), pos))
    if not entries:
        return None
    for e in entries:
        if e.particle is None or _has_particle(t, e.particle):
            return e
    return None
