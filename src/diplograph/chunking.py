"""Long documents: cut into chunks the parser can hold, analysed one by one, merged back.

A document longer than ``Options.chunk_chars`` is cut at paragraph breaks (else line
breaks, sentence ends, spaces) into chunks; each chunk is analysed as a unit of its own
and the results are merged with every offset shifted by the chunk's start, so offsets
stay exact character offsets into the whole document text. Memory stays bounded by
the chunk size, not the document size. What is lost: coreference and alias induction
across a chunk boundary (a chunk is ~30,000 characters, several pages of text).
"""
from __future__ import annotations

import dataclasses
from collections.abc import Callable

from .records import Actor, DocumentAnalysis, Triad

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


def shift(obj, by: int):
    """A copy of ``obj`` with every ``start``/``end`` inside it (spans, mentions, cues…) moved by ``by``.

    Generic over the records, so a span field added to a record later is shifted too.
    """
    if by == 0:
        return obj
    if isinstance(obj, list):
        return [shift(x, by) for x in obj]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        changes = {}
        for f in dataclasses.fields(obj):
            v = getattr(obj, f.name)
            if f.name in ("start", "end") and isinstance(v, int):
                changes[f.name] = v + by
            elif isinstance(v, list) or (dataclasses.is_dataclass(v) and not isinstance(v, type)):
                changes[f.name] = shift(v, by)
        return dataclasses.replace(obj, **changes)
    return obj


def merge_analyses(doc_id: str, parts: list[tuple[int, DocumentAnalysis]],
                   triads: Callable[[DocumentAnalysis], list[Triad]]) -> DocumentAnalysis:
    """One DocumentAnalysis from the analyses of the chunks starting at the given offsets.

    Actors are merged by id (mentions in text order), warnings de-duplicated, triads
    recomputed over the whole; every other list (events, relations, redactions, …) is
    the chunks' lists one after the other.
    """
    first = parts[0][1]
    merged = DocumentAnalysis(doc_id, first.date, first.date_source)
    actors: dict[str, Actor] = {}
    for offset, a in parts:
        a = shift(a, offset)
        for f in dataclasses.fields(DocumentAnalysis):
            value = getattr(a, f.name)
            if f.name == "actors":
                for actor in value:
                    if actor.id in actors:
                        actors[actor.id].mentions.extend(actor.mentions)
                    else:
                        actors[actor.id] = dataclasses.replace(actor, mentions=list(actor.mentions))
            elif f.name == "warnings":
                merged.warnings.extend(w for w in value if w not in merged.warnings)
            elif isinstance(value, list) and f.name != "triads":
                getattr(merged, f.name).extend(value)
    merged.actors = sorted(actors.values(), key=lambda x: (-len(x.mentions), x.id))
    merged.triads = triads(merged)
    return merged


__all__ = ["split_text", "merge_analyses", "shift"]
