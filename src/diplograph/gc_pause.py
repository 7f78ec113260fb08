"""Garbage-collector settings for loading large, long-lived structures.

Loading the pipeline creates about half a million objects (the knowledge-base trie, the
verb dictionary, the spaCy model) that live as long as the process. With the collector
on, each of its full passes walks all of them again: it more than doubles the time of
loading the knowledge base, and later passes keep walking them while documents are
analysed. Pausing the collector while loading, and freezing what was loaded (CPython's
``gc.freeze``, made for servers that load once and then fork), avoids both; forked
workers then also stop touching, and so copying, the shared pages.
"""
from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


@contextmanager
def paused_gc() -> Iterator[None]:
    """No automatic collection inside the block (reference counting still frees most objects)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def freeze_loaded() -> None:
    """Move every object alive now out of the collector's reach for the rest of the process."""
    gc.freeze()


# The young generation's threshold in a process that analyses documents: each document makes ~10^5
# short-lived objects (spans, proposals, dicts), nearly all freed by reference counting; at CPython's
# 700 allocations the collector ran ~1,700 times over 400 Reuters stories (and walked the older
# generations ~150 times) to find little garbage: 3–4 % of the stages' CPU after the parse. At 10,000
# it runs ~60 times (~1.5 %); the cyclic garbage it finds later is a few MB at most.
YOUNG_THRESHOLD = 10_000


def collect_less() -> None:
    """Raise the young generation's threshold (``YOUNG_THRESHOLD``) for the rest of the process: for
    the engines' processes, which analyse document after document."""
    young, older, oldest = gc.get_threshold()
    gc.set_threshold(max(YOUNG_THRESHOLD, young), older, oldest)


def load_frozen(build: Callable[[], T]) -> T:
    """``build()`` with the collector paused, and what it made frozen before the collector resumes.

    While the collector is paused every new object stays in the youngest generation, so the first
    collection after the pause would walk all of them (a fifth of a second for the pipeline, in the
    process that loads it before the workers fork): freezing first leaves that pass nothing to walk.
    For the engines, which keep what they load for the life of the process."""
    with paused_gc():
        built = build()
        gc.freeze()
    return built
