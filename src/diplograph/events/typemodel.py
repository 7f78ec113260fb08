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

from ..data import data_path

FEATURE_VERSION = 1
NONE = "none"

# parts of speech whose lemma is a feature by itself
_CONTENT = {"NOUN", "VERB", "ADJ", "PROPN"}
# a verb's dependants read as "verb|dep=lemma"
_ARG_DEPS = {"dobj": "obj", "nsubjpass": "pobj", "attr": "attr", "xcomp": "x", "dative": "dat", "oprd": "x"}
_SUBJ_DEPS = {"nsubj", "csubj", "agent"}
_ENT_ROLE = {"nsubj": "subj", "nsubjpass": "obj", "dobj": "obj", "pobj": "pobj", "poss": "poss",
             "compound": "mod", "amod": "mod"}


def _lemma(t: Any) -> str:
    if t.pos_ == "PROPN" or t.ent_type_:
        return "#" + (t.ent_type_ or "PROPN")  # names generalise as their entity type
    return t.lemma_.lower()


# The features of the last document's sentences, per thread: the type layer reads them for its opening
# sentences and for each sentence with a candidate, the market story for every sentence; one document
# held at a time, as ``nlp.tokens_of`` holds its tokens.
_memo = threading.local()


def _doc_memo(doc: Any) -> tuple[Any, int, dict, dict]:
    """(doc, length, features per sentence, model scores per sentence) of the document being read."""
    memo = getattr(_memo, "last", None)
    if memo is None or memo[0] is not doc or memo[1] != len(doc):
        memo = _memo.last = (doc, len(doc), {}, {})
    return memo


def sentence_features(sent: Any) -> list[str]:
    """The feature strings of one spaCy sentence (a ``Span``), each once; computed once per sentence of
    the document being read."""
    return list(_features_of(_doc_memo(sent.doc), sent))


def _features_of(memo: tuple[Any, int, dict, dict], sent: Any) -> tuple[str, ...]:
    key = (sent.start, sent.end)
    got = memo[2].get(key)
    if got is None:
        got = memo[2][key] = tuple(_sentence_features(sent))
    return got


def _sentence_features(sent: Any) -> list[str]:
    out: set[str] = set()
    root = sent.root
    out.add("root=" + _lemma(root))
    for t in sent:
        pos = t.pos_
        if pos in ("PUNCT", "SPACE", "NUM", "SYM", "X") or t.like_num:
            continue
        lem = _lemma(t)
        if pos in _CONTENT and not lem.startswith("#"):
            out.add("l=" + lem)
        if t.ent_type_:
            role = _ENT_ROLE.get(t.dep_)
            if role:
                out.add(f"e:{role}={t.ent_type_}")
        if pos in ("VERB", "AUX") and t.dep_ != "aux":
            if t.tag_ == "VBN" and any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children):
                out.add("pass|" + lem)
            for c in t.children:
                dep = c.dep_
                if dep in _ARG_DEPS:
                    out.add(f"v={lem}|{_ARG_DEPS[dep]}={_lemma(c)}")
                elif dep == "prep":
                    p = c.lower_
                    out.add(f"v={lem}|{p}")
                    for g in c.children:
                        if g.dep_ == "pobj":
                            out.add(f"v={lem}|{p}={_lemma(g)}")
                elif dep == "prt":
                    out.add(f"v={lem}_{c.lower_}")
                elif dep == "neg":
                    out.add("neg|" + lem)
                elif dep in _SUBJ_DEPS:
                    out.add(f"s={_lemma(c)}|v={lem}")
        elif pos in ("NOUN", "PROPN"):
            for c in t.children:
                if c.dep_ == "prep":
                    for g in c.children:
                        if g.dep_ == "pobj":
                            out.add(f"n={lem}|{c.lower_}={_lemma(g)}")
                elif c.dep_ == "compound" and c.pos_ == "NOUN":
                    out.add(f"n={_lemma(c)}_{lem}")
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
