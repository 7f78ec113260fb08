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
from collections.abc import Iterator
from contextlib import contextmanager


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
