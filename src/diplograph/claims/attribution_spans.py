"""Attribution relations of a whole document: cue, source and content spans.

Where ``attribution.attribution_of`` answers "who says what this event's clause states", this
module lists every attribution the text makes, for benchmarks (PolNeAR: cue, source, content)
and for readers that want the content spans: for each attribution cue (a reporting verb or noun
of the reporting lexicon, a cue-lexicon phrase such as ``according to``), its source phrase
(the subject, the agent, a possessive, the object of ``according to``; the author's ``I``/``we``
included: a span, not a judgement) and its content (the complement clause or object, the
clause a trailing report hangs under, the words after a colon, an adjacent quotation).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..nlp import sent_of
from .attribution import Quotation, _phrase, _subject, quotations
from .cues import REPORTING, TokenCue
from .lexicons import reporting_entry

_COMPLEMENTS = {"ccomp", "xcomp", "dobj", "csubj", "oprd", "acomp"}


@dataclass
class AttributionSpan:
    cue: tuple[int, int]  # token range [a, b)
    source: tuple[int, int] | None  # token range [a, b) of the source phrase
    content: tuple[int, int] | None  # token range [a, b) of what is attributed
    rule: str | None


def _subtree_range(t: Token, drop: Token | None = None) -> tuple[int, int]:
    toks = [x.i for x in t.subtree if not x.is_punct and (drop is None or not (drop.left_edge.i <= x.i
                                                                               <= drop.right_edge.i))]
    return (min(toks), max(toks) + 1) if toks else (t.i, t.i + 1)


def _source_range(cue: Token) -> tuple[int, int] | None:
    subj = _subject(cue)
    if subj is None and cue.dep_ in ("advcl", "conj", "xcomp", "acl") and cue.head.i != cue.i:
        subj = _subject(cue.head) if cue.dep_ != "acl" else cue.head
    if subj is None and cue.pos_ == "NOUN":
        subj = next((c for c in cue.children if c.dep_ == "poss"), None)
        if subj is None and cue.head.pos_ == "VERB" and cue.dep_ in ("dobj", "pobj"):
            subj = _subject(cue.head if cue.dep_ == "dobj" else cue.head.head)
    if subj is None:
        return None
    a, b = _phrase(subj)
    return a, b + 1


def _content_range(cue: Token) -> tuple[int, int] | None:
    doc = cue.doc
    comps = [c for c in cue.children if c.dep_ in _COMPLEMENTS or c.dep_ == "parataxis" and c.i > cue.i
             or c.dep_ in ("acl", "relcl") and cue.pos_ == "NOUN"
             or c.dep_ == "prep" and c.i > cue.i and c.lower_ in ("about", "of", "on", "for", "to", "against",
                                                                   "like", "as")]
    if comps:
        a = min(_subtree_range(c)[0] for c in comps)
        b = max(_subtree_range(c)[1] for c in comps)
        return a, b
    if cue.dep_ == "parataxis" or cue.dep_ in ("ccomp", "advcl") and cue.head.i < cue.i:
        return _subtree_range(cue.head, drop=cue)  # "Russia attacked Ukraine, officials said"
    nxt = cue.i + 1
    if nxt < len(doc) and doc[nxt].text == ":":
        end = sent_of(cue).end
        return (nxt + 1, end) if nxt + 1 < end else None
    return None


def _cue_tokens(doc: Doc, cues: list[TokenCue], quotes: list[Quotation]) -> list[TokenCue]:
    """Attribution cues, and reporting words the cue lexicon typed otherwise (``suggested``, ``wants``).

    Left out: a reporting verb in a relative clause with no clause of its own (``everything he said``), one
    that is the infinitive of another cue (``declined to say``: one attribution, its cue the outer verb), and
    one inside a quotation that already has its speaker — nested reports are the quoted speaker's words (on
    the PolNeAR train split: cue F1 0.663 → 0.666 and → 0.684 respectively).
    """
    out = [c for c in cues if c.type == "attribution"]
    taken = {i for c in out for i in range(c.start, c.end)}
    for t in doc:
        if t.i in taken or t.pos_ not in ("VERB", "NOUN"):
            continue
        entry = reporting_entry(t)
        if entry is not None and entry.fires(t):
            out.append(TokenCue(t.i, t.i + 1, "attribution", REPORTING))
    keep = []
    cue_heads = {c.start for c in out}
    for c in out:
        t = doc[c.start]
        if t.dep_ == "relcl" and not any(g.dep_ in ("ccomp", "xcomp") for g in t.children):
            continue  # "everything he said": the content is the noun, no attribution of its own
        if t.dep_ == "xcomp" and t.head.i in cue_heads:
            continue
        if any(q.start < t.idx < q.end for q in quotes):
            continue
        keep.append(c)
    return sorted(keep, key=lambda c: c.start)


def attributions(doc: Doc, cues: list[TokenCue], quotes: list[Quotation] | None = None) -> list[AttributionSpan]:
    """Every attribution relation of the document (cue, source, content), in text order."""
    index = {i: c for c in cues for i in range(c.start, c.end)}
    quotes = quotations(doc, index) if quotes is None else quotes
    out: list[AttributionSpan] = []
    covered: set[int] = set()
    for c in _cue_tokens(doc, cues, quotes):
        span = doc[c.start:c.end]
        head = span.root
        if span[0].lower_ == "according" and span[0].head.i != span[0].i:
            to = next((g for g in span[0].children if g.lower_ == "to"), None)
            obj = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
            src = (_phrase(obj)[0], _phrase(obj)[1] + 1) if obj is not None else None
            content = _subtree_range(span[0].head, drop=span[0])
            out.append(AttributionSpan((c.start, c.end), src, content, c.rule))
            continue
        if span[-1].text == ":" and len(span) > 1:  # "Senator X: The plan is dead." — a headline attribution
            end = sent_of(span[-1]).end
            out.append(AttributionSpan((c.end - 1, c.end), (c.start, c.end - 1),
                                       (c.end, end) if c.end < end else None, c.rule))
            continue
        quoted = [q for q in quotes if q.source.cue.i == head.i]
        content = _content_range(head)
        if quoted:  # the quotation beside the verb is its content, whatever the parse hung under it
            qs = [doc.char_span(q.start, q.end, alignment_mode="expand") for q in quoted]
            qs = [q for q in qs if q is not None]
            if qs:
                content = (min(q.start for q in qs), max(q.end for q in qs))
        out.append(AttributionSpan((c.start, c.end), _source_range(head), content, c.rule))
        covered.update(range(c.start, c.end))
    # quotations whose speaker is named only in a neighbouring sentence: the report's verb is the cue
    for q in quotes:
        cue = q.source.cue
        if cue.i in covered or q.source.rule is None or not q.source.rule.endswith("adjacent_quote"):
            continue
        qspan = doc.char_span(q.start, q.end, alignment_mode="expand")
        src = doc.char_span(q.source.start, q.source.end, alignment_mode="expand")
        out.append(AttributionSpan((cue.i, cue.i + 1), (src.start, src.end) if src is not None else None,
                                   (qspan.start, qspan.end) if qspan is not None else None, q.source.rule))
        covered.add(cue.i)
    out.sort(key=lambda r: r.cue)
    return out
