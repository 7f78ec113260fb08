"""Attribution: who says (or believes) what an event's clause states.

Climbing from the trigger to its sentence root, the first *source verb* whose complement
holds the trigger names the source: a reporting verb (``said``, ``told``, ``claimed``,
``argued`` …), a doxastic verb with a subject (``observers believe``), or a denial. Its
subject is the source (the subject of the governing verb for a participle: ``…, arguing
that``); ``according to X`` gives X; the reporting verb may also follow its content
(``Russia attacked Ukraine, officials said``). A passive without agent or an adverb gives
a vague source whose text is the cue itself (``it is reported``, ``reportedly``).

Inside a quotation (``“… . …,” she said``, ``He said: “…”``) every clause that has no
source of its own takes the source of the reporting verb next to the quotation marks, so a
quote of several sentences stays attributed (``quotations``).

The author is the source when the subject is ``I``/``we`` or nothing governs: then the
result is ``None``. Resolving the source to an actor id is the caller's job (it owns the
token → actor map); ``Source.tokens`` are the tokens to look up.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..nlp import text_of
from .cues import TokenCue, cue_lexicon

AUTHOR = {"i", "we", "me", "us", "one"}
_CONTENT_DEPS = {"ccomp", "xcomp", "parataxis", "dobj"}
_SOURCE_TYPES = {"attribution"}
_DENIAL = {"deny"}
_VAGUE_ADVERBS = {"reportedly", "allegedly", "purportedly", "supposedly"}


@dataclass
class Source:
    text: str
    start: int  # character offsets into the parsed text
    end: int
    head: Token | None  # head word of the source phrase, None for a vague source with no phrase
    cue: Token  # the reporting word

    @property
    def tokens(self) -> list[Token]:
        if self.head is None:
            return []
        doc = self.head.doc
        span = doc.char_span(self.start, self.end, alignment_mode="expand")
        rest = [t for t in span if t.i != self.head.i] if span is not None else []
        return [self.head] + rest


def _is_source_verb(tok: Token, cues_by_token: dict[int, TokenCue]) -> bool:
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    cue = cues_by_token.get(tok.i)
    lemma = tok.lemma_.lower()
    if cue is not None:
        return cue.type in _SOURCE_TYPES or (cue.type == "speculation" and _doxastic(lemma)) or lemma in _DENIAL
    entry = cue_lexicon().get((lemma,))  # a verb the cue index does not hold
    return entry is not None and entry.type in _SOURCE_TYPES and "VERB" in (entry.allowed or {"VERB"})


def _doxastic(lemma: str) -> bool:
    return lemma in {"believe", "think", "suspect", "suggest", "expect", "assume", "presume", "predict", "fear",
                     "doubt", "speculate", "estimate", "consider", "infer", "guess"}


def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return c
    for c in verb.children:  # passive with agent: "it was reported by Reuters"
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _phrase(head: Token) -> tuple[int, int]:
    """Token range of a source noun phrase: its left edge to its head, plus flat name parts after it."""
    right = head
    for c in head.rights:
        if c.dep_ in ("compound", "flat", "appos", "prep") and c.i == right.i + 1 or c.dep_ == "appos":
            right = c.right_edge if c.dep_ in ("appos", "prep") else c
        else:
            break
    return head.left_edge.i, right.i


def _text(doc: Doc, a: int, b: int) -> str:
    """Text of tokens a..b inclusive (``doc.text`` is rebuilt on every access: avoid it)."""
    return doc[a:b + 1].text


def _source(doc: Doc, a: int, b: int, head: Token, cue: Token) -> Source:
    last = doc[b]
    return Source(_text(doc, a, b), doc[a].idx, last.idx + len(last), head, cue)


def _source_from_verb(verb: Token) -> Source | None | bool:
    """Source of a reporting verb: a Source, None for the author, False when it has no subject."""
    subj = _subject(verb)
    if subj is None and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i != verb.i:
        subj = _subject(verb.head)  # "…, arguing that" / "said and added that"
    if subj is None:
        return False
    if subj.lower_ in AUTHOR:
        return None
    if subj.lower_ == "it" and subj.dep_ in ("nsubjpass", "expl", "nsubj"):
        # "it is reported that", "it is believed": vague, the cue is the text
        lo, hi = subj.idx, verb.idx + len(verb)
        return Source(_text(verb.doc, subj.i, verb.i), lo, hi, None, verb)
    a, b = _phrase(subj)
    return _source(verb.doc, a, b, subj, verb)


def _according_to(verb: Token) -> Source | None:
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "according":
            to = next((g for g in c.children if g.lower_ == "to"), None)
            obj = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
            if obj is not None:
                a, b = _phrase(obj)
                return _source(verb.doc, a, b, obj, c)
    return None


def _vague_adverb(verb: Token) -> Source | None:
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in _VAGUE_ADVERBS:
            return Source(c.text, c.idx, c.idx + len(c), None, c)
    return None


def _trailing_report(verb: Token, cues_by_token: dict[int, TokenCue]) -> Token | None:
    """``Russia attacked Ukraine, officials said``: the reporting verb parsed under its content."""
    for c in verb.children:
        if c.dep_ in ("parataxis", "ccomp", "advcl") and c.i > verb.i and _is_source_verb(c, cues_by_token) \
                and not any(g.dep_ in ("ccomp", "xcomp", "dobj") for g in c.children):
            return c
    return None


_QUOTE = re.compile(r"“[^“”]{2,3000}?”|\"[^\"]{2,3000}?\"")


@dataclass
class Quotation:
    start: int  # character offsets of the quoted text, marks included
    end: int
    source: Source


def quotations(doc: Doc, cues_by_token: dict[int, TokenCue]) -> list[Quotation]:
    """Quoted passages with the source of the reporting verb beside them (after the close, else before the open)."""
    out = []
    for m in _QUOTE.finditer(text_of(doc)):
        qs, qe = m.span()
        close = doc.char_span(qe - 1, qe, alignment_mode="expand")
        opening = doc.char_span(qs, qs + 1, alignment_mode="expand")
        if close is None or opening is None:
            continue
        after = [t for t in close[0].sent if t.idx >= qe]
        before = [t for t in reversed(opening[0].sent) if t.idx < qs]
        for side in (after, before):
            verb = next((t for t in side if _is_source_verb(t, cues_by_token)), None)
            if verb is None:
                continue
            src = _source_from_verb(verb)
            if src:
                out.append(Quotation(qs, qe, src))
                break
    return out


def attribution_of(trigger: Token, cues_by_token: dict[int, TokenCue],
                   quotes: list[Quotation] | None = None) -> Source | None:
    """The source of the claim the trigger makes, or None when the author makes it."""
    found = _syntactic_source(trigger, cues_by_token)
    if found is None and quotes:
        found = next((q.source for q in quotes if q.start < trigger.idx < q.end), None)
    return found


def _syntactic_source(trigger: Token, cues_by_token: dict[int, TokenCue]) -> Source | None:
    t = trigger
    for _ in range(12):
        found = _according_to(t) or _vague_adverb(t)
        if found is not None:
            return found
        rep = _trailing_report(t, cues_by_token)
        if rep is not None:
            src = _source_from_verb(rep)
            if src is not False:
                return src
        head = t.head
        if head.i == t.i:
            return None
        if t.dep_ == "relcl":
            return None  # a relative clause is the author's description, not the content of the report
        if t.dep_ in _CONTENT_DEPS and _is_source_verb(head, cues_by_token):
            src = _source_from_verb(head)
            if src is not False:
                return src
        t = head
    return None
