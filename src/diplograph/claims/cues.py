"""Cue detection: the words that make a claim uncertain, negated, wished, conditional …

Reads tokens of the spaCy ``Doc``; writes ``TokenCue`` records. Cues are proposed by named
rules (``diplograph.rules.REGISTRY``, stage ``claims``, kind ``cue``), each reading data:

- ``cue.lexicon``: the phrase lexicon ``data/lexicons/cues.tsv`` — phrase, type and an optional
  constraint on the first word (its part of speech or tag, e.g. ``MD`` for the modal ``may`` and
  not the month; ``+comp`` when the word is a cue only with a clause under it: ``plan to``,
  ``the hope that``). Phrases match on lemmas or on surface forms, longest first.
- ``cue.pattern``: token patterns (spaCy ``Matcher``) in ``data/lexicons/cue_patterns.jsonl``, for
  cues that are a shape rather than a phrase (``some critics say``, ``it is widely believed``).
- ``cue.reporting_verb``: the reporting-verb lexicon (``attribution/reporting.tsv``, read by
  ``claims/lexicons.py``): a verb of saying, writing or believing with a clause or quotation under it.
- ``cue.question_mark``: a sentence closing with ``?``.
- ``cue.reported_future``: ``said it would …`` — ``would`` as the future of a past report, not a hypothesis.

Overlapping proposals are settled in one place: left to right, the longest, then the best scored.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from ..data import data_path
from ..lexicon import word_class
from ..nlp import lower_keys_of, sentences_of, tokens_of
from ..records import CUE_TYPES
from ..rules import REGISTRY, Proposal
from .lexicons import reporting_entry

LEXICON = REGISTRY.declare(
    "cue.lexicon", stage="claims", kind="cue", reads=("tokens", "lexicon:cues.tsv"), confidence=0.9,
    description="a phrase of the cue lexicon (lemma or surface form, with its part-of-speech constraint)")
PATTERN = REGISTRY.declare(
    "cue.pattern", stage="claims", kind="cue", reads=("tokens", "patterns:cue_patterns.jsonl"), confidence=0.8,
    description="a token pattern of data/lexicons/cue_patterns.jsonl (weasel phrases, vague sources)")
REPORTING = REGISTRY.declare(
    "cue.reporting_verb", stage="claims", kind="cue", reads=("parse", "lexicon:attribution/reporting.tsv"),
    confidence=0.7, description="a reporting or attitude verb of the reporting lexicon with content under it")
QUESTION = REGISTRY.declare(
    "cue.question_mark", stage="claims", kind="cue", reads=("tokens",), confidence=0.95,
    description="a sentence that closes with a question mark")
REPORTED_FUTURE = REGISTRY.declare(
    "cue.reported_future", stage="claims", kind="cue", reads=("parse", "lexicon:reported_future_verbs"), confidence=0.8,
    description="'said it would': a conditional modal under a past report is a future")


@dataclass
class TokenCue:
    start: int  # token index
    end: int
    type: str
    rule: str | None = None  # the named rule that proposed it


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
def _first_words() -> dict[str, frozenset[int]]:
    """First word of a cue phrase → the lengths (in words) of the phrases it begins."""
    lengths: dict[str, set[int]] = {}
    for k in cue_lexicon():
        lengths.setdefault(k[0], set()).add(len(k))
    return {w: frozenset(ns) for w, ns in lengths.items()}


_NO_LENGTHS: frozenset[int] = frozenset()


def _lexicon_proposals(doc: Doc) -> list[Proposal[TokenCue]]:
    lex = cue_lexicon()
    firsts = _first_words()
    max_len = max(len(k) for k in lex)
    low = lower_keys_of(doc)
    texts = [k[0] for k in low]
    lemmas = [k[1] for k in low]
    out: list[Proposal[TokenCue]] = []
    n_tok = len(doc)
    for i in range(n_tok):
        if texts[i] not in firsts and lemmas[i] not in firsts:
            continue
        # only the lengths of phrases that begin with this word or its lemma can match
        by_text, by_lemma = firsts.get(texts[i], _NO_LENGTHS), firsts.get(lemmas[i], _NO_LENGTHS)
        for n in range(min(max_len, n_tok - i), 0, -1):
            if n not in by_text and n not in by_lemma:
                continue
            entry = next((e for seq in (tuple(texts[i:i + n]), tuple(lemmas[i:i + n]))
                          if (e := lex.get(seq)) is not None and _fits(doc, i, n, e)), None)
            if entry is not None:
                out.append(Proposal("cue", TokenCue(i, i + n, entry.type, LEXICON), 0.9, LEXICON))
                break
    return out


@lru_cache(maxsize=1)
def _pattern_table() -> tuple[tuple[str, str, list], ...]:
    """(id, cue type, Matcher pattern) per line of cue_patterns.jsonl."""
    rows = []
    path = data_path("lexicons", "cue_patterns.jsonl")
    if not path.exists():
        return ()
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            try:
                row = json.loads(line)
                row["id"], row["type"], row["pattern"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ValueError(f"cue_patterns.jsonl:{n}: {exc}") from None
            if row["type"] not in CUE_TYPES:
                raise ValueError(f"cue_patterns.jsonl:{n}: unknown cue type {row['type']!r}")
            rows.append((row["id"], row["type"], row["pattern"]))
    return tuple(rows)


# (match id hash → (pattern id, cue type)); keyed by our own hash of the pattern id, never looked up in
# the vocabulary's StringStore: a string added inside spaCy's memory_zone (the ingest workers run each
# task in one) is gone after it, and looking it up again fails (E018)
_MATCHERS: dict[int, tuple[Matcher, dict[int, tuple[str, str]]]] = {}


def prepare(vocab: Vocab) -> None:
    """Build the pattern matcher for ``vocab`` now (call it outside any memory zone: at pipeline load)."""
    key = id(vocab)
    if key not in _MATCHERS:
        m = Matcher(vocab)
        names: dict[int, tuple[str, str]] = {}
        for pid, typ, pattern in _pattern_table():
            m.add(pid, [pattern])
            names[get_string_id(pid)] = (pid, typ)
        _MATCHERS[key] = (m, names)


def _pattern_proposals(doc: Doc) -> list[Proposal[TokenCue]]:
    if not _pattern_table():
        return []
    prepare(doc.vocab)
    m, names = _MATCHERS[id(doc.vocab)]
    return [Proposal("cue", TokenCue(s, e, names[mid][1], PATTERN), 0.8, PATTERN, evidence=names[mid][0])
            for mid, s, e in m(doc)]


def _reporting_proposals(doc: Doc) -> list[Proposal[TokenCue]]:
    out = []
    for t in tokens_of(doc):
        if t.pos_ not in ("VERB", "NOUN"):
            continue
        entry = reporting_entry(t)
        if entry is None or not entry.fires(t):
            continue
        out.append(Proposal("cue", TokenCue(t.i, t.i + 1, "attribution", REPORTING), entry.confidence, REPORTING))
    return out


def _question_proposals(doc: Doc) -> list[Proposal[TokenCue]]:
    out = []
    for sent in sentences_of(doc):
        last = sent[-1]
        if last.text == "?" or (len(sent) > 1 and last.is_space and sent[-2].text == "?"):
            q = last if last.text == "?" else sent[-2]
            out.append(Proposal("cue", TokenCue(q.i, q.i + 1, "question", QUESTION), 0.95, QUESTION))
    return out


def _settle(proposals: list[Proposal[TokenCue]]) -> list[TokenCue]:
    """Non-overlapping cues: left to right, the longest first, then the best scored (one place)."""
    live = REGISTRY.live(proposals)
    live.sort(key=lambda p: (p.value.start, -(p.value.end - p.value.start), -REGISTRY.score(p)))
    out: list[TokenCue] = []
    end = -1
    for p in live:
        if p.value.start >= end:
            out.append(p.value)
            end = p.value.end
    return out


def find_cues(doc: Doc) -> list[TokenCue]:
    toks = tokens_of(doc)
    found = _settle(_lexicon_proposals(doc) + _pattern_proposals(doc) + _reporting_proposals(doc))
    for c in found:
        if c.type == "condition" and toks[c.start].tag_ == "MD" and REGISTRY.enabled(REPORTED_FUTURE) \
                and _reported_future(toks[c.start]):
            c.type, c.rule = "future", REPORTED_FUTURE
    found += [p.value for p in REGISTRY.live(_question_proposals(doc))]
    return found


def _negated_modal(t: Token) -> bool:
    return t.lower_ in word_class("ability_modals") and any(c.dep_ == "neg" for c in t.head.children)


def _reported_future(modal: Token) -> bool:
    """``said it would do``: ``would`` as the future of a past reporting verb, not a hypothesis."""
    verb = modal.head
    if verb.dep_ not in ("ccomp", "parataxis"):
        return False
    if verb.head.lemma_.lower() not in word_class("reported_future_verbs"):
        return False
    if any(c.dep_ == "advcl" and any(g.lower_ in word_class("condition_marks") for g in c.children)
           for c in verb.children):
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
