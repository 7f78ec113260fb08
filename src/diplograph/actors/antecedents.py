"""The antecedent of a definite description: which person of the document ``the former banker``,
``the elder statesman``, ``the soft-spoken entrepreneur`` refers back to.

A description is definite-description coreference: it names a person the text has already named. The
candidates are the persons named in the same sentence before it and in the ``WINDOW`` sentences before;
each gets a few features (how far back, subject or not, the last person named, the paragraph's topic,
what the text or the tables say the person is, the description's nationality) and a learned logistic
score (``data/models/antecedents.json``, fitted by ``scripts/train_antecedents.py`` on the build alias
articles, regularisation chosen by leave-one-set-out cross-validation; the file records the figures).
The best candidate is taken when its score reaches the model's threshold; a candidate the description
contradicts (another state, an office it holds now against ``former``) is no candidate at all, and a
description with no candidate stays unresolved (precision).

``TRACE``: when a list, every description scored is appended to it with its candidates' features (the
training script reads it; the pipeline never sets it).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..records import Actor

WINDOW = 3  # sentences back

FEATURES = (
    "same_sentence",  # named earlier in the description's own sentence
    "one_back",  # last named in the sentence before
    "far_back",  # last named two or more sentences before
    "latest",  # the last person named before the description
    "second_latest",  # the one before that
    "subject",  # a subject where last named
    "subject_latest_sentence",  # the subject of the latest sentence that names a person
    "topic",  # the person the paragraph names most so far
    "first_in_paragraph",  # the first person the paragraph names
    "mentions",  # log(1 + times named so far)
    "state_match",  # the description's nationality is the person's state
    "role_stated",  # the text gave the person this role or occupation (appositive, predicate)
    "office_held",  # an office description the person holds (text title or tables)
    "past_and_former",  # a past word (former, ex-) and the person is a former leader
    "age_word",  # the description has an age or past word (old, young, former, N-year-old)
)

TRACE: list | None = None


@dataclass
class Candidate:
    actor: str
    token: int  # last token naming the person before the description
    sentence: int
    subject: bool
    count: int  # times named before the description


@dataclass
class Facts:
    """What the description itself says (filled by the descriptor pass)."""

    start: int
    end: int
    sentence: int
    paragraph_start: int  # first sentence of the paragraph
    state: str | None  # a nationality or state word in the description
    past: bool
    aged: bool
    office: bool  # the head is an office title


@lru_cache(maxsize=1)
def model() -> dict:
    path = resources.files("diplograph.data").joinpath("models/antecedents.json")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:  # untrained: a plain recency prior (the training script writes the file)
        return {"features": list(FEATURES), "coef": [1.5, 1.0, -0.5, 2.0, 0.5, 0.5, 0.5, 0.5, 0.3, 0.3, 2.0,
                                                     2.0, 2.0, 1.5, 0.0],
                "intercept": -2.5, "threshold": 0.5}


def score(feats: dict[str, float]) -> float:
    m = model()
    z = m["intercept"] + sum(c * feats.get(f, 0.0) for f, c in zip(m["features"], m["coef"]))
    return 1.0 / (1.0 + math.exp(-z))


def features(f: Facts, c: Candidate, cands: list[Candidate], sent_subject: dict[int, str],
             paragraph: list[tuple[int, int, str]], fit: float, country: str | None, former: bool) -> dict[str, float]:
    """The features of one candidate. ``paragraph``: (token, sentence, actor) of the paragraph's person
    occurrences before the description; ``fit``: the descriptor pass's fit (3 role stated, 2 office held)."""
    order = sorted(cands, key=lambda x: -x.token)
    counts: dict[str, int] = {}
    for _, _, aid in paragraph:
        counts[aid] = counts.get(aid, 0) + 1
    top = max(counts.values()) if counts else 0
    latest_subject_sentence = max((s for s in sent_subject if s <= f.sentence), default=None)
    return {
        "same_sentence": float(c.sentence == f.sentence),
        "one_back": float(c.sentence == f.sentence - 1),
        "far_back": float(c.sentence <= f.sentence - 2),
        "latest": float(order[0].actor == c.actor),
        "second_latest": float(len(order) > 1 and order[1].actor == c.actor),
        "subject": float(c.subject),
        "subject_latest_sentence": float(latest_subject_sentence is not None and
                                         sent_subject[latest_subject_sentence] == c.actor),
        "topic": float(top > 0 and counts.get(c.actor, 0) == top),
        "first_in_paragraph": float(bool(paragraph) and paragraph[0][2] == c.actor),
        "mentions": math.log1p(c.count),
        "state_match": float(bool(f.state) and country == f.state),
        "role_stated": float(fit >= 3.0),
        "office_held": float(2.0 <= fit < 3.0 and f.office),
        "past_and_former": float(f.past and former),
        "age_word": float(f.aged or f.past),
    }


def choose(f: Facts, scored: list[tuple[Actor, dict[str, float]]], text: str = "") -> tuple[Actor, float] | None:
    """The best-scoring candidate when it reaches the threshold, else None."""
    if TRACE is not None:
        TRACE.append({"start": f.start, "end": f.end, "text": text,
                      "candidates": [(a.name, feats) for a, feats in scored]})
    if not scored:
        return None
    best = max(((score(feats), a) for a, feats in scored), key=lambda x: x[0])
    return (best[1], best[0]) if best[0] >= model()["threshold"] else None
