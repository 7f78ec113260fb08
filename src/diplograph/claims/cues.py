"""Cue detection: the words that make a claim uncertain, negated, wished, conditional …

Reads tokens of the spaCy ``Doc``; writes ``Cue`` records. The lexicon is a data file
(``data/lexicons/cues.tsv``); phrases match on lemmas or on surface forms, longest first.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ..data import data_path
from ..records import CUE_TYPES


@dataclass
class TokenCue:
    start: int  # token index
    end: int
    type: str


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    with data_path("lexicons", "cues.tsv").open(encoding="utf-8") as fh:
        for row in csv.reader((l for l in fh if l.strip() and not l.startswith("#")), delimiter="\t"):
            typ = row[1].strip()
            assert typ in CUE_TYPES, f"unknown cue type {typ!r} in cues.tsv"
            words = tuple(row[0].lower().split())
            out[words] = typ
            # Surface forms too: the lemmatizer errs on rarer forms ("hopes" → "hop").
            for form in _inflections(words[-1]):
                out.setdefault(words[:-1] + (form,), typ)
    return out


def _inflections(word: str) -> list[str]:
    if len(word) < 3 or not word.isalpha():
        return []
    stem = word[:-1] if word.endswith("e") else word
    return [word + "s", stem + "ed", stem + "ing", word + "d" if word.endswith("e") else word + "ed"]


def find_cues(doc: Doc) -> list[TokenCue]:
    lex = cue_lexicon()
    max_len = max(len(k) for k in lex)
    lemmas = [t.lemma_.lower() for t in doc]
    texts = [t.lower_ for t in doc]
    out: list[TokenCue] = []
    i = 0
    while i < len(doc):
        hit = None
        for n in range(min(max_len, len(doc) - i), 0, -1):
            for seq in (tuple(texts[i:i + n]), tuple(lemmas[i:i + n])):
                if seq in lex:
                    hit = (n, lex[seq])
                    break
            if hit:
                break
        if hit and _is_cue(doc, i, hit[1]):
            out.append(TokenCue(i, i + hit[0], hit[1]))
            i += hit[0]
        else:
            i += 1
    for sent in doc.sents:
        last = sent[-1] if sent[-1].is_punct or len(sent) == 1 else None
        if last is not None and last.text == "?":
            out.append(TokenCue(last.i, last.i + 1, "question"))
    return out


def _is_cue(doc: Doc, i: int, typ: str) -> bool:
    t = doc[i]
    if typ == "speculation" and t.lower_ in ("may", "might", "could", "should"):
        return t.tag_ == "MD"
    if typ == "future" and t.lower_ in ("will", "shall"):
        return t.tag_ == "MD"
    if typ == "negation" and t.lower_ == "no":
        return t.dep_ in ("det", "neg", "advmod") or t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "longer"
    if typ in ("attribution", "desire", "speculation") and t.pos_ == "NOUN":
        return False  # "the state", "a plan"… are not cues
    return True
