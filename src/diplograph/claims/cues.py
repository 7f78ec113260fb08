"""Cue detection: the words that make a claim uncertain, negated, wished, conditional …

Reads tokens of the spaCy ``Doc``; writes ``TokenCue`` records. The lexicon is a data file
(``data/lexicons/cues.tsv``): phrase, type and an optional constraint on the first word
(its part of speech or tag, e.g. ``MD`` for the modal ``may`` and not the month; ``+comp``
when the word is a cue only with a clause under it: ``plan to``, ``the hope that``).
Phrases match on lemmas or on surface forms, longest first.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..data import data_path
from ..nlp import lower_keys_of, tokens_of
from ..records import CUE_TYPES


@dataclass
class TokenCue:
    start: int  # token index
    end: int
    type: str


@dataclass(frozen=True)
class LexEntry:
    type: str
    allowed: frozenset[str]  # POS or tag values the first word may have; empty = any
    needs_clause: frozenset[str]  # of those, the ones that must have a clause under them


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[tuple[str, ...], LexEntry]:
    out: dict[tuple[str, ...], LexEntry] = {}
    with data_path("lexicons", "cues.tsv").open(encoding="utf-8") as fh:
        for row in csv.reader((l for l in fh if l.strip() and not l.startswith("#")), delimiter="\t"):
            typ = row[1].strip()
            if typ not in CUE_TYPES:
                raise ValueError(f"cues.tsv: unknown cue type {typ!r} for {row[0]!r}; valid: {', '.join(CUE_TYPES)}")
            allowed, clause = set(), set()
            for part in (row[2].split("|") if len(row) > 2 and row[2].strip() else []):
                part = part.strip()
                if part.endswith("+comp"):
                    part = part[:-5]
                    clause.add(part)
                allowed.add(part)
            entry = LexEntry(typ, frozenset(allowed), frozenset(clause))
            words = tuple(row[0].lower().split())
            out[words] = entry
            # Surface forms too: the lemmatizer errs on rarer forms ("hopes" → "hop").
            for form in _inflections(words[-1]):
                out.setdefault(words[:-1] + (form,), entry)
    return out


def _inflections(word: str) -> list[str]:
    if len(word) < 4 or not word.isalpha():
        return []
    stem = word[:-1] if word.endswith("e") else word
    return [word + "s", stem + "ed", stem + "ing", word + "d" if word.endswith("e") else word + "ed"]


_CLAUSE_DEPS = {"xcomp", "ccomp", "acl", "relcl", "advcl"}


def _has_clause(t: Token) -> bool:
    """A clause or an ``of``/``for`` + verb phrase under ``t``: ``plan to``, ``hope that``, ``hope of ousting``."""
    for c in t.children:
        if c.dep_ in _CLAUSE_DEPS and c.pos_ in ("VERB", "AUX"):
            return True
        if c.dep_ == "prep" and any(g.dep_ == "pcomp" for g in c.children):
            return True
    return False


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(k[0] for k in cue_lexicon())


def find_cues(doc: Doc) -> list[TokenCue]:
    lex = cue_lexicon()
    firsts = _first_words()
    max_len = max(len(k) for k in lex)
    low = lower_keys_of(doc)
    texts = [k[0] for k in low]
    lemmas = [k[1] for k in low]
    toks = tokens_of(doc)
    out: list[TokenCue] = []
    i = 0
    n_tok = len(doc)
    while i < n_tok:
        if texts[i] not in firsts and lemmas[i] not in firsts:
            i += 1
            continue
        hit = None
        for n in range(min(max_len, n_tok - i), 0, -1):
            for seq in (tuple(texts[i:i + n]), tuple(lemmas[i:i + n])):
                entry = lex.get(seq)
                if entry is not None and _fits(doc, i, n, entry):
                    hit = (n, entry.type)
                    break
            if hit:
                break
        if hit:
            typ = hit[1]
            if typ == "condition" and toks[i].tag_ == "MD" and _reported_future(toks[i]):
                typ = "future"
            out.append(TokenCue(i, i + hit[0], typ))
            i += hit[0]
        else:
            i += 1
    for sent in doc.sents:
        last = sent[-1]
        if last.text == "?" or (len(sent) > 1 and last.is_space and sent[-2].text == "?"):
            q = last if last.text == "?" else sent[-2]
            out.append(TokenCue(q.i, q.i + 1, "question"))
    return out


_CAN = {"can", "could", "ca"}
_REPORTING = {"say", "tell", "announce", "state", "promise", "vow", "pledge", "add", "declare", "insist", "warn",
              "confirm", "report", "write", "predict", "claim"}


def _negated_modal(t: Token) -> bool:
    return t.lower_ in _CAN and any(c.dep_ == "neg" for c in t.head.children)


def _reported_future(modal: Token) -> bool:
    """``said it would do``: ``would`` as the future of a past reporting verb, not a hypothesis."""
    verb = modal.head
    if verb.dep_ not in ("ccomp", "parataxis") or verb.head.lemma_.lower() not in _REPORTING:
        return False
    if any(c.dep_ == "advcl" and any(g.lower_ in ("if", "unless") for g in c.children) for c in verb.children):
        return False
    return not any(c.lower_ == "have" for c in verb.children if c.dep_ == "aux")


def _fits(doc: Doc, i: int, n: int, entry: LexEntry) -> bool:
    t = tokens_of(doc)[i]
    if entry.allowed:
        kind = t.tag_ if t.tag_ in entry.allowed else t.pos_ if t.pos_ in entry.allowed else None
        if kind is None:
            return False
        if kind in entry.needs_clause and not _has_clause(t):
            return False
    if t.tag_ == "MD" and entry.type in ("speculation", "condition") and _negated_modal(t):
        return False  # "could not be reached": inability, a fact — the "not" is the cue
    if entry.type == "negation" and t.lower_ == "no" and n == 1:
        return t.dep_ in ("det", "neg", "advmod", "intj") or i + 1 < len(doc) and doc[i + 1].lower_ == "longer"
    return True
