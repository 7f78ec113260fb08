"""Long documents: cut into chunks the parser can hold, analysed one by one, merged back.

A document longer than ``Options.chunk_chars`` is cut at paragraph breaks (else line
breaks, sentence ends, spaces) into chunks; each chunk is analysed as a unit of its own
and the results are merged with every offset shifted by the chunk's start, so offsets
stay exact character offsets into the whole document text. Memory stays bounded by
the chunk size, not the document size. What is lost: coreference and alias induction
across a chunk boundary (a chunk is ~100,000 characters, many pages of text).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable

from .records import Actor, DocumentAnalysis, Event, Redaction, Relation, Span, Triad

_BREAKS = ("\n\n", "\n", ". ", "? ", "! ", " ", "\t")


def split_text(text: str, max_chars: int) -> list[tuple[int, int]]:
    """[start, end) spans covering ``text`` in order, each at most ``max_chars`` long.

    A cut falls just after the last paragraph break in the second half of the window,
    else the last line break, sentence end or space; only a window without any of
    these is cut hard.
    """
    if max_chars <= 0:
        raise ValueError("max_chars must be positive")
    spans: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > max_chars:
        limit = start + max_chars
        floor = start + max_chars // 2
        cut = -1
        for sep in _BREAKS:
            at = text.rfind(sep, floor, limit)
            if at != -1 and at + len(sep) <= limit:
                cut = at + len(sep)
                break
        if cut <= start:
            cut = limit
        spans.append((start, cut))
        start = cut
    spans.append((start, n))
    return spans


def _shift_span(s: Span, by: int) -> Span:
    return dataclasses.replace(s, start=s.start + by, end=s.end + by)


def merge_analyses(doc_id: str, parts: list[tuple[int, DocumentAnalysis]],
                   triads: Callable[[DocumentAnalysis], list[Triad]]) -> DocumentAnalysis:
    """One DocumentAnalysis from the analyses of the chunks starting at the given offsets."""
    first = parts[0][1]
    merged = DocumentAnalysis(doc_id, first.date, first.date_source)
    actors: dict[str, Actor] = {}
    events: list[Event] = []
    relations: list[Relation] = []
    redactions: list[Redaction] = []
    warnings: list[str] = []
    for offset, a in parts:
        for actor in a.actors:
            mentions = [dataclasses.replace(m, start=m.start + offset, end=m.end + offset) for m in actor.mentions]
            if actor.id in actors:
                actors[actor.id].mentions.extend(mentions)
            else:
                actors[actor.id] = dataclasses.replace(actor, mentions=mentions)
        events.extend(dataclasses.replace(e, evidence=_shift_span(e.evidence, offset)) for e in a.events)
        relations.extend(dataclasses.replace(r, evidence=_shift_span(r.evidence, offset)) for r in a.relations)
        redactions.extend(dataclasses.replace(r, start=r.start + offset, end=r.end + offset) for r in a.redactions)
        warnings.extend(w for w in a.warnings if w not in warnings)
    merged.actors = sorted(actors.values(), key=lambda x: (-len(x.mentions), x.id))
    merged.events = events
    merged.relations = relations
    merged.redactions = redactions
    merged.warnings = warnings
    merged.triads = triads(merged)
    return merged


__all__ = ["split_text", "merge_analyses"]
