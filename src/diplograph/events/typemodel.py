"""The learned event-type model: which kind of act a sentence reports, from its parse.

A multinomial logistic regression over lemma and dependency features of the spaCy parse the
pipeline already makes (content lemmas, the root verb, each verb with its object, particle,
prepositions and negation, nouns with their prepositions, the entity types in subject and
object position). Its classes are CAMEO roots ``03`` … ``19`` (``18`` stands for ASSAULT,
CAMEO 18 and 20; ``08`` for PLOVER's CONCEDE and RETREAT) and ``none``: a sentence that
reports no political act between actors (market, company and commodity news).

The model is data, not code: ``data/models/event_type.npz`` (coefficients, intercepts) and
``event_type.json`` (classes, feature vocabulary, training sources, thresholds fitted on
held-out folds). Reading it needs numpy only; ``scripts/train_event_type.py`` makes it
(scikit-learn, the ``train`` extra) from research data named in ``data/NOTICE.md``.
Cost: a dictionary lookup per feature and one small matrix sum per sentence.
"""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from spacy.attrs import HEAD

from ..data import data_path
from ..nlp import pos_of, tokens_of

FEATURE_VERSION = 1
NONE = "none"

# parts of speech whose lemma is a feature by itself
_CONTENT = {"NOUN", "VERB", "ADJ", "PROPN"}
# a verb's dependants read as "verb|dep=lemma"
_ARG_DEPS = {"dobj": "obj", "nsubjpass": "pobj", "attr": "attr", "xcomp": "x", "dative": "dat", "oprd": "x"}
_SUBJ_DEPS = {"nsubj", "csubj", "agent"}
_ENT_ROLE = {"nsubj": "subj", "nsubjpass": "obj", "dobj": "obj", "pobj": "pobj", "poss": "poss",
             "compound": "mod", "amod": "mod"}


# The features of the last document's sentences, per thread: the type layer reads them for its opening
# sentences and for each sentence with a candidate, the market story for every sentence; one document
# held at a time, as ``nlp.tokens_of`` holds its tokens.
_memo = threading.local()


def _doc_memo(doc: Any) -> list:
    """[doc, length, features per sentence, model scores per sentence, token columns] of the document
    being read."""
    memo = getattr(_memo, "last", None)
    if memo is None or memo[0] is not doc or memo[1] != len(doc):
        memo = _memo.last = [doc, len(doc), {}, {}, None]
    return memo


def sentence_features(sent: Any) -> list[str]:
    """The feature strings of one spaCy sentence (a ``Span``), each once; computed once per sentence of
    the document being read."""
    return list(_features_of(_doc_memo(sent.doc), sent))


def _features_of(memo: list, sent: Any) -> tuple[str, ...]:
    key = (sent.start, sent.end)
    got = memo[2].get(key)
    if got is None:
        got = memo[2][key] = tuple(_sentence_features(sent, _columns(memo)))
    return got


@dataclass
class _Columns:
    """Per token of a document, what the features read: its part of speech, dependency, entity type,
    feature lemma and children's indices. Read once per document: the type layer and the
    market story featurise most of a document's sentences, and spaCy builds a new ``Token`` (and a new
    string per attribute) on every ``sent`` iteration, ``children`` step and attribute read."""

    tokens: list
    pos: list[str]
    dep: list[str]
    ent: list[str]
    lemma: list[str]
    children: list[list[int]]


def _columns(memo: list) -> _Columns:
    if memo[4] is None:
        doc = memo[0]
        toks = tokens_of(doc)
        pos = pos_of(doc)
        ent = [t.ent_type_ for t in toks]
        # the feature lemma: names generalise as their entity type
        lemma = ["#" + (e or "PROPN") if p == "PROPN" or e else t.lemma_.lower() for t, p, e in zip(toks, pos, ent)]
        # each token's head as an offset, read in one call (``t.head`` builds a Token per token);
        # children listed in token order, as ``Token.children`` gives them
        children: list[list[int]] = [[] for _ in toks]
        for i, offset in enumerate(doc.to_array([HEAD]).astype(np.int64).tolist()):
            if offset:
                children[i + offset].append(i)
        memo[4] = _Columns(toks, pos, [t.dep_ for t in toks], ent, lemma, children)
    return memo[4]


_SKIPPED_POS = frozenset(("PUNCT", "SPACE", "NUM", "SYM", "X"))


def _sentence_features(sent: Any, cols: _Columns) -> list[str]:
    toks, pos, dep, ent, lemma, kids = cols.tokens, cols.pos, cols.dep, cols.ent, cols.lemma, cols.children
    out: set[str] = set()
    out.add("root=" + lemma[sent.root.i])
    for i in range(sent.start, sent.end):
        p = pos[i]
        if p in _SKIPPED_POS or toks[i].like_num:
            continue
        lem = lemma[i]
        if p in _CONTENT and not lem.startswith("#"):
            out.add("l=" + lem)
        if ent[i]:
            role = _ENT_ROLE.get(dep[i])
            if role:
                out.add(f"e:{role}={ent[i]}")
        if p in ("VERB", "AUX") and dep[i] != "aux":
            if toks[i].tag_ == "VBN" and any(dep[c] in ("auxpass", "nsubjpass") for c in kids[i]):
                out.add("pass|" + lem)
            for c in kids[i]:
                d = dep[c]
                if d in _ARG_DEPS:
                    out.add(f"v={lem}|{_ARG_DEPS[d]}={lemma[c]}")
                elif d == "prep":
                    prep = toks[c].lower_
                    out.add(f"v={lem}|{prep}")
                    for g in kids[c]:
                        if dep[g] == "pobj":
                            out.add(f"v={lem}|{prep}={lemma[g]}")
                elif d == "prt":
                    out.add(f"v={lem}_{toks[c].lower_}")
                elif d == "neg":
                    out.add("neg|" + lem)
                elif d in _SUBJ_DEPS:
                    out.add(f"s={lemma[c]}|v={lem}")
        elif p in ("NOUN", "PROPN"):
            for c in kids[i]:
                if dep[c] == "prep":
                    for g in kids[c]:
                        if dep[g] == "pobj":
                            out.add(f"n={lem}|{toks[c].lower_}={lemma[g]}")
                elif dep[c] == "compound" and pos[c] == "NOUN":
                    out.add(f"n={lemma[c]}_{lem}")
    return sorted(out)


@dataclass
class TypeModel:
    """Coefficients of the trained model and what it was trained on."""

    classes: list[str]
    vocabulary: dict[str, int]
    coef: np.ndarray  # (features, classes)
    intercept: np.ndarray  # (classes,)
    meta: dict[str, Any] = field(default_factory=dict)

    def scores(self, features: list[str]) -> np.ndarray:
        """Class probabilities for a bag of features."""
        idx = [self.vocabulary[f] for f in features if f in self.vocabulary]
        z = self.intercept + (self.coef[idx].sum(axis=0) if idx else 0.0)
        z = z - z.max()
        e = np.exp(z)
        return e / e.sum()

    def proba(self, features: list[str]) -> dict[str, float]:
        return dict(zip(self.classes, (float(p) for p in self.scores(features))))

    def sentence(self, sent: Any) -> dict[str, float]:
        """``proba`` of the sentence's features; the type layer asks it for the opening sentences and
        those with candidates, the market story for every sentence: computed once per sentence and
        model (a new dict on every call: a caller's dict is its own)."""
        memo = _doc_memo(sent.doc)
        key = (sent.start, sent.end)
        got = memo[3].get(key)
        if got is None or got[0] is not self:
            got = memo[3][key] = (self, [float(p) for p in self.scores(list(_features_of(memo, sent)))])
        return dict(zip(self.classes, got[1]))

    def threshold(self, name: str, default: float) -> float:
        return float(self.meta.get("thresholds", {}).get(name, default))

    def save(self, stem: Path) -> None:
        np.savez_compressed(stem.with_suffix(".npz"), coef=self.coef.astype(np.float16),
                            intercept=self.intercept.astype(np.float32))
        vocab = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        stem.with_suffix(".json").write_text(json.dumps(
            {"feature_version": FEATURE_VERSION, "classes": self.classes, "meta": self.meta, "vocabulary": vocab},
            ensure_ascii=False, indent=0), encoding="utf-8")


def read_model(stem: Path) -> TypeModel:
    spec = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))
    with np.load(stem.with_suffix(".npz"), allow_pickle=False) as arrays:
        coef = arrays["coef"].astype(np.float32)
        intercept = arrays["intercept"].astype(np.float32)
    vocab = {f: i for i, f in enumerate(spec["vocabulary"])}
    if spec.get("feature_version") != FEATURE_VERSION:
        raise ValueError(f"{stem.name}: features of version {spec.get('feature_version')}, "
                         f"this code reads version {FEATURE_VERSION}; retrain with scripts/train_event_type.py")
    return TypeModel(list(spec["classes"]), vocab, coef, intercept, dict(spec.get("meta", {})))


MODEL_STEM = ("models", "event_type")


@lru_cache(maxsize=1)
def load_type_model() -> TypeModel | None:
    """The shipped model, or None when its files are absent (a trimmed install)."""
    stem = data_path(*MODEL_STEM)
    if not stem.with_suffix(".npz").exists():
        return None
    return read_model(stem)
